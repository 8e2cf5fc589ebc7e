"""Each recipient's own weekend and public holidays.

Tests for the calendars of places (``postinterview.workdays``: the holidays
of a country or subdivision year by year, weekends from CLDR, each
recipient's calendar found from their country or zone) and for plans that
keep clear of them: the cases of the issue that asked for them (Thanksgiving
in New York, Christmas in London, the weekends of Riyadh and Dubai, Epiphany
in Munich and not in Hamburg), the precedence of the places and the ways
out, and properties over generated countries, checked against the
``holidays`` package and Babel directly.
"""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import babel
import holidays
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postinterview import (
    ActionKind,
    Application,
    BusinessCalendar,
    FollowUpPolicy,
    Interview,
    Person,
    Plan,
    ValidationError,
    _time,
    plan,
)
from postinterview import strategies as pst
from postinterview.serialize import from_json, to_json
from postinterview.testing import check_check_ins, check_plan
from postinterview.workdays import LocalCalendars, PublicHolidays, _places, _public

MON, TUE, WED, THU, FRI, SAT, SUN = pendulum.WeekDay

# The plans here are made on the day of the interview, before any event.
pytestmark = pytest.mark.filterwarnings(
    "ignore::postinterview.errors.ImplausibleTimeWarning"
)


def application(
    zone: str,
    decision: dt.date | None,
    *,
    ends: tuple[int, int, int] = (2026, 11, 20),
    **person: object,
) -> Application:
    """An interview that ended at 15:30 on *ends* in *zone*, with one
    interviewer described by *person*, and the decision due on *decision*."""
    end = pendulum.datetime(*ends, 15, 30, tz=zone)
    interviewer = Person(
        name="Sam Reyes",
        email="sam@employer.example",
        **person,  # type: ignore[arg-type]
    )
    return Application.from_interview(
        Interview(
            organisation="Employer Inc",
            role="Analyst",
            starts_at=end.subtract(hours=1),
            ends_at=end,
            interviewers=(interviewer,),
            decision_expected_by=decision,
        )
    )


def planned(app: Application, policy: FollowUpPolicy | None = None) -> Plan:
    return plan(app, policy=policy, now=app.rounds[0].ends_at)


def check_ins(made: Plan) -> list[object]:
    return list(made.of_kind(ActionKind.CHECK_IN))


def day_of(instant: pendulum.DateTime) -> dt.date:
    return dt.date(instant.year, instant.month, instant.day)


# -- the cases the issue names ----------------------------------------------------


def test_a_new_york_check_in_is_not_on_thanksgiving() -> None:
    # Decision due on Tuesday 24 November 2026; the employer works in New
    # York and says nothing of their country: the zone's country counts.
    made = planned(
        application(
            "America/New_York", dt.date(2026, 11, 24), timezone="America/New_York"
        )
    )
    first, second = check_ins(made)
    assert day_of(first.send_at) == dt.date(2026, 11, 27)  # not Thursday the 26th
    assert "Thanksgiving Day" in first.rationale
    assert first.rationale == (
        "Decisions slip; two business days' grace after the stated date is "
        "polite. Moved past Thanksgiving Day (Thursday 26 November), a public "
        "holiday in US."
    )
    assert first.calendar == "US public holidays, Saturday–Sunday weekend"
    assert "Thanksgiving" not in second.rationale
    check_plan(made, made.application)


def test_a_london_check_in_keeps_clear_of_christmas_and_new_year() -> None:
    made = planned(
        application("Europe/London", dt.date(2026, 12, 23), ends=(2026, 12, 16))
    )
    first, second = check_ins(made)
    days = {day_of(action.send_at) for action in (first, second)}
    assert days == {dt.date(2026, 12, 29), dt.date(2027, 1, 6)}
    assert not days & {
        dt.date(2026, 12, 25),
        dt.date(2026, 12, 26),
        dt.date(2027, 1, 1),
    }
    assert "Christmas Day (Friday 25 December)" in first.rationale
    assert "Boxing Day (observed) (Monday 28 December)" in first.rationale
    assert "public holidays in GB" in first.rationale
    assert "New Year's Day (Friday 1 January)" in second.rationale


