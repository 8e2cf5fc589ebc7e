"""Tests for postinterview.workdays: business days and opening hours."""

from __future__ import annotations

import datetime as dt
import doctest
import functools
import itertools
import pickle
import zoneinfo

import attrs
import holidays
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from postinterview import _time
from postinterview.errors import NaiveDatetimeError, ValidationError
from postinterview.workdays import BusinessCalendar, _calendar

UTC = dt.UTC
MON, TUE, WED, THU, FRI, SAT, SUN = pendulum.WeekDay
EVERY_DAY = frozenset[pendulum.WeekDay]()


def at(zone: str, year: int, month: int, day: int, *clock: int) -> pendulum.DateTime:
    hour, minute, second, microsecond = (*clock, 0, 0, 0, 0)[:4]
    return pendulum.datetime(
        year, month, day, hour, minute, second, microsecond, tz=zone
    )


def utc(year: int, month: int, day: int, *clock: int) -> pendulum.DateTime:
    return at("UTC", year, month, day, *clock)


def in_utc(instant: dt.datetime) -> dt.datetime:
    """Return *instant* as a stdlib UTC datetime, to compare instants exactly.

    Aware datetimes in the same zone compare by wall time, ignoring fold, and
    one in a fold never equals one in another zone; in UTC neither happens.
    """
    offset = instant.utcoffset()
    assert offset is not None
    wall = dt.datetime(  # noqa: DTZ001 - made aware on the next line
        instant.year,
        instant.month,
        instant.day,
        instant.hour,
        instant.minute,
        instant.second,
        instant.microsecond,
    )
    return (wall - offset).replace(tzinfo=UTC)


def test_doctests() -> None:
    failures, tried = doctest.testmod(_calendar)
    assert tried > 0
    assert failures == 0


# -- construction --------------------------------------------------------------


def test_defaults() -> None:
    cal = BusinessCalendar()
    assert cal.weekend == {SAT, SUN}
    assert cal.opens == dt.time(9)
    assert cal.closes == dt.time(17)
    assert cal.holidays == frozenset()


def test_weekend_ints_and_collections_are_converted() -> None:
    cal = BusinessCalendar(weekend=[4, 5])
    assert cal.weekend == frozenset({FRI, SAT})
    assert all(type(day) is pendulum.WeekDay for day in cal.weekend)
    assert BusinessCalendar(weekend=()).weekend == frozenset()
    assert BusinessCalendar(weekend=range(5, 7)) == BusinessCalendar()


def test_times_are_normalised_to_stdlib() -> None:
    cal = BusinessCalendar(opens=pendulum.time(8, 30), closes=dt.time(18, fold=1))
    assert type(cal.opens) is dt.time
    assert cal.opens == dt.time(8, 30)
    assert cal.closes.fold == 0


