"""Aware time: the one place where inputs become zone-keeping instants.

Every instant in the library is a :class:`pendulum.DateTime` whose tzinfo is a
named IANA zone. This module turns what callers give into that, refuses what
would lose information (naive datetimes, fixed offsets other than UTC, zone
objects without an IANA name) and caches zone objects, which are expensive to
load and cheap to keep.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Callable
from typing import cast

import pendulum

from postinterview.errors import NaiveDatetimeError, ValidationError

__all__ = [
    "END",
    "FIRST",
    "FIRST_DATE",
    "IN_RANGE",
    "LAST_DATE",
    "as_date",
    "as_derived_instant",
    "as_instant",
    "as_record_date",
    "check_date_range",
    "check_range",
    "from_naive_utc",
    "from_utc",
    "in_range",
    "instant_key",
    "is_instant",
    "local_ordinal",
    "naive_utc",
    "pendulum_of",
    "utc_of",
    "zone",
    "zone_name",
]

_UTC = dt.UTC
# datetime's own methods, called on pendulum values too: pendulum overrides
# time() and __reduce_ex__ with slower ones that return other things.
_combine = dt.datetime.combine
_clock = dt.datetime.time
# Pickling support, typed: __reduce_ex__(4) gives (class, (state, tzinfo)), the
# state being ten bytes of fields and fold, and the constructor takes the
# (state, tzinfo) pair back.
_reduce = cast(
    "Callable[[dt.datetime, int], tuple[object, tuple[bytes, dt.tzinfo]]]",
    dt.datetime.__reduce_ex__,
)
_from_state = cast("Callable[[bytes, dt.tzinfo], pendulum.DateTime]", pendulum.DateTime)

#: The first instant the library accepts.
FIRST = dt.datetime(1900, 1, 1, tzinfo=_UTC)
#: The end of the range: the first instant the library no longer accepts.
END = dt.datetime(2200, 1, 1, tzinfo=_UTC)
#: The first and last calendar days the library accepts (dates such as a
#: decision date): every day on which an accepted instant falls in some zone.
#: Zones are less than a day from UTC, so that is the range's UTC days and one
#: more at each end.
FIRST_DATE = dt.date(1899, 12, 31)
LAST_DATE = dt.date(2200, 1, 1)
_FIRST_NAIVE = FIRST.replace(tzinfo=None)
_END_NAIVE = END.replace(tzinfo=None)
# Years wholly inside the range in every zone: an instant whose local year is
# strictly between these needs no further check, which keeps the check to an
# attribute read and two comparisons on the hot paths.
_SAFE_AFTER = FIRST.year
_SAFE_BEFORE = END.year - 1
#: What an error says an instant out of range should have been.
IN_RANGE = (
    "an instant from 1900-01-01T00:00Z up to (not including) "
    "2200-01-01T00:00Z, the range the library accepts"
)
_DATE_IN_RANGE = (
    "a date from 1899-12-31 to 2200-01-01, the days the library's range of "
    "instants falls on"
)
_DERIVED_RANGE = "an instant within the years 1 to 9999 in UTC"
_INSTANT_EXPECTED = (
    "an aware datetime: a pendulum.DateTime, or a datetime with a "
    "zoneinfo.ZoneInfo or UTC tzinfo"
)


# Files in the zone directory that are not zones of their own: "localtime" is
# whatever zone this machine is set to, which differs from machine to machine.
_NOT_ZONES = frozenset({"localtime", "posixrules"})


@functools.cache
def _load_zone(name: str) -> pendulum.Timezone:
    if name in _NOT_ZONES:
        raise ValueError(name)
    tz = pendulum.timezone(name)
    if type(tz) is not pendulum.Timezone or tz.name != name:
        # pendulum accepts a few spellings ("utc") and fixed offsets ("+01:00")
        # that are not IANA names; keeping the caller's text exact matters more.
        raise ValueError(name)
    return tz


def zone(name: str, field: str = "timezone") -> pendulum.Timezone:
    """Return the cached pendulum zone called *name*.

    Raises :class:`ValidationError` naming *field* when *name* is not an IANA
    zone name (case matters: ``"Europe/London"``, not ``"europe/london"``).
    """
    if type(name) is not str:
        raise ValidationError(
            field, name, "an IANA time zone name such as 'Europe/London'"
        )
    try:
        return _load_zone(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError, OSError):
        raise ValidationError(
            field, name, "an IANA time zone name such as 'Europe/London'"
        ) from None


def zone_name(instant: dt.datetime) -> str:
    """Return the IANA name of an instant made by :func:`as_instant`."""
    tz = instant.tzinfo
    assert isinstance(tz, pendulum.Timezone)  # noqa: S101 - an invariant of as_instant
    return tz.name


def from_utc(utc: dt.datetime, tz: pendulum.Timezone) -> pendulum.DateTime:
    """Return the instant *utc* (an aware stdlib datetime) as seen in *tz*.

    This is the fast path that the follow-up engine uses: stdlib arithmetic,
    then one pendulum value at the end.
    """
    return pendulum_of(utc.astimezone(tz), tz)


def naive_utc(instant: dt.datetime) -> dt.datetime:
    """Return an aware datetime as a plain naive-UTC stdlib datetime.

    The follow-up engine works in this form: stdlib arithmetic on it is many
    times faster than on pendulum values.
    """
    # The wall clock as a plain stdlib datetime, fold kept. A zone reads the
    # offset of a plain value in C, but of a subclass (pendulum's) through
    # Python-level calls, which is many times slower.
    local = _combine(instant, _clock(instant))
    tz = instant.tzinfo
    if isinstance(tz, zoneinfo.ZoneInfo):  # pendulum.Timezone included
        offset = tz.utcoffset(local)
    else:
        offset = instant.utcoffset()
    assert offset is not None  # noqa: S101 - callers pass aware instants
    return local - offset


def instant_key(value: object) -> object:
    """Return what makes an instant itself: its UTC time and its zone name.

    Python compares two datetimes that share a tzinfo by their wall clocks and
    ignores ``fold``, so the two 01:30s of a fall-back night compare equal.
    Records compare instants through this key instead; dates and ``None`` are
    returned as they are.
    """
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return (naive_utc(value), getattr(value.tzinfo, "key", None))
    return value


def from_naive_utc(naive: dt.datetime, tz: pendulum.Timezone) -> pendulum.DateTime:
    """Return the naive-UTC *naive* as a pendulum instant shown in *tz*."""
    return pendulum_of(tz.fromutc(_combine(naive, _clock(naive), tz)), tz)


def local_ordinal(naive: dt.datetime, tz: pendulum.Timezone) -> int:
    """Return the proleptic ordinal of the local date of naive-UTC *naive* in *tz*."""
    return tz.fromutc(_combine(naive, _clock(naive), tz)).toordinal()


def pendulum_of(local: dt.datetime, tz: pendulum.Timezone) -> pendulum.DateTime:
    """Return *local*, a stdlib datetime already shown in *tz*, as pendulum's."""
    # A datetime's pickle state (protocol 4) is its fields and fold packed in
    # ten bytes, and datetime's constructor takes that state back without
    # parsing arguments: several times faster than passing the seven fields.
    return _from_state(_reduce(local, 4)[1][0], tz)


