"""Tests for the replay of a history: linear time, the same refusals.

The history check once scanned every event for each thank-you (reading 20,000
events took 8.5 s), and ``record()`` replayed the whole history each time. A
property test holds the replay to a simple reference (the scanning code it
replaced) on random, often impossible, histories; others show that recording
one event at a time ends where building at once does; capped runs show the
issue's case finishing inside 2 s and 512 MiB.
"""

from __future__ import annotations

import pickle
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from capped import run_capped
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
    ThankYouSent,
    TimelineError,
    Withdrew,
    strategies,
)
from postinterview._time import naive_utc
from postinterview.timeline import Event, History
from postinterview.timeline._replay import replay

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
SAM = Person(name="Sam Ortiz", email="sam@acme.example")
RAE = Person(name="Rae Park", email="rae@talent.example")
STRANGER = Person(name="Alex Doe", email="alex@elsewhere.example")
PEOPLE = (PRIYA, SAM, RAE, STRANGER)


# -- the reference: each event checked by scanning what came before ----------------


def reference_replay(  # noqa: PLR0912 - one branch per kind of event
    interviews: tuple[Interview, ...], events: tuple[Event, ...]
) -> History:
    rounds = list(interviews)
    after: list[list[Event]] = [[] for _ in rounds]
    final: Event | None = None
    rejected: Rejected | None = None
    offer: OfferReceived | None = None
    lost: LostInterest | None = None
    asked = False
    for index, event in enumerate(events):
        where = f"events[{index}] ({type(event).__name__} at {event.at})"

        def refuse(why: str, where: str = where, index: int = index) -> TimelineError:
            return TimelineError(f"{where}: {why}", index=index)

        if final is not None:
            raise refuse(
                f"nothing can happen after {type(final).__name__} at {final.at}"
            )
        at = naive_utc(event.at)
        if index and at < naive_utc(events[index - 1].at):
            before = events[index - 1]
            raise refuse(
                "events must be in time order, and this one is earlier than "
                f"{type(before).__name__} at {before.at}"
            )
        anytime = isinstance(event, LostInterest | Withdrew)
        current = None
        for number, interview in enumerate(rounds):
            starts, ends = naive_utc(interview.starts_at), naive_utc(interview.ends_at)
            if starts < at < ends and not anytime:
                raise refuse(
                    f"round {number + 1} was under way then "
                    f"({interview.starts_at} to {interview.ends_at})"
                )
            if ends <= at:
                current = number
        if current is None and not anytime:
            raise refuse(
                f"the interview ends at {rounds[0].ends_at}; only "
                "LostInterest and Withdrew can come before that"
            )
        decided = rejected or offer
        if isinstance(event, CheckInSent | NextRoundScheduled) and decided:
            raise refuse(
                f"they already decided ({type(decided).__name__} at {decided.at})"
            )
        if isinstance(event, ThankYouSent):
            assert current is not None
            allowed = {
                person
                for interview in rounds[: current + 1]
                for person in (*interview.interviewers, interview.agency_contact)
            }
            sources = [rejected, offer] + [
                e for es in after for e in es if isinstance(e, FeedbackReceived)
            ]
            allowed |= {s.by for s in sources if s is not None}
            if event.to not in allowed:
                raise refuse(
                    f"{event.to.name} did not interview the candidate; a "
                    "thank-you goes to an interviewer, the agency contact, or "
                    "whoever made the offer, the decision or the feedback"
                )
        elif isinstance(event, NextRoundScheduled):
            if current != len(rounds) - 1:
                raise refuse(
                    f"round {len(rounds)} is still to come; record the "
                    "next round once it is over"
                )
            if naive_utc(event.interview.starts_at) < at:
                raise refuse(
                    f"the new round starts at {event.interview.starts_at}, "
                    "before it was scheduled"
                )
            rounds.append(event.interview)
            after.append([])
        elif isinstance(event, OfferReceived):
            if rejected is not None:
                raise refuse(f"an offer cannot follow the rejection at {rejected.at}")
            offer = event
        elif isinstance(event, Rejected):
            if rejected is not None:
                raise refuse(f"already rejected at {rejected.at}")
            rejected = event
        elif isinstance(event, FeedbackRequested):
            asked = True
        elif isinstance(event, FeedbackReceived):
            if not (asked or (rejected is not None and rejected.feedback_offered)):
                raise refuse(
                    "feedback arrives after it was asked for (FeedbackRequested) "
                    "or offered (Rejected(feedback_offered=True))"
                )
        elif isinstance(event, FeedbackDeclined):
            if not asked:
                raise refuse("feedback can only be declined once it was asked for")
        elif isinstance(event, OfferAccepted | OfferDeclined):
            if offer is None:
                raise refuse("there is no offer to answer")
            if rejected is not None:
                raise refuse(f"the offer was withdrawn (Rejected at {rejected.at})")
            final = event
        elif isinstance(event, Withdrew):
            final = event
        elif isinstance(event, LostInterest):
            lost = event
        if current is not None:
            after[current].append(event)
    return History(
        rounds=tuple(rounds),
        after_round=tuple(tuple(es) for es in after),
        final=final,
        rejected=rejected,
        offer=offer,
        lost_interest=lost,
        latest_scheduled=len(rounds) > len(interviews),
    )


