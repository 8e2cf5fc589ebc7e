"""Property tests for the follow-up engine over generated legal histories.

Each invariant that :func:`postinterview.plan` promises is its own property,
over applications from :func:`postinterview.strategies.applications` (any
zones, instants next to DST changes, any legal history), any valid policy and
calendar, and any ``now``. A state machine walks histories event by event.
The last tests make sure :mod:`postinterview.testing` does fail, in words,
on plans and times that break the rules.

Instants are compared in UTC: two aware datetimes in the same zone compare by
wall time, which gets the order wrong across a fall-back.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from collections.abc import Iterator
from typing import cast

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from postinterview import (
    Action,
    ActionKind,
    Application,
    BusinessCalendar,
    CheckInSent,
    Event,
    FeedbackDeclined,
    FeedbackReceived,
    FeedbackRequested,
    FollowUpPolicy,
    Interview,
    LostInterest,
    NextRoundScheduled,
    NotesWritten,
    OfferAccepted,
    OfferReceived,
    Person,
    Plan,
    Rejected,
    ReplyReceived,
    Status,
    ThankYouSent,
    TimelineError,
    ValidationError,
    Withdrew,
    _time,
    plan,
)
from postinterview import strategies as pst
from postinterview.testing import (
    check_check_ins,
    check_plan,
    check_thank_you_time,
)
from postinterview.workdays import LocalCalendars
from records import lean

# The rules hold at any now: the properties plan before, among and after the
# events recorded, where plan() warns that a now before them is likely a
# mistake. The warning has its own tests (test_followup.py).
pytestmark = pytest.mark.filterwarnings(
    "ignore::postinterview.errors.ImplausibleTimeWarning"
)

POLICIES = pst.policies()
APPLICATIONS = pst.applications()
ZONES = pst.zone_names()
DAY = dt.timedelta(days=1)
Scenario = tuple[Application, FollowUpPolicy, pendulum.DateTime]


def utc(instant: dt.datetime) -> dt.datetime:
    """Return an aware datetime as naive UTC, which compares and subtracts exactly."""
    return _time.naive_utc(instant)


def last_instant(application: Application) -> dt.datetime:
    """The latest end of a round or event, as naive UTC."""
    return max(
        [utc(r.ends_at) for r in application.rounds]
        + [utc(e.at) for e in application.events]
    )


def every_action(made: Plan) -> Iterator[Action]:
    """Owed, done and lapsed actions alike."""
    yield from made.actions
    yield from (d.action for d in made.done)
    yield from made.lapsed


def local_date(instant: pendulum.DateTime) -> dt.date:
    return dt.date(instant.year, instant.month, instant.day)


# -- what the properties draw --------------------------------------------------


@st.composite
def holidays_near(draw: st.DrawFn, application: Application) -> frozenset[dt.date]:
    """Runs of holidays around the application's dates, so that they matter."""
    first = utc(application.rounds[0].starts_at).date() - dt.timedelta(days=3)
    span = (last_instant(application).date() - first).days + 90
    runs = draw(
        st.lists(st.tuples(st.integers(0, span), st.integers(1, 10)), max_size=3)
    )
    return frozenset(
        first + dt.timedelta(days=start + day)
        for start, length in runs
        for day in range(length)
    )


@st.composite
def nows(draw: st.DrawFn, application: Application) -> pendulum.DateTime:
    """An instant in any zone: around the history, at one of its instants, or
    next to a DST change of the interview's zone."""
    first = utc(application.rounds[0].starts_at) - DAY
    last = last_instant(application) + 120 * DAY
    marks = [utc(r.ends_at) for r in application.rounds]
    marks += [utc(e.at) for e in application.events]
    choice = draw(st.integers(0, 2))
    if choice == 0:
        seconds = int((last - first).total_seconds())
        naive = first + dt.timedelta(seconds=draw(st.integers(0, seconds)))
    elif choice == 1:
        naive = draw(st.sampled_from(marks)) + dt.timedelta(
            seconds=draw(st.integers(-3600, 3 * 86400))
        )
    else:
        zone = application.rounds[-1].timezone
        year = marks[-1].year
        changes = [*pst._transitions(zone, year), *pst._transitions(zone, year + 1)]
        naive = draw(st.sampled_from(marks))
        if changes:
            naive = draw(st.sampled_from(changes)).replace(tzinfo=None)
        naive += dt.timedelta(seconds=draw(st.integers(-7200, 7200)))
    return _time.from_naive_utc(naive, _time.zone(draw(ZONES)))


@st.composite
def scenarios(
    draw: st.DrawFn, applications: st.SearchStrategy[Application] = APPLICATIONS
) -> Scenario:
    """An application, a policy whose holidays fall near it, and a ``now``."""
    application = draw(applications)
    policy = draw(POLICIES)
    calendar = policy.calendar
    holidays = draw(holidays_near(application))
    # A calendar for everyone gets holidays where they matter; each
    # recipient's own have their country's.
    if holidays and isinstance(calendar, BusinessCalendar):
        extra = holidays | cast("frozenset[dt.date]", calendar.holidays)
        policy = attrs.evolve(policy, calendar=attrs.evolve(calendar, holidays=extra))
    return application, policy, draw(nows(application))


# -- 1. instants in order ------------------------------------------------------


@given(scenarios())
def test_every_action_opens_before_it_is_sent_due_or_closed(scenario: Scenario) -> None:
    application, policy, now = scenario
    for action in every_action(plan(application, policy=policy, now=now)):
        opens, send = utc(action.opens_at), utc(action.send_at)
        assert opens <= send, action
        if action.closes_at is not None:
            assert send <= utc(action.closes_at), action
        if action.due_at is not None:
            assert opens <= utc(action.due_at), action


# -- 2. thank-you windows are elapsed time -------------------------------------


@given(scenarios())
def test_thank_you_windows_are_exact_elapsed_hours(scenario: Scenario) -> None:
    application, policy, now = scenario
    made = plan(application, policy=policy, now=now)
    thanks = [a for a in every_action(made) if a.kind is ActionKind.THANK]
    for action in thanks:
        end = utc(application.rounds[action.round - 1].ends_at)
        assert action.due_at is not None
        assert action.closes_at is not None
        assert utc(action.opens_at) - end == policy.thank_you_earliest
        assert utc(action.due_at) - end == policy.thank_you_due
        assert utc(action.closes_at) - end == policy.thank_you_latest
    # One thank-you per interviewer and round, owed, done or lapsed.
    expected = sorted(
        (number, repr(person))
        for number, round_ in enumerate(application.rounds, start=1)
        for person in round_.interviewers
    )
    assert sorted((a.round, repr(a.recipient)) for a in thanks) == expected


# -- 3. business hours ---------------------------------------------------------


