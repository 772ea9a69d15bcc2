"""said: who said what, in direct quotes, indirect speech and transcript turns.

The constructions, each a function of :data:`CONSTRUCTIONS`, tried in order (a
stretch found once is not found again):

- quotes: ``«Разговор еще продолжается», - сказал Песков`` (attribution after);
  ``«Это признак шага, - сказал Эрдоган. - Мы хотим ...»`` (interrupted: one statement
  per stretch); ``Путин добавил: «Хотел бы ...»``, ``Белов оказался дипломатичнее: «...»``;
- reported speech: ``Песков добавил, что ...``, ``заявил: ...``, ``сообщил о завершении ...``,
  ``призвал граждан прийти ...``, ``подтвердил готовность ...``, ``Об этом заявил Товпинец``
  (the sentence before),
  ``О том, что ..., заявил X`` and ``Сейчас, продолжал он, ...``;
- according to: ``по словам Лаврова, ...``, ``по его мнению ...``, ``согласно Марку, ...``,
  ``как сообщил Песков, ...``;
- a quote standing alone after a statement continues it: ``«...», сказал Хоровитц. «...»``;
- transcript turns (:mod:`.turns`): ``В.Путин: Добрый день! Берл Лазар: Я как раз ...``.

Speakers are found by :mod:`.speakers`. Speech verbs and their frames live in
``lexicon/speech.tsv``, the "по словам" nouns in ``lexicon/according.tsv``, the nouns
that carry a statement as a verb's object ("подтвердил готовность") in ``lexicon/stance.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..lexicons import mapping, may_be, words
from ..model import Entity, EntityType, Event
from ..needs import Need
from ..nlp import DocToken, lemma
from .context import Context
from .quotes import DASH, OPENING, clean_quote, inside, paragraph_bounds, quote_regions
from .sentence import Sentence
from .speakers import Speakers

__all__ = ["CONSTRUCTIONS", "PARSE_NEED", "extract_statements", "quote_regions"]

# a statement starts from a speech or stance word, "по словам", a document, a quote or a colon
# (kgraph.needs); transcript turns ("Путин: ...") start from a name
PARSE_NEED = Need(
    lexicons=("speech.tsv", "stance.tsv", "according.tsv", "documents.tsv", "anonymous.tsv"),
    marks="".join(OPENING) + "".join(OPENING.values()) + ":",
)

WORD = re.compile(r"\w+")
MIN_QUOTE_WORDS = 3
# after a closing quotation mark: "», - сказал", "», сказал", "! - воскликнул"
AFTER_QUOTE = re.compile(rf"(?:[,!?…]|\.(?=[ \t]*[{DASH}]))?[ \t]*(?:[{DASH}][ \t]*)?|\s*\n\s*(?=[а-яё])")
# an attribution inside a quote opens "..., - " and closes ". - " or ", - "
INNER_OPEN = re.compile(rf"[,!?….]?\s+[{DASH}]\s+")
INNER_CLOSE = re.compile(rf"[,.:]?\s+[{DASH}]\s+")
SENTENCE_END = ".!?…"
MAX_FRAME_TOKENS = 16  # from a speech verb to its "что"


@dataclass(frozen=True)
class Said:
    """One statement found: the quote's character range, its speaker and construction."""

    start: int
    stop: int
    speaker: Entity
    sentence: Sentence
    kind: str  # "quote" | "reported" | "according" | "turn"


def _is_quote(context: Context, text: str, start: int, stop: int) -> bool:
    """A quotation of words, not a quoted name: «Спорт уик-энд», «Голос Америки» are names."""
    if len(WORD.findall(text[start:stop])) < MIN_QUOTE_WORDS:
        return False
    named = sum(b - a for a, b, _ in context.entities.within(start - 1, stop + 1))
    return named < len(text[start:stop].strip()) * 0.8