@settings(max_examples=60)
@given(
    decided=st.dates(dt.date(2026, 1, 5), dt.date(2029, 12, 20)),
    own_country=st.booleans(),
)
def test_a_riyadh_check_in_never_falls_on_a_friday_or_saturday(
    decided: dt.date, own_country: bool
) -> None:
    person = {"timezone": "Asia/Riyadh"} | ({"country": "SA"} if own_country else {})
    ends = (decided.year, decided.month, decided.day)
    made = planned(application("Asia/Riyadh", decided, ends=ends, **person))
    for action in (
        *made.of_kind(ActionKind.CHECK_IN),
        *made.of_kind(ActionKind.MOVE_ON),
    ):
        assert action.send_at.weekday() not in (FRI, SAT), action
        assert action.calendar == "SA public holidays, Friday–Saturday weekend"


def test_a_dubai_check_in_may_fall_on_a_friday() -> None:
    # The Emirates moved their weekend to Saturday and Sunday in 2022.
    decided = dt.date(2026, 10, 14)  # a Wednesday
    dubai = planned(
        application("Asia/Dubai", decided, ends=(2026, 10, 12), timezone="Asia/Dubai")
    )
    first = check_ins(dubai)[0]
    assert first.send_at.weekday() == FRI
    assert day_of(first.send_at) == dt.date(2026, 10, 16)
    assert first.calendar == "AE public holidays, Saturday–Sunday weekend"
    # The same dates in Riyadh come after the weekend.
    riyadh = planned(
        application("Asia/Riyadh", decided, ends=(2026, 10, 12), timezone="Asia/Riyadh")
    )
    assert day_of(check_ins(riyadh)[0].send_at) == dt.date(2026, 10, 18)


@pytest.mark.parametrize(
    "munich",
    [
        {"country": "DE", "subdivision": "BY"},
        {"timezone": "Europe/Berlin", "subdivision": "BY"},
        {"timezone": "Europe/Berlin", "country": "DE", "subdivision": "BY"},
    ],
    ids=["country and subdivision", "zone and subdivision", "all three"],
)
def test_a_munich_plan_skips_epiphany_and_a_hamburg_one_does_not(
    munich: dict[str, str],
) -> None:
    decided = dt.date(2027, 1, 4)  # a Monday; Epiphany is on Wednesday the 6th
    bavaria = planned(
        application("Europe/Berlin", decided, ends=(2026, 12, 14), **munich)
    )
    first = check_ins(bavaria)[0]
    assert day_of(first.send_at) == dt.date(2027, 1, 7)
    assert (
        "Epiphany (Wednesday 6 January), a public holiday in DE-BY" in first.rationale
    )
    assert first.calendar == "DE-BY public holidays, Saturday–Sunday weekend"
    hamburg = planned(
        application(
            "Europe/Berlin",
            decided,
            ends=(2026, 12, 14),
            country="DE",
            subdivision="HH",
        )
    )
    first = check_ins(hamburg)[0]
    assert day_of(first.send_at) == dt.date(2027, 1, 6)
    assert "Epiphany" not in first.rationale


def test_a_thank_you_sent_after_a_holiday_says_so() -> None:
    # The interview ends on the Wednesday before Thanksgiving, after hours
    # have closed for the note's window: it goes on Friday morning.
    end = pendulum.datetime(2026, 11, 25, 16, 30, tz="America/New_York")
    interviewer = Person(name="Sam Reyes", email="sam@employer.example")
    app = Application.from_interview(
        Interview(
            organisation="Employer Inc",
            role="Analyst",
            starts_at=end.subtract(hours=1),
            ends_at=end,
            interviewers=(interviewer,),
        )
    )
    thanks = plan(app, now=end).of_kind(ActionKind.THANK)[0]
    assert thanks.send_at == pendulum.datetime(2026, 11, 27, 9, tz="America/New_York")
    assert thanks.rationale.endswith(
        "Moved past Thanksgiving Day (Thursday 26 November), a public holiday in US."
    )


# -- where a recipient is, and the ways out --------------------------------------


def test_a_persons_own_country_comes_before_their_zones() -> None:
    # A New Yorker by country, working on London time.
    made = planned(
        application(
            "Europe/London",
            dt.date(2026, 11, 24),
            timezone="Europe/London",
            country="US",
        )
    )
    first = check_ins(made)[0]
    assert first.calendar == "US public holidays, Saturday–Sunday weekend"
    assert day_of(first.send_at) == dt.date(2026, 11, 27)


def test_without_a_zone_of_their_own_the_interviews_zone_says_where() -> None:
    made = planned(application("America/New_York", dt.date(2026, 11, 24)))
    assert check_ins(made)[0].calendar == "US public holidays, Saturday–Sunday weekend"


