"""The command line: ``postinterview`` (also ``python -m postinterview``).

A thin edge around the library. It reads records written as TOML, in the
shape of :mod:`postinterview.serialize`'s JSON, and prints what the library
makes of them:

- ``postinterview plan FILE [--now INSTANT] [--format table|json]``: the
  follow-up timetable, one row per action owed, overdue ones marked;
- ``postinterview draft FILE --kind KIND [--to NAME] [--sender ADDRESS] ...``:
  one letter, as text or (``--html``) HTML;
- ``postinterview ics FILE [-o FILE] [--now INSTANT]``: the timetable as an
  iCalendar file (:meth:`postinterview.Plan.to_ics`, the ``calendar`` extra);
- ``postinterview log DIR [--next FILE] [--limit N]``: the learning log over
  every entry in a folder, and what to practise for the next interview;
- ``postinterview check FILE``: says what a record is and that it is valid.

**Files.** A file is one TOML document holding one record, with
``schema_version = 1`` at the top as in the JSON format. What it is follows
from its top-level keys: ``application`` makes it a log entry
(:class:`~postinterview.LogEntry`), ``interviews`` an
:class:`~postinterview.Application`, ``organisation`` an
:class:`~postinterview.Interview`. Values are written as in the JSON: instants
as quoted RFC 9557 strings that keep the zone name, enum members by name,
amounts of money as quoted decimals, optional fields left out (TOML has no
null). A date may also be a bare TOML date (``decision_expected_by =
2026-11-27``); a bare TOML date-time is refused, because it has no zone name.

**Time.** Nothing reads the clock except the default of ``--now``, which is
the current instant in UTC. ``--now`` is an instant with its UTC offset
(``2026-11-21T18:00Z``, ``2026-11-21T18:00:00+00:00``) or with its zone too,
in RFC 9557 form (``2026-11-21T18:00:00+00:00[Europe/London]``); a naive time
is refused.

**Errors.** A mistake in what was given (a missing file, bad TOML, a record
that does not validate, an unknown person or option) prints one line,
``postinterview: error: ...``, on standard error and exits with status 2.
Success exits with 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import json
import os
import sys
import tomllib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn

import pendulum

from postinterview.errors import SchemaError, ValidationError
from postinterview.followup import Action, ActionKind, Plan, plan
from postinterview.interview import Interview, Person
from postinterview.learning import LearningLog, LogEntry, PrepFocus
from postinterview.serialize import (
    format_instant,
    from_dict,
    parse_instant,
)
from postinterview.timeline import Application, Status

if TYPE_CHECKING:
    from postinterview.letters import Candidate, Draft

__all__ = ["main"]

_PROG: Final = "postinterview"
#: The exit status of a mistake in what the user gave.
_USAGE: Final = 2
#: Where ``draft`` looks for the sender when ``--sender`` is not given.
_SENDER_VARIABLE: Final = "POSTINTERVIEW_SENDER"

# The letters by their command-line names; each is a kind of letters.KINDS.
# Kept here rather than read from letters, which imports Jinja: only `draft`
# needs that. tests/test_cli.py checks that the two agree.
_LETTERS: Final[dict[str, str]] = {
    "thank-you": "thank_you",
    "check-in": "check_in",
    "feedback-request": "feedback_request",
    "reference-brief": "reference_brief",
    "withdrawal": "withdrawal",
    "rejection-reply": "rejection_reply",
    "feedback-thanks": "feedback_thanks",
    "offer-thanks": "offer_thanks",
}
# The details each kind of letter takes beyond the record, as in letters.
_TAKES: Final[dict[str, tuple[str, ...]]] = {
    "thank_you": ("highlight", "forgot"),
    "check_in": (),
    "feedback_request": (),
    "reference_brief": ("contact_from", "emphasise"),
    "withdrawal": ("reason",),
    "rejection_reply": (),
    "feedback_thanks": ("useful",),
    "offer_thanks": ("reply_by", "discuss", "salary"),
}
# What a missing required detail is, said to the person at the keyboard.
_REQUIRED: Final[dict[str, str]] = {
    "highlight": "--highlight TEXT, the point from the conversation to come back to",
    "reply_by": (
        "--reply-by DATE, the day you will answer by (no offer in the record "
        "gives a respond_by date)"
    ),
}


class _UserError(Exception):
    """A mistake in what the user gave; main() prints it as one line."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors become one-line user errors."""

    def error(self, message: str) -> NoReturn:
        """Raise the usage error for main() to report, instead of exiting."""
        raise _UserError(message)


