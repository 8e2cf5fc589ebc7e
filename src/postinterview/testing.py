"""Checks that tests can call: the follow-up rules as assertions.

:func:`check_plan` checks a :class:`~postinterview.followup.Plan` made by this
library against every invariant the engine promises. The other two check
plain instants, so a host tool can test its own scheduler's output against
the same rules without using the engine at all::

    from postinterview.testing import check_thank_you_time

    def test_my_reminder(interview):
        check_thank_you_time(interview.ends_at, my_scheduler.thank_you_time(interview))

Each raises :class:`AssertionError` listing every rule that was broken, in
words, and returns ``None`` otherwise. An argument of the wrong kind (not an
instant, not a policy, an unknown zone) raises
:class:`~postinterview.errors.ValidationError` naming it instead: that is a
mistake in the test, not a broken rule.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence

import pendulum

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.followup import Action, ActionKind, FollowUpPolicy, Plan
from postinterview.interview import Interview, Person, RunBy
from postinterview.timeline import (
    Application,
    CheckInSent,
    Event,
    LostInterest,
    NextRoundScheduled,
    OfferAccepted,
    OfferDeclined,
    OfferReceived,
    Rejected,
    ReplyReceived,
    Withdrew,
)
from postinterview.workdays import BusinessCalendar

__all__ = ["check_check_ins", "check_plan", "check_thank_you_time"]

_DEFAULT = FollowUpPolicy()
# Instants are compared in UTC: Python compares two datetimes of one zone by
# their wall clocks, which gets the two halves of a fall-back hour wrong.
_utc = _time.naive_utc
# Events that settle the application: nobody should be chased after them.
_SETTLED = (
    Rejected,
    OfferReceived,
    LostInterest,
    Withdrew,
    OfferAccepted,
    OfferDeclined,
)
# Events after which nobody should be chased any more. A later reply that
# gives a new decision date starts the waiting again, after any of them but
# those that settle the application.
_STOPS = (ReplyReceived, NextRoundScheduled, *_SETTLED)
_REPLY_EXPECTED = "a ReplyReceived with a decision_expected_by, or None"


def _require(name: str, value: object, kind: type, expected: str) -> None:
    """Refuse an argument that is not a *kind*, naming it."""
    if not isinstance(value, kind):
        raise ValidationError(name, value, expected)


def _fail(problems: Sequence[str]) -> None:
    if problems:
        raise AssertionError(
            f"{len(problems)} follow-up rule(s) broken:\n"
            + "\n".join(f"- {problem}" for problem in problems)
        )


def _name(action: Action) -> str:
    who = f" to {action.recipient.name}" if action.recipient else ""
    number = f" #{action.number}" if action.kind is ActionKind.CHECK_IN else ""
    return f"{action.kind.name}{number}{who} (round {action.round})"


def check_thank_you_time(
    interview_end: dt.datetime,
    sent_at: dt.datetime,
    policy: FollowUpPolicy = _DEFAULT,
) -> None:
    """Check that a thank-you sent at *sent_at* keeps to the policy's window.

    The window is elapsed time after *interview_end*: from
    ``thank_you_earliest`` (1 hour by default) to ``thank_you_latest``
    (48 hours), whatever the time zones and DST changes in between.

    >>> import pendulum
    >>> end = pendulum.datetime(2026, 3, 28, 15, 0, tz="Europe/London")
    >>> check_thank_you_time(end, end.add(hours=47))
    >>> check_thank_you_time(end, end.add(minutes=5))
    Traceback (most recent call last):
    ...
    AssertionError: 1 follow-up rule(s) broken:
    - a thank-you sent 0:05:00 after the end is too early: wait at least 1:00:00
    """
    _require("policy", policy, FollowUpPolicy, "a FollowUpPolicy")
    end = _time.as_instant(interview_end, "interview_end")
    # A time a plan suggests may lie past the end of the library's range.
    sent = _time.as_derived_instant(sent_at, "sent_at")
    elapsed = sent - end
    when = _when(elapsed)
    problems = []
    if elapsed < policy.thank_you_earliest:
        problems.append(
            f"a thank-you sent {when} is too early: wait at least "
            f"{_clock(policy.thank_you_earliest)}"
        )
    if elapsed > policy.thank_you_latest:
        problems.append(
            f"a thank-you sent {when} is too late: send it within "
            f"{_clock(policy.thank_you_latest)}"
        )
    _fail(problems)


def _clock(span: dt.timedelta) -> str:
    """Return a span as hours, minutes and seconds: ``49:05:00``."""
    seconds = round(abs(span.total_seconds()))
    return f"{seconds // 3600}:{seconds // 60 % 60:02}:{seconds % 60:02}"


def _when(elapsed: dt.timedelta) -> str:
    side = "before" if elapsed < dt.timedelta(0) else "after"
    return f"{_clock(elapsed)} {side} the end"


def _stated_dates(
    interview: Interview, zone: str, reply: ReplyReceived | None
) -> list[tuple[str, dt.date]]:
    """Return the dates before which (inclusive) nobody should be chased."""
    dates: list[tuple[str, dt.date]] = []
    if reply is None:
        decision, label = interview.decision_expected_by, "decision date"
    else:
        decision, label = reply.decision_expected_by, "decision date their reply gave"
    if isinstance(decision, pendulum.DateTime):
        dates.append((label, decision.in_timezone(zone).date()))
    elif decision is not None:
        dates.append((label, decision))
    if interview.closing_date is not None:
        dates.append(("closing date", interview.closing_date))
    return dates


def check_check_ins(
    interview: Interview,
    times: Iterable[dt.datetime],
    policy: FollowUpPolicy = _DEFAULT,
    *,
    zone: str | None = None,
    reply: ReplyReceived | None = None,
) -> None:
    """Check the check-ins sent about *interview* at *times* against the policy.

    Dates are read in *zone* (default: the interview's zone), and business
    days with the calendar of the interview's contact (the agency's, else
    the first interviewer's) in that zone, as
    :meth:`FollowUpPolicy.calendar_for <postinterview.FollowUpPolicy.calendar_for>`
    gives it: their own weekend and public holidays, unless the policy has
    one calendar for everyone. The rules: no more than
    ``check_ins_at_most``; none on or before the stated decision date or the
    closing date; without a stated date, none sooner than
    ``check_in_without_date`` business days after the interview; each at least
    ``check_in_spacing`` business days after the one before.

    *reply* is the latest :class:`~postinterview.ReplyReceived` that gave a
    new decision date, if any. Its ``decision_expected_by`` then stands for
    the interview's, *times* are the check-ins sent after it, and none may
    come before it.

    >>> import pendulum
    >>> from postinterview import Interview
    >>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    >>> iv = Interview(organisation="Acme Ltd", role="Data Engineer",
    ...                starts_at=end.subtract(hours=1), ends_at=end,
    ...                decision_expected_by=pendulum.date(2026, 11, 27))
    >>> check_check_ins(iv, [pendulum.datetime(2026, 12, 1, 10, tz="Europe/London")])
    """
    _require("interview", interview, Interview, "an Interview")
    _require("policy", policy, FollowUpPolicy, "a FollowUpPolicy")
    answer: object = reply
    if answer is not None and (
        not isinstance(answer, ReplyReceived) or answer.decision_expected_by is None
    ):
        raise ValidationError("reply", reply, _REPLY_EXPECTED)
    given: object = times
    if isinstance(given, str) or not isinstance(given, Iterable):
        raise ValidationError("times", times, "a sequence of aware datetimes")
    where = interview.timezone if zone is None else zone
    _time.zone(where, "zone")
    calendar: BusinessCalendar = policy.calendar_for(_contact(interview), where)
    sent = sorted(
        (
            # Plans suggest them, so they may lie past the end of the range.
            _time.as_derived_instant(t, f"times[{i}]").in_timezone(where)
            for i, t in enumerate(times)
        ),
        key=_utc,
    )
    problems = []
    if len(sent) > policy.check_ins_at_most:
        problems.append(
            f"{len(sent)} check-ins were sent; the policy allows at most "
            f"{policy.check_ins_at_most}"
        )
    if sent:
        first = sent[0].date()
        stated = _stated_dates(interview, where, reply)
        for label, date in stated:
            if first <= date:
                problems.append(
                    f"the first check-in ({first}) is not after the {label} ({date})"
                )
        if reply is not None and _utc(sent[0]) < _utc(reply.at):
            problems.append(
                f"the first check-in ({sent[0]}) comes before the reply that "
                f"gave the new decision date ({reply.at})"
            )
        if reply is None and interview.decision_expected_by is None:
            end = interview.ends_at.in_timezone(where).date()
            earliest = calendar.add_business_days(end, policy.check_in_without_date)
            if first < earliest:
                problems.append(
                    f"with no decision date, the first check-in ({first}) comes "
                    f"before {earliest}, {policy.check_in_without_date} business "
                    "days after the interview"
                )
    for before, after in itertools.pairwise(sent):
        gap = calendar.business_days_between(before.date(), after.date())
        if gap < policy.check_in_spacing:
            problems.append(
                f"check-ins on {before.date()} and {after.date()} are {gap} business "
                f"day(s) apart; the policy wants at least {policy.check_in_spacing}"
            )
    _fail(problems)


def _contact(interview: Interview) -> Person | None:
    """Who check-ins go to: the agency, else the first interviewer."""
    if interview.run_by is RunBy.AGENCY:
        return interview.agency_contact
    return interview.interviewers[0] if interview.interviewers else None


def check_plan(
    plan: Plan, application: Application, policy: FollowUpPolicy = _DEFAULT
) -> None:
    """Check *plan*, made for *application* under *policy*, against every invariant.

    The invariants: each action's instants are in order (*opens_at* <=
    *send_at* <= *closes_at*, *opens_at* <= *due_at*); a message is sent
    inside the recipient's business hours whenever its window allows it,
    by the recipient's calendar (so never on their weekend or a public
    holiday where they are), and says which calendar that is;
    thank-you windows are exactly the policy's hours after the round ends;
    check-ins keep to :func:`check_check_ins`, owed or done, and none is owed
    after a reply or a decision, unless a later reply gave a new decision
    date (they then keep to :func:`check_check_ins` with that reply); the plan
    is in order; no action is both owed and done.
    """
    _require("plan", plan, Plan, "a Plan")
    _require("application", application, Application, "an Application")
    _require("policy", policy, FollowUpPolicy, "a FollowUpPolicy")
    problems: list[str] = []
    for action in (*plan.actions, *(d.action for d in plan.done), *plan.lapsed):
        problems.extend(_check_instants(action))
        zone = _time.zone_name(action.send_at)
        if not action.kind.is_message:
            continue
        calendar = policy.calendar_for(action.recipient, zone)
        if action.calendar != calendar.description:
            problems.append(
                f"{_name(action)} says it was counted with {action.calendar!r}, "
                f"but the recipient's calendar is {calendar.description!r}"
            )
        if not calendar.is_open(action.send_at, zone) and (
            action.closes_at is None
            or _utc(calendar.next_open(action.opens_at, zone)) <= _utc(action.closes_at)
        ):
            problems.append(
                f"{_name(action)} is sent at {action.send_at}, outside business "
                f"hours in {zone} ({calendar.description}), though its window "
                "has business hours"
            )
    rounds = application.rounds
    for action in (*plan.actions, *plan.lapsed):
        if action.round > len(rounds):
            problems.append(
                f"{_name(action)} belongs to round {action.round}, but the "
                f"application has {len(rounds)}: was the plan made for it?"
            )
            continue
        end = rounds[action.round - 1].ends_at
        if action.kind is ActionKind.THANK:
            problems.extend(_check_thank_window(action, end, policy))
        if (
            action.kind is ActionKind.REFLECT
            and action.due_at != end + policy.notes_due
        ):
            problems.append(
                f"{_name(action)} is not due {policy.notes_due} after the end"
            )
    problems.extend(_check_plan_check_ins(plan, application, policy))
    owed = [_sort(a) for a in plan.actions]
    if owed != sorted(owed):
        problems.append("the actions are not ordered by due time and then kind")
    keys = [a.key for a in plan.actions]
    done = {d.action.key for d in plan.done}
    if len(set(keys)) != len(keys):
        problems.append("an action is listed twice")
    for action in plan.actions:
        if action.key in done:
            problems.append(f"{_name(action)} is both owed and done")
    _fail(problems)


def _sort(action: Action) -> tuple[bool, dt.datetime, int, int]:
    kinds = list(ActionKind)
    due = action.due_at if action.due_at is not None else action.opens_at
    return (action.due_at is None, _utc(due), kinds.index(action.kind), action.number)


def _check_instants(action: Action) -> list[str]:
    problems = []
    opens, send = _utc(action.opens_at), _utc(action.send_at)
    due = None if action.due_at is None else _utc(action.due_at)
    closes = None if action.closes_at is None else _utc(action.closes_at)
    if send < opens:
        problems.append(f"{_name(action)} is sent before it opens")
    if closes is not None and send > closes:
        problems.append(f"{_name(action)} is sent after it closes")
    if due is not None and due < opens:
        problems.append(f"{_name(action)} is due before it opens")
    if closes is not None and closes < opens:
        problems.append(f"{_name(action)} closes before it opens")
    return problems


def _check_thank_window(
    action: Action, end: pendulum.DateTime, policy: FollowUpPolicy
) -> list[str]:
    problems = []
    for label, instant, expected in (
        ("opens", action.opens_at, policy.thank_you_earliest),
        ("is due", action.due_at, policy.thank_you_due),
        ("closes", action.closes_at, policy.thank_you_latest),
    ):
        if instant is None or instant - end != expected:
            problems.append(
                f"{_name(action)} {label} at {instant}, not {expected} after the "
                f"interview ended ({end})"
            )
    return problems


def _check_plan_check_ins(
    plan: Plan, application: Application, policy: FollowUpPolicy
) -> list[str]:
    """Check the check-ins a plan still owes; those already sent are facts."""
    problems = []
    history = application.history
    for index, interview in enumerate(history.rounds):
        number = index + 1
        planned = sorted(
            (
                a
                for a in (*plan.actions, *plan.lapsed)
                if a.kind is ActionKind.CHECK_IN and a.round == number
            ),
            key=lambda a: a.number,
        )
        if not planned:
            continue
        after = history.after_round[index]
        moved = _moving_reply(after)
        reply = None
        if moved is None:
            stops = [e for e in after if isinstance(e, _STOPS)]
        else:
            # Waiting starts again from the reply, unless settled before it.
            position, reply = moved
            stops = [e for e in after[:position] if isinstance(e, _SETTLED)]
            after = after[position + 1 :]
            stops.extend(e for e in after if isinstance(e, _STOPS))
        if stops:
            problems.append(
                f"round {number} still owes a check-in after "
                f"{type(stops[0]).__name__} at {stops[0].at}"
            )
        if planned[-1].number > policy.check_ins_at_most:
            problems.append(
                f"round {number} plans check-in #{planned[-1].number}; at most "
                f"{policy.check_ins_at_most} are allowed"
            )
        zone = _time.zone_name(planned[0].send_at)
        calendar = policy.calendar_for(_contact(interview), zone)
        sent = [e.at.in_timezone(zone) for e in after if isinstance(e, CheckInSent)]
        if not sent:
            try:
                check_check_ins(
                    interview, [planned[0].send_at], policy, zone=zone, reply=reply
                )
            except AssertionError as error:
                problems.extend(
                    f"round {number}: {line[2:]}"
                    for line in str(error).splitlines()
                    if line.startswith("- ")
                )
        # Only a planned check-in can be too close to the one before it.
        times = [*sent[-1:], *(a.send_at for a in planned)]
        for before, later in itertools.pairwise(times):
            gap = calendar.business_days_between(before.date(), later.date())
            if gap < policy.check_in_spacing:
                problems.append(
                    f"round {number}: a check-in planned for {later.date()} is {gap} "
                    f"business day(s) after the one before ({before.date()})"
                )
    return problems


def _moving_reply(after: Sequence[Event]) -> tuple[int, ReplyReceived] | None:
    """The latest reply in *after* that gives a new decision date, with its
    position, unless another round was arranged before it (it is then about
    that round)."""
    found = None
    for position, event in enumerate(after):
        if isinstance(event, NextRoundScheduled):
            break
        if isinstance(event, ReplyReceived) and event.decision_expected_by is not None:
            found = position, event
    return found
