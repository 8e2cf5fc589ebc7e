"""Where an application stands: its History summed up, and the Status of it.

:func:`status_of` derives the :class:`Status` from a :class:`History`; the
follow-up engine calls it with its policy's number of check-ins.
"""

from __future__ import annotations

import enum

import attrs

from postinterview import _time
from postinterview.interview import Interview
from postinterview.timeline._events import (
    CheckInSent,
    Event,
    LostInterest,
    NotesWritten,
    OfferAccepted,
    OfferDeclined,
    OfferReceived,
    Rejected,
    ReplyReceived,
    ThankYouSent,
    Withdrew,
)

__all__ = [
    "DEFAULT_CHECK_INS",
    "History",
    "Status",
    "status_of",
]

#: How many unanswered check-ins make an application "no response" when no
#: policy says otherwise; FollowUpPolicy's default is the same number.
DEFAULT_CHECK_INS = 2


class Status(enum.Enum):
    """Where an application stands, derived from its history."""

    AWAITING_NOTES = "the latest round ended and no notes are written yet"
    AWAITING_THANKS = "notes written; thank-you notes still to send"
    AWAITING_DECISION = "everything sent; waiting for their decision"
    NO_RESPONSE = "every check-in went unanswered; assume no and move on"
    NEXT_ROUND = "another round is arranged and still to come"
    REJECTED = "they turned the application down"
    OFFER = "they made an offer, not yet answered"
    LOST_INTEREST = "the candidate no longer wants the job and is yet to withdraw"
    WITHDRAWN = "the candidate withdrew"
    ACCEPTED = "the candidate accepted the offer"
    DECLINED = "the candidate declined the offer"


_FINAL = {Withdrew: Status.WITHDRAWN, OfferAccepted: Status.ACCEPTED}


@attrs.frozen
class History:
    """What an application's events add up to; computed, never stored.

    The follow-up engine reads this instead of walking the events again.
    """

    rounds: tuple[Interview, ...]
    #: For each round, the events recorded after it ended and before the next
    #: round started, in order.
    after_round: tuple[tuple[Event, ...], ...]
    final: Event | None
    rejected: Rejected | None
    offer: OfferReceived | None
    lost_interest: LostInterest | None
    #: Whether the latest round was arranged by a NextRoundScheduled event.
    latest_scheduled: bool

    @property
    def latest(self) -> Interview:
        """The latest round, held or still to come."""
        return self.rounds[-1]


def status_of(history: History, check_ins_at_most: int) -> Status:
    """Derive the status of a history; *check_ins_at_most* decides NO_RESPONSE."""
    if history.final is not None:
        if isinstance(history.final, OfferDeclined):
            return Status.DECLINED
        return _FINAL[type(history.final)]
    if history.lost_interest is not None:
        return Status.LOST_INTEREST
    if history.offer is not None and (
        history.rejected is None
        or _time.naive_utc(history.rejected.at) < _time.naive_utc(history.offer.at)
    ):
        return Status.OFFER
    if history.rejected is not None:
        return Status.REJECTED
    latest = history.after_round[-1]
    if history.latest_scheduled and not latest:
        return Status.NEXT_ROUND
    if not any(isinstance(e, NotesWritten) for e in latest):
        return Status.AWAITING_NOTES
    thanked = {e.to for e in latest if isinstance(e, ThankYouSent)}
    if any(p not in thanked for p in history.latest.interviewers):
        return Status.AWAITING_THANKS
    unanswered = 0
    for event in latest:
        if isinstance(event, CheckInSent):
            unanswered += 1
        elif isinstance(event, ReplyReceived):
            unanswered = 0
    if check_ins_at_most and unanswered >= check_ins_at_most:
        return Status.NO_RESPONSE
    return Status.AWAITING_DECISION
