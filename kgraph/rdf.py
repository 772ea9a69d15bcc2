"""Events to RDF triples against ``ontology/kgraph.ttl``.

IRIs are deterministic, so a rebuild gives the same graph and two articles
that report one meeting give one event node:

- an entity: ``kgr:entity/Q7747`` when Wikidata knows it, else
  ``kgr:person/vladimir-putin`` (``org/``, ``place/``) from its canonical name;
- an article: ``kgr:article/<id>``;
- an event dated to the day: ``kgr:event/meeting-<hash of kind, sorted
  participant keys, place, date, status>`` (a statement adds its quote), shared
  across articles; any other event adds the article id and sentence to the
  hash, so it stays the article's own.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .model import Article, Entity, Event

__all__ = [
    "KG", "KGR", "SEM", "SCHEMA", "WD", "bind_namespaces",
    "slug", "entity_iri", "article_iri", "event_iri", "date_literal",
    "article_triples", "to_graph",
]

KG = Namespace("https://w3id.org/kgraph/ontology#")
KGR = Namespace("https://w3id.org/kgraph/resource/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

EVENT_CLASSES = {"meeting": KG.Meeting, "visit": KG.Visit, "statement": KG.Statement}
ENTITY_CLASSES = {"PER": (KG.Person, "person"), "ORG": (KG.Organization, "org"), "LOC": (KG.Place, "place")}
MODES = {"in_person": KG.InPerson, "phone": KG.Phone, "video": KG.Video, "unknown": KG.UnknownMode}
STATUSES = {"occurred": KG.Occurred, "planned": KG.Planned, "negated": KG.Negated, "hypothetical": KG.Hypothetical}
PRECISIONS = {"day": (KG.Day, XSD.date), "month": (KG.Month, XSD.gYearMonth), "year": (KG.Year, XSD.gYear)}

TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
))


def bind_namespaces(graph: Graph) -> Graph:
    """Bind kgraph's prefixes (kg, kgr, sem, schema, prov, wd ...) on a graph."""
    for prefix, namespace in {
        "kg": KG, "kgr": KGR, "sem": SEM, "schema": SCHEMA, "prov": PROV, "wd": WD,
        "dcterms": DCTERMS, "owl": OWL, "skos": SKOS, "xsd": XSD, "rdfs": RDFS,
    }.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def slug(name: str) -> str:
    """An ASCII slug of a name: "Владимир Путин" -> "vladimir-putin"."""
    text = "".join(TRANSLIT.get(c, c) for c in name.lower())
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or hashlib.sha1(name.encode()).hexdigest()[:12]


def entity_iri(entity: Entity) -> URIRef:
    if entity.wikidata:
        return KGR[f"entity/{entity.wikidata}"]
    return KGR[f"{ENTITY_CLASSES[entity.type][1]}/{slug(entity.name)}"]


def article_iri(article_id: str) -> URIRef:
    return KGR[f"article/{quote(article_id, safe='')}"]


def event_iri(event: Event) -> URIRef:
    """Shared across articles when dated to the day; else the article's own."""
    parts = [event.kind, *sorted(p.key for p in event.participants)]
    if event.place is not None:
        parts.append(event.place.key)
    parts += [event.date or "", event.status]
    if event.kind == "statement":
        parts.append(" ".join(re.findall(r"\w+", (event.quote or "").lower())))
    if event.precision != "day":
        parts += [event.article_id, event.evidence]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return KGR[f"event/{event.kind}-{digest}"]


def date_literal(value: str) -> Literal:
    """"2026-02-04" as xsd:date, "2025-09" as xsd:gYearMonth, "2025" as xsd:gYear."""
    precision = {10: "day", 7: "month", 4: "year"}[len(value)]
    return Literal(value, datatype=PRECISIONS[precision][1])


def _entity_triples(entity: Entity) -> Iterator[tuple]:
    node = entity_iri(entity)
    yield node, RDF.type, ENTITY_CLASSES[entity.type][0]
    yield node, RDFS.label, Literal(entity.name, lang="ru")
    if entity.wikidata:
        yield node, OWL.sameAs, WD[entity.wikidata]


def _event_triples(event: Event, source: URIRef) -> Iterator[tuple]:
    node = event_iri(event)
    yield node, RDF.type, EVENT_CLASSES[event.kind]
    yield node, KG.status, STATUSES[event.status]
    yield node, KG.evidence, Literal(event.evidence)
    yield node, PROV.wasDerivedFrom, source
    if event.date:
        yield node, KG.date, date_literal(event.date)
        yield node, KG.datePrecision, PRECISIONS[event.precision][0]
    for entity in [*event.participants, *([event.place] if event.place else [])]:
        yield from _entity_triples(entity)
    people = [entity_iri(p) for p in event.participants]
    occurred = event.status == "occurred"
    if event.kind == "meeting":
        yield node, KG.mode, MODES[event.mode]
        for person in people:
            yield node, KG.participant, person
            for other in people:
                if occurred and other != person:
                    yield person, KG.metWith, other
    elif event.kind == "visit":
        place = entity_iri(event.place)
        yield node, KG.destination, place
        for person in people:
            yield node, KG.visitor, person
            if occurred:
                yield person, KG.visited, place
    else:
        yield node, KG.quote, Literal(event.quote or "")
        for person in people:
            yield node, KG.speaker, person
            yield person, KG.said, Literal(event.quote or "")
    if event.place is not None and event.kind != "visit":
        yield node, KG.place, entity_iri(event.place)


def article_triples(article: Article, events: Iterable[Event]) -> Iterator[tuple]:
    """Every triple one article contributes: itself, its events, their entities."""
    node = article_iri(article.id)
    yield node, RDF.type, KG.Article
    yield node, DCTERMS.identifier, Literal(article.id)
    if article.title:
        yield node, DCTERMS.title, Literal(article.title, lang="ru")
    if article.date:
        yield node, DCTERMS.date, Literal(article.date.isoformat(), datatype=XSD.date)
    if article.url:
        yield node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)
    if article.dateline:
        yield node, KG.dateline, Literal(article.dateline, lang="ru")
    if article.agency:
        yield node, KG.agency, Literal(article.agency)
    for event in events:
        yield from _event_triples(event, node)


def to_graph(results: Iterable, graph: Graph | None = None) -> Graph:
    """Add each :class:`~kgraph.pipeline.Result`'s triples to a graph (a new one by default)."""
    graph = bind_namespaces(graph if graph is not None else Graph())
    for result in results:
        for triple in article_triples(result.article, result.events):
            graph.add(triple)
    return graph
