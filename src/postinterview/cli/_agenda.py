"""``postinterview agenda``: everything owed across a folder of records, in the
order to send it, with what lapsed listed apart and the files that could not
be read named."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final, NamedTuple

import attrs
import pendulum

from postinterview.cli._output import PROG, Progress, plural, table, when, write
from postinterview.cli._plan import (
    action_json,
    footnote,
    label,
    recipient,
    send_cell,
    utc,
)
from postinterview.cli._records import (
    Commands,
    UserError,
    add_now,
    add_place,
    application_of,
    load,
    now,
    policy,
)
from postinterview.errors import PostInterviewError, PostInterviewWarning
from postinterview.followup import Action, FollowUpPolicy, Plan, plan, to_ics
from postinterview.serialize import format_instant
from postinterview.timeline import Application

#: The exit status when the agenda was printed but some files were not read.
UNREAD: Final = 3
#: The files of a folder that hold records, by their suffix.
SUFFIXES: Final = (".toml", ".json")
_NO_EXTRA = (
    "agenda --format ics needs the calendar extra; install it with "
    "python -m pip install 'postinterview[calendar]' "
    "(from a clone of the repository: python -m pip install '.[calendar]')"
)


def add_parser(commands: Commands) -> None:
    """Add ``agenda`` and its options to *commands*."""
    command = commands.add_parser(
        "agenda", help="list what is owed across a folder of records, by send time"
    )
    command.add_argument(
        "dir", metavar="DIR", help="a folder of records (.toml or .json files)"
    )
    command.add_argument(
        "--days",
        type=_days,
        metavar="N",
        help="only what to send within N days, and what is overdue; of what "
        "lapsed, only what closed within the last N days (default: everything)",
    )
    add_now(command)
    add_place(command)
    command.add_argument(
        "--format",
        choices=("table", "json", "ics"),
        default="table",
        help="a table for people (default), JSON for programs, or iCalendar "
        "for a calendar program (the calendar extra)",
    )
    command.set_defaults(run=run)


#: The most ``--days`` takes: about a hundred years.
_DAYS_MAX: Final = 36_500


def _days(text: str) -> int:
    """Read ``--days``: a whole number of days, 0 or more."""
    if not text.isdigit() or not text.isascii():
        raise argparse.ArgumentTypeError(
            f"expected a whole number of days, 0 or more, got {text!r}"
        )
    days = int(text)
    if days > _DAYS_MAX:
        raise argparse.ArgumentTypeError(
            f"expected at most {_DAYS_MAX:,} days (about a hundred years), got {text!r}"
        )
    return days


class Entry(NamedTuple):
    """One record read: its file, its application and its plan."""

    path: Path
    application: Application
    plan: Plan


class Unread(NamedTuple):
    """A file that could not be read, and why (a message naming the file)."""

    path: Path
    message: str


class Row(NamedTuple):
    """One action of the agenda, and the record it comes from."""

    entry: Entry
    action: Action


def run(args: argparse.Namespace) -> int:
    """Print the agenda of the folder ``DIR`` at ``--now``; return the exit status."""
    folder = Path(args.dir)
    at = pendulum.instance(now(args))
    rules = policy(args)  # a mistake in --country is reported before reading
    entries, unread, warned = read(record_files(folder), at, rules)
    days: int | None = args.days
    owed, lapsed = select(entries, at, days)
    # The calendar first: without the extra, that is the one error to report.
    calendar = _ics(entries, owed) if args.format == "ics" else b""
    for message in warned:
        sys.stderr.write(f"{PROG}: warning: {message}\n")
    for problem in unread:
        sys.stderr.write(f"{PROG}: error: {_one_line(problem.message)}\n")
    if args.format == "json":
        _json(at, days, owed, lapsed, unread)
    elif args.format == "ics":
        sys.stdout.buffer.write(calendar)
        sys.stdout.buffer.flush()
    else:
        _table(
            folder=folder,
            at=at,
            days=days,
            entries=entries,
            owed=owed,
            lapsed=lapsed,
            unread=unread,
        )
    return UNREAD if unread else 0


def record_files(folder: Path) -> list[Path]:
    """Return the record files of *folder*, by name: its ``.toml`` and ``.json``
    files, not those of its subfolders, nor hidden ones (an editor's copies)."""
    if not folder.is_dir():
        problem = "not a folder" if folder.exists() else "no such folder"
        raise UserError(f"{folder}: {problem}")
    try:
        listed = sorted(folder.iterdir())
    except OSError as error:
        raise UserError(f"{folder}: cannot read it ({error.strerror})") from None
    files = [
        path
        for path in listed
        if path.suffix in SUFFIXES and not path.name.startswith(".") and path.is_file()
    ]
    if not files:
        raise UserError(f"{folder}: no .toml or .json files in it")
    return files


def read(
    files: Sequence[Path],
    at: pendulum.DateTime,
    rules: FollowUpPolicy | None = None,
) -> tuple[list[Entry], list[Unread], list[str]]:
    """Read and plan each of *files* at *at*, under *rules* (default: the
    default policy).

    Returns the records read, the files that could not be (a bad file never
    stops the others from being read), and the library's warnings, each
    naming its file. A second record of an application already read (the
    same :attr:`~postinterview.Application.key`) is not read: its actions
    would be listed twice.
    """
    entries: list[Entry] = []
    unread: list[Unread] = []
    warned: list[str] = []
    first: dict[object, Path] = {}
    with Progress(len(files), "reading records") as progress:
        for path in files:
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", PostInterviewWarning)
                    application = application_of(load(path))
                    made = plan(application, policy=rules, now=at)
            except UserError as error:
                unread.append(Unread(path, str(error)))
            except PostInterviewError as error:
                unread.append(Unread(path, f"{path}: {error}"))
            else:
                warned += _warnings(path, caught)
                earlier = first.setdefault(application.key, path)
                if earlier != path:
                    unread.append(Unread(path, _twice(path, earlier)))
                else:
                    entries.append(Entry(path, application, made))
            progress.advance()
    return entries, unread, warned


def _warnings(path: Path, caught: Iterable[warnings.WarningMessage]) -> list[str]:
    """Return the library's warnings about *path*; pass any other warning on."""
    ours: list[str] = []
    for warning in caught:
        if issubclass(warning.category, PostInterviewWarning):
            ours.append(f"{path}: {_one_line(str(warning.message))}")
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return ours


def _twice(path: Path, earlier: Path) -> str:
    """Say that *path* holds the application that *earlier* holds."""
    return (
        f"{path}: the same application as {earlier} (the same organisation, "
        "role and start of the first round), so it is left out; keep one "
        "file per application"
    )


def select(
    entries: Iterable[Entry], at: pendulum.DateTime, days: int | None
) -> tuple[list[Row], list[Row]]:
    """Return the actions owed, by send time, and those lapsed, by closing time.

    With *days*, the actions owed are those overdue or to send within *days*
    of *at*, and the lapsed those whose window closed within the last *days*.
    """
    owed: list[Row] = []
    lapsed: list[Row] = []
    for entry in entries:
        made = entry.plan
        if days is None:
            chosen: Iterable[Action] = made
            gone: Iterable[Action] = made.lapsed
        else:
            within = dt.timedelta(days=days)
            late = set(made.overdue())
            soon = set(made.upcoming(within))
            chosen = (action for action in made if action in late or action in soon)
            since = _utc(at) - within
            gone = (
                action
                for action in made.lapsed
                if action.closes_at is not None and _utc(action.closes_at) >= since
            )
        owed += (Row(entry, action) for action in chosen)
        lapsed += (Row(entry, action) for action in gone)
    # Python's sort is stable: rows at the same instant keep the order of
    # the files, then of each plan.
    owed.sort(key=lambda row: _utc(row.action.send_at))
    lapsed.sort(key=lambda row: _utc(row.action.closes_at))
    return owed, lapsed


def _utc(instant: dt.datetime | None) -> dt.datetime:
    """The instant as a plain UTC datetime (see :func:`utc`)."""
    assert instant is not None  # noqa: S101 - lapsed actions have a closing time
    return utc(instant)


def _application(application: Application) -> str:
    """Name an application as the agenda does: its latest organisation and role."""
    latest = application.rounds[-1]
    return f"{latest.organisation}, {latest.role}"


def _table(
    *,
    folder: Path,
    at: pendulum.DateTime,
    days: int | None,
    entries: Sequence[Entry],
    owed: Sequence[Row],
    lapsed: Sequence[Row],
    unread: Sequence[Unread],
) -> None:
    """Print the agenda for people: what is owed, then what lapsed."""
    read_from = plural(len(entries), "application")
    if unread:
        read_from += f" ({plural(len(unread), 'file')} not read)"
    write(f"Agenda of {folder} at {when(at)}: {read_from}.")
    overdue = sum(_overdue(row) for row in owed)
    span = "" if days is None else f" within {plural(days, 'day')}"
    write(f"{plural(len(owed), 'action')} owed{span}, {overdue} overdue.")
    if owed:
        write()
        rows = (
            (
                "OVERDUE" if _overdue(row) else "",
                send_cell(row.action),
                when(row.action.due_at),
                label(row.action, _rounds(row.entry)),
                recipient(row.action),
                _application(row.entry.application),
            )
            for row in owed
        )
        header = ("", "SEND AT", "DUE BY", "ACTION", "TO", "APPLICATION")
        for line in table(header, rows):
            write(line)
        footnote(row.action for row in owed)
    if lapsed:
        write()
        write(
            f"Lapsed{span}: {plural(len(lapsed), 'action')} whose window closed "
            "before now, not done."
        )
        write()
        closed = (
            (
                when(row.action.closes_at),
                label(row.action, _rounds(row.entry)),
                recipient(row.action),
                _application(row.entry.application),
            )
            for row in lapsed
        )
        for line in table(("CLOSED AT", "ACTION", "TO", "APPLICATION"), closed):
            write(f"  {line}")


def _overdue(row: Row) -> bool:
    """Whether *row*'s action is past its due time and still owed."""
    due = row.action.due_at
    return due is not None and _utc(due) < _utc(row.entry.plan.now)


def _rounds(entry: Entry) -> bool:
    """Whether *entry*'s application has actions of more than one round."""
    made = entry.plan
    return len({action.round for action in (*made, *made.lapsed)}) > 1


def _json(
    at: pendulum.DateTime,
    days: int | None,
    owed: Sequence[Row],
    lapsed: Sequence[Row],
    unread: Sequence[Unread],
) -> None:
    """Print the agenda for programs: one JSON object."""

    def listed(row: Row) -> dict[str, Any]:
        latest = row.entry.application.rounds[-1]
        return {
            "file": str(row.entry.path),
            "organisation": latest.organisation,
            "role": latest.role,
            **action_json(row.action),
        }

    document = {
        "now": format_instant(at),
        "days": days,
        "actions": [{**listed(row), "overdue": _overdue(row)} for row in owed],
        "lapsed": [listed(row) for row in lapsed],
        "unread": [
            {"file": str(problem.path), "reason": _reason(problem)}
            for problem in unread
        ],
    }
    write(json.dumps(document, indent=2, ensure_ascii=False))


def _reason(problem: Unread) -> str:
    """The message of *problem* without the file name it starts with."""
    prefix = f"{problem.path}: "
    message = problem.message
    return _one_line(message[len(prefix) :] if message.startswith(prefix) else message)


def _ics(entries: Sequence[Entry], owed: Sequence[Row]) -> bytes:
    """Return the actions owed, each application's apart, as one iCalendar file."""
    chosen: dict[Path, set[Action]] = {}
    for row in owed:
        chosen.setdefault(row.entry.path, set()).add(row.action)
    # Each plan keeps its application, so that its events keep their UIDs.
    plans = [
        attrs.evolve(
            entry.plan,
            actions=[a for a in entry.plan if a in chosen.get(entry.path, set())],
        )
        for entry in entries
    ]
    try:
        return to_ics(plans)
    except ModuleNotFoundError:  # the calendar extra is not installed
        raise UserError(_NO_EXTRA) from None


def _one_line(message: str) -> str:
    """*message* on one line, as the error lines are."""
    return " ".join(part.strip() for part in message.splitlines())
