"""Events to triples: deterministic IRIs, one node per reported event, what is not written."""
from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kgraph.model import Entity
from kgraph.rdf import KG, KGR, SCHEMA, article_triples, entity_class, entity_iri, event_iri, slug, to_graph, writable
from tests.synthetic import CHINA, MOSCOW, PUTIN, XI, meeting, person, result, statement, visit


@pytest.mark.parametrize("name, expected", [
    ("Владимир Путин", "vladimir-putin"),
    ("Си Цзиньпин", "si-tszinpin"),
    ("МИД России", "mid-rossii"),
    ("Жан-Ив Ле Дриан", "zhan-iv-le-drian"),
])
def test_slug_transliterates_russian_names(name, expected):
    assert slug(name) == expected


@pytest.mark.parametrize("entity, iri", [
    (PUTIN, KGR["entity/Q7747"]),
    (Entity("PER:Дмитрий Песков", "Дмитрий Песков", "PER"), KGR["person/dmitriy-peskov"]),
    (Entity("ORG:МИД России", "МИД России", "ORG"), KGR["org/mid-rossii"]),
    (Entity("LOC:Кремль", "Кремль", "LOC"), KGR["place/kreml"]),
])
def test_entity_iri_from_wikidata_or_canonical_name(entity, iri):
    assert entity_iri(entity) == iri


@pytest.mark.parametrize("entity, cls", [
    (CHINA, KG.Country),
    (MOSCOW, KG.City),
    (Entity("LOC:Кремль", "Кремль", "LOC"), KG.Place),
    (PUTIN, KG.Person),
    (Entity("ORG:МИД России", "МИД России", "ORG"), KG.Organization),
])
def test_places_are_typed_country_or_city_when_the_kb_knows_them(entity, cls):
    assert entity_class(entity) == cls


# (id, event of article a, event of article b, one node?)
SAME_OR_NOT = [
    ("same-meeting-two-articles", meeting("a", PUTIN, XI), meeting("b", XI, PUTIN), True),
    ("mode-differs", meeting("a", PUTIN, XI, mode="video"), meeting("b", PUTIN, XI, mode="unknown"), True),
    ("place-named-by-one", meeting("a", PUTIN, XI, place=MOSCOW), meeting("b", PUTIN, XI), True),
    ("other-day", meeting("a", PUTIN, XI), meeting("b", PUTIN, XI, date="2026-02-05"), False),
    ("planned-vs-occurred", meeting("a", PUTIN, XI, status="planned"), meeting("b", PUTIN, XI), False),
    ("other-participants", meeting("a", PUTIN, XI), meeting("b", PUTIN, person(1)), False),
    ("month-precision-stays-own", meeting("a", PUTIN, XI, date="2025-09"), meeting("b", PUTIN, XI, date="2025-09"), False),
    ("undated-stays-own", meeting("a", PUTIN, XI, date=None), meeting("b", PUTIN, XI, date=None), False),
    ("visit-same-destination", visit("a", PUTIN, CHINA), visit("b", PUTIN, CHINA), True),
    ("visit-other-destination", visit("a", PUTIN, CHINA), visit("b", PUTIN, MOSCOW), False),
    ("same-quote-other-punctuation", statement("a", PUTIN, "Мы готовы к диалогу."),
     statement("b", PUTIN, "мы готовы к диалогу"), True),
    ("other-quote", statement("a", PUTIN, "Мы готовы"), statement("b", PUTIN, "Мы не готовы"), False),
]  # fmt: skip


@pytest.mark.parametrize("one, other, same", [c[1:] for c in SAME_OR_NOT], ids=[c[0] for c in SAME_OR_NOT])
def test_event_identity(one, other, same):
    assert (event_iri(one) == event_iri(other)) is same


