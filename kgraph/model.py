"""The plain records that travel down the pipeline (Article, Mention, Entity, Event) and the
vocabulary they are written in: entity types, event kinds, statuses, modes, date precisions.

Every step of kgraph takes and returns these; none of them knows about natasha,
rdflib or networkx, so they pickle cheaply across worker processes. Each vocabulary is
a ``StrEnum``: a member is its own string (``Mode.VIDEO == "video"``), so JSON output
and RDF hashes read the same as with bare strings, and extractors may pass either.
What kgraph knows about an event kind (its relation name, RDF class and properties,
CAMEO and PLOVER codes, what goes into its IRI) is one row of :data:`EVENT_KINDS`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from enum import StrEnum

__all__ = [
    "AGENT_TYPES",
    "EVENT_KINDS",
    "MODES",
    "MODE_ORDER",
    "PRECISIONS",
    "STATUSES",
    "Article",
    "Entity",
    "EntityType",
    "Event",
    "EventKind",
    "KindSpec",
    "Mention",
    "Mode",
    "Precision",
    "Relation",
    "Status",
    "entity_key",
    "fold",
    "precision_of",
    "specific_mode",
]


class EntityType(StrEnum):
    """What an entity is, in natasha's NER labels."""

    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"


class EventKind(StrEnum):
    """The kinds of event kgraph extracts."""

    MEETING = "meeting"
    VISIT = "visit"
    STATEMENT = "statement"


class Status(StrEnum):
    """Whether the event took place, as the article tells it."""

    OCCURRED = "occurred"
    PLANNED = "planned"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class Mode(StrEnum):
    """How a meeting was held."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    UNKNOWN = "unknown"


class Precision(StrEnum):
    """How much of a date an article gave: "2026-02-04" day, "2026-02" month, "2026" year."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


STATUSES = tuple(Status)
MODES = tuple(Mode)
PRECISIONS = tuple(Precision)
#: who can meet or speak: people and organizations ("МИД России заявил")
AGENT_TYPES = frozenset({EntityType.PER, EntityType.ORG})

#: the known modes, most specific first: where one sentence says "по видеосвязи" and another
#: "лично" or "встретились", the meeting is by video
MODE_ORDER = (Mode.VIDEO, Mode.PHONE, Mode.IN_PERSON)

_PRECISION_OF_LENGTH = {10: Precision.DAY, 7: Precision.MONTH, 4: Precision.YEAR}


def specific_mode(modes: Iterable[str], default: str = Mode.UNKNOWN) -> str:
    """The most specific of the modes found (see :data:`MODE_ORDER`), else ``default``.

    >>> specific_mode({"unknown", "in_person", "video"})
    <Mode.VIDEO: 'video'>
    >>> specific_mode({"unknown"})
    <Mode.UNKNOWN: 'unknown'>
    """
    found = set(modes)
    return next((mode for mode in MODE_ORDER if mode in found), default)


def precision_of(date: str | None) -> Precision | None:
    """The precision of an ISO date, from its shape; None for no date or another shape.

    >>> precision_of("2025-09")
    <Precision.MONTH: 'month'>
    """
    return _PRECISION_OF_LENGTH.get(len(date)) if date else None


def fold(text: str) -> str:
    """Lowercase with ё read as е, for comparing words and names; keeps the length.

    >>> fold("Пётр Алексеевич")
    'петр алексеевич'
    """
    return text.lower().replace("ё", "е")


def entity_key(type: str, name: str, wikidata: str | None = None) -> str:
    """The identity of an entity: its Wikidata id when known, else its type and canonical name.

    >>> entity_key("PER", "Владимир Путин", "Q7747"), entity_key("PER", "Дмитрий Песков")
    ('Q7747', 'PER:Дмитрий Песков')
    """
    return wikidata or f"{type}:{name}"


@dataclass(frozen=True)
class KindSpec:
    """What kgraph knows about one event kind: how it is written as relations and as RDF.

    The RDF names are local names in the kg: ontology (``ontology/kgraph.ttl``).
    """

    kind: EventKind
    relation: str  # the flat view's relation: "met_with"
    rdf_class: str  # "Meeting"
    role: str  # the event -> participant property: "participant", "visitor", "speaker"
    shortcut: str  # the participant -> object shortcut property: "metWith"
    shortcut_if_occurred: bool  # whether the shortcut is only written for an event that took place
    participant_types: frozenset[EntityType]  # who may take part
    relation_types: frozenset[EntityType]  # whose part the flat view lists (GUIDELINES: persons scored)
    min_participants: int  # distinct participants required
    max_participants: int | None  # None: any number
    object_field: str | None  # the Event field the relation points to ("place", "quote"); None: each other
    object_property: str | None  # the event -> that field's property: "destination", "quote"
    identity: tuple[str, ...]  # Event fields beyond kind, participants, date and status that make its IRI
    with_mode: bool  # whether a mode is written (relation's "mode", kg:mode)
    cameo: str
    plover: str | None


