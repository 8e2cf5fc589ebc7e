"""Tests for postinterview._time: turning what callers give into aware instants."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import io
import pathlib
import zoneinfo

import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from postinterview import _time
from postinterview._time import (
    as_date,
    as_instant,
    from_utc,
    place_zone,
    zone,
    zone_key,
    zone_name,
)
from postinterview.errors import NaiveDatetimeError, ValidationError

LONDON = zoneinfo.ZoneInfo("Europe/London")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


class _OtherTz(dt.tzinfo):
    """A tzinfo of another library's kind (like dateutil's): no IANA key."""

    def __init__(self, hours: int) -> None:
        self._offset = dt.timedelta(hours=hours)

    def utcoffset(self, _: dt.datetime | None) -> dt.timedelta:
        return self._offset

    def dst(self, _: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, _: dt.datetime | None) -> str:
        return "OTHER"


# --- as_instant: what it accepts -------------------------------------------


def test_pendulum_instant_is_kept_with_its_zone() -> None:
    value = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    result = as_instant(value, "ends_at")
    assert type(result) is pendulum.DateTime
    assert result == value
    assert zone_name(result) == "Europe/London"
    assert (result.hour, result.minute) == (15, 30)


def test_stdlib_datetime_with_zoneinfo_becomes_pendulum_keeping_the_name() -> None:
    value = dt.datetime(2026, 7, 1, 9, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Kolkata"))
    result = as_instant(value, "ends_at")
    assert type(result) is pendulum.DateTime
    assert isinstance(result.tzinfo, pendulum.Timezone)
    assert result.tzinfo.name == "Asia/Kolkata"
    assert result.timestamp() == value.timestamp()
    assert (result.year, result.month, result.day, result.hour) == (2026, 7, 1, 9)


def test_zoneinfo_built_without_the_cache_is_accepted() -> None:
    value = dt.datetime(
        2026, 1, 5, 8, tzinfo=zoneinfo.ZoneInfo.no_cache("Europe/Paris")
    )
    result = as_instant(value, "at")
    assert zone_name(result) == "Europe/Paris"
    assert result.timestamp() == value.timestamp()


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.timezone(dt.timedelta(0))),
        pendulum.datetime(2026, 11, 20, 15, 30, tz="UTC"),
        pendulum.datetime(2026, 11, 20, 15, 30, tz=pendulum.fixed_timezone(0)),
    ],
    ids=["stdlib-UTC", "stdlib-zero-offset", "pendulum-UTC", "pendulum-fixed-zero"],
)
def test_utc_in_any_spelling_becomes_the_utc_zone(value: dt.datetime) -> None:
    result = as_instant(value, "at")
    assert type(result) is pendulum.DateTime
    assert zone_name(result) == "UTC"
    assert result.timestamp() == value.timestamp()


# --- as_instant: what it refuses -------------------------------------------


def test_naive_stdlib_datetime_is_refused_naming_the_field() -> None:
    naive = dt.datetime(2026, 11, 20, 15, 30)  # noqa: DTZ001 - naive on purpose
    with pytest.raises(NaiveDatetimeError) as info:
        as_instant(naive, "starts_at")
    assert info.value.field == "starts_at"
    assert info.value.value is naive
    message = str(info.value)
    assert message.startswith("starts_at: expected ")
    assert "naive" in message


def test_naive_pendulum_datetime_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        as_instant(pendulum.naive(2026, 11, 20, 15, 30), "written_at")
    assert info.value.field == "written_at"


def test_tzinfo_that_gives_no_offset_counts_as_naive() -> None:
    class NoOffset(dt.tzinfo):
        def utcoffset(self, _: dt.datetime | None) -> None:
            return None

    value = dt.datetime(2026, 1, 1, tzinfo=NoOffset())
    with pytest.raises(NaiveDatetimeError):
        as_instant(value, "at")


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=-5), "EST")),
        pendulum.datetime(2026, 1, 1, tz=pendulum.fixed_timezone(3600)),
        dt.datetime(2026, 1, 1, tzinfo=_OtherTz(2)),
        dt.datetime(2026, 1, 1, tzinfo=_OtherTz(0)),
    ],
    ids=[
        "stdlib+01:00",
        "stdlib-EST-fixed",
        "pendulum+01:00",
        "other-tzinfo",
        "other-tzinfo-zero",
    ],
)
def test_zones_without_an_iana_name_are_refused(value: dt.datetime) -> None:
    with pytest.raises(ValidationError) as info:
        as_instant(value, "ends_at")
    assert not isinstance(info.value, NaiveDatetimeError)
    assert info.value.field == "ends_at"
    message = str(info.value)
    assert message.startswith("ends_at: expected ")
    assert "IANA" in message
    assert "fixed offsets" in message


def _zone_file(name: str) -> bytes:
    """Read the compiled zone file that zoneinfo itself would load."""
    for directory in zoneinfo.TZPATH:
        path = pathlib.Path(directory, name)
        if path.is_file():
            return path.read_bytes()
    tzdata = pytest.importorskip("tzdata")
    package = importlib.resources.files(tzdata).joinpath("zoneinfo")
    return package.joinpath(*name.split("/")).read_bytes()


def test_zoneinfo_without_a_key_is_refused() -> None:
    keyless = zoneinfo.ZoneInfo.from_file(io.BytesIO(_zone_file("Europe/London")))
    with pytest.raises(ValidationError) as info:
        as_instant(dt.datetime(2026, 1, 1, tzinfo=keyless), "ends_at")
    assert info.value.field == "ends_at"


@pytest.mark.parametrize(
    "value",
    [
        dt.date(2026, 11, 20),
        pendulum.date(2026, 11, 20),
        "2026-11-20T15:30:00+00:00",
        1_795_000_000,
        1_795_000_000.5,
        None,
        dt.time(15, 30, tzinfo=dt.UTC),
    ],
    ids=["date", "pendulum-date", "string", "int", "float", "None", "time"],
)
def test_non_datetimes_are_refused_naming_the_field(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        as_instant(value, "decision_expected_by")
    assert not isinstance(info.value, NaiveDatetimeError)
    assert info.value.field == "decision_expected_by"
    assert str(info.value).startswith("decision_expected_by: expected an aware ")


# --- as_instant: DST gaps and folds keep the instant -------------------------


@pytest.mark.parametrize(
    ("wall", "tz", "fold", "shown"),
    [
        # Europe/London springs forward at 01:00 GMT on 29 March 2026.
        ((2026, 3, 29, 1, 30), LONDON, 0, (2, 30)),
        ((2026, 3, 29, 1, 30), LONDON, 1, (0, 30)),
        # America/New_York springs forward at 02:00 EST on 8 March 2026.
        ((2026, 3, 8, 2, 30), NEW_YORK, 0, (3, 30)),
        ((2026, 3, 8, 2, 30), NEW_YORK, 1, (1, 30)),
    ],
    ids=["london-fold0", "london-fold1", "new-york-fold0", "new-york-fold1"],
)
def test_time_in_a_dst_gap_keeps_its_instant(
    wall: tuple[int, int, int, int, int],
    tz: zoneinfo.ZoneInfo,
    fold: int,
    shown: tuple[int, int],
) -> None:
    value = dt.datetime(*wall, tzinfo=tz, fold=fold)
    result = as_instant(value, "ends_at")
    assert result.timestamp() == value.timestamp()
    assert zone_name(result) == tz.key
    # The result shows a wall time that exists, for that same instant.
    assert (result.hour, result.minute) == shown


def test_pendulum_value_built_inside_a_gap_keeps_its_instant() -> None:
    # The raw constructor does not normalise, so a gap time can reach us.
    raw = pendulum.DateTime(
        2026, 3, 29, 1, 30, tzinfo=pendulum.timezone("Europe/London")
    )
    result = as_instant(raw, "ends_at")
    assert result.timestamp() == raw.timestamp()
    assert zone_name(result) == "Europe/London"
    assert (result.hour, result.minute) == (2, 30)


@pytest.mark.parametrize(
    ("fold", "utc_hour"),
    [(0, 5), (1, 6)],
    ids=["first-01:30-EDT", "second-01:30-EST"],
)
def test_ambiguous_time_in_a_fold_keeps_its_instant(fold: int, utc_hour: int) -> None:
    value = dt.datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=fold)
    result = as_instant(value, "ends_at")
    assert result.timestamp() == value.timestamp()
    assert result.in_timezone("UTC").hour == utc_hour
    assert (result.hour, result.minute) == (1, 30)
    assert zone_name(result) == "America/New_York"


def test_the_two_readings_of_a_fold_stay_an_hour_apart() -> None:
    first = as_instant(dt.datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK), "a")
    second = as_instant(dt.datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=1), "a")
    assert second.timestamp() - first.timestamp() == 3600


# The zone directory holds "localtime" (whatever this machine is set to) and
# sometimes "posixrules"; they are files, not zones a record should name.
_ZONE_NAMES = sorted(zoneinfo.available_timezones() - {"localtime", "posixrules"})


_TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


@given(
    value=st.datetimes(timezones=st.sampled_from(_ZONE_NAMES).map(zoneinfo.ZoneInfo)),
    fold=st.sampled_from([0, 1]),
)
@example(value=dt.datetime(1, 1, 1, tzinfo=_TOKYO), fold=0)
@example(value=dt.datetime(9999, 12, 31, 23, tzinfo=NEW_YORK), fold=0)
def test_any_aware_stdlib_datetime_keeps_its_instant_and_zone(
    value: dt.datetime, fold: int
) -> None:
    value = value.replace(fold=fold)
    outcome = _instant_or_error(value, "at")
    reads_as = _reads_as(value.tzinfo.key)  # type: ignore[union-attr]
    if reads_as is None:
        # A zone without a location (Etc/GMT+5, EST, Factory) is refused.
        assert isinstance(outcome, ValidationError)
        assert outcome.field == "at"
        assert "with a location" in outcome.expected
        return
    if isinstance(outcome, ValidationError):
        # Refused exactly when the instant lies outside the library's range.
        assert outcome.field == "at"
        assert not _inside(value)
        return
    assert _inside(value)
    assert type(outcome) is pendulum.DateTime
    assert outcome.timestamp() == value.timestamp()
    # Links read as the zone they link to: US/Eastern as America/New_York.
    assert zone_name(outcome) == reads_as


def _reads_as(name: str) -> str | None:
    """The name the library keeps for the zone *name*, or None if refused."""
    try:
        return zone(name).name
    except ValidationError:
        return None


def _inside(value: dt.datetime) -> bool:
    """Whether *value* lies in the library's range, by arithmetic that cannot
    overflow: its wall clock against the range's ends shown at its offset."""
    offset = value.utcoffset()
    assert offset is not None
    first = _time.FIRST.replace(tzinfo=None) + offset
    end = _time.END.replace(tzinfo=None) + offset
    return first <= value.replace(tzinfo=None) < end


