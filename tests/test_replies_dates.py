"""Dates and times in replies, resolved against when the reply arrived.

Properties over generated dates written the way each shipped language
writes them (CLDR's own formats, through Babel), numeric dates in day-first
and month-first locales, the ambiguous ones, relative words and times; and
the examples a reader should see.
"""

from __future__ import annotations

import datetime as dt

import babel.dates
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview import BusinessCalendar
from postinterview.replies import patterns
from postinterview.replies._dates import DateMention, find_dates, order_of

LOCALES = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE", "es": "es_ES", "pt": "pt_BR"}
ZONE = "Europe/London"
# Thursday 26 November 2026, late morning.
RECEIVED = pendulum.datetime(2026, 11, 26, 11, 5, tz=ZONE)
WEEKDAYS_ONLY = BusinessCalendar()


def found(
    text: str,
    language: str = "en",
    *,
    order: str = "dmy",
    received: pendulum.DateTime = RECEIVED,
) -> tuple[DateMention, ...]:
    return find_dates(
        text,
        patterns(language),
        received=received,
        zone=ZONE,
        order=order,
        calendar=lambda: WEEKDAYS_ONLY,
    )


def only(text: str, language: str = "en", **options: object) -> DateMention:
    mentions = found(text, language, **options)  # type: ignore[arg-type]
    assert len(mentions) == 1, mentions
    return mentions[0]


days_ahead = st.integers(min_value=0, max_value=300).map(
    lambda n: RECEIVED.date().add(days=n)
)


@given(
    day=days_ahead,
    language=st.sampled_from(sorted(LOCALES)),
    width=st.sampled_from(["long", "full", "medium"]),
)
def test_dates_written_as_cldr_writes_them_read_back(
    day: pendulum.Date, language: str, width: str
) -> None:
    written = babel.dates.format_date(day, width, locale=LOCALES[language])
    mention = only(f"- {written} -", language)
    assert mention.day == day, written
    assert mention.time is None


@given(day=days_ahead, language=st.sampled_from(sorted(LOCALES)))
def test_dates_without_a_year_are_the_next_one(
    day: pendulum.Date, language: str
) -> None:
    written = babel.dates.format_skeleton("MMMMd", day, locale=LOCALES[language])
    assert only(written, language).day == day, written


@given(day=days_ahead)
def test_numeric_dates_follow_the_locale(day: pendulum.Date) -> None:
    assert only(f"on {day.day}/{day.month}", order="dmy").day == day
    assert only(f"on {day.month}/{day.day}", order="mdy").day == day
    assert only(f"am {day.day}.{day.month}.", "de", order="dmy").day == day
    assert only(f"on {day.day:02d}/{day.month:02d}/{day.year}", order="dmy").day == day


@given(day=days_ahead)
def test_numeric_dates_the_locale_does_not_order_are_reported_when_ambiguous(
    day: pendulum.Date,
) -> None:
    mention = only(f"on {day.day}/{day.month}", order="")
    swapped_is_a_date = day.day <= 12 and day.day != day.month
    if swapped_is_a_date:
        assert mention.ambiguous
        assert mention.day is None
        assert day in mention.readings
        assert "day-first" in (mention.how or "")
    else:
        assert mention.day == day
        assert not mention.ambiguous


def test_which_locales_order_numeric_dates() -> None:
    assert order_of("en_GB") == "dmy"
    assert order_of("en_US") == "mdy"
    assert order_of("de_AT") == "dmy"
    assert order_of("pt_BR") == "dmy"
    # Canada writes year first in CLDR and both ways by hand; a bare
    # language says nothing.
    assert order_of("en_CA") == ""
    assert order_of("en") == ""
    assert order_of(None) == ""


def test_a_weekday_that_does_not_fit_its_date_is_reported_not_guessed() -> None:
    mention = only("on Tuesday 16 December")  # the 16th is a Wednesday
    assert mention.day is None
    assert mention.ambiguous


def test_a_weekday_settles_a_numeric_date() -> None:
    # 3 December 2026 is a Thursday, 12 March 2027 a Friday.
    assert only("Thursday 03/12", order="").day == pendulum.date(2026, 12, 3)


