"""networkx views of the graph, on the hand-made graph of tests/meetings_graph.py whose answers are known."""
from __future__ import annotations

import datetime

import networkx as nx
import pytest
from meetings_graph import (
    CHINA,
    IVANOV,
    LAVROV,
    MOSCOW,
    PETROV,
    PUTIN,
    XI,
    event,
    meetings_dataset,
    meetings_graph,
)

from kgraph.network import (
    centrality,
    communities,
    count_meetings,
    ego_network,
    exportable,
    find_person,
    foreign,
    meeting_countries,
    meeting_network,
    meetings_between,
    meetings_per_month,
    partners,
    period,
    timeline,
    visit_network,
    window,
    write_network,
)


@pytest.fixture(scope="module")
def graph():
    return meetings_graph()


@pytest.fixture(scope="module")
def G(graph):
    return meeting_network(graph)


@pytest.fixture(scope="module")
def G_all(graph):
    return meeting_network(graph, status=None)


def _edges(G) -> set[tuple[str, str, str]]:
    return {_edge(u, v, key) for u, v, key in G.edges(keys=True)}


def _edge(a: str, b: str, key: str) -> tuple[str, str, str]:
    return (*sorted((a, b)), key)


# -- building ----------------------------------------------------------------------------------


def test_one_edge_per_meeting_and_pair_and_only_occurred_meetings_by_default(G):
    assert _edges(G) == {
        _edge(PUTIN, XI, event("m1")), _edge(PUTIN, XI, event("m2")), _edge(PUTIN, XI, event("m3")),
        _edge(PUTIN, LAVROV, event("m4")), _edge(PUTIN, IVANOV, event("m4")), _edge(LAVROV, IVANOV, event("m4")),
        _edge(LAVROV, PETROV, event("m6")), _edge(PUTIN, PETROV, event("m7")),
    }


def test_status_none_keeps_the_planned_meeting_with_its_status(G_all):
    assert G_all.number_of_edges() == 9
    assert G_all.edges[PUTIN, IVANOV, event("m5")]["status"] == "planned"


def test_status_can_be_chosen(graph):
    planned = meeting_network(graph, status=["planned"], reference=False)
    assert _edges(planned) == {_edge(PUTIN, IVANOV, event("m5"))}


def test_unknown_status_is_a_clear_error(graph):
    with pytest.raises(ValueError, match="unknown status"):
        meeting_network(graph, status="happened")


def test_edge_carries_date_mode_sorted_sources_and_the_shortest_evidence(G):
    assert G.edges[PUTIN, XI, event("m1")] == {
        "date": "2025-05-08", "precision": "day", "mode": "in_person", "status": "occurred",
        "sources": ["a1", "a2"], "evidence": "Путин и Си Цзиньпин провели переговоры в Москве.",
    }
    assert G.edges[PUTIN, PETROV, event("m7")]["evidence"] is None
    assert G.edges[PUTIN, XI, event("m2")]["precision"] == "month"
    assert G.edges[PUTIN, PETROV, event("m7")]["date"] is None


@pytest.mark.parametrize("node, expected", [
    (PUTIN, {"name": "Владимир Путин", "wikidata": "Q7747", "country": "Россия", "role": "head_of_state",
             "statements": 2}),
    (XI, {"name": "Си Цзиньпин", "wikidata": "Q15031", "country": "Китай", "role": "head_of_state",
          "statements": 1}),
    (LAVROV, {"name": "Сергей Лавров", "country": "Россия", "role": "foreign_minister", "statements": 0}),
    (IVANOV, {"name": "Иван Иванов", "country": "Россия", "statements": 0}),  # the graph's kg:country
    (PETROV, {"name": "Пётр Петров", "statements": 0}),
])
def test_node_attributes_from_the_graph_and_the_reference_kb(G, node, expected):
    assert G.nodes[node] == expected


@pytest.mark.parametrize("modes, expected", [
    (["unknown", "video"], "video"),      # one sentence names the mode, another does not
    (["video", "in_person"], "video"),    # sentences disagree: the most specific, as extraction does
    (["in_person", "phone"], "phone"),
    (["unknown"], "unknown"),
    ([], "unknown"),                      # no kg:mode at all
])
def test_a_meeting_reported_with_several_modes_gets_one(modes, expected):
    from rdflib import URIRef

    from kgraph.rdf import KG, MODES

    graph = meetings_graph()
    node = URIRef(event("m3"))
    graph.remove((node, KG.mode, None))
    for mode in modes:
        graph.add((node, KG.mode, MODES[mode]))
    assert meeting_network(graph, reference=False).edges[PUTIN, XI, event("m3")]["mode"] == expected


