#!/usr/bin/env python3
"""Build ontology/kb.ttl, the reference knowledge base entity resolution uses.

Countries come from pycountry's Russian translations ("Российская Федерация",
"Китай"); the hand tables in kgraph/lexicon/kb_*.tsv add what pycountry lacks:
short forms (РФ, КНР, США), the names the news uses (Россия, Белоруссия),
adjective lemmas (российский), Wikidata ids, organizations, cities, people and
their dated terms of office.

The output is deterministic: subjects, predicates and objects are written in
sorted order by a small Turtle writer here, so two runs give byte-identical
files (tests/entities/test_kb.py checks the committed file against a fresh run).

    python scripts/build_kb.py                  # writes ontology/kb.ttl
    python scripts/build_kb.py --out /tmp/kb.ttl
"""
from __future__ import annotations

import argparse
import datetime
import gettext
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

__all__ = ["build", "render", "slug", "main"]

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "kgraph" / "lexicon"
DEFAULT_OUT = ROOT / "ontology" / "kb.ttl"

KG = "https://w3id.org/kgraph/ontology#"
KGR = "https://w3id.org/kgraph/resource/"
WD = "http://www.wikidata.org/entity/"
PREFIXES = {
    "kg": KG,
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
ROLES = {
    "head_of_state": "kg:HeadOfState",
    "head_of_government": "kg:HeadOfGovernment",
    "foreign_minister": "kg:ForeignMinister",
    "spokesperson": "kg:Spokesperson",
}
QID = re.compile(r"^Q[1-9][0-9]*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
     "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
     "yu", "ya"],
))


def slug(text: str) -> str:
    """ASCII slug of a Russian name: "Владимир Путин" -> "vladimir-putin", "МИД России" -> "mid-rossii"."""
    out = []
    for ch in unicodedata.normalize("NFC", text.lower()):
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    return re.sub(r"-+", "-", "".join(out)).strip("-")


def _clean(text: str) -> str:
    """Drop stress marks and stray spaces: "Респу́блика" -> "Республика"."""
    text = unicodedata.normalize("NFD", text).replace("\u0301", "")
    return " ".join(unicodedata.normalize("NFC", text).split())


def _key(text: str) -> str:
    return _clean(text).casefold().replace("ё", "е")


def _split(cell: str) -> list[str]:
    return [_clean(x) for x in cell.split("|") if x.strip()]


