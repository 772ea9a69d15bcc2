"""kgraph: a knowledge graph of diplomatic events from Russian news.

>>> from kgraph import read_articles, process, to_graph, Skipped
>>> results = [process(a) for a in read_articles(["data"]) if not isinstance(a, Skipped)]
>>> graph = to_graph(results)

Names are imported on first use, so ``import kgraph.articles`` does not load
natasha or rdflib.
"""

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "model",
    "Entity": "model",
    "Event": "model",
    "Mention": "model",
    "Relation": "model",
    "Skipped": "articles",
    "read_articles": "articles",
    "Result": "pipeline",
    "process": "pipeline",
    "to_graph": "rdf",
    "open_graph": "store",
    "save_graph": "store",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
