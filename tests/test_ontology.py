"""The kgraph ontology (ontology/kgraph.ttl) and its SHACL shapes (ontology/shapes.ttl).

- both files parse;
- the vocabulary the RDF writer emits is declared, with the right kind;
- every kg: term has rdfs:label and rdfs:comment in English and Russian;
- the alignments to SEM, schema.org, PROV-O, SKOS, CAMEO and PLOVER are there;
- a small well-formed graph conforms to the shapes (pyshacl, no inference),
  and each broken variant of it fails on the constraint it breaks.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "kgraph.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

KG = Namespace("https://w3id.org/kgraph/ontology#")
KGR = Namespace("https://w3id.org/kgraph/resource/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SH = Namespace("http://www.w3.org/ns/shacl#")
ONTOLOGY_IRI = URIRef("https://w3id.org/kgraph/ontology")


def _load(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def _load_or_empty(path: Path) -> Graph:
    # Parametrization happens at collection time; a broken file must make
    # test_parses fail, not make the whole module fail to collect.
    try:
        return _load(path)
    except Exception:  # noqa: BLE001
        return Graph()


ONTO = _load_or_empty(ONTOLOGY_FILE)
SHAPES = _load_or_empty(SHAPES_FILE)


# -----------------------------------------------------------------------------
# Parsing
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [ONTOLOGY_FILE, SHAPES_FILE], ids=lambda p: p.name)
def test_parses(path: Path) -> None:
    graph = _load(path)
    assert len(graph) > 0


def test_ontology_header() -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ONTO
    assert ONTO.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ONTO.value(ONTOLOGY_IRI, DCTERMS.license) is not None
    for prop in (DCTERMS.title, DCTERMS.description):
        langs = {o.language for o in ONTO.objects(ONTOLOGY_IRI, prop)}
        assert {"en", "ru"} <= langs, prop


# -----------------------------------------------------------------------------
# Vocabulary: what the RDF writer emits must be declared, with the right kind
# -----------------------------------------------------------------------------

CLASSES = [
    "Event", "Meeting", "Visit", "Statement",
    "Agent", "Person", "Organization", "Place", "Country", "City",
    "Article", "Report", "Mode", "Status", "DatePrecision", "Role", "Term",
]  # fmt: skip
OBJECT_PROPERTIES = [
    "participant", "visitor", "destination", "speaker", "place",
    "datePrecision", "mode", "status", "metWith", "visited",
    "country", "holder", "role", "ofCountry", "mergedReport",
]  # fmt: skip
DATATYPE_PROPERTIES = [
    "quote", "date", "evidence", "said", "dateline", "agency", "adjective", "iso2", "start", "end",
    "spelling", "mergeRule",
]  # fmt: skip
ANNOTATION_PROPERTIES = ["cameoCode", "cameoHostCode", "ploverEvent", "ploverMode", "shortName"]
INDIVIDUALS = [
    ("InPerson", "Mode"), ("Phone", "Mode"), ("Video", "Mode"), ("UnknownMode", "Mode"),
    ("Occurred", "Status"), ("Planned", "Status"), ("Negated", "Status"), ("Hypothetical", "Status"),
    ("Day", "DatePrecision"), ("Month", "DatePrecision"), ("Year", "DatePrecision"),
    ("HeadOfState", "Role"), ("HeadOfGovernment", "Role"),
    ("ForeignMinister", "Role"), ("Spokesperson", "Role"),
]  # fmt: skip

EXPECTED_DECLARATIONS = (
    [(name, OWL.Class) for name in CLASSES]
    + [(name, OWL.ObjectProperty) for name in OBJECT_PROPERTIES]
    + [(name, OWL.DatatypeProperty) for name in DATATYPE_PROPERTIES]
    + [(name, OWL.AnnotationProperty) for name in ANNOTATION_PROPERTIES]
    + [(name, KG[cls]) for name, cls in INDIVIDUALS]
)


@pytest.mark.parametrize(
    "name, kind", EXPECTED_DECLARATIONS, ids=[n for n, _ in EXPECTED_DECLARATIONS]
)
def test_term_declared(name: str, kind: URIRef) -> None:
    assert (KG[name], RDF.type, kind) in ONTO


@pytest.mark.parametrize("name", [n for n, _ in INDIVIDUALS])
def test_individual_is_named_individual(name: str) -> None:
    assert (KG[name], RDF.type, OWL.NamedIndividual) in ONTO


@pytest.mark.parametrize("name", ["sourceCount", "holdsRole"])
def test_term_not_declared(name: str) -> None:
    """Names deliberately left out of the vocabulary."""
    assert not any(ONTO.triples((KG[name], None, None)))


@pytest.mark.parametrize("name", ["metWith"])
def test_symmetric(name: str) -> None:
    assert (KG[name], RDF.type, OWL.SymmetricProperty) in ONTO


@pytest.mark.parametrize(
    "cls, members",
    [
        ("Mode", ["InPerson", "Phone", "Video", "UnknownMode"]),
        ("Status", ["Occurred", "Planned", "Negated", "Hypothetical"]),
        ("DatePrecision", ["Day", "Month", "Year"]),
        ("Role", ["HeadOfState", "HeadOfGovernment", "ForeignMinister", "Spokesperson"]),
    ],
)
def test_enumeration_is_closed(cls: str, members: list[str]) -> None:
    """Each controlled vocabulary is owl:oneOf its individuals, and only those."""
    from rdflib.collection import Collection

    enums = [
        set(Collection(ONTO, one_of))
        for eq in ONTO.objects(KG[cls], OWL.equivalentClass)
        for one_of in ONTO.objects(eq, OWL.oneOf)
    ]
    assert enums == [{KG[m] for m in members}]
    typed = set(ONTO.subjects(RDF.type, KG[cls]))
    assert typed == {KG[m] for m in members}


def _declared_terms() -> list[URIRef]:
    """Every kg: IRI the ontology types as a class, property or individual."""
    kinds = {
        OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
        OWL.NamedIndividual, RDF.Property,
    }  # fmt: skip
    kg_classes = {s for s in ONTO.subjects(RDF.type, OWL.Class) if str(s).startswith(str(KG))}
    return sorted(
        {
            s
            for s, o in ONTO.subject_objects(RDF.type)
            if isinstance(s, URIRef) and str(s).startswith(str(KG)) and (o in kinds or o in kg_classes)
        }
    )


DECLARED = _declared_terms()


def test_declarations_match_table() -> None:
    """The table above is the whole vocabulary: nothing missing, nothing extra."""
    expected = {KG[name] for name, _ in EXPECTED_DECLARATIONS}
    assert set(DECLARED) == expected


def _kg_iris(graph: Graph) -> set[URIRef]:
    return {
        term
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(str(KG))
    }


@pytest.mark.parametrize("graph_name", ["kgraph.ttl", "shapes.ttl"])
def test_no_undeclared_kg_iris(graph_name: str) -> None:
    """No typo: every kg: IRI used in either file is declared in the ontology."""
    graph = ONTO if graph_name == "kgraph.ttl" else SHAPES
    assert _kg_iris(graph) - set(DECLARED) == set()


# -----------------------------------------------------------------------------
# Labels and comments: every term, in English and Russian
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("predicate", [RDFS.label, RDFS.comment], ids=["label", "comment"])
@pytest.mark.parametrize("term", DECLARED, ids=[str(t).split("#")[-1] for t in DECLARED])
def test_label_and_comment_in_en_and_ru(term: URIRef, predicate: URIRef) -> None:
    values = list(ONTO.objects(term, predicate))
    for lang in ("en", "ru"):
        in_lang = [v for v in values if isinstance(v, Literal) and v.language == lang]
        assert len(in_lang) == 1, f"{term} needs exactly one {predicate} @{lang}, has {in_lang}"
        assert str(in_lang[0]).strip(), f"{term} has an empty {predicate} @{lang}"
    assert all(isinstance(v, Literal) and v.language in ("en", "ru") for v in values)


@pytest.mark.parametrize("predicate", [RDFS.label, RDFS.comment], ids=["label", "comment"])
def test_russian_text_is_cyrillic(predicate: URIRef) -> None:
    """The @ru texts are written in Russian, not copied from the English."""
    not_russian = [
        (term, str(v))
        for term in DECLARED
        for v in ONTO.objects(term, predicate)
        if v.language == "ru" and not any("а" <= ch <= "я" or ch == "ё" for ch in str(v).lower())
    ]
    assert not_russian == []


# -----------------------------------------------------------------------------
# Alignments
# -----------------------------------------------------------------------------

ALIGNMENTS = [
    # event classes
    (KG.Event, RDFS.subClassOf, SEM.Event),
    (KG.Event, RDFS.subClassOf, SCHEMA.Event),
    (KG.Meeting, RDFS.subClassOf, KG.Event),
    (KG.Visit, RDFS.subClassOf, KG.Event),
    (KG.Statement, RDFS.subClassOf, KG.Event),
    # agents, places, articles
    (KG.Agent, RDFS.subClassOf, SEM.Actor),
    (KG.Agent, RDFS.subClassOf, PROV.Agent),
    (KG.Person, RDFS.subClassOf, KG.Agent),
    (KG.Person, RDFS.subClassOf, SCHEMA.Person),
    (KG.Person, RDFS.subClassOf, PROV.Person),
    (KG.Organization, RDFS.subClassOf, KG.Agent),
    (KG.Organization, RDFS.subClassOf, SCHEMA.Organization),
    (KG.Organization, RDFS.subClassOf, PROV.Organization),
    (KG.Place, RDFS.subClassOf, SEM.Place),
    (KG.Place, RDFS.subClassOf, SCHEMA.Place),
    (KG.Country, RDFS.subClassOf, KG.Place),
    (KG.Country, RDFS.subClassOf, SCHEMA.Country),
    (KG.City, RDFS.subClassOf, KG.Place),
    (KG.City, RDFS.subClassOf, SCHEMA.City),
    (KG.Article, RDFS.subClassOf, PROV.Entity),
    (KG.Article, RDFS.subClassOf, SCHEMA.NewsArticle),
    (KG.Report, RDFS.subClassOf, PROV.Entity),
    (KG.mergedReport, RDFS.domain, KG.Event),
    (KG.mergedReport, RDFS.range, KG.Report),
    (KG.mergeRule, RDFS.domain, KG.Report),
    # event properties
    (KG.participant, RDFS.subPropertyOf, SEM.hasActor),
    (KG.participant, RDFS.subPropertyOf, SCHEMA.attendee),
    (KG.participant, RDFS.domain, KG.Meeting),
    (KG.participant, RDFS.range, KG.Agent),
    (KG.visitor, RDFS.subPropertyOf, SEM.hasActor),
    (KG.visitor, RDFS.domain, KG.Visit),
    (KG.visitor, RDFS.range, KG.Person),
    (KG.destination, RDFS.subPropertyOf, SEM.hasPlace),
    (KG.destination, RDFS.domain, KG.Visit),
    (KG.destination, RDFS.range, KG.Place),
    (KG.speaker, RDFS.subPropertyOf, SEM.hasActor),
    (KG.speaker, RDFS.domain, KG.Statement),
    (KG.speaker, RDFS.range, KG.Agent),
    (KG.quote, RDFS.domain, KG.Statement),
    (KG.quote, RDFS.range, XSD.string),
    (KG.place, RDFS.subPropertyOf, SEM.hasPlace),
    (KG.place, RDFS.subPropertyOf, SCHEMA.location),
    (KG.place, RDFS.domain, KG.Event),
    (KG.place, RDFS.range, KG.Place),
    (KG.date, RDFS.subPropertyOf, SEM.hasTimeStamp),
    (KG.date, RDFS.subPropertyOf, SCHEMA.startDate),
    (KG.date, RDFS.domain, KG.Event),
    (KG.datePrecision, RDFS.domain, KG.Event),
    (KG.datePrecision, RDFS.range, KG.DatePrecision),
    (KG.mode, RDFS.domain, KG.Meeting),
    (KG.mode, RDFS.range, KG.Mode),
    (KG.status, RDFS.subPropertyOf, SCHEMA.eventStatus),
    (KG.status, RDFS.domain, KG.Event),
    (KG.status, RDFS.range, KG.Status),
    (KG.evidence, RDFS.domain, KG.Event),
    (KG.evidence, RDFS.range, XSD.string),
    # shortcuts
    (KG.metWith, RDFS.domain, KG.Person),
    (KG.metWith, RDFS.range, KG.Person),
    (KG.visited, RDFS.domain, KG.Person),
    (KG.visited, RDFS.range, KG.Place),
    (KG.said, RDFS.domain, KG.Agent),
    (KG.said, RDFS.range, XSD.string),
    # articles and entities
    (KG.dateline, RDFS.domain, KG.Article),
    (KG.dateline, RDFS.range, XSD.string),
    (KG.agency, RDFS.domain, KG.Article),
    (KG.agency, RDFS.range, XSD.string),
    (KG.adjective, RDFS.domain, KG.Country),
    (KG.country, RDFS.domain, KG.Agent),
    (KG.country, RDFS.range, KG.Country),
    (KG.shortName, RDFS.subPropertyOf, SKOS.altLabel),
    # terms of office
    (KG.holder, RDFS.domain, KG.Term),
    (KG.holder, RDFS.range, KG.Person),
    (KG.role, RDFS.domain, KG.Term),
    (KG.role, RDFS.range, KG.Role),
    (KG.ofCountry, RDFS.domain, KG.Term),
    (KG.start, RDFS.range, XSD.date),
    (KG.end, RDFS.range, XSD.date),
    # CAMEO
    (KG.Meeting, KG.cameoCode, Literal("040")),
    (KG.Phone, KG.cameoCode, Literal("041")),
    (KG.Visit, KG.cameoCode, Literal("042")),
    (KG.Visit, KG.cameoHostCode, Literal("043")),
    (KG.Statement, KG.cameoCode, Literal("010")),
    # PLOVER
    (KG.Meeting, KG.ploverEvent, Literal("CONSULT")),
    (KG.Visit, KG.ploverEvent, Literal("CONSULT")),
    (KG.Visit, KG.ploverMode, Literal("visit")),
    (KG.InPerson, KG.ploverMode, Literal("visit")),
    (KG.Phone, KG.ploverMode, Literal("phone")),
    (KG.Video, KG.ploverMode, Literal("phone")),
    # schema.org enumerations
    (KG.Video, SKOS.closeMatch, SCHEMA.OnlineEventAttendanceMode),
    (KG.InPerson, SKOS.closeMatch, SCHEMA.OfflineEventAttendanceMode),
    (KG.Planned, SKOS.closeMatch, SCHEMA.EventScheduled),
    (KG.Negated, SKOS.closeMatch, SCHEMA.EventCancelled),
]


def _triple_id(triple: tuple) -> str:
    return " ".join(ONTO.namespace_manager.normalizeUri(t) if isinstance(t, URIRef) else repr(str(t)) for t in triple)


@pytest.mark.parametrize("s, p, o", ALIGNMENTS, ids=[_triple_id(t) for t in ALIGNMENTS])
def test_alignment(s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
    assert (s, p, o) in ONTO


def test_date_range_is_union_of_three_datatypes() -> None:
    from rdflib.collection import Collection

    rng = ONTO.value(KG.date, RDFS.range)
    assert isinstance(rng, BNode)
    assert set(Collection(ONTO, ONTO.value(rng, OWL.unionOf))) == {XSD.date, XSD.gYearMonth, XSD.gYear}


@pytest.mark.parametrize("term", [KG.Occurred, KG.Hypothetical, KG.UnknownMode], ids=str)
def test_no_schema_match(term: URIRef) -> None:
    """Statuses and modes that schema.org has no counterpart for stay unmapped."""
    assert ONTO.value(term, SKOS.closeMatch) is None


# -----------------------------------------------------------------------------
# SHACL: a well-formed graph conforms; each broken variant fails
# -----------------------------------------------------------------------------

GOOD_TTL = """
@prefix kg:      <https://w3id.org/kgraph/ontology#> .
@prefix article: <https://w3id.org/kgraph/resource/article/> .
@prefix person:  <https://w3id.org/kgraph/resource/person/> .
@prefix org:     <https://w3id.org/kgraph/resource/org/> .
@prefix place:   <https://w3id.org/kgraph/resource/place/> .
@prefix event:   <https://w3id.org/kgraph/resource/event/> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema:  <https://schema.org/> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix owl:     <http://www.w3.org/2002/07/owl#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .

