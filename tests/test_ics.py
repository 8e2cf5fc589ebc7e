"""Tests for Plan.to_ics() and to_ics(): follow-up plans as an iCalendar file."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import icalendar
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postinterview import (
    Action,
    ActionKind,
    Application,
    Interview,
    NotesWritten,
    Person,
    Plan,
    ThankYouSent,
    ValidationError,
    plan,
)
from postinterview import strategies as pst
from postinterview.followup import REMIND_BEFORE, to_ics

# Friday 23 October 2026 in London: the clocks go back in London on the 25th
# and in New York on 1 November, so the plan's windows straddle both changes.
END = pendulum.datetime(2026, 10, 23, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example", timezone="Europe/London")
DAN = Person(name="Dan Okafor", email="dan@acme.example", timezone="America/New_York")
INTERVIEW = Interview(
    organisation="Acme Ltd",
    role="Data Engineer",
    starts_at=END.subtract(hours=1),
    ends_at=END,
    interviewers=(PRIYA, DAN),
    decision_expected_by=pendulum.date(2026, 10, 29),
    references_may_be_contacted=True,
)
APPLICATION = Application.from_interview(INTERVIEW)


def events_of(made: Plan) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(made.to_ics())
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(events) == len(calendar.walk("VEVENT")), "UIDs must be unique"
    return events


def utc(value: dt.datetime) -> dt.datetime:
    """The instant in UTC, to the second, as iCalendar keeps it."""
    assert value.tzinfo is not None
    return value.astimezone(dt.UTC).replace(microsecond=0)


def assert_matches(made: Plan) -> None:
    """Every action with a deadline is one event, at the plan's instants."""
    calendar = icalendar.Calendar.from_ical(made.to_ics())
    events = calendar.walk("VEVENT")
    with_deadline = [a for a in made if a.due_at is not None]
    assert len(events) == len(with_deadline)
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    for action, event in zip(with_deadline, events, strict=True):
        start = event.decoded("DTSTART")
        assert utc(start) == utc(action.send_at)
        tzid = event["DTSTART"].params.get("TZID")
        if tzid is None:  # UTC: the zone itself, or a wall time shown twice
            assert start.utcoffset() == dt.timedelta(0)
        else:
            assert str(tzid) == action.send_at.timezone_name
            assert str(tzid) in zones
        assert action.due_at is not None
        # In UTC: two instants of one zone compare by their wall times, and in
        # the hour repeated when clocks go back a later instant can read earlier.
        if utc(action.due_at) > utc(action.send_at):
            assert utc(event.decoded("DTEND")) == utc(action.due_at)
        else:
            assert "DTEND" not in event
        assert action.rationale in str(event["DESCRIPTION"])
        assert_reminds(event, utc(action.due_at) - utc(action.send_at), REMIND_BEFORE)


def assert_reminds(
    event: icalendar.Event, length: dt.timedelta, lead: dt.timedelta
) -> None:
    """One reminder at the start; one *lead* before the end when that is later."""
    alarms = event.walk("VALARM")
    at_start = alarms[0]
    assert at_start.decoded("TRIGGER") == dt.timedelta(0)
    assert at_start["TRIGGER"].params.get("RELATED", "START") == "START"
    if length > lead:
        (before_due,) = alarms[1:]
        assert before_due.decoded("TRIGGER") == -lead
        assert before_due["TRIGGER"].params["RELATED"] == "END"
        assert str(before_due["DESCRIPTION"]).startswith("Due soon: ")
    else:
        assert len(alarms) == 1


def test_each_action_with_a_deadline_is_an_event_at_its_instants() -> None:
    made = plan(APPLICATION, now=END.add(minutes=5))
    assert_matches(made)
    events = events_of(made)
    summaries = sorted(str(event["SUMMARY"]) for event in events.values())
    assert "Thank: Dan Okafor" in summaries
    assert "Thank: Priya Shah" in summaries
    # Keeping on searching has no deadline, so no event.
    assert not any("Keep searching" in summary for summary in summaries)