@given(scenarios())
def test_messages_are_sent_in_business_hours_when_the_window_has_any(
    scenario: Scenario,
) -> None:
    application, policy, now = scenario
    for action in every_action(plan(application, policy=policy, now=now)):
        if not action.kind.is_message:
            continue
        zone = _time.zone_name(action.send_at)
        assert _time.zone_name(action.opens_at) == zone
        if action.recipient is not None and action.recipient.timezone is not None:
            assert zone == action.recipient.timezone, action
        calendar = policy.calendar_for(action.recipient, zone)
        assert action.calendar == calendar.description, action
        first_open = calendar.next_open(action.opens_at, zone)
        if action.closes_at is None or utc(first_open) <= utc(action.closes_at):
            assert calendar.is_open(action.send_at, zone), action


@given(scenarios())
def test_a_message_goes_at_the_first_open_moment_of_its_window(
    scenario: Scenario,
) -> None:
    application, policy, now = scenario
    for action in every_action(plan(application, policy=policy, now=now)):
        if not action.kind.is_message:
            continue
        zone = _time.zone_name(action.send_at)
        calendar = policy.calendar_for(action.recipient, zone)
        first_open = utc(calendar.next_open(action.opens_at, zone))
        if action.closes_at is None or first_open <= utc(action.closes_at):
            assert utc(action.send_at) == first_open, action
        else:
            assert utc(action.send_at) == utc(action.opens_at), action


# -- 4. check-ins --------------------------------------------------------------


def planned_check_ins(made: Plan, number: int) -> list[Action]:
    """The check-ins a plan suggests for round *number*, owed or lapsed, in order."""
    return sorted(
        (
            a
            for a in (*made.actions, *made.lapsed)
            if a.kind is ActionKind.CHECK_IN and a.round == number
        ),
        key=lambda a: a.number,
    )


def waiting_from(
    application: Application, index: int
) -> tuple[ReplyReceived | None, tuple[Event, ...]]:
    """The reply that round *index*'s check-ins are timed from, if any, and
    the events of the application after it (after the round's end without one).

    That reply is the latest of the round's that gives a decision date,
    unless another round was arranged before it.
    """
    reply = None
    for event in application.history.after_round[index]:
        if isinstance(event, NextRoundScheduled):
            break
        if isinstance(event, ReplyReceived) and event.decision_expected_by is not None:
            reply = event
    events = application.events
    if reply is None:
        end = utc(application.rounds[index].ends_at)
        return None, tuple(e for e in events if utc(e.at) >= end)
    position = next(i for i, e in enumerate(events) if e is reply)
    return reply, events[position + 1 :]


@given(scenarios())
def test_no_check_in_before_the_decision_or_closing_date(scenario: Scenario) -> None:
    application, policy, now = scenario
    made = plan(application, policy=policy, now=now)
    for number, interview in enumerate(application.rounds, start=1):
        reply, _ = waiting_from(application, number - 1)
        decision = interview.decision_expected_by
        if reply is not None:
            decision = reply.decision_expected_by
        for action in planned_check_ins(made, number):
            day = local_date(action.send_at)
            if reply is not None:
                assert utc(action.opens_at) >= utc(reply.at), action
            if isinstance(decision, pendulum.DateTime):
                assert utc(action.send_at) >= utc(decision), action
            elif decision is not None:
                assert day >= decision, action
            if interview.closing_date is not None:
                assert day > interview.closing_date, action


@given(scenarios())
def test_never_more_check_ins_than_the_policy_allows(scenario: Scenario) -> None:
    application, policy, now = scenario
    made = plan(application, policy=policy, now=now)
    check_ins = [a for a in every_action(made) if a.kind is ActionKind.CHECK_IN]
    for number in range(1, len(application.rounds) + 1):
        numbers = sorted(a.number for a in check_ins if a.round == number)
        assert numbers == list(range(1, len(numbers) + 1))
        assert len(numbers) <= policy.check_ins_at_most


@given(scenarios())
def test_check_ins_are_spaced_by_the_policys_business_days(
    scenario: Scenario,
) -> None:
    application, policy, now = scenario
    made = plan(application, policy=policy, now=now)
    history = application.history
    for index in range(len(application.rounds)):
        planned = planned_check_ins(made, index + 1)
        if not planned:
            continue
        zone = _time.zone_name(planned[0].send_at)
        # Check-ins go to one contact, counted by their calendar.
        calendar = policy.calendar_for(planned[0].recipient, zone)
        # A reply that gave a new date starts the count again.
        reply, since = waiting_from(application, index)
        after = history.after_round[index]
        if reply is not None:
            after = tuple(e for e in after if any(e is later for later in since))
        sent = [e.at.in_timezone(zone) for e in after if isinstance(e, CheckInSent)]
        times = [*sent[-1:], *(a.send_at for a in planned)]
        for before, after in itertools.pairwise(times):
            gap = calendar.business_days_between(local_date(before), local_date(after))
            assert gap >= policy.check_in_spacing, (before, after)


@given(scenarios())
def test_no_check_in_is_owed_after_a_reply_or_a_decision(scenario: Scenario) -> None:
    application, policy, now = scenario
    made = plan(application, policy=policy, now=now)
    history = application.history
    decided = history.rejected or history.offer or history.final
    for action in made.of_kind(ActionKind.CHECK_IN):
        assert decided is None, (action, decided)
        # Waiting ends at a reply, unless a later one gave a new decision date.
        _, since = waiting_from(application, action.round - 1)
        stops = [e for e in since if isinstance(e, ReplyReceived | NextRoundScheduled)]
        assert not stops, (action, stops)


# -- 4b. a reply that moves the decision date ----------------------------------

Holding = tuple[Application, FollowUpPolicy, ReplyReceived]


def still_waiting(application: Application) -> bool:
    """Whether nothing settled *application*: no decision, still wanted."""
    history = application.history
    return (
        history.final is None
        and history.rejected is None
        and history.offer is None
        and history.lost_interest is None
    )


@st.composite
def holding_replies(draw: st.DrawFn) -> Holding:
    """An application still waiting for a decision, then a reply that gives a
    new decision date, and perhaps check-ins sent after it."""
    application = draw(pst.applications(max_events=6).filter(still_waiting))
    latest = application.rounds[-1]
    zones = [latest.timezone, *(p.timezone for p in latest.interviewers if p.timezone)]
    low = last_instant(application)
    naive = low + dt.timedelta(minutes=draw(st.integers(0, 40 * 24 * 60)))
    at = _time.from_naive_utc(naive, _time.zone(draw(st.sampled_from(zones))))
    if draw(st.booleans()):
        decision: pendulum.Date | pendulum.DateTime = at.date().add(
            days=draw(st.integers(0, 40))
        )
    else:
        decision = at.add(minutes=draw(st.integers(0, 40 * 24 * 60)))
    reply = ReplyReceived(at=at, decision_expected_by=decision)
    application = application.record(reply)
    for gap in draw(st.lists(st.integers(0, 20 * 24 * 60), max_size=3)):
        sent = application.events[-1].at.add(minutes=gap)
        application = application.record(CheckInSent(at=sent))
    return application, draw(POLICIES), reply


