"""The reference knowledge base: countries, cities, organizations, people and their terms of office.

Loaded once per process from ``kb.ttl`` (built by ``scripts/build_kb.py``) into plain dicts, so lookups
use no SPARQL and no rdflib:

>>> kb = load_kb()
>>> kb.find("КНР").name
'Китай'
>>> kb.country_of_adjective("российский").name
'Россия'
>>> kb.holder("head_of_state", kb.find("США").iri, datetime.date(2023, 6, 1)).name
'Джо Байден'
>>> kb.resolve_role_phrase(["пресс-секретарь", "кремль"], datetime.date(2026, 2, 4)).name
'Дмитрий Песков'
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .lexicons import table
from .model import EntityType, fold
from .resources import ontology_dir

__all__ = ["ROLES", "KBEntity", "KnowledgeBase", "load_kb", "normalize"]

KG = "https://w3id.org/kgraph/ontology#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
_OWL_SAME = "http://www.w3.org/2002/07/owl#sameAs"
_WD = "http://www.wikidata.org/entity/"
_CONTAINED_IN = "https://schema.org/containedInPlace"

#: role key -> kg: class of the term's kg:role
ROLES: dict[str, str] = {
    "head_of_state": KG + "HeadOfState",
    "head_of_government": KG + "HeadOfGovernment",
    "foreign_minister": KG + "ForeignMinister",
    "spokesperson": KG + "Spokesperson",
}
_TYPES = {
    KG + "Person": EntityType.PER,
    KG + "Organization": EntityType.ORG,
    KG + "Country": EntityType.LOC,
    KG + "City": EntityType.LOC,
}

_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "‐": "-"})
_QUOTES = re.compile(r"[«»\"“”„'’`]")
_PUNCT = re.compile(r"^[\W_]+$")


def normalize(text: str) -> str:
    """Lookup key of a name: lowercase, ё -> е, no quotes, one space: '«Группа  двадцати»' -> 'группа двадцати'."""
    text = fold(_QUOTES.sub("", text.translate(_DASHES)))
    return " ".join(text.split())


@dataclass(frozen=True)
class KBEntity:
    """One entity of the KB, e.g. Россия: name "Россия", short_names ("РФ",), adjectives ("российский",).

    ``country`` is the IRI of the entity's country: a person's or organization's state (kg:country),
    a city's country, and for a country its own IRI.
    """

    iri: str
    name: str
    type: EntityType
    wikidata: str | None
    aliases: tuple[str, ...]
    short_names: tuple[str, ...]
    adjectives: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class _Term:
    holder: str
    start: datetime.date
    end: datetime.date | None  # exclusive; None: still in office


class KnowledgeBase:
    """Dict indexes over the reference KB; build it with :func:`load_kb`."""

    def __init__(self, triples: Iterator[tuple[str, str, object]]) -> None:
        """Index ``(subject, predicate, object)`` triples: IRIs and literals as str, an
        ``xsd:date`` as a :class:`datetime.date`."""
        props: dict[str, dict[str, list]] = {}
        for s, p, o in triples:
            props.setdefault(s, {}).setdefault(p, []).append(o)

        self._entities: dict[str, KBEntity] = {}
        self._kind: dict[str, str] = {}  # iri -> "Country" | "City" | "Organization" | "Person"
        self._iso2: dict[str, str] = {}
        self._names: dict[str, list[tuple[int, int, str]]] = {}  # key -> (priority, type rank, iri)
        self._adjectives: dict[str, str] = {}
        self._terms: dict[tuple[str, str], list[_Term]] = {}
        rank = {EntityType.LOC: 0, EntityType.ORG: 1, EntityType.PER: 2}

        for s, about in sorted(props.items()):
            types = [str(t) for t in about.get(_RDF_TYPE, []) if str(t) in _TYPES]
            if not types:
                continue
            kind = types[0].removeprefix(KG)
            label = str(about[_RDFS_LABEL][0])
            aliases = tuple(sorted(str(x) for x in about.get(_SKOS_ALT, [])))
            shorts = tuple(sorted(str(x) for x in about.get(KG + "shortName", [])))
            adjs = tuple(sorted(str(x) for x in about.get(KG + "adjective", [])))
            same = [str(x) for x in about.get(_OWL_SAME, []) if str(x).startswith(_WD)]
            country = [str(x) for x in about.get(KG + "country", []) + about.get(_CONTAINED_IN, [])]
            ent = KBEntity(
                iri=s,
                name=label,
                type=_TYPES[types[0]],
                wikidata=same[0].removeprefix(_WD) if same else None,
                aliases=aliases,
                short_names=shorts,
                adjectives=adjs,
                country=s if kind == "Country" else (country[0] if country else None),
            )
            self._entities[s] = ent
            self._kind[s] = kind
            for iso in about.get(KG + "iso2", []):
                self._iso2[str(iso).upper()] = s
            for prio, forms in ((0, (label,)), (1, shorts), (2, aliases)):
                for form in forms:
                    self._names.setdefault(normalize(form), []).append((prio, rank[ent.type], s))
            for adj in adjs:
                self._adjectives.setdefault(normalize(adj), s)
        for key in self._names:
            self._names[key].sort()

        for about in props.values():
            if KG + "Term" not in {str(t) for t in about.get(_RDF_TYPE, [])}:
                continue
            start = about[KG + "start"][0]
            end = about[KG + "end"][0] if KG + "end" in about else None
            role_country = (str(about[KG + "role"][0]), str(about[KG + "ofCountry"][0]))
            self._terms.setdefault(role_country, []).append(_Term(str(about[KG + "holder"][0]), start, end))
        for terms in self._terms.values():
            terms.sort(key=lambda t: (t.start, t.holder))

        self._phrases: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] | None = None
        self._roles: list[tuple[tuple[str, ...], str]] | None = None
        self._leaders: dict[str, str] = {}

    # -- plain lookups -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[KBEntity]:
        return iter(self._entities.values())

    def get(self, iri: str) -> KBEntity:
        """The entity with this IRI; KeyError if the KB has none."""
        return self._entities[iri]

    def kind(self, iri: str) -> str:
        """The KB class of an entity: "Country", "City", "Organization" or "Person"."""
        return self._kind[iri]

    def country(self, iso2: str) -> KBEntity | None:
        """The country with this ISO alpha-2 code: "RU" -> Россия."""
        iri = self._iso2.get(iso2.upper())
        return self._entities[iri] if iri else None

    def find(self, name: str, type: str | None = None) -> KBEntity | None:
        """The entity named so, by canonical name, short name or alias; case and ё ignored.

        "Китай", "КНР" and "китайская народная республика" all give Китай; ``type`` ("PER", "ORG",
        "LOC") restricts the match. A canonical name beats a short name, which beats an alias.
        """
        for _prio, _rank, iri in self._names.get(normalize(name), ()):
            ent = self._entities[iri]
            if type is None or ent.type == type:
                return ent
        return None

    def country_of_adjective(self, lemma: str) -> KBEntity | None:
        """The country an adjective lemma points to: "китайский" -> Китай, "немецкий" -> Германия."""
        iri = self._adjectives.get(normalize(lemma))
        return self._entities[iri] if iri else None

    def holder(self, role: str, country_iri: str, on: datetime.date | None = None) -> KBEntity | None:
        """Who held ``role`` for a country or organization on a day.

        ``role`` is "head_of_state", "head_of_government", "foreign_minister" or "spokesperson"
        (for an organization, "head_of_state" is its head: the UN Secretary-General);
        ``country_iri`` is the IRI of a country or organization (an ISO alpha-2 code such as "US"
        also works). ``on=None`` asks for the current holder, the one whose term is still open.

        >>> us = load_kb().find("США").iri
        >>> load_kb().holder("head_of_state", us, datetime.date(2026, 2, 4)).name
        'Дональд Трамп'
        """
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; expected one of {sorted(ROLES)}")
        if country_iri not in self._entities and country_iri.upper() in self._iso2:
            country_iri = self._iso2[country_iri.upper()]
        terms = self._terms.get((ROLES[role], country_iri), [])
        if isinstance(on, datetime.datetime):
            on = on.date()
        found = None
        for t in terms:
            if on is None:
                if t.end is None:
                    found = t
            elif t.start <= on and (t.end is None or on < t.end):
                found = t
        return self._entities[found.holder] if found else None

    # -- role phrases --------------------------------------------------------------------------

    def resolve_role_phrase(self, lemmas: Sequence[str], on: datetime.date | None = None) -> KBEntity | None:
        """The person a role phrase names on a day, from the phrase's lowercase lemmas.

        ["президент", "рф"] and ["глава", "российский", "государство"] give Владимир Путин;
        ["пресс-секретарь", "кремль"] Дмитрий Песков; ["официальный", "представитель", "мид", "россия"]
        Мария Захарова; ["канцлер", "фрг"] on 2023-06-01 Олаф Шольц. A title with no country
        (["президент"]), a former or deputy holder (["бывший", "президент", "сша"]) or a title the KB has
        no term for gives None. The role words live in kgraph/lexicon/roles.tsv.
        """
        found = self._role_of(lemmas)
        return self.holder(*found, on) if found else None

    def _role_of(self, lemmas: Sequence[str]) -> tuple[str, str] | None:
        """(role key, country or organization IRI) a role phrase names, or None."""
        if isinstance(lemmas, str):
            lemmas = lemmas.split()
        toks = [normalize(t) for t in lemmas]
        toks = [t for t in toks if t and not _PUNCT.match(t)]
        if not toks:
            return None
        self._prepare()
        assert self._roles is not None and self._phrases is not None

        # 1. titles: the longest roles.tsv phrase at each position, country adjectives may sit inside
        consumed: set[int] = set()
        matches: list[tuple[list[int], str]] = []
        for i in range(len(toks)):
            if i in consumed:
                continue
            for words, role in self._roles:
                idx = self._match_title(toks, i, words, consumed)
                if idx:
                    matches.append((idx, role))
                    consumed.update(idx)
                    break
        if any(role == "-" for _, role in matches):
            return None
        titles = [(idx, role) for idx, role in matches if role != "+"]
        if not titles:
            return None
        first_idx, role = titles[0]
        for k in range(first_idx[0]):  # only modifiers and country adjectives may precede the title
            if k not in consumed and toks[k] not in self._adjectives:
                return None

        # 2. the country or organization: a named one first, else an adjective. A word nobody knows
        # before it means another body: "официальный представитель МИД США" is not the White House's.
        rest = [k for k in range(len(toks)) if k not in consumed]
        target, at = None, len(toks)
        for pos in rest:
            hit = self._match_name(toks, pos, set(rest))
            if hit:
                target, at = hit[1], pos
                break
        if target is None:
            for pos in rest:
                if toks[pos] in self._adjectives:
                    target, at = self._adjectives[toks[pos]], pos
                    break
        if target is None:
            return None
        if any(k < at and toks[k] not in self._adjectives for k in rest):
            return None

        if role == "leader":
            iso = next((i for i, iri in self._iso2.items() if iri == target), "")
            role = self._leaders.get(iso, "head_of_state")
        return role, target

    def role_holders(self, lemmas: Sequence[str]) -> list[KBEntity]:
        """Everyone who ever held the role a phrase names, in order of their terms.

        For an undated article: ["глава", "российский", "государство"] -> [..., Дмитрий Медведев,
        Владимир Путин]; the article's own people tell which one it means.
        """
        found = self._role_of(lemmas)
        if found is None:
            return []
        role, target = found
        terms = self._terms.get((ROLES[role], target), [])
        out: list[KBEntity] = []
        for term in terms:
            entity = self._entities[term.holder]
            if entity not in out:
                out.append(entity)
        return out

    def _match_title(self, toks: list[str], i: int, words: tuple[str, ...], consumed: set[int]) -> list[int] | None:
        idx, k = [], i
        for n, word in enumerate(words):
            if n:
                while k < len(toks) and toks[k] != word and toks[k] in self._adjectives and k not in consumed:
                    k += 1
            if k >= len(toks) or k in consumed or toks[k] != word:
                return None
            idx.append(k)
            k += 1
        return idx

    def _match_name(self, toks: list[str], pos: int, free: set[int]) -> tuple[list[int], str] | None:
        assert self._phrases is not None
        best: tuple[list[int], str] | None = None
        for forms, iri in self._phrases.get(toks[pos], ()):
            span = list(range(pos, pos + len(forms)))
            if span[-1] >= len(toks) or not all(k in free for k in span):
                continue
            if all(toks[k] in f for k, f in zip(span, forms, strict=True)) and (
                best is None or len(span) > len(best[0])
            ):
                best = (span, iri)
        return best

    def _prepare(self) -> None:
        """Build the lemma indexes resolve_role_phrase needs (once; it loads pymorphy2)."""
        if self._phrases is not None:
            return
        roles = []
        for order, row in enumerate(table("roles.tsv")):
            words = tuple(normalize(row[0]).split())
            roles.append((-len(words), order, words, row[1]))
        self._roles = [(w, r) for _, _, w, r in sorted(roles)]
        self._leaders = {row[0].upper(): row[1] for row in table("leaders.tsv")}

        lemma_forms = _lemma_forms()
        phrases: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}

        def add(name: str, iri: str) -> None:
            words = re.sub(r"[(),]", " ", normalize(name)).split()
            if not words:
                return
            forms: tuple[frozenset[str], ...]
            if len(words) == 1:
                forms = (frozenset({words[0]} | lemma_forms(words[0], strict=True)),)
            else:
                forms = tuple(frozenset({w} | lemma_forms(w, strict=False)) for w in words)
            for first in forms[0]:
                phrases.setdefault(first, []).append((forms, iri))

        # a seat of power ("кремль", "белый дом") stands for its country, not for the organization so named
        seats = {
            normalize(row[0]): self._iso2[row[1].upper()] for row in table("seats.tsv") if row[1].upper() in self._iso2
        }
        for iri, ent in self._entities.items():
            if self._kind[iri] in ("Country", "Organization"):
                for name in (ent.name, *ent.short_names, *ent.aliases):
                    if normalize(name) not in seats:
                        add(name, iri)
        for name, iri in sorted(seats.items()):
            add(name, iri)
        self._phrases = phrases


def _lemma_forms():
    """A function giving the lemmas pymorphy2 may assign a word ("соединённые" -> {"соединить", ...})."""
    try:
        from .nlp import morph_vocab  # natasha's import patches pymorphy2 for Python 3.11

        morph = morph_vocab()
    except Exception:  # noqa: BLE001  # pragma: no cover - natasha missing: match the words as written
        return lambda word, strict: set()

    def forms(word: str, strict: bool) -> set[str]:
        out = set()
        for parse in morph.parse(word):
            tag = str(parse.tag)
            if not strict or any(g in tag for g in ("Geox", "Orgn", "Abbr")):
                out.add(fold(parse.normal_form))
        return out

    return forms


def _default_path() -> Path:
    return ontology_dir() / "kb.ttl"


_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


@functools.cache
def _load(path: Path) -> KnowledgeBase:
    """The KB of a Turtle file, parsed by Oxigraph (~100 times faster than rdflib's parser,
    which took 0.6 s of every run's start)."""
    import pyoxigraph

    def value(term) -> object:
        if isinstance(term, pyoxigraph.Literal) and term.datatype.value == _XSD_DATE:
            return datetime.date.fromisoformat(term.value)
        return term.value

    quads = pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    return KnowledgeBase((quad.subject.value, quad.predicate.value, value(quad.object)) for quad in quads)


def load_kb(path: Path | None = None) -> KnowledgeBase:
    """The KB, parsed once per process and path; by default ``ontology_dir() / "kb.ttl"``."""
    return _load(Path(path).resolve() if path else _default_path().resolve())
