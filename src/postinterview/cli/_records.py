"""Reading what the user gives: the parser, records from TOML or JSON files,
instants and dates from options, and the error that reports a mistake in any
of them."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any, NoReturn, TypeAlias

import pendulum

from postinterview.errors import SchemaError, ValidationError
from postinterview.errors import shorten as _shown
from postinterview.followup import FollowUpPolicy
from postinterview.interview import Interview
from postinterview.learning import LogEntry
from postinterview.serialize import SCHEMA_VERSION, from_dict, from_json, parse_instant
from postinterview.timeline import Application
from postinterview.workdays import LocalCalendars


class UserError(Exception):
    """A mistake in what the user gave; main() prints it as one line."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors become one-line user errors."""

    def error(self, message: str) -> NoReturn:
        """Raise the usage error for main() to report, instead of exiting."""
        raise UserError(message)


#: What a subcommand module adds its parser to.
Commands: TypeAlias = "argparse._SubParsersAction[Parser]"

# -- records ---------------------------------------------------------------------

Record: TypeAlias = Interview | Application | LogEntry

#: The suffixes of the files records are read from; any other is read as TOML.
SUFFIXES = (".toml", ".json")

_BARE_INSTANT = (
    "a quoted RFC 9557 string with the zone name, such as "
    '"2026-11-20T15:30:00+00:00[Europe/London]" (a bare TOML date-time '
    "has no zone name)"
)


def _read_text(path: Path) -> str:
    """Return the text in *path*, or raise a user error saying why not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a TOML or JSON file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read it ({error.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise UserError(
            f"{path}: not UTF-8 text ({error.reason} on line {line})"
        ) from None


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _is_toml(text: str) -> bool:
    try:
        tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return False
    return True


def _read_toml(path: Path, text: str) -> dict[str, Any]:
    """Return the TOML document *text* of *path*, or raise a user error."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        hint = "; this looks like JSON: name the file .json" if _is_json(text) else ""
        raise UserError(f"{path}: not valid TOML: {error}{hint}") from None


