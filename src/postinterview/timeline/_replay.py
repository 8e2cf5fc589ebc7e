"""The rules of a history: replaying it event by event, refusing the impossible.

An event must come in time order, after the round it follows has ended (only
LostInterest and Withdrew may come earlier), and nothing comes after the end.
Beyond that, each kind of event has its own check in :class:`_Replay`: a
thank-you goes to someone the candidate met, an offer cannot follow a
rejection, feedback comes once asked for or offered, and so on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from postinterview import _time
from postinterview.errors import TimelineError
from postinterview.interview import Interview, Person
from postinterview.timeline._events import (
    CheckInSent,
    Event,
    FeedbackDeclined,
    FeedbackReceived,
    FeedbackRequested,
    LostInterest,
    NextRoundScheduled,
    OfferAccepted,
    OfferDeclined,
    OfferReceived,
    Rejected,
    ThankYouSent,
    Withdrew,
)
from postinterview.timeline._status import History

__all__ = ["replay"]

# The events that may come at any time, even before the first round ends.
_ANYTIME = (LostInterest, Withdrew)


def _people_of(rounds: Iterable[Interview]) -> set[Person]:
    people: set[Person] = set()
    for interview in rounds:
        people.update(interview.interviewers)
        if interview.agency_contact is not None:
            people.add(interview.agency_contact)
    return people


class _Replay:
    """Walks a history event by event, refusing the first one that cannot happen."""

    def __init__(self, interviews: tuple[Interview, ...]) -> None:
        self.given = len(interviews)
        self.rounds = list(interviews)
        self.after: list[list[Event]] = [[] for _ in interviews]
        self.final: Event | None = None
        self.rejected: Rejected | None = None
        self.offer: OfferReceived | None = None
        self.lost: LostInterest | None = None
        self.feedback_asked = False
        self.previous: Event | None = None

    def add(self, index: int, event: Event) -> None:
        where = f"events[{index}] ({type(event).__name__} at {event.at})"
        if self.final is not None:
            raise TimelineError(
                f"{where}: nothing can happen after {type(self.final).__name__} "
                f"at {self.final.at}"
            )
        at = _time.naive_utc(event.at)
        if self.previous is not None and at < _time.naive_utc(self.previous.at):
            raise TimelineError(
                f"{where}: events must be in time order, and this one is earlier "
                f"than {type(self.previous).__name__} at {self.previous.at}"
            )
        current = self._round_before(event, at, where)
        check = _CHECKS.get(type(event))
        if check is not None:
            check(self, event, where, current)
        if current is not None:
            self.after[current].append(event)
        self.previous = event

    def _round_before(self, event: Event, at: dt.datetime, where: str) -> int | None:
        """Return the index of the latest round that ended by the event's time."""
        anytime = isinstance(event, _ANYTIME)
        current = None
        for number, interview in enumerate(self.rounds):
            starts = _time.naive_utc(interview.starts_at)
            ends = _time.naive_utc(interview.ends_at)
            if starts < at < ends and not anytime:
                raise TimelineError(
                    f"{where}: round {number + 1} was under way then "
                    f"({interview.starts_at} to {interview.ends_at})"
                )
            if ends <= at:
                current = number
        if current is None and not anytime:
            raise TimelineError(
                f"{where}: the interview ends at {self.rounds[0].ends_at}; only "
                "LostInterest and Withdrew can come before that"
            )
        return current

    def _not_decided(self, where: str) -> None:
        decided = self.rejected or self.offer
        if decided is not None:
            raise TimelineError(
                f"{where}: they already decided ({type(decided).__name__} "
                f"at {decided.at})"
            )

    def _thank_you_sent(self, event: ThankYouSent, where: str, current: int) -> None:
        allowed = _people_of(self.rounds[: current + 1])
        feedback = (
            e for es in self.after for e in es if isinstance(e, FeedbackReceived)
        )
        for source in (self.rejected, self.offer, *feedback):
            if source is not None and source.by is not None:
                allowed.add(source.by)
        if event.to not in allowed:
            raise TimelineError(
                f"{where}: {event.to.name} did not interview the candidate; a "
                "thank-you goes to an interviewer, the agency contact, or whoever "
                "made the offer, the decision or the feedback"
            )

    def _check_in_sent(self, event: CheckInSent, where: str, current: int) -> None:
        self._not_decided(where)

    def _next_round_scheduled(
        self, event: NextRoundScheduled, where: str, current: int
    ) -> None:
        self._not_decided(where)
        if current != len(self.rounds) - 1:
            raise TimelineError(
                f"{where}: round {len(self.rounds)} is still to come; record the "
                "next round once it is over"
            )
        if _time.naive_utc(event.interview.starts_at) < _time.naive_utc(event.at):
            raise TimelineError(
                f"{where}: the new round starts at {event.interview.starts_at}, "
                "before it was scheduled"
            )
        self.rounds.append(event.interview)
        self.after.append([])

    def _offer_received(self, event: OfferReceived, where: str, current: int) -> None:
        if self.rejected is not None:
            raise TimelineError(
                f"{where}: an offer cannot follow the rejection at {self.rejected.at}"
            )
        self.offer = event

    def _rejected(self, event: Rejected, where: str, current: int) -> None:
        if self.rejected is not None:
            raise TimelineError(f"{where}: already rejected at {self.rejected.at}")
        self.rejected = event

    def _feedback_requested(
        self, event: FeedbackRequested, where: str, current: int
    ) -> None:
        self.feedback_asked = True

    def _feedback_received(
        self, event: FeedbackReceived, where: str, current: int
    ) -> None:
        offered = self.rejected is not None and self.rejected.feedback_offered
        if not (self.feedback_asked or offered):
            raise TimelineError(
                f"{where}: feedback arrives after it was asked for "
                "(FeedbackRequested) or offered (Rejected(feedback_offered=True))"
            )

    def _feedback_declined(
        self, event: FeedbackDeclined, where: str, current: int
    ) -> None:
        if not self.feedback_asked:
            raise TimelineError(
                f"{where}: feedback can only be declined once it was asked for"
            )

    def _offer_answered(
        self, event: OfferAccepted | OfferDeclined, where: str, current: int
    ) -> None:
        if self.offer is None:
            raise TimelineError(f"{where}: there is no offer to answer")
        if self.rejected is not None:
            raise TimelineError(
                f"{where}: the offer was withdrawn (Rejected at {self.rejected.at})"
            )
        self.final = event

    def _withdrew(self, event: Withdrew, where: str, current: int | None) -> None:
        self.final = event

    def _lost_interest(
        self, event: LostInterest, where: str, current: int | None
    ) -> None:
        self.lost = event

    def history(self) -> History:
        return History(
            rounds=tuple(self.rounds),
            after_round=tuple(tuple(events) for events in self.after),
            final=self.final,
            rejected=self.rejected,
            offer=self.offer,
            lost_interest=self.lost,
            latest_scheduled=len(self.rounds) > self.given,
        )


# What each kind of event must satisfy, beyond time order and round timing.
_CHECKS: dict[type[Any], Callable[[_Replay, Any, str, Any], None]] = {
    ThankYouSent: _Replay._thank_you_sent,
    CheckInSent: _Replay._check_in_sent,
    NextRoundScheduled: _Replay._next_round_scheduled,
    OfferReceived: _Replay._offer_received,
    Rejected: _Replay._rejected,
    FeedbackRequested: _Replay._feedback_requested,
    FeedbackReceived: _Replay._feedback_received,
    FeedbackDeclined: _Replay._feedback_declined,
    OfferAccepted: _Replay._offer_answered,
    OfferDeclined: _Replay._offer_answered,
    Withdrew: _Replay._withdrew,
    LostInterest: _Replay._lost_interest,
}


def replay(interviews: tuple[Interview, ...], events: tuple[Event, ...]) -> History:
    """Check a whole history and sum it up, or raise TimelineError."""
    replay = _Replay(interviews)
    for index, event in enumerate(events):
        try:
            replay.add(index, event)
        except TimelineError as error:
            error.index = index
            raise
    return replay.history()
