"""Quotation marks in running text: where quotes are, and their bare content.

>>> text = '«Разговор продолжается», - сказал Песков.'
>>> [text[a:b] for a, b in quote_regions(text)]
['Разговор продолжается']
>>> unquote('«Мы готовы»')
'Мы готовы'
"""

from __future__ import annotations

from bisect import bisect_right

__all__ = ["DASH", "OPENING", "clean_quote", "inside", "paragraph_bounds", "quote_regions", "unquote"]

OPENING = {"«": "»", '"': '"', "„": "“", "“": "”"}
DASH = "-–—"
_EDGE = " \t\n,.:;" + DASH


def quote_regions(text: str) -> list[tuple[int, int]]:
    """(start, stop) of the inside of each top-level quotation in the text.

    ``«а «б» в»`` has one region, the whole (straight quotes do not nest). A quotation in
    guillemets or curly quotes may run over line breaks between its sentences, the lines
    of a quoted speech («Мы готовы.\nНо ...», — сказал он), yet not over a blank line or
    from a sentence left open; a straight quote ends at its line's end. An unclosed quote
    gives no region.
    """
    regions = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in OPENING and (char != '"' or _opens(text, i)):
            close = _closing(text, i)
            if close is not None:
                regions.append((i + 1, close))
                i = close + 1
                continue
        i += 1
    return regions


def _closing(text: str, i: int) -> int | None:
    """Where the quotation opened at ``i`` closes, if it does."""
    char = text[i]
    close = OPENING[char]
    depth, j = 0, i + 1
    while j < len(text):
        if text[j] == "\n" and (char == '"' or not _speech_goes_on(text, j)):
            return None
        if text[j] == close and (close != '"' or _closes(text, j)):
            if depth == 0:
                return j
            depth -= 1
        elif text[j] == char and char != close:
            depth += 1
        j += 1
    return None


def _speech_goes_on(text: str, j: int) -> bool:
    """Whether a quotation may go on over the line break at ``j``: the line ends a sentence
    and the next, not blank, opens one ("Мы готовы.\nНо ..."; "— Они ...")."""
    i, k = j - 1, j + 1  # look only at the characters around the break, not copy the text
    while i >= 0 and text[i] in " \t":
        i -= 1
    while k < len(text) and text[k] in " \t":
        k += 1
    return i >= 0 and text[i] in ".!?…" and k < len(text) and (text[k].isupper() or text[k] in DASH)


def inside(regions: list[tuple[int, int]], position: int) -> bool:
    """Whether a position lies inside one of the regions :func:`quote_regions` found.

    >>> text = 'Путин сказал «мы готовы».'
    >>> regions = quote_regions(text)
    >>> inside(regions, text.index("готовы")), inside(regions, text.index("Путин"))
    (True, False)
    """
    index = bisect_right(regions, (position, float("inf"))) - 1
    return index >= 0 and regions[index][0] <= position < regions[index][1]


def _opens(text: str, i: int) -> bool:
    """A straight quote opens when a letter, not a space, follows it: ``"а``."""
    return i + 1 < len(text) and not text[i + 1].isspace()


def _closes(text: str, j: int) -> bool:
    """A straight quote closes when it is not followed by a letter: ``"а" б``."""
    return j + 1 >= len(text) or not text[j + 1].isalnum()


def unquote(text: str) -> str:
    """The text without one pair of quotation marks around all of it: «а» -> а; «а» и «б» stays."""
    text = text.strip()
    if len(text) > 1 and text[0] in OPENING:
        regions = quote_regions(text)
        if regions and regions[0] == (1, len(text) - 1):
            return text[1:-1].strip()
    return text


def clean_quote(text: str) -> str:
    """A quote without the punctuation and quotation marks at its edges.

    '«Мы готовы», ' -> 'Мы готовы'; a dangling closing mark is dropped too.
    """
    text = text.strip(_EDGE)
    text = unquote(text)
    if text.count("«") < text.count("»") and text.endswith("»"):
        text = text[:-1]
    if text.count("«") > text.count("»") and text.startswith("«"):
        text = text[1:]
    return text.strip(_EDGE).strip()


def paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    """(start, stop) of the paragraph (line) holding a position."""
    start = text.rfind("\n", 0, position) + 1
    stop = text.find("\n", position)
    return start, len(text) if stop < 0 else stop
