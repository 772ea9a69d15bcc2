"""Adding articles to a large Oxigraph store costs in proportion to what is added.

    python3 bench/incremental.py                    # 100 new articles into stores of 0, 1,000, 10,000
    python3 bench/incremental.py --base 0 1000 --new 50

The data's articles (../shared/data/dev.jsonl, or data/) are processed once; their
results are copied under distinct ids to fill each store (one build), then ``--new``
further articles are added in a second build (open the store, add, close), the way
``kgraph build new/ -o oxigraph:DIR`` adds to an existing store. Extraction costs
the same per article whatever the store holds, so only the store's part is timed.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, default_data, load  # noqa: E402


def renamed(result, id: str):
    """The same result as if read from another article, with id ``id``."""
    events = tuple(replace(event, article_id=id) for event in result.events)
    return replace(result, article=replace(result.article, id=id), events=events)


def copies(results: list, count: int, tag: str):
    for i in range(count):
        result = results[i % len(results)]
        yield renamed(result, f"{result.article.id}#{tag}{i}")


def timed_build(spec: str, results) -> tuple[int, float]:
    from kgraph.store import open_target

    start = time.perf_counter()
    n = 0
    with open_target(spec) as target:
        for result in results:
            target.add(result)
            n += 1
    return n, time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=default_data())
    parser.add_argument("--base", type=int, nargs="+", default=[0, 1000, 10_000],
                        help="store sizes to add to (default 0 1000 10000)")
    parser.add_argument("--new", type=int, default=100, help="articles added (default 100)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from kgraph.articles import Skipped, read_articles
    from kgraph.pipeline import process

    results = [process(a) for a in read_articles([args.data]) if not isinstance(a, Skipped)]
    print(f"{len(results)} articles processed from {args.data}; load average {load()}")
    print(f"{'store holds':>11}  {'fill':>14}  {'+' + str(args.new) + ' articles':>14}  {'per article':>11}  vs empty")
    empty = None
    for base in args.base:
        with tempfile.TemporaryDirectory() as temp:
            spec = f"oxigraph:{temp}/kg"
            filled, fill = timed_build(spec, copies(results, base, "base"))
            added, seconds = timed_build(spec, copies(results, args.new, "new"))
        per = seconds / added * 1000
        empty = empty or per
        fill_text = f"{fill:6.1f} s" if filled else "-"
        print(f"{base:11d}  {fill_text:>14}  {seconds:12.2f} s  {per:8.1f} ms  {per / empty:6.2f}x", flush=True)
    print(f"load average {load()}")


if __name__ == "__main__":
    main()
