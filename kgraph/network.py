"""networkx views of the knowledge graph: who met whom, when, and who visited where.

Two builders read any rdflib Graph (a parsed file, a Dataset, an Oxigraph store):

- :func:`meeting_network` -- a ``MultiGraph`` of people, one edge per meeting;
- :func:`visit_network` -- a ``MultiDiGraph``, one edge person -> place per visit.

The rest are pure functions that take the meeting network first, as networkx's do:

>>> G = meeting_network(open_graph("graph.ttl"))
>>> [(r["date"], r["with"], r["mode"]) for r in timeline(G, "Путин", start="2026-02")]
[('2026-02-04', 'Си Цзиньпин', 'video')]
>>> partners(G, "Владимир Путин")[0]
('Си Цзиньпин', 3)

Only meetings that happened are edges by default (``status="occurred"``): a planned
meeting («встреча запланирована на май») or a negated one («встречи не будет») is not
a meeting, as in PLOVER. ``status=None`` keeps every status; each edge says its own.

Dates stay ISO strings of the precision the article gave: ``"2026-02-04"`` (day),
``"2025-09"`` (month), ``"2025"`` (year), or None. A date window holds a meeting when
the whole period of its date lies inside the window, so ``"2025-09"`` is inside
September 2025 but not inside 10--20 September.
"""
from __future__ import annotations

import calendar
import datetime
import difflib
import io
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph

from .rdf import MODES, PRECISIONS, STATUSES

__all__ = [
    "meeting_network", "visit_network", "find_person",
    "window", "timeline", "meetings_between", "partners", "ego_network",
    "count_meetings", "met_graph", "centrality", "communities", "meetings_per_month",
    "period", "exportable", "write_network", "EXPORT_FORMATS",
]

_PREFIXES = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

MEETINGS = _PREFIXES + """
SELECT ?event ?person ?status ?date ?precision ?mode ?place ?source WHERE {
  ?event a kg:Meeting ; kg:participant ?person ; kg:status ?status .
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:datePrecision ?precision }
  OPTIONAL { ?event kg:mode ?mode }
  OPTIONAL { ?event kg:place ?place }
  OPTIONAL { ?event prov:wasDerivedFrom ?article . ?article dcterms:identifier ?source }
}
"""

VISITS = _PREFIXES + """
SELECT ?event ?person ?place ?status ?date ?precision ?source WHERE {
  ?event a kg:Visit ; kg:visitor ?person ; kg:destination ?place ; kg:status ?status .
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:datePrecision ?precision }
  OPTIONAL { ?event prov:wasDerivedFrom ?article . ?article dcterms:identifier ?source }
}
"""

STATEMENTS = _PREFIXES + """
SELECT ?person (COUNT(DISTINCT ?statement) AS ?n) WHERE {
  ?statement a kg:Statement ; kg:speaker ?person .
} GROUP BY ?person
"""

LABELS = _PREFIXES + """
SELECT ?node ?name ?same WHERE {
  ?node rdfs:label ?name .
  OPTIONAL { ?node owl:sameAs ?same }
}
"""

_WIKIDATA = "http://www.wikidata.org/entity/"
_MODE_NAMES = {str(iri): name for name, iri in MODES.items()}
_STATUS_NAMES = {str(iri): name for name, iri in STATUSES.items()}
_PRECISION_NAMES = {str(iri): name for name, (iri, _datatype) in PRECISIONS.items()}


# -- building the networks ---------------------------------------------------------------------


def _union(graph: Graph) -> Graph:
    """A graph whose SPARQL sees every triple: a Dataset's named graphs included, nothing copied."""
    if isinstance(graph, Dataset) and not graph.default_union:
        return Dataset(store=graph.store, default_union=True)
    return graph


def _statuses(status: str | Iterable[str] | None) -> set[str]:
    wanted = set(STATUSES) if status is None else {status} if isinstance(status, str) else set(status)
    unknown = wanted - set(STATUSES)
    if unknown:
        raise ValueError(f"unknown status {sorted(unknown)}; expected some of {list(STATUSES)} or None for all")
    return wanted


def _labels(graph: Graph) -> tuple[dict[str, str], dict[str, str]]:
    """Each node's name (the smallest label, for determinism) and its Wikidata id."""
    names: dict[str, str] = {}
    wikidata: dict[str, str] = {}
    for row in graph.query(LABELS):
        node, name = str(row.node), str(row.name)
        if node not in names or name < names[node]:
            names[node] = name
        if row.same is not None and str(row.same).startswith(_WIKIDATA):
            wikidata[node] = str(row.same).removeprefix(_WIKIDATA)
    return names, wikidata


