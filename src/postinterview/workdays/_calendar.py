"""The business calendar: which days are worked, and when the working day is.

:class:`BusinessCalendar` counts and adds business days on proleptic ordinals
and finds the next opening in a zone given per call, with integers and stdlib
datetimes; one pendulum value is built at the end.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Container, Mapping
from typing import cast

import attrs
import pendulum

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.workdays import _places
from postinterview.workdays._fields import (
    check_holidays,
    check_time,
    check_weekend,
    same_holidays,
    to_holidays,
    to_time,
    to_weekend,
)
from postinterview.workdays._public import PublicHolidays
from postinterview.workdays._reading import reading

__all__ = ["BusinessCalendar"]

_SATURDAY_AND_SUNDAY = frozenset({pendulum.WeekDay.SATURDAY, pendulum.WeekDay.SUNDAY})
_LAST_ORDINAL = dt.date.max.toordinal()
_OPENS, _CLOSES = dt.time(9), dt.time(17)
#: The part of the years of a PublicHolidays that a calendar has read: the
#: first and last ordinals covered, and the holidays on worked weekdays
#: between them, sorted and as a set. A calendar starts with none read.
_Span = tuple[int, int, tuple[int, ...], frozenset[int]]
_NONE_READ: _Span = (1, 0, (), frozenset())
_combine = dt.datetime.combine
_clock = dt.datetime.time


# The hash is kept: calendars are keys of the follow-up engine's caches.
@attrs.frozen(kw_only=True, cache_hash=True)
class BusinessCalendar:
    """When people work: the weekend, the opening hours and the holidays.

    *weekend* holds the days of the week nobody works, as
    :class:`pendulum.WeekDay` members (ints 0 to 6, Monday being 0, are
    converted); at most six days. *opens* and *closes* are naive
    :class:`datetime.time` values with ``opens < closes``: the working day is
    the same local clock times in whatever zone a call names. *holidays* is
    any container of dates that supports ``in``. A set, list or tuple of
    dates is stored as a frozenset of :class:`pendulum.Date`; any other
    container is kept as it is: a :class:`PublicHolidays` (a country's, or a
    subdivision's, read year by year as they are needed), or
    ``holidays.country_holidays("GB")`` from the ``holidays`` package, which
    plugs in unchanged. :meth:`for_place` makes the calendar of a place:
    its weekend from CLDR and its :class:`PublicHolidays`.

    Equality: weekend and hours compare by value; holidays compare by value
    when both are frozensets or both :class:`PublicHolidays`, and by
    identity otherwise, because a container such as a
    ``holidays.HolidayBase`` fills itself in as it is queried and has no
    stable value. Every calendar is hashable, and equal calendars have equal
    hashes.

    Speed: with a frozenset of holidays (the default) or a
    :class:`PublicHolidays`, counting and adding business days takes time
    that does not grow with the count. Any other container can only be asked
    about one date at a time, so counting with it asks about each working
    weekday in the span.

    :attr:`description` says what the calendar is in words a host tool can
    show beside a plan's actions: ``"US-NY public holidays,
    Saturday–Sunday weekend"``.

    >>> import datetime, pendulum
    >>> cal = BusinessCalendar(closes=datetime.time(17, 30),
    ...                        holidays=[pendulum.date(2026, 12, 25)])
    >>> cal.is_business_day(pendulum.date(2026, 12, 25))
    False
    >>> BusinessCalendar(weekend={pendulum.FRIDAY, pendulum.SATURDAY}).weekend
    frozenset({<WeekDay.FRIDAY: 4>, <WeekDay.SATURDAY: 5>})
    """

    weekend: frozenset[pendulum.WeekDay] = attrs.field(
        default=_SATURDAY_AND_SUNDAY, converter=to_weekend, validator=check_weekend
    )
    opens: dt.time = attrs.field(
        default=dt.time(9), converter=to_time, validator=check_time
    )
    closes: dt.time = attrs.field(
        default=dt.time(17), converter=to_time, validator=check_time
    )
    holidays: Container[dt.date] = attrs.field(
        default=frozenset(),
        converter=to_holidays,
        validator=check_holidays,
        eq=attrs.cmp_using(eq=same_holidays),
        hash=False,
    )
    # Derived in __attrs_post_init__; not part of the value.
    # _worked[w]: whether weekday w is worked; _before[w]: how many of the
    # weekdays 0..w-1 are worked; _positions: the worked weekdays in order.
    _worked: tuple[bool, ...] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _before: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _positions: tuple[int, ...] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    # The ordinals of the holidays that fall on worked weekdays, sorted, and
    # as a set; None when holidays is a container that cannot be listed.
    _sorted_holidays: tuple[int, ...] | None = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _holiday_set: frozenset[int] | None = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    # Holidays read year by year (a PublicHolidays), and what has been read
    # of them so far; None otherwise. The span grows as dates are asked about.
    _yearly: PublicHolidays | None = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _span: _Span = attrs.field(init=False, repr=False, eq=False, hash=False)
    _description: str | None = attrs.field(init=False, repr=False, eq=False, hash=False)
    # Whether any worked day may be a holiday: whether counting may skip one.
    _may_skip: bool = attrs.field(init=False, repr=False, eq=False, hash=False)
    # The holidays as they compare, for the hash: frozensets and public
    # holidays by value. Calendars of different places then hash apart,
    # which the caches keyed by calendar need to stay quick.
    _holidays_key: object = attrs.field(init=False, repr=False, eq=False, hash=True)

    @classmethod
    def for_place(
        cls,
        country: str,
        subdivision: str | None = None,
        *,
        opens: dt.time = _OPENS,
        closes: dt.time = _CLOSES,
    ) -> BusinessCalendar:
        """Return the calendar of *country* (and *subdivision*) with these hours.

        Its weekend is the country's in CLDR's week data, read through Babel
        (Friday and Saturday in Saudi Arabia, Sunday alone in India), and its
        holidays are the place's :class:`PublicHolidays`. *country* and
        *subdivision* are codes as a :class:`~postinterview.Person` takes
        them, checked the same way. The calendar of each place and hours is
        made once.

        >>> BusinessCalendar.for_place("SA").description
        'SA public holidays, Friday–Saturday weekend'
        """
        _places.check_country("country", country)
        if subdivision is not None:
            _places.check_subdivision("subdivision", subdivision, country)
        if type(opens) is not dt.time or type(closes) is not dt.time:
            # Not cached: the calendar refuses them, or takes a time of
            # another type (a pendulum.Time) as a plain one.
            return _place_calendar.__wrapped__(country, subdivision, opens, closes)
        return _place_calendar(country, subdivision, opens, closes)

    def __attrs_post_init__(self) -> None:
        if self.closes <= self.opens:
            raise ValidationError(
                "closes", self.closes, f"a time after opens ({self.opens})"
            )
        worked = tuple(day not in self.weekend for day in range(7))
        before = [0]
        for is_worked in worked:
            before.append(before[-1] + is_worked)
        set_ = object.__setattr__
        set_(self, "_worked", worked)
        set_(self, "_before", tuple(before))
        set_(self, "_positions", tuple(day for day in range(7) if worked[day]))
        set_(self, "_yearly", None)
        set_(self, "_span", _NONE_READ)
        set_(self, "_description", None)
        holidays = self.holidays
        # Any other container compares by identity, which a copy does not
        # keep: those all hash alike.
        keyed = isinstance(holidays, frozenset | PublicHolidays)
        set_(self, "_holidays_key", holidays if keyed else None)
        if isinstance(self.holidays, frozenset):
            ordinals = frozenset(
                ordinal
                for ordinal in (day.toordinal() for day in self.holidays)
                if worked[(ordinal - 1) % 7]
            )
            set_(self, "_sorted_holidays", tuple(sorted(ordinals)))
            set_(self, "_holiday_set", ordinals)
            set_(self, "_may_skip", bool(ordinals))
        else:
            set_(self, "_may_skip", True)
            set_(self, "_sorted_holidays", None)
            set_(self, "_holiday_set", None)
            if isinstance(self.holidays, PublicHolidays):
                set_(self, "_yearly", self.holidays)

    @property
    def description(self) -> str:
        """What the calendar is, in words: its holidays, its weekend, its hours.

        The hours are left out when they are the default, 09:00 to 17:00.

        >>> BusinessCalendar().description
        'no public holidays, Saturday–Sunday weekend'
        >>> import datetime
        >>> BusinessCalendar(weekend={6}, opens=datetime.time(10)).description
        'no public holidays, Sunday weekend, open 10:00–17:00'
        """
        described = self._description
        if described is None:
            parts = [_holidays_text(self.holidays), _weekend_text(self.weekend)]
            if (self.opens, self.closes) != (_OPENS, _CLOSES):
                parts.append(
                    f"open {_clock_text(self.opens)}–{_clock_text(self.closes)}"
                )
            described = ", ".join(parts)
            object.__setattr__(self, "_description", described)
        return described

    # -- days ----------------------------------------------------------------

    def is_business_day(self, date: dt.date) -> bool:
        """Tell whether *date* is neither a weekend day nor a holiday.

        >>> import pendulum
        >>> BusinessCalendar().is_business_day(pendulum.date(2026, 11, 20))
        True
        """
        return self._is_business(_ordinal(date, "date"))

    def add_business_days(self, date: dt.date, n: int) -> pendulum.Date:
        """Return the business day *n* business days after *date*.

        Counting starts from *date*, which is not counted itself: for n > 0
        the result is the n-th business day after *date*, for n < 0 the
        -n-th business day before it. So Friday + 1 is Monday, and Saturday
        and Sunday + 1 are Monday too; Monday - 1 is Friday, and so is
        Sunday - 1. For n == 0 the result is *date* when it is a business
        day and the next business day otherwise. The result is always a
        business day, and ``business_days_between(date, result) == n``
        whenever *date* is a business day (and for every date when n > 0).

        Raises :class:`~postinterview.errors.ValidationError` naming ``n`` when
        the result would fall outside the years 1 to 9999.

        >>> import pendulum
        >>> cal = BusinessCalendar()
        >>> cal.add_business_days(pendulum.date(2026, 11, 20), 1)  # a Friday
        Date(2026, 11, 23)
        >>> cal.add_business_days(pendulum.date(2026, 11, 21), 0)  # a Saturday
        Date(2026, 11, 23)
        >>> cal.add_business_days(pendulum.date(2026, 11, 23), -1)
        Date(2026, 11, 20)
        """
        ordinal = _ordinal(date, "date")
        if type(n) is not int:
            raise ValidationError("n", n, "an int (a number of business days)")
        try:
            result = self._add(ordinal, n)
        except OverflowError:
            result = 0
        if not 1 <= result <= _LAST_ORDINAL:
            raise ValidationError(
                "n",
                n,
                f"a count that stays within the years 1 to 9999 when added to {date}",
            )
        return pendulum.Date.fromordinal(result)

    def business_days_between(self, start: dt.date, end: dt.date) -> int:
        """Count the business days after *start* up to and including *end*.

        That is the number of business days d with start < d <= end, and minus
        the number with end < d <= start when *end* comes first. The counts
        add up: ``between(a, b) + between(b, c) == between(a, c)``.

        >>> import pendulum
        >>> cal = BusinessCalendar()
        >>> friday, monday = pendulum.date(2026, 11, 20), pendulum.date(2026, 11, 23)
        >>> cal.business_days_between(friday, monday)
        1
        >>> cal.business_days_between(monday, friday)
        -1
        """
        first = _ordinal(start, "start")
        last = _ordinal(end, "end")
        if last >= first:
            return self._count(first, last)
        return -self._count(last, first)

    # -- hours ---------------------------------------------------------------

    def is_open(self, instant: dt.datetime, zone: str) -> bool:
        """Tell whether *instant* falls inside opening hours in the IANA *zone*.

        *instant* is any aware datetime. On a business day the calendar is
        open from the first instant at which the local clock reads *opens* or
        later until the first instant at which it reads *closes* or later.
        Usually that is simply ``opens <= local time < closes``. On a day when
        the clocks change, a time that the clocks skip (a DST gap) stands for
        the first instant after the gap, and a time that occurs twice (a
        fall-back fold) for its first occurrence. Each working day is thus one
        unbroken stretch of time, which the change may lengthen or shorten:
        when the clocks go back during opening hours, the repeated clock times
        are worked twice; when *opens* and *closes* both fall in the same gap,
        that day does not open at all.

        >>> import pendulum
        >>> cal = BusinessCalendar()
        >>> cal.is_open(pendulum.datetime(2026, 11, 20, 16, 30), "Europe/London")
        True
        >>> cal.is_open(pendulum.datetime(2026, 11, 20, 16, 30), "Asia/Tokyo")
        False
        """
        utc = _utc(instant, "instant")
        tz = _time.zone(zone, "zone")
        try:
            return self._open_from(utc, tz)[0] == utc
        except OverflowError:
            raise _out_of_range(instant) from None

    def next_open(self, instant: dt.datetime, zone: str) -> pendulum.DateTime:
        """Return the first instant at or after *instant* inside opening hours.

        The result is a :class:`pendulum.DateTime` in the IANA *zone*: the
        instant itself when the calendar is open then, else the start of the
        next working day that has opening hours. See :meth:`is_open` for the
        days when the clocks change: opening at 02:30 on a day when the clocks
        skip from 02:00 to 03:00 opens at 03:00, and opening at 01:30 on a day
        when the clocks go back from 02:00 to 01:00 opens at the first 01:30.

        >>> import pendulum
        >>> cal = BusinessCalendar()
        >>> evening = pendulum.datetime(2026, 11, 20, 17, 30, tz="Europe/London")
        >>> cal.next_open(evening, "Europe/London")  # a Friday
        DateTime(2026, 11, 23, 9, 0, 0, tzinfo=Timezone('Europe/London'))
        """
        utc = _utc(instant, "instant")
        tz = _time.zone(zone, "zone")
        try:
            opening, local, _ = self._open_from(utc, tz)
            if opening != utc:
                local = tz.fromutc(opening.replace(tzinfo=tz))
        except OverflowError:
            raise _out_of_range(instant) from None
        return _time.pendulum_of(local, tz)

    # -- the arithmetic, on proleptic ordinals (1 is Monday 0001-01-01) --------

    def _is_business(self, ordinal: int) -> bool:
        if not self._worked[(ordinal - 1) % 7]:
            return False
        holiday_set = self._holiday_set
        if holiday_set is not None:
            return ordinal not in holiday_set
        if self._yearly is not None:
            span = self._span
            if not span[0] <= ordinal <= span[1]:
                span = self._cover(ordinal, ordinal)
            return ordinal not in span[3]
        return dt.date.fromordinal(ordinal) not in self.holidays

    def _cover(self, first: int, last: int) -> _Span:
        """Read the yearly holidays of the years from *first* to *last*.

        The ordinals are clamped to the years 1 to 9999. The span read so far
        grows to cover them, whole years at a time, and is returned; a span
        that covers an ordinal holds every holiday between it and each other
        ordinal it covers.
        """
        span = self._span
        if span[0] <= first and last <= span[1]:
            return span
        first, last = max(first, 1), min(last, _LAST_ORDINAL)
        if first > last:  # wholly outside the years 1 to 9999: nothing to read
            return span
        if span[0] <= span[1]:  # keep one unbroken span
            first, last = min(first, span[0]), max(last, span[1])
        low = dt.date.fromordinal(first).year
        high = dt.date.fromordinal(last).year
        yearly = cast("PublicHolidays", self._yearly)
        worked = self._worked
        found = [
            ordinal
            for year in range(low, high + 1)
            for ordinal in yearly.year(year).ordinals
            if worked[(ordinal - 1) % 7]
        ]
        span = (
            dt.date(low, 1, 1).toordinal(),
            dt.date(high, 12, 31).toordinal(),
            tuple(found),
            frozenset(found),
        )
        # One tuple, replaced whole: a thread reading the old one reads a
        # consistent span.
        object.__setattr__(self, "_span", span)
        return span

    def _weekdays_through(self, ordinal: int) -> int:
        """Count the worked weekdays (holidays included) in 1..ordinal."""
        weeks, day = divmod(ordinal - 1, 7)
        return weeks * len(self._positions) + self._before[day + 1]

    def _nth_weekday(self, count: int) -> int:
        """Return the first ordinal o with _weekdays_through(o) >= count."""
        weeks, index = divmod(count - 1, len(self._positions))
        return weeks * 7 + self._positions[index] + 1

    def _count(self, first: int, last: int) -> int:
        """Count the business days in first+1..last, for first <= last."""
        count = self._weekdays_through(last) - self._weekdays_through(first)
        holidays = self._sorted_holidays
        if holidays is None and self._yearly is not None:
            holidays = self._cover(first + 1, last)[2]
        if holidays is not None:
            return count - (
                bisect.bisect_right(holidays, last)
                - bisect.bisect_right(holidays, first)
            )
        worked = self._worked
        for ordinal in range(first + 1, last + 1):
            if worked[(ordinal - 1) % 7] and (
                dt.date.fromordinal(ordinal) in self.holidays
            ):
                count -= 1
        return count

    def _add(self, ordinal: int, n: int) -> int:
        """Return add_business_days(date, n) for date's ordinal, as an ordinal.

        The result may lie outside 1.._LAST_ORDINAL, or OverflowError may be
        raised, when it would fall outside the years 1 to 9999; callers check.
        The follow-up engine calls this directly.
        """
        holidays = self._sorted_holidays
        if holidays is None:
            if self._yearly is not None and n >= 0 and 1 <= ordinal <= _LAST_ORDINAL:
                if n == 0:  # the day itself, else the next business day
                    return (
                        ordinal
                        if self._is_business(ordinal)
                        else self._add_yearly(ordinal, 1)
                    )
                return self._add_yearly(ordinal, n)
            return self._walk(ordinal, n)
        # With N(o) the number of business days in 1..o, the result is the
        # first ordinal whose N reaches a target: n past N(date) going
        # forwards; going backwards (or rolling forward for n == 0), the
        # |n|-th business day before date has N = N(date - 1) + n + 1.
        if n > 0:
            target = self._weekdays_through(ordinal) + n
            target -= bisect.bisect_right(holidays, ordinal)
        else:
            target = self._weekdays_through(ordinal - 1) + n + 1
            target -= bisect.bisect_right(holidays, ordinal - 1)
        # Solve W(o) - H(o) >= target, with W the worked weekdays and H the
        # holidays through o: start as if there were no holidays and move on
        # past the holidays met, until no more are met. Each step is at most
        # the first solution, so the fixed point is the first solution.
        result = self._nth_weekday(target)
        while True:
            moved = self._nth_weekday(target + bisect.bisect_right(holidays, result))
            if moved == result:
                return result
            result = moved

    def _add_yearly(self, ordinal: int, n: int) -> int:
        """Do _add for n > 0 with holidays read year by year.

        As _add does, with the holidays of a span read so far: the first
        ordinal o with W(o) - H(o) >= W(ordinal) + n - H(ordinal) is found
        by moving on from *ordinal*, which lies before it, past the holidays
        met. Every step lies between *ordinal* and the answer, so when the
        span covers both, each count is exact; otherwise the span grows to
        cover the answer found, and the search runs again. W and the n-th
        weekday are worked out inline: this runs for most actions of a plan.
        """
        positions = self._positions
        worked = len(positions)
        # Where the answer would be with no holidays, and a little further.
        reach = ordinal + (n // worked + 2) * 7
        span = self._span
        if not span[0] <= ordinal or reach > span[1]:
            span = self._cover(ordinal, reach)
        weeks, day = divmod(ordinal - 1, 7)
        through = weeks * worked + self._before[day + 1]  # W(ordinal)
        bisect_right = bisect.bisect_right
        while True:
            holidays = span[2]
            target = through + n - bisect_right(holidays, ordinal)
            result = ordinal
            while True:
                weeks, index = divmod(
                    target + bisect_right(holidays, result) - 1, worked
                )
                moved = weeks * 7 + positions[index] + 1
                if moved == result:
                    break
                result = moved
            if result <= span[1] or span[1] >= _LAST_ORDINAL:
                return result
            span = self._cover(ordinal, result + 366)

    def _skipped(self, after: int, before: int) -> tuple[int, ...]:
        """Return the holidays on worked weekdays strictly between two ordinals."""
        if before - after < 2:
            return ()
        holidays = self._sorted_holidays
        if holidays is None and self._yearly is not None:
            span = self._span
            if not span[0] <= after + 1 or before - 1 > span[1]:
                span = self._cover(after + 1, before - 1)
            holidays = span[2]
        if holidays is not None:
            low = bisect.bisect_right(holidays, after)
            return holidays[low : bisect.bisect_left(holidays, before, low)]
        return tuple(
            ordinal
            for ordinal in range(after + 1, before)
            if self._worked[(ordinal - 1) % 7] and not self._is_business(ordinal)
        )

    def _holiday_name(self, ordinal: int) -> str | None:
        """Return the name of the holiday on the day *ordinal*, when it has one."""
        day = dt.date.fromordinal(ordinal)
        if self._yearly is not None:
            return self._yearly.name(day)
        holidays = self.holidays
        if isinstance(holidays, Mapping):  # the holidays package's, by name
            name = holidays.get(day)
            return name if isinstance(name, str) else None
        return None

    def _walk(self, ordinal: int, n: int) -> int:
        """Do _add a day at a time, for holidays that can only be asked about."""
        step = -1 if n < 0 else 1
        remaining = abs(n)
        if n == 0:
            remaining = 1
            ordinal -= 1
        while remaining:
            ordinal += step
            if not 1 <= ordinal <= _LAST_ORDINAL:
                raise OverflowError
            if self._is_business(ordinal):
                remaining -= 1
        return ordinal

    def _open_from(
        self, utc: dt.datetime, tz: pendulum.Timezone
    ) -> tuple[dt.datetime, dt.datetime, int]:
        """Return the first open instant at or after *utc*, as naive UTC.

        Also return *utc* as local time in *tz* (aware), which the caller can
        reuse when the two instants are the same, and the ordinal of the local
        day the open instant falls on. Raises OverflowError past the years 1
        to 9999. The follow-up engine calls this directly.
        """
        # combine() with a positional tzinfo: replace(tzinfo=...) parses keywords
        # and is several times slower.
        local = tz.fromutc(_combine(utc, _clock(utc), tz))
        ordinal = today = local.toordinal()
        # Every day before the local date of *utc* closed by *utc*: its closing
        # is the first instant whose clock reads that day at *closes* or later,
        # and the clock at *utc* reads later than that already. Days are
        # stretches in order, so the first business day that closes after
        # *utc* (and opens before it closes) is the one.
        if not self._is_business(ordinal):
            ordinal = self._add(ordinal, 0)
        while True:
            if not 1 <= ordinal <= _LAST_ORDINAL:
                raise OverflowError
            closing = reading(ordinal, self.closes, tz.key)
            if closing > utc:
                if ordinal == today and local.time() >= self.opens:
                    return utc, local, ordinal  # the clock already read opens today
                opening = reading(ordinal, self.opens, tz.key)
                if opening < closing:
                    # Later than *utc* unless the day is today's.
                    return max(opening, utc), local, ordinal
            ordinal = self._add(ordinal, 1)


@functools.lru_cache(maxsize=1 << 10)
def _place_calendar(
    country: str, subdivision: str | None, opens: dt.time, closes: dt.time
) -> BusinessCalendar:
    """The calendar of a place and hours, made once: see ``for_place``."""
    return BusinessCalendar(
        weekend=_places.weekend_of(country),
        opens=opens,
        closes=closes,
        holidays=PublicHolidays(country, subdivision),
    )


def _ordinal(value: object, field: str) -> int:
    if type(value) is pendulum.Date or type(value) is dt.date:
        return value.toordinal()
    return _time.as_date(value, field).toordinal()


def _utc(value: object, field: str) -> dt.datetime:
    """Return an aware datetime as a naive UTC datetime; refuse anything else."""
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        _time.as_instant(value, field)  # raises, naming the field
    try:
        return _time.naive_utc(cast("dt.datetime", value))
    except OverflowError:
        raise _out_of_range(value) from None


def _out_of_range(instant: object) -> ValidationError:
    return ValidationError(
        "instant",
        instant,
        "an instant whose next opening hours fall within the years 1 to 9999",
    )


# The days and months in English whatever the machine's locale: the
# descriptions and rationales that name them are English.
DAY_NAMES = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _weekend_text(weekend: frozenset[pendulum.WeekDay]) -> str:
    """The weekend in words: "Saturday–Sunday weekend", "Sunday weekend"."""
    days = sorted(int(day) for day in weekend)
    if not days:
        return "no weekend"
    if len(days) == 1:
        return f"{DAY_NAMES[days[0]]} weekend"
    # A run of days in a row, perhaps across Sunday to Monday: its first day
    # is the one whose day before is worked.
    starts = [day for day in days if (day - 1) % 7 not in days]
    if len(starts) == 1:
        first = starts[0]
        last = (first + len(days) - 1) % 7
        return f"{DAY_NAMES[first]}–{DAY_NAMES[last]} weekend"
    names = [DAY_NAMES[day] for day in days]
    return f"weekend on {', '.join(names[:-1])} and {names[-1]}"


def _holidays_text(holidays: Container[dt.date]) -> str:
    """The holidays in words: "US-NY public holidays", "3 holidays given"."""
    if isinstance(holidays, PublicHolidays):
        return f"{holidays.place} public holidays"
    if isinstance(holidays, frozenset):
        if not holidays:
            return "no public holidays"
        return f"{len(holidays)} holiday{'s' if len(holidays) > 1 else ''} given"
    country = getattr(holidays, "country", None)
    if isinstance(country, str):  # a calendar of the holidays package
        subdivision = getattr(holidays, "subdiv", None)
        where = country if not subdivision else f"{country}-{subdivision}"
        return f"{where} holidays"
    return f"holidays from a {type(holidays).__name__}"


def _clock_text(clock: dt.time) -> str:
    """An opening or closing time as "09:00"; the end of the day as "24:00"."""
    if clock == dt.time.max:
        return "24:00"
    return clock.strftime("%H:%M:%S" if clock.second else "%H:%M")
