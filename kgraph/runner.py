"""Map ``process`` over a stream of articles: in order, in bounded memory, on N cores.

The function mapped is :func:`kgraph.pipeline.process` unless ``function`` says; here one
that counts words, and fails on an empty text:

>>> from kgraph.model import Article
>>> def words(article):
...     if not article.text.strip():
...         raise ValueError("no text")
...     return article.id, len(article.text.split())
>>> articles = [Article("a1", "Путин прибыл в Пекин."), Article("a2", " "), Article("a3", "Переговоры шли три часа.")]
>>> for item in run(articles, function=words):
...     print(item)
('a1', 4)
Skipped(origin='a2', reason='processing failed: ValueError: no text (at ...)')
('a3', 4)

- ``workers=1`` runs in this process; ``workers=N`` runs a pool of N worker
  processes, with one BLAS thread each. On Linux they fork from a fork server
  started for the run, which has loaded natasha's models and warmed up once
  (:mod:`kgraph.preload`), so every worker starts at once with the models in
  memory, their pages shared; elsewhere (macOS, Windows) each worker is spawned
  and loads natasha itself.
- Results come out in input order whatever the number of workers, so a build
  writes the same output with 1 or 8 workers.
- At most ``window`` articles are read ahead of the output: the input is read
  as the workers go, never all at once, so memory stays flat however long the
  input. Within that window long articles are sent to the workers first
  (:func:`map_ordered`), so that a long article does not leave a core idle
  while the output waits for it.
- An article that holds the output back for long (30 s) is reported on stderr;
  the other workers go on with the articles after it meanwhile.
- An article whose processing raises comes out as a :class:`Skipped` with its
  origin and the error, in its place; the run goes on.
- A small input (fewer than ``min_parallel`` articles) runs in this process:
  starting workers and loading natasha in each costs more than it saves.

Workers (and the fork server) start with the BLAS thread variables set to 1, so
numpy reads them when it loads there. They ignore Ctrl-C (the main process stops
them, as it does when the caller stops early or SIGTERM unwinds it) and end on
their own as soon as the main process is gone (``kill -9``), rather than live on
as orphans; the fork server ends with them. A Result crosses back to the main
process pickled: ~8 KB, ~0.1 ms to pickle and unpickle, against ~30 ms of work for
an article of the development set.
"""

from __future__ import annotations

import heapq
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from importlib import import_module
from itertools import chain, islice
from multiprocessing import forkserver, get_context
from multiprocessing.context import BaseContext
from typing import Any

from .articles import Skipped
from .model import Article

__all__ = [
    "THREAD_VARIABLES",
    "WorkerDied",
    "cost",
    "default_workers",
    "failure_reason",
    "map_ordered",
    "run",
    "warm_up",
    "watch_parent",
]

# One BLAS / OpenMP thread per worker: natasha gains ~10 % from a second thread,
# and N workers on N cores with two threads each would fight over the cores.
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)

CHUNK = 12  # articles per task at most: the round trip (the executor's threads, pickling) costs ~0.5 ms
CHUNK_CHARS = 6_000  # characters per task, about (~120 ms of work): a longer article goes alone
ARTICLE_COST = 200  # an article's fixed cost, in characters of text
WINDOW_PER_WORKER = 64  # articles read ahead of the output per worker: room to send long ones early
SLOW = 30.0  # seconds the output waits on one task before it says so
MIN_PARALLEL = 16  # fewer articles than this run in process: the fork server's start-up (~0.8 s) would not pay
PRELOAD = "kgraph.preload"  # what the fork server imports when the workers run the pipeline: the models
FORK_SERVER = sys.platform.startswith("linux")  # macOS: fork without exec is unsafe with its system libraries
WARM_UP = Article(
    id="warm-up", text="Президент России Владимир Путин встретился в Москве с Си Цзиньпином.", origin="warm-up"
)


class WorkerDied(RuntimeError):
    """A worker process ended abruptly (killed, out of memory, a crash in native code)."""


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def failure_reason(error: BaseException) -> str:
    """What a skip says about an article whose processing raised: "processing failed: ValueError: ..."."""
    where = traceback.extract_tb(error.__traceback__)[-1:] if error.__traceback__ else []
    at = f" (at {os.path.basename(where[0].filename)}:{where[0].lineno})" if where else ""
    return f"processing failed: {type(error).__name__}: {error}{at}"


