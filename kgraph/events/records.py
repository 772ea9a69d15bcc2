"""The events of a graph as plain records, one dict per event: the rows of the events table.

Read by SPARQL from any rdflib Graph (a file, a Dataset, an Oxigraph store, a server), as
:mod:`kgraph.network.load` reads the networks; no pandas needed. Each query asks for one
thing (participants, modes, sources ...) so no row multiplies another.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from rdflib import Graph

from ..model import EVENT_KINDS, Mode, precision_of, specific_mode
from ..network.load import (
    MODE_NAMES,
    PREFIXES,
    STATUS_NAMES,
    evidence_of,
    graph_countries,
    labels,
    most_precise,
    same_as,
    select,
    union_graph,
    wanted_statuses,
)
from ..network.reference import kb_countries
from .codes import event_codes

__all__ = ["event_records", "is_foreign"]

_CLASSES = ", ".join(f"kg:{spec.rdf_class}" for spec in EVENT_KINDS.values())
_KIND_OF_CLASS = {f"https://w3id.org/kgraph/ontology#{spec.rdf_class}": kind for kind, spec in EVENT_KINDS.items()}
_ROLES = "|".join(sorted({f"kg:{spec.role}" for spec in EVENT_KINDS.values()}))
_PLACES = "|".join(
    [
        "kg:place",
        *sorted({f"kg:{spec.object_property}" for spec in EVENT_KINDS.values() if spec.object_field == "place"}),
    ]
)
_QUOTES = "|".join(
    sorted({f"kg:{spec.object_property}" for spec in EVENT_KINDS.values() if spec.object_field == "quote"})
)

_PREFIXES = PREFIXES + "PREFIX schema: <https://schema.org/>\n"

EVENTS = (
    _PREFIXES
    + f"""
SELECT ?event ?class ?status ?date WHERE {{
  ?event a ?class ; kg:status ?status .
  FILTER(?class IN ({_CLASSES}))
  OPTIONAL {{ ?event kg:date ?date }}
}}
"""
)
PARTICIPANTS = _PREFIXES + f"SELECT ?event ?agent WHERE {{ ?event {_ROLES} ?agent }}"
MODES = _PREFIXES + "SELECT ?event ?mode WHERE { ?event kg:mode ?mode }"
PLACES = _PREFIXES + f"SELECT ?event ?place WHERE {{ ?event {_PLACES} ?place }}"
QUOTES = _PREFIXES + f"SELECT ?event ?quote WHERE {{ ?event {_QUOTES} ?quote }}"
SOURCES = (
    _PREFIXES
    + """
SELECT ?event ?article ?id ?date ?title ?url WHERE {
  ?event prov:wasDerivedFrom ?article .
  OPTIONAL { ?article dcterms:identifier ?id }
  OPTIONAL { ?article dcterms:date ?date }
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article schema:url ?url }
}
"""
)
PLACE_COUNTRIES = (
    _PREFIXES
    + """
