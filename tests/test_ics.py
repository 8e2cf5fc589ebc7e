"""Tests for Plan.to_ics(): the follow-up plan as an iCalendar file."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import icalendar
import pendulum
import pytest
from hypothesis import given, settings

from postinterview import (
    Action,
    ActionKind,
    Application,
    Interview,
    NotesWritten,
    Person,
    Plan,
    plan,
)
from postinterview import strategies as pst

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
        if action.due_at > action.send_at:
            assert utc(event.decoded("DTEND")) == utc(action.due_at)
        else:
            assert "DTEND" not in event
        assert action.rationale in str(event["DESCRIPTION"])
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == dt.timedelta(0)


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
