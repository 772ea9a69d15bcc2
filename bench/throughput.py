"""How fast kgraph is against its cost floor, natasha alone, on the same articles.

    python3 bench/throughput.py                      # data/'s articles, repeated to 2,000
    python3 bench/throughput.py --corpus ../shared/data/dev.jsonl -n 1000 --rounds 2
                                                     # 1,000 drawn from a corpus as it is
    python3 bench/throughput.py --corpus ../shared/data/dev.jsonl --as-is
                                                     # the corpus itself, each article once, in order

Three ways to make the articles:

- ``DATA`` (default: the project's ``data/`` samples): its articles repeated in
  turn, up to ``--articles``;
- ``--corpus FILE``: ``--articles`` drawn at random, with repetition, from the
  corpus (a fixed seed): the real mixture of lengths (300-character wire items
  beside 6,000-9,000-character analysis pieces), which is what decides whether
  two workers keep both cores busy, in a run long enough that start-up is a small part;
- ``--corpus FILE --as-is``: the corpus whole, in its order, each article once
  (``--articles`` ignored): no article repeats, so no cache of a process sees an
  article twice (drawing with repetition flatters one worker, whose caches see
  every repeat, against two that see half of them each); on a small corpus the
  start-up is a larger part of the run.

Each figure is measured in its own process (one BLAS thread), with the clock
started before any model is loaded, so that every row pays its own start-up:

- natasha alone: segment, morphology, syntax, NER of each article's text;
- kgraph, 1 worker: ``kgraph extract FILE -o OUT --workers 1`` end to end (reading,
  natasha, entities, extractors, JSON lines written);
- kgraph, N workers: the same with ``--workers N`` (the workers' start and
  natasha's loading inside the clock);
- with ``--parse-all``, kgraph, 1 worker, every sentence parsed
  (``kgraph extract --parse-all``): what skipping the sentences no construction
  reads saves, and whether the output is the same without the skip.

Each kgraph article is timed in the process that runs it (wall and CPU time), so
the bench also says which share of the run the workers spent on articles (the
rest: start-up, waiting for work, the tail) and how much of that time they were
on a CPU: under 100 %, other processes on the machine took the cores, and the
figures are that much noisier.

"end to end" is the whole run; "articles/s" counts from the first article done
to the last, so that loading the models does not count. The slowest article is
the longest time one article took, measured around natasha's steps, or around
the pipeline's call in the worker that ran it. Peak RSS is the largest resident
size of the measuring process, or of any worker (pages the workers share count
in each); peak PSS (Linux) is the largest proportional size of a worker, which
counts a page shared by k processes as 1/k, and of all the run's processes
together, sampled every second. CPU time per article (all processes)
depends less on what else runs on the machine than wall time does; with N workers
the main process's own share (reading, sending, receiving, writing) is printed too. The outputs
of 1 and N workers are compared byte for byte. ``--rounds`` alternates the
configurations and prints the range of each ratio over the rounds.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
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


def as_is(data: Path, destination: Path) -> int:
    """Write the articles of ``data`` as they are, in order, each once, as JSONL; the count."""
    return _write(_articles(data), destination)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """The peak resident size of this process, or of its largest waited-for descendant, in MB."""
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (workers), user and system."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _slowest(times: list[float], ids: list[str]) -> dict:
    """The longest of the articles' own times (the first one's, which loads the models, left out)."""
    if len(times) < 2:
        return {"slowest_s": 0.0, "slowest_id": ""}
    i = max(range(1, len(times)), key=times.__getitem__)
    return {"slowest_s": times[i], "slowest_id": ids[i]}


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found = []
    for task in tasks:
        with contextlib.suppress(OSError):
            found += [int(child) for child in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
    return found


def _pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


class Memory:
    """Peak PSS of the processes below this one (workers, the fork server), each and all
    together with this one, sampled every ``every`` seconds in a thread (Linux; zeros elsewhere)."""

    def __init__(self, every: float = 1.0) -> None:
        self.every = every
        self.each = 0.0
        self.total = 0.0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self.stop.wait(self.every):
            below, todo = [], _children(os.getpid())
            while todo:
                pid = todo.pop()
                below.append(pid)
                todo += _children(pid)
            sizes = [_pss_mb(pid) for pid in below]
            self.each = max([self.each, *sizes])
            self.total = max(self.total, _pss_mb(os.getpid()) + sum(sizes))

    def __enter__(self) -> Memory:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()


def timed(article, every_sentence: bool = False):
    """The pipeline on one article, in the process that runs it, and its time there:
    (result, seconds, CPU seconds, the process, the clock when it ended)."""
    from kgraph.pipeline import process

    start, cpu = time.perf_counter(), time.process_time()
    result = process(article, skip=not every_sentence)
    return result, time.perf_counter() - start, time.process_time() - cpu, os.getpid(), time.time()


def timed_parsing_all(article):
    """:func:`timed` with every sentence parsed (``kgraph extract --parse-all``)."""
    return timed(article, every_sentence=True)


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
    done, times = [], []
    for record in records:
        began = time.perf_counter()
        doc = Doc(record["text"])
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        done.append(time.perf_counter())
        times.append(done[-1] - began)
    return {"articles": len(done), "seconds": done[-1] - start, "steady": (len(done) - 1) / (done[-1] - done[0]),
            "cpu_ms": (cpu_seconds() - cpu) / len(done) * 1000, "rss_mb": peak_rss_mb(),
            **_slowest(times, [r["id"] for r in records])}


def measure_kgraph(path: Path, workers: int, output: Path, parse_all: bool = False) -> dict:
    """``kgraph extract`` end to end (``--parse-all``: every sentence parsed), timing when each
    article comes out of the runner, and each article's own time in the process that ran it
    (:func:`timed`)."""
    sys.path.insert(0, str(ROOT))
    from kgraph.cli import common, main

    done: list[float] = []
    times: list[float] = []
    cpus: list[float] = []
    ids: list[str] = []
    last: dict[int, float] = {}  # each worker's last article's end
    real_run = common.run

    def timed_run(articles, n, function=None):
        function = timed_parsing_all if function else timed  # --parse-all asks for process_parsing_all
        for item in real_run(articles, n, function=function, models=True):  # models: as the pipeline's own run
            done.append(time.perf_counter())
            if isinstance(item, tuple):
                item, seconds, cpu, worker, ended = item
                times.append(seconds)
                cpus.append(cpu)
                ids.append(item.article.id)
                last[worker] = max(last.get(worker, 0.0), ended)
            yield item

    common.run = timed_run
    cpu, own = cpu_seconds(), resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    with Memory() as memory:
        code = main(["extract", str(path), "-o", str(output), "--workers", str(workers), "-q",
                     *(["--parse-all"] if parse_all else [])])
    seconds = time.perf_counter() - start
    cpu = cpu_seconds() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF)
    main_cpu = after.ru_utime + after.ru_stime - own.ru_utime - own.ru_stime
    if code:
        raise SystemExit(f"kgraph extract exited {code}")
    rss = peak_rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else peak_rss_mb()
    return {"articles": len(done), "seconds": seconds, "steady": (len(done) - 1) / (done[-1] - done[0]),
            "first_s": done[0] - start, "cpu_ms": cpu / len(done) * 1000, "rss_mb": rss,
            "pss_mb": memory.each if workers > 1 else memory.total, "pss_total_mb": memory.total,
            "main_cpu_ms": main_cpu / len(done) * 1000, "output": hashlib.sha256(output.read_bytes()).hexdigest(),
            "busy": sum(times) / (workers * seconds), "on_cpu": sum(cpus) / sum(times),
            "tail_s": max(last.values()) - min(last.values()), **_slowest(times, ids)}


def measured(what: str, path: Path, workers: int = 1, output: Path | None = None) -> dict:
    """Run one measurement (natasha, kgraph or kgraph-parse-all) in a fresh process with one BLAS thread."""
    env = {**os.environ, **{name: "1" for name in THREADS}}
    command = [sys.executable, __file__, "--measure", what, "--workers", str(workers), str(path)]
    if output:
        command += ["--output", str(output)]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def load() -> str:
    """The load averages over 1, 5 and 15 minutes."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def report(args) -> None:
    """Make the articles, measure each configuration ``--rounds`` times, print the tables and ratios."""
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "corpus.jsonl"
        if args.corpus and args.as_is:
            count = as_is(args.corpus, path)
            source = f"from {args.corpus} as it is, in order, each once"
        elif args.corpus:
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
            if args.parse_all:
                rows["kgraph, 1, parse all"] = measured("kgraph-parse-all", path, 1, Path(temp) / "all.jsonl")
            print(f"load average after: {load()}")
            for name, value in print_round(rows, args.workers).items():
                ratios.setdefault(name, []).append(value)
        if args.rounds > 1:
            print(f"\nover {args.rounds} rounds:")
            for name, values in ratios.items():
                print(f"  {name}: {min(values):.2f} - {max(values):.2f}")


