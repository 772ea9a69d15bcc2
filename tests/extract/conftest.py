"""Run the pipeline on one text: the relations extractor tests read back, or the Context they get."""
from __future__ import annotations

from datetime import date

import pytest


def _relations(text: str, day: date | None = None, source: str | None = None, kind: str | None = None) -> list[dict]:
    from kgraph.model import Article
    from kgraph.pipeline import process

    article = Article(id="test", text=text, date=day, source=source)
    return [r for r in process(article).relations() if kind is None or r["relation"] == kind]


@pytest.fixture(scope="session")
def relations():
    """``relations(text, day=None, source=None, kind=None)`` -> the flat relations of one article."""
    return _relations


def _context_of(text: str, day: date | None = date(2025, 5, 6), source: str | None = None):
    from kgraph.entities.resolve import resolve_entities
    from kgraph.extract.context import Context
    from kgraph.extract.sentence import Sentence
    from kgraph.model import Article
    from kgraph.nlp import analyze

    article = Article(id="test", text=text, date=day, source=source)
    doc = analyze(text)
    return Context(article, resolve_entities(doc, article), [Sentence(s, i) for i, s in enumerate(doc.sents)])


@pytest.fixture(scope="session")
def context_of():
    """``context_of(text, day=2025-05-06, source=None)`` -> the Context extractors get for one article."""
    return _context_of
