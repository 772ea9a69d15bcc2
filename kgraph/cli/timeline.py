"""A person's meetings in date order: one row per meeting, with all its partners.

    2025-02-07  video      occurred      Совещание с постоянными членами Совета Безопасности: 15 участников — …

The title comes from the evidence sentence (its first paragraph: a news item's heading when
the sentence runs on from it). --by partner gives one row per meeting and partner instead:
date, with whom, mode, status, source.

Only meetings that happened are listed unless --all is given; then planned, negated and
hypothetical ones are listed too, each with its status. --foreign keeps only meetings
between people of different countries. --plot draws the timeline as a picture (partners
down the side, dates along the bottom, a marker per mode).
"""

from __future__ import annotations

from ..lexicons import plural
from ..network import TIMELINE_BY, foreign, meeting_network, timeline
from ..store import open_graph
from .common import fail
from .network import add_graph_arguments, save_plot

help = "a person's meetings in date order, one row per meeting (--by partner; --plot: as a picture)"
epilog = """\
examples:
  kgraph timeline graph.ttl "Владимир Путин"
  kgraph timeline oxigraph:kg Q7747 --all --from 2025-03 --to 2025-04
  kgraph timeline graph.ttl Путин --by partner --foreign
  kgraph timeline graph.ttl Путин --plot putin.png"""

#: how many partners a meeting row names before "…"
NAMED = 6


def participants_phrase(names: list[str], named: int = NAMED) -> str:
    """The partners of a meeting row: the name alone, or how many and the first ``named`` of them.

    >>> participants_phrase(["Си Цзиньпин"])
    'Си Цзиньпин'
    >>> participants_phrase(["Андрей Белоусов", "Александр Бортников", "Антон Вайно"], named=2)
    '3 участника — Андрей Белоусов, Александр Бортников, …'
    """
    if len(names) == 1:
        return names[0]
    shown = ", ".join(names[:named]) + (", …" if len(names) > named else "")
    return f"{plural(len(names), 'участник', 'участника', 'участников')} — {shown}"


def add_arguments(parser) -> None:
    """The arguments of ``kgraph timeline``: the graph options, NAME, ``--from``, ``--to`` and ``--by``."""
    add_graph_arguments(parser)
    parser.add_argument(
        "name",
        metavar="NAME",
        help='the person: canonical name ("Владимир Путин"), Wikidata id (Q7747), IRI, '
        "or a surname that only one person has",
    )
    parser.add_argument("--from", dest="start", metavar="DATE", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="to this date, inclusive")
    parser.add_argument(
        "--by",
        choices=TIMELINE_BY,
        default="meeting",
        help="meeting: one row per meeting with all its partners (default); partner: one row per meeting and partner",
    )


def run(args) -> int:
    """Print one person's meetings in date order, one row per meeting or per partner; the exit code."""
    try:
        graph = open_graph(args.graph)
    except (OSError, ValueError) as error:
        return fail(str(error))
    # the KB's countries are needed only to tell foreign meetings
    G = meeting_network(graph, status=None if args.all else "occurred", reference=args.foreign)
    if args.foreign:
        G = foreign(G)
    try:
        rows = timeline(G, args.name, args.start, args.end, by=args.by)
    except KeyError as error:
        return fail(error.args[0])
    except ValueError as error:
        return fail(str(error))
    if args.by == "partner":
        print(f"{'date':10}  {'with':30}  {'mode':9}  {'status':12}  source")
        for row in rows:
            print(
                f"{row['date'] or '?':10}  {row['with']:30}  {row['mode']:9}  {row['status']:12}  "
                f"{', '.join(row['sources'])}"
            )
    else:
        print(f"{'date':10}  {'mode':9}  {'status':12}  meeting  (source)")
        for row in rows:
            who = participants_phrase(row["with"])
            print(
                f"{row['date'] or '?':10}  {row['mode']:9}  {row['status']:12}  "
                f"{row['title'] + ': ' if row['title'] else ''}{who}  ({', '.join(row['sources'])})"
            )
    if args.plot:
        return save_plot(args.plot, "plot_timeline", G, args.name, args.start, args.end)
    return 0
