"""Tests for postinterview.reflection: the scorecard, review() and prompts()."""

from __future__ import annotations

import datetime as dt

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview import (
    Application,
    Interview,
    InterviewNotes,
    LostInterest,
    NaiveDatetimeError,
    Person,
    QuestionAsked,
    ValidationError,
)
from postinterview.reflection import (
    Criterion,
    FitAssessment,
    Rating,
    Reservation,
    Scorecard,
    Want,
    is_vague,
    prompts,
    review,
)
from postinterview.reflection._vagueness import _FUNCTION_WORDS, _VAGUE_WORDS
from postinterview.strategies import aware_datetimes, zone_names

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
INTERVIEW = Interview(
    organisation="Acme Ltd",
    role="Data Engineer",
    starts_at=END.subtract(hours=1),
    ends_at=END,
    interviewers=(Person(name="Priya Shah", email="priya@acme.example"),),
)
ALL_RATED = tuple(
    Rating(criterion=c, score=4, note="Held up well throughout") for c in Criterion
)


def card(**changes: object) -> Scorecard:
    """A scorecard that review() has nothing to say about, with *changes*."""
    base = Scorecard(
        written_at=END.add(minutes=10),
        overall=7,
        went_well=["The warehouse migration story landed"],
        to_improve=["Give the budget answer a figure and a result"],
        ratings=ALL_RATED,
    )
    return attrs.evolve(base, **changes)


def codes(scorecard: Scorecard, **kwargs: object) -> list[str]:
    return [finding.code for finding in review(scorecard, INTERVIEW, **kwargs)]  # type: ignore[arg-type]


# -- the records -------------------------------------------------------------------


def test_each_criterion_has_its_own_description_and_question() -> None:
    descriptions = [c.description for c in Criterion]
    questions = [c.question for c in Criterion]
    assert len(set(descriptions)) == len(set(questions)) == len(Criterion) == 6
    assert all(q.endswith("?") for q in questions)
    assert Criterion.LISTENING.description.startswith("Listening")


