"""The ``kgraph`` command: one module per subcommand, registered in COMMANDS.

Each command module has ``help`` (one line), ``add_arguments(parser)`` and
``run(args) -> int`` (the exit code: 0 done, 1 some input skipped under
``--strict``, 2 bad usage or unreadable input). Its docstring is its ``--help``
description and ``epilog`` its examples, both shown as written (plain text, no
RST: wrap the lines yourself).

Ctrl-C (SIGINT) and SIGTERM (``kill PID``, a service manager stopping the run)
stop a command the same way: its worker processes are ended and its temporary
files removed, the old output stays; the exit code is 130 after Ctrl-C and 143
after SIGTERM (128 + the signal's number, as a shell reports it).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from importlib import import_module

__all__ = ["COMMANDS", "GRAPH_HELP", "Terminated", "main", "parser"]

COMMANDS = ("extract", "build", "query", "timeline", "network", "events", "export", "stats", "serve")

#: what a GRAPH argument takes, in every command that reads one (see kgraph.store.BACKENDS)
GRAPH_HELP = "a graph file (.ttl .nt .nq .trig .jsonld), a store oxigraph:DIR, or a SPARQL server http://HOST:PORT/PATH"


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``kgraph`` parser: one subcommand per module named in :data:`COMMANDS`, each with its ``run``.

    With ``only``, the other commands' modules are not imported (their subcommands take no
    arguments): ``kgraph extract`` then starts without rdflib, Oxigraph or networkx.
    """
    top = argparse.ArgumentParser(
        prog="kgraph",
        description="A knowledge graph of diplomatic events (meetings, visits, statements) from Russian news.",
    )
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        if only and name != only:
            sub.add_parser(name)
            continue
        module = import_module(f".{name}", __name__)
        command = sub.add_parser(
            name,
            help=module.help,
            description=getattr(module, "description", module.__doc__),
            epilog=getattr(module, "epilog", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return top


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the command is, so that it unwinds (and cleans up) as after Ctrl-C."""


def _terminate(signum, frame) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once is enough: let the clean-up finish
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    """Run one command line (``sys.argv`` when None); the exit code: 130 after Ctrl-C, 143 after SIGTERM."""
    argv = sys.argv[1:] if argv is None else argv
    args = parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None
    try:
        return args.run(args)
    except Terminated:
        print("kgraph: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("kgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