def _instant_or_error(value: dt.datetime, field: str) -> dt.datetime | ValidationError:
    try:
        return as_instant(value, field)
    except ValidationError as error:
        return error


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(1, 1, 1, 0, 0, tzinfo=_TOKYO),
        dt.datetime(9999, 12, 31, 23, 0, tzinfo=NEW_YORK),
    ],
    ids=["year-1-east-of-utc", "year-9999-west-of-utc"],
)
def test_instant_outside_the_utc_range_is_refused_as_invalid(
    value: dt.datetime,
) -> None:
    # Such a value is aware and well formed, but cannot be shown in UTC. The
    # caller gets an error from the library's family naming the field, never
    # a bare OverflowError from the conversion.
    with pytest.raises(ValidationError) as error:
        as_instant(value, "ends_at")
    assert error.value.field == "ends_at"
    assert "1900-01-01T00:00Z" in str(error.value)


# --- zone ------------------------------------------------------------------


def test_zone_is_cached() -> None:
    assert zone("Europe/London") is zone("Europe/London")


def test_zone_returns_a_pendulum_zone_with_the_exact_name() -> None:
    tz = zone("America/New_York")
    assert type(tz) is pendulum.Timezone
    assert tz.name == "America/New_York"
    assert zone("UTC").name == "UTC"


