"""Who takes part in a meeting, read from the trigger's arguments: a bank of small constructions.

Each construction reads one kind of argument of a meeting word over natasha's UD tree:

- ``with_partners``: "с"/"со" phrases: "встретился с Лавровым", "переговоры с Моди";
- ``companions``: "вместе с" puts people on the subject's side: "Белов вместе с Зиминым
  встретился с Шмидтом";
- ``between_people``: "между" phrases: "встреча между Путиным и Си";
- ``genitive_people``: a meeting noun's genitive: "переговоры Лаврова и Блинкена";
- ``attendees``: "при участии"/"с участием" and a genitive: "саммит при участии Хиллари
  Клинтон и Кристин Лагард";
- ``passive_agents``: instrumental agents of a passive verb: "обсуждается генсеком НАТО
  Йенсом Столтенбергом и премьером Эстонии Юри Ратасом";
- ``dative_partners``: the one called or told: "позвонил Сергею Сидорову";
- ``object_partners``: the one received: "принял губернатора Игоря Руденю";
- ``light_verb``: the verb a meeting noun is the object or frame of: "Путин провёл
  переговоры с ...", "в ходе переговоров Путин ..."; a noun that names its own doers
  ("на встрече Лаврова с Ваном Песков заявил") takes nobody from the verb;
- ``coordinated_meeting``: a second meeting noun shares the first one's doers: "переговоры
  Керри с Лавровым, а потом беседа с Путиным";
- ``embedded``: a meeting noun that hangs on another noun is talked about, not reported:
  "прослушивание разговоров", "аналог встречи Фауста с Мефистофелем" names only its own
  genitive and "с" people.

:func:`parties` puts them together: the side that does the meeting (the subject, the
genitive, the agents) and the side met (the "с" phrase, the object, the dative). A host
who talks to several people one by one ("провёл телефонные разговоры с A, B и C", a
countable meeting noun in the plural, or a phone call) or one after the other ("с A, а затем
с B": ``in_turn``) meets each of them, and they do not meet one another: :attr:`Parties.meetings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..lexicons import table, words
from ..model import Entity
from ..nlp import DocToken, lemma
from .context import Context, entity_of
from .people import NAME_RELS, persons_under, subject_people
from .pronouns import antecedent, group_antecedent, is_personal
from .sentence import Sentence

__all__ = [
    "Parties",
    "attendees",
    "between_people",
    "companions",
    "dative_partners",
    "embedded",
    "genitive_people",
    "in_turn",
    "light_verb",
    "nominative_before",
    "object_partners",
    "parties",
    "passive_agents",
    "subjects",
    "visited_people",
    "with_partners",
]

WITH = {"с", "со", "c"}  # and a Latin "c" typed for the Cyrillic one
BETWEEN = {"между"}
TO = {"к", "ко"}
# a meeting noun below one of these arcs of a verb takes that verb's people
LIGHT_RELS = {"obj", "nsubj", "nsubj:pass", "obl", "nmod"}


@dataclass
class Parties:
    """The two sides of a meeting word: who does it and whom they meet."""

    doers: list[Entity] = field(default_factory=list)
    partners: list[Entity] = field(default_factory=list)
    one_by_one: bool = False  # the doers met each partner apart

    def people(self) -> list[Entity]:
        """Everyone, doers first, each once."""
        return _unique(self.doers + self.partners)

    def meetings(self) -> list[list[Entity]]:
        """The groups that met: everyone together, or each partner with the doers.

        >>> a, b, c = (Entity(x, x, "PER") for x in "ABC")
        >>> Parties([a], [b, c], one_by_one=True).meetings() == [[a, b], [a, c]]
        True
        >>> Parties([a], [b, c]).meetings() == [[a, b, c]]
        True

        Those called one by one by someone not named did not meet one another:

        >>> Parties([], [b, c], one_by_one=True).meetings()
        []
        """
        if self.one_by_one and len(self.partners) >= 2 and not self.doers:
            return []
        if self.one_by_one and self.doers and len(self.partners) >= 2:
            return [_unique([*self.doers, partner]) for partner in self.partners if partner not in self.doers]
        return [self.people()]


def _unique(people: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for person in people:
        if person not in out:
            out.append(person)
    return out


def _relative(sentence: Sentence, token: DocToken) -> bool:
    """A name in the genitive just after a kinship noun (``lexicon/kinship.tsv``): "с вдовой
    Героя России Сергея Чебнёва" names the widow, not Сергей Чебнёв."""
    if token.feats.get("Case") != "Gen":
        return False
    index = sentence.tokens.index(token)
    return any(lemma(t) in words("kinship.tsv") for t in sentence.tokens[max(0, index - 4) : index])


