"""Read articles: Interfax-style text files, JSONL, plain text, folders, stdin.

Interfax text: a header line, a blank line, then the body with a dateline::

     date 2026-02-04 Путин и Си Цзиньпин продолжили общение

    Москва. 4 февраля. INTERFAX.RU - Президент РФ Владимир Путин ...

The header and the dateline become metadata (date, title, dateline city,
agency) and are cut from the text natasha sees: left in, natasha glues them
into the first sentence.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path

from .model import Article

__all__ = [
    "ArticleError",
    "Skipped",
    "parse_header",
    "parse_dateline",
    "article_from_text",
    "article_from_record",
    "read_path",
    "read_articles",
]

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")
# "Москва. 4 февраля. INTERFAX.RU - ", "Нур-Султан. 1 марта 2020 года. INTERFAX - "
DATELINE = re.compile(
    r"^\s*(?P<city>[А-ЯЁA-Z][\w\-\s]{0,40}?)\.\s+"
    r"(?P<day>\d{1,2})\s+(?P<month>[а-яё]+)(?:\s+(?P<year>\d{4})(?:\s+года?)?)?\.\s+"
    r"(?P<agency>[A-ZА-ЯЁ][\w.\-]*(?:\s[A-ZА-ЯЁ][\w.\-]*)?)\s+[-–—]\s+"
)
TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


class ArticleError(ValueError):
    """An article that cannot be read; carries where it came from."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


@dataclass(frozen=True)
class Skipped:
    """What a reader yields in place of an article it could not read."""

    origin: str
    reason: str


def parse_header(line: str) -> tuple[Date, str] | None:
    """The date and title of an Interfax header line, or None.

    >>> parse_header(" date 2026-02-04 Путин и Си Цзиньпин продолжили общение")
    (datetime.date(2026, 2, 4), 'Путин и Си Цзиньпин продолжили общение')
    """
    match = HEADER.match(line)
    if not match:
        return None
    try:
        day = Date.fromisoformat(match.group(1))
    except ValueError as error:
        raise ValueError(f"impossible date in header: {match.group(1)}") from error
    return day, match.group(2).strip()


def parse_dateline(body: str) -> tuple[str, str, str] | None:
    """(city, agency, body without the dateline), or None without a dateline.

    >>> parse_dateline("Москва. 4 февраля. INTERFAX.RU - Президент РФ ...")
    ('Москва', 'INTERFAX.RU', 'Президент РФ ...')
    """
    match = DATELINE.match(body)
    if not match:
        return None
    return match.group("city").strip(), match.group("agency"), body[match.end():]


def article_from_text(text: str, id: str, origin: str | None = None) -> Article:
    """An Article from the text of a file: Interfax header and dateline if present."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    day = title = city = agency = None
    first, _, rest = text.partition("\n")
    header = parse_header(first)
    if header:
        day, title = header
        text = rest
    dateline = parse_dateline(text.lstrip())
    if dateline:
        city, agency, text = dateline
    return Article(
        id=id, text=text.strip(), date=day, title=title or None,
        dateline=city, agency=agency, origin=origin or id,
    )


def article_from_record(record: dict, origin: str) -> Article:
    """An Article from one JSONL record ``{"id", "text", "date"?, "title"?, ...}``.

    A text that still carries an Interfax header or dateline has it parsed off;
    unknown fields are ignored.
    """
    if not isinstance(record, dict):
        raise ArticleError(origin, "a JSON object was expected")
    text = record.get("text")
    if not isinstance(text, str):
        raise ArticleError(origin, 'no "text" string')
    id = record.get("id")
    if id is None or isinstance(id, (dict, list)):
        raise ArticleError(origin, 'no "id"')
    article = article_from_text(text, str(id), origin)
    day = record.get("date")
    if day:
        try:
            article = replace(article, date=Date.fromisoformat(str(day)[:10]))
        except ValueError:
            raise ArticleError(origin, f"impossible date {day!r}") from None
    fields = {key: record.get(key) for key in ("title", "source", "url") if isinstance(record.get(key), str)}
    return replace(article, **fields) if fields else article


def _read_jsonl(lines: Iterable[str], name: str) -> Iterator[Article | Skipped]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        origin = f"{name}:{number}"
        try:
            yield article_from_record(json.loads(line), origin)
        except json.JSONDecodeError as error:
            yield Skipped(origin, f"broken JSON ({error.msg}, column {error.colno})")
        except ArticleError as error:
            yield Skipped(error.origin, error.reason)
        except ValueError as error:
            yield Skipped(origin, str(error))


def _article_id(path: Path, root: Path | None) -> str:
    """The id of a text file: its path below the folder read, without suffix."""
    relative = path.relative_to(root) if root else Path(path.name)
    return relative.with_suffix("").as_posix()


def read_path(path: str | Path) -> Iterator[Article | Skipped]:
    """Articles from one path: a .txt or .jsonl file, a folder (recursive), or ``-``.

    Yields a :class:`Skipped` for each article that cannot be read, so a
    caller can report it and go on with the rest.
    """
    if str(path) == "-":
        data = sys.stdin.read()
        if data.lstrip().startswith("{"):
            yield from _read_jsonl(data.splitlines(), "<stdin>")
        else:
            yield article_from_text(data, "stdin", "<stdin>")
        return
    path = Path(path)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix in TEXT_SUFFIXES | JSONL_SUFFIXES:
                yield from _read_file(child, path)
        return
    if not path.exists():
        yield Skipped(str(path), "no such file or folder")
        return
    yield from _read_file(path, None)


def _read_file(path: Path, root: Path | None) -> Iterator[Article | Skipped]:
    if path.suffix in JSONL_SUFFIXES:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            yield from _read_jsonl(handle, str(path))
        return
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        yield Skipped(str(path), "not UTF-8 text")
        return
    try:
        yield article_from_text(text, _article_id(path, root), str(path))
    except ValueError as error:
        yield Skipped(str(path), str(error))


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | Skipped]:
    """Articles from every path in order; see :func:`read_path`."""
    for path in paths:
        yield from read_path(path)
