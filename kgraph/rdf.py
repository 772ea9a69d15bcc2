"""Events to RDF triples against ``ontology/kgraph.ttl``.

IRIs are deterministic, so a rebuild gives the same graph and two articles
that report one meeting give one event node with both articles as sources:

- an entity: ``kgr:entity/Q7747`` when Wikidata knows it, else the reference KB's IRI
  (``kgr:person/dmitriy-peskov``), else ``kgr:person/<slug>`` (``org/``, ``place/``) of its
  name with й read as и, so spellings that differ only by ё/е, э/е, й/и, a hyphen or the
  Latin/Cyrillic script of a name ("Lenta.ru", "Лента.ру") are one IRI. A place the KB
  knows is typed kg:Country or kg:City, else kg:Place. The article's own name of an entity
  is its kg:spelling, in the article's graph; the one rdfs:label of an entity the KB does
  not know is chosen from all spellings by :mod:`kgraph.reconcile`. The country the
  article's own words give a person ("президент Франции Эмманюэль Макрон", "иранский
  министр Казем Джалали") is its kg:country, also in the article's graph: a claim of that
  article (readers count the articles making each claim, :mod:`kgraph.network.load`);
- an article: ``kgr:article/<id>``, also the name of the graph holding what the article
  says: its metadata and, for each event, the evidence, the source and mode, and the
  shortcut triples; what follows from an IRI alone (an entity's type and label, an event's
  kind, participants, day, status) goes to the one shared graph ``kgr:graph/shared``, so a
  store's union default graph holds it once however many articles report it
  (:func:`article_quads`);
- an event dated to the day: ``kgr:event/meeting-<hash>`` of its identity: kind,
  sorted participant keys, day and status, plus the destination of a visit and the
  words of a statement's quote. Mode and evidence are what articles say about
  the event, not part of its identity: "встретились в Кремле" and "провели переговоры"
  on the same day are one meeting. Status is: a meeting announced as planned and the
  meeting that took place are two claims, each with one kg:status.
- any other event (dated to the month or year, or undated) adds the article id and
  sentence to the hash, so it stays the article's own. An event dated to the month or
  year is written without its rdf:type: :mod:`kgraph.reconcile` types it, or makes it a
  kg:Report of the day-dated event it refers to (:func:`deferred`).

An event missing what the shapes require (a meeting of fewer than two, a visit with
no destination, a statement with no quote, no evidence) is not written.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .kb import load_kb
from .model import (
    EVENT_KINDS,
    Article,
    Entity,
    EntityType,
    Event,
    Mode,
    Precision,
    Status,
    entity_key,
    precision_of,
)

__all__ = [
    "KG",
    "KGR",
    "PREFIXES",
    "RECONCILE_GRAPH",
    "SCHEMA",
    "SEM",
    "SHARED_GRAPH",
    "SHARED_PREDICATES",
    "WD",
    "article_iri",
    "article_quads",
    "article_triples",
    "bind_namespaces",
    "date_literal",
    "deferred",
    "entity_class",
    "entity_iri",
    "entity_label",
    "event_iri",
    "provisional_triples",
    "quote_key",
    "slug",
    "to_graph",
    "writable",
]

KG = Namespace("https://w3id.org/kgraph/ontology#")
KGR = Namespace("https://w3id.org/kgraph/resource/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

#: event kind -> its kg: class
EVENT_CLASSES: dict[str, URIRef] = {kind: KG[spec.rdf_class] for kind, spec in EVENT_KINDS.items()}
#: entity type -> (its kg: class, the IRI path of an entity Wikidata does not know)
ENTITY_CLASSES: dict[str, tuple[URIRef, str]] = {
    EntityType.PER: (KG.Person, "person"),
    EntityType.ORG: (KG.Organization, "org"),
    EntityType.LOC: (KG.Place, "place"),
}
MODES: dict[str, URIRef] = {
    Mode.IN_PERSON: KG.InPerson,
    Mode.PHONE: KG.Phone,
    Mode.VIDEO: KG.Video,
    Mode.UNKNOWN: KG.UnknownMode,
}
STATUSES: dict[str, URIRef] = {
    Status.OCCURRED: KG.Occurred,
    Status.PLANNED: KG.Planned,
    Status.NEGATED: KG.Negated,
    Status.HYPOTHETICAL: KG.Hypothetical,
}
PRECISIONS: dict[str, tuple[URIRef, URIRef]] = {
    Precision.DAY: (KG.Day, XSD.date),
    Precision.MONTH: (KG.Month, XSD.gYearMonth),
    Precision.YEAR: (KG.Year, XSD.gYear),
}

# fmt: off
TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))
# fmt: on


#: prefix -> namespace, for every graph kgraph writes (Turtle, TriG) and binds
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "kgr": str(KGR),
    "article": f"{KGR}article/",
    "event": f"{KGR}event/",
    "entity": f"{KGR}entity/",
    "person": f"{KGR}person/",
    "org": f"{KGR}org/",
    "place": f"{KGR}place/",
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "wd": str(WD),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
}


G = TypeVar("G", bound=Graph)


def bind_namespaces(graph: G) -> G:
    """Bind kgraph's prefixes (kg, kgr, sem, schema, prov, wd ...) on a graph."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, Namespace(namespace), override=True)
    return graph


