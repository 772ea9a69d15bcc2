"""visited: a named person travelled to a city or country.

- "Путин приезжал в Китай с официальным визитом" -> Visit(Владимир Путин, Китай);
- "Эмомали Рахмоном, который находится в России с официальным визитом" -> the
  visitor is the one "который" stands for;
- "Хурэлсухом, прибывшим в Москву" -> the noun the participle describes;
- "визит председателя КНР Ху Цзиньтао в США" -> the genitive after the noun;
- "в ходе визита в Украину Эрдоган договорился ..." -> the subject of the clause.

The place is a city or country after "в"/"во" (or "на" + accusative: "на Курилы")
that hangs on the trigger or on its verb, or follows the trigger closely. The
dateline city is cut from the text before extraction, so it never counts; "В Кремле
прошли переговоры" names where a meeting was, not a visit.
"""
from __future__ import annotations

from functools import cache

from ..lexicons import mapping, words
from ..model import Entity, Event
from ..nlp import DocToken, lemma
from .context import NAME_RELS, Context, entity_of, person_of_role, status_and_date
from .sentence import Sentence

__all__ = ["extract_visits", "visitors_of", "places_of"]

DESTINATION = {"в", "во"}
ONTO = {"на"}  # "на Курилы": with the accusative only
SUBJECT_RELS = {"nsubj", "nsubj:pass"}
# how far after a trigger "в Россию" may stand when natasha hangs it elsewhere
NEAR = 5
RELATIVE = {"который"}


@cache
def _stems() -> tuple[str, ...]:
    return tuple(sorted({word[:4] for word in words("visit.tsv")}))


def _persons_under(sentence: Sentence, token: DocToken, context: Context) -> list[Entity]:
    """People a noun phrase names, through names, appositions and conjuncts, not genitives.

    "Владимир Путин и Президент Белоруссии Александр Лукашенко" -> both.
    """
    out: list[Entity] = []
    stack, seen = [token], set()
    while stack:
        node = stack.pop()
        if node.id in seen:
            continue
        seen.add(node.id)
        entity = entity_of(node, context)
        if entity is None or entity.type != "PER":
            entity = person_of_role(sentence, node, context)
        if entity is not None and entity.type == "PER" and entity not in out:
            out.append(entity)
        stack.extend(c for c in sentence.children.get(node.id, ()) if c.rel in NAME_RELS | {"conj"})
    return out


def _antecedent(sentence: Sentence, token: DocToken, context: Context) -> list[Entity]:
    """The person a participle or "который" refers back to: the nearest one named before it,
    in the participle's case, or the one just before it ("Хурэлсухом, прибывшим в Москву");
    natasha often hangs the participle on the clause's verb instead."""
    case = token.feats.get("Case") if token.rel == "acl" else None
    index = sentence.tokens.index(token)
    named = [(t, entity_of(t, context)) for t in reversed(sentence.tokens[:index])]
    named = [(t, e) for t, e in named if e is not None and e.type == "PER"]
    for earlier, entity in named:
        if case is None or earlier.feats.get("Case") == case:
            return [entity]
    if named and sentence.tokens.index(named[0][0]) >= index - 2:  # "Хурэлсухом, прибывшим"
        return [named[0][1]]
    return []


