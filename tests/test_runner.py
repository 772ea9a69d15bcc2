"""The runner: ordered, streaming, failure-tolerant map of process over articles; the CLI around it."""
from __future__ import annotations

import io
import json
import multiprocessing
import random
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from kgraph.articles import Skipped
from kgraph.cli import main
from kgraph.cli.progress import Progress, Tally, reason_kind
from kgraph.model import Article, Entity, Event
from kgraph.pipeline import Result, process
from kgraph.runner import map_ordered, run

TEXTS = [
    "Путин провел переговоры с Си Цзиньпином.",
    "Лавров встретился с Блинкеном в Женеве.",
    "Песков заявил, что визит не планируется.",
    "Ничего не произошло.",
    "Эрдоган посетил Москву.",
    "Шольц провел телефонный разговор с Макроном.",
]


def process_or_fail(article: Article) -> Result:
    """process, except that an article with id "bad" raises (a worker must survive it)."""
    if article.id == "bad":
        raise ValueError("boom")
    return process(article)


def articles(ids=None) -> list[Article]:
    ids = ids or [f"a{i}" for i in range(len(TEXTS))]
    return [Article(id=id, text=text, origin=f"in.jsonl:{i + 1}") for i, (id, text) in enumerate(zip(ids, TEXTS, strict=False))]


def as_lines(items) -> list:
    return [item if isinstance(item, Skipped) else (item.article.id, item.relations()) for item in items]


def test_two_workers_give_the_same_output_in_the_same_order_as_one_streaming_the_input():
    inputs = articles(["a0", "bad", "a2", "a3", "a4", "a5"])
    read = 0

    def counted():
        nonlocal read
        for article in inputs:
            read += 1
            yield article

    one = as_lines(run(inputs, 1, function=process_or_fail))
    pooled = run(counted(), 2, function=process_or_fail, chunk=1, window=2, min_parallel=0)
    first = next(pooled)
    read_at_first = read
    two = as_lines([first, *pooled])
    assert two == one
    assert one[1] == Skipped("in.jsonl:2", one[1].reason) and "ValueError: boom" in one[1].reason
    assert read_at_first <= 3  # window 2 + the one submitted after the first result: not the whole input


def sleep_by_length(article: Article) -> str:
    """A stand-in for process whose time follows the text's length: 1 ms per 40 characters."""
    time.sleep(len(article.text) / 40_000)
    return article.id


def mixed_lengths(count: int, seed: int = 13) -> list[Article]:
    """Mostly 300-character wire items, one in ten an 8,000-character analysis piece, and near
    the start one article of 60,000 characters (as slow as 200 wire items)."""
    draw = random.Random(seed)
    articles = [Article(id=f"a{i}", text="x" * (8_000 if draw.random() < 0.1 else 300)) for i in range(count)]
    articles[count // 20] = Article(id="long", text="x" * 60_000)
    return articles


def test_two_workers_keep_busy_on_mixed_lengths_and_keep_the_input_order():
    inputs = mixed_lengths(200)
    serial = sum(len(a.text) for a in inputs) / 40_000
    with ThreadPoolExecutor(2) as executor:  # sleeping threads: the schedule alone decides the time
        executor.map(time.sleep, [0, 0])
        start = time.perf_counter()
        out = list(map_ordered(executor, inputs, sleep_by_length, workers=2, window=128))
        elapsed = time.perf_counter() - start
    assert out == [a.id for a in inputs]
    assert serial / elapsed >= 1.9, f"{serial / elapsed:.2f}x of one worker"


def test_reading_stays_within_the_window():
    read, most_ahead = 0, 0
    given = 0

    def counted():
        nonlocal read, most_ahead
        for article in mixed_lengths(100):
            read += 1
            most_ahead = max(most_ahead, read - given)
            yield article

    with ThreadPoolExecutor(2) as executor:
        for _ in map_ordered(executor, counted(), sleep_by_length, workers=2, window=10):
            given += 1
    assert given == 100 and most_ahead <= 10


def sleep_if_slow(article: Article) -> str:
    time.sleep(1.5 if article.id == "slow" else 0.01)
    return article.id


def test_a_slow_article_is_reported_and_the_others_go_on_meanwhile():
    inputs = [Article(id="a0", text="x"), Article(id="slow", text="x", origin="in.jsonl:2"),
              *[Article(id=f"a{i}", text="x") for i in range(2, 30)]]
    heard: list[str] = []
    done_when_heard: list[int] = []
    done = 0
    lock = threading.Lock()

    def counting(article: Article) -> str:
        nonlocal done
        result = sleep_if_slow(article)
        with lock:
            done += 1
        return result

    def notify(message: str) -> None:
        heard.append(message)
        done_when_heard.append(done)

    with ThreadPoolExecutor(2) as executor:
        out = list(map_ordered(executor, inputs, counting, chunk=1, workers=2, window=64, slow=0.5,
                               notify=notify))
    assert out == [a.id for a in inputs]
    assert len(heard) == 1 and heard[0].startswith("in.jsonl:2 still processing after")
    assert done_when_heard[0] >= 20  # the other worker went on with the articles after it


def test_stopping_early_ends_the_worker_processes():
    pooled = run(articles(), 2, chunk=1, window=2, min_parallel=0)
    next(pooled)
    pooled.close()
    deadline = time.monotonic() + 5  # a worker still starting up may take a moment to die
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


def test_a_small_input_runs_in_process_without_starting_workers():
    items = list(run(articles()[:2], 4))
    assert [item.article.id for item in items] == ["a0", "a1"]
    assert multiprocessing.active_children() == []


def test_a_failing_article_is_skipped_with_its_origin_and_the_run_goes_on():
    items = list(run(articles(["a0", "bad", "a2"]), 1, function=process_or_fail))
    assert [type(item).__name__ for item in items] == ["Result", "Skipped", "Result"]
    assert items[1].origin == "in.jsonl:2"
    assert items[1].reason.startswith("processing failed: ValueError: boom")


@pytest.mark.parametrize("reason, kind", [
    ("broken JSON (Expecting value, column 1)", "broken JSON"),
    ("impossible date '2020-13-01'", "impossible date"),
    ("impossible date in header: 2026-13-01", "impossible date in header"),
    ('no "text" string', 'no "text" string'),
    ("processing failed: ValueError: boom (at test_runner.py:30)", "processing failed"),
])
def test_skips_are_counted_by_the_kind_of_reason(reason, kind):
    assert reason_kind(reason) == kind


def test_the_summary_counts_articles_skips_and_events_by_kind():
    person = Entity("PER:Путин", "Путин", "PER")
    events = (Event("meeting", (person, person), "a", "e"), Event("statement", (person,), "a", "e"),
              Event("statement", (person,), "a", "e"))
    tally = Tally()
    for item in [Result(Article("a", "t"), (person,), events), Result(Article("b", "t"), (), ()),
                 Skipped("x:1", "broken JSON (x)"), Skipped("x:2", "broken JSON (y)"), Skipped("x:3", "processing failed: E")]:
        tally.count(item)
    assert (tally.articles, tally.events, tally.skipped) == (
        2, Counter(meeting=1, statement=2), Counter({"broken JSON": 2, "processing failed": 1}))
    summary = tally.summary()
    assert "2 articles read" in summary and "3 skipped: broken JSON 2, processing failed 1" in summary
    assert "events: meeting 1, statement 2" in summary


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t}, ensure_ascii=False) + "\n"
                            for i, t in enumerate(TEXTS[:3])) + "{broken\n", encoding="utf-8")
    return path