def print_round(rows: dict, workers: int) -> dict[str, float]:
    """Print one round's table and ratios; the ratios."""
    print(f"{'':22} {'articles/s':>10} {'end to end':>11} {'first out':>10} {'CPU/article':>12} "
          f"{'peak RSS':>9} {'peak PSS':>9}  slowest article")
    for name, row in rows.items():
        first = f"{row['first_s']:.2f} s" if "first_s" in row else "-"
        pss = f"{row['pss_mb']:.0f} MB" if row.get("pss_mb") else "-"
        print(f"{name:22} {row['steady']:10.1f} {row['seconds']:9.1f} s {first:>10} {row['cpu_ms']:9.1f} ms "
              f"{row['rss_mb']:6.0f} MB {pss:>9}  {row['slowest_s']:.2f} s ({row['slowest_id']})")
    print("(with N workers: peak RSS and PSS of the largest worker; "
          + ", ".join(f"all processes {row['pss_total_mb']:.0f} MB PSS ({name})"
                      for name, row in rows.items() if row.get("pss_total_mb")) + ")")
    for name, row in rows.items():
        if "busy" in row:
            tail = f"; the first worker out of work waited {row['tail_s']:.2f} s for the last" * ("workers" in name)
            print(f"{name}: the workers spent {row['busy']:.0%} of the run on articles, and were on a CPU "
                  f"{row['on_cpu']:.0%} of that time (less: other processes took the cores){tail}")
    floor, one = rows["natasha alone"], rows["kgraph, 1 worker"]
    ratios = {"1 worker / natasha, end to end": floor["seconds"] / one["seconds"],
              "1 worker / natasha, articles/s": one["steady"] / floor["steady"],
              "1 worker / natasha, CPU time": floor["cpu_ms"] / one["cpu_ms"]}
    print(f"kgraph 1 worker / natasha alone: {ratios['1 worker / natasha, end to end']:.2f} end to end, "
          f"{ratios['1 worker / natasha, articles/s']:.2f} by articles/s, "
          f"{ratios['1 worker / natasha, CPU time']:.2f} by CPU time")
    if "kgraph, 1, parse all" in rows:
        every = rows["kgraph, 1, parse all"]
        same = "identical" if every["output"] == one["output"] else "DIFFERENT"
        ratios["parse all / natasha, end to end"] = floor["seconds"] / every["seconds"]
        print(f"kgraph 1 worker parsing every sentence: {ratios['parse all / natasha, end to end']:.2f} of natasha "
              f"end to end, {every['steady'] / floor['steady']:.2f} by articles/s; the skip saves "
              f"{1 - one['cpu_ms'] / every['cpu_ms']:.1%} of the CPU per article; output {same} with and without it")
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
    """The command line: the report, or one measurement (``--measure``, run by :func:`measured`)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=default_data(),
                        help="articles to repeat in turn (JSONL, text files, a folder); default %(default)s")
    parser.add_argument("--corpus", type=Path, metavar="FILE",
                        help="draw the articles at random, with repetition, from this corpus as it is")
    parser.add_argument("--as-is", action="store_true",
                        help="with --corpus: the corpus whole, in its order, each article once (-n ignored)")
    parser.add_argument("-n", "--articles", type=int, default=2000, help="articles to process (default 2000)")
    parser.add_argument("-j", "--workers", type=int, default=2,
                        help="workers for the parallel run (default 2; 1 skips it)")
    parser.add_argument("-r", "--rounds", type=int, default=1,
                        help="repeat the measurements, alternating, to see the machine's noise")
    parser.add_argument("--parse-all", action="store_true",
                        help="also run kgraph in one worker with every sentence parsed, and compare the outputs")
    parser.add_argument("--measure", choices=("natasha", "kgraph", "kgraph-parse-all"), help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure == "natasha":
        print(json.dumps(measure_natasha(args.data)))
    elif args.measure in ("kgraph", "kgraph-parse-all"):
        print(json.dumps(measure_kgraph(args.data, args.workers, args.output, args.measure == "kgraph-parse-all")))
    else:
        report(args)


if __name__ == "__main__":
    main()
