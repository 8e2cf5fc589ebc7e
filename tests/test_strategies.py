"""Tests for the public Hypothesis strategies and their from_type registration."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from capped import run_capped
from postinterview import (
    Application,
    Highlight,
    Interview,
    InterviewNotes,
    OwnQuestion,
    Person,
    QuestionAsked,
    RoleInsight,
    RunBy,
    SalaryRange,
    _time,
    plan,
)
from postinterview import strategies as pst
from postinterview.feedback import Feedback
from postinterview.learning import ClosedGap, LearningLog, LogEntry
from postinterview.reflection import FitAssessment, Rating, Reservation, Scorecard

LOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
HIGH = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)


@given(pst.aware_datetimes(min_value=LOW, max_value=HIGH))
def test_aware_datetimes_are_named_zone_instants_within_bounds(value: object) -> None:
    assert type(value) is pendulum.DateTime
    assert LOW <= value <= HIGH
    name = _time.zone_name(value)
    assert _time.zone(name) is value.tzinfo
    # The wall time shown is the one the zone really has at that instant.
    assert _time.as_instant(value, "value") == value


@given(pst.aware_datetimes(timezones=["Asia/Kolkata", "Pacific/Chatham"]))
def test_aware_datetimes_keeps_to_the_given_zones(value: pendulum.DateTime) -> None:
    assert value.timezone_name in {"Asia/Kolkata", "Pacific/Chatham"}


def _hours_from_a_change(value: pendulum.DateTime) -> float:
    utc = value.astimezone(dt.UTC)
    changes = [
        *pst._transitions(value.timezone_name, utc.year - 1),
        *pst._transitions(value.timezone_name, utc.year),
        *pst._transitions(value.timezone_name, utc.year + 1),
    ]
    return min(abs((utc - change).total_seconds()) / 3600 for change in changes)


def test_aware_datetimes_often_lands_next_to_a_dst_change() -> None:
    near = []

    @settings(max_examples=200, database=None, derandomize=True)
    @given(pst.aware_datetimes(timezones=["America/New_York"]))
    def collect(value: pendulum.DateTime) -> None:
        near.append(_hours_from_a_change(value) <= 3)

    collect()
    # About half the draws aim at a change; a uniform draw would almost never.
    assert sum(near) >= len(near) // 5


def test_transitions_are_found_to_the_second() -> None:
    assert pst._transitions("America/New_York", 2026) == (
        dt.datetime(2026, 3, 8, 7, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 1, 6, 0, tzinfo=dt.UTC),
    )
    # Lord Howe Island moves its clocks by half an hour.
    assert pst._transitions("Australia/Lord_Howe", 2026) == (
        dt.datetime(2026, 4, 4, 15, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 10, 3, 15, 30, tzinfo=dt.UTC),
    )
    assert pst._transitions("Asia/Tokyo", 2026) == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_value": HIGH, "max_value": LOW}, "is after max_value"),
        ({"min_value": dt.datetime(2026, 1, 1)}, "must be an aware datetime"),  # noqa: DTZ001
        ({"timezones": []}, "at least one zone"),
        ({"timezones": ["Mars/Olympus_Mons"]}, "not an IANA zone name"),
        (
            {"min_value": pst.RANGE_MIN - dt.timedelta(microseconds=1)},
            "library's range",
        ),
        ({"max_value": pst.RANGE_MAX + dt.timedelta(microseconds=1)}, "range"),
        ({"min_value": pendulum.datetime(1, 1, 1, tz="Asia/Tokyo")}, "range"),
        ({"max_value": dt.datetime.max.replace(tzinfo=dt.UTC)}, "range"),
    ],
)
def test_aware_datetimes_refuses_bad_arguments_when_called(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidArgument, match=message):
        pst.aware_datetimes(**kwargs)  # type: ignore[arg-type]


def test_interviews_refuses_an_impossible_panel_size() -> None:
    with pytest.raises(InvalidArgument, match="min_interviewers"):
        pst.interviews(min_interviewers=3, max_interviewers=2)


@given(pst.people(email=True, timezone=False))
def test_people_follow_the_email_and_timezone_flags(person: Person) -> None:
    assert person.email is not None
    assert person.timezone is None


@given(pst.people(email=False, timezone=True))
def test_people_can_be_drawn_without_email(person: Person) -> None:
    assert person.email is None
    assert person.timezone is not None


@given(pst.interviews(min_interviewers=2, max_interviewers=3, run_by=RunBy.AGENCY))
def test_interviews_honour_panel_size_and_owner(interview: Interview) -> None:
    assert 2 <= len(interview.interviewers) <= 3
    assert len(set(interview.interviewers)) == len(interview.interviewers)
    assert interview.run_by is RunBy.AGENCY
    assert interview.agency_contact is not None
    assert interview.starts_at.timestamp() < interview.ends_at.timestamp()


@given(pst.interviews(timezones=["Europe/London"]))
def test_interview_ends_in_the_zone_it_starts_in(interview: Interview) -> None:
    assert interview.timezone == "Europe/London"
    assert interview.starts_at.timezone_name == "Europe/London"


@pytest.mark.parametrize(
    "record",
    [
        Person,
        SalaryRange,
        Interview,
        InterviewNotes,
        QuestionAsked,
        RoleInsight,
        OwnQuestion,
        Highlight,
        Rating,
        Reservation,
        FitAssessment,
        Scorecard,
        Feedback,
        LogEntry,
        ClosedGap,
        LearningLog,
    ],
)
def test_from_type_draws_each_record(record: type) -> None:
    @settings(max_examples=10, database=None)
    @given(st.from_type(record))
    def check(value: object) -> None:
        assert isinstance(value, record)

    check()


def test_from_type_works_in_a_fresh_process_through_the_entry_point() -> None:
    # Only the installed entry point can register the strategies here: the
    # child never imports postinterview.strategies itself.
    code = textwrap.dedent(
        """
        import sys
        from hypothesis import HealthCheck, given, settings, strategies as st
        from postinterview import Interview

        drawn = []

        # No deadline or health checks: a busy machine must not fail this.
        @settings(
            max_examples=20,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(st.from_type(Interview))
        def check(interview):
            assert isinstance(interview, Interview)
            assert interview.starts_at.timestamp() < interview.ends_at.timestamp()
            drawn.append(interview)

        check()
        print(len(drawn))
        """
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 1


def test_importing_the_strategies_module_first_does_not_break_registration() -> None:
    code = (
        "import postinterview.strategies\n"
        "from hypothesis import find, strategies as st\n"
        "from postinterview import Person\n"
        "print(type(find(st.from_type(Person), lambda p: True)).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Person"


# --- the ends of the library's range --------------------------------------------

# Zones far east and west, and ones with odd offsets near 1900.
EDGE_ZONES = [
    "Pacific/Kiritimati",
    "America/Adak",
    "Europe/Amsterdam",
    "Africa/Monrovia",
    "Pacific/Chatham",
    "UTC",
]
FULL = {"min_value": pst.RANGE_MIN, "max_value": pst.RANGE_MAX}
NEAR_START = {
    "min_value": pst.RANGE_MIN,
    "max_value": pst.RANGE_MIN + dt.timedelta(days=2),
    "timezones": EDGE_ZONES,
}
NEAR_END = {
    "min_value": pst.RANGE_MAX - dt.timedelta(days=2),
    "max_value": pst.RANGE_MAX,
    "timezones": EDGE_ZONES,
}


def _inside(value: object) -> None:
    assert isinstance(value, dt.datetime)
    assert pst.RANGE_MIN <= value <= pst.RANGE_MAX


@given(
    st.one_of(
        pst.aware_datetimes(**FULL),
        pst.aware_datetimes(**NEAR_START),
        pst.aware_datetimes(**NEAR_END),
        pst.aware_datetimes(
            min_value=pst.RANGE_MAX, max_value=pst.RANGE_MAX, timezones=EDGE_ZONES
        ),
    )
)
def test_aware_datetimes_stay_inside_the_range_up_to_its_last_instant(
    value: pendulum.DateTime,
) -> None:
    _inside(value)
    assert _time.as_instant(value, "value") == value


def _every_instant(record: object) -> list[dt.datetime]:
    """Every instant a record holds, however deep."""
    found: list[dt.datetime] = []
    stack = [record]
    while stack:
        item = stack.pop()
        if isinstance(item, dt.datetime):
            found.append(item)
        elif isinstance(item, tuple | list):
            stack.extend(item)
        elif attrs.has(type(item)):
            stack.extend(getattr(item, f.name) for f in attrs.fields(type(item)))
    return found


@pytest.mark.parametrize("bounds", [FULL, NEAR_START, NEAR_END], ids=str)
@pytest.mark.parametrize(
    "strategy",
    [
        pst.interviews,
        pst.applications,
        pst.events,
        pst.log_entries,
        pst.scorecards,
        pst.interview_notes,
        pst.feedback,
    ],
    ids=lambda s: s.__name__,
)
def test_record_strategies_draw_inside_the_range_near_both_ends(
    strategy: Any, bounds: dict[str, Any]
) -> None:
    @settings(max_examples=20)
    @given(strategy(**bounds))
    def check(record: object) -> None:
        for instant in _every_instant(record):
            _inside(instant)
        if isinstance(record, Application):
            plan(record, now=pst.RANGE_MAX)

    check()


def test_an_interview_needs_room_before_the_end_of_the_range() -> None:
    with pytest.raises(InvalidArgument, match="no room for an interview"):
        pst.interviews(min_value=pst.RANGE_MAX, max_value=pst.RANGE_MAX)


def test_strategies_near_the_ends_draw_in_a_capped_child() -> None:
    outcome = run_capped(
        """
        @settings(max_examples=40, database=None)
        @given(applications(min_value=RANGE_MAX - dt.timedelta(hours=1),
                            max_value=RANGE_MAX, timezones=["Pacific/Kiritimati"]),
               applications(min_value=RANGE_MIN, max_value=RANGE_MIN,
                            timezones=["America/Adak"]),
               aware_datetimes(min_value=RANGE_MIN, max_value=RANGE_MAX))
        def draw(late, early, instant):
            pass
        draw()
        """,
        setup="""
        import datetime as dt
        from hypothesis import given, settings
        from postinterview.strategies import (
            RANGE_MAX, RANGE_MIN, applications, aware_datetimes)
        """,
    )
    assert outcome.error is None, outcome.message
    assert outcome.elapsed < 2.0
