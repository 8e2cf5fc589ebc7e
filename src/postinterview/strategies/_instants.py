"""Instants: IANA zone names, aware datetimes, and the DST changes they seek."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Sequence

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from postinterview import _time
from postinterview.strategies._basics import _pick

_UTC = dt.UTC
DEFAULT_MIN = dt.datetime(2000, 1, 1, tzinfo=_UTC)
DEFAULT_MAX = dt.datetime(2060, 1, 1, tzinfo=_UTC)
#: The widest bounds a strategy takes: the library's range of instants.
RANGE_MIN = _time.FIRST
RANGE_MAX = _time.END - dt.timedelta(microseconds=1)
# The room a round needs before the end of the range: the shortest round.
ROUND_ROOM = dt.timedelta(minutes=10)
_SECOND = dt.timedelta(seconds=1)
# How close to a DST change an instant that seeks one lands, in seconds.
_NEAR_A_CHANGE = 3 * 3600
_AROUND_A_CHANGE = st.integers(-_NEAR_A_CHANGE, _NEAR_A_CHANGE)


@functools.cache
def _place_zone_names() -> tuple[str, ...]:
    """The zones a place uses, each under the name it keeps: every zone that
    :class:`~postinterview.Person` accepts as a *timezone*, links left out."""
    valid = []
    for name in sorted(zoneinfo.available_timezones()):
        try:
            if _time.place_zone(name).name == name:
                valid.append(name)
        except ValueError:
            continue
    return tuple(valid)


@functools.cache
def _all_zone_names() -> tuple[str, ...]:
    """The zones of instants: UTC first, so that failing examples shrink
    towards the plainest zone, then the zones of places."""
    return (_time.UTC_NAME, *_place_zone_names())


def zone_names() -> st.SearchStrategy[str]:
    """Return a strategy for the IANA names of the zones places use.

    Requires hypothesis.

    Each is a zone that the tz database on this machine gives a location, under
    the name the library keeps (never a link such as ``"US/Eastern"``, nor a
    fixed offset such as ``"Etc/GMT+5"``, nor ``"UTC"``): a value accepted
    wherever a zone is given, a :class:`~postinterview.Person`'s *timezone*
    included. Shrinks towards ``"Africa/Abidjan"``, the first in
    alphabetical order, which keeps UTC+00:00 all year.
    """
    return st.sampled_from(_place_zone_names())


@functools.lru_cache(maxsize=4096)
def _transitions(name: str, year: int) -> tuple[dt.datetime, ...]:
    """Return the UTC instants in *year* at which the zone's offset changes."""
    tz = _time.zone(name)
    start = dt.datetime(year, 1, 1, tzinfo=_UTC)
    week = dt.timedelta(days=7)
    found = []
    before = start
    while before.year == year:
        after = before + week
        if before.astimezone(tz).utcoffset() != after.astimezone(tz).utcoffset():
            low, high = before, after  # the change happens in (low, high]
            while high - low > _SECOND:
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if middle.astimezone(tz).utcoffset() == low.astimezone(tz).utcoffset():
                    low = middle
                else:
                    high = middle
            found.append(high)
        before = after
    return tuple(found)


def _as_utc(instant: dt.datetime) -> dt.datetime:
    return _time.naive_utc(instant).replace(tzinfo=_UTC)


def _utc(value: dt.datetime, name: str) -> dt.datetime:
    candidate: object = value
    if not isinstance(candidate, dt.datetime) or candidate.utcoffset() is None:
        raise InvalidArgument(f"{name}={value!r} must be an aware datetime")
    if not _time.in_range(candidate):
        raise InvalidArgument(
            f"{name}={value!r} must lie in the library's range, from "
            f"{RANGE_MIN.isoformat()} to {RANGE_MAX.isoformat()}"
        )
    # A plain stdlib value: pendulum's intervals cannot be divided by a
    # timedelta, and pendulum bounds are common.
    return _as_utc(value)


def _until(utc: dt.datetime, high: dt.datetime = RANGE_MAX) -> dt.datetime:
    """Return *utc* (aware UTC), or *high* when it comes later: the strategies
    draw instants that follow others as far as the end of the range."""
    return min(utc, high)


def _after(
    instant: pendulum.DateTime, delta: dt.timedelta, high: dt.datetime = RANGE_MAX
) -> pendulum.DateTime:
    """Return *instant* plus *delta* of elapsed time, at most *high* (aware UTC)."""
    tz = _time.zone(_time.zone_name(instant))
    return _time.from_utc(_until(_as_utc(instant) + delta, high), tz)


