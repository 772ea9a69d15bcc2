"""met_with: meetings, talks, calls and receptions between named people.

"Президент РФ Владимир Путин и председатель КНР Си Цзиньпин продолжили общение
по видеоконференцсвязи" -> Meeting(Владимир Путин, Си Цзиньпин, mode=video).

An article reports a meeting once and then names who else took part: "Владимир
Путин провёл по видеосвязи совещание. В совещании приняли участие Михаил
Мишустин, ..." -> one video meeting of all of them. Words that add people to the
meeting being reported live in ``lexicon/participation.tsv``; on a publisher that
names its principal by title (``lexicon/publishers.tsv``) a meeting with nobody
on the host's side ("Телефонный разговор с Президентом Франции Эммануэлем
Макроном") has the host as its other side.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicons import mapping, may_be, table, words
from ..model import Entity, Event, fold, specific_mode
from ..needs import Need
from ..nlp import DocToken, lemma
from .context import Context, entity_of, status_and_date
from .dates import find_dates
from .parties import dative_partners, embedded, parties, visited_people
from .people import (
    FIRST_PERSON,
    host_of,
    is_subject,
    people_in_clause,
    person_of_role,
    subject_people,
    turn_speaker,
)
from .purpose import with_purpose
from .sentence import Sentence

__all__ = ["PARSE_NEED", "extract_meetings", "participation_trigger"]

# every meeting construction starts from one of these words (kgraph.needs)
PARSE_NEED = Need(lexicons=("meeting.tsv", "participation.tsv", "plural_meetings.tsv", "attendance.tsv"))

# how many sentences after a meeting "В совещании приняли участие ..." may still join it
JOIN_WINDOW = 3
# how many words either side of a participation word may hold the words it needs
NEED_SPAN = 4
# third-person pronouns that may stand for the meeting of the sentence before: "в них", "в ней"
REFERRING = frozenset({"он", "она", "они", "оно"})


@dataclass
class _Gathering:
    """A meeting being assembled; it becomes an Event once it has two people."""

    people: list[Entity]
    sentence: int
    evidence: str
    status: str
    mode: str
    date: str | None

    def event(self, article_id: str) -> Event:
        return Event(
            kind="meeting",
            participants=tuple(self.people),
            article_id=article_id,
            evidence=self.evidence,
            status=self.status,
            mode=self.mode,
            date=self.date,
        )


@cache
def _participation() -> dict[str, tuple[tuple[frozenset[str], ...], str]]:
    """lemma -> (groups of lemmas it needs nearby, the mode of a new meeting)."""
    out = {}
    for row in table("participation.tsv"):
        needs = () if row[1] == "-" else tuple(frozenset(g.split(",")) for g in row[1].split(";"))
        out[row[0]] = (needs, row[2] if len(row) > 2 and row[2] != "-" else "unknown")
    return out


@cache
def _stems() -> tuple[str, ...]:
    """Four-letter openings of every trigger, to skip sentences that cannot hold one."""
    lemmas = list(mapping("meeting.tsv")) + list(_participation())
    return tuple(sorted({word[:4] for word in lemmas}))


def _may_hold_trigger(sentence: Sentence) -> bool:
    low = fold(sentence.text)
    return any(stem in low for stem in _stems())


def participation_trigger(sentence: Sentence, context: Context) -> DocToken | None:
    """The word that makes a sentence name who took part in a meeting, if any.

    "В совещании приняли участие ..." -> "участие"; "Главу государства сопровождали
    ..." -> "сопровождали"; "Ковальчук рассказал Владимиру Путину" -> "рассказал";
    "Путин принял участие в параде" -> None (no meeting word). The words it needs
    (``participation.tsv``) may stand anywhere in the sentence: natasha often hangs "в
    переговорах" on the wrong word; "@Dat" asks for a person in the dative.
    """
    lexicon = _participation()
    candidates = [t for t in sentence.tokens if may_be(t.text, "participation.tsv") and lemma(t) in lexicon]
    if not candidates:
        return None
    lemmas = sentence.lemmas()
    for token in candidates:
        if all(_satisfied(g, lemmas, sentence, token, context) for g in lexicon[lemma(token)][0]):
            return token
    return None


def _neighbourhood(sentence: Sentence, trigger: DocToken) -> list[DocToken]:
    """The words a participation word needs its partner among: its head, its dependents, and
    its head's, and the words just around it (natasha often hangs "в переговорах" of "в
    переговорах приняли участие" far away). Not the
    whole sentence: "состоит из докладов ..., как сделать презентацию" has no "сделать доклад"."""
    head = sentence.head(trigger)
    index = sentence.tokens.index(trigger)
    near = [*sentence.children.get(trigger.id, ()), *sentence.tokens[max(0, index - NEED_SPAN) : index + NEED_SPAN + 1]]
    if head is not None:
        near += [head, *sentence.children.get(head.id, ())]
    return near


def _satisfied(
    group: frozenset[str], lemmas: list[str], sentence: Sentence, trigger: DocToken, context: Context
) -> bool:
    """A lemma of the group stands in the sentence, or ("@Dat") a person in that case is the
    trigger's dependent or follows it: "рассказал Владимиру Путину"."""
    near = _neighbourhood(sentence, trigger)
    if group.intersection(lemma(t) for t in near):
        return True
    if _refers_back(sentence, near, group, context):  # "... прошли переговоры. В них участвовали ..."
        return True
    cases = {g[1:] for g in group if g.startswith("@")}
    index = sentence.tokens.index(trigger)
    following = {t.id for t in sentence.tokens[index + 1 : index + 3]}
    return any(
        t.feats.get("Case") in cases
        and (t.head_id == trigger.id or t.id in following)
        and (entity_of(t, context) or person_of_role(sentence, t, context))
        for t in sentence.tokens
    )


