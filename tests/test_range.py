"""The library's range of time, at every door and inside, near both ends.

Instants from 1900-01-01T00:00Z up to 2200-01-01T00:00Z (and the days they
fall on) are accepted; everything outside is refused at the door with a
ValidationError (SchemaError when reading JSON) naming the field, never a
builtin error; and inside, every rule and export works, plans near the end
included. The issue's cases run in a capped child process.
"""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from collections.abc import Callable

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from capped import run_capped
from postinterview import (
    Application,
    BusinessCalendar,
    Interview,
    InterviewNotes,
    NotesWritten,
    Person,
    Plan,
    SchemaError,
    Scorecard,
    Status,
    ThankYouSent,
    ValidationError,
    _time,
    letters,
    plan,
)
from postinterview.serialize import format_instant, from_json, parse_instant, to_json
from postinterview.testing import check_plan
from test_time import ODD_ZONES, _inside, edge_instants

FIRST, END = _time.FIRST, _time.END
LAST = END - dt.timedelta(microseconds=1)
IN_2000 = pendulum.datetime(2000, 1, 1, tz="UTC")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
ME = letters.Candidate(name="Sam Jones", email="sam@example.org")
DRAFT = letters.thank_you(
    Interview(
        organisation="Acme Ltd",
        role="Engineer",
        starts_at=IN_2000,
        ends_at=IN_2000.add(hours=1),
        interviewers=(PRIYA,),
    ),
    to=PRIYA,
    sender=ME,
    highlight="the migration to streaming",
)
APPLICATION = Application.from_interview(
    Interview(
        organisation="Acme Ltd",
        role="Engineer",
        starts_at=FIRST,
        ends_at=FIRST + dt.timedelta(minutes=30),
        interviewers=(PRIYA,),
    )
)


def _rfc_9557(value: dt.datetime) -> str:
    """Write *value* as the JSON format does, without converting it."""
    offset = value.utcoffset()
    assert offset is not None
    sign = "-" if offset < dt.timedelta(0) else "+"
    seconds = int(abs(offset).total_seconds())
    text = f"{sign}{seconds // 3600:02d}:{seconds // 60 % 60:02d}"
    if seconds % 60:
        text += f":{seconds % 60:02d}"
    wall = value.replace(tzinfo=None).isoformat()
    return f"{wall}{text}[{value.tzinfo.key}]"  # type: ignore[union-attr]


def _with_decision(value: dt.datetime) -> Interview:
    return Interview(
        organisation="A",
        role="B",
        starts_at=FIRST,
        ends_at=FIRST + dt.timedelta(minutes=10),
        decision_expected_by=value,
    )


# Each door: a field name and a call that passes the instant through it.
DOORS: dict[str, tuple[str, Callable[[dt.datetime], object]]] = {
    "as_instant": ("at", lambda v: _time.as_instant(v, "at")),
    "format_instant": ("value", format_instant),
    "Scorecard": ("written_at", lambda v: Scorecard(written_at=v, overall=3)),
    "InterviewNotes": ("written_at", lambda v: InterviewNotes(written_at=v)),
    "NotesWritten": ("at", lambda v: NotesWritten(at=v)),
    "Interview.ends_at": (
        "ends_at",
        lambda v: Interview(organisation="A", role="B", starts_at=FIRST, ends_at=v),
    ),
    "Interview.decision": (
        "decision_expected_by",
        _with_decision,
    ),
    "plan": ("now", lambda v: plan(APPLICATION, now=v)),
    "Plan": ("now", lambda v: Plan(actions=(), now=v, status=Status.AWAITING_DECISION)),
    "to_email": ("date", lambda v: DRAFT.to_email(ME, date=v)),
}


@pytest.mark.parametrize("door", sorted(DOORS))
@given(value=edge_instants)
def test_every_door_takes_the_range_and_refuses_the_rest(
    door: str, value: dt.datetime
) -> None:
    field, call = DOORS[door]
    if _inside(value) and value > FIRST + dt.timedelta(minutes=10):
        call(value)
    elif _inside(value):
        # Inside the range only the record's own rules may refuse: an
        # interview cannot end at its first instant, nor decide before it.
        try:
            call(value)
        except ValidationError as error:
            assert error.expected != _time.IN_RANGE  # noqa: PT017
    else:
        with pytest.raises(ValidationError) as error:
            call(value)
        assert error.value.field == field
        assert error.value.expected == _time.IN_RANGE


