"""natasha, loaded once per process: sentences, tokens, lemmas, UD syntax, NER.

>>> doc = analyze("Владимир Путин встретился с Си Цзиньпином.")
>>> [(s.type, normal(s)) for s in doc.spans]
[('PER', 'Владимир Путин'), ('PER', 'Си Цзиньпин')]

Lemmas and span normal forms are computed on demand and cached on the token:
pymorphy's lemmatizer is the slowest part of natasha after the taggers. Lemmas
are also memoized per process by (word, part of speech, features): the
extractors look up nearly every token, and news repeats its words ("заявил",
"переговоры"), so this halves the time spent lemmatizing.
"""
from __future__ import annotations

from functools import cache, lru_cache

from natasha import (
    Doc,
    MorphVocab,
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)
from natasha.doc import DocSpan, DocToken

from .tagging import parse_syntax, tag_morph

__all__ = ["Pipeline", "pipeline", "analyze", "lemma", "normal", "Doc", "DocSpan", "DocToken"]


class Pipeline:
    """natasha's models; building one costs ~1.5 s and ~200 MB, so build it once."""

    def __init__(self) -> None:
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        embedding = NewsEmbedding()
        self.morph = NewsMorphTagger(embedding)
        self.syntax = NewsSyntaxParser(embedding)
        self.ner = NewsNERTagger(embedding)

    def __call__(self, text: str) -> Doc:
        if not text.strip():  # razdel makes " " one empty sentence, which slovnet's parser fails on
            return Doc(text, tokens=[], spans=[], sents=[])
        doc = Doc(text)
        doc.segment(self.segmenter)
        tag_morph(doc, self.morph)  # natasha's own, in batches of like length (.tagging)
        parse_syntax(doc, self.syntax)
        doc.tag_ner(self.ner)
        return doc


@cache
def pipeline() -> Pipeline:
    """The process-wide natasha pipeline."""
    return Pipeline()


def analyze(text: str) -> Doc:
    """A natasha Doc with sentences, morphology, syntax and NER spans."""
    return pipeline()(text)


LEMMA_CACHE = 50_000  # (word, pos, feats) keys: ~35 MB when full (measured), so memory stays flat


@lru_cache(maxsize=LEMMA_CACHE)
def _lemma_of(word: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str:
    try:
        return pipeline().morph_vocab.lemmatize(word, pos, dict(feats))
    except ValueError:  # pymorphy2 fails on letters without a Unicode name (Tangut "𗀀")
        return word


def lemma(token: DocToken) -> str:
    """The token's lowercase lemma, ё as е: "встречались" -> "встречаться"."""
    if token.lemma is None:
        token.lemma = _lemma_of(token.text, token.pos, tuple(token.feats.items()))
    return token.lemma.lower().replace("ё", "е")


NORMAL_CACHE = 20_000  # spans' normal forms: the same names recur across a corpus


def normal(span: DocSpan) -> str:
    """The span's nominative form: "Си Цзиньпином" -> "Си Цзиньпин".

    Cached per process by what natasha's normalizer reads: the span's text and its
    tokens' tags (and, for organizations, their arcs).
    """
    if span.normal is None:
        ids = {token.id: number for number, token in enumerate(span.tokens)}
        key = (span.type, span.text, tuple(
            (token.start - span.start, token.pos, tuple(sorted(token.feats.items())),
             token.rel if span.type == "ORG" else None, ids.get(token.head_id) if span.type == "ORG" else None)
            for token in span.tokens))
        span.normal = _normal_of(key, span)
    return span.normal


_normals: dict[tuple, str] = {}


def _normal_of(key: tuple, span: DocSpan) -> str:
    """The cached normal form, or natasha's, remembered (the cache starts over when full)."""
    if key not in _normals:
        if len(_normals) >= NORMAL_CACHE:
            _normals.clear()
        span.normalize(pipeline().morph_vocab)
        _normals[key] = span.normal
    return _normals[key]
