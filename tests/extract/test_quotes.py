"""Quotation marks in running text."""
from __future__ import annotations

import pytest

from kgraph.extract.quotes import (
    clean_quote,
    inside,
    paragraph_bounds,
    quote_regions,
    unquote,
)


@pytest.mark.parametrize("text, expected", [
    ('«Разговор продолжается», - сказал Песков.', ["Разговор продолжается"]),
    ('«Смерть Егора, “Нам надоело”», – сказал он.', ["Смерть Егора, “Нам надоело”"]),
    ('Он сказал «а «б» в» и ушел.', ["а «б» в"]),
    ('Он сказал "а, б" и ушел.', ["а, б"]),
    ('«Незакрытая цитата\nи новый абзац»', []),
    ('«Мы готовы.\nНо ждём ответа», — сказал он.', ["Мы готовы.\nНо ждём ответа"]),
    ('«Мы готовы.\n— Но ждём ответа», — сказал он.', ["Мы готовы.\n— Но ждём ответа"]),
    ('«Мы готовы.\n\nНо ждём ответа»', []),
    ('"Мы готовы.\nНо ждём ответа"', []),
    ('партии «Яблоко» и «Единая Россия»', ["Яблоко", "Единая Россия"]),
    ('рост на 5" и "падение"', ["падение"]),
])
def test_quote_regions(text, expected):
    assert [text[a:b] for a, b in quote_regions(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("«Мы готовы»", "Мы готовы"),
    ("«а» и «б»", "«а» и «б»"),
    ("  не в кавычках ", "не в кавычках"),
])
def test_unquote(text, expected):
    assert unquote(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("«Мы готовы», ", "Мы готовы"),
    (" - Разговор продолжается, -", "Разговор продолжается"),
    ("супруга «содержат в спецблоке»", "супруга «содержат в спецблоке»"),
    ("в спецблоке»", "в спецблоке"),
])
def test_clean_quote(text, expected):
    assert clean_quote(text) == expected


def test_paragraph_bounds():
    text = "первый\nвторой абзац\nтретий"
    assert text[slice(*paragraph_bounds(text, 9))] == "второй абзац"


@pytest.mark.parametrize("text, word, expected", [
    ('Лавров сказал «мы готовы к диалогу».', "готовы", True),
    ('Лавров сказал «мы готовы к диалогу».', "Лавров", False),
    ('«Одна фраза. И вторая», - сказал он.', "вторая", True),
    ('«Незакрытая цитата и Лавров', "Лавров", False),
])
def test_inside(text, word, expected):
    assert inside(quote_regions(text), text.index(word)) is expected