def test_the_policys_place_is_for_those_whose_own_country_is_not_known() -> None:
    policy = FollowUpPolicy(calendar=LocalCalendars(country="GB", subdivision="SCT"))
    zoned = planned(
        application(
            "America/New_York", dt.date(2026, 11, 24), timezone="America/New_York"
        ),
        policy,
    )
    first = check_ins(zoned)[0]
    assert first.calendar == "GB-SCT public holidays, Saturday–Sunday weekend"
    assert day_of(first.send_at) == dt.date(
        2026, 11, 26
    )  # Thanksgiving is not Scottish
    own = planned(
        application("America/New_York", dt.date(2026, 11, 24), country="US"), policy
    )
    assert check_ins(own)[0].calendar == "US public holidays, Saturday–Sunday weekend"


def test_one_calendar_for_everyone_wins_and_opts_out_of_holidays() -> None:
    app = application(
        "America/New_York", dt.date(2026, 11, 24), timezone="America/New_York"
    )
    no_holidays = FollowUpPolicy(calendar=BusinessCalendar())
    first = check_ins(planned(app, no_holidays))[0]
    assert day_of(first.send_at) == dt.date(2026, 11, 26)  # Thanksgiving itself
    assert first.rationale == FollowUpPolicy().rationale("check_in_after_decision")
    assert first.calendar == "no public holidays, Saturday–Sunday weekend"
    scottish = FollowUpPolicy(calendar=BusinessCalendar.for_place("GB", "SCT"))
    assert check_ins(planned(app, scottish))[0].calendar == (
        "GB-SCT public holidays, Saturday–Sunday weekend"
    )


def test_an_interview_recorded_in_utc_with_nobodys_country_has_no_holidays() -> None:
    made = planned(application("UTC", dt.date(2026, 12, 23), ends=(2026, 12, 16)))
    first = check_ins(made)[0]
    assert first.calendar == "no public holidays, Saturday–Sunday weekend"
    assert day_of(first.send_at) == dt.date(2026, 12, 25)


def test_the_candidates_own_tasks_carry_no_calendar() -> None:
    made = planned(application("Europe/London", None))
    for action in made:
        if action.kind in (ActionKind.REFLECT, ActionKind.KEEP_SEARCHING):
            assert action.calendar is None
        else:
            assert action.calendar is not None, action


def test_each_action_keeps_its_calendar_through_json_and_pickle() -> None:
    made = planned(
        application(
            "America/New_York", dt.date(2026, 11, 24), timezone="America/New_York"
        )
    )
    again = from_json(Plan, to_json(made))
    assert again == made
    assert [a.calendar for a in again] == [a.calendar for a in made]
    action = check_ins(made)[0]
    assert from_json(type(action), to_json(action)).calendar == action.calendar
    assert pickle.loads(pickle.dumps(action)) == action  # noqa: S301 - our own bytes


def test_an_action_refuses_a_calendar_that_is_not_a_description() -> None:
    action = check_ins(planned(application("Europe/London", None)))[0]
    with pytest.raises(
        ValidationError, match="calendar: expected a calendar's description"
    ):
        attrs.evolve(action, calendar=BusinessCalendar())  # type: ignore[arg-type]


def test_a_subdivision_without_a_country_is_in_the_persons_own_zones_country() -> None:
    # Whichever zone the days are read in, the person says where they are.
    albany = Person(name="Ann Lee", timezone="America/New_York", subdivision="NY")
    policy = FollowUpPolicy()
    assert policy.calendar_for(albany, "Europe/London").description.startswith("US-NY")
    # So the checks of a plan read an interview held elsewhere the same way.
    end = pendulum.datetime(2026, 11, 20, 15, 30, tz="America/Araguaina")
    interview = Interview(
        organisation="Employer Inc",
        role="Analyst",
        starts_at=end.subtract(hours=1),
        ends_at=end,
        interviewers=(albany,),
        decision_expected_by=dt.date(2026, 11, 24),
    )
    app = Application.from_interview(interview)
    made = plan(app, now=end)
    check_plan(made, app)
    first = check_ins(made)[0]
    assert first.calendar == "US-NY public holidays, Saturday–Sunday weekend"
    check_check_ins(interview, [first.send_at])


