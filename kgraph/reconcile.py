"""Identity across articles: one label per entity, one node per event, decided over the whole store.

Each article is written on its own (:mod:`kgraph.rdf`, one transaction per article); what
needs every article at once is concluded here, after the articles of a build are in, and
written to one graph of its own, ``kgr:graph/reconcile``, replaced whole each time
(:func:`reconcile_update`). The pass reads only the articles' graphs and the shared graph,
never its own output, so it is a function of the articles in the store: running it again
changes nothing, an incremental build gives what a build from scratch gives, and the order
of the articles does not matter.

**Entities.** Spellings that differ only by ё/е, э/е, й/и, a hyphen or the Latin/Cyrillic
script of a name share one IRI already (:func:`kgraph.rdf.entity_iri`); each article records
the name it used as ``kg:spelling`` in its own graph. An entity the reference KB knows keeps
the KB's name as its ``rdfs:label``; any other gets the label :func:`canonical_label` picks
from its spellings — the one the most articles use, then a Cyrillic one before a Latin one,
then the first in code-point order — and every other spelling becomes a ``skos:altLabel``.
A person named only "И.Фамилия" is the person of the corpus whose full name has that initial
and surname when there is exactly one (:func:`initial_aliases`); two full names that fit
("Наото Кан", "Николай Кан") leave "Н. Кан" apart. The two nodes are linked with
``owl:sameAs``, the initialed node takes the full name's label and both carry the initialed
form as a ``skos:altLabel``: the
events of the initialed article keep their own participant IRI (an IRI written by one article
is never rewritten by another), so a consumer that wants one node per person follows
``owl:sameAs``.

**Events** (rule ``same-event-coarse-date``). A report dated only to the month or year
(``2025-09``: "встречались лично в начале сентября") is the same event as a day-dated event
``F`` when

1. same kind (meeting, visit, statement) and the same participants (for a visit, the same
   destination; for a statement, the same quote);
2. compatible dates: the report's period contains ``F``'s day (``2025-09`` contains ``2025-09-02``);
3. the same status (occurred, planned, negated, hypothetical);
4. compatible modes: the report's mode and ``F``'s known modes agree, and an unknown mode
   agrees with any;
5. exactly one such ``F`` exists: a report of a month in which the pair met twice joins neither.

A report that joins ``F`` becomes a ``kg:Report`` (its node keeps what its article said: the
coarse date and its precision, mode, place, evidence, source); ``F`` gets ``kg:mergedReport``
it, and the report's evidence, source, mode and place, so ``F`` counts both articles; the
report carries ``kg:mergeRule "same-event-coarse-date"``. A report that joins nothing is an
event of its own, typed by its kind. Undated events join nothing.

>>> canonical_label({"Сэйдзи Маэхара": 1, "Сейдзи Маэхара": 1})
'Сейдзи Маэхара'
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from .model import EVENT_KINDS, Mode
from .rdf import (
    EVENT_CLASSES,
    KG,
    KGR,
    MODES,
    PRECISIONS,
    RECONCILE_GRAPH,
    SHARED_GRAPH,
    quote_key,
)

__all__ = [
    "MERGE_RULE", "INPUT_PREDICATES", "canonical_label", "compatible", "merges", "initial_key", "initialed",
    "initial_aliases", "reconcile_quads", "reconcile_update",
]

#: the name of the event rule, written on each merged report
MERGE_RULE = "same-event-coarse-date"
#: what the pass reads from the store (every graph but its own)
INPUT_PREDICATES = tuple(dict.fromkeys((
    RDF.type, RDFS.label, KG.spelling, KG.status, KG.date, KG.datePrecision, KG.mode, KG.place, KG.evidence,
    PROV.wasDerivedFrom, *(KG[spec.role] for spec in EVENT_KINDS.values()),
    *(KG[spec.object_property] for spec in EVENT_KINDS.values() if spec.object_property),
)))

_CLASS_KINDS = {cls: kind for kind, cls in EVENT_CLASSES.items()}
_EVENT_PREFIX = str(KGR["event/"])
_DAY, _KNOWN_MODES = PRECISIONS["day"][0], {MODES[m] for m in MODES if m != Mode.UNKNOWN}
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
_INITIALS = re.compile(r"\b[А-ЯЁA-Z]\.")
_INITIAL_NAME = re.compile(r"^(?:[А-ЯЁA-Z]\.\s*)+[А-ЯЁA-Z][\w-]+$")


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е").replace("й", "и").replace("-", "")


def canonical_label(spellings: Mapping[str, int]) -> str:
    """The label of an entity from its spellings and the number of articles using each: the most
    used, then a Cyrillic one before a Latin one, then the first in code-point order.

    >>> canonical_label({"Lenta.ru": 2, "Лента.ру": 1}), canonical_label({"Lenta.ru": 1, "Лента.ру": 1})
    ('Lenta.ru', 'Лента.ру')
    """
    return min(spellings, key=lambda name: (-spellings[name], not _CYRILLIC.search(name), name))


def compatible(coarse: str, day: str) -> bool:
    """Whether a coarse date ("2025-09", "2025") contains a day ("2025-09-02").

    >>> compatible("2025-09", "2025-09-02"), compatible("2025", "2025-09-02"), compatible("2025-10", "2025-09-02")
    (True, True, False)
    """
    return day.startswith(coarse + "-")


@dataclass
class _Event:
    """What the store says of one event node: its identity and what its articles said."""

    iri: URIRef
    kind: str | None = None
    typed: bool = False
    status: set = field(default_factory=set)
    date: set = field(default_factory=set)
    precision: set = field(default_factory=set)
    identity: set = field(default_factory=set)  # (property, value): participants, destination, quote
    modes: set = field(default_factory=set)
    said: list = field(default_factory=list)  # (predicate, object, graph): evidence, source, mode, place

    def key(self) -> tuple:
        return self.kind, frozenset(self.identity), frozenset(self.status)


def _kind_of(iri: str) -> str | None:
    """An event's kind from its IRI, ``event/<kind>-<hash>`` (an untyped report has no rdf:type yet)."""
    kind = iri.removeprefix(_EVENT_PREFIX).rsplit("-", 1)[0]
    return kind if iri.startswith(_EVENT_PREFIX) and kind in EVENT_KINDS else None


