"""visited: a named person travelled to a city or country.

- "Путин приезжал в Китай с официальным визитом" -> Visit(Владимир Путин, Китай);
- "Эмомали Рахмоном, который находится в России с официальным визитом" -> the
  visitor is the one "который" stands for;
- "Хурэлсухом, прибывшим в Москву" -> the noun the participle describes;
- "визит председателя КНР Ху Цзиньтао в США" -> the genitive after the noun;
- "в ходе визита в Украину Эрдоган договорился ..." -> the subject of the clause;
- "Самолет с Виталием Калоевым на борту приземлился ..." -> the people a vehicle carries.

The place is a city or country after "в"/"во" or "на" ("на Курилы", "побывал на
Камчатке"), or the object of "посетил Китай", that hangs on the trigger or on its
verb, or follows the trigger closely; a name beside a place noun counts through the noun
("в столичном аэропорту «Домодедово»", "в город Сочи"). A trip verb with no place goes where the
previous sentence's visit went ("Вместе с президентом приехали ..."). The dateline
city is cut from the text before extraction, so it never counts; "В Кремле прошли
переговоры" names where a meeting was, not a visit.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from ..lexicons import mapping, may_be, words
from ..model import Entity, EntityType, Event, entity_key, fold
from ..needs import Need
from ..nlp import DocToken, lemma
from .context import Context, entity_of, status_and_date
from .parties import nominative_before, object_partners, subjects
from .people import FIRST_PERSON, persons_under, subject_people, turn_speaker
from .pronouns import antecedent
from .purpose import with_purpose
from .sentence import Sentence

__all__ = ["PARSE_NEED", "extract_visits", "places_of", "relative_place", "visitors_of"]

# every visit starts from a trip word (kgraph.needs)
PARSE_NEED = Need(lexicons=("visit.tsv",))

# how far after a trigger "в Россию" may stand when natasha hangs it elsewhere
NEAR = 5
# how many sentences after a visit "приехали Медведев и Лужков" still goes to its place
INHERIT_WINDOW = 1


@cache
def _stems() -> tuple[str, ...]:
    """Four-letter openings of the triggers, to skip sentences that cannot hold one."""
    return tuple(sorted({word[:4] for word in words("visit.tsv")}))


def _governing_verb(sentence: Sentence, trigger: DocToken) -> DocToken | None:
    """The verb a visit noun belongs to: "прибыл с визитом", "в ходе визита договорился".

    For "с визитом" the nearest verb before it: natasha often hangs the phrase elsewhere.
    """
    cases = {lemma(c) for c in sentence.children.get(trigger.id, ()) if c.rel == "case"}
    if "с" in cases:
        index = sentence.tokens.index(trigger)
        for token in reversed(sentence.tokens[max(0, index - 8) : index]):
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
        return (
            subject_people(sentence, trigger, context)
            or _passengers(sentence, trigger, context)
            or _pronoun_subject(sentence, trigger, context)
        )
    for child in sentence.children.get(trigger.id, ()):
        if _is_genitive_person(sentence, child, context):
            return persons_under(sentence, child, context) or _named_in_title(sentence, child, context)
        if child.rel == "det" and lemma(child) in FIRST_PERSON:  # "в ходе моего визита" in a turn
            speaker = turn_speaker(context, child.start)
            return [speaker] if speaker else []
    verb = _governing_verb(sentence, trigger)
    return subject_people(sentence, verb, context) if verb is not None else []


def _pronoun_subject(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """ "В России он впервые побывал": the person the subject pronoun stands for."""
    for child in sentence.children.get(verb.id, ()):
        if child.rel == "nsubj":
            person = antecedent(context, sentence, child)
            return [person] if person is not None else []
    return []


def _is_genitive_person(sentence: Sentence, child: DocToken, context: Context) -> bool:
    """A trip noun's genitive that names who travelled: "визит председателя КНР", "визит
    Нетаньяху" (an indeclinable name the tagger gives no animacy)."""
    if child.rel != "nmod" or child.feats.get("Case") != "Gen":
        return False
    if any(c.rel == "case" for c in sentence.children.get(child.id, ())):
        return False
    entity = entity_of(child, context)
    return child.feats.get("Animacy") == "Anim" or (entity is not None and entity.type == "PER")


