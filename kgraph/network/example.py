"""A tiny graph for examples: two meetings of Путин and Си Цзиньпин, as two articles report them.

>>> from kgraph.network import meeting_network
>>> meeting_network(two_meetings()).number_of_edges()
2
"""

from __future__ import annotations

from rdflib import Graph

from ..model import Article, Entity, Event
from ..pipeline import Result
from ..rdf import to_graph

__all__ = ["two_meetings"]


def two_meetings() -> Graph:
    """Talks in Beijing on 2025-09-02 (in person, article a1) and by video on 2026-02-04 (a2)."""
    putin = Entity("Q7747", "Владимир Путин", "PER", "Q7747")
    xi = Entity("Q15031", "Си Цзиньпин", "PER", "Q15031")
    in_beijing = Event(
        "meeting",
        (putin, xi),
        "a1",
        "Путин и Си Цзиньпин провели переговоры в Пекине.",
        date="2025-09-02",
        mode="in_person",
    )
    by_video = Event(
        "meeting",
        (putin, xi),
        "a2",
        "Путин и Си Цзиньпин провели переговоры по видеосвязи.",
        date="2026-02-04",
        mode="video",
    )
    return to_graph([Result(Article("a1", "…"), (), (in_beijing,)), Result(Article("a2", "…"), (), (by_video,))])
