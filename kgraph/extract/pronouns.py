"""Third-person pronouns as event participants: "В России он впервые побывал", "встретился с ним".

A pronoun is never a name; it stands for a named person before it whose grammatical
gender agrees ("Анна ... она", "Олег ... он, его, ним"): the nearest in its own
sentence, else the subject (then the nearest) of the closest of the ``REACH``
sentences before it that names one. A pronoun is never the subject of its own clause:
"Белов встретился с ним". Plural pronouns ("они") stand for
groups and are left alone.

>>> from kgraph.extract.pronouns import PERSONAL
>>> sorted(PERSONAL)
['он', 'она']
"""

from __future__ import annotations

from ..model import Entity
from ..nlp import DocToken, lemma
from .context import Context, entity_of
from .sentence import Sentence

__all__ = ["CHAIN", "PERSONAL", "REACH", "antecedent", "group_antecedent", "is_personal"]

# the lemma of a singular third-person pronoun -> the gender it asks of its antecedent
PERSONAL = {"он": "Masc", "она": "Fem"}
# how many sentences back a pronoun may reach
REACH = 2
# how many earlier subject pronouns a pronoun may pass through to its name
CHAIN = 3


def is_personal(token: DocToken) -> bool:
    """A singular third-person pronoun: "он", "его", "ним", "она", "ей"."""
    return token.pos == "PRON" and lemma(token) in PERSONAL and token.feats.get("Number", "Sing") == "Sing"


def _gender(token: DocToken) -> str | None:
    """The gender the pronoun has: natasha's, else the lemma's ("его" of "он" is Masc or Neut)."""
    gender = token.feats.get("Gender")
    return gender if gender in ("Masc", "Fem") else PERSONAL.get(lemma(token))


def antecedent(context: Context, sentence: Sentence, pronoun: DocToken, depth: int = 0) -> Entity | None:
    """The named person a pronoun stands for, or None (see the module's rule). An earlier
    sentence's subject pronoun of the same gender counts as the person it stands for, so an
    article that keeps talking of one person keeps them: "Голицын родился в Белграде. ... Он
    выступал с лекциями. ... Позднее он сопровождал ..." (``CHAIN`` links at most)."""
    if not is_personal(pronoun):
        return None
    gender = _gender(pronoun)
    clause = sentence.clause(pronoun)  # "Белов встретился с ним": "ним" is not Белов
    own_subject = {
        t.id
        for c in sentence.children.get(clause.id, ())
        if c.rel in ("nsubj", "nsubj:pass") and c is not pronoun
        for t in sentence.subtree(c)
    }
    first = max(0, sentence.index - REACH)
    for earlier in reversed(context.sentences[first : sentence.index + 1]):
        tokens = [t for t in earlier.tokens if t.stop <= pronoun.start]
        named = [
            (token, entity)
            for token in reversed(tokens)
            for entity in [_named(context, earlier, token, sentence, gender, depth)]
            if entity is not None
            and entity.type == "PER"
            and not (earlier is sentence and token.id in own_subject)
            and token.feats.get("Gender") in (gender, None)
        ]
        if earlier is not sentence:  # an earlier sentence's subject first: the one it is about
            named.sort(key=lambda pair: not _in_subject(earlier, pair[0]))
        if named:
            return named[0][1]
    return None


def _named(
    context: Context, earlier: Sentence, token: DocToken, sentence: Sentence, gender: str | None, depth: int
) -> Entity | None:
    """The person a token of an earlier sentence names: its name, or, for a subject pronoun
    of the gender asked, the person that pronoun stands for."""
    if token.pos != "PRON":
        return entity_of(token, context)
    if earlier is sentence or depth >= CHAIN or token.rel != "nsubj" or _gender(token) != gender:
        return None
    return antecedent(context, earlier, token, depth + 1)


def _in_subject(sentence: Sentence, token: DocToken) -> bool:
    """Is the token (a name, its title) the subject of its clause?"""
    for node in [token, *sentence.ancestors(token)]:
        if node.rel in ("nsubj", "nsubj:pass"):
            return True
        if node.rel not in ("flat", "flat:name", "appos"):
            return False
    return False


def group_antecedent(context: Context, sentence: Sentence, noun: DocToken) -> list[Entity]:
    """The named people a plural subject noun stands for ("Анна Лис и Мария Гай ... В Риге девушки
    встретились с ..."): the two or more people coordinated as the subject of the closest of the
    ``REACH`` sentences before it that has such a subject."""
    first = max(0, sentence.index - REACH)
    for earlier in reversed(context.sentences[first : sentence.index]):
        for token in earlier.tokens:
            if token.rel not in ("nsubj", "nsubj:pass"):
                continue
            people: list[Entity] = []
            for node in earlier.below(token, {"conj", "appos", "flat", "flat:name"}):
                entity = entity_of(node, context)
                if entity is not None and entity.type == "PER" and entity not in people:
                    people.append(entity)
            if len(people) >= 2:
                return people
    return []
