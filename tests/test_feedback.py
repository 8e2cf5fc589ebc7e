"""Tests for postinterview.feedback: the feedback call, its likelihood, its use."""

from __future__ import annotations

from typing import Any

import attrs
import attrs.exceptions
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview.errors import ValidationError
from postinterview.feedback import (
    KEYWORDS,
    Feedback,
    FeedbackPart,
    LearningAction,
    Level,
    Likelihood,
    Step,
    feedback_conversation,
    feedback_likelihood,
    learning_actions,
    tag_criterion,
)
from postinterview.interview import Format, Interview, Person, RunBy
from postinterview.reflection import Criterion
from postinterview.strategies import feedback as feedback_values
from postinterview.strategies import interviews

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
RECEIVED = pendulum.datetime(2026, 12, 2, 10, tz="Europe/London")
RAVI = Person(name="Ravi Patel", email="ravi@agency.example")
ORDER = list(Level)  # LOW, MEDIUM, HIGH


def interview(**changes: Any) -> Interview:
    """Build a valid first-round, employer-run, in-person interview."""
    fields: dict[str, Any] = {
        "organisation": "Acme Ltd",
        "role": "Data Engineer",
        "starts_at": END.subtract(hours=1),
        "ends_at": END,
    }
    fields.update(changes)
    return Interview(**fields)


def feedback(**changes: Any) -> Feedback:
    fields: dict[str, Any] = {"received_at": RECEIVED}
    fields.update(changes)
    return Feedback(**fields)


# Every word and phrase of the table, as it would be written ("rambl*" as
# "rambl", which the stem still matches), with the criterion it stands for.
ENTRIES = [
    (entry.replace("*", ""), criterion)
    for criterion, entries in KEYWORDS.items()
    for entry in entries
]
# Words that belong to no criterion, to put between the keywords.
FILLER = st.sampled_from(["and", "the", "budget", "team", "so", "overall"])


# --- the feedback conversation -----------------------------------------------


def test_the_conversation_runs_in_the_order_careers_advisers_give() -> None:
    actions = [step.action for step in feedback_conversation()]
    assert actions == [
        "Ask whether they mind you taking notes.",
        "Listen, and let them finish each point.",
        "Do not argue with what they say or defend your answers.",
        "Ask what you did well.",
        "Ask where you fell short of what they were looking for.",
        "Ask what they would suggest you do differently in future interviews.",
        "Thank them for their time and their honesty.",
        "Ask them to keep you in mind for future openings.",
    ]


def test_every_step_says_why() -> None:
    steps = feedback_conversation()
    assert type(steps) is tuple
    for step in steps:
        assert isinstance(step, Step)
        assert step.reason.strip()
        assert step.reason != step.action


def test_the_conversation_is_the_same_every_time_and_cannot_be_changed() -> None:
    assert feedback_conversation() == feedback_conversation()
    with pytest.raises(attrs.exceptions.FrozenError):
        feedback_conversation()[0].action = "Argue"  # type: ignore[misc]


@pytest.mark.parametrize("field", ["action", "reason"])
@pytest.mark.parametrize("value", ["", "   ", None, 3], ids=repr)
def test_a_step_needs_both_its_parts(field: str, value: object) -> None:
    fields: dict[str, Any] = {"action": "Listen", "reason": "It helps."}
    fields[field] = value
    with pytest.raises(ValidationError) as info:
        Step(**fields)
    assert info.value.field == field


# --- how likely feedback is --------------------------------------------------


def test_an_agency_run_telephone_screen_rarely_brings_feedback() -> None:
    likely = feedback_likelihood(
        interview(run_by=RunBy.AGENCY, agency_contact=RAVI, format=Format.TELEPHONE)
    )
    assert likely.level is Level.LOW
    assert any("Ravi Patel" in reason for reason in likely.reasons)
    assert any("Telephone" in reason for reason in likely.reasons)


def test_an_employer_run_second_round_in_person_is_likely_to() -> None:
    likely = feedback_likelihood(interview(round=2))
    assert likely.level is Level.HIGH
    assert "round 2" in likely.reasons[0]