def test_every_zone_used_has_its_rules_across_both_dst_changes() -> None:
    calendar = icalendar.Calendar.from_ical(
        plan(APPLICATION, now=END.add(minutes=5)).to_ics()
    )
    zones = {str(tz["TZID"]): tz for tz in calendar.walk("VTIMEZONE")}
    assert set(zones) == {"Europe/London", "America/New_York"}
    for zone in zones.values():
        assert zone.walk("STANDARD")
        assert zone.walk("DAYLIGHT")
    # Dan's thank-you opens on Friday in New York, in daylight time.
    events = events_of(plan(APPLICATION, now=END.add(minutes=5)))
    dan = next(e for e in events.values() if str(e["SUMMARY"]) == "Thank: Dan Okafor")
    start = dan.decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=-4)
    assert (start.hour, start.minute) == (11, 30)


def test_the_uids_stay_the_same_when_the_plan_is_made_again() -> None:
    before = events_of(plan(APPLICATION, now=END.add(minutes=5)))
    written = APPLICATION.record(NotesWritten(at=END.add(minutes=12)))
    after = events_of(plan(written, now=END.add(hours=2)))
    # The reflection is done, so its event goes; every other event keeps its
    # UID, so a calendar that imports the file again updates rather than adds.
    assert set(after) < set(before)
    (gone,) = set(before) - set(after)
    assert str(before[gone]["SUMMARY"]) == "Reflect"
    for uid in after:
        assert after[uid]["SUMMARY"] == before[uid]["SUMMARY"]


def test_another_application_gets_other_uids() -> None:
    other = Application.from_interview(
        Interview(
            organisation="Borealis plc",
            role="Data Engineer",
            starts_at=INTERVIEW.starts_at,
            ends_at=END,
            interviewers=(PRIYA, DAN),
        )
    )
    ours = set(events_of(plan(APPLICATION, now=END)))
    theirs = set(events_of(plan(other, now=END)))
    assert not ours & theirs


def test_an_instant_in_the_repeated_hour_is_written_in_utc() -> None:
    # The interview ends at the second 01:20 of the night the clocks go back;
    # a local 01:20 with a TZID would be read as the first one.
    ends = pendulum.datetime(2026, 10, 25, 1, 20, tz="Europe/London", fold=1)
    night = Application.from_interview(
        Interview(
            organisation="Acme Ltd",
            role="Night Operations Lead",
            starts_at=ends.subtract(hours=1),
            ends_at=ends,
            interviewers=(PRIYA,),
        )
    )
    made = plan(night, now=ends)
    assert_matches(made)
    reflect = next(
        e for e in events_of(made).values() if str(e["SUMMARY"]) == "Reflect"
    )
    assert reflect.decoded("DTSTART") == utc(ends)
    assert "TZID" not in reflect["DTSTART"].params


def test_a_plan_built_by_hand_still_exports() -> None:
    opens = pendulum.datetime(2026, 11, 23, 9, tz="Europe/London")
    action = Action(
        kind=ActionKind.CHECK_IN,
        recipient=PRIYA,
        channel=None,
        opens_at=opens,
        due_at=opens.add(hours=8),
        closes_at=None,
        send_at=opens,
        template="check_in",
        rationale="A polite enquiry after the stated date.",
    )
    made = Plan(actions=(action,), now=opens, status=plan(APPLICATION, now=END).status)
    (event,) = events_of(made).values()
    assert str(event["UID"]).startswith("plan-check_in-1-1-")


def test_without_the_extra_the_error_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(ModuleNotFoundError, match=r"postinterview\[calendar\]"):
        plan(APPLICATION, now=END).to_ics()


