"""Memory against Oxigraph on a synthetic graph: build, load, export, a timeline and a GROUP BY.

    python3 bench/store.py                  # 500k quads (about 9 600 articles)
    python3 bench/store.py --quads 50000    # a quick look

Every step goes through kgraph's own layer (``kgraph.store``: targets, open_graph,
write_graph, run_query with the named queries), beside two rows of the libraries
alone, so the table shows what kgraph's layer costs on top of them. Prints a
Markdown table with the ratio memory / Oxigraph.
"""
from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from kgraph.queries import NAMED  # noqa: E402
from kgraph.store import open_graph, open_target, run_query, write_graph  # noqa: E402
from kgraph.store.target import article_graph  # noqa: E402
from tests.synthetic import results  # noqa: E402


def timed(step):
    gc.collect()
    start = time.perf_counter()
    value = step()
    return time.perf_counter() - start, value


def report(rows: list, label: str, memory: float, oxigraph: float) -> None:
    """Keep a row for the table, and say it at once on stderr: a full run takes minutes."""
    rows.append((label, memory, oxigraph))
    print(f"  {label}: {memory:.2f} s / {oxigraph:.2f} s", file=sys.stderr, flush=True)


def build(spec: str, items) -> None:
    with open_target(spec) as target:
        for item in items:
            target.add(item)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quads", type=int, default=500_000, help="about how many quads (default 500000)")
    parser.add_argument("--people", type=int, default=2_000, help="how many synthetic people (default 2000)")
    args = parser.parse_args()

    sample = results(200, people=args.people)
    per_article = len({q for item in sample for q in article_graph(item)[1]}) / len(sample)  # distinct quads
    items = results(max(1, round(args.quads / per_article)), people=args.people)
    folder = Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    try:
        measure(items, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(items, folder: Path) -> None:
    """Run every step on memory and on Oxigraph and print the table."""
    nq, store = folder / "g.nq", folder / "kg"
    rows: list[tuple[str, float, float]] = []

    t_file, _ = timed(lambda: build(str(nq), items))
    t_ox, _ = timed(lambda: build(f"oxigraph:{store}", items))
    report(rows, f"build {len(items)} articles (.nq file / oxigraph:DIR)", t_file, t_ox)

    t_mem, memory = timed(lambda: open_graph(nq))
    loaded = folder / "loaded"
    t_load, _ = timed(lambda: ox.Store(str(loaded)).bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS))
    oxigraph = open_graph(f"oxigraph:{store}")
    quads = sum(1 for _ in oxigraph.store._inner.quads_for_pattern(None, None, None, None))
    report(rows, "load the .nq (open_graph / Oxigraph bulk_load)", t_mem, t_load)

    inner = oxigraph.store._inner
    report(rows, "export N-Quads, libraries alone (rdflib serialize / Store.dump)",
           timed(lambda: memory.serialize(folder / "lib.nq", format="nquads"))[0],
           timed(lambda: inner.dump(str(folder / "lib-ox.nq"), ox.RdfFormat.N_QUADS))[0])
    report(rows, "export Turtle, libraries alone (rdflib / Oxigraph, union)",
           timed(lambda: memory.serialize(folder / "lib.ttl", format="turtle"))[0],
           timed(lambda: ox.serialize({q.triple for q in inner.quads_for_pattern(None, None, None, None)},
                                      str(folder / "lib-ox.ttl"), ox.RdfFormat.TURTLE))[0])
    for name, suffix in (("N-Quads", "nq"), ("Turtle", "ttl")):
        t_m, _ = timed(lambda: write_graph(memory, folder / f"memory.{suffix}"))
        t_o, _ = timed(lambda: write_graph(oxigraph, folder / f"oxigraph.{suffix}"))
        same = (folder / f"memory.{suffix}").read_bytes() == (folder / f"oxigraph.{suffix}").read_bytes()
        report(rows, f"export {name}, kgraph sorted (identical: {same})", t_m, t_o)

    person = NAMED["meetings-of-person"]
    pairs = NAMED["frequent-pairs"]
    top = str(next(iter(run_query(oxigraph, pairs.text)))[0])
    bindings = person.bindings({"person": top})
    for label, query, bound in ((f"timeline of {top} (meetings-of-person)", person, bindings),
                                ("GROUP BY: frequent-pairs", pairs, {})):
        t_m, a = timed(lambda: list(run_query(memory, query.text, bound)))
        t_o, b = timed(lambda: list(run_query(oxigraph, query.text, bound)))
        same = [tuple(map(str, r)) for r in a] == [tuple(map(str, r)) for r in b]
        report(rows, f"{label}, {len(a)} rows (same: {same})", t_m, t_o)

    load = os.getloadavg()
    print(f"{quads} quads, {len(items)} articles; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
          f"on {os.cpu_count()} cores; Python {sys.version.split()[0]}, pyoxigraph {ox.__version__}\n")
    print("| step | memory (s) | Oxigraph (s) | memory / Oxigraph |")
    print("|---|---:|---:|---:|")
    for label, m, o in rows:
        print(f"| {label} | {m:.2f} | {o:.2f} | {m / o:.1f}x |")


if __name__ == "__main__":
    main()
