"""Person names: patronymics, surnames, initials, the fullest form.

>>> drop_patronymic("Владимир Владимирович Путин")
'Владимир Путин'
>>> surname_key("В.Путин")
'путин'
>>> surname_stem("Руденей") == surname_stem("Руденя")
True
>>> clean_person_name("Джоэл Саймон (Joel Simon)")
'Джоэл Саймон'
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "drop_patronymic", "surname_key", "surname_stem", "is_initialed", "is_patronymic", "fullest_name",
    "fold", "clean_person_name",
]

PATRONYMIC = re.compile(r"^[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)$")
INITIAL = re.compile(r"^(?:[А-ЯЁA-Z]\.\s*)+")
PARENTHESES = re.compile(r"\s*\([^)]*\)?")
LATIN = re.compile(r"^[A-Za-z][A-Za-z.'’-]*$")
# case endings a surname may carry, longest first: "Руденей", "Лавровым", "Пескова"
ENDINGS = ("ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ым", "им", "ую", "юю",
           "а", "я", "у", "ю", "е", "ы", "и")
MIN_STEM = 3


def fold(text: str) -> str:
    """Lowercase with ё as е, for comparing names: "Пётр" == "петр"."""
    return text.lower().replace("ё", "е")


def clean_person_name(name: str) -> str:
    """A person's name without a parenthesized original, Latin words beside Cyrillic ones and
    a doubled word: "Джоэл Саймон (Joel Simon)" -> "Джоэл Саймон", "Кирилл Кирилл" -> "Кирилл"."""
    words = PARENTHESES.sub(" ", name).split()
    if any(not LATIN.match(w) for w in words):
        words = [w for w in words if not LATIN.match(w)]
    out: list[str] = []
    for word in words:
        if not out or fold(word) != fold(out[-1]):
            out.append(word)
    return " ".join(out)


def surname_stem(word: str) -> str:
    """A surname without its case ending, for grouping inflected mentions:
    "Лавровым", "Лаврова" -> "лавров"; "Руденей", "Руденя" -> "руден"; "Си" stays "си"."""
    word = fold(word)
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def is_patronymic(word: str) -> bool:
    """"Владимирович", "Альфредовна"."""
    return bool(PATRONYMIC.match(word))


def drop_patronymic(name: str) -> str:
    """"Владимир Владимирович Путин" -> "Владимир Путин"; two words stay as they are."""
    words = name.split()
    if len(words) == 3 and PATRONYMIC.match(words[1]):
        return f"{words[0]} {words[2]}"
    return name


def is_initialed(name: str) -> bool:
    """"В.Путин", "В. В. Путин": initials instead of a first name."""
    return bool(INITIAL.match(name))


def surname_key(name: str) -> str:
    """The folded last word, without initials: "В.Путин" -> "путин"."""
    name = INITIAL.sub("", name.strip())
    words = name.split()
    return fold(words[-1]) if words else ""


def fullest_name(forms: Iterable[str]) -> str:
    """The canonical form among a person's names in one article.

    First name + surname beats surname alone and initials; the most frequent
    wins among equals, then the first seen:
    ["Путин", "Владимир Путин", "В.Путин"] -> "Владимир Путин".
    """
    forms = [drop_patronymic(" ".join(f.split())) for f in forms]
    counts: dict[str, int] = {}
    for form in forms:
        counts[form] = counts.get(form, 0) + 1

    def rank(form: str) -> tuple[int, int, int]:
        words = len(form.split())
        full = 0 if is_initialed(form) else min(words, 2)
        return (full, counts[form], -forms.index(form))

    return max(counts, key=rank)
