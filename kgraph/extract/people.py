"""Who an event is about: the people a sentence names, its subject, the implied host.

- role nouns stand for people: "Главу государства сопровождали ..." (the host on
  kremlin.ru), "Глава Российского государства провёл встречу" (the reference KB);
- "я", "мой" in a transcript turn are its speaker ("В.Путин: ... в ходе моего визита");
- a subject natasha did not attach is read from the words beside the verb;
- names inside «quotes», after "вместо", in the genitive after a kinship noun, or of
  the one an attribution names ("..., сообщил Песков") are nobody's participants.
"""

from __future__ import annotations

from functools import cache

from ..entities.roles import role_phrase
from ..lexicons import mapping, table, words
from ..model import Entity, EntityType
from ..nlp import DocToken, lemma
from .context import REFERENCE_WINDOW, Context, entity_of
from .quotes import inside
from .sentence import Sentence

__all__ = [
    "FIRST_PERSON",
    "NAME_RELS",
    "host_of",
    "is_attribution",
    "is_subject",
    "named_after",
    "people_in_clause",
    "person_of_role",
    "persons_under",
    "subject_people",
    "turn_speaker",
]


def host_of(context: Context) -> Entity | None:
    """The publisher's principal, whom its news names by title only: :attr:`Context.host`."""
    return context.host


FIRST_PERSON = words("first_person.tsv")


def turn_speaker(context: Context, position: int) -> Entity | None:
    """Who speaks at a position of a transcript: the person of the last turn mark before it.

    In "В.Путин: ... Вместе с вами мы отмечали эту дату в ходе моего визита в Улан-Батор"
    "моего" is Владимир Путин. None outside transcripts.
    """
    return context.speaker_at(position)


@cache
def _titles() -> frozenset[str]:
    """Lemmas of the role titles the KB resolves ("президент", "секретарь") and of the host's."""
    titles = [row[0] for row in table("roles.tsv") if len(row) > 1 and row[1] not in ("-", "+")]
    titles += [row[0] for row in table("host_titles.tsv")]
    return frozenset(word for title in titles for word in title.split())


ARGUMENT_RELS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "conj", "root"}
NAME_RELS = {"appos", "flat:name", "flat"}
NSUBJ_RELS = {"nsubj", "nsubj:pass"}
RELATIVE = words("relative.tsv")


def person_of_role(sentence: Sentence, token: DocToken, context: Context) -> Entity | None:
    """The person a bare role noun in an argument position stands for.

    "Главу государства сопровождали ..." on kremlin.ru -> the host; "Глава Российского
    государства провёл встречу" -> Владимир Путин (reference KB). A role noun with a name
    beside it ("Президентом США Дональдом Трампом") or inside another noun phrase
    ("помощник Президента") stands for nobody here.
    """
    if token.rel not in ARGUMENT_RELS:
        return None
    return _role_person(sentence, token, context)


def _role_person(sentence: Sentence, token: DocToken, context: Context) -> Entity | None:
    """The person a role noun stands for: the host, the article's person of that role, the KB's.

    A title counts when the KB resolves it (``lexicon/roles.tsv``) or the article introduced
    somebody with it: "Оппозиционер Алексей Навальный ... Оппозиционер встретился с ...".
    """
    word = lemma(token)
    if (word not in _titles() and word not in context.entities.titles) or entity_of(token, context):
        return None
    for child in sentence.children.get(token.id, ()):
        if child.rel in NAME_RELS and entity_of(child, context) is not None:
            return None
    if token.feats.get("Number") == "Plur" or named_after(sentence, token, context):
        return None
    phrase = role_phrase(sentence.tokens, token)
    host = host_of(context)
    if host is not None and " ".join(phrase) in words("host_titles.tsv"):
        return host
    if context.article.date is not None:
        person = context.entities.by_role(phrase)
    else:  # the KB knows who holds an office on a day, not when undated
        person = context.entities.roles.get(phrase) or context.entities.introduced_as(phrase)
    return person if person is not None and person.type == EntityType.PER else None