class _Article:
    """What the constructions share: the text, speakers, sentences and what was found."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.text = context.article.text
        self.speakers = Speakers(context)
        self.speech = mapping("speech.tsv")
        self.starts = [s.start for s in context.sentences]
        self.regions = [r for r in context.quotes if _is_quote(context, self.text, *r)]
        self.found: list[Said] = []
        self.marks = context.turns
        self.attributed: set[tuple[int, int]] = set()  # quote regions some construction used

    def sentence_at(self, position: int) -> Sentence | None:
        index = bisect_right(self.starts, position) - 1
        return self.context.sentences[index] if index >= 0 else None

    def token_at(self, position: int) -> tuple[Sentence, DocToken] | None:
        """The token at or after a position, in its sentence."""
        sentence = self.sentence_at(position)
        if sentence is None:
            return None
        for token in sentence.tokens:
            if token.stop > position:
                return sentence, token
        return None

    def quoted(self, position: int) -> bool:
        """Whether a position lies inside a quotation: the words of someone quoted."""
        return inside(self.regions, position)

    def is_speech(self, token: DocToken) -> bool:
        """A speech verb of a third person: "заявил", "сообщает", not "напомним", "скажите"."""
        feats = token.feats
        return (
            token.pos in ("VERB", "ADJ", "AUX")
            and may_be(token.text, "speech.tsv")
            and lemma(token) in self.speech
            and feats.get("Person") not in ("1", "2")
            and feats.get("Mood") != "Imp"
        )

    def add_each(self, start: int, stop: int, speakers: Sequence[Entity | None], kind: str) -> None:
        """Record one statement for each of coordinated speakers: "Анна Лис и Пётр Гай сообщили"."""
        for number, speaker in enumerate(speakers):
            self.add(start, stop, speaker, kind, shared=number > 0)

    def add(self, start: int, stop: int, speaker: Entity | None, kind: str, shared: bool = False) -> bool:
        """Record a statement unless it is empty, unattributed or already found (``shared``:
        unless this speaker has it already)."""
        while start < stop and not self.text[start].isalnum() and self.text[start] not in '«"„“[':
            start += 1
        if speaker is None or not clean_quote(self.text[start:stop]):
            return False
        inside = start + 1 if self.text[start : start + 1] in OPENING else start
        for said in self.found:
            if said.start <= inside < said.stop and ((said.kind != "turn" and not shared) or said.speaker == speaker):
                return False
        sentence = self.sentence_at(start)
        if sentence is None:
            return False
        self.found.append(Said(start, stop, speaker, sentence, kind))
        for region in self.regions:
            if start <= region[0] and region[1] <= stop + 1:
                self.attributed.add(region)
        return True


def _quoted(art: _Article) -> None:
    """Quotes with their attribution after, inside ("- сказал он. -") or before a colon."""
    for start, stop in art.regions:
        pieces, interrupted = _inner_pieces(art, start, stop)
        if interrupted:  # an inner attribution, even one naming nobody, is no continuation
            art.attributed.add((start, stop))
        outer = _attribution_after(art, stop) or _attribution_before(art, start)
        for a, b, speaker in pieces:
            art.add(a, b, speaker or outer, "quote")


def _inner_pieces(art: _Article, start: int, stop: int) -> tuple[list[tuple[int, int, Entity | None]], bool]:
    """The stretches of a quote between its inner attributions, each with its speaker, and
    whether there was an inner attribution.

    «Это признак, - сказал Эрдоган. - Мы хотим ...» -> ("Это признак", Эрдоган), ("Мы хотим ...", Эрдоган).
    A stretch takes the speaker of the attribution after it, the last one that of the one before.
    """
    inner: list[tuple[int, int, Entity | None]] = []  # (attribution start, its end, speaker)
    position = start
    while (opening := INNER_OPEN.search(art.text, position, stop)) is not None:
        position = opening.end()
        hit = _speech_near(art, opening.end(), 3)
        if hit is None:
            continue
        sentence, verb = hit
        closing = INNER_CLOSE.search(art.text, verb.stop, stop)
        end = closing.end() if closing else stop
        inner.append((opening.start(), end, art.speakers.of_verb(sentence, verb)))
        position = end
    if not inner:
        return [(start, stop, None)], False
    pieces, cursor = [], start
    for a, b, speaker in inner:
        pieces.append((cursor, a, speaker))
        cursor = b
    pieces.append((cursor, stop, inner[-1][2]))
    return [(a, b, s) for a, b, s in pieces if len(WORD.findall(art.text[a:b])) >= MIN_QUOTE_WORDS], True


def _speech_near(art: _Article, position: int, within: int) -> tuple[Sentence, DocToken] | None:
    """A speech verb among the first tokens at a position: "- сказал", "- Песков добавил"."""
    hit = art.token_at(position)
    if hit is None:
        return None
    sentence, token = hit
    index = sentence.index_of(token)
    for candidate in sentence.tokens[index : index + within]:
        if candidate.text in SENTENCE_END or candidate.text in '«"':
            return None
        if art.is_speech(candidate):
            return sentence, candidate
    return None


def _attribution_after(art: _Article, stop: int) -> Entity | None:
    """The speaker of "«...», - сказал Песков" from the text after the closing mark."""
    tail = AFTER_QUOTE.match(art.text, stop + 1)
    if tail is None:
        return None
    if not art.text[stop + 1 : tail.end()].strip():  # "«...» сказал" without punctuation is rare
        return None
    hit = _speech_near(art, tail.end(), 4)
    if hit is None:
        return None
    sentence, verb = hit
    if art.speech.get(lemma(verb)) == "quoted":  # "- цитирует ИА Regnum Минченко"
        person = art.speakers.in_span(sentence, verb.stop, sentence.stop, any_case=True)
        if person is None or person.type != EntityType.PER:  # "- цитирует «Росбалт» канцлера": the role quoted
            person = next(
                (
                    art.speakers.of_role(sentence, c)
                    for c in sentence.children.get(verb.id, ())
                    if c.rel == "obj" and c.pos in ("NOUN", "PROPN")
                ),
                None,
            )
        return person if person is not None and person.type == EntityType.PER else None
    return art.speakers.of_verb(sentence, verb)


def _attribution_before(art: _Article, start: int) -> Entity | None:
    """The speaker of "Путин добавил: «...»" or "Белов оказался дипломатичнее: «...»"."""
    before = art.text[: start - 1].rstrip(" ")
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    sentence = art.sentence_at(colon)
    if sentence is None:
        return None
    verbs = [t for t in sentence.tokens if t.stop <= colon and art.is_speech(t)]
    if verbs:
        return art.speakers.of_verb(sentence, verbs[-1])
    person = art.speakers.in_span(sentence, sentence.start, colon)
    return person if person is not None and person.type == EntityType.PER else None


def _reported(art: _Article) -> None:
    """Indirect speech: "Песков добавил, что ...", "призвал к тому, чтобы ...", "заявил: ..."."""
    for sentence in art.context.sentences:
        for index, verb in enumerate(sentence.tokens):
            if not art.is_speech(verb) or art.quoted(verb.start):
                continue
            if art.speech.get(lemma(verb)) == "quoted" or not _asserted(sentence, verb):
                continue
            if verb.feats.get("VerbForm") == "Part":
                _participle(art, sentence, index)
                continue
            speaker = art.speakers.of_verb(sentence, verb)
            if _first_words(sentence, ("о", "это")) and index <= 4:  # "Об этом заявил Товпинец."
                art.add(*_previous_content(art, sentence), speaker, "reported")
                continue
            fronted = _fronted(sentence, index)
            if fronted is not None:  # "О том, что телеканал должен ему, заявил Перепёлкин"
                art.add(*fronted, speaker, "reported")
                continue
            parenthetical = _parenthetical(sentence, index)
            if parenthetical is not None:  # "Сейчас, продолжал он, правительство ..."
                art.add(parenthetical, sentence.stop, speaker, "reported")
                continue
            begin = _complement(art, sentence, index)
            if begin is None:
                continue
            stop = (
                _colon_stop(art, begin) if art.text[begin - 1 : begin] == ":" else _content_stop(art, sentence, begin)
            )
            art.add_each(begin, stop, art.speakers.coordinated(sentence, verb) or [speaker], "reported")


def _participle(art: _Article, sentence: Sentence, index: int) -> None:
    """A speech participle with its "что"-clause speaks for the person it describes:
    "горничная Анна Лис, утверждающая, что директор солгал, ..." (not "меньшинство, считающее, что")."""
    verb = sentence.tokens[index]
    head = sentence.head(verb)
    if verb.rel != "acl" or head is None or head.start > verb.start:
        return
    begin = _complement(art, sentence, index)
    if begin is None:
        return
    opener = next((t for t in sentence.tokens if t.stop == begin), None)
    if opener is None or lemma(opener) not in words("complementizers.tsv"):
        return
    speaker = art.speakers.of_phrase(sentence, head)
    if speaker is not None and speaker.type == EntityType.PER:
        art.add(begin, _clause_stop(sentence, verb, begin), speaker, "reported")


def _clause_stop(sentence: Sentence, verb: DocToken, begin: int) -> int:
    """Where the participle's "что"-clause ends: the end of its subtree."""
    stop = max(t.stop for t in sentence.subtree(verb))
    return stop if stop > begin else sentence.stop


