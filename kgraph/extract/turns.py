"""Transcript turn marks: "В.Путин: Добрый день! Берл Лазар: Я как раз ..." (kremlin.ru).

A mark is a speaker's name before a colon. Initials and a surname right before the
colon always make one, even after a heading the scraper glued on ("... в узком
формате В.Путин:", "У.Хурэлсух (как переведено):"); a full name must stand alone
from a paragraph's start or a sentence's end, in capitalized words, a remark in
brackets after it ("Мустафа Джемилев:", "Ли Цян (как переведено):",
"Патриарх Кирилл Кирилл Патриарх Московский и всея Руси:"). A mark
that names an organization ("Голос Америки:") ends the turn before it and opens
none; "Результаты:" or "Во-первых:" is no mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..entities.resolve import EntityIndex
from ..model import Entity, EntityType

__all__ = ["TurnMark", "turn_marks"]

# "В.Путин:" or "У.Хурэлсух (как переведено):" right before a colon
INITIALED = re.compile(r"(?<![\w.])((?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?:\s*\([^()]{0,40}\))?\s*\Z")
REMARK = re.compile(r"\s*\([^()]{0,40}\)\s*\Z")
BOUNDARY = re.compile(r"[.!?…>»)]\s+")
COLON = re.compile(r":\s")
MAX_WORDS = 9  # "Патриарх Кирилл Кирилл Патриарх Московский и всея Руси:"
MAX_LOWERCASE = 4  # "и", "всея", "де", "фон" may sit inside a name


@dataclass(frozen=True)
class TurnMark:
    """Where a mark starts, where its turn's words begin, and who speaks (None: nobody named)."""

    start: int
    begin: int
    speaker: Entity | None


def turn_marks(text: str, entities: EntityIndex) -> list[TurnMark]:
    """The turn marks of an article, in text order: for "В.Путин: Добрый день!" one mark
    at 0 whose turn begins at 9, spoken by the article's (or the KB's) Владимир Путин."""
    marks = []
    for colon in COLON.finditer(text):
        mark = _mark_before(text, colon.start(), entities)
        if mark is not None:
            marks.append(TurnMark(mark[0], colon.end(), mark[1]))
    return marks


def _mark_before(text: str, colon: int, entities: EntityIndex) -> tuple[int, Entity | None] | None:
    initialed = INITIALED.search(text, max(0, colon - 80), colon)
    if initialed is not None:
        return initialed.start(), entities.person(initialed.group(1))
    line_start = text.rfind("\n", 0, colon) + 1
    start = line_start
    for match in BOUNDARY.finditer(text, line_start, colon):
        start = match.end()
    while start < colon and not text[start].isalpha():  # "* * * Мустафа Джемилев:"
        start += 1
    remark = REMARK.search(text, start, colon)  # "Ли Цян (как переведено):"
    stop = remark.start() if remark is not None else colon
    stretch = text[start:stop]
    words = stretch.split()
    if not words or len(words) > MAX_WORDS or not stretch[:1].isupper():
        return None
    if any(not w[:1].isalpha() or (not w[:1].isupper() and len(w) > MAX_LOWERCASE) for w in words):
        return None
    named = entities.within(start, stop)
    people = [e for _, _, e in named if e.type == EntityType.PER]
    if people:
        return start, people[0]
    if named and named[0][0] == start:  # "Голос Америки:", not "Результаты:" or "Во-первых:"
        return start, None
    return None