article:a1 a kg:Article ;
    dcterms:identifier "a1" ;
    dcterms:title "Путин и Си Цзиньпин провели переговоры по видеосвязи" ;
    dcterms:date "2026-02-04"^^xsd:date ;
    schema:url "https://www.interfax.ru/russia/1" ;
    kg:dateline "Москва" ;
    kg:agency "INTERFAX.RU" .

person:vladimir-putin a kg:Person ;
    rdfs:label "Владимир Путин"@ru ;
    skos:altLabel "Путин"@ru ;
    owl:sameAs <http://www.wikidata.org/entity/Q7747> .

person:xi-jinping a kg:Person ;
    rdfs:label "Си Цзиньпин"@ru ;
    owl:sameAs <http://www.wikidata.org/entity/Q15031> .

event:meeting-1 a kg:Meeting ;
    kg:participant person:vladimir-putin , person:xi-jinping ;
    kg:status kg:Occurred ;
    kg:mode kg:Video ;
    kg:date "2026-02-04"^^xsd:date ;
    kg:datePrecision kg:Day ;
    kg:evidence "Президент РФ Владимир Путин и председатель КНР Си Цзиньпин продолжили общение по видеоконференцсвязи" ;
    prov:wasDerivedFrom article:a1 .
"""

EXTRA_TTL = """
@prefix kg:      <https://w3id.org/kgraph/ontology#> .
@prefix article: <https://w3id.org/kgraph/resource/article/> .
@prefix person:  <https://w3id.org/kgraph/resource/person/> .
@prefix org:     <https://w3id.org/kgraph/resource/org/> .
@prefix place:   <https://w3id.org/kgraph/resource/place/> .
@prefix event:   <https://w3id.org/kgraph/resource/event/> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .

