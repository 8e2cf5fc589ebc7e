"""``postinterview ics``: the follow-up timetable as an iCalendar file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from postinterview.cli._output import plural, write
from postinterview.cli._plan import planned
from postinterview.cli._records import (
    Commands,
    UserError,
    add_file,
    add_now,
    add_place,
)

# Said to a command-line user, so it names the command, not the library method.
_NO_EXTRA = (
    "the ics command needs the calendar extra; install it with "
    "python -m pip install 'postinterview[calendar]' "
    "(from a clone of the repository: python -m pip install '.[calendar]')"
)


def add_parser(commands: Commands) -> None:
    """Add ``ics`` and its options to *commands*."""
    command = commands.add_parser("ics", help="write the timetable as iCalendar")
    add_file(command, "an Application or Interview")
    command.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="where to write it (default: standard output)",
    )
    add_now(command)
    add_place(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> None:
    """Write the timetable at ``--now`` to ``--output``, or standard output."""
    _, timetable = planned(args)
    try:
        data = timetable.to_ics()
    except ModuleNotFoundError:  # the calendar extra is not installed
        raise UserError(_NO_EXTRA) from None
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(args.output)
    try:
        target.write_bytes(data)
    except OSError as error:
        raise UserError(f"{target}: cannot write it ({error.strerror})") from None
    events = data.count(b"BEGIN:VEVENT")
    write(f"Wrote {plural(events, 'event')} to {target}.")