def test_one_meeting_in_two_articles_is_one_node_with_both_sources():
    graph = to_graph([result("a", [meeting("a", PUTIN, XI, mode="video")]),
                      result("b", [meeting("b", PUTIN, XI)])])
    (node,) = graph.subjects(RDF.type, KG.Meeting)
    assert set(graph.objects(node, PROV.wasDerivedFrom)) == {KGR["article/a"], KGR["article/b"]}
    assert len(set(graph.objects(node, KG.evidence))) == 1  # the same sentence, written once
    assert set(graph.objects(node, KG.mode)) == {KG.Video, KG.UnknownMode}


def test_an_article_that_names_the_mode_once_gives_only_that_mode():
    events = [meeting("a", PUTIN, XI, evidence="Путин и Си провели переговоры."),
              meeting("a", PUTIN, XI, mode="video", evidence="Лидеры говорили по видеосвязи.")]
    graph = to_graph([result("a", events)])
    (node,) = graph.subjects(RDF.type, KG.Meeting)
    assert set(graph.objects(node, KG.mode)) == {KG.Video}
    assert len(set(graph.objects(node, KG.evidence))) == 2


@pytest.mark.parametrize("event, ok", [
    (meeting("a", PUTIN, XI), True),
    (meeting("a", PUTIN), False),
    (meeting("a", PUTIN, PUTIN), False),
    (meeting("a", PUTIN, CHINA), False),
    (visit("a", PUTIN, CHINA), True),
    (visit("a", PUTIN, None), False),
    (visit("a", Entity("ORG:МИД России", "МИД России", "ORG"), CHINA), False),
    (statement("a", PUTIN, "Мы готовы"), True),
    (statement("a", PUTIN, "  "), False),
    (meeting("a", PUTIN, XI, evidence=" "), False),
])
def test_only_events_the_shapes_accept_are_written(event, ok):
    assert writable(event) is ok
    graph = to_graph([result("a", [event])])
    assert (event_iri(event), RDF.type, None) in graph if ok else not any(graph.subjects(KG.status, None))


def test_triples_are_the_same_whatever_the_order_of_building():
    one = [result("a", [meeting("a", PUTIN, XI)]), result("b", [visit("b", PUTIN, CHINA)])]
    assert set(to_graph(one)) == set(to_graph(list(reversed(one))))


def test_article_metadata():
    triples = set(article_triples(result("a", [], title="Путин и Си").article, []))
    node = KGR["article/a"]
    assert triples == {
        (node, RDF.type, KG.Article),
        (node, DCTERMS.identifier, Literal("a")),
        (node, DCTERMS.title, Literal("Путин и Си", lang="ru")),
        (node, DCTERMS.date, Literal("2026-02-04", datatype=XSD.date)),
    }


def test_article_ids_are_quoted_into_iris():
    assert str(next(article_triples(result("a b/c", []).article, []))[0]).endswith("article/a%20b%2Fc")


def test_shortcut_triples_only_for_what_took_place():
    graph = to_graph([result("a", [meeting("a", PUTIN, XI, status="planned"), visit("a", PUTIN, CHINA)])])
    assert (entity_iri(PUTIN), KG.metWith, entity_iri(XI)) not in graph
    assert (entity_iri(PUTIN), KG.visited, entity_iri(CHINA)) in graph


def test_a_city_the_kb_knows_says_which_country_it_is_in():
    graph = to_graph([result("a", [visit("a", XI, MOSCOW)])])
    russia = KGR["entity/Q159"]
    assert (entity_iri(MOSCOW), SCHEMA.containedInPlace, russia) in graph
    assert (russia, RDF.type, KG.Country) in graph
    assert (russia, RDFS.label, Literal("Россия", lang="ru")) in graph


def test_an_entity_the_kb_knows_gets_the_kb_name_as_its_one_label():
    as_written = Entity("Q159", "РФ", "LOC", "Q159")
    graph = to_graph([result("a", [visit("a", PUTIN, as_written)]), result("b", [visit("b", XI, MOSCOW)])])
    assert set(graph.objects(KGR["entity/Q159"], RDFS.label)) == {Literal("Россия", lang="ru")}