def after_the_reply(application: Application, reply: ReplyReceived) -> list[Event]:
    position = next(i for i, e in enumerate(application.events) if e is reply)
    return list(application.events[position + 1 :])


@settings(max_examples=lean(40))
@given(holding_replies())
def test_the_first_check_in_after_a_holding_reply_waits_for_its_date(
    holding: Holding,
) -> None:
    application, policy, reply = holding
    made = plan(application, policy=policy, now=reply.at.add(hours=1))
    check_plan(made, application, policy)
    number = len(application.rounds)
    check_ins = sorted(
        (
            a
            for a in every_action(made)
            if a.kind is ActionKind.CHECK_IN and a.round == number
        ),
        key=lambda a: a.number,
    )
    assert [a.number for a in check_ins] == list(range(1, policy.check_ins_at_most + 1))
    if not check_ins:  # a policy that allows none
        return
    first = check_ins[0]
    zone = _time.zone_name(first.send_at)
    calendar = policy.calendar_for(first.recipient, zone)
    decision = reply.decision_expected_by
    day = (
        local_date(decision.in_timezone(zone))
        if isinstance(decision, pendulum.DateTime)
        else decision
    )
    assert day is not None
    earliest = calendar.add_business_days(day, policy.check_in_after_decision)
    sent_on = local_date(first.send_at)
    assert sent_on >= earliest, (first, earliest)
    assert calendar.is_business_day(sent_on), first
    assert calendar.is_open(first.send_at, zone), first
    assert utc(first.opens_at) >= utc(reply.at), first
    assert first.rationale.startswith("Their reply gave a new decision date;")
    # Only the check-ins sent after the reply count, each for one planned.
    sent = [
        e for e in after_the_reply(application, reply) if isinstance(e, CheckInSent)
    ]
    done = {d.action.number: d.by for d in made.done if d.action in check_ins}
    expected = dict(enumerate(sent[: policy.check_ins_at_most], 1))
    assert done == expected
    # Moving on comes after them, unless as many were sent as the policy allows.
    if len(sent) < policy.check_ins_at_most:
        move_on = [
            a for a in made if a.kind is ActionKind.MOVE_ON and a.round == number
        ]
        assert len(move_on) == 1
        assert utc(move_on[0].opens_at) >= utc(check_ins[-1].send_at)
    expected_status = (
        Status.NO_RESPONSE
        if policy.check_ins_at_most and len(sent) >= policy.check_ins_at_most
        else Status.AWAITING_DECISION
    )
    if made.status in {Status.AWAITING_DECISION, Status.NO_RESPONSE}:
        assert made.status is expected_status


@settings(max_examples=lean(40))
@given(holding_replies(), st.data())
def test_a_reply_without_a_date_after_a_holding_reply_stops_the_check_ins(
    holding: Holding, data: st.DataObject
) -> None:
    application, policy, _ = holding
    last = application.events[-1].at
    answer = ReplyReceived(
        at=last.add(minutes=data.draw(st.integers(0, 30 * 24 * 60))), note="no news"
    )
    answered = application.record(answer)
    made = plan(answered, policy=policy, now=answer.at)
    check_plan(made, answered, policy)
    number = len(answered.rounds)
    owed = [
        a
        for a in made
        if a.round == number and a.kind in {ActionKind.CHECK_IN, ActionKind.MOVE_ON}
    ]
    assert not owed
    assert any(d.by is answer for d in made.done)


# -- 5. determinism and zone invariance ----------------------------------------


def instants_of(made: Plan) -> list[tuple[object, ...]]:
    """Every action with its instants as (naive UTC, zone name) pairs."""

    def pair(instant: pendulum.DateTime | None) -> object:
        return None if instant is None else (utc(instant), _time.zone_name(instant))

    return [
        (
            action.key,
            pair(action.opens_at),
            pair(action.due_at),
            pair(action.closes_at),
            pair(action.send_at),
        )
        for action in every_action(made)
    ]


@given(scenarios())
def test_the_same_arguments_give_the_same_plan(scenario: Scenario) -> None:
    application, policy, now = scenario
    first = plan(application, policy=policy, now=now)
    second = plan(application, policy=policy, now=now)
    assert first == second
    assert instants_of(first) == instants_of(second)
    assert utc(first.now) == utc(second.now)


def moved(instant: pendulum.DateTime, zone: str) -> pendulum.DateTime:
    return _time.from_naive_utc(utc(instant), _time.zone(zone))


@given(scenarios(), st.data())
def test_event_instants_in_other_zones_give_the_same_plan(
    scenario: Scenario, data: st.DataObject
) -> None:
    application, policy, now = scenario
    events = []
    for event in application.events:
        at = moved(event.at, data.draw(ZONES))
        if (
            isinstance(event, ReplyReceived)
            and type(event.decision_expected_by) is pendulum.Date
            and at.date() > event.decision_expected_by
        ):
            at = event.at  # a date given that day, which is later elsewhere
        shown = attrs.evolve(event, at=at)
        if isinstance(shown, ReplyReceived) and isinstance(
            shown.decision_expected_by, pendulum.DateTime
        ):
            shown = attrs.evolve(
                shown,
                decision_expected_by=moved(
                    shown.decision_expected_by, data.draw(ZONES)
                ),
            )
        if isinstance(shown, OfferReceived) and shown.respond_by is not None:
            shown = attrs.evolve(
                shown, respond_by=moved(shown.respond_by, data.draw(ZONES))
            )
        events.append(shown)
    elsewhere = Application(interviews=application.interviews, events=events)
    other_now = moved(now, data.draw(ZONES))
    first = plan(application, policy=policy, now=now)
    second = plan(elsewhere, policy=policy, now=other_now)
    assert instants_of(first) == instants_of(second)
    assert [(a.key, a.rationale) for a in first] == [
        (a.key, a.rationale) for a in second
    ]
    assert first.status is second.status


# -- 6. monotonicity -----------------------------------------------------------


def revived(before: Plan, after: Plan, application: Application) -> list[Action]:
    """The actions retired in *before* and owed again in *after*, which
    records one more event than *before* in *application*.

    A reply that gives a new decision date starts its round's waiting again:
    the check-ins and moving on of that round may come back.
    """
    retired = {d.action.key for d in before.done}
    event = application.events[-1]
    restarted = None
    if isinstance(event, ReplyReceived) and event.decision_expected_by is not None:
        after_round = application.history.after_round
        restarted = next(
            i + 1 for i, events in enumerate(after_round) if event in events
        )
    return [
        a
        for a in after
        if a.key in retired
        and not (
            a.round == restarted and a.kind in {ActionKind.CHECK_IN, ActionKind.MOVE_ON}
        )
    ]


