"""``read-reply``: read an employer's reply, and with ``--apply`` record it.

The record is written back only when everything before has worked: the new
record goes to a file beside it, the old one is kept as ``FILE.bak``, and the
new file then takes the record's name in one step. An error at any point
leaves the record as it was.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import os
import shutil
import tempfile
from email.message import EmailMessage
from pathlib import Path

from postinterview.cli._output import write
from postinterview.cli._records import (
    Commands,
    UserError,
    application_of,
    load,
)
from postinterview.replies import ReplyKind, read_reply
from postinterview.serialize import to_json, to_toml
from postinterview.timeline import Application


def add_parser(commands: Commands) -> None:
    """Add ``read-reply`` to *commands*."""
    command = commands.add_parser(
        "read-reply",
        help="read an employer's reply and suggest the events to record",
        description=(
            "Read an employer's or agency's reply, saved as an email file "
            "(.eml), against the record it answers; print what it says, the "
            "events it suggests and the evidence for them. With --apply, "
            "record the events in the record file (the old file is kept as "
            "FILE.bak)."
        ),
    )
    command.add_argument(
        "message", metavar="MESSAGE.eml", help="the reply, as a saved email file"
    )
    command.add_argument(
        "--record",
        required=True,
        metavar="FILE",
        help="the record the reply answers: an Application or an Interview, "
        "as TOML or JSON",
    )
    command.add_argument(
        "--apply",
        action="store_true",
        help="record the suggested events in the record file, keeping the "
        "old file as FILE.bak",
    )
    command.add_argument(
        "--language",
        metavar="CODE",
        help="the language to read the reply in, such as en or fr "
        "(default: the language its words are in)",
    )
    command.set_defaults(run=run)


def _message(path: Path) -> EmailMessage:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not an email file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read it ({error.strerror})") from None
    message = email.message_from_bytes(
        data, _class=EmailMessage, policy=email.policy.default
    )
    if message.get("Date") is None:
        raise UserError(
            f"{path}: the message has no Date header, so when it arrived is not known"
        )
    return message


def run(args: argparse.Namespace) -> None:
    """Read the reply; print the reading; with ``--apply``, record it."""
    record_path = Path(args.record)
    record = load(record_path)
    application = application_of(record)
    reading = read_reply(
        _message(Path(args.message)), application=application, language=args.language
    )
    write(reading.summary())
    if not args.apply:
        return
    if reading.kind is ReplyKind.UNKNOWN:
        raise UserError(
            f"nothing recorded in {record_path}: the reply's kind is unknown "
            f"({reading.reason})"
        )
    if not reading.events:
        write(f"\nNothing to record in {record_path}.")
        return
    updated = reading.apply()  # raises before anything is written
    _write_back(record_path, updated)
    count = len(reading.events)
    write(
        f"\nRecorded {count} event{'s' if count != 1 else ''} in {record_path}; "
        f"the old file is {record_path}.bak"
    )


def _write_back(path: Path, application: Application) -> None:
    """Replace the record in *path* with *application*, keeping a backup."""
    text = (
        to_json(application) if path.suffix.lower() == ".json" else to_toml(application)
    )
    folder = path.resolve().parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text if text.endswith("\n") else f"{text}\n")
        shutil.copy2(path, path.with_name(f"{path.name}.bak"))
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UserError(f"{path}: cannot write it ({error.strerror})") from None
