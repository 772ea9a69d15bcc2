"""What every extractor asks of a sentence: the article around it, status, date.

Status words live in ``lexicon/status.tsv``; a future-tense clause verb makes
an event planned ("Путин посетит Китай"), a "не" on the trigger or its verb
negates it ("встреча не состоится"), and an event dated after its article has
not occurred yet. Who takes part is :mod:`kgraph.extract.people`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache, cached_property

from ..entities.resolve import EntityIndex
from ..entities.roles import publisher_principal
from ..lexicons import mapping, words
from ..model import Article, Entity, EntityType
from ..needs import Need
from ..nlp import DocToken, lemma
from .dates import find_dates, nearest_date
from .quotes import inside, quote_regions
from .sentence import Sentence
from .turns import TurnMark, turn_marks

__all__ = [
    "PARSE_NEED",
    "Context",
    "NamedPerson",
    "date_of",
    "entity_of",
    "is_framed",
    "status_and_date",
    "status_of",
]

# mentions resolved across sentences (kgraph.needs): pronouns, "который", group and kin
# words, titles of a host or a head of a group, people named by NER
PARSE_NEED = Need(
    lexicons=(
        "pronoun_gender.tsv",
        "relative.tsv",
        "group_references.tsv",
        "first_person.tsv",
        "kinship.tsv",
        "host_titles.tsv",
        "group_heads.tsv",
    ),
    spans=(EntityType.PER,),
)


#: how many sentences back a pronoun looks for the person it refers to
REFERENCE_WINDOW = 2


@dataclass(frozen=True)
class NamedPerson:
    """One mention of a person: where, in which sentence, who, whether as a subject, the gender."""

    start: int
    sentence: int
    entity: Entity
    subject: bool
    gender: str | None
    quoted: bool = False  # in words reported (a quotation, a "что"-clause), not an attribution: no speaker


@dataclass
class Context:
    """The article, its entities and its sentences, shared by the extractors.

    What every extractor may ask of the whole article is worked out once, on first
    use: the publisher's principal (:attr:`host`), the quotation regions (:attr:`quotes`)
    and the transcript's turn marks (:attr:`turns`).
    """

    article: Article
    entities: EntityIndex
    sentences: list[Sentence]

    @cached_property
    def host(self) -> Entity | None:
        """The publisher's principal, whom its news names by title only (``lexicon/publishers.tsv``):
        on kremlin.ru the head of state of Russia on the article's date."""
        return publisher_principal(self.article, self.entities)

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """The article's quotation regions (:func:`.quotes.quote_regions`)."""
        return quote_regions(self.article.text)

    @cached_property
    def turns(self) -> list[TurnMark]:
        """The transcript's turn marks ("В.Путин: ..."), in text order."""
        return turn_marks(self.article.text, self.entities)

    @cached_property
    def named_people(self) -> list[NamedPerson]:
        """Each mention of a person, in text order, with its sentence, case and gender, and
        whether it stands inside a quotation (not as its attribution: "— пояснила Алла Бут. —")."""
        out, last = [], None
        speech = words("speech.tsv")
        for sentence in self.sentences:
            for token in sentence.tokens:
                entity = entity_of(token, self)
                if entity is None or entity.type != EntityType.PER:
                    last = None
                    continue
                head = sentence.head(token)
                attribution = head is not None and lemma(head) in speech
                if entity is not last:  # a mention's first word: "Ангела" of "Ангела Меркель"
                    subject = token.feats.get("Case", "Nom") == "Nom" or token.rel in ("nsubj", "nsubj:pass")
                    quoted = inside(self.quotes, token.start) or _reported(sentence, token, speech)
                    out.append(
                        NamedPerson(
                            token.start,
                            sentence.index,
                            entity,
                            subject,
                            token.feats.get("Gender"),
                            quoted and not attribution,
                        )
                    )
                elif attribution and out[-1].quoted:
                    out[-1] = replace(out[-1], quoted=False)
                last = entity
        return out

    @cached_property
    def _named_starts(self) -> list[int]:
        return [n.start for n in self.named_people]

    def antecedent(
        self,
        position: int,
        sentence: int,
        gender: str | None,
        own: bool = True,
        *,
        speech: bool = False,
        subject_only: bool = True,
    ) -> Entity | None:
        """Whom "он"/"она" at a position means: the last person of that gender named as a
        subject before it, in its sentence (unless ``own`` is False) or the two before; else nobody.

        ``speech``: the speaker an attribution means ("..., считает она", "премьер заявил"):
        named anywhere before, not inside a quotation; with no subject of the gender, the last
        person of it named (unless ``subject_only``); with no one of the gender, the last
        subject of any ("Бенедикт Бернер ... считает она": a foreign name's gender is a guess).
        """
        earlier = self.named_people[: bisect_left(self._named_starts, position)]
        last = None
        for named in reversed(earlier):
            if speech:
                if named.quoted:
                    continue
            elif named.sentence < sentence - REFERENCE_WINDOW:
                break
            elif named.sentence == sentence and not own:
                continue
            if gender is not None and named.gender not in (None, gender):
                continue
            if named.subject:
                return named.entity
            last = last or named.entity
        if not speech:
            return None
        if last is None and gender:
            return next((n.entity for n in reversed(earlier) if n.subject and not n.quoted), None)
        return None if subject_only else last

    def speaker_at(self, position: int) -> Entity | None:
        """Who speaks at a position of a transcript: the person of the last turn mark before it."""
        index = bisect_right([mark.begin for mark in self.turns], position) - 1
        return self.turns[index].speaker if index >= 0 else None


