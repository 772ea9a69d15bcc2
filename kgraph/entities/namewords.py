"""Which words of a person span are the name: titles, places, pronouns and glued sentences left out.

natasha's PER spans sometimes take in a title or a word that is no name at all
("Племянник Алишера Усманова", "Уважаемый Владимир Владимирович", "Да. В.Путин",
"Оппозиционер", "Вами"). :func:`name_tokens` keeps the tokens that name the person:

- a span glued across a sentence or paragraph break keeps its piece with the most name words;
- leading words that are common words (a role noun, an adjective or participle,
  a verb), lowercase words and punctuation go;
- what is left must not be one common word or a pronoun: a bare role word
  ("Канцлер", "Оппозиционер") is never a name.

A word is common when pymorphy2 knows it and none of its parses is a name, a place
or an organization, and each is either not a noun or an animate noun ("министр",
"подруга"); "Макрон" (an inanimate noun too) and "Си" stay names.

>>> is_common_word("Оппозиционер"), is_common_word("Макрон"), is_common_word("Путин")
(True, False, False)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from ..lexicons import words
from ..nlp import DocToken, morph_vocab

__all__ = ["is_common_word", "is_name_word", "name_tokens"]

NAME_TAGS = ("Name", "Surn", "Patr")
PROPER_TAGS = (*NAME_TAGS, "Geox", "Orgn", "Abbr")
PUNCT = "()«»\"'•*-–—,;:"
BRACKETS = "[]{}"
# the endings of Russian surnames in any case: "Карасина", "Рябкову", "Маковского"
SURNAME_ENDINGS = (
    *(stem + ending for stem in ("ов", "ев", "ёв", "ин", "ын") for ending in ("", "а", "у", "ым", "ой", "е", "ы")),
    *("ский", "ского", "скому", "ским", "ская", "ской", "цкий", "цкого", "цкому", "цким", "цкая", "цкой"),
)


@lru_cache(maxsize=8192)
def is_common_word(word: str) -> bool:
    """A word pymorphy2 knows only as a common word: "Министр", "Уважаемый", "Вами", "Погружаюсь".

    A word shaped like a surname ("Карасин", "Рябков", "Маковского") is never common, nor one
    pymorphy2 also reads as a short or possessive adjective or a plural noun, as it reads surnames.
    """
    morph = morph_vocab()
    lower = word.lower()
    if (not word.isalpha() and "-" not in word) or lower.endswith(SURNAME_ENDINGS) or not morph.word_is_known(lower):
        return False
    for parse in morph.parse(lower):
        tag = parse.tag
        if any(t in tag for t in PROPER_TAGS) or tag.POS in ("ADJS", "NUMR") or "Poss" in tag:
            return False
        if tag.POS == "NOUN" and ("inan" in tag or "plur" in tag):
            return False
    return True


@lru_cache(maxsize=8192)
def is_name_word(word: str) -> bool:
    """A word pymorphy2 parses as a first name, surname or patronymic, or an initial: "Юрий", "Песков", "В."."""
    if len(word.rstrip(".")) == 1 and word[:1].isupper():
        return True
    return any(any(t in p.tag for t in NAME_TAGS) for p in morph_vocab().parse(word.lower()))


def _is_word(token: DocToken) -> bool:
    return any(c.isalpha() for c in token.text)


def _pieces(tokens: Sequence[DocToken], text: str) -> list[list[DocToken]]:
    """The span cut at paragraph breaks and at sentence ends ("Да. В.Путин"), not after initials ("Н.Орлова")."""
    pieces: list[list[DocToken]] = [[]]
    for i, token in enumerate(tokens):
        if pieces[-1] and "\n" in text[pieces[-1][-1].stop : token.start]:
            pieces.append([])
        pieces[-1].append(token)
        if token.text in ".!?" and i > 0 and i + 1 < len(tokens):
            before = tokens[i - 1].text
            initial = len(before) == 1 and before.isupper()
            if not initial and token.stop < tokens[i + 1].start:
                pieces.append([])
    return [p for p in pieces if any(_is_word(t) for t in p)]


def name_tokens(
    tokens: Sequence[DocToken],
    text: str,
    is_place: Callable[[str], bool] | None = None,
) -> list[DocToken]:
    """The tokens of a PER span that name the person; ``text`` is the article's text and
    ``is_place`` tells a country or organization name ("Гвинея-Бисау Умару Эмбало").

    An empty list when the span names nobody: a pronoun, a role word alone.
    """
    pieces = _pieces([t for t in tokens if t.text not in BRACKETS], text)
    if not pieces:
        return []
    if len(pieces) > 1:
        # the piece with the most name words; of two, the fuller: "Джо Арпайо / Джозеф Арпайо"
        pieces.sort(key=lambda p: (-sum(is_name_word(t.text) for t in p if _is_word(t)), -sum(len(t.text) for t in p)))
    kept = list(pieces[0])
    while kept and (not _is_word(kept[0]) or kept[0].text in PUNCT):
        kept.pop(0)
    while len(kept) > 1 and _is_word(kept[1]) and _not_a_name(kept[0].text, is_place, len(kept) - 1):
        kept.pop(0)
    while kept and kept[-1].text in PUNCT and kept[-1].text not in ")":
        kept.pop()
    named = [t for t in kept if _is_word(t)]
    if not named or (len(named) == 1 and (named[0].pos == "PRON" or is_common_word(named[0].text))):
        return []
    return kept


def _not_a_name(word: str, is_place: Callable[[str], bool] | None, rest: int) -> bool:
    """A span's leading word that is no part of the name: a title, an adjective, a country
    before a full name ("Гвинея-Бисау Умару Эмбало", not "Доминика Стросс-Кана")."""
    if word[:1].islower():
        return word not in words("name_particles.tsv")
    if is_common_word(word):
        return True
    return rest > 1 and is_place is not None and is_place(word) and not is_name_word(word)