person:narendra-modi a kg:Person ; rdfs:label "Нарендра Моди"@ru .
person:dmitry-peskov a kg:Person ; rdfs:label "Дмитрий Песков"@ru .
org:mfa-russia a kg:Organization ; rdfs:label "МИД России"@ru .
place:moscow a kg:City ; rdfs:label "Москва"@ru .
place:russia a kg:Country ; rdfs:label "Россия"@ru ; kg:adjective "российский"@ru .
place:kremlin a kg:Place ; rdfs:label "Кремль"@ru .

event:visit-1 a kg:Visit ;
    kg:visitor person:narendra-modi ;
    kg:destination place:moscow ;
    kg:status kg:Planned ;
    kg:date "2026-03"^^xsd:gYearMonth ;
    kg:datePrecision kg:Month ;
    kg:evidence "Премьер-министр Индии Нарендра Моди посетит Москву в марте" ;
    prov:wasDerivedFrom article:a1 .

event:statement-1 a kg:Statement ;
    kg:speaker person:dmitry-peskov ;
    kg:quote "Мы открыты для диалога" ;
    kg:status kg:Occurred ;
    kg:evidence "«Мы открыты для диалога», — заявил Дмитрий Песков" ;
    prov:wasDerivedFrom article:a1 .

event:meeting-2 a kg:Meeting ;
    kg:participant person:vladimir-putin , org:mfa-russia ;
    kg:status kg:Hypothetical ;
    kg:mode kg:InPerson ;
    kg:place place:kremlin ;
    kg:date "2026"^^xsd:gYear ;
    kg:datePrecision kg:Year ;
    kg:evidence "Не исключена встреча Путина с руководством МИД России в Кремле в 2026 году" ;
    prov:wasDerivedFrom article:a1 .
