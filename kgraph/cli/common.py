"""What several commands share: reading and processing articles with reports, errors, output files."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TextIO

from ..articles import Skipped, read_articles
from ..atomic import atomic_output
from ..model import Article
from ..runner import WorkerDied, default_workers, run
from .progress import Progress, Tally
from .systemic import SystemicFailure, Watch

__all__ = ["Batch", "RunStopped", "add_input_arguments", "atomic_text", "fail", "warn"]

#: what stops a whole run of articles: a dead worker, or every article failing alike
RunStopped = (WorkerDied, SystemicFailure)


def warn(message: str) -> None:
    """Print "kgraph: warning: ..." on stderr."""
    print(f"kgraph: warning: {message}", file=sys.stderr)


def fail(message: str, code: int = 2) -> int:
    """Print "kgraph: error: ..." on stderr; the exit code to return (2 by default)."""
    print(f"kgraph: error: {message}", file=sys.stderr)
    return code


def _workers(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more, not {text!r}")
    return n


def add_input_arguments(parser) -> None:
    """The arguments of every command that reads articles: PATH..., --strict, -j/--workers, -q/--quiet,
    --parse-all."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="Interfax .txt files, .jsonl files, folders (recursive), or - for stdin",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 if any article was skipped")
    parser.add_argument(
        "-j",
        "--workers",
        type=_workers,
        default=default_workers(),
        metavar="N",
        help="worker processes (default: the number of cores, here %(default)s); 1 runs in this process",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress line and no summary on stderr (warnings still show)"
    )
    parser.add_argument(
        "--parse-all",
        action="store_true",
        help="parse every sentence, not only those some construction reads: slower, the same output (a check)",
    )


def _parsing_all():
    from ..pipeline import process_parsing_all

    return process_parsing_all


class Batch:
    """One command's pass over its input: processed articles in input order, on ``--workers``
    processes, with skips warned about and counted, a progress line and a summary.

        batch = Batch(args)
        for result in batch.results():
            ...
        batch.finish()          # the summary on stderr
        return batch.exit_code  # 1 if something was skipped under --strict
    """

    def __init__(self, args) -> None:
        self.paths = args.paths
        self.workers = args.workers
        self.strict = args.strict
        self.parse_all = getattr(args, "parse_all", False)
        self.skipped: list[Skipped] = []
        self.tally = Tally()
        self.progress = Progress(self.tally, quiet=args.quiet)

    def _skip(self, item: Skipped) -> None:
        self.skipped.append(item)
        self.tally.count(item)
        self.progress.write(f"kgraph: warning: skipped {item.origin}: {item.reason}")

    def results(self) -> Iterator:
        """The :class:`~kgraph.pipeline.Result` of each article, in input order.

        Raises :class:`~kgraph.cli.systemic.SystemicFailure` when the articles all fail
        with one error (natasha does not load, a dependency is missing): see :class:`Watch`.
        """
        watch = Watch()
        try:
            try:
                if self.parse_all:
                    items = run(self._readable(), self.workers, function=_parsing_all(), models=True)
                else:
                    items = run(self._readable(), self.workers)
            except ImportError as error:  # natasha or a model that cannot be imported
                raise SystemicFailure(
                    f"cannot load the language models: {type(error).__name__}: {error}"
                    " (reinstall kgraph with pip install .)"
                ) from error
            with closing(items):
                for item in items:
                    if isinstance(item, Skipped):  # processing failed
                        for failure in watch.see(item):
                            self._skip(failure)
                        continue
                    for failure in watch.succeeded():
                        self._skip(failure)
                    self.tally.count(item)
                    self.progress.update()
                    yield item
            for failure in watch.close():
                self._skip(failure)
        except BaseException:  # Ctrl-C, a dead worker: the message goes on a clean line
            self.progress.clear()
            raise

    def _readable(self) -> Iterator[Article]:
        for item in read_articles(self.paths):
            if isinstance(item, Skipped):
                self._skip(item)
            else:
                yield item

    def finish(self) -> None:
        """End the progress line and print the summary (unless quiet)."""
        self.progress.finish()

    @property
    def exit_code(self) -> int:
        """1 when articles were skipped under ``--strict``, else 0."""
        return 1 if self.skipped and self.strict else 0


@contextmanager
def atomic_text(path: str | Path) -> Iterator[TextIO]:
    """A text file written in a temporary file beside ``path`` and renamed over it at the end
    (:func:`kgraph.atomic.atomic_output`, which keeps the old file's mode).

    Lines stream to disk as they are written; an error or Ctrl-C leaves the old file.
    """
    with atomic_output(path) as binary:
        handle = io.TextIOWrapper(binary, encoding="utf-8", newline="\n")
        try:
            yield handle
            handle.flush()
        finally:
            handle.detach()