@pytest.mark.parametrize(
    "name",
    ["utc", "europe/london", "Nope/Zone", "../etc/passwd", "", "+01:00", " UTC"],
)
def test_zone_refuses_what_is_not_an_iana_name(name: str) -> None:
    with pytest.raises(ValidationError) as info:
        zone(name)
    assert info.value.field == "timezone"
    assert info.value.value == name
    message = str(info.value)
    assert message.startswith("timezone: expected an IANA time zone name")
    assert repr(name) in message


@pytest.mark.parametrize("name", [None, 1, b"Europe/London"], ids=repr)
def test_zone_refuses_non_strings(name: object) -> None:
    with pytest.raises(ValidationError) as info:
        zone(name)  # type: ignore[arg-type]
    assert info.value.field == "timezone"


def test_zone_names_the_field_it_is_given() -> None:
    with pytest.raises(ValidationError) as info:
        zone("Nope/Zone", "interviewers[0].timezone")
    assert info.value.field == "interviewers[0].timezone"
    assert str(info.value).startswith("interviewers[0].timezone: ")


# --- which zones: places, links to them, and UTC for instants -----------------

_ALL_NAMES = sorted(zoneinfo.available_timezones())
_UTC_ALIASES = ["UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Zulu"]


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("US/Eastern", "America/New_York"),
        ("US/Pacific", "America/Los_Angeles"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("GB", "Europe/London"),
        ("Japan", "Asia/Tokyo"),
    ],
)
def test_a_link_reads_as_the_zone_it_links_to(link: str, target: str) -> None:
    assert zone(link) is zone(target)
    assert zone_key(link) == target
    local = dt.datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=zoneinfo.ZoneInfo(link))
    instant = as_instant(local, "at")
    assert zone_name(instant) == target
    assert instant.timestamp() == local.timestamp()


