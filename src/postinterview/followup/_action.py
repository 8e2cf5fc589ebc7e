"""An :class:`Action` the candidate owes, and :class:`Done`: one an event retired."""

from __future__ import annotations

import datetime as dt
from typing import Any, SupportsIndex, cast

import attrs
import pendulum

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.followup._kind import ActionKind
from postinterview.interview import Channel, Person
from postinterview.timeline import Event

_naive_utc = _time.naive_utc
_to_pendulum = _time.from_naive_utc

#: The zone an action's instants are shown in, then its opening, deadline,
#: closing and send time, as naive UTC.
_Instants = tuple[
    pendulum.Timezone, dt.datetime, dt.datetime | None, dt.datetime | None, dt.datetime
]
_INSTANT_FIELDS = ("opens_at", "due_at", "closes_at", "send_at")
#: The other fields of an action, in this order: kind, recipient, channel,
#: template, rationale, round, number and calendar.
_Fields = tuple[
    ActionKind, Person | None, Channel | None, str | None, str, int, int, str | None
]
_FIELD_NAMES = (
    "kind",
    "recipient",
    "channel",
    "template",
    "rationale",
    "round",
    "number",
    "calendar",
)
_setattr = object.__setattr__  # fills an action's fields and cache, as attrs does
_new = object.__new__
_COUNT_MAX = 10**9  # the most a round or a number may be, as the records' counts


def _check_count(field: str, value: object) -> None:
    """Raise unless *value* is an int from 1 to 10**9 (a round, a number)."""
    if type(value) is not int or not 1 <= value <= _COUNT_MAX:
        raise ValidationError(field, value, "an integer from 1 to 1,000,000,000")


def _instants_key(at: _Instants) -> tuple[object, ...]:
    """Compare instants by UTC time and zone name, as :func:`_time.instant_key`."""
    return (at[0].key, *at[1:])


