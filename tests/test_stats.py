"""kgraph stats: counts by kind and status, the date range and the most active people, on any store."""
from __future__ import annotations

import json

import pytest

from kgraph.cli import main
from kgraph.cli.stats import graph_stats
from kgraph.store import open_graph
from tests.synthetic import CHINA, MOSCOW, PUTIN, XI, build, meeting, person, result, statement, visit

ARTICLES = [
    result("a", [meeting("a", PUTIN, XI), visit("a", PUTIN, CHINA, date="2025-09"), statement("a", PUTIN, "Да")]),
    result("b", [meeting("b", PUTIN, XI), meeting("b", XI, person(1), date=None, status="planned"),
                 visit("b", XI, MOSCOW, date="2026-05-07")]),
]
EXPECTED = {
    "articles": 2,
    "entities": {"Person": 3, "Country": 2, "City": 1},
    "events": {"Meeting": {"Occurred": 1, "Planned": 1}, "Statement": {"Occurred": 1}, "Visit": {"Occurred": 2}},
    "dates": ["2025-09", "2026-05-07"],
    "people": [["Владимир Путин", 3], ["Си Цзиньпин", 3], ["Персона 1", 1]],
}


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def spec(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("stats")
    spec = str(folder / "g.trig") if request.param == "memory" else f"oxigraph:{folder / 'kg'}"
    return build(spec, ARTICLES)


def test_stats_count_each_event_once_on_every_store(spec):
    assert graph_stats(open_graph(spec)) == EXPECTED


def test_stats_top_limits_the_people(spec):
    assert graph_stats(open_graph(spec), top=1)["people"] == [["Владимир Путин", 3]]


def test_stats_command_prints_text_and_json(spec, capsys):
    assert main(["stats", spec]) == 0
    text = capsys.readouterr().out
    assert "Meeting        2      (Occurred 1, Planned 1)" in text and "2025-09 .. 2026-05-07" in text
    assert main(["stats", spec, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == EXPECTED


def test_stats_of_a_missing_graph_exit_2(capsys):
    assert main(["stats", "missing.nq"]) == 2
    assert "no such graph file" in capsys.readouterr().err
