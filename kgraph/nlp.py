"""natasha, loaded once per process: sentences, tokens, lemmas, UD syntax, NER.

>>> doc = analyze("Владимир Путин встретился с Си Цзиньпином.")
>>> [(s.type, normal(s)) for s in doc.spans]
[('PER', 'Владимир Путин'), ('PER', 'Си Цзиньпин')]

Lemmas and span normal forms are computed on demand and cached on the token:
pymorphy's lemmatizer is the slowest part of natasha after the taggers. Lemmas
are also memoized per process by (word, part of speech, features): the
extractors look up nearly every token, and news repeats its words ("заявил",
"переговоры"), so this halves the time spent lemmatizing.

The work per sentence is bounded: the syntax parser's cost grows with the square of
a sentence's length, so a text with no sentence end (a 200,000-character dump) would
take minutes and gigabytes. A sentence longer than :data:`MAX_SENTENCE_TOKENS` tokens
is cut into pieces for the taggers and the parser (after a comma or a dash where one
is near), and NER reads a long text in chunks of whole sentences. News sentences are
far shorter (the dev set's longest has 198 tokens), so they are parsed as they were.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache, lru_cache

import pymorphy2_dicts_ru
from natasha import Doc, MorphVocab
from natasha.doc import DocSent, DocSpan, DocToken
from natasha.morph.vocab import MorphForm
from pymorphy2 import MorphAnalyzer
from razdel import sentenize, tokenize

from .inference import Networks
from .model import EntityType, fold

__all__ = [
    "MAX_SENTENCE_TOKENS",
    "NER_CHUNK_CHARS",
    "Doc",
    "DocSpan",
    "DocToken",
    "Pipeline",
    "analyze",
    "lemma",
    "ner_chunks",
    "normal",
    "pipeline",
    "segment",
    "split_long",
]

MAX_SENTENCE_TOKENS = 250  # the parser's cost grows with the square of this
NER_CHUNK_CHARS = 50_000  # NER reads a longer text in chunks of whole sentences (~1 s each)
BREAKS = frozenset(",;:—–-")  # a long sentence is cut after one of these when one is near the limit


def _pieces(tokens: list[DocToken], limit: int) -> list[list[DocToken]]:
    pieces = []
    while len(tokens) > limit:
        cut = next((i + 1 for i in range(limit - 1, limit // 2, -1) if tokens[i].text in BREAKS), limit)
        pieces.append(tokens[:cut])
        tokens = tokens[cut:]
    return [*pieces, tokens] if tokens else pieces


def segment(doc: Doc) -> None:
    """What natasha's ``doc.segment`` does (razdel's tokens and sentences, each sentence's
    tokens enveloped), without its intermediate records.

    >>> doc = Doc("Путин прибыл в Пекин. Переговоры начались.")
    >>> segment(doc)
    >>> [[t.text for t in s.tokens] for s in doc.sents]
    [['Путин', 'прибыл', 'в', 'Пекин', '.'], ['Переговоры', 'начались', '.']]
    """
    text = doc.text
    doc.tokens = [DocToken(t.start, t.stop, t.text) for t in tokenize(text)]
    doc.sents = [DocSent(s.start, s.stop, s.text) for s in sentenize(text)] if text else []
    doc.envelop_sent_tokens()


def split_long(text: str, sents: list[DocSent], limit: int = MAX_SENTENCE_TOKENS) -> list[DocSent]:
    """The sentences, each one longer than ``limit`` tokens cut into pieces of at most ``limit``.

    >>> doc = Doc("Путин, Си, Лула, Моди и Рамафоса встретились")
    >>> segment(doc)
    >>> [s.text for s in split_long(doc.text, doc.sents, limit=4)]
    ['Путин, Си,', 'Лула, Моди и', 'Рамафоса встретились']
    """
    out = []
    for sent in sents:
        if len(sent.tokens) <= limit:
            out.append(sent)
            continue
        for piece in _pieces(sent.tokens, limit):
            start, stop = piece[0].start, piece[-1].stop
            out.append(DocSent(start, stop, text[start:stop], tokens=piece))
    return out


def ner_chunks(sents: list[DocSent], limit: int = NER_CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, stop) of runs of whole sentences, each as long as ``limit`` characters at most
    (a longer sentence alone).

    >>> doc = Doc("Путин прилетел. Си встретил его. Они поговорили.")
    >>> segment(doc)
    >>> ner_chunks(doc.sents, limit=35)
    [(0, 32), (33, 48)]
    """
    chunks: list[tuple[int, int]] = []
    for sent in sents:
        if chunks and sent.stop - chunks[-1][0] <= limit:
            chunks[-1] = (chunks[-1][0], sent.stop)
        else:
            chunks.append((sent.start, sent.stop))
    return chunks