@functools.lru_cache(maxsize=1 << 16)
def slug(name: str) -> str:
    """An ASCII slug of a name: "Владимир Путин" -> "vladimir-putin"."""
    text = "".join(TRANSLIT.get(c, c) for c in name.lower())
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or hashlib.sha1(name.encode()).hexdigest()[:12]


def entity_iri(entity: Entity) -> URIRef:
    """``entity/<Wikidata id>``, else the KB's IRI of the name, else the slug of the name with й read as и.

    >>> spelled = entity_iri(Entity("PER:Андрей Белый", "Андрей Белый", "PER"))
    >>> spelled == entity_iri(Entity("PER:Андреи Белыи", "Андреи Белыи", "PER"))
    True
    """
    if entity.wikidata:
        return KGR[f"entity/{entity.wikidata}"]
    path = ENTITY_CLASSES[entity.type][1]
    known = KGR[f"{path}/{slug(entity.name)}"]
    if str(known) in _kb_index():
        return known
    return KGR[f"{path}/{slug(entity.name.replace('й', 'и').replace('Й', 'И'))}"]


def article_iri(article_id: str) -> URIRef:
    """``article/<id>``, the id percent-encoded.

    >>> article_iri("kremlin/7 1")
    rdflib.term.URIRef('https://w3id.org/kgraph/resource/article/kremlin%2F7%201')
    """
    return KGR[f"article/{quote(article_id, safe='')}"]


def event_iri(event: Event) -> URIRef:
    """Shared across articles when dated to the day; else the article's own."""
    parts = [event.kind, *sorted(p.key for p in event.participants)]
    identity = event.spec.identity
    if "place" in identity:
        assert event.place is not None, "a visit without a destination is not writable"
        parts.append(event.place.key)
    parts += [event.date or "", event.status]
    if "quote" in identity:
        parts.append(quote_key(event.quote or ""))
    if event.precision != Precision.DAY:
        parts += [event.article_id, event.evidence]
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return KGR[f"event/{event.kind}-{digest}"]


def quote_key(quote: str) -> str:
    """What identifies a quote: its words, lowercased. "Мы готовы!" and "мы готовы" are one quote.

    >>> quote_key("Мы готовы к диалогу!")
    'мы готовы к диалогу'
    """
    return " ".join(re.findall(r"\w+", quote.lower()))


def date_literal(value: str) -> Literal:
    """An ISO date as its typed literal: "2026-02-04" as xsd:date, "2025-09" as xsd:gYearMonth, "2025" as xsd:gYear.

    >>> date_literal("2025-09").datatype == XSD.gYearMonth
    True
    """
    precision = precision_of(value)
    assert precision is not None, f"not an ISO date: {value!r}"
    return Literal(value, datatype=PRECISIONS[precision][1])


def entity_class(entity: Entity) -> URIRef:
    """kg:Person, kg:Organization, or for a place kg:Country / kg:City when the KB knows it, else kg:Place."""
    known = _kb_index().get(str(entity_iri(entity))) if entity.wikidata else None
    if entity.type == EntityType.LOC and known and known[0] in ("Country", "City"):
        return KG[known[0]]
    return ENTITY_CLASSES[entity.type][0]


