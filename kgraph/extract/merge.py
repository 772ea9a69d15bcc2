"""One event per meeting: an article that reports a meeting three times gives it once.

>>> from kgraph.model import Entity, Event
>>> a, b = Entity("a", "Путин", "PER"), Entity("b", "Си Цзиньпин", "PER")
>>> first = Event("meeting", (a, b), "x", "…по видеосвязи…", mode="video", date="2026-02-04")
>>> again = Event("meeting", (b, a), "x", "…переговоры…", mode="unknown", date="2026-02-04")
>>> [(e.mode, len(e.participants)) for e in merge_meetings([first, again])]
[('video', 2)]
"""

from __future__ import annotations

from dataclasses import replace

from ..model import MODE_ORDER, Event

__all__ = ["merge_meetings"]


def _compatible(a: Event, b: Event) -> bool:
    """Same day (or both undated), same status, one's people within the other's, modes that agree."""
    if a.date != b.date or a.status != b.status:
        return False
    people_a, people_b = set(a.participants), set(b.participants)
    if not (people_a <= people_b or people_b <= people_a):
        return False
    return a.mode == b.mode or "unknown" in (a.mode, b.mode)


def _merged(kept: Event, other: Event) -> Event:
    people = kept.participants + tuple(p for p in other.participants if p not in kept.participants)
    mode = kept.mode if kept.mode in MODE_ORDER else other.mode
    return replace(kept, participants=people, mode=mode)


def merge_meetings(events: list[Event]) -> list[Event]:
    """Meetings of one article merged when they are the same meeting, the first report's place kept.

    Two reports are one meeting when they have the same date and status, one's people are
    all among the other's, and their modes agree ("unknown" agrees with any): the merged
    meeting has everyone and the most specific mode. Other events pass unchanged.
    """
    out: list[Event] = []
    for event in events:
        if event.kind == "meeting":
            for i, kept in enumerate(out):
                if kept.kind == "meeting" and _compatible(kept, event):
                    out[i] = _merged(kept, event)
                    break
            else:
                out.append(event)
        else:
            out.append(event)
    return out
