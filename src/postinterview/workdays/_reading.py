"""When a zone's clock first reads a given local time, as naive UTC.

The calendar and the follow-up engine ask this for the opening and closing of
a day in a recipient's zone; the answer is cached, because a plan asks about
the same few days over and over.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import cast

from postinterview import _time

__all__ = ["reading"]

_MICROSECOND = dt.timedelta(microseconds=1)


@functools.lru_cache(maxsize=1 << 16)
def reading(ordinal: int, clock: dt.time, zone: str) -> dt.datetime:
    """Return when the clock in *zone* first reads *clock* on a day, as naive UTC.

    *ordinal* is the day's proleptic ordinal. This is :func:`_first_reading`,
    cached: a plan asks for the opening and closing of the same few days over
    and over, and each answer costs several zone look-ups.
    """
    local = dt.datetime.combine(dt.date.fromordinal(ordinal), clock)
    return _first_reading(local, _time.zone(zone))


def _first_reading(local: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """Return the first instant at which the clock in *tz* reads *local* or later.

    *local* is naive with fold 0, and so is the result, in UTC. For a time
    that occurs twice it is the first occurrence; for a time that the clock
    skips, the instant the clock jumps.
    """
    # A zone reads the offset of a naive local time from its fields and fold:
    # fold 0 gives the offset before a change, fold 1 the offset after it.
    before = cast("dt.timedelta", tz.utcoffset(local))
    after = cast("dt.timedelta", tz.utcoffset(local.replace(fold=1)))
    if before >= after:
        return local - before
    # In a gap. Read with the offset after the change, *local* is an instant
    # before the jump; read with the offset before, one after it. Search
    # between them for the instant of the jump.
    low = local - after
    high = local - before
    while high - low > _MICROSECOND:
        middle = low + (high - low) // 2
        reads = tz.fromutc(middle.replace(tzinfo=tz)).replace(tzinfo=None)
        if reads >= local:
            high = middle
        else:
            low = middle
    return high
