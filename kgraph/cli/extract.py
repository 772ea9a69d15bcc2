"""Extract met_with / visited / said relations as JSON lines, one per article.

Each line: {"id": ..., "relations": [{"relation", "subject", "object",
"status", "mode", "date", "evidence"}]} -- what ../shared/eval/score.py reads.
"""
from __future__ import annotations

import json
import sys

from ..pipeline import process
from ..store import atomic_write
from .common import add_input_arguments, articles_from

help = "extract relations as JSON lines (one per article)"


def add_arguments(parser) -> None:
    add_input_arguments(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def run(args) -> int:
    skipped: list = []
    lines = []
    for article in articles_from(args.paths, skipped):
        result = process(article)
        line = json.dumps({"id": article.id, "relations": result.relations()}, ensure_ascii=False)
        if args.output:
            lines.append(line)
        else:
            print(line, flush=True)
    if args.output:
        atomic_write(args.output, "".join(f"{line}\n" for line in lines).encode("utf-8"))
    return 1 if skipped and args.strict else 0
