"""Bytes to text: UTF-8, a byte-order mark, or legacy Russian cp1251; binary refused.

>>> decode_text("Путин".encode("cp1251"))
'Путин'
>>> decode_text(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
Traceback (most recent call last):
...
kgraph.decoding.NotText: binary file (NUL bytes)

The order of the guesses is a table, :data:`BOMS` then UTF-8 then cp1251.
cp1251 is accepted only when the result reads as Russian: more than 30 % of
its letters are lowercase а–я. Russian prose is ~90 % lowercase а–я (a JSONL
line with its Latin keys ~50 %); UTF-8 Cyrillic misread as cp1251
("РџСЂРµР·РёРґРµРЅС‚") has under 10 % (only "ё", from "и"), Latin-1 French a
few %. So a UTF-8 file with one broken byte is refused, not turned into
mojibake.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["BOMS", "LEGACY", "NotText", "bom_encoding", "decode_text", "detect_encoding", "is_russian"]

# (mark, codec), UTF-32 first: its little-endian mark starts with UTF-16's
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
LEGACY = "cp1251"  # Windows Cyrillic: what old Russian text files are in
CONTROL_SHARE = 0.05  # text with more control characters than this is binary
RUSSIAN_SHARE = 0.3  # share of lowercase а-я among the letters of cp1251 text
LOWER_RUSSIAN = re.compile(r"[а-яё]")
WHITESPACE_CONTROLS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85")
# the control characters (Unicode category Cc: U+0000-001F, U+007F-009F) other than those
BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


class NotText(ValueError):
    """Bytes that are not text kgraph can read; the message says why, in one line."""


def is_russian(text: str) -> bool:
    """Whether over 30 % of the letters are lowercase Russian: "Путин сказал" -> True."""
    letters = [c for c in text if c.isalpha()]
    russian = sum(1 for c in letters if LOWER_RUSSIAN.match(c))
    return bool(letters) and russian / len(letters) > RUSSIAN_SHARE


def _refuse_binary(text: str) -> str:
    controls = len(BINARY_CONTROLS.findall(text))
    if controls > CONTROL_SHARE * len(text):
        raise NotText(f"binary data ({controls} control characters in {len(text)})")
    return text


def bom_encoding(data: bytes) -> str | None:
    """The codec named by the byte-order mark ``data`` opens with, or None."""
    for mark, codec in BOMS:
        if data.startswith(mark):
            return codec
    return None


def detect_encoding(data: bytes, default: str | None = None) -> str:
    """The codec of ``data``: its byte-order mark's, "utf-8", or "cp1251" if it reads as Russian.

    ``data`` may be the first block of a longer file: a character cut at its
    end does not count against UTF-8. Bytes that are neither give ``default``
    when there is one; raises :class:`NotText` for them otherwise, and for
    binary (NUL bytes) always.
    """
    bom = bom_encoding(data)
    if bom:
        return bom
    if b"\x00" in data:
        raise NotText("binary file (NUL bytes)")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            return "utf-8"
        broken = error.start
    try:
        text = data.decode(LEGACY)
    except UnicodeDecodeError:
        text = ""
    if is_russian(text):
        return LEGACY
    if default:
        return default
    raise NotText(f"not UTF-8 (invalid byte 0x{data[broken]:02x} at {broken}) nor {LEGACY} Russian text")


def decode_text(data: bytes, encoding: str | None = None) -> str:
    """The text in ``data``, in ``encoding`` or the one detected; raises :class:`NotText`."""
    encoding = encoding or detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        name = encoding.upper().removesuffix("-SIG")
        raise NotText(f"not {name} text (invalid byte 0x{data[error.start]:02x} at {error.start})") from None
    return _refuse_binary(text)
