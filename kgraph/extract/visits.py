"""visited: a named person travelled to a city or country.

"Путин приезжал в Китай с официальным визитом" -> Visit(Владимир Путин, Китай).
The dateline city is cut from the text before extraction, so it never counts.
"""
from __future__ import annotations

from ..lexicons import words
from ..model import Event
from ..nlp import lemma
from .context import Context, date_of, entity_of, people_in_clause, status_of

__all__ = ["extract_visits"]

DESTINATION_CASES = {"в", "во"}


def extract_visits(context: Context) -> list[Event]:
    """One visit per (visitor, place) a trigger clause names."""
    triggers = words("visit.tsv")
    events: list[Event] = []
    for sentence in context.sentences:
        for token in sentence.tokens:
            if lemma(token) not in triggers:
                continue
            clause = sentence.clause(token)
            visitors = people_in_clause(sentence, clause, context)
            places = []
            for candidate in sentence.tokens:
                place = entity_of(candidate, context)
                if place is None or place.type != "LOC" or place in places:
                    continue
                below = {t.id for t in [candidate, *sentence.ancestors(candidate)]}
                if clause.id not in below and token.id not in below:
                    continue
                preps = [lemma(c) for c in sentence.children.get(candidate.id, ()) if c.rel == "case"]
                if any(p in DESTINATION_CASES for p in preps):
                    places.append(place)
            if not visitors or not places:
                continue
            status = status_of(sentence, token)
            date = date_of(sentence, token, context.article, status)
            for place in places:
                events.append(Event(
                    kind="visit", participants=tuple(visitors), place=place,
                    article_id=context.article.id, evidence=sentence.text,
                    status=status, date=date,
                ))
    return events
