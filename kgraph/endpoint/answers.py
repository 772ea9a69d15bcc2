"""A SPARQL query's answer as an HTTP status, a media type and a body: what a query worker returns.

One table, :data:`MEDIA`, says which result formats the endpoint speaks and in what
media type; :func:`negotiate` picks one from an ``Accept`` header. The statuses:

======  ==========================================================================
200     the answer; ``X-Kgraph-Truncated: true`` when a SELECT was cut at the row limit
400     the query does not parse: the parser's message, with line and column
403     an update, or a SERVICE call to another endpoint: this endpoint only reads its graph
413     the request is larger than the size limit (answered by the server before parsing)
503     the query ran past the time limit, or every worker stayed busy that long
======  ==========================================================================

>>> negotiate("text/tab-separated-values", "SELECT").media
'text/tab-separated-values'
>>> negotiate("text/html,*/*;q=0.8", "CONSTRUCT").media
'text/turtle'
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import partial

from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.processor import SPARQLResult
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result

from ..store import QueryError, check_query, open_graph
from ..store.readonly import BoundedProcessor, QueryTimeout, bounded_graph, uses_service

__all__ = ["MEDIA", "TRUNCATED", "Answer", "Media", "answer_query", "answerer", "negotiate"]

#: the response header that says a SELECT was cut at the row limit (and the limit)
TRUNCATED = "X-Kgraph-Truncated"


@dataclass(frozen=True)
class Answer:
    status: int
    media: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


@dataclass(frozen=True)
class Media:
    """One result format: its media type, the query kinds it serves, and rdflib's name for it."""

    media: str
    kinds: frozenset[str]
    rdflib: str


_TABLES = frozenset({"SELECT", "ASK"})
_GRAPHS = frozenset({"CONSTRUCT", "DESCRIBE"})

#: every format the endpoint answers in; for each kind of query the first that fits is the default
MEDIA: tuple[Media, ...] = (
    Media("application/sparql-results+json", _TABLES, "json"),
    Media("application/sparql-results+xml", _TABLES, "xml"),
    Media("text/csv", frozenset({"SELECT"}), "csv"),
    Media("text/tab-separated-values", frozenset({"SELECT"}), "tsv"),
    Media("application/json", _TABLES, "json"),
    Media("text/turtle", _GRAPHS, "turtle"),
    Media("application/n-triples", _GRAPHS, "nt"),
    Media("application/rdf+xml", _GRAPHS, "xml"),
    Media("application/ld+json", _GRAPHS, "json-ld"),
)


def _accepted(header: str) -> list[str]:
    """The media types of an Accept header, most wanted first (q=0 dropped).

    >>> _accepted("text/csv;q=0.5, application/sparql-results+json")
    ['application/sparql-results+json', 'text/csv']
    """
    ranked = []
    for position, part in enumerate(header.split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, position, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def negotiate(accept: str, kind: str) -> Media:
    """The format to answer a ``kind`` query in, for an Accept header (the kind's default if none fits)."""
    fitting = [m for m in MEDIA if kind in m.kinds]
    for wanted in _accepted(accept or ""):
        for media in fitting:
            if wanted == media.media:
                return media
    return fitting[0]


def _tsv_cell(term) -> str:
    """A term as SPARQL 1.1 TSV writes it: in Turtle syntax, a tab or line end escaped."""
    if term is None:
        return ""
    return term.n3().replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv(result: Result) -> bytes:
    lines = ["\t".join(f"?{name}" for name in result.vars)]
    lines += ["\t".join(_tsv_cell(row.get(name)) for name in result.vars) for row in result.bindings]
    return ("\n".join(lines) + "\n").encode()


def _csv(result: Result) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([str(name) for name in result.vars])
    for row in result.bindings:
        writer.writerow(["" if row.get(name) is None else str(row[name]) for name in result.vars])
    return out.getvalue().encode()


def _body(result: Result, media: Media, namespaces) -> bytes:
    if media.rdflib == "tsv":
        return _tsv(result)
    if media.rdflib == "csv":
        return _csv(result)
    if result.type in _GRAPHS:
        for prefix, namespace in namespaces:  # the served graph's prefixes (kg:, kgr:, ...) for Turtle
            result.graph.bind(prefix, namespace, override=True, replace=True)
        return result.graph.serialize(format=media.rdflib, encoding="utf-8")
    return result.serialize(format=media.rdflib, encoding="utf-8")


def _content_type(media: Media) -> str:
    textual = media.media.startswith("text/") or media.media.endswith(("json", "xml"))
    return f"{media.media}; charset=utf-8" if textual else media.media


def answer_query(graph, processor: BoundedProcessor, request: tuple[str, str]) -> Answer:
    """Parse, check and run one query on a :func:`bounded_graph` and put its result in the format asked for."""
    text, accept = request
    try:
        check_query(graph, text)
        prepared: Query = prepareQuery(text, initNs=dict(graph.namespaces()))
    except QueryError as error:
        return Answer.error(400, str(error))
    if uses_service(prepared.algebra):
        return Answer.error(403, "SERVICE is not allowed: this endpoint queries its own graph only")
    kind = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
            "DescribeQuery": "DESCRIBE"}[prepared.algebra.name]
    media = negotiate(accept, kind)
    try:
        raw = dict(processor.query(prepared))
        truncated = raw.pop("truncated", False)
        result = SPARQLResult(raw)
        body = _body(result, media, graph.namespaces())
    except QueryTimeout as error:
        return Answer.error(503, str(error))
    except PermissionError as error:
        return Answer.error(403, str(error))
    except Exception as error:  # noqa: BLE001 -- rdflib raises plain errors while evaluating a bad query
        return Answer.error(400, f"query failed: {type(error).__name__}: {error}")
    headers = {TRUNCATED: "true", "X-Kgraph-Limit": str(processor.limit)} if truncated else {}
    return Answer(200, _content_type(media), body, headers)


def _answering(spec: str, timeout: float, limit: int):
    graph = bounded_graph(open_graph(spec))
    return partial(answer_query, graph, BoundedProcessor(graph, timeout=timeout, limit=limit))


def answerer(spec: str, timeout: float, limit: int) -> partial:
    """What a query worker runs at start: open the graph ``spec`` names; returns its answering function."""
    return partial(_answering, spec, timeout, limit)
