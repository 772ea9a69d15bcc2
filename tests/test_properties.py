"""Property-based tests: no text breaks the readers, the HTML stripper or the extractors.

Any Unicode text or bytes through the readers gives Articles or Skipped, never an
exception; any Russian-ish text through :func:`kgraph.pipeline.process` gives
well-formed relations. Examples are derandomized (the same ones in every run, so
CI does not fail at random) and few, so the module runs in well under a minute;
``--hypothesis-seed`` with a larger ``max_examples`` explores further.
"""
from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kgraph.articles import ArticleError, Skipped, article_from_text, read_path, read_text
from kgraph.decoding import NotText, decode_text
from kgraph.markup import html_to_text
from kgraph.model import MODES, STATUSES, Article

FAST = settings(max_examples=300, deadline=None, derandomize=True)
SLOW = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
RELATIONS = {"met_with", "visited", "said"}
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def well_formed(item) -> bool:
    """An Article with clean text, or a Skipped with a one-line reason."""
    if isinstance(item, Skipped):
        return bool(item.reason) and "\n" not in item.reason and "\n" not in item.origin
    return (isinstance(item, Article) and isinstance(item.id, str) and "\r" not in item.text
            and item.text == item.text.strip() and bool(item.text))


@FAST
@given(st.text())
@example(" date 2026-02-31 Заголовок\n\nТекст")
@example("<p>Москва. 4 февраля. INTERFAX.RU - </p><script>")
@example("\ufeff\r\n\r date 9999-12-31 \u2028")
def test_any_text_is_an_article_or_a_documented_error(text):
    try:
        article = article_from_text(text, "a")
    except ArticleError as error:
        assert "impossible date" in error.reason
    else:
        assert "\r" not in article.text and article.text == article.text.strip()
    assert well_formed(read_text(text, "a", "a.txt"))


@FAST
@given(st.text())
@example("<![if x]>")
@example("<script><!--")
@example("&#x110000; &#0; <p/x>")
def test_any_text_goes_through_the_html_stripper(text):
    out = html_to_text(text)
    assert out == out.strip() and "\n\n\n" not in out


@FAST
@given(st.binary())
def test_any_bytes_decode_to_text_or_a_reason(data):
    try:
        text = decode_text(data)
    except NotText as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert isinstance(text, str)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
RECORDS = st.fixed_dictionaries(
    {"id": JSON_VALUES, "text": st.text() | JSON_VALUES},
    optional={"date": st.dates().map(str) | st.text(max_size=12) | JSON_VALUES, "title": JSON_VALUES},
)
JSONL_LINES = (
    RECORDS.map(lambda r: json.dumps(r, ensure_ascii=False))
    | RECORDS.map(json.dumps)
    | st.text().filter(lambda line: "\n" not in line)
)


def read_file(name: str, data: bytes) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_path(path))


@FAST
@given(JSONL_LINES)
@example('{"id": "a", "text": "Т.", "date": "2025-02-30"}')
@example('{"id": 1e400, "text": "Т."}')
@example('{"id": "a", "text": "' + "Т" * 10 + '"' + "}" * 3)
def test_any_jsonl_line_is_an_article_or_a_skip_with_its_line_number(line):
    items = read_file("a.jsonl", ('{"id": "ok", "text": "Да."}\n' + line + "\n").encode("utf-8"))
    assert items[0].id == "ok"
    assert len(items) == (2 if line.strip() else 1)
    assert all(well_formed(item) for item in items)
    if isinstance(items[-1], Skipped) and line.strip():
        assert items[-1].origin.endswith("a.jsonl:2")


@FAST
@given(st.binary(), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.dat"]))
def test_any_bytes_in_any_file_are_articles_or_skips(data, name):
    assert all(well_formed(item) for item in read_file(name, data))


# Russian-ish text: the words, names, punctuation and layout extractors react to.
WORDS = st.sampled_from([
    "Путин", "Владимир Путин", "Си Цзиньпин", "Си Цзиньпином", "Лавров", "Сергей Лавров", "Песков",
    "Дмитрий Песков", "Эрдоган", "Моди", "президент", "Президент РФ", "председатель КНР",
    "министр иностранных дел", "встретился", "встретятся", "встреча", "провел переговоры",
    "переговоры", "телефонный разговор", "по видеосвязи", "заявил", "сказал", "сообщил",
    "посетил", "посетит", "визит", "прибыл", "в Пекин", "в Москву", "Китай", "России", "с", "и",
    "не", "может", "что", "в", "на", "4 февраля", "2026 года", "в прошлом году", "вчера",
    "в понедельник", "Москва. 4 февраля. INTERFAX.RU -", "он", "они", "стороны", "обсудили",
])
PUNCTUATION = st.sampled_from([
    " ", " ", " ", ", ", ". ", ": ", " — ", " – ", " - ", "«", "»", '"', "„", "“", "!", "?", "\n",
    "\n\n", "(", ")", ";", "...", "…", "1", "12", "2025", "10.02.2026", "%",
])
RUSSIANISH = st.lists(st.one_of(WORDS, WORDS, PUNCTUATION), min_size=1, max_size=40).map("".join)


@pytest.fixture(scope="module")
def process():
    from kgraph.pipeline import process

    process(Article(id="warm", text="Путин встретился с Си Цзиньпином."))  # load natasha once, outside the examples
    return process


def assert_well_formed_relations(result, text: str) -> None:
    for relation in result.relations():
        assert relation["relation"] in RELATIONS
        assert relation["status"] in STATUSES
        assert relation.get("mode", "unknown") in MODES
        assert relation["date"] is None or ISO_DATE.fullmatch(relation["date"])
        assert isinstance(relation["subject"], str) and relation["subject"].strip()
        assert isinstance(relation["object"], str) and relation["object"].strip()
        assert relation["evidence"] and relation["evidence"] in text


@SLOW
@given(text=RUSSIANISH, day=st.none() | st.dates(min_value=date(1991, 1, 1), max_value=date(2030, 12, 31)))
@example(text="Путин встретился с Си Цзиньпином.", day=date(2026, 2, 4))
@example(text="«Мы встретимся», — сказал Путин: «Си Цзиньпин прибыл в Москву».", day=None)
@example(text="Путин\n\n\n\n— : «»", day=None)
def test_any_russianish_text_gives_well_formed_relations(process, text, day):
    assert_well_formed_relations(process(Article(id="p", text=text, date=day)), text)


@SLOW
@given(st.text(min_size=1) | st.lists(st.one_of(WORDS, st.text(max_size=3)), max_size=20).map(" ".join))
@example(" ")
@example("\u200b")
@example("Путин\x00встретился\ud7ff с\U0001f600 Си.")
@example("Владимир Пу𗀀тин встретился с 𗀀 Си.")  # Tangut letters have no Unicode name: pymorphy2 raised ValueError
def test_any_unicode_text_gives_well_formed_relations(process, text):
    assert_well_formed_relations(process(Article(id="u", text=text)), text)