@pytest.mark.parametrize(
    ("changes", "level"),
    [
        ({}, Level.MEDIUM),
        ({"format": Format.VIDEO}, Level.MEDIUM),
        ({"format": Format.ASSESSMENT_CENTRE}, Level.MEDIUM),
        ({"format": Format.TECHNICAL_TEST}, Level.MEDIUM),
        ({"format": Format.TELEPHONE}, Level.MEDIUM),
        ({"run_by": RunBy.AGENCY, "agency_contact": RAVI}, Level.MEDIUM),
        ({"format": Format.TELEPHONE, "round": 2}, Level.MEDIUM),
        ({"run_by": RunBy.AGENCY, "agency_contact": RAVI, "round": 3}, Level.MEDIUM),
        (
            {
                "run_by": RunBy.AGENCY,
                "agency_contact": RAVI,
                "format": Format.TELEPHONE,
                "round": 2,
            },
            Level.MEDIUM,
        ),
        ({"format": Format.VIDEO, "round": 4}, Level.HIGH),
    ],
    ids=repr,
)
def test_likelihood_follows_the_documented_scoring(
    changes: dict[str, Any], level: Level
) -> None:
    assert feedback_likelihood(interview(**changes)).level is level


def test_likelihood_always_advises_asking_promptly() -> None:
    reasons = feedback_likelihood(interview()).reasons
    assert "discretion" in reasons[0]
    assert "day or two" in reasons[-1]


def test_likelihood_needs_an_interview() -> None:
    with pytest.raises(ValidationError) as info:
        feedback_likelihood("Acme Ltd")  # type: ignore[arg-type]
    assert info.value.field == "interview"


def test_likelihood_record_validates_its_fields() -> None:
    with pytest.raises(ValidationError) as info:
        Likelihood(level="high", reasons=())  # type: ignore[arg-type]
    assert info.value.field == "level"
    with pytest.raises(ValidationError) as info:
        Likelihood(level=Level.LOW, reasons=["fine", " "])
    assert info.value.field == "reasons[1]"


def _level(iv: Interview) -> int:
    return ORDER.index(feedback_likelihood(iv).level)


# The likelihood reads only who ran the interview, its format and its round:
# drawing just those covers every case quickly.
SHAPES = st.builds(
    lambda agency, form, number: interview(
        run_by=RunBy.AGENCY if agency else RunBy.EMPLOYER,
        agency_contact=RAVI if agency else None,
        format=form,
        round=number,
    ),
    st.booleans(),
    st.sampled_from(Format),
    st.integers(1, 8),
)


@given(SHAPES, st.integers(1, 5))
def test_a_later_round_never_lowers_the_likelihood(iv: Interview, more: int) -> None:
    assert _level(attrs.evolve(iv, round=iv.round + more)) >= _level(iv)


@given(SHAPES)
def test_an_agency_never_raises_the_likelihood(iv: Interview) -> None:
    via_agency = attrs.evolve(iv, run_by=RunBy.AGENCY, agency_contact=RAVI)
    assert _level(via_agency) <= _level(iv)


@given(SHAPES)
def test_the_telephone_never_raises_the_likelihood(iv: Interview) -> None:
    assert _level(attrs.evolve(iv, format=Format.TELEPHONE)) <= _level(iv)


@given(interviews())
def test_the_level_is_the_documented_score(iv: Interview) -> None:
    score = (
        (iv.round >= 2) - (iv.run_by is RunBy.AGENCY) - (iv.format is Format.TELEPHONE)
    )
    expected = Level.HIGH if score >= 1 else Level.LOW if score <= -2 else Level.MEDIUM
    likely = feedback_likelihood(iv)
    assert likely.level is expected
    assert likely.reasons


# --- tagging feedback with a criterion ---------------------------------------

# Feedback as employers give it, and the criterion a reader would file it under.
LABELLED = [
    ("Answers lacked specific examples", Criterion.EXAMPLES),
    ("Use the STAR method so each story ends with a result", Criterion.EXAMPLES),
    ("Back your claims with evidence and metrics", Criterion.EXAMPLES),
    ("You did not quite answer the question about budgets", Criterion.LISTENING),
    ("Tended to ramble on the technical questions", Criterion.LISTENING),
    ("Some answers went off-topic", Criterion.LISTENING),
    ("Interrupted the panel a couple of times", Criterion.LISTENING),
    ("Did not build much rapport with the hiring manager", Criterion.RAPPORT),
    ("Make more eye contact with everyone on the panel", Criterion.RAPPORT),
    ("Seemed reserved; try to engage more warmly", Criterion.RAPPORT),
    ("Steer the conversation towards your leadership work", Criterion.FRAME),
    ("Let the interviewer dominate the discussion", Criterion.FRAME),
    ("Adapt your answers when the interviewer looks lost", Criterion.AWARENESS),
    ("Watch their body language and read the room", Criterion.AWARENESS),
    ("The close was weak: ask about next steps", Criterion.CLOSING),
    ("Have some questions for us ready at the end", Criterion.CLOSING),
    ("Research the company's products before the interview", None),
    ("Arrived late", None),
    ("Your salary expectations were above our budget", None),
]


