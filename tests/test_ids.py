"""Nothing silently lost: article ids are unique in a run, a duplicate is a reported skip,
symlinked folders are read, and the build's count of events is the graph's."""
from __future__ import annotations

import json
import os

import pytest

from kgraph.articles import Skipped, read_articles
from kgraph.cli import main

TEXT = "Владимир Путин провел переговоры с Си Цзиньпином."


def _ids(items) -> list:
    return [item.id if not isinstance(item, Skipped) else f"skipped: {item.reason}" for item in items]


def test_a_duplicate_jsonl_id_is_a_reported_skip(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": TEXT}) + "\n" for i in ("a", "b", "a")), encoding="utf-8")
    assert _ids(read_articles([path])) == ["a", "b", f"skipped: duplicate id 'a' (first read from {path}:1)"]


def test_files_with_one_name_given_separately_get_their_paths_as_ids(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a" / "other.txt").write_text(TEXT, encoding="utf-8")
    assert _ids(read_articles(["a/news.txt", "b/news.txt"])) == ["a/news", "b/news"]
    assert _ids(read_articles(["a", "b"])) == ["a/news", "other", "b/news"]
    assert _ids(read_articles(["a"])) == ["news", "other"]  # alone, the id below the folder read
    assert _ids(read_articles(["a/news.txt", "a/news.txt"])) == [
        "a/news", "skipped: duplicate id 'a/news' (first read from a/news.txt)"]


def test_a_symlinked_folder_is_read_and_a_loop_reported(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.txt").write_text(TEXT, encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "near.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(outside, corpus / "linked")
    os.symlink(corpus, corpus / "sub" / "loop")  # back to the top
    os.symlink(corpus / "sub", corpus / "again")  # a second way into sub
    assert _ids(read_articles([corpus])) == [
        "skipped: a link to a folder read already (a loop, or a second way in): not read twice",
        "linked/far",
        "skipped: a link to a folder read already (a loop, or a second way in): not read twice",
        "sub/near",
    ]


@pytest.fixture
def two_reports(tmp_path):
    """Two articles telling of the same day's meeting, and a third with another."""
    path = tmp_path / "in.jsonl"
    records = [{"id": "a", "text": TEXT, "date": "2025-05-08"}, {"id": "b", "text": TEXT, "date": "2025-05-08"},
               {"id": "c", "text": "Сергей Лавров встретился с Ван И.", "date": "2025-05-09"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_build_counts_the_events_the_graph_holds(two_reports, tmp_path, capsys):
    out = tmp_path / "g.ttl"
    assert main(["build", str(two_reports), "-o", str(out), "-j", "1"]) == 0
    line = capsys.readouterr().out.strip()
    assert line == (f"kgraph: 3 articles, 2 events -> {out} "
                    "(3 found in the articles: one event told by several is one in the graph)")
    assert main(["stats", str(out)]) == 0
    assert "Meeting        2" in capsys.readouterr().out
