"""The events table as a pandas DataFrame, and as CSV and Parquet files (the ``tables`` extra).

CSV is UTF-8 with a byte-order mark, so a spreadsheet opens the Cyrillic as itself; a list
cell is joined with "; " (``LIST_SEPARATOR``). Parquet keeps lists as lists and dates as
timestamps. :func:`read_table` reads either back into the dtypes of :func:`to_frame`.
"""

from __future__ import annotations

import io
from pathlib import Path

from rdflib import Graph

from ..store import atomic_write
from .columns import COLUMNS, LIST_SEPARATOR, NAMES
from .records import event_records

__all__ = ["TABLE_FORMATS", "read_table", "require_pandas", "to_frame", "write_table"]

#: file suffix -> format name
TABLE_FORMATS = {".csv": "csv", ".parquet": "parquet"}


def require_pandas():
    """pandas, or an ImportError that says which extra to install."""
    try:
        import pandas
    except ImportError as error:  # pragma: no cover - the test environment has pandas
        raise ImportError("the events table needs pandas: pip install 'kgraph[tables]'") from error
    return pandas


def _typed(frame):
    """The frame with each column in its documented dtype."""
    pd = require_pandas()
    for column in COLUMNS:
        if column.dtype == "list":  # Parquet gives arrays back: lists again
            frame[column.name] = frame[column.name].map(list).astype(object)
        elif column.dtype == "datetime64[ns]":
            frame[column.name] = pd.to_datetime(frame[column.name], format="%Y-%m-%d").astype("datetime64[ns]")
        else:
            frame[column.name] = frame[column.name].astype(column.dtype)
    return frame


def _arrow_schema():
    """The Parquet schema of :data:`COLUMNS`: a list column is list<string> even when every list is empty."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "list": pa.list_(pa.string()),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "datetime64[ns]": pa.timestamp("ns"),
    }
    return pa.schema([(column.name, types[column.dtype]) for column in COLUMNS])


def to_frame(graph: Graph, status=None):
    """The events of a graph as a DataFrame: one row per event, the columns of :data:`COLUMNS`.

    >>> from kgraph.examples import PUTIN as putin, XI as xi, graph_of
    >>> from kgraph.model import Event
    >>> talks = [Event("meeting", (putin, xi), "a1", "Путин и Си Цзиньпин провели переговоры.", date=day)
    ...          for day in ("2025-09-02", "2025-09-03", "2026-02-04")]
    >>> df = to_frame(graph_of(*talks))
    >>> df[df.kind == "meeting"].groupby(df.date.str[:7]).size().to_dict()     # meetings per month
    {'2025-09': 2, '2026-02': 1}
    """
    pd = require_pandas()
    records = event_records(graph, status=status)
    for record in records:
        for name in ("first_report", "last_report"):
            record[name] = record[name].isoformat() if record[name] else None
    frame = pd.DataFrame.from_records(records, columns=list(NAMES))
    return _typed(frame)


def _format(path: str | Path, format: str | None) -> str:
    if format:
        return format
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_FORMATS:
        raise ValueError(f"{path}: unknown table format {suffix!r} (known: {', '.join(TABLE_FORMATS)})")
    return TABLE_FORMATS[suffix]


def write_table(frame, path, format: str | None = None) -> None:
    """Write the events table as CSV (UTF-8 with BOM, lists joined by "; ") or Parquet.

    ``path`` is a file name, written atomically (a temporary file renamed over it), the format
    from its suffix unless ``format`` says; or, for CSV, an open text stream such as
    ``sys.stdout`` (no BOM there: it is for pipes, not spreadsheets).
    """
    if format is None and not isinstance(path, (str, Path)):
        format = "csv"
    format = _format(path, format)
    if format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as error:
            raise ImportError("Parquet needs pyarrow: pip install 'kgraph[tables]'") from error
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False, schema=_arrow_schema())
        atomic_write(path, buffer.getvalue())
        return
    out = frame.copy()
    for column in COLUMNS:
        if column.dtype == "list":
            out[column.name] = out[column.name].map(LIST_SEPARATOR.join)
    text = out.to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\n")
    if isinstance(path, (str, Path)):
        atomic_write(path, text.encode("utf-8-sig"))
    else:
        path.write(text)


def read_table(path: str | Path, format: str | None = None):
    """Read an events table written by :func:`write_table` back into the dtypes of :func:`to_frame`."""
    pd = require_pandas()
    if _format(path, format) == "parquet":
        return _typed(pd.read_parquet(path))
    text = {c.name: "string" for c in COLUMNS if c.dtype != "bool"}
    frame = pd.read_csv(
        path,
        encoding="utf-8-sig",
        dtype=text,
        keep_default_na=False,
        na_values={c.name: [""] for c in COLUMNS if c.dtype != "list"},
    )
    for column in COLUMNS:
        if column.dtype != "list":
            continue
        values = frame[column.name].fillna("")
        if column.aligned:  # one entry per participant: "" is one unknown entry, not none
            frame[column.name] = values.map(lambda cell: cell.split(LIST_SEPARATOR))
        else:
            frame[column.name] = values.map(lambda cell: cell.split(LIST_SEPARATOR) if cell else [])
    return _typed(frame)
