"""A person's meetings in date order: date, with whom, mode, source."""
from __future__ import annotations

from ..network import meeting_network, timeline
from ..store import open_graph
from .common import fail

help = "a person's meetings in date order"


def add_arguments(parser) -> None:
    parser.add_argument("graph", metavar="GRAPH", help="a graph file (.ttl, .nt, .nq, .trig, .jsonld)")
    parser.add_argument("name", metavar="NAME", help='the person\'s canonical name, e.g. "Владимир Путин"')


def run(args) -> int:
    try:
        graph = open_graph(args.graph)
    except (OSError, ValueError) as error:
        return fail(str(error))
    G = meeting_network(graph)
    try:
        rows = timeline(G, args.name)
    except KeyError as error:
        return fail(error.args[0])
    print(f"{'date':10}  {'with':30}  {'mode':9}  {'status':12}  source")
    for row in rows:
        print(f"{row['date'] or '?':10}  {row['with']:30}  {row['mode']:9}  {row['status']:12}  "
              f"{', '.join(row['sources'])}")
    return 0
