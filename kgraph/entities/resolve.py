"""From natasha's NER spans to the article's entities under canonical names.

Within one article the mentions of a person are grouped (:mod:`.people`) and the
group is named by its fullest form, in the nominative (:mod:`.nominative`):
"Путин", "Владимир Путин", "В.Путин" are one entity "Владимир Путин"; a person the
reference KB knows gets its name and Wikidata id. Places and organizations are grouped through the
reference KB: "КНР" and "Китай" are one entity, named "Китай" when the article
says "Китай" somewhere, else as written ("КНР").
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date as Date

from ..kb import KBEntity, KnowledgeBase, load_kb
from ..lexicons import table, words
from ..model import Article, Entity, EntityType, Mention, entity_key
from ..needs import Need
from ..nlp import Doc, DocSpan, normal
from .names import INITIAL, clean_person_name, fold, is_initialed, natural_order
from .namewords import name_tokens
from .nominative import nominative_words
from .people import PersonForm, canonical_person, group_people
from .roles import harvest_roles

__all__ = ["PARSE_NEED", "EntityIndex", "known_person", "person_form", "resolve_entities"]

# names read with their syntax (kgraph.needs): a person's role phrase and apposition, the
# words of an organization's name; a title that names somebody article-wide
PARSE_NEED = Need(lexicons=("roles.tsv",), spans=(EntityType.PER, EntityType.ORG))


@dataclass
class EntityIndex:
    """The article's entities and where in its text each is mentioned."""

    entities: list[Entity] = field(default_factory=list)
    spans: list[tuple[int, int, Entity]] = field(default_factory=list)  # sorted by start
    roles: dict[tuple[str, ...], Entity] = field(default_factory=dict)  # ("президент", "рф") -> Путин
    titles: frozenset[str] = frozenset()  # the role nouns of ``roles``: "президент", "оппозиционер"
    # each harvested role's (title words, country, role noun) and person, for :meth:`introduced_as`
    signatures: list[tuple[tuple[frozenset[str], str | None, str | None], Entity]] = field(default_factory=list)
    kb: KnowledgeBase | None = None
    date: Date | None = None  # the article's date, for the KB's dated terms

    def within(self, start: int, stop: int, type: str | None = None) -> list[tuple[int, int, Entity]]:
        """Mentions lying inside the character range [start, stop)."""
        first = bisect_left(self.spans, start, key=lambda s: s[0])
        out = []
        for span in self.spans[first:]:
            if span[0] >= stop:
                break
            if span[1] <= stop and (type is None or span[2].type == type):
                out.append(span)
        return out

    def at(self, start: int, stop: int) -> Entity | None:
        """The entity mentioned at a token's range, if any."""
        first = bisect_left(self.spans, start + 1, key=lambda s: s[0])
        for span in reversed(self.spans[max(0, first - 3) : first]):
            if span[0] <= start and stop <= span[1]:
                return span[2]
        return None

    def by_role(self, phrase: tuple[str, ...]) -> Entity | None:
        """The person a role phrase names in this article, else in the reference KB.

        ("президент", "рф") -> the entity introduced as "Президент РФ Владимир
        Путин"; then the KB's holder of the office on the article's day (undated: the
        holder the article names, else today's); then the one person the article introduced with a title the phrase fits
        (:meth:`introduced_as`: "премьер" for "Премьер-министр Греции Алексис Ципрас").
        A look-up only: a person only the KB knows is returned, not added to the index.
        """
        if phrase in self.roles:
            return self.roles[phrase]
        known = self.kb.resolve_role_phrase(phrase, self.date) if self.kb else None
        if known is None:
            return self.introduced_as(phrase)
        if self.date is None and self.kb is not None:  # an undated article: the holder it names, else today's
            named = {e.wikidata or e.name for e in self.entities if e.type == EntityType.PER}
            known = next((h for h in self.kb.role_holders(phrase) if (h.wikidata or h.name) in named), known)
        for entity in self.entities:
            if (entity.wikidata and entity.wikidata == known.wikidata) or entity.name == known.name:
                return entity
        return _from_kb(known)

    def introduced_as(self, phrase: tuple[str, ...]) -> Entity | None:
        """The one person the article introduced with a title the phrase fits, and no other country.

        Tried in turn, each must name one person: the same title words ("президент Франции"
        for "Президент Николя Саркози"), the phrase's title words among the introduced ones
        ("министр" for "министр спорта России Виталий Мутко"), a title of the same office
        in ``lexicon/roles.tsv`` ("премьер" for "премьер-министр", "глава польской
        дипломатии" for "глава МИД Польши").
        """
        titles, country, head = self._signature(phrase)
        if not titles:
            return None
        introduced = [((t, h), e) for (t, c, h), e in self.signatures if c is None or country is None or c == country]
        office = _office(titles)
        for fits in (
            lambda t, h: t == titles,
            lambda t, h: h == head and titles <= t,  # its head, not "мэр" of "пресс-секретарь мэра"
            lambda t, h: office is not None and _office(t) == office,
        ):
            found = {entity for (other, other_head), entity in introduced if fits(other, other_head)}
            if len(found) == 1:
                return found.pop()
            if found:
                return None
        return None

    def serves(self, phrase: tuple[str, ...], entity: Entity) -> bool:
        """Whether a role phrase names someone serving a person rather than the person: the head of
        the title the article introduced the person with sits below the phrase's own head.

        "пресс-секретарь мэра" after "Мэр Москвы Сергей Собянин" serves Собянин, it is not him.
        """
        titles, _, head = self._signature(phrase)
        return any(
            other is entity and own is not None and own != head and own in titles
            for (_, _, own), other in self.signatures
        )

    def _signature(self, phrase: tuple[str, ...]) -> tuple[frozenset[str], str | None, str | None]:
        """A role phrase's title words, its country and its first title word (the role noun):
        ("российский", "министр", "оборона") -> ({"министр", "оборона"}, Россия's IRI, "министр")."""
        titles, country, head = set(), None, None
        for word in phrase:
            known = (self.kb.country_of_adjective(word) or self.kb.find(word, EntityType.LOC)) if self.kb else None
            if known is not None:
                country = known.iri
            elif word not in words("role_modifiers.tsv"):
                titles.add(word)
                head = head or word
        return frozenset(titles), country, head

    def country_of(self, phrase: tuple[str, ...]) -> str | None:
        """The KB IRI of the country a role phrase names: its first word that is a country's
        adjective, or names a country or a place or organization the KB puts in one.

        ("президент", "франция") and ("иранский", "министр") name Франция and Иран; ("мэр",
        "москва") names Россия; ("посол", "сша", "россия") the first, США; ("генсек", "оон")
        none. Unlike :meth:`_signature`, the first country counts, not the last, and only a
        country: the people the ambassador represents, not where he serves (the phrases of
        :func:`_with_countries` leave "в России" out already).
        """
        if self.kb is None:
            return None
        for word in phrase:
            known = self.kb.country_of_adjective(word) or self.kb.find(word)
            if known is not None and known.type != EntityType.PER and known.country:
                return known.country
        return None

    def person(self, name: str) -> Entity | None:
        """The article's person a name such as "В.Путин" or "Путин" stands for, else the KB's.

        The article's person of that surname (and initial) comes first; a person only the
        KB knows is returned, not added to the article's entities.
        """
        form = PersonForm(clean_person_name(name), True, -1)
        if not form.words:
            return None
        for entity in self.entities:
            if entity.type != EntityType.PER:
                continue
            other = PersonForm(entity.name, True, -1)
            if other.surname == form.surname and (form.kind != "initialed" or other.first[:1] == form.first[:1]):
                return entity
        known = known_person(form.form, self.kb) if self.kb else None
        return _from_kb(known) if known is not None else None


