"""Dates in a Russian sentence, resolved against the article's date.

>>> from datetime import date
>>> [(s.value, s.text) for s in find_dates("Путин 4 февраля провел переговоры с Си.", date(2026, 2, 4))]
[('2026-02-04', '4 февраля')]
>>> [(s.value, s.text) for s in find_dates("В начале сентября прошлого года Лавров посетил Пекин.", date(2026, 2, 4))]
[('2025-09', 'В начале сентября прошлого года')]
>>> [(s.value, s.text) for s in find_dates("Накануне визита Моди в Москву", date(2026, 2, 4))]
[]

A value's shape is its precision: "2026-02-04" (day), "2026-02" (month),
"2026" (year). ``anchor`` is the article's date; with ``anchor=None`` only a
date that spells its year ("12 марта 2025 года", "12.03.2025", "в 2024 году",
"в феврале 2025 года") is returned, everything else is skipped.

Rules (A = anchor):

- A planned event (``future=True``) reads a day, a month or a bare weekday
  without a year forward: the next one on or after A.
- "4 февраля", "4-го февраля", "4-5 февраля", "4–5 февраля", "с 4 по 5 февраля"
  (first day; the span starts at the first number: "4 по 5 февраля"): the latest such day
  that is at most ``FUTURE_DAYS`` (62) days after A, i.e. A's year, or the next year across New Year ("4 января" in a
  28.12.2025 article is 2026-01-04), or the year before when A's year would put
  it more than two months ahead (news reports mostly past events; the tense
  of the sentence is not looked at). "31 февраля" is not a date.
- "12 марта 2025 года", "12 марта 2025 г.", "12 марта 2025", "12.03.2025": as
  written. "4 февраля прошлого года": A's year - 1 ("этого"/"текущего" 0).
- "в феврале", "в начале/конце/середине/первой половине/второй половине/первых
  числах сентября" (month): the latest such month that starts at most
  ``FUTURE_DAYS`` after A -- the same window as for days, so a planned "в марте"
  in a February article is the coming March and "в мае" in it last May; with
  "2025 года" or "прошлого года" after it, that year. "февраль 2025 года",
  "с февраля 2025 года" (any case, explicit year): that month.
- "в 2024 году", "в 2024 г.", "в начале 2025 года", "летом 2025 года",
  "в конце прошлого года", "осенью прошлого года" (year).
- "в прошлом/этом/текущем/следующем году" (year), "в прошлом/этом месяце",
  "в начале прошлого месяца" (month), counted from A.
- "на прошлой/этой/следующей неделе": the month of that Monday-to-Sunday week
  if the whole week lies in one month, else nothing (no week precision).
- "сегодня" A, "вчера" A-1, "позавчера" A-2, "завтра" A+1, "послезавтра" A+2,
  "накануне" A-1 (but "накануне визита", "накануне 9 мая" are "on the eve
  of", not a date: see ``eve_of`` in the lexicon); "вчера вечером" keeps the
  time-of-day word in the span.
- "в среду", "в минувшую/эту среду", "ранее в среду", "в пятницу утром": the
  latest Wednesday on or before A (A itself if A is a Wednesday); "в прошлую
  среду", "в прошлый четверг": strictly before A; "в следующую/предстоящую/
  ближайшую среду": strictly after A.
- "днем ранее", "за день до этого" (-1), "днем позже", "на следующий день" (+1):
  from the last day-precise date before it in the same text, else from A.
- Not dates: "80-летия", "в 2 раза", "на 10 процентов", "до 2030 года",
  "с 2014 года" (bounds of a period), "в 1990-е", "в 1990-х годах" (decades
  have no precision here), "в 2025-2026 годах".

When matches overlap the longest wins ("в начале сентября 2025 года" is one
span, not also "сентября 2025 года"). Spans come back in text order.

Word lists live in ``kgraph/lexicon/dates.tsv``, read once at import. Every
pattern is a compiled regular expression run on the lower-cased text; a few
substring tests (digits, month stems, weekdays, "вчера", "год", ...) decide
which patterns can match at all, so a sentence with none of them costs no
regex search and returns [] at once.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from ..lexicons import table
from ..model import Precision, fold, precision_of

__all__ = ["FUTURE_DAYS", "DateSpan", "find_dates", "nearest_date"]

FUTURE_DAYS = 62
"""How far after the article's date a day or a month without a year may fall."""


