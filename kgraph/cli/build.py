"""Build the knowledge graph from articles and write it: a graph file or a store.

The output is a file (.ttl .nt .nq .trig .jsonld; N-Quads and TriG keep one
named graph per article) or a store: oxigraph:DIR (an Oxigraph store on disk,
built incrementally) or http://HOST:PORT/PATH (a SPARQL 1.1 server). Articles
are processed on --workers processes and added in input order, so the output
does not depend on the number of workers.
"""
from __future__ import annotations

from ..rdf import event_iri, writable
from ..store import open_target
from .common import Batch, RunStopped, add_input_arguments, fail

help = "build the knowledge graph from articles"
epilog = """\
examples:
  kgraph build data/ -o graph.ttl
  kgraph build data/ -o oxigraph:kg
  kgraph build news.jsonl more/ -o graph.nq --strict"""


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
    events: set = set()  # what the graph holds of these articles' events, as stats counts them
    try:
        with target:
            for result in batch.results():
                target.add(result)
                events.update(event_iri(event) for event in result.events if writable(event))
    except RunStopped as error:
        return fail(str(error))
    batch.finish()
    if not args.quiet:
        print(summary(batch.tally.articles, len(events), sum(batch.tally.events.values()), args.output))
    return batch.exit_code


def summary(articles: int, events: int, found: int, output: str) -> str:
    """The last line of a build: the events in the graph, and the events found when they differ.

    >>> summary(68, 207, 208, "graph.ttl")
    'kgraph: 68 articles, 207 events -> graph.ttl (208 found in the articles: one event told by several is one in the graph)'
    """
    line = f"kgraph: {articles} articles, {events} events -> {output}"
    if found != events:
        line += f" ({found} found in the articles: one event told by several is one in the graph)"
    return line