@pytest.mark.parametrize("name", _UTC_ALIASES)
def test_utc_and_its_aliases_read_as_utc_for_instants(name: str) -> None:
    assert zone(name).name == "UTC"
    local = dt.datetime(2026, 6, 1, 12, tzinfo=zoneinfo.ZoneInfo(name))
    assert zone_name(as_instant(local, "at")) == "UTC"
    assert zone_name(as_instant(local.replace(tzinfo=dt.UTC), "at")) == "UTC"


@pytest.mark.parametrize("name", _UTC_ALIASES)
def test_a_place_needs_more_than_utc(name: str) -> None:
    with pytest.raises(ValidationError, match="has no location") as info:
        place_zone(name, "interviewers[0].timezone")
    assert info.value.field == "interviewers[0].timezone"
    assert zone_key(name) == name  # left for the validator to refuse by name


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("EST", "'America/New_York'"),
        ("MST", "'America/Denver'"),
        ("HST", "'Pacific/Honolulu'"),
        ("CET", "'Europe/Paris'"),
        ("Etc/GMT+5", "'America/"),
        ("Etc/GMT-9", "all year"),
        ("Etc/GMT+12", "'Europe/London'"),  # no place keeps UTC-12:00
        ("GMT", "'Europe/London'"),
        ("Greenwich", "'Europe/London'"),
        ("Factory", "placeholder"),
    ],
)
def test_a_zone_without_a_location_is_refused_with_a_suggestion(
    name: str, suggested: str
) -> None:
    for check in (zone, place_zone):
        with pytest.raises(ValidationError) as info:
            check(name, "at")
        assert info.value.expected.startswith("an IANA time zone name with a location")
        assert suggested in info.value.expected
    with pytest.raises(ValidationError):
        as_instant(dt.datetime(2026, 6, 1, tzinfo=zoneinfo.ZoneInfo(name)), "at")


def test_every_zone_name_is_read_as_a_place_or_utc_or_refused() -> None:
    located = _time._tz_data().located
    assert located is not None
    read = 0
    for name in _ALL_NAMES:
        try:
            tz = zone(name)
        except ValidationError:
            continue
        read += 1
        # What a name reads as is a name of its own: reading it again changes
        # nothing.
        assert zone(tz.name) is tz
        if tz.name != "UTC":
            assert place_zone(name) is tz, name
            assert tz.name in located, name
            assert zone_key(name) == tz.name, name
    assert read > len(located)  # the places, UTC and links to them


def test_the_zones_of_places_come_from_the_tz_database() -> None:
    located = _time._tz_data().located
    assert located is not None
    assert {"Europe/London", "America/New_York", "Asia/Kolkata"} <= located
    assert not located & {"UTC", "EST", "Etc/GMT+5", "Factory", "US/Eastern"}


# --- from_utc --------------------------------------------------------------


def test_from_utc_shows_the_instant_in_the_zone() -> None:
    utc = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)
    result = from_utc(utc, zone("Asia/Tokyo"))
    assert type(result) is pendulum.DateTime
    assert zone_name(result) == "Asia/Tokyo"
    assert result.timestamp() == utc.timestamp()
    assert (result.day, result.hour, result.minute) == (21, 0, 30)


@pytest.mark.parametrize("utc_hour", [5, 6])
def test_from_utc_keeps_both_instants_of_a_fold(utc_hour: int) -> None:
    utc = dt.datetime(2026, 11, 1, utc_hour, 30, tzinfo=dt.UTC)
    result = from_utc(utc, zone("America/New_York"))
    assert (result.hour, result.minute) == (1, 30)
    assert result.timestamp() == utc.timestamp()


def test_from_utc_accepts_an_aware_value_in_another_zone() -> None:
    source = pendulum.datetime(2026, 6, 1, 12, tz="Europe/London")
    result = from_utc(source, zone("America/New_York"))
    assert result.timestamp() == source.timestamp()
    assert result.hour == 7


