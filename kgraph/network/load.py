"""The meeting and visit networks, read from an RDF graph by SPARQL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

import networkx as nx
from rdflib import Dataset, Graph
from rdflib.query import ResultRow

from ..model import Mode, Status, precision_of, specific_mode
from ..rdf import MODES
from ..rdf import STATUSES as STATUS_IRIS
from .reference import reference_attributes

__all__ = [
    "COUNTRIES",
    "COUNTRY_CLAIMS",
    "EVIDENCE",
    "LABELS",
    "MEETINGS",
    "MODE_NAMES",
    "PREFIXES",
    "SAME_AS",
    "STATEMENTS",
    "STATUS_NAMES",
    "VISITS",
    "WIKIDATA",
    "evidence_of",
    "graph_countries",
    "labels",
    "meeting_network",
    "most_precise",
    "same_as",
    "select",
    "union_graph",
    "visit_network",
    "wanted_statuses",
]

PREFIXES = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

MEETINGS = (
    PREFIXES
    + """
SELECT ?event ?person ?status ?date ?mode ?source WHERE {
  ?event a kg:Meeting ; kg:participant ?person ; kg:status ?status .
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:mode ?mode }
  OPTIONAL { ?event prov:wasDerivedFrom ?article . ?article dcterms:identifier ?source }
}
"""
)

VISITS = (
    PREFIXES
    + """
SELECT ?event ?person ?place ?status ?date ?source WHERE {
  ?event a kg:Visit ; kg:visitor ?person ; kg:destination ?place ; kg:status ?status .
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event prov:wasDerivedFrom ?article . ?article dcterms:identifier ?source }
}
"""
)

STATEMENTS = (
    PREFIXES
    + """
SELECT ?person (COUNT(DISTINCT ?statement) AS ?n) WHERE {
  ?statement a kg:Statement ; kg:speaker ?person .
} GROUP BY ?person
"""
)

EVIDENCE = (
    PREFIXES
    + """
SELECT ?event ?evidence WHERE {
  ?event a ?kind ; kg:evidence ?evidence .
  FILTER(?kind IN (kg:Meeting, kg:Visit, kg:Statement))
}
"""
)

COUNTRIES = (
    PREFIXES
    + """
SELECT ?agent ?name WHERE {
  ?agent kg:country ?country .
  ?country rdfs:label ?name .
}
"""
)

COUNTRY_CLAIMS = (
    PREFIXES
    + """
SELECT ?agent ?name (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { ?agent kg:country ?country }
  ?country rdfs:label ?name .
} GROUP BY ?agent ?name
"""
)

SAME_AS = (
    PREFIXES
    + """
SELECT ?node ?same WHERE {
  ?node owl:sameAs ?same .
  FILTER(STRSTARTS(STR(?node), "https://w3id.org/kgraph/resource/")
         && STRSTARTS(STR(?same), "https://w3id.org/kgraph/resource/"))
}
"""
)

LABELS = (
    PREFIXES
    + """
SELECT ?node ?name ?same WHERE {
  ?node rdfs:label ?name .
  OPTIONAL { ?node owl:sameAs ?same }
}
"""
)

WIKIDATA = "http://www.wikidata.org/entity/"
# IRI -> plain name (str, not the enum: GraphML and GEXF writers know only built-in types)
MODE_NAMES = {str(iri): str(name) for name, iri in MODES.items()}
STATUS_NAMES = {str(iri): str(name) for name, iri in STATUS_IRIS.items()}


def select(graph: Graph, query: str) -> Iterator[ResultRow]:
    """The rows of a SELECT query, each a ResultRow (by variable: ``row.name``, ``row["name"]``).

    rdflib types a result's rows as triples, booleans or rows, whatever the query; a SELECT's
    are always rows, which is what this says to the type checker.

    >>> graph = Graph().parse(format="turtle", data='<urn:x:putin> <urn:x:name> "Владимир Путин" .')
    >>> [(str(row.person), str(row["name"])) for row in select(graph, "SELECT ?person ?name { ?person ?p ?name }")]
    [('urn:x:putin', 'Владимир Путин')]
    """
    return cast(Iterator[ResultRow], iter(graph.query(query)))


def union_graph(graph: Graph) -> Graph:
    """A graph whose SPARQL sees every triple: a Dataset's named graphs included, nothing copied."""
    if isinstance(graph, Dataset) and not graph.default_union:
        return Dataset(store=graph.store, default_union=True)
    return graph


def wanted_statuses(status: str | Iterable[str] | None) -> set[str]:
    """The statuses a ``status`` argument asks for: one, several, or None for all; ValueError for others."""
    known = [s.value for s in Status]
    wanted = set(known) if status is None else {status} if isinstance(status, str) else set(status)
    unknown = wanted - set(known)
    if unknown:
        raise ValueError(f"unknown status {sorted(unknown)}; expected some of {known} or None for all")
    return wanted


