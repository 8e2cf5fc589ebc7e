"""What the rule families share: the :class:`Planner`, its state and its steps.

A planner works out one plan in naive UTC. The rule families (thank-yous,
referees, check-ins, feedback, offers...) each read its application and policy
and add their actions through :meth:`Planner.add`, which also chooses when to
send a message.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, cast

import pendulum

from postinterview import _time
from postinterview.followup._action import Action, made
from postinterview.followup._kind import MESSAGES, RANK, ActionKind
from postinterview.followup._policy import FollowUpPolicy, place_of
from postinterview.interview import Channel, Interview, Person, RunBy
from postinterview.timeline import Application, Event, History
from postinterview.workdays import BusinessCalendar, reading
from postinterview.workdays._calendar import DAY_NAMES, MONTH_NAMES

_local_ordinal = _time.local_ordinal
_zone = _time.zone
# Instants this far from the ends of datetime's range show in every zone; the
# engine shows those nearer at once, so that plan() reports them.
_LOWEST = dt.datetime.min + dt.timedelta(days=1)  # noqa: DTZ901 - naive UTC
_HIGHEST = dt.datetime.max - dt.timedelta(days=1)  # noqa: DTZ901 - naive UTC

#: The holidays an action was moved past, as ordinals, in order.
Skipped = tuple[int, ...]
#: An action as made: its sort key, the action, the instant before which
#: events cannot retire it, the event that already did (a sent check-in), and
#: the index of the first of the application's events that can.
Made = tuple[tuple[bool, dt.datetime, int, int], Action, dt.datetime, Event | None, int]


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
        chooser = policy.calendar
        # One calendar for everyone, or each recipient's own.
        self.everyone: BusinessCalendar | None = None
        if isinstance(chooser, BusinessCalendar):
            self.everyone = chooser
        else:
            self.local_calendar = chooser.calendar_for
        self.now = now
        self.made: list[Made] = []
        self.edges: list[Action] = []
        self.events: tuple[Event, ...] = application.events

    def zone_of(self, person: Person | None, interview: Interview) -> pendulum.Timezone:
        """Return *person*'s zone, else the zone the interview was held in."""
        if person is not None and person.timezone is not None:
            return _zone(person.timezone)
        return home(interview)

    def calendar_of(
        self, person: Person | None, tz: pendulum.Timezone
    ) -> BusinessCalendar:
        """Return the calendar of *person* (``None``: the candidate's own
        tasks), whose days are read in *tz*: see
        :meth:`FollowUpPolicy.calendar_for`."""
        everyone = self.everyone
        if everyone is not None:
            return everyone
        if person is None or (person.country is None and person.subdivision is None):
            return self.local_calendar(tz.key)
        return self.local_calendar(tz.key, *place_of(person))

    def contact(self, interview: Interview) -> Person | None:
        """Return who follow-ups go to: the agency, else the first interviewer."""
        if interview.run_by is RunBy.AGENCY:
            return interview.agency_contact
        return interview.interviewers[0] if interview.interviewers else None

    def send_time(
        self,
        opens: dt.datetime,
        closes: dt.datetime | None,
        tz: pendulum.Timezone,
        calendar: BusinessCalendar,
    ) -> tuple[dt.datetime, Skipped]:
        """Return the first open moment from *opens* on, unless it is past
        *closes*; and the holidays it was moved past, from the day of *opens*
        on (that day included: a window may open on a holiday)."""
        found, local, day = calendar._open_from(opens, tz)
        if closes is not None and found > closes:
            return opens, ()
        today = local.toordinal()
        if day == today or not calendar._may_skip:
            return found, ()
        return found, calendar._skipped(today - 1, day)

    def add(
        self,
        *,
        kind: ActionKind,
        trigger: dt.datetime,
        opens: dt.datetime,
        due: dt.datetime | None,
        closes: dt.datetime | None = None,
        tz: pendulum.Timezone,
        calendar: BusinessCalendar | None = None,
        recipient: Person | None = None,
        channel: Channel | None = None,
        template: str | None = None,
        rationale: str,
        round: int,
        number: int = 1,
        send: dt.datetime | None = None,
        skipped: Skipped = (),
        done_by: Event | None = None,
        from_event: int = 0,
    ) -> None:
        """Make an action and keep it.

        Events before *trigger*, or before the application's event with index
        *from_event*, cannot retire it unless they settle the application.
        *calendar* is the one its days and hours are counted with, if any.
        *send* defaults to the first open moment in the window for a message,
        and to *opens* for the candidate's own tasks. *skipped* holds the
        holidays its days were counted past (and, with *send* given, those its
        send time was moved past): the rationale names them, with those a send
        time found here was moved past.
        """
        described = None
        if calendar is not None:
            if send is None and kind in MESSAGES:
                send, moved_past = self.send_time(opens, closes, tz, calendar)
                skipped = joined(skipped, moved_past)
            described = calendar.description
            if skipped:
                rationale = _named(rationale, calendar, skipped)
        if send is None:
            send = opens
        action = made(
            (kind, recipient, channel, template, rationale, round, number, described),
            (tz, opens, due, closes, send),
        )
        # Sorted in UTC: Python compares datetimes of one zone by their wall
        # clocks, which puts the two halves of a fall-back hour in the wrong
        # order. The sort is stable, so a panel keeps its order.
        key = (due is None, opens if due is None else due, RANK[kind], number)
        self.made.append((key, action, trigger, done_by, from_event))
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
        recipient: Person | None = None,
        due: dt.datetime | None = None,
        calendar: BusinessCalendar | None = None,
        **details: Any,
    ) -> None:
        """Add an action that opens at *trigger* and is due at the close of
        business *days* business days later in *tz*, by *calendar* (default:
        *recipient*'s); or, when *due* is given, due and closing then."""
        if calendar is None:
            calendar = self.calendar_of(recipient, tz)
        start = _local_ordinal(trigger, tz)
        day = calendar._add(start, days)
        deadline = max(reading(day, calendar.closes, tz.key), trigger)
        self.add(
            kind=kind,
            trigger=trigger,
            opens=trigger,
            due=deadline if due is None else due,
            closes=due,
            tz=tz,
            calendar=calendar,
            recipient=recipient,
            skipped=calendar._skipped(start, day)
            if due is None and calendar._may_skip
            else (),
            **details,
        )


