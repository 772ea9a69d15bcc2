"""Query workers: processes that each hold the graph and answer one query at a time,
killed when a query runs past its deadline.

A thread cannot be stopped in Python, and rdflib parses a query in pure Python: one
query with a 110,000-value ``VALUES`` block parsed for 80 s whatever the timeout said.
So every query is parsed and evaluated in a worker process; the server waits for the
answer until the deadline, then kills the worker and starts a fresh one in its place.
Several workers answer several queries at once, so a slow query holds back only itself.

>>> with Workers(lambda: "ready", count=2, timeout=5) as workers:   # doctest: +SKIP
...     workers.ask(("SELECT * WHERE { ?s ?p ?o }", "text/csv"))
"""
from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, Self

__all__ = ["Busy", "Overtime", "WorkerFailed", "Workers"]

# "spawn": the server has threads, and forking a threaded process can copy a held lock
_CONTEXT = multiprocessing.get_context("spawn")


class Overtime(TimeoutError):
    """The query ran past its deadline; its worker was killed."""


class Busy(TimeoutError):
    """No worker became free before the deadline (all of them busy with other queries)."""


class WorkerFailed(RuntimeError):
    """A worker could not start (its graph did not open) or died while answering."""


def _serve(make: Callable[[], Callable[[Any], Any]], connection) -> None:
    """A worker's life: build its answering function once, then answer requests until the pipe closes."""
    try:
        answer = make()
    except Exception as error:  # noqa: BLE001 -- whatever stopped the graph opening, the server says it and stops
        connection.send(("failed", str(error)))
        return
    connection.send(("ready", None))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):  # the server is gone: so is the worker
            return
        connection.send(("answer", answer(request)))


class _Worker:
    def __init__(self, make) -> None:
        self.connection, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(make, child), daemon=True, name="kgraph-query")
        self.process.start()
        child.close()

    def started(self, seconds: float) -> None:
        """Wait until the worker is ready; WorkerFailed with its message if it is not."""
        if not self.connection.poll(seconds):
            self.kill()
            raise WorkerFailed(f"a query worker did not start within {seconds:g} s")
        try:
            kind, message = self.connection.recv()
        except EOFError:
            kind, message = "failed", f"a query worker died on start (exit code {self.process.exitcode})"
        if kind != "ready":
            self.kill()
            raise WorkerFailed(message)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class Workers:
    """``count`` worker processes; :meth:`ask` hands a request to a free one and waits ``timeout`` s at most,
    plus ``grace`` s for a worker that stops its own query at the deadline (rdflib's evaluation
    checks it) to say so: only a worker that has not answered by then is killed and replaced.

    ``make`` runs in each worker (it must be picklable: a module-level function or a
    functools.partial of one) and returns the function that answers a request there.
    """

    def __init__(self, make, count: int, timeout: float, grace: float = 1.0, start_seconds: float = 600.0) -> None:
        self.make = make
        self.timeout = timeout
        self.grace = grace
        self.start_seconds = start_seconds
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.closed = False
        self.replacing = 0
        self.lock = threading.Lock()
        self.alive: set[_Worker] = set()  # idle or busy: close() kills them all
        starting = [self._start() for _ in range(count)]
        try:
            for worker in starting:
                worker.started(start_seconds)
        except WorkerFailed:
            self.close()
            raise
        for worker in starting:
            self.idle.put(worker)

    def ask(self, request) -> Any:
        """The answer to ``request``; Busy or Overtime when the deadline passes first, WorkerFailed if it died."""
        deadline = time.monotonic() + self.timeout
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            raise Busy(f"every query worker stayed busy for {self.timeout:g} s") from None
        try:
            worker.connection.send(request)
            if not worker.connection.poll(max(0.0, deadline + self.grace - time.monotonic())):
                raise Overtime(f"query stopped: it ran longer than {self.timeout:g} s")
            _, answer = worker.connection.recv()
        except Overtime:
            self._replace(worker)
            raise
        except (EOFError, OSError):
            self._replace(worker)
            raise WorkerFailed("the query worker died while answering") from None
        self.idle.put(worker)
        return answer

    def _start(self) -> _Worker:
        worker = _Worker(self.make)
        with self.lock:
            self.alive.add(worker)
        return worker

    def _kill(self, worker: _Worker) -> None:
        with self.lock:
            self.alive.discard(worker)
        worker.kill()

    def _replace(self, worker: _Worker) -> None:
        """Kill the worker and start another in the background (a file graph takes a while to load)."""
        self._kill(worker)

        def start() -> None:
            while not self.closed:
                fresh = self._start()
                try:
                    fresh.started(self.start_seconds)
                except WorkerFailed:
                    self._kill(fresh)
                    time.sleep(1)
                    continue
                if self.closed:
                    self._kill(fresh)
                else:
                    self.idle.put(fresh)
                break
            with self.lock:
                self.replacing -= 1

        with self.lock:
            self.replacing += 1
        threading.Thread(target=start, daemon=True, name="kgraph-worker-start").start()

    def close(self) -> None:
        """Kill every worker, idle or busy."""
        self.closed = True
        with self.lock:
            everyone, self.alive = list(self.alive), set()
        for worker in everyone:
            worker.kill()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