@settings(max_examples=40)
# Any now, also before the events recorded: plan() warns of that, and the
# plan is exported all the same.
@pytest.mark.filterwarnings("ignore::postinterview.errors.ImplausibleTimeWarning")
@given(pst.applications(max_events=4), pst.aware_datetimes())
def test_any_plan_exports_at_its_own_instants(
    application: Application, now: dt.datetime
) -> None:
    assert_matches(plan(application, now=now))


def test_the_same_plan_gives_the_same_bytes_in_any_process() -> None:
    script = (
        "import pendulum, sys\n"
        "from postinterview import Application, Interview, Person, plan\n"
        "end = pendulum.datetime(2026, 10, 23, 15, 30, tz='Europe/London')\n"
        "people = (Person(name='A', timezone='Europe/London'),\n"
        "          Person(name='B', timezone='America/New_York'),\n"
        "          Person(name='C', timezone='Asia/Kolkata'))\n"
        "iv = Interview(organisation='Acme Ltd', role='Analyst',\n"
        "               starts_at=end.subtract(hours=1), ends_at=end,\n"
        "               interviewers=people)\n"
        "made = plan(Application.from_interview(iv), now=end)\n"
        "sys.stdout.buffer.write(made.to_ics())\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=60,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    calendar = icalendar.Calendar.from_ical(outputs.pop())
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [
        "America/New_York",
        "Asia/Kolkata",
        "Europe/London",
    ]


# -- one calendar for many applications ----------------------------------------

BOREALIS = Application.from_interview(
    Interview(
        organisation="Borealis plc",
        role="Analytics Engineer",
        starts_at=END.add(days=3),
        ends_at=END.add(days=3, hours=1),
        interviewers=(Person(name="Ines Duarte", timezone="Europe/Lisbon"),),
    )
)


def test_one_calendar_holds_the_events_of_every_plan() -> None:
    # Each plan at its own moment: each one's stamps its events.
    plans = [
        plan(APPLICATION, now=END.add(minutes=5)),
        plan(BOREALIS, now=END.add(days=3, hours=2)),
    ]
    calendar = icalendar.Calendar.from_ical(to_ics(plans))
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    # The same events, with the same UIDs, as each plan's own file.
    each = [events_of(made) for made in plans]
    assert set(events) == set(each[0]) | set(each[1])
    assert len(events) == len(each[0]) + len(each[1])
    for own in each:
        for uid, event in own.items():
            assert events[uid].to_ical() == event.to_ical()
    # Each zone's rules once, in the order of their names.
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [
        "America/New_York",
        "Europe/Lisbon",
        "Europe/London",
    ]
    assert to_ics([]).startswith(b"BEGIN:VCALENDAR")


def test_the_reminder_before_the_due_time_can_be_set() -> None:
    made = plan(APPLICATION, now=END.add(minutes=5))
    lead = dt.timedelta(hours=6)
    calendar = icalendar.Calendar.from_ical(made.to_ics(remind_before=lead))
    with_deadline = [a for a in made if a.due_at is not None]
    events = calendar.walk("VEVENT")
    for action, event in zip(with_deadline, events, strict=True):
        assert action.due_at is not None
        assert_reminds(event, utc(action.due_at) - utc(action.send_at), lead)
    # A thank-you opens an hour after the end and is due at 24 hours: its
    # second reminder goes off 6 hours before the deadline.
    thanks = next(e for e in events if str(e["SUMMARY"]) == "Thank: Priya Shah")
    assert len(thanks.walk("VALARM")) == 2
    assert to_ics([made], remind_before=lead) == made.to_ics(remind_before=lead)


@pytest.mark.parametrize(
    "lead", [dt.timedelta(0), dt.timedelta(hours=-1), 7200, None, "PT2H"]
)
def test_a_reminder_lead_that_is_not_a_positive_timedelta_is_refused(
    lead: object,
) -> None:
    made = plan(APPLICATION, now=END)
    with pytest.raises(ValidationError, match="remind_before: expected a datetime"):
        made.to_ics(remind_before=lead)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="remind_before: expected a datetime"):
        to_ics([made], remind_before=lead)  # type: ignore[arg-type]


