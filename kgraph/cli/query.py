"""Run a SPARQL query (a string or a .rq file) against a graph."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from pyparsing import ParseException

from ..store import open_graph
from .common import fail

help = "run a SPARQL query against a graph"


def add_arguments(parser) -> None:
    parser.add_argument("graph", metavar="GRAPH", help="a graph file (.ttl, .nt, .nq, .trig, .jsonld)")
    parser.add_argument("query", metavar="QUERY", help="a SPARQL query, or a .rq file holding one")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="table (default), csv, or SPARQL 1.1 results JSON")


def _query_text(query: str) -> str:
    if query.endswith(".rq") or (len(query) < 300 and Path(query).is_file()):
        return Path(query).read_text(encoding="utf-8")
    return query


def _table(result) -> str:
    names = [str(v) for v in result.vars]
    rows = [["" if value is None else str(value) for value in row] for row in result]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    return "\n".join([line(names), line(["-" * w for w in widths]), *map(line, rows)])


def run(args) -> int:
    try:
        text = _query_text(args.query)
    except OSError as error:
        return fail(f"cannot read query: {error}")
    try:
        graph = open_graph(args.graph)
    except (OSError, ValueError) as error:
        return fail(str(error))
    try:
        result = graph.query(text)
    except ParseException as error:
        return fail(f"bad SPARQL query: {error}")
    except Exception as error:  # rdflib raises plain exceptions for unbound prefixes etc.
        return fail(f"query failed: {error}")
    if result.type != "SELECT":
        data = result.serialize(format="json" if result.type == "ASK" else "turtle")
        sys.stdout.write(data.decode("utf-8") if isinstance(data, bytes) else data)
        return 0
    if args.format == "json":
        sys.stdout.write(result.serialize(format="json").decode("utf-8") + "\n")
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow([str(v) for v in result.vars])
        writer.writerows([["" if v is None else str(v) for v in row] for row in result])
    else:
        print(_table(result))
    return 0
