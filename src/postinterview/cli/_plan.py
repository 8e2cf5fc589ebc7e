"""``postinterview plan``: the follow-up timetable, as a table or as JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from postinterview.cli._output import plural, table, when, write
from postinterview.cli._records import (
    Commands,
    add_file,
    add_now,
    add_place,
    application_of,
    load,
    now,
    policy,
)
from postinterview.followup import Action, ActionKind, Plan, plan
from postinterview.serialize import format_instant
from postinterview.timeline import Application

#: What a table says under a send time marked ``*``.
SENT_AFTER_DUE: Final = (
    "* After the due time: the recipient's next working hours. None fall "
    "between the opening of the window and the due time, and the window is "
    "still open then."
)


def add_parser(commands: Commands) -> None:
    """Add ``plan`` and its options to *commands*."""
    command = commands.add_parser(
        "plan", help="show the follow-up timetable of an application"
    )
    add_file(command, "an Application or Interview")
    add_now(command)
    add_place(command)
    command.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="a table for people (default) or JSON for programs",
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> None:
    """Print the timetable of the record in ``FILE`` at ``--now``."""
    application, timetable = planned(args)
    overdue = set(timetable.overdue())
    latest = application.rounds[-1]
    if args.format == "json":
        document = {
            "organisation": latest.organisation,
            "role": latest.role,
            "status": timetable.status.name,
            "now": format_instant(timetable.now),
            "actions": [
                {**action_json(action), "overdue": action in overdue}
                for action in timetable
            ],
            "lapsed": [action_json(action) for action in timetable.lapsed],
        }
        write(json.dumps(document, indent=2, ensure_ascii=False))
        return
    write(f"{latest.organisation}, {latest.role}: {timetable.status.value}")
    owed = f"{plural(len(timetable), 'action')} owed at {when(timetable.now)}"
    lapsed = f", {len(timetable.lapsed)} lapsed" if timetable.lapsed else ""
    write(f"{owed}, {len(overdue)} overdue{lapsed}.")
    several = len({action.round for action in (*timetable, *timetable.lapsed)}) > 1
    if timetable:
        write()
        rows = (
            (
                "OVERDUE" if action in overdue else "",
                send_cell(action),
                when(action.due_at),
                label(action, several),
                recipient(action),
                action.rationale,
            )
            for action in timetable
        )
        for line in table(("", "SEND AT", "DUE BY", "ACTION", "TO", "WHY"), rows):
            write(line)
        footnote(timetable)
        write()
        write(calendars(timetable))
    if timetable.lapsed:
        write()
        write("Lapsed: their window closed before now, and they were not done.")
        write()
        closed = (
            (
                when(action.closes_at),
                label(action, several),
                recipient(action),
                action.rationale,
            )
            for action in timetable.lapsed
        )
        for line in table(("CLOSED AT", "ACTION", "TO", "WHY"), closed):
            write(f"  {line}")


def planned(args: argparse.Namespace) -> tuple[Application, Plan]:
    """Return the application in ``FILE`` and its follow-up plan at ``--now``,
    with the calendars ``--country`` and ``--subdivision`` ask for."""
    application = application_of(load(Path(args.file)))
    return application, plan(application, policy=policy(args), now=now(args))


def calendars(actions: Iterable[Action]) -> str:
    """Say which calendar the days of *actions* were counted with, for whom."""
    whom: dict[str, list[str]] = {}
    for action in actions:
        if action.calendar is not None:
            names = whom.setdefault(action.calendar, [])
            name = recipient(action)
            if name not in names:
                names.append(name)
    described = "; ".join(
        f"{calendar} ({', '.join(names)})" for calendar, names in whom.items()
    )
    return f"Days counted with: {described}."


def sent_after_due(action: Action) -> bool:
    """Whether *action*'s send time is after its due time (the next working hours)."""
    due = action.due_at
    return due is not None and utc(action.send_at) > utc(due)


def utc(instant: dt.datetime) -> dt.datetime:
    """Return *instant* as a stdlib datetime in UTC, to compare and count with.

    Two instants in one zone compare by their clocks, the repeated hour of a
    fall-back night ignored; and pendulum drops a stdlib UTC zone when it
    subtracts. A plain UTC datetime has neither trouble.
    """
    shown = instant.astimezone(dt.UTC)
    return dt.datetime(
        shown.year,
        shown.month,
        shown.day,
        shown.hour,
        shown.minute,
        shown.second,
        shown.microsecond,
        tzinfo=dt.UTC,
    )


def send_cell(action: Action) -> str:
    """Show *action*'s send time, marked ``*`` when it is after the due time."""
    shown = when(action.send_at)
    return f"{shown} *" if sent_after_due(action) else shown


def footnote(actions: Iterable[Action]) -> None:
    """Print what ``*`` means, when a send time in *actions* carries it."""
    if any(sent_after_due(action) for action in actions):
        write()
        write(SENT_AFTER_DUE)


def label(action: Action, rounds: bool) -> str:
    """Name what *action* is: its kind, its number when repeated, its round."""
    name = action.kind.name.lower().replace("_", "-")
    if action.kind is ActionKind.CHECK_IN or action.number > 1:
        name = f"{name} {action.number}"
    if rounds:
        name = f"{name} (round {action.round})"
    return name


def recipient(action: Action) -> str:
    """Name who *action* is for: the recipient, or ``you`` for your own tasks."""
    return action.recipient.name if action.recipient is not None else "you"


def action_json(action: Action) -> dict[str, Any]:
    """Return *action* as a JSON object, its instants in RFC 9557 form."""
    person = action.recipient
    return {
        "kind": action.kind.name,
        "recipient": None
        if person is None
        else {"name": person.name, "email": person.email},
        "channel": None if action.channel is None else action.channel.name,
        "opens_at": format_instant(action.opens_at),
        "due_at": None if action.due_at is None else format_instant(action.due_at),
        "closes_at": None
        if action.closes_at is None
        else format_instant(action.closes_at),
        "send_at": format_instant(action.send_at),
        "template": action.template,
        "rationale": action.rationale,
        "round": action.round,
        "number": action.number,
        "calendar": action.calendar,
    }
