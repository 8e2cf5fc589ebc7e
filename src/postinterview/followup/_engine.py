"""The follow-up policy, actions and plans, and the engine that makes plans."""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Iterator, Sequence
from typing import Any, cast, overload

import attrs
import pendulum

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.followup._kind import MESSAGES, RANK, ActionKind
from postinterview.interview import Channel, Interview, Person, RunBy
from postinterview.timeline import (
    DEFAULT_CHECK_INS,
    Application,
    CheckInSent,
    Event,
    FeedbackDeclined,
    FeedbackReceived,
    FeedbackRequested,
    History,
    LostInterest,
    NextRoundScheduled,
    NotesWritten,
    OfferAccepted,
    OfferDeclined,
    OfferReceived,
    ReferencesNotified,
    Rejected,
    ReplyReceived,
    Status,
    ThankYouSent,
    Withdrew,
    status_of,
)
from postinterview.workdays import BusinessCalendar, reading

_UTC = dt.UTC


# -- the policy ---------------------------------------------------------------


def _why(rationale: str, unit: str) -> dict[str, str]:
    return {"rationale": rationale, "unit": unit}


@attrs.frozen(kw_only=True)
class FollowUpPolicy:
    """Every number the follow-up rules use, each with the reason for it.

    Durations are elapsed time (:class:`datetime.timedelta`); counts of
    business days are ints, counted in the recipient's time zone with
    *calendar*. :meth:`rationale` gives the reason for any field, and
    :meth:`rules` lists them all, for documentation and host tools.

    >>> policy = FollowUpPolicy()
    >>> policy.thank_you_due
    datetime.timedelta(days=1)
    >>> policy.rationale("thank_you_due")
    'A thank-you within a day arrives while the conversation is still fresh.'
    """

    notes_due: dt.timedelta = attrs.field(
        default=dt.timedelta(minutes=15),
        metadata=_why(
            "Memory of an interview fades within minutes, so notes come first.",
            "after the interview ends",
        ),
    )
    notes_late: dt.timedelta = attrs.field(
        default=dt.timedelta(hours=24),
        metadata=_why(
            "Notes written more than a day later are recalled, not remembered.",
            "after the interview ends",
        ),
    )
    thank_you_earliest: dt.timedelta = attrs.field(
        default=dt.timedelta(hours=1),
        metadata=_why(
            "A note sent within minutes of leaving looks automatic; reflect first.",
            "after the interview ends",
        ),
    )
    thank_you_due: dt.timedelta = attrs.field(
        default=dt.timedelta(hours=24),
        metadata=_why(
            "A thank-you within a day arrives while the conversation is still fresh.",
            "after the interview ends",
        ),
    )
    thank_you_latest: dt.timedelta = attrs.field(
        default=dt.timedelta(hours=48),
        metadata=_why(
            "After two days a thank-you no longer reads as part of the interview.",
            "after the interview ends",
        ),
    )
    references_within: int = attrs.field(
        default=1,
        metadata=_why(
            "Referees give a better reference when they know the role before the call.",
            "business days after the interview",
        ),
    )
    check_in_after_decision: int = attrs.field(
        default=2,
        metadata=_why(
            "Decisions slip; two business days' grace after the stated date is polite.",
            "business days after the stated decision date",
        ),
    )
    check_in_without_date: int = attrs.field(
        default=7,
        metadata=_why(
            "Without a stated date, a week and a half of business days is a fair wait.",
            "business days after the interview",
        ),
    )
    check_in_spacing: int = attrs.field(
        default=5,
        metadata=_why(
            "Check-ins closer than a working week apart read as chasing.",
            "business days between check-ins",
        ),
    )
    check_ins_at_most: int = attrs.field(
        default=DEFAULT_CHECK_INS,
        metadata=_why(
            "More than two unanswered check-ins reads as pressure; after that, "
            "assume the answer is no.",
            "check-ins",
        ),
    )
    feedback_request_within: int = attrs.field(
        default=2,
        metadata=_why(
            "Feedback asked for soon after a rejection is fresher and more specific.",
            "business days after the rejection",
        ),
    )
    rejection_reply_within: int = attrs.field(
        default=1,
        metadata=_why(
            "A gracious reply to a declined feedback request keeps the door open.",
            "business days after feedback is declined",
        ),
    )
    feedback_thanks_within: int = attrs.field(
        default=1,
        metadata=_why(
            "Feedback takes time to give; thanking them promptly shows it was heard.",
            "business days after the feedback",
        ),
    )
    withdraw_within: int = attrs.field(
        default=1,
        metadata=_why(
            "Once the candidate no longer wants the job, telling them promptly frees "
            "their time and keeps goodwill.",
            "business days after losing interest",
        ),
    )
    offer_thanks_within: int = attrs.field(
        default=1,
        metadata=_why(
            "An offer deserves thanks at once, even before the answer is ready.",
            "business days after the offer",
        ),
    )
    offer_review_within: int = attrs.field(
        default=2,
        metadata=_why(
            "Terms such as booked holidays, hours and adjustments are best settled "
            "before accepting, while there is room to ask.",
            "business days after the offer, unless they set a date",
        ),
    )
    thank_you_min_words: int = attrs.field(
        default=100,
        metadata=_why("Fewer words than this rarely says anything specific.", "words"),
    )
    thank_you_max_words: int = attrs.field(
        default=200,
        metadata=_why(
            "A thank-you longer than this is no longer read in full.", "words"
        ),
    )
    calendar: BusinessCalendar = attrs.field(
        factory=BusinessCalendar,
        metadata={
            "rationale": "Messages should arrive when the recipient is at work.",
            "unit": "weekend, opening hours and holidays",
        },
    )

    def __attrs_post_init__(self) -> None:
        for field in attrs.fields(FollowUpPolicy):
            value = getattr(self, field.name)
            if field.type in ("int", int):
                if type(value) is not int or value < 0:
                    raise ValidationError(
                        field.name, value, "a whole number, 0 or more"
                    )
            elif field.type in ("dt.timedelta", dt.timedelta):
                if not isinstance(value, dt.timedelta) or value < dt.timedelta(0):
                    raise ValidationError(
                        field.name, value, "a datetime.timedelta of 0 or more"
                    )
            elif not isinstance(value, BusinessCalendar):
                raise ValidationError(field.name, value, "a BusinessCalendar")
        self._in_order("notes_due", "notes_late")
        self._in_order("thank_you_earliest", "thank_you_due")
        self._in_order("thank_you_due", "thank_you_latest")
        self._in_order("thank_you_min_words", "thank_you_max_words")
        if self.check_in_after_decision < 1:
            raise ValidationError(
                "check_in_after_decision",
                self.check_in_after_decision,
                "at least 1 business day: the stated date must pass first",
            )
        if self.check_in_spacing < 1:
            raise ValidationError(
                "check_in_spacing", self.check_in_spacing, "at least 1 business day"
            )

    def _in_order(self, first: str, second: str) -> None:
        if getattr(self, second) < getattr(self, first):
            raise ValidationError(
                second,
                getattr(self, second),
                f"at least {first} ({getattr(self, first)})",
            )

    def rationale(self, name: str) -> str:
        """Return the one-sentence reason for the policy field *name*."""
        try:
            return _RATIONALES[name]
        except KeyError:
            names = ", ".join(_RATIONALES)
            raise ValidationError("name", name, f"a policy field: {names}") from None

    def rules(self) -> tuple[tuple[str, object, str, str], ...]:
        """Return ``(name, value, unit, rationale)`` for every field, in order."""
        return tuple(
            (f.name, getattr(self, f.name), f.metadata["unit"], f.metadata["rationale"])
            for f in attrs.fields(FollowUpPolicy)
        )


