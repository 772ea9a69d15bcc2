"""Where a graph lives: one rdflib Graph API over files, an Oxigraph store and a SPARQL server.

A GRAPH spec names one of them, for reading (:func:`open_graph`) and for builds
(:func:`open_target`):

=================================  ==============================================
``graph.ttl`` (.nt .nq .trig .jsonld)  a file, read into memory (the default)
``oxigraph:DIR``                   an Oxigraph store on disk (created by a build)
``http://HOST:PORT/PATH``          a SPARQL 1.1 server (query endpoint URL)
=================================  ==============================================

>>> import tempfile
>>> from kgraph.examples import one_meeting
>>> result = one_meeting()
>>> folder = tempfile.TemporaryDirectory()
>>> with open_target(f"oxigraph:{folder.name}/kg.oxigraph") as target:  # a build, article by article
...     target.add(result)                                           # the triples the article holds
19
>>> graph = open_graph(f"oxigraph:{folder.name}/kg.oxigraph")           # read-only
>>> run_query(graph, "ASK { ?e a kg:Meeting }").askAnswer
True
>>> folder.cleanup()
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .files import FileTarget, atomic_output, atomic_write, quads_of, read_file, write_graph, write_quads
from .formats import FORMATS, Format, format_named, format_of
from .oxigraph import OxigraphTarget, open_oxigraph
from .query import QueryError, check_query, run_query
from .sparql import SparqlTarget, open_sparql
from .target import Target

__all__ = [
    "BACKENDS",
    "FORMATS",
    "Backend",
    "FileTarget",
    "Format",
    "OxigraphTarget",
    "QueryError",
    "SparqlTarget",
    "Target",
    "atomic_output",
    "atomic_write",
    "backend_of",
    "check_query",
    "format_named",
    "format_of",
    "open_graph",
    "open_target",
    "quads_of",
    "read_file",
    "run_query",
    "save_graph",
    "write_graph",
    "write_quads",
]


@dataclass(frozen=True)
class Backend:
    """A kind of place for graphs: which specs it takes, how to read one, how to build into one."""

    name: str
    matches: Callable[[str], bool]
    location: Callable[[str], str]
    open_graph: Callable[[str], Graph]
    open_target: Callable[[str], Target]


BACKENDS: tuple[Backend, ...] = (
    Backend("sparql", lambda s: s.startswith(("http://", "https://")), str, open_sparql, SparqlTarget),
    Backend(
        "oxigraph",
        lambda s: s.startswith("oxigraph:"),
        lambda s: s.removeprefix("oxigraph:"),
        open_oxigraph,
        OxigraphTarget,
    ),
    Backend("file", lambda s: True, str, read_file, FileTarget),
)


def backend_of(spec: str | Path) -> tuple[Backend, str]:
    """The backend a spec names, and the location it passes on: "oxigraph:kg" -> (oxigraph, "kg")."""
    text = str(spec)
    backend = next(b for b in BACKENDS if b.matches(text))
    location = backend.location(text)
    if not location:
        raise ValueError(f"{spec}: no location given")
    return backend, location


def open_graph(spec: str | Path) -> Graph:
    """The graph a spec names, to read and query: a file parsed into memory, a store, a server."""
    backend, location = backend_of(spec)
    return backend.open_graph(location)


def open_target(spec: str | Path) -> Target:
    """Where a build writes: "graph.ttl", "graph.nq", "oxigraph:DIR", "http://HOST:PORT/query".

    Raises ValueError for a spec it cannot write to, before any article is processed.
    """
    backend, location = backend_of(spec)
    return backend.open_target(location)


def save_graph(graph: Graph, destination: str | Path, format: str | None = None) -> None:
    """Write a graph to a file, atomically and sorted; the format follows the suffix unless named."""
    write_graph(graph, destination, format_named(format) if format else format_of(destination))
