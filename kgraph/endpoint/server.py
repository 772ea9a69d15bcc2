"""The HTTP side of ``kgraph serve``: the SPARQL 1.1 Protocol at /sparql, the query page at /.

Standard library only (``http.server``): one thread per connection, and every query
handed to a :class:`~kgraph.endpoint.workers.Workers` process, so a slow query holds
back nobody else and is killed at the deadline, parsing included. A request larger
than ``max_bytes`` is refused with 413 before anything is parsed.

========================  ==================================================================
``GET /`` (and /sparql    the query page: an editor, the named queries, a results table;
with no query, for a      it needs nothing from the internet
browser)
``GET /sparql?query=Q``   the answer, in the format the Accept header asks for
``POST /sparql``          ``application/sparql-query`` body, or a form with ``query=``
``GET /queries``          the named queries (kgraph/queries) as JSON: name, title, params, text
``GET /queries/NAME?p=v`` that query's text with its parameters bound (a VALUES block)
========================  ==================================================================
"""
from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from urllib.parse import parse_qs, urlsplit

from ..queries import NAMED
from ..store.query import QueryError, _with_values
from .answers import Answer, answerer
from .workers import Busy, Overtime, WorkerFailed, Workers

__all__ = ["PAGE_FILES", "Endpoint", "make_server"]

#: what the query page is made of: path -> (file in kgraph/endpoint/page, media type)
PAGE_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/page.js": ("page.js", "text/javascript; charset=utf-8"),
    "/page.css": ("page.css", "text/css; charset=utf-8"),
}
_FORM = "application/x-www-form-urlencoded"
#: a refused body up to this size is read and dropped (see Handler._drain); a larger one is not read
DRAIN_BYTES = 64 * 1024 * 1024


class Endpoint:
    """What the handler needs: the workers, the limits, and the words the page shows."""

    def __init__(self, spec: str, timeout: float, limit: int, max_bytes: int, workers: int) -> None:
        self.spec = spec
        self.timeout = timeout
        self.limit = limit
        self.max_bytes = max_bytes
        self.workers = Workers(answerer(spec, timeout, limit), count=workers, timeout=timeout)

    def answer(self, query: str, accept: str) -> Answer:
        try:
            return self.workers.ask((query, accept))
        except (Overtime, Busy) as error:
            return Answer.error(503, str(error))
        except WorkerFailed as error:
            return Answer.error(500, str(error))

    def close(self) -> None:
        self.workers.close()


def _named_queries() -> bytes:
    return json.dumps([{"name": q.name, "title": q.title, "text": q.text,
                        "params": [{"name": p.name, "type": p.type, "help": p.help} for p in q.params]}
                       for q in NAMED.values()], ensure_ascii=False).encode()


def _bound_query(name: str, values: dict[str, str]) -> Answer:
    query = NAMED.get(name)
    if query is None:
        return Answer.error(404, f"no named query {name!r}; they are: {', '.join(NAMED)}")
    try:
        bindings = query.bindings({k: v for k, v in values.items() if v.strip()})
        text = _with_values(query.text, bindings) if bindings else query.text
    except (ValueError, QueryError) as error:
        return Answer.error(400, str(error))
    return Answer(200, "application/sparql-query; charset=utf-8", text.encode())


class Handler(BaseHTTPRequestHandler):
    """One request: routed by path, every answer an :class:`Answer`."""

    server_version = "kgraph"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may take to send its request
    endpoint: Endpoint

    def log_message(self, format, *args) -> None:  # quiet: the terminal is the user's
        return None

    def _send(self, answer: Answer, head: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.media)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Vary", "Accept")
        for name, value in answer.headers.items():
            self.send_header(name, value)
        if answer.status >= 400 and answer.status not in (400, 403, 404):
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if not head:
            self.wfile.write(answer.body)

    def _too_large(self, size: int) -> Answer:
        limit = self.endpoint.max_bytes
        return Answer.error(413, f"the request is {size} bytes; this endpoint takes queries of at most "
                                 f"{limit} bytes (kgraph serve --max-bytes)")

    def _query(self, query: str | None) -> None:
        if query is None:
            return self._send(Answer.error(400, "no query: send ?query=... (GET) or a "
                                                "application/sparql-query body (POST)"))
        if len(query.encode()) > self.endpoint.max_bytes:
            return self._send(self._too_large(len(query.encode())))
        self._send(self.endpoint.answer(query, self.headers.get("Accept", "")))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if len(url.query) > 3 * self.endpoint.max_bytes:  # percent-encoding triples a byte at most
            return self._send(self._too_large(len(url.query)))
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/sparql" and "query" in params:
            return self._query(params["query"][0])
        if url.path == "/sparql" and "update" in params:
            return self._send(Answer.error(403, "updates are refused: this endpoint is read-only"))
        if url.path in PAGE_FILES or (url.path == "/sparql" and "html" in self.headers.get("Accept", "")):
            name, media = PAGE_FILES.get(url.path, PAGE_FILES["/"])
            return self._send(Answer(200, media, files(__package__).joinpath("page", name).read_bytes()))
        if url.path == "/sparql":
            return self._query(None)
        if url.path == "/queries":
            return self._send(Answer(200, "application/json; charset=utf-8", _named_queries()))
        if url.path.startswith("/queries/"):
            values = {k: v[0] for k, v in params.items()}
            return self._send(_bound_query(url.path.removeprefix("/queries/"), values))
        self._send(Answer.error(404, f"nothing at {url.path}: the endpoint is /sparql, the page is /"))

    def _drain(self, size: int) -> None:
        """Read and drop a refused body, so that the client, still sending, reads the answer
        instead of a broken pipe; a body over DRAIN_BYTES is not read, the connection closed."""
        self.close_connection = True
        if size <= DRAIN_BYTES:
            while size > 0:
                chunk = self.rfile.read(min(size, 65536))
                if not chunk:
                    break
                size -= len(chunk)

    def handle_expect_100(self) -> bool:
        """A client that asks first (curl does over 1 MB) is told 413 before it sends the body."""
        try:
            size = int(self.headers.get("Content-Length", ""))
        except ValueError:
            size = 0
        if size > self.endpoint.max_bytes:
            self.close_connection = True
            self._send(self._too_large(size))
            return False
        return super().handle_expect_100()

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._send(Answer.error(404, f"nothing at {url.path}: POST queries to /sparql"))
        try:
            size = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self.close_connection = True
            return self._send(Answer.error(411, "a POST needs a Content-Length"))
        if size > self.endpoint.max_bytes:
            self._drain(size)
            return self._send(self._too_large(size))
        body = self.rfile.read(size).decode("utf-8", errors="replace")
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self._send(Answer.error(403, "updates are refused: this endpoint is read-only"))
        if media == "application/sparql-query":
            return self._query(body)
        if media == _FORM:
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form:
                return self._send(Answer.error(403, "updates are refused: this endpoint is read-only"))
            return self._query(form["query"][0] if "query" in form else None)
        self._send(Answer.error(415, f"POST a query as application/sparql-query or {_FORM}, not {media!r}"))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def handle_error(self, request, client_address) -> None:  # a client that hung up: not worth a traceback
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def make_server(endpoint: Endpoint, host: str, port: int) -> ThreadingHTTPServer:
    """A threaded HTTP server answering with ``endpoint``; call serve_forever() on it."""
    handler = type("EndpointHandler", (Handler,), {"endpoint": endpoint})
    return _Server((host, port), handler)
