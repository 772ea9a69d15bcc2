"""``kgraph network`` and ``kgraph timeline`` with --from/--to, --all, --plot and --export."""
from __future__ import annotations

import sys

import networkx as nx
import pytest

from kgraph.cli import main

from meetings_graph import meetings_graph


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("network") / "meetings.ttl"
    meetings_graph().serialize(path, format="turtle")
    return str(path)


def test_network_prints_central_people_and_communities(graph_file, capsys):
    assert main(["network", graph_file, "--top", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "5 people, 6 meetings"
    assert lines[2].split()[:2] == ["Владимир", "Путин"] and lines[3].split()[:2] == ["Сергей", "Лавров"]
    assert len([line for line in lines if line.startswith("community ")]) >= 1


def test_network_all_counts_the_planned_meeting(graph_file, capsys):
    assert main(["network", graph_file, "--all"]) == 0
    assert capsys.readouterr().out.startswith("5 people, 7 meetings")


@pytest.mark.parametrize("suffix, read", [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_network_export(graph_file, tmp_path, suffix, read):
    out = tmp_path / f"meetings{suffix}"
    assert main(["network", graph_file, "--export", str(out)]) == 0
    assert read(out).number_of_edges() == 8


def test_timeline_window(graph_file, capsys):
    assert main(["timeline", graph_file, "Путин", "--from", "2025-04", "--to", "2025-12"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ["2025-05-08", "2025-09"]


def test_timeline_all_lists_the_planned_meeting_with_its_status(graph_file, capsys):
    assert main(["timeline", graph_file, "Иван Иванов"]) == 0
    assert "planned" not in capsys.readouterr().out
    assert main(["timeline", graph_file, "Иван Иванов", "--all"]) == 0
    assert "2025-03-20  Владимир Путин" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [
    ["timeline", "GRAPH", "Путин", "--plot", "OUT/t.png"],
    ["network", "GRAPH", "--plot", "OUT/n.png"],
])
def test_plot_writes_a_png(graph_file, tmp_path, capsys, argv):
    pytest.importorskip("matplotlib")
    argv = [a.replace("GRAPH", graph_file).replace("OUT", str(tmp_path)) for a in argv]
    assert main(argv) == 0
    assert (tmp_path / argv[-1].rsplit("/", 1)[-1]).read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("argv, message", [
    (["timeline", "GRAPH", "Путин", "--from", "2025-13"], "bad date window"),
    (["timeline", "GRAPH", "Путен"], "did you mean"),
    (["network", "GRAPH", "--export", "OUT/g.csv"], "unknown network format"),
    (["network", "GRAPH", "--plot", "OUT/g.xyz"], "cannot write"),
    (["network", "OUT/missing.ttl"], "no such graph file"),
])
def test_errors_exit_2_with_a_message(graph_file, tmp_path, capsys, argv, message):
    argv = [a.replace("GRAPH", graph_file).replace("OUT", str(tmp_path)) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_plot_without_matplotlib_says_which_extra_to_install(graph_file, tmp_path, capsys, monkeypatch):
    import kgraph

    monkeypatch.setitem(sys.modules, "kgraph.plot", None)  # importing kgraph.plot now raises ImportError
    monkeypatch.delattr(kgraph, "plot", raising=False)
    assert main(["network", graph_file, "--plot", str(tmp_path / "n.png")]) == 2
    assert "pip install 'kgraph[plot]'" in capsys.readouterr().err