@given(value=edge_instants)
def test_reading_json_refuses_an_instant_out_of_range_with_its_path(
    value: dt.datetime,
) -> None:
    text = _rfc_9557(value)
    document = json.loads(to_json(InterviewNotes(written_at=IN_2000)))
    document["written_at"] = text
    if _inside(value):
        read = from_json(InterviewNotes, json.dumps(document))
        assert read.written_at.timestamp() == value.timestamp()
        assert parse_instant(text) == read.written_at
    else:
        with pytest.raises(SchemaError) as error:
            from_json(InterviewNotes, json.dumps(document))
        assert error.value.field == "written_at"
        assert error.value.expected == _time.IN_RANGE
        with pytest.raises(ValidationError) as parsing:
            parse_instant(text)
        assert parsing.value.field == "text"


@pytest.mark.parametrize(
    "day",
    [dt.date(1, 1, 1), dt.date(1899, 12, 30), dt.date(2200, 1, 2), dt.date.max],
    ids=str,
)
def test_dates_out_of_range_are_refused_by_records_and_when_read(
    day: dt.date,
) -> None:
    interview = APPLICATION.interviews[0]
    for field in ("closing_date", "decision_expected_by"):
        with pytest.raises(ValidationError) as error:
            Interview(
                organisation="A",
                role="B",
                starts_at=interview.starts_at,
                ends_at=interview.ends_at,
                **{field: day},  # type: ignore[arg-type]
            )
        assert error.value.field == field
        document = json.loads(to_json(interview))
        document[field] = day.isoformat()
        with pytest.raises(SchemaError) as reading:
            from_json(Interview, json.dumps(document))
        assert reading.value.field == field


# --- inside: everything works near both ends -----------------------------------

_INSIDE_EDGES = st.one_of(
    st.integers(0, 3 * 86400).map(lambda s: FIRST + dt.timedelta(seconds=s)),
    st.integers(0, 3 * 86400).map(lambda s: LAST - dt.timedelta(seconds=s)),
)


# The plan is made at any moment after the interview, also before the
# thank-you recorded: plan() warns of that, and the plan must work all the same.
@pytest.mark.filterwarnings("ignore::postinterview.errors.ImplausibleTimeWarning")
@given(
    end=_INSIDE_EDGES,
    home=st.sampled_from(ODD_ZONES),
    theirs=st.sampled_from(ODD_ZONES),
    decided=st.booleans(),
    later=st.integers(0, 90 * 86400),
)
def test_plans_and_their_exports_work_near_both_ends(
    end: dt.datetime, home: str, theirs: str, decided: bool, later: int
) -> None:
    # The interview ends at `end`, the plan is made `later` seconds after it,
    # moved back into the range if need be; follow-ups past the end are fine.
    end = max(end, FIRST + dt.timedelta(hours=1))
    ends_at = _time.from_utc(end, _time.zone(home))
    # A person works somewhere: one whose zone is "UTC" is one whose zone is
    # not known, and the plan reads their hours in the interview's zone.
    person = Person(
        name="Priya Shah",
        email="priya@acme.example",
        timezone=None if theirs == "UTC" else theirs,
    )
    interview = Interview(
        organisation="Acme Ltd",
        role="Engineer",
        starts_at=ends_at.subtract(hours=1),
        ends_at=ends_at,
        interviewers=(person,),
        decision_expected_by=_time.LAST_DATE if decided else None,
        closing_date=_time.FIRST_DATE,
        references_may_be_contacted=True,
    )
    application = Application.from_interview(interview)
    thanked_at = min(end + dt.timedelta(hours=2), LAST)
    application = application.record(
        ThankYouSent(at=_time.from_utc(thanked_at, _time.zone(theirs)), to=person)
    )
    now = min(end + dt.timedelta(seconds=later), LAST)
    made = plan(application, now=now)
    check_plan(made, application)
    made.to_ics()
    assert made.upcoming(dt.timedelta.max) == tuple(
        a for a in made if a.due_at is None or a.due_at >= made.now
    )
    made.upcoming(dt.timedelta(0))
    made.overdue()
    for action in made:
        action.opens_at, action.due_at, action.closes_at, action.send_at  # noqa: B018
        if action.template is not None and action.recipient is not None:
            draft = letters.draft_for(action, application, sender=ME)
            draft.to_email(ME, date=now)
    assert from_json(Application, to_json(application)) == application
    # Business-day arithmetic at the ends of the range, in the odd zones.
    calendar = BusinessCalendar()
    for day in (_time.FIRST_DATE, _time.LAST_DATE, ends_at.date()):
        for n in (-10, 0, 10):
            calendar.add_business_days(day, n)
        calendar.business_days_between(_time.FIRST_DATE, day)
    calendar.next_open(ends_at, theirs)
    calendar.is_open(ends_at, theirs)


