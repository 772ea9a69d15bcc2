"""natasha's news networks and navec embedding, loaded from natasha's package data.

What slovnet's ``Morph/Syntax/NER.load`` and natasha's ``.navec(...)`` load, with
less work: the three packs share one vocabulary object, and navec's word list and
similarity tables (which the taggers never read) are not built.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, NamedTuple

import numpy as np
from navec.meta import Meta as NavecMeta
from navec.tar import Tar as NavecTar
from slovnet.const import SHAPE, WORD
from slovnet.exec.pack import Pack, bytes_vocab, vocab_name

__all__ = ["Network", "load_embedding", "load_network"]


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
