"""Locales: dates, names and money written the locale's way, through Babel.

The filters here are the ones the packaged templates use (:data:`FILTERS`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import jinja2

from postinterview.interview import Period, SalaryRange
from postinterview.letters._catalogs import babel_locale, translations
from postinterview.letters._joins import inline, sentence, stop
from postinterview.letters._layout import paragraphs

if TYPE_CHECKING:
    from babel.core import Locale

# The languages that ship, by their tags (see letters.languages() for those
# a host added too).
LOCALES = ("de_DE", "en_GB", "en_US", "es_ES", "fr_FR", "pt_BR")

# British spellings, and their American forms, for a host's template that
# spells its own words with |spell. The packaged templates have the en_US
# catalog instead. Only a template's own words pass through this table,
# never what a person typed.
_AMERICAN = {
    "apologise": "apologize",
    "emphasise": "emphasize",
    "organisation": "organization",
    "organisations": "organizations",
    "realise": "realize",
    "recognise": "recognize",
}


def _locale_of(context: jinja2.runtime.Context) -> str:
    locale = context.get("locale", "en_GB")
    return locale if isinstance(locale, str) else "en_GB"


@jinja2.pass_context
def _spell(context: jinja2.runtime.Context, word: str) -> str:
    """Spell one of a template's own English words for the letter's locale."""
    if _locale_of(context) == "en_US":
        return _AMERICAN.get(word, word)
    return word


@jinja2.pass_context
def _longdate(
    context: jinja2.runtime.Context, day: dt.date, continues: bool = False
) -> str:
    """Write a date in full, the locale's way (CLDR's long date): 20 November
    2026, November 20, 2026, 20 novembre 2026, 20. November 2026.

    With *continues*, the sentence goes on after the date, which English that
    puts the month first sets off with a comma: "on November 20, 2026, to
    talk".
    """
    from babel.dates import format_date  # noqa: PLC0415 - on first use

    locale = babel_locale(_locale_of(context))
    pattern = _first_of_month(locale.date_formats["long"].pattern, locale, day)
    written = format_date(_plain(day), pattern, locale=locale)
    return _set_off(written, locale, continues)


@jinja2.pass_context
def _weekday(
    context: jinja2.runtime.Context, day: dt.date, continues: bool = False
) -> str:
    """Write a day with its name and no year, the locale's way: Friday 20
    November, Friday, November 20, vendredi 20 novembre, Freitag, 20.
    November, viernes, 20 de noviembre.

    The pattern is CLDR's for a month's day with its weekday (the skeleton
    ``MMMMEd``), with the weekday written in full. *continues* as for
    :func:`_longdate`: "on Friday, November 20, to talk".
    """
    from babel.dates import format_date  # noqa: PLC0415 - on first use

    locale = babel_locale(_locale_of(context))
    pattern = _first_of_month(_weekday_pattern(locale), locale, day)
    written = format_date(_plain(day), pattern, locale=locale)
    return _set_off(written, locale, continues)


def _plain(day: dt.date) -> dt.date:
    """A date as Babel wants one (a pendulum Date formats the same)."""
    return dt.date(day.year, day.month, day.day)


_WEEKDAY_FIELD = re.compile(r"E+|c{3,}")
# The day of the month in a CLDR pattern: a lone "d", outside quotes.
_DAY_FIELD = re.compile(r"(?<![d'])d(?![d'])")


# The first of the month as an ordinal, where the language writes it so and
# CLDR's patterns do not: "1er décembre", "1º de dezembro".
_FIRST = {"fr": "'1er'", "pt": "'1º'"}


def _first_of_month(pattern: str, locale: Locale, day: dt.date) -> str:
    """*pattern* with the first of the month written as the language's
    ordinal (French and Portuguese)."""
    first = _FIRST.get(locale.language)
    if first is not None and day.day == 1:
        return _DAY_FIELD.sub(first, pattern, count=1)
    return pattern


_weekday_patterns: dict[str, str] = {}


def _weekday_pattern(locale: Locale) -> str:
    key = str(locale)
    pattern = _weekday_patterns.get(key)
    if pattern is None:
        skeleton = locale.datetime_skeletons["MMMMEd"].pattern
        pattern = _WEEKDAY_FIELD.sub("EEEE", skeleton)
        _weekday_patterns[key] = pattern
    return pattern


def _set_off(written: str, locale: Locale, continues: bool) -> str:
    """A date in the middle of a sentence, in English that writes the month
    before the day, ends with a comma."""
    if not continues or locale.language != "en":
        return written
    long = locale.date_formats["long"].pattern
    return f"{written}," if long.index("M") < long.index("d") else written


@jinja2.pass_context
def _names(context: jinja2.runtime.Context, people: Iterable[object]) -> str:
    """Join names into a list the locale's way (CLDR): 'A, B and C' in British
    English, 'A, B, and C' in American English, 'A, B et C' in French."""
    from babel.lists import format_list  # noqa: PLC0415 - on first use

    names = [getattr(p, "name", None) or str(p) for p in people]
    return format_list(names, locale=babel_locale(_locale_of(context)))


@jinja2.pass_context
def _money(
    context: jinja2.runtime.Context,
    value: Decimal | SalaryRange,
    currency: str | None = None,
) -> str:
    """Write an amount with its currency the locale's way (CLDR): £44,000,
    44 000 €, R$ 8.500,00; the minor unit only when the amount has one. A
    range is written with its period: "£42,000 to £48,000 a year", in the
    letter's language.
    """
    tag = _locale_of(context)
    if isinstance(value, SalaryRange):
        return salary_words(value, tag)
    if currency is None:
        from babel.numbers import format_decimal  # noqa: PLC0415 - on first use

        return format_decimal(value, locale=babel_locale(tag))
    return money(value, currency, tag)


def money(value: Decimal, currency: str, tag: str) -> str:
    """*value* in *currency*, written for *tag* by Babel, without ".00"."""
    from babel.numbers import format_currency  # noqa: PLC0415 - on first use

    locale = babel_locale(tag)
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    whole = value == value.to_integral_value()
    if whole:
        pattern = re.sub(r"\.0+", "", pattern)
    return format_currency(
        value,
        currency,
        format=pattern,
        locale=locale,
        currency_digits=not whole,
    )


def salary_words(salary: SalaryRange, tag: str) -> str:
    """A salary range in *tag*'s language: "£42,000 to £48,000 a year", one
    figure when low is high."""
    words = translations(tag)
    low = money(salary.low, salary.currency, tag)
    high = money(salary.high, salary.currency, tag)
    period = salary.period
    if salary.low == salary.high:
        if period is Period.MONTH:
            return words.pgettext("salary", "%(amount)s a month") % {"amount": low}
        if period is Period.HOUR:
            return words.pgettext("salary", "%(amount)s an hour") % {"amount": low}
        return words.pgettext("salary", "%(amount)s a year") % {"amount": low}
    if period is Period.MONTH:
        text = words.pgettext("salary range", "%(low)s to %(high)s a month")
    elif period is Period.HOUR:
        text = words.pgettext("salary range", "%(low)s to %(high)s an hour")
    else:
        text = words.pgettext("salary range", "%(low)s to %(high)s a year")
    return text % {"low": low, "high": high}


# The filters the packaged templates use (described where the package exports
# them, for hosts that build their own environment).
FILTERS: Mapping[str, Callable[..., str]] = {
    "inline": inline,
    "longdate": _longdate,
    "money": _money,
    "names": _names,
    "paragraphs": paragraphs,
    "sentence": sentence,
    "spell": _spell,
    "stop": stop,
    "weekday": _weekday,
}
