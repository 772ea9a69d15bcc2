"""The events table: records, the DataFrame, CSV and Parquet read back by pandas, country dyads, ``kgraph events``.

On the hand-made graph of tests/meetings_graph.py, whose answers are known, and on the seed article's graph.
"""
from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

import pytest
from meetings_graph import IVANOV, LAVROV, PUTIN, XI, event, meetings_dataset, meetings_graph

from kgraph.cli import main
from kgraph.events import (
    COLUMNS,
    LIST_SEPARATOR,
    NAMES,
    country_network,
    dyad_table,
    event_codes,
    event_dyads,
    event_records,
)

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def records():
    return {r["event"]: r for r in event_records(meetings_graph())}


@pytest.fixture(scope="module")
def frame():
    from kgraph.events import to_frame

    return to_frame(meetings_graph())


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "meetings.ttl"
    meetings_graph().serialize(path, format="turtle")
    return str(path)


# -- records -------------------------------------------------------------------------------------


def test_one_record_per_event_of_every_kind_and_status_in_date_order(records):
    assert len(records) == 7 + 2 + 3
    rows = list(records.values())
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and all(r["date"] is None for r in rows[len(dated):])
    assert {r["kind"] for r in rows} == {"meeting", "visit", "statement"}
    assert records[event("m5")]["status"] == "planned"


def test_a_meeting_record(records):
    m1 = records[event("m1")]
    assert {k: m1[k] for k in ("kind", "date", "date_precision", "status", "mode", "participants", "participant_ids",
                               "participant_iris", "participant_countries", "foreign")} == {
        "kind": "meeting", "date": "2025-05-08", "date_precision": "day", "status": "occurred", "mode": "in_person",
        "participants": ["Владимир Путин", "Си Цзиньпин"], "participant_ids": ["Q7747", "Q15031"],
        "participant_iris": [PUTIN, XI], "participant_countries": ["Россия", "Китай"], "foreign": True,
    }
    assert (m1["cameo"], m1["plover"], m1["plover_mode"]) == ("040", "CONSULT", "visit")


def test_reports_count_the_articles_and_give_first_and_last_report_title_urls_and_one_evidence(records):
    m1 = records[event("m1")]
    assert m1["articles"] == 2 and m1["sources"] == ["a1", "a2"]
    assert (m1["first_report"], m1["last_report"]) == (datetime.date(2025, 5, 8), datetime.date(2025, 5, 9))
    assert m1["title"] == "Путин и Си Цзиньпин провели переговоры"
    assert m1["source_urls"] == ["https://example.org/a1"]
    assert m1["evidence"] == "Путин и Си Цзиньпин провели переговоры в Москве."  # the shorter of two
    m7 = records[event("m7")]
    assert (m7["articles"], m7["first_report"], m7["title"], m7["evidence"], m7["source_urls"]) == (
        1, None, None, None, [])


def test_countries_from_the_kb_else_from_the_graph_else_unknown(records):
    m4 = records[event("m4")]
    assert m4["participant_iris"] == [PUTIN, IVANOV, LAVROV]  # by name: Владимир, Иван, Сергей
    assert m4["participant_countries"] == ["Россия", "Россия", "Россия"] and m4["foreign"] is False
    assert records[event("m6")]["participant_countries"] == ["", "Россия"]  # Пётр Петров: nobody knows
    assert records[event("m6")]["participant_ids"] == ["", ""]


def test_a_visit_has_its_place_and_the_place_country_and_is_foreign_abroad(records):
    v1, v2 = records[event("v1")], records[event("v2")]
    assert (v1["place"], v1["place_country"], v1["foreign"], v1["mode"]) == ("Китай", "Китай", True, None)
    assert (v2["place"], v2["place_country"], v2["foreign"]) == ("Москва", "Россия", False)
    assert (v1["cameo"], v1["plover"], v1["plover_mode"]) == ("042", "CONSULT", "visit")


