"""The one cycle-safe walk down a dependency tree.

natasha's trees can have cycles (a token that is its own head's head), so every walk
down from a token remembers what it has seen. ``descend`` is that walk, once.

>>> from types import SimpleNamespace as T
>>> a, b, c = T(id="1", rel="root"), T(id="2", rel="conj"), T(id="3", rel="case")
>>> children = {"1": [b, c], "2": [a]}  # a cycle: 1 -> 2 -> 1
>>> [t.id for t in descend(a, children)]
['1', '3', '2']
>>> [t.id for t in descend(a, children, lambda t: t.rel == "conj")]
['1', '2']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

__all__ = ["descend"]


def descend(
    root: Any,
    children: Mapping[str, Sequence[Any]],
    follow: Callable[[Any], bool] | None = None,
) -> Iterator[Any]:
    """The root and the tokens below it, depth first (last child first), each once.

    ``children`` maps a token id to the tokens that hang on it; ``follow`` keeps only
    the arcs to children it accepts (all arcs when None). A node reached twice, as in a
    cycle, is yielded once.
    """
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if node.id in seen:
            continue
        seen.add(node.id)
        yield node
        below = children.get(node.id, ())
        stack.extend(below if follow is None else (c for c in below if follow(c)))
