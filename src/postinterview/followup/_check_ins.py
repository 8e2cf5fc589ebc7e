"""Check-ins: ask how things stand once a decision is due, then move on.

The first check-in waits for the stated decision date (or a fair wait without
one) and for the closing date; each further one is spaced from the day the one
before was sent. After the policy's number of check-ins, moving on is due.
A reply that gives a new decision date starts them again from that date.
"""

from __future__ import annotations

import datetime as dt
import functools

import pendulum

from postinterview import _time
from postinterview.followup._kind import ActionKind
from postinterview.followup._planner import Planner, Skipped, joined
from postinterview.followup._policy import AFTER_REPLY, RATIONALES
from postinterview.interview import Channel, Interview
from postinterview.timeline import CheckInSent, Event, NextRoundScheduled, ReplyReceived
from postinterview.workdays import BusinessCalendar, reading

_naive_utc = _time.naive_utc
_local_ordinal = _time.local_ordinal

#: A check-in's opening, deadline and send time, in naive UTC, and the
#: holidays it was moved past: while its business days were counted, and
#: from its opening to its send time.
_Slot = tuple[dt.datetime, dt.datetime, dt.datetime, Skipped]


def check_ins(
    planner: Planner, index: int, interview: Interview, end: dt.datetime
) -> None:
    """Plan the check-ins after round *index* (from 0), then moving on.

    After a reply that gives a new decision date, they are planned from the
    latest such reply as they are from the interview, and only the check-ins
    sent after it count. Nothing before that reply retires them, unless it
    settles the application.
    """
    contact = planner.contact(interview)
    tz = planner.zone_of(contact, interview)
    calendar = planner.calendar_of(contact, tz)
    after = planner.history.after_round[index]
    moved = _moving_reply(after)
    if moved is None:
        start, decision, first = end, interview.decision_expected_by, 0
        rationale = RATIONALES[
            "check_in_without_date" if decision is None else "check_in_after_decision"
        ]
    else:
        position, reply = moved
        start, decision = _naive_utc(reply.at), reply.decision_expected_by
        first = _event_index(planner, index, position) + 1
        after = after[position + 1 :]
        rationale = AFTER_REPLY
    since, day, not_before = _first_day(
        planner, calendar, interview, start, tz, decision=decision
    )
    sent = [e for e in after if isinstance(e, CheckInSent)]
    slots = _slots(
        planner, calendar, tz, since=since, day=day, not_before=not_before, sent=sent
    )
    # On the phone, a check-in is a call: its draft is a call script.
    template = (
        "check_in_call" if interview.preferred_channel is Channel.PHONE else "check_in"
    )
    for count, (opens, due, send, skipped) in enumerate(slots[:-1], 1):
        planner.add(
            kind=ActionKind.CHECK_IN,
            trigger=start,
            opens=opens,
            due=due,
            tz=tz,
            calendar=calendar,
            recipient=contact,
            channel=interview.preferred_channel,
            template=template,
            rationale=rationale,
            round=index + 1,
            number=count,
            send=send,
            skipped=skipped,
            done_by=sent[count - 1] if count <= len(sent) else None,
            from_event=first,
        )
        rationale = RATIONALES["check_in_spacing"]
    opens, due, _, skipped = slots[-1]
    planner.add(
        kind=ActionKind.MOVE_ON,
        trigger=start,
        opens=opens,
        due=due,
        tz=tz,
        calendar=calendar,
        skipped=skipped,
        rationale=RATIONALES["check_ins_at_most"],
        round=index + 1,
        from_event=first,
    )


def _moving_reply(after: tuple[Event, ...]) -> tuple[int, ReplyReceived] | None:
    """Return the latest reply in *after* that gives a decision date, with its
    position there, if any.

    A reply recorded once another round was arranged is about that round,
    whose own check-ins wait for it to be held: it moves nothing.
    """
    found = None
    for position, event in enumerate(after):
        if type(event) is ReplyReceived:
            if event.decision_expected_by is not None:
                found = position, event
        elif type(event) is NextRoundScheduled:
            break
    return found