def read_tsv(name: str, columns: int) -> list[list[str]]:
    """Rows of kgraph/lexicon/<name>, comments (#) and blank lines skipped, padded to ``columns``."""
    rows = []
    for line in (LEXICON / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        rows.append((cells + [""] * columns)[:columns])
    return rows


@dataclass
class Node:
    iri: str
    type: str  # "kg:Country" | "kg:City" | "kg:Organization" | "kg:Person"
    label: str
    alt: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    iso2: str | None = None
    country: str | None = None
    qid: str | None = None

    def tidy(self) -> None:
        """Drop forms repeated across label, short names and alt labels (case and ё ignored)."""
        seen = {_key(self.label)}
        short = []
        for s in self.short:
            if _key(s) not in seen:
                seen.add(_key(s))
                short.append(s)
        alt = []
        for a in self.alt:
            if _key(a) not in seen:
                seen.add(_key(a))
                alt.append(a)
        self.short, self.alt = short, alt
        self.adjectives = list(dict.fromkeys(a.lower().replace("ё", "е") for a in self.adjectives))


@dataclass
class Term:
    iri: str
    holder: str
    role: str
    of: str
    start: str
    end: str | None


def _iri(kind: str, label: str, qid: str | None) -> str:
    if qid:
        if not QID.match(qid):
            raise ValueError(f"bad Wikidata id {qid!r} for {label}")
        return f"{KGR}entity/{qid}"
    return f"{KGR}{kind}/{slug(label)}"


class _Adjectives:
    """First-guess adjective lemmas from a country name, kept only if pymorphy2 knows them as adjectives."""

    def __init__(self) -> None:
        try:
            import natasha  # noqa: F401  (its yargy import patches pymorphy2 for Python 3.11)
            import pymorphy2

            self.morph = pymorphy2.MorphAnalyzer()
            self.version = metadata.version("pymorphy2-dicts-ru")
        except Exception:  # pragma: no cover - pymorphy2 missing
            self.morph = None
            self.version = "none"

    def guess(self, name: str) -> str | None:
        """"Австралия" -> "австралийский", "Судан" -> "суданский", "Куба" -> "кубинский"; None if unsure."""
        if self.morph is None or " " in name or "-" in name:
            return None
        low = name.lower()
        if low.endswith("ия"):
            cands = [low[:-2] + "ийский", low[:-2] + "ский"]
        elif low.endswith(("а", "я")):
            cands = [low[:-1] + "ский", low[:-1] + "инский", low[:-1] + "йский"]
        elif low.endswith("й"):
            cands = [low + "ский"]
        elif low[-1] in "бвгджзклмнпрстфхцчшщь":
            cands = [low + "ский", low + "ьский"]
        else:
            return None
        for cand in cands:
            parses = self.morph.parse(cand)
            if (self.morph.word_is_known(cand) and parses and parses[0].tag.POS == "ADJF"
                    and parses[0].normal_form == cand):
                return cand
        return None


def build() -> tuple[list[Node], list[Term], dict[str, str]]:
    """Gather all nodes and terms; the third value holds the versions the output depends on."""
    import pycountry

    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    adjectives = _Adjectives()
    versions = {"pycountry": metadata.version("pycountry"), "pymorphy2-dicts-ru": adjectives.version}

    hand = {r[0]: r for r in read_tsv("kb_countries.tsv", 6)}
    unknown = set(hand) - {c.alpha_2 for c in pycountry.countries}
    if unknown:
        raise ValueError(f"kb_countries.tsv: codes pycountry does not know: {sorted(unknown)}")

    nodes: dict[str, Node] = {}
    country_iri: dict[str, str] = {}

    def add(node: Node) -> None:
        if node.iri in nodes:
            raise ValueError(f"two entities share the IRI {node.iri}: {nodes[node.iri].label}, {node.label}")
        nodes[node.iri] = node

    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        _, qid, label, short, alt, adj = hand.get(c.alpha_2, [c.alpha_2, "", "", "", "", ""])
        name = _clean(ru.gettext(c.name))
        official = _clean(ru.gettext(c.official_name)) if getattr(c, "official_name", None) else ""
        label = _clean(label) or name
        node = Node(
            iri=_iri("place", label, qid or None), type="kg:Country", label=label,
            alt=_split(alt) + [x for x in (name, official) if x], short=_split(short),
            adjectives=_split(adj), iso2=c.alpha_2, qid=qid or None,
        )
        add(node)
        country_iri[c.alpha_2] = node.iri

    # adjective guesses only where no hand adjective exists, and never one a hand row already uses
    taken = {a for n in nodes.values() for a in n.adjectives}
    guessed: dict[str, list[Node]] = {}
    for node in nodes.values():
        if not node.adjectives:
            g = adjectives.guess(node.label)
            if g and g not in taken:
                guessed.setdefault(g, []).append(node)
    for g, owners in guessed.items():
        if len(owners) == 1:
            owners[0].adjectives.append(g)

    def country_of(code: str, where: str) -> str | None:
        if not code:
            return None
        if code not in country_iri:
            raise ValueError(f"{where}: unknown country {code!r}")
        return country_iri[code]

    org_iri: dict[str, str] = {}
    for key, qid, label, short, alt, cc in read_tsv("kb_orgs.tsv", 6):
        if key in country_iri or key in org_iri:
            raise ValueError(f"kb_orgs.tsv: id {key!r} is an ISO code or used twice; kb_terms.tsv could not tell them apart")
        node = Node(iri=_iri("org", label, qid or None), type="kg:Organization", label=_clean(label),
                    alt=_split(alt), short=_split(short), country=country_of(cc, key), qid=qid or None)
        add(node)
        org_iri[key] = node.iri

    for name, qid, cc, short, alt in read_tsv("kb_cities.tsv", 5):
        add(Node(iri=_iri("place", name, qid or None), type="kg:City", label=_clean(name),
                 alt=_split(alt), short=_split(short), country=country_of(cc, name), qid=qid or None))

    person_iri: dict[str, str] = {}
    people = read_tsv("kb_people.tsv", 5)
    surnames: dict[str, int] = {}
    for _, _, _, short, _ in people:
        for s in _split(short):
            surnames[_key(s)] = surnames.get(_key(s), 0) + 1
    for name, qid, cc, short, alt in people:
        if name in person_iri:
            raise ValueError(f"kb_people.tsv: {name} twice")
        node = Node(iri=_iri("person", name, qid or None), type="kg:Person", label=_clean(name),
                    alt=_split(alt), short=[s for s in _split(short) if surnames[_key(s)] == 1],
                    country=country_of(cc, name), qid=qid or None)
        add(node)
        person_iri[name] = node.iri

    terms: dict[str, Term] = {}
    for holder, role, of, start, end, _note in read_tsv("kb_terms.tsv", 6):
        if holder not in person_iri:
            raise ValueError(f"kb_terms.tsv: {holder} is not in kb_people.tsv")
        if role not in ROLES:
            raise ValueError(f"kb_terms.tsv: bad role {role!r} for {holder}")
        of_iri = country_iri.get(of) or org_iri.get(of)
        if of_iri is None:
            raise ValueError(f"kb_terms.tsv: {of!r} is neither a country nor an org id ({holder})")
        for d in (start, end):
            if d and not DATE.match(d):
                raise ValueError(f"kb_terms.tsv: bad date {d!r} for {holder}")
            if d:
                datetime.date.fromisoformat(d)
        if end and end <= start:
            raise ValueError(f"kb_terms.tsv: {holder} ends before starting")
        iri = f"{KGR}term/{slug(holder)}-{role.replace('_', '-')}-{slug(of.lower())}-{start}"
        if iri in terms:
            raise ValueError(f"kb_terms.tsv: duplicate term {iri}")
        terms[iri] = Term(iri, person_iri[holder], ROLES[role], of_iri, start, end or None)

    for node in nodes.values():
        node.tidy()
    return sorted(nodes.values(), key=lambda n: n.iri), sorted(terms.values(), key=lambda t: t.iri), versions


def _lit(text: str) -> str:
    esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{esc}"@ru'


def _ref(iri: str) -> str:
    return f"<{iri}>"


def _block(subject: str, pairs: list[tuple[str, list[str]]]) -> str:
    lines = []
    pairs = [(p, objs) for p, objs in pairs if objs]
    for i, (pred, objs) in enumerate(pairs):
        head = f"{subject} " if i == 0 else "    "
        end = " ." if i == len(pairs) - 1 else " ;"
        lines.append(f"{head}{pred} {', '.join(objs)}{end}")
    return "\n".join(lines)


def render(nodes: list[Node], terms: list[Term], versions: dict[str, str]) -> str:
    """The Turtle text: a header, the prefixes, then one block per subject in sorted order."""
    made_from = ", ".join(f"{k} {v}" for k, v in sorted(versions.items()))
    out = [
        "# Reference knowledge base of kgraph. GENERATED by scripts/build_kb.py: do not edit by hand;",
        "# edit kgraph/lexicon/kb_*.tsv and rerun the script.",
        f"# Built from: {made_from}",
        "# A term covers kg:start <= day < kg:end (kg:end is the day the office passed on); no kg:end: in office.",
        "# A person's or organization's state is kg:country; a city's is schema:containedInPlace.",
        "",
    ]
    out += [f"@prefix {p}: <{iri}> ." for p, iri in sorted(PREFIXES.items())]
    out.append("")
    sections = [("kg:Country", "Countries (ISO 3166-1, names from pycountry)"), ("kg:City", "Cities"),
                ("kg:Organization", "Organizations"), ("kg:Person", "People")]
    for typ, title in sections:
        out.append(f"# --- {title}")
        out.append("")
        for n in (n for n in nodes if n.type == typ):
            out.append(_block(_ref(n.iri), [
                ("a", [typ]),
                ("rdfs:label", [_lit(n.label)]),
                ("skos:altLabel", sorted(_lit(a) for a in n.alt)),
                ("kg:shortName", sorted(_lit(s) for s in n.short)),
                ("kg:adjective", sorted(_lit(a) for a in n.adjectives)),
                ("kg:iso2", [f'"{n.iso2}"'] if n.iso2 else []),
                # kg:country is for agents (its domain is kg:Agent); a city is schema:containedInPlace its country
                ("kg:country", [_ref(n.country)] if n.country and typ != "kg:City" else []),
                ("schema:containedInPlace", [_ref(n.country)] if n.country and typ == "kg:City" else []),
                ("owl:sameAs", [_ref(WD + n.qid)] if n.qid else []),
            ]))
            out.append("")
    out.append("# --- Terms of office")
    out.append("")
    for t in terms:
        out.append(_block(_ref(t.iri), [
            ("a", ["kg:Term"]),
            ("kg:holder", [_ref(t.holder)]),
            ("kg:role", [t.role]),
            ("kg:ofCountry", [_ref(t.of)]),
            ("kg:start", [f'"{t.start}"^^xsd:date']),
            ("kg:end", [f'"{t.end}"^^xsd:date'] if t.end else []),
        ]))
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the Turtle (default: ontology/kb.ttl)")
    args = ap.parse_args(argv)
    nodes, terms, versions = build()
    text = render(nodes, terms, versions)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    counts: dict[str, int] = {}
    for n in nodes:
        counts[n.type] = counts.get(n.type, 0) + 1
    summary = ", ".join(f"{k.split(':')[1]}: {v}" for k, v in sorted(counts.items()))
    print(f"wrote {args.out}: {summary}, Term: {len(terms)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
