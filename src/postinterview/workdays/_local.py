"""Each recipient's own calendar: the weekend and public holidays of where they are.

:class:`LocalCalendars`, the follow-up policy's default, finds each
recipient's calendar from their country, or from their zone's: the calendar
of a place (:meth:`BusinessCalendar.for_place`), made once.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import attrs

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.workdays import _places
from postinterview.workdays._calendar import BusinessCalendar
from postinterview.workdays._fields import check_time, to_time

__all__ = ["LocalCalendars"]

_OPENS, _CLOSES = dt.time(9), dt.time(17)


@functools.lru_cache(maxsize=1 << 6)
def _nowhere(opens: dt.time, closes: dt.time) -> BusinessCalendar:
    """The calendar of a recipient in no known country: no holidays, the
    world's weekend."""
    return BusinessCalendar(weekend=_places.WORLD_WEEKEND, opens=opens, closes=closes)


def _optional_country(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _places.check_country(attribute.name, value)


@attrs.frozen(kw_only=True)
class LocalCalendars:
    """Each recipient's own calendar, from where they are: the default.

    A :class:`~postinterview.FollowUpPolicy` with these (as it has unless
    given a :class:`BusinessCalendar`) counts each recipient's business days
    and hours with the calendar of their place: its weekend from CLDR's week
    data, its public holidays from the ``holidays`` package
    (:meth:`BusinessCalendar.for_place`). The place of a recipient is, in
    this order:

    1. their own *country* and *subdivision*, when known (a
       :class:`~postinterview.Person`'s; a subdivision without a country is
       in their zone's country);
    2. else *country* and *subdivision* here, when given: the place of
       everyone whose own country is not known, as the command line's
       ``--country`` gives it;
    3. else the country of their zone (the tz database's ``zone.tab``
       names it): the person's *timezone*, else the interview's zone.

    Where no country is known (an interview recorded in UTC, with nobody's
    country given), Saturday and Sunday are the weekend and no day is a
    holiday. *opens* and *closes* are the working day everywhere, as a
    :class:`BusinessCalendar` takes them.

    Each place's calendar is made once, and each recipient's is found once.

    >>> LocalCalendars().calendar_for("America/New_York").description
    'US public holidays, Saturday–Sunday weekend'
    >>> LocalCalendars().calendar_for("Europe/Berlin", subdivision="BY").description
    'DE-BY public holidays, Saturday–Sunday weekend'
    >>> LocalCalendars(country="DE", subdivision="HH").calendar_for(
    ...     "Europe/London").description
    'DE-HH public holidays, Saturday–Sunday weekend'
    """

    country: str | None = attrs.field(default=None, validator=_optional_country)
    subdivision: str | None = attrs.field(default=None)
    opens: dt.time = attrs.field(
        default=_OPENS, converter=to_time, validator=check_time
    )
    closes: dt.time = attrs.field(
        default=_CLOSES, converter=to_time, validator=check_time
    )
    # Each recipient's calendar found so far: by zone for those whose own
    # place is not known, and by zone, country and subdivision for the others.
    _by_zone: dict[str, BusinessCalendar] = attrs.field(
        init=False, factory=dict, repr=False, eq=False, hash=False
    )
    _found: dict[tuple[str, str | None, str | None], BusinessCalendar] = attrs.field(
        init=False, factory=dict, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        if self.closes <= self.opens:
            raise ValidationError(
                "closes", self.closes, f"a time after opens ({self.opens})"
            )
        if self.subdivision is not None:
            if self.country is None:
                raise ValidationError(
                    "subdivision",
                    self.subdivision,
                    "a subdivision together with its country (give country too)",
                )
            _places.check_subdivision("subdivision", self.subdivision, self.country)

    def calendar_for(
        self,
        zone: str,
        country: str | None = None,
        subdivision: str | None = None,
    ) -> BusinessCalendar:
        """Return the calendar of a recipient in *zone*, of *country* and
        *subdivision* when those are known.

        *zone* is the IANA name of the zone the recipient's days are read in:
        their own, else the interview's. See the class for the order in which
        the place is found.
        """
        try:
            if country is None and subdivision is None:
                found = self._by_zone.get(zone)
                if found is None:
                    found = self._by_zone[zone] = self._calendar(zone, None, None)
                return found
            key = (zone, country, subdivision)
            found = self._found.get(key)
            if found is None:
                found = self._found[key] = self._calendar(zone, country, subdivision)
        except TypeError:  # unhashable: not a name or a code; say which
            self._calendar(zone, country, subdivision)
            raise
        return found

    def _calendar(
        self, zone: str, country: str | None, subdivision: str | None
    ) -> BusinessCalendar:
        _time.zone(zone, "zone")  # raises, naming it, for a zone that is not one
        if subdivision is not None and type(subdivision) is not str:
            raise ValidationError("subdivision", subdivision, "a subdivision's code")
        if country is None and subdivision is None:
            country, subdivision = self.country, self.subdivision
            if country is None:
                country = _time.zone_country(zone)
        elif country is None:  # a subdivision of the zone's country
            country = _time.zone_country(zone)
            if country is None:
                raise ValidationError(
                    "subdivision",
                    subdivision,
                    f"a subdivision together with its country ({zone} is in none)",
                )
        else:
            _places.check_country("country", country)
        if country is None:
            return _nowhere(self.opens, self.closes)
        if subdivision is not None:
            _places.check_subdivision("subdivision", subdivision, country)
        if country not in _places.known_countries():
            # A zone's country whose holidays the package does not know.
            return BusinessCalendar(
                weekend=_places.weekend_of(country),
                opens=self.opens,
                closes=self.closes,
            )
        return BusinessCalendar.for_place(
            country, subdivision, opens=self.opens, closes=self.closes
        )