@dataclass(frozen=True)
class DateSpan:
    """A date found in a text: ``text[start:stop] == span.text``."""

    start: int
    stop: int
    value: str  # "2026-02-04" | "2026-02" | "2026"
    text: str  # the matched words: "в начале сентября"

    @property
    def precision(self) -> Precision:
        """ "day", "month" or "year", from the shape of ``value``."""
        return cast(Precision, precision_of(self.value))


# --- the lexicon -------------------------------------------------------------


def _norm(words: str) -> str:
    return " ".join(fold(words).split())


def _load(name: str) -> dict[str, dict[str, int]]:
    """kind -> {normalized form: key} from ``lexicon/NAME``."""
    lexicon: dict[str, dict[str, int]] = {}
    for kind, key, forms in table(name):
        for form in forms.split(","):
            if form.strip():
                lexicon.setdefault(kind, {})[_norm(form)] = int(key)
    return lexicon


_LEX = _load("dates.tsv")
_MONTHS = {**_LEX["month_gen"], **_LEX["month_loc"], **_LEX["month_other"]}
_SHIFTS = {**_LEX["shift_loc"], **_LEX["shift_gen"]}
_EVE_OF = tuple(_LEX["eve_of"])


def _alt(*kinds: str) -> str:
    """A regex matching any form of the kinds, as a trie so that it fails fast."""
    trie: dict = {}
    for kind in kinds:
        for form in _LEX[kind]:
            node = trie
            for char in form:
                node = node.setdefault(char, {})
            node[""] = {}

    def emit(node: dict) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(trie)


# --- resolving ---------------------------------------------------------------

_REJECT = object()  # a handler's answer for "this match is not a date at all"