def _event_index(planner: Planner, index: int, position: int) -> int:
    """Return the index among the application's events of the one at
    *position* among those after round *index*.

    Each round's events follow those of the rounds before; only a withdrawal
    or a loss of interest may come before the first round ends, and those
    lead.
    """
    rounds = planner.history.after_round
    leading = len(planner.events) - sum(map(len, rounds))
    return leading + sum(map(len, rounds[:index])) + position


def _first_day(
    planner: Planner,
    calendar: BusinessCalendar,
    interview: Interview,
    start: dt.datetime,
    tz: pendulum.Timezone,
    *,
    decision: pendulum.DateTime | pendulum.Date | None,
) -> tuple[int, int, dt.datetime]:
    """Return the ordinal of the day the first check-in's business days are
    counted from, that of its day in *tz*, and the instant it may not open
    before: *start* (the end of the interview, or the reply that gave
    *decision*), or a decision instant."""
    policy = planner.policy
    add_days = calendar._add
    not_before = start
    if decision is None:
        since = _local_ordinal(start, tz)
        day = add_days(since, policy.check_in_without_date)
    else:
        if isinstance(decision, pendulum.DateTime):
            not_before = max(not_before, _naive_utc(decision))
            since = _local_ordinal(not_before, tz)
        else:
            since = decision.toordinal()
        # The policy makes this at least one business day, so the day is
        # after the decided day, and no earlier than the business day that
        # day rolls forward to.
        day = add_days(since, policy.check_in_after_decision)
    if interview.closing_date is not None:
        closed = interview.closing_date.toordinal()
        after_closing = add_days(closed, 1)
        if after_closing > day:
            since, day = closed, after_closing
    return since, day, not_before


def _slots(
    planner: Planner,
    calendar: BusinessCalendar,
    tz: pendulum.Timezone,
    *,
    since: int,
    day: int,
    not_before: dt.datetime,
    sent: list[CheckInSent],
) -> tuple[_Slot, ...]:
    """Return the check-ins' slots, then moving on's, from the first *day*,
    counted from the day *since*."""
    policy = planner.policy
    spacing, at_most = policy.check_in_spacing, policy.check_ins_at_most
    if not sent:
        slots = _usual_check_ins(calendar, tz.key, day, spacing, at_most)
        if slots[0][0] >= not_before:  # else the stated instant comes later
            # The day counted from is not the cache's to know: many days
            # lead to one, and the cache would hold each.
            first = calendar._skipped(since, day) if calendar._may_skip else ()
            if first:
                opens, due, send, skipped = slots[0]
                slots = ((opens, due, send, joined(first, skipped)), *slots[1:])
            return slots
    return _check_ins(
        calendar,
        tz,
        day,
        since=since,
        spacing=spacing,
        at_most=at_most,
        not_before=not_before,
        sent_on=tuple(_local_ordinal(_naive_utc(e.at), tz) for e in sent),
    )


def _check_ins(
    calendar: BusinessCalendar,
    tz: pendulum.Timezone,
    day: int,
    *,
    since: int | None = None,
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
    Each slot keeps the holidays it was moved past: those skipped counting
    from *since* for the first (when given) and from the day the one before
    was sent for the others, and those between its opening and its send
    time.
    """
    earliest = previous = day
    may_skip = calendar._may_skip
    opening, closing, key = calendar.opens, calendar.closes, tz.key
    slots: list[_Slot] = []
    for count in range(1, at_most + 2):
        if count > 1:
            since = previous
            day = max(calendar._add(previous, spacing), earliest)
        opens = reading(day, opening, key)
        if not_before is not None and opens < not_before:
            opens = not_before
        due = max(reading(day, closing, key), opens)
        skipped = (
            calendar._skipped(since, day) if may_skip and since is not None else ()
        )
        if count > at_most:
            slots.append((opens, due, opens, skipped))
            break
        send, local, sent = calendar._open_from(opens, tz)
        today = local.toordinal()
        if may_skip and sent != today:
            skipped = joined(skipped, calendar._skipped(today - 1, sent))
        slots.append((opens, due, send, skipped))
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
    on the day, the zone (by name, which hashes faster than the zone), the
    calendar and the policy. The first slot leaves out the holidays skipped
    before its day, which the caller adds.
    """
    return _check_ins(calendar, _time.zone(zone), day, spacing=spacing, at_most=at_most)