@cache
def morph_vocab() -> MorphVocab:
    """natasha's pymorphy2 analyzer (lemmas, inflection), loaded once per process (~0.1 s)."""
    path = os.environ.get(MorphAnalyzer.DICT_PATH_ENV_VARIABLE) or pymorphy2_dicts_ru.get_path()
    vocab = MorphVocab.__new__(MorphVocab)
    # MorphVocab() with the dictionary's path given: pymorphy2 would otherwise look it up
    # through pkg_resources' entry points (0.15 s of every start)
    MorphAnalyzer.__init__(vocab, path=path, lang="ru", result_type=MorphForm)
    return vocab


class Pipeline:
    """natasha's networks (~0.5 s to load, most of a worker's memory): build it once."""

    def __init__(self) -> None:
        self.networks = Networks.load()

    def __call__(self, text: str, worth_parsing: Callable[[DocSent], bool] | None = None) -> Doc:
        """The text segmented (long sentences cut), morphology-tagged, parsed and NER-tagged.

        With ``worth_parsing``, only the sentences it accepts (tagged and NER-tagged by
        then) are parsed; the others' tokens get ids but no head and no relation.
        """
        if not text.strip():  # razdel makes " " one empty sentence, which slovnet's parser fails on
            return Doc(text, tokens=[], spans=[], sents=[])
        doc = Doc(text)
        segment(doc)
        doc.sents = split_long(text, doc.sents)
        batches = self.networks.batches(doc.sents)  # natasha's networks, run by .inference
        self.networks.tag(batches)
        self.recognize(doc)  # before the parse: worth_parsing reads the names
        self.networks.parse(doc, batches, worth_parsing)
        return doc

    def recognize(self, doc: Doc) -> None:
        """``doc.spans``: the names NER finds, in the whole text (in runs of whole sentences
        when it is longer than :data:`NER_CHUNK_CHARS`)."""
        if len(doc.text) <= NER_CHUNK_CHARS:
            self.networks.recognize(doc)
        else:
            self._tag_ner_in_chunks(doc)

    def _tag_ner_in_chunks(self, doc: Doc) -> None:
        """NER over runs of whole sentences, each run's tokens read as one text."""
        doc.spans = []
        for start, stop in ner_chunks(doc.sents):
            tokens = [token for token in doc.tokens if start <= token.start < stop]
            doc.spans.extend(DocSpan(a, b, kind, doc.text[a:b]) for a, b, kind in self.networks.spans(tokens))
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()


@cache
def pipeline() -> Pipeline:
    """The process-wide natasha pipeline."""
    return Pipeline()


def analyze(text: str, worth_parsing: Callable[[DocSent], bool] | None = None) -> Doc:
    """A natasha Doc with sentences, morphology, syntax and NER spans; with ``worth_parsing``,
    syntax only for the sentences it accepts."""
    return pipeline()(text, worth_parsing)


LEMMA_CACHE = 50_000  # (word, pos, feats) keys: ~35 MB when full (measured), so memory stays flat


@lru_cache(maxsize=LEMMA_CACHE)
def _lemma_of(word: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str:
    try:
        return morph_vocab().lemmatize(word, pos, dict(feats))
    except ValueError:  # pymorphy2 fails on letters without a Unicode name (Tangut "𗀀")
        return word


def lemma(token: DocToken) -> str:
    """The token's lowercase lemma, ё as е: "встречались" -> "встречаться"."""
    if token.lemma is None:
        token.lemma = _lemma_of(token.text, token.pos, tuple(token.feats.items()))
    return fold(token.lemma)


NORMAL_CACHE = 20_000  # spans' normal forms: the same names recur across a corpus


def normal(span: DocSpan) -> str:
    """The span's nominative form: "Си Цзиньпином" -> "Си Цзиньпин".

    Cached per process by what natasha's normalizer reads: the span's text and its
    tokens' tags (and, for organizations, their arcs).
    """
    if span.normal is None:
        ids = {token.id: number for number, token in enumerate(span.tokens)}
        key = (
            span.type,
            span.text,
            tuple(
                (
                    token.start - span.start,
                    token.pos,
                    tuple(sorted(token.feats.items())),
                    token.rel if span.type == EntityType.ORG else None,
                    ids.get(token.head_id) if span.type == EntityType.ORG else None,
                )
                for token in span.tokens
            ),
        )
        span.normal = _normal_of(key, span)
    return span.normal


_normals: dict[tuple, str] = {}


def _normal_of(key: tuple, span: DocSpan) -> str:
    """The cached normal form, or natasha's, remembered (the cache starts over when full)."""
    if key not in _normals:
        if len(_normals) >= NORMAL_CACHE:
            _normals.clear()
        span.normalize(morph_vocab())
        _normals[key] = span.normal
    return _normals[key]
