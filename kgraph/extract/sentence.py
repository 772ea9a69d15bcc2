"""One sentence's dependency tree, with the walks extractors need.

>>> from kgraph.nlp import analyze
>>> s = Sentence(analyze("Путин провел переговоры с Моди.").sents[0], 0)
>>> [t.text for t in s.ancestors(s.tokens[4])]
['переговоры', 'провел']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator

from ..nlp import DocToken, lemma
from ..tree import descend

__all__ = ["Sentence"]


class Sentence:
    """A natasha sentence indexed by token id, with heads, children and clauses."""

    def __init__(self, sent, index: int) -> None:
        self.index = index
        self.tokens: list[DocToken] = list(sent.tokens)
        self.start: int = sent.start
        self.stop: int = sent.stop
        self.text: str = sent.text
        self.by_id = {token.id: token for token in self.tokens}
        self.children: dict[str, list[DocToken]] = defaultdict(list)
        for token in self.tokens:
            self.children[token.head_id].append(token)

    def head(self, token: DocToken) -> DocToken | None:
        """The token's syntactic head, None for the root."""
        return self.by_id.get(token.head_id)

    def ancestors(self, token: DocToken) -> Iterator[DocToken]:
        """Heads from the token up to the root (cycles are cut)."""
        seen = {token.id}
        head = self.head(token)
        while head is not None and head.id not in seen:
            yield head
            seen.add(head.id)
            head = self.head(head)

    def clause(self, token: DocToken) -> DocToken:
        """The verb (or root) that heads the token's clause."""
        if token.pos in ("VERB", "AUX") or token.rel == "root":
            return token
        for head in self.ancestors(token):
            if head.pos in ("VERB", "AUX") or head.rel == "root":
                return head
        return token

    def subtree(self, token: DocToken) -> list[DocToken]:
        """The token and everything below it, in text order."""
        return sorted(descend(token, self.children), key=lambda t: t.start)

    def below(self, token: DocToken, rels: Collection[str]) -> list[DocToken]:
        """The token and what hangs below it through ``rels`` arcs only, in the walk's order."""
        return list(descend(token, self.children, lambda child: child.rel in rels))

    def lemmas(self) -> list[str]:
        """The lemma of each token, in order."""
        return [lemma(token) for token in self.tokens]

    def index_of(self, token: DocToken) -> int:
        """The token's position in the sentence."""
        return self.tokens.index(token)