def test_reports_merged_into_one_meeting_with_two_dates_give_the_most_precise():
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    from kgraph.events import event_records
    from kgraph.rdf import KG

    graph = meetings_graph()  # m2 "2025-09" is also reported as of 2 September
    graph.add((URIRef(event("m2")), KG.date, Literal("2025-09-02", datatype=XSD.date)))
    edge = meeting_network(graph, reference=False).edges[PUTIN, XI, event("m2")]
    assert (edge["date"], edge["precision"]) == ("2025-09-02", "day")
    (record,) = [r for r in event_records(graph) if r["event"] == event("m2")]
    assert (record["date"], record["date_precision"]) == ("2025-09-02", "day")


def test_reference_false_skips_the_kb(graph):
    assert "country" not in meeting_network(graph, reference=False).nodes[PUTIN]


@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")  # rdflib's own
def test_named_graphs_of_a_dataset_are_read(graph):
    assert _edges(meeting_network(meetings_dataset(), reference=False)) == _edges(meeting_network(graph))


def test_visits_go_person_to_place_and_planned_ones_only_on_request(graph):
    V = visit_network(graph)
    assert list(V.edges(keys=True)) == [(PUTIN, CHINA, event("v1"))]
    assert V.nodes[CHINA] == {"name": "Китай", "kind": "place"}
    assert V.edges[PUTIN, CHINA, event("v1")]["date"] == "2025-09"
    assert (IVANOV, MOSCOW) in visit_network(graph, status=None).edges()


# -- finding people and dates ------------------------------------------------------------------


@pytest.mark.parametrize("query", [PUTIN, "Владимир Путин", "владимир путин", "Q7747", "Путин"])
def test_a_person_is_found_by_iri_name_wikidata_id_or_surname(G, query):
    assert find_person(G, query) == PUTIN


@pytest.mark.parametrize("query", ["Пётр Петров", "Петр Петров", "петров"])
def test_yo_and_case_do_not_matter(G, query):
    assert find_person(G, query) == PETROV


def test_an_unknown_person_is_a_key_error_with_close_names(G):
    with pytest.raises(KeyError, match="did you mean 'Владимир Путин'"):
        find_person(G, "Владимир Путен")


@pytest.mark.parametrize("date, expected", [
    ("2026-02-04", (datetime.date(2026, 2, 4), datetime.date(2026, 2, 4))),
    ("2025-09", (datetime.date(2025, 9, 1), datetime.date(2025, 9, 30))),
    ("2024-02", (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))),
    ("2025", (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))),
    (datetime.date(2025, 1, 2), (datetime.date(2025, 1, 2), datetime.date(2025, 1, 2))),
])
def test_period_of_a_date_of_any_precision(date, expected):
    assert period(date) == expected


# -- windows and timelines ---------------------------------------------------------------------


def test_window_is_a_view_not_a_copy(G):
    view = window(G, "2025-03", "2025-05")
    assert nx.is_frozen(view)
    assert {key for _, _, key in view.edges(keys=True)} == {event("m1"), event("m4"), event("m6")}
    assert set(view) == set(G)


@pytest.mark.parametrize("start, end, expected", [
    ("2025-09", "2025-09", ["m2"]),              # a month-precise date lies inside its month
    ("2025-09-10", "2025-09-20", []),            # ... but not inside part of it
    ("2025-09-01", None, ["m2", "m3"]),
    (None, "2025-03-10", ["m4"]),                # bounds are inclusive
    ("2025", "2025", ["m1", "m2", "m4", "m6"]),  # undated m7 lies in no bounded window
])
def test_window_keeps_meetings_whose_whole_date_lies_inside(G, start, end, expected):
    assert sorted({key for _, _, key in window(G, start, end).edges(keys=True)}) == [event(m) for m in expected]


def test_bad_window_is_a_clear_error(G):
    with pytest.raises(ValueError, match="bad date window"):
        window(G, "2025-13")


