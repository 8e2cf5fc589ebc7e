"""Business calendars: weekends, opening hours and holidays; each recipient's own."""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from postinterview.strategies._instants import DEFAULT_MAX, DEFAULT_MIN
from postinterview.strategies._interviews import COUNTRIES
from postinterview.workdays import BusinessCalendar, LocalCalendars, _places

DEFAULT_MIN_DATE = DEFAULT_MIN.date()
DEFAULT_MAX_DATE = DEFAULT_MAX.date()
_MINUTES_IN_A_DAY = 24 * 60
_WEEKENDS: tuple[frozenset[pendulum.WeekDay], ...] = (
    frozenset({pendulum.WeekDay.SATURDAY, pendulum.WeekDay.SUNDAY}),
    frozenset({pendulum.WeekDay.FRIDAY, pendulum.WeekDay.SATURDAY}),
    frozenset({pendulum.WeekDay.SUNDAY}),
    frozenset({pendulum.WeekDay.FRIDAY}),
    frozenset({pendulum.WeekDay.THURSDAY, pendulum.WeekDay.FRIDAY}),
    frozenset(),
)
# Opening and closing times as minutes after midnight; _MINUTES_IN_A_DAY
# stands for the last instant of the day. Besides office hours: times in the
# hours that clocks skip or repeat somewhere (00:00 to 03:00), and days that
# open very early or close very late.
_OPENS = (9 * 60, 8 * 60, 0, 30, 60, 90, 120, 150, 180, 6 * 60, 22 * 60, 23 * 60 + 30)
_CLOSES = (17 * 60, 18 * 60, 45, 90, 150, 180, 200, 12 * 60, 23 * 60 + 59)


def _clock(minutes: int) -> dt.time:
    if minutes >= _MINUTES_IN_A_DAY:
        return dt.time.max
    return dt.time(minutes // 60, minutes % 60)


def _date_bound(value: dt.date, name: str) -> dt.date:
    candidate: object = value
    if isinstance(candidate, dt.datetime) or not isinstance(candidate, dt.date):
        raise InvalidArgument(f"{name}={value!r} must be a date")
    return dt.date(candidate.year, candidate.month, candidate.day)


def calendars(
    *,
    min_value: dt.date = DEFAULT_MIN_DATE,
    max_value: dt.date = DEFAULT_MAX_DATE,
) -> st.SearchStrategy[BusinessCalendar]:
    """Return a strategy for :class:`~postinterview.BusinessCalendar` values.

    Requires hypothesis.

    Weekends include Saturday-Sunday, Friday-Saturday, one day, none, and any
    set of up to six days. Opening hours include office hours, days that
    open or close very early or very late, and times such as 02:30 that a DST
    change skips or repeats in some zones. Holidays are a frozenset of up to
    four runs of 1 to 14 consecutive dates between *min_value* and
    *max_value* (dates, inclusive); narrow the range to where your instants
    are, so that holidays matter. Shrinks towards the default calendar:
    Saturday and Sunday off, 09:00 to 17:00, no holidays.
    """
    low = _date_bound(min_value, "min_value")
    high = _date_bound(max_value, "max_value")
    if low > high:
        raise InvalidArgument(
            f"min_value={min_value!r} is after max_value={max_value!r}"
        )
    span = (high - low).days
    weekends = st.sampled_from(_WEEKENDS) | st.frozensets(
        st.sampled_from(pendulum.WeekDay), max_size=6
    )
    runs = st.lists(st.tuples(st.integers(0, span), st.integers(1, 14)), max_size=4)

    @st.composite
    def draw(draw: st.DrawFn) -> BusinessCalendar:
        weekend = draw(weekends)
        opens, closes = _opening_hours(draw)
        holidays = frozenset(
            low + dt.timedelta(days=start + day)
            for start, length in draw(runs)
            for day in range(min(length, span - start + 1))
        )
        return BusinessCalendar(
            weekend=weekend,
            opens=_clock(opens),
            closes=_clock(closes),
            holidays=holidays,
        )

    return draw()


def _opening_hours(draw: st.DrawFn) -> tuple[int, int]:
    """Draw opening and closing times in minutes after midnight, in that order."""
    opens = draw(st.sampled_from(_OPENS) | st.integers(0, _MINUTES_IN_A_DAY - 1))
    later = st.integers(opens + 1, _MINUTES_IN_A_DAY)
    closes_after = [minutes for minutes in _CLOSES if minutes > opens]
    if closes_after:
        later = st.sampled_from(closes_after) | later
    return opens, draw(later)


def local_calendars() -> st.SearchStrategy[LocalCalendars]:
    """Return a strategy for :class:`~postinterview.workdays.LocalCalendars`.

    Requires hypothesis.

    Sometimes a place for everyone whose own is not known: a country from
    those :func:`people` draws, and sometimes one of its subdivisions.
    Opening hours as :func:`calendars` draws them. Shrinks towards the
    default: no place given, 09:00 to 17:00.
    """

    @st.composite
    def draw(draw: st.DrawFn) -> LocalCalendars:
        country = draw(st.none() | st.sampled_from(COUNTRIES))
        parts = () if country is None else _places.subdivisions(country)
        subdivision = draw(st.none() | st.sampled_from(parts)) if parts else None
        if draw(st.booleans()):
            opens, closes = _opening_hours(draw)
            hours = {"opens": _clock(opens), "closes": _clock(closes)}
        else:
            hours = {}
        return LocalCalendars(country=country, subdivision=subdivision, **hours)

    return draw()