# --- Plan.upcoming takes any timedelta ------------------------------------------


def test_upcoming_clamps_any_horizon_and_refuses_negative_ones() -> None:
    made = plan(APPLICATION, now=LAST)
    everything = made.upcoming(dt.timedelta.max)
    assert everything == made.upcoming(dt.timedelta(days=10**6))
    assert made.upcoming(pendulum.duration(days=10**6)) == everything
    for bad in (dt.timedelta.min, dt.timedelta(microseconds=-1), 5, None):
        with pytest.raises(ValidationError) as error:
            made.upcoming(bad)  # type: ignore[arg-type]
        assert error.value.field == "within"


# --- the issue's cases, in a capped child ------------------------------------

_SETUP = """
import datetime as dt
import pendulum
from postinterview import *
from postinterview.serialize import format_instant
"""

_END_OF_RANGE = """
end = pendulum.datetime(2199, 12, 31, 23, 0, tz="Pacific/Kiritimati")
who = Person(name="P", email="p@acme.example", timezone="Pacific/Pago_Pago")
iv = Interview(organisation="A", role="B", starts_at=end.subtract(hours=1),
               ends_at=end, interviewers=(who,),
               decision_expected_by=pendulum.date(2200, 1, 1))
made = plan(Application.from_interview(iv), now=end.add(minutes=5))
"""

CASES = {
    "year 1 Scorecard": (
        'Scorecard(written_at=pendulum.datetime(1, 1, 1, tz="Asia/Tokyo"), overall=3)',
        "postinterview.errors.ValidationError",
    ),
    "year 1 format_instant": (
        'format_instant(pendulum.datetime(1, 1, 1, tz="Asia/Tokyo"))',
        "postinterview.errors.ValidationError",
    ),
    "year 9999 to_ics": (
        'end = pendulum.datetime(9999, 12, 30, 15, tz="Europe/London")\n'
        'Interview(organisation="A", role="B", starts_at=end.subtract(hours=1),'
        " ends_at=end)",
        "postinterview.errors.ValidationError",
    ),
    "to_ics at the end of the range": (
        _END_OF_RANGE + "assert made.to_ics().startswith(b'BEGIN:VCALENDAR')",
        None,
    ),
    "upcoming(timedelta.max)": (
        _END_OF_RANGE + "assert made.upcoming(dt.timedelta.max)",
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_issue_cases_stop_with_a_documented_error_or_work(case: str) -> None:
    code, expected = CASES[case]
    outcome = run_capped(code, setup=_SETUP)
    assert outcome.error == expected, outcome.message
    assert outcome.elapsed < 2.0


def test_no_instant_outside_the_range_reaches_the_stdlib_limits() -> None:
    # Every zone's offset is less than a day, so the days of the range's
    # instants stay a day inside the stdlib's, whatever the zone.
    for name in ODD_ZONES:
        tz = zoneinfo.ZoneInfo(name)
        for utc in (FIRST, LAST):
            offset = utc.astimezone(tz).utcoffset()
            assert offset is not None
            assert abs(offset) < dt.timedelta(days=1)
