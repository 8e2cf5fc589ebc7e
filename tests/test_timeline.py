"""Example tests for the application timeline: legal orders, illegal ones, status."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

from postinterview import (
    Application,
    CheckInSent,
    FeedbackDeclined,
    FeedbackReceived,
    FeedbackRequested,
    Interview,
    LostInterest,
    NextRoundScheduled,
    NotesWritten,
    OfferAccepted,
    OfferDeclined,
    OfferReceived,
    Person,
    Rejected,
    ReplyReceived,
    RunBy,
    Status,
    ThankYouSent,
    TimelineError,
    ValidationError,
    Withdrew,
)

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
SAM = Person(name="Sam Ortiz", email="sam@acme.example")
STRANGER = Person(name="Alex Doe", email="alex@elsewhere.example")


def interview(**changes: object) -> Interview:
    fields: dict[str, object] = {
        "organisation": "Acme Ltd",
        "role": "Data Engineer",
        "starts_at": END.subtract(hours=1),
        "ends_at": END,
        "interviewers": (PRIYA, SAM),
    }
    fields.update(changes)
    return Interview(**fields)  # type: ignore[arg-type]


APP = Application.from_interview(interview())


def test_status_follows_the_usual_path() -> None:
    app = APP
    assert app.status is Status.AWAITING_NOTES
    app = app.record(NotesWritten(at=END.add(minutes=10)))
    assert app.status is Status.AWAITING_THANKS
    app = app.record(ThankYouSent(at=END.add(hours=2), to=PRIYA))
    assert app.status is Status.AWAITING_THANKS
    app = app.record(ThankYouSent(at=END.add(hours=3), to=SAM))
    assert app.status is Status.AWAITING_DECISION
    app = app.record(CheckInSent(at=END.add(days=10), to=PRIYA))
    assert app.status is Status.AWAITING_DECISION
    app = app.record(CheckInSent(at=END.add(days=17), to=PRIYA))
    assert app.status is Status.NO_RESPONSE
    app = app.record(ReplyReceived(at=END.add(days=18), note="Still deciding"))
    assert app.status is Status.AWAITING_DECISION
    app = app.record(OfferReceived(at=END.add(days=20)))
    assert app.status is Status.OFFER
    app = app.record(OfferAccepted(at=END.add(days=21)))
    assert app.status is Status.ACCEPTED
    assert len(app.events) == 8


def test_record_returns_a_new_application_and_leaves_the_old_one() -> None:
    after = APP.record(NotesWritten(at=END.add(minutes=10)))
    assert APP.events == ()
    assert len(after.events) == 1
    assert after != APP


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([NotesWritten(at=END.subtract(minutes=10))], "round 1 was under way"),
        ([NotesWritten(at=END.subtract(hours=2))], "only LostInterest and Withdrew"),
        (
            [NotesWritten(at=END.add(hours=2)), NotesWritten(at=END.add(hours=1))],
            "events must be in time order",
        ),
        (
            [Withdrew(at=END.add(days=1)), NotesWritten(at=END.add(days=2))],
            "nothing can happen after Withdrew",
        ),
        (
            [
                OfferReceived(at=END.add(days=1)),
                OfferDeclined(at=END.add(days=2)),
                ReplyReceived(at=END.add(days=3)),
            ],
            "nothing can happen after OfferDeclined",
        ),
        (
            [Rejected(at=END.add(days=1)), OfferReceived(at=END.add(days=2))],
            "an offer cannot follow the rejection",
        ),
        ([ThankYouSent(at=END.add(hours=2), to=STRANGER)], "did not interview"),
        ([FeedbackReceived(at=END.add(days=2))], "asked for"),
        (
            [Rejected(at=END.add(days=1)), FeedbackDeclined(at=END.add(days=2))],
            "once it was asked for",
        ),
        ([OfferAccepted(at=END.add(days=2))], "there is no offer to answer"),
        (
            [Rejected(at=END.add(days=1)), CheckInSent(at=END.add(days=9))],
            "they already decided",
        ),
        (
            [Rejected(at=END.add(days=1)), Rejected(at=END.add(days=2))],
            "already rejected",
        ),
    ],
)
def test_illegal_histories_are_refused_with_the_reason(
    events: list[object], message: str
) -> None:
    app = APP
    *legal, last = events
    for event in legal:
        app = app.record(event)  # type: ignore[arg-type]
    with pytest.raises(TimelineError, match=message) as caught:
        app.record(last)  # type: ignore[arg-type]
    assert f"events[{len(legal)}]" in str(caught.value)
    assert type(last).__name__ in str(caught.value)
    # The same history given at once is refused just the same.
    with pytest.raises(TimelineError, match=message):
        Application(interviews=APP.interviews, events=events)  # type: ignore[arg-type]


def test_lost_interest_and_withdrawal_may_come_before_the_interview_ends() -> None:
    app = APP.record(LostInterest(at=END.subtract(minutes=30), reason="Relocation"))
    assert app.status is Status.LOST_INTEREST
    app = app.record(Withdrew(at=END.subtract(minutes=20)))
    assert app.status is Status.WITHDRAWN


def test_feedback_offered_with_the_rejection_can_arrive_unasked() -> None:
    app = APP.record(Rejected(at=END.add(days=2), by=PRIYA, feedback_offered=True))
    app = app.record(FeedbackReceived(at=END.add(days=3), by=PRIYA, note="Be concise"))
    assert app.status is Status.REJECTED
    app = app.record(ThankYouSent(at=END.add(days=3, hours=2), to=PRIYA))
    assert len(app.events) == 3


def test_feedback_declined_after_a_request() -> None:
    app = APP.record(Rejected(at=END.add(days=2)))
    app = app.record(FeedbackRequested(at=END.add(days=3), to=PRIYA))
    app = app.record(FeedbackDeclined(at=END.add(days=4)))
    assert app.status is Status.REJECTED


def test_a_thank_you_may_go_to_whoever_made_the_offer() -> None:
    hr = Person(name="Jo Hart", email="jo@acme.example")
    app = APP.record(OfferReceived(at=END.add(days=5), by=hr))
    app = app.record(ThankYouSent(at=END.add(days=5, hours=1), to=hr))
    assert app.status is Status.OFFER


def test_an_agency_contact_can_be_thanked() -> None:
    agent = Person(name="Rae Kim", email="rae@agency.example")
    app = Application.from_interview(
        interview(run_by=RunBy.AGENCY, agency_contact=agent, interviewers=())
    )
    app = app.record(ThankYouSent(at=END.add(hours=2), to=agent))
    assert app.events[-1].to == agent  # type: ignore[union-attr]


def test_next_round_is_scheduled_then_held() -> None:
    second = interview(
        starts_at=END.add(days=7),
        ends_at=END.add(days=7, hours=2),
        round=2,
        interviewers=(SAM,),
    )
    app = APP.record(NextRoundScheduled(at=END.add(days=1), interview=second))
    assert app.status is Status.NEXT_ROUND
    assert app.rounds == (APP.interviews[0], second)
    # A thank-you for round one can still go before round two happens.
    app = app.record(ThankYouSent(at=END.add(days=1, hours=1), to=PRIYA))
    assert app.status is Status.NEXT_ROUND
    with pytest.raises(TimelineError, match="round 2 was under way"):
        app.record(NotesWritten(at=END.add(days=7, hours=1)))
    app = app.record(NotesWritten(at=END.add(days=7, hours=2, minutes=5)))
    assert app.status is Status.AWAITING_THANKS
    assert app.history.after_round[1] == (app.events[-1],)


def test_next_round_cannot_be_scheduled_in_the_past_or_twice() -> None:
    early = interview(starts_at=END.add(hours=1), ends_at=END.add(hours=2), round=2)
    with pytest.raises(TimelineError, match="before it was scheduled"):
        APP.record(NextRoundScheduled(at=END.add(hours=3), interview=early))
    later = interview(starts_at=END.add(days=7), ends_at=END.add(days=7, hours=1))
    app = APP.record(NextRoundScheduled(at=END.add(days=1), interview=later))
    with pytest.raises(TimelineError, match="still to come"):
        app.record(NextRoundScheduled(at=END.add(days=2), interview=later))


def test_an_application_needs_a_round_and_rounds_in_order() -> None:
    with pytest.raises(ValidationError, match="at least one Interview"):
        Application(interviews=())
    overlapping = interview(
        starts_at=END.subtract(minutes=30), ends_at=END.add(hours=1)
    )
    with pytest.raises(ValidationError, match=r"interviews\[1\]"):
        Application(interviews=(interview(), overlapping))


def test_events_must_be_events() -> None:
    with pytest.raises(ValidationError, match=r"events\[0\]: expected an event"):
        Application(interviews=APP.interviews, events=("thanked Priya",))  # type: ignore[arg-type]


def test_offer_must_not_ask_for_an_answer_before_it_was_made() -> None:
    with pytest.raises(ValidationError, match="respond_by"):
        OfferReceived(at=END.add(days=3), respond_by=END.add(days=2))


def test_events_in_a_fall_back_hour_are_ordered_by_instant() -> None:
    # New York's clocks go back at 02:00 on 1 November 2026: 01:10 EST comes
    # twenty minutes after 01:50 EDT, though its clock reads earlier.
    ny = "America/New_York"
    first = pendulum.datetime(2026, 11, 1, 1, 50, tz=ny, fold=0)
    second = pendulum.datetime(2026, 11, 1, 1, 10, tz=ny, fold=1)
    assert second.timestamp() - first.timestamp() == 20 * 60
    app = Application.from_interview(
        interview(starts_at=first.subtract(hours=1), ends_at=first)
    )
    app = app.record(NotesWritten(at=first)).record(ThankYouSent(at=second, to=PRIYA))
    assert app.status is Status.AWAITING_THANKS
    with pytest.raises(TimelineError, match="time order"):
        app.record(ReplyReceived(at=first.add(minutes=10)))
    # Records compare instants, not wall clocks: the two 01:10s differ.
    earlier = pendulum.datetime(2026, 11, 1, 1, 10, tz=ny, fold=0)
    assert NotesWritten(at=earlier) != NotesWritten(at=second)


# -- a reply that moves the decision date --------------------------------------


def test_a_reply_may_say_when_they_will_decide() -> None:
    at = END.add(days=13)  # Thursday 3 December
    reply = ReplyReceived(at=at, decision_expected_by=dt.date(2026, 12, 11))
    assert type(reply.decision_expected_by) is pendulum.Date
    assert ReplyReceived(at=at).decision_expected_by is None
    # The reply's own day will do, and so will its very instant.
    assert ReplyReceived(at=at, decision_expected_by=at.date())
    assert ReplyReceived(at=at, decision_expected_by=at)
    app = APP.record(NotesWritten(at=END.add(minutes=10)))
    app = app.record(ThankYouSent(at=END.add(hours=2), to=PRIYA))
    app = app.record(ThankYouSent(at=END.add(hours=3), to=SAM))
    app = app.record(CheckInSent(at=END.add(days=5)))
    app = app.record(CheckInSent(at=END.add(days=12)))
    assert app.status is Status.NO_RESPONSE
    # Answered: waiting again, for the date the reply gave.
    assert app.record(reply).status is Status.AWAITING_DECISION


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        (
            dt.date(2026, 11, 25),
            "decision_expected_by: expected a date no earlier than the reply's "
            "day (2026-11-26), got Date(2026, 11, 25)",
        ),
        (
            END.add(days=6, minutes=-1),
            "decision_expected_by: expected an instant no earlier than at "
            "(2026-11-26 15:30:00+00:00), got DateTime(2026, 11, 26, 15, 29, 0, ",
        ),
        (
            "4 December",
            "decision_expected_by: expected a date, an aware datetime or None, "
            "got '4 December'",
        ),
    ],
)
def test_a_reply_cannot_expect_a_decision_before_it(
    decision: object, expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        ReplyReceived(at=END.add(days=6), decision_expected_by=decision)  # type: ignore[arg-type]
    assert str(caught.value).startswith(expected)
    assert caught.value.field == "decision_expected_by"


def test_a_replys_decision_instant_is_compared_as_an_instant() -> None:
    # 01:15 EST comes 45 minutes after 01:30 EDT, though its clock reads
    # earlier; the first 01:15 (EDT) comes before the reply.
    ny = "America/New_York"
    at = pendulum.datetime(2026, 11, 1, 1, 30, tz=ny, fold=0)
    later = pendulum.datetime(2026, 11, 1, 1, 15, tz=ny, fold=1)
    assert (
        ReplyReceived(at=at, decision_expected_by=later).decision_expected_by == later
    )
    with pytest.raises(ValidationError, match="no earlier than at"):
        ReplyReceived(
            at=at,
            decision_expected_by=pendulum.datetime(2026, 11, 1, 1, 15, tz=ny, fold=0),
        )
