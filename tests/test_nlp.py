"""natasha behind kgraph.nlp: lemmas and span normal forms, computed once and cached."""
from __future__ import annotations

import pytest

from kgraph import nlp


@pytest.mark.parametrize("text, expected", [
    ("Владимир Путин встретился с Си Цзиньпином.", [("PER", "Владимир Путин"), ("PER", "Си Цзиньпин")]),
    ("Лавров прибыл в Пекин.", [("PER", "Лавров"), ("LOC", "Пекин")]),
    ("Премьер-министром Индии Нарендрой Моди", [("LOC", "Индия"), ("PER", "Нарендрой Моди")]),
])
def test_normal_forms(text, expected):
    doc = nlp.analyze(text)
    assert [(span.type, nlp.normal(span)) for span in doc.spans] == expected


def test_a_normal_form_seen_before_is_not_computed_again(monkeypatch):
    text = "Переговоры с Си Цзиньпином прошли в Пекине."
    first = [nlp.normal(span) for span in nlp.analyze(text).spans]

    def refuse(self, vocab):
        raise AssertionError("natasha's normalizer called for a span already seen")

    monkeypatch.setattr(nlp.DocSpan, "normalize", refuse)
    assert [nlp.normal(span) for span in nlp.analyze(text).spans] == first


@pytest.mark.parametrize("word, expected", [("встречались", "встречаться"), ("Путина", "путин"), ("ёлки", "елка")])
def test_lemma_is_lowercase_with_yo_as_e(word, expected):
    (token,) = nlp.analyze(word).tokens
    assert nlp.lemma(token) == expected


def test_whitespace_only_text_gives_an_empty_doc():
    assert nlp.analyze("   \n ").sents == []