def _named_in_title(sentence: Sentence, title: DocToken, context: Context) -> list[Entity]:
    """The name of a title chain natasha hung on an inner word: "поездки помощника госсекретаря
    США Виктории Нуланд" (the name on "госсекретаря"); a genitive person inside the title
    ("помощника Петрова") is someone else."""
    for token in sentence.subtree(title):
        entity = entity_of(token, context)
        if (
            entity is not None
            and entity.type == "PER"
            and token.rel in ("appos",)
            and token.feats.get("Case") == title.feats.get("Case")
        ):
            return [entity]
    return []


def _passengers(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """The people a vehicle subject carries (``lexicon/vehicles.tsv``) or belongs to: "Самолет с
    Виталием Калоевым на борту приземлился", "Самолет Владимира Путина приземлился"; "Самолет
    приземлился", "Самолет с грузом приземлился" -> nobody."""
    out: list[Entity] = []
    for subject in sentence.children.get(verb.id, ()):
        if subject.rel not in ("nsubj", "nsubj:pass") or lemma(subject) not in words("vehicles.tsv"):
            continue
        for child in sentence.children.get(subject.id, ()):
            cases = {lemma(c) for c in sentence.children.get(child.id, ()) if c.rel == "case"}
            if child.rel == "nmod" and ("с" in cases or (not cases and child.feats.get("Case") == "Gen")):
                out += [p for p in persons_under(sentence, child, context) if p not in out]
    return out


def _site(sentence: Sentence, token: DocToken) -> DocToken | None:
    """The place noun a name stands beside (``lexicon/sites.tsv``): "аэропорту" for
    "в аэропорту «Домодедово»", "город" for "в город Сочи"."""
    head = sentence.head(token)
    if token.rel in ("appos", "flat", "flat:name", "nmod") and head is not None and lemma(head) in words("sites.tsv"):
        return head
    return None


def _first_conjunct(sentence: Sentence, token: DocToken) -> DocToken:
    """The first of the places a token is listed with, which carries their preposition: "Праге"
    of "побывал в Вене, Праге и Будапеште" -> "Вене"; a place with its own preposition is itself."""
    node, seen = token, {token.id}
    while node.rel == "conj" and not any(c.rel == "case" for c in sentence.children.get(node.id, ())):
        head = sentence.head(node)
        if head is None or head.id in seen or head.feats.get("Case") != node.feats.get("Case"):
            break
        seen.add(head.id)
        node = head
    return node


def _is_destination(sentence: Sentence, token: DocToken, trigger: DocToken, anchored: bool) -> bool:
    """ "в Москву", "в Москве", "на Курилы"; the object of "посетил Китай"; and, hanging on
    the trigger or on what it visits, "побывал на Курилах", "комплекс на Мамаевом кургане"."""
    preps = {lemma(c) for c in sentence.children.get(token.id, ()) if c.rel == "case"}
    if _object_is_place(trigger) and (  # natasha may hang the object elsewhere: the accusative decides
        (token.rel == "obj" and token.head_id == trigger.id) or (not preps and token.feats.get("Case") == "Acc")
    ):
        return trigger.pos == "VERB" or token.head_id == trigger.id
    if (
        _object_is_place(trigger)
        and trigger.pos == "NOUN"
        and (  # "посещения Пекина": the noun's genitive
            token.rel == "nmod" and token.head_id == trigger.id and not preps and token.feats.get("Case") == "Gen"
        )
    ):
        return True
    kinds = {mapping("destination.tsv")[p] for p in preps if p in mapping("destination.tsv")}
    if "into" in kinds:
        return True
    if "across" in kinds:
        return anchored and trigger.pos == "NOUN" and token.head_id == trigger.id and token.feats.get("Case") == "Dat"
    return "onto" in kinds and (anchored or token.feats.get("Case") == "Acc")


def _receives(trigger: DocToken) -> bool:
    """A host's verb whose object is the visitor (``visit.tsv``'s "guest"): "принял гостя в Москве"."""
    return mapping("visit.tsv").get(lemma(trigger)) == "guest"


def _object_is_place(trigger: DocToken) -> bool:
    return mapping("visit.tsv").get(lemma(trigger)) == "obj"


def places_of(sentence: Sentence, trigger: DocToken, context: Context) -> list[Entity]:
    """The cities and countries a trigger sends its visitor to."""
    anchors = {trigger.id}
    verb = trigger if trigger.pos == "VERB" else _governing_verb(sentence, trigger)
    if verb is not None:
        anchors.add(verb.id)
    if _object_is_place(trigger):  # "посетили комплекс на Мамаевом кургане"
        anchors.update(c.id for c in sentence.children.get(trigger.id, ()) if c.rel == "obj")
    index = sentence.tokens.index(trigger)
    near = {t.id for t in sentence.tokens[index + 1 : index + 1 + NEAR]}
    places: list[Entity] = relative_place(sentence, verb, context) if verb is not None else []
    for token in sentence.tokens:
        place, site = entity_of(token, context), _site(sentence, token)
        if place is not None and place.type != EntityType.LOC and site is not None and token.rel != "nmod":
            place = replace(
                place, key=entity_key(EntityType.LOC, place.name), type=EntityType.LOC, wikidata=None
            )  # "«Домодедово»": ORG to NER
        if place is None or place.type != EntityType.LOC or place in places:
            continue
        # "в аэропорту «Домодедово»": the noun carries the preposition; "в Вене, Праге": the first place
        carrier = _first_conjunct(sentence, site or token)
        anchored = carrier.head_id in anchors
        if (anchored or carrier.id in near) and _is_destination(sentence, carrier, trigger, anchored):
            places.append(place)
    return places


def relative_place(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """The place a trip verb's relative clause describes, when "куда" opens it
    (``lexicon/relative_places.tsv``): "родился в Белграде, куда бежали его родители" -> Белград;
    "в Белграде, где он родился" is no trip."""
    if verb.rel != "acl:relcl" or not any(
        c.rel == "advmod" and lemma(c) in words("relative_places.tsv") for c in sentence.children.get(verb.id, ())
    ):
        return []
    head = sentence.head(verb)
    place = entity_of(head, context) if head is not None else None
    return [place] if place is not None and place.type == EntityType.LOC else []


def extract_visits(context: Context) -> list[Event]:
    """One visit per (visitors, place) a trigger names.

    A trip verb that names no place goes where the article's visit of the sentence
    before went: "... визита российского президента в Болгарии. Вместе с президентом
    приехали Дмитрий Медведев, Юрий Лужков" -> both visited Болгария.
    """
    triggers = words("visit.tsv")
    events: list[Event] = []
    recent: tuple[int, list[Entity]] = (-INHERIT_WINDOW - 1, [])  # (sentence, places) of the last visit
    for sentence in context.sentences:
        low = fold(sentence.text)
        if not any(stem in low for stem in _stems()):
            continue
        for token in sentence.tokens:
            if not may_be(token.text, "visit.tsv") or lemma(token) not in triggers:
                continue
            if _receives(token):  # "принял в Москве президента Вьетнама": the guest came to Москва
                places = places_of(sentence, token, context) if token.pos == "VERB" else []
                hosts = (
                    subjects(sentence, token, context) + nominative_before(sentence, token, context) if places else []
                )
                visitors = [p for p in object_partners(sentence, token, context) if p not in hosts] if places else []
            else:
                places = places_of(sentence, token, context)
                if places:
                    recent = (sentence.index, places)
                elif token.pos == "VERB" and sentence.index - recent[0] <= INHERIT_WINDOW:
                    places = recent[1]
                visitors = visitors_of(sentence, token, context) if places else []
            if not visitors:
                continue
            status, date = with_purpose(*status_and_date(sentence, token, context.article), sentence, token)
            for place in places:
                event = Event(
                    kind="visit",
                    participants=tuple(visitors),
                    place=place,
                    article_id=context.article.id,
                    evidence=sentence.text,
                    status=status,
                    date=date,
                )
                if event not in events:
                    events.append(event)
    return events
