"""Interruptions: Ctrl-C or a kill during ``kgraph build -o graph.ttl`` never leaves half a graph.

Each test starts a real ``python3 -m kgraph build`` (or ``extract``) over a few
hundred short articles, with the output file already holding a previous good one, and
interrupts it mid-run, as a user's Ctrl-C does: SIGINT to the whole process
group (so worker processes get it too). The input opens with a broken line,
so the command's first warning on stderr says that reading -- past imports
and inside the command -- has begun.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

from kgraph.store import atomic_write

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 5000  # ~15 s on two idle workers (1,200 took 4 s: short articles go in batches); every test interrupts it
STARTED = "kgraph: warning: skipped"
SETTLE = 2.0  # seconds after the first warning: natasha is loading or articles are being processed
DEADLINE = 120.0

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")


@pytest.fixture(scope="module")
def big_input(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("input") / "big.jsonl"
    people = ["Си Цзиньпином", "Нарендрой Моди", "Реджепом Тайипом Эрдоганом", "Александром Лукашенко"]
    lines = ["{broken"] + [
        json.dumps({"id": f"a{i}", "date": "2026-02-04",
                    "text": f"Президент РФ Владимир Путин провел переговоры с {people[i % len(people)]}."},
                   ensure_ascii=False)
        for i in range(ARTICLES)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def old_graph(tmp_path, seed_graph_file) -> Path:
    """``out/graph.ttl`` holding a previous good graph, alone in its folder (renamed for extract)."""
    out = tmp_path / "out"
    out.mkdir()
    path = out / "graph.ttl"
    path.write_bytes(seed_graph_file.read_bytes())
    return path


def start(command: str, source: Path, output: Path, log: Path, *options: str) -> subprocess.Popen:
    with log.open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "kgraph", command, str(source), "-o", str(output), *options],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True,
            preexec_fn=_default_sigint,
        )


def _default_sigint() -> None:
    """Ctrl-C's default in the build, even when these tests run in a background job (whose
    shell made SIGINT ignored, which the build would inherit and keep)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupt_mid_run(process: subprocess.Popen, log: Path, sig: signal.Signals) -> int:
    """Wait until the build reads its input, let it work a little, signal its process group."""
    deadline = time.monotonic() + DEADLINE
    while STARTED not in log.read_text(encoding="utf-8", errors="replace"):
        assert process.poll() is None, f"build ended before it was interrupted: {log.read_text()}"
        assert time.monotonic() < deadline, "build never started reading"
        time.sleep(0.05)
    time.sleep(SETTLE)
    assert process.poll() is None, "build finished before it was interrupted: make the input bigger"
    os.killpg(process.pid, sig)
    try:
        return process.wait(timeout=DEADLINE)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


def articles_in(path: Path) -> set[str]:
    graph = Graph().parse(path, format="turtle")
    return {str(o).rsplit("/", 1)[-1] for o in graph.objects() if "/article/" in str(o)}


@pytest.mark.parametrize("command, name", [("build", "graph.ttl"), ("extract", "pred.jsonl")])
def test_ctrl_c_keeps_the_old_output_and_leaves_no_temp_file(big_input, old_graph, tmp_path, command, name):
    output = old_graph.with_name(name)
    old_graph.rename(output)
    old = output.read_bytes()
    log = tmp_path / "stderr.txt"
    code = interrupt_mid_run(start(command, big_input, output, log), log, signal.SIGINT)
    err = log.read_text(encoding="utf-8")
    assert code == 130, err
    assert "kgraph: interrupted" in err and "Traceback" not in err
    assert output.read_bytes() == old
    assert [p.name for p in output.parent.iterdir()] == [name]


