"""The rules of a history: replaying it event by event, refusing the impossible.

An event must come in time order, after the round it follows has ended (only
LostInterest and Withdrew may come earlier), and nothing comes after the end.
Beyond that, each kind of event has its own check in :class:`_Replay`: a
thank-you goes to someone the candidate met, an offer cannot follow a
rejection, feedback comes once asked for or offered, and so on.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
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

__all__ = ["replay", "replay_state"]

# The events that may come at any time, even before the first round ends.
_ANYTIME = (LostInterest, Withdrew)


class _Refused(Exception):  # noqa: N818 - internal, never escapes this module
    """An event that cannot happen; :meth:`_Replay.add` says which and why."""


class _Replay:
    """Walks a history event by event, refusing the first one that cannot happen.

    Each event costs the same whatever came before (a look-up in the sorted
    ends of the rounds, and in the people met so far), so a whole history
    replays in time linear in its length (n log n with many rounds).
    :meth:`fork` copies the state so that one more event can be added to a
    history without replaying it.
    """

    def __init__(self, interviews: tuple[Interview, ...]) -> None:
        """Start a history of *interviews*, rounds in time order, none overlapping."""
        self.given = len(interviews)
        self.rounds: list[Interview] = []
        # Each round's start and end as naive UTC, in time order.
        self.starts: list[dt.datetime] = []
        self.ends: list[dt.datetime] = []
        # Where each round's events stand in the history: the events after a
        # round are consecutive, so (first, end) indices say which.
        self.spans: list[tuple[int, int]] = []
        # Everyone met, with the first round they were met in.
        self.met: dict[Person, int] = {}
        # Whoever gave feedback so far.
        self.feedback_by: set[Person] = set()
        self.final: Event | None = None
        self.rejected: Rejected | None = None
        self.offer: OfferReceived | None = None
        self.lost: LostInterest | None = None
        self.feedback_asked = False
        self.previous: Event | None = None
        self.previous_at: dt.datetime | None = None
        # The round the latest event followed, if any.
        self.latest: int | None = None
        for interview in interviews:
            self._add_round(interview)

    # Two replays are equal when they reached the same state, so that an
    # Application read back from JSON equals the original in every field.
    def __eq__(self, other: object) -> bool:
        return type(other) is _Replay and vars(self) == vars(other)

    __hash__ = None  # type: ignore[assignment]

    def fork(self) -> _Replay:
        """Return a copy that can go on without changing this one."""
        new = object.__new__(_Replay)
        new.__dict__.update(vars(self))
        new.rounds = self.rounds.copy()
        new.starts = self.starts.copy()
        new.ends = self.ends.copy()
        new.spans = self.spans.copy()
        new.met = self.met.copy()
        new.feedback_by = self.feedback_by.copy()
        return new

    def _add_round(self, interview: Interview) -> None:
        number = len(self.rounds)
        self.rounds.append(interview)
        self.starts.append(_time.naive_utc(interview.starts_at))
        self.ends.append(_time.naive_utc(interview.ends_at))
        self.spans.append((0, 0))
        for person in interview.interviewers:
            self.met.setdefault(person, number)
        if interview.agency_contact is not None:
            self.met.setdefault(interview.agency_contact, number)

    def add(self, index: int, event: Event) -> None:
        """Add *event*, the history's *index*-th, or raise TimelineError."""
        try:
            self._add(index, event)
        except _Refused as refused:
            where = f"events[{index}] ({type(event).__name__} at {event.at})"
            raise TimelineError(f"{where}: {refused}", index=index) from None

    def _add(self, index: int, event: Event) -> None:
        if self.final is not None:
            raise _Refused(
                f"nothing can happen after {type(self.final).__name__} "
                f"at {self.final.at}"
            )
        at = _time.naive_utc(event.at)
        if self.previous is not None and at < self.previous_at:  # type: ignore[operator]
            raise _Refused(
                "events must be in time order, and this one is earlier "
                f"than {type(self.previous).__name__} at {self.previous.at}"
            )
        current = self._round_before(event, at)
        check = _CHECKS.get(type(event))
        if check is not None:
            check(self, event, current)
        if current is not None:
            first, end = self.spans[current]
            self.spans[current] = (first if end else index, index + 1)
            self.latest = current
        self.previous = event
        self.previous_at = at

    def _round_before(self, event: Event, at: dt.datetime) -> int | None:
        """Return the index of the latest round that ended by the event's time."""
        anytime = isinstance(event, _ANYTIME)
        # The rounds are in time order and do not overlap: those before this
        # one ended by then, and only the next one can be under way.
        current = bisect.bisect_right(self.ends, at) - 1
        following = current + 1
        if (
            following < len(self.rounds)
            and self.starts[following] < at < self.ends[following]
            and not anytime
        ):
            interview = self.rounds[following]
            raise _Refused(
                f"round {following + 1} was under way then "
                f"({interview.starts_at} to {interview.ends_at})"
            )
        if current >= 0:
            return current
        if not anytime:
            raise _Refused(
                f"the interview ends at {self.rounds[0].ends_at}; only "
                "LostInterest and Withdrew can come before that"
            )
        return None

    def _not_decided(self) -> None:
        decided = self.rejected or self.offer
        if decided is not None:
            raise _Refused(
                f"they already decided ({type(decided).__name__} at {decided.at})"
            )

    def _thank_you_sent(self, event: ThankYouSent, current: int) -> None:
        to = event.to
        decided = {
            source.by
            for source in (self.rejected, self.offer)
            if source is not None and source.by is not None
        }
        if not (
            self.met.get(to, current + 1) <= current
            or to in self.feedback_by
            or to in decided
        ):
            raise _Refused(
                f"{to.name} did not interview the candidate; a "
                "thank-you goes to an interviewer, the agency contact, or whoever "
                "made the offer, the decision or the feedback"
            )

    def _check_in_sent(self, event: CheckInSent, current: int) -> None:
        self._not_decided()

    def _next_round_scheduled(self, event: NextRoundScheduled, current: int) -> None:
        self._not_decided()
        if current != len(self.rounds) - 1:
            raise _Refused(
                f"round {len(self.rounds)} is still to come; record the "
                "next round once it is over"
            )
        if _time.naive_utc(event.interview.starts_at) < _time.naive_utc(event.at):
            raise _Refused(
                f"the new round starts at {event.interview.starts_at}, "
                "before it was scheduled"
            )
        self._add_round(event.interview)

    def _offer_received(self, event: OfferReceived, current: int) -> None:
        if self.rejected is not None:
            raise _Refused(
                f"an offer cannot follow the rejection at {self.rejected.at}"
            )
        self.offer = event

    def _rejected(self, event: Rejected, current: int) -> None:
        if self.rejected is not None:
            raise _Refused(f"already rejected at {self.rejected.at}")
        self.rejected = event

    def _feedback_requested(self, event: FeedbackRequested, current: int) -> None:
        self.feedback_asked = True

    def _feedback_received(self, event: FeedbackReceived, current: int) -> None:
        offered = self.rejected is not None and self.rejected.feedback_offered
        if not (self.feedback_asked or offered):
            raise _Refused(
                "feedback arrives after it was asked for "
                "(FeedbackRequested) or offered (Rejected(feedback_offered=True))"
            )
        if event.by is not None:
            self.feedback_by.add(event.by)

    def _feedback_declined(self, event: FeedbackDeclined, current: int) -> None:
        if not self.feedback_asked:
            raise _Refused("feedback can only be declined once it was asked for")

    def _offer_answered(
        self, event: OfferAccepted | OfferDeclined, current: int
    ) -> None:
        if self.offer is None:
            raise _Refused("there is no offer to answer")
        if self.rejected is not None:
            raise _Refused(f"the offer was withdrawn (Rejected at {self.rejected.at})")
        self.final = event

    def _withdrew(self, event: Withdrew, current: int | None) -> None:
        self.final = event

    def _lost_interest(self, event: LostInterest, current: int | None) -> None:
        self.lost = event

    def history(self, events: tuple[Event, ...]) -> History:
        """Sum up the history of *events*, the ones replayed."""
        return self._history(tuple(events[first:end] for first, end in self.spans))

    def history_after(self, before: History, events: tuple[Event, ...]) -> History:
        """Sum up the history of *events*, one more than *before* summed up.

        Only the events of the round the last one followed are taken anew.
        """
        after = before.after_round
        latest = self.latest
        if latest is not None:
            first, end = self.spans[latest]
            after = (*after[:latest], events[first:end], *after[latest + 1 :])
        if len(after) < len(self.spans):  # the last event scheduled a round
            after = (*after, ())
        return self._history(after)

    def _history(self, after: tuple[tuple[Event, ...], ...]) -> History:
        return History(
            rounds=tuple(self.rounds),
            after_round=after,
            final=self.final,
            rejected=self.rejected,
            offer=self.offer,
            lost_interest=self.lost,
            latest_scheduled=len(self.rounds) > self.given,
        )


# What each kind of event must satisfy, beyond time order and round timing.
_CHECKS: dict[type[Any], Callable[[_Replay, Any, Any], None]] = {
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
    return replay_state(interviews, events).history(events)


def replay_state(
    interviews: tuple[Interview, ...], events: tuple[Event, ...]
) -> _Replay:
    """Check a whole history; return the state that :meth:`_Replay.fork` goes on from.

    *interviews* are in time order and do not overlap (an Application checks
    that first).
    """
    state = _Replay(interviews)
    for index, event in enumerate(events):
        state.add(index, event)
    return state
