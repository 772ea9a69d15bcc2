"""The ``kgraph`` command: one module per subcommand, registered in COMMANDS.

Each command module has ``help`` (one line), ``add_arguments(parser)`` and
``run(args) -> int`` (the exit code: 0 done, 1 some input skipped under
``--strict``, 2 bad usage or unreadable input).
"""
from __future__ import annotations

import argparse
import sys
from importlib import import_module

__all__ = ["COMMANDS", "main", "parser"]

COMMANDS = ("extract", "build", "query", "timeline", "network", "events", "export", "stats", "serve")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="kgraph",
        description="A knowledge graph of diplomatic events (meetings, visits, statements) from Russian news.",
    )
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = import_module(f".{name}", __name__)
        command = sub.add_parser(name, help=module.help, description=module.__doc__)
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
