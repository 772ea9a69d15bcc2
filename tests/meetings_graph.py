"""A small hand-made knowledge graph whose networkx answers are known, for the network and plot tests.

Five people, seven meetings, three statements, two visits, in kgraph's vocabulary:

==  ====================================  ==========  =========  =========  =============
id  who                                   date        mode       status     sources
==  ====================================  ==========  =========  =========  =============
m1  Путин, Си Цзиньпин (in Москва)        2025-05-08  in_person  occurred   a1, a2
m2  Путин, Си Цзиньпин                    2025-09     in_person  occurred   a3
m3  Путин, Си Цзиньпин                    2026-02-04  video      occurred   a3
m4  Путин, Лавров, Иван Иванов            2025-03-10  in_person  occurred   a4
m5  Путин, Иван Иванов                    2025-03-20  phone      planned    a5
m6  Лавров, Пётр Петров                   2025-04-02  phone      occurred   a6
m7  Путин, Пётр Петров                    --          unknown    occurred   a7
==  ====================================  ==========  =========  =========  =============

Путин, Си Цзиньпин and Лавров carry the reference KB's IRIs, so the KB gives their country and role;
the graph itself gives Иван Иванов his country (kg:country Россия), and Пётр Петров has none.
Articles a1 and a2 carry dates (a1 also a title and a URL); m1, m3 and m4 carry evidence
sentences (m1 two, one from each article).
"""
from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from kgraph.model import precision_of
from kgraph.rdf import KG, KGR, MODES, PRECISIONS, SCHEMA, STATUSES, WD, bind_namespaces

PUTIN = str(KGR["entity/Q7747"])
XI = str(KGR["entity/Q15031"])
LAVROV = str(KGR["person/sergey-lavrov"])
IVANOV = str(KGR["person/ivan-ivanov"])
PETROV = str(KGR["person/petr-petrov"])
MOSCOW = str(KGR["entity/Q649"])
CHINA = str(KGR["entity/Q148"])
RUSSIA = str(KGR["entity/Q159"])

NAMES = {PUTIN: "Владимир Путин", XI: "Си Цзиньпин", LAVROV: "Сергей Лавров", IVANOV: "Иван Иванов",
         PETROV: "Пётр Петров", MOSCOW: "Москва", CHINA: "Китай", RUSSIA: "Россия"}
WIKIDATA = {PUTIN: "Q7747", XI: "Q15031", MOSCOW: "Q649", CHINA: "Q148", RUSSIA: "Q159"}
PLACES = {MOSCOW: KG.City, CHINA: KG.Place, RUSSIA: KG.Country}
#: the graph's own kg:country of an agent (what an article's «министр России» would give)
COUNTRIES = {IVANOV: RUSSIA}

# id: (people, date, mode, status, sources)
MEETINGS = {
    "m1": ((PUTIN, XI), "2025-05-08", "in_person", "occurred", ("a1", "a2")),
    "m2": ((PUTIN, XI), "2025-09", "in_person", "occurred", ("a3",)),
    "m3": ((PUTIN, XI), "2026-02-04", "video", "occurred", ("a3",)),
    "m4": ((PUTIN, LAVROV, IVANOV), "2025-03-10", "in_person", "occurred", ("a4",)),
    "m5": ((PUTIN, IVANOV), "2025-03-20", "phone", "planned", ("a5",)),
    "m6": ((LAVROV, PETROV), "2025-04-02", "phone", "occurred", ("a6",)),
    "m7": ((PUTIN, PETROV), None, "unknown", "occurred", ("a7",)),
}
# id: (visitor, destination, date, status)
VISITS = {
    "v1": (PUTIN, CHINA, "2025-09", "occurred"),
    "v2": (IVANOV, MOSCOW, "2025-06-01", "planned"),
}
# id: speaker
STATEMENTS = {"s1": PUTIN, "s2": PUTIN, "s3": XI}
# meeting id: its evidence sentences
EVIDENCE = {
    "m1": ("Переговоры Владимира Путина и Си Цзиньпина в Москве продлились три часа.",
           "Путин и Си Цзиньпин провели переговоры в Москве."),
    "m3": ("Путин и Си Цзиньпин провели переговоры по видеосвязи.",),
    "m4": ("Совещание с членами правительства\n\nПутин провёл совещание с Лавровым и Ивановым.",),
}
# article id: (date, title, url)
ARTICLES = {
    "a1": ("2025-05-08", "Путин и Си Цзиньпин провели переговоры", "https://example.org/a1"),
    "a2": ("2025-05-09", None, None),
}


def event(name: str) -> str:
    return str(KGR[f"event/{name}"])


def _date(node: URIRef, date: str | None):
    if date:
        precision = precision_of(date)
        yield node, KG.date, Literal(date, datatype=PRECISIONS[precision][1])
        yield node, KG.datePrecision, PRECISIONS[precision][0]


def _source(node: URIRef, article: str):
    iri = KGR[f"article/{article}"]
    yield node, PROV.wasDerivedFrom, iri
    yield iri, RDF.type, KG.Article
    yield iri, DCTERMS.identifier, Literal(article)
    date, title, url = ARTICLES.get(article, (None, None, None))
    if date:
        yield iri, DCTERMS.date, Literal(date, datatype=XSD.date)
    if title:
        yield iri, DCTERMS.title, Literal(title, lang="ru")
    if url:
        yield iri, SCHEMA.url, Literal(url, datatype=XSD.anyURI)


def triples():
    for iri, name in NAMES.items():
        yield URIRef(iri), RDFS.label, Literal(name, lang="ru")
        yield URIRef(iri), RDF.type, PLACES.get(iri, KG.Person)
        if iri in WIKIDATA:
            yield URIRef(iri), OWL.sameAs, WD[WIKIDATA[iri]]
        if iri in COUNTRIES:
            yield URIRef(iri), KG.country, URIRef(COUNTRIES[iri])
    for name, (people, date, mode, status, sources) in MEETINGS.items():
        node = URIRef(event(name))
        yield node, RDF.type, KG.Meeting
        yield node, KG.mode, MODES[mode]
        yield node, KG.status, STATUSES[status]
        for person in people:
            yield node, KG.participant, URIRef(person)
        yield from _date(node, date)
        for article in sources:
            yield from _source(node, article)
        for sentence in EVIDENCE.get(name, ()):
            yield node, KG.evidence, Literal(sentence)
    for name, (visitor, place, date, status) in VISITS.items():
        node = URIRef(event(name))
        yield node, RDF.type, KG.Visit
        yield node, KG.status, STATUSES[status]
        yield node, KG.visitor, URIRef(visitor)
        yield node, KG.destination, URIRef(place)
        yield from _date(node, date)
        yield from _source(node, "v-" + name)
    for name, speaker in STATEMENTS.items():
        node = URIRef(event(name))
        yield node, RDF.type, KG.Statement
        yield node, KG.status, STATUSES["occurred"]
        yield node, KG.speaker, URIRef(speaker)
        yield node, KG.quote, Literal(f"цитата {name}", datatype=XSD.string)


def meetings_graph() -> Graph:
    """The table above as an rdflib Graph."""
    graph = bind_namespaces(Graph())
    for triple in triples():
        graph.add(triple)
    return graph


def meetings_dataset() -> Dataset:
    """The same triples in a named graph of a Dataset that does not union its graphs by default."""
    dataset = Dataset(default_union=False)
    named = dataset.graph(URIRef("urn:x-test:articles"))
    for triple in triples():
        named.add(triple)
    return dataset