def _persons(sentence: Sentence, token: DocToken, context: Context) -> list[Entity]:
    """The people a noun phrase names (names, appositions, conjuncts), relatives' kin left out."""
    if token.pos == "PRON":  # "с ним": the person named before; "с которой": the noun it describes
        if lemma(token) in words("relative.tsv"):
            return _relative_head(sentence, token, context)
        person = antecedent(context, sentence, token)
        return [person] if person is not None else []
    found = persons_under(sentence, token, context)
    if not found:
        return found
    below = sentence.below(token, NAME_RELS | {"conj"})
    kin = {entity_of(t, context) for t in below if _relative(sentence, t)}
    agreeing = {
        entity_of(t, context) for t in below if t.rel not in ("flat", "flat:name") and not _disagrees(sentence, t)
    }
    astray = {entity_of(t, context) for t in below if _disagrees(sentence, t)} - agreeing
    return [p for p in found if p not in kin and p not in astray]


def _disagrees(sentence: Sentence, name: DocToken) -> bool:
    """An apposition in another case than its noun is not its name: natasha hangs "Сергеем
    Лавровым" on "госсекретаря" in "переговоры госсекретаря Джона Керри с министром Сергеем
    Лавровым"."""
    head = sentence.head(name)
    if name.rel != "appos" or head is None:
        return False
    case, head_case = name.feats.get("Case"), head.feats.get("Case")
    return bool(case and head_case and case != head_case)


def _relative_head(sentence: Sentence, relative: DocToken, context: Context) -> list[Entity]:
    """The people of the noun a relative clause describes: "Анна Лис, с которой он встречался"."""
    for node in sentence.ancestors(relative):
        if node.rel == "acl:relcl":
            head = sentence.head(node)
            if head is None:
                return []
            found = persons_under(sentence, head, context) + _agreeing(sentence, head, context)
            return [p for p in _unique(found) if p.type == "PER"]
    return []


def _phrase_top(sentence: Sentence, token: DocToken) -> DocToken:
    """The noun a name belongs to: up through name and apposition arcs."""
    node = token
    for head in sentence.ancestors(token):
        if node.rel not in NAME_RELS:
            break
        node = head
    return node


def _is_group_noun(sentence: Sentence, noun: DocToken, context: Context) -> bool:
    """A plural animate common noun that names nobody: "девушки", "министры". Not the heads of
    the sides of a meeting ("лидеры", ``lexicon/group_heads.tsv``): they stand for the
    article's last meeting (:mod:`.meetings`)."""
    return (
        noun.pos == "NOUN"
        and lemma(noun) not in words("group_heads.tsv")
        and noun.feats.get("Number") == "Plur"
        and noun.feats.get("Animacy") == "Anim"
        and not any(entity_of(t, context) for t in sentence.subtree(noun))
    )


