"""met_with: meetings, talks, calls and receptions between named people.

"Президент РФ Владимир Путин и председатель КНР Си Цзиньпин продолжили общение
по видеоконференцсвязи" -> Meeting(Владимир Путин, Си Цзиньпин, mode=video).
"""
from __future__ import annotations

from ..lexicons import mapping
from ..model import Event
from ..nlp import lemma
from .context import Context, date_of, people_in_clause, status_of
from .sentence import Sentence

__all__ = ["extract_meetings"]

# "лидеры двух стран встречались": the two sides of the article's last meeting
GROUP_HEADS = {"глава", "лидер", "руководитель"}


def _mode(sentence: Sentence, trigger_mode: str) -> str:
    modes = mapping("mode.tsv")
    found = {modes[lemma(t)] for t in sentence.tokens if lemma(t) in modes}
    for mode in ("video", "phone", "in_person"):
        if mode in found:
            return mode
    return trigger_mode


def _refers_to_both_sides(sentence: Sentence, clause) -> bool:
    for token in sentence.tokens:
        if token.rel == "nsubj" and token.head_id == clause.id and lemma(token) in GROUP_HEADS:
            return token.feats.get("Number") == "Plur"
    return False


def extract_meetings(context: Context) -> list[Event]:
    """Meetings of two or more named people, one event per trigger clause."""
    triggers = mapping("meeting.tsv")
    events: list[Event] = []
    for sentence in context.sentences:
        seen_clauses = set()
        for token in sentence.tokens:
            word = lemma(token)
            if word not in triggers:
                continue
            clause = sentence.clause(token)
            if clause.id in seen_clauses:
                continue
            people = people_in_clause(sentence, clause, context)
            if len(people) < 2 and token.pos == "VERB" and _refers_to_both_sides(sentence, clause) and events:
                people = list(events[-1].participants)
            if len(people) < 2:
                continue
            seen_clauses.add(clause.id)
            status = status_of(sentence, token)
            events.append(Event(
                kind="meeting",
                participants=tuple(people),
                article_id=context.article.id,
                evidence=sentence.text,
                status=status,
                mode=_mode(sentence, triggers[word]),
                date=date_of(sentence, token, context.article, status),
            ))
    return events