def _apply(function: Callable, article: Article):
    try:
        return function(article)
    except Exception as error:  # noqa: BLE001 - one bad article must not end a run of thousands
        return Skipped(article.origin or article.id, failure_reason(error))


def _apply_chunk(function: Callable, chunk: list[Article]) -> list:
    return [_apply(function, article) for article in chunk]


def _process(article: Article):
    """:func:`kgraph.pipeline.process`, imported on first use: a pool's main process starts its
    workers without waiting for natasha's import (it imports the pipeline beside them, for the
    Results it unpickles)."""
    from .pipeline import process

    return process(article)


def _import_pipeline() -> None:
    """Import :mod:`kgraph.pipeline` (and natasha, ~0.3 s), as unpickling the first Result in this
    process would, but beside the workers' start-up rather than while they work. Quietly: when it
    cannot be imported, the workers say so, article by article."""
    with suppress(Exception):
        import_module(".pipeline", __package__)


def _loaded(function: Callable) -> Callable:
    """The function to run in this process: the pipeline imported now when it is the default,
    so that natasha failing to load raises here, once, not as a failure of every article."""
    if function is _process:
        from .pipeline import process

        return process
    return function


def warm_up(function: Callable) -> None:
    """Call ``function`` once on a short article, so that what it loads on first use
    (natasha's models, the reference KB, word lists) is loaded before the real work."""
    _apply(function, WARM_UP)


def _start_worker(function: Callable) -> None:
    """A worker's initializer: ignore Ctrl-C (the parent stops the pool), end with the parent
    (:func:`watch_parent`), then warm up, unless the fork server did (:mod:`kgraph.preload`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_parent()
    if PRELOAD not in sys.modules:
        warm_up(function)


def watch_parent() -> threading.Thread:
    """End this process, started by :mod:`multiprocessing`, as soon as the process that started it
    is gone (killed with ``kill -9``, or gone without stopping its workers): a daemon thread waits
    on the parent's sentinel, a pipe that closes when the parent ends.

    A worker whose parent is gone would otherwise live on, holding its memory, until its
    queue breaks. The parent is the process that asked for the worker, which is not the
    worker's parent in the system's sense when a fork server forked it.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        raise RuntimeError("watch_parent: this process was not started by multiprocessing")

    def watch() -> None:
        parent.join()
        os._exit(1)

    thread = threading.Thread(target=watch, name="kgraph-watch-parent", daemon=True)
    thread.start()
    return thread


@contextmanager
def _single_threaded_children():
    """Set the BLAS thread variables to 1 for the processes started inside, then restore them."""
    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    os.environ.update({name: "1" for name in THREAD_VARIABLES})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _in_process(articles: Iterable[Article], function: Callable) -> Generator[Any, None, None]:
    for article in articles:
        yield _apply(function, article)


def cost(article: Article) -> int:
    """What an article is expected to cost, in characters: natasha's time grows with the text,
    plus a fixed part per article (reading, entities, the round trip to a worker)."""
    return len(article.text) + ARTICLE_COST


def _notify(message: str) -> None:
    """A line on stderr; on a terminal it first clears a progress line being drawn there."""
    clear = "\r\x1b[K" if sys.stderr.isatty() else ""
    print(f"{clear}kgraph: {message}", file=sys.stderr, flush=True)


class _Task:
    """Consecutive articles processed together in one worker call."""

    __slots__ = ("articles", "cost", "noticed", "number", "submitted")

    def __init__(self, number: int, articles: list[Article]) -> None:
        self.number = number
        self.articles = articles
        self.cost = sum(cost(a) for a in articles)
        self.submitted = 0.0
        self.noticed = False

    def __lt__(self, other: _Task) -> bool:  # the heap of tasks to send: the costliest first, then the oldest
        return (-self.cost, self.number) < (-other.cost, other.number)

    def name(self) -> str:
        first = self.articles[0]
        more = f" (and {len(self.articles) - 1} more in its batch)" if len(self.articles) > 1 else ""
        return f"{first.origin or first.id}{more}"