def test_a_statement_has_its_quote_and_no_plover_code(records):
    s3 = records[event("s3")]
    assert (s3["participants"], s3["quote"], s3["cameo"], s3["plover"], s3["plover_mode"]) == (
        ["Си Цзиньпин"], "цитата s3", "010", None, None)


@pytest.mark.parametrize("kind, mode, codes", [
    ("meeting", "phone", ("041", "CONSULT", "phone")),
    ("meeting", "video", ("040", "CONSULT", "phone")),
    ("meeting", "unknown", ("040", "CONSULT", None)),
    ("visit", None, ("042", "CONSULT", "visit")),
])
def test_codes_by_kind_and_mode_from_the_ontology(kind, mode, codes):
    assert tuple(event_codes(kind, mode)) == codes


def test_status_keeps_some_statuses():
    planned = event_records(meetings_graph(), status="planned")
    assert {r["event"] for r in planned} == {event("m5"), event("v2")}


@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
def test_the_named_graphs_of_a_dataset_give_the_same_records(records):
    assert {r["event"]: r for r in event_records(meetings_dataset())} == records


def test_every_record_has_every_column_and_aligned_lists(records):
    for record in records.values():
        assert tuple(record) == NAMES
        for column in COLUMNS:
            if column.aligned:
                assert len(record[column.name]) == len(record["participants"])


# -- the DataFrame, CSV and Parquet --------------------------------------------------------------


def test_the_frame_has_the_documented_columns_and_dtypes(frame):
    assert list(frame.columns) == list(NAMES)
    for column in COLUMNS:
        dtype = frame[column.name].dtype
        if column.dtype == "list":
            assert dtype.kind == "O" and all(isinstance(v, list) for v in frame[column.name])
        else:
            assert dtype == pd.api.types.pandas_dtype(column.dtype), column.name
    assert frame["first_report"].isna().sum() == len(frame) - 1  # only m1's articles are dated
    assert frame.loc[frame.event == event("m7"), "date"].isna().all()


def test_meetings_per_month_from_the_frame(frame):
    meetings = frame[(frame.kind == "meeting") & (frame.status == "occurred") & frame.date.notna()]
    per_month = meetings.groupby(meetings.date.str[:7]).size()
    assert per_month.to_dict() == {"2025-03": 1, "2025-04": 1, "2025-05": 1, "2025-09": 1, "2026-02": 1}


def test_csv_is_utf8_with_bom_and_cyrillic_intact(frame, tmp_path):
    from kgraph.events import write_table

    path = tmp_path / "events.csv"
    write_table(frame, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(NAMES)
    assert "Владимир Путин; Си Цзиньпин" in text and "Совещание с членами правительства" in text


def test_csv_reads_back_with_plain_pandas(frame, tmp_path):
    from kgraph.events import write_table

    path = tmp_path / "events.csv"
    write_table(frame, path)
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert list(back.columns) == list(NAMES) and len(back) == len(frame)
    m1 = back[back.event == event("m1")].iloc[0]
    assert m1.participants.split(LIST_SEPARATOR) == ["Владимир Путин", "Си Цзиньпин"]
    assert (m1.articles, m1.first_report, m1.cameo) == (2, "2025-05-08", 40)  # plain read_csv: a number


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_read_table_gives_back_the_same_frame(frame, tmp_path, suffix):
    from kgraph.events import read_table, write_table

    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    path = tmp_path / f"events{suffix}"
    write_table(frame, path)
    pd.testing.assert_frame_equal(read_table(path), frame)


def test_parquet_keeps_lists_and_dates(frame, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from kgraph.events import write_table

    path = tmp_path / "events.parquet"
    write_table(frame, path)
    schema = pq.read_schema(path)
    assert str(schema.field("participants").type) == "list<element: string>"
    assert str(schema.field("source_urls").type) == "list<element: string>"
    assert str(schema.field("first_report").type) == "timestamp[ns]"
    back = pd.read_parquet(path)
    assert list(back.loc[back.event == event("m4"), "participant_countries"].iloc[0]) == ["Россия"] * 3


def test_unknown_table_format_is_a_clear_error(frame, tmp_path):
    from kgraph.events import write_table

    with pytest.raises(ValueError, match="unknown table format"):
        write_table(frame, tmp_path / "events.xlsx")


# -- dyads ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("record, dyads", [
    ({"kind": "meeting", "participant_countries": ["Россия", "Китай"]}, [("Китай", "Россия")]),
    ({"kind": "meeting", "participant_countries": ["Россия", "Россия", "Китай", ""]},
     [("Китай", "Россия"), ("Россия", "Россия")]),
    ({"kind": "meeting", "participant_countries": ["Россия", ""]}, []),  # one known country, one unknown
    ({"kind": "visit", "participant_countries": ["Индия"], "place_country": "Россия"}, [("Индия", "Россия")]),
    ({"kind": "visit", "participant_countries": [""], "place_country": "Россия"}, []),
    ({"kind": "statement", "participant_countries": ["Россия"]}, []),
])
def test_event_dyads(record, dyads):
    assert event_dyads(record) == dyads