_RATIONALES: dict[str, str] = {
    field.name: field.metadata["rationale"] for field in attrs.fields(FollowUpPolicy)
}


# -- actions and plans ---------------------------------------------------------


#: The zone an action's instants are shown in, then its opening, deadline,
#: closing and send time, as naive UTC.
_Instants = tuple[
    pendulum.Timezone, dt.datetime, dt.datetime | None, dt.datetime | None, dt.datetime
]
_INSTANT_FIELDS = ("opens_at", "due_at", "closes_at", "send_at")
_setattr = object.__setattr__  # fills an action's cache, as attrs does its fields


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
    first and second check-in).

    The four instants are :class:`pendulum.DateTime` values shown in one
    zone, the recipient's. The constructor takes them as aware datetimes in
    that zone (a :class:`pendulum.DateTime`, or a :class:`datetime.datetime`
    with a :class:`zoneinfo.ZoneInfo` or UTC tzinfo) and refuses naive ones,
    naming the field, and a mix of zones. An action keeps its instants in UTC
    and makes each pendulum value the first time it is read, once: plans are
    made far more often than all their instants are read.

    Actions are immutable and hashable. Two are equal when all their fields
    are, instants compared by UTC time and zone name, never by wall clock:
    the two 01:30s of a fall-back night differ, and so do one instant shown in
    two zones. To change an action, build a new one with the constructor.
    """

    kind: ActionKind
    recipient: Person | None
    channel: Channel | None
    template: str | None
    rationale: str
    round: int
    number: int
    _at: _Instants = attrs.field(eq=_instants_key)
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
    ) -> None:
        """Make an action; the instants are checked as the class says."""
        opens = _time.as_instant(opens_at, "opens_at")
        tz = _time.zone(_time.zone_name(opens))
        naive: list[dt.datetime | None] = []
        for field, value in zip(
            _INSTANT_FIELDS, (opens, due_at, closes_at, send_at), strict=True
        ):
            if value is None and field in ("due_at", "closes_at"):
                naive.append(None)
                continue
            instant = _time.as_instant(value, field)
            if instant.tzinfo is not tz:  # as_instant gives the cached zones
                raise ValidationError(
                    field,
                    value,
                    f"an instant in the zone of opens_at ({tz.key}): an action's "
                    "instants are all shown in the recipient's zone",
                )
            naive.append(_naive_utc(instant))
        at = cast("_Instants", (tz, *naive))
        self.__attrs_init__(
            kind, recipient, channel, template, rationale, round, number, at
        )

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

    # Each property looks in the cache itself first: it is read far more
    # often than it is filled.

    @property
    def opens_at(self) -> pendulum.DateTime:
        """When the window opens: the action makes sense from then on."""
        naive, shown = self._at[1], self._shown
        if shown is not None and naive in shown:
            return shown[naive]
        return self._show(naive)

    @property
    def due_at(self) -> pendulum.DateTime | None:
        """When the action is due, or ``None`` when it has no deadline."""
        naive, shown = self._at[2], self._shown
        if naive is None:
            return None
        if shown is not None and naive in shown:
            return shown[naive]
        return self._show(naive)

    @property
    def closes_at(self) -> pendulum.DateTime | None:
        """When the window closes, or ``None`` when the action does not lapse."""
        naive, shown = self._at[3], self._shown
        if naive is None:
            return None
        if shown is not None and naive in shown:
            return shown[naive]
        return self._show(naive)

    @property
    def send_at(self) -> pendulum.DateTime:
        """The suggested moment to do it or send it, inside the window."""
        naive, shown = self._at[4], self._shown
        if shown is not None and naive in shown:
            return shown[naive]
        return self._show(naive)

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
            f"number={self.number!r})"
        )


@attrs.frozen(kw_only=True)
class Done:
    """An action that an event retired, and that event."""

    action: Action
    by: Event


@attrs.frozen(kw_only=True)
class Plan(Sequence[Action]):
    """The actions still owed, ordered by due time and then kind.

    A plan is an immutable sequence of :class:`Action`. *done* lists the
    actions that events retired, and *lapsed* those whose window closed
    before *now* without them being done. *status* is the application's
    status under the policy the plan was made with, and *application* the
    application it was made for.
    """

    actions: tuple[Action, ...]
    now: pendulum.DateTime = attrs.field(eq=_time.instant_key)
    status: Status
    done: tuple[Done, ...] = ()
    lapsed: tuple[Action, ...] = ()
    application: Application | None = attrs.field(default=None, repr=False)

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
        """Return the actions not yet overdue that should be sent within *within*."""
        now = _naive_utc(self.now)
        horizon = now + within
        return tuple(
            a
            for a in self.actions
            if a._at[4] <= horizon and (a._at[2] is None or a._at[2] >= now)
        )

    def of_kind(self, kind: ActionKind) -> tuple[Action, ...]:
        """Return the owed actions of one kind, in plan order."""
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


# -- the engine -----------------------------------------------------------------

_THANKS = frozenset(
    {
        ActionKind.THANK,
        ActionKind.GET_CONTACT_DETAILS,
        ActionKind.REPLY_TO_REJECTION,
        ActionKind.THANK_FOR_FEEDBACK,
        ActionKind.THANK_FOR_OFFER,
    }
)
_WAITING = frozenset({ActionKind.CHECK_IN, ActionKind.MOVE_ON})
_PURSUIT = frozenset(
    {
        ActionKind.THANK,
        ActionKind.GET_CONTACT_DETAILS,
        ActionKind.NOTIFY_REFERENCES,
        ActionKind.PREPARE_NEXT_ROUND,
        ActionKind.THANK_FOR_OFFER,
        ActionKind.REVIEW_OFFER_TERMS,
        *_WAITING,
    }
)
_ALL_BUT_SEARCHING = frozenset(ActionKind) - {ActionKind.KEEP_SEARCHING}
# Events that settle the application: they end what they end even when the
# action belongs to a round still to come.
_DECISIONS = (
    Rejected,
    OfferReceived,
    LostInterest,
    Withdrew,
    OfferAccepted,
    OfferDeclined,
)
# The kinds of action that an event of each type ends, whoever they concern.
_ENDS: dict[type[Any], frozenset[ActionKind]] = {
    ReplyReceived: _WAITING,
    NextRoundScheduled: _WAITING,
    OfferReceived: _WAITING,
    Rejected: _PURSUIT,
    LostInterest: _PURSUIT,
    Withdrew: _ALL_BUT_SEARCHING,
    OfferDeclined: _ALL_BUT_SEARCHING,
    OfferAccepted: frozenset(ActionKind),
}


_naive_utc = _time.naive_utc
_to_pendulum = _time.from_naive_utc
_local_ordinal = _time.local_ordinal
_zone = _time.zone
_new = object.__new__
_first = operator.itemgetter(0)
# Instants this far from the ends of datetime's range show in every zone; the
# engine shows those nearer at once, so that plan() reports them.
_LOWEST = dt.datetime.min + dt.timedelta(days=1)  # noqa: DTZ901 - naive UTC
_HIGHEST = dt.datetime.max - dt.timedelta(days=1)  # noqa: DTZ901 - naive UTC


def _home(interview: Interview) -> pendulum.Timezone:
    """Return the zone the interview was held in: its ``timezone``, as a zone.

    Instants keep their zone as their tzinfo, so this is a read, not a look-up.
    """
    return cast("pendulum.Timezone", interview.ends_at.tzinfo)


class _Planner:
    """Works out one plan, in naive UTC, and makes its actions as it goes.

    Each action is kept with what ordering and retiring it needs: its sort
    key, the instant before which events cannot retire it, and the event that
    already did (a check-in that was sent).
    """

    def __init__(
        self, application: Application, policy: FollowUpPolicy, now: dt.datetime
    ) -> None:
        self.application = application
        self.history: History = application.history
        self.policy = policy
        self.calendar = policy.calendar
        self.now = now
        self.made: list[
            tuple[tuple[bool, dt.datetime, int, int], Action, dt.datetime, Event | None]
        ] = []
        self.edges: list[Action] = []
        self.events: tuple[Event, ...] = application.events

    # helpers

    def zone_of(self, person: Person | None, interview: Interview) -> pendulum.Timezone:
        if person is not None and person.timezone is not None:
            return _zone(person.timezone)
        return _home(interview)

    def business_day(self, start: dt.datetime, days: int, tz: pendulum.Timezone) -> int:
        """Return the ordinal of the day *days* business days after *start*'s
        local date in *tz*."""
        return self.calendar._add(_local_ordinal(start, tz), days)

    def closing(self, ordinal: int, tz: pendulum.Timezone) -> dt.datetime:
        return reading(ordinal, self.calendar.closes, tz.key)

    def send_time(
        self, opens: dt.datetime, closes: dt.datetime | None, tz: pendulum.Timezone
    ) -> dt.datetime:
        """Return the first open moment from *opens* on, unless it is past *closes*."""
        found = self.calendar._open_from(opens, tz)[0]
        return found if closes is None or found <= closes else opens

    def add(
        self,
        *,
        kind: ActionKind,
        trigger: dt.datetime,
        opens: dt.datetime,
        due: dt.datetime | None,
        closes: dt.datetime | None = None,
        tz: pendulum.Timezone,
        recipient: Person | None = None,
        channel: Channel | None = None,
        template: str | None = None,
        rationale: str,
        round: int,
        number: int = 1,
        send: dt.datetime | None = None,
        done_by: Event | None = None,
    ) -> None:
        """Make an action and keep it.

        Events before *trigger* cannot retire it. *send* defaults to the first
        open moment in the window for a message, and to *opens* for the
        candidate's own tasks.
        """
        if send is None:
            send = self.send_time(opens, closes, tz) if kind in MESSAGES else opens
        action: Action = _new(Action)
        action.__attrs_init__(
            kind,
            recipient,
            channel,
            template,
            rationale,
            round,
            number,
            (tz, opens, due, closes, send),
        )
        # Sorted in UTC: Python compares datetimes of one zone by their wall
        # clocks, which puts the two halves of a fall-back hour in the wrong
        # order. The sort is stable, so a panel keeps its order.
        key = (due is None, opens if due is None else due, RANK[kind], number)
        self.made.append((key, action, trigger, done_by))
        if (
            opens < _LOWEST
            or send > _HIGHEST
            or (due or opens) > _HIGHEST
            or (closes or opens) > _HIGHEST
        ):
            self.edges.append(action)

    def by_deadline(
        self,
        *,
        kind: ActionKind,
        trigger: dt.datetime,
        days: int,
        tz: pendulum.Timezone,
        due: dt.datetime | None = None,
        **details: Any,
    ) -> None:
        """Add an action that opens at *trigger* and is due at the close of
        business *days* business days later in *tz*; or, when *due* is given,
        due and closing then."""
        deadline = max(self.closing(self.business_day(trigger, days, tz), tz), trigger)
        self.add(
            kind=kind,
            trigger=trigger,
            opens=trigger,
            due=deadline if due is None else due,
            closes=due,
            tz=tz,
            **details,
        )

    # the rules

    def run(self) -> None:
        history = self.history
        policy = self.policy
        first = history.rounds[0]
        for index, interview in enumerate(history.rounds):
            self.round(index, interview)
        start = _naive_utc(first.ends_at)
        self.add(
            kind=ActionKind.KEEP_SEARCHING,
            trigger=start,
            opens=start,
            due=None,
            tz=_home(first),
            rationale="Until an offer is accepted, nothing is certain.",
            round=1,
        )
        latest = history.latest
        contact = self.contact(latest)
        if history.rejected is not None:
            self.after_rejection(history.rejected, latest, contact)
        self.after_feedback(latest, contact)
        if history.lost_interest is not None:
            self.by_deadline(
                kind=ActionKind.WITHDRAW,
                trigger=_naive_utc(history.lost_interest.at),
                days=policy.withdraw_within,
                tz=self.zone_of(contact, latest),
                recipient=contact,
                channel=latest.preferred_channel,
                template="withdrawal",
                rationale=_RATIONALES["withdraw_within"],
                round=len(history.rounds),
            )
        offers = [e for e in self.events if isinstance(e, OfferReceived)]
        for number, offer in enumerate(offers, 1):
            self.after_offer(offer, latest, contact, number)

    def contact(self, interview: Interview) -> Person | None:
        """Return who follow-ups go to: the agency, else the first interviewer."""
        if interview.run_by is RunBy.AGENCY:
            return interview.agency_contact
        return interview.interviewers[0] if interview.interviewers else None

    def round(self, index: int, interview: Interview) -> None:
        policy = self.policy
        add = self.add
        number = index + 1
        end = _naive_utc(interview.ends_at)
        home = _home(interview)
        add(
            kind=ActionKind.REFLECT,
            trigger=end,
            opens=end,
            due=end + policy.notes_due,
            closes=end + policy.notes_late,
            tz=home,
            rationale=_RATIONALES["notes_due"],
            round=number,
        )
        channel = (
            Channel.EMAIL
            if interview.preferred_channel is Channel.PHONE
            else interview.preferred_channel
        )
        opens = end + policy.thank_you_earliest
        due = end + policy.thank_you_due
        closes = end + policy.thank_you_latest
        # Interviewers who share a zone are sent their notes at the same moment.
        sends: dict[str, dt.datetime] = {}
        for person in interview.interviewers:
            tz = self.zone_of(person, interview)
            if not _reachable(person, channel):
                add(
                    kind=ActionKind.GET_CONTACT_DETAILS,
                    trigger=end,
                    opens=end,
                    due=opens,
                    closes=closes,
                    tz=tz,
                    recipient=person,
                    rationale="A thank-you needs a way to reach its reader.",
                    round=number,
                )
            send = sends.get(tz.key)
            if send is None:
                send = sends[tz.key] = self.send_time(opens, closes, tz)
            add(
                kind=ActionKind.THANK,
                trigger=end,
                opens=opens,
                due=due,
                closes=closes,
                tz=tz,
                recipient=person,
                channel=channel,
                template="thank_you",
                rationale=_RATIONALES["thank_you_due"],
                round=number,
                send=send,
            )
        if not interview.interviewers:
            add(
                kind=ActionKind.GET_CONTACT_DETAILS,
                trigger=end,
                opens=end,
                due=opens,
                closes=closes,
                tz=home,
                recipient=interview.agency_contact,
                rationale=(
                    "A thank-you needs a named reader: ask for the interviewers' "
                    "names, or write through the recruiter or HR contact."
                ),
                round=number,
            )
        if interview.references_may_be_contacted:
            self.by_deadline(
                kind=ActionKind.NOTIFY_REFERENCES,
                trigger=end,
                days=policy.references_within,
                tz=home,
                template="reference_brief",
                rationale=_RATIONALES["references_within"],
                round=number,
            )
        scheduled_by = self.scheduled_by(interview)
        if scheduled_by is not None:
            start = _naive_utc(interview.starts_at)
            at = _naive_utc(scheduled_by.at)
            add(
                kind=ActionKind.PREPARE_NEXT_ROUND,
                trigger=at,
                opens=at,
                due=start,
                closes=start,
                tz=home,
                rationale=(
                    "Preparation starts from the questions that recur and the "
                    "weakest criteria, while there is time to practise."
                ),
                round=number,
            )
        self.check_ins(index, interview, end)

    def scheduled_by(self, interview: Interview) -> NextRoundScheduled | None:
        for event in self.events:
            if isinstance(event, NextRoundScheduled) and event.interview is interview:
                return event
        return None

    def check_ins(self, index: int, interview: Interview, end: dt.datetime) -> None:
        policy = self.policy
        calendar = self.calendar
        add_days = calendar._add
        contact = self.contact(interview)
        tz = self.zone_of(contact, interview)
        decision = interview.decision_expected_by
        not_before = end
        if decision is None:
            day = add_days(_local_ordinal(end, tz), policy.check_in_without_date)
        else:
            if isinstance(decision, pendulum.DateTime):
                not_before = max(not_before, _naive_utc(decision))
                decided = _local_ordinal(not_before, tz)
            else:
                decided = decision.toordinal()
            # The policy makes this at least one business day, so the day is
            # after the decided day, and no earlier than the business day that
            # day rolls forward to.
            day = add_days(decided, policy.check_in_after_decision)
        if interview.closing_date is not None:
            day = max(day, add_days(interview.closing_date.toordinal(), 1))
        sent = [
            e for e in self.history.after_round[index] if isinstance(e, CheckInSent)
        ]
        spacing, at_most = policy.check_in_spacing, policy.check_ins_at_most
        slots = None
        if not sent:
            slots = _usual_check_ins(calendar, tz.key, day, spacing, at_most)
            if slots[0][0] < not_before:  # the stated instant comes later
                slots = None
        if slots is None:
            sent_on = tuple(_local_ordinal(_naive_utc(e.at), tz) for e in sent)
            slots = _check_ins(
                calendar,
                tz,
                day,
                spacing=spacing,
                at_most=at_most,
                not_before=not_before,
                sent_on=sent_on,
            )
        rationale = _RATIONALES[
            "check_in_without_date" if decision is None else "check_in_after_decision"
        ]
        for count, (opens, due, send) in enumerate(slots[:-1], 1):
            self.add(
                kind=ActionKind.CHECK_IN,
                trigger=end,
                opens=opens,
                due=due,
                tz=tz,
                recipient=contact,
                channel=interview.preferred_channel,
                template="check_in",
                rationale=rationale,
                round=index + 1,
                number=count,
                send=send,
                done_by=sent[count - 1] if count <= len(sent) else None,
            )
            rationale = _RATIONALES["check_in_spacing"]
        opens, due, _ = slots[-1]
        self.add(
            kind=ActionKind.MOVE_ON,
            trigger=end,
            opens=opens,
            due=due,
            tz=tz,
            rationale=_RATIONALES["check_ins_at_most"],
            round=index + 1,
        )

    def after_rejection(
        self, rejected: Rejected, latest: Interview, contact: Person | None
    ) -> None:
        policy = self.policy
        to = self.feedback_contact(latest, contact)
        common: dict[str, Any] = {
            "tz": self.zone_of(to, latest),
            "recipient": to,
            "channel": latest.preferred_channel,
            "round": len(self.history.rounds),
        }
        at = _naive_utc(rejected.at)
        self.by_deadline(
            kind=ActionKind.REQUEST_FEEDBACK,
            trigger=at,
            days=policy.feedback_request_within,
            template="feedback_request",
            rationale=_RATIONALES["feedback_request_within"],
            **common,
        )
        declined = next(
            (e for e in self.events if isinstance(e, FeedbackDeclined)), None
        )
        if declined is not None and _naive_utc(declined.at) >= at:
            self.by_deadline(
                kind=ActionKind.REPLY_TO_REJECTION,
                trigger=_naive_utc(declined.at),
                days=policy.rejection_reply_within,
                template="rejection_reply",
                rationale=_RATIONALES["rejection_reply_within"],
                **common,
            )

    def feedback_contact(
        self, latest: Interview, contact: Person | None
    ) -> Person | None:
        """Return who feedback is asked of: the agency, else whoever decided."""
        if latest.run_by is RunBy.AGENCY:
            return latest.agency_contact
        rejected = self.history.rejected
        return (rejected.by if rejected else None) or contact

    def after_feedback(self, latest: Interview, contact: Person | None) -> None:
        """Thank whoever gave feedback, once for each time they gave it."""
        policy = self.policy
        received = [e for e in self.events if isinstance(e, FeedbackReceived)]
        for number, event in enumerate(received, 1):
            giver = event.by or self.feedback_contact(latest, contact)
            self.by_deadline(
                kind=ActionKind.THANK_FOR_FEEDBACK,
                trigger=_naive_utc(event.at),
                days=policy.feedback_thanks_within,
                tz=self.zone_of(giver, latest),
                recipient=giver,
                channel=latest.preferred_channel,
                template="feedback_thanks",
                rationale=_RATIONALES["feedback_thanks_within"],
                round=len(self.history.rounds),
                number=number,
            )

    def after_offer(
        self,
        offer: OfferReceived,
        latest: Interview,
        contact: Person | None,
        number: int,
    ) -> None:
        """Thank them for an offer and weigh it; a revised offer counts anew."""
        policy = self.policy
        to = offer.by or contact
        tz = self.zone_of(to, latest)
        at = _naive_utc(offer.at)
        self.by_deadline(
            kind=ActionKind.THANK_FOR_OFFER,
            trigger=at,
            days=policy.offer_thanks_within,
            tz=tz,
            recipient=to,
            channel=latest.preferred_channel,
            template="offer_thanks",
            rationale=_RATIONALES["offer_thanks_within"],
            round=len(self.history.rounds),
            number=number,
        )
        respond_by = offer.respond_by
        self.by_deadline(
            kind=ActionKind.REVIEW_OFFER_TERMS,
            trigger=at,
            days=policy.offer_review_within,
            tz=tz,
            # A date they set replaces the policy's, and the window closes then.
            due=None if respond_by is None else max(at, _naive_utc(respond_by)),
            rationale=_RATIONALES["offer_review_within"],
            round=len(self.history.rounds),
            number=number,
        )

    # retiring and ordering

    def retired_by(
        self,
        action: Action,
        trigger: dt.datetime,
        timed: list[tuple[dt.datetime, Event]],
    ) -> Event | None:
        """Return the first event after *action* opened that ends it, if any."""
        for at, event in timed:
            early = at < trigger
            if (not early or isinstance(event, _DECISIONS)) and _retires(event, action):
                return event
        return None

    def finish(self) -> Plan:
        now = self.now
        for action in self.edges:  # raise OverflowError now, not when read
            action.opens_at, action.due_at, action.closes_at, action.send_at  # noqa: B018
        timed = [(_naive_utc(event.at), event) for event in self.events]
        made = self.made
        made.sort(key=_first)
        owed: list[Action] = []
        lapsed: list[Action] = []
        done: list[Done] = []
        for _, action, trigger, sent in made:
            done_by = sent
            if done_by is None and timed:
                done_by = self.retired_by(action, trigger, timed)
            if done_by is not None:
                done.append(Done(action=action, by=done_by))
            else:
                closes = action._at[3]
                if closes is not None and closes < now:
                    lapsed.append(action)
                else:
                    owed.append(action)
        return Plan(
            actions=tuple(owed),
            now=_to_pendulum(now, _home(self.history.latest)),
            status=status_of(self.history, self.policy.check_ins_at_most),
            done=tuple(done),
            lapsed=tuple(lapsed),
            application=self.application,
        )


#: A check-in's opening, deadline and send time, in naive UTC.
_Slot = tuple[dt.datetime, dt.datetime, dt.datetime]


def _check_ins(
    calendar: BusinessCalendar,
    tz: pendulum.Timezone,
    day: int,
    *,
    spacing: int,
    at_most: int,
    not_before: dt.datetime | None = None,
    sent_on: tuple[int, ...] = (),
) -> tuple[_Slot, ...]:
    """Return the slots of *at_most* check-ins, then that of moving on.

    The first check-in falls on the business day with ordinal *day* in *tz*,
    never before *not_before*. Each further one comes *spacing* business days
    after the day the one before was sent (*sent_on*, the local ordinals of
    those the candidate sent) or will really be sent, and never before *day*,
    even after one sent early. The move-on slot's send time is its opening.
    """
    earliest = previous = day
    opening, closing, key = calendar.opens, calendar.closes, tz.key
    slots: list[_Slot] = []
    for count in range(1, at_most + 2):
        if count > 1:
            day = max(calendar._add(previous, spacing), earliest)
        opens = reading(day, opening, key)
        if not_before is not None and opens < not_before:
            opens = not_before
        due = max(reading(day, closing, key), opens)
        if count > at_most:
            slots.append((opens, due, opens))
            break
        send, local = calendar._open_from(opens, tz)
        slots.append((opens, due, send))
        if count <= len(sent_on):
            previous = sent_on[count - 1]
        elif send == opens:
            previous = local.toordinal()
        else:
            previous = _local_ordinal(send, tz)
    return tuple(slots)


@functools.lru_cache(maxsize=1 << 12)
def _usual_check_ins(
    calendar: BusinessCalendar, zone: str, day: int, spacing: int, at_most: int
) -> tuple[_Slot, ...]:
    """Return :func:`_check_ins` for a round with none sent and nothing later
    than the first opening to wait for.

    That is the usual case, and many applications share it: it depends only
    on the day, the zone (by name, which hashes faster than the zone) and the
    policy.
    """
    return _check_ins(calendar, _zone(zone), day, spacing=spacing, at_most=at_most)


def _reachable(person: Person, channel: Channel) -> bool:
    """Tell whether *person* can be written to on *channel* with what is known."""
    if channel is Channel.EMAIL:
        return person.email is not None
    if channel is Channel.MESSAGE:
        return person.email is not None or person.phone is not None
    return True  # a letter goes to the organisation's address


def _retires(event: Event, action: Action) -> bool:
    """Tell whether *event*, recorded after *action* opened, retires it."""
    kind = action.kind
    if kind in _ENDS.get(type(event), ()):
        return True
    if kind in _THANKS:
        return isinstance(event, ThankYouSent) and (
            action.recipient is None or event.to == action.recipient
        )
    if kind is ActionKind.REFLECT:
        return isinstance(event, NotesWritten)
    if kind is ActionKind.NOTIFY_REFERENCES:
        return isinstance(event, ReferencesNotified)
    if kind is ActionKind.REQUEST_FEEDBACK:
        return isinstance(event, FeedbackRequested | FeedbackReceived)
    return False


def plan(
    application: Application,
    *,
    policy: FollowUpPolicy | None = None,
    now: dt.datetime,
) -> Plan:
    """Return what *application* still owes at *now*, under *policy*.

    Pure: the same arguments always give the same plan, and nothing reads the
    clock. *now* is an aware datetime; it decides which actions are overdue
    or lapsed, not when anything is due.
    """
    current = _time.utc_of(now, "now")
    planner = _Planner(application, policy or _DEFAULT_POLICY, current)
    try:
        planner.run()
        return planner.finish()
    except (OverflowError, ValueError) as error:
        if isinstance(error, ValidationError):
            raise
        # Only date arithmetic past the year 9999 gets here.
        raise ValidationError(
            "application",
            application,
            "interviews and events early enough that their follow-ups fall "
            "before the year 10000",
        ) from None


_DEFAULT_POLICY = FollowUpPolicy()