def _inverted(art: _Article) -> None:
    """Unquoted content with its attribution after it, the subject after the verb:
    "Переговоры продолжатся в мае, сообщил министр Антон Гусев.", "..., считает она.",
    and in the middle: "Такой переход, считает Марк Ли, повысит оперативность." (what follows it,
    else the whole sentence: "Санкции, продолжает Марк Ли, неэффективны.").
    A person speaks so; a medium cited so ("..., сообщает «Лента.ру»") is the news' source."""
    for sentence in art.context.sentences:
        tokens = sentence.tokens
        for index, verb in enumerate(tokens):
            if index < 3 or not art.is_speech(verb) or verb.feats.get("VerbForm") != "Fin" or art.quoted(verb.start):
                continue
            if art.speech.get(lemma(verb)) == "quoted" or not _asserted(sentence, verb):
                continue
            opening = _attribution_opening(tokens, index)
            begin = max(sentence.start, paragraph_bounds(art.text, verb.start)[0])  # natasha joins a headline on
            if opening is None or any(
                t.text in ":;" or lemma(t) in words("complementizers.tsv") for t in tokens[:opening] if t.start >= begin
            ):
                continue
            speaker = _inverted_subject(art, sentence, verb)
            if speaker is None or speaker.type != EntityType.PER:  # "..., сообщает «Лента.ру»": a source, not a speaker
                continue
            end = _attribution_end(tokens, index)
            head = sentence.head(verb)
            if end is not None and not (
                verb.rel == "parataxis" and head is not None and head.start > tokens[end].start
            ):
                end = None  # "— говорит Лукаш Кулеса, научный руководитель центра": no content resumes
            if end is not None and _describes_subject(sentence, tokens[end + 1], verb):
                end = None  # "..., сказал Скотт Хоровитц, бывший астронавт, который ...": his title
            if end is not None and len(WORD.findall(art.text[tokens[end].stop : sentence.stop])) >= MIN_QUOTE_WORDS:
                art.add(tokens[end].stop, sentence.stop, speaker, "reported")  # a fragment of the whole
            elif len(WORD.findall(art.text[begin : tokens[opening].start])) >= MIN_QUOTE_WORDS:
                art.add(begin, sentence.stop if end is not None else tokens[opening].start, speaker, "reported")


