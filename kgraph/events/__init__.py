"""The events of the graph as a table analysts work in: one row per event, ACLED/GDELT-style.

>>> from kgraph.events import to_frame, write_table
>>> df = to_frame(open_graph("graph.ttl"))          # a pandas DataFrame (the ``tables`` extra)
>>> write_table(df, "events.csv")                   # or "events.parquet"
>>> df[df.kind == "meeting"].groupby(df.date.str[:7]).size()

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