def _read(quads: Iterable[tuple]) -> tuple[dict, dict, dict, set]:
    """Events, entities' spellings ({iri: Counter}), the KB's labels ({iri: label}) and the persons,
    from the store's quads."""
    events: dict[URIRef, _Event] = {}
    spellings: dict[URIRef, Counter] = defaultdict(Counter)
    seen: set[tuple] = set()
    labelled: dict[URIRef, str] = {}
    persons: set[URIRef] = set()
    roles = {KG[spec.role] for spec in EVENT_KINDS.values()} | {
        KG[spec.object_property] for spec in EVENT_KINDS.values() if spec.object_property}
    for s, p, o, g in quads:
        if g == RECONCILE_GRAPH:
            continue
        if p == KG.spelling:
            if (s, o, g) not in seen:
                seen.add((s, o, g))
                spellings[s][str(o)] += 1
            continue
        if p == RDFS.label:
            if g == SHARED_GRAPH:
                labelled[s] = str(o)
            continue
        if not str(s).startswith(_EVENT_PREFIX):
            if p == RDF.type and o == KG.Person:
                persons.add(s)
            continue
        event = events.get(s)
        if event is None:
            event = events[s] = _Event(s, _kind_of(str(s)))
        if p == RDF.type:
            event.typed = event.typed or o in _CLASS_KINDS
        elif p == KG.status:
            event.status.add(o)
        elif p == KG.date:
            event.date.add(str(o))
        elif p == KG.datePrecision:
            event.precision.add(o)
        elif p in roles:
            event.identity.add((p, quote_key(o) if p == KG.quote else o))
        else:
            if p == KG.mode and o in _KNOWN_MODES:
                event.modes.add(o)
            event.said.append((p, o, g))
    return events, spellings, labelled, persons


def initial_key(name: str) -> tuple[str, str] | None:
    """(first initial, surname) of a person's name, ё/е and й/и folded; None for a single word.

    >>> initial_key("Н. Кан") == initial_key("Наото Кан") == initial_key("Н.Кан")
    True
    """
    words = _INITIALS.sub(lambda m: m.group(0).replace(".", ". "), name).split()
    if len(words) < 2:
        return None
    return _fold(words[0][0]), _fold(words[-1])


