"""The entry point: one parser with a subcommand per module, and how a run ends."""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Final, TextIO

from postinterview.cli import (
    _agenda,
    _check,
    _draft,
    _ics,
    _log,
    _plan,
    _read_reply,
    _schema,
)
from postinterview.cli._output import PROG
from postinterview.cli._records import Parser, UserError
from postinterview.errors import PostInterviewError, PostInterviewWarning

#: The exit status of a mistake in what the user gave.
_USAGE: Final = 2
#: The exit status after Ctrl-C, as shells report a process ended by SIGINT.
_INTERRUPTED: Final = 130
_DISTRIBUTION: Final = "postinterview"
# The labels of a documentation address in the package metadata, normalized
# as PEP 753 says: lower case, without punctuation or spaces.
_DOCS_LABELS: Final = frozenset({"documentation", "docs"})


def _parser() -> Parser:
    """Return the parser of the command line, each subcommand's from its module."""
    docs = docs_address()
    parser = Parser(
        prog=PROG,
        description="Plan, draft and learn from what follows a job interview.",
        epilog=(
            "Run postinterview COMMAND --help for the options of a command."
            + ("" if docs is None else f"\nDocumentation: {docs}")
        ),
        # The epilog as written: the address on a line of its own.
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=Parser
    )
    for command in (_plan, _agenda, _draft, _ics, _log, _check, _read_reply, _schema):
        command.add_parser(commands)
    return parser


def _version() -> str:
    """The installed version, or a word that says it is not known."""
    try:
        return importlib.metadata.version(_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:  # run from a source tree
        return "(version unknown: not installed)"


def docs_address() -> str | None:
    """Return the documentation's address from the installed package's metadata.

    It is the ``Documentation`` entry of ``[project.urls]``, read when the
    command runs; ``None`` when the package is not installed or its
    metadata names no such address.
    """
    try:
        metadata = importlib.metadata.metadata(_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None
    for entry in metadata.get_all("Project-URL") or ():
        name, _, address = str(entry).partition(",")
        if re.sub(r"[^a-z0-9]", "", name.lower()) in _DOCS_LABELS:
            return address.strip() or None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns the exit status: 0 on success; 2 after printing one line,
    ``postinterview: error: ...``, on standard error for a mistake in what
    was given; 3 when ``agenda`` listed what it could read but some files
    could not be; 130 after Ctrl-C. The library's warnings are printed as
    ``postinterview: warning: ...`` lines.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("always", PostInterviewWarning)
        warnings.showwarning = _shown_as_lines(warnings.showwarning)
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as stop:  # --help printed the help
            return stop.code if isinstance(stop.code, int) else 0
        run: Callable[[argparse.Namespace], int | None] = args.run
        return run(args) or 0
    except UserError as error:
        return _fail(str(error))
    except PostInterviewError as error:  # a record or value the library refuses
        return _fail(str(error))
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return _INTERRUPTED
    except BrokenPipeError:
        # The reader stopped reading (``| head``). Point standard output at
        # the null device, so that flushing it at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _shown_as_lines(show: Callable[..., None]) -> Callable[..., None]:
    """Return a ``showwarning`` that prints the library's warnings as one line
    each, ``postinterview: warning: ...``, and hands others to *show*."""

    def shown(  # noqa: PLR0917 - the signature of warnings.showwarning
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if not issubclass(category, PostInterviewWarning):
            show(message, category, filename, lineno, file, line)
            return
        text = " ".join(part.strip() for part in str(message).splitlines())
        (file or sys.stderr).write(f"{PROG}: warning: {text}\n")

    return shown


def _fail(message: str) -> int:
    """Print *message* as one error line on standard error; return the status."""
    line = " ".join(part.strip() for part in message.splitlines())
    sys.stderr.write(f"{PROG}: error: {line}\n")
    return _USAGE