def map_ordered(
    executor: Executor,
    articles: Iterable[Article],
    function: Callable,
    chunk: int = CHUNK,
    window: int = 64,
    *,
    workers: int = 1,
    chunk_chars: int = CHUNK_CHARS,
    slow: float = SLOW,
    notify: Callable[[str], None] | None = _notify,
) -> Generator[Any, None, None]:
    """``function`` over ``articles`` on any executor with ``submit`` (a process pool, a Dask
    client's ``get_executor()``), in input order, with at most ``window`` articles read and not
    yet given back.

    Scheduling by size: the articles are read ``window`` ahead of the output and grouped into
    tasks of consecutive articles (at most ``chunk`` articles and about ``chunk_chars``
    characters; a long article goes alone). Only ``2 * workers`` tasks are with the executor at
    a time (one running, one queued per worker); the next one sent is the task the output waits
    for if it is not sent yet, else the costliest read. So a long article is sent as soon as it
    is read, before the short ones read before it, which fill the other workers meanwhile; the
    end of the input does not wait for a long article started last. Results are given back in
    input order as soon as the articles before them are done.

    A task the output has waited on for ``slow`` seconds is reported through ``notify`` (once);
    the other workers go on with the articles after it, up to ``window`` articles.
    """
    source = iter(articles)
    exhausted = False
    numbered = 0
    batch: list[Article] = []
    batch_cost = 0
    heap: list[_Task] = []  # read, not yet sent: costliest first
    running: dict[Future, _Task] = {}
    done: dict[int, list] = {}  # task number -> its results, waiting for the tasks before it
    order: deque[_Task] = deque()  # every task not yet given back, in input order
    held = 0  # articles read and not yet given back
    depth = 2 * max(1, workers)

    def flush() -> None:
        nonlocal batch, batch_cost, numbered
        if batch:
            task = _Task(numbered, batch)
            numbered += 1
            order.append(task)
            heapq.heappush(heap, task)
            batch, batch_cost = [], 0

    def read() -> None:
        nonlocal exhausted, batch_cost, held
        while not exhausted and held < window:
            article = next(source, None)
            if article is None:
                exhausted = True
                break
            size = cost(article)
            if batch and (len(batch) >= chunk or batch_cost + size > chunk_chars):
                flush()
            batch.append(article)
            batch_cost += size
            held += 1
        flush()

    def send() -> None:
        while len(running) < depth:
            if order and not order[0].submitted:  # the output waits for it: it goes first
                task = order[0]
            else:
                while heap and heap[0].submitted:  # sent already, as the head
                    heapq.heappop(heap)
                if not heap:
                    return
                task = heapq.heappop(heap)
            task.submitted = time.monotonic()
            running[executor.submit(_apply_chunk, function, task.articles)] = task

    def collect(futures) -> None:
        for future in futures:
            task = running.pop(future)
            done[task.number] = future.result()

    read()
    send()
    while order:
        head = order[0]
        if head.number in done:
            order.popleft()
            send()
            yield from done.pop(head.number)
            held -= len(head.articles)
            read()
            send()
            continue
        timeout = None
        if notify and not head.noticed and head.submitted:
            timeout = max(0.0, head.submitted + slow - time.monotonic())
        finished, _ = wait(running, timeout=timeout, return_when=FIRST_COMPLETED)
        collect(finished)
        send()
        if not finished and notify and not head.noticed and head.submitted:
            head.noticed = True
            later = sum(len(done[number]) for number in done)
            notify(
                f"{head.name()} still processing after {time.monotonic() - head.submitted:.0f} s; "
                f"{later} later articles done, to be written in order when it ends"
            )


