"""What every extractor asks of a sentence: who is in a clause, status, date.

Status words live in ``lexicon/status.tsv``; a future-tense clause verb makes
an event planned ("Путин посетит Китай"), a "не" on the trigger or its verb
negates it ("встреча не состоится").
"""
from __future__ import annotations

from dataclasses import dataclass

from ..entities.resolve import EntityIndex
from ..lexicons import mapping, words
from ..model import Article, Entity
from ..nlp import DocToken, lemma
from .dates import find_dates, nearest_date
from .sentence import Sentence

__all__ = ["Context", "status_of", "date_of", "people_in_clause", "entity_of"]


@dataclass
class Context:
    """The article, its entities and its sentences, shared by the extractors."""

    article: Article
    entities: EntityIndex
    sentences: list[Sentence]


def entity_of(token: DocToken, context: Context) -> Entity | None:
    return context.entities.at(token.start, token.stop)


def status_of(sentence: Sentence, trigger: DocToken) -> str:
    """"occurred", "planned", "negated" or "hypothetical" for a trigger word.

    "Путин и Си встретились" -> occurred; "Путин может встретиться с Трампом"
    -> hypothetical; "встреча не состоится" -> negated; "Путин посетит Китай"
    -> planned.
    """
    verb = sentence.clause(trigger)
    scope = {trigger.id, verb.id}
    scope.update(t.id for t in sentence.ancestors(trigger) if t.pos in ("VERB", "AUX", "ADJ"))
    statuses = mapping("status.tsv")
    found = []
    for token in sentence.tokens:
        if token.head_id in scope or token.id in scope:
            word = lemma(token)
            if word == "не" and token.head_id in scope:
                return "negated"
            if word in statuses:
                found.append(statuses[word])
    for token in sentence.tokens:
        if token.id in scope and token.feats.get("Tense") == "Fut":
            found.append("planned")
    for status in ("negated", "hypothetical", "planned"):
        if status in found:
            return status
    return "occurred"


def date_of(sentence: Sentence, trigger: DocToken, article: Article, status: str) -> str | None:
    """The date the sentence gives the event at the trigger, else the article's.

    Only events that occurred fall back to the article's date.
    """
    spans = find_dates(sentence.text, article.date)
    span = nearest_date(spans, trigger.start - sentence.start)
    if span is not None:
        return span.value
    if status == "occurred" and article.date:
        return article.date.isoformat()
    return None



SUBJECT_RELS = {"nsubj", "nsubj:pass", "appos", "flat", "flat:name", "nmod"}


def is_attribution(sentence: Sentence, token: DocToken) -> bool:
    """Whether the token names who speaks: "..., сообщил пресс-секретарь Дмитрий Песков".

    True when the token hangs below a speech verb only through subject,
    apposition and name arcs.
    """
    speech = words("speech.tsv")
    node, seen = token, set()
    while node.id not in seen:
        seen.add(node.id)
        if node.rel not in SUBJECT_RELS:
            return False
        head = sentence.head(node)
        if head is None:
            return False
        if head.pos == "VERB":
            return lemma(head) in speech
        node = head
    return False


def people_in_clause(sentence: Sentence, clause: DocToken, context: Context, type: str = "PER") -> list[Entity]:
    """The entities a sentence names, without the one its attribution names.

    natasha often misattaches coordinated subjects with appositions, so the
    sentence, not one arc, is the scope: "Президент РФ Владимир Путин и
    председатель КНР Си Цзиньпин продолжили общение, сообщил Дмитрий Песков"
    -> Владимир Путин, Си Цзиньпин.
    """
    out: list[Entity] = []
    for token in sentence.tokens:
        entity = entity_of(token, context)
        if entity is None or entity.type != type or entity in out:
            continue
        if not is_attribution(sentence, token):
            out.append(entity)
    return out
