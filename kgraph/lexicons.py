"""Word lists shipped as data files in ``kgraph/lexicon/``, read once.

A lexicon file is UTF-8 text, one entry a line, columns separated by tabs;
``#`` starts a comment. ``meeting.tsv``::

    # lemma	mode
    встретиться	in_person
    созвониться	phone
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .model import fold

__all__ = ["LEXICON_DIR", "mapping", "may_be", "openings", "plural", "table", "words"]

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``lexicon/NAME`` as tuples of stripped columns."""
    rows = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            rows.append(tuple(column.strip() for column in line.split("\t")))
    return tuple(rows)


@cache
def words(name: str) -> frozenset[str]:
    """The first column of a lexicon as a set: ``words("speech.tsv")``."""
    return frozenset(row[0] for row in table(name))


@cache
def mapping(name: str) -> dict[str, str]:
    """First column -> second column: ``mapping("meeting.tsv")["созвониться"] == "phone"``."""
    return {row[0]: row[1] if len(row) > 1 else "" for row in table(name)}


@cache
def openings(name: str, size: int = 3) -> frozenset[str]:
    """The first ``size`` letters of each entry's first word: a cheap test that a token
    may have one of the lexicon's lemmas before it is lemmatized ("встречались" and
    "встретиться" share "вст"; "примет" and "принять" share "при"). A consonant that
    alternates in the verb's stem gives a second opening: "писать" -> "пис", "пиш" ("пишет").

    >>> sorted(openings("speech.tsv") & {"пис", "пиш"})
    ['пис', 'пиш']
    """
    out = set()
    for row in table(name):
        opening = row[0].split()[0][:size]
        out.add(opening)
        if len(opening) == size and opening[-1] in _ALTERNATION:
            out.add(opening[:-1] + _ALTERNATION[opening[-1]])
    return frozenset(out)


# consonants alternating in a verb's present stem: писать/пишет, сказать/скажет, платить/плачу
_ALTERNATION = {"с": "ш", "з": "ж", "т": "ч", "д": "ж", "к": "ч", "г": "ж", "х": "ш"}


def may_be(token_text: str, name: str) -> bool:
    """Whether a word can be an inflected entry of the lexicon, judged by its opening."""
    return fold(token_text[:3]) in openings(name)


def plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian noun form that agrees with the number ``n``, after it.

    >>> [plural(n, "встреча", "встречи", "встреч") for n in (1, 3, 5, 11, 21, 22)]
    ['1 встреча', '3 встречи', '5 встреч', '11 встреч', '21 встреча', '22 встречи']
    """
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} {one}"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} {few}"
    return f"{n} {many}"