@given(scenarios())
def test_recording_an_event_never_revives_a_retired_action(scenario: Scenario) -> None:
    application, policy, now = scenario
    before = plan(
        Application(interviews=application.interviews), policy=policy, now=now
    )
    for count in range(1, len(application.events) + 1):
        prefix = Application(
            interviews=application.interviews, events=application.events[:count]
        )
        after = plan(prefix, policy=policy, now=now)
        back = revived(before, after, prefix)
        assert not back, (application.events[count - 1], back)
        before = after


# -- actions make their instants when read ------------------------------------

INSTANTS = ("opens_at", "due_at", "closes_at", "send_at")


def exactly(instant: dt.datetime) -> tuple[object, ...]:
    """Everything that tells two shown instants apart, fold and zone included."""
    return (
        type(instant),
        instant.year,
        instant.month,
        instant.day,
        instant.hour,
        instant.minute,
        instant.second,
        instant.microsecond,
        instant.fold,
        instant.utcoffset(),
        str(instant.tzinfo),
    )


@given(scenarios())
def test_instants_read_from_an_action_are_the_instants_planned(
    scenario: Scenario,
) -> None:
    application, policy, now = scenario
    for action in every_action(plan(application, policy=policy, now=now)):
        # The planned values: the recipient's zone and the instants in UTC.
        tz, *planned = action._at
        for name, naive in zip(INSTANTS, planned, strict=True):
            read = getattr(action, name)
            if naive is None:
                assert read is None
                continue
            assert exactly(read) == exactly(_time.from_naive_utc(naive, tz))
            # The same, by the standard library's own conversion.
            stdlib = naive.replace(tzinfo=dt.UTC).astimezone(zoneinfo.ZoneInfo(tz.key))
            assert exactly(read)[1:-1] == exactly(stdlib)[1:-1]
            assert str(read.tzinfo) == tz.key
            assert getattr(action, name) is read  # made once
        assert changed(action) == action
        assert hash(changed(action)) == hash(action)


# -- check_plan itself ---------------------------------------------------------


@given(scenarios())
def test_check_plan_passes_for_every_generated_plan(scenario: Scenario) -> None:
    application, policy, now = scenario
    check_plan(plan(application, policy=policy, now=now), application, policy)


@given(scenarios(pst.applications(max_events=0)))
def test_check_plan_passes_straight_after_an_interview(scenario: Scenario) -> None:
    application, policy, now = scenario
    check_plan(plan(application, policy=policy, now=now), application, policy)


# -- the strategies draw rich, legal histories ---------------------------------


@given(APPLICATIONS, st.data())
def test_next_events_are_always_accepted(
    application: Application, data: st.DataObject
) -> None:
    if application.history.final is not None:
        assert pst.next_events(application).is_empty
        return
    event = data.draw(pst.next_events(application))
    longer = application.record(event)
    assert longer.events[-1] == event


def test_generated_histories_are_rich() -> None:
    seen: dict[str, int] = {}

    @settings(max_examples=400, database=None, derandomize=True)
    @given(APPLICATIONS)
    def collect(application: Application) -> None:
        for event in application.events:
            name = type(event).__name__
            seen[name] = seen.get(name, 0) + 1
            if isinstance(event, ReplyReceived) and event.decision_expected_by:
                seen["a reply with a decision date"] = (
                    seen.get("a reply with a decision date", 0) + 1
                )
        if len(application.rounds) > 1:
            seen["more rounds"] = seen.get("more rounds", 0) + 1

    collect()
    for name in (
        "NotesWritten",
        "ThankYouSent",
        "CheckInSent",
        "Rejected",
        "FeedbackRequested",
        "FeedbackReceived",
        "OfferReceived",
        "NextRoundScheduled",
        "more rounds",
        "a reply with a decision date",
    ):
        assert seen.get(name, 0) >= 10, (name, seen)


@pytest.mark.parametrize(
    "record", [BusinessCalendar, LocalCalendars, FollowUpPolicy, Application]
)
def test_from_type_draws_calendars_policies_and_applications(record: type) -> None:
    @settings(max_examples=10, database=None)
    @given(st.from_type(record))
    def check(value: object) -> None:
        assert isinstance(value, record)

    check()


def test_calendars_cover_other_weekends_and_hours_in_dst_gaps() -> None:
    seen: set[object] = set()
    friday_saturday = frozenset({pendulum.WeekDay.FRIDAY, pendulum.WeekDay.SATURDAY})

    @settings(max_examples=300, database=None, derandomize=True)
    @given(pst.calendars())
    def collect(calendar: BusinessCalendar) -> None:
        if calendar.weekend == friday_saturday:
            seen.add("Friday-Saturday")
        if calendar.opens < dt.time(3):  # when clocks change in most zones
            seen.add("small hours")
        if isinstance(calendar.holidays, frozenset) and calendar.holidays:
            seen.add("holidays")

    collect()
    assert seen == {"Friday-Saturday", "small hours", "holidays"}


@given(pst.applications(max_events=3, max_rounds=1, timezones=["Asia/Kolkata"]))
def test_applications_keep_to_their_bounds(application: Application) -> None:
    assert len(application.events) <= 3
    assert len(application.rounds) == 1
    assert application.rounds[0].timezone == "Asia/Kolkata"
    for event in application.events:
        assert _time.zone_name(event.at) == "Asia/Kolkata"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: pst.calendars(
                min_value=dt.date(2030, 1, 1), max_value=dt.date(2029, 1, 1)
            ),
            "is after",
        ),
        (
            lambda: pst.calendars(min_value=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)),
            "must be a date",
        ),
        (
            lambda: pst.policies(calendar="weekdays"),  # type: ignore[arg-type]
            "must be a BusinessCalendar or LocalCalendars",
        ),
        (lambda: pst.applications(max_events=-1), "max_events"),
        (lambda: pst.applications(max_rounds=0), "max_rounds"),
        (lambda: pst.applications(timezones=[]), "at least one zone"),
        (
            lambda: pst.next_events("an application"),  # type: ignore[arg-type]
            "must be an Application",
        ),
        (lambda: pst.events(timezones=["Mars/Olympus_Mons"]), "not an IANA zone"),
    ],
)
def test_the_new_strategies_refuse_bad_arguments_when_called(
    make: object, message: str
) -> None:
    with pytest.raises(InvalidArgument, match=message):
        make()  # type: ignore[operator]


def test_next_events_is_empty_once_the_application_is_closed() -> None:
    closed = Application.from_interview(friday_interview()).record(
        Withdrew(at=LONDON_END.add(days=1))
    )
    assert pst.next_events(closed).is_empty


# -- 7. walking histories one event at a time ----------------------------------


STRANGER = Person(name="Someone who was never there")