def _describes_subject(sentence: Sentence, token: DocToken, verb: DocToken) -> bool:
    """Does the token belong to the verb's subject (its apposition, a title after the name)?"""
    for node in [token, *sentence.ancestors(token)]:
        if node.head_id == verb.id:
            return node.rel in ("nsubj", "nsubj:pass")
    return False


def _attribution_opening(tokens: list[DocToken], index: int) -> int | None:
    """The index of the comma or dash that opens an attribution at the verb: "..., сообщил", "... - сказал"."""
    before = index - 1
    if tokens[before].text in DASH and before > 0 and tokens[before - 1].text == ",":
        before -= 1
    return before if tokens[before].text in "," + DASH else None


def _attribution_end(tokens: list[DocToken], index: int) -> int | None:
    """Where a parenthetical attribution closes and the content resumes: "Санкции, продолжает Марк Ли, неэффективны"."""
    for number in range(index + 1, len(tokens)):
        token = tokens[number]
        if token.text in SENTENCE_END or token.text in ':;«"':
            return None
        if token.text == "," and number + 1 < len(tokens) and tokens[number + 1].text not in SENTENCE_END:
            return number
    return None


def _inverted_subject(art: _Article, sentence: Sentence, verb: DocToken) -> Entity | None:
    """The speaker named after the verb: its own subject there, or a name, pronoun or role."""
    subjects = [
        c for c in sentence.children.get(verb.id, ()) if c.rel in ("nsubj", "nsubj:pass") and c.start > verb.start
    ]
    if subjects:
        return art.speakers.of_phrase(sentence, subjects[0])
    return art.speakers.after(sentence, verb)