#: event kind -> what kgraph knows about it
EVENT_KINDS: dict[str, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(
            kind=EventKind.MEETING,
            relation="met_with",
            rdf_class="Meeting",
            role="participant",
            shortcut="metWith",
            shortcut_if_occurred=True,
            participant_types=AGENT_TYPES,
            relation_types=AGENT_TYPES,
            min_participants=2,
            max_participants=None,
            object_field=None,
            object_property=None,
            identity=(),
            with_mode=True,
            cameo="040",
            plover="CONSULT",
        ),
        KindSpec(
            kind=EventKind.VISIT,
            relation="visited",
            rdf_class="Visit",
            role="visitor",
            shortcut="visited",
            shortcut_if_occurred=True,
            participant_types=frozenset({EntityType.PER}),
            relation_types=frozenset({EntityType.PER}),
            min_participants=1,
            max_participants=None,
            object_field="place",
            object_property="destination",
            identity=("place",),
            with_mode=False,
            cameo="042",
            plover="CONSULT",
        ),
        KindSpec(
            kind=EventKind.STATEMENT,
            relation="said",
            rdf_class="Statement",
            role="speaker",
            shortcut="said",
            shortcut_if_occurred=False,
            participant_types=AGENT_TYPES,
            relation_types=frozenset({EntityType.PER}),
            min_participants=1,
            max_participants=1,
            object_field="quote",
            object_property="quote",
            identity=("quote",),
            with_mode=False,
            cameo="010",
            plover=None,
        ),
    )
}


@dataclass(frozen=True)
class Article:
    """One news article: its text (without header and dateline) and metadata.

    >>> Article(id="a1", text="Путин встретился с Си Цзиньпином.", date=Date(2026, 2, 4)).date.isoformat()
    '2026-02-04'
    """

    id: str
    text: str
    date: Date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = None  # "Москва" of "Москва. 4 февраля. INTERFAX.RU -"
    agency: str | None = None  # "INTERFAX.RU"
    origin: str | None = None  # where it was read: "data/x.txt", "dev.jsonl:12"


@dataclass(frozen=True)
class Mention:
    """A stretch of the article's text that names an entity."""

    text: str
    start: int
    stop: int
    sentence: int  # index of the sentence in the article


@dataclass(frozen=True)
class Entity:
    """A person, organization or place, under its canonical name.

    ``key`` is the identity kgraph uses: the Wikidata id when the reference KB
    knows the entity ("Q7747"), otherwise the type and canonical name
    ("PER:Дмитрий Песков"). ``country`` is the reference KB's IRI of the country the
    article's own words give a person ("президент Франции Эмманюэль Макрон": Франция),
    a claim of that article, not part of the identity.
    """

    key: str
    name: str
    type: EntityType | str
    wikidata: str | None = None
    mentions: tuple[Mention, ...] = field(default=(), compare=False, repr=False)
    country: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Event:
    """A meeting, visit or statement found in one sentence of one article.

    - meeting: ``participants`` are everyone who met (two or more);
    - visit: ``participants`` is the visitor, ``place`` the destination;
    - statement: ``participants`` is the speaker, ``quote`` what was said.
    """

    kind: EventKind | str
    participants: tuple[Entity, ...]
    article_id: str
    evidence: str
    status: Status | str = Status.OCCURRED
    mode: Mode | str = Mode.UNKNOWN
    date: str | None = None  # "2026-02-04" | "2026-02" | "2026"
    place: Entity | None = None
    quote: str | None = None

    @property
    def precision(self) -> Precision | None:
        """The date's precision, "day", "month" or "year", from the shape of ``date``."""
        return precision_of(self.date)

    @property
    def spec(self) -> KindSpec:
        """What kgraph knows about the event's kind (:data:`EVENT_KINDS`)."""
        return EVENT_KINDS[self.kind]

    def relations(self) -> list[Relation]:
        """The flat triple view that ``kgraph extract`` writes and the scorer reads: an
        organization's statement stays in the graph but is no ``said`` line (GUIDELINES.md)."""
        spec = self.spec
        mode = self.mode if spec.with_mode else None
        if spec.object_field is None:  # the participants with each other
            people = self.participants
            return [
                Relation(spec.relation, a.name, b.name, self.status, mode, self.date, self.evidence)
                for i, a in enumerate(people)
                for b in people[i + 1 :]
            ]
        target = getattr(self, spec.object_field)
        if isinstance(target, Entity):
            target = target.name
        elif spec.object_field == "place":  # a visit with no destination says nothing
            return []
        return [
            Relation(spec.relation, p.name, target or "", self.status, mode, self.date, self.evidence)
            for p in self.participants
            if p.type in spec.relation_types
        ]


@dataclass(frozen=True)
class Relation:
    """One line of the flat view: ``{"relation": "met_with", "subject": ..., ...}``."""

    relation: str
    subject: str
    object: str
    status: str
    mode: str | None
    date: str | None
    evidence: str

    def as_dict(self) -> dict:
        """The relation as one JSON record of the flat view: mode only for the kinds that have one."""
        out: dict[str, str | None] = {
            "relation": self.relation,
            "subject": self.subject,
            "object": self.object,
            "status": self.status,
        }
        if self.relation in _MODE_RELATIONS:
            out["mode"] = self.mode
        out["date"] = self.date
        out["evidence"] = self.evidence
        return out


_MODE_RELATIONS = frozenset(spec.relation for spec in EVENT_KINDS.values() if spec.with_mode)