def _refers_back(sentence: Sentence, near: list[DocToken], group: frozenset[str], context: Context) -> bool:
    """Is a third-person pronoun after a preposition among the words ("в них", "в ней") the
    meeting the sentence before names with a word of the group: "В Минске прошли переговоры.
    В них участвовали ..."?"""
    if sentence.index == 0 or not any(
        t.pos == "PRON" and lemma(t) in REFERRING and any(c.rel == "case" for c in sentence.children.get(t.id, ()))
        for t in near
    ):
        return False
    return bool(group.intersection(context.sentences[sentence.index - 1].lemmas()))


def _mode(sentence: Sentence, default: str) -> str:
    modes = mapping("mode.tsv")
    return specific_mode((modes[lemma(t)] for t in sentence.tokens if lemma(t) in modes), default)


@cache
def _needs(kind: str) -> frozenset[str]:
    """Triggers whose third column in ``meeting.tsv`` is ``kind`` ("obj", "joint")."""
    return frozenset(row[0] for row in table("meeting.tsv") if len(row) > 2 and row[2] == kind)


def _has_person_object(sentence: Sentence, trigger: DocToken) -> bool:
    """ "Путин принял в Кремле губернатора" has one; "Путин принял отставку губернатора" has none.

    The first noun after the verb outside a prepositional phrase decides by its animacy:
    natasha often hangs that object on the wrong word.
    """
    tokens = sentence.tokens
    in_phrase = False
    for token in tokens[tokens.index(trigger) + 1 :]:
        if token.pos == "PUNCT":
            return False
        if token.pos == "ADP":
            in_phrase = True
        elif token.pos in ("NOUN", "PROPN"):
            if not in_phrase:
                return token.feats.get("Animacy") == "Anim"
            in_phrase = False
    return False


def _meets_a_group(sentence: Sentence, trigger: DocToken, context: Context) -> bool:
    """Is the other side a group, not a person: "на встрече с журналистами", "совещание с
    постоянными членами Совета Безопасности"?"""
    for child in sentence.children.get(trigger.id, ()):
        cases = {lemma(c) for c in sentence.children.get(child.id, ()) if c.rel == "case"}
        if not cases & {"с", "со"} or child.pos != "NOUN" or child.feats.get("Number") != "Plur":
            continue
        named = [n for n in [child, *sentence.children.get(child.id, ())] if entity_of(n, context)]
        if not named:
            return True
    return False


def _refers_to_both_sides(sentence: Sentence, clause: DocToken) -> bool:
    for token in sentence.tokens:
        if token.rel == "nsubj" and token.head_id == clause.id and lemma(token) in words("group_heads.tsv"):
            return token.feats.get("Number") == "Plur"
    return False


def _with_speaker(people: list[Entity], sentence: Sentence, clause: DocToken, context: Context) -> list[Entity]:
    """ "Я встретился с Трампом" in a transcript turn: the turn's speaker is the subject."""
    for token in sentence.children.get(clause.id, ()):
        if token.rel == "nsubj" and lemma(token) in FIRST_PERSON:
            speaker = turn_speaker(context, token.start)
            if speaker is not None and speaker not in people:
                return [speaker, *people]
    return people


def _with_host(
    people: list[Entity],
    sentence: Sentence,
    trigger: DocToken,
    clause: DocToken,
    context: Context,
) -> list[Entity]:
    """Add the publisher's principal to a meeting no one on whose side is named.

    "Встреча с губернатором Тверской области Игорем Руденей" -> host, Игорь Руденя;
    "Лавров провёл переговоры" stays as it is: its subject is named; so does
    "разговор состоялся, и Ушаков встречался ...": Ушаков is not the talk's guest.
    """
    host = host_of(context)
    if host is None or host in people or len(people) >= 2:
        return people
    if any(is_subject(sentence, person, clause, context) for person in people):
        return people
    if any(t.rel == "nsubj" and t.head_id == clause.id and t.pos == "PRON" for t in sentence.tokens):
        return people  # "мы со Святейшим это обсуждали": the speaker's side, not the host's
    below = {context.entities.at(t.start, t.stop) for t in sentence.subtree(trigger)}
    if any(person not in below for person in people):
        return people
    return [host, *people]


