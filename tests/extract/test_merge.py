"""One event per meeting of an article (kgraph.extract.merge)."""
from __future__ import annotations

import doctest

import pytest

from kgraph.extract import merge
from kgraph.extract.merge import merge_meetings
from kgraph.model import Entity, Event

PUTIN, XI, PESKOV = (Entity(k, n, "PER") for k, n in (("p", "Путин"), ("x", "Си"), ("k", "Песков")))


def meeting(*people, mode="unknown", date="2026-02-04", status="occurred"):
    return Event("meeting", people, "a", "…", status=status, mode=mode, date=date)


CASES = [
    # same pair, same day: one event, the most specific mode, at the first report's place
    ([meeting(PUTIN, XI, mode="video"), meeting(XI, PUTIN), meeting(PUTIN, XI)],
     [(("Путин", "Си"), "video", "2026-02-04")]),
    ([meeting(PUTIN, XI), meeting(PUTIN, XI, mode="video")], [(("Путин", "Си"), "video", "2026-02-04")]),
    # a report naming fewer people is the same meeting
    ([meeting(PUTIN, XI, PESKOV, mode="video"), meeting(PUTIN, XI)],
     [(("Путин", "Си", "Песков"), "video", "2026-02-04")]),
    # other days, other modes, other statuses are other meetings
    ([meeting(PUTIN, XI, mode="video"), meeting(PUTIN, XI, mode="in_person", date="2025-09")],
     [(("Путин", "Си"), "video", "2026-02-04"), (("Путин", "Си"), "in_person", "2025-09")]),
    ([meeting(PUTIN, XI, mode="phone"), meeting(PUTIN, XI, mode="video")],
     [(("Путин", "Си"), "phone", "2026-02-04"), (("Путин", "Си"), "video", "2026-02-04")]),
    ([meeting(PUTIN, XI), meeting(PUTIN, XI, status="planned", date=None)],
     [(("Путин", "Си"), "unknown", "2026-02-04"), (("Путин", "Си"), "unknown", None)]),
    # different people: no merge
    ([meeting(PUTIN, XI), meeting(PUTIN, PESKOV)],
     [(("Путин", "Си"), "unknown", "2026-02-04"), (("Путин", "Песков"), "unknown", "2026-02-04")]),
]


@pytest.mark.parametrize("events, expected", CASES)
def test_merge_meetings(events, expected):
    merged = merge_meetings(events)
    assert [(tuple(p.name for p in e.participants), e.mode, e.date) for e in merged] == expected


def test_other_events_pass_unchanged():
    visit = Event("visit", (PUTIN,), "a", "…", place=Entity("c", "Китай", "LOC"))
    assert merge_meetings([visit, meeting(PUTIN, XI), visit]) == [visit, meeting(PUTIN, XI), visit]


def test_doctests():
    assert doctest.testmod(merge).failed == 0
