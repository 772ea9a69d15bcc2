"""natasha's three slovnet networks run on a Doc: the same arithmetic as slovnet, less copying.

natasha's morphology tagger, syntax parser and NER tagger are slovnet CNNs over
navec embeddings, executed in numpy. This module runs the very same weights on
the same inputs and gives the same tags, heads, relations and spans, bit for bit
(every matrix product is the same call on equal operands; a test compares it to
natasha's own ``doc.tag_morph``/``parse_syntax``/``tag_ner`` on the sample
articles), but skips work slovnet repeats:

- a word's vocabulary id and shape id are looked up once per process
  (:class:`Codes`), not once per model and occurrence;
- a Doc's sentences are encoded once (:meth:`Networks.batches`): the morphology
  tagger and the parser read the same word ids and navec vectors, the parser
  only the rows of the sentences it is asked to parse;
- the convolutions work in (batch, position, channel) layout, so no layer
  transposes its input to pad it, and the windows of a convolution are copied
  in three slices rather than element by element;
- the CRF's Viterbi pass does four numpy operations per token instead of ten;
- the tags go straight onto the Doc's tokens (a tag's part of speech and
  features are parsed once per process), and NER reads the Doc's own tokens
  instead of tokenizing the text again.

>>> from natasha import Doc
>>> from kgraph.nlp import pipeline, segment
>>> doc = Doc("Владимир Путин встретился с Си Цзиньпином в Пекине.")
>>> segment(doc)
>>> networks = pipeline().networks
>>> batches = networks.batches(doc.sents)
>>> networks.tag(batches)
>>> networks.parse(doc, batches)
>>> networks.recognize(doc)
>>> [(t.text, t.pos, t.rel) for t in doc.tokens[1:4]]
[('Путин', 'PROPN', 'appos'), ('встретился', 'VERB', 'root'), ('с', 'ADP', 'case')]
>>> [(s.text, s.type) for s in doc.spans]
[('Владимир Путин', 'PER'), ('Си Цзиньпином', 'PER'), ('Пекине', 'LOC')]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import Any, NamedTuple

import numpy as np
from natasha.data import NEWS_EMBEDDING, NEWS_MORPH, NEWS_NER, NEWS_SYNTAX
from natasha.doc import DocSpan
from navec.meta import Meta as NavecMeta
from navec.tar import Tar as NavecTar
from slovnet.bio import bio_spans
from slovnet.conll import parse_conll_tag
from slovnet.const import REL, SHAPE, TAG, WORD
from slovnet.exec.model import NER as NERModel
from slovnet.exec.model import Morph as MorphModel
from slovnet.exec.model import Syntax as SyntaxModel
from slovnet.exec.pack import Pack, bytes_vocab, vocab_name
from slovnet.shape import word_shape

__all__ = ["BATCH", "Batch", "Codes", "Network", "Networks", "load_embedding", "load_network", "viterbi"]

BATCH = 8  # sentences per batch, as natasha's taggers: a sentence's tags do not depend on it
CODES_CACHE = 200_000  # distinct words remembered (~40 MB when full); the memo starts over then


class Codes:
    """A word's id in the navec vocabulary and its shape's id, remembered per word.

    >>> from kgraph.nlp import pipeline
    >>> codes = pipeline().networks.codes
    >>> codes("Москва") == (codes.words.encode("москва"), codes.shapes.encode("RU_Xx"))
    True
    """

    def __init__(self, words, shapes, size: int = CODES_CACHE) -> None:
        self.words, self.shapes, self.size = words, shapes, size
        self.memo: dict[str, tuple[int, int]] = {}

    def __call__(self, word: str) -> tuple[int, int]:
        """(word id, shape id), as slovnet's ``WordShapeEncoder.item`` computes them."""
        codes = self.memo.get(word)
        if codes is None:
            if len(self.memo) >= self.size:
                self.memo.clear()
            codes = self.memo[word] = (self.words.encode(word.lower()), self.shapes.encode(word_shape(word)))
        return codes

    def batch(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Word ids, shape ids (padded as slovnet pads) and the padding mask of the sentences."""
        width = max(len(words) for words in sentences)
        word_ids = np.full((len(sentences), width), self.words.pad_id)
        shape_ids = np.full((len(sentences), width), self.shapes.pad_id)
        for row, words in enumerate(sentences):
            if words:
                word_ids[row, : len(words)], shape_ids[row, : len(words)] = zip(*map(self, words), strict=True)
        return word_ids, shape_ids, word_ids == self.words.pad_id


class Batch(NamedTuple):
    """Sentences of about one length, encoded for the networks."""

    sents: list
    word_ids: np.ndarray
    shape_ids: np.ndarray
    pad_mask: np.ndarray  # True where a sentence is shorter than the batch
    vectors: np.ndarray  # navec's, shared by the tagger and the parser


def _kept(batch: Batch, keep: Callable[[Any], bool]) -> Batch | None:
    """The batch with only the sentences ``keep`` accepts (None if it accepts none), cut to the
    longest of them."""
    rows = [row for row, sent in enumerate(batch.sents) if keep(sent)]
    if len(rows) == len(batch.sents):
        return batch
    if not rows:
        return None
    width = max(len(batch.sents[row].tokens) for row in rows)
    return Batch(
        [batch.sents[row] for row in rows],
        batch.word_ids[rows, :width],
        batch.shape_ids[rows, :width],
        batch.pad_mask[rows, :width],
        batch.vectors[rows, :width],
    )


def navec(embedding, word_ids: np.ndarray) -> np.ndarray:
    """The navec vectors of the ids (slovnet's ``NavecEmbedding``)."""
    indexes = embedding.indexes.array[word_ids.ravel()]
    return embedding.codes.array[embedding.qdims, indexes].reshape(*word_ids.shape, embedding.dim)


def conv(layer, x: np.ndarray) -> np.ndarray:
    """One CNN layer (convolution, ReLU, batch norm) over ``x`` (batch, position, channel).

    slovnet pads and convolves in (batch, channel, position) layout; the windows it
    multiplies are the same numbers in the same order, so the product is the same.
    """
    weight = layer.conv.weight.array  # filters x in x kernel
    filters, channels, kernel = weight.shape
    pad = layer.conv.padding
    batch, length, _ = x.shape
    windows = length + 2 * pad - kernel + 1
    padded = np.zeros((batch, length + 2 * pad, channels), dtype=x.dtype)
    padded[:, pad : pad + length] = x
    columns = np.empty((batch, windows, channels, kernel), dtype=x.dtype)
    for k in range(kernel):
        columns[:, :, :, k] = padded[:, k : k + windows]
    columns = columns.reshape(batch * windows, channels * kernel)
    out = np.matmul(columns, weight.reshape(filters, channels * kernel).T) + layer.conv.bias.array
    out = out.reshape(batch, windows, filters).clip(0)
    norm = layer.norm
    return (out - norm.mean.array) / norm.std.array * norm.weight.array + norm.bias.array


def encode(model, vectors: np.ndarray, shape_ids: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
    """A model's word-and-shape embedding and CNN encoder: (batch, position, features)."""
    x = np.concatenate((vectors, model.emb.shape(shape_ids)), axis=-1)
    for layer in model.encoder.layers:
        x = conv(layer, x)
        x[pad_mask] = 0
    return x


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The best tag path of one unpadded sequence (slovnet's ``CRF.decode``, same ties).

    >>> e = np.array([[2.0, 0.0], [0.0, 1.0], [0.0, 1.0]], dtype=np.float32)
    >>> viterbi(e, np.array([[0.0, -5.0], [0.0, 0.0]], dtype=np.float32))
    [0, 0, 0]
    >>> viterbi(e, np.zeros((2, 2), dtype=np.float32))
    [0, 1, 1]
    """
    length, tags = emissions.shape
    history = np.empty((max(length - 1, 0), tags), dtype=np.intp)
    columns = np.arange(tags)
    score = emissions[0]
    for index in range(1, length):
        scores = score[:, np.newaxis] + transitions + emissions[index]
        best = scores.argmax(0)
        history[index - 1] = best
        score = scores[best, columns]
    path = [int(score.argmax())]
    for best in history[::-1]:
        path.append(int(best[path[-1]]))
    path.reverse()
    return path


class Network(NamedTuple):
    """One of natasha's slovnet networks: its model (weights, navec injected) and vocabularies."""

    model: Any  # slovnet.exec.model.Morph, Syntax or NER
    words: Any  # slovnet.vocab.Vocab
    shapes: Any
    labels: Any  # the tags, or the syntax relations


def load_network(path: str, model_type: Any, labels: str, embedding: Any, vocabs: dict[bytes, Any]) -> Network:
    """A slovnet pack loaded as slovnet's ``Morph/Syntax/NER.load`` and natasha's ``.navec(...)``
    load it, its vocabularies taken from ``vocabs`` when an equal one was loaded before (the
    three networks share their 250,000 words)."""
    with Pack(path) as pack:
        pack.load_meta().check_protocol()
        model = pack.load_model(model_type)
        model = model.inject_arrays(dict(pack.load_arrays(model.weights))).inject_navec(embedding)
        words, shapes, names = (_vocab(pack, name, vocabs) for name in (WORD, SHAPE, labels))
    return Network(model, words, shapes, names)


def _vocab(pack: Any, name: str, vocabs: dict[bytes, Any]) -> Any:
    data = pack.read(vocab_name(name))
    if data not in vocabs:
        vocabs[data] = bytes_vocab(data)
    return vocabs[data]


def load_embedding(path: str) -> Any:
    """natasha's navec embedding as the taggers use it: its id and product-quantized vectors,
    without the word list and the similarity tables navec builds for its own look-ups
    (~0.4 s of every start)."""
    with NavecTar(path) as tar:
        meta = NavecMeta.from_file(tar.load("meta.json"))
        NavecMeta.check_protocol(meta.protocol)
        data = tar.load("pq.bin").read()
    vectors, _, qdim, centroids = np.frombuffer(data[:16], np.uint32).tolist()
    indexes = np.frombuffer(data, np.uint8, vectors * qdim, 16).reshape(vectors, qdim)
    codes = np.frombuffer(data, np.float32, offset=16 + vectors * qdim).reshape(qdim, centroids, -1)
    return SimpleNamespace(meta=meta, pq=SimpleNamespace(indexes=indexes, codes=codes))


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
        for batch in batches if keep is None else (_kept(batch, keep) for batch in batches):
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