def _office(titles: frozenset[str]) -> str | None:
    """The office a title names by ``lexicon/roles.tsv``: {"премьер"} and {"председатель",
    "правительство"} -> "head_of_government"; None for a title the table does not hold."""
    for row in table("roles.tsv"):
        if len(row) > 1 and row[1] not in ("-", "+") and frozenset(row[0].split()) == titles:
            return row[1]
    return None


def _from_kb(known: KBEntity) -> Entity:
    """The KB's person as an entity the article does not name: it has no mentions."""
    return Entity(
        key=entity_key(EntityType.PER, known.name, known.wikidata),
        name=known.name,
        type=EntityType.PER,
        wikidata=known.wikidata,
    )


def _sentence_of(doc: Doc) -> list[int]:
    return [sent.start for sent in doc.sents]


def resolve_entities(doc: Doc, article: Article | None = None, kb: KnowledgeBase | None = None) -> EntityIndex:
    """The article's entities: natasha's PER/LOC/ORG spans grouped and named.

    "Президент РФ Владимир Путин ... Путин" -> one Entity("Владимир Путин").
    """
    kb = kb or load_kb()
    starts = _sentence_of(doc)

    def is_place(word: str) -> bool:
        known = kb.find(word)
        return known is not None and known.type != EntityType.PER

    groups: dict[tuple[str, str], list] = defaultdict(list)
    kb_of: dict[tuple[str, str], KBEntity] = {}
    people: list[tuple[DocSpan, PersonForm]] = []
    for span in doc.spans:
        if span.type == EntityType.PER:
            form = person_form(span, doc.text, is_place)
            if form.form:
                people.append((span, form))
            continue
        written = normal(span)
        known = kb.find(written) or kb.find(span.text)
        key = (span.type, known.iri if known else fold(written))
        if known:
            kb_of[key] = known
        if key[1]:
            groups[key].append((span, written))

    index = EntityIndex()

    def add(type: str, name: str, known, members: list) -> None:
        mentions = tuple(
            Mention(text, start, stop, bisect_left(starts, start + 1) - 1) for text, start, stop in members
        )
        wikidata = known.wikidata if known else None
        entity = Entity(
            key=entity_key(type, name, wikidata), name=name, type=type, wikidata=wikidata, mentions=mentions
        )
        index.entities.append(entity)
        for mention in mentions:
            index.spans.append((mention.start, mention.stop, entity))

    for group in group_people([form for _, form in people]):
        forms = [people[i][1] for i in group]
        name = canonical_person(forms)
        known = known_person(name, kb)
        add(
            EntityType.PER,
            known.name if known else name,
            known,
            [_named_part(people[i][0], doc.text, is_place) for i in group],
        )
    for key, members in groups.items():
        spellings: list[str] = [written for _, written in members]
        known = kb_of.get(key)
        if known and any(fold(f) == fold(known.name) for f in spellings):
            name = known.name
        else:
            name = max(set(spellings), key=lambda f: (spellings.count(f), -spellings.index(f)))
        add(key[0], name, known, [(span.text, span.start, span.stop) for span, _ in members])
    index.spans.sort(key=lambda s: (s[0], s[1]))
    index.roles = harvest_roles(doc, index.spans)
    index.kb = kb
    _with_countries(index, harvest_roles(doc, index.spans, _COUNTRY_HEADS, places=False))
    index.signatures = [(index._signature(phrase), entity) for phrase, entity in index.roles.items()]
    index.titles = frozenset(head for (_, _, head), _ in index.signatures if head)
    index.date = article.date if article else None
    return index


