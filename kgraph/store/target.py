"""Where a build puts its articles: each article's triples in its own named graph.

Every backend replaces an article's graph in one transaction (one SPARQL update:
``DROP SILENT GRAPH <kgr:article/ID> ; INSERT DATA { GRAPH <...> { ... } }``), so a
store holds whole articles only, even when a build is killed, and building the same
articles again changes nothing.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from ..rdf import article_iri, article_triples
from .terms import to_ox_triple

__all__ = ["Target", "article_graph", "replace_graph_update"]


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


def article_graph(result) -> tuple[ox.NamedNode, list[ox.Triple]]:
    """The named graph of one processed article and its distinct triples, in a stable order."""
    triples = dict.fromkeys(map(to_ox_triple, article_triples(result.article, result.events)))
    return ox.NamedNode(str(article_iri(result.article.id))), list(triples)


def replace_graph_update(graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> str:
    """One SPARQL update that replaces a named graph's content: atomic on Oxigraph and SPARQL servers.

    Terms are written by Oxigraph (N-Triples syntax), never pasted from strings by hand.
    """
    body = " .\n".join(map(str, triples))
    insert = f" ;\nINSERT DATA {{ GRAPH {graph} {{\n{body} .\n}} }}" if body else ""
    return f"DROP SILENT GRAPH {graph}{insert}"