def test_holiday_collections_become_frozensets_of_pendulum_dates() -> None:
    cal = BusinessCalendar(holidays=[dt.date(2026, 12, 25), pendulum.date(2026, 1, 1)])
    assert isinstance(cal.holidays, frozenset)
    assert all(type(day) is pendulum.Date for day in cal.holidays)
    assert cal.holidays == {pendulum.date(2026, 12, 25), pendulum.date(2026, 1, 1)}


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"opens": dt.time(17)}, "closes"),
        ({"opens": dt.time(18), "closes": dt.time(9)}, "closes"),
        ({"opens": dt.time(9, tzinfo=UTC)}, "opens"),
        ({"closes": "17:00"}, "closes"),
        ({"opens": dt.datetime(2026, 1, 1, 9)}, "opens"),  # noqa: DTZ001
        ({"weekend": frozenset(pendulum.WeekDay)}, "weekend"),
        ({"weekend": range(7)}, "weekend"),
        ({"weekend": "SAT"}, "weekend"),
        ({"weekend": {7}}, "weekend"),
        ({"weekend": {True}}, "weekend"),
        ({"weekend": {"SAT"}}, "weekend"),
        ({"weekend": SAT}, "weekend"),
        ({"holidays": "2026-12-25"}, "holidays"),
        ({"holidays": 20261225}, "holidays"),
        ({"holidays": [utc(2026, 12, 25)]}, "holidays"),
        ({"holidays": ["2026-12-25"]}, "holidays"),
    ],
)
def test_invalid_values_name_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        BusinessCalendar(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_keyword_only_frozen_and_slotted() -> None:
    cal = BusinessCalendar()
    with pytest.raises(TypeError):
        BusinessCalendar(frozenset({SAT}))  # type: ignore[call-arg]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cal.opens = dt.time(8)  # type: ignore[misc]
    assert not hasattr(cal, "__dict__")


def test_equality_and_hash() -> None:
    listed = BusinessCalendar(holidays=[pendulum.date(2026, 12, 25)])
    frozen = BusinessCalendar(holidays=frozenset({dt.date(2026, 12, 25)}))
    assert listed == frozen
    assert hash(listed) == hash(frozen)
    assert listed != BusinessCalendar()
    assert BusinessCalendar(opens=dt.time(8)) != BusinessCalendar()

    gb = holidays.country_holidays("GB")
    with_gb = BusinessCalendar(holidays=gb)
    assert with_gb.holidays is gb
    assert with_gb == BusinessCalendar(holidays=gb)  # the same container
    assert with_gb != BusinessCalendar(holidays=holidays.country_holidays("GB"))
    assert with_gb != BusinessCalendar()
    # A container compared by identity is not hashed: a copy would hash apart.
    assert hash(with_gb) == hash(
        BusinessCalendar(holidays=holidays.country_holidays("GB"))
    )
    assert len({with_gb, BusinessCalendar(holidays=gb)}) == 1
    # Sets of dates and public holidays are hashed by value, so that calendars
    # of different places hash apart.
    assert hash(listed) != hash(BusinessCalendar())
    copied = pickle.loads(pickle.dumps(with_gb))  # noqa: S301 - our own value
    assert hash(copied) == hash(with_gb)


def test_evolve_and_pickle() -> None:
    cal = BusinessCalendar(holidays={pendulum.date(2026, 12, 25)})
    later = attrs.evolve(cal, weekend={SUN})
    assert later.add_business_days(pendulum.date(2026, 12, 24), 1) == pendulum.date(
        2026, 12, 26
    )
    copy = pickle.loads(pickle.dumps(later))  # noqa: S301 - our own value
    assert copy == later
    assert copy.add_business_days(pendulum.date(2026, 12, 24), 1) == pendulum.date(
        2026, 12, 26
    )


# -- business days ---------------------------------------------------------------


def test_add_business_days_examples() -> None:
    cal = BusinessCalendar()
    friday, saturday, sunday = (pendulum.date(2026, 11, d) for d in (20, 21, 22))
    monday = pendulum.date(2026, 11, 23)
    assert cal.add_business_days(friday, 1) == monday
    assert cal.add_business_days(saturday, 1) == monday
    assert cal.add_business_days(sunday, 1) == monday
    assert cal.add_business_days(friday, 0) == friday
    assert cal.add_business_days(saturday, 0) == monday
    assert cal.add_business_days(monday, -1) == friday
    assert cal.add_business_days(sunday, -1) == friday
    assert cal.add_business_days(friday, 5) == pendulum.date(2026, 11, 27)
    assert cal.add_business_days(friday, -5) == pendulum.date(2026, 11, 13)


def test_stdlib_dates_in_pendulum_dates_out() -> None:
    cal = BusinessCalendar()
    result = cal.add_business_days(dt.date(2026, 11, 20), 1)
    assert type(result) is pendulum.Date
    assert result == dt.date(2026, 11, 23)
    assert cal.business_days_between(dt.date(2026, 11, 20), dt.date(2026, 11, 27)) == 5
    assert cal.is_business_day(dt.date(2026, 11, 20))


def test_business_days_between_examples() -> None:
    cal = BusinessCalendar()
    friday, saturday = pendulum.date(2026, 11, 20), pendulum.date(2026, 11, 21)
    monday = pendulum.date(2026, 11, 23)
    assert cal.business_days_between(friday, friday) == 0
    assert cal.business_days_between(friday, saturday) == 0
    assert cal.business_days_between(saturday, monday) == 1
    assert cal.business_days_between(friday, monday) == 1
    assert cal.business_days_between(monday, friday) == -1
    assert cal.business_days_between(friday, pendulum.date(2027, 11, 19)) == 260


def test_large_counts_use_week_arithmetic() -> None:
    cal = BusinessCalendar(holidays=[pendulum.date(2026, 12, 25)])
    monday = pendulum.date(2026, 11, 23)
    far = cal.add_business_days(monday, 1_000_000)
    assert far == monday.add(days=1_400_000 + 1)  # one holiday on a weekday
    assert cal.business_days_between(monday, far) == 1_000_000
    assert cal.add_business_days(far, -1_000_000) == monday


def test_out_of_range_names_n() -> None:
    cal = BusinessCalendar()
    with pytest.raises(ValidationError) as info:
        cal.add_business_days(pendulum.date(9999, 12, 30), 2)
    assert info.value.field == "n"
    with pytest.raises(ValidationError, match=r"^n: "):
        cal.add_business_days(pendulum.date(1, 1, 1), -1)
    opaque = BusinessCalendar(holidays=Opaque(frozenset()))
    with pytest.raises(ValidationError, match=r"^n: "):
        opaque.add_business_days(pendulum.date(9999, 12, 30), 2)
    assert cal.add_business_days(pendulum.date(9999, 12, 30), 1) == pendulum.date(
        9999, 12, 31
    )


@pytest.mark.parametrize("n", [1.0, True, "1", None])
def test_n_must_be_an_int(n: object) -> None:
    with pytest.raises(ValidationError, match=r"^n: "):
        BusinessCalendar().add_business_days(pendulum.date(2026, 1, 1), n)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [utc(2026, 1, 1), "2026-01-01", None, 739000])
