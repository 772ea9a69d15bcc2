"""Serve a graph as a read-only SPARQL 1.1 Protocol endpoint, with a query page for the browser."""
from __future__ import annotations

import ipaddress
import sys

from ..endpoint import Endpoint, make_server
from ..endpoint.workers import WorkerFailed
from . import GRAPH_HELP
from .common import fail, warn

help = "serve a graph as a read-only SPARQL endpoint (and a query page) on 127.0.0.1"
description = """\
Serve a graph as a read-only SPARQL 1.1 Protocol endpoint at http://127.0.0.1:PORT/sparql,
and a query page at http://127.0.0.1:PORT/ (an editor, the named queries, a results
table; it needs no internet).

Each query runs in one of --workers processes: a query stops after --timeout seconds
(a worker still busy a second later, parsing, is killed and replaced), and a slow
query does not hold back the others. A SELECT returns at
most --limit rows. Answers by status:
  200  the results, in the format the Accept header asks for (SPARQL JSON, XML, CSV, TSV;
       Turtle, N-Triples, RDF/XML, JSON-LD for CONSTRUCT); a SELECT cut at --limit
       carries the header "X-Kgraph-Truncated: true"
  400  the query does not parse (the parser's message) or fails
  403  an update, or a SERVICE call to another endpoint
  413  the request is larger than --max-bytes
  503  the query ran longer than --timeout (or every worker stayed busy that long)
It listens on 127.0.0.1 (this machine only) unless --host says otherwise."""
epilog = """\
examples:
  kgraph serve graph.ttl --port 7878
  kgraph serve oxigraph:kg.oxigraph --timeout 10 --workers 4
  curl -G http://127.0.0.1:7878/sparql -H 'Accept: text/tab-separated-values' \\
       --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3'"""


def add_arguments(parser) -> None:
    parser.add_argument("graph", metavar="GRAPH",
                        help=GRAPH_HELP)
    parser.add_argument("--port", type=int, default=7878, help="the port (default 7878)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="stop a query after this many seconds, parsing included (default 30)")
    parser.add_argument("--limit", type=int, default=10_000, metavar="ROWS",
                        help="the most rows a SELECT returns (default 10000)")
    parser.add_argument("--max-bytes", type=int, default=100_000, metavar="BYTES",
                        help="refuse a larger query with 413 (default 100000)")
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help="queries answered at once; each worker holds its own copy of a "
                             "file graph in memory (default 2)")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def run(args) -> int:
    if min(args.timeout, args.limit, args.max_bytes, args.workers) <= 0:
        return fail("--timeout, --limit, --max-bytes and --workers must be positive")
    if not _loopback(args.host):
        warn(f"listening on {args.host}: the endpoint is reachable from other machines")
    try:
        endpoint = Endpoint(args.graph, timeout=args.timeout, limit=args.limit,
                            max_bytes=args.max_bytes, workers=args.workers)
    except WorkerFailed as error:
        return fail(str(error))
    try:
        server = make_server(endpoint, args.host, args.port)
    except OSError as error:
        endpoint.close()
        return fail(f"cannot listen on {args.host}:{args.port}: {error.strerror or error}")
    print(f"kgraph: serving {args.graph} at http://{args.host}:{args.port}/sparql, the query page at "
          f"http://{args.host}:{args.port}/ (read-only; timeout {args.timeout:g} s; at most {args.limit} rows; "
          f"{args.workers} workers)", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        endpoint.close()
    return 0