class Histories(RuleBasedStateMachine):
    """Record legal events one by one; try illegal ones between them."""

    application: Application
    policy: FollowUpPolicy

    @initialize(interview=pst.interviews(), policy=POLICIES)
    def start(self, interview: Interview, policy: FollowUpPolicy) -> None:
        self.application = Application.from_interview(interview)
        self.policy = policy

    def now(self) -> pendulum.DateTime:
        return _time.from_naive_utc(
            last_instant(self.application) + dt.timedelta(hours=1),
            _time.zone("UTC"),
        )

    @precondition(lambda self: self.application.history.final is None)
    @rule(data=st.data())
    def record_a_legal_event(self, data: st.DataObject) -> None:
        now = data.draw(nows(self.application))
        before = plan(self.application, policy=self.policy, now=now)
        event = data.draw(pst.next_events(self.application))
        self.application = self.application.record(event)
        after = plan(self.application, policy=self.policy, now=now)
        check_plan(after, self.application, self.policy)
        assert not revived(before, after, self.application)

    @rule(data=st.data())
    def refuse_an_illegal_event(self, data: st.DataObject) -> None:
        application = self.application
        events, rounds = application.events, application.rounds
        wrong = data.draw(st.sampled_from(illegal_events(application)))
        with pytest.raises(TimelineError):
            application.record(wrong)
        assert self.application is application
        assert self.application.events is events
        assert self.application.rounds == rounds
        assert self.application == Application(
            interviews=application.interviews, events=events
        )

    @rule(data=st.data())
    def try_any_event(self, data: st.DataObject) -> None:
        application = self.application
        low = application.rounds[0].starts_at.subtract(days=2)
        high = pendulum.instance(last_instant(application) + 60 * DAY, tz="UTC")
        event = data.draw(pst.events(min_value=low, max_value=high))
        try:
            self.application = application.record(event)
        except TimelineError:
            assert self.application == application
            assert self.application.events == application.events

    @invariant()
    def the_plan_keeps_every_rule(self) -> None:
        check_plan(
            plan(self.application, policy=self.policy, now=self.now()),
            self.application,
            self.policy,
        )


def illegal_events(application: Application) -> list[Event]:
    """Events that *application* must refuse, whatever its history."""
    history = application.history
    first = application.rounds[0]
    last = last_instant(application)
    later = _time.from_naive_utc(last + dt.timedelta(hours=1), _time.zone("UTC"))
    if history.final is not None:
        return [NotesWritten(at=later), Withdrew(at=later)]
    wrong: list[Event] = [ThankYouSent(at=later, to=STRANGER)]
    if application.events:
        earlier = _time.from_naive_utc(
            utc(application.events[-1].at) - dt.timedelta(seconds=1),
            _time.zone("UTC"),
        )
        wrong += [NotesWritten(at=earlier), Withdrew(at=earlier)]
    else:
        wrong.append(NotesWritten(at=first.starts_at.add(minutes=5)))
    if history.offer is None:
        wrong.append(OfferAccepted(at=later))
    if history.rejected is not None:
        wrong += [
            OfferReceived(at=later),
            Rejected(at=later),
            CheckInSent(at=later),
            OfferAccepted(at=later),
        ]
    if history.offer is not None:
        wrong.append(CheckInSent(at=later))
    asked = any(isinstance(e, FeedbackRequested) for e in application.events)
    if not asked:
        wrong.append(FeedbackDeclined(at=later))
        if history.rejected is None or not history.rejected.feedback_offered:
            wrong.append(FeedbackReceived(at=later))
    # A new round that starts before it was arranged.
    too_soon = Interview(
        organisation="Acme Ltd",
        role="Analyst",
        starts_at=later.subtract(minutes=30),
        ends_at=later.add(minutes=30),
    )
    wrong.append(NextRoundScheduled(at=later, interview=too_soon))
    return wrong


TestHistories = Histories.TestCase
# One bug at a time: shrinking a history is slow.
TestHistories.settings = settings(
    max_examples=30, stateful_step_count=12, report_multiple_bugs=False
)


# -- the checks fail, in words, when a rule is broken --------------------------


LONDON_END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")  # a Friday
PRIYA = Person(name="Priya Shah", email="priya@acme.example")


def friday_interview(**changes: object) -> Interview:
    fields: dict[str, object] = {
        "organisation": "Acme Ltd",
        "role": "Data Engineer",
        "starts_at": LONDON_END.subtract(hours=1),
        "ends_at": LONDON_END,
        "interviewers": (PRIYA,),
    }
    fields.update(changes)
    return Interview(**fields)  # type: ignore[arg-type]


def friday_plan() -> tuple[Application, Plan]:
    application = Application.from_interview(friday_interview())
    return application, plan(application, now=LONDON_END.add(minutes=5))


def changed(action: Action, **changes: object) -> Action:
    """A copy of *action* with *changes*, made with the public constructor."""
    fields: dict[str, object] = {
        name: getattr(action, name)
        for name in (
            "kind",
            "recipient",
            "channel",
            "opens_at",
            "due_at",
            "closes_at",
            "send_at",
            "template",
            "rationale",
            "round",
            "number",
            "calendar",
        )
    }
    return Action(**{**fields, **changes})  # type: ignore[arg-type]


def with_action(made: Plan, old: Action, new: Action) -> Plan:
    return attrs.evolve(
        made, actions=tuple(new if a is old else a for a in made.actions)
    )


def test_check_plan_passes_the_friday_plan() -> None:
    application, made = friday_plan()
    check_plan(made, application)


ENDED = "after the interview ended (2026-11-20 15:30:00+00:00)"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda a: {"send_at": a.opens_at.subtract(minutes=5)},
            "THANK to Priya Shah (round 1) is sent before it opens",
        ),
        (
            lambda a: {"send_at": a.closes_at.add(minutes=5)},
            "THANK to Priya Shah (round 1) is sent after it closes",
        ),
        (
            lambda a: {"due_at": a.opens_at.subtract(minutes=5)},
            "THANK to Priya Shah (round 1) is due before it opens",
        ),
        (
            lambda a: {"due_at": a.due_at.add(hours=1)},
            "THANK to Priya Shah (round 1) is due at 2026-11-21 16:30:00+00:00, "
            f"not 1 day, 0:00:00 {ENDED}",
        ),
        (
            lambda a: {"closes_at": a.closes_at.subtract(seconds=1)},
            "THANK to Priya Shah (round 1) closes at 2026-11-22 15:29:59+00:00, "
            f"not 2 days, 0:00:00 {ENDED}",
        ),
        (
            # 02:30 on Saturday in London, though Monday 09:00 is in the window.
            lambda a: {"send_at": a.opens_at.add(hours=10)},
            "THANK to Priya Shah (round 1) is sent at 2026-11-21 02:30:00+00:00, "
            "outside business hours in Europe/London (GB public holidays, "
            "Saturday–Sunday weekend), though its window has business hours",
        ),
        (
            lambda a: {"calendar": "no public holidays, Saturday–Sunday weekend"},
            "THANK to Priya Shah (round 1) says it was counted with 'no public "
            "holidays, Saturday–Sunday weekend', but the recipient's calendar is "
            "'GB public holidays, Saturday–Sunday weekend'",
        ),
    ],
)
def test_check_plan_names_a_broken_thank_you(change: object, message: str) -> None:
    application, made = friday_plan()
    check_plan(made, application)
    thank = made.of_kind(ActionKind.THANK)[0]
    broken = changed(thank, **change(thank))  # type: ignore[operator]
    with pytest.raises(AssertionError) as caught:
        check_plan(with_action(made, thank, broken), application)
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{len(lines) - 1} follow-up rule(s) broken:"
    assert f"- {message}" in lines


