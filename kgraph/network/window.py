"""Date windows over the meeting network: the period an ISO date covers, and views by date."""

from __future__ import annotations

import calendar
import datetime

import networkx as nx

__all__ = ["period", "window"]


def period(date: str | datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day an ISO date of any precision covers.

    >>> period("2025-09")
    (datetime.date(2025, 9, 1), datetime.date(2025, 9, 30))
    """
    if isinstance(date, datetime.datetime):
        date = date.date()
    if isinstance(date, datetime.date):
        return date, date
    parts = [int(p) for p in str(date).split("-")]
    if len(parts) == 3:
        day = datetime.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
    if len(parts) == 1:
        return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
    raise ValueError(f"not an ISO date: {date!r}")


def _bounds(start, end) -> tuple[datetime.date, datetime.date]:
    try:
        low = period(start)[0] if start is not None else datetime.date.min
        high = period(end)[1] if end is not None else datetime.date.max
    except ValueError as error:
        raise ValueError(f"bad date window {start!r}..{end!r}: expected YYYY, YYYY-MM or YYYY-MM-DD") from error
    return low, high


def window(
    G: nx.MultiGraph, start: str | datetime.date | None = None, end: str | datetime.date | None = None
) -> nx.MultiGraph:
    """A read-only view of the meetings whose date lies inside [start, end], not a copy.

    ``start`` and ``end`` are ISO dates of any precision, both inclusive: ``window(G,
    "2025-03", "2025-04")`` is March and April 2025. An undated meeting lies in no window
    that has a bound. Every node stays in the view.
    """
    if start is None and end is None:
        return G
    low, high = _bounds(start, end)

    def inside(u, v, key) -> bool:
        date = G.edges[u, v, key]["date"]
        if date is None:
            return False
        first, last = period(date)
        return low <= first and last <= high

    return nx.subgraph_view(G, filter_edge=inside)