def _events(rows, person_var: str) -> dict[str, dict]:
    """SPARQL rows (one per event, person and source) gathered into one record per event."""
    events: dict[str, dict] = {}
    for row in rows:
        event = events.setdefault(str(row.event), {
            "people": set(),
            "status": _STATUS_NAMES.get(str(row.status), "occurred"),
            "date": str(row.date) if row.date is not None else None,
            "precision": _PRECISION_NAMES.get(str(row.precision)) if row.precision is not None else None,
            "modes": set(),
            "place": str(row.place) if row.place is not None else None,
            "sources": set(),
        })
        event["people"].add(str(row[person_var]))
        event["modes"].add(_MODE_NAMES.get(str(row.get("mode")), "unknown"))
        if row.source is not None:
            event["sources"].add(str(row.source))
    for event in events.values():
        if event["date"] and not event["precision"]:
            event["precision"] = {10: "day", 7: "month", 4: "year"}.get(len(event["date"]))
        event["mode"] = _one_mode(event.pop("modes"))
    return events


def _one_mode(modes: set[str]) -> str:
    """One mode for a meeting that sentences report differently: a known mode beats "unknown";
    between known ones, the first of :data:`kgraph.rdf.MODES` (in_person, phone, video).

    «Путин и Си Цзиньпин провели переговоры» and «... по видеосвязи» about one meeting give "video".
    """
    return next((mode for mode in MODES if mode in modes and mode != "unknown"), "unknown")


def _reference(nodes: Iterable[str], last_dates: dict[str, str]) -> dict[str, dict]:
    """Country and role of each node that the reference KB knows (``ontology/kb.ttl``).

    The role is the one held on the day of the person's last dated meeting, else today.
    """
    from .entities.kb import ROLES, load_kb  # imported here: kgraph.entities loads natasha

    kb = load_kb()
    known: dict[str, dict] = {}
    for node in nodes:
        try:
            entity = kb.get(node)
        except KeyError:
            continue
        attrs: dict[str, str] = {}
        if entity.country:
            attrs["country"] = kb.get(entity.country).name
            on = period(last_dates[node])[1] if node in last_dates else None
            for role in ROLES:
                holder = kb.holder(role, entity.country, on)
                if holder is not None and holder.iri == node:
                    attrs["role"] = role
                    break
        known[node] = attrs
    return known


def meeting_network(graph: Graph, status: str | Iterable[str] | None = "occurred",
                    reference: bool = True) -> nx.MultiGraph:
    """The meeting network: people as nodes, one edge per meeting of two of them.

    Nodes are entity IRIs with ``name``, ``wikidata`` (when known), ``statements`` (how many
    kg:Statement events they are the speaker of) and, from the reference KB when
    ``reference`` is true, ``country`` and ``role`` ("head_of_state", "head_of_government",
    "foreign_minister", "spokesperson"). Every meeting participant and every speaker is a
    node, even without an edge.

    An edge's key is the meeting's IRI; its data: ``date`` (ISO string or None),
    ``precision``, ``mode`` ("in_person", "phone", "video", "unknown"), ``status``,
    ``place`` (a name or None) and ``sources`` (article ids, sorted). A meeting of three
    gives the three pairs an edge each, under the same key.

    ``status``: the statuses kept as edges, "occurred" by default; None keeps all.

    >>> G = meeting_network(graph)
    >>> G.nodes["https://w3id.org/kgraph/resource/entity/Q7747"]["country"]
    'Россия'
    """
    wanted = _statuses(status)
    graph = _union(graph)
    names, wikidata = _labels(graph)
    meetings = _events(graph.query(MEETINGS), "person")
    statements = {str(row.person): int(row.n) for row in graph.query(STATEMENTS)}

    G = nx.MultiGraph()
    people = sorted({p for m in meetings.values() for p in m["people"]} | set(statements))
    for node in people:
        G.add_node(node, name=names.get(node, node), statements=statements.get(node, 0))
        if node in wikidata:
            G.nodes[node]["wikidata"] = wikidata[node]
    for key, meeting in sorted(meetings.items()):
        if meeting["status"] not in wanted:
            continue
        data = {k: meeting[k] for k in ("date", "precision", "mode", "status")}
        data["place"] = names.get(meeting["place"], meeting["place"])
        data["sources"] = sorted(meeting["sources"])
        pair = sorted(meeting["people"])
        for i, a in enumerate(pair):
            for b in pair[i + 1:]:
                G.add_edge(a, b, key=key, **data)
    if reference:
        last = {}
        for a, b, date in G.edges(data="date"):
            for node in (a, b):
                if date and date > last.get(node, ""):
                    last[node] = date
        for node, attrs in _reference(G.nodes, last).items():
            G.nodes[node].update(attrs)
    return G


