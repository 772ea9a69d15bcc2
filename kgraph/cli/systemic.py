"""A systemic failure: when the articles all fail the same way, the cause is not the articles.

A missing dependency (natasha's pymorphy2 without ``pkg_resources``), a model that does not
load, a bug hit by every text: each article comes back as a :class:`Skipped`, "processing
failed: ModuleNotFoundError: ...", and a run that only warned would end with exit 0 and
an empty graph. :class:`Watch` sees the processing failures where a command consumes the
results and decides:

- the first :data:`FIRST` articles processed all failed with one and the same error, or the
  run ended with every article failed that way: :class:`SystemicFailure`, one message, the
  command stops with exit 2 and writes nothing;
- otherwise each failure is an article's own: it is reported as a skip, as before.

Failures are held back while undecided (nothing succeeded yet, all the same error, fewer
than FIRST), so a systemic failure prints one error instead of a warning per article.

>>> watch = Watch(first=2)
>>> watch.see(Skipped("a.txt", "processing failed: ValueError: x"))
[]
>>> watch.see(Skipped("b.txt", "processing failed: ValueError: x"))
Traceback (most recent call last):
...
kgraph.cli.systemic.SystemicFailure: the first 2 articles all failed with the same error, so every article would: processing failed: ValueError: x
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..articles import Skipped

__all__ = ["FIRST", "SystemicFailure", "Watch"]

FIRST = 5  # articles that all failed alike, with none done, before a run stops


class SystemicFailure(RuntimeError):
    """Every article fails with the same error: the installation or the code, not the input."""


def _hint(reason: str) -> str:
    if "ModuleNotFoundError" in reason or "ImportError" in reason:
        return " (a dependency is missing: reinstall kgraph with pip install .)"
    return ""


@dataclass
class Watch:
    """Processing failures seen in result order; see the module's docstring."""

    first: int = FIRST
    held: list[Skipped] = field(default_factory=list)
    decided: bool = False  # an article succeeded, or two failed differently: failures are their own

    def see(self, failure: Skipped) -> list[Skipped]:
        """The failures to report now (as skips); SystemicFailure after ``first`` alike."""
        if self.decided:
            return [failure]
        self.held.append(failure)
        if len({item.reason for item in self.held}) > 1:
            return self._release()
        if len(self.held) >= self.first:
            raise SystemicFailure(f"the first {len(self.held)} articles all failed with the same error, "
                                  f"so every article would: {failure.reason}{_hint(failure.reason)}")
        return []

    def succeeded(self) -> list[Skipped]:
        """An article was processed: the failures held so far are reported as its own."""
        return self._release()

    def close(self) -> list[Skipped]:
        """At the end of the run: the failures still held, or SystemicFailure when every article
        of the run failed, all with the same error."""
        if self.held and not self.decided:
            reason = self.held[0].reason
            raise SystemicFailure(f"every article ({len(self.held)}) failed with the same error: "
                                  f"{reason}{_hint(reason)}")
        return self._release()

    def _release(self) -> list[Skipped]:
        self.decided = True
        held, self.held = self.held, []
        return held