# -- random histories, often impossible ---------------------------------------------


def a_round(
    starts: pendulum.DateTime, *people: Person, agency: bool = False
) -> Interview:
    return Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=starts,
        ends_at=starts.add(hours=1),
        interviewers=people,
        run_by=RunBy.AGENCY if agency else RunBy.EMPLOYER,
        agency_contact=RAE if agency else None,
    )


FIRST = a_round(END.subtract(hours=1), PRIYA)
SECOND = a_round(END.add(days=10), SAM, agency=True)

people = st.sampled_from(PEOPLE)
maybe_people = st.none() | people


def an_event(kind: str, at: pendulum.DateTime, draw: st.DrawFn) -> Event:
    # A new round starts from a little before to a few days after it is arranged.
    if kind == "next":
        starts = at.add(hours=draw(st.integers(-2, 72)))
        return NextRoundScheduled(at=at, interview=a_round(starts, draw(people)))
    simple: dict[str, Any] = {
        "notes": lambda: NotesWritten(at=at),
        "thanks": lambda: ThankYouSent(at=at, to=draw(people)),
        "check-in": lambda: CheckInSent(at=at),
        "reply": lambda: ReplyReceived(at=at),
        "rejected": lambda: Rejected(
            at=at, by=draw(maybe_people), feedback_offered=draw(st.booleans())
        ),
        "asked": lambda: FeedbackRequested(at=at),
        "feedback": lambda: FeedbackReceived(at=at, by=draw(maybe_people)),
        "declined": lambda: FeedbackDeclined(at=at),
        "lost": lambda: LostInterest(at=at, reason="the commute"),
        "withdrew": lambda: Withdrew(at=at),
        "offer": lambda: OfferReceived(at=at, by=draw(maybe_people)),
        "accepted": lambda: OfferAccepted(at=at),
        "declined offer": lambda: OfferDeclined(at=at),
    }
    made: Event = simple[kind]()
    return made


KINDS = ["notes", "thanks", "thanks", "thanks", "check-in", "reply", "rejected"]
KINDS += ["asked", "feedback", "feedback", "declined", "lost", "withdrew"]
KINDS += ["offer", "accepted", "declined offer", "next"]


@st.composite
def histories(draw: st.DrawFn) -> tuple[tuple[Interview, ...], tuple[Event, ...]]:
    interviews = draw(st.sampled_from([(FIRST,), (FIRST, SECOND)]))
    at = END.subtract(hours=draw(st.integers(0, 3)))
    events = []
    for _ in range(draw(st.integers(0, 12))):
        # Mostly forward in time, by minutes to days; now and then backwards.
        at = at.add(minutes=draw(st.integers(-30, 60 * 24 * 4)))
        events.append(an_event(draw(st.sampled_from(KINDS)), at, draw))
    return interviews, tuple(events)


def outcome(
    replayed: Any, interviews: tuple[Interview, ...], events: tuple[Event, ...]
) -> tuple[str, object]:
    try:
        return "history", replayed(interviews, events)
    except TimelineError as error:
        return "refused", (str(error), error.index)


@given(histories())
def test_the_replay_refuses_and_sums_up_as_the_reference(
    history: tuple[tuple[Interview, ...], tuple[Event, ...]],
) -> None:
    interviews, events = history
    assert outcome(replay, interviews, events) == outcome(
        reference_replay, interviews, events
    )


def attempt(make: Any, argument: object) -> tuple[str, Any]:
    try:
        return "made", make(argument)
    except TimelineError as error:
        return "refused", (str(error), error.index)


@given(histories())
def test_recording_one_by_one_refuses_and_ends_as_building_at_once(
    history: tuple[tuple[Interview, ...], tuple[Event, ...]],
) -> None:
    interviews, events = history
    application = Application(interviews=interviews)
    for index, event in enumerate(events):
        recorded = attempt(application.record, event)
        built = attempt(
            lambda e: Application(interviews=interviews, events=e), events[: index + 1]
        )
        if recorded[0] == "refused":
            assert recorded == built
            return
        application = recorded[1]
    whole = Application(interviews=interviews, events=events)
    assert application == whole
    assert application.history == whole.history
    assert application.status == whole.status