def test_extract_prints_a_summary_on_stderr_and_quiet_removes_it(jsonl, tmp_path, capsys):
    assert main(["extract", str(jsonl), "-o", str(tmp_path / "p.jsonl"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "skipped" in err and "3 articles read" in err and "1 skipped: broken JSON 1" in err
    assert main(["extract", str(jsonl), "-o", str(tmp_path / "p.jsonl"), "--workers", "1", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "articles read" not in err and "warning: skipped" in err  # warnings stay


@pytest.mark.parametrize("command", ["extract", "build"])
def test_workers_flag_reaches_the_runner(jsonl, tmp_path, monkeypatch, command):
    seen = []

    def fake_run(articles, workers, function=None):
        seen.append(workers)
        return run(articles, 1, function=function)

    monkeypatch.setattr("kgraph.cli.common.run", fake_run)
    out = tmp_path / ("g.ttl" if command == "build" else "p.jsonl")
    assert main([command, str(jsonl), "-o", str(out), "-q", "--workers", "3"]) == 0
    assert seen == [3]


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_workers_must_be_a_positive_number(jsonl, value, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["extract", str(jsonl), "--workers", value])
    assert stop.value.code == 2 and "whole number of processes" in capsys.readouterr().err


def test_an_interrupted_extract_leaves_the_old_output(jsonl, tmp_path, monkeypatch):
    out = tmp_path / "p.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def interrupted(articles, workers, function=None):
        yield from run(articles, 1)
        raise KeyboardInterrupt

    monkeypatch.setattr("kgraph.cli.common.run", interrupted)
    assert main(["extract", str(jsonl), "-o", str(out), "-q"]) == 130
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".p.jsonl")] == []


def test_dask_gives_the_same_results_in_the_same_order_as_in_process():
    distributed = pytest.importorskip("dask.distributed")
    from kgraph.distributed import run_on

    inputs = articles(["a0", "bad", "a2", "a3", "a4", "a5"])
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        on_dask = as_lines(run_on(client, inputs, process_or_fail, chunk=2, window=2))
    assert on_dask == as_lines(run(inputs, 1, function=process_or_fail))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("stream, quiet, line_drawn, summary", [
    (Terminal(), False, True, True),
    (io.StringIO(), False, False, True),   # a pipe or a file: no progress line
    (Terminal(), True, False, False),      # --quiet
])
def test_the_progress_line_shows_on_a_terminal_only(stream, quiet, line_drawn, summary):
    tally = Tally()
    progress = Progress(tally, stream=stream, quiet=quiet, every=0)
    tally.count(Result(Article("a", "t"), (), ()))
    progress.update()
    progress.write("kgraph: warning: skipped x:1: broken JSON")
    progress.finish()
    out = stream.getvalue()
    assert ("\r1 articles" in out) is line_drawn
    assert ("1 articles read" in out) is summary
    assert "kgraph: warning: skipped x:1" in out