def named_after(sentence: Sentence, title: DocToken, context: Context) -> bool:
    """Is a role noun followed by a person's name in its own case, past its genitive modifiers?
    Then the noun is that name's title, wherever natasha hung the name: "с министром
    иностранных дел Сергеем Лавровым" names Лавров, not the article's other foreign minister.
    """
    case = title.feats.get("Case")
    if case is None:
        return False
    for token in sentence.tokens[sentence.tokens.index(title) + 1 :]:
        entity = entity_of(token, context)
        if entity is not None and entity.type == EntityType.PER:
            return token.feats.get("Case") == case
        if token.pos not in ("ADJ", "NOUN", "PROPN", "DET") or token.feats.get("Case") not in ("Gen", None):
            return False
    return False


def is_subject(sentence: Sentence, entity: Entity, clause: DocToken, context: Context) -> bool:
    """Whether the entity is named as the subject of the clause: "Лавров провёл переговоры"."""
    subjects = [t for t in sentence.tokens if t.rel in NSUBJ_RELS and t.head_id == clause.id]
    # each subject, its names and conjuncts; not "встреча с главой ..."
    return any(
        entity_of(node, context) == entity
        for subject in subjects
        for node in sentence.below(subject, NAME_RELS | {"conj"})
    )


SUBJECT_RELS = {"nsubj", "nsubj:pass", "appos", "flat", "flat:name", "nmod"}


def is_attribution(sentence: Sentence, token: DocToken) -> bool:
    """Whether the token names who speaks: "..., сообщил пресс-секретарь Дмитрий Песков".

    True when the token hangs below a speech verb only through subject,
    apposition and name arcs.
    """
    speech = words("speech.tsv")
    node, seen = token, set()
    while node.id not in seen:
        seen.add(node.id)
        if node.rel not in SUBJECT_RELS:
            return False
        head = sentence.head(node)
        if head is None:
            return False
        if head.pos == "VERB":
            return lemma(head) in speech
        node = head
    return False


def people_in_clause(
    sentence: Sentence,
    clause: DocToken,
    context: Context,
    type: str = EntityType.PER,
    speakers: bool = False,
) -> list[Entity]:
    """The entities a sentence names, without the one its attribution names.

    natasha often misattaches coordinated subjects with appositions, so the
    sentence, not one arc, is the scope: "Президент РФ Владимир Путин и
    председатель КНР Си Цзиньпин продолжили общение, сообщил Дмитрий Песков"
    -> Владимир Путин, Си Цзиньпин. Bare role nouns count as the people they
    stand for; names inside «quotes», after "вместо" and in the genitive after a
    kinship noun do not. ``speakers=True`` keeps the attribution's speaker
    ("Ковальчук рассказал Путину" is a conversation).
    """
    out: list[Entity] = []
    for i, token in enumerate(sentence.tokens):
        if token.pos == "PRON":  # "Вами" is nobody's name; "Она провела переговоры" is the one named before
            person = _pronoun_subject(sentence, token, clause, context)
            if person is not None and person not in out and (speakers or not is_attribution(sentence, token)):
                out.append(person)
        if token.pos in ("PRON", "NOUN") and token.rel in NSUBJ_RELS and token.head_id == clause.id:
            out += [p for p in group_referent(sentence, token, context) if p not in out]  # "Девушки встретились"
        if token.pos == "PRON":
            continue
        if inside(context.quotes, token.start) or _is_excluded(sentence, token):
            continue
        entity = entity_of(token, context)
        if type == EntityType.PER and (entity is None or _is_bare_title(entity)):
            entity = person_of_role(sentence, token, context)
        if entity is None or entity.type != type or entity in out:
            continue
        if type == EntityType.PER and _is_relative_of(sentence, i):
            continue
        if speakers or not is_attribution(sentence, token):
            out.append(entity)
    return out


def _pronoun_subject(sentence: Sentence, token: DocToken, clause: DocToken, context: Context) -> Entity | None:
    """The person "он"/"она" refers to as the clause's subject, or as its object ("встретил его",
    "с ним встретился") to a person of an earlier sentence (``lexicon/pronoun_gender.tsv``)."""
    if token.head_id != clause.id:
        return None
    if token.rel in NSUBJ_RELS and token.feats.get("Case", "Nom") == "Nom":
        return referent(sentence, token, context)
    if token.rel in ("obj", "iobj", "obl"):
        return referent(sentence, token, context, own=False)
    return None


