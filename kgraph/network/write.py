"""The network as a file Gephi opens: GEXF or GraphML."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from ..store import atomic_write

__all__ = ["EXPORT_FORMATS", "exportable", "write_network"]


def exportable(G: nx.Graph) -> nx.Graph:
    """A copy that GEXF and GraphML can carry: lists joined by "; ", None left out, a ``label`` per node.

    Dates are already ISO strings (GraphML has no date type).
    """

    def plain(data: dict) -> dict:
        out = {}
        for name, value in data.items():
            if value is None:
                continue
            out[name] = "; ".join(map(str, value)) if isinstance(value, (list, tuple, set)) else value
        return out

    H = G.__class__()
    for node, data in G.nodes(data=True):
        H.add_node(node, **plain({"label": data.get("name", node), **data}))
    if G.is_multigraph():
        for u, v, key, data in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=key, **plain(data))
    else:
        for u, v, data in G.edges(data=True):
            H.add_edge(u, v, **plain(data))
    return H


#: file suffix -> networkx writer
EXPORT_FORMATS = {".gexf": nx.write_gexf, ".graphml": nx.write_graphml}


def write_network(G: nx.Graph, path: str | Path) -> None:
    """Write the network as GEXF or GraphML (by suffix) for Gephi, atomically."""
    suffix = Path(path).suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise ValueError(f"{path}: unknown network format {suffix!r} (known: {', '.join(EXPORT_FORMATS)})")
    buffer = io.BytesIO()
    EXPORT_FORMATS[suffix](exportable(G), buffer)
    atomic_write(path, buffer.getvalue())
