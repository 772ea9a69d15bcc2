"""What several commands share: reading articles with reports, errors, output files."""
from __future__ import annotations

import sys
from collections.abc import Iterator

from ..articles import Skipped, read_articles
from ..model import Article

__all__ = ["fail", "warn", "articles_from", "add_input_arguments"]


def warn(message: str) -> None:
    print(f"kgraph: warning: {message}", file=sys.stderr)


def fail(message: str, code: int = 2) -> int:
    print(f"kgraph: error: {message}", file=sys.stderr)
    return code


def add_input_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="Interfax .txt files, .jsonl files, folders (recursive), or - for stdin")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any article was skipped")


def articles_from(paths: list[str], skipped: list[Skipped]) -> Iterator[Article]:
    """The readable articles; each unreadable one is warned about and added to ``skipped``."""
    for item in read_articles(paths):
        if isinstance(item, Skipped):
            warn(f"skipped {item.origin}: {item.reason}")
            skipped.append(item)
        else:
            yield item
