"""The follow-up engine: from an application's history to what is still owed.

:func:`plan` is a pure function of an :class:`~postinterview.Application`, a
:class:`FollowUpPolicy` and ``now``. It returns a :class:`Plan`: every action
the candidate still owes, each with the window it belongs in, the moment to
send it (inside the recipient's business hours, in their own time zone), the
letter that drafts it and the reason for the rule behind it. Actions that
events have retired are kept in :attr:`Plan.done` with the retiring event.

The numbers of every rule live in :class:`FollowUpPolicy`, each with its
reason, so a host tool can show "why" next to "when".

Hours are elapsed time: 24 hours after an interview is 24 hours later even
across a DST change. Business days are counted in the recipient's time zone.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Sequence
from typing import Any, overload

import attrs
import pendulum

from postinterview import _time
from postinterview.errors import ValidationError
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

__all__ = [
    "Action",
    "ActionKind",
    "Done",
    "FollowUpPolicy",
    "Plan",
    "plan",
]

_UTC = dt.UTC


class ActionKind(enum.Enum):
    """What the candidate has to do. The order here breaks ties in a plan."""

    REFLECT = "write notes and a reflection on the interview"
    GET_CONTACT_DETAILS = "find out how to reach an interviewer"
    THANK = "thank an interviewer"
    NOTIFY_REFERENCES = "tell referees they may be contacted"
    CHECK_IN = "ask politely how things stand"
    MOVE_ON = "assume the answer is no and move on"
    REQUEST_FEEDBACK = "ask for feedback on the interview"
    REPLY_TO_REJECTION = "thank them and ask to be considered again"
    THANK_FOR_FEEDBACK = "thank them for the feedback"
    WITHDRAW = "withdraw the application"
    PREPARE_NEXT_ROUND = "prepare for the next round"
    THANK_FOR_OFFER = "thank them for the offer"
    REVIEW_OFFER_TERMS = "weigh the offer's terms before answering"
    KEEP_SEARCHING = "keep applying elsewhere"

    @property
    def is_message(self) -> bool:
        """Whether the action sends something to someone.

        Messages are timed to arrive in the recipient's business hours; the
        candidate's own tasks (reflecting, preparing, weighing an offer) can
        start the moment they open.
        """
        return self in _MESSAGES


_MESSAGES = frozenset(
    {
        ActionKind.THANK,
        ActionKind.NOTIFY_REFERENCES,
        ActionKind.CHECK_IN,
        ActionKind.REQUEST_FEEDBACK,
        ActionKind.REPLY_TO_REJECTION,
        ActionKind.THANK_FOR_FEEDBACK,
        ActionKind.WITHDRAW,
        ActionKind.THANK_FOR_OFFER,
    }
)
_RANK = {kind: rank for rank, kind in enumerate(ActionKind)}


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


@attrs.frozen(kw_only=True)
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
    """

    kind: ActionKind
    recipient: Person | None
    channel: Channel | None
    # Instants compare by UTC time and zone, not by wall clock.
    opens_at: pendulum.DateTime = attrs.field(eq=_time.instant_key)
    due_at: pendulum.DateTime | None = attrs.field(eq=_time.instant_key)
    closes_at: pendulum.DateTime | None = attrs.field(eq=_time.instant_key)
    send_at: pendulum.DateTime = attrs.field(eq=_time.instant_key)
    template: str | None
    rationale: str
    round: int = 1
    number: int = 1

    @property
    def key(self) -> tuple[ActionKind, int, Person | None, int]:
        """What identifies this action across plans of the same application."""
        return (self.kind, self.round, self.recipient, self.number)


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
    status under the policy the plan was made with.
    """

    actions: tuple[Action, ...]
    now: pendulum.DateTime = attrs.field(eq=_time.instant_key)
    status: Status
    done: tuple[Done, ...] = ()
    lapsed: tuple[Action, ...] = ()

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
        return tuple(
            a
            for a in self.actions
            if a.due_at is not None and _naive_utc(a.due_at) < now
        )

    def upcoming(self, within: dt.timedelta) -> tuple[Action, ...]:
        """Return the actions not yet overdue that should be sent within *within*."""
        now = _naive_utc(self.now)
        horizon = now + within
        return tuple(
            a
            for a in self.actions
            if _naive_utc(a.send_at) <= horizon
            and (a.due_at is None or _naive_utc(a.due_at) >= now)
        )

    def of_kind(self, kind: ActionKind) -> tuple[Action, ...]:
        """Return the owed actions of one kind, in plan order."""
        return tuple(a for a in self.actions if a.kind is kind)


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


@attrs.define
class _Draft:
    """An action while it is being worked out, in naive UTC."""

    kind: ActionKind
    trigger: dt.datetime  # events before this cannot retire the action
    opens: dt.datetime
    due: dt.datetime | None
    closes: dt.datetime | None
    zone: pendulum.Timezone
    recipient: Person | None = None
    channel: Channel | None = None
    template: str | None = None
    rationale: str = ""
    round: int = 1
    number: int = 1
    done_by: Event | None = None


_naive_utc = _time.naive_utc
_to_pendulum = _time.from_naive_utc


def _local_date(naive_utc: dt.datetime, tz: pendulum.Timezone) -> dt.date:
    return tz.fromutc(naive_utc.replace(tzinfo=tz)).date()


class _Planner:
    def __init__(
        self, application: Application, policy: FollowUpPolicy, now: dt.datetime
    ) -> None:
        self.history: History = application.history
        self.policy = policy
        self.calendar = policy.calendar
        self.now = now
        self.drafts: list[_Draft] = []
        self.events: tuple[Event, ...] = application.events
        self.made: dict[tuple[dt.datetime, int], pendulum.DateTime] = {}

    # helpers

    def zone_of(self, person: Person | None, interview: Interview) -> pendulum.Timezone:
        if person is not None and person.timezone is not None:
            return _time.zone(person.timezone)
        return _time.zone(interview.timezone)

    def business_day(
        self, start: dt.datetime, days: int, tz: pendulum.Timezone
    ) -> dt.date:
        """Return the date *days* business days after *start*'s local date in *tz*."""
        ordinal = _local_date(start, tz).toordinal()
        return dt.date.fromordinal(self.calendar._add(ordinal, days))

    def opening(self, day: dt.date, tz: pendulum.Timezone) -> dt.datetime:
        return reading(day.toordinal(), self.calendar.opens, tz.key)

    def closing(self, day: dt.date, tz: pendulum.Timezone) -> dt.datetime:
        return reading(day.toordinal(), self.calendar.closes, tz.key)

    def add(self, draft: _Draft) -> _Draft:
        self.drafts.append(draft)
        return draft

    def by_deadline(
        self,
        kind: ActionKind,
        trigger: dt.datetime,
        days: int,
        tz: pendulum.Timezone,
        **details: Any,
    ) -> _Draft:
        """Add an action that opens at *trigger* and is due at the close of
        business *days* business days later in *tz*."""
        due = self.closing(self.business_day(trigger, days, tz), tz)
        return self.add(
            _Draft(
                kind=kind,
                trigger=trigger,
                opens=trigger,
                due=max(due, trigger),
                closes=None,
                zone=tz,
                **details,
            )
        )

    # the rules

    def run(self) -> None:
        history = self.history
        policy = self.policy
        first = history.rounds[0]
        for index, interview in enumerate(history.rounds):
            self.round(index, interview)
        self.add(
            _Draft(
                kind=ActionKind.KEEP_SEARCHING,
                trigger=_naive_utc(first.ends_at),
                opens=_naive_utc(first.ends_at),
                due=None,
                closes=None,
                zone=_time.zone(first.timezone),
                rationale="Until an offer is accepted, nothing is certain.",
            )
        )
        latest = history.latest
        contact = self.contact(latest)
        if history.rejected is not None:
            self.after_rejection(history.rejected, latest, contact)
        self.after_feedback(latest, contact)
        if history.lost_interest is not None:
            lost = history.lost_interest
            tz = self.zone_of(contact, latest)
            self.by_deadline(
                ActionKind.WITHDRAW,
                _naive_utc(lost.at),
                policy.withdraw_within,
                tz,
                recipient=contact,
                channel=latest.preferred_channel,
                template="withdrawal",
                rationale=policy.rationale("withdraw_within"),
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
        number = index + 1
        end = _naive_utc(interview.ends_at)
        home = _time.zone(interview.timezone)
        self.add(
            _Draft(
                kind=ActionKind.REFLECT,
                trigger=end,
                opens=end,
                due=end + policy.notes_due,
                closes=end + policy.notes_late,
                zone=home,
                rationale=policy.rationale("notes_due"),
                round=number,
            )
        )
        channel = (
            Channel.EMAIL
            if interview.preferred_channel is Channel.PHONE
            else interview.preferred_channel
        )
        opens = end + policy.thank_you_earliest
        due = end + policy.thank_you_due
        closes = end + policy.thank_you_latest
        for person in interview.interviewers:
            tz = self.zone_of(person, interview)
            if not _reachable(person, channel):
                self.add(
                    _Draft(
                        kind=ActionKind.GET_CONTACT_DETAILS,
                        trigger=end,
                        opens=end,
                        due=opens,
                        closes=closes,
                        zone=tz,
                        recipient=person,
                        rationale="A thank-you needs a way to reach its reader.",
                        round=number,
                    )
                )
            self.add(
                _Draft(
                    kind=ActionKind.THANK,
                    trigger=end,
                    opens=opens,
                    due=due,
                    closes=closes,
                    zone=tz,
                    recipient=person,
                    channel=channel,
                    template="thank_you",
                    rationale=policy.rationale("thank_you_due"),
                    round=number,
                )
            )
        if not interview.interviewers:
            self.add(
                _Draft(
                    kind=ActionKind.GET_CONTACT_DETAILS,
                    trigger=end,
                    opens=end,
                    due=opens,
                    closes=closes,
                    zone=home,
                    recipient=interview.agency_contact,
                    rationale=(
                        "A thank-you needs a named reader: ask for the interviewers' "
                        "names, or write through the recruiter or HR contact."
                    ),
                    round=number,
                )
            )
        if interview.references_may_be_contacted:
            self.by_deadline(
                ActionKind.NOTIFY_REFERENCES,
                end,
                policy.references_within,
                home,
                template="reference_brief",
                rationale=policy.rationale("references_within"),
                round=number,
            )
        scheduled_by = self.scheduled_by(interview)
        if scheduled_by is not None:
            start = _naive_utc(interview.starts_at)
            at = _naive_utc(scheduled_by.at)
            self.add(
                _Draft(
                    kind=ActionKind.PREPARE_NEXT_ROUND,
                    trigger=at,
                    opens=at,
                    due=start,
                    closes=start,
                    zone=home,
                    rationale=(
                        "Preparation starts from the questions that recur and the "
                        "weakest criteria, while there is time to practise."
                    ),
                    round=number,
                )
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
        contact = self.contact(interview)
        tz = self.zone_of(contact, interview)
        decision = interview.decision_expected_by
        not_before = end
        if decision is None:
            day = self.business_day(end, policy.check_in_without_date, tz)
        else:
            if isinstance(decision, pendulum.DateTime):
                not_before = max(not_before, _naive_utc(decision))
                decided = _local_date(not_before, tz)
            else:
                decided = decision
            day = dt.date.fromordinal(
                calendar._add(decided.toordinal(), policy.check_in_after_decision)
            )
            day = max(day, dt.date.fromordinal(calendar._add(decided.toordinal(), 0)))
        if interview.closing_date is not None:
            after_closing = calendar._add(interview.closing_date.toordinal(), 1)
            day = max(day, dt.date.fromordinal(after_closing))
        sent = [
            e for e in self.history.after_round[index] if isinstance(e, CheckInSent)
        ]
        channel = interview.preferred_channel
        previous: dt.date | None = None
        # No check-in is suggested before this day, even after one the
        # candidate sent early.
        earliest = day
        for count in range(1, policy.check_ins_at_most + 2):
            if previous is not None:
                spaced = calendar._add(previous.toordinal(), policy.check_in_spacing)
                day = max(dt.date.fromordinal(spaced), earliest)
            opens = max(self.opening(day, tz), not_before)
            closes = self.closing(day, tz)
            if count > policy.check_ins_at_most:
                self.add(
                    _Draft(
                        kind=ActionKind.MOVE_ON,
                        trigger=end,
                        opens=opens,
                        due=max(closes, opens),
                        closes=None,
                        zone=tz,
                        rationale=policy.rationale("check_ins_at_most"),
                        round=index + 1,
                    )
                )
                return
            draft = self.add(
                _Draft(
                    kind=ActionKind.CHECK_IN,
                    trigger=end,
                    opens=opens,
                    due=max(closes, opens),
                    closes=None,
                    zone=tz,
                    recipient=contact,
                    channel=channel,
                    template="check_in",
                    rationale=policy.rationale(
                        "check_in_spacing"
                        if count > 1
                        else "check_in_without_date"
                        if decision is None
                        else "check_in_after_decision"
                    ),
                    round=index + 1,
                    number=count,
                )
            )
            if count <= len(sent):
                draft.done_by = sent[count - 1]
                previous = _local_date(_naive_utc(sent[count - 1].at), tz)
            else:
                # Spacing counts from the day it will really be sent.
                previous = _local_date(self.calendar._open_from(opens, tz)[0], tz)

    def after_rejection(
        self, rejected: Rejected, latest: Interview, contact: Person | None
    ) -> None:
        policy = self.policy
        to = self.feedback_contact(latest, contact)
        tz = self.zone_of(to, latest)
        common: dict[str, Any] = {
            "recipient": to,
            "channel": latest.preferred_channel,
            "round": len(self.history.rounds),
        }
        self.by_deadline(
            ActionKind.REQUEST_FEEDBACK,
            _naive_utc(rejected.at),
            policy.feedback_request_within,
            tz,
            template="feedback_request",
            rationale=policy.rationale("feedback_request_within"),
            **common,
        )
        declined = next(
            (e for e in self.events if isinstance(e, FeedbackDeclined)), None
        )
        if declined is not None and _naive_utc(declined.at) >= _naive_utc(rejected.at):
            self.by_deadline(
                ActionKind.REPLY_TO_REJECTION,
                _naive_utc(declined.at),
                policy.rejection_reply_within,
                tz,
                template="rejection_reply",
                rationale=policy.rationale("rejection_reply_within"),
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
                ActionKind.THANK_FOR_FEEDBACK,
                _naive_utc(event.at),
                policy.feedback_thanks_within,
                self.zone_of(giver, latest),
                recipient=giver,
                channel=latest.preferred_channel,
                template="feedback_thanks",
                rationale=policy.rationale("feedback_thanks_within"),
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
            ActionKind.THANK_FOR_OFFER,
            at,
            policy.offer_thanks_within,
            tz,
            recipient=to,
            channel=latest.preferred_channel,
            template="offer_thanks",
            rationale=policy.rationale("offer_thanks_within"),
            round=len(self.history.rounds),
            number=number,
        )
        review = self.by_deadline(
            ActionKind.REVIEW_OFFER_TERMS,
            at,
            policy.offer_review_within,
            tz,
            rationale=policy.rationale("offer_review_within"),
            round=len(self.history.rounds),
            number=number,
        )
        if offer.respond_by is not None:
            review.due = review.closes = max(at, _naive_utc(offer.respond_by))

    # retiring

    def retire(self) -> None:
        """Mark each draft done by the first event after it opened that ends it."""
        timed = [(_naive_utc(event.at), event) for event in self.events]
        for draft in self.drafts:
            if draft.done_by is not None:
                continue
            for at, event in timed:
                early = at < draft.trigger
                if (not early or isinstance(event, _DECISIONS)) and _retires(
                    event, draft
                ):
                    draft.done_by = event
                    break

    def finish(self) -> Plan:
        self.retire()
        now = self.now
        # Sorted here, in UTC: Python compares datetimes of one zone by their
        # wall clocks, which puts the two halves of a fall-back hour in the
        # wrong order. The sort is stable, so a panel keeps its order.
        self.drafts.sort(
            key=lambda d: (
                d.due is None,
                d.opens if d.due is None else d.due,
                _RANK[d.kind],
                d.number,
            )
        )
        owed: list[Action] = []
        lapsed: list[Action] = []
        done: list[Done] = []
        for draft in self.drafts:
            action = self.action(draft)
            if draft.done_by is not None:
                done.append(Done(action=action, by=draft.done_by))
            elif draft.closes is not None and draft.closes < now:
                lapsed.append(action)
            else:
                owed.append(action)
        return Plan(
            actions=tuple(owed),
            now=_to_pendulum(now, _time.zone(self.history.latest.timezone)),
            status=status_of(self.history, self.policy.check_ins_at_most),
            done=tuple(done),
            lapsed=tuple(lapsed),
        )

    def instant(
        self, naive_utc: dt.datetime, tz: pendulum.Timezone
    ) -> pendulum.DateTime:
        """Return the pendulum value of an instant, made once per plan.

        Actions share many instants (an interview's end, a check-in's
        opening and send time), and building pendulum values is the costly
        part of a plan.
        """
        key = (naive_utc, id(tz))  # zones are cached objects; id() hashes fast
        made = self.made.get(key)
        if made is None:
            made = self.made[key] = _to_pendulum(naive_utc, tz)
        return made

    def action(self, draft: _Draft) -> Action:
        tz = draft.zone
        send = draft.opens
        if draft.kind in _MESSAGES:
            found, _ = self.calendar._open_from(draft.opens, tz)
            if draft.closes is None or found <= draft.closes:
                send = found
        instant = self.instant
        return Action(
            kind=draft.kind,
            recipient=draft.recipient,
            channel=draft.channel,
            opens_at=instant(draft.opens, tz),
            due_at=None if draft.due is None else instant(draft.due, tz),
            closes_at=None if draft.closes is None else instant(draft.closes, tz),
            send_at=instant(send, tz),
            template=draft.template,
            rationale=draft.rationale,
            round=draft.round,
            number=draft.number,
        )


def _reachable(person: Person, channel: Channel) -> bool:
    """Tell whether *person* can be written to on *channel* with what is known."""
    if channel is Channel.EMAIL:
        return person.email is not None
    if channel is Channel.MESSAGE:
        return person.email is not None or person.phone is not None
    return True  # a letter goes to the organisation's address


def _retires(event: Event, draft: _Draft) -> bool:
    """Tell whether *event*, recorded after *draft* opened, retires it."""
    kind = draft.kind
    if kind in _ENDS.get(type(event), ()):
        return True
    if kind in _THANKS:
        return isinstance(event, ThankYouSent) and (
            draft.recipient is None or event.to == draft.recipient
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
    current = _naive_utc(_time.as_instant(now, "now"))
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
