"""Extractors: pure functions from an analysed article to events.

Each extractor takes a :class:`Context` (the article, its entities and its
parsed sentences) and returns a list of :class:`~kgraph.model.Event`. They are
registered by kind in :data:`EXTRACTORS`; :func:`extract_events` runs them all
and merges the reports of one meeting into one event (:mod:`.merge`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..entities.resolve import EntityIndex
from ..model import Article, Event
from ..needs import Need
from ..nlp import Doc
from . import context, meetings, statements, visits
from .context import Context
from .meetings import extract_meetings
from .merge import merge_meetings
from .sentence import Sentence
from .statements import extract_statements
from .visits import extract_visits

__all__ = ["EXTRACTORS", "PARSE_NEEDS", "Context", "extract_events"]

EXTRACTORS: dict[str, Callable[[Context], list[Event]]] = {
    "meeting": extract_meetings,
    "visit": extract_visits,
    "statement": extract_statements,
}

# what makes a sentence worth parsing to each extractor and to the coreference the
# extractors share (kgraph.needs): a new extractor adds its module's PARSE_NEED here
PARSE_NEEDS: dict[str, Need] = {
    "meeting": meetings.PARSE_NEED,
    "visit": visits.PARSE_NEED,
    "statement": statements.PARSE_NEED,
    "coreference": context.PARSE_NEED,
}


def extract_events(doc: Doc, entities: EntityIndex, article: Article) -> list[Event]:
    """Every event the registered extractors find, once each, in text order.

    Meetings reported several times ("Путин и Си провели переговоры по видеосвязи ...
    Переговоры продолжались ...") are one event with the most specific mode.
    """
    context = Context(article, entities, [Sentence(s, i) for i, s in enumerate(doc.sents)])
    events: list[Event] = []
    for extractor in EXTRACTORS.values():
        for event in extractor(context):
            if event not in events:
                events.append(event)
    return merge_meetings(events)