def _day(year: int, month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _day_near(anchor: date, month: int, day: int) -> str | None:
    """The latest (year, month, day) at most FUTURE_DAYS after the anchor."""
    limit = anchor + timedelta(days=FUTURE_DAYS)
    for year in range(anchor.year + 1, anchor.year - 8, -1):
        if _day(year, month, day) and date(year, month, day) <= limit:
            return _day(year, month, day)
    return None


def _day_ahead(anchor: date, month: int, day: int) -> str | None:
    """The earliest (year, month, day) on or after the anchor: a planned "10 мая"."""
    for year in range(anchor.year, anchor.year + 9):
        if _day(year, month, day) and date(year, month, day) >= anchor:
            return _day(year, month, day)
    return None


def _month_near(anchor: date, month: int) -> str:
    """The latest such month whose first day is at most FUTURE_DAYS after the anchor."""
    limit = anchor + timedelta(days=FUTURE_DAYS)
    year = limit.year if month <= limit.month else limit.year - 1
    return _month(year, month)


def _months_from(anchor: date, shift: int) -> str:
    year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
    return _month(year, month0 + 1)


def _year_of(m: re.Match, anchor: date | None) -> int | None:
    """The year a match spells ("2025 года", "прошлого года"), if it spells one."""
    if m["y"]:
        return int(m["y"])
    if m["ys"] and anchor is not None:
        return anchor.year + _SHIFTS[_norm(m["ys"])]
    return None


def _is_eve_of(text: str, pos: int) -> bool:
    """Does "накануне" ending at ``pos`` take an object ("накануне визита")?"""
    m = _NEXT_WORD.match(text, pos)
    if m is None:
        return False
    word = m[1]
    return word[0].isdigit() or word.startswith(_EVE_OF) or word.endswith(("ого", "его", "ых", "их"))


# --- patterns ----------------------------------------------------------------
# Rules run on the lower-cased text with ё read as е, without re.IGNORECASE, and
# each pattern opens with a literal ("в", "на") or a character class (a digit,
# the first letters of a word list) so that the regex engine skips ahead fast.

_YEAR = r"(?:1[89]|2[01])\d\d(?!\d)"
_YEAR_WORD = r"(?:-?м)?\s*(?:года|году|г\.?)(?!\w)"  # "2025 года", "2024-м году", "2025 г."
_IN = r"в(?<!\wв)о?\s+"  # "в", "во" as a word
_DAY = r"(?P<d>\d(?<![\w.,:/-]\d)\d?)"  # 1-2 digits not glued to a word or a number
_PART = _alt("period_part")
_SHIFT_GEN = _alt("shift_gen")
# A year after a day or a month: "2025 года", "2025 г.", a bare "2025" before
# punctuation or the end, or "прошлого года".
_YEAR_TAIL = (
    rf"(?:\s+(?P<y>{_YEAR})(?:{_YEAR_WORD}|(?=\s*(?:[^\w\s]|$)))"
    rf"|\s+(?P<ys>{_SHIFT_GEN})\s+года(?!\w))?"
)
_WEEKDAY = (
    rf"{_IN}(?:(?P<q>{_alt('weekday_qual')})\s+)?(?P<wd>{_alt('weekday')})(?!\w)"
    rf"(?:\s+{_alt('day_part')}(?!\w))?"
)


def _stems(*kinds: str) -> tuple[str, ...]:
    """Substrings one of which every form of the kinds contains (for ``in`` tests):
    the forms' common prefix per key ("январ"), or the forms when it is short ("май", "мая")."""
    groups: dict[int, list[str]] = {}
    for kind in kinds:
        for form, key in _LEX[kind].items():
            groups.setdefault(key, []).append(form)
    stems: set[str] = set()
    for forms in groups.values():
        prefix = forms[0]
        for form in forms[1:]:
            while not form.startswith(prefix):
                prefix = prefix[:-1]
        stems.update([prefix] if len(prefix) >= 3 else forms)
    return tuple(sorted(stems))


# What a rule needs to be worth running: tag -> substrings of the lower-cased text.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "digit": tuple("0123456789"),
    "month": _stems("month_gen", "month_loc", "month_other"),
    "weekday": _stems("weekday"),
    "day": _stems("relative_day"),
    "unit": ("год", "месяц", "недел", "днем", "день"),
}

_Handler = Callable[[re.Match, "date | None", bool], object]
_RULES: list[tuple[re.Pattern, _Handler, frozenset[str]]] = []


def _rule(pattern: str, *needs: str) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        _RULES.append((re.compile(pattern), handler, frozenset(needs)))
        return handler

    return register


def _word_start(m: re.Match) -> bool:
    """Does the match start a word (for patterns that cannot look behind)?"""
    return m.start() == 0 or not (m.string[m.start() - 1].isalnum() or m.string[m.start() - 1] == "_")


@_rule(rf"(?P<d>\d(?<![\d.]\d)\d?)\.(?P<m>\d\d?)\.(?P<y>{_YEAR})(?!\.?\d)(?:\s*(?:года|г\.?)(?!\w))?", "digit")
def _numeric(m: re.Match, anchor: date | None, future: bool) -> object:
    """12.03.2025"""
    return _day(int(m["y"]), int(m["m"]), int(m["d"])) or _REJECT


@_rule(
    rf"{_DAY}(?:-?го)?"
    r"(?:\s*[-–—]\s*\d{1,2}(?:-?го)?|\s+(?:и|по)\s+\d{1,2}(?:-?го)?)?"
    rf"\s+(?P<mon>{_alt('month_gen')})(?!\w){_YEAR_TAIL}",
    "digit",
    "month",
)
def _day_month(m: re.Match, anchor: date | None, future: bool) -> object:
    """4 февраля, 4-5 февраля, 12 марта 2025 года, 4 февраля прошлого года"""
    month, day = _MONTHS[_norm(m["mon"])], int(m["d"])
    if not _day(2000, month, day):  # 2000 is a leap year: "29 февраля" passes
        return _REJECT
    year = _year_of(m, anchor)
    if year is not None:
        return _day(year, month, day) or _REJECT
    if anchor is None:
        return None
    return _day_ahead(anchor, month, day) if future else _day_near(anchor, month, day)


