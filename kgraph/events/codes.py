"""CAMEO and PLOVER codes of an event, from its kind and mode.

The kind gives the codes of :data:`kgraph.model.EVENT_KINDS` (meeting 040 CONSULT, visit 042
CONSULT, statement 010); a meeting's mode refines them as ``ontology/kgraph.ttl`` says
(kg:cameoCode, kg:ploverMode on kg:Phone, kg:Video, kg:InPerson): a phone call is CAMEO 041,
PLOVER mode "phone".
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from ..model import EVENT_KINDS, Mode
from ..resources import ontology_dir

__all__ = ["Codes", "event_codes"]

_KG = "https://w3id.org/kgraph/ontology#"
#: mode -> its individual in the ontology
_MODE_INDIVIDUALS: dict[str, str] = {
    Mode.IN_PERSON: "InPerson",
    Mode.PHONE: "Phone",
    Mode.VIDEO: "Video",
    Mode.UNKNOWN: "UnknownMode",
}


class Codes(NamedTuple):
    """An event's CAMEO code, PLOVER category and PLOVER mode (None where PLOVER has none)."""

    cameo: str
    plover: str | None
    plover_mode: str | None


@functools.cache
def _annotations() -> dict[str, dict[str, str]]:
    """kg: local name -> {annotation local name: value} for kg:cameoCode and kg:ploverMode."""
    import rdflib

    graph = rdflib.Graph().parse(ontology_dir() / "kgraph.ttl", format="turtle")
    found: dict[str, dict[str, str]] = {}
    for prop in ("cameoCode", "ploverMode"):
        for subject, value in graph.subject_objects(rdflib.URIRef(_KG + prop)):
            found.setdefault(str(subject).removeprefix(_KG), {})[prop] = str(value)
    return found


def event_codes(kind: str, mode: str | None = None) -> Codes:
    """The CAMEO code, PLOVER event type and PLOVER mode of an event of this kind and mode.

    >>> event_codes("meeting", "phone")
    Codes(cameo='041', plover='CONSULT', plover_mode='phone')
    >>> event_codes("visit")
    Codes(cameo='042', plover='CONSULT', plover_mode='visit')
    >>> event_codes("statement")
    Codes(cameo='010', plover=None, plover_mode=None)
    """
    spec = EVENT_KINDS[kind]
    notes = _annotations()
    own = notes.get(spec.rdf_class, {})
    by_mode = notes.get(_MODE_INDIVIDUALS.get(mode, ""), {}) if spec.with_mode and mode else {}
    return Codes(
        cameo=by_mode.get("cameoCode", spec.cameo),
        plover=spec.plover,
        plover_mode=by_mode.get("ploverMode", own.get("ploverMode")) if spec.plover else None,
    )