def test_a_killed_build_leaves_the_old_graph_or_a_complete_one(big_input, old_graph, tmp_path):
    """SIGKILL cannot be cleaned up after: a temp file may stay, half a graph.ttl may not."""
    old = old_graph.read_bytes()
    log = tmp_path / "stderr.txt"
    code = interrupt_mid_run(start("build", big_input, old_graph, log), log, signal.SIGKILL)
    assert code == -signal.SIGKILL
    data = old_graph.read_bytes()
    assert data == old or articles_in(old_graph) == {f"a{i}" for i in range(ARTICLES)}
    leftovers = [p.name for p in old_graph.parent.iterdir() if p.name != "graph.ttl"]
    # the temp file, or the build's temporary Oxigraph store, may stay behind
    assert all(name.startswith(".graph.ttl.") and name.endswith((".tmp", ".oxigraph")) for name in leftovers), leftovers


class Interrupt(BaseException):
    """What Ctrl-C raises, or a crash, at the worst moment: data written, not yet renamed."""


def test_atomic_write_interrupted_before_the_rename_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"old complete graph\n")

    def interrupted(source, destination):
        assert Path(source).read_bytes() == b"new graph, complete in its temp file\n"
        raise Interrupt

    monkeypatch.setattr("kgraph.atomic.os.replace", interrupted)
    with pytest.raises(Interrupt):
        atomic_write(path, b"new graph, complete in its temp file\n")
    assert path.read_bytes() == b"old complete graph\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_atomic_write_replaces_the_file_whole(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_bytes(b"old\n")
    atomic_write(path, b"new\n")
    assert path.read_bytes() == b"new\n" and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def session(leader: int) -> list[int]:
    """The processes of the session ``leader`` started (its workers, multiprocessing's resource
    tracker), itself included while it lives: read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # ended meanwhile
            continue
        if fields[0] != "Z" and int(fields[3]) == leader:  # state, ppid, pgrp, session
            found.append(int(stat.parent.name))
    return found


def wait_for_workers(process: subprocess.Popen, log: Path, count: int) -> None:
    """Until the build reads its input and ``count`` more processes run in its session."""
    deadline = time.monotonic() + DEADLINE
    while STARTED not in log.read_text(encoding="utf-8", errors="replace") or len(session(process.pid)) < 1 + count:
        assert process.poll() is None, f"build ended early: {log.read_text()}"
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.1)
    time.sleep(SETTLE)
    assert process.poll() is None, "build finished before it was signalled: make the input bigger"


def wait_until_gone(leader: int, seconds: float = 20.0) -> list[int]:
    """The session's processes still there after ``seconds`` (none, if all ended)."""
    deadline = time.monotonic() + seconds
    while (left := session(leader)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")


@needs_proc
def test_sigterm_stops_a_build_like_ctrl_c_and_leaves_no_process_and_no_temp_folder(big_input, old_graph, tmp_path):
    """``kill PID`` of the build alone: the build stops its workers, removes its temporary
    Oxigraph store, keeps the old graph and exits 143 (128 + SIGTERM)."""
    old = old_graph.read_bytes()
    log = tmp_path / "stderr.txt"
    process = start("build", big_input, old_graph, log, "--workers", "2")
    try:
        wait_for_workers(process, log, 2)
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=DEADLINE)
        err = log.read_text(encoding="utf-8")
        assert code == 143, err
        assert "kgraph: terminated" in err and "Traceback" not in err
        assert wait_until_gone(process.pid) == []
        assert old_graph.read_bytes() == old
        assert [p.name for p in old_graph.parent.iterdir()] == ["graph.ttl"]
    finally:
        for pid in session(process.pid):
            os.kill(pid, signal.SIGKILL)


@needs_proc
def test_workers_end_when_the_build_is_killed(big_input, old_graph, tmp_path):
    """``kill -9`` of the build alone cannot be cleaned up after, but its workers (and
    multiprocessing's resource tracker) must not live on, reparented to PID 1."""
    log = tmp_path / "stderr.txt"
    process = start("build", big_input, old_graph, log, "--workers", "2")
    try:
        wait_for_workers(process, log, 2)
        process.kill()
        assert process.wait(timeout=DEADLINE) == -signal.SIGKILL
        assert wait_until_gone(process.pid) == []
    finally:
        for pid in session(process.pid):
            os.kill(pid, signal.SIGKILL)