@given(weekday=st.integers(0, 6), language=st.sampled_from(sorted(LOCALES)))
def test_weekday_names_resolve_to_the_coming_day(weekday: int, language: str) -> None:
    name = babel.dates.get_day_names("wide", locale=LOCALES[language])[weekday]
    mentions = [m for m in found(name, language) if m.day is not None]
    assert mentions, name
    day = mentions[0].day
    assert day is not None
    assert day.weekday() == weekday
    assert RECEIVED.date() < day <= RECEIVED.date().add(days=7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", (2026, 11, 27)),
        ("next Tuesday", (2026, 12, 1)),
        ("this Friday", (2026, 11, 27)),
        ("by the end of the week", (2026, 11, 27)),
        ("early next week", (2026, 12, 2)),
        ("next week", (2026, 12, 4)),
        ("by the end of next week", (2026, 12, 4)),
        ("within ten days", (2026, 12, 6)),
        ("within 5 working days", (2026, 12, 3)),
        ("in two weeks", (2026, 12, 10)),
        ("by the end of the month", (2026, 11, 30)),
        ("December 15th", (2026, 12, 15)),
        ("15/12", (2026, 12, 15)),
    ],
)
def test_english_dates_a_reader_should_see(
    text: str, expected: tuple[int, int, int]
) -> None:
    mention = only(f"We will be in touch {text}.")
    assert mention.day == pendulum.date(*expected), mention


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("December 15th at 2pm", "en", (2026, 12, 15, 14, 0)),
        ("Tuesday 1 December at 10:30", "en", (2026, 12, 1, 10, 30)),
        ("le mardi 1er décembre à 14h30", "fr", (2026, 12, 1, 14, 30)),
        ("am Dienstag, 1. Dezember, um 14:30 Uhr", "de", (2026, 12, 1, 14, 30)),
        ("el martes 1 de diciembre a las 10:00", "es", (2026, 12, 1, 10, 0)),
        ("na terça-feira, 1º de dezembro, às 14h", "pt", (2026, 12, 1, 14, 0)),
    ],
)
def test_a_date_and_its_time_are_read_together(
    text: str, language: str, expected: tuple[int, ...]
) -> None:
    mentions = [m for m in found(text, language) if m.day is not None]
    assert mentions, text
    assert mentions[0].value() == pendulum.datetime(*expected, tz=ZONE)


@pytest.mark.parametrize(
    ("text", "expected", "until"),
    [
        ("a second interview on the 9th at 10am", (2026, 12, 9, 10, 0), None),
        ("a second interview at 12 noon on Friday", (2026, 11, 27, 12, 0), None),
        ("a final interview on Dec 3 from 2-3pm", (2026, 12, 3, 14, 0), (15, 0)),
        ("a call on 3 December from 11-1pm", (2026, 12, 3, 11, 0), (13, 0)),
    ],
)
def test_days_of_the_month_noon_and_ranges_with_one_pm(
    text: str, expected: tuple[int, ...], until: tuple[int, int] | None
) -> None:
    mentions = [m for m in found(text) if m.day is not None]
    assert mentions[0].value() == pendulum.datetime(*expected, tz=ZONE)
    assert mentions[0].until == (None if until is None else dt.time(*until))


def test_a_named_zone_is_kept() -> None:
    mention = only("on Tuesday 1 December at 3pm ET")
    value = mention.value()
    assert isinstance(value, pendulum.DateTime)
    assert value.timezone_name == "America/New_York"
    assert value.hour == 15


def test_a_range_gives_the_end_time() -> None:
    mention = only("on 1 December from 14:00 to 15:30")
    assert mention.time == dt.time(14, 0)
    assert mention.until == dt.time(15, 30)


@given(
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
)
def test_clock_times_read_back(hour: int, minute: int) -> None:
    mention = only(f"Tuesday 1 December at {hour:02d}:{minute:02d}")
    assert mention.time == dt.time(hour, minute)


def test_a_past_date_stays_in_its_year() -> None:
    # Six days before the reply: the interview, not next year's 20 November.
    assert only("since 20 November").day == pendulum.date(2026, 11, 20)


def test_amounts_are_not_dates() -> None:
    assert found("a salary of 8.500,00 reais, a 3.5% rise and 12,5 %") == ()