def _read_json(path: Path, text: str) -> object:
    """Return the JSON value *text* of *path*, or raise a user error."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        hint = "; this looks like TOML: name the file .toml" if _is_toml(text) else ""
        raise UserError(f"{path}: not valid JSON: {error}{hint}") from None


def _plain(value: object, path: str) -> object:
    """Return TOML *value* as the JSON format has it: dates become ISO strings.

    A TOML date-time or time of day has no IANA zone name, so it is refused
    with a :class:`SchemaError` at *path*.
    """
    if isinstance(value, dict):
        return {
            key: _plain(item, f"{path}.{key}" if path else key)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_plain(item, f"{path}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, dt.datetime | dt.time):
        raise SchemaError(path, value.isoformat(), _BARE_INSTANT)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def load(path: Path) -> Record:
    """Return the record in the file *path*, whichever of the three it is.

    A file named ``.json`` is read as JSON, any other as TOML.
    """
    text = _read_text(path)
    is_json = path.suffix.lower() == ".json"
    document = _read_json(path, text) if is_json else _read_toml(path, text)
    cls = _record_class(path, document, is_json=is_json)
    try:
        if is_json:
            return from_json(cls, text)
        return from_dict(cls, _plain(document, ""))
    except SchemaError as error:
        hint = ""
        if error.path == "schema_version":
            first = (
                f'the object with "schema_version": {SCHEMA_VERSION},'
                if is_json
                else f"the file with the line: schema_version = {SCHEMA_VERSION}"
            )
            hint = f"; start {first}"
        raise UserError(f"{path}: {error}{hint}") from None


def _record_class(path: Path, document: object, *, is_json: bool) -> type[Record]:
    """Return the class of the record *document* holds, by its top-level keys."""
    if isinstance(document, dict):
        if "application" in document:
            return LogEntry
        if "interviews" in document:
            return Application
        if "organisation" in document:
            return Interview
    what = "a JSON object with a top-level key" if is_json else "a top-level key"
    raise UserError(
        f"{path}: not a record: expected {what} `application` (a log "
        "entry), `interviews` (an Application) or `organisation` (an Interview)"
    )


def kind_of(record: Record) -> str:
    """Name the kind of *record*, as the messages do."""
    if isinstance(record, LogEntry):
        return "a log entry"
    if isinstance(record, Application):
        return "an Application"
    return "an Interview"


def application_of(record: Record) -> Application:
    """Return the application *record* is or holds; an interview starts one."""
    if isinstance(record, LogEntry):
        return record.application
    if isinstance(record, Interview):
        return Application.from_interview(record)
    return record


# -- options ---------------------------------------------------------------------

_NOW_EXPECTED = (
    "an instant with its UTC offset, such as '2026-11-21T18:00Z' or "
    "'2026-11-21T18:00:00+00:00[Europe/London]'"
)
_DATE_EXPECTED = "an ISO 8601 date such as '2026-12-04'"


def add_file(command: Parser, what: str) -> None:
    """Add the ``FILE`` argument to *command*: the record, *what* it may be."""
    command.add_argument("file", metavar="FILE", help=what)


def add_now(command: Parser) -> None:
    """Add ``--now`` to *command*: the instant to plan at."""
    command.add_argument(
        "--now",
        type=_instant,
        metavar="INSTANT",
        help="the instant to plan at, with its UTC offset, e.g. "
        "2026-11-21T18:00:00+00:00[Europe/London] (default: the current time)",
    )


def add_place(command: Parser) -> None:
    """Add ``--country`` and ``--subdivision`` to *command*: whose public
    holidays count for recipients whose own country the record does not give."""
    command.add_argument(
        "--country",
        metavar="CODE",
        help="the country whose weekend and public holidays count for everyone "
        "whose own country the record does not give, as an ISO 3166-1 code "
        "such as GB (default: the country of each one's time zone)",
    )
    command.add_argument(
        "--subdivision",
        metavar="CODE",
        help="with --country, the part of it whose own holidays count too, as "
        "the holidays package names it, such as SCT, NY or BY",
    )


def policy(args: argparse.Namespace) -> FollowUpPolicy | None:
    """Return the policy that ``--country`` and ``--subdivision`` ask for, if any."""
    country: str | None = args.country
    subdivision: str | None = args.subdivision
    if country is None and subdivision is None:
        return None
    if country is None:
        raise UserError(
            f"--subdivision {subdivision} needs --country, the country it is part of"
        )
    try:
        calendars = LocalCalendars(country=country, subdivision=subdivision)
    except ValidationError as error:
        raise UserError(
            f"--{error.field}: expected {error.expected}, got {_shown(error.value)}"
        ) from None
    return FollowUpPolicy(calendar=calendars)


def _instant(text: str) -> dt.datetime:
    """Read ``--now``: an aware ISO 8601 instant, or RFC 9557 with the zone."""
    if text.endswith("]"):
        try:
            return parse_instant(text)
        except ValidationError as error:
            raise _misread(text, error.expected) from None
    try:
        given = dt.datetime.fromisoformat(text)
    except ValueError:
        raise _misread(text, _NOW_EXPECTED) from None
    if given.tzinfo is None:
        raise _misread(
            text, _NOW_EXPECTED, ", which has no offset and so could be in any zone"
        )
    return given.astimezone(dt.UTC)


def now(args: argparse.Namespace) -> dt.datetime:
    """Return ``--now``, or the current instant: the one clock read."""
    given: dt.datetime | None = args.now
    return pendulum.now("UTC") if given is None else given


def iso_date(text: str) -> pendulum.Date:
    """Read a date option: an ISO 8601 date such as 2026-12-04."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise _misread(text, _DATE_EXPECTED) from None
    if len(text) != len("2026-12-04"):  # fromisoformat also reads 20261204
        raise _misread(text, _DATE_EXPECTED)
    return pendulum.Date(day.year, day.month, day.day)


def _misread(text: str, expected: str, why: str = "") -> argparse.ArgumentTypeError:
    """Return the error for an option's *text* that is not what was *expected*."""
    return argparse.ArgumentTypeError(f"expected {expected}, got {text!r}{why}")
