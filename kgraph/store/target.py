"""Where a build puts its articles: each article's triples in its own named graph.

Every backend replaces an article in one transaction (one SPARQL update, see
:func:`replace_article_update`), so a store holds whole articles only, even when a
build is killed, and building the same articles again changes nothing. When a build
closes (or is interrupted), :mod:`kgraph.reconcile` runs over the whole store, in one
more transaction (:func:`reconcile_store`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pyoxigraph as ox

from rdflib import URIRef

from ..rdf import RECONCILE_GRAPH, SHARED_GRAPH, article_iri, article_quads
from ..reconcile import INPUT_PREDICATES, reconcile_quads, reconcile_update
from .terms import from_ox, to_ox, to_ox_quad

__all__ = ["Target", "article_graph", "replace_article_update", "oxigraph_pattern", "reconcile_store"]


class Target:
    """Use as a context manager; ``add`` replaces whatever an earlier build put
    there for the same article, so re-running a build changes nothing::

        with open_target("graph.ttl") as target:
            for result in results:
                target.add(result)
    """

    def add(self, result) -> int:
        """Put one processed article (a :class:`~kgraph.pipeline.Result`) in; the triples it holds now."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish: write the file, commit the store."""

    def abort(self) -> None:
        """Give up: leave what was there before untouched (a store keeps the articles already added)."""

    def __enter__(self) -> "Target":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


def article_graph(result) -> tuple[ox.NamedNode, list[ox.Quad]]:
    """The named graph of one processed article and its distinct quads (in it and in the shared graph)."""
    quads = dict.fromkeys(map(to_ox_quad, article_quads(result.article, result.events)))
    return ox.NamedNode(str(article_iri(result.article.id))), list(quads)


_SHARED = f"<{SHARED_GRAPH}>"
_RECONCILE = f"<{RECONCILE_GRAPH}>"
_PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"


def replace_article_update(graph: ox.NamedNode, quads: list[ox.Quad]) -> str:
    """One SPARQL update that replaces an article: atomic on Oxigraph and SPARQL servers.

    It drops the shared triples of the events only this article reported (so an event the
    article no longer reports disappears), and what the reconcile graph says of them; drops
    the article's graph, and inserts the new quads. A provisional quad (in the reconcile
    graph, see :func:`kgraph.rdf.provisional_triples`) goes in only where the reconcile graph
    has no value of its subject and predicate yet. Terms are written by Oxigraph (N-Triples
    syntax), never pasted from strings.
    """
    orphan = (
        f"  GRAPH {graph} {{ ?e <{_PROV}> {graph} }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?e <{_PROV}> ?other }} FILTER(?other != {graph} && ?g != {_RECONCILE}) }}\n"
    )
    orphans = (
        f"DELETE {{ GRAPH {_SHARED} {{ ?e ?p ?o }} }} WHERE {{\n{orphan}  GRAPH {_SHARED} {{ ?e ?p ?o }}\n}} ;\n"
        f"DELETE {{ GRAPH {_RECONCILE} {{ ?e ?p ?o }} }} WHERE {{\n{orphan}  GRAPH {_RECONCILE} {{ ?e ?p ?o }}\n}}"
    )
    by_graph: dict[str, list[str]] = {}
    provisional = []
    for quad in quads:
        if str(quad.graph_name) == _RECONCILE:
            provisional.append(f"({quad.subject} {quad.predicate} {quad.object})")
        else:
            by_graph.setdefault(str(quad.graph_name), []).append(str(quad.triple))
    body = "\n".join(f"GRAPH {name} {{\n" + " .\n".join(triples) + " .\n}" for name, triples in by_graph.items())
    insert = f" ;\nINSERT DATA {{\n{body}\n}}" if body else ""
    if provisional:
        insert += (
            f" ;\nINSERT {{ GRAPH {_RECONCILE} {{ ?s ?p ?o }} }} WHERE {{\n"
            f"  VALUES (?s ?p ?o) {{\n" + "\n".join(provisional) + "\n  }\n"
            f"  FILTER NOT EXISTS {{ GRAPH {_RECONCILE} {{ ?s ?p ?any }} }}\n}}"
        )
    return f"{orphans} ;\nDROP SILENT GRAPH {graph}{insert}"


def oxigraph_pattern(store: ox.Store) -> Callable[[URIRef], Iterator[tuple]]:
    """For :func:`reconcile_store`: a predicate -> (subject, object, graph) of an Oxigraph store, in rdflib terms."""
    def pattern(predicate: URIRef) -> Iterator[tuple]:
        for quad in store.quads_for_pattern(None, to_ox(predicate), None, None):
            name = quad.graph_name
            yield from_ox(quad.subject), from_ox(quad.object), None if isinstance(name, ox.DefaultGraph) else from_ox(name)

    return pattern


def reconcile_store(pattern: Callable[[URIRef], Iterable[tuple]], update: Callable[[str], object]) -> int:
    """Run :mod:`kgraph.reconcile` over a store, given its (subject, object, graph) of a predicate and its
    SPARQL update; the reconcile graph is replaced in one update. The number of triples written."""
    quads = ((s, predicate, o, g) for predicate in INPUT_PREDICATES for s, o, g in pattern(predicate))
    triples = reconcile_quads(quads)
    update(reconcile_update(triples))
    return len(triples)
