"""Aware time: the one place where inputs become zone-keeping instants.

Every instant in the library is a :class:`pendulum.DateTime` whose tzinfo is a
named IANA zone. This module turns what callers give into that, refuses what
would lose information (naive datetimes, fixed offsets other than UTC, zone
objects without an IANA name, zones without a location) and caches zone
objects, which are expensive to load and cheap to keep.

Which zone names are accepted comes from the tz database that zoneinfo reads:
the zones its ``zone1970.tab`` and ``zone.tab`` give a location, links to
them (read as their targets), and UTC for instants. It also pickles records
with their instants' folds, which pendulum drops.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import pathlib
import zoneinfo
from collections.abc import Callable
from typing import Any, NamedTuple, SupportsIndex, TypeVar, cast

import pendulum

from postinterview.errors import NaiveDatetimeError, ValidationError

__all__ = [
    "END",
    "FIRST",
    "FIRST_DATE",
    "IN_RANGE",
    "LAST_DATE",
    "UTC_NAME",
    "ZONE_EXPECTED",
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
    "place_zone",
    "rebuild_keeping_folds",
    "reduce_keeping_folds",
    "utc_of",
    "zone",
    "zone_country",
    "zone_key",
    "zone_name",
]

_UTC = dt.UTC
T = TypeVar("T")
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
#: What an error says a zone name that is not an IANA name should have been.
ZONE_EXPECTED = "an IANA time zone name such as 'Europe/London'"
_LOCATED = "an IANA time zone name with a location"
#: The zone of instants recorded in UTC, and the name every alias of it reads as.
UTC_NAME = "UTC"
# The tz database's own UTC zone, whose links (UTC, Zulu, Universal...) all
# read as UTC; and its zone of a zero offset called GMT.
_TZ_UTC = "Etc/UTC"
_TZ_GMT = "Etc/GMT"
# The tz database's zone for a machine whose zone is not set.
_PLACEHOLDER = "Factory"

# The one table written by hand. The tz database keeps a few zones named for
# an abbreviation or a rule rather than a place: older releases as zones of
# their own, newer ones as links (EST to America/Panama, which keeps UTC-05:00
# all year). Neither says what someone who writes "EST" means, so these are
# refused, suggesting the place most people mean.
_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "EST": ("America/New_York", "US Eastern time"),
    "EST5EDT": ("America/New_York", "US Eastern time"),
    "CST6CDT": ("America/Chicago", "US Central time"),
    "MST": ("America/Denver", "US Mountain time (America/Phoenix for Arizona)"),
    "MST7MDT": ("America/Denver", "US Mountain time"),
    "PST8PDT": ("America/Los_Angeles", "US Pacific time"),
    "HST": ("Pacific/Honolulu", "Hawaii"),
    "CET": ("Europe/Paris", "Central European time, for example"),
    "MET": ("Europe/Paris", "Central European time, for example"),
    "EET": ("Europe/Athens", "Eastern European time, for example"),
    "WET": ("Europe/Lisbon", "Western European time, for example"),
    _TZ_GMT: ("Europe/London", "the UK, which keeps British Summer Time"),
}
# When the example zones for a fixed offset are read: a fixed offset is
# matched by the places that keep it all through this year.
_EXAMPLE_YEAR = 2026


class _TzData(NamedTuple):
    """What the tz database says of names: which have a location, which are links.

    *located* holds the names listed in ``zone1970.tab`` or ``zone.tab``
    (zones a place uses, with its coordinates), or is ``None`` when this
    machine has neither file; *zones* the names of zones, *links* maps each
    link's name to its target, and *reach* counts, for each located zone, the
    countries that ``zone1970.tab`` says use it and the links to it: how
    widely it is known, for choosing an example. *countries* gives each
    located zone's country, as an ISO 3166-1 alpha-2 code: the one
    ``zone.tab`` names, else the first that ``zone1970.tab`` names.
    """

    located: frozenset[str] | None
    zones: frozenset[str]
    links: dict[str, str]
    reach: dict[str, int]
    countries: dict[str, str]


class _RefusedError(ValueError):
    """A zone name refused; its one argument says what to give instead."""


def _tz_texts() -> tuple[str, ...] | None:
    """Read tzdata.zi, zone.tab and zone1970.tab from where zoneinfo reads zones.

    zoneinfo looks in each directory of its search path, then in the
    ``tzdata`` package; the first place that has ``tzdata.zi`` is the one
    read. A missing ``zone1970.tab`` (the ``tzdata`` package has none) reads
    as empty.
    """
    for directory in zoneinfo.TZPATH:
        base = pathlib.Path(directory)
        if (base / "tzdata.zi").is_file() and (base / "zone.tab").is_file():
            return tuple(
                (base / name).read_text("utf-8") if (base / name).is_file() else ""
                for name in ("tzdata.zi", "zone.tab", "zone1970.tab")
            )
    try:
        package = importlib.resources.files("tzdata").joinpath("zoneinfo")
        return tuple(
            package.joinpath(name).read_text("utf-8")
            if package.joinpath(name).is_file()
            else ""
            for name in ("tzdata.zi", "zone.tab", "zone1970.tab")
        )
    except (ModuleNotFoundError, OSError):
        return None


@functools.cache
def _tz_data() -> _TzData:
    """The tz database's names, read once from the files zoneinfo uses."""
    texts = _tz_texts()
    if texts is None:
        return _TzData(
            located=None, zones=frozenset(), links={}, reach={}, countries={}
        )
    zi, *tabs = texts
    zones = set()
    links = {}
    for line in zi.splitlines():
        if line.startswith("Z "):
            zones.add(line.split()[1])
        elif line.startswith("L "):
            _, target, name = line.split()[:3]
            links[name] = target
    reach: dict[str, int] = {}
    countries: dict[str, str] = {}
    for tab in tabs:  # zone.tab first: its one country per zone wins
        for line in tab.splitlines():
            columns = line.split("\t")
            if line.startswith("#") or len(columns) < 3:
                continue
            reach[columns[2]] = max(reach.get(columns[2], 0), columns[0].count(",") + 1)
            countries.setdefault(columns[2], columns[0].split(",")[0])
    for target in links.values():
        if target in reach:
            reach[target] += 1
    located = frozenset(reach)
    return _TzData(
        located=located or None,
        zones=frozenset(zones),
        links=links,
        reach=reach,
        countries=countries,
    )


