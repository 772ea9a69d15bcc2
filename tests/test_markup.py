"""HTML to the text a reader sees: scripts and page furniture dropped, paragraphs kept."""
from __future__ import annotations

import pytest

from kgraph.markup import html_to_text, looks_like_html


@pytest.mark.parametrize("markup, text", [
    ("<p>Путин&nbsp;и Си</p><p>Второй&#160;абзац</p>", "Путин и Си\n\nВторой абзац"),
    ("<p>«союзное &laquo;строительство&raquo; &amp; торговля»</p>", "«союзное «строительство» & торговля»"),
    ("<div>Москва.<br>Путин</div>", "Москва.\nПутин"),
    ("<p>Путин\n   провел\tпереговоры</p>", "Путин провел переговоры"),
    ("<pre>а  б\nв</pre>", "а б в"),  # pre is not kept: news has none
    ("<p>а</p><script>var x = '<p>реклама</p>';</script><style>p{}</style><p>б</p>", "а\n\nб"),
    ("<nav><a href='/'>Главная</a></nav><p>Текст</p><footer>© 2026</footer>", "Текст"),
    ("<html><head><title>Заголовок</title><body><p>Текст</p>", "Текст"),  # <head> never closed
    ("<p>Текст<script>не закрыт", "Текст"),
    ("<p>a &bogus; &#xZZ; <!-- комментарий --> b</p>", "a &bogus; &#xZZ; b"),
])
def test_html_to_text(markup, text):
    assert html_to_text(markup) == text


@pytest.mark.parametrize("text, expected", [
    ("<p>Путин встретился с Си Цзиньпином.</p>", True),
    ("<!DOCTYPE html><title>t</title>", True),
    ("<div class='x'>Путин<br/>Си", True),
    ("Путин <b> сказал", False),  # one stray tag is not a page
    ("если x < y и y > z, то x < z", False),
    ("Путин встретился с Си Цзиньпином.", False),
])
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected
