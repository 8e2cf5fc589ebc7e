"""The entry point: one parser with a subcommand per module, and how a run ends."""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import sys
from collections.abc import Callable, Sequence
from typing import Final

from postinterview.cli import _check, _draft, _ics, _log, _plan, _schema
from postinterview.cli._output import PROG
from postinterview.cli._records import Parser, UserError
from postinterview.errors import ValidationError

#: The exit status of a mistake in what the user gave.
_USAGE: Final = 2


def _parser() -> Parser:
    """Return the parser of the command line, each subcommand's from its module."""
    parser = Parser(
        prog=PROG,
        description="Plan, draft and learn from what follows a job interview.",
        epilog="Records are TOML or JSON files, read by their suffix (.toml, "
        ".json); see docs/cli.md for their format.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {importlib.metadata.version('postinterview')}",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=Parser
    )
    for command in (_plan, _draft, _ics, _log, _check, _schema):
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns the exit status: 0 on success, 2 after printing one line,
    ``postinterview: error: ...``, on standard error for a mistake in what
    was given.
    """
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as stop:  # --help printed the help
            return stop.code if isinstance(stop.code, int) else 0
        run: Callable[[argparse.Namespace], None] = args.run
        run(args)
    except UserError as error:
        return _fail(str(error))
    except ValidationError as error:  # a record the library refuses
        return _fail(str(error))
    except BrokenPipeError:
        # The reader stopped reading (``| head``). Point standard output at
        # the null device, so that flushing it at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


def _fail(message: str) -> int:
    """Print *message* as one error line on standard error; return the status."""
    line = " ".join(part.strip() for part in message.splitlines())
    sys.stderr.write(f"{PROG}: error: {line}\n")
    return _USAGE
