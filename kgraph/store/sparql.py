"""A SPARQL 1.1 server, ``http://HOST:PORT/PATH``: read and written through rdflib's SPARQLUpdateStore.

The URL is the query endpoint; the update endpoint is the same URL, except that a
path ending in ``/query`` pairs with ``/update`` (Oxigraph, Fuseki). Parameters in the
URL go with every request: ``http://127.0.0.1:7878/query?union-default-graph``.

kgraph keeps each article in its own named graph, so queries must see the union of the
named graphs as their default graph: start Oxigraph with ``--union-default-graph`` (or
pass it in the URL as above), Fuseki with ``unionDefaultGraph``; GraphDB and Virtuoso
do so by default.
"""
from __future__ import annotations

from urllib.error import URLError
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from rdflib import Dataset
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

from ..rdf import bind_namespaces
from .target import Target, article_graph, reconcile_store, replace_article_update

__all__ = ["endpoints", "open_sparql", "answered", "SparqlTarget"]

#: the last path segment of a query endpoint -> that of its update endpoint
UPDATE_PATHS = {"query": "update", "sparql": "sparql"}


def endpoints(url: str) -> tuple[str, str, dict[str, str]]:
    """(query endpoint, update endpoint, URL parameters) of a server URL.

    >>> endpoints("http://127.0.0.1:7878/query")
    ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update', {})
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{url}: not a SPARQL endpoint URL (http://HOST:PORT/PATH)")
    query = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    head, _, last = parts.path.rpartition("/")
    update_path = f"{head}/{UPDATE_PATHS[last]}" if last in UPDATE_PATHS else parts.path
    update = urlunsplit((parts.scheme, parts.netloc, update_path, "", ""))
    return query, update, dict(parse_qsl(parts.query, keep_blank_values=True))


def answered(result):
    """The result of a query, or OSError with the server's message: rdflib's SPARQLConnector
    returns ``(code, message, None)`` instead of raising when a server answers an error."""
    if isinstance(result, tuple):
        raise OSError(f"the SPARQL server answered: {result[1]}")
    return result


def _store(url: str) -> SPARQLUpdateStore:
    query, update, params = endpoints(url)
    return SPARQLUpdateStore(query_endpoint=query, update_endpoint=update, method="POST_FORM",
                             params=params)


def open_sparql(url: str) -> Dataset:
    """The server's dataset as an rdflib Dataset; every query and read goes over HTTP."""
    return bind_namespaces(Dataset(store=_store(url), default_union=True))


class SparqlTarget(Target):
    """Adds each article to a SPARQL server: one update request per article."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.store = _store(url)

    def add(self, result) -> int:
        graph, quads = article_graph(result)
        try:
            self.store.update(replace_article_update(graph, quads))
        except (URLError, OSError) as error:
            raise OSError(f"{self.url}: update failed: {error}") from None
        return len(quads)

    def close(self) -> None:
        """Run :mod:`kgraph.reconcile` over the server's graphs (one query per predicate read, one update)."""
        def pattern(predicate):
            rows = answered(self.store.query(f"SELECT ?s ?o ?g WHERE {{ GRAPH ?g {{ ?s <{predicate}> ?o }} }}"))
            return (tuple(row) for row in rows)

        try:
            reconcile_store(pattern, self.store.update)
        except (URLError, OSError) as error:
            raise OSError(f"{self.url}: reconcile failed: {error}") from None