class _ForkServer:
    """The fork server of this process as the runs use it.

    :mod:`multiprocessing` keeps one fork server per process, with the modules it imported
    when it started. The first run to need it starts it, with that run's preload (the models,
    or nothing); the runs that start while it serves use it as it is (a pipeline run on a
    server without the models loads them in each worker; a run of another function on one
    with the models does not use them); the last run using it stops it, once that run's
    workers are gone. So a fork server never outlives the runs: a later run, maybe of
    another function or after code or word lists changed, starts a fresh one. A fork server
    someone else started (its preload and environment unknown) is left alone: the run spawns.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.runs = 0
        self.pid: int | None = None  # the fork server's process, when kgraph started it

    @contextmanager
    def context(self, preload: list[str]) -> Iterator[BaseContext]:
        """The context to start a run's workers with, for the time of the run."""
        server: Any = forkserver._forkserver  # the process's one fork server (private: its pid, _stop)
        with self.lock:
            running = server._forkserver_pid
            ours = running is None or running == self.pid
            if ours and not self.runs:
                if running is not None:  # left over from a run whose stop failed
                    _stop(server)
                previous = server._preload_modules
                forkserver.set_forkserver_preload(preload)
                try:
                    forkserver.ensure_running()
                finally:  # the preload is read when the server starts: others' fork servers get theirs
                    forkserver.set_forkserver_preload(previous)
                self.pid = server._forkserver_pid
            if ours:
                self.runs += 1
        if not ours:
            yield get_context("spawn")
            return
        try:
            yield get_context("forkserver")
        finally:
            with self.lock:
                self.runs -= 1
                if not self.runs and server._forkserver_pid == self.pid:
                    self.pid = None
                    _stop(server)


def _stop(server: Any) -> None:
    """End the fork server, once the workers it forked are gone (and reaped by it, so their CPU
    time counts in this process's children's). It would end by itself when no process holds its
    pipe any more; SIGTERM first, so that a stray holder (a worker's own child) cannot keep the
    run waiting."""
    with suppress(ProcessLookupError):
        os.kill(server._forkserver_pid, signal.SIGTERM)
    server._stop()


_fork_server = _ForkServer()


@contextmanager
def _worker_context(models: bool) -> Iterator[BaseContext]:
    """How a run starts its workers: forked by a fork server that has loaded the models
    (``models``) on Linux, spawned elsewhere."""
    if not FORK_SERVER:
        yield get_context("spawn")
        return
    with _fork_server.context(["__main__", PRELOAD] if models else ["__main__"]) as context:
        yield context


def _in_pool(
    articles: Iterator[Article],
    function: Callable,
    workers: int,
    chunk: int,
    window: int,
    notify: Callable[[str], None] | None,
    models: bool,
) -> Generator[Any, None, None]:
    with _single_threaded_children(), _worker_context(models) as context:
        if models:
            threading.Thread(target=_import_pipeline, name="kgraph-import", daemon=True).start()
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(function,))
        finished = False
        try:
            yield from map_ordered(pool, articles, function, chunk, window, workers=workers, notify=notify)
            finished = True
        except BrokenProcessPool as error:
            raise WorkerDied("a worker process died (killed, or out of memory?); the run stopped") from error
        finally:
            if finished:
                pool.shutdown(wait=True)
            else:  # Ctrl-C, a broken worker, or the caller stopped early: stop now
                _terminate(pool)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's workers without waiting for their current chunk, then the pool;
    return once they are gone (killed if SIGTERM did not end them within 5 s).

    ``shutdown(cancel_futures=True)`` alone lets each worker finish its chunk; Python
    before 3.14 has no public way to kill them, hence ``_processes``.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()


def run(
    articles: Iterable[Article],
    workers: int = 1,
    *,
    function: Callable | None = None,
    chunk: int = CHUNK,
    window: int | None = None,
    min_parallel: int = MIN_PARALLEL,
    notify: Callable[[str], None] | None = _notify,
    models: bool | None = None,
) -> Generator[Any, None, None]:
    """``function(article)`` for each article, in input order: its result, or a :class:`Skipped`.

    A generator: closing it (or leaving the loop early) stops the workers.

    ``function`` defaults to :func:`kgraph.pipeline.process`; it must be picklable
    (a module-level function) when ``workers`` > 1. ``window`` is the number of
    articles read ahead of the output (default: 64 per worker), in tasks of at most
    ``chunk`` articles (:func:`map_ordered`). ``notify`` hears of an article that
    holds the output back for long (default: a line on stderr). ``models`` says whether
    ``function`` runs natasha, so that the workers fork with its models loaded (default:
    when ``function`` is the pipeline; another function that calls it may say so).
    """
    if function is None:
        function = _process
    if models is None:
        models = function is _process
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    articles = iter(articles)
    if workers == 1:
        return _in_process(articles, _loaded(function))
    head = list(islice(articles, min_parallel))
    if len(head) < min_parallel:
        return _in_process(head, _loaded(function))
    return _in_pool(
        chain(head, articles), function, workers, chunk, window or WINDOW_PER_WORKER * workers, notify, models
    )
