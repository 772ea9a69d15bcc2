"""Build the knowledge graph from articles and write it: a graph file or a store.

The output is a file (.ttl, .nt, .nq, .trig, .jsonld) or a store spec
(``oxigraph:DIR``, ``http://...``), handed to :func:`kgraph.store.open_target`.
Articles are processed on ``--workers`` processes and added in input order,
so the output does not depend on the number of workers.
"""
from __future__ import annotations

from ..store import open_target
from .common import Batch, RunStopped, add_input_arguments, fail

help = "build the knowledge graph from articles"


def add_arguments(parser) -> None:
    add_input_arguments(parser)
    parser.add_argument("-o", "--output", required=True, metavar="GRAPH",
                        help="the graph to write: a .ttl, .nt, .nq, .trig or .jsonld file, "
                             "or a store: oxigraph:DIR, http://... (a SPARQL endpoint)")


def run(args) -> int:
    try:
        target = open_target(args.output)
    except (OSError, ValueError) as error:
        return fail(str(error))
    batch = Batch(args)
    try:
        with target:
            for result in batch.results():
                target.add(result)
    except RunStopped as error:
        return fail(str(error))
    batch.finish()
    if not args.quiet:
        print(f"kgraph: {batch.tally.articles} articles, {sum(batch.tally.events.values())} events -> {args.output}")
    return batch.exit_code
