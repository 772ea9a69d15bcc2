"""How fast kgraph is against its cost floor, natasha alone, on the same articles.

    python3 bench/throughput.py                      # ../shared/data/dev.jsonl (or data/), 2,000 articles
    python3 bench/throughput.py -n 600 --rounds 2 some.jsonl   # alternate, to see the noise

Each figure is measured in its own process (one BLAS thread, natasha loaded before
the clock starts):

- natasha alone: segment, morphology, syntax, NER of each article's text;
- kgraph, 1 worker: ``kgraph extract FILE -o OUT --workers 1`` end to end (reading,
  natasha, entities, extractors, JSON lines written);
- kgraph, N workers: the same with ``--workers N``, worker start-up included in the
  end-to-end time and excluded from the steady rate.

The steady rate counts articles from the first one done to the last one done, so
that loading the models does not count; the end-to-end time is printed beside it.
Peak RSS is the largest resident size of the measuring process, or of any worker.
CPU time per article (all processes, start-up of workers included) does not depend
on what else runs on the machine the way wall time does.
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
THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
           "NUMEXPR_NUM_THREADS")


def default_data() -> Path:
    shared = ROOT.parent / "shared" / "data" / "dev.jsonl"
    return shared if shared.exists() else ROOT / "data"


def corpus(data: Path, count: int, destination: Path) -> int:
    """Write ``count`` articles (the data's, repeated, with distinct ids) as JSONL; the count."""
    sys.path.insert(0, str(ROOT))
    from kgraph.articles import Skipped, read_articles

    articles = [a for a in read_articles([data]) if not isinstance(a, Skipped)]
    if not articles:
        raise SystemExit(f"no articles in {data}")
    with destination.open("w", encoding="utf-8") as out:
        for i in range(count):
            a = articles[i % len(articles)]
            record = {"id": f"{a.id}#{i // len(articles)}", "text": a.text,
                      "date": a.date.isoformat() if a.date else None, "title": a.title}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (workers), user and system."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure_natasha(path: Path) -> dict:
    """natasha's four steps over each text, nothing else."""
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    segmenter, embedding = Segmenter(), NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)
    cpu = cpu_seconds()
    start = time.perf_counter()
    first = last = start
    for i, text in enumerate(texts):
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        last = time.perf_counter()
        if i == 0:
            first = last
    return {"articles": len(texts), "seconds": last - start, "steady": (len(texts) - 1) / (last - first),
            "cpu_ms": (cpu_seconds() - cpu) / len(texts) * 1000, "rss_mb": peak_rss_mb()}


def measure_kgraph(path: Path, workers: int) -> dict:
    """``kgraph extract`` end to end, timing when each article comes out of the runner."""
    sys.path.insert(0, str(ROOT))
    import kgraph.cli.common as common
    from kgraph.cli import main
    from kgraph.pipeline import process
    from kgraph.runner import warm_up

    if workers == 1:
        warm_up(process)  # natasha, the KB and word lists loaded before the clock starts, as for natasha alone
    done: list[float] = []
    real_run = common.run

    def timed_run(articles, n):
        for item in real_run(articles, n):
            done.append(time.perf_counter())
            yield item

    common.run = timed_run
    with tempfile.TemporaryDirectory() as temp:
        cpu = cpu_seconds()
        start = time.perf_counter()
        code = main(["extract", str(path), "-o", str(Path(temp) / "out.jsonl"), "--workers", str(workers), "-q"])
        seconds = time.perf_counter() - start
        cpu = cpu_seconds() - cpu
    if code:
        raise SystemExit(f"kgraph extract exited {code}")
    rss = peak_rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else peak_rss_mb()
    return {"articles": len(done), "seconds": seconds, "steady": (len(done) - 1) / (done[-1] - done[0]),
            "cpu_ms": cpu / len(done) * 1000, "rss_mb": rss}


def measured(what: str, path: Path, workers: int = 1) -> dict:
    """Run one measurement in a fresh process with one BLAS thread."""
    env = {**os.environ, **{name: "1" for name in THREADS}}
    command = [sys.executable, __file__, "--measure", what, "--workers", str(workers), str(path)]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def report(args) -> None:
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "corpus.jsonl"
        count = corpus(args.data, args.articles, path)
        print(f"{count} articles from {args.data}; {os.cpu_count()} cores")
        for round in range(1, args.rounds + 1):
            print(f"round {round}; load average before: {load()}")
            rows = {"natasha alone": measured("natasha", path),
                    "kgraph, 1 worker": measured("kgraph", path, 1)}
            if args.workers > 1:
                rows[f"kgraph, {args.workers} workers"] = measured("kgraph", path, args.workers)
            print(f"load average after: {load()}")
            print_round(rows, args.workers)


def print_round(rows: dict, workers: int) -> None:
    print(f"{'':22} {'articles/s':>10} {'end to end':>11} {'CPU/article':>12} {'peak RSS':>16}")
    for name, row in rows.items():
        rss = f"{row['rss_mb']:.0f} MB" + (" per worker" if "workers" in name else "")
        print(f"{name:22} {row['steady']:10.1f} {row['seconds']:9.1f} s {row['cpu_ms']:9.1f} ms {rss:>16}")
    floor, one = rows["natasha alone"], rows["kgraph, 1 worker"]
    print(f"kgraph 1 worker / natasha alone: {one['steady'] / floor['steady']:.2f} by articles/s, "
          f"{floor['cpu_ms'] / one['cpu_ms']:.2f} by CPU time   (target >= 0.85)")
    if workers > 1:
        many = rows[f"kgraph, {workers} workers"]
        print(f"{workers} workers / 1 worker: {many['steady'] / one['steady']:.2f}x steady, "
              f"{one['seconds'] / many['seconds']:.2f}x end to end with start-up (target >= 1.8x on 2 idle cores); "
              f"CPU per article {many['cpu_ms'] / one['cpu_ms']:.2f}x one worker's (start-up included)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=default_data(),
                        help="articles to repeat (JSONL, text files, a folder); default %(default)s")
    parser.add_argument("-n", "--articles", type=int, default=2000, help="articles to process (default 2000)")
    parser.add_argument("-j", "--workers", type=int, default=2, help="workers for the parallel run (default 2; 1 skips it)")
    parser.add_argument("-r", "--rounds", type=int, default=1,
                        help="repeat the three measurements, alternating, to see the machine's noise")
    parser.add_argument("--measure", choices=("natasha", "kgraph"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure == "natasha":
        print(json.dumps(measure_natasha(args.data)))
    elif args.measure == "kgraph":
        print(json.dumps(measure_kgraph(args.data, args.workers)))
    else:
        report(args)


if __name__ == "__main__":
    main()
