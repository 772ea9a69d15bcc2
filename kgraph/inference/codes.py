"""Words as the networks read them: vocabulary and shape ids, in batches of like length.

>>> from kgraph.nlp import pipeline
>>> word_ids, shape_ids, pad_mask = pipeline().networks.codes.batch([["Путин", "прибыл"], ["Да"]])
>>> pad_mask.tolist()
[[False, False], [False, True]]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np
from slovnet.shape import word_shape

__all__ = ["BATCH", "Batch", "Codes", "kept"]

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


def kept(batch: Batch, keep: Callable[[Any], bool]) -> Batch | None:
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
