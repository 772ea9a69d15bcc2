"""Each participant's country (issue 12, section 3) and one node per person across owl:sameAs (section 1).

The article's own role phrase gives a person's country ("министр культуры Бразилии Педру Силва"),
written as kg:country in the article's graph; the reference KB's country wins when it knows the
person; where articles disagree, the country the most articles give. A person named "Н. Кан" in
one article and "Наото Кан" in another is one participant in the events table, one node in the
meeting network and one timeline.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL

from kgraph.events import event_dyads, event_records
from kgraph.model import Article, Entity
from kgraph.network import meeting_network, timeline
from kgraph.network.load import same_as
from kgraph.rdf import KG, KGR, entity_iri, to_graph
from kgraph.store import open_graph
from tests.synthetic import PUTIN, build, meeting, result

pytestmark = [pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
              pytest.mark.filterwarnings("ignore:Dataset.contexts is deprecated:DeprecationWarning")]

FRANCE, BRAZIL, SYRIA, IRAN, RUSSIA = (f"{KGR}entity/{q}" for q in ("Q142", "Q155", "Q858", "Q794", "Q159"))

PARIS = ("Париж. 3 марта. Президент Франции Эмманюэль Макрон встретился в Елисейском дворце "
         "с министром культуры Бразилии Педру Силвой.")


@pytest.fixture(scope="module")
def paris():
    from kgraph.pipeline import process

    return process(Article(id="paris", text=PARIS, date=date(2026, 3, 3)))


def _person(name: str, country: str | None = None) -> Entity:
    return Entity(f"PER:{name}", name, "PER", country=country)


# -- the article's own country -------------------------------------------------------------------


@pytest.mark.parametrize("text, countries", [
    (PARIS, {"Эммануэль Макрон": FRANCE, "Педру Силва": BRAZIL}),
    ("Российский вице-премьер Аркадий Волков провел переговоры с главой МИД Сирии Хасаном Наджаром.",
     {"Аркадий Волков": RUSSIA, "Хасан Наджар": SYRIA}),
    ("Иранский министр Фарид Карими встретился с мэром Москвы Олегом Зуевым.",
     {"Фарид Карими": IRAN, "Олег Зуев": RUSSIA}),  # a city the KB knows: its country
    ("Посол Бразилии в Сирии Педру Силва встретился с Хасаном Наджаром.",
     {"Педру Силва": BRAZIL, "Хасан Наджар": None}),  # the country he represents; none said of the other
    ("Генсек ООН Карлос Мендес встретился с Хасаном Наджаром.", {"Карлос Мендес": None}),
    # where a role is held ("в Бразилии") is not the country the person belongs to
    ("Известный в Бразилии французский художник Жан Дюпон встретился с Хасаном Наджаром.",
     {"Жан Дюпон": FRANCE}),
    ("Глава представительства в Бразилии Жан Дюпон встретился с Хасаном Наджаром.", {"Жан Дюпон": None}),
    ("Бывший кандидат в президенты Бразилии Педру Силва встретился с Хасаном Наджаром.", {"Педру Силва": BRAZIL}),
    # a capitalized title natasha tags PROPN, as kremlin.ru writes them
    ("Путин принял Вана Ли. С иранской стороны во встрече участвовал также Чрезвычайный и Полномочный "
     "Посол Ирана в России Фарид Карими.", {"Фарид Карими": IRAN}),
])
def test_the_role_phrase_an_article_introduces_a_person_with_gives_the_country(text, countries):
    from kgraph.pipeline import process

    found = {p.name: p.country for e in process(Article(id="t", text=text)).events for p in e.participants}
    assert {name: found.get(name, "missing") for name in countries} == countries


def test_the_country_is_not_part_of_the_identity():
    assert _person("Педру Силва", BRAZIL) == _person("Педру Силва")
    assert entity_iri(_person("Педру Силва", BRAZIL)) == entity_iri(_person("Педру Силва"))


def test_the_country_is_the_articles_claim_in_its_own_graph(tmp_path, paris):
    build(tmp_path / "g.nq", [paris])
    graph = open_graph(tmp_path / "g.nq")
    silva = entity_iri(_person("Педру Силва"))
    claims = [(o, g) for _, _, o, g in graph.quads((silva, KG.country, None, None))]
    assert claims == [(URIRef(BRAZIL), KGR["article/paris"])]


def test_the_events_table_and_the_dyad_carry_the_articles_country(paris):
    (row,) = [r for r in event_records(to_graph([paris])) if r["kind"] == "meeting"]
    assert row["participants"] == ["Педру Силва", "Эммануэль Макрон"]
    assert row["participant_countries"] == ["Бразилия", "Франция"] and row["foreign"] is True
    assert event_dyads(row) == [("Бразилия", "Франция")]


def test_the_meeting_network_carries_the_articles_country(paris):
    G = meeting_network(to_graph([paris]))
    assert {G.nodes[n]["name"]: G.nodes[n].get("country") for n in G} == {
        "Педру Силва": "Бразилия", "Эммануэль Макрон": "Франция"}


def test_the_most_articles_win_and_the_kb_wins_over_the_articles(tmp_path):
    says = [("a", SYRIA), ("b", SYRIA), ("c", IRAN), ("d", IRAN), ("e", SYRIA)]
    putin = replace(PUTIN, country=IRAN)  # a wrong claim: the KB knows better
    items = [result(aid, [meeting(aid, _person("Хасан Наджар", country), putin, date=f"2026-02-0{i + 1}")])
             for i, (aid, country) in enumerate(says)]
    build(tmp_path / "g.nq", items)
    rows = event_records(open_graph(tmp_path / "g.nq"))
    assert {tuple(r["participant_countries"]) for r in rows} == {("Россия", "Сирия")}  # 3 of 5; Путин: the KB's


def test_a_tie_goes_to_the_first_name():
    items = [result(aid, [meeting(aid, _person("Хасан Наджар", country), PUTIN, date=f"2026-02-0{i + 1}")])
             for i, (aid, country) in enumerate([("a", SYRIA), ("b", IRAN)])]
    rows = event_records(to_graph(items))  # a graph without named graphs: each claim once
    assert {tuple(r["participant_countries"]) for r in rows} == {("Россия", "Иран")}


# -- one node per person across owl:sameAs -------------------------------------------------------

KAN_SHORT, KAN = _person("Н. Кан"), _person("Наото Кан")
HU = _person("Ли Ху")


@pytest.fixture(scope="module")
def kan():
    return to_graph([
        result("a", [meeting("a", KAN_SHORT, PUTIN, date="2026-02-04")]),
        result("b", [meeting("b", KAN, HU, date="2026-02-10")]),
        result("c", [meeting("c", KAN_SHORT, HU, PUTIN, date="2026-02-20")]),
    ])


def test_the_graph_links_the_initialed_name_to_the_full_name(kan):
    assert (entity_iri(KAN_SHORT), OWL.sameAs, entity_iri(KAN)) in kan
    assert same_as(kan) == {str(entity_iri(KAN_SHORT)): str(entity_iri(KAN))}


def test_the_events_table_has_one_participant_for_both_names(kan):
    putin, hu, kan_ = (str(entity_iri(p)) for p in (PUTIN, HU, KAN))
    rows = event_records(kan)
    assert [r["participant_iris"] for r in rows] == [[putin, kan_], [hu, kan_], [putin, hu, kan_]]
    assert rows[0]["participants"] == ["Владимир Путин", "Наото Кан"]


def test_the_network_and_the_timeline_have_one_node_for_both_names(kan):
    G = meeting_network(kan)
    assert str(entity_iri(KAN_SHORT)) not in G
    assert G.degree(str(entity_iri(KAN))) == 4  # Путин, Ли Ху; Ли Ху; Путин
    rows = timeline(G, "Наото Кан")
    assert [(r["date"], r["with"]) for r in rows] == [
        ("2026-02-04", ["Владимир Путин"]), ("2026-02-10", ["Ли Ху"]), ("2026-02-20", ["Владимир Путин", "Ли Ху"])]


def test_same_as_follows_chains_to_the_node_they_point_to():
    from rdflib import Graph

    graph = Graph()
    a, b, c = (KGR[f"person/{x}"] for x in "abc")
    graph.add((a, OWL.sameAs, b))
    graph.add((b, OWL.sameAs, c))
    graph.add((c, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q1")))  # not a kgraph node: ignored
    assert same_as(graph) == {str(a): str(c), str(b): str(c)}