def entity_label(entity: Entity) -> str | None:
    """The KB's canonical name when the KB knows the entity ("Россия" whether an article says
    "РФ" or "Россия"), else None: :mod:`kgraph.reconcile` chooses it from all articles' spellings."""
    known = _kb_index().get(str(entity_iri(entity)))
    return known[1] if known else None


def deferred(event: Event) -> bool:
    """Whether an event is dated only to the month or year: it may be a report of a day-dated event,
    so its rdf:type is written by :mod:`kgraph.reconcile`, not by its article."""
    return event.precision in (Precision.MONTH, Precision.YEAR)


@functools.cache
def _kb_index() -> dict[str, tuple[str, str, Entity | None]]:
    """KB IRI -> (its class: "Country", "City", "Person" ..., its name, a city's country as an Entity)."""
    kb = load_kb()
    index: dict[str, tuple[str, str, Entity | None]] = {}
    for known in kb:
        kind = kb.kind(known.iri)
        land = kb.get(known.country) if kind == "City" and known.country else None
        country = (
            Entity(entity_key(EntityType.LOC, land.name, land.wikidata), land.name, EntityType.LOC, land.wikidata)
            if land
            else None
        )
        index[known.iri] = (kind, known.name, country)
    return index


def writable(event: Event) -> bool:
    """Whether an event carries what ``ontology/shapes.ttl`` requires of its kind."""
    spec = event.spec
    people = {p.key for p in event.participants}
    if not event.evidence.strip():
        return False
    if not all(p.type in spec.participant_types for p in event.participants):
        return False
    if len(people) < spec.min_participants or (
        spec.max_participants is not None and len(people) > spec.max_participants
    ):
        return False
    target = getattr(event, spec.object_field) if spec.object_field else True
    return bool(target.strip()) if isinstance(target, str) else target is not None


def _entity_triples(entity: Entity) -> Iterator[tuple]:
    node = entity_iri(entity)
    yield node, RDF.type, entity_class(entity)
    label = entity_label(entity)
    if label is not None:
        yield node, RDFS.label, Literal(label, lang="ru")
    if label != entity.name:
        yield node, KG.spelling, Literal(entity.name, lang="ru")
    if entity.wikidata:
        yield node, OWL.sameAs, WD[entity.wikidata]
    land = _kb_index().get(str(node), (None, None, None))[2] if entity.type == EntityType.LOC else None
    if land is not None:  # Москва schema:containedInPlace Россия, so "visits to Russia" finds it
        yield node, SCHEMA.containedInPlace, entity_iri(land)
        yield from _entity_triples(land)
    country = _country_entity(entity.country) if entity.country else None
    if country is not None:  # "президент Франции Эмманюэль Макрон": the article's claim, in its graph
        yield node, KG.country, entity_iri(country)
        yield from _entity_triples(country)


@functools.lru_cache(maxsize=1024)
def _country_entity(iri: str) -> Entity | None:
    """The reference KB's country of this IRI as an entity; None when the KB has no such country."""
    kb = load_kb()
    try:
        known = kb.get(iri)
    except KeyError:
        return None
    if kb.kind(iri) != "Country":
        return None
    return Entity(entity_key(EntityType.LOC, known.name, known.wikidata), known.name, EntityType.LOC, known.wikidata)


