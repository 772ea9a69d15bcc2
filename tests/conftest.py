"""Shared fixtures: the sample article and its processed result, built once per run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_TEXT = DATA / "interfax-2026-02-04-putin-xi.txt"


@pytest.fixture(scope="session")
def seed_article():
    from kgraph.articles import read_path

    (article,) = list(read_path(SEED_TEXT))
    return article


@pytest.fixture(scope="session")
def seed_result(seed_article):
    from kgraph.pipeline import process

    return process(seed_article)


@pytest.fixture(scope="session")
def seed_gold():
    return json.loads((FIXTURES / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])


@pytest.fixture(scope="session")
def seed_graph_file(tmp_path_factory, seed_result):
    from kgraph.rdf import to_graph
    from kgraph.store import save_graph

    path = tmp_path_factory.mktemp("graph") / "seed.ttl"
    save_graph(to_graph([seed_result]), path)
    return path