def labels(graph: Graph) -> tuple[dict[str, str], dict[str, str]]:
    """Each node's name (the smallest label, for determinism) and its Wikidata id."""
    names: dict[str, str] = {}
    wikidata: dict[str, str] = {}
    for row in select(graph, LABELS):
        node, name = str(row.node), str(row.name)
        if node not in names or name < names[node]:
            names[node] = name
        if row.same is not None and str(row.same).startswith(WIKIDATA):
            wikidata[node] = str(row.same).removeprefix(WIKIDATA)
    return names, wikidata


def evidence_of(graph: Graph) -> dict[str, str]:
    """One evidence sentence per event IRI: the shortest of those the reports gave (ties by text).

    A graph file's union does not say which article gave which sentence, so the choice is
    by the sentence alone, the same whatever store the graph lives in.
    """
    found: dict[str, str] = {}
    for row in select(graph, EVIDENCE):
        event, text = str(row.event), str(row.evidence)
        if event not in found or (len(text), text) < (len(found[event]), found[event]):
            found[event] = text
    return found


def graph_countries(graph: Graph, same: dict[str, str] | None = None) -> dict[str, str]:
    """The country the graph itself gives an agent (kg:country, its label), by agent IRI.

    The reference KB knows the country of leaders and officials; for anyone else the
    article's own «президент Франции» is its kg:country, written in the article's named
    graph (:mod:`kgraph.rdf`). Where articles disagree, the country the most articles give
    wins, then the first name in order. A file without named graphs (Turtle, N-Triples)
    holds each claim once, so there every claim counts one. ``same``: node -> the node it
    is one with (:func:`same_as`); the claims of both count for that node.
    """
    same = same or {}
    counts: dict[tuple[str, str], int] = {}
    for row in select(graph, COUNTRY_CLAIMS) if isinstance(graph, Dataset) else ():  # a Graph has no named graphs
        counts[same.get(str(row.agent), str(row.agent)), str(row.name)] = int(row.n)
    for row in select(graph, COUNTRIES):  # claims outside any named graph
        counts.setdefault((same.get(str(row.agent), str(row.agent)), str(row.name)), 1)
    found: dict[str, tuple[int, str]] = {}
    for (agent, name), n in counts.items():
        if agent not in found or (-n, name) < (-found[agent][0], found[agent][1]):
            found[agent] = (n, name)
    return {agent: name for agent, (_, name) in found.items()}


def same_as(graph: Graph) -> dict[str, str]:
    """Node -> the node it is one with, for entities linked by owl:sameAs between kgraph IRIs.

    :mod:`kgraph.reconcile` links a person named only "Н. Кан" to the corpus's "Наото Кан";
    each linked group is read as one node: the one the links point to (never itself a link's
    subject), then the smallest IRI. Only the nodes that stand for another are keys.
    """
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    subjects: set[str] = set()
    for row in select(graph, SAME_AS):
        a, b = str(row.node), str(row.same)
        subjects.add(a)
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for node in parent:
        groups.setdefault(root(node), []).append(node)
    found: dict[str, str] = {}
    for members in groups.values():
        head = min(members, key=lambda n: (n in subjects, n))
        found.update({node: head for node in members if node != head})
    return found


def most_precise(dates) -> str | None:
    """Of the dates reports gave one event, the most precise (then the latest); None for none.

    >>> most_precise({"2025-09", "2025-09-02"})
    '2025-09-02'
    """
    return max(dates, key=lambda d: (len(d), d), default=None)


def _events(rows: Iterable[ResultRow], person_var: str, same: dict[str, str] | None = None) -> dict[str, dict]:
    """SPARQL rows (one per event, person and source) gathered into one record per event.

    A meeting that sentences report in different modes gets the most specific one
    (:func:`kgraph.model.specific_mode`): «Путин и Си Цзиньпин провели переговоры» and
    «... по видеосвязи» about one meeting give "video". Reports merged into one event that
    each gave a date ("2025-09" and "2025-09-02") give the most precise (:func:`most_precise`),
    whatever order the store returns rows in; the precision is that date's. ``same``: a
    person -> the node it is one with (:func:`same_as`).
    """
    same = same or {}
    events: dict[str, dict] = {}
    for row in rows:
        event = events.setdefault(
            str(row.event),
            {
                "people": set(),
                "status": STATUS_NAMES.get(str(row.status), Status.OCCURRED.value),
                "dates": set(),
                "modes": set(),
                "sources": set(),
            },
        )
        person = str(row[person_var])
        event["people"].add(same.get(person, person))
        event["modes"].add(MODE_NAMES.get(str(row.get("mode")), Mode.UNKNOWN.value))
        if row.date is not None:
            event["dates"].add(str(row.date))
        if row.source is not None:
            event["sources"].add(str(row.source))
    for event in events.values():
        event["date"] = most_precise(event.pop("dates"))
        precision = precision_of(event["date"])
        event["precision"] = precision and precision.value
        event["mode"] = str(specific_mode(event.pop("modes")))
    return events