@pytest.mark.parametrize(("text", "criterion"), LABELLED, ids=[t for t, _ in LABELLED])
def test_feedback_is_tagged_with_the_criterion_it_concerns(
    text: str, criterion: Criterion | None
) -> None:
    assert tag_criterion(text) is criterion


def test_every_criterion_has_keywords_and_each_keyword_tags_alone() -> None:
    assert set(KEYWORDS) == set(Criterion)
    assert all(KEYWORDS.values())
    for text, criterion in ENTRIES:
        assert tag_criterion(text) is criterion, text


@given(st.lists(st.tuples(st.sampled_from(ENTRIES), FILLER), min_size=1, max_size=6))
def test_in_a_run_of_keywords_the_first_decides(
    run: list[tuple[tuple[str, Criterion], str]],
) -> None:
    text = " ".join(f"{entry} {filler}" for (entry, _), filler in run)
    assert tag_criterion(text) is run[0][0][1]


def test_when_two_criteria_match_the_first_in_the_text_wins() -> None:
    text = "Listen to the whole question, then give an example"
    assert tag_criterion(text) is Criterion.LISTENING
    text = "Give an example, and listen to the whole question first"
    assert tag_criterion(text) is Criterion.EXAMPLES


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("EXAMPLES were thin", Criterion.EXAMPLES),
        ("Listening was patchy", Criterion.LISTENING),
        ("you rambled", Criterion.LISTENING),
        ("answered the questions too quickly", Criterion.LISTENING),
        ("Good awareness overall", Criterion.AWARENESS),
    ],
)
def test_matching_ignores_case_and_allows_word_endings_where_the_table_says(
    text: str, criterion: Criterion
) -> None:
    assert tag_criterion(text) is criterion


@pytest.mark.parametrize(
    "text",
    [
        "Starting salary was discussed",  # "STAR" is a whole word only
        "Follow the role closely",  # "close" is a whole word only
        "The framework question went fine",  # "frame" is a whole word only
        "Counterexamples aside, it went well",  # words start at a boundary
    ],
)
def test_keywords_match_whole_words_only(text: str) -> None:
    assert tag_criterion(text) is None


def test_tagging_needs_text() -> None:
    with pytest.raises(ValidationError) as info:
        tag_criterion(None)  # type: ignore[arg-type]
    assert info.value.field == "text"


@given(st.text())
def test_tagging_never_raises_on_any_text(text: str) -> None:
    assert tag_criterion(text) in {None, *Criterion}


# --- learning actions ---------------------------------------------------------


def test_weaknesses_then_suggestions_become_learning_actions() -> None:
    given_feedback = feedback(
        source=Person(name="Priya Shah"),
        strengths=["Clear on the data pipeline design"],
        weaknesses=[
            "Answers on stakeholder management lacked an example",
            "Arrived a little flustered",
        ],
        suggestions=["Ask about next steps before you leave"],
    )
    assert learning_actions(given_feedback) == (
        LearningAction(
            text="Answers on stakeholder management lacked an example",
            source=FeedbackPart.WEAKNESS,
            criterion=Criterion.EXAMPLES,
        ),
        LearningAction(
            text="Arrived a little flustered",
            source=FeedbackPart.WEAKNESS,
            criterion=None,
        ),
        LearningAction(
            text="Ask about next steps before you leave",
            source=FeedbackPart.SUGGESTION,
            criterion=Criterion.CLOSING,
        ),
    )


def test_feedback_with_only_strengths_gives_nothing_to_practise() -> None:
    assert learning_actions(feedback(strengths=["Great examples"])) == ()


def test_learning_actions_need_feedback() -> None:
    with pytest.raises(ValidationError) as info:
        learning_actions(["Ramble less"])  # type: ignore[arg-type]
    assert info.value.field == "feedback"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"text": " "}, "text"),
        ({"source": "weakness"}, "source"),
        ({"criterion": "examples"}, "criterion"),
    ],
)
def test_a_learning_action_validates_its_fields(
    changes: dict[str, Any], field: str
) -> None:
    fields: dict[str, Any] = {"text": "Ramble less", "source": FeedbackPart.WEAKNESS}
    fields.update(changes)
    with pytest.raises(ValidationError) as info:
        LearningAction(**fields)
    assert info.value.field == field


@given(feedback_values())
def test_each_weakness_and_suggestion_yields_one_action_in_order(
    given_feedback: Feedback,
) -> None:
    actions = learning_actions(given_feedback)
    expected = [(FeedbackPart.WEAKNESS, t) for t in given_feedback.weaknesses] + [
        (FeedbackPart.SUGGESTION, t) for t in given_feedback.suggestions
    ]
    assert [(a.source, a.text) for a in actions] == expected
    for action in actions:
        assert action.criterion is tag_criterion(action.text)