def _reported(sentence: Sentence, token: DocToken, speech: frozenset[str]) -> bool:
    """Is the token inside what a speech verb reports: "ЦТАК сообщило, что Бэ Чжун Хо признался"?"""
    node = token
    for head in sentence.ancestors(token):
        if node.rel == "ccomp" and lemma(head) in speech:
            return True
        node = head
    return False


def entity_of(token: DocToken, context: Context) -> Entity | None:
    """The entity a token's text belongs to, if any."""
    return context.entities.at(token.start, token.stop)


# children that start a clause of their own: "принял ... и предложил ему" is not a proposal to meet;
# an adverbial clause has its own status: "прибыл в Италию, когда никто не мог въехать" occurred
OTHER_CLAUSE_RELS = {"conj", "parataxis", "acl:relcl", "ccomp", "csubj", "advcl"}
# a verb below a trigger that says something of it: "запланированного визита", "будет встречаться"
MODIFIER_RELS = {"amod", "aux", "aux:pass", "cop"}
# a trigger below one of these arcs has a time of its own
OWN_CLAUSE_RELS = {"acl", "acl:relcl", "parataxis"}


def is_framed(sentence: Sentence, trigger: DocToken) -> bool:
    """Is the trigger inside "в ходе ...", "во время ...", "в рамках ..." (``lexicon/frames.tsv``)?"""
    frames = words("frames.tsv")
    head = sentence.head(trigger)
    if head is not None and head.pos == "NOUN" and lemma(head) in frames:
        return True
    for child in sentence.children.get(trigger.id, ()):
        if child.rel == "case":
            near = [child, *sentence.children.get(child.id, ())]
            if any(lemma(t) in frames for t in near):
                return True
    return False


@cache
def _phrases() -> dict[tuple[str, ...], str]:
    """The entries of ``status.tsv`` of several words, as lemma tuples: ("не", "исключать")."""
    return {tuple(entry.split()): status for entry, status in mapping("status.tsv").items() if " " in entry}


def _phrase_ending_at(sentence: Sentence, lemmas: list[str], index: int) -> str | None:
    """The status of a several-word entry whose last word is at ``index``; adjectives between
    its words do not count: "под (большим) вопросом"."""
    bare = [lemmas[k] for k in range(index + 1) if k == index or sentence.tokens[k].pos != "ADJ"]
    for entry, status in _phrases().items():
        if tuple(bare[-len(entry) :]) == entry:
            return status
    return None


def _on_the_eve(sentence: Sentence, trigger: DocToken) -> bool:
    """ "накануне визита", "в преддверии переговоров" (``lexicon/eve.tsv``): a
    trigger noun whose own preposition puts it after the clause's time; the preposition's
    noun in the case it governs ("Накануне итоги визита ... подвёл": the adverb)."""
    if trigger.pos != "NOUN":
        return False
    eve = mapping("eve.tsv")
    near = [(c, trigger) for c in sentence.children.get(trigger.id, ()) if c.rel == "case"]
    head = sentence.head(trigger)
    if head is not None and head.pos == "NOUN" and trigger.rel == "nmod":  # "в преддверии визита"
        near += [(head, trigger)] + [(c, head) for c in sentence.children.get(head.id, ()) if c.rel == "case"]
    return any(lemma(word) in eve and eve[lemma(word)] in ("-", noun.feats.get("Case")) for word, noun in near)