def _event_triples(event: Event, source: URIRef) -> Iterator[tuple]:
    spec = event.spec
    node = event_iri(event)
    if not deferred(event):
        yield node, RDF.type, EVENT_CLASSES[event.kind]
    yield node, KG.status, STATUSES[event.status]
    yield node, KG.evidence, Literal(event.evidence)
    yield node, PROV.wasDerivedFrom, source
    if event.date:
        yield node, KG.date, date_literal(event.date)
        precision = event.precision
        assert precision is not None  # date_literal took the date
        yield node, KG.datePrecision, PRECISIONS[precision][0]
    for entity in [*event.participants, *([event.place] if event.place else [])]:
        yield from _entity_triples(entity)
    people = [entity_iri(p) for p in event.participants]
    occurred = event.status == Status.OCCURRED
    role, shortcut = KG[spec.role], KG[spec.shortcut]
    if spec.object_field is not None:
        value = getattr(event, spec.object_field)
        target = entity_iri(value) if isinstance(value, Entity) else Literal(value or "")
        assert spec.object_property is not None, f"{spec.kind}: an object field needs its property"
        yield node, KG[spec.object_property], target
    for person in people:
        yield node, role, person
        if spec.shortcut_if_occurred and not occurred:
            continue
        if spec.object_field is None:  # the participants with each other
            yield from ((person, shortcut, other) for other in people if other != person)
        else:
            yield person, shortcut, target


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
    written = [event for event in events if writable(event)]
    for event in written:
        yield from _event_triples(event, node)
    yield from _mode_triples(written)


def _mode_triples(events: list[Event]) -> Iterator[tuple]:
    """Each meeting's kg:mode; where one sentence of the article names the mode and
    another does not, only the named mode: "по видеосвязи" beats "провели переговоры"."""
    modes: dict[URIRef, set[str]] = {}
    for event in events:
        if event.spec.with_mode:
            modes.setdefault(event_iri(event), set()).add(event.mode)
    for node, found in modes.items():
        known = found - {Mode.UNKNOWN} or found
        for mode in sorted(known):
            yield node, KG.mode, MODES[mode]


#: the graph holding the triples that follow from an entity's or an event's IRI alone
SHARED_GRAPH = KGR["graph/shared"]
#: predicates whose triples go to SHARED_GRAPH (about events and entities, not articles)
SHARED_PREDICATES = frozenset(
    {
        RDF.type,
        RDFS.label,
        OWL.sameAs,
        SCHEMA.containedInPlace,
        KG.status,
        KG.date,
        KG.datePrecision,
        KG.participant,
        KG.visitor,
        KG.destination,
        KG.speaker,
        KG.quote,
    }
)


#: the graph :mod:`kgraph.reconcile` writes (labels chosen across articles, merged reports), rewritten whole
RECONCILE_GRAPH = KGR["graph/reconcile"]


def article_quads(article: Article, events: Iterable[Event]) -> Iterator[tuple]:
    """:func:`article_triples` with a graph each: the article's own graph, or SHARED_GRAPH; then the
    provisional triples (:func:`provisional_triples`) in RECONCILE_GRAPH."""
    own = article_iri(article.id)
    events = list(events)
    for s, p, o in article_triples(article, events):
        yield s, p, o, SHARED_GRAPH if p in SHARED_PREDICATES and s != own else own
    for s, p, o in provisional_triples(article, events):
        yield s, p, o, RECONCILE_GRAPH


def provisional_triples(article: Article, events: Iterable[Event]) -> Iterator[tuple]:
    """What an article says until :mod:`kgraph.reconcile` has run: its spelling as the label of an
    entity the KB does not know, and the class of an event dated to the month or year. A store
    writes one only where the reconcile graph has no value yet, so a build killed before its
    reconcile pass still leaves every entity one label and every event its class."""
    written = [event for event in events if writable(event)]
    for event in written:
        if deferred(event):
            yield event_iri(event), RDF.type, EVENT_CLASSES[event.kind]
    for s, p, o in article_triples(article, written):
        if p == KG.spelling and not str(s).startswith(str(KGR["entity/"])) and str(s) not in _kb_index():
            yield s, RDFS.label, o


def to_graph(results: Iterable, graph: Graph | None = None) -> Graph:
    """Add each :class:`~kgraph.pipeline.Result`'s triples to a graph (a new one by default),
    then what :mod:`kgraph.reconcile` concludes from them all (labels, merged reports)."""
    from .reconcile import reconcile_quads

    graph = bind_namespaces(graph if graph is not None else Graph())
    quads = [q for result in results for q in article_quads(result.article, result.events) if q[3] != RECONCILE_GRAPH]
    graph.addN((s, p, o, graph) for s, p, o, _ in quads)
    graph.addN((s, p, o, graph) for s, p, o in reconcile_quads(quads))
    return graph
