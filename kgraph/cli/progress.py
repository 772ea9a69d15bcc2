"""What a long command tells on stderr: a progress line while it runs, a summary at the end.

2000 articles  21.4 articles/s  3504 events                      (a terminal only)
kgraph: 2000 articles read in 93.5 s (21.4 articles/s); 2 skipped: broken JSON 1, processing failed 1
kgraph: events: meeting 812, statement 2580, visit 112
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from ..articles import Skipped

__all__ = ["Progress", "Tally", "reason_kind"]

# A skip's reason up to its particulars: "broken JSON (Expecting value, column 1)" -> "broken JSON".
PARTICULARS = re.compile(r" \(|: | '| \d")


def reason_kind(reason: str) -> str:
    """The kind of a skip, to count skips by: "impossible date '2020-13-01'" -> "impossible date"."""
    return PARTICULARS.split(reason, maxsplit=1)[0].strip() or reason


@dataclass
class Tally:
    """Counts of one run: articles done, skips by kind, events by kind, time."""

    articles: int = 0
    events: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def count(self, item) -> None:
        """Count a :class:`~kgraph.pipeline.Result` or a :class:`~kgraph.articles.Skipped`."""
        if isinstance(item, Skipped):
            self.skipped[reason_kind(item.reason)] += 1
        else:
            self.articles += 1
            self.events.update(event.kind for event in item.events)

    @property
    def seconds(self) -> float:
        """Seconds since the run started."""
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        """Articles per second so far."""
        return self.articles / max(self.seconds, 1e-9)

    def summary(self) -> str:
        """Two lines: articles, time, rate and skips; events by kind."""
        skips = sum(self.skipped.values())
        line = (
            f"kgraph: {self.articles} articles read in {self.seconds:.1f} s "
            f"({self.rate:.1f} articles/s); {skips} skipped"
        )
        if skips:
            line += ": " + ", ".join(f"{kind} {n}" for kind, n in sorted(self.skipped.items()))
        events = ", ".join(f"{kind} {n}" for kind, n in sorted(self.events.items())) or "none"
        return f"{line}\nkgraph: events: {events}"


class Progress:
    """A one-line progress display on a terminal; silent elsewhere or when ``quiet``.

    Messages (warnings) go through :meth:`write`, so they do not tear the line.
    """

    def __init__(self, tally: Tally, stream: TextIO | None = None, quiet: bool = False, every: float = 0.25) -> None:
        self.tally = tally
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = not quiet and self.stream.isatty()
        self.every = every
        self.shown = 0.0
        self.width = 0

    def update(self) -> None:
        """Redraw the line if enough time has passed since the last time."""
        if self.live and time.perf_counter() - self.shown >= self.every:
            self._draw()

    def _draw(self) -> None:
        t = self.tally
        text = f"{t.articles} articles  {t.rate:.1f} articles/s  {sum(t.events.values())} events"
        if t.skipped:
            text += f"  {sum(t.skipped.values())} skipped"
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)
        self.shown = time.perf_counter()

    def clear(self) -> None:
        """Remove the progress line (before an error message, say)."""
        if self.live and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.width = 0

    def write(self, message: str) -> None:
        """Print a message on its own line, above the progress line."""
        self.clear()
        print(message, file=self.stream, flush=True)

    def finish(self) -> None:
        """Remove the progress line and print the summary (unless quiet)."""
        self.clear()
        if not self.quiet:
            print(self.tally.summary(), file=self.stream, flush=True)
