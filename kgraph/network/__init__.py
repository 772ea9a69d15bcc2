"""networkx views of the knowledge graph: who met whom, when, and who visited where.

Two builders read any rdflib Graph (a parsed file, a Dataset, an Oxigraph store):

- :func:`meeting_network` -- a ``MultiGraph`` of people, one edge per meeting;
- :func:`visit_network` -- a ``MultiDiGraph``, one edge person -> place per visit.

The rest are pure functions that take the meeting network first, as networkx's do. Two
meetings of Путин and Си Цзиньпин, as two articles report them:

>>> from kgraph.examples import two_meetings
>>> graph = two_meetings()
>>> G = meeting_network(graph)
>>> [(r["date"], r["with"], r["mode"]) for r in timeline(G, "Путин", start="2026-02")]
[('2026-02-04', ['Си Цзиньпин'], 'video')]
>>> partners(G, "Владимир Путин")
[('Си Цзиньпин', 2)]

Only meetings that happened are edges by default (``status="occurred"``): a planned
meeting («встреча запланирована на май») or a negated one («встречи не будет») is not
a meeting, as in PLOVER. ``status=None`` keeps every status; each edge says its own.

Dates stay ISO strings of the precision the article gave: ``"2026-02-04"`` (day),
``"2025-09"`` (month), ``"2025"`` (year), or None. A date window holds a meeting when
the whole period of its date lies inside the window, so ``"2025-09"`` is inside
September 2025 but not inside 10--20 September.

One module a job: :mod:`.load` reads the graph by SPARQL, :mod:`.reference` adds what the
reference KB knows, :mod:`.find` finds a person, :mod:`.window` cuts date windows,
:mod:`.analytics` answers questions, :mod:`.countries` keeps the meetings across borders
(:func:`foreign`), :mod:`.write` writes GEXF and GraphML.
"""

from __future__ import annotations

from .analytics import (
    TIMELINE_BY,
    centrality,
    communities,
    count_meetings,
    ego_network,
    headline,
    meetings_between,
    meetings_per_month,
    met_graph,
    partners,
    timeline,
)
from .countries import foreign, meeting_countries
from .find import find_person
from .load import meeting_network, visit_network
from .window import period, window
from .write import EXPORT_FORMATS, exportable, write_network

__all__ = [
    "EXPORT_FORMATS",
    "TIMELINE_BY",
    "centrality",
    "communities",
    "count_meetings",
    "ego_network",
    "exportable",
    "find_person",
    "foreign",
    "headline",
    "meeting_countries",
    "meeting_network",
    "meetings_between",
    "meetings_per_month",
    "met_graph",
    "partners",
    "period",
    "timeline",
    "visit_network",
    "window",
    "write_network",
]