def test_a_long_lead_leaves_one_reminder_at_the_start() -> None:
    made = plan(APPLICATION, now=END)
    calendar = icalendar.Calendar.from_ical(made.to_ics(remind_before=dt.timedelta.max))
    for event in calendar.walk("VEVENT"):
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == dt.timedelta(0)


# Drawn instants may come before the recorded events: plan() warns, rightly.
@pytest.mark.filterwarnings("ignore::postinterview.errors.ImplausibleTimeWarning")
def test_two_plans_of_one_application_are_refused() -> None:
    # Two records of the same application, one with an event more: their
    # events would share UIDs, so one calendar cannot hold both.
    later = APPLICATION.record(NotesWritten(at=END.add(minutes=10)))
    assert later.key == APPLICATION.key
    with pytest.raises(ValidationError) as caught:
        to_ics([plan(APPLICATION, now=END), plan(later, now=END)])
    assert caught.value.field == "plans[1]"
    assert "plans[0]" in caught.value.expected
    assert "same key" in caught.value.expected


def test_the_plans_must_be_plans() -> None:
    made = plan(APPLICATION, now=END)
    with pytest.raises(ValidationError, match=r"plans\[1\]: expected a Plan"):
        to_ics([made, APPLICATION])  # type: ignore[list-item]
    for wrong in (made, "plans", None):
        with pytest.raises(ValidationError, match="plans: expected an iterable"):
            to_ics(wrong)  # type: ignore[arg-type]


def test_an_application_is_known_by_its_first_round() -> None:
    assert APPLICATION.key == (
        "Acme Ltd",
        "Data Engineer",
        pendulum.datetime(2026, 10, 23, 13, 30, tz="UTC"),
    )
    # Events and later rounds leave it as it was; the same start in another
    # zone is the same instant.
    thanked = APPLICATION.record(NotesWritten(at=END.add(minutes=10))).record(
        ThankYouSent(at=END.add(hours=2), to=PRIYA)
    )
    assert thanked.key == APPLICATION.key
    moved = Application.from_interview(
        Interview(
            organisation="Acme Ltd",
            role="Data Engineer",
            starts_at=INTERVIEW.starts_at.in_timezone("Asia/Tokyo"),
            ends_at=END.in_timezone("Asia/Tokyo"),
        )
    )
    assert moved.key == APPLICATION.key


def lean(examples: int) -> int:
    """*examples* in the default profile; more when the profile asks for more."""
    asked = settings().max_examples
    return asked if asked > 100 else examples


# Drawn instants may come before the recorded events: plan() warns, rightly.
@pytest.mark.filterwarnings("ignore::postinterview.errors.ImplausibleTimeWarning")
@settings(max_examples=lean(40))
@given(
    pst.applications(max_events=4),
    pst.aware_datetimes(),
    st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=120)),
)
def test_planning_again_later_keeps_each_actions_uid(
    application: Application, now: dt.datetime, later: dt.timedelta
) -> None:
    # The same application planned at two moments: every action owed in both
    # plans is the same event, so a calendar that imports the second file
    # updates the first file's events.
    first = plan(application, now=now)
    try:
        second = plan(application, now=now + later)
    except ValidationError:  # past the end of the range of instants
        return
    before = {a.key: uid for a, uid in uids_of(first).items()}
    after = {a.key: uid for a, uid in uids_of(second).items()}
    for key in before.keys() & after.keys():
        assert before[key] == after[key]
    assert len(set(after.values())) == len(after)


def uids_of(made: Plan) -> dict[Action, str]:
    """Each action with a deadline, and the UID of its event."""
    calendar = icalendar.Calendar.from_ical(made.to_ics())
    with_deadline = [a for a in made if a.due_at is not None]
    events = calendar.walk("VEVENT")
    return {
        action: str(event["UID"])
        for action, event in zip(with_deadline, events, strict=True)
    }