def _asserted(sentence: Sentence, verb: DocToken) -> bool:
    """Speech that took place: not future ("объявит"), conditional ("сказал бы") or negated
    ("не заявил"); "не исключил", "не отрицает" (``lexicon/denial.tsv``) assert."""
    if verb.feats.get("Tense") == "Fut" or verb.feats.get("Mood") == "Cnd":
        return False
    for child in sentence.children.get(verb.id, ()):
        word = lemma(child)
        if word == "бы" or (word == "не" and lemma(verb) not in words("denial.tsv")):
            return False
        if child.rel == "aux" and word == "быть" and child.feats.get("Tense") == "Fut":
            return False
    return True


def _speech_follows(art: _Article, tokens: list[DocToken], token: DocToken) -> bool:
    """A new attribution starts at the token: a speech verb, or "а"/"но" and a subject before one."""
    index = tokens.index(token)
    if art.is_speech(token):
        return True
    if lemma(token) not in ("а", "но", "однако"):
        return False
    for following in tokens[index + 1 : index + 8]:
        if following.text in ',;:«"' + SENTENCE_END:
            return False
        if art.is_speech(following) and following.feats.get("VerbForm") == "Fin":
            return True
    return False


def _first_words(sentence: Sentence, lemmas: tuple[str, ...]) -> bool:
    return tuple(lemma(t) for t in sentence.tokens[: len(lemmas)]) == lemmas


def _previous_content(art: _Article, sentence: Sentence) -> tuple[int, int]:
    """What "Об этом ..." refers to: the sentence before, or its "что"-clause."""
    index = sentence.index
    if index == 0:
        return sentence.start, sentence.start
    previous = art.context.sentences[index - 1]
    for number, token in enumerate(previous.tokens):
        if art.is_speech(token):
            begin = _complement(art, previous, number)
            if begin is not None:
                return begin, previous.stop
    return previous.start, previous.stop


def _fronted(sentence: Sentence, index: int) -> tuple[int, int] | None:
    """The content of "(Однако) о том, что A, сказал X": A, before the verb."""
    tokens = sentence.tokens
    words = [t.text.lower() for t in tokens[:index]]
    for start in range(min(2, len(words))):
        if words[start : start + 4] == ["о", "том", ",", "что"]:
            commas = [t for t in tokens[start + 4 : index] if t.text == ","]
            if commas:
                return tokens[start + 3].stop, commas[-1].start
    return None


def _parenthetical(sentence: Sentence, index: int) -> int | None:
    """Where the content resumes after a parenthetical attribution: "Сейчас, продолжал он, ..."."""
    tokens = sentence.tokens
    if not 0 < index <= 3 or tokens[index - 1].text != ",":
        return None
    for token in tokens[index + 1 : index + 5]:
        if token.text == ",":
            return token.stop
        if token.text in SENTENCE_END or token.text in ':«"':
            return None
    return None


