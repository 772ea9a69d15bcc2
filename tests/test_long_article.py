"""A 200,000-character article with no sentence end is built in bounded time and memory,
and the good articles beside it all land (bench/long_article.py prints the figures)."""
from __future__ import annotations

import importlib.util
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from kgraph.nlp import MAX_SENTENCE_TOKENS, analyze

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("long_article", ROOT / "bench" / "long_article.py")
long_article = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(long_article)


def test_no_sentence_is_longer_than_the_limit_and_no_token_is_lost():
    text = long_article.long_text(20_000)
    doc = analyze(text)
    assert max(len(sent.tokens) for sent in doc.sents) <= MAX_SENTENCE_TOKENS
    assert sum(len(sent.tokens) for sent in doc.sents) == len(doc.tokens)
    assert all(token.rel and token.pos for token in doc.tokens)  # every piece tagged and parsed
    assert {span.text for span in doc.spans} >= {"Владимир Путин", "Си Цзиньпином"}


def test_a_200000_character_article_without_sentence_end_is_built_beside_good_ones(tmp_path):
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "g.nt"
    long_article.write_corpus(corpus, 200_000)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run([sys.executable, "-m", "kgraph", "build", str(corpus), "-o", str(out), "--workers", "1"],
                               capture_output=True, text=True, timeout=600, check=False,
                               env=dict(os.environ, PYTHONPATH=str(ROOT)))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert completed.returncode == 0, completed.stderr
    assert "3 articles" in completed.stdout
    graph = out.read_text(encoding="utf-8")
    for article in ("good-1", "long", "good-2"):
        assert f'"{article}"' in graph
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # CPU time is the work done; wall time also counts whatever else runs on a shared machine
    assert cpu < 30, f"{cpu:.1f} s of CPU ({wall:.1f} s wall)"
    assert after.ru_maxrss < 1024 * 1024, f"peak RSS {after.ru_maxrss / 1024:.0f} MB"