def test_check_plan_names_an_action_both_owed_and_done() -> None:
    application = Application.from_interview(friday_interview())
    application = application.record(NotesWritten(at=LONDON_END.add(minutes=10)))
    made = plan(application, now=LONDON_END.add(minutes=20))
    reflect = made.done[0].action
    assert reflect.kind is ActionKind.REFLECT
    bad = attrs.evolve(made, actions=(reflect, *made.actions))
    with pytest.raises(AssertionError, match="REFLECT \\(round 1\\) is both owed"):
        check_plan(bad, application)


def test_check_plan_names_a_duplicate_and_a_plan_out_of_order() -> None:
    application, made = friday_plan()
    bad = attrs.evolve(made, actions=(*reversed(made.actions), made.actions[0]))
    with pytest.raises(AssertionError) as caught:
        check_plan(bad, application)
    text = str(caught.value)
    assert "- the actions are not ordered by due time and then kind" in text
    assert "- an action is listed twice" in text


def test_check_plan_names_a_check_in_still_owed_after_a_reply() -> None:
    application = Application.from_interview(friday_interview())
    reply = ReplyReceived(at=LONDON_END.add(days=1))
    replied = application.record(reply)
    now = LONDON_END.add(days=2)
    owed = plan(application, now=now).of_kind(ActionKind.CHECK_IN)
    made = plan(replied, now=now)
    assert not made.of_kind(ActionKind.CHECK_IN)
    bad = attrs.evolve(made, actions=(*made.actions, *owed))
    with pytest.raises(
        AssertionError, match="round 1 still owes a check-in after ReplyReceived"
    ):
        check_plan(bad, replied)


def test_check_plan_lists_every_broken_rule_at_once() -> None:
    application, made = friday_plan()
    thank = made.of_kind(ActionKind.THANK)[0]
    broken = changed(
        thank,
        send_at=thank.opens_at.subtract(minutes=5),
        due_at=thank.opens_at.subtract(minutes=10),
    )
    with pytest.raises(AssertionError) as caught:
        check_plan(with_action(made, thank, broken), application)
    lines = str(caught.value).splitlines()
    assert lines[0].endswith("follow-up rule(s) broken:")
    assert int(lines[0].split()[0]) == len(lines) - 1 >= 3


def test_check_thank_you_time_accepts_the_window_across_a_dst_change() -> None:
    # The clocks in London go forward on Sunday 29 March 2026.
    end = pendulum.datetime(2026, 3, 28, 15, 0, tz="Europe/London")
    check_thank_you_time(end, end.add(hours=1))
    check_thank_you_time(end, end.add(hours=48))
    # 48 elapsed hours read 16:00 on the Monday, an hour more on the clock.
    check_thank_you_time(end, end.add(hours=48).in_timezone("Asia/Tokyo"))


@pytest.mark.parametrize(
    ("sent", "message"),
    [
        (
            LONDON_END.add(minutes=59),
            "a thank-you sent 0:59:00 after the end is too early: wait at least "
            "1:00:00",
        ),
        (
            LONDON_END.add(hours=48, seconds=1),
            "a thank-you sent 48:00:01 after the end is too late: send it within "
            "48:00:00",
        ),
        (
            LONDON_END.subtract(hours=1),
            "a thank-you sent 1:00:00 before the end is too early: wait at least "
            "1:00:00",
        ),
    ],
)
def test_check_thank_you_time_says_what_is_wrong(
    sent: pendulum.DateTime, message: str
) -> None:
    with pytest.raises(AssertionError) as caught:
        check_thank_you_time(LONDON_END, sent)
    assert str(caught.value) == f"1 follow-up rule(s) broken:\n- {message}"


def test_check_thank_you_time_counts_elapsed_time_across_a_dst_change() -> None:
    # 48 hours after 15:00 on Saturday 28 March 2026 in London is 16:00 BST on
    # the Monday: 17:00 on the clock is an hour too late.
    end = pendulum.datetime(2026, 3, 28, 15, 0, tz="Europe/London")
    late = pendulum.datetime(2026, 3, 30, 16, 0, 1, tz="Europe/London")
    with pytest.raises(AssertionError, match="too late"):
        check_thank_you_time(end, late)


def test_check_thank_you_time_follows_the_policy() -> None:
    policy = FollowUpPolicy(thank_you_latest=dt.timedelta(hours=72))
    check_thank_you_time(LONDON_END, LONDON_END.add(hours=71), policy=policy)
    with pytest.raises(AssertionError, match="within 72:00:00"):
        check_thank_you_time(LONDON_END, LONDON_END.add(hours=73), policy=policy)


def london(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0
) -> pendulum.DateTime:
    return pendulum.datetime(year, month, day, hour, minute, tz="Europe/London")


def test_check_check_ins_accepts_the_rules() -> None:
    interview = friday_interview(decision_expected_by=pendulum.date(2026, 11, 27))
    check_check_ins(interview, [london(2026, 12, 1, 10), london(2026, 12, 8, 10)])
    check_check_ins(interview, [])


@pytest.mark.parametrize(
    ("changes", "times", "message"),
    [
        (
            {"decision_expected_by": pendulum.date(2026, 11, 27)},
            [london(2026, 12, 1, 10), london(2026, 12, 8, 10), london(2026, 12, 15)],
            "3 check-ins were sent; the policy allows at most 2",
        ),
        (
            {"decision_expected_by": pendulum.date(2026, 11, 27)},
            [london(2026, 11, 27, 16)],
            "the first check-in \\(2026-11-27\\) is not after the decision date "
            "\\(2026-11-27\\)",
        ),
        (
            {"closing_date": pendulum.date(2026, 12, 4)},
            [london(2026, 12, 4, 10)],
            "the first check-in \\(2026-12-04\\) is not after the closing date",
        ),
        (
            {},
            [london(2026, 11, 25, 10)],
            "with no decision date, the first check-in \\(2026-11-25\\) comes before "
            "2026-12-01, 7 business days after the interview",
        ),
        (
            {"decision_expected_by": pendulum.date(2026, 11, 27)},
            [london(2026, 12, 1, 10), london(2026, 12, 4, 10)],
            "check-ins on 2026-12-01 and 2026-12-04 are 3 business day\\(s\\) apart; "
            "the policy wants at least 5",
        ),
    ],
)
def test_check_check_ins_says_what_is_wrong(
    changes: dict[str, object], times: list[pendulum.DateTime], message: str
) -> None:
    with pytest.raises(AssertionError, match=message):
        check_check_ins(friday_interview(**changes), times)


