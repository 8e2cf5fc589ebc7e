"""Legal histories: the next event an application accepts, and applications.

:class:`_Situation` reads an application's history the way the timeline's
rules do and says what may come next; the strategies draw from that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from postinterview import _time
from postinterview.interview import Interview, Person, RunBy
from postinterview.strategies._basics import _pick
from postinterview.strategies._events import (
    _KINDS,
    _event_details,
    _next_round,
    has_room_for_a_round,
)
from postinterview.strategies._instants import (
    DEFAULT_MAX,
    DEFAULT_MIN,
    RANGE_MAX,
    RANGE_MIN,
    ROUND_ROOM,
    _as_utc,
    _later,
    _zone,
    _zone_names_of,
)
from postinterview.strategies._interviews import interviews
from postinterview.timeline import (
    Application,
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

# The events that may come at any time, even before the interview ends.
_ANYTIME = (LostInterest, Withdrew)


class _Situation:
    """What an application's history allows next, by timeline's rules.

    Instants are compared in UTC.
    """

    def __init__(self, application: Application) -> None:
        history = application.history
        self.history = history
        self.rounds = history.rounds
        self.starts = [_as_utc(r.starts_at) for r in self.rounds]
        self.ends = [_as_utc(r.ends_at) for r in self.rounds]
        events = application.events
        self.previous = _as_utc(events[-1].at) if events else None
        self.asked = any(isinstance(e, FeedbackRequested) for e in events)
        self.givers = [
            e.by
            for after in history.after_round
            for e in after
            if isinstance(e, FeedbackReceived) and e.by is not None
        ]

    def settle(self, utc: dt.datetime) -> dt.datetime:
        """Move an instant during a round to that round's end."""
        for start, end in zip(self.starts, self.ends, strict=True):
            if start < utc < end:
                return end
        return utc

    def current(self, utc: dt.datetime) -> int:
        """Return the index of the latest round over by *utc* (one must be)."""
        return max(i for i, end in enumerate(self.ends) if end <= utc)

    def thanked(self, index: int) -> set[Person]:
        """Everyone already thanked after round *index*."""
        after = self.history.after_round[index]
        return {e.to for e in after if isinstance(e, ThankYouSent)}

    def thankable(self, index: int) -> list[Person]:
        """Everyone a thank-you may go to once round *index* is over."""
        found: dict[Person, None] = {}
        for interview in self.rounds[: index + 1]:
            found.update(dict.fromkeys(_people_in(interview)))
        for source in (self.history.rejected, self.history.offer):
            if source is not None and source.by is not None:
                found[source.by] = None
        found.update(dict.fromkeys(self.givers))
        return list(found)

    def addressees(self, kind: type[Event], index: int) -> list[Person]:
        """The people an event of type *kind* after round *index* may name."""
        if kind is not ThankYouSent:
            return _people_in(self.rounds[index])
        # Those not thanked yet for the round first, so that they are likelier.
        thanked = self.thanked(index)
        return sorted(self.thankable(index), key=lambda p: p in thanked)

    def weights(self, index: int, more_rounds: bool) -> dict[type[Event], int]:
        """How likely each legal next event is, judged at round *index*."""
        history = self.history
        rejected, offer = history.rejected, history.offer
        after = history.after_round[index]
        interview = self.rounds[index]
        noted = any(isinstance(e, NotesWritten) for e in after)
        weights: dict[type[Event], int] = {
            NotesWritten: 1 if noted else 8,
            ReplyReceived: 2,
            FeedbackRequested: 6 if rejected is not None and not self.asked else 1,
            ReferencesNotified: 3 if interview.references_may_be_contacted else 1,
            LostInterest: 1,
            Withdrew: 1,
        }
        if self.thankable(index):
            everyone = self.thanked(index) >= set(interview.interviewers)
            weights[ThankYouSent] = 2 if everyone else 8
        if rejected is None and offer is None:
            weights[CheckInSent] = 5
            # A new round starts after the last ends and any event since.
            last = max(self.ends[-1], self.previous or self.ends[-1])
            if more_rounds and has_room_for_a_round(last):
                weights[NextRoundScheduled] = 4
        if rejected is None:
            weights[Rejected] = 4
            weights[OfferReceived] = 4
        if self.asked or (rejected is not None and rejected.feedback_offered):
            weights[FeedbackReceived] = 6
        if self.asked:
            weights[FeedbackDeclined] = 3
        if offer is not None and rejected is None:
            weights[OfferAccepted] = 3
            weights[OfferDeclined] = 2
        return weights


def _people_in(interview: Interview) -> list[Person]:
    """The interviewers, then the agency contact if there is one."""
    contact = interview.agency_contact
    return [*interview.interviewers, *([contact] if contact is not None else [])]


def _contact(interview: Interview) -> Person | None:
    """Whom a check-in about *interview* goes to, if anyone."""
    if interview.run_by is RunBy.AGENCY:
        return interview.agency_contact
    return next(iter(interview.interviewers), None)


