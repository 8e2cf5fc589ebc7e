"""What the rule families share: the :class:`Planner`, its state and its steps.

A planner works out one plan in naive UTC. The rule families (thank-yous,
referees, check-ins, feedback, offers...) each read its application and policy
and add their actions through :meth:`Planner.add`, which also chooses when to
send a message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pendulum

from postinterview import _time
from postinterview.followup._action import Action, made
from postinterview.followup._kind import MESSAGES, RANK, ActionKind
from postinterview.followup._policy import FollowUpPolicy
from postinterview.interview import Channel, Interview, Person, RunBy
from postinterview.timeline import Application, Event, History
from postinterview.workdays import reading

_local_ordinal = _time.local_ordinal
_zone = _time.zone
# Instants this far from the ends of datetime's range show in every zone; the
# engine shows those nearer at once, so that plan() reports them.
_LOWEST = dt.datetime.min + dt.timedelta(days=1)  # noqa: DTZ901 - naive UTC
_HIGHEST = dt.datetime.max - dt.timedelta(days=1)  # noqa: DTZ901 - naive UTC

#: An action as made: its sort key, the action, the instant before which
#: events cannot retire it, and the event that already did (a sent check-in).
Made = tuple[tuple[bool, dt.datetime, int, int], Action, dt.datetime, Event | None]


def home(interview: Interview) -> pendulum.Timezone:
    """Return the zone the interview was held in: its ``timezone``, as a zone.

    Instants keep their zone as their tzinfo, so this is a read, not a look-up.
    """
    return cast("pendulum.Timezone", interview.ends_at.tzinfo)


class Planner:
    """Works out one plan, in naive UTC, and makes its actions as it goes.

    Each action is kept with what ordering and retiring it needs (:data:`Made`).
    *edges* holds the actions with an instant near the ends of datetime's
    range, to be shown before the plan is returned.
    """

    def __init__(
        self, application: Application, policy: FollowUpPolicy, now: dt.datetime
    ) -> None:
        self.application = application
        self.history: History = application.history
        self.policy = policy
        self.calendar = policy.calendar
        self.now = now
        self.made: list[Made] = []
        self.edges: list[Action] = []
        self.events: tuple[Event, ...] = application.events

    def zone_of(self, person: Person | None, interview: Interview) -> pendulum.Timezone:
        """Return *person*'s zone, else the zone the interview was held in."""
        if person is not None and person.timezone is not None:
            return _zone(person.timezone)
        return home(interview)

    def contact(self, interview: Interview) -> Person | None:
        """Return who follow-ups go to: the agency, else the first interviewer."""
        if interview.run_by is RunBy.AGENCY:
            return interview.agency_contact
        return interview.interviewers[0] if interview.interviewers else None

    def business_day(self, start: dt.datetime, days: int, tz: pendulum.Timezone) -> int:
        """Return the ordinal of the day *days* business days after *start*'s
        local date in *tz*."""
        return self.calendar._add(_local_ordinal(start, tz), days)

    def closing(self, ordinal: int, tz: pendulum.Timezone) -> dt.datetime:
        """Return when business closes on the day *ordinal* in *tz*."""
        return reading(ordinal, self.calendar.closes, tz.key)

    def send_time(
        self, opens: dt.datetime, closes: dt.datetime | None, tz: pendulum.Timezone
    ) -> dt.datetime:
        """Return the first open moment from *opens* on, unless it is past *closes*."""
        found = self.calendar._open_from(opens, tz)[0]
        return found if closes is None or found <= closes else opens

    def add(
        self,
        *,
        kind: ActionKind,
        trigger: dt.datetime,
        opens: dt.datetime,
        due: dt.datetime | None,
        closes: dt.datetime | None = None,
        tz: pendulum.Timezone,
        recipient: Person | None = None,
        channel: Channel | None = None,
        template: str | None = None,
        rationale: str,
        round: int,
        number: int = 1,
        send: dt.datetime | None = None,
        done_by: Event | None = None,
    ) -> None:
        """Make an action and keep it.

        Events before *trigger* cannot retire it. *send* defaults to the first
        open moment in the window for a message, and to *opens* for the
        candidate's own tasks.
        """
        if send is None:
            send = self.send_time(opens, closes, tz) if kind in MESSAGES else opens
        action = made(
            (kind, recipient, channel, template, rationale, round, number),
            (tz, opens, due, closes, send),
        )
        # Sorted in UTC: Python compares datetimes of one zone by their wall
        # clocks, which puts the two halves of a fall-back hour in the wrong
        # order. The sort is stable, so a panel keeps its order.
        key = (due is None, opens if due is None else due, RANK[kind], number)
        self.made.append((key, action, trigger, done_by))
        if (
            opens < _LOWEST
            or send > _HIGHEST
            or (due or opens) > _HIGHEST
            or (closes or opens) > _HIGHEST
        ):
            self.edges.append(action)

    def by_deadline(
        self,
        *,
        kind: ActionKind,
        trigger: dt.datetime,
        days: int,
        tz: pendulum.Timezone,
        due: dt.datetime | None = None,
        **details: Any,
    ) -> None:
        """Add an action that opens at *trigger* and is due at the close of
        business *days* business days later in *tz*; or, when *due* is given,
        due and closing then."""
        deadline = max(self.closing(self.business_day(trigger, days, tz), tz), trigger)
        self.add(
            kind=kind,
            trigger=trigger,
            opens=trigger,
            due=deadline if due is None else due,
            closes=due,
            tz=tz,
            **details,
        )