@pytest.mark.parametrize("score", [0, 6, -1, True, "3", 3.0, None])
def test_a_rating_is_an_integer_from_1_to_5(score: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Rating(criterion=Criterion.RAPPORT, score=score)  # type: ignore[arg-type]
    assert caught.value.field == "score"


@pytest.mark.parametrize("overall", [0, 11, False, "7"])
def test_the_overall_rating_is_out_of_ten(overall: object) -> None:
    with pytest.raises(ValidationError) as caught:
        card(overall=overall)
    assert caught.value.field == "overall"


def test_each_criterion_is_rated_at_most_once() -> None:
    twice = (
        Rating(criterion=Criterion.CLOSING, score=3),
        Rating(criterion=Criterion.CLOSING, score=4),
    )
    with pytest.raises(ValidationError, match="CLOSING is twice") as caught:
        card(ratings=twice)
    assert caught.value.field == "ratings[1]"


def test_a_scorecard_needs_an_aware_time() -> None:
    with pytest.raises(NaiveDatetimeError) as caught:
        card(written_at=dt.datetime(2026, 11, 20, 16))  # noqa: DTZ001 - naive on purpose
    assert caught.value.field == "written_at"


def test_notes_are_stripped_and_lists_become_tuples() -> None:
    made = card(went_well=["  Calm start  "], to_improve=[])
    assert made.went_well == ("Calm start",)
    assert made.rating(Criterion.EXAMPLES) == ALL_RATED[3]
    assert card(ratings=()).rating(Criterion.EXAMPLES) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rapport_with_interviewer", 0),
        ("could_work_with_them", "yes"),
        ("want_the_job", "no"),
        ("versus_current_job", "better"),
        ("reservations", ["a concern as a string"]),
    ],
)
def test_a_fit_assessment_refuses_bad_answers(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        FitAssessment(**{field: value})  # type: ignore[arg-type]
    assert caught.value.field.startswith(field)


# -- is_vague: labelled examples ----------------------------------------------------

SPECIFIC = [
    "My answer to the budget question needs a number and a result",
    "Pause for two seconds before answering the conflict question",
    "Open the salary answer with my current package",
    "Use the STAR structure for the stakeholder question",
    "Bring a printed copy of the dashboard portfolio",
    "Research their Q3 results before the final round",
    "Ask the panel about on-call expectations",
    "Shorten my introduction to under a minute",
    "Mention the Kafka migration when asked about scale",
    "Prepare a story about a failed project and what I changed",
    "Slow down when explaining the architecture diagram",
    "Name the cost saving in pounds for the warehouse project",
    "Ask what success looks like after six months",
    "Keep eye contact with the quieter interviewer",
    "Link the logistics example back to their delivery targets",
    "Speak more slowly",
    "Practise the whiteboard exercise with a friend",
    "Close by asking about next steps",
    "Don't apologise for the gap year; explain what I learned",
    "Answer the 'why us' question with their recycling programme",
]
VAGUE = [
    "My answer needs to be better",
    "Be more confident",
    "Improve",
    "Do better next time",
    "Work on my communication",
    "Be clearer",
    "More preparation",
    "Answer questions better",
    "Come across as more enthusiastic",
    "Sound more professional",
    "Improve my interview skills",
    "I need to be less nervous",
    "Be more concise in answers",
    "Give stronger answers",
    "Prepare better",
    "Try harder",
    "Feel more relaxed",
    "Be more positive overall",
    "My answers were weak",
    "I should improve my performance",
]


@pytest.mark.parametrize("note", SPECIFIC)
def test_a_specific_improvement_is_never_flagged(note: str) -> None:
    assert not is_vague(note)


@pytest.mark.parametrize("note", VAGUE)
def test_a_vague_improvement_is_flagged(note: str) -> None:
    assert is_vague(note)


def test_there_are_at_least_twenty_labelled_examples_of_each() -> None:
    assert len(SPECIFIC) >= 20
    assert len(VAGUE) >= 20


_FILLER = sorted(_FUNCTION_WORDS | _VAGUE_WORDS)


@given(st.lists(st.sampled_from(_FILLER), min_size=1, max_size=12))
def test_notes_made_only_of_filler_are_vague(words: list[str]) -> None:
    assert is_vague(" ".join(words).capitalize() + ".")


@given(st.lists(st.sampled_from(_FILLER), max_size=8), st.integers(0, 999))
def test_a_number_makes_a_note_specific(words: list[str], number: int) -> None:
    assert not is_vague(" ".join([*words, str(number)]))


@given(st.text())
def test_is_vague_accepts_any_text(text: str) -> None:
    assert isinstance(is_vague(text), bool)


# -- review ----------------------------------------------------------------------------


def test_a_careful_scorecard_has_no_findings() -> None:
    assert review(card(), INTERVIEW) == ()


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (dt.timedelta(minutes=15), []),
        (dt.timedelta(minutes=16), ["written-late"]),
        (dt.timedelta(hours=24), ["written-late"]),
        (dt.timedelta(hours=24, seconds=1), ["recalled-late"]),
        (dt.timedelta(days=3), ["recalled-late"]),
    ],
)
def test_late_notes_are_flagged(after: dt.timedelta, expected: list[str]) -> None:
    assert codes(card(written_at=END + after)) == expected


def test_lateness_is_elapsed_time_across_the_fall_back_hour() -> None:
    # The interview ends at 00:50 BST on the night the clocks go back; the
    # notes are written when the clock reads 01:05 for the second time, which
    # is 75 minutes later, not 15.
    ended = pendulum.datetime(2026, 10, 25, 0, 50, tz="Europe/London")
    night = attrs.evolve(INTERVIEW, starts_at=ended.subtract(hours=1), ends_at=ended)
    written = pendulum.datetime(2026, 10, 25, 1, 5, tz="Europe/London", fold=1)
    assert written.diff(ended).in_minutes() == 75
    found = review(card(written_at=written), night)
    assert [f.code for f in found] == ["written-late"]
    assert "75 minutes" in found[0].message


def test_a_scorecard_cannot_be_written_before_the_interview_ended() -> None:
    with pytest.raises(ValidationError) as caught:
        review(card(written_at=END.subtract(minutes=1)), INTERVIEW)
    assert caught.value.field == "written_at"


@given(zone=zone_names(), minutes=st.integers(0, 3 * 24 * 60))
def test_findings_depend_on_the_instants_not_the_zones(zone: str, minutes: int) -> None:
    written = END.add(minutes=minutes)
    here = review(card(written_at=written), INTERVIEW)
    moved = attrs.evolve(
        INTERVIEW,
        starts_at=INTERVIEW.starts_at.in_timezone(zone),
        ends_at=END.in_timezone(zone),
    )
    there = review(card(written_at=written.in_timezone(zone)), moved)
    assert [f.code for f in here] == [f.code for f in there]


def test_start_with_what_went_well() -> None:
    assert codes(card(went_well=())) == ["nothing-went-well"]


def test_vague_points_to_improve_are_quoted() -> None:
    found = review(
        card(to_improve=["Be more confident", "Open with the Kafka story"]), INTERVIEW
    )
    assert [(f.code, f.text) for f in found] == [
        ("vague-improvement", "Be more confident")
    ]