def _content_stop(art: _Article, sentence: Sentence, begin: int) -> int:
    """Reported content ends at the sentence's end or where a second speech verb is
    coordinated: "назвал итоги подтасованными и призвал сторонников ..."."""
    tokens = [t for t in sentence.tokens if t.start >= begin]
    for before, token in pairwise(tokens):
        if before.text.lower() == "и" and art.is_speech(token) and token.feats.get("VerbForm") == "Fin":
            return before.start
        if before.text in ",—–-" and _speech_follows(art, tokens, token):
            return before.start  # "..., сообщает «Лента.ру»", "..., а глава МИДа Маэхара отметил"
    return min(sentence.stop, paragraph_bounds(art.text, begin)[1])


def _complement(art: _Article, sentence: Sentence, index: int) -> int | None:
    """Where the reported content after a speech verb starts: after its "что", ":" or, for
    verbs like "призвать", right after the verb ("призвал граждан прийти")."""
    verb = sentence.tokens[index]
    following = sentence.tokens[index + 1 : index + 1 + MAX_FRAME_TOKENS]
    if following and any(start == following[0].stop for start, _ in art.regions):
        return following[0].start  # "сказав «мы принялись ...»", not "сообщает «Лента.ру»"
    opinion = art.speech.get(lemma(verb)) == "opinion"  # "думает о будущем" says nothing
    for token in [] if opinion else following[:4]:  # "сообщил о завершении", not "о том, что"
        if token.text.lower() in ("о", "об", "обо") and token.pos == "ADP":
            if _about(sentence, verb, token):
                return token.start
            break
        if token.text in ",:" + SENTENCE_END:
            break
    subjects = [c.start for c in sentence.children.get(verb.id, ()) if c.rel in ("nsubj", "nsubj:pass")]
    for number, token in enumerate(following):
        if token.text == ":" and number <= 6:  # not "отвечали: командир Уильям Макартур и ..." (the subject)
            return token.stop if not any(start > token.start for start in subjects) else None
        if token.text in SENTENCE_END or token.text == ";":
            break
        if lemma(token) in words("complementizers.tsv") and number and following[number - 1].text == ",":
            return token.stop
        if token.feats.get("VerbForm") == "Fin" or lemma(token) == "который":
            break
    stance = next((t for t in following if t.pos not in ("ADJ", "DET", "ADV")), None)
    if (
        stance is not None and not opinion and lemma(stance) in words("stance.tsv")
    ):  # "подтвердил неизменную готовность"
        return following[0].start
    if art.speech.get(lemma(verb)) == "rest":  # "назвал(,) итоги выборов подтасованными"
        content = following[1:] if following[:1] and following[0].text == "," else following
        if content and content[0].text not in SENTENCE_END and content[0].pos != "PUNCT":
            return None if _refers_back(content) else content[0].start
    return None


def _refers_back(content: list[DocToken]) -> bool:
    """An object that points back to something said before (``lexicon/demonstratives.tsv``):
    "опроверг эту информацию", "подтвердил это"; not "назвал эти выборы подтасованными"."""
    first = content[0]
    if lemma(first) not in words("demonstratives.tsv"):
        return False
    rest = content[1:]
    noun = next((t for t in rest if t.pos not in ("ADJ", "DET")), None) if first.pos == "DET" else first
    after = rest[rest.index(noun) + 1 :] if noun in rest else rest
    return not after or after[0].text in SENTENCE_END + ",;"


def _about(sentence: Sentence, verb: DocToken, preposition: DocToken) -> bool:
    """Whether "о ..." after a speech verb is what was said: "сообщил о завершении переговоров",
    "Мутко напомнил о существовании агентства"; not a noun's topic ("написал заявление об
    уходе"), a pronoun ("сказал об этом", "о том, что"), or a gerund's topic ("Говоря о сроках, ...")."""
    noun = sentence.head(preposition)
    return (
        noun is not None
        and noun.head_id == verb.id
        and noun.pos in ("NOUN", "PROPN")
        and verb.feats.get("VerbForm") != "Conv"
    )


def _colon_stop(art: _Article, begin: int) -> int:
    """A colon quote runs to the end of its quotation, else of its paragraph."""
    rest = art.text[begin:].lstrip(" ")
    first = len(art.text) - len(rest)
    for start, stop in art.regions:
        if start == first + 1:
            return stop
    stop = paragraph_bounds(art.text, begin)[1]
    return min([stop] + [mark.start for mark in art.marks if begin < mark.start < stop])