#: the parts of speech of a role noun whose phrase may give a person's country: kremlin.ru's
#: capitalized titles ("Посол Ирана в России Казем Джалали") are often tagged PROPN
_COUNTRY_HEADS = frozenset({"NOUN", "PROPN"})


def _with_countries(index: EntityIndex, roles: dict) -> None:
    """Give each person the article introduced with a role phrase that names a country
    ("Президент Франции Эмманюэль Макрон") that country (:meth:`EntityIndex.country_of`), the
    first such phrase's of ``roles`` (role phrase -> entity); the index's entities, spans and
    roles are replaced by those copies."""
    copies: dict[int, Entity] = {}
    for phrase, entity in roles.items():
        if id(entity) not in copies and (country := index.country_of(phrase)):
            copies[id(entity)] = replace(entity, country=country)
    if not copies:
        return
    index.entities = [copies.get(id(e), e) for e in index.entities]
    index.spans = [(start, stop, copies.get(id(e), e)) for start, stop, e in index.spans]
    index.roles = {phrase: copies.get(id(e), e) for phrase, e in index.roles.items()}


def person_form(span: DocSpan, text: str | None = None, is_place: Callable[[str], bool] | None = None) -> PersonForm:
    """A PER span's name in the nominative, cleaned, and whether the text wrote it so.

    "Нарендрой Моди" (natasha leaves it) -> "Нарендра Моди"; "Джоэл Саймон (Joel Simon)"
    -> "Джоэл Саймон"; "Кирилл Кирилл" -> "Кирилл". Given the article's ``text``, only the
    span's name words count (:func:`.namewords.name_tokens`): "Племянник Алишера Усманова" ->
    "Алишер Усманов"; a span that names nobody ("Оппозиционер", "Вами") gives an empty form.
    """
    tokens = list(span.tokens) if text is None else name_tokens(span.tokens, text, is_place)
    if not tokens:
        return PersonForm("", False, span.start)
    if len(tokens) == len(span.tokens):
        words, start = normal(span).split(), span.start
        written = clean_person_name(" ".join(span.text.split()))
    else:  # name_tokens dropped some words, so the text was given
        assert text is not None
        start = tokens[0].start
        written = clean_person_name(" ".join(text[start : tokens[-1].stop].split()))
        words = written.split()
    if _initial_in_nominative(tokens):  # "Как сказала Н.Орлова": natasha's normal form would be "Н.Орлов"
        form = natural_order(written)
        return PersonForm(form, True, start, tokens[0].feats.get("Gender"))
    feats = {token.text: token.feats for token in tokens}
    # the words of a name agree in case: "Патрисом Талоном" where natasha calls "Талоном" nominative
    oblique = {t.feats["Case"] for t in tokens if t.feats.get("Case", "Nom") != "Nom"}
    agreed = "Ins" if oblique == {"Ins"} else "Nom"  # the instrumental's endings are a name's own
    cases = [_case(feats[w].get("Case"), agreed) if w in feats else "Nom" for w in words]
    fixed = nominative_words(words, cases, [feats[w].get("Gender") if w in feats else None for w in words])
    form = natural_order(clean_person_name(" ".join(fixed)))
    nominative = all(token.feats.get("Case", "Nom") == "Nom" for token in tokens)
    return PersonForm(form, nominative and form == written, start, tokens[-1].feats.get("Gender"))


