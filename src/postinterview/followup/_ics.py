"""The follow-up plan as an iCalendar file (the ``calendar`` extra).

The writer reads actions through :class:`Owed`, what it needs of one, so that
it imports nothing of the modules that make plans: they load it on demand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from postinterview import _time
from postinterview.errors import ValidationError

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
_EXTRA = (
    "the iCalendar export needs the calendar extra: "
    "pip install 'postinterview[calendar]'"
)


class Owing(Protocol):
    """What the calendar reads of one application's plan (a :class:`Plan`)."""

    @property
    def now(self) -> dt.datetime: ...
    @property
    def application(self) -> Application | None: ...
    @property
    def actions(self) -> tuple[Owed, ...]: ...


def check_lead(remind_before: object) -> dt.timedelta:
    """Return *remind_before* when it is a positive timedelta; else raise."""
    if not isinstance(remind_before, dt.timedelta) or remind_before <= dt.timedelta(0):
        raise ValidationError(
            "remind_before", remind_before, "a datetime.timedelta longer than 0"
        )
    return remind_before


def calendar(plans: Iterable[Owing], *, lead: dt.timedelta) -> bytes:
    """Return the owed actions with a deadline of all *plans* as one VCALENDAR.

    Each plan's *now* stamps its events, and the events' UIDs start from its
    application; a plan whose events would take UIDs that an earlier plan's
    have is refused. *lead* is how long before each due time the second
    reminder goes off, checked by the caller.
    """
    try:
        import icalendar  # noqa: PLC0415 - an optional extra
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(_EXTRA, name=error.name) from None

    cal = icalendar.Calendar()
    cal.add("prodid", _PRODUCT)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    days: list[dt.date] = []
    uids: dict[str, int] = {}
    for index, owing in enumerate(plans):
        source = _application_id(owing.application)
        stamp = _stdlib(owing.now).astimezone(dt.UTC)
        for action in owing.actions:
            if action.due_at is None:
                continue
            uid = f"{source}-{_action_id(action)}@postinterview"
            if uids.get(uid, index) != index:
                raise _shared(index, uids[uid], owing)
            uids[uid] = index
            start, due = _stdlib(action.send_at), _stdlib(action.due_at)
            days += [start.date(), due.date()]
            cal.add_component(
                _event(
                    icalendar,
                    action,
                    uid=uid,
                    stamp=stamp,
                    start=start,
                    due=due,
                    lead=lead,
                )
            )
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


def _shared(index: int, earlier: int, owing: Owing) -> ValidationError:
    """The error for plan *index*, whose events would reuse plan *earlier*'s UIDs."""
    if owing.application is None:
        why = (
            "plans built without an application share the UID prefix 'plan', "
            "so two of them may not hold the same action"
        )
    else:
        why = "it is of an application with the same key (the first round's "
        why += "organisation, role and start)"
    return ValidationError(
        f"plans[{index}]",
        owing,
        f"a plan whose events' UIDs differ from those of plans[{earlier}]: {why}",
    )


def _event(
    icalendar: Any,
    action: Owed,
    *,
    uid: str,
    stamp: dt.datetime,
    start: dt.datetime,
    due: dt.datetime,
    lead: dt.timedelta,
) -> Any:
    """Return the VEVENT of *action*, from *start* to *due*, with its alarms."""
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", _summary(action))
    event.add("dtstart", start)
    if due > start:
        event.add("dtend", due)
    event.add("description", _description(action))
    summary = _summary(action)
    event.add_component(_alarm(icalendar, summary, dt.timedelta(0)))
    # The second reminder, relative to the end (the due time), only when it
    # goes off after the first: otherwise the first is the one before the
    # deadline already.
    if due - start > lead:
        event.add_component(_alarm(icalendar, f"Due soon: {summary}", -lead, "END"))
    return event


def _alarm(
    icalendar: Any, text: str, offset: dt.timedelta, related: str | None = None
) -> Any:
    """Return a DISPLAY alarm showing *text*, *offset* from the event's start,
    or from its end when *related* is ``"END"``."""
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    parameters = {} if related is None else {"RELATED": related}
    alarm.add("trigger", offset, parameters=parameters)
    return alarm


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
    """What stays the same about an application as events are recorded.

    Its key: the first round's organisation, role and start. A plan built by
    hand, without an application, has the fixed prefix ``plan``.
    """
    if application is None:
        return "plan"
    organisation, role, starts_at = application.key
    return _digest(organisation, role, _time.naive_utc(starts_at).isoformat())


def _action_id(action: Owed) -> str:
    """What stays the same about an action from one plan to the next.

    Its kind, round and number, and who it is for: the recipient's name and
    email address (not their title or zone, which may be corrected), or
    ``you`` for the candidate's own tasks.
    """
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
