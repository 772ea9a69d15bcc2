"""The command line: extract, build, query, timeline, and their exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kgraph.cli import main

SEED_TEXT = Path(__file__).resolve().parents[1] / "data" / "interfax-2026-02-04-putin-xi.txt"


def test_extract_writes_one_json_line_per_article(tmp_path, capsys):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        '{"id": "a", "text": "Путин провел переговоры с Си Цзиньпином.", "date": "2025-05-08"}\n'
        '{"id": "b", "text": "Ничего не произошло."}\n', encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    assert main(["extract", str(jsonl), "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[0]["relations"][0]["relation"] == "met_with"
    assert lines[1]["relations"] == []


def test_build_writes_turtle_that_rdflib_parses(tmp_path, capsys):
    out = tmp_path / "g.ttl"
    assert main(["build", str(SEED_TEXT), "-o", str(out)]) == 0
    graph = Graph().parse(out, format="turtle")
    assert len(graph) > 50
    assert "1 articles" in capsys.readouterr().out


def test_quiet_build_prints_nothing_but_errors(tmp_path, capsys):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "text": "Путин провел переговоры с Си Цзиньпином."}\n{broken\n', encoding="utf-8")
    assert main(["build", str(jsonl), "-o", str(tmp_path / "g.ttl"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == ["kgraph: warning: skipped " + str(jsonl) + ":2: broken JSON (Expecting property name enclosed in double quotes, column 2)"]
    assert (tmp_path / "g.ttl").stat().st_size > 0


def test_timeline_lists_both_meetings(seed_graph_file, capsys):
    assert main(["timeline", str(seed_graph_file), "Владимир Путин"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ["2025-09", "2026-02-04"]
    assert all(row.endswith(": Си Цзиньпин  (interfax-2026-02-04-putin-xi)") for row in rows)


@pytest.mark.parametrize("fmt, marker", [
    ("table", "name"), ("csv", "name\r\n"), ("json", '"head"'),
])
def test_query_formats(seed_graph_file, capsys, fmt, marker):
    query = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?name WHERE { ?p rdfs:label ?name } ORDER BY ?name"
    assert main(["query", str(seed_graph_file), query, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert marker in out and "Владимир Путин" in out


def test_query_from_an_rq_file(seed_graph_file, tmp_path, capsys):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    assert main(["query", str(seed_graph_file), str(rq)]) == 0
    assert capsys.readouterr().out.split()[-1].isdigit()


@pytest.mark.parametrize("argv, message", [
    (["query", "GRAPH", "SELECT ?x WHERE { ?x"], "bad SPARQL query"),
    (["query", "missing.ttl", "SELECT * WHERE {?s ?p ?o}"], "no such graph file"),
    (["timeline", "GRAPH", "Никто Никакой"], "no person named"),
    (["build", "SEED", "-o", "out.xyz"], "unknown graph format"),
])
def test_errors_exit_2_with_a_message_and_no_traceback(seed_graph_file, capsys, argv, message):
    argv = [{"GRAPH": str(seed_graph_file), "SEED": str(SEED_TEXT)}.get(a, a) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_strict_makes_a_skipped_article_exit_1(tmp_path):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "text": "Текст."}\n{broken\n', encoding="utf-8")
    assert main(["extract", str(jsonl), "-o", str(tmp_path / "p.jsonl")]) == 0
    assert main(["extract", str(jsonl), "-o", str(tmp_path / "p.jsonl"), "--strict"]) == 1


def test_usage_errors_exit_2():
    completed = subprocess.run([sys.executable, "-m", "kgraph", "frobnicate"], capture_output=True, text=True)
    assert completed.returncode == 2 and "invalid choice" in completed.stderr
