"""What the reference KB (``ontology/kb.ttl``) says about the people of a network."""
from __future__ import annotations

from collections.abc import Iterable

from ..kb import ROLES, load_kb
from .window import period

__all__ = ["reference_attributes"]


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
