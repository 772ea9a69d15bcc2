"""What the reference KB (``ontology/kb.ttl``) says about the people and places of a network."""

from __future__ import annotations

from collections.abc import Iterable

from ..kb import ROLES, load_kb
from .window import period

__all__ = ["kb_countries", "reference_attributes"]


def kb_countries(nodes: Iterable[str]) -> dict[str, str]:
    """The country name of each node the reference KB places in one, by node IRI.

    A person's or organization's country (kg:country), a city's country, and a country itself:

    >>> kb_countries(["https://w3id.org/kgraph/resource/entity/Q7747", "https://w3id.org/kgraph/resource/entity/Q956"])
    {'https://w3id.org/kgraph/resource/entity/Q7747': 'Россия', 'https://w3id.org/kgraph/resource/entity/Q956': 'Китай'}
    """
    kb = load_kb()
    known: dict[str, str] = {}
    for node in nodes:
        try:
            entity = kb.get(node)
        except KeyError:
            continue
        if entity.country:
            known[node] = kb.get(entity.country).name
    return known


def reference_attributes(nodes: Iterable[str], last_dates: dict[str, str]) -> dict[str, dict]:
    """Country and role of each node that the reference KB knows, by node IRI.

    The role is the one held on the day of the person's last dated meeting (``last_dates``),
    else today.
    """
    kb = load_kb()
    known: dict[str, dict] = {}
    for node in nodes:
        try:
            entity = kb.get(node)
        except KeyError:
            continue
        attrs: dict[str, str] = {}
        if entity.country:
            attrs["country"] = kb.get(entity.country).name
            on = period(last_dates[node])[1] if node in last_dates else None
            for role in ROLES:
                holder = kb.holder(role, entity.country, on)
                if holder is not None and holder.iri == node:
                    attrs["role"] = role
                    break
        known[node] = attrs
    return known
