"""kgraph.tagging: natasha's tagger and parser in batches of like length give natasha's own tags."""
from __future__ import annotations

from itertools import islice
from pathlib import Path

from natasha import Doc

from kgraph.articles import Skipped, read_articles
from kgraph.nlp import pipeline
from kgraph.tagging import by_length, parse_syntax, tag_morph

DATA = Path(__file__).resolve().parents[1] / "data"


class Recorder:
    """A stand-in model that records the batches it is given and marks each sentence."""

    def __init__(self) -> None:
        self.calls: list[list[list[str]]] = []

    def map(self, items):
        self.calls.append(list(items))
        return [" ".join(item) for item in items]


def test_sentences_go_shortest_first_and_come_back_in_their_order():
    sentences = [["a"] * 5, ["b"], ["c"] * 3, ["d"] * 2]
    model = Recorder()
    assert by_length(model, sentences) == [" ".join(s) for s in sentences]
    assert [len(s) for s in model.calls[0]] == [1, 2, 3, 5]
    assert by_length(Recorder(), []) == []


def tags(doc: Doc) -> list[tuple]:
    return [(t.text, t.pos, t.feats, t.id, t.head_id, t.rel) for t in doc.tokens]


def test_every_tag_head_and_relation_is_natashas_own_on_the_sample_articles():
    """Sentences of many lengths (the data/ sample: kremlin.ru items, an Interfax article)."""
    nlp = pipeline()
    texts = [a.text for a in islice(read_articles([DATA]), 20) if not isinstance(a, Skipped)]
    for text in texts:
        ours, natashas = Doc(text), Doc(text)
        for doc in (ours, natashas):
            doc.segment(nlp.segmenter)
        tag_morph(ours, nlp.morph)
        parse_syntax(ours, nlp.syntax)
        natashas.tag_morph(nlp.morph)
        natashas.parse_syntax(nlp.syntax)
        assert tags(ours) == tags(natashas)
