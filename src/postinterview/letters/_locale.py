"""Locales: the templates' own words, dates, names and money, written per locale.

The filters here are the ones the packaged templates use (:data:`FILTERS`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

import jinja2
import pendulum

from postinterview._money import amount, salary_range
from postinterview.interview import SalaryRange
from postinterview.letters._joins import inline, sentence, stop
from postinterview.letters._layout import paragraphs

# The locales the packaged templates are written for (exported by the package).
LOCALES = ("en_GB", "en_US")

# British spellings in the packaged templates, and their American forms. Only
# the templates' own words pass through this table, never what a person typed.
_AMERICAN = {
    "apologise": "apologize",
    "emphasise": "emphasize",
    "organisation": "organization",
    "organisations": "organizations",
    "realise": "realize",
    "recognise": "recognize",
}
_LOCALE_DATA: dict[str, dict[str, str]] = {
    "en_GB": {
        "pendulum": "en_gb",
        "weekday": "dddd D MMMM",
        "email_sign_off": "Kind regards,",
        "letter_sign_off": "Yours sincerely,",
        "lang": "en-GB",
    },
    "en_US": {
        "pendulum": "en_us",
        "weekday": "dddd, MMMM D",
        "email_sign_off": "Best regards,",
        "letter_sign_off": "Sincerely,",
        "lang": "en-US",
    },
}


def _locale_of(context: jinja2.runtime.Context) -> str:
    locale = context.get("locale", "en_GB")
    return locale if locale in _LOCALE_DATA else "en_GB"


@jinja2.pass_context
def _spell(context: jinja2.runtime.Context, word: str) -> str:
    """Spell one of the templates' own words for the letter's locale."""
    if _locale_of(context) == "en_US":
        return _AMERICAN.get(word, word)
    return word


@jinja2.pass_context
def _longdate(
    context: jinja2.runtime.Context, day: dt.date, continues: bool = False
) -> str:
    """Write a date in full, the locale's way: 20 November 2026.

    With *continues*, the sentence goes on after the date, which in American
    English sets it off with a comma: "on November 20, 2026, to talk".
    """
    locale = _locale_of(context)
    data = _LOCALE_DATA[locale]
    written = pendulum.Date(day.year, day.month, day.day).format(
        "LL", locale=data["pendulum"]
    )
    return _set_off(written, locale, continues)


@jinja2.pass_context
def _weekday(
    context: jinja2.runtime.Context, day: dt.date, continues: bool = False
) -> str:
    """Write a day with its name and no year: Friday 20 November.

    With *continues*, as for :func:`_longdate`: "on Friday, November 20, to
    talk" in American English.
    """
    locale = _locale_of(context)
    data = _LOCALE_DATA[locale]
    written = pendulum.Date(day.year, day.month, day.day).format(
        data["weekday"], locale=data["pendulum"]
    )
    return _set_off(written, locale, continues)


def _set_off(written: str, locale: str, continues: bool) -> str:
    """A date in the middle of an American sentence ends with a comma."""
    return f"{written}," if continues and locale == "en_US" else written


@jinja2.pass_context
def _names(context: jinja2.runtime.Context, people: Iterable[object]) -> str:
    """Join names into a list: 'A, B and C' (with a serial comma in en_US)."""
    names = [getattr(p, "name", None) or str(p) for p in people]
    if len(names) <= 2:
        return " and ".join(names)
    serial = "," if _locale_of(context) == "en_US" else ""
    return f"{', '.join(names[:-1])}{serial} and {names[-1]}"


def _money(value: Decimal | SalaryRange, currency: str | None = None) -> str:
    """Write an amount or a range with its currency: £42,000 to £48,000 a year.

    The library's one way of writing money (the checklist of an offer writes
    it the same way).
    """
    if isinstance(value, SalaryRange):
        return salary_range(value)
    if currency is None:
        return f"{value:,.2f}".removesuffix(".00")
    return amount(value, currency)


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