# --- as_date ---------------------------------------------------------------


def test_as_date_turns_a_stdlib_date_into_a_pendulum_date() -> None:
    result = as_date(dt.date(2026, 11, 27), "closing_date")
    assert type(result) is pendulum.Date
    assert result == pendulum.date(2026, 11, 27)


def test_as_date_keeps_a_pendulum_date() -> None:
    value = pendulum.date(2026, 11, 27)
    assert as_date(value, "closing_date") is value


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2026, 11, 27, tzinfo=dt.UTC),
        pendulum.datetime(2026, 11, 27),
        "2026-11-27",
        None,
        20261127,
    ],
    ids=["datetime", "pendulum-datetime", "string", "None", "int"],
)
def test_as_date_refuses_anything_but_a_date(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        as_date(value, "closing_date")
    assert info.value.field == "closing_date"
    assert str(info.value).startswith("closing_date: expected a date")


# --- the range of time ---------------------------------------------------------
#
# The library accepts instants from 1900-01-01T00:00Z up to 2200-01-01T00:00Z
# and the days they fall on; everything inside works, everything outside is
# refused at the door with a ValidationError naming the field.

# Zones at the extremes: fourteen hours east by 2200 (Kiritimati), the
# farthest east and west in 1900 (Tonga's LMT +12:19:12, Adak's -11:46:38),
# odd historic offsets near 1900 (Amsterdam's LMT +00:19:32, Monrovia's
# -00:44:30), odd minutes, a day skipped (Apia, 2011) and a zone with a
# two-hour DST (Troll).
ODD_ZONES = (
    "Pacific/Kiritimati",
    "Pacific/Tongatapu",
    "America/Adak",
    "Pacific/Niue",
    "Europe/Amsterdam",
    "Africa/Monrovia",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "America/St_Johns",
    "Pacific/Apia",
    "Antarctica/Troll",
    "Asia/Tokyo",
    "UTC",
)
_EDGE = st.sampled_from((_time.FIRST, _time.END))
_NEAR = st.one_of(
    st.integers(-2, 2).map(lambda us: dt.timedelta(microseconds=us)),
    st.integers(-3 * 86400, 3 * 86400).map(lambda s: dt.timedelta(seconds=s)),
)


def _shown(utc: dt.datetime, name: str, as_pendulum: bool) -> dt.datetime:
    local = utc.astimezone(zoneinfo.ZoneInfo(name))
    return pendulum.instance(local) if as_pendulum else local


def _far(year: int, name: str, as_pendulum: bool) -> dt.datetime:
    if year == 1:
        wall = dt.datetime(1, 1, 1)  # noqa: DTZ001 - given its zone below
    else:
        wall = dt.datetime(9999, 12, 31, 23, 59, 59, 999999)  # noqa: DTZ001
    if as_pendulum:
        return pendulum.instance(wall, tz=name)
    return wall.replace(tzinfo=zoneinfo.ZoneInfo(name))


#: Aware instants at and around both ends of the range, and at the very ends
#: of what datetime holds, in the odd zones, as stdlib and pendulum values.
edge_instants = st.one_of(
    st.builds(
        lambda edge, near, name, as_pendulum: _shown(edge + near, name, as_pendulum),
        _EDGE,
        _NEAR,
        st.sampled_from(ODD_ZONES),
        st.booleans(),
    ),
    st.builds(
        _far, st.sampled_from((1, 9999)), st.sampled_from(ODD_ZONES), st.booleans()
    ),
)


def test_the_range_is_stated_once_and_its_days_cover_every_zone() -> None:
    assert dt.datetime(1900, 1, 1, tzinfo=dt.UTC) == _time.FIRST
    assert dt.datetime(2200, 1, 1, tzinfo=dt.UTC) == _time.END
    # The days an accepted instant falls on somewhere: zones are less than a
    # day from UTC, so one more day at each end.
    assert _time.FIRST.date() - dt.timedelta(days=1) == _time.FIRST_DATE
    assert _time.END.date() == _time.LAST_DATE
    last = _time.END - dt.timedelta(microseconds=1)
    for name in ODD_ZONES:
        assert _time.FIRST.astimezone(zone(name)).date() >= _time.FIRST_DATE
        assert last.astimezone(zone(name)).date() <= _time.LAST_DATE


@pytest.mark.parametrize(
    ("value", "inside"),
    [
        (dt.datetime(1900, 1, 1, tzinfo=dt.UTC), True),
        (dt.datetime(1899, 12, 31, 23, 59, 59, 999999, tzinfo=dt.UTC), False),
        (dt.datetime(2199, 12, 31, 23, 59, 59, 999999, tzinfo=dt.UTC), True),
        (dt.datetime(2200, 1, 1, tzinfo=dt.UTC), False),
        # 1899 on the wall in New York is already 1900 in UTC.
        (pendulum.datetime(1899, 12, 31, 19, tz="America/New_York"), True),
        # 2200 on the wall at +14 is still 2199 in UTC.
        (pendulum.datetime(2200, 1, 1, 13, 59, tz="Pacific/Kiritimati"), True),
        (pendulum.datetime(2200, 1, 1, 14, tz="Pacific/Kiritimati"), False),
        (pendulum.datetime(1, 1, 1, tz="Asia/Tokyo"), False),
        (pendulum.datetime(9999, 12, 31, 23, tz="America/New_York"), False),
    ],
    ids=repr,
)
def test_the_range_is_exact_at_both_ends(value: dt.datetime, inside: bool) -> None:
    assert _time.in_range(value) is inside
    if inside:
        assert as_instant(value, "at").timestamp() == value.timestamp()
        assert _time.utc_of(value, "at") == value.astimezone(dt.UTC).replace(
            tzinfo=None
        )
    else:
        for convert in (as_instant, _time.utc_of):
            with pytest.raises(ValidationError) as error:
                convert(value, "at")
            assert error.value.field == "at"
            assert error.value.expected == _time.IN_RANGE


@given(edge_instants)
def test_in_range_never_raises_and_agrees_with_arithmetic(value: dt.datetime) -> None:
    assert _time.in_range(value) is _inside(value)


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        (dt.date(1899, 12, 30), False),
        (dt.date(1899, 12, 31), True),
        (dt.date(2200, 1, 1), True),
        (dt.date(2200, 1, 2), False),
        (dt.date.min, False),
        (dt.date.max, False),
    ],
    ids=str,
)
def test_dates_are_refused_outside_the_range(day: dt.date, inside: bool) -> None:
    # as_date itself takes any date; the records' dates are checked.
    assert as_date(day, "day") == day
    if inside:
        assert _time.as_record_date(day, "day") == day
    else:
        with pytest.raises(ValidationError) as error:
            _time.as_record_date(day, "day")
        assert error.value.field == "day"
        assert "1899-12-31 to 2200-01-01" in str(error.value)


