"""Build the knowledge graph from articles and write it (Turtle by default)."""
from __future__ import annotations

from ..pipeline import process
from ..store import format_of, open_target
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
    articles = events = 0
    with open_target(args.output) as target:
        for article in articles_from(args.paths, skipped):
            result = process(article)
            target.add(result)
            articles += 1
            events += len(result.events)
    print(f"kgraph: {articles} articles, {events} events -> {args.output}")
    return 1 if skipped and args.strict else 0
