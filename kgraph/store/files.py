"""Graph files: read into memory, written atomically and in a stable order.

>>> import tempfile
>>> from kgraph.examples import one_meeting
>>> result = one_meeting()
>>> folder = tempfile.TemporaryDirectory()
>>> with FileTarget(f"{folder.name}/graph.ttl") as target:  # a build: articles on disk until the file is written
...     target.add(result)
19
>>> graph = read_file(f"{folder.name}/graph.ttl")  # parsed with Oxigraph's parser into an rdflib Graph
>>> write_graph(graph, f"{folder.name}/graph.nt")  # sorted N-Triples, temp file then rename
>>> len(open(f"{folder.name}/graph.nt", encoding="utf-8").readlines()) == len(graph)
True
>>> folder.cleanup()

Turtle, N-Triples and JSON-LD hold the union of the graph's named graphs; N-Quads and
TriG keep them (one per article). Output is sorted (subject, rdf:type first, predicate,
object), so two builds of the same articles give byte-identical files and diffs of a
graph read line by line.
"""

from __future__ import annotations

import atexit
import gc
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from ..atomic import atomic_output, atomic_write
from ..rdf import PREFIXES, bind_namespaces
from .formats import Format, format_of
from .oxigraph import OxigraphTarget
from .sparql import answered
from .target import Target
from .terms import from_ox, from_ox_quad, to_ox_quad

__all__ = ["FileTarget", "atomic_output", "atomic_write", "quads_of", "read_file", "write_graph", "write_quads"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def read_file(path: str | Path, format: Format | None = None) -> Graph:
    """A graph parsed from a file into memory: a Graph, or a Dataset (union default graph) for quads."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such graph file")
    fmt = format or format_of(path)
    quads = ox.parse(path=str(path), format=fmt.ox)
    graph: Graph
    try:
        if fmt.quads:
            graph = Dataset(default_union=True)
            graph.addN((s, p, o, graph.graph(g)) for s, p, o, g in map(from_ox_quad, quads))
        else:
            graph = Graph()
            graph.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), graph) for q in quads)
    except SyntaxError as error:
        raise ValueError(f"{path}: not valid {fmt.name}: {error}") from None
    return bind_namespaces(graph)


def quads_of(graph: Graph) -> Iterator[ox.Quad]:
    """Every quad of a graph as Oxigraph quads, whatever holds it (memory, Oxigraph, SPARQL server)."""
    inner = _oxigraph_store(graph)
    if inner is not None:
        return iter(inner.quads_for_pattern(None, None, None, None))
    if isinstance(graph.store, SPARQLStore):
        return _server_quads(graph)
    if isinstance(graph, Dataset):
        return (to_ox_quad((s, p, o, g)) for s, p, o, g in graph.quads((None, None, None, None)))
    return (to_ox_quad((s, p, o, DATASET_DEFAULT_GRAPH_ID)) for s, p, o in graph)


def _server_quads(graph: Graph) -> Iterator[ox.Quad]:
    """A server's named graphs (kgraph's articles); its default graph only when it has none."""
    rows = answered(graph.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
    quads = [to_ox_quad(tuple(row)) for row in rows]
    if not quads:
        quads = [to_ox_quad((*row, None)) for row in answered(graph.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"))]
    return iter(quads)


def _oxigraph_store(graph: Graph) -> ox.Store | None:
    from oxrdflib import OxigraphStore

    return graph.store._inner if isinstance(graph.store, OxigraphStore) else None


def _triple_key(t: ox.Triple | ox.Quad) -> tuple:
    return str(t.subject), t.predicate.value != _RDF_TYPE, str(t.predicate), str(t.object)


def _quad_key(q: ox.Quad) -> tuple:
    return (str(q.graph_name), *_triple_key(q))


def _sorted(quads: Iterable[ox.Quad], fmt: Format) -> list:
    if fmt.quads:
        return sorted(set(quads), key=_quad_key)
    return sorted({q.triple for q in quads}, key=_triple_key)


def write_quads(quads: Iterable[ox.Quad], destination: str | Path | BinaryIO, fmt: Format) -> None:
    """Serialize quads sorted; a triple format gets their union (each triple once)."""
    items = _sorted(quads, fmt)
    prefixes = PREFIXES if fmt.name in ("turtle", "trig") else None
    with atomic_output(destination) as stream:
        ox.serialize(items, stream, format=fmt.ox, prefixes=prefixes)


def write_graph(graph: Graph, destination: str | Path | BinaryIO, format: Format | None = None) -> None:
    """Write a graph to a file (atomically), "-" (stdout) or a binary stream; format by suffix by default."""
    if format is not None:
        fmt = format
    elif isinstance(destination, (str, Path)):
        fmt = format_of(destination)
    else:
        raise ValueError("writing a graph to a stream needs its format")
    write_quads(quads_of(graph), destination, fmt)


class FileTarget(Target):
    """A build into a file: articles go to a temporary Oxigraph store on disk beside the
    file, so memory stays flat however many articles come; ``close`` writes the file
    sorted (atomically) and ``abort`` leaves the old file untouched.
    """

    def __init__(self, path: str | Path, format: Format | None = None) -> None:
        self.path = Path(path)
        self.format = format or format_of(path)
        if not self.path.parent.is_dir():
            raise FileNotFoundError(f"{self.path.parent}: no such directory")
        self.temp = Path(tempfile.mkdtemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".oxigraph"))
        self.store = OxigraphTarget(self.temp)

    def add(self, result) -> int:
        """Add the article to the temporary store; the quads it holds now."""
        return self.store.add(result)

    def close(self) -> None:
        """Reconcile, write the file sorted and atomically, and remove the temporary store."""
        try:
            self.store.reconcile()
            write_quads(self.store.open().quads_for_pattern(None, None, None, None), self.path, self.format)
        finally:
            self.abort()

    def abort(self) -> None:
        """Leave the file as it was and remove the temporary store.

        After Ctrl-C the interrupted frames may still hold the store open (RocksDB writes
        its files while it is): what cannot be removed now is removed when the process
        exits, once they are gone.
        """
        self.store.release()
        shutil.rmtree(self.temp, ignore_errors=True)
        if self.temp.exists():
            gc.collect()
            shutil.rmtree(self.temp, ignore_errors=True)
        if self.temp.exists():
            atexit.register(shutil.rmtree, self.temp, ignore_errors=True)
