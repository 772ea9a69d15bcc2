"""Extract met_with / visited / said relations as JSON lines, one per article.

Each line: {"id": ..., "relations": [{"relation", "subject", "object", "status",
"mode", "date", "evidence"}]}, the format the project's scorer reads (see the
README, "Command line"). Lines come in input order whatever --workers; -o FILE
is written to a temporary file and renamed over FILE at the end.
"""
from __future__ import annotations

import json
import sys
from contextlib import nullcontext

from .common import Batch, RunStopped, add_input_arguments, atomic_text, fail

help = "extract relations as JSON lines (one per article)"
epilog = """\
examples:
  kgraph extract data/ -o pred.jsonl
  kgraph extract news.jsonl --workers 1 | head -3"""


def add_arguments(parser) -> None:
    add_input_arguments(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")


def run(args) -> int:
    batch = Batch(args)
    if not args.output and sys.stdout.isatty():
        batch.progress.live = False  # the JSON lines go to the same terminal
    try:
        with atomic_text(args.output) if args.output else nullcontext(sys.stdout) as out:
            for result in batch.results():
                out.write(json.dumps({"id": result.article.id, "relations": result.relations()},
                                     ensure_ascii=False) + "\n")
                if out is sys.stdout:
                    out.flush()
    except RunStopped as error:
        return fail(str(error))
    except BrokenPipeError:
        raise
    except OSError as error:
        return fail(f"cannot write {args.output}: {error}")
    batch.finish()
    return batch.exit_code
