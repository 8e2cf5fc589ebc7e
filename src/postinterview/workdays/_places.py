"""Places: the countries and subdivisions whose public holidays are known, and
each country's weekend.

The ``holidays`` package knows each country's public holidays, and a
subdivision's where they differ (US states, UK nations, German Länder,
Australian states, Canadian provinces). This module asks it which codes it
knows, when first asked and once: importing the package costs tens of
milliseconds, which a host tool that never names a country never pays.
A person's ``country`` and ``subdivision`` are checked here, each refusal
suggesting what to give instead. A country's weekend comes from CLDR's week
data, read through Babel, also when first asked.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

import pendulum

from postinterview.errors import ValidationError

__all__ = [
    "COUNTRY_EXPECTED",
    "LOCK",
    "WORLD_WEEKEND",
    "check_country",
    "check_subdivision",
    "known_countries",
    "subdivisions",
    "weekend_of",
]

#: CLDR's weekend for the world as a whole (its territory "001"), and so for
#: a country whose own it does not give.
WORLD_WEEKEND = frozenset({pendulum.WeekDay.SATURDAY, pendulum.WeekDay.SUNDAY})
#: What an error says a country should have been.
COUNTRY_EXPECTED = (
    "an ISO 3166-1 alpha-2 country code in capitals, such as 'US', 'GB' or 'DE'"
)
_KNOWN = (
    "the ISO 3166-1 alpha-2 code of a country whose public holidays the "
    "holidays package knows"
)
_CODE = re.compile(r"[A-Z]{2}")
# The most codes an error lists: messages are cut at 300 characters.
_LISTED = 12
#: The holidays package builds its entities lazily and without locks: the
#: look-ups of several threads go one at a time.
LOCK = threading.RLock()


def _folded(text: str) -> str:
    """*text* without case, spaces or punctuation: how names are matched."""
    return "".join(char for char in text.casefold() if char.isalnum())


@functools.cache
def _registry() -> tuple[frozenset[str], dict[str, str]]:
    """The codes of the countries the holidays package knows, and the code
    that each other name of theirs stands for: alpha-3 codes, older codes
    (``"UK"``) and names (``"Germany"``), matched without case or spaces."""
    with LOCK:
        from holidays import registry  # noqa: PLC0415 - loaded on first use

        countries: dict[str, tuple[str, ...]] = registry.COUNTRIES
    codes: set[str] = set()
    others: dict[str, str] = {}
    for key, (class_name, code, *aliases) in countries.items():
        codes.add(code)
        for alias in (key, class_name, *aliases):
            others.setdefault(_folded(alias), code)
    return frozenset(codes), others


def known_countries() -> frozenset[str]:
    """Return the ISO 3166-1 alpha-2 codes of the countries with known holidays."""
    return _registry()[0]


def check_country(field: str, value: object) -> None:
    """Raise :class:`ValidationError` naming *field* unless *value* is the
    code of a country whose public holidays are known.

    The message suggests the code when *value* is only in the wrong case
    (``"us"``), is another name of a known country (``"UK"``, ``"USA"``,
    ``"Germany"``), or is one letter away from known codes.
    """
    if type(value) is not str:
        raise ValidationError(field, value, COUNTRY_EXPECTED)
    codes, others = _registry()
    if value in codes:
        return
    if value.upper() in codes:
        raise ValidationError(
            field, value, f"an ISO 3166-1 alpha-2 code in capitals: {value.upper()!r}"
        )
    other = others.get(_folded(value))
    if other is not None:
        raise ValidationError(
            field, value, f"the ISO 3166-1 alpha-2 code of that country, {other!r}"
        )
    if not _CODE.fullmatch(value):
        raise ValidationError(field, value, COUNTRY_EXPECTED)
    near = sorted(
        code
        for code in codes
        if (code[0] == value[0]) != (code[1] == value[1])  # one letter differs
    )
    shown = ", ".join(map(repr, near[:_LISTED]))
    raise ValidationError(
        field, value, f"{_KNOWN}; one letter away: {shown}" if near else _KNOWN
    )


@functools.cache
def _subdivisions(country: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """The subdivisions the holidays package knows in *country*, in its order,
    and the code each other spelling stands for (names, other cases)."""
    with LOCK:
        import holidays  # noqa: PLC0415 - loaded on first use

        try:
            entity: Any = holidays.country_holidays(country)
        except NotImplementedError:  # a country the package does not know
            return (), {}
    codes = tuple(entity.subdivisions)
    others: dict[str, str] = {}
    aliases: dict[str, str] = getattr(entity, "subdivisions_aliases", {})
    for name, code in aliases.items():
        others.setdefault(_folded(name), code)
    for code in codes:
        others.setdefault(_folded(code), code)
        others.setdefault(_folded(f"{country}-{code}"), code)
    return codes, others


def subdivisions(country: str) -> tuple[str, ...]:
    """Return the subdivision codes that the holidays package knows in *country*.

    Empty for a country whose holidays do not differ by subdivision, and for
    one the package does not know.
    """
    return _subdivisions(country)[0]


def check_subdivision(field: str, value: object, country: str) -> None:
    """Raise :class:`ValidationError` naming *field* unless *value* is the code
    of a subdivision of *country* (a code that :func:`known_countries` holds)
    whose holidays the holidays package knows.

    Codes are the part of the ISO 3166-2 code after the country, as the
    package writes them: ``"NY"``, ``"BY"``, ``"SCT"``. The message suggests
    the code for another case, a name (``"Bavaria"``, ``"New York"``) or a
    whole ISO 3166-2 code (``"US-NY"``), and lists the codes otherwise.
    """
    codes, others = _subdivisions(country)
    if type(value) is str and value in codes:
        return
    if not codes:
        raise ValidationError(
            field,
            value,
            f"no subdivision: the holidays package knows none in {country}, "
            "whose public holidays are the same everywhere",
        )
    other = others.get(_folded(value)) if type(value) is str else None
    if other is not None:
        raise ValidationError(
            field, value, f"the code of that subdivision of {country}: {other!r}"
        )
    shown = ", ".join(map(repr, codes[:_LISTED]))
    more = f" ({len(codes)} in all)" if len(codes) > _LISTED else ""
    raise ValidationError(
        field,
        value,
        f"a subdivision of {country} whose holidays are known, by the code "
        f"after '{country}-' in ISO 3166-2: {shown}{more}",
    )


def _territory_locale(country: str) -> Any:
    """A Babel locale of *country*, whose week data is the country's, or None.

    CLDR keeps week data by territory, and Babel gives it to each locale
    from the locale's territory. The likely-subtags data names the language
    most likely in a territory (``und_SA`` is ``ar_SA``); failing that, any
    language CLDR lists for the territory whose locale Babel has will do.
    """
    from babel import Locale, UnknownLocaleError, localedata  # noqa: PLC0415 - loaded on first use
    from babel.core import get_global  # noqa: PLC0415

    try:
        locale = Locale.parse(f"und_{country}")
    except (UnknownLocaleError, ValueError):
        locale = None
    if locale is not None and locale.territory == country:
        return locale
    languages: dict[str, Any] = get_global("territory_languages").get(country, {})
    for language in languages:
        name = f"{language}_{country}"
        if localedata.exists(name):
            return Locale.parse(name)
    return None


@functools.cache
def weekend_of(country: str) -> frozenset[pendulum.WeekDay]:
    """Return the days of *country*'s weekend, from CLDR's week data.

    *country* is an ISO 3166-1 alpha-2 code. Saturday and Sunday in most
    countries; Friday and Saturday in Saudi Arabia and Israel, among others;
    Sunday alone in India; Saturday and Sunday in the United Arab Emirates,
    which moved its weekend in 2022. A country CLDR gives no weekend of its
    own has the world's, Saturday and Sunday. Read once per country.
    """
    locale = _territory_locale(country)
    if locale is None:
        return WORLD_WEEKEND
    first: int = locale.weekend_start
    last: int = locale.weekend_end
    days = [first]
    while days[-1] != last:  # a weekend may run across the end of the week
        days.append((days[-1] + 1) % 7)
    return frozenset(pendulum.WeekDay(day) for day in days)
