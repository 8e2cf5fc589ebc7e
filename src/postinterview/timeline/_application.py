"""The application: its interview rounds and the events since, checked whole."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs
import pendulum

from postinterview import _fields, _time, _views
from postinterview.errors import ValidationError
from postinterview.interview import Interview, Person, RunBy, SalaryRange
from postinterview.timeline._events import (
    EVENT_TYPES,
    CheckInSent,
    Event,
    FeedbackDeclined,
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
from postinterview.timeline._replay import _Replay, replay_state
from postinterview.timeline._status import (
    DEFAULT_CHECK_INS,
    History,
    Status,
    status_of,
)

__all__ = ["Application"]


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
    >>> from postinterview import Interview, NotesWritten, Person, ThankYouSent
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
    # The replay's state at the end of the events, never changed: record()
    # goes on from a copy of it rather than replaying the whole history.
    _replay: _Replay = attrs.field(init=False, repr=False, eq=False)

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
        state = replay_state(self.interviews, self.events)
        object.__setattr__(self, "_replay", state)
        object.__setattr__(self, "_history", state.history(self.events))

    @classmethod
    def from_interview(cls, interview: Interview) -> Application:
        """Start an application from its first interview.

        Raises :class:`~postinterview.ValidationError` naming *interview*
        when it is not an :class:`~postinterview.Interview`.
        """
        _fields.check_instance("interview", interview, Interview, "an Interview")
        return cls(interviews=(interview,))

    def record(self, event: Event) -> Application:
        """Return this application with *event* added at the end of its history.

        Raises :class:`~postinterview.TimelineError` saying why when the event
        cannot happen at that point, and :class:`~postinterview.ValidationError`
        naming *event* when it is not an event; this application is left as
        it was.
        """
        index = len(self.events)
        if not isinstance(event, EVENT_TYPES):
            raise ValidationError(
                "event", event, "an event such as ThankYouSent or Rejected"
            )
        # The history so far was checked when this application was made: go
        # on from where its replay ended (a copy, so this one is left as it
        # was), and check the one new event.
        previous: _Replay | None = getattr(self, "_replay", None)
        if previous is None:  # unpickled from a version that did not keep it
            previous = replay_state(self.interviews, self.events)
        state = previous.fork()
        state.add(index, event)
        events = (*self.events, event)
        application = object.__new__(Application)
        for name, value in (
            ("interviews", self.interviews),
            ("events", events),
            ("_replay", state),
            ("_history", state.history_after(self._history, events)),
        ):
            object.__setattr__(application, name, value)
        return application

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

    @property
    def key(self) -> tuple[str, str, pendulum.DateTime]:
        """What identifies this application from one record of it to the next.

        The first round's organisation, role and start, the start in UTC:
        none of them changes as events are recorded or rounds are added, so
        two records with the same key describe the same application (the
        calendar's event UIDs start from it). Correcting one of the three
        makes it another application.

        >>> import pendulum
        >>> from postinterview import Interview
        >>> start = pendulum.datetime(2026, 11, 20, 14, 30, tz="Europe/London")
        >>> app = Application.from_interview(Interview(
        ...     organisation="Acme Ltd", role="Data Engineer",
        ...     starts_at=start, ends_at=start.add(hours=1)))
        >>> organisation, role, starts_at = app.key
        >>> organisation, role, starts_at.isoformat()
        ('Acme Ltd', 'Data Engineer', '2026-11-20T14:30:00+00:00')
        >>> starts_at.timezone_name
        'UTC'
        """
        first = self.interviews[0]
        return (first.organisation, first.role, first.starts_at.in_timezone("UTC"))

    # notebook display

    def _repr_html_(self) -> str:
        return _views.to_html("application", self._view())

    def _repr_markdown_(self) -> str:
        return _views.to_markdown(self._view())

    def _view(self) -> list[_views.Block]:
        """The timeline: each round and the events after it, in time order."""
        rounds, events = self.rounds, self.events
        latest = rounds[-1]
        summary = (
            f": {self.status.value}\n{_views.plural(len(rounds), 'round')}, "
            f"{_views.plural(len(events), 'event')}."
        )
        # Rounds by their start, events by their instant; a round before an
        # event at the same instant. Both are in time order already.
        timed: list[tuple[dt.datetime, int, int, Interview | Event]] = [
            (_time.naive_utc(round_.starts_at), 0, index, round_)
            for index, round_ in enumerate(rounds)
        ]
        timed.extend(
            (_time.naive_utc(event.at), 1, index, event)
            for index, event in enumerate(events)
        )
        timed.sort(key=lambda item: (item[0], item[1], item[2]))
        rows = [
            _round_row(index + 1, item)
            if isinstance(item, Interview)
            else _event_row(item)
            for _, _, index, item in timed
        ]
        return [
            _views.Paragraph(
                (_views.Strong(f"{latest.organisation}, {latest.role}"), summary)
            ),
            _views.Table(("When", "What", "Details"), rows),
        ]


def _round_row(number: int, interview: Interview) -> tuple[str, str, str]:
    """A round of interviews as a row: when, which round, who and what next."""
    what = f"round {number}: {interview.format.value} interview"
    if interview.run_by is RunBy.AGENCY:
        what = f"{what}, run by an agency"
    details = [f"until {_views.instant(interview.ends_at)}"]
    if interview.interviewers:
        names = ", ".join(person.name for person in interview.interviewers)
        details.append(f"with {names}")
    if interview.next_stage is not None:
        details.append(f"next: {interview.next_stage}")
    if interview.decision_expected_by is not None:
        details.append(f"decision by {_views.instant(interview.decision_expected_by)}")
    return _views.instant(interview.starts_at), what, "\n".join(details)


# What each kind of event is called in an application's timeline.
_EVENT_NAMES: dict[type, str] = {
    NotesWritten: "notes written",
    ThankYouSent: "thank-you sent",
    ReferencesNotified: "referees told",
    CheckInSent: "check-in sent",
    ReplyReceived: "reply received",
    NextRoundScheduled: "next round arranged",
    Rejected: "turned down",
    FeedbackRequested: "feedback asked for",
    FeedbackReceived: "feedback received",
    FeedbackDeclined: "feedback declined",
    LostInterest: "interest lost",
    Withdrew: "withdrew",
    OfferReceived: "offer received",
    OfferAccepted: "offer accepted",
    OfferDeclined: "offer declined",
}


def _event_row(event: Event) -> tuple[str, str, str]:
    """An event as a row: when, what happened, and the facts it carries."""
    details = []
    for field in attrs.fields(type(event)):
        value = getattr(event, field.name)
        if field.name == "at" or value is None or value == ():
            continue
        details.append(f"{field.name.replace('_', ' ')}: {_detail(value)}")
    return _views.instant(event.at), _EVENT_NAMES[type(event)], "\n".join(details)


def _detail(value: object) -> str:
    """One fact of an event, in words."""
    if isinstance(value, Person):
        return value.name
    if isinstance(value, Interview):
        return f"a round from {_views.instant(value.starts_at)}"
    if isinstance(value, SalaryRange):
        return f"{value.low}-{value.high} {value.currency} a {value.period.value}"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return "; ".join(_detail(item) for item in value)
    if isinstance(value, dt.datetime):
        return _views.instant(value)
    return str(value)
