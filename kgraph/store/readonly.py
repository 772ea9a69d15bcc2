"""A read-only view of a graph whose SPARQL queries stop at a deadline and a row limit.

``kgraph serve`` answers the public with it: rdflib evaluates every query over
:class:`DeadlineStore`, which refuses writes and raises :class:`QueryTimeout` from
inside the evaluation as soon as the deadline passes (every triple lookup checks it),
so a runaway query stops instead of running on in the background.

>>> graph = bounded_graph(open_graph("graph.ttl"))
>>> processor = BoundedProcessor(graph, timeout=10, limit=10_000)
>>> graph.query("SELECT * WHERE { ?s ?p ?o }", processor=processor)   # at most 10 000 rows

The deadline is checked on triple lookups only, so a query that is slow to *parse*
(a huge VALUES block) is not stopped here: kgraph serve runs each query in a worker
process that it kills at the deadline (:mod:`kgraph.endpoint.workers`).
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from itertools import islice

from rdflib import Dataset, Graph
from rdflib.plugins.sparql.algebra import traverse
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.processor import SPARQLProcessor
from rdflib.store import Store

__all__ = ["BoundedProcessor", "DeadlineStore", "QueryTimeout", "bounded_graph", "uses_service"]


class QueryTimeout(RuntimeError):
    """A query that ran past its deadline."""


class DeadlineStore(Store):
    """Delegates reads to another store, refuses writes, and checks a deadline on every lookup."""

    context_aware = True
    graph_aware = True
    formula_aware = False
    transaction_aware = False

    def __init__(self, inner: Store) -> None:
        super().__init__()
        self.inner = inner
        self.deadline: float | None = None
        self.timeout: float = 0.0

    def check(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise QueryTimeout(f"query stopped: it ran longer than {self.timeout:g} s")

    def triples(self, pattern, context=None) -> Iterator:
        self.check()
        for i, item in enumerate(self.inner.triples(pattern, context)):
            if not i % 512:
                self.check()
            yield item

    def __len__(self, context=None) -> int:
        return self.inner.__len__(context)

    def contexts(self, triple=None):
        return self.inner.contexts(triple)

    def namespaces(self):
        return self.inner.namespaces()

    def prefix(self, namespace):
        return self.inner.prefix(namespace)

    def namespace(self, prefix):
        return self.inner.namespace(prefix)

    def bind(self, prefix, namespace, override=True) -> None:
        return None  # prefixes are the served graph's; a query's PREFIX lines need no binding

    def _refuse(self, *args, **kwargs):
        raise PermissionError("this graph is read-only")

    add = addN = remove = remove_graph = update = _refuse

    def add_graph(self, graph) -> None:
        return None  # rdflib "adds" each graph it lists while evaluating GRAPH ?g: nothing to write


def bounded_graph(graph: Graph) -> Graph:
    """The same graph, read-only, through a :class:`DeadlineStore` (a Dataset stays a union Dataset)."""
    store = DeadlineStore(graph.store)
    if isinstance(graph, Dataset):
        return Dataset(store=store, default_union=graph.default_union)
    return Graph(store=store, identifier=graph.identifier)


def uses_service(algebra) -> bool:
    """Whether a query's algebra calls another endpoint (SERVICE)."""
    found = []

    def visit(part):
        if isinstance(part, CompValue) and part.name == "ServiceGraphPattern":
            found.append(part)

    traverse(algebra, visitPost=visit)
    return bool(found)


class BoundedProcessor(SPARQLProcessor):
    """rdflib's SPARQL processor with a deadline, a row limit, and no SERVICE calls out.

    A SELECT keeps at most ``limit`` rows; its result says ``truncated`` when there were more.
    """

    def __init__(self, graph: Graph, timeout: float, limit: int) -> None:
        if not isinstance(graph.store, DeadlineStore):
            raise TypeError("BoundedProcessor needs a graph from bounded_graph()")
        super().__init__(graph)
        self.timeout = timeout
        self.limit = limit

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):
        if not isinstance(strOrQuery, str) and uses_service(strOrQuery.algebra):
            raise PermissionError("SERVICE is not allowed: this endpoint queries its own graph only")
        store: DeadlineStore = self.graph.store
        store.timeout = self.timeout
        store.deadline = time.monotonic() + self.timeout
        try:
            result = super().query(strOrQuery, initBindings, initNs, base, DEBUG)
            if result.get("type_") == "SELECT":
                rows = list(islice(result["bindings"], self.limit + 1))
                result["truncated"] = len(rows) > self.limit
                result["bindings"] = rows[:self.limit]
            return result
        finally:
            store.deadline = None
