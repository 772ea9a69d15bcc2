"""Readers: Interfax text, JSONL, plain text, folders, stdin; header and dateline."""
from __future__ import annotations

import codecs
import io
import json
import os
from datetime import date

import pytest

from kgraph.articles import (
    ArticleError,
    Skipped,
    article_from_text,
    check_text,
    parse_dateline,
    parse_header,
    read_articles,
    read_path,
    read_text,
)

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
    "Главная\n\nМосква. 4 февраля. INTERFAX.RU - Текст",  # a city does not span lines
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


@pytest.mark.parametrize("day, expected", [
    ("2025-09-14", date(2025, 9, 14)), ("2025-09-14T10:00:00+03:00", date(2025, 9, 14)),
    ("2025-09", None), ("2025", None), (" 2025-12 ", None),
])
def test_a_jsonl_date_may_be_a_month_or_a_year(tmp_path, day, expected):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Путин встретился с Си Цзиньпином.", "date": day}) + "\n",
                    encoding="utf-8")
    (article,) = read_path(path)
    assert not isinstance(article, Skipped), article
    assert article.date == expected


@pytest.mark.parametrize("line, reason", [
    ("{broken", "broken JSON"),
    ('{"id": "a"}', 'no "text"'),
    ('{"text": "т"}', 'no "id"'),
    ('{"id": "a", "text": "т", "date": "2025-13-01"}', "impossible date"),
    ('{"id": "a", "text": "т", "date": "2025-13"}', "impossible date"),
    ('{"id": "a", "text": "т", "date": "2025-02-30"}', "impossible date"),
    ('{"id": "a", "text": "т", "date": "вчера"}', "impossible date"),
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


class BytesStdin:
    """A stand-in for sys.stdin that, like the real one, has a binary ``buffer``."""

    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize("data, expected", [
    ("Путин встретился с Си Цзиньпином.".encode("cp1251"), "Путин встретился с Си Цзиньпином."),
    (codecs.BOM_UTF8 + '{"id": "s1", "text": "Т."}\n'.encode(), "Т."),
])
def test_stdin_bytes_are_decoded_like_files(monkeypatch, data, expected):
    monkeypatch.setattr("sys.stdin", BytesStdin(data))
    (article,) = read_path("-")
    assert article.text == expected


@pytest.mark.parametrize("data, reason", [(b"", "empty"), (b"\x00\x01\x02", "binary file (NUL bytes)")])
def test_unreadable_stdin_is_skipped(monkeypatch, data, reason):
    monkeypatch.setattr("sys.stdin", BytesStdin(data))
    (skip,) = read_path("-")
    assert skip == Skipped("<stdin>", skip.reason) and reason in skip.reason


@pytest.mark.parametrize("text, reason", [
    ("Путин встретился с Си Цзиньпином.", None),
    ("Путин", None),
    ("", "empty"),
    (" \n\t ", "empty"),
    ("12:30 — 14:45, +7 (495) 123-45-67", "no text: not a single letter"),
    ("Putin met Xi Jinping.", "no Cyrillic letters"),
    ("Путин " * 20, "too long: 120 characters (the limit is 100)"),
])
def test_check_text(text, reason):
    found = check_text(text, max_chars=100)
    assert found == reason if reason is None else reason in found


@pytest.mark.parametrize("text, reason", [
    (" date 2026-02-31 Заголовок\n\nТекст.", "impossible date 2026-02-31 in the header (line 1)"),
    (" date 2026-02-04 Заголовок\n\n", "empty"),
    ("Putin met Xi.", "no Cyrillic letters (kgraph reads Russian)"),
])
def test_read_text_gives_a_skip_where_article_from_text_raises_or_builds_nothing(text, reason):
    assert read_text(text, "a1", "a1.txt") == Skipped("a1.txt", reason)


def test_article_from_text_raises_an_article_error_for_an_impossible_date():
    with pytest.raises(ArticleError, match=r"a1\.txt: impossible date"):
        article_from_text(" date 2026-02-31 Заголовок\n\nТекст.", "a1", "a1.txt")


@pytest.mark.parametrize("text, html, expected", [
    ("<p>Путин встретился с Си Цзиньпином.</p><p>Второй абзац.</p>", None,
     "Путин встретился с Си Цзиньпином.\n\nВторой абзац."),
    ("<p>Москва. 4 февраля. INTERFAX.RU - Путин встретился с Си.</p><script>x</script>", True,
     "Путин встретился с Си."),
    ("Путин сказал: <b> это не разметка.", None, "Путин сказал: <b> это не разметка."),
    (" date 2026-02-04 Т\n\n<div>Путин</div><div>Си</div>", None, "Путин\n\nСи"),
])
def test_html_bodies_are_stripped_to_text(text, html, expected):
    assert article_from_text(text, "a", html=html).text == expected


def test_an_html_file_is_stripped_and_its_dateline_parsed(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text("<html><body><p>Москва. 4 февраля. INTERFAX.RU - Путин &laquo;сказал&raquo;.</p></body></html>",
                    encoding="utf-8")
    (article,) = read_path(path)
    assert (article.id, article.dateline, article.text) == ("page", "Москва", "Путин «сказал».")


def test_a_too_long_article_is_skipped_not_truncated(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "Путин. " * 30}, ensure_ascii=False) + "\n", encoding="utf-8")
    (skip,) = read_path(path, max_chars=100)
    assert skip == Skipped(f"{path}:1", "too long: 209 characters (the limit is 100)")


def test_a_file_too_big_to_hold_an_article_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("Путин. " * 100, encoding="utf-8")
    monkeypatch.setattr("pathlib.Path.read_bytes", lambda self: pytest.fail("read a file that is too big"))
    (skip,) = read_path(path, max_chars=100)
    assert skip.reason == "too long: 1,200 bytes (the limit is 100 characters)"


@pytest.mark.parametrize("encode", [
    lambda text: text.encode("cp1251"),
    lambda text: text.encode("utf-16"),
    lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode(),
], ids=["cp1251", "utf-16", "bom-crlf"])
def test_jsonl_in_other_encodings_is_decoded(tmp_path, encode):
    path = tmp_path / "a.jsonl"
    path.write_bytes(encode('{"id": "a", "text": "Путин встретился с Си."}\n{"id": "b", "text": "Да."}\n'))
    assert [(a.id, a.text) for a in read_path(path)] == [("a", "Путин встретился с Си."), ("b", "Да.")]


@pytest.mark.parametrize("line, reason", [
    (b"\xff\xfe broken bytes \xfa", "not UTF-8 text (invalid byte 0xff at 0)"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"id": "a", "text": "Putin met Xi."}', "no Cyrillic letters"),
    ('{"id": " ", "text": "Т."}'.encode(), 'no "id"'),
    (b'{"id": "a", "text": "<p>12</p><p>34</p>"}', "not a single letter"),
])
def test_more_bad_jsonl_lines_are_skipped_with_their_line_number(tmp_path, line, reason):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": "ok1", "text": "\xd0\x94\xd0\xb0."}\n' + line + b"\n")
    first, skip = read_path(path)
    assert first.id == "ok1"
    assert skip.origin == f"{path}:2" and reason in skip.reason


def test_a_nul_byte_after_the_first_line_spoils_only_its_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes('{"id": "a", "text": "Да."}\n\x00\x00\n{"id": "b", "text": "Т.\x00"}\n{"id": "c", "text": "Да."}\n'.encode())
    items = list(read_path(path))
    assert [(i.origin.rsplit(":")[-1], getattr(i, "reason", "built")[:25]) for i in items] == [
        ("1", "built"), ("2", "binary data (2 control ch"), ("3", "broken JSON (Invalid cont"), ("4", "built")]


def test_a_binary_jsonl_file_is_one_skip_not_one_per_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\x00\x01\n" * 50)
    assert list(read_path(path)) == [Skipped(str(path), "binary file (NUL bytes)")]


def test_a_line_separator_inside_a_json_string_does_not_split_the_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "text": "Первый\u2028второй."}\n', encoding="utf-8")
    (article,) = read_path(path)
    assert article.text == "Первый\u2028второй."


def test_a_folder_without_articles_is_reported(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    assert list(read_path(tmp_path)) == [Skipped(str(tmp_path), "no .htm, .html, .jsonl, .ndjson, .text, .txt files in the folder")]


def test_a_file_that_cannot_be_opened_is_skipped(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("Текст.", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("pathlib.Path.read_bytes", refuse)
    assert list(read_path(path)) == [Skipped(str(path), "cannot read: Permission denied")]


def test_a_skip_is_always_one_line():
    skip = Skipped("a\nb.txt", "broken\nreason  here")
    assert (skip.origin, skip.reason) == ("a b.txt", "broken reason here")


def test_file_names_that_are_not_utf8_give_readable_ids(tmp_path):
    """A zip from Windows unpacks cp1251 names as undecodable bytes; RDF IRIs need real text."""
    names = [b"\xcf\xf3\xf2\xe8\xed.txt", b"bad\xff.txt"]  # "Путин.txt" in cp1251; a stray byte
    try:
        for name in names:
            (tmp_path / os.fsdecode(name)).write_text("Текст.", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    articles = list(read_path(tmp_path))
    assert sorted(a.id for a in articles) == ["bad\\xff", "Путин"]
    assert all(a.origin.encode("utf-8") for a in articles)
