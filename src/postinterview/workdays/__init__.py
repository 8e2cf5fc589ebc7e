"""Business days and business hours: when a message should arrive.

A :class:`BusinessCalendar` knows which days of the week are the weekend,
which dates are holidays and when the working day opens and closes. It counts
business days between dates and finds the next moment a recipient is at work
in their own time zone. It holds no zone itself: the zone is given per call,
because one calendar serves recipients all over the world.

Where people are decides their weekend and holidays. :class:`PublicHolidays`
are a country's or a subdivision's, from the ``holidays`` package, year by
year; :meth:`BusinessCalendar.for_place` gives a place's calendar, its weekend
from CLDR's week data (through Babel); and :class:`LocalCalendars`, the
follow-up policy's default, finds each recipient's from their country, else
from their zone's. Both packages are imported when first needed.

Everything here is pure and fast enough for the follow-up engine: the work is
done with integers and stdlib datetimes, and one pendulum value is built at the
end.

The calendar is in ``_calendar``, what its fields accept in ``_fields``,
when a zone's clock reads a given time (:func:`reading`, which the follow-up
engine uses too) in ``_reading``, the countries and subdivisions whose
public holidays are known (which a person's ``country`` and ``subdivision``
are checked against) in ``_places``, the holidays of a place in ``_public``,
and weekends and each recipient's calendar in ``_local``.
"""

from __future__ import annotations

from postinterview.workdays._calendar import BusinessCalendar
from postinterview.workdays._local import LocalCalendars
from postinterview.workdays._public import PublicHolidays

# Not public; the follow-up engine reads opening and closing times through it.
from postinterview.workdays._reading import reading as reading

__all__ = ["BusinessCalendar", "LocalCalendars", "PublicHolidays"]