def _target(name: str, links: dict[str, str]) -> str:
    """Follow *name*'s links to the zone it names (links rarely chain)."""
    for _ in range(8):
        if name not in links:
            break
        name = links[name]
    return name


def _fixed_offset(tz: dt.tzinfo) -> dt.timedelta | None:
    """Return the offset *tz* keeps all through the example year, or None."""
    offsets = {
        dt.datetime(_EXAMPLE_YEAR, month, 15, 12, tzinfo=_UTC)
        .astimezone(tz)
        .utcoffset()
        for month in range(1, 13)
    }
    return offsets.pop() if len(offsets) == 1 else None


@functools.cache
def _places_keeping(offset: dt.timedelta) -> tuple[str, ...]:
    """The located zones that keep *offset* all through the example year, the
    most widely known first."""
    data = _tz_data()
    found = []
    for name in sorted(data.located or (), key=lambda name: -data.reach[name]):
        try:
            tz = zoneinfo.ZoneInfo(name)
        except (ValueError, zoneinfo.ZoneInfoNotFoundError, OSError):
            continue
        if _fixed_offset(tz) == offset:
            found.append(name)
    return tuple(found)


def _utc_text(offset: dt.timedelta) -> str:
    """Write *offset* as UTC+05:30 or UTC-05:00."""
    minutes = offset // dt.timedelta(minutes=1)
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def _unlocated(name: str, target: str, tz: dt.tzinfo) -> str:
    """Say why the zone *name* (a link to *target*, or *target* itself) is
    refused, and which zone to give instead."""
    if target == _PLACEHOLDER:
        return (
            f"{_LOCATED}, such as 'Europe/London': {name!r} is a placeholder "
            "for machines whose zone is not set"
        )
    offset = _fixed_offset(tz)
    what = (
        f"a fixed offset of {_utc_text(offset)}, which loses daylight saving"
        if offset is not None
        else "named for a rule, not a place"
    )
    for key in (name, target):
        if key in _ABBREVIATIONS:
            suggestion, meaning = _ABBREVIATIONS[key]
            return (
                f"{_LOCATED}, such as {suggestion!r} for {meaning}: {name!r} is {what}"
            )
    if offset is not None and target.startswith("Etc/GMT"):
        places = _places_keeping(offset)
        example = (
            f"such as {places[0]!r}, which keeps {_utc_text(offset)} all year"
            if places
            else "such as 'Europe/London'"
        )
        return (
            f"{_LOCATED}, the place's own zone, {example}: {name!r} is {what} "
            "(in Etc/GMT names the sign is reversed)"
        )
    return (
        f"{_LOCATED}, such as 'Europe/London': {name!r} is {what}, and the tz "
        "database gives it no location"
    )


@functools.cache
def _load_zone(name: str) -> pendulum.Timezone:
    """Return the zone that *name* reads as, or raise ValueError saying why not.

    A zone with a location is itself; a link to one reads as its target; the
    tz database's UTC and its aliases read as ``"UTC"``. Anything else is
    refused, the error's text saying what to give instead.
    """
    if name in _NOT_ZONES:
        raise _RefusedError(ZONE_EXPECTED)
    tz = pendulum.timezone(name)
    if type(tz) is not pendulum.Timezone or tz.name != name:
        # pendulum accepts a few spellings ("utc") and fixed offsets ("+01:00")
        # that are not IANA names; keeping the caller's text exact matters more.
        raise _RefusedError(ZONE_EXPECTED)
    data = _tz_data()
    if data.located is None:  # no tz database files: every zone is itself
        return tz
    if name in data.located and name not in _ABBREVIATIONS:
        return tz
    if name not in data.zones and name not in data.links:
        # A file the database does not list ("posix/Europe/London").
        raise _RefusedError(ZONE_EXPECTED)
    target = _target(name, data.links)
    if target == _TZ_UTC:
        return tz if name == UTC_NAME else _load_zone(UTC_NAME)
    if target in data.located and name not in _ABBREVIATIONS:
        return _load_zone(target)
    raise _RefusedError(_unlocated(name, target, tz))


