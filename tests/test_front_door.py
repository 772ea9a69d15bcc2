"""The front door tells the truth: every --help reads as plain text, and the README's commands
parse, run in order on the sample, and write only files that .gitignore keeps out of git."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.cli import COMMANDS, parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
RST = re.compile(r"``|:(?:func|class|mod|meth|data|attr):`")


def _helps() -> dict[str, str]:
    top = parser()
    subparsers = next(a for a in top._actions if a.dest == "command")
    return {"": top.format_help(), **{name: subparsers.choices[name].format_help() for name in COMMANDS}}


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_plain_text_with_one_example_a_line(command):
    text = _helps()[command]
    assert not RST.search(text), f"kgraph {command} --help shows RST markup"
    assert "../" not in text, f"kgraph {command} --help points to a path outside the user's clone"
    for line in text.splitlines():
        assert line.count("kgraph ") <= 1 or line.lstrip().startswith("usage:"), f"examples run together: {line!r}"
    if command:
        assert "examples:\n  kgraph " + command in text


@pytest.mark.parametrize("command", ["query", "timeline", "network", "export", "stats", "serve"])
def test_every_command_that_reads_a_graph_says_it_takes_a_store(command):
    text = " ".join(_helps()[command].split())
    assert "oxigraph:DIR" in text and "http://HOST:PORT/PATH" in text


def _readme_commands() -> list[list[str]]:
    """Every ``kgraph ...`` command in the README's sh blocks (also after && or | in a chain), as argv."""
    found = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            for part in re.split(r"&&|\|", line):
                words = shlex.split(part, comments=True)
                if words[:1] == ["kgraph"]:
                    found.append(words)
    return found


def test_the_readme_has_its_tour():
    assert len(_readme_commands()) >= 10


@pytest.mark.parametrize("argv", _readme_commands(), ids=" ".join)
def test_every_kgraph_command_in_the_readme_parses(argv):
    try:
        parser().parse_args(argv[1:])
    except SystemExit as stop:
        pytest.fail(f"{shlex.join(argv)}: argparse refused it (exit {stop.code})")


def _tour() -> list[list[str]]:
    block = README[README.index("## Command line"):]
    block = block[block.index("```sh\n") + 6:block.index("```", block.index("```sh\n") + 6)]
    return [shlex.split(line, comments=True) for line in block.splitlines() if line.strip()]


def test_the_tour_runs_in_order_on_the_sample_and_git_ignores_what_it_writes(tmp_path):
    """Each line of the README's "Command line" block, as written, in a folder laid out as the
    clone (data/ holds one of the sample articles, to keep it short); serve is only started."""
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "interfax-2026-02-04-putin-xi.txt", tmp_path / "data")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    tour = _tour()
    assert [argv[1] for argv in tour] == ["extract", "build", "build", "query", "timeline", "network", "network",
                                          "events", "export", "stats", "serve"]
    for argv in tour:
        if argv[1] == "serve":
            continue  # a server: test_serve.py runs it
        done = subprocess.run([sys.executable, "-m", "kgraph", *argv[1:]], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, f"{shlex.join(argv)} exited {done.returncode}: {done.stderr[-800:]}"
        if argv[1] == "timeline":
            assert "Си Цзиньпин" in done.stdout
    written = sorted(path.name for path in tmp_path.iterdir() if path.name != "data")
    assert written == ["events.csv", "graph.nq", "graph.ttl", "kg", "pred.jsonl"]
    written = [f"{name}/" if (tmp_path / name).is_dir() else name for name in written]
    for name in [*written, "putin.png", "network.png", "meetings.gexf", ".graph.ttl.x1y2.oxigraph/"]:
        ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", name], cwd=ROOT, check=False)
        assert ignored.returncode == 0, f"{name} (written by the README's commands) is not in .gitignore"
