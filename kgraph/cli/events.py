"""The events as a table: one row per event (meeting, visit, statement), ACLED/GDELT-style.

A file is written as UTF-8 with BOM (a spreadsheet opens the Cyrillic); Parquet keeps lists
as lists and dates as dates; without -o the CSV goes to stdout.

Columns: see the README's table (kgraph.events.COLUMNS). In CSV a list cell (participants,
their ids and countries, sources) is joined with "; ". Needs pandas (and pyarrow for
Parquet): pip install 'kgraph[tables]'.
"""

from __future__ import annotations

import sys

from ..store import open_graph
from . import GRAPH_HELP
from .common import fail

help = "the events as a table: CSV or Parquet, one row per event (needs kgraph[tables])"
epilog = """\
examples:
  kgraph events graph.ttl -o events.csv
  kgraph events oxigraph:kg -o events.parquet --occurred
  kgraph events graph.ttl | head"""


def add_arguments(parser) -> None:
    """The arguments of ``kgraph events``: GRAPH, ``-o FILE`` and ``--occurred``."""
    parser.add_argument("graph", metavar="GRAPH", help=GRAPH_HELP)
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="the file to write, atomically: .csv or .parquet (default: - for CSV on stdout)",
    )
    parser.add_argument(
        "--occurred",
        action="store_true",
        help="only the events that took place (default: every status, in the status column)",
    )


def run(args) -> int:
    """Write the graph's events table as CSV or Parquet (CSV on stdout for ``-``); the exit code."""
    try:
        from ..events import to_frame, write_table
        from ..events.frame import require_pandas

        require_pandas()
    except ImportError as error:
        return fail(str(error))
    try:
        graph = open_graph(args.graph)
        frame = to_frame(graph, status="occurred" if args.occurred else None)
        write_table(frame, sys.stdout if args.output == "-" else args.output)
    except BrokenPipeError:
        raise
    except (OSError, ValueError, ImportError) as error:
        return fail(str(error))
    if args.output != "-":
        print(f"kgraph: {len(frame)} events -> {args.output}", file=sys.stderr)
    return 0
