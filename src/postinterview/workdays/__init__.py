"""Business days and business hours: when a message should arrive.

A :class:`BusinessCalendar` knows which days of the week are the weekend,
which dates are holidays and when the working day opens and closes. It counts
business days between dates and finds the next moment a recipient is at work
in their own time zone. It holds no zone itself: the zone is given per call,
because one calendar serves recipients all over the world.

Everything here is pure and fast enough for the follow-up engine: the work is
done with integers and stdlib datetimes, and one pendulum value is built at the
end.

The calendar is in ``_calendar``, what its fields accept in ``_fields``,
when a zone's clock reads a given time (:func:`reading`, which the follow-up
engine uses too) in ``_reading``, and the countries and subdivisions whose
public holidays are known (which a person's ``country`` and ``subdivision``
are checked against) in ``_places``.
"""

from __future__ import annotations

from postinterview.workdays._calendar import BusinessCalendar

# Not public; the follow-up engine reads opening and closing times through it.
from postinterview.workdays._reading import reading as reading

__all__ = ["BusinessCalendar"]