def _colon_paragraph(art: _Article) -> None:
    """A paragraph that ends in a colon after a speech verb introduces the next paragraph:
    "Пресс-секретарь Олег Зуев рассказал:\n\nМэр соболезнует родным." (a block quote)."""
    for sentence in art.context.sentences:
        for colon in sentence.tokens:  # natasha runs the sentence on over the break
            if colon.text != ":" or art.text[colon.stop : paragraph_bounds(art.text, colon.stop)[1]].strip():
                continue
            verbs = [
                t
                for t in sentence.tokens
                if t.stop <= colon.start
                and art.is_speech(t)
                and _asserted(sentence, t)
                and t.feats.get("VerbForm") != "Part"
                and not _relative(sentence, t)
            ]
            if verbs and not art.quoted(colon.start):  # the main clause's verb, not one in its "что"
                verb = min(verbs, key=lambda t: len(list(sentence.ancestors(t))))
                _add_paragraph_after(art, colon.stop, art.speakers.of_verb(sentence, verb))


def _relative(sentence: Sentence, verb: DocToken) -> bool:
    """Whether the verb heads a relative clause: "письмо, о котором говорил Песков"."""
    return verb.rel == "acl:relcl" or any(
        lemma(t) == "который" for t in sentence.subtree(verb) if sentence.clause(t).id == verb.id
    )


def _add_paragraph_after(art: _Article, position: int, speaker: Entity | None) -> None:
    """The next paragraph after a position, up to a turn mark in it, as the speaker's statement."""
    begin = len(art.text) - len(art.text[position:].lstrip())
    if begin >= len(art.text) or any(mark.start == begin for mark in art.marks):
        return
    stop = paragraph_bounds(art.text, begin)[1]
    stop = min([stop] + [mark.start for mark in art.marks if begin < mark.start < stop])
    art.add(begin, stop, speaker, "reported")


def _according(art: _Article) -> None:
    """ "по словам Лаврова, ...", "..., по его мнению", "согласно Марку, ...", "как сообщил Песков, ..."."""
    nouns, openers, possessives = words("according.tsv"), words("according_openers.tsv"), mapping("possessives.tsv")
    for sentence in art.context.sentences:
        tokens = sentence.tokens
        for index, token in enumerate(tokens):
            word = token.text.lower()
            if word not in openers:
                continue
            following = [lemma(t) for t in tokens[index + 1 : index + 3]]
            if word == "по" and following[:1] and following[0] in nouns:  # "по словам Лаврова,"
                rest = tokens[index + 2 :]
                phrase_end = next((t for t in rest if t.text in ",."), None)
            elif word == "по" and following[1:] and following[0] in possessives and following[1] in nouns:
                rest = tokens[index + 1 : index + 2]  # "по его словам", "по его мнению страны Балтии ..."
                noun = tokens[index + 2]
                after_noun = tokens[index + 3 : index + 4]
                phrase_end = after_noun[0] if after_noun and after_noun[0].text in ",." else noun
            elif word == "согласно" and _names_person(art, tokens[index + 1 : index + 2]):
                rest = tokens[index + 1 :]  # "Согласно Марку, ...", not "согласно расчётам Ньютона"
                phrase_end = next((t for t in rest if t.text in ",."), None)
            elif word == "как" and index + 1 < len(tokens) and art.is_speech(tokens[index + 1]):
                rest = tokens[index + 1 :]  # "как сообщил Песков,"
                phrase_end = next((t for t in rest if t.text in ",."), None)
            else:
                continue
            if phrase_end is None:
                continue
            phrase = [t for t in rest if t.start < phrase_end.start]
            speaker = _holder(art, sentence, phrase)
            after = art.text[phrase_end.stop : sentence.stop]
            if phrase_end.text != "." and len(WORD.findall(after)) >= MIN_QUOTE_WORDS:
                art.add(phrase_end.stop, sentence.stop, speaker, "according")
            else:  # "..., по словам Лаврова."
                art.add(sentence.start, token.start, speaker, "according")


