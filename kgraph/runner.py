"""Map ``process`` over a stream of articles: in order, in bounded memory, on N cores.

>>> from kgraph import Result, read_articles
>>> for item in run(read_articles(["data"]), workers=2):
...     print(item.article.id if isinstance(item, Result) else f"skipped {item.origin}")

- ``workers=1`` runs in this process; ``workers=N`` runs a pool of N worker
  processes (the spawn context), each loading natasha once, with one BLAS
  thread each.
- Results come out in input order whatever the number of workers, so a build
  writes the same output with 1 or 8 workers.
- At most ``window`` chunks of articles are in flight: the input is read as the
  workers go, never all at once, so memory stays flat however long the input.
- An article whose processing raises comes out as a :class:`Skipped` with its
  origin and the error, in its place; the run goes on.
- A small input (fewer than ``min_parallel`` articles) runs in this process:
  starting workers and loading natasha in each costs more than it saves.

Workers start with the BLAS thread variables set to 1, so numpy reads them when
it loads there. A Result crosses back to the main process pickled: ~10 KB and
~0.3 ms for a 350-token article, against ~50 ms of work.
"""
from __future__ import annotations

import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import chain, islice
from multiprocessing import get_context

from .articles import Skipped
from .model import Article

__all__ = ["THREAD_VARIABLES", "WorkerDied", "run", "map_ordered", "warm_up", "default_workers", "failure_reason"]

# One BLAS / OpenMP thread per worker: natasha gains ~10 % from a second thread,
# and N workers on N cores with two threads each would fight over the cores.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")

CHUNK = 4  # articles per task: enough to make the round trip cheap, few enough to keep order latency low
WINDOW_PER_WORKER = 4  # chunks in flight per worker
MIN_PARALLEL = 16  # fewer articles than this run in process: ~2 s of worker start-up would not pay
WARM_UP = Article(id="warm-up", text="Президент России Владимир Путин встретился в Москве с Си Цзиньпином.",
                  origin="warm-up")


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
    except Exception as error:  # one bad article must not end a run of thousands
        return Skipped(article.origin or article.id, failure_reason(error))


def _apply_chunk(function: Callable, chunk: list[Article]) -> list:
    return [_apply(function, article) for article in chunk]


def warm_up(function: Callable) -> None:
    """Call ``function`` once on a short article, so that what it loads on first use
    (natasha's models, the reference KB, word lists) is loaded before the real work."""
    _apply(function, WARM_UP)


def _start_worker(function: Callable) -> None:
    """A worker's initializer: ignore Ctrl-C (the parent stops the pool), then warm up."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up(function)


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


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(items, size)):
        yield chunk


def _in_process(articles: Iterable[Article], function: Callable) -> Iterator:
    for article in articles:
        yield _apply(function, article)


def map_ordered(executor: Executor, articles: Iterable[Article], function: Callable,
                chunk: int = CHUNK, window: int = 8) -> Iterator:
    """``function`` over ``articles`` on any executor with ``submit`` (a process pool, a Dask
    client's ``get_executor()``), in input order, with ``window`` chunks in flight at most."""
    chunks = _chunks(iter(articles), chunk)
    pending: deque[Future] = deque(executor.submit(_apply_chunk, function, batch)
                                   for batch in islice(chunks, window))
    while pending:
        results = pending.popleft().result()
        for batch in islice(chunks, 1):
            pending.append(executor.submit(_apply_chunk, function, batch))
        yield from results


def _in_pool(articles: Iterator[Article], function: Callable, workers: int, chunk: int, window: int) -> Iterator:
    with _single_threaded_children():
        pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_start_worker,
                                   initargs=(function,))
        finished = False
        try:
            yield from map_ordered(pool, articles, function, chunk, window)
            finished = True
        except BrokenProcessPool as error:
            raise WorkerDied("a worker process died (killed, or out of memory?); the run stopped") from error
        finally:
            if finished:
                pool.shutdown(wait=True)
            else:  # Ctrl-C, a broken worker, or the caller stopped early: stop now
                _terminate(pool)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's workers without waiting for their current chunk, then the pool.

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


def run(articles: Iterable[Article], workers: int = 1, *, function: Callable | None = None,
        chunk: int = CHUNK, window: int | None = None, min_parallel: int = MIN_PARALLEL) -> Iterator:
    """``function(article)`` for each article, in input order: its result, or a :class:`Skipped`.

    ``function`` defaults to :func:`kgraph.pipeline.process`; it must be picklable
    (a module-level function) when ``workers`` > 1. ``window`` is the number of
    chunks of ``chunk`` articles in flight (default: 4 per worker).
    """
    if function is None:
        from .pipeline import process as function
    if workers < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    articles = iter(articles)
    if workers == 1:
        return _in_process(articles, function)
    head = list(islice(articles, min_parallel))
    if len(head) < min_parallel:
        return _in_process(head, function)
    return _in_pool(chain(head, articles), function, workers, chunk, window or WINDOW_PER_WORKER * workers)