# -- reading records -------------------------------------------------------------

_Record = Interview | Application | LogEntry

_BARE_INSTANT = (
    "a quoted RFC 9557 string with the zone name, such as "
    '"2026-11-20T15:30:00+00:00[Europe/London]" (a bare TOML date-time '
    "has no zone name)"
)


def _read_toml(path: Path) -> dict[str, Any]:
    """Return the TOML document in *path*, or raise a user error saying why not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise _UserError(f"{path}: is a folder, not a TOML file") from None
    except OSError as error:
        raise _UserError(f"{path}: cannot read it ({error.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _UserError(
            f"{path}: not UTF-8 text ({error.reason} on line {line})"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _UserError(f"{path}: not valid TOML: {error}") from None


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


def _load(path: Path) -> _Record:
    """Return the record in the TOML file *path*, whichever of the three it is."""
    document = _read_toml(path)
    try:
        if "application" in document:
            return from_dict(LogEntry, _plain(document, ""))
        if "interviews" in document:
            return from_dict(Application, _plain(document, ""))
        if "organisation" in document:
            return from_dict(Interview, _plain(document, ""))
    except SchemaError as error:
        hint = ""
        if error.path == "schema_version":
            hint = "; start the file with the line: schema_version = 1"
        raise _UserError(f"{path}: {error}{hint}") from None
    raise _UserError(
        f"{path}: not a record: expected a top-level key `application` (a log "
        "entry), `interviews` (an Application) or `organisation` (an Interview)"
    )


def _what(record: _Record) -> str:
    """Name the kind of *record*, as the messages do."""
    if isinstance(record, LogEntry):
        return "a log entry"
    if isinstance(record, Application):
        return "an Application"
    return "an Interview"


def _application(record: _Record) -> Application:
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


def _instant(text: str) -> dt.datetime:
    """Read ``--now``: an aware ISO 8601 instant, or RFC 9557 with the zone."""
    if text.endswith("]"):
        try:
            return parse_instant(text)
        except ValidationError as error:
            raise argparse.ArgumentTypeError(
                f"expected {error.expected}, got {text!r}"
            ) from None
    try:
        given = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected {_NOW_EXPECTED}, got {text!r}"
        ) from None
    if given.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"expected {_NOW_EXPECTED}, got {text!r}, which has no offset and "
            "so could be in any zone"
        )
    return given.astimezone(dt.UTC)


def _date(text: str) -> pendulum.Date:
    """Read a date option: an ISO 8601 date such as 2026-12-04."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected an ISO 8601 date such as '2026-12-04', got {text!r}"
        ) from None
    if len(text) != len("2026-12-04"):  # fromisoformat also reads 20261204
        raise argparse.ArgumentTypeError(
            f"expected an ISO 8601 date such as '2026-12-04', got {text!r}"
        )
    return pendulum.Date(day.year, day.month, day.day)


def _limit(text: str) -> int:
    """Read ``--limit``: a whole number, 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}")
    return int(text)


def _now(args: argparse.Namespace) -> dt.datetime:
    """Return ``--now``, or the current instant: the one clock read."""
    given: dt.datetime | None = args.now
    return pendulum.now("UTC") if given is None else given


def _address(text: str, option: str) -> tuple[str, str]:
    """Split ``Name <email>`` given for *option* into its name and address."""
    name, address = email.utils.parseaddr(text)
    if not name or "@" not in address:
        raise _UserError(
            f"{option}: expected a name and an email address, such as "
            f"'Sam Jones <sam@example.org>', got {text!r}"
        )
    return name, address


# -- output ----------------------------------------------------------------------


def _write(text: str = "") -> None:
    """Write one line to standard output."""
    sys.stdout.write(f"{text}\n")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Return *rows* under *header* in aligned columns; the last is not padded."""
    grid = [list(header), *(list(row) for row in rows)]
    widths = [max(len(row[column]) for row in grid) for column in range(len(header))]
    lines = []
    for row in grid:
        cells = [
            cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=False)
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return lines