@attrs.frozen(init=False, repr=False, match_args=False)
class Action:
    """One thing the candidate owes, with when and why.

    The action belongs between *opens_at* and *closes_at* (``None``: it does
    not lapse) and is due by *due_at* (``None``: no deadline).
    *send_at* is the suggested moment: the first instant inside the
    recipient's business hours in the window, never outside
    [*opens_at*, *closes_at*]. *template* names the letter that drafts it,
    when there is one; *rationale* says why the rule exists. *round* is the
    interview round it concerns and *number* counts repeated actions (the
    first and second check-in); both are integers from 1 to 10**9.
    *calendar* says which calendar its business days and hours were counted
    with, in words a host tool can show (``"US-NY public holidays,
    Saturday–Sunday weekend"``, the calendar's
    :attr:`~postinterview.BusinessCalendar.description`), or is ``None``
    for a task timed in hours alone (reflecting, preparing, searching).

    The four instants are :class:`pendulum.DateTime` values shown in one
    zone, the recipient's. The constructor takes them as aware datetimes in
    that zone (a :class:`pendulum.DateTime`, or a :class:`datetime.datetime`
    with a :class:`zoneinfo.ZoneInfo` or UTC tzinfo) and refuses naive ones,
    naming the field, and a mix of zones. The instants follow from the
    application's, so near the end of the library's range they may lie past
    it: any instant in the years 1 to 9999 (UTC) is taken. An action keeps
    its instants in UTC and makes each pendulum value the first time it is
    read, once: plans are made far more often than all their instants are
    read.

    Actions are immutable and hashable values: they survive :mod:`pickle`
    and :func:`copy.deepcopy`, instants and folds included. Two are equal
    when all their fields are, instants compared by UTC time and zone name,
    never by wall clock: the two 01:30s of a fall-back night differ, and so
    do one instant shown in two zones. To change an action, use
    :func:`attrs.evolve`, which checks the new action as the constructor
    does.
    """

    kind: ActionKind
    recipient: Person | None
    channel: Channel | None
    # The four instants are properties, read from _at (see below the class);
    # they are declared here so that attrs.evolve() and attrs.fields() know
    # the constructor's arguments. Equality and hashing go by _at.
    opens_at: pendulum.DateTime = attrs.field(eq=False)
    due_at: pendulum.DateTime | None = attrs.field(eq=False)
    closes_at: pendulum.DateTime | None = attrs.field(eq=False)
    send_at: pendulum.DateTime = attrs.field(eq=False)
    template: str | None
    rationale: str
    round: int
    number: int
    calendar: str | None
    _at: _Instants = attrs.field(init=False, eq=_instants_key)
    # The pendulum values made so far, by naive UTC instant: not part of the
    # value, and made when first read.
    _shown: dict[dt.datetime, pendulum.DateTime] | None = attrs.field(
        init=False, default=None, eq=False, hash=False
    )

    def __init__(
        self,
        *,
        kind: ActionKind,
        recipient: Person | None,
        channel: Channel | None,
        opens_at: dt.datetime,
        due_at: dt.datetime | None,
        closes_at: dt.datetime | None,
        send_at: dt.datetime,
        template: str | None,
        rationale: str,
        round: int = 1,
        number: int = 1,
        calendar: str | None = None,
    ) -> None:
        """Make an action; the instants are checked as the class says."""
        _check_fields(
            kind=kind,
            recipient=recipient,
            channel=channel,
            template=template,
            rationale=rationale,
            round=round,
            number=number,
            calendar=calendar,
        )
        opens = _time.as_derived_instant(opens_at, "opens_at")
        tz = _time.zone(_time.zone_name(opens))
        naive: list[dt.datetime | None] = []
        for field, value in zip(
            _INSTANT_FIELDS, (opens, due_at, closes_at, send_at), strict=True
        ):
            if value is None and field in ("due_at", "closes_at"):
                naive.append(None)
                continue
            instant = _time.as_derived_instant(value, field)
            if instant.tzinfo is not tz:  # the cached zones are given
                raise ValidationError(
                    field,
                    value,
                    f"an instant in the zone of opens_at ({tz.key}): an action's "
                    "instants are all shown in the recipient's zone",
                )
            naive.append(_naive_utc(instant))
        fields = (
            kind,
            recipient,
            channel,
            template,
            rationale,
            round,
            number,
            calendar,
        )
        _fill(self, fields, cast("_Instants", (tz, *naive)))

    def _show(self, naive: dt.datetime) -> pendulum.DateTime:
        """Return the pendulum value of one of the instants, made once."""
        shown = self._shown
        if shown is None:
            shown = {}
            _setattr(self, "_shown", shown)
        made = shown.get(naive)
        if made is None:
            # Keyed by instant, so that equal instants share one value.
            made = shown[naive] = _to_pendulum(naive, self._at[0])
        return made

    @property
    def key(self) -> tuple[ActionKind, int, Person | None, int]:
        """What identifies this action across plans of the same application."""
        return (self.kind, self.round, self.recipient, self.number)

    def __repr__(self) -> str:
        return (
            f"Action(kind={self.kind!r}, recipient={self.recipient!r}, "
            f"channel={self.channel!r}, opens_at={self.opens_at!r}, "
            f"due_at={self.due_at!r}, closes_at={self.closes_at!r}, "
            f"send_at={self.send_at!r}, template={self.template!r}, "
            f"rationale={self.rationale!r}, round={self.round!r}, "
            f"number={self.number!r}, calendar={self.calendar!r})"
        )

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        # The instants as kept, naive UTC and the zone's name: what pickle
        # and deepcopy carry is exact, and the cache of shown values stays.
        tz, *naive = self._at
        fields = (self.kind, self.recipient, self.channel, self.template)
        rest = (self.rationale, self.round, self.number, self.calendar)
        return (_rebuilt, ((*fields, *rest), tz.key, tuple(naive)))


def _fill(action: Action, fields: _Fields, at: _Instants) -> None:
    """Set the fields of *action*, already checked, as attrs would."""
    for name, value in zip(_FIELD_NAMES, fields, strict=True):
        _setattr(action, name, value)
    _setattr(action, "_at", at)
    _setattr(action, "_shown", None)


