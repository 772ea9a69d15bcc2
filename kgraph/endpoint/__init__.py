"""``kgraph serve``: a read-only SPARQL 1.1 Protocol endpoint and a query page that needs no internet.

- :mod:`.workers` — query worker processes, killed at the deadline (parsing included)
- :mod:`.answers` — a query's answer: status, format by Accept, the truncation header
- :mod:`.server` — the HTTP routes: /sparql, the page at /, the named queries
"""
from .answers import MEDIA, TRUNCATED, Answer, negotiate
from .server import Endpoint, make_server

__all__ = ["MEDIA", "TRUNCATED", "Answer", "Endpoint", "make_server", "negotiate"]