def subjects(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """Who does what the verb says: every subject's people, with the named people in the
    nominative or after "(вместе) с" anywhere inside the subject phrase (natasha hangs
    coordinated names with titles on the wrong word: "Лидеры Германии и Франции Ангела
    Меркель и Франсуа Олланд", "Сванберг вместе с Игорем Сечиным"); else
    :func:`~kgraph.extract.people.subject_people` (pronouns, "который", participles)."""
    out: list[Entity] = []
    for child in sentence.children.get(verb.id, ()):
        if child.rel not in ("nsubj", "nsubj:pass"):
            continue
        if child.pos == "PRON":
            out += _persons(sentence, child, context) if is_personal(child) else []
            continue
        if _is_group_noun(sentence, child, context):  # "девушки встретились": the pair named before
            out += group_antecedent(context, sentence, child)
            continue
        out += _persons(sentence, child, context)
        for token in sentence.subtree(child):
            entity = entity_of(token, context)
            if entity is None or entity.type != "PER" or entity in out or _relative(sentence, token):
                continue
            top = _phrase_top(sentence, token)
            if top.feats.get("Case") == "Nom" or _cases(sentence, top) & WITH:
                out.append(entity)
    return _unique(out) or subject_people(sentence, verb, context) or nominative_before(sentence, verb, context)


def nominative_before(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """Named people in the nominative, outside prepositional phrases, between the previous verb
    and this one: a subject natasha hung elsewhere ("посол Италии Виторио Сандали встретился")."""
    out: list[Entity] = []
    for token in reversed(sentence.tokens[: sentence.tokens.index(verb)]):
        if token.pos == "VERB":
            break
        entity = entity_of(token, context)
        if entity is None or entity.type != "PER" or token.feats.get("Case") != "Nom":
            continue
        if not _cases(sentence, _phrase_top(sentence, token)) and entity not in out:
            out.append(entity)
    return out[::-1]


def _cases(sentence: Sentence, token: DocToken) -> set[str]:
    return {lemma(c) for c in sentence.children.get(token.id, ()) if c.rel == "case"}


def _phrase_people(sentence: Sentence, head: DocToken, context: Context, preps: set[str]) -> list[Entity]:
    out: list[Entity] = []
    for child in sentence.children.get(head.id, ()):
        together = any(lemma(c) in words("together.tsv") for c in sentence.children.get(child.id, ()))
        if child.rel in ("obl", "nmod") and _cases(sentence, child) & preps and not together:
            out += _persons(sentence, child, context) + _agreeing(sentence, child, context)
            out += _following(sentence, child, context)
    return _unique(out)


def _following(sentence: Sentence, phrase: DocToken, context: Context) -> list[Entity]:
    """Named people in the phrase's case in the words that run on after it, up to a verb, a
    preposition, a punctuation mark or a word in another case: "Встреча с Патриархом Московским
    и всея Руси Кириллом" (natasha hangs "Кириллом" on the next clause's object)."""
    case = phrase.feats.get("Case")
    out: list[Entity] = []
    for token in sentence.tokens[sentence.tokens.index(phrase) + 1 :]:
        if token.pos not in ("ADJ", "NOUN", "PROPN", "DET", "CCONJ") or token.feats.get("Case") not in (
            None,
            case,
            "Gen",
        ):
            break
        entity = entity_of(token, context)
        if entity is not None and entity.type == "PER" and token.feats.get("Case") == case:
            out.append(entity)
    return out


def _agreeing(sentence: Sentence, phrase: DocToken, context: Context) -> list[Entity]:
    """Named people inside a phrase in the phrase's own case: "с заместителем министра Грузии
    Александром Налбандовым" (natasha hangs the name on "министра"), not the genitive of
    "с вдовой лётчика Петра Зимина"."""
    case = phrase.feats.get("Case")
    out: list[Entity] = []
    for token in sentence.subtree(phrase):
        entity = entity_of(token, context)
        if entity is None or entity.type != "PER" or not case or token.feats.get("Case") != case:
            continue
        if not _cases(sentence, _phrase_top(sentence, token)) - _cases(sentence, phrase):
            out.append(entity)
    return out


def with_partners(sentence: Sentence, head: DocToken, context: Context) -> list[Entity]:
    """The people of the "с" phrases that hang on a word, or on a verb's object (where natasha
    often hangs them): "переговоры с Си Цзиньпином", "обсудил ситуацию с Олегом Беловым"."""
    out = _phrase_people(sentence, head, context, WITH)
    if head.pos == "VERB":
        for child in sentence.children.get(head.id, ()):
            if child.rel == "obj":
                out += _phrase_people(sentence, child, context, WITH)
    return _unique(out)


def visited_people(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """The people a trip goes to, after "к"/"ко": "отправился к Пьеру Дюрану в Лион"."""
    return _phrase_people(sentence, verb, context, TO)


def companions(sentence: Sentence, head: DocToken, context: Context) -> list[Entity]:
    """The people who do it with the subject (``lexicon/together.tsv``): "Белов вместе с
    Зиминым встретился с ...", whether natasha hangs "с Зиминым" on "вместе" or on the verb."""
    out: list[Entity] = []
    for child in sentence.children.get(head.id, ()):
        if child.rel == "advmod" and lemma(child) in words("together.tsv"):
            phrases = list(sentence.children.get(child.id, ()))
        elif any(lemma(c) in words("together.tsv") for c in sentence.children.get(child.id, ())):
            phrases = [child]
        else:
            continue
        for phrase in phrases:
            if phrase.rel in ("obl", "nmod") and _cases(sentence, phrase) & WITH:
                out += _persons(sentence, phrase, context)
    return _unique(out)


def between_people(sentence: Sentence, head: DocToken, context: Context) -> list[Entity]:
    """The people of a "между" phrase: "встреча между Путиным и Си"."""
    return _phrase_people(sentence, head, context, BETWEEN)


def genitive_people(sentence: Sentence, noun: DocToken, context: Context) -> list[Entity]:
    """The people a meeting noun names in the genitive: "переговоры Лаврова и Блинкена"."""
    out: list[Entity] = []
    for child in sentence.children.get(noun.id, ()):
        if child.rel == "nmod" and child.feats.get("Case") == "Gen" and not _cases(sentence, child):
            out += _persons(sentence, child, context)
    return _unique(out)


def attendees(sentence: Sentence, head: DocToken, context: Context) -> list[Entity]:
    """The people an attendance noun names (``lexicon/attendance.tsv``): "саммит при участии
    Хиллари Клинтон и Кристин Лагард", "переговоры с участием Олафа Шольца"."""
    out: list[Entity] = []
    for child in sentence.children.get(head.id, ()):
        if child.rel in ("obl", "nmod") and lemma(child) in words("attendance.tsv") and _cases(sentence, child):
            out += genitive_people(sentence, child, context)
    return _unique(out)


def passive_agents(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """Who does what a passive verb says, in the bare instrumental: "обсуждается генсеком НАТО ..."."""
    if verb.feats.get("Voice") != "Pass":
        return []
    out: list[Entity] = []
    for child in sentence.children.get(verb.id, ()):
        if child.rel in ("obl", "obl:agent") and child.feats.get("Case") == "Ins" and not _cases(sentence, child):
            out += _persons(sentence, child, context)
    return _unique(out)


def dative_partners(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """The one a verb is addressed to, in the bare dative: "позвонил Сергею Сидорову", also
    where natasha hangs it on the object: "сообщили решение Оливеру Кану"."""
    out: list[Entity] = []
    children = list(sentence.children.get(verb.id, ()))
    children += [c for o in children if o.rel == "obj" for c in sentence.children.get(o.id, ())]
    for child in children:
        if child.rel in ("iobj", "obl", "nmod") and child.feats.get("Case") == "Dat" and not _cases(sentence, child):
            out += _persons(sentence, child, context)
    return _unique(out)


def object_partners(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """The one received, the direct object: "принял губернатора Игоря Руденю"."""
    out: list[Entity] = []
    for child in sentence.children.get(verb.id, ()):
        if child.rel == "obj":
            out += _persons(sentence, child, context)
    return _unique(out)


def light_verb(sentence: Sentence, noun: DocToken) -> DocToken | None:
    """The verb whose people a meeting noun takes: "провёл переговоры", "переговоры
    состоялись", "в ходе переговоров заявил" (through a frame noun, ``lexicon/frames.tsv``)."""
    head = sentence.head(noun)
    if head is not None and head.pos == "NOUN" and lemma(head) in words("frames.tsv"):
        noun, head = head, sentence.head(head)
    if head is not None and head.pos == "VERB" and noun.rel in LIGHT_RELS:
        return head
    return None


def coordinated_meeting(sentence: Sentence, noun: DocToken) -> DocToken | None:
    """The meeting noun a second one is coordinated with, whose doers it shares: "переговоры
    Керри с Лавровым, а потом беседа с Путиным" (Керри talked with Путин)."""
    head = sentence.head(noun)
    if noun.rel == "nsubj" and head is not None and head.rel == "conj":  # a gapped "состоялась"
        verb = sentence.head(head)
        subjects_ = [c for c in sentence.children.get(verb.id, ()) if c.rel == "nsubj"] if verb else []
        head, noun = (subjects_[0], head) if subjects_ else (None, noun)
    if (
        noun.rel == "conj"
        and head is not None
        and head.pos in ("NOUN", "PROPN")
        and lemma(head) in words("meeting.tsv")
    ):
        return head
    return None


def embedded(sentence: Sentence, noun: DocToken) -> bool:
    """Is a meeting noun part of another noun's phrase ("прослушивание разговоров", "аналог
    встречи") rather than the event the clause reports? Frame nouns ("в ходе встречи") and
    meeting nouns ("итоги" is not one; "переговоры и беседа") do not count."""
    head = sentence.head(noun)
    if head is None or noun.rel not in ("nmod", "nsubj") or head.pos not in ("NOUN", "PROPN"):
        return False
    if noun.rel == "nsubj":  # "Эта встреча — аналог ...": a noun predicate says what it is like
        return True
    return lemma(head) not in words("frames.tsv") and lemma(head) not in words("meeting.tsv")


def _one_by_one(trigger: DocToken, mode: str) -> bool:
    """Several partners met apart: a phone call, or a countable meeting noun in the plural
    ("телефонные разговоры", "встречи"), not "переговоры" (``lexicon/plural_meetings.tsv``)."""
    if mode == "phone":
        return True
    return (
        trigger.pos == "NOUN"
        and trigger.feats.get("Number") == "Plur"
        and lemma(trigger) not in words("plural_meetings.tsv")
    )


def in_turn(sentence: Sentence, partners: list[Entity], context: Context) -> bool:
    """Is a partner listed after an adverb of succession (``lexicon/sequence.tsv``), so each
    partner met the doers apart: "переговоры с Дюраном, а затем с Шмидтом"?"""
    for token in sentence.tokens:
        head = sentence.head(token) if lemma(token) in words("sequence.tsv") else None
        if head is not None and head.rel == "conj" and entity_of(head, context) in partners:
            return True
    return False


def parties(sentence: Sentence, trigger: DocToken, context: Context, mode: str = "unknown") -> Parties:
    """The two sides a meeting word names through its arguments (the module's constructions).

    An adjective ("телефонный разговор") reads its noun. A pronoun is never a name: people
    NER found on a pronoun ("Вами") are left out.
    """
    found = _parties(sentence, trigger, context, mode)
    pronouns = {entity_of(t, context) for t in sentence.tokens if t.pos == "PRON"}
    found.doers = [p for p in found.doers if p not in pronouns]
    found.partners = [p for p in found.partners if p not in pronouns]
    found.one_by_one = found.one_by_one or in_turn(sentence, found.partners, context)
    return found


def _parties(sentence: Sentence, trigger: DocToken, context: Context, mode: str) -> Parties:
    if trigger.pos == "ADJ":
        head = sentence.head(trigger)
        if head is None or head.pos != "NOUN":
            return Parties()
        trigger = head
    out = Parties(one_by_one=_one_by_one(trigger, mode))
    if trigger.pos == "VERB":
        out.doers = _unique(
            subjects(sentence, trigger, context)
            + companions(sentence, trigger, context)
            + passive_agents(sentence, trigger, context)
        )
        out.partners = _unique(
            with_partners(sentence, trigger, context)
            + dative_partners(sentence, trigger, context)
            + attendees(sentence, trigger, context)
            + (object_partners(sentence, trigger, context) if lemma(trigger) in _object_verbs() else [])
            + visited_people(sentence, trigger, context)
        )
        return out
    out.doers = _unique(genitive_people(sentence, trigger, context) + between_people(sentence, trigger, context))
    out.partners = _unique(with_partners(sentence, trigger, context) + attendees(sentence, trigger, context))
    if embedded(sentence, trigger):
        return out
    first = coordinated_meeting(sentence, trigger)
    if first is not None and not out.doers:  # "переговоры Керри с Лавровым, а потом беседа с Путиным"
        out.doers = _parties(sentence, first, context, mode).doers
        return out
    verb = light_verb(sentence, trigger)
    if verb is not None and not out.doers:  # "сравнил свою встречу с A со встречей B и C": B and C's own
        if trigger.rel not in ("nsubj", "nsubj:pass"):
            out.doers = _unique(out.doers + subjects(sentence, verb, context) + companions(sentence, verb, context))
        out.doers = _unique(out.doers + passive_agents(sentence, verb, context))
        out.partners = _unique(
            out.partners + with_partners(sentence, verb, context) + attendees(sentence, verb, context)
        )
    return out


@cache
def _object_verbs() -> frozenset[str]:
    """Meeting verbs whose direct object is the one met (``meeting.tsv``'s "obj")."""
    return frozenset(row[0] for row in table("meeting.tsv") if len(row) > 2 and row[2] == "obj")
