"""``python -m kgraph``: the ``kgraph`` command line."""

import sys

from .cli import main

sys.exit(main())
