"""HTML to plain text with the standard library: what a reader of the page sees.

>>> html_to_text("<p>Путин&nbsp;и Си</p><script>x()</script><p>Второй&#160;абзац</p>")
'Путин и Си\\n\\nВторой абзац'

Scripts, styles, the ``<head>`` and page furniture (nav, aside, footer,
form) are dropped; block elements (p, div, h1, li ...) become paragraph
breaks, ``<br>`` a line break; entities are unescaped; runs of spaces inside a paragraph collapse to one, as a browser
shows them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["BLOCKS", "HIDDEN", "html_to_text", "looks_like_html"]

# not the article: code, page furniture (menus, sidebars, footers, forms)
HIDDEN = frozenset(
    {
        "script",
        "style",
        "head",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "nav",
        "aside",
        "footer",
        "form",
    }
)
BLOCKS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
# a tag of a known HTML element, opening or closing: "<p>", "</div>", "<a href=...>"
TAG = re.compile(
    r"<(?:!doctype\s+html|/?(?:html|body|title|br|span|a|b|i|em|strong|img|meta|link|"
    + "|".join(sorted(HIDDEN | BLOCKS))
    + r"))\b[^<>]*>",
    re.IGNORECASE,
)
MIN_TAGS = 2  # one stray "<b>" in a news text is not a page; "<!DOCTYPE html><title>" is


def looks_like_html(text: str) -> bool:
    """Whether a text is clearly HTML markup: two or more tags of known elements.

    >>> looks_like_html("<p>Путин встретился с Си Цзиньпином.</p>"), looks_like_html("a <b> c")
    (True, False)
    """
    return len(TAG.findall(text, 0, 100_000)) >= MIN_TAGS


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []  # open script, style, head ... elements

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body":  # ends a <head> left open
            self.hidden = [t for t in self.hidden if t != "head"]
        if tag in HIDDEN:
            self.hidden.append(tag)
        elif tag == "br":
            self.parts.append("\n")
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.hidden:
            del self.hidden[len(self.hidden) - 1 - self.hidden[::-1].index(tag) :]
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag not in HIDDEN:
            self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if not self.hidden:  # source line breaks are spaces, as in a browser
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page or fragment, paragraphs separated by blank lines."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
