"""Tiny inputs for the docstring examples: Путин and Си Цзиньпин meeting, as articles report it.

>>> len(one_meeting().events)
1
>>> from kgraph.network import meeting_network
>>> meeting_network(two_meetings()).number_of_edges()
2
"""

from __future__ import annotations

from rdflib import Graph

from .model import Article, Entity, Event
from .pipeline import Result
from .rdf import to_graph

__all__ = ["PUTIN", "XI", "graph_of", "one_meeting", "two_meetings"]

PUTIN = Entity("Q7747", "Владимир Путин", "PER", "Q7747")
XI = Entity("Q15031", "Си Цзиньпин", "PER", "Q15031")


def graph_of(*events: Event) -> Graph:
    """The graph of one article, a1, that reports these events."""
    return to_graph([Result(Article("a1", "…"), (), events)])


def one_meeting() -> Result:
    """One article, a1, with one meeting on 2026-02-04: "Путин встретился с Си Цзиньпином."."""
    meeting = Event("meeting", (PUTIN, XI), "a1", "Путин встретился с Си Цзиньпином.", date="2026-02-04")
    return Result(Article(id="a1", text=meeting.evidence), (PUTIN, XI), (meeting,))


def two_meetings() -> Graph:
    """Talks in Beijing on 2025-09-02 (in person, article a1) and by video on 2026-02-04 (a2)."""
    in_beijing = Event(
        "meeting",
        (PUTIN, XI),
        "a1",
        "Путин и Си Цзиньпин провели переговоры в Пекине.",
        date="2025-09-02",
        mode="in_person",
    )
    by_video = Event(
        "meeting",
        (PUTIN, XI),
        "a2",
        "Путин и Си Цзиньпин провели переговоры по видеосвязи.",
        date="2026-02-04",
        mode="video",
    )
    return to_graph([Result(Article("a1", "…"), (), (in_beijing,)), Result(Article("a2", "…"), (), (by_video,))])
