"""Where one worker's time goes, stage by stage, over a corpus read as it is.

    python3 bench/stages.py ../shared/data/dev.jsonl      # or data/, or any JSONL of yours

Runs the steps of :func:`kgraph.pipeline.process` one after the other on each
article, in this process with one BLAS thread, models loaded and warmed up before
the clock, and prints the time of each step summed over the corpus: segmentation
(razdel), morphology (natasha's tagger), NER, choosing the sentences worth a parse
(which lemmatizes every token, for the extractors too: pymorphy's share is there),
syntax (the parser, on those sentences only), entities and extractors. Then the
parser's time had it parsed every sentence, and the share of sentences and tokens
it skipped. Timings are wall-clock: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from natasha import Doc  # noqa: E402

from kgraph.articles import Skipped, read_articles  # noqa: E402
from kgraph.entities.resolve import resolve_entities  # noqa: E402
from kgraph.extract import extract_events  # noqa: E402
from kgraph.nlp import pipeline, segment, split_long  # noqa: E402
from kgraph.pipeline import process, worth_parsing  # noqa: E402

STAGES = ("segmentation", "morphology", "NER", "choosing sentences", "syntax", "entities", "extractors")


def measure(articles: list) -> tuple[Counter, Counter]:
    """Seconds per stage over the articles, and counts of sentences and tokens (all, parsed)."""
    nlp, worth = pipeline(), worth_parsing()
    seconds: Counter = Counter()
    counts: Counter = Counter()
    for article in articles:
        if not article.text.strip():
            continue
        clock = time.perf_counter()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            seconds[stage] += now - clock
            clock = now

        doc = Doc(article.text)
        segment(doc)
        doc.sents = split_long(doc.text, doc.sents)
        lap("segmentation")
        batches = nlp.networks.batches(doc.sents)
        nlp.networks.tag(batches)
        lap("morphology")
        nlp.recognize(doc)
        lap("NER")
        parsed = [sent for sent in doc.sents if worth(sent)]
        lap("choosing sentences")
        chosen = {id(sent) for sent in parsed}
        nlp.networks.parse(doc, batches, lambda sent, chosen=chosen: id(sent) in chosen)
        lap("syntax")
        entities = resolve_entities(doc, article)
        lap("entities")
        extract_events(doc, entities, article)
        lap("extractors")
        nlp.networks.parse(doc, batches)
        lap("syntax, every sentence")
        counts.update(sentences=len(doc.sents), parsed=len(parsed), tokens=len(doc.tokens),
                      parsed_tokens=sum(len(s.tokens) for s in parsed))
    return seconds, counts


def main(argv: list[str] | None = None) -> None:
    """Measure the corpus and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=ROOT / "data", help="articles (default: data/)")
    args = parser.parse_args(argv)
    articles = [a for a in read_articles([args.corpus]) if not isinstance(a, Skipped)]
    process(articles[0])  # load and warm up
    seconds, counts = measure(articles)
    total = sum(seconds[stage] for stage in STAGES)
    print(f"{len(articles)} articles of {args.corpus}, {counts['sentences']} sentences, {counts['tokens']} tokens; "
          f"{total:.1f} s in all, {total / len(articles) * 1000:.1f} ms per article")
    for stage in STAGES:
        print(f"  {stage:20} {seconds[stage]:6.2f} s  {seconds[stage] / total:5.1%}")
    every = seconds["syntax, every sentence"]
    print(f"parsed {counts['parsed'] / counts['sentences']:.0%} of the sentences "
          f"({counts['parsed_tokens'] / counts['tokens']:.0%} of the tokens): the parser took "
          f"{seconds['syntax']:.2f} s, against {every:.2f} s for every sentence "
          f"({1 - seconds['syntax'] / every:.0%} saved, {(every - seconds['syntax']) / total:.1%} of the whole)")


if __name__ == "__main__":
    main()