@_rule(
    rf"{_IN}(?:{_PART}\s+(?P<mg>{_alt('month_gen')})|(?P<ml>{_alt('month_loc')}))(?!\w){_YEAR_TAIL}",
    "month",
)
def _in_month(m: re.Match, anchor: date | None, future: bool) -> object:
    """в феврале, в начале сентября, в сентябре прошлого года"""
    month = _MONTHS[_norm(m["mg"] or m["ml"])]
    year = _year_of(m, anchor)
    if year is not None:
        return _month(year, month)
    if anchor is None:
        return None
    return _month(anchor.year + (month < anchor.month), month) if future else _month_near(anchor, month)


@_rule(
    rf"(?P<mon>{_alt('month_gen', 'month_loc', 'month_other')})\s+(?P<y>{_YEAR}){_YEAR_WORD}",
    "digit",
    "month",
)
def _month_year(m: re.Match, anchor: date | None, future: bool) -> object:
    """февраль 2025 года, с февраля 2025 года"""
    if not _word_start(m):
        return _REJECT
    return _month(int(m["y"]), _MONTHS[_norm(m["mon"])])


@_rule(rf"{_IN}(?:(?:{_PART})\s+)?(?P<y>{_YEAR}){_YEAR_WORD}", "digit")
def _in_year(m: re.Match, anchor: date | None, future: bool) -> object:
    """в 2024 году, в начале 2025 года"""
    return m["y"]


@_rule(
    rf"{_alt('season')}(?:\s+(?P<y>{_YEAR}){_YEAR_WORD}|\s+(?P<ys>{_SHIFT_GEN})\s+года(?!\w))",
    "unit",
)
def _season(m: re.Match, anchor: date | None, future: bool) -> object:
    """летом 2025 года, осенью прошлого года"""
    if not _word_start(m):
        return _REJECT
    year = _year_of(m, anchor)
    return None if year is None else f"{year:04d}"


@_rule(
    rf"{_IN}(?:(?:{_PART})\s+(?P<sg>{_SHIFT_GEN})\s+(?P<ug>года|месяца)"
    rf"|(?P<sl>{_alt('shift_loc')})\s+(?P<ul>году|месяце))(?!\w)",
    "unit",
)
def _relative_period(m: re.Match, anchor: date | None, future: bool) -> object:
    """в прошлом году, в этом месяце, в конце прошлого года"""
    if anchor is None:
        return None
    shift = _SHIFTS[_norm(m["sg"] or m["sl"])]
    if (m["ug"] or m["ul"]).startswith("год"):
        return f"{anchor.year + shift:04d}"
    return _months_from(anchor, shift)


@_rule(rf"на(?<!\wна)\s+(?P<s>{_alt('shift_week')})\s+неделе(?!\w)", "unit")
def _week(m: re.Match, anchor: date | None, future: bool) -> object:
    """на прошлой неделе: the week's month if the week lies in one month"""
    if anchor is None:
        return None
    monday = anchor - timedelta(days=anchor.weekday() - 7 * _LEX["shift_week"][_norm(m["s"])])
    sunday = monday + timedelta(days=6)
    return _month(monday.year, monday.month) if monday.month == sunday.month else None


@_rule(_WEEKDAY, "weekday")
@_rule(rf"ранее(?<!\wранее)\s+{_WEEKDAY}", "weekday")
def _weekday(m: re.Match, anchor: date | None, future: bool) -> object:
    """в среду, в прошлую среду, в понедельник вечером, ранее в среду"""
    if anchor is None:
        return None
    weekday = _LEX["weekday"][_norm(m["wd"])]
    direction = _LEX["weekday_qual"][_norm(m["q"])] if m["q"] else 0
    if future and direction == 0:  # "встреча пройдет в среду": the coming one, or today
        return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7)).isoformat()
    if direction > 0:
        return (anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)).isoformat()
    back = (anchor.weekday() - weekday) % 7
    if direction < 0 and back == 0:
        back = 7
    return (anchor - timedelta(days=back)).isoformat()


