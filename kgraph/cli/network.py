"""The meeting network: who met whom, how often, who is central; or, --by country, which
countries' people met or visited, by kind and month.

Prints the people with the most partners (degree and betweenness centrality) and the
communities; --export writes GEXF or GraphML for Gephi; --plot draws the network.
Only meetings that happened are edges unless --all is given. --foreign keeps only the
meetings between people of two or more countries (the reference KB's, or the graph's
kg:country), so a Security Council session does not drown a leader's diplomacy.

--by country prints the country dyads, ICEWS/GDELT style: each pair of countries whose
people met (or one of whose people visited the other), events per month by kind, the
pairs with most events first. A domestic pair (Россия – Россия) is listed unless --foreign
is given. --export writes that network (.gexf, .graphml) or the table (.csv).
"""

from __future__ import annotations

import csv
import io

from ..network import (
    centrality,
    communities,
    count_meetings,
    foreign,
    meeting_network,
    met_graph,
    write_network,
)
from ..store import atomic_write, open_graph
from . import GRAPH_HELP
from .common import fail

help = "the meeting network: central people, communities; --by country: country dyads by kind and month"
epilog = """\
examples:
  kgraph network graph.ttl --top 10
  kgraph network oxigraph:kg --export meetings.gexf --plot network.png
  kgraph network graph.ttl --by country --foreign --export dyads.csv"""

#: what a row of the network stands for
NETWORK_BY = ("person", "country")


def met_line(G) -> str:
    """The network's first line: the people who met (the nodes its plot draws) and the meetings,
    then how many more people the graph holds with statements or visits only.

    >>> import networkx as nx
    >>> G = nx.MultiGraph([("a", "b", "m1"), ("a", "c", "m2")])
    >>> G.add_node("d")
    >>> met_line(G)
    '3 people met in 2 meetings (1 more with no meeting)'
    """
    met = met_graph(G).number_of_nodes()
    more = G.number_of_nodes() - met
    line = f"{met} people met in {count_meetings(G)} meetings"
    return line + (f" ({more} more with no meeting)" if more else "")


def add_graph_arguments(parser) -> None:
    """GRAPH, --all, --foreign and --plot: what the timeline and network commands share."""
    parser.add_argument("graph", metavar="GRAPH", help=GRAPH_HELP)
    parser.add_argument(
        "--all",
        action="store_true",
        help="keep planned, negated and hypothetical meetings too (default: only those that happened)",
    )
    parser.add_argument(
        "--foreign",
        action="store_true",
        help="only meetings between people of different countries (as the reference KB or the graph knows them)",
    )
    parser.add_argument("--plot", metavar="FILE", help="draw it to a picture (.png, .svg, .pdf); needs kgraph[plot]")


def save_plot(path: str, kind: str, *args) -> int:
    """Draw with ``kgraph.plot.<kind>(*args)`` and save to ``path``; the exit code."""
    try:
        from .. import plot
    except ImportError:
        return fail("--plot needs matplotlib: pip install 'kgraph[plot]'")
    try:
        plot.save_figure(getattr(plot, kind)(*args), path)
    except (OSError, ValueError) as error:
        return fail(f"cannot write {path}: {error}")
    print(f"kgraph: plot -> {path}")
    return 0


def add_arguments(parser) -> None:
    """The arguments of ``kgraph network``: the graph options, ``--by``, ``--export FILE`` and ``--top N``."""
    add_graph_arguments(parser)
    parser.add_argument(
        "--by",
        choices=NETWORK_BY,
        default="person",
        help="person: who met whom (default); country: country dyads by kind and month",
    )
    parser.add_argument(
        "--export",
        metavar="FILE",
        help="write the network as .gexf or .graphml (Gephi opens both); with --by country also the table as .csv",
    )
    parser.add_argument("--top", type=int, default=15, metavar="N", help="how many central people to list (15)")


def run(args) -> int:
    """Print the meeting network's central people and communities, or the country dyads; the exit code."""
    try:
        graph = open_graph(args.graph)
    except (OSError, ValueError) as error:
        return fail(str(error))
    if args.by == "country":
        if args.plot:
            return fail("--plot draws the network of people; with --by country, --export a .gexf for Gephi")
        return _countries(graph, args)
    G = meeting_network(graph, status=None if args.all else "occurred")
    if args.foreign:
        G = foreign(G)
    print(met_line(G))
    print(f"{'name':30}  {'meetings':>8}  {'partners':>8}  {'degree':>6}  {'betweenness':>11}")
    for row in centrality(G)[: args.top]:
        print(
            f"{row['name']:30}  {row['meetings']:8}  {row['partners']:8}  {row['degree']:6.3f}  "
            f"{row['betweenness']:11.3f}"
        )
    for i, group in enumerate(communities(G), 1):
        print(f"community {i}: {', '.join(group)}")
    if args.export:
        try:
            write_network(G, args.export)
        except (OSError, ValueError) as error:
            return fail(str(error))
        print(f"kgraph: network -> {args.export}")
    if args.plot:
        return save_plot(args.plot, "plot_network", G)
    return 0


def _pair(countries: tuple[str, str]) -> str:
    return " – ".join(countries)


def dyad_csv(rows: list[dict]) -> str:
    """The dyad table as CSV text: country_a, country_b, month, a column per kind, events."""
    from ..events import DYAD_KINDS

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["country_a", "country_b", "month", *DYAD_KINDS, "events"])
    for row in rows:
        writer.writerow([*row["countries"], row["month"] or "", *(row[k] for k in DYAD_KINDS), row["events"]])
    return out.getvalue()


def _countries(graph, args) -> int:
    from ..events import DYAD_KINDS, country_network, dyad_table, event_records

    C = country_network(event_records(graph), foreign=args.foreign, status=None if args.all else "occurred")
    rows = dyad_table(C)
    events = {key: kind for _, _, key, kind in C.edges(keys=True, data="kind")}
    kinds = {kind: sum(1 for k in events.values() if k == kind) for kind in DYAD_KINDS}
    pairs = list(dict.fromkeys(row["countries"] for row in rows))
    print(
        f"{C.number_of_nodes()} countries, {len(pairs)} pairs, "
        f"{len(events)} events "
        f"({', '.join(f'{kind} {n}' for kind, n in kinds.items())})"
    )
    width = max([len("countries"), *(len(_pair(p)) for p in pairs)])
    print(f"{'countries':{width}}  {'month':7}  " + "  ".join(f"{k:>7}" for k in DYAD_KINDS) + f"  {'events':>6}")
    for pair in pairs:
        mine = [row for row in rows if row["countries"] == pair]
        total = {k: sum(row[k] for row in mine) for k in (*DYAD_KINDS, "events")}
        print(
            f"{_pair(pair):{width}}  {'all':7}  "
            + "  ".join(f"{total[k]:7}" for k in DYAD_KINDS)
            + f"  {total['events']:6}"
        )
        for row in mine:
            print(
                f"{'':{width}}  {row['month'] or '?':7}  "
                + "  ".join(f"{row[k]:7}" for k in DYAD_KINDS)
                + f"  {row['events']:6}"
            )
    if args.export:
        try:
            if args.export.lower().endswith(".csv"):
                atomic_write(args.export, dyad_csv(rows).encode("utf-8-sig"))
            else:
                write_network(C, args.export)
        except (OSError, ValueError) as error:
            return fail(str(error))
        print(f"kgraph: country network -> {args.export}")
    return 0
