"""Questions to the meeting network: a person's timeline, partners, who is central, communities."""

from __future__ import annotations

import datetime
from collections import Counter

import networkx as nx

from .find import find_person
from .window import window

__all__ = [
    "TIMELINE_BY",
    "centrality",
    "communities",
    "count_meetings",
    "ego_network",
    "headline",
    "meetings_between",
    "meetings_per_month",
    "met_graph",
    "partners",
    "timeline",
]


def _by_date(row: dict) -> tuple:
    return (row["date"] is None, row["date"] or "")


#: what a timeline row stands for: one meeting (with all its partners) or one meeting and partner
TIMELINE_BY = ("meeting", "partner")


def headline(evidence: str | None, width: int = 80) -> str:
    """A meeting's title from its evidence sentence: the first paragraph (a news item's heading
    when the sentence runs on from it), one line, cut at a word within ``width`` characters.

    >>> headline("Совещание с членами Совета Безопасности\\n\\nВладимир Путин провёл совещание.")
    'Совещание с членами Совета Безопасности'
    >>> headline("Путин и Си Цзиньпин начали переговоры по видеосвязи.")
    'Путин и Си Цзиньпин начали переговоры по видеосвязи'
    >>> headline("Президент РФ Владимир Путин и председатель КНР Си Цзиньпин продолжили общение", width=40)
    'Президент РФ Владимир Путин и…'
    """
    if not evidence:
        return ""
    text = " ".join(evidence.strip().split("\n\n")[0].split())
    if len(text) <= width:
        return text.rstrip(" .")
    cut = text[: width - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—-") + "…"


def timeline(
    G: nx.MultiGraph,
    person: str,
    start: str | datetime.date | None = None,
    end: str | datetime.date | None = None,
    by: str = "meeting",
) -> list[dict]:
    """The person's meetings in date order, undated last.

    ``by="meeting"`` (the default): one row per meeting, with all its partners. A row:
    ``date``, ``mode``, ``status``, ``with`` (the partners' names, sorted), ``title`` (from the
    evidence sentence, :func:`headline`), ``sources`` and ``event`` (the meeting's IRI).

    ``by="partner"``: one row per meeting and partner, as before: ``with`` is one name, and
    the rows of a meeting of three share its ``event``; no ``title``.

    >>> from kgraph.examples import two_meetings
    >>> graph = two_meetings()
    >>> from kgraph.network import meeting_network
    >>> G = meeting_network(graph)
    >>> [(r["date"], r["with"], r["mode"], r["title"]) for r in timeline(G, "Владимир Путин")]
    [('2025-09-02', ['Си Цзиньпин'], 'in_person', 'Путин и Си Цзиньпин провели переговоры в Пекине'),
     ('2026-02-04', ['Си Цзиньпин'], 'video', 'Путин и Си Цзиньпин провели переговоры по видеосвязи')]
    >>> timeline(G, "Владимир Путин", start="2026-02", by="partner")
    [{'date': '2026-02-04', 'with': 'Си Цзиньпин', 'mode': 'video', 'status': 'occurred',
      'sources': ['a2'], 'event': 'https://w3id.org/kgraph/resource/event/meeting-...'}]
    """
    if by not in TIMELINE_BY:
        raise ValueError(f"unknown timeline row {by!r}; expected one of {', '.join(TIMELINE_BY)}")
    node = find_person(G, person)
    view = window(G, start, end)
    if by == "partner":
        rows = [
            {
                "date": data["date"],
                "with": G.nodes[other]["name"],
                "mode": data["mode"],
                "status": data["status"],
                "sources": data["sources"],
                "event": key,
            }
            for _, other, key, data in view.edges(node, keys=True, data=True)
        ]
        return sorted(rows, key=lambda r: (*_by_date(r), r["with"], r["event"]))
    meetings: dict[str, dict] = {}
    for _, other, key, data in view.edges(node, keys=True, data=True):
        row = meetings.setdefault(
            key,
            {
                "date": data["date"],
                "mode": data["mode"],
                "status": data["status"],
                "with": [],
                "title": headline(data.get("evidence")),
                "sources": data["sources"],
                "event": key,
            },
        )
        row["with"].append(G.nodes[other]["name"])
    for row in meetings.values():
        row["with"].sort()
    return sorted(meetings.values(), key=lambda r: (*_by_date(r), r["with"], r["event"]))


def meetings_between(G: nx.MultiGraph, a: str, b: str) -> list[dict]:
    """The meetings of two people in date order: ``date``, ``mode``, ``status``, ``sources``, ``event``.

    >>> from kgraph.examples import two_meetings
    >>> graph = two_meetings()
    >>> from kgraph.network import meeting_network
    >>> [(m["date"], m["mode"], m["sources"]) for m in meetings_between(meeting_network(graph), "Путин", "Си Цзиньпин")]
    [('2025-09-02', 'in_person', ['a1']), ('2026-02-04', 'video', ['a2'])]
    """
    u, v = find_person(G, a), find_person(G, b)
    edges = G.get_edge_data(u, v) or {}
    rows = [
        {"date": d["date"], "mode": d["mode"], "status": d["status"], "sources": d["sources"], "event": key}
        for key, d in edges.items()
    ]
    return sorted(rows, key=lambda r: (*_by_date(r), r["event"]))


def partners(G: nx.MultiGraph, person: str) -> list[tuple[str, int]]:
    """Whom the person met, most meetings first (ties by name): ``[(name, meetings), ...]``."""
    node = find_person(G, person)
    counts = Counter(other for _, other in G.edges(node))
    named = [(G.nodes[other]["name"], n) for other, n in counts.items()]
    return sorted(named, key=lambda item: (-item[1], item[0]))


def ego_network(G: nx.MultiGraph, person: str, radius: int = 1) -> nx.MultiGraph:
    """A view of the person, everyone within ``radius`` meetings of them, and their meetings."""
    node = find_person(G, person)
    reach = nx.single_source_shortest_path_length(G, node, cutoff=radius)
    return G.subgraph(reach)


def count_meetings(G: nx.MultiGraph, person: str | None = None) -> int:
    """How many meetings the network holds, or one person has: a meeting of three counts once."""
    edges = G.edges(find_person(G, person), keys=True) if person else G.edges(keys=True)
    return len({key for _, _, key in edges})


def met_graph(G: nx.MultiGraph) -> nx.Graph:
    """The simple graph of people with at least one meeting; ``weight``: how many meetings a pair had."""
    simple = nx.Graph()
    for u, v in G.edges():
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += 1
        else:
            simple.add_edge(u, v, weight=1)
    return simple


def centrality(G: nx.MultiGraph) -> list[dict]:
    """Who is central, most central first: one row per person with at least one meeting.

    A row: ``name``, ``meetings`` (a meeting of three counts once), ``partners`` (distinct people met), ``degree``
    (degree centrality: partners / (people - 1)) and ``betweenness`` (on the graph of who
    met whom, unweighted), sorted by betweenness, then partners, then name.
    """
    simple = met_graph(G)
    degree = nx.degree_centrality(simple)
    between = nx.betweenness_centrality(simple)
    rows = [
        {
            "name": G.nodes[n]["name"],
            "meetings": count_meetings(G, n),
            "partners": simple.degree(n),
            "degree": degree[n],
            "betweenness": between[n],
        }
        for n in simple
    ]
    return sorted(rows, key=lambda r: (-r["betweenness"], -r["partners"], r["name"]))


def communities(G: nx.MultiGraph, names: bool = True) -> list[list[str]]:
    """Groups of people who meet each other more than others (greedy modularity, weighted by meetings).

    Only people with at least one meeting, largest group first; each group sorted, as names
    or, with ``names=False``, as nodes.
    """
    simple = met_graph(G)
    if simple.number_of_edges() == 0:
        return []
    label = (lambda n: G.nodes[n]["name"]) if names else str
    groups = [
        sorted(map(label, group)) for group in nx.community.greedy_modularity_communities(simple, weight="weight")
    ]
    return sorted(groups, key=lambda group: (-len(group), group))


def meetings_per_month(G: nx.MultiGraph, person: str | None = None) -> dict[str, int]:
    """How many meetings each month ("YYYY-MM" -> count), from the first month to the last.

    Months without meetings count 0; a meeting of three counts once; meetings dated only
    to the year, or not at all, are left out. ``person`` counts only their meetings.
    """
    edges = G.edges(find_person(G, person), keys=True, data="date") if person else G.edges(keys=True, data="date")
    events = {key: date for _, _, key, date in edges if date and len(date) >= 7}
    counts = Counter(date[:7] for date in events.values())
    if not counts:
        return {}
    first, last = min(counts), max(counts)
    year, month = map(int, first.split("-"))
    months = {}
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        months[key] = counts.get(key, 0)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