def test_timeline_in_date_order_one_row_per_meeting_with_all_partners_undated_last(G):
    rows = timeline(G, "Владимир Путин")
    assert [(r["date"], r["with"], r["mode"], r["event"]) for r in rows] == [
        ("2025-03-10", ["Иван Иванов", "Сергей Лавров"], "in_person", event("m4")),
        ("2025-05-08", ["Си Цзиньпин"], "in_person", event("m1")),
        ("2025-09", ["Си Цзиньпин"], "in_person", event("m2")),
        ("2026-02-04", ["Си Цзиньпин"], "video", event("m3")),
        (None, ["Пётр Петров"], "unknown", event("m7")),
    ]
    assert rows[1]["sources"] == ["a1", "a2"] and rows[1]["status"] == "occurred"


@pytest.mark.parametrize("meeting, title", [
    ("m4", "Совещание с членами правительства"),  # the heading the evidence sentence runs on from
    ("m1", "Путин и Си Цзиньпин провели переговоры в Москве"),  # the shortest sentence, its full stop dropped
    ("m7", ""),  # no evidence
])
def test_a_meeting_row_is_titled_from_its_evidence(G, meeting, title):
    (row,) = [r for r in timeline(G, "Владимир Путин") if r["event"] == event(meeting)]
    assert row["title"] == title


def test_unknown_timeline_row_is_a_clear_error(G):
    with pytest.raises(ValueError, match="unknown timeline row"):
        timeline(G, "Путин", by="pair")


def test_timeline_by_partner_one_row_per_partner_undated_last(G):
    rows = timeline(G, "Владимир Путин", by="partner")
    assert [(r["date"], r["with"], r["mode"]) for r in rows] == [
        ("2025-03-10", "Иван Иванов", "in_person"),
        ("2025-03-10", "Сергей Лавров", "in_person"),
        ("2025-05-08", "Си Цзиньпин", "in_person"),
        ("2025-09", "Си Цзиньпин", "in_person"),
        ("2026-02-04", "Си Цзиньпин", "video"),
        (None, "Пётр Петров", "unknown"),
    ]
    assert rows[0]["event"] == rows[1]["event"] == event("m4")
    assert rows[2]["sources"] == ["a1", "a2"]


@pytest.mark.parametrize("by", ["meeting", "partner"])
def test_timeline_window(G, by):
    assert [r["date"] for r in timeline(G, "Путин", start="2025-04", end="2025-12", by=by)] == ["2025-05-08", "2025-09"]


def test_timeline_shows_the_planned_meeting_only_from_a_network_that_keeps_it(G, G_all):
    assert "planned" not in {r["status"] for r in timeline(G, "Иван Иванов")}
    assert [(r["date"], r["status"]) for r in timeline(G_all, "Иван Иванов")] == [
        ("2025-03-10", "occurred"), ("2025-03-20", "planned")]
    assert [(r["date"], r["status"]) for r in timeline(G_all, "Иван Иванов", by="partner")] == [
        ("2025-03-10", "occurred"), ("2025-03-10", "occurred"), ("2025-03-20", "planned")]


# -- across borders ----------------------------------------------------------------------------


def test_meeting_countries_are_the_known_countries_of_its_participants(G):
    countries = meeting_countries(G)
    assert countries[event("m1")] == {"Россия", "Китай"}
    assert countries[event("m4")] == {"Россия"}  # Путин, Лавров (KB) and Иванов (the graph's kg:country)
    assert countries[event("m6")] == {"Россия"}  # Петров's country is unknown


def test_foreign_keeps_only_meetings_between_people_of_two_or_more_countries(G):
    view = foreign(G)
    assert nx.is_frozen(view) and set(view) == set(G)
    assert sorted({key for _, _, key in view.edges(keys=True)}) == [event("m1"), event("m2"), event("m3")]
    assert [r["with"] for r in timeline(view, "Путин")] == [["Си Цзиньпин"]] * 3


def test_meetings_between_two_people(G):
    rows = meetings_between(G, "Владимир Путин", "Си Цзиньпин")
    assert [(r["date"], r["mode"]) for r in rows] == [
        ("2025-05-08", "in_person"), ("2025-09", "in_person"), ("2026-02-04", "video")]
    assert meetings_between(G, "Си Цзиньпин", "Сергей Лавров") == []


# -- who matters -------------------------------------------------------------------------------


