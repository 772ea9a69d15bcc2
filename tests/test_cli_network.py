"""``kgraph network`` and ``kgraph timeline`` with --from/--to, --all, --plot and --export."""
from __future__ import annotations

import sys

import networkx as nx
import pytest
from meetings_graph import meetings_graph

from kgraph.cli import main


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("network") / "meetings.ttl"
    meetings_graph().serialize(path, format="turtle")
    return str(path)


def test_network_prints_central_people_and_communities(graph_file, capsys):
    assert main(["network", graph_file, "--top", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "5 people met in 6 meetings"
    assert lines[2].split()[:2] == ["Владимир", "Путин"] and lines[3].split()[:2] == ["Сергей", "Лавров"]
    assert len([line for line in lines if line.startswith("community ")]) >= 1


def test_network_all_counts_the_planned_meeting(graph_file, capsys):
    assert main(["network", graph_file, "--all"]) == 0
    assert capsys.readouterr().out.startswith("5 people met in 7 meetings")


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
    assert "2025-03-20  phone      planned       Владимир Путин  (a5)" in capsys.readouterr().out
    assert main(["timeline", graph_file, "Иван Иванов", "--all", "--by", "partner"]) == 0
    assert "2025-03-20  Владимир Путин" in capsys.readouterr().out


def test_timeline_prints_one_row_per_meeting_with_its_title_and_partners(graph_file, capsys):
    assert main(["timeline", graph_file, "Путин", "--to", "2025-05"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        ("2025-03-10  in_person  occurred      Совещание с членами правительства: 2 участника — Иван Иванов, "
         "Сергей Лавров  (a4)"),
        "2025-05-08  in_person  occurred      Путин и Си Цзиньпин провели переговоры в Москве: Си Цзиньпин  (a1, a2)",
    ]


@pytest.mark.parametrize("n, phrase", [
    (2, "2 участника"), (5, "5 участников"), (11, "11 участников"), (21, "21 участник"), (22, "22 участника"),
])
def test_a_meeting_row_counts_its_partners_in_russian(n, phrase):
    from kgraph.cli.timeline import participants_phrase

    names = [f"Имя{i}" for i in range(n)]
    assert participants_phrase(names, named=1) == f"{phrase} — Имя0, …"


def test_timeline_by_partner_prints_one_row_per_partner(graph_file, capsys):
    assert main(["timeline", graph_file, "Путин", "--to", "2025-05", "--by", "partner"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split("  ")[:2] for row in rows] == [
        ["2025-03-10", "Иван Иванов"], ["2025-03-10", "Сергей Лавров"], ["2025-05-08", "Си Цзиньпин"]]


def test_timeline_foreign_leaves_out_meetings_within_one_country(graph_file, capsys):
    assert main(["timeline", graph_file, "Путин", "--foreign"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ["2025-05-08", "2025-09", "2026-02-04"]


def test_network_foreign_counts_only_meetings_across_borders(graph_file, capsys):
    assert main(["network", graph_file, "--foreign"]) == 0
    assert capsys.readouterr().out.startswith("2 people met in 3 meetings (3 more with no meeting)")


def test_network_counts_the_people_its_plot_draws(graph_file, capsys):
    """The first line and the plot's title count the same people: those in a meeting."""
    from kgraph.network import foreign, meeting_network
    from kgraph.plot import plot_network
    from kgraph.store import open_graph

    assert main(["network", graph_file, "--foreign"]) == 0
    people = int(capsys.readouterr().out.split()[0])
    title = plot_network(foreign(meeting_network(open_graph(graph_file)))).axes[0].get_title()
    assert title.startswith(f"Кто с кем встречался: {people} человек")


def test_network_by_country_prints_dyads_by_month(graph_file, capsys):
    assert main(["network", graph_file, "--by", "country"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2 countries, 2 pairs, 5 events (meeting 4, visit 1)"
    assert [line.split() for line in lines[2:]] == [
        ["Китай", "–", "Россия", "all", "3", "1", "4"],
        ["2025-05", "1", "0", "1"], ["2025-09", "1", "1", "2"], ["2026-02", "1", "0", "1"],
        ["Россия", "–", "Россия", "all", "1", "0", "1"],
        ["2025-03", "1", "0", "1"],
    ]


def test_network_by_country_foreign_drops_the_domestic_pair(graph_file, capsys):
    assert main(["network", graph_file, "--by", "country", "--foreign"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 countries, 1 pairs, 4 events (meeting 3, visit 1)") and "Россия – Россия" not in out


def test_network_by_country_exports_the_table_as_csv_and_the_network_for_gephi(graph_file, tmp_path):
    pd = pytest.importorskip("pandas")
    table = tmp_path / "dyads.csv"
    assert main(["network", graph_file, "--by", "country", "--export", str(table)]) == 0
    assert table.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(table, encoding="utf-8-sig")
    assert list(frame.columns) == ["country_a", "country_b", "month", "meeting", "visit", "events"]
    assert frame.events.sum() == 5
    gexf = tmp_path / "countries.gexf"
    assert main(["network", graph_file, "--by", "country", "--export", str(gexf)]) == 0
    assert nx.read_gexf(gexf).number_of_edges() == 5


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
    (["network", "GRAPH", "--by", "country", "--plot", "OUT/c.png"], "--plot draws the network of people"),
    (["network", "GRAPH", "--by", "country", "--export", "OUT/c.xlsx"], "unknown network format"),
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
