"""The follow-up engine: :func:`plan` and the planner that works out one plan."""

from __future__ import annotations

import datetime as dt
import functools
import operator
from typing import Any, cast

import pendulum

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.followup._action import Action, Done
from postinterview.followup._kind import MESSAGES, RANK, ActionKind
from postinterview.followup._plan import Plan
from postinterview.followup._policy import RATIONALES, FollowUpPolicy
from postinterview.interview import Channel, Interview, Person, RunBy
from postinterview.timeline import (
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
    ThankYouSent,
    Withdrew,
    status_of,
)
from postinterview.workdays import BusinessCalendar, reading

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
                rationale=RATIONALES["withdraw_within"],
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
            rationale=RATIONALES["notes_due"],
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
                rationale=RATIONALES["thank_you_due"],
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
                rationale=RATIONALES["references_within"],
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
        rationale = RATIONALES[
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
            rationale = RATIONALES["check_in_spacing"]
        opens, due, _ = slots[-1]
        self.add(
            kind=ActionKind.MOVE_ON,
            trigger=end,
            opens=opens,
            due=due,
            tz=tz,
            rationale=RATIONALES["check_ins_at_most"],
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
            rationale=RATIONALES["feedback_request_within"],
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
                rationale=RATIONALES["rejection_reply_within"],
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
                rationale=RATIONALES["feedback_thanks_within"],
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
            rationale=RATIONALES["offer_thanks_within"],
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
            rationale=RATIONALES["offer_review_within"],
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