def test_dates_must_be_dates(value: object) -> None:
    cal = BusinessCalendar()
    with pytest.raises(ValidationError) as info:
        cal.is_business_day(value)  # type: ignore[arg-type]
    assert info.value.field == "date"
    with pytest.raises(ValidationError, match=r"^end: "):
        cal.business_days_between(pendulum.date(2026, 1, 1), value)  # type: ignore[arg-type]


def test_gb_holidays_plug_in_unchanged() -> None:
    gb = holidays.country_holidays("GB")
    cal = BusinessCalendar(holidays=gb)
    christmas_eve = pendulum.date(2026, 12, 24)  # a Thursday
    assert cal.is_business_day(christmas_eve)
    assert not cal.is_business_day(pendulum.date(2026, 12, 25))  # Christmas Day
    assert not cal.is_business_day(pendulum.date(2026, 12, 28))  # Boxing Day, moved
    assert cal.add_business_days(christmas_eve, 1) == pendulum.date(2026, 12, 29)
    assert cal.add_business_days(pendulum.date(2026, 12, 29), -1) == christmas_eve
    assert cal.business_days_between(christmas_eve, pendulum.date(2026, 12, 29)) == 1
    # Good Friday is 3 April 2026; Easter Monday, 6 April, is a holiday in
    # England but not in Scotland, so not in GB as a whole.
    maundy_thursday = pendulum.date(2026, 4, 2)
    assert cal.add_business_days(maundy_thursday, 1) == pendulum.date(2026, 4, 6)
    england = BusinessCalendar(holidays=holidays.country_holidays("GB", subdiv="ENG"))
    assert england.add_business_days(maundy_thursday, 1) == pendulum.date(2026, 4, 7)
    evening = at("Europe/London", 2026, 12, 24, 17, 30)
    assert cal.next_open(evening, "Europe/London") == at(
        "Europe/London", 2026, 12, 29, 9
    )


def test_friday_saturday_weekend() -> None:
    cal = BusinessCalendar(weekend={FRI, SAT})
    thursday = pendulum.date(2026, 11, 19)
    assert not cal.is_business_day(pendulum.date(2026, 11, 20))
    assert cal.is_business_day(pendulum.date(2026, 11, 22))  # Sunday
    assert cal.add_business_days(thursday, 1) == pendulum.date(2026, 11, 22)
    assert cal.add_business_days(pendulum.date(2026, 11, 22), -1) == thursday
    evening = at("Asia/Riyadh", 2026, 11, 19, 17, 30)
    opening = cal.next_open(evening, "Asia/Riyadh")
    assert opening == at("Asia/Riyadh", 2026, 11, 22, 9)
    assert _time.zone_name(opening) == "Asia/Riyadh"


# -- opening hours -----------------------------------------------------------------


def test_london_examples() -> None:
    cal = BusinessCalendar()
    london = "Europe/London"
    friday_1630 = at(london, 2026, 11, 20, 16, 30)
    monday_0900 = at(london, 2026, 11, 23, 9)
    assert cal.is_open(friday_1630, london)
    assert cal.next_open(friday_1630, london) == friday_1630
    assert cal.next_open(at(london, 2026, 11, 20, 17), london) == monday_0900
    assert cal.next_open(at(london, 2026, 11, 20, 17, 30), london) == monday_0900
    assert cal.next_open(at(london, 2026, 11, 21, 12), london) == monday_0900
    assert cal.next_open(at(london, 2026, 11, 23, 8, 59), london) == monday_0900
    assert not cal.is_open(at(london, 2026, 11, 20, 17), london)
    assert cal.is_open(at(london, 2026, 11, 20, 9), london)
    assert not cal.is_open(at(london, 2026, 11, 20, 8, 59, 59), london)


