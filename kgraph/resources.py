"""Where kgraph's data files live, whether it runs from a checkout or an installed wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["ontology_dir"]


def ontology_dir() -> Path:
    """The folder holding kgraph.ttl and kb.ttl.

    Installed as a wheel it is the package's ``kgraph/ontology`` (pyproject force-includes the repo's
    ``ontology/`` there); in a checkout it is the repo's ``ontology/``.

    >>> (ontology_dir() / "kb.ttl").name
    'kb.ttl'
    """
    try:
        packaged = resources.files("kgraph") / "ontology"
        if packaged.is_dir():
            path = Path(str(packaged))
            if path.is_dir():
                return path
    except (ModuleNotFoundError, NotADirectoryError, TypeError, ValueError):
        pass
    return Path(__file__).resolve().parents[1] / "ontology"
