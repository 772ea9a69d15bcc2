"""The vocabulary of kgraph.model: the event-kind table agrees with the ontology, one mode order,
one precision rule, one folding, one entity key."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import OWL, RDF

from kgraph.model import (
    EVENT_KINDS,
    Entity,
    Event,
    EventKind,
    Mode,
    Precision,
    Status,
    entity_key,
    fold,
    precision_of,
    specific_mode,
)

KG = Namespace("https://w3id.org/kgraph/ontology#")
ONTOLOGY = Graph().parse(Path(__file__).resolve().parents[1] / "ontology" / "kgraph.ttl")


@pytest.mark.parametrize("kind", list(EventKind))
def test_every_kind_has_a_row_whose_names_the_ontology_defines(kind):
    spec = EVENT_KINDS[kind]
    cls = KG[spec.rdf_class]
    assert (cls, RDF.type, OWL.Class) in ONTOLOGY
    assert ONTOLOGY.value(cls, KG.cameoCode) == Literal(spec.cameo)
    assert ONTOLOGY.value(cls, KG.ploverEvent) == (Literal(spec.plover) if spec.plover else None)
    for name in (spec.role, spec.shortcut, spec.object_property):
        if name is not None:
            assert (KG[name], RDF.type, None) in ONTOLOGY, name


@pytest.mark.parametrize("modes, expected", [
    ({"unknown", "video"}, "video"),
    ({"in_person", "video"}, "video"),
    ({"in_person", "phone"}, "phone"),
    ({"in_person", "unknown"}, "in_person"),
    ({"unknown"}, "unknown"),
    (set(), "unknown"),
])
def test_the_most_specific_mode_wins(modes, expected):
    assert specific_mode(modes) == expected


@pytest.mark.parametrize("date, expected", [
    ("2026-02-04", Precision.DAY), ("2026-02", Precision.MONTH), ("2026", Precision.YEAR),
    (None, None), ("", None), ("20260", None),
])
def test_precision_from_the_shape_of_the_date(date, expected):
    assert precision_of(date) == expected


@pytest.mark.parametrize("text, expected", [("Пётр", "петр"), ("ЁЛКИ", "елки"), ("Путин", "путин")])
def test_fold(text, expected):
    assert fold(text) == expected
    assert len(fold(text)) == len(text)


def test_entity_key_is_wikidata_else_type_and_name():
    assert entity_key("LOC", "Москва", "Q649") == "Q649"
    assert entity_key("ORG", "МИД России") == "ORG:МИД России"


def test_vocabulary_members_are_their_strings_in_json():
    a, b = Entity("a", "Путин", "PER"), Entity("b", "Си Цзиньпин", "PER")
    event = Event(EventKind.MEETING, (a, b), "x", "…", status=Status.PLANNED, mode=Mode.VIDEO, date="2026-02")
    assert json.dumps([r.as_dict() for r in event.relations()], ensure_ascii=False) == (
        '[{"relation": "met_with", "subject": "Путин", "object": "Си Цзиньпин", "status": "planned", '
        '"mode": "video", "date": "2026-02", "evidence": "…"}]'
    )


@pytest.mark.parametrize("event, expected", [
    (Event("visit", (Entity("a", "Путин", "PER"),), "x", "…", place=Entity("Q148", "Китай", "LOC", "Q148")),
     [("visited", "Путин", "Китай")]),
    (Event("visit", (Entity("a", "Путин", "PER"),), "x", "…"), []),
    (Event("statement", (Entity("a", "Песков", "PER"),), "x", "…", quote="Мы открыты"),
     [("said", "Песков", "Мы открыты")]),
    (Event("statement", (Entity("b", "Минфин", "ORG"),), "x", "…", quote="Ставки не изменятся"), []),
])
def test_relations_follow_the_kind_table(event, expected):
    assert [(r.relation, r.subject, r.object) for r in event.relations()] == expected
    assert all("mode" not in r.as_dict() for r in event.relations())
