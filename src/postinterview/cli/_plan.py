"""``postinterview plan``: the follow-up timetable, as a table or as JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from postinterview.cli._output import plural, table, when, write
from postinterview.cli._records import (
    Commands,
    add_file,
    add_now,
    application_of,
    load,
    now,
)
from postinterview.followup import Action, ActionKind, Plan, plan
from postinterview.serialize import format_instant
from postinterview.timeline import Application


def add_parser(commands: Commands) -> None:
    """Add ``plan`` and its options to *commands*."""
    command = commands.add_parser(
        "plan", help="show the follow-up timetable of an application"
    )
    add_file(command, "an Application or Interview")
    add_now(command)
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
    if args.format == "json":
        listed = [_action_json(action, action in overdue) for action in timetable]
        write(json.dumps(listed, indent=2, ensure_ascii=False))
        return
    latest = application.rounds[-1]
    write(f"{latest.organisation}, {latest.role}: {timetable.status.value}")
    owed = f"{plural(len(timetable), 'action')} owed at {when(timetable.now)}"
    write(f"{owed}, {len(overdue)} overdue.")
    if not timetable:
        return
    several = len({action.round for action in timetable}) > 1
    write()
    rows = (
        (
            "OVERDUE" if action in overdue else "",
            when(action.send_at),
            when(action.due_at),
            _label(action, several),
            action.recipient.name if action.recipient is not None else "you",
            action.rationale,
        )
        for action in timetable
    )
    for line in table(("", "SEND AT", "DUE BY", "ACTION", "TO", "WHY"), rows):
        write(line)


def planned(args: argparse.Namespace) -> tuple[Application, Plan]:
    """Return the application in ``FILE`` and its follow-up plan at ``--now``."""
    application = application_of(load(Path(args.file)))
    return application, plan(application, now=now(args))


def _label(action: Action, rounds: bool) -> str:
    """Name what *action* is: its kind, its number when repeated, its round."""
    label = action.kind.name.lower().replace("_", "-")
    if action.kind is ActionKind.CHECK_IN or action.number > 1:
        label = f"{label} {action.number}"
    if rounds:
        label = f"{label} (round {action.round})"
    return label


def _action_json(action: Action, overdue: bool) -> dict[str, Any]:
    """Return *action* as a JSON object, its instants in RFC 9557 form."""
    recipient = action.recipient
    return {
        "kind": action.kind.name,
        "recipient": None
        if recipient is None
        else {"name": recipient.name, "email": recipient.email},
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
        "overdue": overdue,
    }
