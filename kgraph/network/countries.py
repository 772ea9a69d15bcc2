"""Meetings across borders: the countries of a meeting's participants, and a view without domestic ones.

A node's ``country`` comes from the reference KB (leaders, ministers, spokespeople) or from the
graph's own kg:country (:func:`~kgraph.network.load.meeting_network`); people with neither
count as unknown and never make a meeting foreign by themselves.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["foreign", "meeting_countries"]


def meeting_countries(G: nx.MultiGraph) -> dict[str, set[str]]:
    """The known countries of each meeting's participants, by meeting key (IRI).

    A meeting of three where one's country is unknown, and one of two countries:

    >>> G = nx.MultiGraph([("putin", "lavrov", "m1"), ("putin", "ivanov", "m1"), ("lavrov", "ivanov", "m1"),
    ...                    ("putin", "xi", "m2")])
    >>> nx.set_node_attributes(G, {"putin": "Россия", "lavrov": "Россия", "xi": "Китай"}, "country")
    >>> meeting_countries(G) == {"m1": {"Россия"}, "m2": {"Россия", "Китай"}}
    True
    """
    countries: dict[str, set[str]] = {}
    for u, v, key in G.edges(keys=True):
        found = countries.setdefault(key, set())
        for node in (u, v):
            if G.nodes[node].get("country"):
                found.add(G.nodes[node]["country"])
    return countries


def foreign(G: nx.MultiGraph) -> nx.MultiGraph:
    """A read-only view of the meetings between people of two or more countries, not a copy.

    A Security Council session (all of Russia) or a meeting with people whose country nobody
    knows is left out; Путин and Си Цзиньпин with their ministers stays. Every node stays.
    Build ``G`` with ``reference=True`` (the default), or the KB's countries are missing.
    """
    across = {key for key, found in meeting_countries(G).items() if len(found) >= 2}
    return nx.subgraph_view(G, filter_edge=lambda u, v, key: key in across)
