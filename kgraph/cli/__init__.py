"""The ``kgraph`` command: one module per subcommand, registered in COMMANDS.

Each command module has ``help`` (one line), ``add_arguments(parser)`` and
``run(args) -> int`` (the exit code: 0 done, 1 some input skipped under
``--strict``, 2 bad usage or unreadable input). Its docstring is its ``--help``
description and ``epilog`` its examples, both shown as written (plain text, no
RST: wrap the lines yourself).
"""
from __future__ import annotations

import argparse
import sys
from importlib import import_module

__all__ = ["COMMANDS", "GRAPH_HELP", "main", "parser"]

COMMANDS = ("extract", "build", "query", "timeline", "network", "events", "export", "stats", "serve")

#: what a GRAPH argument takes, in every command that reads one (see kgraph.store.BACKENDS)
GRAPH_HELP = "a graph file (.ttl .nt .nq .trig .jsonld), a store oxigraph:DIR, or a SPARQL server http://HOST:PORT/PATH"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="kgraph",
        description="A knowledge graph of diplomatic events (meetings, visits, statements) from Russian news.",
    )
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = import_module(f".{name}", __name__)
        command = sub.add_parser(name, help=module.help,
                                 description=getattr(module, "description", module.__doc__),
                                 epilog=getattr(module, "epilog", None),
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("kgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
