"""The meeting and visit networks, read from an RDF graph by SPARQL."""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
from rdflib import Dataset, Graph

from ..model import Mode, Status, precision_of, specific_mode
from ..rdf import MODES, PRECISIONS
from ..rdf import STATUSES as STATUS_IRIS
from .reference import reference_attributes

__all__ = ["meeting_network", "visit_network", "MEETINGS", "VISITS", "STATEMENTS", "LABELS"]

_PREFIXES = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

MEETINGS = _PREFIXES + """
SELECT ?event ?person ?status ?date ?precision ?mode ?source WHERE {
  ?event a kg:Meeting ; kg:participant ?person ; kg:status ?status .
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:datePrecision ?precision }
  OPTIONAL { ?event kg:mode ?mode }
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
# IRI -> plain name (str, not the enum: GraphML and GEXF writers know only built-in types)
_MODE_NAMES = {str(iri): name.value for name, iri in MODES.items()}
_STATUS_NAMES = {str(iri): name.value for name, iri in STATUS_IRIS.items()}
_PRECISION_NAMES = {str(iri): name.value for name, (iri, _datatype) in PRECISIONS.items()}


def _union(graph: Graph) -> Graph:
    """A graph whose SPARQL sees every triple: a Dataset's named graphs included, nothing copied."""
    if isinstance(graph, Dataset) and not graph.default_union:
        return Dataset(store=graph.store, default_union=True)
    return graph


def _statuses(status: str | Iterable[str] | None) -> set[str]:
    known = [s.value for s in Status]
    wanted = set(known) if status is None else {status} if isinstance(status, str) else set(status)
    unknown = wanted - set(known)
    if unknown:
        raise ValueError(f"unknown status {sorted(unknown)}; expected some of {known} or None for all")
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
    """SPARQL rows (one per event, person and source) gathered into one record per event.

    A meeting that sentences report in different modes gets the most specific one
    (:func:`kgraph.model.specific_mode`): «Путин и Си Цзиньпин провели переговоры» and
    «... по видеосвязи» about one meeting give "video".
    """
    events: dict[str, dict] = {}
    for row in rows:
        event = events.setdefault(str(row.event), {
            "people": set(),
            "status": _STATUS_NAMES.get(str(row.status), Status.OCCURRED.value),
            "date": str(row.date) if row.date is not None else None,
            "precision": _PRECISION_NAMES.get(str(row.precision)) if row.precision is not None else None,
            "modes": set(),
            "sources": set(),
        })
        event["people"].add(str(row[person_var]))
        event["modes"].add(_MODE_NAMES.get(str(row.get("mode")), Mode.UNKNOWN.value))
        if row.source is not None:
            event["sources"].add(str(row.source))
    for event in events.values():
        if event["date"] and not event["precision"]:
            precision = precision_of(event["date"])
            event["precision"] = precision and precision.value
        event["mode"] = str(specific_mode(event.pop("modes")))
    return events


def meeting_network(graph: Graph, status: str | Iterable[str] | None = "occurred",
                    reference: bool = True) -> nx.MultiGraph:
    """The meeting network: people as nodes, one edge per meeting of two of them.

    Nodes are entity IRIs with ``name``, ``wikidata`` (when known), ``statements`` (how many
    kg:Statement events they are the speaker of) and, from the reference KB when
    ``reference`` is true, ``country`` and ``role`` ("head_of_state", "head_of_government",
    "foreign_minister", "spokesperson"). Every meeting participant and every speaker is a
    node, even without an edge.

    An edge's key is the meeting's IRI; its data: ``date`` (ISO string or None),
    ``precision``, ``mode`` ("in_person", "phone", "video", "unknown"), ``status`` and
    ``sources`` (article ids, sorted). A meeting of three gives the three pairs an edge
    each, under the same key.

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
        for node, attrs in reference_attributes(G.nodes, last).items():
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