def _initial_in_nominative(tokens: list) -> bool:
    """An initial heads the name and is a nominative subject: "Н.Орлова" of "сказала Н.Орлова"; the
    surname natasha tags in the genitive is nominative then."""
    return (
        len(tokens) > 2
        and len(tokens[0].text) == 1
        and tokens[0].text.isupper()
        and tokens[1].text == "."
        and tokens[0].feats.get("Case") == "Nom"
        and tokens[0].rel in ("nsubj", "nsubj:pass")
    )


def _named_part(span: DocSpan, text: str, is_place: Callable[[str], bool]) -> tuple[str, int, int]:
    """(text, start, stop) of the part of a PER span that names the person."""
    tokens = name_tokens(span.tokens, text, is_place)
    if len(tokens) == len(span.tokens):
        return span.text, span.start, span.stop
    return text[tokens[0].start : tokens[-1].stop], tokens[0].start, tokens[-1].stop


def _case(case: str | None, agreed: str) -> str:
    return agreed if case in (None, "Nom") else case


def known_person(name: str, kb: KnowledgeBase) -> KBEntity | None:
    """The KB's person for an article's name: by full name; by first name and surname when the
    KB's name has a middle name the article left out ("Реджеп Эрдоган" -> Реджеп Тайип Эрдоган);
    or a surname (with initials) the KB gives one person: "В.Путин" -> Владимир Путин.

    >>> kb = load_kb()
    >>> known_person("Реджеп Эрдоган", kb).name, known_person("В.Путин", kb).name
    ('Реджеп Тайип Эрдоган', 'Владимир Путин')
    >>> known_person("Мехмет Эрдоган", kb) is None
    True
    """
    known = kb.find(name, EntityType.PER)
    words = name.split()
    if known is None and len(words) == 2 and not is_initialed(name):
        by_surname = kb.find(words[-1], EntityType.PER)
        if by_surname is not None and len(by_surname.name.split()) > 2:
            first, *_, last = by_surname.name.split()
            if fold(first) == fold(words[0]) and fold(last) == fold(words[-1]):
                return by_surname
    if known is not None or (len(words) > 1 and not is_initialed(name)):
        return known
    surname = INITIAL.sub("", name).strip()
    known = kb.find(surname, EntityType.PER)
    if known is not None and is_initialed(name) and fold(known.name)[:1] != fold(name)[:1]:
        return None
    return known
