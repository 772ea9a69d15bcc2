"""Which sentences are worth a syntax parse: each reader of the parse declares what it starts from.

The parser costs as much as the morphology tagger, and many sentences of a news
article can hold no meeting, visit, statement, name or mention to resolve ("Рост
ВВП составил 3 %."). Every construction that reads the tree starts from something
visible before the parse: a lemma of one of its word lists (a meeting noun, a
speech verb, a pronoun), a name NER found, or a mark (a quote, a colon). Each
reader declares those as a :class:`Need` next to its code (``PARSE_NEED``), and a
sentence with none of any reader's is left unparsed. A new construction widens the
set by itself when its words are lexicon data and its module declares the lexicon.

Skipping must not change the output: tests/test_parse_needs.py compares the
extraction of every sample article with and without it, and ``kgraph extract
--parse-all`` (no skip) and ``bench/throughput.py --parse-all`` let anyone compare
over a whole corpus. On news it saves little (most sentences name someone, and the
entities read those trees): see the README's speed section.

>>> from kgraph.nlp import analyze
>>> worth = Needs([Need(lexicons=("meeting.tsv",)), Need(spans=("PER",))])
>>> [worth(s) for s in analyze("Переговоры прошли в Кремле. Рост ВВП составил 3 %. Его обсудил Владимир Путин.").sents]
[True, False, True]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .lexicons import table
from .model import fold
from .nlp import lemma, morph_vocab

__all__ = ["Need", "Needs", "inflections"]


@dataclass(frozen=True)
class Need:
    """What makes a sentence worth parsing to one reader of the syntax tree: a token whose
    lemma is the first word of an entry of one of ``lexicons``, a NER name of one of the
    ``spans`` types, or a token that is one of the ``marks``."""

    lexicons: tuple[str, ...] = ()
    spans: tuple[str, ...] = ()
    marks: str = ""


class Needs:
    """The union of some readers' needs, as a test of one sentence.

    >>> worth = Needs([Need(marks="«»"), Need(lexicons=("speech.tsv",))])
    >>> "заявить" in worth.lemmas, "«" in worth.marks
    (True, True)
    """

    def __init__(self, needs: Iterable[Need]) -> None:
        needs = list(needs)
        self.lemmas = frozenset(row[0].split()[0] for need in needs for name in need.lexicons for row in table(name))
        self.spans = frozenset(kind for need in needs for kind in need.spans)
        self.marks = frozenset(mark for need in needs for mark in need.marks)
        self.forms = inflections(self.lemmas)

    def __call__(self, sent) -> bool:
        """Whether some reader needs the sentence's tree (a natasha sentence, morphology-tagged,
        its NER spans enveloped)."""
        if any(span.type in self.spans for span in sent.spans or ()):
            return True
        return any(token.text in self.marks or self.has_lemma(token) for token in sent.tokens)

    def has_lemma(self, token) -> bool:
        """Whether the token's lemma is one of :attr:`lemmas`, lemmatizing only the words the
        dictionary does not know: a known word has one of them only if it is one of their
        :attr:`forms` ("прибыли" of "прибыть")."""
        word = fold(token.text)
        if word in self.forms:
            return lemma(token) in self.lemmas
        return word.isalpha() and not _known(word) and lemma(token) in self.lemmas


def inflections(lemmas: Iterable[str]) -> frozenset[str]:
    """Every form of the words, as pymorphy's dictionary inflects them (ё as е).

    >>> {"встретились", "встречусь", "переговорах"} <= inflections(["встретиться", "переговоры"])
    True
    """
    morph = morph_vocab()
    out = set(lemmas)
    for word in lemmas:
        for parse in morph.parse(word):
            if fold(parse.normal_form) == word:
                out.update(fold(form.word) for form in parse.lexeme)
    return frozenset(out)


def _known(word: str) -> bool:
    return morph_vocab().word_is_known(word)
