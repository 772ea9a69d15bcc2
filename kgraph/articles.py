"""Read articles: Interfax-style text files, HTML pages, JSONL, folders, stdin.

Interfax text: a header line, a blank line, then the body with a dateline::

     date 2026-02-04 Путин и Си Цзиньпин продолжили общение

    Москва. 4 февраля. INTERFAX.RU - Президент РФ Владимир Путин ...

The header and the dateline become metadata (date, title, dateline city,
agency) and are cut from the text natasha sees: left in, natasha glues them
into the first sentence.

Readers never raise on bad input: an article that cannot be built comes out
as a :class:`Skipped` with its origin ("dir/a.txt", "dev.jsonl:12") and a
one-line reason, and the reader goes on with the rest. Bytes are decoded by
:mod:`kgraph.decoding` (UTF-8, BOM, cp1251), HTML is stripped to text by
:mod:`kgraph.markup`, and :data:`CHECKS` says which texts are not worth
building: empty, too long, no letters, no Cyrillic.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path

from .decoding import NotText, bom_encoding, decode_text, detect_encoding
from .markup import html_to_text, looks_like_html
from .model import Article

__all__ = [
    "ArticleError",
    "Skipped",
    "MAX_ARTICLE_CHARS",
    "CHECKS",
    "READERS",
    "parse_header",
    "parse_dateline",
    "article_from_text",
    "article_from_record",
    "record_date",
    "check_text",
    "read_text",
    "read_path",
    "read_articles",
]

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")
# "Москва. 4 февраля. INTERFAX.RU - ", "Нур-Султан. 1 марта 2020 года. INTERFAX - "
DATELINE = re.compile(
    r"^\s*(?P<city>[А-ЯЁA-Z][\w\- ]{0,40}?)\.\s+"  # one line: "Нур-Султан", "Ростов-на-Дону"
    r"(?P<day>\d{1,2})\s+(?P<month>[а-яё]+)(?:\s+(?P<year>\d{4})(?:\s+года?)?)?\.\s+"
    r"(?P<agency>[A-ZА-ЯЁ][\w.\-]*(?:\s[A-ZА-ЯЁ][\w.\-]*)?)\s+[-–—]\s+"
)
# An article longer than this is skipped, not truncated: it is a dump or a
# mis-split file, not news (a long news story is 20 000 characters, a full
# press-conference transcript 300 000), and natasha would spend ~10 minutes
# on it. 1 000 000 characters is about 2 MB of Russian in UTF-8.
MAX_ARTICLE_CHARS = 1_000_000
BYTES_PER_CHAR = 4  # the most any encoding we read spends on a character (UTF-32)
JSONL_SAMPLE = 65536  # bytes a JSONL file's encoding is detected from, once for all its lines
CYRILLIC = re.compile(r"[\u0400-\u052f]")


class ArticleError(ValueError):
    """An article that cannot be read; carries where it came from."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Skipped:
    """What a reader yields in place of an article it could not read.

    ``origin`` is the file ("data/a.txt") or file and line ("dev.jsonl:12"),
    ``reason`` one line: "empty", "broken JSON (Expecting value, column 1)".
    """

    origin: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", " ".join(self.origin.splitlines()))
        object.__setattr__(self, "reason", _one_line(self.reason) or "unreadable")


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
        raise ValueError(f"impossible date {match.group(1)} in the header (line 1)") from error
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