def visit_network(graph: Graph, status: str | Iterable[str] | None = "occurred") -> nx.MultiDiGraph:
    """Who visited where: one edge visitor -> destination per visit.

    Nodes carry ``name`` and ``kind`` ("person" or "place"); an edge's key is the visit's
    IRI, its data ``date``, ``precision``, ``status`` and ``sources``.

    >>> V = visit_network(graph)
    >>> sorted({V.nodes[place]["name"] for _, place in V.out_edges(find_person(V, "Владимир Путин"))})
    ['Китай', 'Кремль', 'Москва', 'Россия', 'Санкт-Петербург']
    """
    wanted = _statuses(status)
    graph = _union(graph)
    names, _ = _labels(graph)
    rows = list(graph.query(VISITS))
    places = {str(row.event): str(row.place) for row in rows}
    V = nx.MultiDiGraph()
    for key, visit in sorted(_events(rows, "person").items()):
        if visit["status"] not in wanted:
            continue
        place = places[key]
        V.add_node(place, name=names.get(place, place), kind="place")
        data = {k: visit[k] for k in ("date", "precision", "status")}
        data["sources"] = sorted(visit["sources"])
        for person in sorted(visit["people"]):
            V.add_node(person, name=names.get(person, person), kind="person")
            V.add_edge(person, place, key=key, **data)
    return V


# -- finding people and dates ------------------------------------------------------------------


def find_person(G: nx.Graph, person: str) -> str:
    """The node of a person given by node IRI, name, Wikidata id ("Q7747") or, when only one
    person has it, surname ("Путин"); case and ё do not matter.

    Raises KeyError naming the closest names when there is no such person.
    """
    if person in G:
        return person
    for node, data in G.nodes(data=True):
        if data.get("name") == person or data.get("wikidata") == person:
            return node
    fold = lambda text: str(text).casefold().replace("ё", "е")  # noqa: E731
    names = {node: fold(data.get("name", "")) for node, data in G.nodes(data=True)}
    for node, name in names.items():
        if name == fold(person):
            return node
    by_surname = [node for node, name in names.items() if name.split()[-1:] == [fold(person)]]
    if len(by_surname) == 1:
        return by_surname[0]
    close = sorted(G.nodes[n]["name"] for n in by_surname)
    if not close:  # near a whole name, or near a surname: "Путен" -> "Владимир Путин"
        whole = {name: G.nodes[n]["name"] for n, name in names.items()}
        last = {name.split()[-1]: G.nodes[n]["name"] for n, name in names.items() if name}
        close = [whole[c] for c in difflib.get_close_matches(fold(person), whole, n=3)]
        close += [last[c] for c in difflib.get_close_matches(fold(person), last, n=3) if last[c] not in close]
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    raise KeyError(f"no person named {person!r} in the meeting network{hint}")


