"""Instants as the log compares them: in naive UTC, and as exact stamps.

A stamp is an instant in integer microseconds since 0001-01-01 UTC, then the
name of its zone: what orders the times at which things were asked, noted
and said, so that the results never depend on the order of the entries.
"""

from __future__ import annotations

import datetime as dt

import pendulum

from postinterview import _time

_MICROSECOND = dt.timedelta(microseconds=1)
_EPOCH = dt.datetime(1, 1, 1)  # noqa: DTZ001 - naive UTC, as _time.naive_utc gives

_Stamp = tuple[int, str]  # an instant as _micros, then its zone's name


def _utc(instant: dt.datetime) -> dt.datetime:
    return _time.naive_utc(instant)


def _micros(utc: dt.datetime) -> int:
    """Return the naive-UTC *utc* as microseconds since 0001-01-01."""
    return (utc - _EPOCH) // _MICROSECOND


def _stamp(instant: pendulum.DateTime) -> _Stamp:
    """What orders instants here: the instant (as :func:`_micros`), then the zone."""
    return _micros(_time.naive_utc(instant)), _time.zone_name(instant)