def _checked(value: object, field: str) -> tuple[dt.datetime, pendulum.Timezone]:
    """Return *value* and its zone when :func:`as_instant` accepts it; else raise."""
    if not isinstance(value, dt.datetime):
        raise ValidationError(field, value, _INSTANT_EXPECTED)
    tzinfo = value.tzinfo
    if isinstance(tzinfo, zoneinfo.ZoneInfo):  # pendulum.Timezone included
        # The usual case first: a zone always gives an offset, and asking a
        # pendulum value for it costs a Python-level call.
        return value, zone(tzinfo.key, field)
    if tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(
            field,
            value,
            "an aware datetime with an IANA time zone (this one is naive; "
            "attach a zone with tzinfo=zoneinfo.ZoneInfo(...) or use "
            "pendulum.datetime(..., tz=...))",
        )
    if value.utcoffset() != dt.timedelta(0) or not (
        tzinfo is _UTC or isinstance(tzinfo, pendulum.FixedTimezone)
    ):
        raise ValidationError(
            field,
            value,
            "a datetime whose tzinfo is an IANA zone (zoneinfo.ZoneInfo or "
            "pendulum) or UTC; fixed offsets and other tzinfo classes lose the "
            "zone's DST rules",
        )
    return value, zone("UTC", field)


def in_range(instant: dt.datetime) -> bool:
    """Tell whether the aware *instant* lies in the library's range.

    Never raises for an aware datetime, whatever its year and zone.
    """
    year = instant.year
    if _SAFE_AFTER < year < _SAFE_BEFORE:
        return True
    if not _SAFE_AFTER - 1 <= year <= _SAFE_BEFORE + 1:
        return False  # also keeps naive_utc from overflowing at years 1 and 9999
    return _FIRST_NAIVE <= naive_utc(instant) < _END_NAIVE