def article_from_text(text: str, id: str, origin: str | None = None, *, html: bool | None = None) -> Article:
    """An Article from the text of a file: Interfax header and dateline if present.

    The body is stripped of HTML markup when ``html`` is true, or when it is
    None and the body is clearly HTML ("<p>Москва. 4 февраля. INTERFAX.RU - ...</p>").
    Raises :class:`ArticleError` for an impossible header date (" date 2026-02-31 ...").
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    day = title = city = agency = None
    first, _, rest = text.partition("\n")
    try:
        header = parse_header(first)
    except ValueError as error:
        raise ArticleError(origin or id, str(error)) from None
    if header:
        day, title = header
        text = rest
    if html or (html is None and looks_like_html(text)):
        text = html_to_text(text)
    dateline = parse_dateline(text.lstrip())
    if dateline:
        city, agency, text = dateline
    return Article(
        id=id, text=text.strip(), date=day, title=title or None,
        dateline=city, agency=agency, origin=origin or id,
    )


PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?")


def record_date(value: str) -> Date | None:
    """A JSONL record's ``"date"``: the day of "2025-09-14" (a time after it ignored), None for
    a month or a year ("2025-09", "2025"), which are valid but name no day; ValueError when
    it is no date or an impossible one ("2025-13", "2025-02-30").

    An article's date is a day (extraction dates its events by it and reads "вчера" from it),
    so an article dated to the month or year is built as an undated one.

    >>> record_date("2025-09-14T10:00:00"), record_date("2025-09"), record_date("2025")
    (datetime.date(2025, 9, 14), None, None)
    """
    value = value.strip()
    partial = PARTIAL_DATE.fullmatch(value)
    if partial:
        if partial.group(2) and not 1 <= int(partial.group(2)) <= 12:
            raise ValueError(f"no month {partial.group(2)}")
        return None
    return Date.fromisoformat(value[:10])


def article_from_record(record: dict, origin: str) -> Article:
    """An Article from one JSONL record ``{"id", "text", "date"?, "title"?, ...}``.

    A text that still carries an Interfax header or dateline has it parsed off,
    HTML markup is stripped; unknown fields are ignored.
    """
    if not isinstance(record, dict):
        raise ArticleError(origin, "a JSON object was expected")
    text = record.get("text")
    if not isinstance(text, str):
        raise ArticleError(origin, 'no "text" string')
    id = record.get("id")
    if id is None or isinstance(id, (dict, list)) or not str(id).strip():
        raise ArticleError(origin, 'no "id"')
    article = article_from_text(text, str(id), origin)
    day = record.get("date")
    if day:
        try:
            article = replace(article, date=record_date(str(day)))
        except ValueError:
            raise ArticleError(origin, f"impossible date {str(day)[:40]!r}") from None
    fields = {key: record.get(key) for key in ("title", "source", "url") if isinstance(record.get(key), str)}
    return replace(article, **fields) if fields else article


def _empty(text: str, limit: int) -> str | None:
    return None if text.strip() else "empty"


def _too_long(text: str, limit: int) -> str | None:
    return f"too long: {len(text):,} characters (the limit is {limit:,})" if len(text) > limit else None


def _no_letters(text: str, limit: int) -> str | None:
    return None if any(c.isalpha() for c in text) else "no text: not a single letter"


def _no_cyrillic(text: str, limit: int) -> str | None:
    return None if CYRILLIC.search(text) else "no Cyrillic letters (kgraph reads Russian)"


# Why an article's text is not worth building, in the order they are tried.
CHECKS: tuple[Callable[[str, int], str | None], ...] = (_empty, _too_long, _no_letters, _no_cyrillic)


def check_text(text: str, max_chars: int = MAX_ARTICLE_CHARS) -> str | None:
    """Why an article text would not be built, or None when it will be.

    >>> check_text("Путин встретился с Си Цзиньпином."), check_text("Putin met Xi.")
    (None, 'no Cyrillic letters (kgraph reads Russian)')
    """
    for check in CHECKS:
        reason = check(text, max_chars)
        if reason:
            return reason
    return None


def _checked(article: Article, max_chars: int) -> Article | Skipped:
    reason = check_text(article.text, max_chars)
    return Skipped(article.origin or article.id, reason) if reason else article


def read_text(text: str, id: str, origin: str | None = None, *,
              html: bool | None = None, max_chars: int = MAX_ARTICLE_CHARS) -> Article | Skipped:
    """The article in a text, or a :class:`Skipped` saying why not; never raises.

    >>> read_text("", "a1", "a1.txt")
    Skipped(origin='a1.txt', reason='empty')
    """
    try:
        article = article_from_text(text, id, origin, html=html)
    except ArticleError as error:
        return Skipped(error.origin, error.reason)
    return _checked(article, max_chars)


def _read_record(line: str, origin: str, max_chars: int) -> Article | Skipped:
    try:
        return _checked(article_from_record(json.loads(line), origin), max_chars)
    except json.JSONDecodeError as error:
        return Skipped(origin, f"broken JSON ({error.msg.removesuffix(' at')}, column {error.colno})")
    except RecursionError:
        return Skipped(origin, "broken JSON (nested too deeply)")
    except ArticleError as error:
        return Skipped(error.origin, error.reason)
    except ValueError as error:
        return Skipped(origin, str(error))


def _read_jsonl(lines: Iterable[tuple[int, str | NotText]], name: str, max_chars: int) -> Iterator[Article | Skipped]:
    """Articles from numbered JSONL lines; a line that could not be decoded comes as NotText."""
    for number, line in lines:
        origin = f"{name}:{number}"
        if isinstance(line, NotText):
            yield Skipped(origin, str(line))
        elif line.strip():
            yield _read_record(line.rstrip("\r\n"), origin, max_chars)


def _decoded_lines(handle, encoding: str) -> Iterator[tuple[int, str | NotText]]:
    for number, raw in enumerate(handle, 1):
        try:
            yield number, decode_text(raw, encoding)
        except NotText as error:
            yield number, error


def _name(path: Path | str) -> str:
    """A path as text, even when the file system could not decode it.

    A name from a Windows archive in cp1251 comes as undecodable bytes: read
    as cp1251 Russian when it is, else its bad bytes escaped ("bad\\xff.txt").
    """
    name = str(path)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return decode_text(raw)
    except NotText:
        return raw.decode("utf-8", "backslashreplace")


def _article_id(path: Path, root: Path | None) -> str:
    """The id of a text file: its path below the folder read, without suffix."""
    relative = path.relative_to(root) if root else Path(path.name)
    return _name(relative.with_suffix("").as_posix())


def _too_big(path: Path, max_chars: int) -> Skipped | None:
    """A file too big to hold an article of ``max_chars``, refused before it is read."""
    size = path.stat().st_size
    if size > BYTES_PER_CHAR * max_chars:
        return Skipped(_name(path), f"too long: {size:,} bytes (the limit is {max_chars:,} characters)")
    return None


def _read_text_file(path: Path, id: str, max_chars: int, html: bool | None = None) -> Iterator[Article | Skipped]:
    too_big = _too_big(path, max_chars)
    if too_big:
        yield too_big
        return
    try:
        text = decode_text(path.read_bytes())
    except NotText as error:
        yield Skipped(_name(path), str(error))
        return
    yield read_text(text, id, _name(path), html=html, max_chars=max_chars)


def _read_html_file(path: Path, id: str, max_chars: int) -> Iterator[Article | Skipped]:
    yield from _read_text_file(path, id, max_chars, html=True)


def _read_jsonl_file(path: Path, id: str, max_chars: int) -> Iterator[Article | Skipped]:
    """JSONL in UTF-8, cp1251 or UTF-16/32 with a BOM; a file whose first line has NUL bytes is binary.

    A NUL byte further on spoils its own line only: JSON allows none.
    """
    with path.open("rb") as handle:
        sample = handle.read(JSONL_SAMPLE)
        handle.seek(0)
        encoding = bom_encoding(sample)
        if encoding in ("utf-16", "utf-32"):  # not splittable into lines as bytes: decode it whole
            try:
                lines = enumerate(decode_text(handle.read(), encoding).split("\n"), 1)
            except NotText as error:
                yield Skipped(_name(path), str(error))
                return
            yield from _read_jsonl(lines, _name(path), max_chars)
        elif b"\x00" in sample.partition(b"\n")[0]:
            yield Skipped(_name(path), "binary file (NUL bytes)")
        else:
            # undecodable lines are skipped one by one, so UTF-8 unless it is clearly cp1251
            text_lines = b"\n".join(line for line in sample.split(b"\n") if b"\x00" not in line)
            encoding = encoding or detect_encoding(text_lines, default="utf-8")
            yield from _read_jsonl(_decoded_lines(handle, encoding), _name(path), max_chars)


# suffix -> reader of one file (its path, the id a text file takes, the length limit);
# a folder is read for these suffixes only
READERS: dict[str, Callable[[Path, str, int], Iterator[Article | Skipped]]] = {
    ".txt": _read_text_file,
    ".text": _read_text_file,
    ".html": _read_html_file,
    ".htm": _read_html_file,
    ".jsonl": _read_jsonl_file,
    ".ndjson": _read_jsonl_file,
}


def _read_file(path: Path, id: str, max_chars: int) -> Iterator[Article | Skipped]:
    reader = READERS.get(path.suffix.lower(), _read_text_file)
    try:
        yield from reader(path, id, max_chars)
    except OSError as error:
        yield Skipped(_name(path), f"cannot read: {error.strerror or error}")


def _read_stdin(max_chars: int) -> Iterator[Article | Skipped]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream put in place of stdin
        data = sys.stdin.read()
    else:
        try:
            data = decode_text(buffer.read())
        except NotText as error:
            yield Skipped("<stdin>", str(error))
            return
    if data.lstrip("\ufeff \t\r\n").startswith("{"):
        yield from _read_jsonl(enumerate(data.split("\n"), 1), "<stdin>", max_chars)
    else:
        yield read_text(data, "stdin", "<stdin>", max_chars=max_chars)


def _folder_files(folder: Path) -> Iterator[Path | Skipped]:
    """The article files below a folder, in path order, symlinked folders followed.

    A link to a folder that is read anyway (a loop back to a parent, or a second way
    to a folder of the tree) is reported as a skip and not read twice.
    """
    def key(path: str) -> tuple[int, int]:
        info = os.stat(path)
        return info.st_dev, info.st_ino

    tree = {key(top) for top, _, _ in os.walk(folder)}  # the real folders of the tree
    visited = {key(str(folder))}
    files, links = [], []
    for top, folders, names in os.walk(folder, followlinks=True):
        for name in sorted(folders):
            child = os.path.join(top, name)
            try:
                child_key = key(child)
            except OSError:
                folders.remove(name)
                continue
            if os.path.islink(child) and (child_key in visited or child_key in tree):
                folders.remove(name)
                links.append(Path(child))
            else:
                visited.add(child_key)
        files += [Path(top, name) for name in names if Path(name).suffix.lower() in READERS]
    found = sorted([p for p in files if p.is_file()] + links)
    if not found:
        yield Skipped(_name(folder), f"no {', '.join(sorted(READERS))} files in the folder")
    for path in found:
        if path in links:
            yield Skipped(_name(path), "a link to a folder read already (a loop, or a second way in): not read twice")
        else:
            yield path


def _sources(path: str | Path) -> Iterator[tuple[Path, str] | Skipped | str]:
    """What one command-line path holds: ``(file, its default id)`` pairs, skips, or "-" for stdin."""
    if str(path) == "-":
        yield "-"
        return
    path = Path(path)
    if path.is_dir():
        for item in _folder_files(path):
            yield item if isinstance(item, Skipped) else (item, _article_id(item, path))
    elif not path.exists():
        yield Skipped(_name(path), "no such file or folder")
    else:
        yield path, _article_id(path, None)


def _read_source(source, max_chars: int) -> Iterator[Article | Skipped]:
    if source == "-":
        yield from _read_stdin(max_chars)
    elif isinstance(source, Skipped):
        yield source
    else:
        yield from _read_file(*source, max_chars)


def read_path(path: str | Path, *, max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Article | Skipped]:
    """Articles from one path: a .txt, .html or .jsonl file, a folder (recursive, symlinked
    folders followed), or ``-``.

    Yields a :class:`Skipped` for each article that cannot be read, so a
    caller can report it and go on with the rest; never raises on bad input.
    """
    for source in _sources(path):
        yield from _read_source(source, max_chars)


def _qualified(sources: list) -> list:
    """The sources, a text file whose default id another text file of the run has too
    taking its path as given instead (``a/news.txt`` and ``b/news.txt``: ``a/news``, ``b/news``)."""
    ids = Counter(source[1] for source in sources if isinstance(source, tuple) and _takes_id(source[0]))
    return [(source[0], _name(source[0].with_suffix("").as_posix()))
            if isinstance(source, tuple) and _takes_id(source[0]) and ids[source[1]] > 1 else source
            for source in sources]


def _takes_id(path: Path) -> bool:
    """Whether a file's articles take their id from its path (a text or HTML file, not JSONL)."""
    return READERS.get(path.suffix.lower(), _read_text_file) is not _read_jsonl_file


def read_articles(paths: Iterable[str | Path], *, max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Article | Skipped]:
    """Articles from every path in order (see :func:`read_path`), each id once in the run.

    A text file's id is its path below the folder read, without suffix (``a/x`` for
    ``data/a/x.txt`` of ``data``), or its name without suffix when given itself; when two
    text files of the run would share an id, each takes its path as given (``a/news``,
    ``b/news``). A JSONL record keeps its ``"id"``. An article whose id was read already
    in the run is skipped: "duplicate id 'x' (first read from dev.jsonl:3)".
    """
    sources = _qualified([source for path in paths for source in _sources(path)])
    first: dict[str, str] = {}
    for source in sources:
        for item in _read_source(source, max_chars):
            if isinstance(item, Article):
                if item.id in first:
                    item = Skipped(item.origin or item.id, f"duplicate id {item.id!r} (first read from {first[item.id]})")
                else:
                    first[item.id] = item.origin or item.id
            yield item
