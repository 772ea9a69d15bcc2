"""Build the knowledge graph from articles and write it (Turtle by default)."""
from __future__ import annotations

from ..pipeline import process
from ..rdf import to_graph
from ..store import format_of, save_graph
from .common import add_input_arguments, articles_from, fail

help = "build the knowledge graph from articles"


def add_arguments(parser) -> None:
    add_input_arguments(parser)
    parser.add_argument("-o", "--output", required=True, metavar="GRAPH",
                        help="the graph file to write: .ttl, .nt, .nq, .trig or .jsonld")


def run(args) -> int:
    try:
        format_of(args.output)
    except ValueError as error:
        return fail(str(error))
    skipped: list = []
    results = [process(article) for article in articles_from(args.paths, skipped)]
    graph = to_graph(results)
    save_graph(graph, args.output)
    events = sum(len(r.events) for r in results)
    print(f"kgraph: {len(results)} articles, {events} events, {len(graph)} triples -> {args.output}")
    return 1 if skipped and args.strict else 0
