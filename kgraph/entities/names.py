"""Person names: patronymics, surnames, initials, cleaning (the canonical form is :mod:`.people`'s).

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

from ..model import fold

__all__ = [
    "clean_person_name",
    "drop_patronymic",
    "fold",
    "is_initialed",
    "is_patronymic",
    "natural_order",
    "surname_key",
    "surname_start",
    "surname_stem",
]

# a patronymic in any case: "Владимирович", "Владимировичем", "Иосифовна", "Иосифовне"
PATRONYMIC = re.compile(r"^[А-ЯЁ][а-яё]+(?:(?:ович|евич|ич)(?:а|у|ем|е)?|(?:овн|евн|ичн|иничн)(?:а|ы|е|у|ой))$")
INITIAL = re.compile(r"^(?:[А-ЯЁA-Z]\.\s*)+")
# brackets an editor put into a name: "Юрий] Ушаков", "[Патриархом Кириллом"
BRACKETS = re.compile(r"[\[\]{}<>•*]")
PARENTHESES = re.compile(r"\s*\([^)]*\)?")
LATIN = re.compile(r"^[A-Za-z][A-Za-z.'’-]*$")
# case endings a surname may carry, longest first: "Руденей", "Лавровым", "Пескова"
ENDINGS = (
    "ого",
    "его",
    "ому",
    "ему",
    "ыми",
    "ими",
    "ий",
    "ой",
    "ей",
    "ом",
    "ем",
    "ым",
    "им",
    "ую",
    "юю",
    "а",
    "я",
    "у",
    "ю",
    "е",
    "ы",
    "и",
    "ь",
    "й",
)
MIN_STEM = 3


def clean_person_name(name: str) -> str:
    """A person's name without a parenthesized original, Latin words beside Cyrillic ones and
    a doubled word: "Джоэл Саймон (Joel Simon)" -> "Джоэл Саймон", "Кирилл Кирилл" -> "Кирилл"."""
    words = BRACKETS.sub(" ", PARENTHESES.sub(" ", name)).split()
    if any(not LATIN.match(w) for w in words):
        words = [w for w in words if not LATIN.match(w)]
    out: list[str] = []
    for word in words:
        if not out or fold(word) != fold(out[-1]):
            out.append(word)
    return " ".join(out)


def surname_stem(word: str) -> str:
    """A surname without its case ending, for grouping inflected mentions:
    "Лавровым", "Лаврова" -> "лавров"; "Руденей", "Руденя" -> "руден"; "Си" stays "си";
    "Сергей", "Сергея" -> "серг"; "Скрипаль", "Скрипаля" -> "скрипал"."""
    word = fold(word)
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            word = word[: -len(ending)]
            if word[-1:] in "еи" and len(word) > MIN_STEM:  # "Сергея" -> "серге" -> "серг", as "Сергей"
                word = word[:-1]
            return word
    return word


def is_patronymic(word: str) -> bool:
    """ "Владимирович", "Альфредовна", "Иосифовне"."""
    return bool(PATRONYMIC.match(word))


def drop_patronymic(name: str) -> str:
    """ "Владимир Владимирович Путин" -> "Владимир Путин", "Марина Александровна де Энден" ->
    "Марина де Энден"; two words stay as they are."""
    words = name.split()
    if len(words) >= 3 and PATRONYMIC.match(words[1]):
        return " ".join([words[0], *words[2:]])
    return name


def natural_order(name: str) -> str:
    """A name in the order of a list of awardees, surname first, turned round:
    "Борисов Юрий Иванович" -> "Юрий Иванович Борисов"; other names stay."""
    words = name.split()
    if len(words) == 3 and PATRONYMIC.match(words[2]) and not PATRONYMIC.match(words[1]) and words[0][:1].isupper():
        return f"{words[1]} {words[2]} {words[0]}"
    return name


def surname_start(words: list[str], particles: frozenset[str] = frozenset()) -> int:
    """Where a name's surname begins: at its first particle ("Кристиан фон Беттихер" -> 1), else at
    its last word ("Владимир Путин" -> 1, "Путин" -> 0)."""
    for i, word in enumerate(words):
        if word in particles:
            return i
    return max(len(words) - 1, 0)


def is_initialed(name: str) -> bool:
    """ "В.Путин", "В. В. Путин": initials instead of a first name."""
    return bool(INITIAL.match(name))


def surname_key(name: str) -> str:
    """The folded last word, without initials: "В.Путин" -> "путин"."""
    name = INITIAL.sub("", name.strip())
    words = name.split()
    return fold(words[-1]) if words else ""