def referent(sentence: Sentence, token: DocToken, context: Context, own: bool = True) -> Entity | None:
    """Whom a third-person pronoun stands for: the last person of its gender named as a
    subject in its sentence or the two before ("Ангела Меркель прибыла в Москву. Она ...");
    ``own=False`` looks in the earlier sentences only."""
    genders = mapping("pronoun_gender.tsv")
    word = lemma(token)
    if word not in genders:
        return None
    return context.antecedent(token.start, sentence.index, genders[word], own)


def group_referent(sentence: Sentence, token: DocToken, context: Context) -> list[Entity]:
    """The people a plural subject ("они", "девушки": ``lexicon/group_references.tsv``) refers to:
    two or more named together as a subject in one of the two sentences before, nearest first.
    A noun with a name of its own ("девушки Анна и Мария") is no reference."""
    if token.feats.get("Number") != "Plur" or lemma(token) not in words("group_references.tsv"):
        return []
    if any(c.rel in NAME_RELS for c in sentence.children.get(token.id, ())) or entity_of(token, context):
        return []
    for earlier in reversed(context.sentences[max(0, sentence.index - REFERENCE_WINDOW) : sentence.index]):
        for subject in earlier.tokens:
            if subject.rel in NSUBJ_RELS and subject.pos != "PRON":
                found = persons_under(earlier, subject, context)
                if len(found) >= 2:
                    return found
    return []


def _is_excluded(sentence: Sentence, token: DocToken) -> bool:
    """ "вместо Нетаньяху", "без Лаврова": the person is named as not taking part (``lexicon/excluding.tsv``)."""
    node = token
    for _ in range(3):  # the name, its first name, the title it stands beside
        if any(c.rel == "case" and lemma(c) in words("excluding.tsv") for c in sentence.children.get(node.id, ())):
            return True
        head = sentence.head(node)
        if head is None or node.rel not in NAME_RELS:
            return False
        node = head
    return False


def _is_bare_title(entity: Entity) -> bool:
    """A "person" NER made of a title alone: "Президентом" in "Вместе с Президентом"."""
    return entity.type == EntityType.PER and " " not in entity.name and entity.name.lower() in _titles()


def _is_relative_of(sentence: Sentence, index: int) -> bool:
    """Is the token at ``index`` a name in the genitive after a kinship noun?

    "с вдовой Героя России Сергея Чебнёва" -> Сергея is the relative, not a participant; so is
    Чебнёва: a name's later words count from its first ("с семьёй президента ЮАР Нельсона Манделы").
    """
    token = sentence.tokens[index]
    if token.feats.get("Case") != "Gen":
        return False
    while token.rel in ("flat", "flat:name"):
        head = sentence.head(token)
        if head is None or head.start > token.start:
            break
        token = head
    index = sentence.tokens.index(token)
    return any(lemma(t) in words("kinship.tsv") for t in sentence.tokens[max(0, index - 4) : index])


def persons_under(sentence: Sentence, token: DocToken, context: Context) -> list[Entity]:
    """People a noun phrase names, through names, appositions and conjuncts, not genitives.

    "Владимир Путин и Президент Белоруссии Александр Лукашенко" -> both.
    """
    out: list[Entity] = []
    for node in sentence.below(token, NAME_RELS | {"conj"}):
        entity = entity_of(node, context)
        if node is token and node.rel in NSUBJ_RELS:  # "Они посетили Киев"
            out += [p for p in group_referent(sentence, node, context) if p not in out]
        if node is token and node.pos == "PRON":  # "Она посетила Киев"
            entity = referent(sentence, node, context) if node.feats.get("Case", "Nom") == "Nom" else None
        elif (
            entity is None or entity.type != EntityType.PER
        ):  # the phrase's own head may be a genitive: "визит министра"
            entity = _role_person(sentence, node, context) if node is token else person_of_role(sentence, node, context)
        if entity is not None and entity.type == EntityType.PER and entity not in out:
            out.append(entity)
    return out


