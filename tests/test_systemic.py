"""A systemic failure (every article failing alike: a missing dependency, natasha not
loading) stops the run with one clear error and exit 2, not a warning per article and exit 0."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kgraph.pipeline
from kgraph.articles import Skipped
from kgraph.cli import main
from kgraph.cli.systemic import FIRST, SystemicFailure, Watch

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Владимир Путин провел переговоры с Си Цзиньпином."


def _jsonl(path: Path, n: int) -> Path:
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": TEXT}, ensure_ascii=False) + "\n" for i in range(n)),
                    encoding="utf-8")
    return path


def _failing(article):
    raise ModuleNotFoundError("No module named 'pkg_resources'")


def test_the_first_articles_failing_alike_stop_the_run(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(kgraph.pipeline, "process", _failing)
    out = tmp_path / "g.ttl"
    assert main(["build", str(_jsonl(tmp_path / "in.jsonl", 50)), "-o", str(out), "--workers", "1"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"kgraph: error: the first {FIRST} articles all failed with the same error, so every "
                           "article would: processing failed: ModuleNotFoundError: No module named 'pkg_resources'")
    assert line.endswith("(a dependency is missing: reinstall kgraph with pip install .)")
    assert not out.exists()


def test_a_short_run_whose_every_article_failed_alike_fails(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(kgraph.pipeline, "process", _failing)
    out = tmp_path / "p.jsonl"
    assert main(["extract", str(_jsonl(tmp_path / "in.jsonl", 2)), "-o", str(out), "--workers", "1"]) == 2
    assert "every article (2) failed with the same error" in capsys.readouterr().err
    assert not out.exists()


def test_natasha_that_cannot_be_imported_is_one_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "kgraph.pipeline", None)  # import kgraph.pipeline raises ImportError
    assert main(["build", str(_jsonl(tmp_path / "in.jsonl", 3)), "-o", str(tmp_path / "g.ttl"), "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kgraph: error: cannot load the language models: ") and len(err.splitlines()) == 1


def test_failures_of_some_articles_stay_warnings(tmp_path, capsys, monkeypatch):
    process = kgraph.pipeline.process
    monkeypatch.setattr(kgraph.pipeline, "process",
                        lambda article: _failing(article) if article.id in ("a0", "a2") else process(article))
    assert main(["extract", str(_jsonl(tmp_path / "in.jsonl", 3)), "-o", str(tmp_path / "p.jsonl"), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert err.count("kgraph: warning: skipped") == 2 and "1 articles read" in err and "2 skipped" in err
    assert [json.loads(line)["id"] for line in (tmp_path / "p.jsonl").read_text().splitlines()] == ["a1"]


@pytest.mark.parametrize("reasons, expected", [
    (["x", "x", "y"], ["x", "x", "y"]),  # two different errors: each article's own
    (["x"], SystemicFailure),
    (["x", "x", "x"], SystemicFailure),
])
def test_watch_decides_at_the_end(reasons, expected):
    watch = Watch(first=5)
    seen = [failure.reason for reason in reasons for failure in watch.see(Skipped("a", reason))]
    if expected is SystemicFailure:
        with pytest.raises(SystemicFailure):
            watch.close()
    else:
        assert seen + [failure.reason for failure in watch.close()] == expected


@pytest.mark.parametrize("articles, workers", [(3, 1), (40, 2)])
def test_without_pkg_resources_the_build_works(tmp_path, articles, workers):
    """The Python 3.12 failure a newcomer met (pymorphy2 could not import pkg_resources to find its
    dictionary) is gone: kgraph.nlp.morph_vocab gives pymorphy2 the dictionary's path."""
    fake = tmp_path / "site" / "pkg_resources"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ModuleNotFoundError(\"No module named 'pkg_resources'\")\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path / "site"), str(ROOT)]))
    completed = subprocess.run([sys.executable, "-m", "kgraph", "build", str(_jsonl(tmp_path / "in.jsonl", articles)),
                                "-o", str(tmp_path / "g.ttl"), "--workers", str(workers), "-q"],
                               capture_output=True, text=True, env=env, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr
    assert "error" not in completed.stderr and "warning" not in completed.stderr
    assert (tmp_path / "g.ttl").stat().st_size > 0