def test_check_check_ins_reads_dates_in_the_zone_given() -> None:
    # 23:30 on the decision date in London is already the next day in Tokyo.
    interview = friday_interview(
        decision_expected_by=pendulum.date(2026, 11, 27), interviewers=()
    )
    late_evening = london(2026, 11, 27, 23, 30)
    with pytest.raises(AssertionError, match="not after the decision date"):
        check_check_ins(interview, [late_evening])
    check_check_ins(interview, [late_evening], zone="Asia/Tokyo")


def test_check_check_ins_reads_a_holding_reply() -> None:
    interview = friday_interview(decision_expected_by=pendulum.date(2026, 11, 27))
    reply = ReplyReceived(
        at=london(2026, 11, 26, 11), decision_expected_by=pendulum.date(2026, 12, 4)
    )
    check_check_ins(
        interview, [london(2026, 12, 8, 10), london(2026, 12, 15, 10)], reply=reply
    )
    with pytest.raises(AssertionError) as caught:
        check_check_ins(interview, [london(2026, 12, 1, 10)], reply=reply)
    assert str(caught.value) == (
        "1 follow-up rule(s) broken:\n- the first check-in (2026-12-01) is not "
        "after the decision date their reply gave (2026-12-04)"
    )
    # Its day may be the date it gives, and the next day comes first east of
    # London: a check-in may be after that date and still before the reply.
    same_day = ReplyReceived(
        at=london(2026, 12, 4, 16), decision_expected_by=pendulum.date(2026, 12, 4)
    )
    kiritimati = pendulum.datetime(2026, 12, 5, 5, tz="Pacific/Kiritimati")
    with pytest.raises(AssertionError) as caught:
        check_check_ins(
            interview, [kiritimati], reply=same_day, zone="Pacific/Kiritimati"
        )
    assert str(caught.value) == (
        "1 follow-up rule(s) broken:\n- the first check-in (2026-12-05 "
        "05:00:00+14:00) comes before the reply that gave the new decision date "
        "(2026-12-04 16:00:00+00:00)"
    )


@pytest.mark.parametrize(
    "reply", [ReplyReceived(at=LONDON_END.add(days=1)), "4 December", LONDON_END]
)
def test_check_check_ins_wants_a_reply_with_a_date(reply: object) -> None:
    with pytest.raises(ValidationError, match="reply: expected a ReplyReceived with"):
        check_check_ins(friday_interview(), [], reply=reply)  # type: ignore[arg-type]


def test_check_plan_names_a_check_in_owed_after_the_reply_that_ended_waiting() -> None:
    holding = ReplyReceived(
        at=LONDON_END.add(days=6), decision_expected_by=pendulum.date(2026, 12, 4)
    )
    application = Application.from_interview(friday_interview()).record(holding)
    now = LONDON_END.add(days=7)
    owed = plan(application, now=now).of_kind(ActionKind.CHECK_IN)
    assert owed
    check_plan(plan(application, now=now), application)
    ended = application.record(ReplyReceived(at=LONDON_END.add(days=7)))
    made = plan(ended, now=now)
    assert not made.of_kind(ActionKind.CHECK_IN)
    bad = attrs.evolve(made, actions=(*made.actions, *owed))
    with pytest.raises(
        AssertionError, match="round 1 still owes a check-in after ReplyReceived"
    ):
        check_plan(bad, ended)


# -- instants next to a fall-back, written out ---------------------------------


def test_events_across_a_fall_back_are_in_time_order() -> None:
    # In New York 01:00-02:00 happens twice on 2026-11-01. NotesWritten at
    # 01:50 EDT comes twenty minutes before a thank-you at 01:10 EST.
    first = pendulum.datetime(2026, 11, 1, 1, 50, tz="America/New_York", fold=0)
    second = first.add(minutes=20)
    assert (second.hour, second.minute, second.fold) == (1, 10, 1)
    interview = friday_interview(
        starts_at=first.subtract(hours=3), ends_at=first.subtract(hours=2)
    )
    application = Application.from_interview(interview)
    application = application.record(NotesWritten(at=first))
    application = application.record(ThankYouSent(at=second, to=PRIYA))
    assert len(application.events) == 2


def test_an_event_twenty_minutes_earlier_across_a_fall_back_is_refused() -> None:
    first = pendulum.datetime(2026, 11, 1, 1, 10, tz="America/New_York", fold=1)
    earlier = pendulum.datetime(2026, 11, 1, 1, 50, tz="America/New_York", fold=0)
    assert utc(earlier) < utc(first)
    interview = friday_interview(
        starts_at=first.subtract(hours=4), ends_at=first.subtract(hours=3)
    )
    application = Application.from_interview(interview).record(NotesWritten(at=first))
    with pytest.raises(TimelineError, match="time order"):
        application.record(LostInterest(at=earlier, reason="found another job"))


def test_plan_orders_and_flags_actions_by_instant_across_a_fall_back() -> None:
    # The interview ends at 01:40 EDT; notes are due at 01:55 EDT and the
    # contact details at 01:40 EST, an hour after the end but earlier by the
    # clock. At 01:50 EST both are overdue.
    end = pendulum.datetime(2026, 11, 1, 1, 40, tz="America/New_York", fold=0)
    interview = friday_interview(
        starts_at=end.subtract(hours=1),
        ends_at=end,
        interviewers=(Person(name="Sam Lee"),),
    )
    application = Application.from_interview(interview)
    now = pendulum.datetime(2026, 11, 1, 1, 50, tz="America/New_York", fold=1)
    made = plan(application, now=now)
    assert [a.kind for a in made][:2] == [
        ActionKind.REFLECT,
        ActionKind.GET_CONTACT_DETAILS,
    ]
    dues = [utc(a.due_at) for a in made if a.due_at is not None]
    assert dues == sorted(dues)
    assert [a.kind for a in made.overdue()] == [
        ActionKind.REFLECT,
        ActionKind.GET_CONTACT_DETAILS,
    ]
    check_plan(made, application)


def test_check_plan_reads_instants_not_clocks_across_a_fall_back() -> None:
    # With a 30-minute wait the thank-you opens at 01:20 EST, after the end at
    # 01:50 EDT though the clock reads earlier.
    end = pendulum.datetime(2026, 11, 1, 1, 50, tz="America/New_York", fold=0)
    interview = friday_interview(
        starts_at=end.subtract(hours=1),
        ends_at=end,
        interviewers=(Person(name="Sam Lee"),),
    )
    application = Application.from_interview(interview)
    policy = FollowUpPolicy(thank_you_earliest=dt.timedelta(minutes=30))
    made = plan(application, policy=policy, now=end)
    contact = made.of_kind(ActionKind.GET_CONTACT_DETAILS)[0]
    assert contact.due_at is not None
    assert contact.due_at.hour == 1
    assert contact.due_at.minute == 20
    check_plan(made, application, policy)


