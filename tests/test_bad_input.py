"""A corpus of bad input, as a real one arrives: each file is built or skipped with a reason.

``tests/fixtures/bad/`` holds the small files; the 5 MB article is made at test
time. Each row of :data:`OUTCOMES` is what one file (or JSONL line) must give:
the number of relations it is built with, or the reason it is skipped for.
"""
from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from kgraph.articles import Skipped, read_path
from kgraph.cli import main
from kgraph.pipeline import process

BAD = Path(__file__).resolve().parent / "fixtures" / "bad"
HUGE_BYTES = 5 * 1024 * 1024


def built(relations: int) -> tuple[str, int]:
    return "built", relations


def skipped(reason: str) -> tuple[str, str]:
    return "skipped", reason


# origin below the corpus folder -> outcome
OUTCOMES = {
    "cp1251.txt": built(1),
    "bom.txt": built(1),
    "utf16.txt": built(1),
    "crlf.txt": built(1),
    "page.html": built(1),
    "html-body.jsonl:1": built(1),
    "mixed.jsonl:1": built(1),
    "mixed.jsonl:3": built(1),
    "no-events.txt": built(0),  # Russian news with nothing to find is built, not skipped
    "mixed.jsonl:2": skipped("broken JSON (Unterminated string"),
    "empty.txt": skipped("empty"),
    "blank.txt": skipped("empty"),
    "header-only.txt": skipped("empty"),
    "binary.txt": skipped("binary file (NUL bytes)"),
    "latin1.txt": skipped("not UTF-8 (invalid byte 0xe9 at 5)"),
    "broken-utf8.txt": skipped("not UTF-8 (invalid byte 0xff at 11)"),
    "bad-date.txt": skipped("impossible date 2026-02-31 in the header (line 1)"),
    "english.txt": skipped("no Cyrillic letters"),
    "no-letters.txt": skipped("not a single letter"),
    "huge.txt": skipped("too long: 5,242,8"),
}
SKIPPED = {origin for origin, (kind, _) in OUTCOMES.items() if kind == "skipped"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The committed bad corpus plus a 5 MB article made here."""
    folder = tmp_path_factory.mktemp("bad") / "corpus"
    shutil.copytree(BAD, folder)
    sentence = "Президент РФ Владимир Путин провел переговоры с председателем КНР Си Цзиньпином. ".encode()
    (folder / "huge.txt").write_bytes((sentence * (HUGE_BYTES // len(sentence) + 1))[:HUGE_BYTES])
    return folder


@pytest.fixture(scope="module")
def items(corpus) -> dict[str, object]:
    """What the reader gives for each file of the corpus, by origin below the folder."""
    return {
        item.origin.removeprefix(f"{corpus}/"): item
        for item in read_path(corpus)
    }


@pytest.mark.parametrize("name, raw", [
    ("cp1251.txt", lambda b: b.decode("cp1251") and not _is_utf8(b)),
    ("bom.txt", lambda b: b.startswith(codecs.BOM_UTF8)),
    ("utf16.txt", lambda b: b.startswith(codecs.BOM_UTF16_LE)),
    ("crlf.txt", lambda b: b.count(b"\r\n") == b.count(b"\n") > 1),
    ("binary.txt", lambda b: b"\x00" in b),
    ("empty.txt", lambda b: b == b""),
])
def test_the_fixture_files_are_still_what_they_claim_to_be(name, raw):
    """An editor that saves these as clean UTF-8 would make the table below test nothing."""
    assert raw((BAD / name).read_bytes())


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_every_file_of_the_corpus_has_an_outcome(items):
    assert set(items) == set(OUTCOMES)


@pytest.mark.parametrize("origin, outcome", OUTCOMES.items(), ids=list(OUTCOMES))
def test_each_bad_file_is_built_or_skipped_with_its_reason(items, origin, outcome):
    kind, expected = outcome
    item = items[origin]
    if kind == "skipped":
        assert isinstance(item, Skipped) and expected in item.reason
        assert "\n" not in item.reason
    else:
        assert not isinstance(item, Skipped), item
        assert len(process(item).relations()) == expected


@pytest.mark.parametrize("origin, present, absent", [
    ("cp1251.txt", "с председателем КНР Си Цзиньпином.", "\ufffd"),
    ("bom.txt", "Владимир Путин провел телефонный разговор", "\ufeff"),
    ("utf16.txt", "Сергей Лавров встретился с Ван И.", "\x00"),
    ("crlf.txt", "Нарендрой Моди.", "\r"),
    ("page.html", "Стороны обсудили «союзное строительство» & торговлю.", "<"),
    ("page.html", "Владимир Путин провел переговоры", "Реклама"),  # a source line break is a space
    ("page.html", "Лукашенко.\n\nСтороны", "Главная"),  # paragraphs kept, the menu dropped
    ("html-body.jsonl:1", "Си Цзиньпином.\n\nВторой абзац.", "<p>"),
])
def test_decoded_and_stripped_text_is_what_natasha_sees(items, origin, present, absent):
    text = items[origin].text
    assert present in text and absent not in text


def test_header_and_dateline_survive_every_encoding(items):
    for origin in ("cp1251.txt", "bom.txt", "utf16.txt", "crlf.txt", "page.html"):
        article = items[origin]
        assert (article.dateline, article.agency) == ("Москва", "INTERFAX.RU"), origin
    assert str(items["cp1251.txt"].date) == "2026-02-04"


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("kgraph: warning: skipped ")]


def test_build_over_the_corpus_warns_once_per_bad_file_and_builds_the_rest(corpus, tmp_path, capsys):
    out = tmp_path / "graph.ttl"
    assert main(["build", str(corpus), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    warnings = _warnings(err)
    assert len(warnings) == len(SKIPPED)
    for origin in SKIPPED:
        (line,) = [w for w in warnings if f" {corpus}/{origin}: " in w]
        assert OUTCOMES[origin][1] in line
    assert "Traceback" not in err
    graph = Graph().parse(out, format="turtle")
    sources = {str(o).rsplit("/", 1)[-1] for o in graph.objects(None, None) if "/article/" in str(o)}
    assert sources == {"cp1251", "bom", "utf16", "crlf", "page", "html-body", "mixed-1", "mixed-3"}


def test_extract_over_the_corpus_writes_a_line_for_every_built_article(corpus, tmp_path, capsys):
    out = tmp_path / "pred.jsonl"
    assert main(["extract", str(corpus), "-o", str(out)]) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    built_ids = {"cp1251", "bom", "utf16", "crlf", "page", "html-body", "mixed-1", "mixed-3", "no-events"}
    assert sorted(ids) == sorted(built_ids)
    assert len(_warnings(capsys.readouterr().err)) == len(SKIPPED)


def test_strict_turns_the_skips_into_exit_1(corpus, tmp_path, capsys):
    assert main(["build", str(corpus), "-o", str(tmp_path / "g.ttl"), "--strict"]) == 1