@_rule(rf"(?P<w>{_alt('relative_day')})(?!\w)(?:\s+{_alt('day_part')}(?!\w))?", "day")
def _relative_day(m: re.Match, anchor: date | None, future: bool) -> object:
    """сегодня, вчера, накануне, завтра вечером"""
    word = _norm(m["w"])
    if not _word_start(m) or (word == "накануне" and _is_eve_of(m.string, m.end("w"))):
        return _REJECT
    if anchor is None:
        return None
    return (anchor + timedelta(days=_LEX["relative_day"][word])).isoformat()


@_rule(rf"(?P<w>{_alt('day_shift')})(?!\w)", "unit")
def _day_shift(m: re.Match, anchor: date | None, future: bool) -> object:
    """днем ранее: a shift resolved once the dates before it are known"""
    return _LEX["day_shift"][_norm(m["w"])] if _word_start(m) else _REJECT


_NEXT_WORD = re.compile(r"\s*([\w-]+)")


# --- the API -----------------------------------------------------------------


def find_dates(text: str, anchor: date | None, future: bool = False) -> list[DateSpan]:
    """Every date in ``text``, in text order, resolved against ``anchor``.

    ``future=True`` is for a planned event: a day, month or weekday without a year
    is the next one on or after the anchor ("Моди посетит Россию в июле" in a
    February article is the coming July), not the one the 62-day window picks.

    >>> find_dates("Во вторник Лавров заявил, что ...", date(2026, 2, 4))[0].value
    '2026-02-03'
    """
    low = text.lower()
    if len(low) != len(text):  # a rare letter that lower-cases to two: keep offsets
        low = "".join(char.lower()[0] for char in text)
    low = fold(low)
    present = {tag for tag, stems in _TRIGGERS.items() if any(stem in low for stem in stems)}
    if not present:
        return []
    found: list[tuple[int, int, object, bool]] = []  # start, stop, value, is a day shift
    for pattern, handler, needs in _RULES:
        if needs <= present:
            for m in pattern.finditer(low):
                answer = handler(m, anchor, future)
                if answer is not _REJECT:
                    found.append((m.start(), m.end(), answer, handler is _day_shift))
    if not found:
        return []
    kept: list[tuple[int, int, object, bool]] = []
    for cand in sorted(found, key=lambda c: (c[0] - c[1], c[0])):  # longest first
        if all(cand[1] <= k[0] or k[1] <= cand[0] for k in kept):
            kept.append(cand)
    kept.sort(key=lambda c: c[0])
    spans: list[DateSpan] = []
    for start, stop, found_value, is_shift in kept:
        value: str | None
        if is_shift:  # a shift handler's value is a number of days from the last day named
            days = [s for s in spans if s.precision == "day"]
            base = date.fromisoformat(days[-1].value) if days else anchor
            value = None if base is None else (base + timedelta(days=cast(int, found_value))).isoformat()
        else:
            value = cast("str | None", found_value)
        if value is not None:
            spans.append(DateSpan(start, stop, value, text[start:stop]))
    return spans


def nearest_date(spans: Iterable[DateSpan], position: int) -> DateSpan | None:
    """The span closest to a character ``position`` of the same text.

    Distance is 0 inside a span, ``position - stop`` before it, ``start -
    position`` after it; on a tie the span before the position wins.

    >>> spans = find_dates("В среду Лавров сказал, что встреча пройдет 10 марта.", date(2026, 2, 4))
    >>> nearest_date(spans, 15).text, nearest_date(spans, 27).text
    ('В среду', '10 марта')
    """
    best: DateSpan | None = None
    best_key: tuple[int, int] | None = None
    for span in spans:
        if span.start <= position < span.stop:
            key = (0, 0)
        elif span.stop <= position:
            key = (position - span.stop, 0)
        else:
            key = (span.start - position, 1)
        if best_key is None or key < best_key:
            best, best_key = span, key
    return best