def test_a_policy_takes_a_calendar_or_each_recipients_own() -> None:
    assert isinstance(FollowUpPolicy().calendar, LocalCalendars)
    with pytest.raises(ValidationError, match="each recipient's own"):
        FollowUpPolicy(calendar="GB")  # type: ignore[arg-type]
    policy = FollowUpPolicy()
    person = Person(name="Ann Lee", country="DE", subdivision="BY")
    assert policy.calendar_for(person, "Europe/London").description.startswith("DE-BY")
    assert policy.calendar_for(None, "Europe/London").description.startswith("GB ")
    with pytest.raises(ValidationError, match="a Person or None"):
        policy.calendar_for("Ann Lee", "Europe/London")  # type: ignore[arg-type]


# -- the calendars of places -----------------------------------------------------


@pytest.mark.parametrize(
    ("country", "weekend"),
    [
        ("US", {SAT, SUN}),
        ("GB", {SAT, SUN}),
        ("SA", {FRI, SAT}),
        ("IL", {FRI, SAT}),
        ("AE", {SAT, SUN}),
        ("IN", {SUN}),
        ("IR", {FRI}),
        ("AF", {THU, FRI}),
        ("BQ", {SAT, SUN}),  # Babel has no likely locale, but has nl_BQ
        ("AQ", {SAT, SUN}),  # no locale at all: the world's weekend
    ],
)
def test_a_countrys_weekend_is_cldrs(
    country: str, weekend: set[pendulum.WeekDay]
) -> None:
    assert _places.weekend_of(country) == weekend
    assert BusinessCalendar.for_place(country).weekend == weekend


def test_every_country_with_holidays_has_a_weekend_of_one_or_two_days() -> None:
    for country in sorted(_places.known_countries()):
        weekend = _places.weekend_of(country)
        assert 1 <= len(weekend) <= 2, country


def test_public_holidays_are_named_in_english_and_checked() -> None:
    bavaria = PublicHolidays("DE", "BY")
    assert pendulum.date(2027, 1, 6) in bavaria
    assert bavaria.name(pendulum.date(2027, 1, 6)) == "Epiphany"
    assert pendulum.date(2027, 1, 6) not in PublicHolidays("DE", "HH")
    assert PublicHolidays("JP").name(pendulum.date(2026, 1, 1)) == "New Year's Day"
    assert (
        dt.datetime(2027, 1, 6, tzinfo=dt.UTC) not in bavaria
    )  # a date, not an instant
    assert "2027-01-06" not in bavaria
    assert bavaria.in_year(2027)[1] == (pendulum.date(2027, 1, 6), "Epiphany")
    assert bavaria == PublicHolidays("DE", "BY")
    assert hash(bavaria) == hash(PublicHolidays("DE", "BY"))
    with pytest.raises(ValidationError, match="in capitals: 'DE'"):
        PublicHolidays("de")
    with pytest.raises(ValidationError, match="a subdivision of DE"):
        PublicHolidays("DE", "XX")
    with pytest.raises(ValidationError, match="a date"):
        bavaria.name("2027-01-06")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="a year"):
        bavaria.year(2027.0)  # type: ignore[arg-type]


def test_a_years_holidays_are_read_once_per_place_and_year() -> None:
    _public.year_of.cache_clear()
    for _ in range(3):
        # A new calendar each time, which reads the years it needs itself.
        calendar = BusinessCalendar(holidays=PublicHolidays("FR"))
        assert calendar.add_business_days(pendulum.date(2026, 12, 20), 10) == (
            pendulum.date(2027, 1, 5)  # past Christmas Day and New Year's Day
        )
    info = _public.year_of.cache_info()
    assert (info.misses, info.hits) == (2, 4)  # 2026 and 2027, each read once


def test_years_the_package_has_no_rules_for_have_no_holidays() -> None:
    us = PublicHolidays("US")
    assert us.in_year(9999) == ()
    assert us.in_year(1) == ()
    calendar = BusinessCalendar(holidays=us)
    assert calendar.add_business_days(pendulum.date(9999, 12, 1), 5) == pendulum.date(
        9999, 12, 8
    )
    with pytest.raises(ValidationError, match="within the years 1 to 9999"):
        calendar.add_business_days(pendulum.date(9999, 12, 1), 100)


