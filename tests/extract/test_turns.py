"""Transcript turn marks: who speaks from where."""
from __future__ import annotations

import pytest

from kgraph.entities.resolve import resolve_entities
from kgraph.extract.turns import turn_marks
from kgraph.model import Article
from kgraph.nlp import analyze


def _marks(text: str) -> list[tuple[str, str | None]]:
    index = resolve_entities(analyze(text), Article(id="t", text=text))
    return [(text[m.start:m.begin].strip(), m.speaker.name if m.speaker else None) for m in turn_marks(text, index)]


@pytest.mark.parametrize("text, expected", [
    ("В.Путин: Добрый день! Е.Солнцев: Да.", [("В.Путин:", "Владимир Путин"), ("Е.Солнцев:", "Е.Солнцев")]),
    ("* * * Начало переговоров в узком формате В.Путин: Уважаемый Эмомали Шарипович!",
     [("В.Путин:", "Владимир Путин")]),
    ("Спасибо. У.Хурэлсух (как переведено): Благодарю, уважаемый Президент.",
     [("У.Хурэлсух (как переведено):", "Ухнаагийн Хурэлсух")]),  # the reference KB knows him
    ("Мустафа Джемилев: Да.\nРадио Свобода: Какова была реакция?",
     [("Мустафа Джемилев:", "Мустафа Джемилев"), ("Радио Свобода:", None)]),
    ("Спасибо.\nЛи Цян (как переведено): Благодарю вас.\nАнна Лис: Добро пожаловать.",
     [("Ли Цян (как переведено):", "Ли Цян"), ("Анна Лис:", "Анна Лис")]),
    ("Путин сказал журналистам (в Кремле): переговоры продолжатся.", []),
    ("Путин сказал журналистам: переговоры продолжатся.", []),
    ("Результаты: 1. Михаил Саакашвили — 52,1 %", []),
    ("В.Путин: Скажу главное. Во-первых: работа идёт.", [("В.Путин:", "Владимир Путин")]),
])
def test_turn_marks(text, expected):
    assert _marks(text) == expected
