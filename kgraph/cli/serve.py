"""Serve a graph as a read-only SPARQL 1.1 Protocol endpoint at http://127.0.0.1:PORT/sparql.

    kgraph serve graph.ttl --port 7878
    curl -G http://127.0.0.1:7878/sparql --data-urlencode "query=SELECT * WHERE { ?s ?p ?o } LIMIT 3"

Built on rdflib-endpoint (FastAPI + uvicorn): GET and POST queries; updates are refused
(403); a query stops after --timeout seconds; a SELECT returns at most --limit rows;
SERVICE calls to other endpoints are refused. It listens on 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import ipaddress
import sys

from ..store import open_graph
from ..store.readonly import BoundedProcessor, bounded_graph
from .common import fail, warn

help = "serve a graph as a read-only SPARQL endpoint on 127.0.0.1"


def add_arguments(parser) -> None:
    parser.add_argument("graph", metavar="GRAPH",
                        help="a graph file (.ttl .nt .nq .trig .jsonld), oxigraph:DIR, or http://HOST:PORT/PATH")
    parser.add_argument("--port", type=int, default=7878, help="the port (default 7878)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="stop a query after this many seconds (default 30)")
    parser.add_argument("--limit", type=int, default=10_000, metavar="ROWS",
                        help="the most rows a SELECT returns (default 10000)")


def make_app(graph, timeout: float = 30.0, limit: int = 10_000):
    """The ASGI app serving ``graph`` at /sparql: read-only, bounded in time and rows."""
    from rdflib_endpoint import SparqlEndpoint

    served = bounded_graph(graph)
    return SparqlEndpoint(
        graph=served,
        processor=BoundedProcessor(served, timeout=timeout, limit=limit),
        path="/sparql",
        title="kgraph",
        description="Diplomatic events from Russian news: meetings, visits, statements (read-only).",
        enable_update=False,
        cors_enabled=False,
        public_url="",
    )


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def run(args) -> int:
    try:
        import uvicorn
    except ImportError:
        return fail("serve needs rdflib-endpoint and uvicorn: pip install 'kgraph[serve]'")
    if args.timeout <= 0 or args.limit <= 0:
        return fail("--timeout and --limit must be positive")
    try:
        graph = open_graph(args.graph)
    except (OSError, ValueError) as error:
        return fail(str(error))
    if not _loopback(args.host):
        warn(f"listening on {args.host}: the endpoint is reachable from other machines")
    app = make_app(graph, args.timeout, args.limit)
    print(f"kgraph: serving {args.graph} at http://{args.host}:{args.port}/sparql "
          f"(read-only; timeout {args.timeout:g} s; at most {args.limit} rows)", file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
