"""The plain records that travel down the pipeline: Article, Mention, Entity, Event.

Every step of kgraph takes and returns these; none of them knows about natasha,
rdflib or networkx, so they pickle cheaply across worker processes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

__all__ = [
    "Article",
    "Mention",
    "Entity",
    "Event",
    "Relation",
    "EVENT_KINDS",
    "STATUSES",
    "MODES",
    "PRECISIONS",
]

EVENT_KINDS = ("meeting", "visit", "statement")
STATUSES = ("occurred", "planned", "negated", "hypothetical")
MODES = ("in_person", "phone", "video", "unknown")
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Article:
    """One news article: its text (without header and dateline) and metadata.

    >>> Article(id="a1", text="Путин встретился с Си Цзиньпином.", date=Date(2026, 2, 4))
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
    ("PER:Дмитрий Песков").
    """

    key: str
    name: str
    type: str  # "PER" | "ORG" | "LOC"
    wikidata: str | None = None
    mentions: tuple[Mention, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Event:
    """A meeting, visit or statement found in one sentence of one article.

    - meeting: ``participants`` are everyone who met (two or more);
    - visit: ``participants`` is the visitor, ``place`` the destination;
    - statement: ``participants`` is the speaker, ``quote`` what was said.
    """

    kind: str
    participants: tuple[Entity, ...]
    article_id: str
    evidence: str
    status: str = "occurred"
    mode: str = "unknown"
    date: str | None = None  # "2026-02-04" | "2026-02" | "2026"
    place: Entity | None = None
    quote: str | None = None

    @property
    def precision(self) -> str | None:
        """"day", "month" or "year", from the shape of ``date``."""
        if not self.date:
            return None
        return PRECISIONS[{10: 0, 7: 1, 4: 2}[len(self.date)]]

    def relations(self) -> list[Relation]:
        """The flat triple view that ``kgraph extract`` writes and the scorer reads."""
        if self.kind == "meeting":
            people = self.participants
            return [
                Relation("met_with", a.name, b.name, self.status, self.mode, self.date, self.evidence)
                for i, a in enumerate(people)
                for b in people[i + 1 :]
            ]
        if self.kind == "visit":
            return [
                Relation("visited", v.name, self.place.name, self.status, None, self.date, self.evidence)
                for v in self.participants
                if self.place is not None
            ]
        return [
            Relation("said", s.name, self.quote or "", self.status, None, self.date, self.evidence)
            for s in self.participants
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
        out = {
            "relation": self.relation,
            "subject": self.subject,
            "object": self.object,
            "status": self.status,
        }
        if self.relation == "met_with":
            out["mode"] = self.mode
        out["date"] = self.date
        out["evidence"] = self.evidence
        return out