def test_a_derived_instant_may_lie_past_the_end() -> None:
    # What follows from an instant near the end (an action's deadline) may
    # pass it; only the stdlib's own limits are refused, as ValidationError.
    later = pendulum.datetime(2200, 1, 3, tz="Pacific/Kiritimati")
    assert _time.as_derived_instant(later, "due_at") == later
    with pytest.raises(ValidationError) as error:
        _time.as_derived_instant(pendulum.datetime(1, 1, 1, tz="Asia/Tokyo"), "x")
    assert error.value.field == "x"


def test_the_strategies_draw_only_zones_the_library_keeps() -> None:
    from postinterview.strategies import _instants  # noqa: PLC0415

    places = _instants._place_zone_names()
    assert places
    for name in places:
        assert place_zone(name).name == name  # accepted for a person, as is
    assert _instants._all_zone_names() == ("UTC", *places)
    assert not {"EST", "Etc/GMT+5", "Factory", "US/Eastern", "UTC"} & set(places)


# -- a zone's country -----------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("America/New_York", "US"),
        ("Europe/London", "GB"),
        ("Europe/Berlin", "DE"),
        ("Europe/Oslo", "NO"),
        ("Asia/Riyadh", "SA"),
        ("Asia/Dubai", "AE"),
        ("Asia/Kolkata", "IN"),
        ("Australia/Sydney", "AU"),
    ],
)
def test_a_zones_country_is_the_one_zone_tab_gives(zone: str, country: str) -> None:
    assert _time.zone_country(zone) == country


def test_zones_without_a_place_have_no_country() -> None:
    assert _time.zone_country("UTC") is None
    assert _time.zone_country("Etc/GMT+5") is None


def test_every_zone_a_person_may_work_in_has_a_country() -> None:
    for name in sorted(zoneinfo.available_timezones()):
        try:
            kept = _time.place_zone(name).name
        except ValidationError:
            continue
        country = _time.zone_country(kept)
        assert country is not None, kept
        assert len(country) == 2, (kept, country)
        assert country.isupper(), (kept, country)
