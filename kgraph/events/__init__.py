"""The events of the graph as a table analysts work in: one row per event, ACLED/GDELT-style.

A graph of one meeting and one visit (as :func:`kgraph.rdf.to_graph` writes what articles
gave), its table (a pandas DataFrame: the ``tables`` extra) and that written as CSV:

>>> import io
>>> from kgraph.examples import PUTIN as putin, XI as xi, graph_of
>>> from kgraph.model import Entity, Event
>>> talks = Event("meeting", (putin, xi), "a1", "Путин и Си Цзиньпин провели переговоры.", date="2025-09-02")
>>> china = Entity("Q148", "Китай", "LOC", "Q148")
>>> trip = Event("visit", (putin,), "a1", "Путин прибыл в Китай.", date="2025-09", place=china)
>>> df = to_frame(graph_of(talks, trip))
>>> df[["kind", "date", "participants", "place", "foreign", "cameo"]].to_dict("records")
[{'kind': 'visit', 'date': '2025-09', 'participants': ['Владимир Путин'], 'place': 'Китай', 'foreign': True,
  'cameo': '042'},
 {'kind': 'meeting', 'date': '2025-09-02', 'participants': ['Владимир Путин', 'Си Цзиньпин'], 'place': None,
  'foreign': True, 'cameo': '040'}]
>>> out = io.StringIO()
>>> write_table(df, out)                            # or a file name: "events.csv", "events.parquet"
>>> out.getvalue().splitlines()[2].split(",")[:6]
['https://w3id.org/kgraph/resource/event/meeting-...', 'meeting', '2025-09-02', 'day', 'occurred', 'unknown']

One module a job: :mod:`.columns` is the table's columns (names, dtypes, meanings),
:mod:`.records` reads the events by SPARQL into plain dicts (no pandas), :mod:`.codes` gives
CAMEO and PLOVER codes, :mod:`.frame` makes the DataFrame and writes and reads CSV and
Parquet, :mod:`.dyads` counts country pairs (the country network).
"""

from __future__ import annotations

from .codes import Codes, event_codes
from .columns import COLUMNS, LIST_SEPARATOR, NAMES, Column
from .dyads import DYAD_KINDS, country_network, dyad_table, event_dyads
from .frame import TABLE_FORMATS, read_table, require_pandas, to_frame, write_table
from .records import event_records, is_foreign

__all__ = [
    "COLUMNS",
    "DYAD_KINDS",
    "LIST_SEPARATOR",
    "NAMES",
    "TABLE_FORMATS",
    "Codes",
    "Column",
    "country_network",
    "dyad_table",
    "event_codes",
    "event_dyads",
    "event_records",
    "is_foreign",
    "read_table",
    "require_pandas",
    "to_frame",
    "write_table",
]
