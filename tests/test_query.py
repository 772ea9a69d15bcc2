"""kgraph query: SPARQL strings, .rq files and named queries with bound parameters, on every store."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from kgraph.cli import main
from kgraph.queries import NAMED, load_named
from kgraph.store import QueryError, open_graph, run_query
from tests.servers import free_port, running
from tests.synthetic import (
    CHINA,
    MOSCOW,
    PUTIN,
    XI,
    build,
    meeting,
    person,
    result,
    statement,
    visit,
)

ARTICLES = [
    result("a", [meeting("a", PUTIN, XI, mode="video"), visit("a", PUTIN, CHINA, date="2025-09"),
                 statement("a", PUTIN, "Мы открыты для диалога")]),
    result("b", [meeting("b", PUTIN, XI), meeting("b", PUTIN, person(1), date="2026-03-01"),
                 visit("b", XI, MOSCOW, date="2026-05-07", status="planned")]),
    result("c", [meeting("c", PUTIN, XI, date="2024-10-22", mode="in_person")]),
    # undated events: every named query must still answer, undated rows last
    result("d", [meeting("d", PUTIN, person(2), date=None), visit("d", PUTIN, CHINA, date=None),
                 statement("d", PUTIN, "Без даты", date=None)]),
]


@pytest.fixture(scope="module", params=["memory", "oxigraph", "server"])
def graph_spec(request, tmp_path_factory):
    """The graph of ARTICLES in a file, an Oxigraph store and on a SPARQL server (``oxigraph serve``)."""
    folder = tmp_path_factory.mktemp("q")
    if request.param != "server":
        yield build(str(folder / "g.nq") if request.param == "memory" else f"oxigraph:{folder / 'kg'}", ARTICLES)
        return
    binary = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    argv = [binary, "serve", "--location", str(folder / "server"), "--bind", f"127.0.0.1:{port}",
            "--union-default-graph"]
    with running(argv, port, 15) as problem:
        if problem:
            pytest.skip(f"oxigraph serve did not start: {problem}")
        yield build(f"http://127.0.0.1:{port}/query", ARTICLES)


def _rows(capsys, argv) -> list[dict]:
    assert main([*argv, "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


# (named query, params, the columns to compare, expected rows)
NAMED_CASES = [
    ("meetings-of-person", {"person": "Владимир Путин"}, ("date", "with", "mode", "sources"), [
        ("2024-10-22", "Си Цзиньпин", "InPerson", "c"),
        ("2026-02-04", "Си Цзиньпин", "Video", "a b"),
        ("2026-03-01", "Персона 1", "UnknownMode", "b"),
        ("", "Персона 2", "UnknownMode", "d"),
    ]),
    ("meetings-between", {"person": "Си Цзиньпин", "other": "Владимир Путин"}, ("date", "mode"), [
        ("2024-10-22", "InPerson"), ("2026-02-04", "Video"),
    ]),
    ("visits-to-country", {"country": "Китай"}, ("date", "visitor", "where"), [
        ("2025-09", "Владимир Путин", "Китай"), ("", "Владимир Путин", "Китай"),
    ]),
    ("visits-to-country", {"country": "Россия"}, ("date", "visitor", "where", "status"), [
        ("2026-05-07", "Си Цзиньпин", "Москва", "Planned"),
    ]),
    ("statements-by-person", {"person": "Владимир Путин"}, ("date", "quote"), [
        ("2026-02-04", "Мы открыты для диалога"), ("", "Без даты"),
    ]),
    ("statements-by-person", {"person": "Си Цзиньпин"}, ("quote",), []),
    ("frequent-pairs", {}, ("a", "b", "meetings"), [
        ("Владимир Путин", "Си Цзиньпин", "2"), ("Владимир Путин", "Персона 1", "1"),
        ("Владимир Путин", "Персона 2", "1"),
    ]),
    ("events-in-range", {"from": "2025", "to": "2026-02-04"}, ("date", "kind", "who"), [
        ("2025-09", "visit", "Владимир Путин"),
        ("2026-02-04", "meeting", "Владимир Путин"),
        ("2026-02-04", "meeting", "Си Цзиньпин"),
        ("2026-02-04", "statement", "Владимир Путин"),
    ]),
]  # fmt: skip


@pytest.mark.parametrize("name, params, columns, expected", NAMED_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(NAMED_CASES)])
def test_named_query_answers_the_same_on_every_store(graph_spec, capsys, name, params, columns, expected):
    argv = ["query", graph_spec, name] + [f"--param={k}={v}" for k, v in params.items()]
    rows = _rows(capsys, argv)
    assert [tuple(row[c] for c in columns) for row in rows] == expected


def test_every_shipped_query_is_listed_with_its_parameters(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for query in NAMED.values():
        assert query.name in out
        for param in query.params:
            assert f"--param {param.name}=" in out
    assert set(NAMED) >= {"meetings-of-person", "meetings-between", "visits-to-country",
                          "statements-by-person", "frequent-pairs", "events-in-range"}


def test_query_files_declare_their_parameters(tmp_path):
    (tmp_path / "q.rq").write_text("# Things.\n# param day first-day: a day\nSELECT * WHERE { ?s ?p ?day }\n")
    (query,) = load_named(tmp_path).values()
    assert (query.title, [p.name for p in query.params]) == ("Things.", ["day"])


@pytest.mark.parametrize("params, message", [
    ({}, "needs --param person=..."),
    ({"person": "x", "who": "y"}, "has no parameter who"),
])
def test_named_query_parameters_are_checked(params, message):
    with pytest.raises(ValueError, match=message):
        NAMED["meetings-of-person"].bindings(params)


@pytest.mark.parametrize("value, expected", [
    ("2025", ("2025-01-01", "2025-12-31")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2026-02-04", ("2026-02-04", "2026-02-04")),
])
def test_date_parameters_pad_to_a_day(value, expected):
    bound = NAMED["events-in-range"].bindings({"from": value, "to": value})
    assert (str(bound["from"]), str(bound["to"])) == expected


@pytest.mark.parametrize("value", ["2026-13", "4 февраля", "2026-02-30"])
def test_a_bad_date_parameter_is_refused(value):
    with pytest.raises(ValueError):
        NAMED["events-in-range"].bindings({"from": value, "to": "2026"})


def test_a_hostile_parameter_is_only_ever_a_value(graph_spec):
    graph = open_graph(graph_spec)
    hostile = 'Владимир Путин"@ru } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    query = NAMED["meetings-of-person"]
    assert list(run_query(graph, query.text, query.bindings({"person": hostile}))) == []
    assert len(list(run_query(graph, query.text, query.bindings({"person": "Владимир Путин"})))) == 4


@pytest.mark.parametrize("person", ["Си Цзиньпин", "Никто"])
def test_no_statements_is_no_json_binding(graph_spec, capsys, person):
    argv = ["query", graph_spec, "statements-by-person", f"--param=person={person}", "--format", "json"]
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["results"]["bindings"] == []


def test_a_custom_query_takes_parameters_as_plain_literals(graph_spec, capsys):
    text = "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?a WHERE { ?a dcterms:identifier ?id }"
    rows = _rows(capsys, ["query", graph_spec, text, "--param", "id=b"])
    assert [row["a"] for row in rows] == ["https://w3id.org/kgraph/resource/article/b"]


@pytest.mark.parametrize("argv, message", [
    (["query", "GRAPH", "SELECT ?x WHERE { ?x"], "bad SPARQL query"),
    (["query", "GRAPH", "SELECT ?x WHERE { ?x nope:p ?y }"], "bad SPARQL query"),
    (["query", "GRAPH", "meetings-of-person"], "needs --param person"),
    (["query", "GRAPH", "meetings-of-person", "--param", "person"], "expected NAME=VALUE"),
    (["query", "GRAPH"], "needs GRAPH and QUERY"),
    (["query", "oxigraph:/no/such/store", "frequent-pairs"], "no such Oxigraph store"),
])
def test_query_errors_exit_2_with_the_message_and_no_traceback(graph_spec, capsys, argv, message):
    argv = [graph_spec if a == "GRAPH" else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_the_parser_message_points_at_the_error(graph_spec):
    with pytest.raises(QueryError, match=r"line 1, column 19"):
        run_query(open_graph(graph_spec), "SELECT ?x WHERE { ?x")
