"""How fast kgraph is against its cost floor, natasha alone, on the same articles.

    python3 bench/throughput.py                      # data/'s articles, repeated to 2,000
    python3 bench/throughput.py --corpus ../shared/data/dev.jsonl -n 1000 --rounds 2
                                                     # 1,000 drawn from a corpus as it is

Two ways to make the articles:

- ``DATA`` (default: the project's ``data/`` samples): its articles repeated in
  turn, up to ``--articles``;
- ``--corpus FILE``: ``--articles`` drawn at random, with repetition, from the
  corpus (a fixed seed): the real mixture of lengths (300-character wire items
  beside 6,000-9,000-character analysis pieces), which is what decides whether
  two workers keep both cores busy.

Each figure is measured in its own process (one BLAS thread), with the clock
started before any model is loaded, so that every row pays its own start-up:

- natasha alone: segment, morphology, syntax, NER of each article's text;
- kgraph, 1 worker: ``kgraph extract FILE -o OUT --workers 1`` end to end (reading,
  natasha, entities, extractors, JSON lines written);
- kgraph, N workers: the same with ``--workers N`` (workers started and natasha
  loaded in each, inside the clock).

"end to end" is the whole run; "articles/s" counts from the first article done
to the last, so that loading the models does not count. The slowest article is
the longest time one article took (natasha alone, and kgraph in one worker,
where results come out as they are made). Peak RSS is the largest resident size
of the measuring process, or of any worker. CPU time per article (all processes)
depends less on what else runs on the machine than wall time does; with N workers
the main process's own share (reading, sending, receiving, writing) is printed too. The outputs
of 1 and N workers are compared byte for byte. ``--rounds`` alternates the
configurations and prints the range of each ratio over the rounds.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
           "NUMEXPR_NUM_THREADS")
SEED = 14


def default_data() -> Path:
    """The project's sample articles."""
    return ROOT / "data"


def _articles(data: Path) -> list:
    sys.path.insert(0, str(ROOT))
    from kgraph.articles import Skipped, read_articles

    articles = [a for a in read_articles([data]) if not isinstance(a, Skipped)]
    if not articles:
        raise SystemExit(f"no articles in {data}")
    return articles


def _write(articles: list, destination: Path) -> int:
    with destination.open("w", encoding="utf-8") as out:
        for i, a in enumerate(articles):
            record = {"id": f"{a.id}#{i}", "text": a.text,
                      "date": a.date.isoformat() if a.date else None, "title": a.title}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(articles)


def corpus(data: Path, count: int, destination: Path) -> int:
    """Write ``count`` articles (the data's, repeated in turn, with distinct ids) as JSONL; the count."""
    articles = _articles(data)
    return _write([articles[i % len(articles)] for i in range(count)], destination)


def drawn(data: Path, count: int, destination: Path, seed: int = SEED) -> int:
    """Write ``count`` articles drawn at random with repetition from ``data`` (its mixture of
    lengths as it is), with distinct ids, as JSONL; the count."""
    return _write(random.Random(seed).choices(_articles(data), k=count), destination)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (workers), user and system."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _slowest(done: list[float], start: float, ids: list[str]) -> dict:
    times = [b - a for a, b in zip([start, *done], done)][1:]  # the first one carries the start-up
    if not times:
        return {"slowest_s": 0.0, "slowest_id": ""}
    i = max(range(len(times)), key=times.__getitem__)
    return {"slowest_s": times[i], "slowest_id": ids[i + 1]}


def measure_natasha(path: Path) -> dict:
    """natasha's four steps over each text, nothing else, models loaded inside the clock."""
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    cpu = cpu_seconds()
    start = time.perf_counter()
    from natasha import (
        Doc,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    segmenter, embedding = Segmenter(), NewsEmbedding()
    morph, syntax, ner = NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)
    done = []
    for record in records:
        doc = Doc(record["text"])
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        done.append(time.perf_counter())
    return {"articles": len(done), "seconds": done[-1] - start, "steady": (len(done) - 1) / (done[-1] - done[0]),
            "cpu_ms": (cpu_seconds() - cpu) / len(done) * 1000, "rss_mb": peak_rss_mb(),
            **_slowest(done, start, [r["id"] for r in records])}


def measure_kgraph(path: Path, workers: int, output: Path) -> dict:
    """``kgraph extract`` end to end, timing when each article comes out of the runner."""
    sys.path.insert(0, str(ROOT))
    from kgraph.cli import common, main

    done: list[float] = []
    ids: list[str] = []
    real_run = common.run

    def timed_run(articles, n):
        for item in real_run(articles, n):
            done.append(time.perf_counter())
            ids.append(getattr(getattr(item, "article", None), "id", "skipped"))
            yield item

    common.run = timed_run
    cpu, own = cpu_seconds(), resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    code = main(["extract", str(path), "-o", str(output), "--workers", str(workers), "-q"])
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF)
    main_cpu = after.ru_utime + after.ru_stime - own.ru_utime - own.ru_stime
    if code:
        raise SystemExit(f"kgraph extract exited {code}")
    rss = peak_rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else peak_rss_mb()
    row = {"articles": len(done), "seconds": seconds, "steady": (len(done) - 1) / (done[-1] - done[0]),
           "cpu_ms": cpu / len(done) * 1000, "rss_mb": rss, "main_cpu_ms": main_cpu / len(done) * 1000,
           "output": hashlib.sha256(output.read_bytes()).hexdigest()}
    if workers == 1:  # results come out as they are made: the gaps are the articles' times
        row.update(_slowest(done, start, ids))
    return row