def _nominative_near(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """A subject natasha did not attach: the nearest person in the nominative before the
    verb, else the first after it ("Хван выступил", "прибудут его дочь Лиза")."""
    index = sentence.tokens.index(verb)
    before = list(reversed(sentence.tokens[:index]))
    after = sentence.tokens[index + 1:]
    for side in (before, after):
        for token in side:
            if token.pos == "VERB":
                break
            entity = entity_of(token, context)
            if entity is not None and entity.type == "PER" and token.feats.get("Case") == "Nom":
                return [entity]
    return []


def _subject_of(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """Who does what the verb says: its subject, the antecedent of "который", the
    noun a participle describes, or the subject of the verb it depends on
    ("посетив Дюссельдорф, назвал его", "прибыл и посетил")."""
    if verb.rel == "acl":  # "Хурэлсухом, прибывшим в Москву"
        head = sentence.head(verb)
        if head is None or head.start > verb.start or head.feats.get("Case") != verb.feats.get("Case"):
            return _antecedent(sentence, verb, context)
        return _persons_under(sentence, head, context)
    for child in sentence.children.get(verb.id, ()):
        if child.rel in SUBJECT_RELS:
            if lemma(child) in RELATIVE:
                head = sentence.head(verb)
                found = _persons_under(sentence, head, context) if head is not None else []
                return found or _antecedent(sentence, child, context)
            return _persons_under(sentence, child, context)
    head = sentence.head(verb)
    if verb.rel in ("conj", "xcomp", "advcl") and head is not None and head.pos == "VERB":
        return _subject_of(sentence, head, context)
    return _nominative_near(sentence, verb, context)


def _governing_verb(sentence: Sentence, trigger: DocToken) -> DocToken | None:
    """The verb a visit noun belongs to: "прибыл с визитом", "в ходе визита договорился".

    For "с визитом" the nearest verb before it: natasha often hangs the phrase elsewhere.
    """
    cases = {lemma(c) for c in sentence.children.get(trigger.id, ()) if c.rel == "case"}
    if "с" in cases:
        index = sentence.tokens.index(trigger)
        for token in reversed(sentence.tokens[max(0, index - 8):index]):
            if token.pos == "VERB":
                return token
    head = sentence.head(trigger)
    if head is not None and head.pos == "NOUN" and lemma(head) in words("frames.tsv"):
        head = sentence.head(head)  # "во время визита": the verb "время" hangs on
    if head is not None and head.pos == "VERB" and trigger.rel in ("obl", "nmod", "obj"):
        return head
    return None


def visitors_of(sentence: Sentence, trigger: DocToken, context: Context) -> list[Entity]:
    """Who travelled, for one trigger word (see the module's examples)."""
    if trigger.pos == "VERB":
        return _subject_of(sentence, trigger, context)
    for child in sentence.children.get(trigger.id, ()):
        if child.rel == "nmod" and child.feats.get("Case") == "Gen" and child.feats.get("Animacy") == "Anim":
            return _persons_under(sentence, child, context)  # "визит председателя КНР в США"
    verb = _governing_verb(sentence, trigger)
    return _subject_of(sentence, verb, context) if verb is not None else []


def _is_destination(sentence: Sentence, token: DocToken, trigger: DocToken) -> bool:
    """"в Москву", "в Москве", "на Курилы"; or the object of "посетил Китай"."""
    if token.rel == "obj" and token.head_id == trigger.id and mapping("visit.tsv").get(lemma(trigger)) == "obj":
        return True
    preps = {lemma(c) for c in sentence.children.get(token.id, ()) if c.rel == "case"}
    if preps & DESTINATION:
        return True
    return bool(preps & ONTO) and token.feats.get("Case") == "Acc"


def places_of(sentence: Sentence, trigger: DocToken, context: Context) -> list[Entity]:
    """The cities and countries a trigger sends its visitor to."""
    anchors = {trigger.id}
    verb = trigger if trigger.pos == "VERB" else _governing_verb(sentence, trigger)
    if verb is not None:
        anchors.add(verb.id)
    index = sentence.tokens.index(trigger)
    near = {t.id for t in sentence.tokens[index + 1:index + 1 + NEAR]}
    places: list[Entity] = []
    for token in sentence.tokens:
        place = entity_of(token, context)
        if place is None or place.type != "LOC" or place in places or not _is_destination(sentence, token, trigger):
            continue
        if token.head_id in anchors or token.id in near:
            places.append(place)
    return places


def extract_visits(context: Context) -> list[Event]:
    """One visit per (visitors, place) a trigger names."""
    triggers = words("visit.tsv")
    events: list[Event] = []
    for sentence in context.sentences:
        low = sentence.text.lower().replace("ё", "е")
        if not any(stem in low for stem in _stems()):
            continue
        for token in sentence.tokens:
            if lemma(token) not in triggers:
                continue
            visitors = visitors_of(sentence, token, context)
            places = places_of(sentence, token, context) if visitors else []
            if not places:
                continue
            status, date = status_and_date(sentence, token, context.article)
            for place in places:
                event = Event(
                    kind="visit", participants=tuple(visitors), place=place,
                    article_id=context.article.id, evidence=sentence.text, status=status, date=date,
                )
                if event not in events:
                    events.append(event)
    return events
