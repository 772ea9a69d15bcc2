"""Write a graph as Turtle, N-Triples, N-Quads, TriG or JSON-LD, sorted so that
diffs read well. Turtle, N-Triples and JSON-LD get the union of the named graphs
(one per article); N-Quads and TriG keep them.
"""
from __future__ import annotations

from ..store import FORMATS, format_named, format_of, open_graph, write_graph
from . import GRAPH_HELP
from .common import fail

help = "write a graph to a file in another RDF format, sorted and stable"
epilog = """\
examples:
  kgraph export oxigraph:kg -o graph.nq           # the format from the suffix
  kgraph export graph.nq -f trig                  # to stdout, named graphs kept
  kgraph export graph.ttl -f jsonld -o graph.jsonld"""


def add_arguments(parser) -> None:
    parser.add_argument("graph", metavar="GRAPH",
                        help=GRAPH_HELP)
    parser.add_argument("-f", "--format", choices=[f for f in FORMATS if f != "xml"],
                        help="the format (default: from the suffix of -o; turtle for stdout)")
    parser.add_argument("-o", "--output", default="-", metavar="FILE",
                        help="the file to write, atomically (default: - for stdout)")


def run(args) -> int:
    try:
        if args.format:
            fmt = format_named(args.format)
        else:
            fmt = format_named("turtle") if args.output == "-" else format_of(args.output)
        graph = open_graph(args.graph)
        write_graph(graph, args.output, fmt)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        return fail(str(error))
    return 0