def _join(gatherings: list[_Gathering], sentence: Sentence, trigger: DocToken, context: Context) -> None:
    """Add a participation sentence's people to the meeting it reports, or start one."""
    people = people_in_clause(sentence, sentence.clause(trigger), context, speakers=True)
    if not people:
        return
    own_date = find_dates(sentence.text, context.article.date)
    modes = mapping("mode.tsv")
    own_mode = any(lemma(t) in modes for t in sentence.tokens)
    last = gatherings[-1] if gatherings else None
    if last is not None and sentence.index - last.sentence <= JOIN_WINDOW and not own_date and not own_mode:
        last.people.extend(p for p in people if p not in last.people)
        last.sentence = sentence.index
        return
    host = host_of(context)
    if host is not None and host not in people:
        people = [host, *people]
    status, date = status_and_date(sentence, trigger, context.article)
    gatherings.append(
        _Gathering(
            people=people,
            sentence=sentence.index,
            evidence=sentence.text,
            status=status,
            mode=_mode(sentence, _participation()[lemma(trigger)][1]),
            date=date,
        )
    )


def extract_meetings(context: Context) -> list[Event]:
    """Meetings of two or more named people, one event per trigger clause."""
    triggers = mapping("meeting.tsv")
    gatherings: list[_Gathering] = []
    for sentence in context.sentences:
        if not _may_hold_trigger(sentence):
            continue
        joining = participation_trigger(sentence, context)
        if joining is not None:
            _join(gatherings, sentence, joining, context)
            continue
        best: dict[str, tuple[list[Entity], DocToken]] = {}  # clause -> the trigger naming most people
        syntactic: dict[str, list[tuple[list[Entity], DocToken]]] = {}  # clause -> meetings its arguments name
        for token in sentence.tokens:
            if not may_be(token.text, "meeting.tsv"):
                continue
            word = lemma(token)
            if word not in triggers:
                continue
            if word in _needs("obj") and not _has_person_object(sentence, token):
                continue
            if word in _needs("dat") and not dative_partners(sentence, token, context):
                continue  # "сообщил Оливеру Кану" is a conversation; "сообщил, что ..." is not
            if word in _needs("to") and not visited_people(sentence, token, context):
                continue  # "приехал к Дюрану" is a meeting; "приехал в Лион" is a visit only
            clause = sentence.clause(token)
            if word not in _needs("joint"):
                found = parties(sentence, token, context, _mode(sentence, triggers[word]))
                host = host_of(context)
                if found.partners and not found.doers and host is not None and host not in found.partners:
                    found.doers = [host]  # "Встреча с A и B" on the publisher of a head of state
                if len(found.people()) >= 2:
                    for group in found.meetings():
                        if all(set(group) != set(people) for people, _ in syntactic.get(clause.id, [])):
                            syntactic.setdefault(clause.id, []).append((group, token))
                    continue
                if token.pos == "NOUN" and embedded(sentence, token):
                    continue
            if word in _needs("joint"):
                people = subject_people(sentence, token, context) if token.pos == "VERB" else []
                if len(people) >= 2 and len(people) > len(best.get(clause.id, ((), None))[0]):
                    best[clause.id] = (people, token)
                continue
            # the arguments name one person: natasha may have hung the others elsewhere in the
            # clause, or the other side is the host or the speaker; naming nobody, it reports none
            people = people_in_clause(sentence, clause, context) if found.people() else []
            people = _with_speaker(people, sentence, clause, context)
            if _meets_a_group(sentence, token, context):  # only the side that met the group
                people = [p for p in people if is_subject(sentence, p, clause, context)]
            if len(people) < 2 and token.pos == "VERB" and _refers_to_both_sides(sentence, clause):
                earlier = [g for g in gatherings if len(g.people) >= 2]
                if earlier:
                    people = list(earlier[-1].people)
            people = _with_host(people, sentence, token, clause, context)
            if people and len(people) > len(best.get(clause.id, ((), None))[0]):
                best[clause.id] = (people, token)
        reports = [report for reports in syntactic.values() for report in reports]
        reports += [report for clause_id, report in best.items() if clause_id not in syntactic]
        for people, token in reports:
            status, date = with_purpose(*status_and_date(sentence, token, context.article), sentence, token)
            gatherings.append(
                _Gathering(
                    people=people,
                    sentence=sentence.index,
                    evidence=sentence.text,
                    status=status,
                    mode=_mode(sentence, triggers[lemma(token)]),
                    date=date,
                )
            )
    return [g.event(context.article.id) for g in gatherings if len(g.people) >= 2]