SELECT ?place ?name WHERE {
  { ?place schema:containedInPlace ?country . ?country a kg:Country ; rdfs:label ?name }
  UNION { ?place a kg:Country ; rdfs:label ?name }
}
"""
)


def _first(found: dict[str, str], key: str, value: str) -> None:
    """Keep the smallest value per key: one answer whatever order the store returns rows in."""
    if key not in found or value < found[key]:
        found[key] = value


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value is not None else None
    except ValueError:
        return None


def is_foreign(kind: str, countries: Iterable[str], place_country: str | None = None) -> bool:
    """Whether an event crosses a border: two or more known countries among its participants,
    or a visit to a country other than the visitor's.

    >>> is_foreign("meeting", ["Россия", "", "Китай"]), is_foreign("meeting", ["Россия", "Россия", ""])
    (True, False)
    >>> is_foreign("visit", ["Россия"], "Китай"), is_foreign("visit", ["Россия"], None)
    (True, False)
    """
    known = {country for country in countries if country}
    if len(known) >= 2:
        return True
    return bool(EVENT_KINDS[kind].object_field == "place" and known and place_country and place_country not in known)


def event_records(graph: Graph, status: str | Iterable[str] | None = None) -> list[dict]:
    """One dict per event, keyed by the column names of :data:`kgraph.events.COLUMNS`.

    Lists stay lists (``participants``, the aligned ``participant_*`` lists, ``sources``,
    ``source_urls``); a missing value is None (an empty string inside an aligned list);
    ``first_report`` and ``last_report`` are ``datetime.date``. Rows come in date order
    (undated last), then kind and IRI. ``status``: the statuses kept, all by default.
    People linked by owl:sameAs ("Н. Кан", "Наото Кан") are one participant, the linked-to
    IRI (:func:`~kgraph.network.load.same_as`). A participant's country is the reference
    KB's, else the one the most articles give (:func:`~kgraph.network.load.graph_countries`).
    """
    wanted = wanted_statuses(status)
    graph = union_graph(graph)
    names, wikidata = labels(graph)
    same = same_as(graph)

    events: dict[str, dict] = {}
    dates: dict[str, set[str]] = {}
    for row in select(graph, EVENTS):
        kind = _KIND_OF_CLASS[str(row["class"])]
        state = STATUS_NAMES.get(str(row.status))
        if state not in wanted:
            continue
        events.setdefault(str(row.event), {"kind": kind, "status": state})
        if row.date is not None:
            dates.setdefault(str(row.event), set()).add(str(row.date))

    people: dict[str, set[str]] = {}
    for row in select(graph, PARTICIPANTS):
        if str(row.event) in events:
            people.setdefault(str(row.event), set()).add(same.get(str(row.agent), str(row.agent)))
    modes: dict[str, set[str]] = {}
    for row in select(graph, MODES):
        modes.setdefault(str(row.event), set()).add(MODE_NAMES.get(str(row.mode), Mode.UNKNOWN.value))
    places: dict[str, str] = {}
    for row in select(graph, PLACES):
        _first(places, str(row.event), str(row.place))
    quotes: dict[str, str] = {}
    for row in select(graph, QUOTES):
        _first(quotes, str(row.event), str(row.quote))
    sources: dict[str, dict[str, dict]] = {}
    for row in select(graph, SOURCES):
        article = sources.setdefault(str(row.event), {}).setdefault(str(row.article), {})
        for field, value in (("id", row.id), ("date", _date(row.date)), ("title", row.title), ("url", row.url)):
            if value is not None:
                plain = value if field == "date" else str(value)
                if field not in article or plain < article[field]:
                    article[field] = plain
        article.setdefault("iri", str(row.article))
    for found in sources.values():
        for article in found.values():  # an article without dcterms:identifier goes by its IRI
            article.setdefault("id", article["iri"])
            for field in ("date", "title", "url"):
                article.setdefault(field, None)
    evidence = evidence_of(graph)

    agents = {agent for found in people.values() for agent in found}
    countries = {**graph_countries(graph, same), **kb_countries(agents)}
    place_countries: dict[str, str] = {}
    for row in select(graph, PLACE_COUNTRIES):
        _first(place_countries, str(row.place), str(row.name))
    place_countries.update(kb_countries(set(places.values())))

    rows = []
    for iri, event in events.items():
        kind = event["kind"]
        spec = EVENT_KINDS[kind]
        date = most_precise(dates.get(iri, ()))  # merged reports may each have given a date
        precision = precision_of(date)
        mode = str(specific_mode(modes.get(iri, ()))) if spec.with_mode else None
        agents_of = sorted(people.get(iri, ()), key=lambda a: (names.get(a, a), a))
        place = places.get(iri)
        place_country = place_countries.get(place) if place else None
        reports = sorted(sources.get(iri, {}).values(), key=lambda a: (a["date"] is None, a["date"] or "", a["id"]))
        report_dates = [a["date"] for a in reports if a["date"] is not None]
        codes = event_codes(kind, mode)
        rows.append(
            {
                "event": iri,
                "kind": str(kind),
                "date": date,
                "date_precision": precision.value if precision else None,
                "status": event["status"],
                "mode": mode,
                "participants": [names.get(a, a) for a in agents_of],
                "participant_ids": [wikidata.get(a, "") for a in agents_of],
                "participant_iris": agents_of,
                "participant_countries": [countries.get(a, "") for a in agents_of],
                "foreign": is_foreign(kind, [countries.get(a, "") for a in agents_of], place_country),
                "place": names.get(place, place) if place else None,
                "place_country": place_country,
                "quote": quotes.get(iri),
                "cameo": codes.cameo,
                "plover": codes.plover,
                "plover_mode": codes.plover_mode,
                "articles": len(reports),
                "first_report": min(report_dates, default=None),
                "last_report": max(report_dates, default=None),
                "title": next((a["title"] for a in reports if a["title"]), None),
                "evidence": evidence.get(iri),
                "sources": sorted(a["id"] for a in reports),
                "source_urls": sorted({a["url"] for a in reports if a["url"]}),
            }
        )
    return sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["kind"], r["event"]))
