"""Files replaced whole or not at all: written to a temporary file beside, then renamed over.

>>> import tempfile, pathlib
>>> folder = tempfile.TemporaryDirectory()
>>> path = pathlib.Path(folder.name) / "events.csv"
>>> atomic_write(path, "встреча;".encode())
>>> with atomic_output(path) as out:
...     _ = out.write("визит;".encode())
>>> path.read_text(encoding="utf-8"), sorted(p.name for p in path.parent.iterdir())
('визит;', ['events.csv'])
>>> folder.cleanup()
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic_output", "atomic_write"]


@contextlib.contextmanager
def atomic_output(destination: str | Path | BinaryIO) -> Iterator[BinaryIO]:
    """A binary stream for ``destination``: a temp file renamed over it on success, stdout for "-"."""
    if destination == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if not isinstance(destination, (str, Path)):
        yield destination
        return
    path = Path(destination)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path``, then rename it over ``path``.

    An interrupted write leaves the old file (or none), never half a file.
    """
    with atomic_output(path) as handle:
        handle.write(data)
