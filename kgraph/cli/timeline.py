"""A person's meetings in date order: date, with whom, mode, status, source.

Only meetings that happened are listed unless --all is given; then planned,
negated and hypothetical ones are listed too, each with its status. --plot
draws the timeline as a picture (partners down the side, dates along the
bottom, a marker per mode).
"""
from __future__ import annotations

from ..network import meeting_network, timeline
from ..store import open_graph
from .common import fail
from .network import add_graph_arguments, save_plot

help = "a person's meetings in date order (--plot: as a picture)"
epilog = """\
examples:
  kgraph timeline graph.ttl "Владимир Путин"
  kgraph timeline oxigraph:kg Q7747 --all --from 2025-03 --to 2025-04
  kgraph timeline graph.ttl Путин --plot putin.png"""


def add_arguments(parser) -> None:
    add_graph_arguments(parser)
    parser.add_argument("name", metavar="NAME",
                        help='the person: canonical name ("Владимир Путин"), Wikidata id (Q7747), IRI, '
                             'or a surname that only one person has')
    parser.add_argument("--from", dest="start", metavar="DATE", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="to this date, inclusive")


def run(args) -> int:
    try:
        graph = open_graph(args.graph)
    except (OSError, ValueError) as error:
        return fail(str(error))
    G = meeting_network(graph, status=None if args.all else "occurred", reference=False)  # no KB needed
    try:
        rows = timeline(G, args.name, args.start, args.end)
    except KeyError as error:
        return fail(error.args[0])
    except ValueError as error:
        return fail(str(error))
    print(f"{'date':10}  {'with':30}  {'mode':9}  {'status':12}  source")
    for row in rows:
        print(f"{row['date'] or '?':10}  {row['with']:30}  {row['mode']:9}  {row['status']:12}  "
              f"{', '.join(row['sources'])}")
    if args.plot:
        return save_plot(args.plot, "plot_timeline", G, args.name, args.start, args.end)
    return 0
