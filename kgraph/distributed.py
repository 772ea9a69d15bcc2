"""Extraction on a Dask cluster: ``process`` is a pure, picklable function of an article.

The articles stream from this machine to the cluster's workers in chunks, and the
results come back in input order, with a bounded number of chunks in flight, so
this machine's memory stays flat. Write them where you like, e.g. into a SPARQL
server through :func:`kgraph.store.open_target`::

    from dask.distributed import Client
    from kgraph import Result, read_articles
    from kgraph.distributed import run_on
    from kgraph.store import open_target

    client = Client("tcp://scheduler:8786")
    with open_target("http://sparql-host:7878/query") as target:
        for result in run_on(client, read_articles(["corpus/"])):
            if isinstance(result, Result):
                target.add(result)

Dask is optional (``pip install "dask[distributed]"``); this module never imports
it, it only uses the client it is given. Each Dask worker loads natasha once, on its
first chunk (``client.run(warm_up, process)`` does it up front).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from typing import Any

from .model import Article
from .runner import map_ordered

__all__ = ["CHUNK", "run_on"]

CHUNK = 16  # articles per Dask task at most: a task costs ~1 ms of scheduling, an article ~50 ms of work
CHUNK_CHARS = 500  # characters per article of a full task: 16 short ones, or a few long ones


def run_on(
    client, articles: Iterable[Article], function: Callable | None = None, chunk: int = CHUNK, window: int | None = None
) -> Generator[Any, None, None]:
    """``function(article)`` (default: :func:`kgraph.pipeline.process`) for each article on a
    Dask ``client``'s workers, in input order: a Result, or a Skipped for an article that failed.

    Tasks of up to ``chunk`` articles, long articles sent first (:func:`kgraph.runner.map_ordered`);
    ``window`` articles are read ahead of the output at most (default: 4 chunks per worker thread).
    """
    if function is None:
        from .pipeline import process

        function = process
    threads = sum(client.nthreads().values()) or 1
    if window is None:
        window = 4 * chunk * threads
    executor = client.get_executor(pure=False)  # the same article twice is two tasks, not one cached
    return map_ordered(executor, articles, function, chunk, window, workers=threads, chunk_chars=chunk * CHUNK_CHARS)
