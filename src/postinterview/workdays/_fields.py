"""The fields of a BusinessCalendar: what each accepts and how it is stored.

The weekend becomes a frozenset of :class:`pendulum.WeekDay`, the opening
hours plain stdlib times, and a set, list or tuple of holidays a frozenset of
:class:`pendulum.Date`; each validator refuses the rest with a
:class:`~postinterview.errors.ValidationError` naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable
from typing import Any, cast

import attrs
import pendulum

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.workdays._public import PublicHolidays

__all__ = [
    "check_holidays",
    "check_time",
    "check_weekend",
    "same_holidays",
    "to_holidays",
    "to_time",
    "to_weekend",
]

_HOLIDAYS_EXPECTED = (
    "a container of dates that supports `in`, such as a frozenset of dates, "
    "PublicHolidays('GB') or holidays.country_holidays('GB')"
)


def to_weekend(
    value: Iterable[pendulum.WeekDay | int],
) -> frozenset[pendulum.WeekDay]:
    """Turn a collection of weekdays or ints 0-6 into a frozenset of WeekDay."""
    candidate: object = value
    if not isinstance(candidate, Iterable) or isinstance(candidate, str | bytes):
        return cast("frozenset[pendulum.WeekDay]", value)
    days = [
        pendulum.WeekDay(item)
        if isinstance(item, int) and not isinstance(item, bool) and 0 <= item <= 6
        else item
        for item in candidate
    ]
    if not all(isinstance(day, pendulum.WeekDay) for day in days):
        return cast("frozenset[pendulum.WeekDay]", value)  # the validator explains
    return frozenset(days)


def check_weekend(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    expected = "a frozenset of pendulum.WeekDay (or ints 0-6, Monday being 0)"
    if not isinstance(value, frozenset):
        raise ValidationError(attribute.name, value, expected)
    for item in value:
        if not isinstance(item, pendulum.WeekDay):
            raise ValidationError(attribute.name, item, expected)
    if len(value) == 7:
        raise ValidationError(
            attribute.name, value, "at most six days, so that some days are worked"
        )


def to_time(value: dt.time) -> dt.time:
    """Turn a time (a pendulum.Time, say) into a plain stdlib time with fold 0."""
    candidate: object = value
    if not isinstance(candidate, dt.time):
        return value
    return dt.time(
        candidate.hour,
        candidate.minute,
        candidate.second,
        candidate.microsecond,
        tzinfo=candidate.tzinfo,
    )


def check_time(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, dt.time) or value.tzinfo is not None:
        raise ValidationError(
            attribute.name,
            value,
            "a datetime.time without tzinfo, such as datetime.time(9) "
            "(the zone is given to each call)",
        )


def to_holidays(
    value: Container[dt.date] | Iterable[dt.date],
) -> Container[dt.date]:
    """Turn a set, list or tuple of dates into a frozenset of pendulum.Date.

    Any other container, such as a ``holidays.HolidayBase``, is kept as it is.
    """
    candidate: object = value
    if not isinstance(candidate, set | frozenset | list | tuple):
        return cast("Container[dt.date]", value)
    items: list[object] = []
    for item in candidate:
        if isinstance(item, dt.date) and not isinstance(item, dt.datetime):
            items.append(_time.as_date(item, "holidays"))
        else:
            items.append(item)
    return cast("frozenset[dt.date]", frozenset(items))


def check_holidays(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, frozenset):
        for item in value:
            if isinstance(item, dt.datetime) or not isinstance(item, dt.date):
                raise ValidationError(
                    attribute.name,
                    item,
                    "dates (pendulum.Date or datetime.date), not datetimes",
                )
    elif not isinstance(value, Container) or isinstance(value, str | bytes):
        raise ValidationError(attribute.name, value, _HOLIDAYS_EXPECTED)


def same_holidays(a: object, b: object) -> bool:
    """Compare frozensets and public holidays by value, any other container
    by identity."""
    if a is b:
        return True
    if isinstance(a, PublicHolidays) and isinstance(b, PublicHolidays):
        return a == b
    return isinstance(a, frozenset) and isinstance(b, frozenset) and a == b
