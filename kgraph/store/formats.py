"""The RDF file formats kgraph reads and writes: one table, by name and by suffix.

>>> format_of("graph.ttl").name
'turtle'
>>> FORMATS["nquads"].quads
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

__all__ = ["FORMATS", "Format", "format_named", "format_of"]


@dataclass(frozen=True)
class Format:
    """An RDF syntax: kgraph's name, file suffixes, Oxigraph's format, whether it keeps named graphs."""

    name: str
    suffixes: tuple[str, ...]
    ox: ox.RdfFormat
    quads: bool = False


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", (".ttl",), ox.RdfFormat.TURTLE),
        Format("nt", (".nt",), ox.RdfFormat.N_TRIPLES),
        Format("nquads", (".nq",), ox.RdfFormat.N_QUADS, quads=True),
        Format("trig", (".trig",), ox.RdfFormat.TRIG, quads=True),
        Format("jsonld", (".jsonld", ".json"), ox.RdfFormat.JSON_LD),
        Format("xml", (".rdf", ".owl"), ox.RdfFormat.RDF_XML),
    )
}
_BY_SUFFIX = {suffix: f for f in FORMATS.values() for suffix in f.suffixes}
_ALIASES = {"ttl": "turtle", "ntriples": "nt", "nq": "nquads", "json-ld": "jsonld", "rdfxml": "xml"}


def format_of(path: str | Path) -> Format:
    """The format of a file, from its suffix: "g.ttl" -> turtle; ValueError for any other."""
    suffix = Path(path).suffix.lower()
    if suffix not in _BY_SUFFIX:
        known = ", ".join(sorted(_BY_SUFFIX))
        raise ValueError(f"{path}: unknown graph format {suffix!r} (known: {known})")
    return _BY_SUFFIX[suffix]


def format_named(name: str) -> Format:
    """The format called so: "turtle", "nt", "nquads", "trig", "jsonld" (or "ttl", "json-ld" ...)."""
    key = _ALIASES.get(name.lower(), name.lower())
    if key not in FORMATS:
        raise ValueError(f"unknown graph format {name!r} (known: {', '.join(FORMATS)})")
    return FORMATS[key]