def _antecedent(sentence: Sentence, token: DocToken, context: Context) -> list[Entity]:
    """The people a participle or "который" refers back to: the nearest named before it, in
    the participle's case, or the one just before it ("Хурэлсухом, прибывшим в Москву"); a
    plural participle takes the whole run ("дочь Лиза и мать Раиса, приехавшие в США").
    natasha often hangs the participle on another word."""
    case = token.feats.get("Case") if token.rel == "acl" else None
    index = sentence.tokens.index(token)
    if case and token.feats.get("Number") == "Plur":
        run = _run(sentence, reversed(sentence.tokens[:index]), case, context)
        if run:
            return run
    named: list[tuple[DocToken, Entity]] = []
    for earlier in reversed(sentence.tokens[:index]):
        entity = entity_of(earlier, context)
        if entity is not None and entity.type == EntityType.PER:
            named.append((earlier, entity))
    for earlier, entity in named:
        if case is None or earlier.feats.get("Case") == case:
            return [entity]
    if named and sentence.tokens.index(named[0][0]) >= index - 2:
        return [named[0][1]]
    return []


def _relative_antecedent(sentence: Sentence, verb: DocToken, relative: DocToken, context: Context) -> list[Entity]:
    """Who "который" stands for: the people of the noun the clause hangs on, else the nearest
    person noun before it that agrees with it, else the one named just before. A title noun
    that names nobody itself stands for its holder or for the one person the article
    introduced with that title, never for a name inside its phrase: "Помощник госсекретаря
    США Фил Гордон ... Помощник Хиллари Клинтон по европейским делам, который посетил
    Белград" -> Фил Гордон, not Хиллари Клинтон."""
    head = sentence.head(verb)
    found = persons_under(sentence, head, context) if head is not None else []
    if found:
        return found
    noun = _agreeing_noun(sentence, relative)
    if noun is None or noun.pos != "NOUN" or entity_of(noun, context) is not None:
        return _antecedent(sentence, relative, context)
    person = _role_person(sentence, noun, context) or _introduced_with_title(noun, context)
    return [person] if person is not None else []


def _agreeing_noun(sentence: Sentence, relative: DocToken) -> DocToken | None:
    """The nearest animate noun before "который" in its gender and number: "Помощник" (not
    "Хиллари") in "Помощник Хиллари Клинтон по делам, который"."""
    index = sentence.tokens.index(relative)
    agree = [f for f in ("Gender", "Number") if relative.feats.get(f)]
    for token in reversed(sentence.tokens[:index]):
        if (
            token.pos in ("NOUN", "PROPN")
            and token.feats.get("Animacy") == "Anim"
            and all(token.feats.get(f) == relative.feats.get(f) for f in agree)
        ):
            return token
    return None


def _introduced_with_title(title: DocToken, context: Context) -> Entity | None:
    """The one person the article named earlier beside the same title noun: "Помощник
    госсекретаря США Фил Гордон" for a later "помощник"."""
    found = set()
    for sentence in context.sentences:
        for token in sentence.tokens:
            if token.start >= title.start or token.pos != "NOUN" or lemma(token) != lemma(title):
                continue
            for child in sentence.children.get(token.id, ()):
                entity = entity_of(child, context) if child.rel == "appos" else None
                if entity is not None and entity.type == EntityType.PER:
                    found.add(entity)
    return found.pop() if len(found) == 1 else None


def _run(sentence: Sentence, tokens, case: str, context: Context) -> list[Entity]:
    """People in ``case`` along one noun phrase and its conjuncts, read in the given order."""
    found: list[Entity] = []
    for token in tokens:
        token_case = token.feats.get("Case")
        if not ((token_case in (None, case, "Gen") and token.pos not in ("VERB", "ADP")) or token.text == ","):
            break
        entity = entity_of(token, context)
        if entity is not None and entity.type == EntityType.PER and token_case == case and entity not in found:
            found.append(entity)
    return found


