"""A purpose clause reports an intention: "вылетел в Дели, чтобы встретиться с ..." is a
planned meeting, whatever the tense of the verb the clause hangs on.

>>> from kgraph.nlp import analyze
>>> from kgraph.extract.sentence import Sentence
>>> s = Sentence(analyze("Лис вылетел в Ригу, чтобы встретиться с Гаем.").sents[0], 0)
>>> [t.text for t in s.tokens if t.pos == "VERB" and in_purpose_clause(s, t)]
['встретиться']
"""

from __future__ import annotations

from ..lexicons import words
from ..nlp import DocToken, lemma
from .sentence import Sentence

__all__ = ["in_purpose_clause", "with_purpose"]

# arcs a purpose clause hangs on its verb by
PURPOSE_RELS = {"advcl", "xcomp", "ccomp", "acl", "obl"}


def in_purpose_clause(sentence: Sentence, trigger: DocToken) -> bool:
    """Is the trigger the verb of a clause opened by "чтобы" (``lexicon/purpose.tsv``), or a
    noun below that verb?"""
    for node in [trigger, *sentence.ancestors(trigger)]:
        if node.pos in ("VERB", "AUX"):
            marks = {lemma(c) for c in sentence.children.get(node.id, ()) if c.rel == "mark"}
            return bool(marks & words("purpose.tsv")) and node.rel in PURPOSE_RELS
    return False


def with_purpose(status: str, date: str | None, sentence: Sentence, trigger: DocToken) -> tuple[str, str | None]:
    """An occurred status and its date turned to planned (undated) in a purpose clause."""
    if status == "occurred" and in_purpose_clause(sentence, trigger):
        return "planned", None
    return status, date