def test_calendars_of_places_compare_and_hash_by_place() -> None:
    assert BusinessCalendar.for_place("US", "NY") == BusinessCalendar(
        holidays=PublicHolidays("US", "NY")
    )
    assert BusinessCalendar.for_place("US", "NY") != BusinessCalendar.for_place(
        "US", "CA"
    )
    assert hash(BusinessCalendar.for_place("US")) == hash(
        BusinessCalendar(holidays=PublicHolidays("US"))
    )
    assert BusinessCalendar.for_place("US") is BusinessCalendar.for_place("US")
    calendar = BusinessCalendar.for_place("GB", "WLS")
    assert pickle.loads(pickle.dumps(calendar)) == calendar  # noqa: S301 - our own bytes


def test_a_calendar_says_what_it_is() -> None:
    cases = {
        BusinessCalendar(): "no public holidays, Saturday–Sunday weekend",
        BusinessCalendar(holidays=[pendulum.date(2026, 12, 25)], weekend={FRI, SAT}): (
            "1 holiday given, Friday–Saturday weekend"
        ),
        BusinessCalendar(weekend={SUN, MON}, closes=dt.time.max): (
            "no public holidays, Sunday–Monday weekend, open 09:00–24:00"
        ),
        BusinessCalendar(
            weekend={MON, WED}
        ): "no public holidays, weekend on Monday and Wednesday",
        BusinessCalendar(weekend=()): "no public holidays, no weekend",
        BusinessCalendar(holidays=holidays.country_holidays("GB", subdiv="SCT")): (
            "GB-SCT holidays, Saturday–Sunday weekend"
        ),
        BusinessCalendar.for_place("IN"): "IN public holidays, Sunday weekend",
    }
    for calendar, description in cases.items():
        assert calendar.description == description


def test_local_calendars_check_what_they_are_given() -> None:
    with pytest.raises(ValidationError, match="together with its country"):
        LocalCalendars(subdivision="BY")
    with pytest.raises(ValidationError, match="'GB'"):
        LocalCalendars(country="UK")
    with pytest.raises(ValidationError, match="a time after opens"):
        LocalCalendars(opens=dt.time(18))
    calendars = LocalCalendars(opens=dt.time(8), closes=dt.time(16))
    found = calendars.calendar_for("Asia/Tokyo")
    assert (
        found.description
        == "JP public holidays, Saturday–Sunday weekend, open 08:00–16:00"
    )
    assert calendars.calendar_for("Asia/Tokyo") is found
    with pytest.raises(ValidationError, match="zone"):
        calendars.calendar_for("Mars/Olympus_Mons")
    with pytest.raises(ValidationError, match="in capitals"):
        calendars.calendar_for("Asia/Tokyo", "jp")
    with pytest.raises(ValidationError, match="together with its country"):
        calendars.calendar_for("UTC", None, "BY")


# -- the arithmetic with holidays read year by year ------------------------------

_PLACES = [
    ("US", None),
    ("US", "NY"),
    ("GB", "ENG"),
    ("DE", "BY"),
    ("SA", None),
    ("IN", None),
    ("AU", "NSW"),
    ("CA", "QC"),
    ("JP", None),
    ("IL", None),
]


def _same_calendar_as_a_set(
    place: tuple[str, str | None], first: int, last: int
) -> BusinessCalendar:
    """The place's calendar with its holidays from *first* to *last* as a frozenset."""
    yearly = BusinessCalendar.for_place(*place)
    holidays_ = PublicHolidays(*place)
    days = [
        day for year in range(first, last + 1) for day, _ in holidays_.in_year(year)
    ]
    return attrs.evolve(yearly, holidays=days)


@settings(max_examples=150)
@given(
    place=st.sampled_from(_PLACES),
    start=st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)),
    n=st.integers(-400, 400),
)
def test_counting_with_yearly_holidays_is_counting_with_them_as_a_set(
    place: tuple[str, str | None], start: dt.date, n: int
) -> None:
    # A fresh calendar each time, so that the years it has read so far vary.
    yearly = attrs.evolve(BusinessCalendar.for_place(*place))
    as_set = _same_calendar_as_a_set(place, start.year - 3, start.year + 3)
    result = yearly.add_business_days(start, n)
    assert result == as_set.add_business_days(start, n)
    assert yearly.is_business_day(result)
    assert yearly.business_days_between(start, result) == as_set.business_days_between(
        start, result
    )
    if yearly.is_business_day(start) or n > 0:
        assert yearly.business_days_between(start, result) == n
    opens = pendulum.datetime(start.year, start.month, start.day, 18, tz="UTC")
    assert yearly.next_open(opens, "Asia/Tokyo") == as_set.next_open(
        opens, "Asia/Tokyo"
    )