def _nominative_near(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """A subject natasha did not attach: the nominative people just before the verb, else just
    after it ("Хван выступил", "Путин и Президент Белоруссии Лукашенко посетили", "прибудут его
    дочь Лиза и мать Раиса")."""
    index = sentence.tokens.index(verb)
    before = _run(sentence, reversed(sentence.tokens[:index]), "Nom", context)
    return before or _run(sentence, sentence.tokens[index + 1 :], "Nom", context)


def _reporter(sentence: Sentence, verb: DocToken, head: DocToken, context: Context, depth: int) -> list[Entity]:
    """The subject of a content clause that names none is the one person who reports it, when the
    clause's verb agrees with them: "Гай заявил, что встречался с Дюраном" -> Гай; not "Гай
    заявил, что встречались с Дюраном" (others), nor "Анна Лис сообщила, что встречался ..."."""
    found = subject_people(sentence, head, context, depth + 1)
    if len(found) != 1 or verb.feats.get("Number", "Sing") != "Sing":
        return []
    gender = verb.feats.get("Gender")
    subject = next((t for t in sentence.children.get(head.id, ()) if t.rel in NSUBJ_RELS), None)
    if gender and subject is not None and subject.feats.get("Gender") not in (None, gender):
        return []
    return found


def _participle_noun(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """The person a participle right after a preposition describes: the first named after it in
    its case, before the next finite verb ("встретился с прибывшим в Москву с визитом Марком Гаем";
    natasha hangs such a phrase anywhere). A participle after its noun is :func:`_antecedent`'s."""
    index = sentence.tokens.index(verb)
    case = verb.feats.get("Case")
    if verb.feats.get("VerbForm") != "Part" or not case or index == 0 or sentence.tokens[index - 1].pos != "ADP":
        return []
    for token in sentence.tokens[index + 1 :]:
        if token.feats.get("VerbForm") == "Fin" or token.text in ",;:":
            return []
        entity = entity_of(token, context)
        if entity is not None and entity.type == EntityType.PER and token.feats.get("Case") == case:
            return [entity]
    return []


def subject_people(sentence: Sentence, verb: DocToken, context: Context, depth: int = 0) -> list[Entity]:
    """Who does what the verb says: its subject, the antecedent of "который", the
    noun a participle describes, the object of the verb that asks for it ("пригласил
    Путина посетить Париж"), or the subject of the verb it depends on ("посетив
    Дюссельдорф, назвал его", "прибыл и посетил")."""
    following = _participle_noun(sentence, verb, context)
    if following:  # "с прибывшим в Россию с визитом Марком Гаем"
        return following
    if verb.rel == "acl":  # "Хурэлсухом, прибывшим в Москву"
        head = sentence.head(verb)
        if (
            head is None
            or head.start > verb.start
            or any(head.feats.get(f) != verb.feats.get(f) for f in ("Case", "Number"))
        ):
            return _antecedent(sentence, verb, context)
        return persons_under(sentence, head, context)
    children = sentence.children.get(verb.id, ())
    for child in children:
        if child.rel in NSUBJ_RELS:
            if lemma(child) in FIRST_PERSON:  # "я посетил" in a transcript turn
                speaker = turn_speaker(context, child.start)
                return [speaker] if speaker else []
            if lemma(child) in RELATIVE:
                return _relative_antecedent(sentence, verb, child, context)
            return persons_under(sentence, child, context)
    for child in children:  # natasha may call a nominative "который" the object: "который посетил Белград"
        if lemma(child) in RELATIVE and child.feats.get("Case") == "Nom":
            return _relative_antecedent(sentence, verb, child, context)
    head = sentence.head(verb)
    if verb.rel == "xcomp" and head is not None:  # "Макрон пригласил Путина посетить Париж": the object
        for child in sentence.children.get(head.id, ()):
            if child.rel in ("obj", "iobj"):
                found = persons_under(sentence, child, context)
                if found:
                    return found
    if verb.rel in ("conj", "xcomp", "advcl") and head is not None and head.pos == "VERB" and depth < 4:
        return subject_people(sentence, head, context, depth + 1)
    if verb.rel == "ccomp" and head is not None and head.pos == "VERB" and depth < 4:
        return _reporter(sentence, verb, head, context, depth)
    return _nominative_near(sentence, verb, context) or _stray_subject(sentence, verb, context)


def _stray_subject(sentence: Sentence, verb: DocToken, context: Context) -> list[Entity]:
    """A subject natasha hung on another verb it does not agree with in number, after this verb,
    which does agree: "родился в Белграде, куда бежали из России его родители Кирилл и Марина"
    ("родители" hung on "родился")."""
    number = verb.feats.get("Number")
    if not number:
        return []
    for token in sentence.tokens[sentence.tokens.index(verb) + 1 :]:
        other = sentence.head(token)
        if token.rel not in NSUBJ_RELS or other is None or other is verb or other.pos != "VERB":
            continue
        if token.feats.get("Number") == number and other.feats.get("Number") not in (None, number):
            return persons_under(sentence, token, context)
    return []
