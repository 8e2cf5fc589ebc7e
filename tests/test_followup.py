"""Example tests for the follow-up engine, one story each.

The property tests in test_followup_properties.py check the invariants over
generated histories; these show what the engine does in the cases a reader
should see.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import attrs
import pendulum
import pytest

from postinterview import (
    Action,
    ActionKind,
    Application,
    BusinessCalendar,
    Channel,
    CheckInSent,
    FeedbackDeclined,
    FeedbackReceived,
    FeedbackRequested,
    FollowUpPolicy,
    Format,
    Interview,
    LostInterest,
    NaiveDatetimeError,
    NextRoundScheduled,
    NotesWritten,
    OfferAccepted,
    OfferReceived,
    Person,
    Plan,
    Rejected,
    ReplyReceived,
    RunBy,
    Status,
    ThankYouSent,
    ValidationError,
    Withdrew,
    plan,
)
from postinterview.testing import check_plan

LONDON = "Europe/London"
NEW_YORK = "America/New_York"
PRIYA = Person(name="Priya Shah", email="priya@acme.example", timezone=LONDON)
SAM = Person(name="Sam Ortiz", email="sam@acme.example", timezone=NEW_YORK)
KIM = Person(name="Kim Lee")  # no email yet


def make(end: pendulum.DateTime, **changes: object) -> Application:
    fields: dict[str, object] = {
        "organisation": "Acme Ltd",
        "role": "Data Engineer",
        "starts_at": end.subtract(hours=1),
        "ends_at": end,
        "interviewers": (PRIYA,),
    }
    fields.update(changes)
    return Application.from_interview(Interview(**fields))  # type: ignore[arg-type]


def checked(app: Application, now: pendulum.DateTime, **kwargs: object) -> Plan:
    result = plan(app, now=now, **kwargs)  # type: ignore[arg-type]
    check_plan(result, app, kwargs.get("policy", FollowUpPolicy()))  # type: ignore[arg-type]
    return result


def only(result: Plan, kind: ActionKind, to: Person | None = None) -> object:
    found = [a for a in result if a.kind is kind and (to is None or a.recipient == to)]
    assert len(found) == 1, found
    return found[0]


def test_friday_afternoon_in_london_with_an_interviewer_in_new_york() -> None:
    end = pendulum.datetime(2026, 11, 20, 16, 30, tz=LONDON)  # a Friday
    app = make(end, interviewers=(PRIYA, SAM))
    result = checked(app, end.add(minutes=5))
    priya = only(result, ActionKind.THANK, PRIYA)
    sam = only(result, ActionKind.THANK, SAM)
    # The windows are the same elapsed hours for both...
    for thank in (priya, sam):
        assert thank.opens_at == end.add(hours=1)  # type: ignore[attr-defined]
        assert thank.due_at == end.add(hours=24)  # type: ignore[attr-defined]
        assert thank.closes_at == end.add(hours=48)  # type: ignore[attr-defined]
    # ...but London has closed for the weekend when the window opens, and
    # stays closed until it shuts, so Priya's note goes as soon as it may,
    assert priya.send_at == end.add(hours=1)  # type: ignore[attr-defined]
    assert priya.send_at.timezone_name == LONDON  # type: ignore[attr-defined]
    # while it is 12:30 on Friday in New York, inside Sam's working day.
    assert sam.send_at == pendulum.datetime(2026, 11, 20, 12, 30, tz=NEW_YORK)  # type: ignore[attr-defined]
    assert sam.send_at.timezone_name == NEW_YORK  # type: ignore[attr-defined]
    # No decision date was given: the first check-in waits 7 business days.
    first, second = result.of_kind(ActionKind.CHECK_IN)
    assert first.recipient == PRIYA
    assert first.send_at == pendulum.datetime(2026, 12, 1, 9, tz=LONDON)
    assert second.send_at == pendulum.datetime(2026, 12, 8, 9, tz=LONDON)
    move_on = only(result, ActionKind.MOVE_ON)
    assert move_on.opens_at == pendulum.datetime(2026, 12, 15, 9, tz=LONDON)  # type: ignore[attr-defined]
    assert result.next().kind is ActionKind.REFLECT  # type: ignore[union-attr]
    assert result.status is Status.AWAITING_NOTES


def test_the_plan_lists_every_rule_in_due_order() -> None:
    end = pendulum.datetime(2026, 11, 20, 15, 30, tz=LONDON)
    app = make(end, references_may_be_contacted=True)
    result = checked(app, end)
    assert [a.kind for a in result] == [
        ActionKind.REFLECT,
        ActionKind.THANK,
        ActionKind.NOTIFY_REFERENCES,
        ActionKind.CHECK_IN,
        ActionKind.CHECK_IN,
        ActionKind.MOVE_ON,
        ActionKind.KEEP_SEARCHING,
    ]
    reflect = result[0]
    assert reflect.due_at == end.add(minutes=15)
    assert reflect.closes_at == end.add(hours=24)
    assert reflect.template is None
    assert result[1].template == "thank_you"
    assert result[1].rationale == FollowUpPolicy().rationale("thank_you_due")
    # References hear by the close of the next business day (Monday).
    assert result[2].due_at == pendulum.datetime(2026, 11, 23, 17, tz=LONDON)
    assert result[-1].due_at is None


def test_a_panel_of_three_gets_three_personal_notes() -> None:
    end = pendulum.datetime(2026, 11, 18, 11, 0, tz=LONDON)  # a Wednesday
    app = make(end, interviewers=(PRIYA, SAM, KIM))
    result = checked(app, end)
    thanks = result.of_kind(ActionKind.THANK)
    # Equal deadlines keep the panel's order.
    assert [a.recipient for a in thanks] == [PRIYA, SAM, KIM]
    # Kim left no email address: find it before the thank-you window opens.
    contact = only(result, ActionKind.GET_CONTACT_DETAILS, KIM)
    assert contact.due_at == end.add(hours=1)  # type: ignore[attr-defined]
    # Thanking one panel member leaves the others owed.
    app = app.record(NotesWritten(at=end.add(minutes=20)))
    app = app.record(ThankYouSent(at=end.add(hours=3), to=SAM))
    result = checked(app, end.add(hours=4))
    assert {a.recipient for a in result.of_kind(ActionKind.THANK)} == {PRIYA, KIM}
    done = {(d.action.kind, d.action.recipient): d.by for d in result.done}
    assert done[ActionKind.THANK, SAM] == app.events[-1]
    assert isinstance(done[ActionKind.REFLECT, None], NotesWritten)
    assert result.status is Status.AWAITING_THANKS


def test_an_agency_run_telephone_screen_goes_through_the_agency() -> None:
    agent = Person(name="Rae Kim", email="rae@talent.example", timezone=LONDON)
    screener = Person(name="Lou Park", email="lou@acme.example")
    end = pendulum.datetime(2026, 11, 17, 10, 30, tz=LONDON)
    app = make(
        end,
        interviewers=(screener,),
        format=Format.TELEPHONE,
        run_by=RunBy.AGENCY,
        agency_contact=agent,
        preferred_channel=Channel.PHONE,
    )
    result = checked(app, end)
    thank = only(result, ActionKind.THANK, screener)
    assert thank.channel is Channel.EMAIL  # type: ignore[attr-defined]
    for check_in in result.of_kind(ActionKind.CHECK_IN):
        assert check_in.recipient == agent
        assert check_in.channel is Channel.PHONE
        # On the phone, the check-in's draft is a call script.
        assert check_in.template == "check_in_call"  # type: ignore[attr-defined]
    app = app.record(Rejected(at=end.add(days=2), by=screener))
    result = checked(app, end.add(days=2))
    request = only(result, ActionKind.REQUEST_FEEDBACK)
    assert request.recipient == agent  # type: ignore[attr-defined]
    assert not result.of_kind(ActionKind.CHECK_IN)
    assert not result.of_kind(ActionKind.THANK)


def test_a_rejection_with_feedback() -> None:
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)  # a Monday
    rejected_at = pendulum.datetime(2026, 11, 19, 16, 0, tz=LONDON)  # Thursday
    app = make(end).record(NotesWritten(at=end.add(minutes=10)))
    app = app.record(ThankYouSent(at=end.add(hours=2), to=PRIYA))
    app = app.record(Rejected(at=rejected_at, by=PRIYA))
    result = checked(app, rejected_at)
    assert result.status is Status.REJECTED
    request = only(result, ActionKind.REQUEST_FEEDBACK, PRIYA)
    # Two business days from Thursday: close of business on Monday.
    assert request.due_at == pendulum.datetime(2026, 11, 23, 17, tz=LONDON)  # type: ignore[attr-defined]
    assert request.send_at == rejected_at  # type: ignore[attr-defined]
    assert request.template == "feedback_request"  # type: ignore[attr-defined]
    app = app.record(FeedbackRequested(at=rejected_at.add(hours=20), to=PRIYA))
    app = app.record(FeedbackReceived(at=rejected_at.add(days=5), by=PRIYA))
    result = checked(app, rejected_at.add(days=5))
    thanks = only(result, ActionKind.THANK_FOR_FEEDBACK, PRIYA)
    assert thanks.due_at == pendulum.datetime(2026, 11, 25, 17, tz=LONDON)  # type: ignore[attr-defined]
    app = app.record(ThankYouSent(at=rejected_at.add(days=5, hours=1), to=PRIYA))
    result = checked(app, rejected_at.add(days=5, hours=1))
    assert [a.kind for a in result] == [ActionKind.KEEP_SEARCHING]


def test_declined_feedback_gets_a_gracious_reply() -> None:
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)
    app = make(end).record(Rejected(at=end.add(days=1)))
    app = app.record(FeedbackRequested(at=end.add(days=1, hours=2), to=PRIYA))
    app = app.record(FeedbackDeclined(at=end.add(days=2)))
    result = checked(app, end.add(days=2))
    reply = only(result, ActionKind.REPLY_TO_REJECTION, PRIYA)
    assert reply.template == "rejection_reply"  # type: ignore[attr-defined]


def test_thank_you_windows_are_elapsed_hours_across_spring_forward() -> None:
    # Clocks in London go forward at 01:00 on Sunday 29 March 2026.
    end = pendulum.datetime(2026, 3, 28, 15, 0, tz=LONDON)
    result = checked(make(end), end)
    thank = only(result, ActionKind.THANK, PRIYA)
    # 24 elapsed hours later the clock reads 16:00, not 15:00.
    assert thank.due_at == pendulum.datetime(2026, 3, 29, 16, 0, tz=LONDON)  # type: ignore[attr-defined]
    assert thank.due_at - end == dt.timedelta(hours=24)  # type: ignore[attr-defined]
    assert thank.closes_at == pendulum.datetime(2026, 3, 30, 16, 0, tz=LONDON)  # type: ignore[attr-defined]
    # The weekend has no business hours: Monday morning, still inside the window.
    assert thank.send_at == pendulum.datetime(2026, 3, 30, 9, 0, tz=LONDON)  # type: ignore[attr-defined]


def test_thank_you_windows_are_elapsed_hours_across_fall_back() -> None:
    # New York's clocks go back at 02:00 on Sunday 1 November 2026.
    sam_home = Person(name="Sam Ortiz", email="sam@acme.example", timezone=NEW_YORK)
    end = pendulum.datetime(2026, 10, 31, 14, 0, tz=NEW_YORK)
    result = checked(make(end, interviewers=(sam_home,)), end)
    thank = only(result, ActionKind.THANK, sam_home)
    assert thank.due_at == pendulum.datetime(2026, 11, 1, 13, 0, tz=NEW_YORK)  # type: ignore[attr-defined]
    assert thank.closes_at - end == dt.timedelta(hours=48)  # type: ignore[attr-defined]
    assert thank.send_at == pendulum.datetime(2026, 11, 2, 9, 0, tz=NEW_YORK)  # type: ignore[attr-defined]


def test_check_ins_wait_for_the_decision_and_closing_dates() -> None:
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)
    stated = make(end, decision_expected_by=pendulum.date(2026, 11, 27))
    first = checked(stated, end).of_kind(ActionKind.CHECK_IN)[0]
    # Two business days after Friday the 27th.
    assert first.send_at == pendulum.datetime(2026, 12, 1, 9, tz=LONDON)
    assert first.rationale == FollowUpPolicy().rationale("check_in_after_decision")
    assert first.template == "check_in"  # by email, a letter
    closing = make(
        end,
        decision_expected_by=pendulum.date(2026, 11, 27),
        closing_date=pendulum.date(2026, 12, 4),
    )
    first = checked(closing, end).of_kind(ActionKind.CHECK_IN)[0]
    assert first.send_at == pendulum.datetime(2026, 12, 7, 9, tz=LONDON)


def test_check_ins_stop_at_a_reply_and_never_exceed_the_policy() -> None:
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)
    app = make(end)
    policy = FollowUpPolicy(check_ins_at_most=1)
    result = checked(app, end, policy=policy)
    assert len(result.of_kind(ActionKind.CHECK_IN)) == 1
    replied = app.record(ReplyReceived(at=end.add(days=3)))
    result = checked(replied, end.add(days=3))
    assert not result.of_kind(ActionKind.CHECK_IN)
    assert not result.of_kind(ActionKind.MOVE_ON)
    assert {d.action.kind for d in result.done} >= {ActionKind.CHECK_IN}


# -- a holding reply: "we have not decided yet; we expect to decide by ..." ----


def waiting(decision: pendulum.Date, *events: object) -> Application:
    """A London interview on Monday 16 November, notes and thanks done."""
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)
    app = make(end, decision_expected_by=decision)
    app = app.record(NotesWritten(at=end.add(minutes=10)))
    app = app.record(ThankYouSent(at=end.add(hours=2), to=PRIYA))
    for event in events:
        app = app.record(event)  # type: ignore[arg-type]
    return app


def test_a_holding_reply_moves_the_check_ins_to_its_date() -> None:
    # They said 27 November; on the 26th they wrote that they now expect to
    # decide by Friday 4 December.
    app = waiting(pendulum.date(2026, 11, 27))
    before = checked(app, pendulum.datetime(2026, 11, 26, 9, tz=LONDON))
    first = before.of_kind(ActionKind.CHECK_IN)[0]
    assert first.send_at == pendulum.datetime(2026, 12, 1, 9, tz=LONDON)
    reply = ReplyReceived(
        at=pendulum.datetime(2026, 11, 26, 11, tz=LONDON),
        note="Not decided yet; we expect to decide by 4 December",
        decision_expected_by=pendulum.date(2026, 12, 4),
    )
    replied = app.record(reply)
    result = checked(replied, reply.at.add(hours=1))
    assert result.status is Status.AWAITING_DECISION
    check_ins = result.of_kind(ActionKind.CHECK_IN)
    # Two business days after Friday 4 December, in Priya's calendar.
    assert [a.send_at for a in check_ins] == [
        pendulum.datetime(2026, 12, 8, 9, tz=LONDON),  # Tuesday
        pendulum.datetime(2026, 12, 15, 9, tz=LONDON),
    ]
    assert [a.number for a in check_ins] == [1, 2]
    assert check_ins[0].rationale == (
        "Their reply gave a new decision date; the check-in waits for it, with "
        "the same grace as a date stated at the interview."
    )
    assert check_ins[0].recipient == PRIYA
    move_on = only(result, ActionKind.MOVE_ON)
    assert move_on.opens_at == pendulum.datetime(2026, 12, 22, 9, tz=LONDON)  # type: ignore[attr-defined]
    # The check-in keeps its place in the plan: the same action, later.
    assert check_ins[0].key == first.key


def test_check_ins_sent_before_a_holding_reply_do_not_count() -> None:
    sent = [
        CheckInSent(at=pendulum.datetime(2026, 12, 1, 9, 30, tz=LONDON), to=PRIYA),
        CheckInSent(at=pendulum.datetime(2026, 12, 8, 9, 30, tz=LONDON), to=PRIYA),
    ]
    app = waiting(pendulum.date(2026, 11, 27), *sent)
    assert app.status is Status.NO_RESPONSE
    reply = ReplyReceived(
        at=pendulum.datetime(2026, 12, 9, 11, tz=LONDON),
        decision_expected_by=pendulum.date(2026, 12, 16),
    )
    replied = app.record(reply)
    assert replied.status is Status.AWAITING_DECISION
    result = checked(replied, reply.at.add(hours=1))
    check_ins = result.of_kind(ActionKind.CHECK_IN)
    assert [(a.number, a.send_at) for a in check_ins] == [
        (1, pendulum.datetime(2026, 12, 18, 9, tz=LONDON)),
        # Five business days later, past Christmas and the Boxing Day holiday.
        (2, pendulum.datetime(2026, 12, 29, 9, tz=LONDON)),
    ]
    assert "Christmas Day (Friday 25 December)" in check_ins[1].rationale
    # One sent after the reply counts; the next is spaced from it.
    again = replied.record(
        CheckInSent(at=pendulum.datetime(2026, 12, 18, 10, tz=LONDON), to=PRIYA)
    )
    result = checked(again, pendulum.datetime(2026, 12, 18, 11, tz=LONDON))
    done = [d for d in result.done if d.action.kind is ActionKind.CHECK_IN]
    assert [(d.action.number, d.by) for d in done] == [(1, again.events[-1])]
    assert [a.number for a in result.of_kind(ActionKind.CHECK_IN)] == [2]


def test_a_reply_without_a_date_still_ends_the_waiting() -> None:
    holding = ReplyReceived(
        at=pendulum.datetime(2026, 11, 26, 11, tz=LONDON),
        decision_expected_by=pendulum.date(2026, 12, 4),
    )
    final_word = ReplyReceived(
        at=pendulum.datetime(2026, 12, 3, 16, tz=LONDON),
        note="The role is on hold; we will be in touch if that changes",
    )
    app = waiting(pendulum.date(2026, 11, 27), holding, final_word)
    result = checked(app, final_word.at.add(hours=1))
    assert not result.of_kind(ActionKind.CHECK_IN)
    assert not result.of_kind(ActionKind.MOVE_ON)
    retired = {(d.action.kind, d.action.number): d.by for d in result.done}
    assert retired[ActionKind.CHECK_IN, 1] is final_word
    assert retired[ActionKind.MOVE_ON, 1] is final_word


def test_a_holding_reply_after_the_next_round_was_arranged_moves_nothing() -> None:
    # Once another round is arranged, the first round's waiting is over; a
    # date they give then is about the round to come.
    app = waiting(pendulum.date(2026, 11, 27))
    second = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=pendulum.datetime(2026, 12, 10, 10, tz=LONDON),
        ends_at=pendulum.datetime(2026, 12, 10, 11, tz=LONDON),
        interviewers=(PRIYA,),
        round=2,
    )
    arranged = app.record(
        NextRoundScheduled(
            at=pendulum.datetime(2026, 11, 25, 12, tz=LONDON), interview=second
        )
    )
    replied = arranged.record(
        ReplyReceived(
            at=pendulum.datetime(2026, 11, 26, 11, tz=LONDON),
            decision_expected_by=pendulum.date(2026, 12, 18),
        )
    )
    result = checked(replied, pendulum.datetime(2026, 11, 26, 12, tz=LONDON))
    assert not [a for a in result.of_kind(ActionKind.CHECK_IN) if a.round == 1]


def test_an_offer_to_weigh_and_accept() -> None:
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)
    hr = Person(name="Jo Hart", email="jo@acme.example", timezone=LONDON)
    respond_by = pendulum.datetime(2026, 11, 27, 17, tz=LONDON)
    offered_at = pendulum.datetime(2026, 11, 20, 10, tz=LONDON)
    app = make(end).record(OfferReceived(at=offered_at, by=hr, respond_by=respond_by))
    result = checked(app, offered_at)
    assert result.status is Status.OFFER
    thanks = only(result, ActionKind.THANK_FOR_OFFER, hr)
    assert thanks.due_at == pendulum.datetime(2026, 11, 23, 17, tz=LONDON)  # type: ignore[attr-defined]
    review = only(result, ActionKind.REVIEW_OFFER_TERMS)
    assert review.due_at == respond_by  # type: ignore[attr-defined]
    assert not result.of_kind(ActionKind.CHECK_IN)
    accepted = app.record(OfferAccepted(at=offered_at.add(days=2)))
    result = checked(accepted, offered_at.add(days=2))
    assert len(result) == 0
    assert result.next() is None
    assert result.status is Status.ACCEPTED


def test_losing_interest_means_withdrawing_promptly() -> None:
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)
    app = make(end).record(
        LostInterest(at=end.add(hours=5), reason="Too far to travel")
    )
    result = checked(app, end.add(hours=5))
    withdraw = only(result, ActionKind.WITHDRAW, PRIYA)
    assert withdraw.due_at == pendulum.datetime(2026, 11, 17, 17, tz=LONDON)  # type: ignore[attr-defined]
    assert withdraw.template == "withdrawal"  # type: ignore[attr-defined]
    assert not result.of_kind(ActionKind.THANK)
    withdrawn = app.record(Withdrew(at=end.add(hours=6)))
    result = checked(withdrawn, end.add(hours=6))
    # Withdrawing ends everything but the search itself.
    assert [a.kind for a in result] == [ActionKind.KEEP_SEARCHING]
    assert result.status is Status.WITHDRAWN


def test_next_round_to_prepare_for() -> None:
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)
    second = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=pendulum.datetime(2026, 11, 24, 10, tz=LONDON),
        ends_at=pendulum.datetime(2026, 11, 24, 12, tz=LONDON),
        interviewers=(SAM,),
        round=2,
    )
    app = make(end).record(NextRoundScheduled(at=end.add(days=1), interview=second))
    result = checked(app, end.add(days=1))
    prepare = only(result, ActionKind.PREPARE_NEXT_ROUND)
    assert prepare.due_at == second.starts_at  # type: ignore[attr-defined]
    assert prepare.round == 2  # type: ignore[attr-defined]
    # Round one's check-ins are over: the next round is the answer.
    assert not [a for a in result.of_kind(ActionKind.CHECK_IN) if a.round == 1]
    # Round two's thank-you to Sam is planned from round two's end.
    thank = only(result, ActionKind.THANK, SAM)
    assert thank.due_at == second.ends_at.add(hours=24)  # type: ignore[attr-defined]


def test_overdue_upcoming_and_lapsed() -> None:
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)
    app = make(end)
    result = checked(app, end.add(hours=30))
    assert [a.kind for a in result.overdue()] == [ActionKind.THANK]
    # The reflection window closed after 24 hours: it is lapsed, not owed.
    assert [a.kind for a in result.lapsed] == [ActionKind.REFLECT]
    assert [a.kind for a in result.upcoming(dt.timedelta(days=1))] == [
        ActionKind.KEEP_SEARCHING
    ]
    later = checked(app, end.add(hours=49))
    assert {a.kind for a in later.lapsed} == {ActionKind.REFLECT, ActionKind.THANK}


def test_plan_refuses_a_naive_now() -> None:
    app = make(pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON))
    with pytest.raises(NaiveDatetimeError, match="now"):
        plan(app, now=dt.datetime(2026, 11, 16, 15, 0))  # noqa: DTZ001


def test_a_holiday_calendar_moves_business_days() -> None:
    end = pendulum.datetime(2026, 12, 23, 14, 0, tz=LONDON)  # a Wednesday
    calendar = BusinessCalendar(
        holidays=frozenset({pendulum.date(2026, 12, 25), pendulum.date(2026, 12, 28)})
    )
    policy = FollowUpPolicy(calendar=calendar)
    result = checked(make(end, references_may_be_contacted=True), end, policy=policy)
    references = only(result, ActionKind.NOTIFY_REFERENCES)
    assert references.due_at == pendulum.datetime(2026, 12, 24, 17, tz=LONDON)  # type: ignore[attr-defined]
    first = result.of_kind(ActionKind.CHECK_IN)[0]
    # Seven business days, skipping the weekend and both holidays.
    assert first.send_at.date() == pendulum.date(2027, 1, 5)


def test_policy_values_keep_their_order_and_sign() -> None:
    with pytest.raises(ValidationError, match="thank_you_latest: expected at least"):
        FollowUpPolicy(thank_you_latest=dt.timedelta(hours=12))
    with pytest.raises(ValidationError, match="check_ins_at_most"):
        FollowUpPolicy(check_ins_at_most=-1)
    with pytest.raises(ValidationError, match="check_in_spacing"):
        FollowUpPolicy(check_in_spacing=0)
    with pytest.raises(ValidationError, match="references_within"):
        FollowUpPolicy(references_within=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="calendar"):
        FollowUpPolicy(calendar="weekdays")  # type: ignore[arg-type]


def test_every_policy_field_has_a_reason() -> None:
    policy = FollowUpPolicy()
    rules = policy.rules()
    assert [name for name, *_ in rules][:3] == [
        "notes_due",
        "notes_late",
        "thank_you_earliest",
    ]
    for name, value, unit, reason in rules:
        assert reason == policy.rationale(name)
        assert reason.endswith(".")
        assert unit
        assert value == getattr(policy, name)
    with pytest.raises(ValidationError, match="a policy field"):
        policy.rationale("thank_you_soon")


def test_an_interview_outside_the_range_is_refused_before_planning() -> None:
    end = pendulum.datetime(9999, 12, 28, 15, 30, tz=LONDON)
    with pytest.raises(ValidationError, match="2200-01-01T00:00Z") as error:
        make(end)
    assert error.value.field == "starts_at"


def test_the_slowest_policy_plans_past_the_end_of_the_range() -> None:
    # The policy's bounds keep every follow-up within a few years of the last
    # event, so a plan made at the end of the range of time works, its
    # actions falling after it.
    end = pendulum.datetime(2199, 12, 28, 15, 30, tz=LONDON)
    app = make(end, decision_expected_by=pendulum.date(2199, 12, 30))
    slowest = FollowUpPolicy(
        check_in_after_decision=260, check_in_spacing=260, check_ins_at_most=20
    )
    result = checked(app, end, policy=slowest)
    check_ins = result.of_kind(ActionKind.CHECK_IN)
    assert check_ins
    assert check_ins[-1].opens_at.year >= 2200
    with pytest.raises(ValidationError, match="check_in_after_decision"):
        FollowUpPolicy(check_in_after_decision=10**7)


def test_each_piece_of_feedback_is_thanked_once() -> None:
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)
    # Feedback can be asked for without a rejection, and may come twice.
    app = make(end).record(FeedbackRequested(at=end.add(hours=2), to=PRIYA))
    app = app.record(FeedbackReceived(at=end.add(days=1), by=PRIYA))
    app = app.record(FeedbackReceived(at=end.add(days=2), by=PRIYA))
    result = checked(app, end.add(days=2))
    thanks = result.of_kind(ActionKind.THANK_FOR_FEEDBACK)
    assert [(a.recipient, a.number) for a in thanks] == [(PRIYA, 1), (PRIYA, 2)]
    # One thank-you after both covers both.
    app = app.record(ThankYouSent(at=end.add(days=2, hours=1), to=PRIYA))
    assert not checked(app, end.add(days=3)).of_kind(ActionKind.THANK_FOR_FEEDBACK)


def test_declining_feedback_twice_needs_one_reply() -> None:
    end = pendulum.datetime(2026, 11, 16, 14, 0, tz=LONDON)
    app = make(end).record(Rejected(at=end.add(days=1)))
    app = app.record(FeedbackRequested(at=end.add(days=1, hours=1), to=PRIYA))
    app = app.record(FeedbackDeclined(at=end.add(days=2)))
    app = app.record(FeedbackDeclined(at=end.add(days=3)))
    result = checked(app, end.add(days=3))
    assert len(result.of_kind(ActionKind.REPLY_TO_REJECTION)) == 1


def test_follow_ups_at_the_start_of_the_range_are_shown_in_any_zone() -> None:
    # 04:30 UTC on the range's first day is still 1899 in New York: Kim's
    # follow-ups are shown there, on the day before the range's first.
    end = pendulum.datetime(1900, 1, 1, 4, 30, tz="UTC")
    kim = Person(name="Kim Lee", timezone=NEW_YORK)
    app = make(
        end, interviewers=(kim,), decision_expected_by=pendulum.date(1900, 1, 10)
    )
    result = checked(app, end)
    assert min(a.opens_at for a in result).year == 1900
    shown = [a.opens_at.in_timezone(NEW_YORK) for a in result if a.recipient == kim]
    assert shown
    assert shown[0].date() == pendulum.date(1899, 12, 31)


# -- actions as values -----------------------------------------------------------

INSTANTS = ("opens_at", "due_at", "closes_at", "send_at")


def thank_you(**changes: object) -> Action:
    """Priya's thank-you after a Friday interview, built by hand."""
    end = pendulum.datetime(2026, 11, 20, 16, 30, tz=LONDON)
    fields: dict[str, object] = {
        "kind": ActionKind.THANK,
        "recipient": PRIYA,
        "channel": Channel.EMAIL,
        "opens_at": end.add(hours=1),
        "due_at": end.add(hours=24),
        "closes_at": end.add(hours=48),
        "send_at": end.add(hours=1),
        "template": "thank_you",
        "rationale": FollowUpPolicy().rationale("thank_you_due"),
        "calendar": "GB public holidays, Saturday–Sunday weekend",
    }
    fields.update(changes)
    return Action(**fields)  # type: ignore[arg-type]