def test_partners_ranked_by_meetings_then_name(G):
    assert partners(G, "Владимир Путин") == [
        ("Си Цзиньпин", 3), ("Иван Иванов", 1), ("Пётр Петров", 1), ("Сергей Лавров", 1)]


def test_ego_network_is_the_person_and_those_they_met(G):
    ego = ego_network(G, "Пётр Петров")
    assert set(ego) == {PETROV, LAVROV, PUTIN}
    assert {key for _, _, key in ego.edges(keys=True)} == {event("m4"), event("m6"), event("m7")}
    assert set(ego_network(G, "Пётр Петров", radius=2)) == {PETROV, LAVROV, PUTIN, IVANOV, XI}


@pytest.mark.parametrize("person, expected", [(None, 6), ("Владимир Путин", 5), ("Сергей Лавров", 2)])
def test_count_meetings_counts_a_meeting_of_three_once(G, person, expected):
    assert count_meetings(G, person) == expected


def test_centrality_rows(G):
    rows = centrality(G)
    assert [r["name"] for r in rows] == ["Владимир Путин", "Сергей Лавров", "Иван Иванов", "Пётр Петров",
                                         "Си Цзиньпин"]
    putin, lavrov = rows[0], rows[1]
    # Путин lies on every path from Си to the other three and on half the paths Иванов--Петров: 3.5 of 6 pairs
    assert putin["betweenness"] == pytest.approx(3.5 / 6)
    assert lavrov["betweenness"] == pytest.approx(0.5 / 6)
    assert (putin["meetings"], putin["partners"], putin["degree"]) == (5, 4, 1.0)
    assert (lavrov["meetings"], lavrov["partners"], lavrov["degree"]) == (2, 3, 0.75)


def _people(pairs: list[tuple[str, str]]) -> nx.MultiGraph:
    G = nx.MultiGraph()
    for i, (a, b) in enumerate(pairs):
        for node in (a, b):
            G.add_node(node, name=node.upper())
        G.add_edge(a, b, key=f"m{i}", date=None)
    return G


def test_communities_are_the_two_triangles_joined_by_one_meeting():
    G = _people([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("c", "x")])
    G.add_node("lonely", name="LONELY")
    assert communities(G) == [["A", "B", "C"], ["X", "Y", "Z"]]
    assert communities(G, names=False) == [["a", "b", "c"], ["x", "y", "z"]]


def test_communities_of_a_network_without_meetings():
    G = nx.MultiGraph()
    G.add_node("a", name="A")
    assert communities(G) == []


def test_meetings_per_month_counts_a_meeting_of_three_once_and_fills_empty_months(G, G_all):
    months = meetings_per_month(G)
    assert next(iter(months)) == "2025-03" and list(months)[-1] == "2026-02" and len(months) == 12
    assert {m: n for m, n in months.items() if n} == {
        "2025-03": 1, "2025-04": 1, "2025-05": 1, "2025-09": 1, "2026-02": 1}
    assert meetings_per_month(G_all)["2025-03"] == 2
    assert meetings_per_month(G, "Пётр Петров") == {"2025-04": 1}


# -- export ------------------------------------------------------------------------------------


def test_exportable_joins_lists_drops_none_and_labels_nodes(G):
    H = exportable(G)
    assert H.edges[PUTIN, XI, event("m1")]["sources"] == "a1; a2"
    assert "date" not in H.edges[PUTIN, PETROV, event("m7")]
    assert H.nodes[PUTIN]["label"] == "Владимир Путин"
    assert G.edges[PUTIN, XI, event("m1")]["sources"] == ["a1", "a2"]  # the network itself is untouched


@pytest.mark.parametrize("suffix, read", [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_export_round_trips_through_networkx(G, tmp_path, suffix, read):
    path = tmp_path / f"meetings{suffix}"
    write_network(G, path)
    back = read(path)
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    dates = sorted(d for _, _, d in back.edges(data="date") if d)
    assert dates[0] == "2025-03-10" and "2025-09" in dates
    assert "Владимир Путин" in path.read_text(encoding="utf-8")


def test_export_to_an_unknown_format_is_a_clear_error(G, tmp_path):
    with pytest.raises(ValueError, match="unknown network format"):
        write_network(G, tmp_path / "g.csv")
    assert not list(tmp_path.iterdir())
