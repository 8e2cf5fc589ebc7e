"""People, salary ranges, panels and interviews."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from decimal import Decimal

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from postinterview import _time
from postinterview.interview import (
    Channel,
    Format,
    Interview,
    Period,
    Person,
    RunBy,
    SalaryRange,
)
from postinterview.strategies._basics import _emails, _lines, _maybe, _phones
from postinterview.strategies._instants import (
    DEFAULT_MAX,
    DEFAULT_MIN,
    RANGE_MAX,
    ROUND_ROOM,
    _after,
    _utc,
    aware_datetimes,
    zone_names,
)
from postinterview.workdays import _places


def people(
    *, email: bool | None = None, timezone: bool | None = None
) -> st.SearchStrategy[Person]:
    """Return a strategy for :class:`~postinterview.Person` values.

    Requires hypothesis.

    *email* and *timezone* say whether each person has one: ``True`` always,
    ``False`` never, ``None`` (the default) sometimes. Names and titles use
    letters, marks, digits, punctuation and symbols from all of Unicode; the
    fields that say how to greet them (given and family name, honorific,
    salutation) are each sometimes there. Sometimes they have a *country*,
    from countries whose weekends and holidays differ (``"US"``, ``"GB"``,
    ``"DE"``, ``"SA"``, ``"AE"``, ``"IL"``, ``"IN"``...), and then
    sometimes one of its subdivisions; without a country, sometimes a
    subdivision of their zone's country. Sometimes a *locale*, from the
    languages the letters are written in and regional variants of them
    (``"en_GB"``, ``"fr_FR"``, ``"fr_CA"``, ``"pt_BR"``...). Shrinks towards
    a one-character name and no optional fields.
    """
    base = st.builds(
        Person,
        name=_lines(),
        email=_maybe(_emails(), email),
        phone=st.none() | _phones(),
        title=st.none() | _lines(),
        timezone=_maybe(zone_names(), timezone),
        given_name=st.none() | _lines(),
        family_name=st.none() | _lines(),
        honorific=st.none() | _honorifics(),
        salutation=st.none() | _lines().filter(_is_salutation),
        locale=st.none() | st.sampled_from(LOCALES),
    )

    @st.composite
    def draw(draw: st.DrawFn) -> Person:
        person = draw(base)
        country = draw(st.none() | st.sampled_from(COUNTRIES))
        where = country
        if where is None and person.timezone is not None:
            where = _time.zone_country(person.timezone)
        parts = () if where is None else _places.subdivisions(where)
        subdivision = draw(st.none() | st.sampled_from(parts)) if parts else None
        if country is None and subdivision is None:
            return person
        return attrs.evolve(person, country=country, subdivision=subdivision)

    return draw()


#: The countries people are drawn in: weekends on Saturday and Sunday, on
#: Friday and Saturday (Saudi Arabia, Israel, Egypt), on Sunday alone (India)
#: and on Friday alone (Iran); the UAE, which moved its weekend in 2022; and
#: countries whose holidays differ by subdivision (states, nations, Länder,
#: provinces).
COUNTRIES = (
    "US",
    "GB",
    "DE",
    "CA",
    "AU",
    "FR",
    "ES",
    "BR",
    "JP",
    "IN",
    "SA",
    "AE",
    "IL",
    "EG",
    "IR",
    "NZ",
)
#: The language tags drawn: those the letters are written in, and regional
#: variants that fall back to them.
LOCALES = (
    "en_GB",
    "en_US",
    "fr_FR",
    "de_DE",
    "es_ES",
    "pt_BR",
    "en_IE",
    "fr_CA",
    "de_AT",
    "es_MX",
)


def _honorifics() -> st.SearchStrategy[str]:
    known = st.sampled_from(("Dr", "Dr.", "Prof", "Prof.", "Ms", "Mr", "Mx", "Mrs"))
    return known | _lines().filter(
        lambda text: len(text) <= 30 and not any(char.isdigit() for char in text)
    )


def _is_salutation(text: str) -> bool:
    try:
        Person(name="x", salutation=text)
    except ValueError:
        return False
    return True


def salary_ranges() -> st.SearchStrategy[SalaryRange]:
    """Return a strategy for :class:`~postinterview.SalaryRange` values.

    Requires hypothesis.

    Amounts are non-negative with two decimal places. Shrinks towards a zero
    range.
    """
    cents = st.integers(0, 50_000_000)
    return st.builds(
        lambda a, b, currency, period: SalaryRange(
            low=Decimal(min(a, b)).scaleb(-2),
            high=Decimal(max(a, b)).scaleb(-2),
            currency=currency,
            period=period,
        ),
        cents,
        cents,
        st.sampled_from(("GBP", "USD", "EUR", "JPY", "INR", "AUD")),
        st.sampled_from(Period),
    )


def interviews(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
    min_interviewers: int = 0,
    max_interviewers: int = 4,
    run_by: RunBy | None = None,
) -> st.SearchStrategy[Interview]:
    """Return a strategy for valid :class:`~postinterview.Interview` values.

    Requires hypothesis.

    The interview starts between *min_value* and *max_value* in a zone from
    *timezones* (see :func:`aware_datetimes`), lasts from ten minutes to a
    working day, and has between *min_interviewers* and *max_interviewers*
    distinct interviewers. *run_by* fixes who ran it; by default either.
    Decision dates, when present, are dates or instants on or after the
    end. Everything stays inside the library's range: the interview starts
    at least ten minutes before its end (a *min_value* later than that raises
    :class:`~hypothesis.errors.InvalidArgument`), and ends, decision dates
    and closing dates that would pass it are moved to its last instant or
    day. Sometimes it names the language it was held in (a *locale*, as
    :func:`people` draws them). Shrinks towards a short interview in UTC
    with nobody named.
    """
    if not 0 <= min_interviewers <= max_interviewers:
        raise InvalidArgument(
            f"need 0 <= min_interviewers={min_interviewers} <= "
            f"max_interviewers={max_interviewers}"
        )
    starts = aware_datetimes(
        min_value=min_value,
        max_value=_room_for_a_round(min_value, max_value),
        timezones=timezones,
    )
    panels = _panels(min_interviewers, max_interviewers)
    owners = st.sampled_from(RunBy) if run_by is None else st.just(run_by)

    @st.composite
    def draw(draw: st.DrawFn) -> Interview:
        return _interview_from(draw, draw(starts), panels=panels, owners=owners)

    return draw()


def _room_for_a_round(min_value: dt.datetime, max_value: dt.datetime) -> dt.datetime:
    """Return *max_value*, or the last start that leaves a round room to end."""
    latest = RANGE_MAX - ROUND_ROOM
    if _utc(min_value, "min_value") > latest:
        raise InvalidArgument(
            f"min_value={min_value!r} leaves no room for an interview before "
            f"the end of the library's range ({latest.isoformat()} at the latest)"
        )
    return min(_utc(max_value, "max_value"), latest)


@functools.cache
def _panels(least: int, most: int) -> st.SearchStrategy[list[Person]]:
    return st.lists(
        _PERSON,
        min_size=least,
        max_size=most,
        unique_by=repr,  # equal people have equal reprs
    )


# The parts of an interview other than its instants, built once: building
# strategies inside a draw is slow.
_LENGTHS = st.integers(10, 8 * 60)
_DECISIONS = (
    st.none()
    | st.tuples(st.just("days"), st.integers(0, 60))
    | st.tuples(st.just("minutes"), st.integers(0, 60 * 24 * 60))
)
_CLOSING_DAYS = st.none() | st.integers(-30, 30)
_MAYBE_LINE = st.none() | _lines()
_MAYBE_SALARY = st.none() | salary_ranges()
_MAYBE_LOCALE = st.none() | st.sampled_from(LOCALES)
_PERSON = people()
_ROUNDS = st.integers(1, 6)


def _interview_from(
    draw: st.DrawFn,
    starts_at: pendulum.DateTime,
    *,
    panels: st.SearchStrategy[list[Person]],
    owners: st.SearchStrategy[RunBy],
) -> Interview:
    """Draw the rest of an interview that starts at *starts_at*."""
    # The start leaves at least ROUND_ROOM before the end of the range.
    ends_at = _after(starts_at, dt.timedelta(minutes=draw(_LENGTHS)))
    owner = draw(owners)
    decision = _decision(draw, ends_at)
    closing = draw(_CLOSING_DAYS)
    return Interview(
        organisation=draw(_lines()),
        role=draw(_lines()),
        starts_at=starts_at,
        ends_at=ends_at,
        interviewers=draw(panels),
        format=draw(st.sampled_from(Format)),
        location=draw(_MAYBE_LINE),
        run_by=owner,
        agency_contact=draw(_PERSON) if owner is RunBy.AGENCY else None,
        round=draw(_ROUNDS),
        next_stage=draw(_MAYBE_LINE),
        decision_expected_by=decision,
        closing_date=None if closing is None else _day(ends_at.date(), closing),
        preferred_channel=draw(st.sampled_from(Channel)),
        advertised_salary=draw(_MAYBE_SALARY),
        references_may_be_contacted=draw(st.booleans()),
        locale=draw(_MAYBE_LOCALE),
    )


def _decision(
    draw: st.DrawFn, ends_at: pendulum.DateTime
) -> pendulum.Date | pendulum.DateTime | None:
    """Draw when a decision is expected: never said, a date or an instant."""
    stated = draw(_DECISIONS)
    if stated is None:
        return None
    unit, count = stated
    if unit == "days":
        return _day(ends_at.date(), count)
    return _after(ends_at, dt.timedelta(minutes=count))


def _day(day: pendulum.Date, days: int) -> pendulum.Date:
    """Return *days* after *day*, moved into the library's range of dates."""
    ordinal = day.toordinal() + days
    first, last = _time.FIRST_DATE.toordinal(), _time.LAST_DATE.toordinal()
    return pendulum.Date.fromordinal(min(max(ordinal, first), last))
