"""``postinterview check``: says what a record is and that it is valid."""

from __future__ import annotations

import argparse
from pathlib import Path

from postinterview.cli._output import plural, when, write
from postinterview.cli._records import Commands, add_file, application_of, load
from postinterview.interview import Interview
from postinterview.learning import LogEntry


def add_parser(commands: Commands) -> None:
    """Add ``check`` and its argument to *commands*."""
    command = commands.add_parser("check", help="validate a record")
    add_file(command, "any record")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> None:
    """Print what the record in ``FILE`` is, in one line, once it has loaded."""
    path = Path(args.file)
    record = load(path)
    if isinstance(record, Interview):
        people = plural(len(record.interviewers), "interviewer")
        write(
            f"{path}: a valid Interview: {record.organisation}, {record.role}, "
            f"round {record.round}, ending {when(record.ends_at)}, {people}."
        )
        return
    application = application_of(record)
    latest = application.rounds[-1]
    summary = (
        f"{latest.organisation}, {latest.role}; "
        f"{plural(len(application.rounds), 'round')}, "
        f"{plural(len(application.events), 'event')}; "
        f"status {application.status.name} ({application.status.value})"
    )
    if isinstance(record, LogEntry):
        written = (
            f"{plural(len(record.scorecards), 'scorecard')}, "
            f"{plural(len(record.notes), 'set')} of notes, "
            f"{len(record.feedback)} feedback"
        )
        write(f"{path}: a valid log entry: {summary}; {written}.")
        return
    write(f"{path}: a valid Application: {summary}.")