def _next_event(
    draw: st.DrawFn,
    application: Application,
    timezones: tuple[str, ...] | None,
    *,
    more_rounds: bool,
) -> Event:
    """Draw an event that *application*, which is not closed, accepts next."""
    situation = _Situation(application)
    first_end = situation.ends[0]
    earliest = situation.settle(max(situation.previous or first_end, first_end))
    index = situation.current(earliest)
    weights = situation.weights(index, more_rounds)
    kind = _pick(draw, [k for k in _KINDS if k in weights for _ in range(weights[k])])
    utc, index = _instant(draw, situation, kind, earliest, index)
    interview = situation.rounds[index]
    at = _time.from_utc(utc, _time.zone(_zone(draw, interview.timezone, timezones)))
    return _event_details(
        draw,
        kind,
        at,
        known=situation.addressees(kind, index),
        contact=_contact(interview),
        channel=interview.preferred_channel,
        timezones=timezones,
    )


def _instant(
    draw: st.DrawFn,
    situation: _Situation,
    kind: type[Event],
    earliest: dt.datetime,
    index: int,
) -> tuple[dt.datetime, int]:
    """Draw when an event of type *kind* comes (UTC), and the round it follows.

    *earliest* is the first instant the event may have, after round *index*;
    the instant is often near a DST change of the round's people.
    """
    interview = situation.rounds[index]
    zones = [interview.timezone]
    zones.extend(p.timezone for p in _people_in(interview) if p.timezone is not None)
    near = list(dict.fromkeys(zones))
    if kind in _ANYTIME:
        low = situation.previous or max(
            situation.starts[0] - dt.timedelta(days=1), RANGE_MIN
        )
        return _later(draw, low, near), index
    if kind is NextRoundScheduled:
        low = max(earliest, situation.ends[-1])
        return _later(draw, low, near, RANGE_MAX - ROUND_ROOM), index
    utc = situation.settle(_later(draw, earliest, near))
    return utc, situation.current(utc)


def next_events(
    application: Application, *, timezones: Sequence[str] | None = None
) -> st.SearchStrategy[Event]:
    """Return a strategy for the events that *application* accepts next.

    Requires hypothesis.

    Every event drawn is one that :meth:`Application.record
    <postinterview.Application.record>` accepts: no earlier than the last
    event, outside every round (only a withdrawal or a loss of interest may
    come before the interview ends), thank-yous only to people who may
    receive one, feedback only once asked for or offered, no offer after a
    rejection, and no check-in or new round after a decision. Its instant is
    shown in the round's zone or one from *timezones* (default: any zone) and
    often lies next to a DST change. Nothing can follow a withdrawal or an
    answered offer: then the strategy is empty. Shrinks towards notes written
    as soon as possible, in the interview's zone.
    """
    zones = _zone_names_of(timezones)
    candidate: object = application
    if not isinstance(candidate, Application):
        raise InvalidArgument(f"application={application!r} must be an Application")
    if application.history.final is not None:
        return st.nothing()
    return _next_events(application, zones)


@st.composite
def _next_events(
    draw: st.DrawFn, application: Application, zones: tuple[str, ...] | None
) -> Event:
    return _next_event(draw, application, zones, more_rounds=True)


def applications(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
    max_events: int = 12,
    max_rounds: int = 3,
) -> st.SearchStrategy[Application]:
    """Return a strategy for :class:`~postinterview.Application` values with
    legal histories.

    Requires hypothesis.

    The first round is drawn by :func:`interviews` with *min_value*,
    *max_value* and *timezones*; sometimes a second round is given with it.
    Up to *max_events* events follow, each drawn as :func:`next_events` draws
    it and added with :meth:`Application.record
    <postinterview.Application.record>`, until a withdrawal or an answered
    offer closes the application. The histories are rich: notes and
    thank-yous tend to come first, and rejections, feedback, offers,
    check-ins and new rounds (up to *max_rounds* rounds in all) are frequent.
    Everything stays inside the library's range: near its end, events come
    at its last instant and no new round is scheduled. Shrinks towards one
    round in UTC and no events.
    """
    if type(max_events) is not int or max_events < 0:
        raise InvalidArgument(f"max_events={max_events!r} must be an int >= 0")
    if type(max_rounds) is not int or max_rounds < 1:
        raise InvalidArgument(f"max_rounds={max_rounds!r} must be an int >= 1")
    zones = _zone_names_of(timezones)
    firsts = interviews(min_value=min_value, max_value=max_value, timezones=timezones)
    # Mostly several events: a bare interview is one case among many.
    counts = st.integers(0, max_events) | st.integers(max_events // 3, max_events)

    @st.composite
    def draw(draw: st.DrawFn) -> Application:
        first = draw(firsts)
        rounds = [first]
        if (
            max_rounds > 1
            and has_room_for_a_round(_as_utc(first.ends_at))
            and draw(st.booleans())
        ):
            rounds.append(_next_round(draw, first.ends_at, (), zones))
        application = Application(interviews=rounds)
        return _record_events(draw, application, draw(counts), zones, max_rounds)

    return draw()


def _record_events(
    draw: st.DrawFn,
    application: Application,
    count: int,
    zones: tuple[str, ...] | None,
    max_rounds: int,
) -> Application:
    """Record up to *count* events drawn one by one, until the application closes."""
    for _ in range(count):
        if application.history.final is not None:
            break
        more = len(application.rounds) < max_rounds
        event = _next_event(draw, application, zones, more_rounds=more)
        application = application.record(event)
    return application