def test_the_zone_of_the_call_decides_not_that_of_the_instant() -> None:
    cal = BusinessCalendar()
    instant = at("Asia/Tokyo", 2026, 11, 21, 1, 30)  # Friday 16:30 in London
    assert cal.is_open(instant, "Europe/London")
    assert not cal.is_open(instant, "Asia/Tokyo")
    opening = cal.next_open(instant, "Europe/London")
    assert opening == instant
    assert _time.zone_name(opening) == "Europe/London"
    assert type(opening) is pendulum.DateTime
    stdlib = dt.datetime(
        2026, 11, 20, 17, 30, tzinfo=zoneinfo.ZoneInfo("Europe/London")
    )
    fixed = dt.datetime(2026, 11, 20, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert cal.next_open(stdlib, "Europe/London") == at(
        "Europe/London", 2026, 11, 23, 9
    )
    assert cal.next_open(fixed, "Europe/London") == at("Europe/London", 2026, 11, 23, 9)


def test_instants_must_be_aware_and_zones_named() -> None:
    cal = BusinessCalendar()
    with pytest.raises(NaiveDatetimeError, match=r"^instant: "):
        cal.is_open(dt.datetime(2026, 11, 20, 12), "Europe/London")  # noqa: DTZ001
    with pytest.raises(NaiveDatetimeError, match=r"^instant: "):
        cal.next_open(pendulum.naive(2026, 11, 20, 12), "Europe/London")
    with pytest.raises(ValidationError, match=r"^instant: "):
        cal.next_open(pendulum.date(2026, 11, 20), "Europe/London")  # type: ignore[arg-type]
    for zone in ("europe/london", "+01:00", "Mars/Olympus", None):
        with pytest.raises(ValidationError) as info:
            cal.next_open(utc(2026, 11, 20), zone)  # type: ignore[arg-type]
        assert info.value.field == "zone"


def test_the_end_of_time() -> None:
    cal = BusinessCalendar()
    with pytest.raises(ValidationError, match=r"^instant: "):
        cal.next_open(utc(9999, 12, 31, 18), "Europe/London")
    with pytest.raises(ValidationError, match=r"^instant: "):
        cal.next_open(utc(9999, 12, 31, 18), "Pacific/Kiritimati")
    assert cal.next_open(utc(9999, 12, 31, 8), "Europe/London") == utc(9999, 12, 31, 9)


NEW_YORK = "America/New_York"
NO_WEEKEND = BusinessCalendar(weekend=EVERY_DAY)


def test_new_york_nine_to_five_on_the_change_days() -> None:
    # Sunday 8 March 2026, 02:00 EST -> 03:00 EDT; Sunday 1 November 2026,
    # 02:00 EDT -> 01:00 EST. Normal hours are not touched.
    assert NO_WEEKEND.next_open(utc(2026, 3, 8), NEW_YORK) == utc(2026, 3, 8, 13)
    assert NO_WEEKEND.next_open(utc(2026, 11, 1), NEW_YORK) == utc(2026, 11, 1, 14)
    assert NO_WEEKEND.next_open(utc(2026, 11, 1, 22), NEW_YORK) == utc(2026, 11, 2, 14)
    weekdays = BusinessCalendar()
    assert weekdays.next_open(utc(2026, 3, 7, 23), NEW_YORK) == at(
        NEW_YORK, 2026, 3, 9, 9
    )


def test_new_york_opening_in_the_spring_gap() -> None:
    cal = BusinessCalendar(weekend=EVERY_DAY, opens=dt.time(2, 30))
    midnight = at(NEW_YORK, 2026, 3, 8)
    opening = cal.next_open(midnight, NEW_YORK)
    assert opening == utc(2026, 3, 8, 7)  # the first instant after the gap
    assert (opening.hour, opening.minute) == (3, 0)
    assert not cal.is_open(utc(2026, 3, 8, 6, 59, 59, 999999), NEW_YORK)
    assert cal.is_open(utc(2026, 3, 8, 7), NEW_YORK)
    # The next day opens at 02:30 as usual.
    assert cal.next_open(utc(2026, 3, 8, 22), NEW_YORK) == at(
        NEW_YORK, 2026, 3, 9, 2, 30
    )


def test_new_york_closing_in_the_spring_gap() -> None:
    cal = BusinessCalendar(weekend=EVERY_DAY, opens=dt.time(0), closes=dt.time(2, 30))
    assert cal.is_open(utc(2026, 3, 8, 6, 59, 59, 999999), NEW_YORK)  # 01:59:59 EST
    assert not cal.is_open(utc(2026, 3, 8, 7), NEW_YORK)  # 03:00 EDT
    assert cal.next_open(utc(2026, 3, 8, 7), NEW_YORK) == at(NEW_YORK, 2026, 3, 9)


def test_a_day_whose_hours_fall_in_the_gap_does_not_open() -> None:
    cal = BusinessCalendar(
        weekend=EVERY_DAY, opens=dt.time(2, 10), closes=dt.time(2, 50)
    )
    assert cal.next_open(at(NEW_YORK, 2026, 3, 8), NEW_YORK) == at(
        NEW_YORK, 2026, 3, 9, 2, 10
    )
    assert not cal.is_open(utc(2026, 3, 8, 7), NEW_YORK)


def test_new_york_opening_in_the_autumn_fold() -> None:
    cal = BusinessCalendar(weekend=EVERY_DAY, opens=dt.time(1, 30))
    opening = cal.next_open(at(NEW_YORK, 2026, 11, 1), NEW_YORK)
    assert in_utc(opening) == utc(2026, 11, 1, 5, 30)  # 01:30 EDT, the first of the two
    assert opening.utcoffset() == dt.timedelta(hours=-4)
    # The day is one stretch: the repeated hour is worked twice over.
    assert cal.is_open(utc(2026, 11, 1, 6, 15), NEW_YORK)  # 01:15 EST
    later = utc(2026, 11, 1, 6, 15)
    assert in_utc(cal.next_open(later, NEW_YORK)) == later


def test_new_york_closing_in_the_autumn_fold() -> None:
    cal = BusinessCalendar(weekend=EVERY_DAY, opens=dt.time(0), closes=dt.time(1, 30))
    assert cal.is_open(utc(2026, 11, 1, 5, 29), NEW_YORK)  # 01:29 EDT
    assert not cal.is_open(utc(2026, 11, 1, 5, 30), NEW_YORK)  # the first 01:30
    assert not cal.is_open(utc(2026, 11, 1, 6, 15), NEW_YORK)  # 01:15 EST: closed
    assert cal.next_open(utc(2026, 11, 1, 6, 15), NEW_YORK) == at(NEW_YORK, 2026, 11, 2)


LORD_HOWE = "Australia/Lord_Howe"


def test_lord_howe_half_hour_changes() -> None:
    # Sunday 4 October 2026, 02:00 +10:30 -> 02:30 +11; Sunday 5 April 2026,
    # 02:00 +11 -> 01:30 +10:30.
    spring = BusinessCalendar(weekend=EVERY_DAY, opens=dt.time(2, 15))
    opening = spring.next_open(at(LORD_HOWE, 2026, 10, 4), LORD_HOWE)
    assert opening == utc(2026, 10, 3, 15, 30)
    assert (opening.hour, opening.minute) == (2, 30)
    assert not spring.is_open(utc(2026, 10, 3, 15, 29, 59), LORD_HOWE)

    autumn = BusinessCalendar(weekend=EVERY_DAY, opens=dt.time(1, 45))
    opening = autumn.next_open(at(LORD_HOWE, 2026, 4, 5), LORD_HOWE)
    assert in_utc(opening) == utc(2026, 4, 4, 14, 45)  # 01:45 +11, the first of the two
    assert autumn.is_open(utc(2026, 4, 4, 15, 5), LORD_HOWE)  # 01:35 +10:30

    closing = BusinessCalendar(
        weekend=EVERY_DAY, opens=dt.time(0), closes=dt.time(1, 45)
    )
    assert closing.is_open(utc(2026, 4, 4, 14, 44), LORD_HOWE)
    assert not closing.is_open(utc(2026, 4, 4, 14, 45), LORD_HOWE)
    assert not closing.is_open(utc(2026, 4, 4, 15, 5), LORD_HOWE)

    nine_to_five = BusinessCalendar()
    assert nine_to_five.next_open(at(LORD_HOWE, 2026, 4, 3, 18), LORD_HOWE) == at(
        LORD_HOWE, 2026, 4, 6, 9
    )


def test_holidays_skip_opening_hours() -> None:
    cal = BusinessCalendar(holidays=Opaque(frozenset({pendulum.date(2026, 11, 23)})))
    friday = at("Europe/London", 2026, 11, 20, 17)
    assert cal.next_open(friday, "Europe/London") == at(
        "Europe/London", 2026, 11, 24, 9
    )


# -- properties --------------------------------------------------------------------


@attrs.frozen
class Opaque:
    """Holidays that can only be asked about one date at a time."""

    dates: frozenset[dt.date]

    def __contains__(self, item: object) -> bool:
        return item in self.dates


def _kept(name: str) -> bool:
    """Whether the library takes the zone *name* and keeps it under that name
    (a link reads as its target; fixed offsets and "localtime" are refused)."""
    try:
        return _time.zone(name).name == name
    except ValidationError:
        return False


ZONES = sorted(filter(_kept, zoneinfo.available_timezones()))
# Zones with odd changes: at midnight (Santiago, Asuncion, Havana, Beirut),
# by 30 minutes (Lord Howe), by 2 hours (Troll), negative DST (Dublin), twice
# a year around Ramadan (Casablanca), and a few ordinary ones.
CHANGING_ZONES = [
    "Africa/Casablanca",
    "America/Asuncion",
    "America/Havana",
    "America/New_York",
    "America/Santiago",
    "America/St_Johns",
    "Antarctica/Troll",
    "Asia/Beirut",
    "Asia/Tehran",
    "Australia/Lord_Howe",
    "Europe/Dublin",
    "Europe/London",
    "Pacific/Chatham",
]
FIRST_DAY, LAST_DAY = dt.date(2024, 1, 1), dt.date(2028, 12, 31)
days = st.dates(FIRST_DAY, LAST_DAY)
weekends = st.frozensets(st.sampled_from(list(pendulum.WeekDay)), max_size=6)
holiday_sets = st.frozensets(st.dates(FIRST_DAY, LAST_DAY), max_size=60)
# Long runs of holidays, to make the search past them work.
holiday_runs = st.tuples(days, st.integers(1, 40)).map(
    lambda run: frozenset(run[0] + dt.timedelta(days=i) for i in range(run[1]))
)
holiday_containers = st.one_of(holiday_sets, holiday_runs, holiday_sets.map(Opaque))


@st.composite
def hours(draw: st.DrawFn, near: tuple[dt.time, ...] = ()) -> tuple[dt.time, dt.time]:
    """Draw opens < closes, often close to the clock times in *near*."""
    candidates = st.times()
    if near:
        candidates = st.one_of(
            st.times(),
            st.tuples(st.sampled_from(near), st.integers(-90, 90)).map(_shift),
        )
    opens, closes = draw(candidates), draw(candidates)
    assume(opens != closes)
    return min(opens, closes), max(opens, closes)


def _shift(item: tuple[dt.time, int]) -> dt.time:
    clock, minutes = item
    moved = dt.datetime.combine(dt.date(2000, 1, 2), clock) + dt.timedelta(
        minutes=minutes
    )
    return moved.time()


@st.composite
def calendars(
    draw: st.DrawFn, near: tuple[dt.time, ...] = (), hols: bool = True
) -> BusinessCalendar:
    opens, closes = draw(hours(near))
    return BusinessCalendar(
        weekend=draw(weekends),
        opens=opens,
        closes=closes,
        holidays=draw(holiday_containers) if hols else frozenset(),
    )


@functools.cache
def changes(name: str, year: int) -> tuple[dt.datetime, ...]:
    """The instants in *year* when the offset of *name* changes (3-hour sweep)."""
    tz = zoneinfo.ZoneInfo(name)
    found = []
    step = dt.timedelta(hours=3)
    here = dt.datetime(year, 1, 1, tzinfo=UTC)
    offset = here.astimezone(tz).utcoffset()
    while here.year == year:
        there = here + step
        if there.astimezone(tz).utcoffset() != offset:
            low, high = here, there  # bisect to the second
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                if middle.astimezone(tz).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            found.append(high.replace(microsecond=0))
            offset = there.astimezone(tz).utcoffset()
        here = there
    return tuple(found)


@st.composite
def scenarios(
    draw: st.DrawFn,
) -> tuple[BusinessCalendar, str, dt.datetime]:
    """A calendar, a zone and an instant, often close to a change of offset.

    The calendar's hours are then often close to the clock times on either
    side of the change, so that they fall into gaps and folds.
    """
    if draw(st.booleans()):
        name = draw(st.sampled_from(ZONES))
        year = draw(st.one_of(st.integers(1970, 2040), st.integers(1850, 2100)))
    else:
        name = draw(st.sampled_from(CHANGING_ZONES))
        year = draw(st.integers(2000, 2030))
    found = changes(name, year)
    tz = zoneinfo.ZoneInfo(name)
    near: tuple[dt.time, ...] = ()
    if found and draw(st.integers(0, 4)) > 0:
        change = draw(st.sampled_from(found))
        near = (
            (change - dt.timedelta(microseconds=1)).astimezone(tz).time(),
            change.astimezone(tz).time(),
        )
        # Mostly just before the change or on the day before, so that the
        # opening found is often the one the change disturbs.
        offset = draw(
            st.one_of(
                st.timedeltas(-dt.timedelta(hours=3), dt.timedelta(hours=1)),
                st.timedeltas(-dt.timedelta(hours=30), dt.timedelta(hours=1)),
                st.timedeltas(-dt.timedelta(days=3), dt.timedelta(days=3)),
            )
        )
        instant = change + offset
    else:
        start = dt.datetime(year, 1, 1, tzinfo=UTC)
        instant = start + draw(st.timedeltas(dt.timedelta(0), dt.timedelta(days=365)))
    cal = draw(calendars(near, hols=False))
    if draw(st.booleans()) and near:
        cal = attrs.evolve(cal, weekend=frozenset())
    local_day = instant.astimezone(tz).date()
    days_off = draw(
        st.frozensets(
            st.integers(-10, 10).map(lambda i: local_day + dt.timedelta(days=i)),
            max_size=8,
        )
    )
    cal = attrs.evolve(cal, holidays=days_off)
    form = draw(st.sampled_from(["utc", "zone", "pendulum"]))
    if form == "zone":
        instant = instant.astimezone(tz)
    elif form == "pendulum":
        instant = pendulum.instance(instant.astimezone(tz))
    return cal, name, instant


def brute_add(cal: BusinessCalendar, day: dt.date, n: int) -> dt.date:
    step = dt.timedelta(days=1 if n >= 0 else -1)
    if n == 0:
        while not cal.is_business_day(day):
            day += step
        return day
    remaining = abs(n)
    while remaining:
        day += step
        remaining -= cal.is_business_day(day)
    return day


def brute_between(cal: BusinessCalendar, start: dt.date, end: dt.date) -> int:
    low, high, sign = (start, end, 1) if start <= end else (end, start, -1)
    span = (high - low).days
    return sign * sum(
        cal.is_business_day(low + dt.timedelta(days=i)) for i in range(1, span + 1)
    )


@given(calendars(), days, st.integers(-60, 60))
def test_add_matches_counting_day_by_day(
    cal: BusinessCalendar, day: dt.date, n: int
) -> None:
    result = cal.add_business_days(day, n)
    assert result == brute_add(cal, day, n)
    assert type(result) is pendulum.Date


@given(calendars(), days, days)
def test_between_matches_counting_day_by_day(
    cal: BusinessCalendar, start: dt.date, end: dt.date
) -> None:
    assert cal.business_days_between(start, end) == brute_between(cal, start, end)


@given(calendars(), holiday_sets, days, st.integers(-3000, 3000), days)
def test_listed_and_opaque_holidays_agree(
    cal: BusinessCalendar,
    listed: frozenset[dt.date],
    day: dt.date,
    n: int,
    other: dt.date,
) -> None:
    fast = attrs.evolve(cal, holidays=listed)
    slow = attrs.evolve(cal, holidays=Opaque(listed))
    assert fast.add_business_days(day, n) == slow.add_business_days(day, n)
    assert fast.business_days_between(day, other) == slow.business_days_between(
        day, other
    )
    assert fast.is_business_day(day) == slow.is_business_day(day)


@given(calendars(), days, st.integers(-100_000, 100_000))
def test_result_is_a_business_day(cal: BusinessCalendar, day: dt.date, n: int) -> None:
    if isinstance(cal.holidays, Opaque):
        n = n % 200 - 100
    assert cal.is_business_day(cal.add_business_days(day, n))


@given(calendars(), days, st.integers(-5000, 5000))
def test_add_then_between_gives_n(cal: BusinessCalendar, day: dt.date, n: int) -> None:
    if isinstance(cal.holidays, Opaque):
        n = n % 200 - 100
    result = cal.add_business_days(day, n)
    if cal.is_business_day(day) or n > 0:
        assert cal.business_days_between(day, result) == n
    if n > 0:
        assert result > day
    elif n < 0:
        assert result < day
    else:
        assert result >= day


@given(calendars(), days, st.integers(-300, 300), st.integers(-300, 300))
def test_adding_composes_from_business_days(
    cal: BusinessCalendar, day: dt.date, n: int, m: int
) -> None:
    start = cal.add_business_days(day, 0)
    assert cal.add_business_days(cal.add_business_days(start, n), m) == (
        cal.add_business_days(start, n + m)
    )
    assert cal.add_business_days(start, n) < cal.add_business_days(start, n + 1)


@given(calendars(), days, days, days)
def test_between_adds_up_and_is_antisymmetric(
    cal: BusinessCalendar, a: dt.date, b: dt.date, c: dt.date
) -> None:
    ab = cal.business_days_between(a, b)
    assert ab == -cal.business_days_between(b, a)
    assert ab + cal.business_days_between(b, c) == cal.business_days_between(a, c)


@given(scenarios(), st.data())
def test_next_open_invariants(
    scenario: tuple[BusinessCalendar, str, dt.datetime], data: st.DataObject
) -> None:
    cal, name, instant = scenario
    opening = cal.next_open(instant, name)
    assert type(opening) is pendulum.DateTime
    assert _time.zone_name(opening) == name
    start, end = in_utc(instant), in_utc(opening)
    assert end >= start
    assert cal.is_open(opening, name)
    assert in_utc(cal.next_open(opening, name)) == end
    assert cal.is_open(instant, name) == (end == start)
    if end > start:
        micros = (end - start) // dt.timedelta(microseconds=1)
        samples = data.draw(st.lists(st.integers(0, micros - 1), max_size=5))
        for sample in [0, micros - 1, micros // 2, *samples]:
            between = start + dt.timedelta(microseconds=sample)
            assert not cal.is_open(between, name)


@given(scenarios())
def test_next_open_matches_reading_the_clock(
    scenario: tuple[BusinessCalendar, str, dt.datetime],
) -> None:
    cal, name, instant = scenario
    expected = oracle_next_open(cal, name, instant.astimezone(UTC))
    assert in_utc(cal.next_open(instant, name)) == expected


# Places that keep one offset all through the days drawn, from eleven hours
# west to fourteen east (the library refuses fixed-offset zones such as
# Etc/GMT+5; no place keeps twelve hours west).
STEADY_ZONES = {
    -11: "Pacific/Pago_Pago",
    -10: "Pacific/Honolulu",
    -9: "Pacific/Gambier",
    -8: "Pacific/Pitcairn",
    -7: "America/Phoenix",
    -6: "America/Regina",
    -5: "America/Bogota",
    -4: "America/La_Paz",
    -3: "America/Argentina/Buenos_Aires",
    -2: "America/Noronha",
    -1: "Atlantic/Cape_Verde",
    0: "UTC",
    1: "Africa/Lagos",
    2: "Africa/Johannesburg",
    3: "Europe/Moscow",
    4: "Asia/Dubai",
    5: "Asia/Tashkent",
    6: "Asia/Dhaka",
    7: "Asia/Bangkok",
    8: "Asia/Singapore",
    9: "Asia/Tokyo",
    10: "Australia/Brisbane",
    11: "Pacific/Guadalcanal",
    12: "Pacific/Tarawa",
    13: "Pacific/Tongatapu",
    14: "Pacific/Kiritimati",
}


def test_the_steady_zones_keep_their_offset_on_every_day_drawn() -> None:
    for hours, name in STEADY_ZONES.items():
        tz = zoneinfo.ZoneInfo(name)
        for day in (FIRST_DAY - dt.timedelta(days=1), *_month_starts()):
            local = dt.datetime.combine(day, dt.time(12), tzinfo=tz)
            assert local.utcoffset() == dt.timedelta(hours=hours), (name, day)


def _month_starts() -> list[dt.date]:
    return [
        dt.date(year, month, 1)
        for year in range(FIRST_DAY.year, LAST_DAY.year + 2)
        for month in range(1, 13)
    ]


@given(calendars(hols=False), days, st.sampled_from(sorted(STEADY_ZONES)), st.times())
def test_zones_of_one_offset_read_the_wall_clock(
    cal: BusinessCalendar, day: dt.date, hours: int, clock: dt.time
) -> None:
    name = STEADY_ZONES[hours]
    tz = zoneinfo.ZoneInfo(name)
    local = dt.datetime.combine(day, clock, tzinfo=tz)
    expected = local
    if not (cal.is_business_day(day) and cal.opens <= clock < cal.closes):
        if not cal.is_business_day(day) or clock >= cal.closes:
            day = cal.add_business_days(day, 1)
        expected = dt.datetime.combine(day, cal.opens, tzinfo=tz)
    assert in_utc(cal.next_open(local, name)) == in_utc(expected)
    assert cal.is_open(local, name) == (expected == local)


# -- an independent model of the clock, from the list of changes -------------------


def first_reading(name: str, local: dt.datetime) -> dt.datetime:
    """The first instant at which the clock reads *local* or later (aware UTC)."""
    tz = zoneinfo.ZoneInfo(name)
    starts = [dt.datetime(local.year - 1, 1, 1, tzinfo=UTC)]
    for year in range(local.year - 1, local.year + 2):
        starts.extend(changes(name, year))
    starts.append(dt.datetime(local.year + 2, 1, 1, tzinfo=UTC))
    for start, end in itertools.pairwise(starts):
        offset = start.astimezone(tz).utcoffset()
        assert offset is not None
        # Over [start, end) the clock reads from start + offset to end + offset.
        if (end + offset).replace(tzinfo=None) > local:
            return max(start, (local - offset).replace(tzinfo=UTC))
    raise AssertionError(local)


def oracle_next_open(
    cal: BusinessCalendar, name: str, instant: dt.datetime
) -> dt.datetime:
    day = instant.astimezone(zoneinfo.ZoneInfo(name)).date()
    while True:
        if cal.is_business_day(day):
            closing = first_reading(name, dt.datetime.combine(day, cal.closes))
            opening = first_reading(name, dt.datetime.combine(day, cal.opens))
            if closing > instant and opening < closing:
                return max(opening, instant)
        day += dt.timedelta(days=1)
