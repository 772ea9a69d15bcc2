"""Memory stays flat as the corpus grows: a 10,000-article build, peak RSS at each 1,000.

    python3 bench/scale.py                          # 10,000 articles, 2 workers, into oxigraph:TMP
    python3 bench/scale.py -n 2000 -o graph.nq      # any build target; --command extract for JSON lines

The articles are the texts of DATA (default: the project's data/) repeated with
distinct ids. Every ``--every`` articles it prints the resident size (now and peak,
from /proc, so Linux only) of the main process and of each worker. A streaming
target keeps the main process flat; the workers are flat whatever the target.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from multiprocessing import active_children
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, corpus, default_data, load  # noqa: E402


def memory_mb(pid: int | str = "self") -> tuple[float, float]:
    """(resident now, resident peak) of a process in MB, from /proc/PID/status."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def snapshot(done: int, started: float) -> str:
    main_now, main_peak = memory_mb()
    workers = []
    for child in sorted(active_children(), key=lambda p: p.pid):
        try:
            workers.append(memory_mb(child.pid))
        except FileNotFoundError:
            continue
    cells = "  ".join(f"{now:5.0f}/{peak:5.0f}" for now, peak in workers) or "(in process)"
    rate = done / (time.perf_counter() - started)
    return f"{done:8d}  {rate:6.1f}/s  {main_now:5.0f}/{main_peak:5.0f}  {cells}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=default_data())
    parser.add_argument("-n", "--articles", type=int, default=10_000)
    parser.add_argument("-j", "--workers", type=int, default=2)
    parser.add_argument("--every", type=int, default=1000, help="print memory every N articles (default 1000)")
    parser.add_argument("--command", choices=("build", "extract"), default="build")
    parser.add_argument("-o", "--output", help="build target or JSONL file (default: oxigraph:TEMP, or TEMP.jsonl)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    import kgraph.cli.common as common
    from kgraph.cli import main as kgraph

    with tempfile.TemporaryDirectory(dir=ROOT) as temp:
        path = Path(temp) / "corpus.jsonl"
        corpus(args.data, args.articles, path)
        output = args.output or (f"oxigraph:{temp}/kg" if args.command == "build" else f"{temp}/out.jsonl")
        print(f"{args.articles} articles from {args.data} -> kgraph {args.command} -o {output} "
              f"--workers {args.workers}; load average {load()}", flush=True)
        print(f"{'articles':>8}  {'rate':>8}  {'main MB':>11}  workers MB (now/peak)", flush=True)
        real_run = common.run
        started = time.perf_counter()

        def watched(articles, workers):
            done = 0
            for item in real_run(articles, workers):
                yield item
                done += 1
                if done % args.every == 0 or done == args.articles:
                    print(snapshot(done, started), flush=True)

        common.run = watched
        code = kgraph([args.command, str(path), "-o", output, "--workers", str(args.workers), "-q"])
        print(f"exit {code} after {time.perf_counter() - started:.0f} s; load average {load()}", flush=True)


if __name__ == "__main__":
    main()
