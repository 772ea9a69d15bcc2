"""Person names: patronymics, surnames, initials, the fullest form.

>>> drop_patronymic("Владимир Владимирович Путин")
'Владимир Путин'
>>> surname_key("В.Путин")
'путин'
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["drop_patronymic", "surname_key", "is_initialed", "fullest_name", "fold"]

PATRONYMIC = re.compile(r"^[А-ЯЁ][а-яё]+(?:ович|евич|ич|овна|евна|ична|инична)$")
INITIAL = re.compile(r"^(?:[А-ЯЁA-Z]\.\s*)+")


def fold(text: str) -> str:
    """Lowercase with ё as е, for comparing names: "Пётр" == "петр"."""
    return text.lower().replace("ё", "е")


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
