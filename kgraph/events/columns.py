"""The columns of the events table: one registry, in table order, with each column's type and meaning.

The README's table of columns is this one; ``tests/test_events.py`` checks that they agree.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["COLUMNS", "LIST_SEPARATOR", "NAMES", "Column"]

#: how a list cell is written in CSV: "Владимир Путин; Си Цзиньпин"
LIST_SEPARATOR = "; "


class Column(NamedTuple):
    """One column of the events table: its name, pandas dtype, whether it aligns with ``participants``, its meaning."""

    name: str
    dtype: str  # the pandas dtype: "string", "list", "int64", "bool", "datetime64[ns]"
    aligned: bool  # a list aligned with ``participants`` (one entry per participant, "" when unknown)
    meaning: str


COLUMNS: tuple[Column, ...] = (
    Column("event", "string", False, "the event's IRI, `https://w3id.org/kgraph/resource/event/meeting-…`"),
    Column("kind", "string", False, "`meeting`, `visit` or `statement`"),
    Column("date", "string", False, "`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the reports; empty when undated"),
    Column("date_precision", "string", False, "`day`, `month` or `year`; empty when undated"),
    Column("status", "string", False, "`occurred`, `planned`, `negated` or `hypothetical`"),
    Column(
        "mode", "string", False, "a meeting's `in_person`, `phone`, `video` or `unknown`; empty for the other kinds"
    ),
    Column("participants", "list", False, "canonical names, sorted: who met, the visitor, the speaker"),
    Column("participant_ids", "list", True, "their Wikidata ids (`Q7747`), empty where unknown"),
    Column("participant_iris", "list", True, "their entity IRIs in the graph"),
    Column(
        "participant_countries",
        "list",
        True,
        "their countries: the reference KB's for leaders and officials, else the article's own "
        "(`kg:country`: «президент Франции»), the one most articles give; empty where unknown",
    ),
    Column(
        "foreign",
        "bool",
        False,
        "whether the event crosses a border: participants of two or more known countries, or a visit "
        "to another country than the visitor's",
    ),
    Column("place", "string", False, "a visit's destination (or an event's `kg:place`), its canonical name"),
    Column("place_country", "string", False, "the country the place is in (a country is its own)"),
    Column("quote", "string", False, "a statement's words"),
    Column("cameo", "string", False, "CAMEO code: `040` meeting, `041` phone call, `042` visit, `010` statement"),
    Column("plover", "string", False, "PLOVER event type: `CONSULT` (meetings, visits); empty for statements"),
    Column("plover_mode", "string", False, "PLOVER CONSULT mode: `visit` (in person, visits), `phone` (phone, video)"),
    Column("articles", "int64", False, "how many articles report it (distinct `prov:wasDerivedFrom`)"),
    Column("first_report", "datetime64[ns]", False, "the date of the earliest reporting article"),
    Column("last_report", "datetime64[ns]", False, "the date of the latest reporting article"),
    Column("title", "string", False, "the title of the earliest reporting article that has one"),
    Column("evidence", "string", False, "one sentence that reports it: the shortest of the reports'"),
    Column("sources", "list", False, "the reporting articles' ids, sorted"),
    Column("source_urls", "list", False, "their URLs, where the articles gave one"),
)

#: the column names, in table order
NAMES: tuple[str, ...] = tuple(column.name for column in COLUMNS)