def test_an_action_built_by_hand_equals_the_planned_one() -> None:
    end = pendulum.datetime(2026, 11, 20, 16, 30, tz=LONDON)
    planned = only(plan(make(end), now=end), ActionKind.THANK)
    built = thank_you()
    assert built == planned
    assert hash(built) == hash(planned)
    assert built.round == built.number == 1
    assert built.key == (ActionKind.THANK, 1, PRIYA, 1)
    assert built.opens_at == end.add(hours=1)
    assert built.opens_at.timezone_name == LONDON
    assert built.due_at == end.add(hours=24)
    # Made without one, an action says no calendar, and differs.
    assert thank_you(calendar=None) != planned


def test_an_action_takes_stdlib_datetimes_and_shows_them_in_pendulum() -> None:
    london = zoneinfo.ZoneInfo(LONDON)
    opens = dt.datetime(2026, 11, 20, 17, 30, tzinfo=london)
    action = thank_you(
        opens_at=opens,
        due_at=opens + dt.timedelta(hours=23),
        closes_at=None,
        send_at=opens,
    )
    assert type(action.opens_at) is pendulum.DateTime
    assert action.opens_at.timezone_name == LONDON
    assert action.closes_at is None
    assert action == thank_you(closes_at=None)


@pytest.mark.parametrize("field", INSTANTS)
def test_an_action_refuses_a_naive_instant_and_names_it(field: str) -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        thank_you(**{field: dt.datetime(2026, 11, 20, 17, 30)})  # noqa: DTZ001
    assert caught.value.field == field