# -- properties over generated places --------------------------------------------


def _oracle(
    person: Person | None, zone: str
) -> tuple[frozenset[int] | None, holidays.HolidayBase] | None:
    """The weekend and holidays of where *person* is, read from Babel and the
    holidays package directly, or None when no country is known. The weekend
    is None for a country whose likely locale Babel does not have (Bonaire's,
    for one): the library looks further, and this oracle does not."""
    country = subdivision = None
    if person is not None and (person.country or person.subdivision):
        country = person.country or _time.zone_country(zone)
        subdivision = person.subdivision
    else:
        country = _time.zone_country(zone)
    if country is None:
        return None
    known = holidays.country_holidays(country, subdiv=subdivision)
    try:
        locale = babel.Locale.parse(f"und_{country}")
    except babel.UnknownLocaleError:
        return None, known
    weekend = {locale.weekend_start}
    day = locale.weekend_start
    while day != locale.weekend_end:
        day = (day + 1) % 7
        weekend.add(day)
    return frozenset(weekend), known


_WITH_PLACES = pst.applications(
    min_value=dt.datetime(2015, 1, 1, tzinfo=dt.UTC),
    max_value=dt.datetime(2035, 1, 1, tzinfo=dt.UTC),
)


@settings(max_examples=60)
@given(app=_WITH_PLACES, data=st.data())
def test_no_message_is_sent_on_its_recipients_weekend_or_public_holiday(
    app: Application, data: st.DataObject
) -> None:
    made = plan(app, now=app.rounds[-1].ends_at)
    check_plan(made, app)
    for action in (*made.actions, *(done.action for done in made.done), *made.lapsed):
        if not action.kind.is_message:
            continue
        zone = _time.zone_name(action.send_at)
        calendar = FollowUpPolicy().calendar_for(action.recipient, zone)
        if not calendar.is_open(action.send_at, zone):
            continue  # a window with no working hours in it: sent when it opens
        found = _oracle(action.recipient, zone)
        day = day_of(action.send_at)
        if found is None:  # nowhere known: Saturday and Sunday off, no holidays
            assert day.weekday() < 5, action
            continue
        weekend, known = found
        assert day.weekday() not in (weekend or ()), action
        assert day not in known, (action, known.get(day))
        # A check-in's deadline is the close of its day, a business day too.
        if action.kind is ActionKind.CHECK_IN and action.due_at is not None:
            due = day_of(action.due_at)
            assert due.weekday() not in (weekend or ()), action
            assert due not in known, action


@settings(max_examples=60)
@given(
    place=st.sampled_from(_PLACES),
    decided=st.dates(dt.date(2020, 1, 1), dt.date(2032, 12, 1)),
)
def test_the_first_check_in_names_every_holiday_it_was_moved_past(
    place: tuple[str, str | None], decided: dt.date
) -> None:
    country, subdivision = place
    zone = {
        "US": "America/New_York",
        "GB": "Europe/London",
        "DE": "Europe/Berlin",
        "SA": "Asia/Riyadh",
        "IN": "Asia/Kolkata",
        "AU": "Australia/Sydney",
        "CA": "America/Toronto",
        "JP": "Asia/Tokyo",
        "IL": "Asia/Jerusalem",
    }[country]
    ends = decided - dt.timedelta(days=10)
    person = {"timezone": zone, "country": country} | (
        {"subdivision": subdivision} if subdivision else {}
    )
    made = planned(
        application(zone, decided, ends=(ends.year, ends.month, ends.day), **person)
    )
    first = check_ins(made)[0]
    calendar = BusinessCalendar.for_place(country, subdivision)
    day = day_of(first.send_at)
    between = [
        decided + dt.timedelta(days=offset) for offset in range(1, (day - decided).days)
    ]
    skipped = [
        d
        for d in between
        if d.weekday() not in calendar.weekend and d in calendar.holidays
    ]
    # Two business days after the decision, every holiday on a working day
    # between them skipped, and named unless there are more than three.
    assert calendar.business_days_between(decided, day) == 2
    if not skipped:
        assert "Moved past" not in first.rationale
    for holiday in skipped[:3]:
        name = PublicHolidays(country, subdivision).name(holiday)
        assert f"{name} (" in first.rationale