def check_range(instant: dt.datetime, field: str) -> None:
    """Raise :class:`ValidationError` naming *field* unless :func:`in_range`."""
    if not in_range(instant):
        raise ValidationError(field, instant, IN_RANGE)


def as_instant(value: object, field: str) -> pendulum.DateTime:
    """Return *value* as an aware :class:`pendulum.DateTime` with an IANA zone.

    Accepts a :class:`pendulum.DateTime` or a stdlib :class:`datetime.datetime`
    whose tzinfo is a :class:`zoneinfo.ZoneInfo` or UTC, in the library's
    range (:data:`FIRST` up to :data:`END`). The instant is kept exactly,
    even for a local time inside a DST gap (stdlib reads such a time with the
    offset before the change; the result is that same instant, shown as the
    wall time that really exists). Anything else raises an error from the
    :class:`ValidationError` family naming *field*.
    """
    value, tz = _checked(value, field)
    year = value.year
    if not _SAFE_AFTER < year < _SAFE_BEFORE:
        check_range(value, field)
    if type(value) is pendulum.DateTime and value.tzinfo is tz and _round_trips(value):
        return value
    return from_utc(value.astimezone(_UTC), tz)


def as_derived_instant(value: object, field: str) -> pendulum.DateTime:
    """Like :func:`as_instant`, for an instant that follows from others.

    A follow-up due a week after an interview near the end of the range lies
    past it; such an instant is accepted anywhere in the years 1 to 9999 in
    UTC. Only records that the library derives (an action) take these.
    """
    value, tz = _checked(value, field)
    try:
        if (
            type(value) is pendulum.DateTime
            and value.tzinfo is tz
            and _round_trips(value)
        ):
            return value
        return from_utc(value.astimezone(_UTC), tz)
    except OverflowError:
        raise ValidationError(field, value, _DERIVED_RANGE) from None


def utc_of(value: object, field: str) -> dt.datetime:
    """Return ``naive_utc(as_instant(value, field))``, without making the instant.

    The same values are accepted and the same errors raised; use it where only
    the instant matters, not how it is shown.
    """
    value, _ = _checked(value, field)
    year = value.year
    if not _SAFE_AFTER < year < _SAFE_BEFORE:
        check_range(value, field)
    return naive_utc(value)


def is_instant(value: object) -> bool:
    """Tell whether *value* is already what :func:`as_instant` returns."""
    return type(value) is pendulum.DateTime and type(value.tzinfo) is pendulum.Timezone


def _round_trips(value: dt.datetime) -> bool:
    """Tell whether a local time shows its own instant (it is not in a gap)."""
    # On plain stdlib values, fold kept: the zone then reads offsets in C,
    # where pendulum's own astimezone() and replace() run as Python.
    wall = _combine(value, _clock(value))
    back = _combine(wall, _clock(wall), value.tzinfo).astimezone(_UTC)
    back = back.astimezone(value.tzinfo)
    return _combine(back, _clock(back)) == wall


def as_date(value: object, field: str) -> pendulum.Date:
    """Return *value*, a date but not a datetime, as a :class:`pendulum.Date`.

    Any date the stdlib can hold is accepted: the range is for
    :func:`as_record_date`.
    """
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(field, value, "a date (pendulum.Date or datetime.date)")
    if type(value) is pendulum.Date:
        return value
    return pendulum.Date(value.year, value.month, value.day)


def check_date_range(value: dt.date, field: str) -> None:
    """Raise :class:`ValidationError` naming *field* unless *value* is a day
    from :data:`FIRST_DATE` to :data:`LAST_DATE`."""
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValidationError(field, value, _DATE_IN_RANGE)


def as_record_date(value: object, field: str) -> pendulum.Date:
    """Return *value* as :func:`as_date` does, refusing days out of range."""
    day = as_date(value, field)
    check_date_range(day, field)
    return day