@given(strategies.applications(max_events=12), st.data())
def test_a_recorded_application_goes_on_like_one_built_at_once(
    application: Application, data: st.DataObject
) -> None:
    # Whatever record() kept to go on from, the one built at once has too.
    rebuilt = Application(interviews=application.interviews, events=application.events)
    assert rebuilt.history == application.history
    assert rebuilt.status == application.status
    event = data.draw(strategies.next_events(application))
    assert rebuilt.record(event) == application.record(event)
    assert rebuilt.record(event).history == application.record(event).history


def test_recording_leaves_the_application_it_started_from_as_it_was() -> None:
    start = Application.from_interview(FIRST).record(NotesWritten(at=END.add(hours=1)))
    thanked = start.record(ThankYouSent(at=END.add(hours=2), to=PRIYA))
    rejected = start.record(Rejected(at=END.add(hours=2), by=SAM))
    # Two branches from one start: neither sees the other's event.
    assert start.events == (NotesWritten(at=END.add(hours=1)),)
    assert [type(e) for e in thanked.history.after_round[0]] == [
        NotesWritten,
        ThankYouSent,
    ]
    assert rejected.history.rejected is not None
    assert thanked.history.rejected is None
    # Sam, who rejected the candidate, may be thanked on that branch only.
    rejected.record(ThankYouSent(at=END.add(hours=3), to=SAM))
    with pytest.raises(TimelineError, match="Sam Ortiz did not interview"):
        thanked.record(ThankYouSent(at=END.add(hours=3), to=SAM))


def test_an_application_unpickled_without_its_replay_still_records() -> None:
    application = Application.from_interview(FIRST).record(
        NotesWritten(at=END.add(hours=1))
    )
    copy = pickle.loads(pickle.dumps(application))  # noqa: S301 - our own bytes
    assert copy == application
    object.__delattr__(copy, "_replay")  # as a pickle of an earlier version
    thanked = copy.record(ThankYouSent(at=END.add(hours=2), to=PRIYA))
    assert thanked == application.record(ThankYouSent(at=END.add(hours=2), to=PRIYA))


def test_a_round_and_its_events_after_many_rounds() -> None:
    # Each round is found by bisection among the ends of the rounds.
    application = Application.from_interview(FIRST)
    at = END
    for number in range(2, 40):
        at = at.add(hours=2)
        upcoming = a_round(at.add(hours=1), SAM if number % 2 else PRIYA)
        application = application.record(NextRoundScheduled(at=at, interview=upcoming))
        at = at.add(hours=3)
        application = application.record(NotesWritten(at=at))
    assert len(application.rounds) == 39
    assert all(len(events) == 2 for events in application.history.after_round[1:-1])
    last = a_round(at.add(days=1), SAM)
    application = application.record(
        NextRoundScheduled(at=at.add(hours=1), interview=last)
    )
    during = NotesWritten(at=last.starts_at.add(minutes=30))
    with pytest.raises(TimelineError, match="round 40 was under way") as caught:
        application.record(during)
    assert caught.value.index == len(application.events)


# -- capped runs: linear time --------------------------------------------------------

SETUP = """
import pendulum
from postinterview import Application, Interview, Person, serialize
from postinterview.timeline import NotesWritten, ThankYouSent
END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
INTERVIEW = Interview(
    organisation="Acme Ltd", role="Data Engineer", starts_at=END.subtract(hours=1),
    ends_at=END, interviewers=(PRIYA,),
)

def thanked(count):
    return [NotesWritten(at=END.add(minutes=1))] + [
        ThankYouSent(at=END.add(minutes=2 + i), to=PRIYA) for i in range(count - 1)
    ]
"""


def test_reading_an_application_of_20_000_events_is_quick() -> None:
    outcome = run_capped(
        "application = serialize.from_json(Application, text)",
        setup=SETUP
        + "text = serialize.to_json(Application(interviews=(INTERVIEW,), "
        + "events=thanked(20_000)))",
    )
    assert outcome.error is None, outcome.message
    assert outcome.elapsed < 2.0


def test_recording_10_000_events_one_by_one_is_quick() -> None:
    outcome = run_capped(
        "application = Application.from_interview(INTERVIEW)\n"
        "for event in events:\n"
        "    application = application.record(event)",
        setup=SETUP + "events = thanked(10_000)",
    )
    assert outcome.error is None, outcome.message
    assert outcome.elapsed < 2.0
