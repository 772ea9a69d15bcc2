"""The sample graph, built from data/ by the real pipeline, conforms to ontology/shapes.ttl."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kgraph.rdf import to_graph
from kgraph.store import open_graph, open_target

ROOT = Path(__file__).resolve().parents[1]
pyshacl = pytest.importorskip("pyshacl")
SHAPES = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")


def _validate(graph: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(graph, shacl_graph=SHAPES, inference="none", allow_warnings=False)
    return conforms, text


def test_the_sample_graph_conforms_to_the_shapes(tmp_path):
    from kgraph.articles import Skipped, read_articles
    from kgraph.pipeline import process

    results = [process(a) for a in read_articles([str(ROOT / "data")]) if not isinstance(a, Skipped)]
    assert results
    with open_target(tmp_path / "sample.ttl") as target:
        for item in results:
            target.add(item)
    graph = open_graph(tmp_path / "sample.ttl")
    assert len(graph) > 50
    conforms, text = _validate(graph)
    assert conforms, text


def test_the_seed_fixture_article_conforms_too(seed_result):
    conforms, text = _validate(to_graph([seed_result]))
    assert conforms, text


def test_the_shapes_catch_a_broken_sample(seed_result):
    from kgraph.rdf import KG

    graph = to_graph([seed_result])
    graph.remove((None, KG.evidence, None))
    conforms, text = _validate(graph)
    assert not conforms and "evidence" in text
