"""A :class:`Plan`: the actions an application still owes, in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any, cast, overload

import attrs
import pendulum

from postinterview import _fields, _time
from postinterview.errors import ValidationError
from postinterview.followup._action import Action, Done
from postinterview.followup._kind import ActionKind
from postinterview.timeline import Application, Status

_naive_utc = _time.naive_utc
# A horizon past every instant an action can hold: one a window reaching it
# or beyond is clamped to (see upcoming()).
_LAST = dt.datetime.max  # noqa: DTZ901 - naive UTC, as actions keep instants
_ZERO = dt.timedelta(0)
# Local years wholly inside the range of instants (see _time.in_range).
_SAFE_AFTER = _time.FIRST.year
_SAFE_BEFORE = _time.END.year - 1


def _to_now(value: dt.datetime) -> pendulum.DateTime:
    """Turn an aware datetime into an instant in range; hand anything else on.

    The planner gives an instant already: it is kept, and the validator only
    checks its range, which costs next to nothing on the hot path.
    """
    if _time.is_instant(value):
        return cast("pendulum.DateTime", value)
    try:
        return _time.as_instant(value, "now")
    except ValidationError:
        return cast("pendulum.DateTime", value)  # the validator explains


def _check_now(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require an instant in the library's range, as the converter made it."""
    if not _time.is_instant(value):
        _time.as_instant(value, attribute.name)  # raises, naming the field
    elif not _SAFE_AFTER < value.year < _SAFE_BEFORE:
        _time.check_range(value, attribute.name)


def _status(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Status):
        raise ValidationError(attribute.name, value, "a Status")


def _application(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Application):
        raise ValidationError(attribute.name, value, "an Application or None")


@attrs.frozen(kw_only=True)
class Plan(Sequence[Action]):
    """The actions still owed, ordered by due time and then kind.

    A plan is an immutable sequence of :class:`Action`. *done* lists the
    actions that events retired, and *lapsed* those whose window closed
    before *now* without them being done. *status* is the application's
    status under the policy the plan was made with, and *application* the
    application it was made for.
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    actions: tuple[Action, ...] = attrs.field(
        converter=_fields.to_tuple, validator=_fields.tuple_of(Action)
    )
    now: pendulum.DateTime = attrs.field(
        converter=_to_now, validator=_check_now, eq=_time.instant_key
    )
    status: Status = attrs.field(validator=_status)
    done: tuple[Done, ...] = attrs.field(
        default=(), converter=_fields.to_tuple, validator=_fields.tuple_of(Done)
    )
    lapsed: tuple[Action, ...] = attrs.field(
        default=(), converter=_fields.to_tuple, validator=_fields.tuple_of(Action)
    )
    application: Application | None = attrs.field(
        default=None, repr=False, validator=_application
    )

    def __len__(self) -> int:
        return len(self.actions)

    def __iter__(self) -> Iterator[Action]:
        return iter(self.actions)

    @overload
    def __getitem__(self, index: int) -> Action: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Action]: ...
    def __getitem__(self, index: int | slice) -> Action | Sequence[Action]:
        return self.actions[index]

    def next(self) -> Action | None:
        """Return the first action owed (the earliest due), or ``None``."""
        return self.actions[0] if self.actions else None

    def overdue(self) -> tuple[Action, ...]:
        """Return the actions due before *now* and still owed."""
        now = _naive_utc(self.now)
        return tuple(a for a in self.actions if a._at[2] is not None and a._at[2] < now)

    def upcoming(self, within: dt.timedelta) -> tuple[Action, ...]:
        """Return the actions not yet overdue that should be sent within *within*.

        *within* is a :class:`datetime.timedelta` of 0 or more, of any size:
        a horizon past the last instant the stdlib can hold is clamped to it,
        so ``upcoming(timedelta.max)`` is every action not yet overdue. A
        negative or non-timedelta *within* raises
        :class:`~postinterview.ValidationError`.
        """
        candidate: object = within
        if not isinstance(candidate, dt.timedelta) or candidate < _ZERO:
            raise ValidationError("within", within, "a datetime.timedelta of 0 or more")
        now = _naive_utc(self.now)
        horizon = now + within if within <= _LAST - now else _LAST
        return tuple(
            a
            for a in self.actions
            if a._at[4] <= horizon and (a._at[2] is None or a._at[2] >= now)
        )

    def of_kind(self, kind: ActionKind) -> tuple[Action, ...]:
        """Return the owed actions of one kind, in plan order.

        Raises :class:`~postinterview.ValidationError` when *kind* is not an
        :class:`ActionKind`.
        """
        if not isinstance(kind, ActionKind):
            raise ValidationError("kind", kind, "an ActionKind")
        return tuple(a for a in self.actions if a.kind is kind)

    def to_ics(self) -> bytes:
        """Return the owed actions with a deadline as an iCalendar file.

        Needs the ``calendar`` extra (``pip install 'postinterview[calendar]'``,
        which brings the ``icalendar`` package). Each action with a deadline
        becomes an event from its *send_at* to its *due_at*, to the second,
        in the recipient's zone (a VTIMEZONE is included for each zone used;
        a wall time the zone shows twice is written in UTC), with
        an alarm at *send_at* and the rationale as its description. Its UID
        comes from the application and the action, so importing the plan
        again later updates the events rather than adding new ones.
        """
        from postinterview.followup._ics import calendar  # noqa: PLC0415 - an optional extra

        return calendar(self.actions, now=self.now, application=self.application)


_new = object.__new__
_set = object.__setattr__


def made_plan(
    *,
    actions: tuple[Action, ...],
    now: pendulum.DateTime,
    status: Status,
    done: tuple[Done, ...],
    lapsed: tuple[Action, ...],
    application: Application,
) -> Plan:
    """A plan from values the engine made, which need no checking.

    The constructor checks every field; plan() is the hot path and builds
    these from values it made itself, so it sets them as attrs would.
    """
    plan: Plan = _new(Plan)
    _set(plan, "actions", actions)
    _set(plan, "now", now)
    _set(plan, "status", status)
    _set(plan, "done", done)
    _set(plan, "lapsed", lapsed)
    _set(plan, "application", application)
    return plan