def test_country_network_and_its_table(records):
    C = country_network(records.values())
    assert sorted(C.nodes) == ["Китай", "Россия"]
    assert C.number_of_edges() == 5 and C.has_edge("Россия", "Россия")
    assert dyad_table(C) == [
        {"countries": ("Китай", "Россия"), "month": "2025-05", "meeting": 1, "visit": 0, "events": 1},
        {"countries": ("Китай", "Россия"), "month": "2025-09", "meeting": 1, "visit": 1, "events": 2},
        {"countries": ("Китай", "Россия"), "month": "2026-02", "meeting": 1, "visit": 0, "events": 1},
        {"countries": ("Россия", "Россия"), "month": "2025-03", "meeting": 1, "visit": 0, "events": 1},
    ]
    foreign = country_network(records.values(), foreign=True)
    assert not foreign.has_edge("Россия", "Россия") and foreign.number_of_edges() == 4
    assert C.nodes["Китай"] == {"name": "Китай"}  # a name, as the network plot labels nodes


# -- the command ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_events_command_writes_a_table_pandas_reads(graph_file, tmp_path, capsys, suffix):
    out = tmp_path / f"events{suffix}"
    assert main(["events", graph_file, "-o", str(out)]) == 0
    assert "12 events ->" in capsys.readouterr().err
    back = pd.read_csv(out, encoding="utf-8-sig") if suffix == ".csv" else pd.read_parquet(out)
    assert list(back.columns) == list(NAMES) and len(back) == 12


def test_events_command_writes_csv_to_stdout_and_occurred_keeps_only_what_happened(graph_file, capsys):
    assert main(["events", graph_file, "--occurred"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("event,kind,") and not out.startswith("\ufeff")
    assert ",planned," not in out and ",occurred," in out


def test_events_command_without_pandas_says_which_extra_to_install(graph_file, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    assert main(["events", graph_file]) == 2
    assert "pip install 'kgraph[tables]'" in capsys.readouterr().err


def test_events_command_on_the_seed_article(seed_graph_file, capsys):
    assert main(["events", str(seed_graph_file)]) == 0
    from io import StringIO

    back = pd.read_csv(StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False)
    meetings = back[back.kind == "meeting"]
    assert set(meetings.date) >= {"2025-09", "2026-02-04"}
    video = meetings[meetings.date == "2026-02-04"].iloc[0]
    assert (video["mode"], video.participant_countries, video.foreign, video.plover_mode) == (
        "video", "Россия; Китай", "True", "phone")


# -- the README documents the columns -------------------------------------------------------------


def test_the_readme_table_of_columns_is_the_registry():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("| column |"):]
    rows = [line for line in section.splitlines()[2:] if line.startswith("|")]
    documented = []
    for line in rows[:len(COLUMNS)]:
        name, dtype = (cell.strip().strip("`") for cell in line.strip("|").split("|")[:2])
        documented.append((name, dtype))
    assert documented == [(c.name, c.dtype) for c in COLUMNS]
    assert re.search(r"utf-8.*BOM|BOM.*UTF-8", text, re.IGNORECASE)