def _of_basis(sentence: Sentence, token: DocToken) -> bool:
    """Is the token a noun after a preposition of basis (``lexicon/basis.tsv``): "по приглашению"?"""
    return token.pos == "NOUN" and any(
        c.rel == "case" and lemma(c) in words("basis.tsv") for c in sentence.children.get(token.id, ())
    )


def status_of(sentence: Sentence, trigger: DocToken) -> str:
    """ "occurred", "planned", "negated" or "hypothetical" for a trigger word.

    "Путин и Си встретились" -> occurred; "Путин может встретиться с Трампом"
    -> hypothetical; "встреча не состоится" -> negated; "Путин посетит Китай"
    -> planned. A name is no status word ("Ли Вэй"), nor a noun of basis ("по приглашению").
    """
    if _on_the_eve(sentence, trigger):
        return "planned"
    verb = sentence.clause(trigger)
    scope = {trigger.id, verb.id}
    node = trigger
    for head in sentence.ancestors(trigger):
        if node.rel in OWN_CLAUSE_RELS:  # "Раиса, приехавшие в США": the participle's own time
            break
        if head.pos in ("VERB", "AUX", "ADJ"):
            scope.add(head.id)
        node = head
    words_scope = {trigger.id} if is_framed(sentence, trigger) else scope
    statuses = mapping("status.tsv")
    lemmas = sentence.lemmas()
    found = []
    for i, token in enumerate(sentence.tokens):
        if token.pos == "PROPN" or _of_basis(sentence, token):  # "Ли Вэй" is a name, not "ли"
            continue
        if token.id in words_scope or (
            token.head_id in words_scope
            and token.rel not in OTHER_CLAUSE_RELS
            and (token.pos != "VERB" or token.rel in MODIFIER_RELS)
        ):  # a verb below the trigger's predicate is an event of its own: "визит призван решить проблему"
            word = lemmas[i]
            if word == "не" and token.head_id in scope and tuple(lemmas[i : i + 2]) not in _phrases():
                return "negated"  # but "не исключает" is a phrase of its own
            if word in statuses:
                found.append(statuses[word])
            phrase = _phrase_ending_at(sentence, lemmas, i) if _phrases() else None
            if phrase:
                found.append(phrase)
    for token in sentence.tokens:  # "посетит"; "будет представлять" (the tagger calls "будет" present)
        tense = token.feats.get("Tense")
        if (token.id in scope and tense == "Fut") or (
            token.head_id in scope and token.rel == "aux" and lemma(token) == "быть" and tense in ("Fut", "Pres")
        ):
            found.append("planned")
    for status in ("negated", "hypothetical", "planned"):
        if status in found:
            return status
    return "occurred"


def date_of(sentence: Sentence, trigger: DocToken, article: Article, status: str) -> str | None:
    """The date the sentence gives the event at the trigger, else the article's.

    Only events that occurred fall back to the article's date; a planned event
    reads dates forward ("посетит Китай в марте" in a May article is next March).
    """
    spans = find_dates(sentence.text, article.date, future=status == "planned")
    spans = [s for s in spans if _same_clause(sentence, trigger, sentence.start + s.start)]
    span = nearest_date(spans, trigger.start - sentence.start)
    if span is not None:
        return span.value
    if status == "occurred" and article.date:
        return article.date.isoformat()
    return None


def _own_clause(sentence: Sentence, token: DocToken) -> DocToken | None:
    """The head of the relative or participle clause the token is in, if any."""
    for node in [token, *sentence.ancestors(token)]:
        if node.rel in OWN_CLAUSE_RELS:
            return node
    return None


def _same_clause(sentence: Sentence, trigger: DocToken, position: int) -> bool:
    """Does a date at ``position`` belong to the trigger's clause? "принял Додика, который
    накануне прибыл в Москву": "накануне" dates the arrival, not the reception."""
    token = next((t for t in sentence.tokens if t.start <= position < t.stop), None)
    if token is None:
        return True
    clause = _own_clause(sentence, token)
    return clause is None or clause.id in {t.id for t in [trigger, *sentence.ancestors(trigger)]}


def status_and_date(sentence: Sentence, trigger: DocToken, article: Article) -> tuple[str, str | None]:
    """The event's status and date; an event dated after the article has not occurred yet.

    "7 мая Владимир Путин провёдет переговоры" in a 6 May article -> ("planned", "2025-05-07")
    even where the tagger reads the verb as past.
    """
    status = status_of(sentence, trigger)
    date = date_of(sentence, trigger, article, status)
    if status == "occurred" and date and article.date and date > article.date.isoformat()[: len(date)]:
        status = "planned"
    return status, date
