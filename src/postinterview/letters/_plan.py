"""From a follow-up plan to drafts: the letter an action names."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from postinterview.errors import ValidationError
from postinterview.interview import Channel
from postinterview.letters._candidate import Candidate
from postinterview.letters._compose import _DETAILS, _Frame
from postinterview.letters._draft import Draft

if TYPE_CHECKING:
    from postinterview.followup import Action
    from postinterview.timeline import Application


def draft_for(
    action: Action,
    application: Application,
    *,
    sender: Candidate,
    locale: str = "en_GB",
    **details: Any,
) -> Draft:
    """Draft the letter that *action* names, from what *application* knows.

    The interview is the action's round and the recipient its recipient; a
    letter sent by post is laid out as a letter, dated the day the action
    should be sent in the recipient's zone. What the record cannot
    know (a thank-you's ``highlight``, a referee as ``to``) comes from
    *details*; a missing one raises :class:`ValidationError` naming it. An
    offer's ``reply_by`` defaults to the offer's ``respond_by`` date.
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
    rounds = application.history.rounds
    interview = rounds[min(action.round, len(rounds)) - 1]
    # Only None means "not given": any other value is checked as it is.
    to = _given(details.pop("to", None), action.recipient)
    if to is None:
        raise ValidationError("to", None, f"a Person to address the {kind} letter to")
    variant = _given(
        details.pop("variant", None),
        "letter" if action.channel is Channel.LETTER else "email",
    )
    dated = _given(details.pop("dated", None), action.send_at.date())
    if kind == "offer_thanks" and "reply_by" not in details:
        respond_by = _respond_by(application, action.number)
        if respond_by is not None:
            details["reply_by"] = respond_by
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft(kind, interview, to, **details)


def _given(value: Any, default: Any) -> Any:
    """*value*, unless it is None (not given): then *default*."""
    return default if value is None else value


def _respond_by(application: Application, number: int) -> dt.date | None:
    """The day the *number*-th offer asks for an answer by, when it says."""
    from postinterview.timeline import OfferReceived  # noqa: PLC0415 - lazy

    offers = [e for e in application.events if isinstance(e, OfferReceived)]
    if len(offers) < number:
        return None
    respond_by = offers[number - 1].respond_by
    return None if respond_by is None else respond_by.date()