def initialed(name: str) -> bool:
    """Whether a name gives the first name only as an initial: "И.Петров", "И. И. Петров"."""
    return bool(_INITIAL_NAME.match(name))


def initial_aliases(names: Mapping[URIRef, Iterable[str]]) -> dict[URIRef, URIRef]:
    """Person named only "И.Фамилия" -> the one person of the corpus with a full name of that
    initial and surname; none when two or more full names fit ("Н. Кан": Наото Кан and Николай Кан).
    """
    full: dict[tuple, set[URIRef]] = defaultdict(set)
    for node, forms in names.items():
        for form in forms:
            if not initialed(form) and (key := initial_key(form)):
                full[key].add(node)
    aliases = {}
    for node, forms in names.items():
        forms = list(forms)
        if not forms or not all(initialed(form) for form in forms):
            continue
        found = set().union(*(full.get(initial_key(form), set()) for form in forms)) - {node}
        if len(found) == 1:
            aliases[node] = found.pop()
    return aliases


def _entity_triples(spellings: dict, labelled: dict, persons: set) -> Iterator[tuple]:
    names = {node: set(spellings.get(node, ())) | ({labelled[node]} if node in labelled else set()) for node in persons}
    labels = {node: labelled.get(node) or canonical_label(forms) for node, forms in spellings.items()}
    aliases = initial_aliases(names)
    for alias, person in aliases.items():
        yield alias, OWL.sameAs, person
        for name in sorted(names[alias]):
            yield person, SKOS.altLabel, Literal(name, lang="ru")
        labels[alias] = labelled.get(person) or labels.get(person) or labels[alias]
    for node in sorted(spellings):
        label = labels[node]
        if node not in labelled:
            yield node, RDFS.label, Literal(label, lang="ru")
        for name in sorted(spellings[node]):
            if name != label:
                yield node, SKOS.altLabel, Literal(name, lang="ru")


def merges(events: Mapping[URIRef, _Event]) -> dict[URIRef, URIRef]:
    """Report -> the day-dated event it joins, by the rule of this module (exactly one candidate)."""
    days: dict[tuple, list[_Event]] = defaultdict(list)
    for event in events.values():
        if event.typed and event.precision == {_DAY} and len(event.date) == 1:
            days[event.key()].append(event)
    joined = {}
    for event in events.values():
        if event.typed or event.kind is None or len(event.date) != 1:
            continue
        (date,) = event.date
        found = [day for day in days.get(event.key(), ()) if compatible(date, next(iter(day.date)))
                 and (not event.modes or not day.modes or event.modes == day.modes)]
        if len(found) == 1:
            joined[event.iri] = found[0].iri
    return joined


def _event_triples(events: Mapping[URIRef, _Event]) -> Iterator[tuple]:
    joined = merges(events)
    for node in sorted(events):
        event = events[node]
        if event.typed or event.kind is None or not event.status:
            continue
        target = joined.get(node)
        if target is None:
            yield node, RDF.type, EVENT_CLASSES[event.kind]
            continue
        yield node, RDF.type, KG.Report
        yield node, KG.mergeRule, Literal(MERGE_RULE)
        yield target, KG.mergedReport, node
        for p, o, _ in event.said:
            if p == KG.mode and o not in _KNOWN_MODES:
                continue
            yield target, p, o


def reconcile_quads(quads: Iterable[tuple]) -> list[tuple]:
    """What the store's articles add up to, as triples for ``kgr:graph/reconcile``, sorted.

    ``quads`` are (s, p, o, graph) in rdflib terms: the store's (see :func:`store_quads`); the
    reconcile graph's own quads among them are ignored.
    """
    events, spellings, labelled, persons = _read(quads)
    triples = {*_entity_triples(spellings, labelled, persons), *_event_triples(events)}
    return sorted(triples)


def reconcile_update(triples: Iterable[tuple]) -> str:
    """One SPARQL update that replaces the reconcile graph with these triples (atomic on a store)."""
    body = " .\n".join(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples)
    graph = f"<{RECONCILE_GRAPH}>"
    insert = f" ;\nINSERT DATA {{ GRAPH {graph} {{\n{body} .\n}} }}" if body else ""
    return f"DROP SILENT GRAPH {graph}{insert}"