def meeting_network(
    graph: Graph, status: str | Iterable[str] | None = "occurred", reference: bool = True
) -> nx.MultiGraph:
    """The meeting network: people as nodes, one edge per meeting of two of them.

    Nodes are entity IRIs with ``name``, ``wikidata`` (when known), ``statements`` (how many
    kg:Statement events they are the speaker of) and, from the reference KB when
    ``reference`` is true, ``country`` and ``role`` ("head_of_state", "head_of_government",
    "foreign_minister", "spokesperson"). A node the KB places in no country takes the
    ``country`` the graph gives it (kg:country, :func:`graph_countries`), if any. Every
    meeting participant and every speaker is a node, even without an edge. People linked by
    owl:sameAs ("Н. Кан" and "Наото Кан", :func:`same_as`) are one node, the linked-to IRI.

    An edge's key is the meeting's IRI; its data: ``date`` (ISO string or None),
    ``precision``, ``mode`` ("in_person", "phone", "video", "unknown"), ``status``,
    ``sources`` (article ids, sorted) and ``evidence`` (one sentence that reports it,
    :func:`evidence_of`). A meeting of three gives the three pairs an edge each, under
    the same key.

    ``status``: the statuses kept as edges, "occurred" by default; None keeps all.

    >>> from kgraph.examples import PUTIN as putin, XI as xi, graph_of
    >>> from kgraph.model import Event
    >>> talks = Event("meeting", (putin, xi), "a1", "Путин и Си Цзиньпин провели переговоры по видеосвязи.",
    ...               date="2026-02-04", mode="video")
    >>> G = meeting_network(graph_of(talks))
    >>> G.nodes["https://w3id.org/kgraph/resource/entity/Q7747"]
    {'name': 'Владимир Путин', 'statements': 0, 'wikidata': 'Q7747', 'country': 'Россия', 'role': 'head_of_state'}
    >>> [(data["date"], data["mode"], data["sources"]) for _, _, data in G.edges(data=True)]
    [('2026-02-04', 'video', ['a1'])]
    """
    wanted = wanted_statuses(status)
    graph = union_graph(graph)
    names, wikidata = labels(graph)
    same = same_as(graph)
    meetings = _events(select(graph, MEETINGS), "person", same)
    statements: dict[str, int] = {}
    for row in select(graph, STATEMENTS):
        speaker = same.get(str(row.person), str(row.person))
        statements[speaker] = statements.get(speaker, 0) + int(row.n)
    evidence = evidence_of(graph)

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
        data["evidence"] = evidence.get(key)
        pair = sorted(meeting["people"])
        for i, a in enumerate(pair):
            for b in pair[i + 1 :]:
                G.add_edge(a, b, key=key, **data)
    if reference:
        last: dict[str, str] = {}
        for a, b, date in G.edges(data="date"):
            for node in (a, b):
                if date and date > last.get(node, ""):
                    last[node] = date
        for node, attrs in reference_attributes(G.nodes, last).items():
            G.nodes[node].update(attrs)
    for node, country in graph_countries(graph, same).items():
        if node in G and "country" not in G.nodes[node]:
            G.nodes[node]["country"] = country
    return G


def visit_network(graph: Graph, status: str | Iterable[str] | None = "occurred") -> nx.MultiDiGraph:
    """Who visited where: one edge visitor -> destination per visit.

    Nodes carry ``name`` and ``kind`` ("person" or "place"); an edge's key is the visit's
    IRI, its data ``date``, ``precision``, ``status`` and ``sources``.

    >>> from kgraph.model import Article, Entity, Event
    >>> from kgraph.pipeline import Result
    >>> from kgraph.rdf import to_graph
    >>> putin, china = Entity("Q7747", "Владимир Путин", "PER", "Q7747"), Entity("Q148", "Китай", "LOC", "Q148")
    >>> trip = Event("visit", (putin,), "a1", "Путин прибыл в Китай.", date="2025-09", place=china)
    >>> V = visit_network(to_graph([Result(Article("a1", "…"), (), (trip,))]))
    >>> [(V.nodes[u]["name"], V.nodes[v]["name"], data["date"], data["precision"]) for u, v, data in V.edges(data=True)]
    [('Владимир Путин', 'Китай', '2025-09', 'month')]
    """
    wanted = wanted_statuses(status)
    graph = union_graph(graph)
    names, _ = labels(graph)
    rows = list(select(graph, VISITS))
    places = {str(row.event): str(row.place) for row in rows}
    V = nx.MultiDiGraph()
    for key, visit in sorted(_events(rows, "person", same_as(graph)).items()):
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
