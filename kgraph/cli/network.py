"""The meeting network: who met whom, how often, who is central.

Prints the people with the most partners (degree and betweenness centrality)
and the communities; --export writes GEXF or GraphML for Gephi; --plot draws
the network. Only meetings that happened are edges unless --all is given.
"""
from __future__ import annotations

from ..network import centrality, communities, count_meetings, meeting_network, write_network
from ..store import open_graph
from . import GRAPH_HELP
from .common import fail

help = "the meeting network: central people, communities (--export .gexf/.graphml, --plot)"
epilog = """\
examples:
  kgraph network graph.ttl --top 10
  kgraph network oxigraph:kg --export meetings.gexf --plot network.png"""


def add_graph_arguments(parser) -> None:
    """GRAPH, --all and --plot: what the timeline and network commands share."""
    parser.add_argument("graph", metavar="GRAPH", help=GRAPH_HELP)
    parser.add_argument("--all", action="store_true",
                        help="keep planned, negated and hypothetical meetings too (default: only those that happened)")
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
    add_graph_arguments(parser)
    parser.add_argument("--export", metavar="FILE", help="write the network as .gexf or .graphml (Gephi opens both)")
    parser.add_argument("--top", type=int, default=15, metavar="N", help="how many central people to list (15)")


def run(args) -> int:
    try:
        graph = open_graph(args.graph)
    except (OSError, ValueError) as error:
        return fail(str(error))
    G = meeting_network(graph, status=None if args.all else "occurred")
    print(f"{G.number_of_nodes()} people, {count_meetings(G)} meetings")
    print(f"{'name':30}  {'meetings':>8}  {'partners':>8}  {'degree':>6}  {'betweenness':>11}")
    for row in centrality(G)[:args.top]:
        print(f"{row['name']:30}  {row['meetings']:8}  {row['partners']:8}  {row['degree']:6.3f}  "
              f"{row['betweenness']:11.3f}")
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
