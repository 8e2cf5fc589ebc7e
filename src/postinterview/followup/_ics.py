"""The follow-up plan as an iCalendar file (the ``calendar`` extra).

The writer reads actions through :class:`Owed`, what it needs of one, so that
it imports nothing of the modules that make plans: they load it on demand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from postinterview import _time

if TYPE_CHECKING:
    from postinterview.followup._kind import ActionKind
    from postinterview.interview import Channel, Person
    from postinterview.timeline import Application


class Owed(Protocol):
    """What the calendar reads of an action owed (an :class:`Action`)."""

    @property
    def kind(self) -> ActionKind: ...
    @property
    def recipient(self) -> Person | None: ...
    @property
    def channel(self) -> Channel | None: ...
    @property
    def template(self) -> str | None: ...
    @property
    def rationale(self) -> str: ...
    @property
    def round(self) -> int: ...
    @property
    def number(self) -> int: ...
    @property
    def due_at(self) -> dt.datetime | None: ...
    @property
    def send_at(self) -> dt.datetime: ...


_PRODUCT = "-//postinterview//follow-up plan//EN"
_EXTRA = "Plan.to_ics() needs the calendar extra: pip install 'postinterview[calendar]'"


def calendar(
    actions: Iterable[Owed], *, now: dt.datetime, application: Application | None
) -> bytes:
    """Return the *actions* with a deadline as the bytes of a VCALENDAR.

    *now* and *application* are the plan's: *now* stamps every event, and the
    events' UIDs start from the application.
    """
    try:
        import icalendar  # noqa: PLC0415 - an optional extra
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(_EXTRA, name=error.name) from None

    cal = icalendar.Calendar()
    cal.add("prodid", _PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    source = _application_id(application)
    stamp = _stdlib(now).astimezone(dt.UTC)
    days: list[dt.date] = []
    for action in actions:
        if action.due_at is None:
            continue
        start, due = _stdlib(action.send_at), _stdlib(action.due_at)
        days += [start.date(), due.date()]
        event = icalendar.Event()
        event.add("uid", f"{source}-{_action_id(action)}@postinterview")
        event.add("dtstamp", stamp)
        event.add("summary", _summary(action))
        event.add("dtstart", start)
        if due > start:
            event.add("dtend", due)
        event.add("description", _description(action))
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _summary(action))
        alarm.add("trigger", dt.timedelta(0))
        event.add_component(alarm)
        cal.add_component(event)
    if days:
        # The zones' rules for the plan's days, with a year's margin each side
        # (the file stays small, and calendars need a rule before the first),
        # in the order of their names, so the same plan gives the same bytes.
        first = dt.date(min(days).year - 1, 1, 1)
        last = dt.date(max(days).year + 2, 1, 1)
        zones = [
            icalendar.Timezone.from_tzid(tzid, first_date=first, last_date=last)
            for tzid in sorted(cal.get_missing_tzids())
        ]
        cal.subcomponents[:0] = zones
    made: bytes = cal.to_ical()
    return made


def _stdlib(instant: dt.datetime) -> dt.datetime:
    """The same instant, to the second, as a datetime with a ``zoneinfo`` zone.

    A wall time the zone shows twice (the repeated hour when clocks go back)
    cannot name one instant in iCalendar, which reads it as the first of the
    two; such an instant is given in UTC instead.
    """
    zone = zoneinfo.ZoneInfo(_time.zone_name(instant))
    # iCalendar counts whole seconds.
    seconds = _time.naive_utc(instant).replace(microsecond=0, tzinfo=dt.UTC)
    local = seconds.astimezone(zone)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        return local.astimezone(dt.UTC)
    return local


def _digest(*parts: object) -> str:
    text = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _application_id(application: Application | None) -> str:
    """What stays the same about an application as events are recorded."""
    if application is None:
        return "plan"
    first = application.interviews[0]
    return _digest(
        first.organisation, first.role, _time.naive_utc(first.starts_at).isoformat()
    )


def _action_id(action: Owed) -> str:
    who = action.recipient
    person = _digest(who.name, who.email) if who is not None else "you"
    return f"{action.kind.name.lower()}-{action.round}-{action.number}-{person}"


def _summary(action: Owed) -> str:
    what = action.kind.name.replace("_", " ").capitalize()
    who = action.recipient
    return f"{what}: {who.name}" if who is not None else what


def _description(action: Owed) -> str:
    lines = [action.rationale]
    if action.recipient is not None and action.channel is not None:
        lines.append(f"By {action.channel.value}, to {action.recipient.name}.")
    if action.template is not None:
        lines.append(f"Letter: {action.template}.")
    return "\n".join(lines)