def period(date: str | datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day an ISO date of any precision covers.

    >>> period("2025-09")
    (datetime.date(2025, 9, 1), datetime.date(2025, 9, 30))
    """
    if isinstance(date, datetime.datetime):
        date = date.date()
    if isinstance(date, datetime.date):
        return date, date
    parts = [int(p) for p in str(date).split("-")]
    if len(parts) == 3:
        day = datetime.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    raise ValueError(f"not an ISO date: {date!r}")


def _bounds(start, end) -> tuple[datetime.date, datetime.date]:
    try:
        low = period(start)[0] if start is not None else datetime.date.min
        high = period(end)[1] if end is not None else datetime.date.max
    except ValueError as error:
        raise ValueError(f"bad date window {start!r}..{end!r}: expected YYYY, YYYY-MM or YYYY-MM-DD") from error
    return low, high


def window(G: nx.MultiGraph, start: str | datetime.date | None = None,
           end: str | datetime.date | None = None) -> nx.MultiGraph:
    """A read-only view of the meetings whose date lies inside [start, end], not a copy.

    ``start`` and ``end`` are ISO dates of any precision, both inclusive: ``window(G,
    "2025-03", "2025-04")`` is March and April 2025. An undated meeting lies in no window
    that has a bound. Every node stays in the view.
    """
    if start is None and end is None:
        return G
    low, high = _bounds(start, end)

    def inside(u, v, key) -> bool:
        date = G.edges[u, v, key]["date"]
        if date is None:
            return False
        first, last = period(date)
        return low <= first and last <= high

    return nx.subgraph_view(G, filter_edge=inside)


# -- questions ---------------------------------------------------------------------------------


def _by_date(row: dict) -> tuple:
    return (row["date"] is None, row["date"] or "")


def timeline(G: nx.MultiGraph, person: str, start: str | datetime.date | None = None,
             end: str | datetime.date | None = None) -> list[dict]:
    """The person's meetings in date order, undated last: one row per meeting and partner.

    A row: ``date``, ``with`` (the partner's name), ``mode``, ``status``, ``place``,
    ``sources`` and ``event`` (the meeting's IRI, shared by the rows of a meeting of three).

    >>> timeline(G, "Владимир Путин", start="2026-02")
    [{'date': '2026-02-04', 'with': 'Си Цзиньпин', 'mode': 'video', 'status': 'occurred', 'place': None,
      'sources': ['interfax-2026-02-04-putin-xi'], 'event': 'https://w3id.org/kgraph/resource/event/meeting-...'}]
    """
    node = find_person(G, person)
    view = window(G, start, end)
    rows = [
        {"date": data["date"], "with": G.nodes[other]["name"], "mode": data["mode"],
         "status": data["status"], "place": data["place"], "sources": data["sources"], "event": key}
        for _, other, key, data in view.edges(node, keys=True, data=True)
    ]
    return sorted(rows, key=lambda r: (*_by_date(r), r["with"], r["event"]))


def meetings_between(G: nx.MultiGraph, a: str, b: str) -> list[dict]:
    """The meetings of two people in date order: ``date``, ``mode``, ``status``, ``place``, ``sources``, ``event``.

    >>> [m["date"] for m in meetings_between(G, "Владимир Путин", "Си Цзиньпин")]
    ['2025-05-08', '2025-09', '2026-02-04']
    """
    u, v = find_person(G, a), find_person(G, b)
    edges = G.get_edge_data(u, v) or {}
    rows = [{"date": d["date"], "mode": d["mode"], "status": d["status"], "place": d["place"],
             "sources": d["sources"], "event": key} for key, d in edges.items()]
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
    rows = [{"name": G.nodes[n]["name"], "meetings": count_meetings(G, n),
             "partners": simple.degree(n),
             "degree": degree[n], "betweenness": between[n]} for n in simple]
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
    groups = [sorted(map(label, group)) for group in
              nx.community.greedy_modularity_communities(simple, weight="weight")]
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


# -- export ------------------------------------------------------------------------------------


def exportable(G: nx.Graph) -> nx.Graph:
    """A copy that GEXF and GraphML can carry: lists joined by "; ", None left out, a ``label`` per node.

    Dates are already ISO strings (GraphML has no date type).
    """
    def plain(data: dict) -> dict:
        out = {}
        for name, value in data.items():
            if value is None:
                continue
            out[name] = "; ".join(map(str, value)) if isinstance(value, (list, tuple, set)) else value
        return out

    H = G.__class__()
    for node, data in G.nodes(data=True):
        H.add_node(node, **plain({"label": data.get("name", node), **data}))
    if G.is_multigraph():
        for u, v, key, data in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=key, **plain(data))
    else:
        for u, v, data in G.edges(data=True):
            H.add_edge(u, v, **plain(data))
    return H


#: file suffix -> networkx writer
EXPORT_FORMATS = {".gexf": nx.write_gexf, ".graphml": nx.write_graphml}


def write_network(G: nx.Graph, path: str | Path) -> None:
    """Write the network as GEXF or GraphML (by suffix) for Gephi, atomically."""
    from .store import atomic_write

    suffix = Path(path).suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ValueError(f"{path}: unknown network format {suffix!r} (known: {', '.join(EXPORT_FORMATS)})")
    buffer = io.BytesIO()
    EXPORT_FORMATS[suffix](exportable(G), buffer)
    atomic_write(path, buffer.getvalue())
