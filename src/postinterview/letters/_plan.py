"""From a follow-up plan to drafts: the letter an action names."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import pendulum

from postinterview.errors import ValidationError
from postinterview.interview import Channel, Interview, Person
from postinterview.letters._candidate import Candidate
from postinterview.letters._compose import _CHECK_INS, _DETAILS, _Frame, _reader_day
from postinterview.letters._draft import Draft
from postinterview.letters._thanks import _check_thanked, _thanked_people

if TYPE_CHECKING:
    from postinterview.followup import Action
    from postinterview.timeline import Application


def draft_for(
    action: Action,
    application: Application,
    *,
    sender: Candidate,
    locale: str | None = None,
    **details: Any,
) -> Draft:
    """Draft the letter that *action* names, from what *application* knows.

    The interview is the action's round and the recipient its recipient; a
    letter sent by post is laid out as a letter, dated the day the action
    should be sent in the recipient's zone. What the record cannot
    know (a thank-you's ``highlight``, a referee as ``to``) comes from
    *details*; a missing one raises :class:`ValidationError` naming it. What
    the record does know fills the rest, each day in the reader's zone: an
    offer's ``received`` and ``deadline`` (its ``respond_by``, which is also
    the default ``reply_by``), and a withdrawal's ``booked`` round, one
    scheduled that has not started when the letter is to be sent.

    A check-in is drafted with the action's ``number``; the second refers
    back to the first, on the day the record's first :class:`CheckInSent`
    after that round went (its ``first_sent``). An action whose template is
    ``check_in_call`` (the employer prefers the phone) gives the call
    script; ``variant="call"`` asks for the script for any check-in, and
    ``"email"`` or ``"letter"`` for a letter instead of the script.

    An action that does not belong to *application* raises
    :class:`ValidationError` naming it and what would fit: its round must be
    one of the application's rounds, and its recipient (and a ``to`` given
    in *details*) someone the application names. A thank-you goes to an
    interviewer or the agency contact of the action's round; any other
    letter to an interviewer or agency contact of any round, or to a person
    an event names (who made the offer, the decision or gave feedback). A
    referee, whom the record does not name, may receive a reference brief.
    """
    from postinterview.followup import Action  # noqa: PLC0415 - lazy
    from postinterview.timeline import Application  # noqa: PLC0415 - lazy

    if not isinstance(action, Action):
        raise ValidationError("action", action, "an Action from a follow-up plan")
    if not isinstance(application, Application):
        raise ValidationError("application", application, "an Application")
    kind = action.template
    if kind is None or kind not in _DETAILS:
        raise ValidationError(
            "action", action.kind, "an action with a letter to draft (a template)"
        )
    interview = _round(action, application)
    if kind != "thank_you":
        # A letter sent before the action's round starts is about the round
        # held before it; a withdrawal also names the round booked.
        interview, booked = _held_and_booked(
            application.history.rounds, action.round - 1, action.send_at
        )
        if kind == "withdrawal":
            details.setdefault("booked", booked)
    # Only None means "not given": any other value is checked as it is.
    to = _given(details.pop("to", None), action.recipient)
    if to is None:
        raise ValidationError("to", None, f"a Person to address the {kind} letter to")
    if not isinstance(to, Person):
        raise ValidationError("to", to, f"a Person to address the {kind} letter to")
    if kind == "thank_you":
        _check_thanked(interview, to)
    elif kind != "reference_brief":
        _check_named(application, to, "to")
    variant = _given(details.pop("variant", None), _variant(kind, action.channel))
    dated = _given(details.pop("dated", None), action.send_at.date())
    if kind == "offer_thanks":
        _offer_days(details, application, action.number, to, interview)
    if kind in _CHECK_INS:
        # A check-in is drafted as the variant says: a call script or a letter.
        kind = "check_in_call" if variant == "call" else "check_in"
        details.setdefault("number", action.number)
        if details["number"] == 2 and "first_sent" not in details:
            details["first_sent"] = _first_sent(application, action.round, to)
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft(kind, interview, to, **details)


def _variant(kind: str, channel: Channel | None) -> str:
    """The form of a *kind* letter sent on *channel*: a call script, a
    printed letter or an email."""
    if kind == "check_in_call":
        return "call"
    return "letter" if channel is Channel.LETTER else "email"


def _first_sent(
    application: Application, round: int, to: Person
) -> pendulum.Date | None:
    """The day the first check-in after *round* went, in *to*'s calendar
    (else the round's), when the record has one."""
    from postinterview.timeline import CheckInSent  # noqa: PLC0415 - lazy

    history = application.history
    index = min(round, len(history.rounds)) - 1
    sent = [e for e in history.after_round[index] if isinstance(e, CheckInSent)]
    if not sent:
        return None
    return _reader_day(sent[0].at, to, history.rounds[index])


def _round(action: Action, application: Application) -> Interview:
    """The round *action* is about, which must be one of *application*'s."""
    rounds = application.history.rounds
    if not 1 <= action.round <= len(rounds):
        raise ValidationError(
            "action",
            f"{action.kind.name} about round {action.round}",
            f"an action of this application's plan, about one of its rounds "
            f"(1 to {len(rounds)})",
        )
    recipient = action.recipient
    interview = rounds[action.round - 1]
    if recipient is None:
        return interview
    if action.template == "thank_you":
        if recipient not in _thanked_people(interview):
            raise ValidationError(
                "action",
                f"{action.kind.name} to {recipient.name}",
                "an action of this application's plan: a thank-you to an "
                f"interviewer or the agency contact of round {action.round} "
                f"({_names(_thanked_people(interview))})",
            )
    else:
        _check_named(application, recipient, "action")
    return interview


def _check_named(application: Application, person: Person, field: str) -> None:
    """Refuse *person* unless *application* names them."""
    people = _people(application)
    if person not in people:
        raise ValidationError(
            field,
            person.name,
            "someone this application names: an interviewer, an agency "
            f"contact, or a person an event names ({_names(people)})",
        )


def _people(application: Application) -> tuple[Person, ...]:
    """Everyone *application* names: interviewers, agency contacts, events' people."""
    people: list[Person] = []
    for interview in application.history.rounds:
        people.extend(_thanked_people(interview))
    for event in application.events:
        for field in ("to", "by"):
            person = getattr(event, field, None)
            if isinstance(person, Person):
                people.append(person)
    return tuple(dict.fromkeys(people))


def _names(people: Iterable[Person]) -> str:
    return ", ".join(dict.fromkeys(person.name for person in people)) or "nobody"


def _given(value: Any, default: Any) -> Any:
    """*value*, unless it is None (not given): then *default*."""
    return default if value is None else value


def _held_and_booked(
    rounds: Sequence[Interview], index: int, at: pendulum.DateTime
) -> tuple[Interview, Interview | None]:
    """The round a letter sent *at* is about, and a round booked after it.

    A round that has not started by then is booked, not held: the letter is
    about the round before it (or, with none, about the booked one itself).
    """
    latest = rounds[index]
    if latest.starts_at <= at:
        return latest, None
    return rounds[max(index - 1, 0)], latest


def _offer_days(
    details: dict[str, Any],
    application: Application,
    number: int,
    to: Person,
    interview: Interview,
) -> None:
    """Fill what the *number*-th offer says: when it came and its deadline,
    as days in the reader's zone; the answer is due by the deadline unless
    the candidate says otherwise."""
    from postinterview.timeline import OfferReceived  # noqa: PLC0415 - lazy

    offers = [e for e in application.events if isinstance(e, OfferReceived)]
    if len(offers) < number:
        return
    offer = offers[number - 1]
    details.setdefault("received", _reader_day(offer.at, to, interview))
    if offer.respond_by is not None:
        deadline = _reader_day(offer.respond_by, to, interview)
        details.setdefault("deadline", deadline)
        details.setdefault("reply_by", deadline)
