"""The runner's worker processes: how they start (a fork server holding the models, or spawned),
what they hold, and that no fork server outlives the runs."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from multiprocessing import forkserver
from pathlib import Path

import pytest

from kgraph import runner
from kgraph.model import Article
from kgraph.runner import THREAD_VARIABLES, run

ROOT = Path(__file__).resolve().parents[1]

linux = pytest.mark.skipif(not runner.FORK_SERVER, reason="the fork server is used on Linux only")


def holds(article: Article) -> dict:
    """What the worker that ran it holds: its parent process, natasha (imported, its models
    loaded), the BLAS thread variables."""
    nlp = sys.modules.get("kgraph.nlp")
    return {
        "parent": os.getppid(),
        "natasha": "natasha" in sys.modules,
        "models": bool(nlp and nlp.pipeline.cache_info().currsize),
        "threads": sorted({os.environ.get(name) for name in THREAD_VARIABLES}),
    }


def inputs(count: int = 4) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Статья номер {i}.") for i in range(count)]


def fork_server() -> int | None:
    """The process's fork server, if one runs."""
    return forkserver._forkserver._forkserver_pid


def in_workers(**options) -> list[dict]:
    return list(run(inputs(), 2, function=holds, min_parallel=0, **options))


@linux
def test_workers_of_the_pipeline_fork_from_a_server_with_the_models_loaded_and_one_blas_thread():
    before = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    seen = in_workers(models=True)
    assert all(item["models"] and item["threads"] == ["1"] for item in seen)
    assert os.getpid() not in {item["parent"] for item in seen}  # forked by the fork server, not by this process
    assert fork_server() is None  # stopped with the run
    assert {name: os.environ.get(name) for name in THREAD_VARIABLES} == before


@linux
def test_workers_of_another_function_do_not_pay_for_the_models():
    seen = in_workers()
    assert not any(item["natasha"] for item in seen) and all(item["threads"] == ["1"] for item in seen)


@linux
def test_the_pipeline_is_preloaded_by_default_and_another_function_is_not(monkeypatch):
    asked = []
    real = runner._worker_context

    def spy(models):
        asked.append(models)
        return real(models)

    monkeypatch.setattr(runner, "_worker_context", spy)
    assert [item.article.id for item in run(inputs(2), 2, min_parallel=0)] == ["a0", "a1"]
    in_workers()
    assert asked == [True, False]


@linux
def test_each_run_gets_a_fresh_fork_server_with_its_own_preload():
    without = in_workers()
    with_models = in_workers(models=True)
    assert not any(item["natasha"] for item in without) and all(item["models"] for item in with_models)
    assert {item["parent"] for item in without}.isdisjoint(item["parent"] for item in with_models)
    assert fork_server() is None


@linux
def test_runs_at_the_same_time_share_the_fork_server_and_the_last_one_stops_it():
    first = run(inputs(), 2, function=holds, min_parallel=0)
    head = next(first)
    server = fork_server()
    second = in_workers()
    assert fork_server() == server  # the first run still uses it
    rest = [head, *first]
    assert {item["parent"] for item in rest + second} == {server}
    assert fork_server() is None


@linux
def test_a_fork_server_started_by_someone_else_is_left_alone():
    forkserver.ensure_running()
    server = fork_server()
    try:
        seen = in_workers(models=True)
        assert {item["parent"] for item in seen} == {os.getpid()}  # spawned: the server's preload is unknown
        assert all(item["threads"] == ["1"] for item in seen)
        assert fork_server() == server
    finally:
        forkserver._forkserver._stop()


def test_where_there_is_no_fork_server_workers_are_spawned(monkeypatch):
    monkeypatch.setattr(runner, "FORK_SERVER", False)
    seen = in_workers()
    assert {item["parent"] for item in seen} == {os.getpid()} and all(item["threads"] == ["1"] for item in seen)


def test_a_model_that_fails_to_load_with_two_workers_stops_the_run_loudly(tmp_path):
    """Not an ImportError (which the fork server's preload would hide anyway) but any error, as a
    broken model file raises: the fork server still starts, each worker meets the error on every
    article, and the command stops on the first ones failing alike, with one error."""
    broken = tmp_path / "site" / "navec"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text('raise ValueError("navec: broken model file")\n')
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{i}", "text": "Путин прибыл в Пекин."}, ensure_ascii=False) + "\n"
                              for i in range(40)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path / "site"), str(ROOT)]))
    completed = subprocess.run([sys.executable, "-m", "kgraph", "extract", str(source), "-o", str(tmp_path / "p.jsonl"),
                                "--workers", "2"], capture_output=True, text=True, env=env, timeout=300, check=False)
    assert completed.returncode == 2, completed.stderr
    assert completed.stderr.count("kgraph: error:") == 1 and "Traceback" not in completed.stderr
    assert "ValueError: navec: broken model file" in completed.stderr
    assert not (tmp_path / "p.jsonl").exists()
