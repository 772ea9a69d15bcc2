"""One article in, its entities and events out: the pure function a build maps.

>>> result = process(Article(id="a", text="Владимир Путин встретился с Си Цзиньпином в Пекине."))
>>> [(r["relation"], r["subject"], r["object"], r["mode"]) for r in result.relations()]
[('met_with', 'Владимир Путин', 'Си Цзиньпин', 'in_person')]
>>> sorted((entity.name, str(entity.type)) for entity in result.entities)
[('Владимир Путин', 'PER'), ('Пекин', 'LOC'), ('Си Цзиньпин', 'PER')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .entities import resolve
from .entities.resolve import resolve_entities
from .extract import PARSE_NEEDS, extract_events
from .model import Article, Entity, Event
from .needs import Needs
from .nlp import analyze

__all__ = ["Result", "process", "process_parsing_all", "worth_parsing"]


@dataclass(frozen=True)
class Result:
    """What kgraph knows of one article."""

    article: Article
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]

    def relations(self) -> list[dict]:
        """The flat view, as ``kgraph extract`` writes it."""
        return [r.as_dict() for e in self.events for r in e.relations()]


@cache
def worth_parsing() -> Needs:
    """The sentences some reader of the syntax tree needs: the entities' and the extractors'
    declared needs (:mod:`kgraph.needs`)."""
    return Needs([resolve.PARSE_NEED, *PARSE_NEEDS.values()])


def process(article: Article, *, skip: bool = True) -> Result:
    """Analyse one article with natasha and extract its events.

    Sentences no reader of the syntax tree needs are not parsed (``skip``); the
    result is the same as with every sentence parsed (tests/test_parse_needs.py).
    """
    doc = analyze(article.text, worth_parsing() if skip else None)
    entities = resolve_entities(doc, article)
    events = extract_events(doc, entities, article)
    return Result(article, _involved(entities.entities, events), tuple(events))


def process_parsing_all(article: Article) -> Result:
    """:func:`process` with every sentence parsed: slower, and the same result (a check of
    :mod:`kgraph.needs`; ``kgraph extract --parse-all``)."""
    return process(article, skip=False)


def _involved(named: list[Entity], events: list[Event]) -> tuple[Entity, ...]:
    """The article's named entities, then the people its events involve that only the
    reference KB named ("глава государства" on kremlin.ru: the head of state)."""
    out = list(named)
    for event in events:
        for entity in event.participants:
            if entity not in out:
                out.append(entity)
    return tuple(out)
