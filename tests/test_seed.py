"""The seed article (Interfax, 2026-02-04) gives the facts it was specified with."""
from __future__ import annotations

import pytest


def _relations(result, relation):
    return [r for r in result.relations() if r["relation"] == relation]


def test_video_meeting_of_putin_and_xi_on_the_article_date(seed_result):
    meetings = _relations(seed_result, "met_with")
    assert {"subject": "Владимир Путин", "object": "Си Цзиньпин", "status": "occurred", "mode": "video",
            "date": "2026-02-04"}.items() <= meetings[0].items()


def test_in_person_meeting_in_early_september_is_dated_to_the_month(seed_result):
    pairs = {(r["subject"], r["object"], r["mode"], r["date"]) for r in _relations(seed_result, "met_with")}
    assert ("Владимир Путин", "Си Цзиньпин", "in_person", "2025-09") in pairs


def test_visit_to_china_in_september(seed_result):
    visits = {(r["subject"], r["object"], r["status"], r["date"]) for r in _relations(seed_result, "visited")}
    assert visits == {("Владимир Путин", "Китай", "occurred", "2025-09")}


def test_the_dateline_city_is_not_a_visit(seed_result):
    assert all(r["object"] != "Москва" for r in _relations(seed_result, "visited"))


def _words(text):
    import re

    return re.findall(r"\w+", text.lower().replace("ё", "е"))


def test_five_statements_by_peskov_and_three_by_putin(seed_result, seed_gold):
    said = _relations(seed_result, "said")
    for gold in seed_gold["said"]:
        opening = _words(gold["quote"])[:6]
        hits = [r for r in said if r["subject"] == gold["speaker"] and _words(r["object"])[:6] == opening]
        assert hits, f"missing: {gold['speaker']}: {gold['quote'][:60]}"
    counts = {}
    for r in said:
        counts[r["subject"]] = counts.get(r["subject"], 0) + 1
    assert counts.get("Дмитрий Песков", 0) >= 5 and counts.get("Владимир Путин", 0) == 3


def test_names_are_canonical(seed_result):
    people = {r["subject"] for r in seed_result.relations()} | {
        r["object"] for r in seed_result.relations() if r["relation"] == "met_with"}
    assert people == {"Владимир Путин", "Си Цзиньпин", "Дмитрий Песков"}


@pytest.mark.parametrize("field", ["relation", "subject", "object", "status", "date", "evidence"])
def test_every_relation_carries_the_contract_fields(seed_result, field):
    assert all(field in r for r in seed_result.relations())
