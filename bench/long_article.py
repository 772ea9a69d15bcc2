"""How long and how much memory one very long article with no sentence end costs.

    python3 bench/long_article.py                   # 200,000 characters, and 10k/20k/40k beside it
    python3 bench/long_article.py --chars 1000000   # at the reader's limit (MAX_ARTICLE_CHARS)

Each size runs ``kgraph build FILE -o OUT --workers 1`` in its own process on a JSONL file
of the long article between two short good ones, and prints the wall time, the CPU
time (the work, whatever else runs on the machine), the peak resident size of the
largest child so far and the build's summary. Before kgraph.nlp cut
overlong sentences, 10,000 characters took 10 s, 20,000 35 s, 40,000 over 200 s, and
200,000 ran 10 minutes to 11.8 GB without finishing.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# words of a news sentence, repeated with no full stop, no comma: the worst case for the cut
WORDS = ("Президент России Владимир Путин провел переговоры в Кремле с председателем КНР "
         "Си Цзиньпином и обсудил торговлю энергетику и безопасность в регионе").split()
GOOD = [
    {"id": "good-1", "text": "Владимир Путин провел переговоры с Си Цзиньпином в Москве.", "date": "2025-05-08"},
    {"id": "good-2", "text": "Сергей Лавров встретился с Ван И в Пекине.", "date": "2025-05-09"},
]


def long_text(chars: int) -> str:
    """``chars`` characters of Russian words with no sentence end."""
    words, size, i = [], 0, 0
    while size < chars:
        word = WORDS[i % len(WORDS)]
        words.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(words)[:chars].rstrip()


def write_corpus(path: Path, chars: int) -> None:
    """The long article (id "long") between the two good ones, as JSONL."""
    records = [GOOD[0], {"id": "long", "text": long_text(chars), "date": "2025-05-08"}, GOOD[1]]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def measure(chars: int, folder: Path) -> dict:
    """Build the corpus in a child process: seconds, peak RSS (MB) of the children so far, output size."""
    corpus, out = folder / f"long-{chars}.jsonl", folder / f"long-{chars}.nt"
    write_corpus(corpus, chars)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run([sys.executable, "-m", "kgraph", "build", str(corpus), "-o", str(out), "--workers", "1"],
                               capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"chars": chars, "seconds": seconds, "cpu": cpu, "peak_mb": after.ru_maxrss / 1024, "exit": completed.returncode,
            "summary": completed.stdout.strip() or completed.stderr.strip().splitlines()[-1:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, nargs="*", default=[10_000, 20_000, 40_000, 200_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for chars in args.chars:
            row = measure(chars, Path(folder))
            print(f"{row['chars']:>9,} characters  {row['seconds']:6.1f} s wall  {row['cpu']:5.1f} s CPU  peak RSS {row['peak_mb']:6.0f} MB "
                  f"(largest so far)  exit {row['exit']}  {row['summary']}", flush=True)


if __name__ == "__main__":
    main()
