"""A place's public holidays, year by year, from the ``holidays`` package.

:class:`PublicHolidays` is a container of dates that a
:class:`~postinterview.workdays.BusinessCalendar` counts as holidays. Each
year's holidays are built once per country, subdivision and year, and named
in English where the package has English names, since the plan's reasons
are written in English.
"""

from __future__ import annotations

import datetime as dt
import functools
import warnings
from collections.abc import Container
from typing import Any, NamedTuple

import attrs
import pendulum

from postinterview.errors import ValidationError
from postinterview.workdays import _places

__all__ = ["PublicHolidays", "Year", "year_of"]

_LAST_YEAR = dt.date.max.year


class Year(NamedTuple):
    """One year's public holidays of a place, as the calendar reads them.

    *ordinals* are the days' proleptic ordinals, sorted; *names* gives each
    ordinal's name (a day that is two holidays has both names, joined).
    """

    ordinals: tuple[int, ...]
    names: dict[int, str]


_NO_HOLIDAYS = Year((), {})


def _english(entity: Any) -> str | None:
    """The language to ask *entity* (a holidays entity) for: English names."""
    default: str | None = getattr(entity, "default_language", None)
    if default is None or default.startswith("en"):
        return None  # its own names are English already
    languages: tuple[str, ...] = tuple(getattr(entity, "supported_languages", ()))
    for language in ("en_US", "en_GB", *languages):
        if language in languages and language.startswith("en"):
            return language
    return None  # no English names: its own are the best there are


@functools.lru_cache(maxsize=1 << 12)
def year_of(country: str, subdivision: str | None, year: int) -> Year:
    """Return the public holidays of *country* (and *subdivision*) in *year*.

    Built once per country, subdivision and year. A year outside the years
    the package has rules for has none; so has a country it does not know.
    """
    if not 1 <= year <= _LAST_YEAR or country not in _places.known_countries():
        return _NO_HOLIDAYS
    with _places.LOCK:
        import holidays  # noqa: PLC0415 - loaded on first use

        entity = holidays.country_holidays(country, subdiv=subdivision)
        language = _english(entity)
        # The package warns of years it has partial rules for (India's lunar
        # holidays, for one): the years it knows are what there is to know.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            built = holidays.country_holidays(
                country, subdiv=subdivision, years=year, language=language
            )
            days: list[tuple[dt.date, str]] = list(built.items())
    names = {day.toordinal(): name for day, name in days if day.year == year}
    return Year(tuple(sorted(names)), names)


def _country(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _places.check_country(attribute.name, value)


@attrs.frozen(cache_hash=True)  # calendars hash it, as caches' keys
class PublicHolidays(Container[dt.date]):
    """The public holidays of a country, or of one of its subdivisions.

    *country* is an ISO 3166-1 alpha-2 code (``"US"``) of a country whose
    holidays the ``holidays`` package knows, and *subdivision* the part of an
    ISO 3166-2 code after it (``"NY"``), or ``None`` for the holidays the
    whole country keeps. A date is ``in`` it when it is one of those
    holidays; :meth:`name` says which, in English where the package has
    English names. Each year is built from the package when first asked,
    once per country, subdivision and year; years the package has no rules
    for have no holidays. A :class:`~postinterview.workdays.BusinessCalendar`
    counts business days with one as fast as with a frozenset of dates.

    >>> import pendulum
    >>> new_york = PublicHolidays("US", "NY")
    >>> pendulum.date(2026, 11, 26) in new_york
    True
    >>> new_york.name(pendulum.date(2026, 11, 26))
    'Thanksgiving Day'
    >>> new_york.place
    'US-NY'
    """

    country: str = attrs.field(validator=_country)
    subdivision: str | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if self.subdivision is not None:
            _places.check_subdivision("subdivision", self.subdivision, self.country)

    @property
    def place(self) -> str:
        """The place as an ISO 3166 code: ``"US"``, or ``"US-NY"`` with one."""
        if self.subdivision is None:
            return self.country
        return f"{self.country}-{self.subdivision}"

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            return False
        return day.toordinal() in self.year(day.year).names

    def year(self, year: int) -> Year:
        """Return the holidays of *year*, built once."""
        if type(year) is not int:
            raise ValidationError("year", year, "a year (an int)")
        return year_of(self.country, self.subdivision, year)

    def name(self, day: dt.date) -> str | None:
        """Return the name of the holiday on *day*, or ``None`` when there is none."""
        given: object = day
        if not isinstance(given, dt.date) or isinstance(given, dt.datetime):
            raise ValidationError("day", day, "a date")
        return self.year(day.year).names.get(day.toordinal())

    def in_year(self, year: int) -> tuple[tuple[pendulum.Date, str], ...]:
        """Return the holidays of *year* in order, each date with its name.

        >>> PublicHolidays("GB", "SCT").in_year(2026)[:2]
        ((Date(2026, 1, 1), "New Year's Day"), (Date(2026, 1, 2), 'New Year Holiday'))
        """
        found = self.year(year)
        return tuple(
            (pendulum.Date.fromordinal(ordinal), found.names[ordinal])
            for ordinal in found.ordinals
        )
