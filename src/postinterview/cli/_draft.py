"""``postinterview draft``: one letter, as text or HTML, about the record."""

from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from postinterview.cli._output import PROG, write
from postinterview.cli._people import SENDER_VARIABLE, recipient, sender
from postinterview.cli._records import (
    Commands,
    Parser,
    UserError,
    add_file,
    application_of,
    iso_date,
    load,
)
from postinterview.errors import ValidationError
from postinterview.followup import Action, Plan, plan
from postinterview.interview import Interview, Person
from postinterview.timeline import Application

if TYPE_CHECKING:
    from postinterview.letters import Candidate, Draft

# The letters by their command-line names; each is a kind of letters.KINDS.
# Kept here rather than read from letters, which imports Jinja: only `draft`
# needs that. tests/test_cli.py checks that the two agree.
_LETTERS: Final[dict[str, str]] = {
    "thank-you": "thank_you",
    "check-in": "check_in",
    "check-in-call": "check_in_call",
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
    "check_in": ("number", "first_sent"),
    "check_in_call": ("number", "first_sent"),
    "feedback_request": (),
    "reference_brief": ("contact_from", "emphasise"),
    "withdrawal": ("reason",),
    "rejection_reply": (),
    "feedback_thanks": ("useful",),
    "offer_thanks": ("reply_by", "discuss", "salary"),
}
# The details the command line never asks for: draft_for reads them from the
# record (an offer's dates, a round already booked).
_FROM_RECORD: Final[dict[str, tuple[str, ...]]] = {
    "withdrawal": ("booked",),
    "offer_thanks": ("deadline", "received"),
}
# What a missing required detail is, said to the person at the keyboard.
_REQUIRED: Final[dict[str, str]] = {
    "highlight": "--highlight TEXT, the point from the conversation to come back to",
    "reply_by": (
        "--reply-by DATE, the day you will answer by (no offer in the record "
        "gives a respond_by date)"
    ),
}
# The check-ins: a letter, or the script of a call. `check-in` drafts what the
# plan names, which is the script when the employer prefers the phone.
_CHECK_INS: Final = ("check_in", "check_in_call")
# Every detail some letter takes, by its name in letters.
_OPTIONS: Final = frozenset(detail for taken in _TAKES.values() for detail in taken)


def add_parser(commands: Commands) -> None:
    """Add ``draft`` and its options to *commands*."""
    command = commands.add_parser("draft", help="draft one letter")
    add_file(command, "an Application or Interview")
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
        help=f"you, as 'Name <email>' (default: ${SENDER_VARIABLE})",
    )
    command.add_argument(
        "--html", action="store_true", help="print the HTML body instead of the text"
    )
    command.add_argument(
        "--locale",
        metavar="TAG",
        help=(
            "the letter's language: de_DE, en_GB, en_US, es_ES, fr_FR, pt_BR or a "
            "regional form of one such as fr_CA (default: the recipient's, else "
            "the interview's, else en_GB)"
        ),
    )
    _add_details(command)
    command.set_defaults(run=run)


