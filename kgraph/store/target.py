"""Where a build puts its articles: each article's triples in its own named graph.

Every backend replaces an article in one transaction (one SPARQL update, see
:func:`replace_article_update`), so a store holds whole articles only, even when a
build is killed, and building the same articles again changes nothing.
"""
from __future__ import annotations


import pyoxigraph as ox

from ..rdf import SHARED_GRAPH, article_iri, article_quads
from .terms import to_ox_quad

__all__ = ["Target", "article_graph", "replace_article_update"]


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
_PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"


def replace_article_update(graph: ox.NamedNode, quads: list[ox.Quad]) -> str:
    """One SPARQL update that replaces an article: atomic on Oxigraph and SPARQL servers.

    It drops the shared triples of the events only this article reported (so an event the
    article no longer reports disappears), drops the article's graph, and inserts the
    new quads. Terms are written by Oxigraph (N-Triples syntax), never pasted from strings.
    """
    orphans = (
        f"DELETE {{ GRAPH {_SHARED} {{ ?e ?p ?o }} }} WHERE {{\n"
        f"  GRAPH {graph} {{ ?e <{_PROV}> {graph} }}\n"
        f"  GRAPH {_SHARED} {{ ?e ?p ?o }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?e <{_PROV}> ?other }} FILTER(?other != {graph}) }}\n}}"
    )
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(str(quad.triple))
    body = "\n".join(f"GRAPH {name} {{\n" + " .\n".join(triples) + " .\n}" for name, triples in by_graph.items())
    insert = f" ;\nINSERT DATA {{\n{body}\n}}" if body else ""
    return f"{orphans} ;\nDROP SILENT GRAPH {graph}{insert}"