@pytest.mark.parametrize("field", ["opens_at", "send_at"])
def test_an_action_needs_its_opening_and_send_time(field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        thank_you(**{field: None})
    assert caught.value.field == field


@pytest.mark.parametrize("field", ["due_at", "closes_at", "send_at"])
def test_an_action_shows_all_its_instants_in_one_zone(field: str) -> None:
    instant = getattr(thank_you(), field).in_timezone(NEW_YORK)
    with pytest.raises(ValidationError, match="in the zone of opens_at") as caught:
        thank_you(**{field: instant})
    assert caught.value.field == field


def test_actions_compare_instants_by_zone_and_utc_not_by_wall_clock() -> None:
    action = thank_you()
    # The same instants shown in New York: the zone is part of the value.
    in_new_york = thank_you(
        **{name: getattr(action, name).in_timezone(NEW_YORK) for name in INSTANTS}
    )
    assert in_new_york != action
    # The clocks in New York go back from 02:00 to 01:00 on 1 November 2026:
    # 01:30 comes twice, an hour apart, and Python calls the two equal.
    first = pendulum.datetime(2026, 11, 1, 5, 30, tz="UTC").in_timezone(NEW_YORK)
    second = first.add(hours=1)
    assert (first.hour, first.minute) == (second.hour, second.minute) == (1, 30)
    assert first == second  # wall clocks, one tzinfo: Python ignores fold
    times = {"due_at": None, "closes_at": None}
    early = thank_you(opens_at=first, send_at=first, **times)
    late = thank_you(opens_at=second, send_at=second, **times)
    assert early != late
    assert len({early, late}) == 2
    assert late.opens_at.fold == 1
    assert late == thank_you(opens_at=second, send_at=second, **times)


def test_an_action_is_immutable_and_its_repr_shows_its_instants() -> None:
    action = thank_you()
    with pytest.raises(attrs.exceptions.FrozenError):
        action.kind = ActionKind.CHECK_IN  # type: ignore[misc]
    with pytest.raises(AttributeError):
        action.opens_at = action.send_at  # type: ignore[misc]
    text = repr(action)
    assert text.startswith("Action(kind=<ActionKind.THANK: ")
    assert f"opens_at={action.opens_at!r}" in text
    assert "closes_at=DateTime(2026, 11, 22, 16, 30, 0, tzinfo=Timezone(" in text


def test_an_action_makes_each_instant_once_when_it_is_read() -> None:
    end = pendulum.datetime(2026, 11, 20, 16, 30, tz=LONDON)
    thank = only(plan(make(end), now=end), ActionKind.THANK)
    for name in INSTANTS:
        assert getattr(thank, name) is getattr(thank, name)
    # Equal instants share one value: London is closed on a Friday evening and
    # all weekend, so the note is suggested for the moment the window opens.
    assert thank.send_at is thank.opens_at  # type: ignore[attr-defined]
