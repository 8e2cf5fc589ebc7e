"""The application: its interview rounds and the events since, checked whole."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from postinterview import _fields, _time
from postinterview.errors import ValidationError
from postinterview.interview import Interview
from postinterview.timeline._events import EVENT_TYPES, Event
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