def zone(name: str, field: str = "timezone") -> pendulum.Timezone:
    """Return the cached pendulum zone that *name* reads as.

    Accepted: the zones of the tz database that have a location (those its
    ``zone1970.tab`` or ``zone.tab`` lists), each as itself; a link to one,
    read as the zone it links to (``"US/Eastern"`` reads as
    ``"America/New_York"``); and ``"UTC"``, for instants recorded in UTC,
    with its aliases (``"Etc/UTC"``, ``"Zulu"``...). Anything else raises
    :class:`ValidationError` naming *field*: a name that is not an IANA zone
    (case matters: ``"Europe/London"``, not ``"europe/london"``), a fixed
    offset such as ``"Etc/GMT+5"`` or ``"EST"``, which loses daylight saving,
    ``"Factory"``; the message says which zone to give instead.
    """
    if type(name) is not str:
        raise ValidationError(field, name, ZONE_EXPECTED)
    try:
        return _load_zone(name)
    except _RefusedError as error:
        raise ValidationError(field, name, error.args[0]) from None
    except (ValueError, zoneinfo.ZoneInfoNotFoundError, OSError):
        raise ValidationError(field, name, ZONE_EXPECTED) from None


def place_zone(name: str, field: str = "timezone") -> pendulum.Timezone:
    """Return the zone of a place, as :func:`zone` does, refusing UTC.

    A person works somewhere: UTC and its aliases, which have no location,
    raise :class:`ValidationError` naming *field*.
    """
    tz = zone(name, field)
    if tz.name == UTC_NAME:
        raise ValidationError(
            field,
            name,
            f"{_LOCATED}, the zone of the place where this person works, such "
            f"as 'Europe/London': {name!r} has no location (instants recorded "
            "in UTC may keep it)",
        )
    return tz


def zone_key(name: str | None) -> str | None:
    """Return the name that the zone called *name* reads as, for a converter.

    A link becomes its target (``"US/Eastern"`` becomes
    ``"America/New_York"``); anything that is not an accepted place's zone
    (``None`` and what is not a string included) is handed back unchanged,
    for a validator to refuse by name.
    """
    candidate: object = name
    if type(candidate) is not str:
        return name
    try:
        tz = _load_zone(candidate)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError, OSError):
        return name
    return name if tz.name == UTC_NAME else tz.name


def zone_country(name: str) -> str | None:
    """Return the country of the place whose zone is called *name*, or ``None``.

    The country is an ISO 3166-1 alpha-2 code, as the tz database's
    ``zone.tab`` gives it (``"America/New_York"`` is in ``"US"``,
    ``"Europe/London"`` in ``"GB"``); a zone the database gives no country,
    such as ``"UTC"``, has none. *name* is a name that :func:`zone` accepts;
    a link reads as its target when the database lists no country for the
    link itself.
    """
    data = _tz_data()
    country = data.countries.get(name)
    if country is None and name in data.links:
        country = data.countries.get(_target(name, data.links))
    return country


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


def reduce_keeping_folds(record: Any, protocol: SupportsIndex) -> tuple[Any, ...]:
    """Pickle *record*, an attrs record that holds instants, with their folds.

    A record that holds instants sets this as its ``__reduce_ex__``. pendulum
    pickles a DateTime without its ``fold`` (and the stdlib keeps it only from
    protocol 4 on), so an instant in the repeated hour of a fall-back night
    would come back an hour off. Here each instant travels as its naive UTC
    time and its zone's name, which every protocol carries exactly, and
    :func:`rebuild_keeping_folds` shows it in that zone again.
    """
    state: dict[str, Any] = record.__getstate__()
    instants = tuple(
        name for name, value in state.items() if type(value) is pendulum.DateTime
    )
    for name in instants:
        value = state[name]
        state[name] = (naive_utc(value), zone_name(value))
    return (rebuild_keeping_folds, (type(record), state, instants))


def rebuild_keeping_folds(cls: type[T], state: dict[str, Any], instants: Any) -> T:
    """Make the record that :func:`reduce_keeping_folds` pickled."""
    state = dict(state)
    for name in instants:
        naive, key = state[name]
        state[name] = from_naive_utc(naive, zone(key, name))
    record: Any = object.__new__(cls)
    record.__setstate__(state)
    return cast("T", record)


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
