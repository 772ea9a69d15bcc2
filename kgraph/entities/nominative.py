"""Person names in the nominative where natasha's span normalization leaves them inflected.

natasha normalizes a name through the agreement of its words and gives up on
names pymorphy2 does not know ("Нарендрой Моди", "Игорем Руденей" -> "Игорь
Руденей"). :func:`nominative_words` fixes each word that is still in an oblique
case, by pymorphy2's Name/Surn/Patr parses (through natasha's MorphVocab) or
else by the instrumental ending:

>>> nominative_words(["Нарендрой", "Моди"], ["Ins", "Ins"])
['Нарендра', 'Моди']
>>> nominative_words(["Ухнагийн", "Хурэлсухом"], ["Ins", "Ins"])
['Ухнагийн', 'Хурэлсух']

Words are parsed once per process (an LRU cache), and only names natasha
failed on are parsed at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..nlp import morph_vocab

__all__ = ["nominative_word", "nominative_words"]

NAME_TAGS = ("Name", "Surn", "Patr")
VOWELS = "аеёиоуыэюяь"
CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
# instrumental endings of names pymorphy2 does not know: "Хурэлсухом" -> "Хурэлсух", "Руденей" -> "Руденя"
INSTRUMENTAL = (("ом", ""), ("ем", ""), ("ой", "а"), ("ей", "я"))
# a man's adjectival surname pymorphy2 does not know, in an oblique case: "Маковского" -> "Маковский"
ADJECTIVAL = {
    "Gen": (("ского", "ский"), ("цкого", "цкий")),
    "Acc": (("ского", "ский"), ("цкого", "цкий")),
    "Dat": (("скому", "ский"), ("цкому", "цкий")),
    "Ins": (("ским", "ский"), ("цким", "цкий")),
    "Loc": (("ском", "ский"), ("цком", "цкий")),
}


def nominative_words(
    words: list[str], cases: Sequence[str | None], genders: Sequence[str | None] | None = None
) -> list[str]:
    """Each word of a name in the nominative; ``cases`` and ``genders`` are natasha's feats of the words."""
    genders = genders or [None] * len(words)
    return [nominative_word(word, case, gender) for word, case, gender in zip(words, cases, genders, strict=False)]


@lru_cache(maxsize=4096)
def nominative_word(word: str, case: str | None, gender: str | None = None) -> str:
    """One capitalized name word in the nominative: ("Додиком", "Ins") -> "Додик".

    A word pymorphy2 parses as a name only in oblique cases is inflected even when
    natasha tagged it Nom ("Таджуддином"); other words are left as written.
    """
    if not word[:1].isupper() or not word.isalpha() or not _cyrillic(word):
        return word
    parses = [p for p in morph_vocab().parse(word) if any(t in p.tag for t in NAME_TAGS)]
    parses = [p for p in parses if "sing" in p.tag]
    if case in (None, "Nom"):  # natasha's Nom is wrong on names it does not know: "Таджуддином"
        if any("nomn" in p.tag for p in parses):
            return word
        chosen = [p for p in parses if "ablt" in p.tag]
    else:
        chosen = [p for p in parses if CASES.get(case, "-") in p.tag]
    for parse in chosen:
        inflected = parse.inflect({"Nom"})
        if inflected is not None:
            return _like(word, inflected.word)
    if case == "Ins":
        for ending, replacement in INSTRUMENTAL:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                return word[: -len(ending)] + replacement
    if case == "Gen" and word[-2:-1] not in VOWELS:
        if gender == "Masc" and word.endswith("а"):
            return word[:-1]  # "Мэтью Брайза" -> "Брайз"
        if word.endswith("ы"):
            return word[:-1] + "а"  # "Сейджи Маехары" -> "Маехара"
    if parses:
        return word
    # names pymorphy2 knows no name reading of
    for ending, replacement in ADJECTIVAL.get(case or "", ()):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + replacement  # "Константина Маковского" -> "Маковский"
    if case in ("Gen", "Acc") and word[-2:-1] not in VOWELS:
        if case == "Acc" and gender == "Masc" and word.endswith("а"):
            return word[:-1]  # "Паноса Камменоса" (accusative) -> "Камменос"
        if case == "Gen" and word.endswith("и") and word[-2:-1] in "гкхжшчщ":
            return word[:-1] + "а"  # "Олега Дерипаски" -> "Дерипаска"
        if case == "Acc" and word.endswith("у"):
            return word[:-1] + "а"  # "Рухоллу Мусави Хомейни" -> "Рухолла"
    return word


def _cyrillic(word: str) -> bool:
    return any("а" <= c.lower() <= "я" or c in "ёЁ" for c in word)


def _like(original: str, word: str) -> str:
    """``word`` with the capitalization of ``original``: ("Додиком", "додик") -> "Додик"."""
    return word[:1].upper() + word[1:] if original[:1].isupper() else word
