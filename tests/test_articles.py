"""Readers: Interfax text, JSONL, plain text, folders, stdin; header and dateline."""
from __future__ import annotations

import io
import json
from datetime import date

import pytest

from kgraph.articles import Skipped, article_from_text, parse_dateline, parse_header, read_articles, read_path

INTERFAX = (
    " date 2026-02-04 Путин и Си Цзиньпин продолжили общение\n\n"
    "Москва. 4 февраля. INTERFAX.RU - Президент РФ Владимир Путин и председатель КНР "
    "Си Цзиньпин продолжили общение.\n\nВторой абзац."
)


@pytest.mark.parametrize("line, expected", [
    (" date 2026-02-04 Путин и Си Цзиньпин", (date(2026, 2, 4), "Путин и Си Цзиньпин")),
    ("date 2025-09-01 Заголовок", (date(2025, 9, 1), "Заголовок")),
    ("Москва. 4 февраля. INTERFAX.RU - текст", None),
    ("", None),
])
def test_parse_header(line, expected):
    assert parse_header(line) == expected


def test_parse_header_rejects_an_impossible_date():
    with pytest.raises(ValueError, match="impossible date"):
        parse_header(" date 2026-02-31 Заголовок")


@pytest.mark.parametrize("body, city, agency, rest", [
    ("Москва. 4 февраля. INTERFAX.RU - Президент РФ", "Москва", "INTERFAX.RU", "Президент РФ"),
    ("Нур-Султан. 1 марта 2020 года. INTERFAX - Текст", "Нур-Султан", "INTERFAX", "Текст"),
    ("Санкт-Петербург. 12 мая. ИНТЕРФАКС – Текст", "Санкт-Петербург", "ИНТЕРФАКС", "Текст"),
])
def test_parse_dateline(body, city, agency, rest):
    assert parse_dateline(body) == (city, agency, rest)


@pytest.mark.parametrize("body", [
    "Президент РФ Владимир Путин встретился с Си Цзиньпином.",
    "В Москве. Путин сказал - да.",
])
def test_no_dateline_in_plain_text(body):
    assert parse_dateline(body) is None


def test_interfax_text_becomes_metadata_and_clean_body():
    article = article_from_text(INTERFAX, "a1")
    assert article.date == date(2026, 2, 4)
    assert article.title == "Путин и Си Цзиньпин продолжили общение"
    assert article.dateline == "Москва"
    assert article.agency == "INTERFAX.RU"
    assert article.text.startswith("Президент РФ Владимир Путин")
    assert "INTERFAX" not in article.text and "date 2026" not in article.text


def test_crlf_and_bom_are_normalised():
    article = article_from_text("\ufeff" + INTERFAX.replace("\n", "\r\n"), "a1")
    assert article.date == date(2026, 2, 4)
    assert "\r" not in article.text


def test_plain_txt_without_header_takes_its_id_from_the_file_name(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Путин встретился с Си Цзиньпином.", encoding="utf-8")
    (article,) = read_path(path)
    assert (article.id, article.date, article.text) == ("note", None, "Путин встретился с Си Цзиньпином.")


def test_jsonl_reads_fields_and_ignores_unknown_ones(tmp_path):
    path = tmp_path / "a.jsonl"
    records = [
        {"id": "x1", "text": "Текст.", "date": "2025-04-21", "title": "Т", "url": "http://e/1", "gold": [1]},
        {"id": 7, "text": "Без даты."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n", encoding="utf-8")
    first, second = read_path(path)
    assert (first.id, first.date, first.title, first.url) == ("x1", date(2025, 4, 21), "Т", "http://e/1")
    assert (second.id, second.date) == ("7", None)


@pytest.mark.parametrize("line, reason", [
    ("{broken", "broken JSON"),
    ('{"id": "a"}', 'no "text"'),
    ('{"text": "т"}', 'no "id"'),
    ('{"id": "a", "text": "т", "date": "2025-13-01"}', "impossible date"),
    ("[1, 2]", "JSON object"),
])
def test_a_bad_jsonl_line_is_skipped_with_its_line_number(tmp_path, line, reason):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "ok1", "text": "Да."}\n' + line + '\n{"id": "ok2", "text": "Да."}\n', encoding="utf-8")
    items = list(read_path(path))
    assert [a.id for a in items if not isinstance(a, Skipped)] == ["ok1", "ok2"]
    (skip,) = [s for s in items if isinstance(s, Skipped)]
    assert skip.origin == f"{path}:2" and reason in skip.reason


def test_folders_are_read_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(INTERFAX, encoding="utf-8")
    (tmp_path / "one.txt").write_text("Текст.", encoding="utf-8")
    (tmp_path / "skip.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "j", "text": "Т."}\n', encoding="utf-8")
    assert [a.id for a in read_articles([tmp_path])] == ["b/two", "j", "one"]


def test_several_paths_and_a_missing_one(tmp_path):
    (tmp_path / "one.txt").write_text("Текст.", encoding="utf-8")
    items = list(read_articles([tmp_path / "one.txt", tmp_path / "missing.txt"]))
    assert items[0].id == "one"
    assert isinstance(items[1], Skipped) and "no such file" in items[1].reason


@pytest.mark.parametrize("data, ids", [
    (INTERFAX, ["stdin"]),
    ('{"id": "s1", "text": "Т."}\n{"id": "s2", "text": "Т."}\n', ["s1", "s2"]),
])
def test_stdin(monkeypatch, data, ids):
    monkeypatch.setattr("sys.stdin", io.StringIO(data))
    assert [a.id for a in read_path("-")] == ids
