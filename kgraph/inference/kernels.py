"""The arithmetic of natasha's slovnet networks, as slovnet does it, with less copying.

Each function computes what a slovnet module computes, bit for bit: the same
numbers go into the same numpy calls (tests/test_inference.py).
"""

from __future__ import annotations

import numpy as np

__all__ = ["conv", "encode", "navec", "viterbi"]


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
