"""Finding a person in a network by IRI, name, Wikidata id or surname."""

from __future__ import annotations

import difflib

import networkx as nx

from ..model import fold

__all__ = ["find_person"]


def find_person(G: nx.Graph, person: str) -> str:
    """The node of a person given by node IRI, name, Wikidata id ("Q7747") or, when only one
    person has it, surname ("Путин"); case and ё do not matter.

    Raises KeyError naming the closest names when there is no such person.
    """
    if person in G:
        return person
    for node, data in G.nodes(data=True):
        if data.get("name") == person or data.get("wikidata") == person:
            return node
    wanted = fold(str(person))
    names = {node: fold(str(data.get("name", ""))) for node, data in G.nodes(data=True)}
    for node, name in names.items():
        if name == wanted:
            return node
    by_surname = [node for node, name in names.items() if name.split()[-1:] == [wanted]]
    if len(by_surname) == 1:
        return by_surname[0]
    close = sorted(G.nodes[n]["name"] for n in by_surname)
    if not close:  # near a whole name, or near a surname: "Путен" -> "Владимир Путин"
        whole = {name: G.nodes[n]["name"] for n, name in names.items()}
        last = {name.split()[-1]: G.nodes[n]["name"] for n, name in names.items() if name}
        close = [whole[c] for c in difflib.get_close_matches(wanted, whole, n=3)]
        close += [last[c] for c in difflib.get_close_matches(wanted, last, n=3) if last[c] not in close]
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    raise KeyError(f"no person named {person!r} in the meeting network{hint}")