"""

A1 = KGR["article/a1"]
PUTIN = KGR["person/vladimir-putin"]
XI = KGR["person/xi-jinping"]
MODI = KGR["person/narendra-modi"]
PESKOV = KGR["person/dmitry-peskov"]
MFA = KGR["org/mfa-russia"]
MOSCOW = KGR["place/moscow"]
RUSSIA = KGR["place/russia"]
MEETING = KGR["event/meeting-1"]
VISIT = KGR["event/visit-1"]
STATEMENT = KGR["event/statement-1"]


def good_graph() -> Graph:
    """A meeting of two persons, derived from an article: the graph of the brief."""
    return Graph().parse(data=GOOD_TTL, format="turtle")


def full_graph() -> Graph:
    """The meeting plus a visit, a statement, and a meeting with an organization."""
    graph = good_graph()
    graph.parse(data=EXTRA_TTL, format="turtle")
    return graph


def validate(data: Graph) -> tuple[bool, Graph, str]:
    """pyshacl with the shapes alone: no ontology graph, no inference."""
    pyshacl = pytest.importorskip("pyshacl")
    conforms, results, text = pyshacl.validate(
        data,
        shacl_graph=SHAPES,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
    )
    return conforms, results, text


def violations(results: Graph) -> set[tuple[URIRef | None, URIRef | None, URIRef]]:
    """(focus node, path, constraint component) of every validation result."""
    return {
        (
            results.value(r, SH.focusNode),
            results.value(r, SH.resultPath),
            results.value(r, SH.sourceConstraintComponent),
        )
        for r in results.subjects(RDF.type, SH.ValidationResult)
    }


@pytest.mark.parametrize("build", [good_graph, full_graph], ids=["meeting", "all-kinds"])
def test_well_formed_graph_conforms(build: Callable[[], Graph]) -> None:
    conforms, _, text = validate(build())
    assert conforms, text


def test_shapes_do_not_need_the_ontology() -> None:
    """The data graph carries no rdfs:subClassOf, and the shapes still find every node."""
    data = full_graph()
    assert not any(data.triples((None, RDFS.subClassOf, None)))
    conforms, results, text = validate(data)
    assert conforms, text
    # and they do look at every event: dropping evidence everywhere fails each one
    for event in (MEETING, VISIT, STATEMENT, KGR["event/meeting-2"]):
        data.remove((event, KG.evidence, None))
    conforms, results, _ = validate(data)
    assert not conforms
    failing = {focus for focus, path, _ in violations(results) if path == KG.evidence}
    assert failing == {MEETING, VISIT, STATEMENT, KGR["event/meeting-2"]}


# -- broken variants: (id, mutation of full_graph(), expected focus, path, component)


def _drop(s, p, o=None):
    def mutate(g: Graph) -> None:
        assert any(g.triples((s, p, o))), f"nothing to drop: {s} {p} {o}"
        g.remove((s, p, o))

    return mutate


def _add(s, p, o):
    def mutate(g: Graph) -> None:
        g.add((s, p, o))

    return mutate


def _set(s, p, o):
    def mutate(g: Graph) -> None:
        g.set((s, p, o))

    return mutate


BROKEN = [
    # the cases of the brief
    ("meeting-with-one-participant", _drop(MEETING, KG.participant, XI),
     MEETING, KG.participant, SH.MinCountConstraintComponent),
    ("event-without-evidence", _drop(MEETING, KG.evidence),
     MEETING, KG.evidence, SH.MinCountConstraintComponent),
    ("statement-without-quote", _drop(STATEMENT, KG.quote),
     STATEMENT, KG.quote, SH.MinCountConstraintComponent),
    ("date-typed-xsd-string", _set(MEETING, KG.date, Literal("2026-02-04", datatype=XSD.string)),
     MEETING, KG.date, SH.OrConstraintComponent),
    ("event-without-article", _drop(MEETING, PROV.wasDerivedFrom),
     MEETING, PROV.wasDerivedFrom, SH.QualifiedMinCountConstraintComponent),
    ("person-without-ru-label", _drop(XI, RDFS.label),
     XI, RDFS.label, SH.QualifiedMinCountConstraintComponent),
    # status
    ("event-without-status", _drop(VISIT, KG.status),
     VISIT, KG.status, SH.MinCountConstraintComponent),
    ("event-with-two-statuses", _add(MEETING, KG.status, KG.Planned),
     MEETING, KG.status, SH.MaxCountConstraintComponent),
    ("status-not-a-status", _set(MEETING, KG.status, KG.Day),
     MEETING, KG.status, SH.InConstraintComponent),
    # evidence
    ("empty-evidence", _set(STATEMENT, KG.evidence, Literal("")),
     STATEMENT, KG.evidence, SH.MinLengthConstraintComponent),
    ("blank-evidence", _set(STATEMENT, KG.evidence, Literal("   ")),
     STATEMENT, KG.evidence, SH.PatternConstraintComponent),
    # provenance
    ("derived-from-untyped-node", _drop(A1, RDF.type, KG.Article),
     MEETING, PROV.wasDerivedFrom, SH.QualifiedMinCountConstraintComponent),
    # date and precision
    ("two-dates", _add(MEETING, KG.date, Literal("2026-02-05", datatype=XSD.date)),
     MEETING, KG.date, SH.MaxCountConstraintComponent),
    ("ill-formed-xsd-date",  # built lazily: rdflib logs a warning for the bad lexical form
     lambda g: g.set((MEETING, KG.date, Literal("2026-02-30", datatype=XSD.date))),
     MEETING, KG.date, SH.OrConstraintComponent),
    ("plain-string-date", _set(MEETING, KG.date, Literal("2026-02-04")),
     MEETING, KG.date, SH.OrConstraintComponent),
    ("date-without-precision", _drop(MEETING, KG.datePrecision),
     MEETING, None, SH.OrConstraintComponent),
    ("precision-without-date", _drop(MEETING, KG.date),
     MEETING, None, SH.OrConstraintComponent),
    ("precision-disagrees-with-datatype", _set(VISIT, KG.datePrecision, KG.Day),
     VISIT, None, SH.OrConstraintComponent),
    ("precision-not-a-precision", _set(MEETING, KG.datePrecision, KG.Phone),
     MEETING, KG.datePrecision, SH.InConstraintComponent),
    ("two-precisions", _add(MEETING, KG.datePrecision, KG.Month),
     MEETING, KG.datePrecision, SH.MaxCountConstraintComponent),
    # place
    ("place-is-a-person", _add(MEETING, KG.place, PUTIN),
     MEETING, KG.place, SH.OrConstraintComponent),
    # meeting
    ("meeting-without-participants", _drop(MEETING, KG.participant),
     MEETING, KG.participant, SH.MinCountConstraintComponent),
    ("participant-is-a-city", _add(MEETING, KG.participant, MOSCOW),
     MEETING, KG.participant, SH.OrConstraintComponent),
    ("participant-untyped", _drop(XI, RDF.type, KG.Person),
     MEETING, KG.participant, SH.OrConstraintComponent),
    ("meeting-without-mode", _drop(MEETING, KG.mode),
     MEETING, KG.mode, SH.MinCountConstraintComponent),
    ("meeting-with-two-known-modes", _add(MEETING, KG.mode, KG.Phone),
     MEETING, KG.mode, SH.QualifiedMaxCountConstraintComponent),
    ("mode-not-a-mode", _set(MEETING, KG.mode, KG.Planned),
     MEETING, KG.mode, SH.InConstraintComponent),
    # visit
    ("visit-without-visitor", _drop(VISIT, KG.visitor),
     VISIT, KG.visitor, SH.MinCountConstraintComponent),
    ("visitor-is-an-organization", _set(VISIT, KG.visitor, MFA),
     VISIT, KG.visitor, SH.ClassConstraintComponent),
    ("visit-without-destination", _drop(VISIT, KG.destination),
     VISIT, KG.destination, SH.MinCountConstraintComponent),
    ("destination-is-a-person", _add(VISIT, KG.destination, XI),
     VISIT, KG.destination, SH.OrConstraintComponent),
    # statement
    ("statement-without-speaker", _drop(STATEMENT, KG.speaker),
     STATEMENT, KG.speaker, SH.MinCountConstraintComponent),
    ("statement-with-two-speakers", _add(STATEMENT, KG.speaker, MFA),
     STATEMENT, KG.speaker, SH.MaxCountConstraintComponent),
    ("speaker-is-a-country", _set(STATEMENT, KG.speaker, RUSSIA),
     STATEMENT, KG.speaker, SH.OrConstraintComponent),
    ("empty-quote", _set(STATEMENT, KG.quote, Literal("")),
     STATEMENT, KG.quote, SH.MinLengthConstraintComponent),
    ("quote-language-tagged", _set(STATEMENT, KG.quote, Literal("Мы открыты для диалога", lang="ru")),
     STATEMENT, KG.quote, SH.DatatypeConstraintComponent),
    ("two-quotes", _add(STATEMENT, KG.quote, Literal("И ещё одна цитата")),
     STATEMENT, KG.quote, SH.MaxCountConstraintComponent),
    # named entities
    ("person-with-english-label-only", _set(XI, RDFS.label, Literal("Xi Jinping", lang="en")),
     XI, RDFS.label, SH.QualifiedMinCountConstraintComponent),
    ("person-with-untagged-label", _set(XI, RDFS.label, Literal("Си Цзиньпин")),
     XI, RDFS.label, SH.QualifiedMinCountConstraintComponent),
    ("person-with-two-ru-labels", _add(PUTIN, RDFS.label, Literal("Путин В.В.", lang="ru")),
     PUTIN, RDFS.label, SH.QualifiedMaxCountConstraintComponent),
    ("organization-without-label", _drop(MFA, RDFS.label),
     MFA, RDFS.label, SH.QualifiedMinCountConstraintComponent),
    ("country-without-label", _drop(RUSSIA, RDFS.label),
     RUSSIA, RDFS.label, SH.QualifiedMinCountConstraintComponent),
    ("city-without-label", _drop(MOSCOW, RDFS.label),
     MOSCOW, RDFS.label, SH.QualifiedMinCountConstraintComponent),
    # article
    ("article-without-identifier", _drop(A1, DCTERMS.identifier),
     A1, DCTERMS.identifier, SH.MinCountConstraintComponent),
    ("article-with-two-identifiers", _add(A1, DCTERMS.identifier, Literal("a2")),
     A1, DCTERMS.identifier, SH.MaxCountConstraintComponent),
    ("article-date-as-string", _set(A1, DCTERMS.date, Literal("2026-02-04")),
     A1, DCTERMS.date, SH.DatatypeConstraintComponent),
    ("article-with-two-dates", _add(A1, DCTERMS.date, Literal("2026-02-05", datatype=XSD.date)),
     A1, DCTERMS.date, SH.MaxCountConstraintComponent),
]  # fmt: skip


@pytest.mark.parametrize(
    "mutate, focus, path, component",
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_broken_variant_fails(
    mutate: Callable[[Graph], None],
    focus: URIRef,
    path: URIRef | None,
    component: URIRef,
) -> None:
    data = full_graph()
    mutate(data)
    conforms, results, text = validate(data)
    assert not conforms
    assert (focus, path, component) in violations(results), text


# What one event node may carry more than once: two articles report one meeting
# (a sentence from each; one names the mode, the other does not; one says Кремль,
# the other Москва), a delegation visits together.
MERGED = [
    ("two-evidence-sentences", _add(MEETING, KG.evidence, Literal("Ещё одно предложение."))),
    ("visit-with-two-visitors", _add(VISIT, KG.visitor, PUTIN)),
    ("unknown-mode-beside-a-known-one", _add(MEETING, KG.mode, KG.UnknownMode)),
    ("place-at-two-scales", lambda g: (g.add((MEETING, KG.place, MOSCOW)),
                                       g.add((MEETING, KG.place, KGR["place/kremlin"])))),
]  # fmt: skip


@pytest.mark.parametrize("mutate", [case[1] for case in MERGED], ids=[case[0] for case in MERGED])
def test_merged_event_conforms(mutate: Callable[[Graph], None]) -> None:
    data = full_graph()
    mutate(data)
    conforms, _, text = validate(data)
    assert conforms, text
