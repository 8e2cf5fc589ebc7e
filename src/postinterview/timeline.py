"""An application's history: its interview rounds and what happened since.

An :class:`Application` holds one or more interview rounds and the events
recorded after them, in time order. It refuses a history that cannot happen
(a thank-you before the interview ended, an offer after a rejection, anything
after a withdrawal) with :class:`~postinterview.TimelineError`, so every
Application that exists is a legal one. Its :attr:`~Application.status` is
derived from the events, never stored.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Any, TypeAlias

import attrs
import pendulum

from postinterview import _fields, _time
from postinterview.errors import TimelineError, ValidationError
from postinterview.interview import Channel, Interview, Person, SalaryRange

__all__ = [
    "Application",
    "CheckInSent",
    "Event",
    "FeedbackDeclined",
    "FeedbackReceived",
    "FeedbackRequested",
    "LostInterest",
    "NextRoundScheduled",
    "NotesWritten",
    "OfferAccepted",
    "OfferDeclined",
    "OfferReceived",
    "ReferencesNotified",
    "Rejected",
    "ReplyReceived",
    "Status",
    "ThankYouSent",
    "Withdrew",
]

#: How many unanswered check-ins make an application "no response" when no
#: policy says otherwise; FollowUpPolicy's default is the same number.
DEFAULT_CHECK_INS = 2


@attrs.frozen(kw_only=True)
class _Timed:
    """What every event has: *at*, the instant it happened."""

    at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )


@attrs.frozen(kw_only=True)
class NotesWritten(_Timed):
    """The candidate wrote their notes and reflection on the latest round."""


@attrs.frozen(kw_only=True)
class ThankYouSent(_Timed):
    """A thank-you went to *to*: an interviewer, or whoever made an offer,
    declined the candidate or gave feedback."""

    to: Person = attrs.field(validator=_fields.instance_of(Person))


@attrs.frozen(kw_only=True)
class ReferencesNotified(_Timed):
    """The candidate told their referees they may be contacted soon."""


@attrs.frozen(kw_only=True)
class CheckInSent(_Timed):
    """The candidate asked how things stand, on *channel*."""

    to: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )
    channel: Channel = attrs.field(
        default=Channel.EMAIL, validator=_fields.enum_member(Channel)
    )


@attrs.frozen(kw_only=True)
class ReplyReceived(_Timed):
    """The employer or agency replied without a decision; check-ins stop."""

    note: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )


@attrs.frozen(kw_only=True)
class NextRoundScheduled(_Timed):
    """Another round was arranged; *interview* is that round."""

    interview: Interview = attrs.field(validator=_fields.instance_of(Interview))


@attrs.frozen(kw_only=True)
class Rejected(_Timed):
    """The application was turned down, by *by* when known.

    *feedback_offered* records that they offered feedback unasked.
    """

    by: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )
    feedback_offered: bool = attrs.field(default=False, validator=_fields.boolean)


@attrs.frozen(kw_only=True)
class FeedbackRequested(_Timed):
    """The candidate asked *to* for feedback on the interview."""

    to: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )


@attrs.frozen(kw_only=True)
class FeedbackReceived(_Timed):
    """Feedback arrived, from *by* when known, summarised in *note*."""

    by: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )
    note: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )


@attrs.frozen(kw_only=True)
class FeedbackDeclined(_Timed):
    """The employer or agency declined to give feedback."""


@attrs.frozen(kw_only=True)
class LostInterest(_Timed):
    """The candidate no longer wants the job, for *reason*."""

    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


@attrs.frozen(kw_only=True)
class Withdrew(_Timed):
    """The candidate withdrew the application; nothing more is owed."""


def _terms(value: Iterable[str]) -> tuple[str, ...]:
    return _fields.to_text_tuple(value)


@attrs.frozen(kw_only=True)
class OfferReceived(_Timed):
    """A job offer arrived, from *by* when known.

    *respond_by* is when they want an answer; *salary* what they offer;
    *terms* anything to settle before accepting (holidays already booked,
    flexible hours, adjustments).
    """

    respond_by: pendulum.DateTime | None = attrs.field(
        default=None,
        converter=_fields.to_optional_instant,
        validator=_fields.optional_instant,
        eq=_fields.instant_key,
    )
    salary: SalaryRange | None = attrs.field(
        default=None, validator=_fields.instance_of(SalaryRange, optional=True)
    )
    terms: tuple[str, ...] = attrs.field(
        default=(),
        converter=_terms,
        validator=_fields.tuple_of(str, _fields.check_text),
    )
    by: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.respond_by is not None and _time.naive_utc(
            self.respond_by
        ) < _time.naive_utc(self.at):
            raise ValidationError(
                "respond_by",
                self.respond_by,
                f"an instant no earlier than at ({self.at})",
            )


@attrs.frozen(kw_only=True)
class OfferAccepted(_Timed):
    """The candidate accepted the offer."""


@attrs.frozen(kw_only=True)
class OfferDeclined(_Timed):
    """The candidate declined the offer."""


Event: TypeAlias = (
    NotesWritten
    | ThankYouSent
    | ReferencesNotified
    | CheckInSent
    | ReplyReceived
    | NextRoundScheduled
    | Rejected
    | FeedbackRequested
    | FeedbackReceived
    | FeedbackDeclined
    | LostInterest
    | Withdrew
    | OfferReceived
    | OfferAccepted
    | OfferDeclined
)
EVENT_TYPES: tuple[type[Event], ...] = Event.__args__


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
_ANYTIME = (LostInterest, Withdrew)


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
        anytime = isinstance(event, LostInterest | Withdrew)
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


def _replay(interviews: tuple[Interview, ...], events: tuple[Event, ...]) -> History:
    """Check a whole history and sum it up, or raise TimelineError."""
    replay = _Replay(interviews)
    for index, event in enumerate(events):
        try:
            replay.add(index, event)
        except TimelineError as error:
            error.index = index
            raise
    return replay.history()


def _interviews(value: Iterable[Interview]) -> tuple[Interview, ...]:
    return _fields.to_tuple(value)


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return _fields.to_tuple(value)


def _check_events(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _fields.tuple_of(object)(_, attribute, value)
    for index, event in enumerate(value):
        if not isinstance(event, EVENT_TYPES):
            raise ValidationError(
                f"events[{index}]", event, "an event such as ThankYouSent or Rejected"
            )


@attrs.frozen(kw_only=True)
class Application:
    """One application: its interview rounds and the events since, in time order.

    Building one checks the whole history; :meth:`record` adds one event.

    >>> import pendulum
    >>> from postinterview import Interview, Person
    >>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    >>> priya = Person(name="Priya Shah", email="priya@acme.example")
    >>> app = Application.from_interview(Interview(
    ...     organisation="Acme Ltd", role="Data Engineer",
    ...     starts_at=end.subtract(hours=1), ends_at=end, interviewers=(priya,)))
    >>> app.status
    <Status.AWAITING_NOTES: 'the latest round ended and no notes are written yet'>
    >>> app = app.record(NotesWritten(at=end.add(minutes=10)))
    >>> app.record(ThankYouSent(at=end.add(hours=2), to=priya)).status
    <Status.AWAITING_DECISION: 'everything sent; waiting for their decision'>
    """

    interviews: tuple[Interview, ...] = attrs.field(
        converter=_interviews, validator=_fields.tuple_of(Interview)
    )
    events: tuple[Event, ...] = attrs.field(
        default=(), converter=_events, validator=_check_events
    )
    _history: History = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.interviews:
            raise ValidationError("interviews", (), "at least one Interview")
        for index in range(1, len(self.interviews)):
            before, after = self.interviews[index - 1], self.interviews[index]
            if _time.naive_utc(after.starts_at) < _time.naive_utc(before.ends_at):
                raise ValidationError(
                    f"interviews[{index}]",
                    after,
                    f"a round starting after the one before ends ({before.ends_at})",
                )
        object.__setattr__(self, "_history", _replay(self.interviews, self.events))

    @classmethod
    def from_interview(cls, interview: Interview) -> Application:
        """Start an application from its first interview."""
        return cls(interviews=(interview,))

    def record(self, event: Event) -> Application:
        """Return this application with *event* added at the end of its history.

        Raises :class:`~postinterview.TimelineError` saying why when the event
        cannot happen at that point; this application is left as it was.
        """
        return Application(interviews=self.interviews, events=(*self.events, event))

    @property
    def history(self) -> History:
        """The history summed up: the rounds, the events after each, the decisions."""
        return self._history

    @property
    def rounds(self) -> tuple[Interview, ...]:
        """Every round: the interviews given plus those scheduled since."""
        return self._history.rounds

    @property
    def status(self) -> Status:
        """Where the application stands, derived from its events."""
        return status_of(self._history, DEFAULT_CHECK_INS)


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
