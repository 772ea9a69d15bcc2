"""Country dyads, as ICEWS and GDELT users count them: which countries' people met or visited, when.

From the event records (:func:`~kgraph.events.records.event_records`), each event gives one
dyad per pair of its participants' known countries — Путин, Лавров and Си Цзиньпин give
Китай–Россия and Россия–Россия, once each — and a visit gives visitor's country and the
destination's. People whose country nobody knows are left out of the dyads.

Two event records (the fields a dyad reads): that meeting of three, and Путин's visit to Китай:

>>> records = [
...     {"event": "m1", "kind": "meeting", "status": "occurred", "date": "2025-05-08", "mode": "in_person",
...      "participant_countries": ["Россия", "Россия", "Китай"]},
...     {"event": "v1", "kind": "visit", "status": "occurred", "date": "2025-09", "mode": None,
...      "participant_countries": ["Россия"], "place_country": "Китай"},
... ]
>>> for row in dyad_table(country_network(records)):
...     print(row)
{'countries': ('Китай', 'Россия'), 'month': '2025-05', 'meeting': 1, 'visit': 0, 'events': 1}
{'countries': ('Китай', 'Россия'), 'month': '2025-09', 'meeting': 0, 'visit': 1, 'events': 1}
{'countries': ('Россия', 'Россия'), 'month': '2025-05', 'meeting': 1, 'visit': 0, 'events': 1}
>>> sorted(country_network(records, foreign=True).edges(keys=True))
[('Китай', 'Россия', 'm1'), ('Китай', 'Россия', 'v1')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from ..model import EVENT_KINDS, EventKind, Status

__all__ = ["DYAD_KINDS", "country_network", "dyad_table", "event_dyads"]

#: the kinds that pair countries: meetings (participants with each other) and visits (visitor, destination)
DYAD_KINDS = tuple(kind.value for kind in (EventKind.MEETING, EventKind.VISIT))


def event_dyads(record: dict) -> list[tuple[str, str]]:
    """The country pairs an event record gives, each once, each pair sorted.

    >>> event_dyads({"kind": "meeting", "participant_countries": ["Россия", "Китай", "Россия", ""]})
    [('Китай', 'Россия'), ('Россия', 'Россия')]
    >>> event_dyads({"kind": "visit", "participant_countries": ["Индия"], "place_country": "Россия"})
    [('Индия', 'Россия')]
    """
    if record["kind"] not in DYAD_KINDS:
        return []
    spec = EVENT_KINDS[record["kind"]]
    if spec.object_field == "place":
        there = record.get("place_country")
        return sorted({tuple(sorted((c, there))) for c in record["participant_countries"] if c and there})
    known = [c for c in record["participant_countries"] if c]
    counts = Counter(known)
    pairs = {tuple(sorted((a, b))) for i, a in enumerate(known) for b in known[i + 1 :] if a != b}
    pairs |= {(c, c) for c, n in counts.items() if n >= 2}
    return sorted(pairs)


def _month(date: str | None) -> str | None:
    return date[:7] if date else None


def country_network(
    records: Iterable[dict],
    foreign: bool = False,
    status: str | None = Status.OCCURRED,
    kinds: Iterable[str] = DYAD_KINDS,
) -> nx.MultiGraph:
    """Countries as nodes (``name``), one edge per event and country pair, keyed by the event's IRI.

    An edge's data: ``kind``, ``date``, ``month`` ("YYYY-MM", or "YYYY" for a date known only
    to the year; None undated), ``mode`` and ``status``. A domestic pair (Россия–Россия, a
    Security Council session) is a self-loop; ``foreign=True`` leaves those out. ``status``:
    only events of this status ("occurred" by default; None keeps all).
    """
    kinds = set(kinds)
    C = nx.MultiGraph()
    for record in records:
        if record["kind"] not in kinds or (status is not None and record["status"] != status):
            continue
        for a, b in event_dyads(record):
            if foreign and a == b:
                continue
            for country in (a, b):
                C.add_node(country, name=country)
            C.add_edge(
                a,
                b,
                key=record["event"],
                kind=record["kind"],
                date=record["date"],
                month=_month(record["date"]),
                mode=record["mode"],
                status=record["status"],
            )
    return C


def dyad_table(C: nx.MultiGraph) -> list[dict]:
    """Events per country pair and month: ``countries`` (a sorted pair), ``month``, a count per
    kind in :data:`DYAD_KINDS` and ``events``; the pairs with most events first, then by month.

    Undated events have month None and come last in their pair.
    """
    cells: dict[tuple, Counter] = {}
    totals: Counter = Counter()
    for a, b, data in C.edges(data=True):
        pair = tuple(sorted((a, b)))
        cells.setdefault((pair, data["month"]), Counter())[data["kind"]] += 1
        totals[pair] += 1
    rows = [
        {
            "countries": pair,
            "month": month,
            **{kind: counts[kind] for kind in DYAD_KINDS},
            "events": sum(counts.values()),
        }
        for (pair, month), counts in cells.items()
    ]
    return sorted(rows, key=lambda r: (-totals[r["countries"]], r["countries"], r["month"] is None, r["month"] or ""))