def measured(what: str, path: Path, workers: int = 1, output: Path | None = None) -> dict:
    """Run one measurement in a fresh process with one BLAS thread."""
    env = {**os.environ, **{name: "1" for name in THREADS}}
    command = [sys.executable, __file__, "--measure", what, "--workers", str(workers), str(path)]
    if output:
        command += ["--output", str(output)]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def report(args) -> None:
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "corpus.jsonl"
        if args.corpus:
            count = drawn(args.corpus, args.articles, path)
            source = f"drawn at random with repetition from {args.corpus}"
        else:
            count = corpus(args.data, args.articles, path)
            source = f"from {args.data}, repeated"
        lengths = sorted(len(json.loads(line)["text"]) for line in path.open(encoding="utf-8"))
        print(f"{count} articles {source}; characters: median {lengths[len(lengths) // 2]}, "
              f"90th percentile {lengths[len(lengths) * 9 // 10]}, longest {lengths[-1]}; {os.cpu_count()} cores")
        ratios: dict[str, list[float]] = {}
        for round in range(1, args.rounds + 1):
            print(f"\nround {round}; load average before: {load()}")
            rows = {"natasha alone": measured("natasha", path),
                    "kgraph, 1 worker": measured("kgraph", path, 1, Path(temp) / "one.jsonl")}
            if args.workers > 1:
                rows[f"kgraph, {args.workers} workers"] = measured("kgraph", path, args.workers,
                                                                   Path(temp) / "many.jsonl")
            print(f"load average after: {load()}")
            for name, value in print_round(rows, args.workers).items():
                ratios.setdefault(name, []).append(value)
        if args.rounds > 1:
            print(f"\nover {args.rounds} rounds:")
            for name, values in ratios.items():
                print(f"  {name}: {min(values):.2f} - {max(values):.2f}")


def print_round(rows: dict, workers: int) -> dict[str, float]:
    """Print one round's table and ratios; the ratios."""
    print(f"{'':22} {'articles/s':>10} {'end to end':>11} {'CPU/article':>12} {'slowest article':>22} {'peak RSS':>16}")
    for name, row in rows.items():
        rss = f"{row['rss_mb']:.0f} MB" + (" per worker" if "workers" in name else "")
        slowest = f"{row['slowest_s']:.2f} s ({row['slowest_id']})" if "slowest_s" in row else "-"
        print(f"{name:22} {row['steady']:10.1f} {row['seconds']:9.1f} s {row['cpu_ms']:9.1f} ms "
              f"{slowest:>22} {rss:>16}")
    floor, one = rows["natasha alone"], rows["kgraph, 1 worker"]
    ratios = {"1 worker / natasha, end to end": floor["seconds"] / one["seconds"],
              "1 worker / natasha, articles/s": one["steady"] / floor["steady"],
              "1 worker / natasha, CPU time": floor["cpu_ms"] / one["cpu_ms"]}
    print(f"kgraph 1 worker / natasha alone: {ratios['1 worker / natasha, end to end']:.2f} end to end, "
          f"{ratios['1 worker / natasha, articles/s']:.2f} by articles/s, "
          f"{ratios['1 worker / natasha, CPU time']:.2f} by CPU time")
    if workers > 1:
        many = rows[f"kgraph, {workers} workers"]
        key = f"{workers} workers / 1 worker, end to end"
        ratios[key] = one["seconds"] / many["seconds"]
        ratios[f"{workers} workers / 1 worker, articles/s"] = many["steady"] / one["steady"]
        same = "identical" if many["output"] == one["output"] else "DIFFERENT"
        print(f"{workers} workers / 1 worker: {ratios[key]:.2f}x end to end, start-up included "
              f"(target >= 1.9x on 2 idle cores), {many['steady'] / one['steady']:.2f}x by articles/s; "
              f"CPU per article {many['cpu_ms'] / one['cpu_ms']:.2f}x one worker's, of which the main process "
              f"{many['main_cpu_ms']:.1f} ms; output {same}")
    return ratios


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=default_data(),
                        help="articles to repeat in turn (JSONL, text files, a folder); default %(default)s")
    parser.add_argument("--corpus", type=Path, metavar="FILE",
                        help="draw the articles at random, with repetition, from this corpus as it is")
    parser.add_argument("-n", "--articles", type=int, default=2000, help="articles to process (default 2000)")
    parser.add_argument("-j", "--workers", type=int, default=2, help="workers for the parallel run (default 2; 1 skips it)")
    parser.add_argument("-r", "--rounds", type=int, default=1,
                        help="repeat the measurements, alternating, to see the machine's noise")
    parser.add_argument("--measure", choices=("natasha", "kgraph"), help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure == "natasha":
        print(json.dumps(measure_natasha(args.data)))
    elif args.measure == "kgraph":
        print(json.dumps(measure_kgraph(args.data, args.workers, args.output)))
    else:
        report(args)


if __name__ == "__main__":
    main()
