"""Which events retire which actions: a reply ends waiting, a decision pursuit.

A reply that gives a new decision date ends waiting too, but the check-ins
planned from it come after it (see ``_check_ins``): it cannot retire those.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from postinterview.followup._action import Action
from postinterview.followup._kind import ActionKind
from postinterview.timeline import (
    Event,
    FeedbackReceived,
    FeedbackRequested,
    LostInterest,
    NextRoundScheduled,
    NotesWritten,
    OfferAccepted,
    OfferDeclined,
    OfferReceived,
    ReferencesNotified,
    Rejected,
    ReplyReceived,
    ThankYouSent,
    Withdrew,
)

_THANKS = frozenset(
    {
        ActionKind.THANK,
        ActionKind.GET_CONTACT_DETAILS,
        ActionKind.REPLY_TO_REJECTION,
        ActionKind.THANK_FOR_FEEDBACK,
        ActionKind.THANK_FOR_OFFER,
    }
)
_WAITING = frozenset({ActionKind.CHECK_IN, ActionKind.MOVE_ON})
_PURSUIT = frozenset(
    {
        ActionKind.THANK,
        ActionKind.GET_CONTACT_DETAILS,
        ActionKind.NOTIFY_REFERENCES,
        ActionKind.PREPARE_NEXT_ROUND,
        ActionKind.THANK_FOR_OFFER,
        ActionKind.REVIEW_OFFER_TERMS,
        *_WAITING,
    }
)
_ALL_BUT_SEARCHING = frozenset(ActionKind) - {ActionKind.KEEP_SEARCHING}
# Events that settle the application: they end what they end even when the
# action belongs to a round still to come.
_DECISIONS = (
    Rejected,
    OfferReceived,
    LostInterest,
    Withdrew,
    OfferAccepted,
    OfferDeclined,
)
# The kinds of action that an event of each type ends, whoever they concern.
_ENDS: dict[type[Any], frozenset[ActionKind]] = {
    ReplyReceived: _WAITING,
    NextRoundScheduled: _WAITING,
    OfferReceived: _WAITING,
    Rejected: _PURSUIT,
    LostInterest: _PURSUIT,
    Withdrew: _ALL_BUT_SEARCHING,
    OfferDeclined: _ALL_BUT_SEARCHING,
    OfferAccepted: frozenset(ActionKind),
}


def retired_by(
    action: Action,
    trigger: dt.datetime,
    timed: list[tuple[dt.datetime, Event]],
    first: int = 0,
) -> Event | None:
    """Return the first event after *action* opened that ends it, if any.

    *timed* holds every event with its instant in naive UTC; events recorded
    before *trigger*, or before the one with index *first*, count only when
    they settle the application.
    """
    for index, (at, event) in enumerate(timed):
        early = at < trigger or index < first
        if (not early or isinstance(event, _DECISIONS)) and _retires(event, action):
            return event
    return None


def _retires(event: Event, action: Action) -> bool:
    """Tell whether *event*, recorded after *action* opened, retires it."""
    kind = action.kind
    if kind in _ENDS.get(type(event), ()):
        return True
    if kind in _THANKS:
        return isinstance(event, ThankYouSent) and (
            action.recipient is None or event.to == action.recipient
        )
    if kind is ActionKind.REFLECT:
        return isinstance(event, NotesWritten)
    if kind is ActionKind.NOTIFY_REFERENCES:
        return isinstance(event, ReferencesNotified)
    if kind is ActionKind.REQUEST_FEEDBACK:
        return isinstance(event, FeedbackRequested | FeedbackReceived)
    return False
