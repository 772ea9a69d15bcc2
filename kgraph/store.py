"""Where a graph lives: files by suffix (and, later, stores by URL).

>>> graph = open_graph("graph.ttl")          # parse a Turtle file into memory
>>> save_graph(graph, "graph.nt")            # written atomically: temp file, then rename
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from .rdf import article_iri, article_triples, bind_namespaces

__all__ = ["FORMATS", "format_of", "open_graph", "save_graph", "atomic_write", "Target", "FileTarget", "open_target"]

# suffix -> rdflib format name
FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}
QUAD_FORMATS = {"nquads", "trig"}


def format_of(path: str | Path) -> str:
    """The rdflib format for a file name: "g.ttl" -> "turtle"."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"{path}: unknown graph format {suffix!r} (known: {known})")
    return FORMATS[suffix]


def open_graph(source: str | Path) -> Graph:
    """A graph parsed from a file (.ttl, .nt, .nq, .trig, .jsonld)."""
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"{source}: no such graph file")
    fmt = format_of(path)
    graph = Dataset(default_union=True) if fmt in QUAD_FORMATS else Graph()
    graph.parse(path, format=fmt)
    return bind_namespaces(graph)


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path``, then rename it over ``path``.

    An interrupted write leaves the old file (or none), never half a file.
    """
    path = Path(path)
    fd, temp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def save_graph(graph: Graph, destination: str | Path, format: str | None = None) -> None:
    """Serialize a graph to a file, atomically; the format follows the suffix."""
    fmt = format or format_of(destination)
    data = graph.serialize(format=fmt, encoding="utf-8")
    atomic_write(destination, data)


class Target:
    """Where a build puts its articles: each article's triples in its own named graph.

    Use as a context manager; ``add`` replaces whatever an earlier build put
    there for the same article, so re-running a build changes nothing::

        with open_target("graph.ttl") as target:
            for result in results:
                target.add(result)
    """

    def add(self, result) -> int:
        """Put one processed article (a :class:`~kgraph.pipeline.Result`) in; the triples added."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish: write the file, commit the store."""

    def abort(self) -> None:
        """Give up: leave what was there before untouched."""

    def __enter__(self) -> "Target":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


class FileTarget(Target):
    """A graph built in memory and written atomically to a file when closed.

    Quad formats (.nq, .trig) keep one named graph per article; triple
    formats (.ttl, .nt, .jsonld) get the union.
    """

    def __init__(self, path: str | Path, format: str | None = None) -> None:
        self.path = Path(path)
        self.format = format or format_of(path)
        self.dataset = bind_namespaces(Dataset(default_union=True))

    def add(self, result) -> int:
        graph = self.dataset.graph(article_iri(result.article.id))
        graph.remove((None, None, None))
        for triple in article_triples(result.article, result.events):
            graph.add(triple)
        return len(graph)

    def close(self) -> None:
        if self.format in QUAD_FORMATS:
            save_graph(self.dataset, self.path, self.format)
            return
        union = bind_namespaces(Graph())
        for triple in self.dataset.triples((None, None, None)):
            union.add(triple)
        save_graph(union, self.path, self.format)


def open_target(spec: str | Path) -> Target:
    """The target a build writes to, from a file name: "graph.ttl", "graph.nq"."""
    return FileTarget(spec)
