"""Instants as RFC 9557 strings, which keep the zone's name.

``"2026-11-20T15:30:00+00:00[Europe/London]"``: an RFC 3339 timestamp, then
the zone name in brackets. Reading one checks that the offset is the zone's
at that moment. A deadline is a date or an instant. An instant that follows
from others (an action's) may lie past the library's range, up to the years
1 and 9999; the records say which is which by their annotations (see
``_plans``). Each kind has its JSON Schema beside its decoder.

Reading gives a :class:`pendulum.DateTime`, or with the ``aware`` decoders
the same instant as an aware stdlib datetime in the named zone: a record
whose converter makes the pendulum value (through ``_time.as_instant``) is
spared making it twice.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final, cast

import pendulum

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.serialize._scalars import (
    DATE_EXPECTED,
    DecodeError,
    Schema,
    decode_date,
    matching,
)

__all__ = [
    "DERIVED_INSTANT_SCHEMA",
    "INSTANT_SCHEMA",
    "decode_aware",
    "decode_aware_deadline",
    "decode_deadline",
    "decode_derived_instant",
    "decode_instant",
    "encode_deadline",
    "encode_instant",
    "format_instant",
    "parse_instant",
]

_UTC = dt.UTC
_FIRST = _time.FIRST
_END = _time.END
_SAFE_AFTER = _FIRST.year
_SAFE_BEFORE = _END.year - 1


# RFC 9557: an RFC 3339 timestamp, then the zone name in brackets. An offset
# may carry seconds, as the local mean time of old dates does and as
# isoformat() writes it. "Z" (or RFC 3339's "-00:00") gives the instant in UTC
# without claiming a local offset.
_INSTANT = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"(Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?))"
    r"\[!?([A-Za-z._][A-Za-z0-9._+-]*(?:/[A-Za-z._][A-Za-z0-9._+-]*)*)\]",
    re.ASCII,
)
_UTC_ONLY = frozenset({"Z", "-00:00"})
# The zones read so far, by name: a dictionary look-up is the cheapest check.
_ZONES: dict[str, pendulum.Timezone] = {}
_INSTANT_EXPECTED = (
    "an RFC 9557 instant with its zone name, such as "
    "'2026-11-20T15:30:00+00:00[Europe/London]'"
)


def encode_instant(value: pendulum.DateTime) -> str:
    return f"{dt.datetime.isoformat(value)}[{_time.zone_name(value)}]"


_CHECKS = "reading also requires a known zone name and the offset that zone has"
#: The JSON Schema of an instant in the library's range.
INSTANT_SCHEMA: Final[Schema] = {
    "description": f"{_INSTANT_EXPECTED}; {_CHECKS}, and {_time.IN_RANGE}",
    "type": "string",
    "pattern": matching(_INSTANT),
}
_DERIVED_RANGE = (
    "an instant within the years 1 to 9999 in UTC (an instant that follows "
    "from others may lie past the library's range)"
)
#: The JSON Schema of an instant that follows from others, as an action's.
DERIVED_INSTANT_SCHEMA: Final[Schema] = {
    "description": f"{_INSTANT_EXPECTED}; {_CHECKS}, and {_DERIVED_RANGE}",
    "type": "string",
    "pattern": matching(_INSTANT),
}


def decode_instant(value: object) -> pendulum.DateTime:
    local = decode_aware(value)
    return _time.pendulum_of(local, cast("pendulum.Timezone", local.tzinfo))


def decode_aware(value: object) -> dt.datetime:
    """Read an instant as an aware stdlib datetime whose tzinfo is its zone."""
    # Written out rather than built from _parts() and _shown(), as the derived
    # instants are: this is the hot path of reading a document.
    if type(value) is not str:
        raise DecodeError(value, _INSTANT_EXPECTED)
    match = _INSTANT.fullmatch(value)
    if match is None:
        raise DecodeError(value, _INSTANT_EXPECTED)
    stamp, offset_text, name = match.groups()
    try:
        given = dt.datetime.fromisoformat(stamp)
    except ValueError as error:  # no such day or time of day
        raise DecodeError(value, f"a date and time that exist ({error})") from None
    tz = _ZONES.get(name)
    if tz is None:
        try:
            tz = _ZONES[name] = _time.zone(name)
        except ValidationError as error:
            raise DecodeError(value, _zone_expected(name, error)) from None
    # The one place a document's instant is converted: the range is checked
    # here, before anything can overflow; exactly only in the years where an
    # offset can carry an instant across one of its ends.
    if not _SAFE_AFTER < given.year < _SAFE_BEFORE and not _FIRST <= given < _END:
        raise DecodeError(value, _time.IN_RANGE)
    instant = given.astimezone(tz)
    # The instant is the wall time minus the offset given, so the zone shows
    # that same wall time exactly when it has that offset there. In a
    # fall-back fold the offset is what tells the two instants apart.
    if instant.utcoffset() != given.utcoffset() and offset_text not in _UTC_ONLY:
        raise DecodeError(value, _offset_expected(given.replace(tzinfo=None), tz))
    return instant


def decode_derived_instant(value: object) -> pendulum.DateTime:
    """Read an instant as :func:`decode_instant` does, in the years 1 to 9999."""
    given, offset_text, tz = _parts(value)
    try:
        return _shown(value, given, offset_text, tz)
    except OverflowError:  # the zone would show it before year 1 or after 9999
        raise DecodeError(value, _DERIVED_RANGE) from None


def _parts(value: object) -> tuple[dt.datetime, str, pendulum.Timezone]:
    """Return the time an instant's text gives, its offset's text and its zone."""
    if type(value) is not str:
        raise DecodeError(value, _INSTANT_EXPECTED)
    match = _INSTANT.fullmatch(value)
    if match is None:
        raise DecodeError(value, _INSTANT_EXPECTED)
    stamp, offset_text, name = match.groups()
    try:
        given = dt.datetime.fromisoformat(stamp)
    except ValueError as error:  # no such day or time of day
        raise DecodeError(value, f"a date and time that exist ({error})") from None
    try:
        tz = _time.zone(name)
    except ValidationError as error:
        raise DecodeError(value, _zone_expected(name, error)) from None
    return given, offset_text, tz


def _zone_expected(name: str, error: ValidationError) -> str:
    """What a zone in brackets should be, with the suggestion *error* makes."""
    why = "" if error.expected == _time.ZONE_EXPECTED else f", but {error.expected}"
    return f"a known IANA time zone name in the brackets, not {name!r}{why}"


def _shown(
    value: object, given: dt.datetime, offset_text: str, tz: pendulum.Timezone
) -> pendulum.DateTime:
    """Return *given* shown in *tz*, when the zone has the offset it was given."""
    instant = _time.from_utc(given, tz)
    if instant.utcoffset() != given.utcoffset() and offset_text not in _UTC_ONLY:
        raise DecodeError(value, _offset_expected(given.replace(tzinfo=None), tz))
    return instant


def _offset_expected(wall: dt.datetime, tz: pendulum.Timezone) -> str:
    """Say which offsets *tz* has at the local time *wall*."""
    offsets: list[dt.timedelta] = []
    for fold in (0, 1):
        try:
            offset = wall.replace(tzinfo=tz, fold=fold).utcoffset()
            if offset is None or offset in offsets:
                continue
            back = (wall - offset).replace(tzinfo=_UTC).astimezone(tz)
        except OverflowError:
            continue
        if back.replace(tzinfo=None) == wall:
            offsets.append(offset)
    if not offsets:
        return (
            f"a local time that exists in {tz.name} "
            f"({wall.isoformat()} is skipped by a clock change)"
        )
    shown = " or ".join(_format_offset(offset) for offset in offsets)
    return f"the offset {tz.name} has at {wall.isoformat()} ({shown})"


def _format_offset(offset: dt.timedelta) -> str:
    sign = "-" if offset < dt.timedelta(0) else "+"
    seconds = int(abs(offset).total_seconds())
    text = f"{sign}{seconds // 3600:02d}:{seconds // 60 % 60:02d}"
    return text + (f":{seconds % 60:02d}" if seconds % 60 else "")


_DEADLINE_EXPECTED = f"{DATE_EXPECTED}, or {_INSTANT_EXPECTED}"


def encode_deadline(value: pendulum.DateTime | pendulum.Date) -> str:
    if isinstance(value, pendulum.DateTime):
        return encode_instant(value)
    return value.isoformat()


def decode_deadline(value: object) -> pendulum.DateTime | pendulum.Date:
    if type(value) is not str:
        raise DecodeError(value, _DEADLINE_EXPECTED)
    if "T" in value:
        return decode_instant(value)
    return decode_date(value)


def decode_aware_deadline(value: object) -> dt.datetime | pendulum.Date:
    """Read a deadline, an instant as :func:`decode_aware` reads it."""
    if type(value) is not str:
        raise DecodeError(value, _DEADLINE_EXPECTED)
    if "T" in value:
        return decode_aware(value)
    return decode_date(value)


def format_instant(value: dt.datetime) -> str:
    """Return an aware instant as the RFC 9557 text the JSON format uses.

    The text keeps the zone's name, so reading it back gives the same
    instant shown in the same zone. An instant outside the library's range
    (1900-01-01T00:00Z up to 2200-01-01T00:00Z) raises
    :class:`~postinterview.ValidationError`:

    >>> format_instant(pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London"))
    '2026-11-20T15:30:00+00:00[Europe/London]'
    """
    return encode_instant(_time.as_instant(value, "value"))


def parse_instant(text: str) -> pendulum.DateTime:
    """Read an instant written by :func:`format_instant` (RFC 9557).

    The offset must be the zone's at that moment, and the instant inside the
    library's range; anything else raises
    :class:`~postinterview.ValidationError`:

    >>> parse_instant("2026-11-20T15:30:00+00:00[Europe/London]").timezone_name
    'Europe/London'
    """
    try:
        return decode_instant(text)
    except DecodeError as error:
        raise ValidationError("text", text, error.expected) from None
