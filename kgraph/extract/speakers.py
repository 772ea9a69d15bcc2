"""Who speaks: the person an attribution names, a role, or "он" resolved to a person.

natasha often hangs a subject on the wrong verb ("«...», – сказал в беседе с
корреспондентом лидер ДПНИ Александр Белов"; two coordinated clauses swap their
subjects), so :meth:`Speakers.of_verb` tries, in order: the verb's own subject in its
clause, the nominative name right before the verb, the subject of the verb it is
coordinated with, a nominative name, pronoun or role after it, and the author of a
document it speaks in ("В послании Президента говорится"). A role with no name
("премьер", "чиновник") is the person last named as a subject nearby; anonymous
sources ("сказал источник", "эксперты считают", "СМИ") give no speaker.
"""

from __future__ import annotations

from ..entities.roles import role_phrase
from ..lexicons import mapping, words
from ..model import Entity, EntityType
from ..nlp import DocToken, lemma
from .context import Context
from .quotes import paragraph_bounds
from .sentence import Sentence

__all__ = ["Speakers"]

SPEAKER_TYPES = (EntityType.PER, EntityType.ORG)
# the words that end the stretch after a verb where an inverted subject may stand
STRETCH_END = {":", ",", "что", "чтобы"}


class Speakers:
    """The speakers of one article's attributions."""

    def __init__(self, context: Context) -> None:
        self.context = context

    def of_verb(self, sentence: Sentence, verb: DocToken) -> Entity | None:
        """The speaker of a speech verb: "Песков сказал", "- сказал пресс-секретарь Кремля",
        "- добавил он", "Суареш сообщил: «...»" (natasha hangs the name elsewhere),
        "Саакашвили объявил ..., однако Гачечиладзе назвал ..." (a conjunct's own subject)."""
        subject, conjunct = _subject(sentence, verb), _conjunct_subject(sentence, verb)
        return (
            (self.of_phrase(sentence, subject) if subject is not None else None)
            or self._named_before(sentence, verb)
            or (self.of_phrase(sentence, conjunct) if conjunct is not None else None)
            or self.after(sentence, verb)
            or self.of_document(sentence, verb)
        )

    def coordinated(self, sentence: Sentence, verb: DocToken) -> list[Entity]:
        """The speakers a plural verb's subject coordinates: "Анна Лис и посол Пётр Гай
        сообщили" -> both. Empty for a singular verb or a subject with no conjunct."""
        subject = _subject(sentence, verb)
        if subject is None or verb.feats.get("Number") != "Plur":
            return []
        # conjuncts hang on the subject or on its name: "ведущие Ирена Понарошку, Юра Пашков и Марика"
        heads = sorted(sentence.below(subject, ("conj", "appos")), key=lambda t: t.start)
        people = []
        for head in heads:  # each conjunct names its person itself, not by a role resolved elsewhere
            found = self.of_phrase(sentence, head)
            span = sentence.subtree(head)
            if (
                found is not None
                and found.type == EntityType.PER
                and any(self.context.entities.at(t.start, t.stop) == found for t in span)
            ):
                people.append(found)
        people = list(dict.fromkeys(people))
        return people if len(people) > 1 else []

    def of_document(self, sentence: Sentence, verb: DocToken) -> Entity | None:
        """The author of a document the verb speaks in: "В послании Президента говорится",
        "В заявлении МИД сказано"; with no author named, the person last named as a subject."""
        for child in sentence.children.get(verb.id, ()):
            if child.rel == "obl" and lemma(child) in words("documents.tsv"):
                for token in sentence.subtree(child):
                    entity = self.context.entities.at(token.start, token.stop)
                    if entity is not None and entity.type in SPEAKER_TYPES:
                        return entity
                    if token.id != child.id and token.pos in ("NOUN", "PROPN"):
                        found = self.context.entities.by_role(role_phrase(sentence.tokens, token))
                        if found is not None:
                            return found
                return self.before(child.start, nominative=True)
        return None

    def _named_before(self, sentence: Sentence, verb: DocToken) -> Entity | None:
        """The nominative person nearest before the verb in its clause: "... Хуан Суареш сообщил"."""
        index = sentence.index_of(verb)
        for token in reversed(sentence.tokens[:index]):
            if token.text in ',;:«»"' or token.feats.get("VerbForm") == "Fin":
                return None
            entity = self.context.entities.at(token.start, token.stop)
            if entity is not None and entity.type == EntityType.PER and _nominative(token):
                return entity
        return None

    def of_phrase(self, sentence: Sentence, head: DocToken) -> Entity | None:
        """The entity a noun phrase names: a person in it, a pronoun, a role ("президент РФ",
        "глава Минсвязи"), else an organization: "МИД России"."""
        # the head's own name first ("пресс-секретарь Путина Дмитрий Песков" is Песков, not the
        # genitive's Путин), then nearest the head: natasha's flat:name arcs stray into the next clause
        names = _names_of(sentence, head)
        tokens = sorted(sentence.subtree(head), key=lambda t: (t.id not in names, abs(t.start - head.start)))
        entities = [self.context.entities.at(t.start, t.stop) for t in tokens]
        own = self.context.entities.at(head.start, head.stop)
        people = [e for e in entities if e is not None and e.type == EntityType.PER]
        if people and (own is not None or head.feats.get("Animacy") != "Inan"):
            return people[0]  # not "пресс-служба Кадырова": a body speaks, not the person
        if own is not None:
            return own if own.type in SPEAKER_TYPES and not _anonymous(own) else None
        if people:
            return None
        word = lemma(head)
        if word in mapping("pronoun_gender.tsv"):
            return self.before(head.start, mapping("pronoun_gender.tsv")[word])
        if head.pos in ("NOUN", "PROPN"):  # "Президент России" is often PROPN
            found = self.of_role(sentence, head)
            if found is not None:
                return found
        return next((e for e in entities if e is not None and e.type == EntityType.ORG), None)

    def of_role(self, sentence: Sentence, head: DocToken) -> Entity | None:
        """The person a role noun names: "президент РФ" by the article's or the KB's roles,
        else "премьер", "чиновник", "представитель Philips" as the person last named as a
        subject before the sentence (not one its content names: "Джексон совершил переворот,
        считает маэстро"), in this paragraph or the one before. Anonymous and plural nouns ("источник",
        "эксперты") name nobody."""
        found = self.context.entities.by_role(role_phrase(sentence.tokens, head))
        if found is not None:
            return found
        if (
            head.feats.get("Animacy") != "Anim"
            or head.feats.get("Number") == "Plur"
            or lemma(head) in words("anonymous.tsv")
        ):
            return None
        earlier = _previous_paragraph_start(self.context.article.text, head.start)
        person = self.before(sentence.start, nominative=True)
        if person is None or not any(earlier <= m.start < sentence.start for m in person.mentions):
            return None
        if self.context.entities.serves(role_phrase(sentence.tokens, head), person):  # "пресс-секретарь мэра"
            return None
        return person

    def after(self, sentence: Sentence, verb: DocToken) -> Entity | None:
        """A nominative name, pronoun or role right after the verb: "- уточнил Белов"."""
        index = sentence.index_of(verb)
        for token in sentence.tokens[index + 1 :]:
            if token.text in STRETCH_END or lemma(token) in STRETCH_END:
                break
            if not _nominative(token) or token.pos not in ("PROPN", "NOUN", "PRON"):
                continue
            entity = self.context.entities.at(token.start, token.stop)
            if entity is not None and entity.type in SPEAKER_TYPES:
                return None if _anonymous(entity) else entity
            word = lemma(token)
            if word in mapping("pronoun_gender.tsv"):
                return self.before(token.start, mapping("pronoun_gender.tsv")[word])
            if token.pos in ("NOUN", "PROPN") and token.head_id in (verb.id, verb.head_id):
                return self.of_role(sentence, token)
        return None

    def before(self, position: int, gender: str | None = None, nominative: bool = False) -> Entity | None:
        """Whom "он"/"она" or a bare role at a position means (:meth:`.Context.antecedent` in its
        speech reading); ``nominative``: a person named as a subject only."""
        return self.context.antecedent(position, 0, gender, speech=True, subject_only=nominative)

    def in_span(self, sentence: Sentence, start: int, stop: int, any_case: bool = False) -> Entity | None:
        """The first nominative person (else organization) named in [start, stop) of a sentence."""
        for wanted in SPEAKER_TYPES:
            for token in sentence.tokens:
                if token.start < start or token.stop > stop or not (any_case or _nominative(token)):
                    continue
                entity = self.context.entities.at(token.start, token.stop)
                if entity is not None and entity.type == wanted:
                    return entity
        return None


