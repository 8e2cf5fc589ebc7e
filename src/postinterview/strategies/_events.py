"""Single events of every type, and the rounds that a NextRoundScheduled brings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
import pendulum
from hypothesis import strategies as st

from postinterview import _time
from postinterview.interview import Channel, Interview, Person, RunBy
from postinterview.strategies._basics import _lines, _pick, _texts
from postinterview.strategies._instants import (
    DEFAULT_MAX,
    DEFAULT_MIN,
    RANGE_MAX,
    ROUND_ROOM,
    _after,
    _as_utc,
    _later,
    _zone,
    _zone_names_of,
    aware_datetimes,
)
from postinterview.strategies._interviews import (
    _MAYBE_SALARY,
    _PERSON,
    _decision,
    _interview_from,
    _panels,
)
from postinterview.timeline import (
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

# The order in which event types shrink: the first one is the simplest.
_KINDS: tuple[type[Event], ...] = (
    NotesWritten,
    ThankYouSent,
    CheckInSent,
    ReplyReceived,
    Rejected,
    FeedbackRequested,
    FeedbackReceived,
    FeedbackDeclined,
    OfferReceived,
    NextRoundScheduled,
    ReferencesNotified,
    OfferAccepted,
    OfferDeclined,
    LostInterest,
    Withdrew,
)
# Built once: building strategies inside a draw is slow.
_MAYBE_TEXT = st.none() | _texts()
_TERMS = st.lists(_lines(), max_size=2)
_RESPONSE_MINUTES = st.none() | st.integers(0, 30 * 24 * 60)
_ANY_PANEL = _panels(0, 4)
_OWNERS = st.sampled_from(RunBy)
_CHANNELS = tuple(Channel)
_SOME_PEOPLE = st.lists(_PERSON, max_size=2, unique_by=repr)


def events(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[Event]:
    """Return a strategy for single events of every type, each valid on its own.

    Requires hypothesis.

    The event happens at an instant drawn by :func:`aware_datetimes` with
    these arguments. It is not checked against any history, so
    :meth:`Application.record <postinterview.Application.record>` may refuse
    it; :func:`next_events` and :func:`applications` draw legal histories.
    A scheduled round starts at most six weeks after the event, and before
    the end of the library's range: too near it, notes are written instead
    of a round being scheduled. Shrinks
    towards :class:`~postinterview.NotesWritten` at *min_value* in UTC.
    """
    zones = _zone_names_of(timezones)
    instants = aware_datetimes(
        min_value=min_value, max_value=max_value, timezones=timezones
    )
    return _events(instants, zones)


@st.composite
def _events(
    draw: st.DrawFn,
    instants: st.SearchStrategy[pendulum.DateTime],
    zones: tuple[str, ...] | None,
) -> Event:
    kind = _pick(draw, _KINDS)
    at = draw(instants)
    if kind is NextRoundScheduled and not has_room_for_a_round(_as_utc(at)):
        kind = NotesWritten
    return _event_details(
        draw,
        kind,
        at,
        known=draw(_SOME_PEOPLE),
        contact=None,
        channel=_pick(draw, _CHANNELS),
        timezones=zones,
    )


def _event_details(
    draw: st.DrawFn,
    kind: type[Event],
    at: pendulum.DateTime,
    *,
    known: Sequence[Person],
    contact: Person | None,
    channel: Channel,
    timezones: tuple[str, ...] | None,
) -> Event:
    """Draw an event of type *kind* at *at*, naming people from *known*."""
    if kind is ThankYouSent:
        thanked = _pick(draw, known) if known else draw(_PERSON)
        return ThankYouSent(at=at, to=thanked)
    if kind is CheckInSent:
        to = contact if contact is not None and draw(st.booleans()) else None
        channels = (channel, *(c for c in _CHANNELS if c is not channel))
        return CheckInSent(at=at, to=to, channel=_pick(draw, channels))
    if kind is ReplyReceived:
        # Often a holding reply, which moves the decision date.
        return ReplyReceived(
            at=at, note=draw(_MAYBE_TEXT), decision_expected_by=_decision(draw, at)
        )
    if kind is NextRoundScheduled:
        return NextRoundScheduled(
            at=at, interview=_next_round(draw, at, known, timezones)
        )
    if kind is Rejected:
        return Rejected(
            at=at, by=_someone(draw, known), feedback_offered=draw(st.booleans())
        )
    if kind is FeedbackRequested:
        return FeedbackRequested(at=at, to=_someone(draw, known))
    if kind is FeedbackReceived:
        return FeedbackReceived(at=at, by=_someone(draw, known), note=draw(_MAYBE_TEXT))
    if kind is LostInterest:
        return LostInterest(at=at, reason=draw(_lines()))
    if kind is OfferReceived:
        return _offer(draw, at, known)
    # The events that carry nothing but their instant.
    simple: type[
        NotesWritten
        | ReferencesNotified
        | FeedbackDeclined
        | Withdrew
        | OfferAccepted
        | OfferDeclined
    ] = kind  # type: ignore[assignment]
    return simple(at=at)


def _offer(
    draw: st.DrawFn, at: pendulum.DateTime, known: Sequence[Person]
) -> OfferReceived:
    """Draw an offer made at *at*, perhaps with a time to answer by."""
    minutes = draw(_RESPONSE_MINUTES)
    return OfferReceived(
        at=at,
        respond_by=None
        if minutes is None
        else _after(at, dt.timedelta(minutes=minutes)),
        salary=draw(_MAYBE_SALARY),
        terms=draw(_TERMS),
        by=_someone(draw, known),
    )


def _someone(draw: st.DrawFn, known: Sequence[Person]) -> Person | None:
    """Draw nobody, someone in *known*, or a new person."""
    choice = draw(st.integers(0, 2))
    if choice == 1 and known:
        return _pick(draw, known)
    return draw(_PERSON) if choice else None


def has_room_for_a_round(utc: dt.datetime) -> bool:
    """Tell whether a round may start at *utc* (aware UTC) and end in range."""
    return utc <= RANGE_MAX - ROUND_ROOM


def _next_round(
    draw: st.DrawFn,
    at: pendulum.DateTime,
    known: Sequence[Person],
    timezones: tuple[str, ...] | None,
) -> Interview:
    """Draw a round that starts at or after *at*, often with someone from *known*.

    *at* leaves room for a round before the end of the range (see
    :func:`has_room_for_a_round`).
    """
    zone = _zone(draw, _time.zone_name(at), timezones)
    utc = _later(draw, _as_utc(at), (zone,), RANGE_MAX - ROUND_ROOM)
    starts_at = _time.from_utc(utc, _time.zone(zone))
    interview = _interview_from(draw, starts_at, panels=_ANY_PANEL, owners=_OWNERS)
    if draw(st.booleans()) and known:
        again = _pick(draw, known)
        if again not in interview.interviewers:
            interview = attrs.evolve(
                interview, interviewers=(again, *interview.interviewers)
            )
    return interview