# The most holidays a rationale names one by one; the rest are counted.
_NAMED_AT_MOST = 3


def joined(first: Skipped, second: Skipped) -> Skipped:
    """The holidays in either of *first* and *second*, in order, each once."""
    if not second or first == second:
        return first
    if not first:
        return second
    return tuple(sorted({*first, *second}))


def _named(rationale: str, calendar: BusinessCalendar, skipped: Skipped) -> str:
    """*rationale*, then a sentence naming the holidays *skipped*."""
    if calendar._yearly is not None:  # names that depend on the place alone
        return _moved_past(rationale, calendar, skipped)
    return _moved_past.__wrapped__(rationale, calendar, skipped)


@functools.lru_cache(maxsize=1 << 12)
def _moved_past(rationale: str, calendar: BusinessCalendar, skipped: Skipped) -> str:
    """*rationale*, then a sentence naming the holidays *skipped*."""
    named = []
    anonymous = 0
    for ordinal in skipped[:_NAMED_AT_MOST]:
        day = dt.date.fromordinal(ordinal)
        when = f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
        name = calendar._holiday_name(ordinal)
        if name is None:
            anonymous += 1
            named.append(f"the holiday on {when}")
        else:
            named.append(f"{name} ({when})")
    rest = len(skipped) - len(named)
    if rest:
        named.append(f"{rest} more holiday{'s' if rest > 1 else ''}")
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    yearly = calendar._yearly
    if anonymous or yearly is None:
        return f"{rationale} Moved past {listed}."
    what = "a public holiday" if len(skipped) == 1 else "public holidays"
    return f"{rationale} Moved past {listed}, {what} in {yearly.place}."