def _when(instant: pendulum.DateTime | None) -> str:
    """Show *instant* in its own zone, with the zone's abbreviation."""
    return "-" if instant is None else instant.format("ddd YYYY-MM-DD HH:mm zz")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# -- plan ------------------------------------------------------------------------


def _label(action: Action, rounds: bool) -> str:
    """Name what *action* is: its kind, its number when repeated, its round."""
    label = action.kind.name.lower().replace("_", "-")
    if action.kind is ActionKind.CHECK_IN or action.number > 1:
        label = f"{label} {action.number}"
    if rounds:
        label = f"{label} (round {action.round})"
    return label


def _run_plan(args: argparse.Namespace) -> None:
    record = _load(Path(args.file))
    application = _application(record)
    timetable = plan(application, now=_now(args))
    overdue = set(timetable.overdue())
    if args.format == "json":
        listed = [_action_json(action, action in overdue) for action in timetable]
        _write(json.dumps(listed, indent=2, ensure_ascii=False))
        return
    latest = application.rounds[-1]
    _write(f"{latest.organisation}, {latest.role}: {timetable.status.value}")
    owed = f"{_plural(len(timetable), 'action')} owed at {_when(timetable.now)}"
    _write(f"{owed}, {len(overdue)} overdue.")
    if not timetable:
        return
    several = len({action.round for action in timetable}) > 1
    _write()
    rows = (
        (
            "OVERDUE" if action in overdue else "",
            _when(action.send_at),
            _when(action.due_at),
            _label(action, several),
            action.recipient.name if action.recipient is not None else "you",
            action.rationale,
        )
        for action in timetable
    )
    for line in _table(("", "SEND AT", "DUE BY", "ACTION", "TO", "WHY"), rows):
        _write(line)


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


# -- ics -------------------------------------------------------------------------


def _run_ics(args: argparse.Namespace) -> None:
    application = _application(_load(Path(args.file)))
    timetable: Plan = plan(application, now=_now(args))
    try:
        data = timetable.to_ics()
    except ModuleNotFoundError as error:  # the calendar extra is not installed
        raise _UserError(str(error)) from None
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(args.output)
    try:
        target.write_bytes(data)
    except OSError as error:
        raise _UserError(f"{target}: cannot write it ({error.strerror})") from None
    events = data.count(b"BEGIN:VEVENT")
    _write(f"Wrote {_plural(events, 'event')} to {target}.")


# -- draft -----------------------------------------------------------------------


def _people(application: Application) -> list[Person]:
    """Everyone the record names: interviewers and contacts, then from events."""
    people: list[Person] = []
    for interview in reversed(application.rounds):
        people.extend(interview.interviewers)
        if interview.agency_contact is not None:
            people.append(interview.agency_contact)
    for event in application.events:
        for field in ("to", "by"):
            person = getattr(event, field, None)
            if isinstance(person, Person):
                people.append(person)
    return list(dict.fromkeys(people))


def _person(name: str, application: Application, path: Path) -> Person:
    """Return the person in the record called *name* (or with that address)."""
    people = _people(application)
    wanted = name.strip().casefold()
    for person in people:
        if wanted in (person.name.casefold(), (person.email or "").casefold()):
            return person
    # A first name is enough when it is nobody else's.
    first = [p for p in people if p.name.split()[0].casefold() == wanted]
    names = sorted({person.name for person in first or people})
    if first and len(names) == 1:
        return first[0]
    if first:
        raise _UserError(
            f"--to: more than one {name!r} in {path} ({', '.join(names)}); "
            "give the full name"
        )
    known = f"the people in it are {', '.join(names)}" if names else "it names nobody"
    raise _UserError(f"--to: nobody called {name!r} in {path}; {known}")


