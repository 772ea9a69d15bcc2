"""Run the whole pipeline on one text: what extractor tests read back."""
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