def test_a_low_rating_needs_a_specific_note() -> None:
    ratings = tuple(
        attrs.evolve(r, score=2, note="My answers were weak")
        if r.criterion is Criterion.EXAMPLES
        else attrs.evolve(r, score=1, note=None)
        if r.criterion is Criterion.CLOSING
        else r
        for r in ALL_RATED
    )
    found = review(card(ratings=ratings), INTERVIEW)
    assert [f.code for f in found] == ["vague-improvement", "vague-improvement"]
    assert found[0].text == "My answers were weak"
    assert "EXAMPLES scored 2" in found[0].message
    assert found[1].text is None
    assert "CLOSING scored 1" in found[1].message


def test_a_vague_note_on_a_good_rating_is_left_alone() -> None:
    ratings = tuple(attrs.evolve(r, note="Fine") for r in ALL_RATED)
    assert review(card(ratings=ratings), INTERVIEW) == ()


def test_unrated_criteria_are_named() -> None:
    found = review(card(ratings=ALL_RATED[:4]), INTERVIEW)
    assert [(f.code, f.text) for f in found] == [("not-rated", "AWARENESS, CLOSING")]


def test_reservations_without_a_resolution_are_flagged() -> None:
    fit = FitAssessment(
        reservations=[
            Reservation(concern="The commute is 90 minutes each way"),
            Reservation(
                concern="On-call load is unclear", resolution="Ask the team lead"
            ),
        ]
    )
    found = review(card(fit=fit), INTERVIEW)
    assert [(f.code, f.text) for f in found] == [
        ("unresolved-reservation", "The commute is 90 minutes each way")
    ]


def test_not_wanting_the_job_suggests_withdrawing_until_the_timeline_says_so() -> None:
    fit = FitAssessment(want_the_job=Want.NO)
    application = Application.from_interview(INTERVIEW)
    assert codes(card(fit=fit)) == ["consider-withdrawing"]
    assert codes(card(fit=fit), application=application) == ["consider-withdrawing"]
    told = application.record(
        LostInterest(at=END.add(hours=2), reason="The role is mostly support work")
    )
    assert codes(card(fit=fit), application=told) == []
    assert codes(card(fit=FitAssessment(want_the_job=Want.UNSURE))) == []


def test_a_badly_answered_question_should_come_back_in_to_improve() -> None:
    notes = InterviewNotes(
        written_at=END.add(minutes=10),
        questions=[
            QuestionAsked(
                text="How did you handle the budget overrun?", answered_well=False
            ),
            QuestionAsked(text="Why do you want to leave?", answered_well=False),
            QuestionAsked(text="Describe a conflict in your team", answered_well=True),
        ],
    )
    found = review(card(), INTERVIEW, notes)
    assert [(f.code, f.text) for f in found] == [
        ("question-not-reviewed", "Why do you want to leave?")
    ]


def test_review_refuses_what_is_not_a_record() -> None:
    with pytest.raises(ValidationError) as caught:
        review("a scorecard", INTERVIEW)  # type: ignore[arg-type]
    assert caught.value.field == "scorecard"
    with pytest.raises(ValidationError) as caught:
        review(card(), INTERVIEW, notes="notes")  # type: ignore[arg-type]
    assert caught.value.field == "notes"


@given(written=aware_datetimes(min_value=END, max_value=END.add(days=30)))
def test_only_timing_findings_come_from_the_time_alone(written: dt.datetime) -> None:
    found = codes(card(written_at=written))
    assert set(found) <= {"written-late", "recalled-late"}
    assert len(found) <= 1


# -- prompts ------------------------------------------------------------------------


def test_prompts_follow_the_interview_outwards() -> None:
    keys = [p.key for p in prompts()]
    criteria = [f"scorecard.ratings.{c.name}" for c in Criterion]
    assert keys[:3] == ["interview", "notes.role_insights", "notes.questions"]
    assert keys[3:9] == criteria
    assert keys.index("scorecard.went_well") < keys.index("scorecard.to_improve")
    assert keys[-1] == "notes.forgot_to_mention"
    assert len(set(keys)) == len(keys)
    assert prompts() is prompts()  # data, built once


def test_every_prompt_names_a_real_place_for_its_answer() -> None:
    roots = {"notes": InterviewNotes, "scorecard": Scorecard}
    for prompt in prompts():
        assert prompt.question.endswith(("?", "."))
        if prompt.key == "interview":
            continue
        root, field, *rest = prompt.key.split(".")
        assert field in attrs.fields_dict(roots[root]), prompt.key
        if rest:
            assert Criterion[rest[0]] in Criterion
