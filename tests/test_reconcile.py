"""Identity across articles (kgraph.reconcile): one label per entity, one node per reported event.

Articles written for it go through the real pipeline: one meeting reported by an agency the
same day, by a later article ("в прошлый вторник") and by a month-level reference; two meetings
of one pair in one month, and a month-level reference to them that joins neither.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kgraph.model import Article, Entity
from kgraph.rdf import KG, KGR, RECONCILE_GRAPH, entity_iri, event_iri, to_graph
from kgraph.reconcile import (
    MERGE_RULE,
    canonical_label,
    initial_aliases,
    reconcile_quads,
)
from kgraph.store import open_graph, write_graph
from kgraph.store.target import article_graph
from tests.synthetic import (
    CHINA,
    PUTIN,
    XI,
    build,
    meeting,
    person,
    result,
    statement,
    visit,
)

ROOT = Path(__file__).resolve().parents[1]

BEIJING = [
    ("agency", date(2025, 9, 2), ("Пекин. 2 сентября. Президент России Владимир Путин провел переговоры "
                                 "с председателем КНР Си Цзиньпином в Пекине.")),
    ("agency-again", date(2025, 9, 2), ("Пекин. 2 сентября. Владимир Путин и Си Цзиньпин встретились "
                                       "в Доме народных собраний.")),
    ("a-week-later", date(2025, 9, 9), ("Москва. 9 сентября. Песков рассказал журналистам, что в прошлый "
                                       "вторник Путин встретился с Си Цзиньпином в Пекине.")),
    ("month-level", date(2025, 11, 20), ("Москва. 20 ноября. В последний раз Путин и Си Цзиньпин встречались "
                                        "лично в начале сентября.")),
]
TWICE_IN_OCTOBER = [
    ("minsk", date(2025, 10, 3), "Минск. 3 октября. Александр Лукашенко провел переговоры с Касым-Жомартом Токаевым."),
    ("astana", date(2025, 10, 20), ("Астана. 20 октября. Александр Лукашенко встретился с Касым-Жомартом "
                                   "Токаевым в Астане.")),
    ("october", date(2025, 12, 1), "Минск. 1 декабря. Лукашенко и Токаев встречались в октябре."),
]


@pytest.fixture(scope="module")
def written():
    from kgraph.pipeline import process

    return {aid: process(Article(id=aid, text=text, date=day)) for aid, day, text in BEIJING + TWICE_IN_OCTOBER}


def _meetings(graph: Graph) -> list:
    return sorted(graph.subjects(RDF.type, KG.Meeting))


def test_one_meeting_reported_four_ways_is_one_node(written):
    graph = to_graph([written[aid] for aid, _, _ in BEIJING])
    (node,) = _meetings(graph)
    assert graph.value(node, KG.date) == Literal("2025-09-02", datatype=XSD.date)
    assert set(graph.objects(node, PROV.wasDerivedFrom)) == {KGR[f"article/{aid}"] for aid, _, _ in BEIJING}
    evidence = {str(e) for e in graph.objects(node, KG.evidence)}
    assert any("в начале сентября" in e for e in evidence) and any("в прошлый вторник" in e for e in evidence)
    (report,) = graph.objects(node, KG.mergedReport)
    assert (report, RDF.type, KG.Report) in graph
    assert graph.value(report, KG.mergeRule) == Literal(MERGE_RULE)
    # the month-level article's own account stays on its report: its date, precision, mode, source
    assert str(graph.value(report, KG.date)) == "2025-09" and graph.value(report, KG.datePrecision) == KG.Month
    assert graph.value(report, KG.mode) == KG.InPerson
    assert graph.value(report, PROV.wasDerivedFrom) == KGR["article/month-level"]


def test_two_meetings_in_one_month_stay_two_and_the_month_reference_joins_neither(written):
    graph = to_graph([written[aid] for aid, _, _ in TWICE_IN_OCTOBER])
    meetings = _meetings(graph)
    assert len(meetings) == 3  # 3 and 20 October, and the October reference on its own
    assert not any(graph.subjects(KG.mergedReport, None))
    own = [m for m in meetings if str(graph.value(m, KG.date)) == "2025-10"]
    assert [graph.value(m, PROV.wasDerivedFrom) for m in own] == [KGR["article/october"]]


def test_with_one_of_the_two_meetings_the_month_reference_joins_it(written):
    graph = to_graph([written["astana"], written["october"]])
    (node,) = _meetings(graph)
    assert set(graph.objects(node, PROV.wasDerivedFrom)) == {KGR["article/astana"], KGR["article/october"]}


# -- the rule, one condition at a time (synthetic events) --------------------------------------

DAY = meeting("d", PUTIN, XI, date="2025-09-02", mode="in_person")
RULE = [
    ("month-contains-day", meeting("m", PUTIN, XI, date="2025-09"), True),
    ("year-contains-day", meeting("m", PUTIN, XI, date="2025"), True),
    ("other-month", meeting("m", PUTIN, XI, date="2025-10"), False),
    ("other-participants", meeting("m", PUTIN, person(1), date="2025-09"), False),
    ("more-participants", meeting("m", PUTIN, XI, person(1), date="2025-09"), False),
    ("other-status", meeting("m", PUTIN, XI, date="2025-09", status="planned"), False),
    ("same-mode", meeting("m", PUTIN, XI, date="2025-09", mode="in_person"), True),
    ("unknown-mode-fits-any", meeting("m", PUTIN, XI, date="2025-09", mode="unknown"), True),
    ("other-mode", meeting("m", PUTIN, XI, date="2025-09", mode="phone"), False),
    ("other-kind", visit("m", PUTIN, CHINA, date="2025-09"), False),
    ("undated", meeting("m", PUTIN, XI, date=None), False),
]  # fmt: skip


@pytest.mark.parametrize("report, joins", [c[1:] for c in RULE], ids=[c[0] for c in RULE])
def test_the_rule(report, joins):
    graph = to_graph([result("d", [DAY]), result("m", [report])])
    assert ((event_iri(DAY), KG.mergedReport, event_iri(report)) in graph) is joins
    assert len(set(graph.subjects(RDF.type, KG.Report))) == joins
    assert (event_iri(report), RDF.type, KG.Meeting if report.kind == "meeting" else KG.Visit) in graph or joins


def test_a_visit_and_a_statement_join_by_the_same_rule():
    day = [visit("d", PUTIN, CHINA, date="2025-09-02"), statement("d", PUTIN, "Мы готовы", date="2025-09-02")]
    coarse = [visit("m", PUTIN, CHINA, date="2025-09"), statement("m", PUTIN, "мы готовы!", date="2025")]
    graph = to_graph([result("d", day), result("m", coarse)])
    assert {(event_iri(a), KG.mergedReport, event_iri(b)) for a, b in zip(day, coarse, strict=True)} <= set(graph)


def test_the_merge_does_not_depend_on_the_order_of_articles():
    items = [result("d", [DAY]), result("m", [meeting("m", PUTIN, XI, date="2025-09")])]
    assert set(to_graph(items)) == set(to_graph(items[::-1]))


# -- entities ---------------------------------------------------------------------------------


def _named(name: str) -> Entity:
    return Entity(f"PER:{name}", name, "PER")


@pytest.mark.parametrize("one, other", [
    ("Сэйдзи Маэхара", "Сейдзи Маэхара"),  # э/е
    ("Пётр Ёлкин", "Петр Елкин"),  # ё/е
    ("Андрей Кудрявцев", "Андреи Кудрявцев"),  # й/и
    ("Жан-Ив Дюран", "Жан Ив Дюран"),  # a hyphen
])
def test_spellings_that_differ_by_a_letter_are_one_iri(one, other):
    assert entity_iri(_named(one)) == entity_iri(_named(other))


def test_latin_and_cyrillic_spellings_of_a_name_are_one_iri():
    assert entity_iri(Entity("ORG:Lenta.ru", "Lenta.ru", "ORG")) == entity_iri(Entity("ORG:Лента.ру", "Лента.ру", "ORG"))


def test_the_label_is_the_most_used_spelling_else_cyrillic_else_first():
    assert canonical_label({"Сэйдзи Маэхара": 2, "Сейдзи Маэхара": 1}) == "Сэйдзи Маэхара"
    assert canonical_label({"Сэйдзи Маэхара": 1, "Сейдзи Маэхара": 1}) == "Сейдзи Маэхара"
    assert canonical_label({"Lenta.ru": 1, "Лента.ру": 1}) == "Лента.ру"


def _talk(article: str, who: Entity) -> object:
    return result(article, [statement(article, who, f"Слова из статьи {article}")])


def test_one_entity_one_label_the_other_spellings_alt_labels_whatever_the_order():
    items = [_talk("a", _named("Сэйдзи Маэхара")), _talk("b", _named("Сейдзи Маэхара")),
             _talk("c", _named("Сэйдзи Маэхара"))]
    node = entity_iri(_named("Сэйдзи Маэхара"))
    for order in (items, items[::-1]):
        graph = to_graph(order)
        assert list(graph.objects(node, RDFS.label)) == [Literal("Сэйдзи Маэхара", lang="ru")]
        assert list(graph.objects(node, SKOS.altLabel)) == [Literal("Сейдзи Маэхара", lang="ru")]


def test_an_initialed_name_is_the_one_full_name_of_that_initial_and_surname():
    graph = to_graph([_talk("a", _named("Н. Кан")), _talk("b", _named("Наото Кан")), _talk("c", _named("Оливер Кан"))])
    short, full = entity_iri(_named("Н. Кан")), entity_iri(_named("Наото Кан"))
    assert (short, OWL.sameAs, full) in graph
    assert (full, SKOS.altLabel, Literal("Н. Кан", lang="ru")) in graph
    assert list(graph.objects(short, RDFS.label)) == [Literal("Наото Кан", lang="ru")]
    assert list(graph.objects(short, SKOS.altLabel)) == [Literal("Н. Кан", lang="ru")]


def test_two_full_names_of_that_initial_and_surname_leave_it_apart():
    names = {KGR["person/a"]: ["Н. Кан"], KGR["person/b"]: ["Наото Кан"], KGR["person/c"]: ["Николай Кан"]}
    assert initial_aliases(names) == {}
    assert initial_aliases({k: v for k, v in names.items() if k != KGR["person/c"]}) == {
        KGR["person/a"]: KGR["person/b"]}


# -- stores: incremental, idempotent, byte-identical, conforming -------------------------------

SHAPES = ROOT / "ontology" / "shapes.ttl"


def _conforms(graph: Graph) -> tuple[bool, str]:
    pyshacl = pytest.importorskip("pyshacl")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=Graph().parse(SHAPES), inference="none")
    return conforms, text


def _dump(store: Path) -> bytes:
    write_graph(open_graph(f"oxigraph:{store}"), store.parent / "dump.nq")
    return (store.parent / "dump.nq").read_bytes()


def test_an_incremental_oxigraph_build_merges_a_report_that_came_first(tmp_path, written):
    store = tmp_path / "kg"
    month, day = written["month-level"], written["agency"]
    build(f"oxigraph:{store}", [month])
    alone = open_graph(f"oxigraph:{store}")
    assert len(set(alone.subjects(RDF.type, KG.Meeting))) == 1 and not any(alone.subjects(RDF.type, KG.Report))
    del alone
    build(f"oxigraph:{store}", [day])
    first = _dump(store)
    build(f"oxigraph:{store}", [day, month])  # a re-run changes nothing
    assert _dump(store) == first
    build(tmp_path / "scratch.nq", [day, month])  # the same as a build from scratch, in the other order
    assert (tmp_path / "scratch.nq").read_bytes() == first
    graph = open_graph(tmp_path / "scratch.nq")
    assert len(set(graph.subjects(RDF.type, KG.Meeting))) == 1 and len(set(graph.subjects(KG.mergedReport, None))) == 1


def test_a_report_whose_event_goes_away_is_an_event_again(tmp_path, written):
    store = tmp_path / "kg"
    build(f"oxigraph:{store}", [written["agency"], written["month-level"]])
    build(f"oxigraph:{store}", [result("agency", [])])  # the day-dated article comes again without it
    graph = open_graph(f"oxigraph:{store}")
    (node,) = set(graph.subjects(RDF.type, KG.Meeting))
    assert str(graph.value(node, KG.date)) == "2025-09" and not any(graph.subjects(RDF.type, KG.Report))


def test_builds_of_the_written_articles_conform_to_the_shapes(tmp_path, written):
    items = [*written.values(), _talk("x", _named("Сэйдзи Маэхара")), _talk("y", _named("Сейдзи Маэхара")),
             _talk("z", _named("Н. Кан")), _talk("w", _named("Наото Кан"))]
    build(tmp_path / "g.ttl", items)
    conforms, text = _conforms(open_graph(tmp_path / "g.ttl"))
    assert conforms, text
    assert set(to_graph(items)) == set(open_graph(tmp_path / "g.ttl"))  # memory and store agree


def test_the_reconcile_pass_reads_no_output_of_its_own(written):
    quads = [q for item in written.values() for q in article_graph(item)[1]]
    from kgraph.store.terms import from_ox_quad

    quads = [from_ox_quad(q) for q in quads]
    once = reconcile_quads(quads)
    assert reconcile_quads(quads + [(s, p, o, RECONCILE_GRAPH) for s, p, o in once]) == once
