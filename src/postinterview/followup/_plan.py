"""A :class:`Plan`: the actions an application still owes, in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast, overload

import attrs
import pendulum

from postinterview import _fields, _time, _views
from postinterview.errors import ValidationError
from postinterview.followup._action import Action, Done
from postinterview.followup._kind import ActionKind
from postinterview.timeline import Application, Status

_naive_utc = _time.naive_utc
#: How long before an action's due time its calendar event's second reminder
#: goes off: time enough to write and check a short letter before the deadline.
REMIND_BEFORE = dt.timedelta(hours=2)
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


# The converters name their item types, so that type checkers see what a
# Plan takes (the shared converter is generic, and the attrs plugin for
# mypy leaves its type variable unsolved).
def _actions(value: Iterable[Action]) -> tuple[Action, ...]:
    return _fields.to_tuple(value)


def _done(value: Iterable[Done]) -> tuple[Done, ...]:
    return _fields.to_tuple(value)


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
        converter=_actions, validator=_fields.tuple_of(Action)
    )
    now: pendulum.DateTime = attrs.field(
        converter=_to_now, validator=_check_now, eq=_time.instant_key
    )
    status: Status = attrs.field(validator=_status)
    done: tuple[Done, ...] = attrs.field(
        default=(), converter=_done, validator=_fields.tuple_of(Done)
    )
    lapsed: tuple[Action, ...] = attrs.field(
        default=(), converter=_actions, validator=_fields.tuple_of(Action)
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

    def to_ics(self, *, remind_before: dt.timedelta = REMIND_BEFORE) -> bytes:
        """Return the owed actions with a deadline as an iCalendar file.

        Needs the ``calendar`` extra (``pip install 'postinterview[calendar]'``,
        which brings the ``icalendar`` package). Each action with a deadline
        becomes an event from its *send_at* to its *due_at*, to the second,
        in the recipient's zone (a VTIMEZONE is included for each zone used;
        a wall time the zone shows twice is written in UTC), with the
        rationale as its description and two reminders: one at *send_at*,
        and one *remind_before* (a positive :class:`datetime.timedelta`, 2
        hours unless given) before *due_at* when that is later than
        *send_at*. Each event's UID comes from the application's
        :attr:`~postinterview.Application.key` and the action's kind, round,
        number and recipient, so importing a later plan of the same
        application updates the events rather than adding new ones.
        :func:`to_ics` writes the plans of many applications into one file.
        """
        from postinterview.followup._ics import calendar, check_lead  # noqa: PLC0415 - an optional extra

        return calendar((self,), lead=check_lead(remind_before))

    # notebook display

    def _repr_html_(self) -> str:
        return _views.to_html("plan", self._view())

    def _repr_markdown_(self) -> str:
        return _views.to_markdown(self._view())

    def _view(self) -> list[_views.Block]:
        """The plan as a table: when, what, to whom, why; overdue and lapsed marked."""
        overdue = set(self.overdue())
        counts = (
            f"{_views.plural(len(self.actions), 'action')} owed at "
            f"{_views.instant(self.now)}: {len(overdue)} overdue, "
            f"{len(self.lapsed)} lapsed."
        )
        if self.application is None:
            title = "Follow-up plan"
        else:
            latest = self.application.rounds[-1]
            title = f"{latest.organisation}, {latest.role}"
        blocks: list[_views.Block] = [
            _views.Paragraph((_views.Strong(title), f": {self.status.value}\n{counts}"))
        ]
        if not self.actions and not self.lapsed:
            return blocks
        rounds = len({action.round for action in (*self.actions, *self.lapsed)}) > 1
        rows = [
            (
                _views.Strong("overdue") if action in overdue else "",
                _when_owed(action),
                describe_action(action, rounds),
                recipient_of(action),
                action.rationale,
            )
            for action in self.actions
        ]
        rows.extend(
            (
                _views.Strong("lapsed"),
                _when_lapsed(action),
                describe_action(action, rounds),
                recipient_of(action),
                action.rationale,
            )
            for action in self.lapsed
        )
        blocks.append(_views.Table(("", "When", "What", "To whom", "Why"), rows))
        return blocks


def to_ics(
    plans: Iterable[Plan], *, remind_before: dt.timedelta = REMIND_BEFORE
) -> bytes:
    """Return the owed actions with a deadline of every plan as one iCalendar file.

    One calendar for many applications, such as a folder of records: each
    plan's events are those of :meth:`Plan.to_ics`, with the same UIDs and
    reminders, and each zone's rules appear once. *plans* is an iterable of
    :class:`Plan`, at most one per application (two plans with the same
    :attr:`~postinterview.Application.key` would give events the same UIDs,
    so the second raises :class:`~postinterview.ValidationError`, naming
    it). Needs the ``calendar`` extra.
    """
    given: object = plans
    if isinstance(given, Plan):  # a sequence too, of actions
        raise ValidationError(
            "plans", plans, "an iterable of Plan values, such as [plan]"
        )
    if isinstance(given, str | bytes) or not isinstance(given, Iterable):
        raise ValidationError("plans", plans, "an iterable of Plan values")
    listed = tuple(plans)
    for index, made in enumerate(listed):
        if not isinstance(made, Plan):
            raise ValidationError(f"plans[{index}]", made, "a Plan")
    from postinterview.followup._ics import calendar, check_lead  # noqa: PLC0415 - an optional extra

    return calendar(listed, lead=check_lead(remind_before))


def _when_owed(action: Action) -> str:
    """When to do an owed action: its send time, deadline and closing."""
    lines = [f"send {_views.instant(action.send_at)}"]
    due, closes = action._at[2], action._at[3]
    if due is not None:
        lines.append(f"due {_views.instant(action.due_at)}")
        if action._at[4] > due:
            lines.append("sent after the due time: the recipient's next working hours")
    if closes is not None and closes != due:
        lines.append(f"closes {_views.instant(action.closes_at)}")
    return "\n".join(lines)


def _when_lapsed(action: Action) -> str:
    """When a lapsed action was due, and when its window closed."""
    lines = []
    if action.due_at is not None:
        lines.append(f"was due {_views.instant(action.due_at)}")
    lines.append(f"closed {_views.instant(action.closes_at)}")
    return "\n".join(lines)


def describe_action(action: Action, rounds: bool) -> str:
    """What the action is: its kind, which one when repeated, its round."""
    what = action.kind.value
    if action.kind is ActionKind.CHECK_IN or action.number > 1:
        what = f"{what} ({_views.ordinal(action.number)})"
    if rounds:
        what = f"{what}, round {action.round}"
    return what


def recipient_of(action: Action) -> str:
    """Who receives it, and how; "you" for the candidate's own tasks."""
    if action.recipient is not None:
        whom = action.recipient.name
    elif action.kind.is_message:
        whom = "no one named yet"
    else:
        return "you"
    if action.channel is not None:
        whom = f"{whom}, by {action.channel.value}"
    return whom


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
