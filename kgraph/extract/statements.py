"""said: who said what, in direct quotes, indirect speech and transcript turns.

- ``"Разговор еще продолжается", - сказал Песков`` (quote, dash attribution);
- ``Путин добавил: "Хотел бы ..."`` (colon);
- ``Песков добавил, что отношения "развиваются"`` (indirect speech);
- ``по словам Лаврова, ...`` and ``как сообщил Песков, ...``;
- ``В.Путин: Добрый день!`` (transcript turns of kremlin.ru).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..lexicons import words
from ..model import Entity, Event
from ..nlp import DocToken, lemma
from ..entities.names import surname_key
from ..entities.roles import role_phrase
from .context import Context, entity_of
from .sentence import Sentence

__all__ = ["extract_statements", "quote_regions"]

OPENING = {"«": "»", '"': '"', "„": "“", "“": "”"}
DASH = r"[-–—]"
AFTER_QUOTE = re.compile(rf"^\s*[,.!?…]?\s*{DASH}\s+")
TURN = re.compile(r"(?:(?<=\s)|^)((?:[А-ЯЁ]\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?):\s")
PRONOUNS = {"он", "она"}


def quote_regions(text: str) -> list[tuple[int, int]]:
    """(start, stop) of the inside of each top-level quotation in the text.

    ``"а "б" в"`` has one region, the whole; a quote ends at its paragraph's end
    at the latest.
    """
    regions = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in OPENING:
            close = OPENING[char]
            depth, j = 0, i + 1
            while j < len(text) and text[j] != "\n":
                if text[j] == close and (close != '"' or _closes(text, j)):
                    if depth == 0:
                        break
                    depth -= 1
                elif text[j] == char and char != close:
                    depth += 1
                elif char == '"' and text[j] == '"':
                    pass
                j += 1
            if j < len(text) and text[j] == close:
                regions.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    return regions


def _closes(text: str, j: int) -> bool:
    """A straight quote closes when it is not followed by a letter: ``"а" б``."""
    return j + 1 >= len(text) or not text[j + 1].isalnum()


class _Speakers:
    """Who "он" is: the last person who spoke or was named before a position."""

    def __init__(self, context: Context):
        self.context = context
        self.spoke: list[tuple[int, Entity]] = []

    def last_before(self, position: int) -> Entity | None:
        spoke = [e for p, e in self.spoke if p < position]
        if spoke:
            return spoke[-1]
        people = [s for s in self.context.entities.within(0, position, "PER")]
        return people[-1][2] if people else None

    def note(self, position: int, entity: Entity) -> None:
        self.spoke.append((position, entity))
        self.spoke.sort(key=lambda pair: pair[0])


def _subject(sentence: Sentence, verb: DocToken) -> DocToken | None:
    for node in [verb, *[h for h in sentence.ancestors(verb) if verb.rel == "conj"][:1]]:
        for child in sentence.children.get(node.id, ()):
            if child.rel in ("nsubj", "nsubj:pass"):
                return child
    return None


def _speaker(sentence: Sentence, verb: DocToken, context: Context, speakers: _Speakers) -> Entity | None:
    subject = _subject(sentence, verb)
    if subject is None:
        return None
    for token in sentence.subtree(subject):
        entity = entity_of(token, context)
        if entity is not None and entity.type in ("PER", "ORG"):
            return entity
    if lemma(subject) in PRONOUNS:
        return speakers.last_before(subject.start)
    if subject.pos == "NOUN":
        return context.entities.by_role(role_phrase(sentence.tokens, subject))
    return None


def _clean(quote: str) -> str:
    return quote.strip().strip(",.:;-–— ").strip()


def _token_at(context: Context, position: int) -> tuple[Sentence, DocToken] | None:
    starts = [s.start for s in context.sentences]
    index = bisect_right(starts, position) - 1
    if index < 0:
        return None
    sentence = context.sentences[index]
    for token in sentence.tokens:
        if token.start <= position < token.stop:
            return sentence, token
    return None


def _event(context: Context, speaker: Entity, quote: str, sentence: Sentence) -> Event:
    article = context.article
    return Event(
        kind="statement", participants=(speaker,), quote=quote,
        article_id=article.id, evidence=sentence.text,
        date=article.date.isoformat() if article.date else None,
    )


def extract_statements(context: Context) -> list[Event]:
    """Statements of named people and organizations, one per attributed stretch."""
    text = _text(context)
    speech = words("speech.tsv")
    speakers = _Speakers(context)
    found: list[tuple[int, Entity, str, Sentence]] = []
    taken: list[tuple[int, int]] = []

    # direct quotes with a dash attribution after them
    for start, stop in quote_regions(text):
        tail = AFTER_QUOTE.match(text[stop + 1:stop + 6])
        if not tail:
            continue
        hit = _token_at(context, stop + 1 + tail.end())
        if hit and lemma(hit[1]) in speech:
            sentence, verb = hit
            speaker = _speaker(sentence, verb, context, speakers)
            if speaker is not None:
                found.append((start, speaker, text[start:stop], sentence))
                speakers.note(start, speaker)
                taken.append((start, stop))

    for sentence in context.sentences:
        for i, token in enumerate(sentence.tokens):
            if lemma(token) not in speech or token.pos != "VERB":
                continue
            following = sentence.tokens[i + 1:i + 3]
            after = [t.text for t in following]
            if after[:1] == [":"]:  # Путин добавил: "..."
                begin = following[0].stop
                quote = _colon_quote(text, begin)
            elif after[:2] == [",", "что"]:  # заявил, что ...
                begin = following[1].stop
                quote = text[begin:sentence.stop]
            else:
                continue
            if any(a <= begin + 2 and begin < b for a, b in taken):
                continue
            speaker = _speaker(sentence, token, context, speakers)
            if speaker is None or not _clean(quote):
                continue
            found.append((begin, speaker, _clean(quote), sentence))
            speakers.note(begin, speaker)

    found.extend(_turns(context, text))
    found.sort(key=lambda item: item[0])
    return [_event(context, speaker, _clean(quote), sentence) for _, speaker, quote, sentence in found]


def _colon_quote(text: str, begin: int) -> str:
    rest = text[begin:]
    stripped = rest.lstrip()
    if stripped[:1] in OPENING:
        offset = begin + len(rest) - len(stripped) + 1
        for start, stop in quote_regions(text[offset - 1:]):
            return text[offset - 1 + start:offset - 1 + stop]
    return rest.split("\n", 1)[0]


def _turns(context: Context, text: str) -> list[tuple[int, Entity, str, Sentence]]:
    """Transcript turns: "В.Путин: Добрый день! И.Руденя: Добрый день ..." ."""
    marks = list(TURN.finditer(text))
    out = []
    people = [e for e in context.entities.entities if e.type == "PER"]
    for number, mark in enumerate(marks):
        key = surname_key(mark.group(1))
        speaker = next((p for p in people if surname_key(p.name) == key), None)
        if speaker is None:
            continue
        end = marks[number + 1].start() if number + 1 < len(marks) else len(text)
        end = min(end, text.find("\n", mark.end()) if "\n" in text[mark.end():] else len(text))
        hit = _token_at(context, mark.end())
        if hit is None:
            continue
        out.append((mark.end(), speaker, text[mark.end():end], hit[0]))
    return out


def _text(context: Context) -> str:
    return context.article.text
