"""networkx views of the knowledge graph: the meeting network and timelines.

>>> G = meeting_network(open_graph("graph.ttl"))
>>> timeline(G, "Владимир Путин")[0]["with"]
'Си Цзиньпин'
"""
from __future__ import annotations

import networkx as nx
from rdflib import Graph

__all__ = ["meeting_network", "timeline"]

MEETINGS = """
PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?event ?person ?name ?date ?mode ?status ?source WHERE {
  ?event a kg:Meeting ; kg:participant ?person ; kg:status ?status .
  ?person rdfs:label ?name .
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:mode ?mode }
  OPTIONAL { ?event prov:wasDerivedFrom ?article . ?article dcterms:identifier ?source }
}
"""


def _local(iri) -> str | None:
    return str(iri).rsplit("#", 1)[-1] if iri is not None else None


MODE_NAMES = {"InPerson": "in_person", "Phone": "phone", "Video": "video", "UnknownMode": "unknown"}


def meeting_network(graph: Graph) -> nx.MultiGraph:
    """People as nodes (``name``), one edge per meeting (``date``, ``mode``, ``status``, ``sources``)."""
    events: dict = {}
    for row in graph.query(MEETINGS):
        event = events.setdefault(row.event, {
            "people": {}, "date": str(row.date) if row.date else None,
            "mode": MODE_NAMES.get(_local(row.mode), "unknown"),
            "status": _local(row.status).lower(), "sources": set(),
        })
        event["people"][str(row.person)] = str(row.name)
        if row.source:
            event["sources"].add(str(row.source))
    G = nx.MultiGraph()
    for event_iri, event in sorted(events.items(), key=lambda item: str(item[0])):
        people = sorted(event["people"].items())
        for iri, name in people:
            G.add_node(iri, name=name)
        for i, (a, _) in enumerate(people):
            for b, _ in people[i + 1:]:
                G.add_edge(a, b, key=str(event_iri), date=event["date"], mode=event["mode"],
                           status=event["status"], sources=sorted(event["sources"]))
    return G


def _node_named(G: nx.Graph, name: str):
    for node, data in G.nodes(data=True):
        if data.get("name") == name:
            return node
    raise KeyError(f"no person named {name!r} in the meeting network")


def timeline(G: nx.MultiGraph, person: str) -> list[dict]:
    """The person's meetings in date order: date, with whom, mode, status, sources.

    Undated meetings come last.
    """
    node = _node_named(G, person)
    rows = []
    for _, other, data in G.edges(node, data=True):
        rows.append({
            "date": data["date"], "with": G.nodes[other]["name"], "mode": data["mode"],
            "status": data["status"], "sources": data["sources"],
        })
    return sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["with"]))
