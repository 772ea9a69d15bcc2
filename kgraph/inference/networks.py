"""natasha's three networks over a Doc: tags, trees and names onto its tokens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from natasha.data import NEWS_EMBEDDING, NEWS_MORPH, NEWS_NER, NEWS_SYNTAX
from natasha.doc import DocSpan
from slovnet.bio import bio_spans
from slovnet.conll import parse_conll_tag
from slovnet.const import REL, TAG
from slovnet.exec.model import NER as NERModel
from slovnet.exec.model import Morph as MorphModel
from slovnet.exec.model import Syntax as SyntaxModel

from .codes import BATCH, Batch, Codes, kept
from .kernels import encode, navec, viterbi
from .loading import Network, load_embedding, load_network

__all__ = ["Networks"]


class Networks:
    """natasha's morphology tagger, syntax parser and NER tagger, run by this module."""

    def __init__(self, morph: Network, syntax: Network, ner: Network) -> None:
        self.morph, self.syntax, self.ner = morph.model, syntax.model, ner.model
        for network in (syntax, ner):
            if network.words.items != morph.words.items or network.shapes.items != morph.shapes.items:
                raise ValueError("natasha's models do not share one vocabulary: kgraph.inference cannot run them")
        self.codes = Codes(morph.words, morph.shapes)
        self.shared = self.morph.emb.word.codes.array is self.syntax.emb.word.codes.array
        self.tags = morph.labels
        self.rels = syntax.labels.items
        self.ner_tags = ner.labels.items
        self._features: dict[int, tuple[str, dict[str, str]]] = {}

    @classmethod
    def load(cls) -> Networks:
        """natasha's news networks and embedding, from natasha's package data (~0.4 s)."""
        embedding = load_embedding(NEWS_EMBEDDING)
        vocabs: dict[bytes, Any] = {}
        return cls(
            load_network(NEWS_MORPH, MorphModel, TAG, embedding, vocabs),
            load_network(NEWS_SYNTAX, SyntaxModel, REL, embedding, vocabs),
            load_network(NEWS_NER, NERModel, TAG, embedding, vocabs),
        )

    def batches(self, sents: Sequence) -> list[Batch]:
        """The sentences sorted by length, in batches of :data:`BATCH`, encoded once for the
        tagger and the parser."""
        order = sorted(sents, key=lambda sent: len(sent.tokens))
        batches = []
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            word_ids, shape_ids, pad_mask = self.codes.batch([[t.text for t in s.tokens] for s in chunk])
            batches.append(Batch(chunk, word_ids, shape_ids, pad_mask, navec(self.morph.emb.word, word_ids)))
        return batches

    def _feature(self, tag: int) -> tuple[str, dict[str, str]]:
        if tag not in self._features:
            self._features[tag] = parse_conll_tag(self.tags.decode(tag))
        return self._features[tag]

    def tag(self, batches: list[Batch]) -> None:
        """Each token of the batches' sentences: its part of speech and features (``doc.tag_morph``)."""
        model = self.morph
        for batch in batches:
            x = encode(model, batch.vectors, batch.shape_ids, batch.pad_mask)
            tags = model.head.proj(x).argmax(-1)
            for row, sent in enumerate(batch.sents):
                for token, tag in zip(sent.tokens, tags[row].tolist(), strict=False):
                    token.pos, feats = self._feature(tag)
                    token.feats = dict(feats)

    def parse(self, doc, batches: list[Batch], keep: Callable[[Any], bool] | None = None) -> None:
        """Each token of the batches' sentences that ``keep`` accepts (all without it): its id,
        head id and relation (``doc.parse_syntax``), ids numbered by the sentence's place in
        ``doc.sents``. The tokens of the other sentences of ``doc`` get their ids, no head and
        no relation. A sentence's tree does not depend on the sentences batched with it."""
        model = self.syntax
        number = {id(sent): n for n, sent in enumerate(doc.sents, 1)}
        parsed = set()
        for batch in batches if keep is None else (kept(batch, keep) for batch in batches):
            if batch is None:
                continue
            vectors = batch.vectors if self.shared else navec(model.emb.word, batch.word_ids)
            x = encode(model, vectors, batch.shape_ids, batch.pad_mask)
            mask = ~batch.pad_mask
            heads = model.head.decode(model.head(x), mask)
            rels = model.rel.decode(model.rel(x, heads), mask).tolist()
            heads = heads.tolist()
            for row, sent in enumerate(batch.sents):
                n = number[id(sent)]
                parsed.add(n)
                for i, token in enumerate(sent.tokens):
                    token.id = f"{n}_{i + 1}"
                    token.head_id = f"{n}_{heads[row][i]}"
                    token.rel = self.rels[rels[row][i]]
        for n, sent in enumerate(doc.sents, 1):
            if n not in parsed:
                for i, token in enumerate(sent.tokens, 1):
                    token.id, token.head_id, token.rel = f"{n}_{i}", None, None

    def tag_and_parse(self, doc) -> None:
        """:meth:`tag` and :meth:`parse` every sentence of ``doc``."""
        batches = self.batches(doc.sents)
        self.tag(batches)
        self.parse(doc, batches)

    def spans(self, tokens: Sequence) -> list[tuple[int, int, str]]:
        """(start, stop, type) of the names NER finds in the tokens, read as one text."""
        if not tokens:
            return []
        model = self.ner
        word_ids, shape_ids, pad_mask = self.codes.batch([[t.text for t in tokens]])
        x = encode(model, navec(model.emb.word, word_ids), shape_ids, pad_mask)
        emissions = model.head(x)[0]
        tags = [self.ner_tags[tag] for tag in viterbi(emissions, model.head.crf.transitions.array)]
        return [(span.start, span.stop, span.type) for span in bio_spans(tokens, tags)]

    def recognize(self, doc) -> None:
        """``doc.spans``: the names NER finds in the whole text (``doc.tag_ner``), enveloped."""
        doc.spans = [DocSpan(start, stop, kind, doc.text[start:stop]) for start, stop, kind in self.spans(doc.tokens)]
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()