# -- bugs the properties found, as examples ----------------------------------


def test_a_withdrawal_before_the_interview_ends_leaves_only_the_search() -> None:
    # Found by test_no_check_in_is_owed_after_a_reply_or_a_decision.
    application = Application.from_interview(friday_interview()).record(
        Withdrew(at=LONDON_END.subtract(days=1))
    )
    made = plan(application, now=LONDON_END.add(hours=1))
    assert [a.kind for a in made] == [ActionKind.KEEP_SEARCHING]


def test_a_rejection_before_a_scheduled_round_stops_its_check_ins() -> None:
    # Found by test_no_check_in_is_owed_after_a_reply_or_a_decision.
    second = friday_interview(
        starts_at=LONDON_END.add(days=7), ends_at=LONDON_END.add(days=7, hours=1)
    )
    application = (
        Application.from_interview(friday_interview())
        .record(NextRoundScheduled(at=LONDON_END.add(days=1), interview=second))
        .record(Rejected(at=LONDON_END.add(days=3)))
    )
    made = plan(application, now=LONDON_END.add(days=30))
    assert not made.of_kind(ActionKind.CHECK_IN)
    assert not made.of_kind(ActionKind.MOVE_ON)


def test_check_ins_are_spaced_from_the_day_the_first_is_sent() -> None:
    # Found by test_check_plan_passes_for_every_generated_plan. The interview
    # ends after hours on a Friday and the first check-in is due that day, so
    # it goes on Monday; the second must then wait until the next Monday.
    end = london(2026, 11, 20, 18, 30)
    application = Application.from_interview(
        friday_interview(starts_at=end.subtract(hours=1), ends_at=end)
    )
    policy = FollowUpPolicy(check_in_without_date=0)
    made = plan(application, policy=policy, now=end)
    first, second = made.of_kind(ActionKind.CHECK_IN)
    assert local_date(first.send_at) == dt.date(2026, 11, 23)
    assert local_date(second.send_at) == dt.date(2026, 11, 30)
    check_plan(made, application, policy)


def test_a_check_in_sent_early_does_not_pull_the_next_before_the_decision() -> None:
    # Found by test_no_check_in_before_the_decision_or_closing_date (thorough
    # profile). The candidate checked in on Monday although the decision is
    # due on Friday 4 December; the next check-in must still wait for it.
    decision = pendulum.date(2026, 12, 4)
    application = Application.from_interview(
        friday_interview(decision_expected_by=decision)
    ).record(CheckInSent(at=london(2026, 11, 23, 10)))
    made = plan(application, now=london(2026, 11, 23, 11))
    (second,) = made.of_kind(ActionKind.CHECK_IN)
    assert second.number == 2
    assert local_date(second.send_at) > decision


def test_a_policy_cannot_check_in_on_the_decision_date_itself() -> None:
    # Found by test_check_plan_passes_straight_after_an_interview: with no
    # grace days the plan checked in on the decision date itself, which
    # check_plan calls "not after the decision date". The rule is to wait
    # until the stated date has passed, so such a policy is refused.
    with pytest.raises(ValidationError, match="check_in_after_decision"):
        FollowUpPolicy(check_in_after_decision=0)
    interview = friday_interview(decision_expected_by=pendulum.date(2026, 11, 27))
    application = Application.from_interview(interview)
    policy = FollowUpPolicy(check_in_after_decision=1)
    made = plan(application, policy=policy, now=LONDON_END)
    first = made.of_kind(ActionKind.CHECK_IN)[0]
    assert local_date(first.send_at) == dt.date(2026, 11, 30)
    check_plan(made, application, policy)


def feedback_application(*events: Event) -> Application:
    application = Application.from_interview(friday_interview()).record(
        Rejected(at=LONDON_END.add(days=1), by=PRIYA)
    )
    for event in events:
        application = application.record(event)
    return application


def test_two_declined_feedback_requests_do_not_list_one_action_twice() -> None:
    # Found by test_check_plan_passes_for_every_generated_plan.
    application = feedback_application(
        FeedbackRequested(at=LONDON_END.add(days=2), to=PRIYA),
        FeedbackDeclined(at=LONDON_END.add(days=3)),
        FeedbackDeclined(at=LONDON_END.add(days=4)),
    )
    made = plan(application, now=LONDON_END.add(days=5))
    keys = [a.key for a in made]
    assert len(keys) == len(set(keys))
    check_plan(made, application)


def test_thanks_for_second_feedback_is_a_new_action() -> None:
    # Found by test_recording_an_event_never_revives_a_retired_action.
    application = feedback_application(
        FeedbackRequested(at=LONDON_END.add(days=2), to=PRIYA),
        FeedbackReceived(at=LONDON_END.add(days=3), by=PRIYA),
        ThankYouSent(at=LONDON_END.add(days=4), to=PRIYA),
    )
    now = LONDON_END.add(days=6)
    before = plan(application, now=now)
    after = plan(
        application.record(FeedbackReceived(at=LONDON_END.add(days=5), by=PRIYA)),
        now=now,
    )
    retired = {d.action.key for d in before.done}
    assert not [a for a in after if a.key in retired]


def test_thanks_for_a_second_offer_is_a_new_action() -> None:
    # Found by test_recording_an_event_never_revives_a_retired_action.
    application = (
        Application.from_interview(friday_interview())
        .record(OfferReceived(at=LONDON_END.add(days=1), by=PRIYA))
        .record(ThankYouSent(at=LONDON_END.add(days=2), to=PRIYA))
    )
    now = LONDON_END.add(days=4)
    before = plan(application, now=now)
    assert ActionKind.THANK_FOR_OFFER in {d.action.kind for d in before.done}
    after = plan(
        application.record(OfferReceived(at=LONDON_END.add(days=3), by=PRIYA)),
        now=now,
    )
    retired = {d.action.key for d in before.done}
    assert not [a for a in after if a.key in retired]


def test_check_ins_the_candidate_sent_together_are_not_the_plans_fault() -> None:
    # Found by the thorough profile: two check-ins recorded at the same
    # instant made check_plan blame the plan for their spacing.
    application = Application.from_interview(friday_interview())
    for _ in range(2):
        application = application.record(
            CheckInSent(at=LONDON_END.add(days=1), to=PRIYA)
        )
    policy = FollowUpPolicy(check_ins_at_most=3)
    made = plan(application, policy=policy, now=LONDON_END.add(days=1))
    (third,) = made.of_kind(ActionKind.CHECK_IN)
    assert third.number == 3
    check_plan(made, application, policy)
