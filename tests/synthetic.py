"""Synthetic processed articles (no natasha): people meeting, visiting and speaking.

Deterministic for a given seed, so tests and ``bench/store.py`` can build the same
graph twice. ``results(n)`` gives n articles of a few events each.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from kgraph.model import Article, Entity, Event
from kgraph.pipeline import Result
from kgraph.store import open_target

__all__ = ["build", "meeting", "person", "place", "result", "results", "statement", "visit"]

PUTIN = Entity("Q7747", "Владимир Путин", "PER", "Q7747")
XI = Entity("Q15031", "Си Цзиньпин", "PER", "Q15031")
CHINA = Entity("Q148", "Китай", "LOC", "Q148")
MOSCOW = Entity("Q649", "Москва", "LOC", "Q649")


def person(i: int) -> Entity:
    return Entity(f"PER:Персона {i}", f"Персона {i}", "PER")


def place(i: int) -> Entity:
    return Entity(f"LOC:Место {i}", f"Место {i}", "LOC")


def meeting(article: str, *people: Entity, date: str | None = "2026-02-04", **fields) -> Event:
    fields.setdefault("evidence", f"{' и '.join(p.name for p in people)} провели переговоры.")
    return Event("meeting", tuple(people), article, date=date, **fields)


def visit(article: str, who: Entity, where: Entity | None, date: str | None = "2026-02-04", **fields) -> Event:
    fields.setdefault("evidence", f"{who.name} посетил {where.name if where else 'страну'}.")
    return Event("visit", (who,), article, date=date, place=where, **fields)


def statement(article: str, who: Entity, quote: str, date: str | None = "2026-02-04", **fields) -> Event:
    fields.setdefault("evidence", f"«{quote}», — заявил {who.name}.")
    return Event("statement", (who,), article, date=date, quote=quote, **fields)


def result(article_id: str, events: list[Event], day: date = date(2026, 2, 4), title: str | None = None) -> Result:
    article = Article(id=article_id, text="…", date=day, title=title or f"Статья {article_id}")
    return Result(article, (), tuple(events))


def results(n: int, people: int = 200, seed: int = 7) -> list[Result]:
    """n articles, each with two meetings, a visit and a statement among ``people`` people."""
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    out = []
    for i in range(n):
        aid = f"synthetic-{i:06d}"
        day = start + timedelta(days=rng.randrange(2000))
        when = day.isoformat()
        a, b, c = (person(k) for k in rng.sample(range(people), 3))
        out.append(result(aid, [
            meeting(aid, a, b, date=when, mode=rng.choice(["in_person", "phone", "video", "unknown"])),
            meeting(aid, b, c, date=when[:7]),
            visit(aid, a, place(rng.randrange(50)), date=when),
            statement(aid, c, f"Цитата номер {i}", date=when),
        ], day=day))
    return out


def build(spec: str, items: list[Result]) -> str:
    """Build the results into a file or store spec ("g.nq", "oxigraph:DIR"); the spec."""
    with open_target(spec) as target:
        for item in items:
            target.add(item)
    return spec