def _sender(args: argparse.Namespace) -> tuple[str, str, str]:
    """Return the sender's name and address, and where they came from."""
    if args.sender is not None:
        return (*_address(args.sender, "--sender"), "--sender")
    given = os.environ.get(_SENDER_VARIABLE, "").strip()
    if not given:
        raise _UserError(
            "draft needs the sender: give --sender 'Name <email>' or set "
            f"{_SENDER_VARIABLE}"
        )
    return (*_address(given, _SENDER_VARIABLE), _SENDER_VARIABLE)


def _details(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    """Return the details given as options, refusing those *kind* does not take."""
    given = {
        "highlight": args.highlight,
        "forgot": args.forgot,
        "contact_from": args.contact_from,
        "emphasise": args.emphasise,
        "reason": args.reason,
        "useful": args.useful,
        "reply_by": args.reply_by,
        "discuss": args.discuss,
        "salary": args.salary,
    }
    takes = _TAKES[kind]
    named = kind.replace("_", "-")
    for name, value in given.items():
        if value is not None and name not in takes:
            options = ", ".join(_option(taken) for taken in takes) or "none"
            raise _UserError(
                f"{_option(name)}: a {named} letter does not take it "
                f"(it takes: {options})"
            )
    if kind == "thank_you" and given["highlight"] is None:
        raise _UserError(f"draft --kind thank-you needs {_REQUIRED['highlight']}")
    return {
        name: tuple(value) if isinstance(value, list) else value
        for name, value in given.items()
        if value is not None
    }


def _option(detail: str) -> str:
    return "--" + detail.replace("_", "-")


def _matching(timetable: Plan, kind: str, to: Person | None) -> Action | None:
    """Return the plan's action for a *kind* letter to *to*: owed ones first."""
    actions = (
        *timetable.actions,
        *timetable.lapsed,
        *(done.action for done in timetable.done),
    )
    for action in actions:
        if action.template == kind and (to is None or action.recipient == to):
            return action
    return None


def _run_draft(args: argparse.Namespace) -> None:
    from postinterview import letters  # noqa: PLC0415 - only draft needs Jinja

    path = Path(args.file)
    application = _application(_load(path))
    kind = _LETTERS[args.kind]
    name, address, source = _sender(args)
    try:
        sender = letters.Candidate(name=name, email=address)
    except ValidationError as error:
        raise _UserError(f"{source}: {error}") from None
    details = _details(kind, args)
    to = _recipient(args, kind, application, path)
    # The plan's actions are the same whatever the time: `now` only sorts them
    # into owed and lapsed, and all of them are searched. A referee is not in
    # the record, so their brief is the plan's whoever it goes to.
    timetable = plan(application, now=application.rounds[-1].ends_at)
    action = _matching(timetable, kind, None if kind == "reference_brief" else to)
    extra: dict[str, Any] = {} if to is None else {"to": to}
    try:
        if action is not None:
            draft = letters.draft_for(
                action,
                application,
                sender=sender,
                locale=args.locale,
                **extra,
                **details,
            )
        else:
            draft = _direct(
                kind,
                application.rounds[-1],
                sender=sender,
                locale=args.locale,
                to=to,
                details=details,
            )
    except ValidationError as error:
        raise _UserError(_detail_error(error, args.kind)) from None
    _show_draft(draft, html=args.html)


def _recipient(
    args: argparse.Namespace, kind: str, application: Application, path: Path
) -> Person | None:
    """Return whom ``--to`` or ``--referee`` names, or None for the default."""
    if kind != "reference_brief":
        if args.referee is not None:
            raise _UserError(
                f"--referee: only a reference-brief letter takes it, not {args.kind}"
            )
        return None if args.to is None else _person(args.to, application, path)
    if args.to is not None:
        raise _UserError(
            "--to: a reference brief goes to a referee, who is not in the "
            "record; give --referee 'Name <email>' instead"
        )
    if args.referee is None:
        raise _UserError("draft --kind reference-brief needs --referee 'Name <email>'")
    name, address = _address(args.referee, "--referee")
    try:
        return Person(name=name, email=address)
    except ValidationError as error:
        raise _UserError(f"--referee: {error}") from None


def _direct(
    kind: str,
    interview: Interview,
    *,
    sender: Candidate,
    locale: str,
    to: Person | None,
    details: dict[str, Any],
) -> Draft:
    """Draft a *kind* letter about *interview* without a plan's action."""
    from postinterview import letters  # noqa: PLC0415 - only draft needs Jinja

    if to is None and kind == "thank_you":
        if not interview.interviewers:
            raise _UserError("--to: the interview names no interviewer to thank")
        to = interview.interviewers[0]
    if kind == "offer_thanks" and "reply_by" not in details:
        raise _UserError(f"draft --kind offer-thanks needs {_REQUIRED['reply_by']}")
    extra: dict[str, Any] = {} if to is None else {"to": to}
    function: Callable[..., Draft] = getattr(letters, kind)
    return function(interview, sender=sender, locale=locale, **extra, **details)


def _show_draft(draft: Draft, *, html: bool) -> None:
    """Print *draft*, then on standard error what its own check found."""
    if html:
        body = draft.html
    else:
        to = draft.to.name
        if draft.to.email is not None:
            to = email.utils.formataddr((draft.to.name, draft.to.email))
        _write(f"To: {to}")
        _write(f"Subject: {draft.subject}")
        _write()
        body = draft.text
    sys.stdout.write(body if body.endswith("\n") else f"{body}\n")
    for finding in draft.check():
        quoted = "" if finding.text is None else f" ({finding.text!r})"
        sys.stderr.write(f"{_PROG}: check: {finding.message}{quoted}\n")


def _detail_error(error: ValidationError, kind: str) -> str:
    """Say what was wrong with a letter's detail, naming its option."""
    if error.field not in _REQUIRED and error.field not in _OPTIONS:
        return str(error)
    if error.value is None and error.field in _REQUIRED:
        return f"draft --kind {kind} needs {_REQUIRED[error.field]}"
    return _option(error.field) + str(error)[len(error.field) :]


_OPTIONS: Final = frozenset(detail for taken in _TAKES.values() for detail in taken)


# -- log -------------------------------------------------------------------------


def _run_log(args: argparse.Namespace) -> None:
    entries = _entries(Path(args.dir))
    log = LearningLog(entries=entries)
    rounds = sum(len(entry.application.rounds) for entry in entries)
    _write(
        f"Learning log: {_plural(len(entries), 'application')}, "
        f"{_plural(rounds, 'interview round')}."
    )
    _criteria(log)
    _patterns(log)
    upcoming = _next_interview(args, entries)
    _write()
    if upcoming is None:
        _write(
            "No interview to prepare for: give --next FILE, or record the next "
            "round (a NextRoundScheduled event) in an entry."
        )
        return
    _focus(log.prepare(upcoming, limit=args.limit))


def _entries(folder: Path) -> list[LogEntry]:
    """Return the log entries in the ``.toml`` files of *folder*, by file name."""
    if not folder.is_dir():
        problem = "not a folder" if folder.exists() else "no such folder"
        raise _UserError(f"{folder}: {problem}")
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise _UserError(f"{folder}: no .toml files in it")
    entries: list[LogEntry] = []
    for path in files:
        record = _load(path)
        if not isinstance(record, LogEntry):
            raise _UserError(
                f"{path}: expected a log entry (a top-level `application` table), "
                f"got {_what(record)}"
            )
        entries.append(record)
    return entries


def _criteria(log: LearningLog) -> None:
    """Print how each scored criterion is going: its trend and its scores."""
    _write()
    _write("How each criterion is going:")
    rows = [
        (
            trend.criterion.name,
            trend.trend.name,
            " ".join(str(point.score) for point in trend.points),
            f"{trend.recent}",
        )
        for trend in log.criteria
        if trend.points
    ]
    if rows:
        for line in _table(("CRITERION", "TREND", "SCORES", "RECENT"), rows):
            _write(f"  {line}")
    else:
        _write("  no scores yet")


def _patterns(log: LearningLog) -> None:
    """Print what recurs across entries: questions, preparation gaps, feedback."""
    _counted(
        "Questions asked more than once:",
        (
            (
                question.asked,
                f"{question.text} (went well {question.answered_well}, "
                f"badly {question.answered_badly})",
            )
            for question in log.recurring_questions
        ),
    )
    _counted("Open preparation gaps:", ((gap.count, gap.text) for gap in log.open_gaps))
    _counted(
        "What feedback said:",
        ((theme.count, theme.text) for theme in log.feedback_themes),
    )


def _counted(title: str, items: Iterable[tuple[int, str]]) -> None:
    _write()
    _write(title)
    shown = [f"  {count}x  {text}" for count, text in items]
    for line in shown or ["  none"]:
        _write(line)


def _next_interview(
    args: argparse.Namespace, entries: Sequence[LogEntry]
) -> Interview | None:
    """Return ``--next``'s latest round, else the first round still to come."""
    if args.next is not None:
        return _application(_load(Path(args.next))).rounds[-1]
    coming = [
        entry.application.rounds[-1]
        for entry in entries
        if entry.application.status is Status.NEXT_ROUND
    ]
    if not coming:
        return None
    return min(coming, key=lambda interview: interview.starts_at.timestamp())


def _focus(focus: PrepFocus) -> None:
    interview = focus.interview
    _write(
        f"Before {interview.organisation}, {interview.role} (round "
        f"{interview.round}) on {_when(interview.starts_at)}, practise:"
    )
    parts = (
        ("questions", [(i.question.text, i.reason) for i in focus.questions]),
        ("criteria", [(i.criterion.name, i.reason) for i in focus.criteria]),
        ("preparation gaps", [(i.gap.text, i.reason) for i in focus.gaps]),
        ("feedback", [(i.theme.text, i.reason) for i in focus.feedback]),
    )
    if not any(items for _, items in parts):
        _write("  nothing yet: the log holds no weak spots to work on")
    for title, items in parts:
        if items:
            _write(f"  {title}:")
        for what, why in items:
            _write(f"    - {what}")
            _write(f"      {why}")


# -- check -----------------------------------------------------------------------


def _run_check(args: argparse.Namespace) -> None:
    path = Path(args.file)
    record = _load(path)
    if isinstance(record, Interview):
        people = _plural(len(record.interviewers), "interviewer")
        _write(
            f"{path}: a valid Interview: {record.organisation}, {record.role}, "
            f"round {record.round}, ending {_when(record.ends_at)}, {people}."
        )
        return
    application = _application(record)
    latest = application.rounds[-1]
    summary = (
        f"{latest.organisation}, {latest.role}; "
        f"{_plural(len(application.rounds), 'round')}, "
        f"{_plural(len(application.events), 'event')}; "
        f"status {application.status.name} ({application.status.value})"
    )
    if isinstance(record, LogEntry):
        written = (
            f"{_plural(len(record.scorecards), 'scorecard')}, "
            f"{_plural(len(record.notes), 'set')} of notes, "
            f"{len(record.feedback)} feedback"
        )
        _write(f"{path}: a valid log entry: {summary}; {written}.")
        return
    _write(f"{path}: a valid Application: {summary}.")


# -- the parser and main -----------------------------------------------------------


def _parser() -> _Parser:
    parser = _Parser(
        prog=_PROG,
        description="Plan, draft and learn from what follows a job interview.",
        epilog="Records are TOML files; see docs/cli.md for their format.",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )
    now_help = (
        "the instant to plan at, with its UTC offset, e.g. "
        "2026-11-21T18:00:00+00:00[Europe/London] (default: the current time)"
    )

    command = commands.add_parser(
        "plan", help="show the follow-up timetable of an application"
    )
    command.add_argument("file", metavar="FILE", help="an Application or Interview")
    command.add_argument("--now", type=_instant, metavar="INSTANT", help=now_help)
    command.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="a table for people (default) or JSON for programs",
    )
    command.set_defaults(run=_run_plan)

    command = commands.add_parser("draft", help="draft one letter")
    command.add_argument("file", metavar="FILE", help="an Application or Interview")
    command.add_argument(
        "--kind",
        required=True,
        choices=tuple(_LETTERS),
        metavar="KIND",
        help=f"the letter: {', '.join(_LETTERS)}",
    )
    command.add_argument(
        "--to",
        metavar="NAME",
        help="the recipient, by name, first name or email: a person in the record "
        "(default: the plan's recipient, else the usual contact)",
    )
    command.add_argument(
        "--sender",
        metavar="ADDRESS",
        help=f"you, as 'Name <email>' (default: ${_SENDER_VARIABLE})",
    )
    command.add_argument(
        "--html", action="store_true", help="print the HTML body instead of the text"
    )
    command.add_argument(
        "--locale",
        choices=("en_GB", "en_US"),
        default="en_GB",
        help="British (default) or American spelling and dates",
    )
    details = command.add_argument_group("what only you know, by kind of letter")
    details.add_argument(
        "--highlight",
        metavar="TEXT",
        help="thank-you (required): the point of the conversation to come back to",
    )
    details.add_argument(
        "--forgot", metavar="TEXT", help="thank-you: a point you did not get to make"
    )
    details.add_argument(
        "--referee",
        metavar="ADDRESS",
        help="reference-brief (required): the referee, as 'Name <email>'",
    )
    details.add_argument(
        "--contact-from",
        type=_date,
        metavar="DATE",
        help="reference-brief: when the employer may call the referee",
    )
    details.add_argument(
        "--emphasise",
        action="append",
        metavar="TEXT",
        help="reference-brief: a point for the referee to stress (repeatable)",
    )
    details.add_argument(
        "--reason", metavar="TEXT", help="withdrawal: why, in one short sentence"
    )
    details.add_argument(
        "--useful", metavar="TEXT", help="feedback-thanks: what helped most"
    )
    details.add_argument(
        "--reply-by",
        type=_date,
        metavar="DATE",
        help="offer-thanks: the day you will answer by (default: the offer's "
        "respond_by)",
    )
    details.add_argument(
        "--discuss",
        action="append",
        metavar="TEXT",
        help="offer-thanks: a term to settle first (repeatable)",
    )
    details.add_argument(
        "--salary",
        metavar="AMOUNT",
        help="offer-thanks: a salary to discuss, within the advertised range",
    )
    command.set_defaults(run=_run_draft)

    command = commands.add_parser("ics", help="write the timetable as iCalendar")
    command.add_argument("file", metavar="FILE", help="an Application or Interview")
    command.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="FILE",
        help="where to write it (default: standard output)",
    )
    command.add_argument("--now", type=_instant, metavar="INSTANT", help=now_help)
    command.set_defaults(run=_run_ics)

    command = commands.add_parser(
        "log", help="sum up a folder of log entries and prepare for the next one"
    )
    command.add_argument("dir", metavar="DIR", help="a folder of log entry files")
    command.add_argument(
        "--next",
        metavar="FILE",
        help="the next interview (its latest round); default: a round still to come",
    )
    command.add_argument(
        "--limit", type=_limit, default=5, metavar="N", help="items per part"
    )
    command.set_defaults(run=_run_log)

    command = commands.add_parser("check", help="validate a record")
    command.add_argument("file", metavar="FILE", help="any record")
    command.set_defaults(run=_run_check)
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
    except _UserError as error:
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
    sys.stderr.write(f"{_PROG}: error: {line}\n")
    return _USAGE
