"""Role phrases: "президент РФ", "пресс-секретарь Кремля" as names of people.

An article introduces a person with a role ("Президент РФ Владимир Путин") and
later names the role alone ("- заметил президент РФ"). :func:`harvest_roles`
collects the first; :func:`role_phrase` reads the second, as lemmas.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..lexicons import table
from ..model import Article, Entity, EntityType
from ..nlp import Doc, DocToken, lemma
from ..tree import descend

if TYPE_CHECKING:
    from .resolve import EntityIndex

__all__ = ["ROLE_SKIP", "harvest_roles", "publisher_principal", "role_noun", "role_phrase"]

# arcs that leave the role phrase: the name itself, coordinated people, punctuation, clauses
ROLE_SKIP = {"appos", "conj", "cc", "punct", "acl", "acl:relcl", "parataxis", "flat:name", "case"}
#: the prepositions of a place a role is held in (with the locative), not the one it belongs to:
#: "посол Ирана в России"
PLACE_CASES = frozenset({"в", "на"})


def role_phrase(tokens: Sequence[DocToken], head: DocToken, places: bool = True) -> tuple[str, ...]:
    """The lemmas of a role noun and its modifiers, in text order.

    "пресс-секретарь главы российского государства Дмитрий Песков", head
    "пресс-секретарь" -> ("пресс-секретарь", "глава", "российский", "государство").
    ``places=False`` leaves out the modifiers that name where the role is held ("в России" of
    "посол Ирана в России", :data:`PLACE_CASES`), as for the country a person belongs to.
    """
    children: dict[str, list[DocToken]] = {}
    for token in tokens:
        children.setdefault(token.head_id, []).append(token)
    if not places:  # "в России" (locative), not "кандидат в президенты" (accusative)
        by_id = {t.id: t for t in tokens}
        located = {
            t.head_id
            for t in tokens
            if t.rel == "case"
            and lemma(t) in PLACE_CASES
            and t.head_id in by_id
            and by_id[t.head_id].feats.get("Case") == "Loc"
        }
        children = {h: [c for c in cs if c.id not in located] for h, cs in children.items()}
    out = descend(head, children, lambda c: c.rel not in ROLE_SKIP and c.pos != "PUNCT")
    return tuple(lemma(t) for t in sorted(out, key=lambda t: t.start))


def harvest_roles(
    doc: Doc, spans: Sequence[tuple[int, int, Entity]], heads: frozenset[str] = frozenset({"NOUN"}), places: bool = True
) -> dict[tuple[str, ...], Entity]:
    """Role phrase -> entity, from appositions "Президент РФ Владимир Путин".

    ``spans`` are (start, stop, entity) of person mentions; the role noun is
    the head the name hangs on by ``appos`` (or the person noun that head is the genitive of,
    :func:`role_noun`), of a part of speech in ``heads``. With "PROPN" among them, a
    capitalized title natasha tags a proper noun counts too ("Чрезвычайный и Полномочный
    Посол Ирана"), unless it lies in a person's mention. ``places``: as for :func:`role_phrase`.
    """
    roles: dict[tuple[str, ...], Entity] = {}
    for sent in doc.sents:
        by_id = {t.id: t for t in sent.tokens}
        for token in sent.tokens:
            if token.rel != "appos" or token.head_id not in by_id:
                continue
            head = by_id[token.head_id]
            if head.pos not in heads or head.start > token.start or head.feats.get("Number") == "Plur":
                continue  # "его родители Кирилл и Марина" name two people, not one role
            if head.pos == "PROPN" and any(a <= head.start < b for a, b, e in spans if e.type == EntityType.PER):
                continue
            entity = next((e for a, b, e in spans if a <= token.start < b and e.type == EntityType.PER), None)
            if entity is not None:
                head = role_noun(
                    sent.tokens,
                    head,
                    token,
                    lambda t: any(a <= t.start < b and e.type == EntityType.PER for a, b, e in spans),
                )
                roles.setdefault(role_phrase(sent.tokens, head, places), entity)
    return roles


def role_noun(
    tokens: Sequence[DocToken], head: DocToken, name: DocToken, named: Callable[[DocToken], bool]
) -> DocToken:
    """The noun whose person a name is, given the noun natasha hangs the name on by ``appos``.

    In "помощника госсекретаря США Виктории Нуланд" the name hangs on "госсекретаря", yet
    Нуланд is the assistant: a genitive noun that is itself the ``nmod`` of an animate noun
    in the name's case with no name of its own belongs to that noun's phrase. A name in
    another case than the outer noun ("помощник госсекретаря Джона Керри") or an outer noun
    with its own name ("советника президента Владимира Путина Юрия Ушакова") stays with
    the noun it hangs on. ``named`` tells whether a token lies in a person's name.
    """
    by_id = {t.id: t for t in tokens}
    node = head
    while node.rel == "nmod" and node.feats.get("Case") == "Gen" and node.head_id in by_id:
        outer = by_id[node.head_id]
        if outer.pos != "NOUN" or outer.feats.get("Animacy") != "Anim" or outer.start > node.start:
            break
        if outer.feats.get("Case") != name.feats.get("Case") or outer.feats.get("Number") == "Plur":
            break
        if any(t.head_id == outer.id and t.rel == "appos" and named(t) for t in tokens):
            break
        node = outer
    return node


def publisher_principal(article: Article, entities: EntityIndex) -> Entity | None:
    """The publisher's principal, whom its news names by title only (``lexicon/publishers.tsv``).

    On kremlin.ru "Встреча с губернатором Тверской области Игорем Руденей" has the
    head of state of Russia on the article's date as its other side. None for other
    publishers and for undated articles.
    """
    where = " ".join(filter(None, (article.source, article.url, article.id)))
    for pattern, phrase in table("publishers.tsv"):
        if pattern in where and article.date is not None:
            return entities.by_role(tuple(phrase.split()))
    return None
