"""Named SPARQL queries shipped with kgraph (``kgraph/queries/*.rq``), and their parameters.

A query file opens with a comment that says what it answers, then one line per parameter::

    # A person's meetings, in date order ...
    # param person name: the person's canonical name, e.g. "Владимир Путин"

Parameters are bound as RDF terms (never pasted into the query text): a ``name`` is a
Russian label, ``"Владимир Путин"@ru``; a ``first-day``/``last-day`` is a date, padded
to a day: ``2025`` -> ``2025-01-01`` / ``2025-12-31``.

>>> query = NAMED["meetings-of-person"]
>>> query.bindings({"person": "Владимир Путин"})
{'person': rdflib.term.Literal('Владимир Путин', lang='ru')}
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal
from rdflib.term import Identifier

__all__ = ["NAMED", "PARAM_TYPES", "NamedQuery", "Param", "bindings_for", "load_named"]

_HERE = Path(__file__).resolve().parent
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _date(value: str, end: bool) -> Literal:
    match = _DATE.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a date: YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    month = month or ("12" if end else "01")
    if not 1 <= int(month) <= 12:
        raise ValueError(f"{value!r}: no month {month}")
    last = calendar.monthrange(int(year), int(month))[1]
    day = day or (f"{last:02d}" if end else "01")
    if not 1 <= int(day) <= last:
        raise ValueError(f"{value!r}: no day {day} in {year}-{month}")
    return Literal(f"{year}-{month}-{day}")


#: parameter type -> the RDF term a command-line value becomes
PARAM_TYPES: dict[str, Callable[[str], Identifier]] = {
    "name": lambda value: Literal(value, lang="ru"),
    "first-day": lambda value: _date(value, end=False),
    "last-day": lambda value: _date(value, end=True),
    "literal": Literal,
}


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: its name, its type (how a value is written) and its help."""

    name: str
    type: str
    help: str


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``kgraph/queries/*.rq``: its name, title, SPARQL text and parameters."""

    name: str
    title: str
    text: str
    params: tuple[Param, ...]

    def bindings(self, values: dict[str, str]) -> dict[str, Identifier]:
        """The variable bindings for command-line values; ValueError naming what is missing or unknown."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            raise ValueError(
                f"query {self.name!r} has no parameter {', '.join(unknown)} (it takes: {', '.join(declared) or 'none'})"
            )
        missing = [p.name for p in self.params if p.name not in values]
        if missing:
            raise ValueError(f"query {self.name!r} needs --param " + " ".join(f"{m}=..." for m in missing))
        return {name: PARAM_TYPES[declared[name].type](value) for name, value in values.items()}


_PARAM = re.compile(r"^#\s*param\s+(\w+)\s+([\w-]+)\s*:\s*(.*)$")


def _parse(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    title, params = [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _PARAM.match(line)
        if match:
            name, kind, help = match.groups()
            if kind not in PARAM_TYPES:
                raise ValueError(f"{path.name}: parameter {name} has unknown type {kind!r}")
            params.append(Param(name, kind, help))
        elif not params:
            title.append(line.lstrip("# ").strip())
    return NamedQuery(path.stem, " ".join(title), text, tuple(params))


def load_named(folder: Path = _HERE) -> dict[str, NamedQuery]:
    """Every ``*.rq`` in the folder by name (the file stem), sorted."""
    return {q.name: q for q in map(_parse, sorted(folder.glob("*.rq")))}


def bindings_for(values: dict[str, str]) -> dict[str, Identifier]:
    """Bindings for a query that is not a named one: every value a plain literal."""
    return {name: Literal(value) for name, value in values.items()}


NAMED: dict[str, NamedQuery] = load_named()
