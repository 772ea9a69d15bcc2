"""Bytes to text: UTF-8, byte-order marks, cp1251 Russian; binary and mojibake refused."""
from __future__ import annotations

import codecs

import pytest

from kgraph.decoding import NotText, decode_text, detect_encoding, is_russian

RUSSIAN = "Президент РФ Владимир Путин провел переговоры с Си Цзиньпином."


@pytest.mark.parametrize("data", [
    RUSSIAN.encode("utf-8"),
    codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"),
    RUSSIAN.encode("utf-16"),  # Python writes the BOM
    codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"),
    RUSSIAN.encode("utf-32"),
    RUSSIAN.encode("cp1251"),
], ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-bom", "cp1251"])
def test_russian_text_is_decoded_in_every_encoding_we_read(data):
    assert decode_text(data) == RUSSIAN


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes)"),
    (bytes(range(1, 32)) * 4, "binary data (88 control characters in 124)"),
    ("Le président à l'Élysée".encode("latin-1"), "not UTF-8 (invalid byte 0xe9 at 5)"),
    (RUSSIAN.encode()[:9] + b"\xff" + RUSSIAN.encode()[9:], "nor cp1251 Russian"),  # one broken byte
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "not UTF-16 text (invalid byte 0x00 at 2)"),  # a lone surrogate
])
def test_binary_and_undecodable_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(NotText, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode_text(data)


def test_utf8_with_a_broken_byte_is_not_read_as_cp1251_mojibake():
    """UTF-8 Cyrillic decodes as cp1251 to "РџСЂРµР·..." -- Cyrillic, but no lowercase а-я."""
    mojibake = RUSSIAN.encode("utf-8").decode("cp1251")
    assert not is_russian(mojibake)
    assert is_russian(RUSSIAN)


def test_empty_bytes_are_empty_text():
    assert decode_text(b"") == ""


@pytest.mark.parametrize("text, expected", [
    ("Путин встретился с Си Цзиньпином", True),
    ('{"id": "a1", "text": "Путин встретился с Си."}', True),  # Latin keys do not outweigh the text
    ("ПУТИН ВСТРЕТИЛСЯ", False),  # capitals only: too little to tell cp1251 from mojibake
    ("Le président à l'Élysée".encode("latin-1").decode("cp1251"), False),
    ("Putin met Xi", False),
    ("", False),
])
def test_is_russian(text, expected):
    assert is_russian(text) is expected


@pytest.mark.parametrize("data, default, expected", [
    (RUSSIAN.encode("cp1251"), None, "cp1251"),
    (RUSSIAN.encode("utf-8")[:-2], None, "utf-8"),  # a block cut inside "м"
    (codecs.BOM_UTF8 + b"{}", None, "utf-8-sig"),
    (b"\xff broken", "utf-8", "utf-8"),
])
def test_detect_encoding(data, default, expected):
    assert detect_encoding(data, default=default) == expected


def test_binary_is_refused_even_with_a_default():
    with pytest.raises(NotText, match="NUL bytes"):
        detect_encoding(b"a\x00b", default="utf-8")


def test_the_binary_controls_are_the_control_characters_that_are_not_whitespace():
    import unicodedata

    from kgraph.decoding import BINARY_CONTROLS, WHITESPACE_CONTROLS

    for code in range(0x2000):
        c = chr(code)
        expected = unicodedata.category(c) == "Cc" and c not in WHITESPACE_CONTROLS
        assert bool(BINARY_CONTROLS.match(c)) is expected, hex(code)
