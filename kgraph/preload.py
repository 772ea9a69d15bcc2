"""What the fork server of a run imports before it forks the workers that run the pipeline.

:mod:`kgraph.runner` names this module in the fork server's preload list when the
function mapped is the pipeline: natasha's models, the reference KB and the word
lists are loaded and warmed up here once, and every worker forks with them in
memory (their pages shared copy-on-write) instead of loading its own. The objects
loaded are then moved out of the garbage collector's sight (``gc.freeze``): the
workers' collections do not walk them, nor copy their pages by touching them.

A model that fails to load is left to the workers: the fork server must start
(it ignores an ImportError here, and would die of any other error), and each
worker then fails on the same error, article after article, which stops the run
(:mod:`kgraph.cli.systemic`). Importing this module elsewhere loads the models in
that process (~0.6 s).
"""

from __future__ import annotations

import gc
import signal

# Ctrl-C reaches the whole process group, the fork server included: it ignores SIGINT, but
# only once its preload is done, and a Ctrl-C in the ~0.6 s of loading would print its
# KeyboardInterrupt traceback. The main process stops the run and the server.
signal.signal(signal.SIGINT, signal.SIG_IGN)

from .runner import warm_up  # noqa: E402

__all__: list[str] = []

try:
    from .pipeline import process
except Exception:  # noqa: BLE001 - each worker meets the error again, and the run stops on it
    pass
else:
    warm_up(process)
gc.freeze()