def _names_of(sentence: Sentence, head: DocToken) -> set[str]:
    """The ids of the head and the tokens that name it: its appositions and their name parts."""
    names, stack = {head.id}, [head]
    while stack:
        for child in sentence.children.get(stack.pop().id, ()):
            if child.rel in ("appos", "flat:name", "flat") and child.id not in names:
                names.add(child.id)
                stack.append(child)
    return names


def _previous_paragraph_start(text: str, position: int) -> int:
    """Where the paragraph before the one holding a position starts (blank lines skipped)."""
    start = paragraph_bounds(text, position)[0]
    before = text[:start].rstrip()
    return paragraph_bounds(text, len(before) - 1)[0] if before else 0


def _anonymous(entity: Entity) -> bool:
    """ "СМИ", "источники": a name that names no one in particular."""
    return entity.name.lower() in words("anonymous.tsv")


def _nominative(token: DocToken) -> bool:
    return token.feats.get("Case", "Nom") == "Nom"


def _subject(sentence: Sentence, verb: DocToken) -> DocToken | None:
    """The verb's own nsubj; of several (natasha joins a headline to the lead), the nearest noun.

    A subject in another clause (a finite verb, or a comma after the verb, between them) is not
    the verb's: natasha swaps them in "Президент ... объявил ..., однако лидер ... назвал ...".
    """
    subjects = [
        c
        for c in sentence.children.get(verb.id, ())
        if c.rel in ("nsubj", "nsubj:pass") and not _verb_between(sentence, c, verb)
    ]
    if not subjects:
        return None
    return min(subjects, key=lambda c: (c.pos not in ("NOUN", "PROPN", "PRON"), abs(c.start - verb.start)))


def _verb_between(sentence: Sentence, subject: DocToken, verb: DocToken) -> bool:
    """Another clause between: a finite verb, or a comma before a subject after the verb."""
    low, high = sorted((subject.start, verb.start))
    between = [t for t in sentence.tokens if low < t.start < high]
    return any(t.feats.get("VerbForm") == "Fin" and not _inserted(sentence, t, low, high) for t in between) or (
        subject.start > verb.start and any(t.text == "," for t in between)
    )


def _inserted(sentence: Sentence, verb: DocToken, low: int, high: int) -> bool:
    """A clause set into another between two of its words: "Кудрин, которого цитирует ТАСС,
    заявил", "Путин, как сообщало ТАСС, заявил"."""
    return verb.rel in ("acl:relcl", "parataxis", "advcl") and all(low < t.start < high for t in sentence.subtree(verb))


def _conjunct_subject(sentence: Sentence, verb: DocToken) -> DocToken | None:
    """The subject of the verb a conjunct or adverbial clause hangs on: "заявил и добавил", "заявил, отметив"."""
    if verb.rel not in ("conj", "advcl"):
        return None
    head = sentence.head(verb)
    return _subject(sentence, head) if head is not None else None
