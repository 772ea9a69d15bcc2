"""SPARQL on any backend, with parameters bound as RDF terms and one kind of error.

>>> run_query(graph, "SELECT ?e WHERE { ?p rdfs:label ?name . ?e kg:participant ?p }",
...           {"name": Literal("Владимир Путин", lang="ru")})

An in-memory graph binds parameters with rdflib's initBindings. Oxigraph (whose
substitutions only take projected variables) and SPARQL servers get them as an inline
``VALUES`` block at the top of the WHERE group, each value written by rdflib as an
escaped RDF term and the result parsed again, so a value can only ever be a value,
and a filter in the query sees it everywhere.
"""
from __future__ import annotations

import re

from oxrdflib import OxigraphStore
from pyparsing import ParseException
from rdflib import Graph, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from rdflib.term import Identifier

from .sparql import answered

__all__ = ["QueryError", "check_query", "run_query"]

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


class QueryError(ValueError):
    """A query that does not parse, or that the backend refused; the message says why."""


def check_query(graph: Graph, text: str) -> None:
    """Parse ``text`` with rdflib's SPARQL parser (the graph's prefixes known); QueryError with its message."""
    try:
        prepareQuery(text, initNs=dict(graph.namespaces()))
    except ParseException as error:
        raise QueryError(f"bad SPARQL query: {error.msg} at line {error.lineno}, column {error.col}:\n"
                         f"    {error.line}\n    {' ' * (error.col - 1)}^") from None
    except Exception as error:  # rdflib raises plain exceptions for unknown prefixes and the like
        raise QueryError(f"bad SPARQL query: {error}") from None


def _with_values(text: str, bindings: dict[str, Identifier]) -> str:
    match = _WHERE.search(text)
    if match is None:
        raise QueryError("parameters on a SPARQL server need the query to have a WHERE { ... } clause")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    return f"{text[:match.end()]}\n  VALUES ({names}) {{ ({values}) }}\n{text[match.end():]}"


def _without_empty_rows(result: Result) -> Result:
    """The result without the empty solutions ``{}`` that rdflib's own evaluation makes of a
    grouped query with no match: its rows skip them, its JSON serializer did not."""
    if result.type == "SELECT":
        result.bindings = [row for row in result.bindings if row]
    return result


def run_query(graph: Graph, text: str, bindings: dict[str, Identifier] | None = None) -> Result:
    """The result of a SPARQL query on the graph, with ``bindings`` (variable name -> term)."""
    check_query(graph, text)
    bindings = bindings or {}
    inline = bool(bindings) and isinstance(graph.store, (SPARQLStore, OxigraphStore))
    if inline:
        text = _with_values(text, bindings)
        check_query(graph, text)
    try:
        if inline:
            result = graph.query(text)
        else:
            result = graph.query(text, initBindings={Variable(k): v for k, v in bindings.items()})
        return _without_empty_rows(answered(result))
    except (SyntaxError, ValueError, RuntimeError, OSError) as error:  # Oxigraph, a server's refusal
        raise QueryError(f"query failed: {error}") from None