def made(fields: _Fields, at: _Instants) -> Action:
    """Return an action of fields already checked: the planner's fast path.

    *fields* are the kind, recipient, channel, template, rationale, round,
    number and calendar; *at* is the recipient's zone, then the opening,
    deadline, closing and send time as naive UTC.
    """
    # Each slot set through its own descriptor: this runs for every action of
    # every plan, and is quicker than setting the fields by name.
    kind, recipient, channel, template, rationale, round, number, calendar = fields
    action: Action = _new(Action)
    _set_kind(action, kind)
    _set_recipient(action, recipient)
    _set_channel(action, channel)
    _set_template(action, template)
    _set_rationale(action, rationale)
    _set_round(action, round)
    _set_number(action, number)
    _set_calendar(action, calendar)
    _set_at(action, at)
    _set_shown(action, None)
    return action


def _rebuilt(fields: _Fields, zone: str, naive: tuple[Any, ...]) -> Action:
    """Make the action that :meth:`Action.__reduce_ex__` pickled."""
    return made(fields, cast("_Instants", (_time.zone(zone), *naive)))


_slots = vars(Action)
_set_kind = _slots["kind"].__set__
_set_recipient = _slots["recipient"].__set__
_set_channel = _slots["channel"].__set__
_set_template = _slots["template"].__set__
_set_rationale = _slots["rationale"].__set__
_set_round = _slots["round"].__set__
_set_number = _slots["number"].__set__
_set_calendar = _slots["calendar"].__set__
_set_at = _slots["_at"].__set__
_set_shown = _slots["_shown"].__set__


# Each instant is a property over _at, set on the class once attrs has made
# it (attrs keeps the names as fields, for evolve and fields()). Each looks in
# the cache itself first: it is read far more often than it is filled.


def _opens_at(self: Action) -> pendulum.DateTime:
    """When the window opens: the action makes sense from then on."""
    naive, shown = self._at[1], self._shown
    if shown is not None and naive in shown:
        return shown[naive]
    return self._show(naive)


def _due_at(self: Action) -> pendulum.DateTime | None:
    """When the action is due, or ``None`` when it has no deadline."""
    naive, shown = self._at[2], self._shown
    if naive is None:
        return None
    if shown is not None and naive in shown:
        return shown[naive]
    return self._show(naive)


def _closes_at(self: Action) -> pendulum.DateTime | None:
    """When the window closes, or ``None`` when the action does not lapse."""
    naive, shown = self._at[3], self._shown
    if naive is None:
        return None
    if shown is not None and naive in shown:
        return shown[naive]
    return self._show(naive)


def _send_at(self: Action) -> pendulum.DateTime:
    """The suggested moment to do it or send it, inside the window."""
    naive, shown = self._at[4], self._shown
    if shown is not None and naive in shown:
        return shown[naive]
    return self._show(naive)


for _name, _read in zip(
    _INSTANT_FIELDS, (_opens_at, _due_at, _closes_at, _send_at), strict=True
):
    setattr(Action, _name, property(_read, doc=_read.__doc__))


def _check_fields(
    *,
    kind: object,
    recipient: object,
    channel: object,
    template: object,
    rationale: object,
    round: object,
    number: object,
    calendar: object,
) -> None:
    """Refuse the fields of an action other than its instants, naming them."""
    if not isinstance(kind, ActionKind):
        raise ValidationError("kind", kind, "an ActionKind")
    if recipient is not None and not isinstance(recipient, Person):
        raise ValidationError("recipient", recipient, "a Person or None")
    if channel is not None and not isinstance(channel, Channel):
        raise ValidationError("channel", channel, "a Channel or None")
    if template is not None and type(template) is not str:
        raise ValidationError("template", template, "a letter's name (str) or None")
    if type(rationale) is not str:
        raise ValidationError("rationale", rationale, "a string")
    _check_count("round", round)
    _check_count("number", number)
    if calendar is not None and type(calendar) is not str:
        raise ValidationError(
            "calendar", calendar, "a calendar's description (str) or None"
        )


def _action(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Action):
        raise ValidationError(attribute.name, value, "an Action")


def _event(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Event):
        raise ValidationError(attribute.name, value, "an event (such as ThankYouSent)")


@attrs.frozen(kw_only=True)
class Done:
    """An action that an event retired, and that event."""

    action: Action = attrs.field(validator=_action)
    by: Event = attrs.field(validator=_event)