def _names_person(art: _Article, tokens: list[DocToken]) -> bool:
    return any((e := art.context.entities.at(t.start, t.stop)) is not None and e.type == EntityType.PER for t in tokens)


def _holder(art: _Article, sentence: Sentence, phrase: list[DocToken]) -> Entity | None:
    """Whose words "по словам ..." reports: a name, a pronoun, a role."""
    for wanted in (EntityType.PER, EntityType.ORG):
        for token in phrase:
            entity = art.context.entities.at(token.start, token.stop)
            if entity is not None and entity.type == wanted:
                return entity
    possessives = mapping("possessives.tsv")
    if len(phrase) == 1 and lemma(phrase[0]) in possessives:  # "по его словам", not "источника, близкого к ней"
        return art.speakers.before(phrase[0].start, possessives[lemma(phrase[0])])
    nouns = [t for t in phrase if t.pos == "NOUN"]
    if any(lemma(t) in words("anonymous.tsv") for t in nouns):  # "по словам близкого к ней источника"
        return None
    return art.speakers.of_phrase(sentence, nouns[0]) if nouns else None


def _turns(art: _Article) -> None:
    """Transcript turns: "В.Путин: Добрый день! Берл Лазар: Я как раз ..." up to the next turn."""
    marks = art.marks
    for number, mark in enumerate(marks):
        stop = paragraph_bounds(art.text, mark.begin)[1]
        if number + 1 < len(marks):
            stop = min(stop, marks[number + 1].start)
        if mark.speaker is not None:
            art.add(mark.begin, stop, mark.speaker, "turn")


def _continued(art: _Article) -> None:
    """A quote standing alone after a statement, with no other person named between them,
    continues it: «...», сказал Хоровитц. «Это очень важное решение»."""
    for start, stop in art.regions:
        if (start, stop) in art.attributed or not _stands_alone(art.text, start, stop):
            continue
        previous = [s for s in art.found if s.stop <= start and s.kind in ("quote", "reported")]
        if not previous:
            continue
        last = max(previous, key=lambda s: s.stop)
        between = art.context.entities.within(last.stop, start - 1, EntityType.PER)
        if any(e != last.speaker for _, _, e in between):
            continue
        lines = art.text[last.stop : start - 1].split("\n")
        if any(any(c.isalnum() for c in line) for line in lines[1:]):
            continue  # another paragraph lies between
        art.add(start, stop, last.speaker, "quote")


def _stands_alone(text: str, start: int, stop: int) -> bool:
    """The quote is a sentence of its own: after a sentence's end or a paragraph's start,
    and followed by one."""
    before = text[: start - 1].rstrip(" ")
    after = text[stop + 1 :].lstrip(" ")
    opens = not before or before[-1] in SENTENCE_END + '\n»"'
    closes = not after or after[0] in '\n«"' or (after[0] in SENTENCE_END and (len(after) == 1 or after[1:2].isspace()))
    return opens and closes


CONSTRUCTIONS: tuple[Callable[[_Article], None], ...] = (
    _quoted,
    _reported,
    _colon_paragraph,
    _inverted,
    _according,
    _continued,
    _turns,
)


def extract_statements(context: Context) -> list[Event]:
    """Statements of named people and organizations, one per attributed stretch."""
    art = _Article(context)
    for construction in CONSTRUCTIONS:
        construction(art)
    turns = [s for s in art.found if s.kind == "turn"]
    found = sorted(
        (
            s
            for s in art.found
            if s.kind == "turn" or not any(t.speaker == s.speaker and t.start <= s.start < t.stop for t in turns)
        ),
        key=lambda s: s.start,
    )
    return [_event(context, said, art.text) for said in found]


def _event(context: Context, said: Said, text: str) -> Event:
    article = context.article
    return Event(
        kind="statement",
        participants=(said.speaker,),
        quote=clean_quote(text[said.start : said.stop]),
        article_id=article.id,
        evidence=said.sentence.text,
        date=article.date.isoformat() if article.date else None,
    )