def _zone_names_of(timezones: Sequence[str] | None) -> tuple[str, ...] | None:
    """Check a *timezones* argument; return it as a tuple, or None for any zone."""
    if timezones is None:
        return None
    chosen = tuple(timezones)
    if not chosen:
        raise InvalidArgument("timezones must name at least one zone")
    for name in chosen:
        try:
            _time.zone(name)
        except ValueError as error:
            expected = getattr(error, "expected", _time.ZONE_EXPECTED)
            if expected == _time.ZONE_EXPECTED:
                raise InvalidArgument(f"{name!r} is not an IANA zone name") from None
            raise InvalidArgument(
                f"{name!r} is a zone the library refuses: it expects {expected}"
            ) from None
    return chosen


def aware_datetimes(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[pendulum.DateTime]:
    """Return a strategy for aware instants in IANA zones.

    Requires hypothesis.

    Each value is a :class:`pendulum.DateTime` between *min_value* and
    *max_value* (aware datetimes, inclusive, and inside the library's range:
    from ``RANGE_MIN``, 1900-01-01T00:00Z, to ``RANGE_MAX``, the last
    microsecond before 2200-01-01T00:00Z; a bound outside it raises
    :class:`~hypothesis.errors.InvalidArgument`) in a zone drawn from *timezones*
    (default: ``"UTC"`` and every zone of :func:`zone_names`). About half the
    values fall within a few hours of one of the zone's DST changes,
    including the instants just before and after it and the doubled hour of
    a fall-back.
    Shrinks towards UTC and towards *min_value*.
    """
    low = _utc(min_value, "min_value")
    high = _utc(max_value, "max_value")
    if low > high:
        raise InvalidArgument(
            f"min_value={min_value!r} is after max_value={max_value!r}"
        )
    chosen = _zone_names_of(timezones)
    names = st.sampled_from(_all_zone_names() if chosen is None else chosen)
    return _aware_datetimes(low, high, names)


# Strategies defined once at module level and given their arguments when
# called: st.composite is slow to apply, and some strategies are made once
# per draw.
@st.composite
def _aware_datetimes(
    draw: st.DrawFn,
    low: dt.datetime,
    high: dt.datetime,
    names: st.SearchStrategy[str],
) -> pendulum.DateTime:
    name = draw(names)
    # Integer division: a float loses the last microseconds of a long span.
    span = (high - low) // dt.timedelta(microseconds=1)
    utc = low + dt.timedelta(microseconds=draw(st.integers(0, span)))
    if draw(st.booleans()):
        changes = _transitions(name, utc.year)
        if changes:
            change = draw(st.sampled_from(changes))
            near = change + dt.timedelta(
                seconds=draw(_AROUND_A_CHANGE),
                microseconds=draw(st.sampled_from((0, -1))),
            )
            if low <= near <= high:
                utc = near
    return _time.from_utc(utc, _time.zone(name))


def _zone(draw: st.DrawFn, home: str, timezones: tuple[str, ...] | None) -> str:
    """Draw *home* or a zone from *timezones* (any zone when None)."""
    if not draw(st.booleans()):
        return home
    return _pick(draw, timezones or _all_zone_names())


# How long after a given instant the next event comes, in seconds: at once or
# within the hour, within three days, within six weeks.
_GAPS = (
    st.integers(0, 3600)
    | st.integers(3600, 3 * 86400)
    | st.integers(3 * 86400, 45 * 86400)
)


def _later(
    draw: st.DrawFn,
    low: dt.datetime,
    zones: Sequence[str],
    high: dt.datetime = RANGE_MAX,
) -> dt.datetime:
    """Draw an instant at or after *low* (aware UTC), and at most *high*.

    It comes at once, minutes, hours, days or weeks later, or within three
    hours of one of the next DST changes in one of *zones*; near the end of
    the range, at *high* (*low* must not be after *high*).
    """
    return _until(_later_any(draw, low, zones), high)


def _later_any(draw: st.DrawFn, low: dt.datetime, zones: Sequence[str]) -> dt.datetime:
    if draw(st.booleans()):
        name = _pick(draw, zones)
        soon = low - dt.timedelta(seconds=_NEAR_A_CHANGE)
        changes = [
            change
            for year in (low.year, low.year + 1)
            for change in _transitions(name, year)
            if change >= soon
        ]
        if changes:
            change = _pick(draw, changes[:2])
            near = change + dt.timedelta(
                seconds=draw(_AROUND_A_CHANGE),
                microseconds=-draw(st.integers(0, 1)),
            )
            return max(near, low)
    return low + dt.timedelta(seconds=draw(_GAPS))