# Long: one option per detail, a table that reads best in one place.
def _add_details(command: Parser) -> None:
    """Add the options for what only the sender knows, one group for them all."""
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
        "--number",
        type=int,
        choices=(1, 2),
        metavar="N",
        help="check-in, check-in-call: the first (1) or the second (2) check-in "
        "(default: the next one the plan owes)",
    )
    details.add_argument(
        "--first-sent",
        type=iso_date,
        metavar="DATE",
        help="check-in 2: the day the first check-in went (default: the record's)",
    )
    details.add_argument(
        "--referee",
        metavar="ADDRESS",
        help="reference-brief (required): the referee, as 'Name <email>'",
    )
    details.add_argument(
        "--contact-from",
        type=iso_date,
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
        type=iso_date,
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


def run(args: argparse.Namespace) -> None:
    """Print the ``--kind`` letter for ``FILE``, then what its own check found."""
    path = Path(args.file)
    application = application_of(load(path))
    kind = _LETTERS[args.kind]
    candidate = sender(args)
    details = _details(kind, args)
    to = recipient(args, kind, application, path)
    # The plan's actions are the same whatever the time: `now` only sorts them
    # into owed and lapsed, and all of them are searched. It is the last
    # moment on record, so that the plan is not made as of a moment the
    # record lies past. A referee is not in the record, so their brief is the
    # plan's whoever it goes to.
    last = application.events[-1:]  # events are in time order
    moments = (application.rounds[-1].ends_at, *(event.at for event in last))
    timetable = plan(application, now=max(moments, key=_timestamp))
    action = _matching(
        timetable,
        kind,
        None if kind == "reference_brief" else to,
        details.get("number"),
    )
    try:
        draft = _letter(
            kind,
            action,
            application,
            sender=candidate,
            locale=args.locale,
            to=to,
            details=details,
        )
    except ValidationError as error:
        raise UserError(_detail_error(error, args.kind)) from None
    _show_draft(draft, application, html=args.html)


def _timestamp(instant: dt.datetime) -> float:
    """Order instants by when they happen, not by their wall clocks."""
    return instant.timestamp()


def _details(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    """Return the details given as options, refusing those *kind* does not take."""
    given = {
        "number": args.number,
        "first_sent": args.first_sent,
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
            raise UserError(
                f"{_option(name)}: a {named} letter does not take it "
                f"(it takes: {options})"
            )
    if kind == "thank_you" and given["highlight"] is None:
        raise UserError(f"draft --kind thank-you needs {_REQUIRED['highlight']}")
    return {
        name: tuple(value) if isinstance(value, list) else value
        for name, value in given.items()
        if value is not None
    }


def _option(detail: str) -> str:
    """Name the option that gives *detail*: ``reply_by`` is ``--reply-by``."""
    return "--" + detail.replace("_", "-")


def _matching(
    timetable: Plan, kind: str, to: Person | None, number: int | None = None
) -> Action | None:
    """Return the plan's action for a *kind* letter to *to*: owed ones first.

    A check-in of either form matches a check-in action, the *number*-th
    when it is given.
    """
    actions = (
        *timetable.actions,
        *timetable.lapsed,
        *(done.action for done in timetable.done),
    )
    kinds = _CHECK_INS if kind in _CHECK_INS else (kind,)
    for action in actions:
        if (
            action.template in kinds
            and (to is None or action.recipient == to)
            and (number is None or action.number == number)
        ):
            return action
    return None


def _letter(
    kind: str,
    action: Action | None,
    application: Application,
    *,
    sender: Candidate,
    locale: str | None,
    to: Person | None,
    details: dict[str, Any],
) -> Draft:
    """Draft a *kind* letter from the plan's *action* for it, or without one."""
    from postinterview import letters  # noqa: PLC0415 - only draft needs Jinja

    if action is None:
        return _direct(
            kind,
            application.rounds[-1],
            sender=sender,
            locale=locale,
            to=to,
            details=details,
        )
    extra: dict[str, Any] = {} if to is None else {"to": to}
    if kind == "check_in_call":
        extra["variant"] = "call"
    return letters.draft_for(
        action, application, sender=sender, locale=locale, **extra, **details
    )


def _direct(
    kind: str,
    interview: Interview,
    *,
    sender: Candidate,
    locale: str | None,
    to: Person | None,
    details: dict[str, Any],
) -> Draft:
    """Draft a *kind* letter about *interview* without a plan's action."""
    from postinterview import letters  # noqa: PLC0415 - only draft needs Jinja

    if to is None and kind == "thank_you":
        if not interview.interviewers:
            raise UserError("--to: the interview names no interviewer to thank")
        to = interview.interviewers[0]
    if kind == "offer_thanks" and "reply_by" not in details:
        raise UserError(f"draft --kind offer-thanks needs {_REQUIRED['reply_by']}")
    extra: dict[str, Any] = {} if to is None else {"to": to}
    if kind == "check_in_call":
        kind, extra["variant"] = "check_in", "call"
    function: Callable[..., Draft] = getattr(letters, kind)
    return function(interview, sender=sender, locale=locale, **extra, **details)


def _show_draft(draft: Draft, application: Application, *, html: bool) -> None:
    """Print *draft*, then on standard error what its check found.

    The check reads the letter against *application*'s record too, so a
    letter that repeats one the record shows as sent, asks for feedback with
    no rejection recorded or answers an offer that is not recorded is
    warned about; the draft is printed all the same.
    """
    if html:
        body = draft.html
    else:
        to = draft.to.name
        if draft.to.email is not None:
            to = email.utils.formataddr((draft.to.name, draft.to.email))
        write(f"To: {to}")
        write(f"Subject: {draft.subject}")
        write()
        body = draft.text
    sys.stdout.write(body if body.endswith("\n") else f"{body}\n")
    for finding in draft.check(application=application):
        quoted = "" if finding.text is None else f" ({finding.text!r})"
        sys.stderr.write(f"{PROG}: check: {finding.message}{quoted}\n")


def _detail_error(error: ValidationError, kind: str) -> str:
    """Say what was wrong with a letter's detail or recipient, naming its option."""
    if error.field == "to":  # someone a thank-you may not go to
        return "--to" + str(error)[len(error.field) :]
    if error.field not in _REQUIRED and error.field not in _OPTIONS:
        return str(error)
    if error.value is None and error.field in _REQUIRED:
        return f"draft --kind {kind} needs {_REQUIRED[error.field]}"
    return _option(error.field) + str(error)[len(error.field) :]
