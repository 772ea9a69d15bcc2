"""kgraph export: every format, named graphs kept where the format can, and sorted stable Turtle."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgraph.cli import main
from tests.synthetic import CHINA, PUTIN, XI, build, meeting, result, visit

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [result("a", [meeting("a", PUTIN, XI)]), result("b", [meeting("b", PUTIN, XI), visit("b", PUTIN, CHINA)])]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    spec = f"oxigraph:{tmp_path_factory.mktemp('export') / 'kg'}"
    return build(spec, ARTICLES)


@pytest.mark.parametrize("fmt, suffix, graphs", [
    ("turtle", "ttl", 0), ("nt", "nt", 0), ("jsonld", "jsonld", 0), ("nquads", "nq", 3), ("trig", "trig", 3),
])
def test_export_writes_each_format_and_keeps_graphs_where_it_can(store, tmp_path, fmt, suffix, graphs):
    out = tmp_path / f"g.{suffix}"
    assert main(["export", store, "-f", fmt, "-o", str(out)]) == 0
    quads = list(ox.parse(path=str(out)))
    assert len({str(q.graph_name) for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}) == graphs
    assert len({q.triple for q in quads}) == len({q.triple for q in ox.parse(path=str(_export(store, tmp_path, "nq")))})


def _export(spec, folder, suffix) -> Path:
    out = folder / f"again.{suffix}"
    assert main(["export", spec, "-o", str(out)]) == 0
    return out


def test_format_follows_the_suffix_and_stdout_gets_turtle(store, tmp_path, capsys):
    assert main(["export", store]) == 0
    text = capsys.readouterr().out
    assert text.startswith("@prefix") and "kg:Meeting" in text
    assert _export(store, tmp_path, "trig").read_text(encoding="utf-8").count("article:a {") == 1


def test_converting_back_and_forth_keeps_every_quad(store, tmp_path):
    nq = _export(store, tmp_path, "nq")
    trig = tmp_path / "g.trig"
    assert main(["export", str(nq), "-o", str(trig)]) == 0
    assert main(["export", str(trig), "-f", "nquads", "-o", str(tmp_path / "back.nq")]) == 0
    assert (tmp_path / "back.nq").read_bytes() == nq.read_bytes()


@pytest.mark.parametrize("argv, message", [
    (["export", "missing.ttl", "-o", "x.ttl"], "no such graph file"),
    (["export", "STORE", "-o", "x.csv"], "unknown graph format"),
])
def test_export_errors_exit_2(store, capsys, argv, message):
    assert main([store if a == "STORE" else a for a in argv]) == 2
    assert message in capsys.readouterr().err


def test_two_builds_of_data_give_byte_identical_turtle(tmp_path):
    """Separate processes (fresh hash seeds), so nothing may depend on set or dict order."""
    outputs = []
    for run, seed in enumerate(("1", "2")):
        out = tmp_path / f"build{run}.ttl"
        completed = subprocess.run([sys.executable, "-m", "kgraph", "build", "data", "-o", str(out)],
                                   cwd=ROOT, capture_output=True, text=True, timeout=300,
                                   env={**__import__("os").environ, "PYTHONHASHSEED": seed})
        assert completed.returncode == 0, completed.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") > 50
