"""Run a SPARQL query against a graph: a query string, a .rq file, or a named query
(kgraph query --list shows them and their parameters).
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from ..queries import NAMED, bindings_for
from ..store import QueryError, open_graph, run_query
from . import GRAPH_HELP
from .common import fail

help = "run a SPARQL query (a string, a .rq file or a named query) against a graph"
epilog = """\
examples:
  kgraph query --list
  kgraph query graph.ttl frequent-pairs
  kgraph query graph.ttl statements-by-person --param person="Владимир Путин"
  kgraph query oxigraph:kg "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }" --format csv"""


def add_arguments(parser) -> None:
    parser.add_argument("graph", metavar="GRAPH", nargs="?",
                        help=GRAPH_HELP)
    parser.add_argument("query", metavar="QUERY", nargs="?",
                        help="a SPARQL query, a .rq file, or the name of a shipped query (see --list)")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help='bind ?NAME to VALUE, e.g. --param person="Владимир Путин" (repeatable)')
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="table (default), csv, or SPARQL 1.1 results JSON")
    parser.add_argument("--list", action="store_true", help="list the named queries and their parameters")


def _listing() -> str:
    lines = []
    for query in NAMED.values():
        lines.append(f"{query.name}\n    {query.title}")
        lines += [f"    --param {p.name}=...  {p.help}" for p in query.params]
    return "\n".join(lines)


def _params(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.isidentifier():
            raise ValueError(f"--param {pair!r}: expected NAME=VALUE")
        values[name] = value
    return values


def _query_text(query: str, values: dict[str, str]) -> tuple[str, dict]:
    if query in NAMED:
        named = NAMED[query]
        return named.text, named.bindings(values)
    if query.endswith(".rq") or (len(query) < 300 and "{" not in query and Path(query).is_file()):
        return Path(query).read_text(encoding="utf-8"), bindings_for(values)
    return query, bindings_for(values)


def _cell(value) -> str:
    return "" if value is None else str(value)


def _table(result) -> str:
    names = [str(v) for v in result.vars]
    rows = [[_cell(value) for value in row] for row in result]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(names), line(["-" * w for w in widths]), *map(line, rows)])


def write_result(result, format: str) -> None:
    """Print a query result: a table, CSV or SPARQL JSON; a graph (CONSTRUCT) as Turtle."""
    if result.type != "SELECT":
        data = result.serialize(format="json" if result.type == "ASK" else "turtle")
        sys.stdout.write(data.decode("utf-8") if isinstance(data, bytes) else data)
    elif format == "json":
        sys.stdout.write(result.serialize(format="json").decode("utf-8") + "\n")
    elif format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow([str(v) for v in result.vars])
        writer.writerows([[_cell(v) for v in row] for row in result])
    else:
        print(_table(result))


def run(args) -> int:
    if args.list:
        print(_listing())
        return 0
    if not args.graph or not args.query:
        return fail("query needs GRAPH and QUERY (or --list)")
    try:
        text, bindings = _query_text(args.query, _params(args.param))
    except OSError as error:
        return fail(f"cannot read query: {error}")
    except ValueError as error:
        return fail(str(error))
    try:
        graph = open_graph(args.graph)
    except (OSError, ValueError) as error:
        return fail(str(error))
    try:
        result = run_query(graph, text, bindings)
        write_result(result, args.format)
    except QueryError as error:
        return fail(str(error))
    return 0
