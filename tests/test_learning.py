"""Tests for postinterview.learning: the learning log across many interviews."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import attrs.exceptions
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postinterview import (
    Interview,
    InterviewNotes,
    NaiveDatetimeError,
    QuestionAsked,
    ValidationError,
    _time,
)
from postinterview import serialize as codec
from postinterview import strategies as pst
from postinterview.feedback import Feedback
from postinterview.learning import (
    AskedQuestion,
    ClosedGap,
    CriterionTrend,
    FeedbackTheme,
    LearningLog,
    LogEntry,
    PreparationGap,
    PrepFocus,
    ScorePoint,
    Trend,
    grouping_key,
)
from postinterview.reflection import Criterion, Rating, Scorecard
from postinterview.timeline import Application

LONDON = "Europe/London"
START = pendulum.datetime(2026, 9, 7, 11, tz=LONDON)


def interview(
    ends_at: pendulum.DateTime, organisation: str = "Acme Ltd", **changes: Any
) -> Interview:
    fields: dict[str, Any] = {
        "organisation": organisation,
        "role": "Data Analyst",
        "starts_at": ends_at.subtract(hours=1),
        "ends_at": ends_at,
    }
    fields.update(changes)
    return Interview(**fields)


def card(ends_at: pendulum.DateTime, **scores: int) -> Scorecard:
    return Scorecard(
        written_at=ends_at.add(minutes=10),
        overall=6,
        ratings=[
            Rating(criterion=Criterion[name.upper()], score=score)
            for name, score in scores.items()
        ],
    )


def notes(
    ends_at: pendulum.DateTime,
    *questions: tuple[str, bool | None],
    gaps: Sequence[str] = (),
) -> InterviewNotes:
    return InterviewNotes(
        written_at=ends_at.add(minutes=10),
        questions=[QuestionAsked(text=t, answered_well=w) for t, w in questions],
        preparation_gaps=gaps,
    )


def single_round(
    ends_at: pendulum.DateTime,
    *questions: tuple[str, bool | None],
    organisation: str = "Acme Ltd",
    scores: dict[str, int] | None = None,
    gaps: Sequence[str] = (),
    feedback: Sequence[Feedback] = (),
) -> LogEntry:
    return LogEntry(
        application=Application(interviews=[interview(ends_at, organisation)]),
        scorecards=[card(ends_at, **scores)] if scores else [],
        notes=[notes(ends_at, *questions, gaps=gaps)],
        feedback=feedback,
    )


NEXT = interview(START.add(weeks=20), "Next Ltd")


# --- examples a reader learns from --------------------------------------------


def test_three_interviews_examples_improves_and_closing_worsens() -> None:
    # Three interviews a few weeks apart. Answers with examples got better;
    # closing the conversation got worse; rapport stayed where it was.
    first, second, third = START, START.add(weeks=3), START.add(weeks=7)
    log = LearningLog(
        entries=[
            single_round(first, scores={"examples": 2, "closing": 4, "rapport": 3}),
            single_round(second, scores={"examples": 3, "closing": 3, "rapport": 3}),
            single_round(
                third, scores={"examples": 4, "closing": 2, "rapport": 3, "frame": 5}
            ),
        ]
    )
    examples = log.criterion(Criterion.EXAMPLES)
    assert [point.score for point in examples.points] == [2, 3, 4]
    assert [point.at for point in examples.points] == [first, second, third]
    assert examples.trend is Trend.IMPROVING
    assert examples.change == Decimal("1.99")  # the fitted line, over 7 weeks
    assert examples.data_points == 3
    closing = log.criterion(Criterion.CLOSING)
    assert closing.trend is Trend.WORSENING
    assert closing.change == Decimal("-1.99")
    assert log.criterion(Criterion.RAPPORT).trend is Trend.FLAT
    # One score is not a trend.
    assert log.criterion(Criterion.FRAME).trend is Trend.NOT_ENOUGH_DATA
    assert log.criterion(Criterion.FRAME).change is None
    assert log.criterion(Criterion.AWARENESS).points == ()
    assert [trend.criterion for trend in log.criteria] == list(Criterion)

    # All three average 3 over their latest scores: the worsening one first,
    # then in Criterion order. FRAME (5) is strong and not worsening.
    focus = log.prepare(NEXT)
    assert [item.criterion for item in focus.criteria] == [
        Criterion.CLOSING,
        Criterion.RAPPORT,
        Criterion.EXAMPLES,
    ]
    assert focus.criteria[0].recent == Decimal("3.00")
    assert focus.criteria[0].reason == (
        "Your latest 3 scores average 3 out of 5; over 3 scores the trend is "
        "going down."
    )
    assert focus.criteria[2].reason == (
        "Your latest 3 scores average 3 out of 5; over 3 scores the trend is "
        "improving; keep going."
    )


def test_a_question_asked_in_two_phrasings_is_one_group() -> None:
    log = LearningLog(
        entries=[
            single_round(START, ("Tell me about yourself.", True)),
            single_round(
                START.add(weeks=2),
                ("Could you tell me a bit about yourself?", False),
                ("Why do you want this job?", None),
            ),
            single_round(START.add(weeks=5), ("tell me about yourself", None)),
        ]
    )
    about_you, why = log.questions
    assert about_you.key == "yourself"
    assert about_you.asked == 3
    assert (about_you.answered_well, about_you.answered_badly) == (1, 1)
    assert about_you.not_rated == 1
    assert about_you.first_asked == START
    assert about_you.last_asked == START.add(weeks=5)
    # Every wording is kept, the most used first, then alphabetically.
    assert about_you.wordings == (
        "Could you tell me a bit about yourself?",
        "Tell me about yourself.",
        "tell me about yourself",
    )
    assert about_you.recurs
    assert why.asked == 1
    assert not why.recurs
    assert log.recurring_questions == (about_you,)


def test_prepare_puts_the_badly_answered_recurring_question_first() -> None:
    weeks = [START.add(weeks=n) for n in range(4)]
    log = LearningLog(
        entries=[
            single_round(
                weeks[0],
                ("What is your greatest weakness?", False),
                ("Why should we hire you?", False),
            ),
            single_round(
                weeks[1],
                ("What's your greatest weakness?", False),
                ("Tell me about yourself", True),
            ),
            single_round(
                weeks[2],
                ("What would you say is your greatest weakness?", None),
                ("Tell me about yourself", False),
            ),
            single_round(weeks[3], ("Tell me about yourself", True)),
        ]
    )
    focus = log.prepare(NEXT)
    assert isinstance(focus, PrepFocus)
    assert focus.interview == NEXT
    # weakness: asked 3 times, both rated answers bad -> 3 x 2/2 = 3
    # yourself: asked 3 times, 1 of 3 rated bad      -> 3 x 1/3 = 1
    # hire:     asked once, bad                       -> 1 x 1/1 = 1, older
    assert [item.question.key for item in focus.questions] == [
        "greatest weakness",
        "yourself",
        "hire why",
    ]
    assert focus.questions[0].reason == (
        "Asked 3 times, most recently on 2026-09-21; none of the 2 answers you "
        "rated went well."
    )
    assert focus.questions[1].reason == (
        "Asked 3 times, most recently on 2026-09-28; 1 of the 3 answers you "
        "rated did not go well."
    )
    assert focus.questions[2].reason == (
        "Asked once, most recently on 2026-09-07; the one answer you rated did "
        "not go well."
    )
    assert log.prepare(NEXT, limit=1).questions == focus.questions[:1]
    assert log.prepare(NEXT, limit=0).questions == ()


def test_gaps_group_and_close() -> None:
    log = LearningLog(
        entries=[
            single_round(
                START, gaps=["SQL window functions", "Their main competitors"]
            ),
            single_round(
                START.add(weeks=1), gaps=["sql window-functions", "Kubernetes basics"]
            ),
            single_round(START.add(weeks=6), gaps=["their main competitors in Europe"]),
        ],
        closed_gaps=[
            # Closed after the last time it showed: closed.
            ClosedGap(gap="Window functions in SQL", closed_at=START.add(weeks=2)),
            # Closed, then exposed again in week 6: open again.
            ClosedGap(gap="Main competitors", closed_at=START.add(weeks=3)),
        ],
    )
    by_key = {gap.key: gap for gap in log.gaps}
    assert set(by_key) == {
        "competitor main",
        "function sql window",
        "basic kubernete",  # the plural stemmer is simple-minded
    }
    sql = by_key["function sql window"]
    assert sql.count == 2
    assert sql.wordings == ("SQL window functions", "sql window-functions")
    assert sql.closed_at == START.add(weeks=2)
    assert not sql.open
    competitors = by_key["competitor main"]
    # "... in Europe" joined "main competitors": its key is one word longer.
    assert competitors.count == 2
    assert competitors.open
    assert competitors.closed_at == START.add(weeks=3)
    assert [gap.key for gap in log.open_gaps] == ["competitor main", "basic kubernete"]
    focus = log.prepare(NEXT)
    assert [item.gap for item in focus.gaps] == list(log.open_gaps)
    assert focus.gaps[0].reason == (
        "Noted twice, most recently on 2026-10-19, after you marked it closed on "
        "2026-09-28."
    )
    assert focus.gaps[1].reason == "Noted once, most recently on 2026-09-14."


def test_a_closed_gap_matches_a_gap_one_word_longer_or_shorter() -> None:
    entries = [single_round(START, gaps=["SQL window functions"])]
    shorter = ClosedGap(gap="window functions", closed_at=START.add(days=1))
    longer = ClosedGap(gap="advanced SQL window functions", closed_at=START.add(days=1))
    unrelated = ClosedGap(gap="window cleaning", closed_at=START.add(days=1))
    for closed, still_open in ((shorter, False), (longer, False), (unrelated, True)):
        (gap,) = LearningLog(entries=entries, closed_gaps=[closed]).gaps
        assert gap.open is still_open, closed.gap


def test_feedback_themes_count_weaknesses_and_suggestions() -> None:
    given_at = START.add(weeks=1)
    feedback = [
        Feedback(
            received_at=given_at,
            weaknesses=["Answers lacked specific examples"],
            suggestions=["Use more specific examples", "Research our products"],
        ),
    ]
    later = Feedback(
        received_at=START.add(weeks=4),
        weaknesses=["Did not research our products"],
        suggestions=["Answers lacked specific examples."],
    )
    log = LearningLog(
        entries=[
            single_round(START, feedback=feedback),
            single_round(START.add(weeks=3), feedback=[later]),
        ]
    )
    themes = {theme.key: theme for theme in log.feedback_themes}
    # "examples" counts here: it frames a question only after "an" or "for".
    lacked = themes["answer example lacked specific"]
    assert (lacked.weaknesses, lacked.suggestions, lacked.count) == (1, 1, 2)
    assert lacked.last_seen == START.add(weeks=4)
    assert themes["product research"].count == 1
    assert themes["not product research"].count == 1
    assert themes["example specific use"].count == 1
    assert log.feedback_themes[0] is lacked
    (first, *_) = log.prepare(NEXT).feedback
    assert first.theme is lacked
    assert first.reason == (
        "Raised in feedback once as a weakness and once as a suggestion, most "
        "recently on 2026-10-05."
    )


def test_scorecards_and_notes_belong_to_the_round_that_ended_last() -> None:
    first_end, second_end = START, START.add(weeks=1)
    application = Application(
        interviews=[interview(first_end), interview(second_end, round=2)]
    )
    entry = LogEntry(
        application=application,
        # Written after round 2 ended: about round 2.
        scorecards=[card(second_end, listening=2)],
        # Written after round 1 ended, before round 2 did: about round 1.
        notes=[notes(first_end, ("Why this role?", False))],
    )
    log = LearningLog(entries=[entry])
    (point,) = log.criterion(Criterion.LISTENING).points
    assert (point.at, point.round, point.organisation) == (second_end, 2, "Acme Ltd")
    (question,) = log.questions
    assert question.last_asked == first_end


def test_a_scorecard_with_a_note_keeps_it_on_its_point() -> None:
    scorecard = Scorecard(
        written_at=START.add(minutes=5),
        overall=5,
        ratings=[
            Rating(
                criterion=Criterion.EXAMPLES,
                score=2,
                note="The budget answer had no figures",
            )
        ],
    )
    log = LearningLog(
        entries=[
            LogEntry(
                application=Application(interviews=[interview(START)]),
                scorecards=[scorecard],
            )
        ]
    )
    (point,) = log.criterion(Criterion.EXAMPLES).points
    assert point.note == "The budget answer had no figures"
    assert point.round == 1
    assert point.role == "Data Analyst"


def test_points_are_ordered_by_the_instant_not_the_wall_clock() -> None:
    # London's clocks went back at 02:00 on 25 October 2026: 01:30 happened
    # twice. The first 01:30 (BST) is an hour before the second (GMT).
    first = pendulum.datetime(2026, 10, 25, 1, 30, tz=LONDON, fold=0)
    second = pendulum.datetime(2026, 10, 25, 1, 30, tz=LONDON, fold=1)
    assert _time.naive_utc(first) < _time.naive_utc(second)
    later = second.add(hours=3)
    log = LearningLog(
        entries=[
            single_round(later, scores={"awareness": 1}, organisation="C"),
            single_round(second, scores={"awareness": 3}, organisation="B"),
            single_round(first, scores={"awareness": 5}, organisation="A"),
        ]
    )
    trend = log.criterion(Criterion.AWARENESS)
    assert [p.organisation for p in trend.points] == ["A", "B", "C"]
    assert trend.trend is Trend.WORSENING
    with pytest.raises(ValidationError) as info:
        CriterionTrend(criterion=Criterion.AWARENESS, points=trend.points[::-1])
    assert info.value.field == "points[1]"


def test_an_empty_log_has_nothing_to_say() -> None:
    log = LearningLog()
    assert log.questions == ()
    assert log.gaps == ()
    assert log.feedback_themes == ()
    assert all(trend.trend is Trend.NOT_ENOUGH_DATA for trend in log.criteria)
    focus = log.prepare(NEXT)
    assert focus == PrepFocus(interview=NEXT)


def test_texts_without_content_words_keep_all_their_words() -> None:
    # Only filler words: the key keeps them all rather than being empty.
    assert grouping_key("What would you do?") == "do what would you"
    assert grouping_key("Tell me more") == "me more tell"
    # No letters or digits at all: the empty key.
    assert grouping_key("?!") == ""


# --- grouping: labelled pairs ---------------------------------------------------

SAME_QUESTION = [
    ("Tell me about yourself", "Tell me a bit about yourself"),
    ("Tell me about yourself.", "TELL ME ABOUT   YOURSELF"),
    ("What is your greatest weakness?", "What's your greatest weakness?"),
    ("What are your strengths?", "What would you say are your strengths?"),
    (
        "Where do you see yourself in five years?",
        "Where do you see yourself in 5 years' time?",
    ),
    ("Tell me about a time you led a team", "Give an example of when you led a team"),
    ("Why do you want this job?", "Why do you want the job?"),
    ("How do you prioritise competing deadlines?", "How do you prioritise deadlines?"),
    (
        "Describe a situation where you resolved a conflict",
        "Tell me about a conflict you resolved",
    ),
    ("Walk me through your CV", "Could you talk me through your CV, please?"),
    (
        "Tell me about a project you're proud of",
        "Tell me about a project you are proud of",
    ),
    (
        "Tell me about a project that didn't go well",
        "Tell me about a project that did not go well",
    ),
    ("Describe yourself in three words", "Describe yourself in 3 words"),
    ("Talk me through your résumé", "Talk me through your resume"),
]

DIFFERENT_QUESTIONS = [
    ("Tell me about a failure", "Tell me about a success"),
    ("What is your greatest strength?", "What is your greatest weakness?"),
    ("Why do you want this job?", "Why are you leaving your current job?"),
    (
        "Tell me about a project that went well",
        "Tell me about a project that did not go well",
    ),
    (
        "Where do you see yourself in five years?",
        "Where do you see yourself in ten years?",
    ),
    ("Tell me about yourself", "Tell me about your team"),
    ("Describe a conflict with a manager", "Describe a conflict with a colleague"),
    ("How do you handle stress?", "How do you handle criticism?"),
    ("What are your salary expectations?", "What are your career expectations?"),
    ("Tell me about a time you led a team", "Tell me about a time you joined a team"),
    ("Why should we hire you?", "Why should we not hire you?"),
    ("How do you manage your time?", "How do you manage your team?"),
    # One word more, but the shorter key would keep a single word.
    ("Tell me about a project", "Tell me about a failed project"),
]


def grouped_together(first: str, second: str) -> bool:
    log = LearningLog(
        entries=[
            single_round(START, (first, None)),
            single_round(START.add(days=1), (second, None)),
        ]
    )
    return len(log.questions) == 1


@pytest.mark.parametrize(("first", "second"), SAME_QUESTION)
def test_wordings_of_the_same_question_group(first: str, second: str) -> None:
    assert grouped_together(first, second)
    assert grouped_together(second, first)


@pytest.mark.parametrize(("first", "second"), DIFFERENT_QUESTIONS)
def test_different_questions_stay_apart(first: str, second: str) -> None:
    assert not grouped_together(first, second)
    assert not grouped_together(second, first)


def test_one_word_joins_go_through_a_key_that_is_present() -> None:
    # Two keys that differ by one word each way ("led" / "joined") stay apart,
    # and join only when the key between them was asked too.
    led = "Tell me about a time you led a new team"
    joined = "Tell me about a time you joined a new team"
    between = "Tell me about a new team"
    assert not grouped_together(led, joined)
    log = LearningLog(
        entries=[
            single_round(START, (led, None), (joined, None), (between, None)),
        ]
    )
    (question,) = log.questions
    assert question.key == "new team"
    assert question.asked == 3


# --- Hypothesis strategies ---------------------------------------------------
# The log's own strategies live in postinterview.strategies; these helpers
# draw what only these tests need.

ZONES = pst._LOG_ZONES
_SEPARATORS = pst._SEPARATORS
_ENDS = pst._ENDS
variants = pst._variants


def score_points(
    *, min_size: int = 0, max_size: int = 10, timezones: Sequence[str] = ZONES
) -> st.SearchStrategy[list[ScorePoint]]:
    """Return a strategy for lists of :class:`ScorePoint`, in time order.

    Requires hypothesis.

    The instants are microseconds to two years apart, sometimes equal, each
    shown in a zone from *timezones*. Shrinks towards points at the same
    instant, in the first zone, scoring 1.
    """
    offsets = st.one_of(
        st.just(0),
        st.integers(0, 10**6),
        st.integers(0, 2 * 365 * 86400 * 10**6),
    )

    @st.composite
    def draw(draw: st.DrawFn) -> list[ScorePoint]:
        start = dt.datetime(2025, 1, 1)  # noqa: DTZ001 - naive UTC
        moments = sorted(draw(st.lists(offsets, min_size=min_size, max_size=max_size)))
        return [
            ScorePoint(
                at=_time.from_naive_utc(
                    start + dt.timedelta(microseconds=moment),
                    _time.zone(draw(st.sampled_from(timezones))),
                ),
                score=draw(st.integers(1, 5)),
                organisation=draw(st.sampled_from(("Acme Ltd", "Beta plc"))),
                role="Analyst",
            )
            for moment in moments
        ]

    return draw()


# --- properties: grouping -------------------------------------------------------

WORDS = (
    "Tell",
    "me",
    "about",
    "a",
    "time",
    "you",
    "led",
    "team",
    "failure",
    "what's",
    "your",
    "greatest",
    "weakness",
    "five",
    "years'",
    "CV",
    "why",
    "not",
    "résumé",
    "straße",
    "didn't",
    "strengths",
    "stories",
    "2026",
)


@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).flatmap(
        lambda words: st.tuples(st.just(" ".join(words)), variants(" ".join(words)))
    )
)
def test_the_key_ignores_case_spacing_and_punctuation(pair: tuple[str, str]) -> None:
    plain, varied = pair
    assert grouping_key(varied) == grouping_key(plain)


def questions_of(log: LearningLog) -> Iterator[QuestionAsked]:
    for entry in log.entries:
        for written in entry.notes:
            yield from written.questions


def gaps_of(log: LearningLog) -> Iterator[str]:
    for entry in log.entries:
        for written in entry.notes:
            yield from written.preparation_gaps


def themes_of(log: LearningLog) -> Iterator[str]:
    for entry in log.entries:
        for feedback in entry.feedback:
            yield from feedback.weaknesses
            yield from feedback.suggestions


@settings(max_examples=50)
@given(pst.learning_logs())
def test_counts_add_up(log: LearningLog) -> None:
    asked = list(questions_of(log))
    assert sum(question.asked for question in log.questions) == len(asked)
    answers = Counter(question.answered_well for question in asked)
    assert sum(q.answered_well for q in log.questions) == answers[True]
    assert sum(q.answered_badly for q in log.questions) == answers[False]
    assert sum(q.not_rated for q in log.questions) == answers[None]
    assert sum(gap.count for gap in log.gaps) == len(list(gaps_of(log)))
    assert sum(theme.count for theme in log.feedback_themes) == len(
        list(themes_of(log))
    )
    # Every wording is in exactly one group.
    for groups, texts in (
        (log.questions, {question.text for question in asked}),
        (log.gaps, set(gaps_of(log))),
        (log.feedback_themes, set(themes_of(log))),
    ):
        wordings = [wording for group in groups for wording in group.wordings]
        assert sorted(wordings) == sorted(texts)
        assert len({group.key for group in groups}) == len(groups)
    scores = sum(
        len(scorecard.ratings)
        for entry in log.entries
        for scorecard in entry.scorecards
        if scorecard is not None
    )
    assert sum(trend.data_points for trend in log.criteria) == scores


def summaries(log: LearningLog) -> tuple[object, ...]:
    return (
        log.criteria,
        log.questions,
        log.gaps,
        log.feedback_themes,
        log.prepare(NEXT),
    )


@settings(max_examples=50)
@given(pst.learning_logs(), st.randoms(use_true_random=False))
def test_entry_order_does_not_change_the_results(log: LearningLog, rng: Any) -> None:
    entries = list(log.entries)
    rng.shuffle(entries)
    closed = list(log.closed_gaps)
    rng.shuffle(closed)
    shuffled = LearningLog(entries=entries, closed_gaps=closed)
    assert summaries(shuffled) == summaries(log)


def rewritten(log: LearningLog, rewrite: Any) -> LearningLog:
    """Return *log* with every question, gap and feedback text rewritten."""

    def notes_of(written: InterviewNotes) -> InterviewNotes:
        return attrs.evolve(
            written,
            questions=[
                attrs.evolve(q, text=rewrite(q.text)) for q in written.questions
            ],
            preparation_gaps=[rewrite(gap) for gap in written.preparation_gaps],
        )

    return LearningLog(
        entries=[
            attrs.evolve(
                entry,
                notes=[notes_of(written) for written in entry.notes],
                feedback=[
                    attrs.evolve(
                        f,
                        weaknesses=[rewrite(t) for t in f.weaknesses],
                        suggestions=[rewrite(t) for t in f.suggestions],
                    )
                    for f in entry.feedback
                ],
            )
            for entry in log.entries
        ],
        closed_gaps=log.closed_gaps,
    )


def shape(log: LearningLog) -> tuple[object, ...]:
    """The groups of a log without their wordings."""
    return (
        [
            (q.key, q.asked, q.answered_well, q.answered_badly, q.last_asked)
            for q in log.questions
        ],
        [(g.key, g.count, g.open) for g in log.gaps],
        [(t.key, t.weaknesses, t.suggestions) for t in log.feedback_themes],
    )


@settings(max_examples=30)
@given(pst.learning_logs(), st.sampled_from(_SEPARATORS), st.sampled_from(_ENDS))
def test_grouping_in_a_log_ignores_case_spacing_and_punctuation(
    log: LearningLog, separator: str, end: str
) -> None:
    def rewrite(text: str) -> str:
        return end + separator.join(text.upper().split()) + end

    assert shape(rewritten(log, rewrite)) == shape(log)


@settings(max_examples=50)
@given(pst.learning_logs())
def test_summaries_are_valid_records(log: LearningLog) -> None:
    # The log builds its records without running their checks; building them
    # again through their constructors must accept them and give equal values.
    records: list[Any] = [*log.questions, *log.gaps, *log.feedback_themes]
    focus = log.prepare(NEXT, limit=100)
    records += [focus, *focus.questions, *focus.criteria, *focus.gaps, *focus.feedback]
    for record in records:
        assert attrs.evolve(record) == record
    for trend in log.criteria:
        again = CriterionTrend(criterion=trend.criterion, points=trend.points)
        assert again == trend
        assert (again.trend, again.change) == (trend.trend, trend.change)
        for point in trend.points:
            assert attrs.evolve(point) == point


@settings(max_examples=50)
@given(pst.learning_logs())
def test_prepare_follows_its_priorities(log: LearningLog) -> None:
    focus = log.prepare(NEXT, limit=100)
    weights = []
    for item in focus.questions:
        question = item.question
        assert question.answered_badly >= 1
        rated = question.answered_well + question.answered_badly
        weights.append(Fraction(question.asked * question.answered_badly, rated))
    assert weights == sorted(weights, reverse=True)
    assert len(focus.questions) == sum(1 for q in log.questions if q.answered_badly)
    levels = [item.recent for item in focus.criteria]
    assert levels == sorted(levels)
    for criterion in focus.criteria:
        assert criterion.recent < 4 or criterion.trend is Trend.WORSENING
    assert [item.gap for item in focus.gaps] == list(log.open_gaps)
    assert [item.theme for item in focus.feedback] == list(log.feedback_themes)
    limited = log.prepare(NEXT, limit=2)
    assert limited.questions == focus.questions[:2]
    assert limited.criteria == focus.criteria[:2]


# --- properties: trends ---------------------------------------------------------

FLIPPED = {
    Trend.IMPROVING: Trend.WORSENING,
    Trend.WORSENING: Trend.IMPROVING,
    Trend.FLAT: Trend.FLAT,
    Trend.NOT_ENOUGH_DATA: Trend.NOT_ENOUGH_DATA,
}


def trend_of(points: Sequence[ScorePoint]) -> CriterionTrend:
    return CriterionTrend(criterion=Criterion.EXAMPLES, points=points)


@given(score_points(), st.integers(0, 4))
def test_adding_a_constant_to_every_score_keeps_the_trend(
    points: list[ScorePoint], constant: int
) -> None:
    low = [
        attrs.evolve(p, score=1 + (p.score - 1) * (4 - constant) // 4) for p in points
    ]
    high = [attrs.evolve(p, score=p.score + constant) for p in low]
    assert (trend_of(high).trend, trend_of(high).change) == (
        trend_of(low).trend,
        trend_of(low).change,
    )


def mirrored(points: Sequence[ScorePoint], pivot: dt.datetime) -> list[ScorePoint]:
    """The points with time running backwards around *pivot* (naive UTC)."""
    return [
        attrs.evolve(
            point,
            at=_time.from_naive_utc(
                pivot + (pivot - _time.naive_utc(point.at)),
                _time.zone(_time.zone_name(point.at)),
            ),
        )
        for point in reversed(points)
    ]


@given(score_points(), st.integers(0, 10**15))
def test_reversing_time_swaps_improving_and_worsening(
    points: list[ScorePoint], shift: int
) -> None:
    naive = dt.datetime(2026, 1, 1)  # noqa: DTZ001 - naive UTC
    pivot = naive + dt.timedelta(microseconds=shift)
    forward = trend_of(points)
    backward = trend_of(mirrored(points, pivot))
    assert backward.trend is FLIPPED[forward.trend]
    if forward.change is None:
        assert backward.change is None
    else:
        assert backward.change == -forward.change


@given(score_points(), st.integers(2, 1000))
def test_stretching_time_keeps_the_trend(points: list[ScorePoint], factor: int) -> None:
    if not points:
        return
    origin = _time.naive_utc(points[0].at)
    stretched = [
        attrs.evolve(
            point,
            at=_time.from_naive_utc(
                origin + (_time.naive_utc(point.at) - origin) * factor,
                _time.zone(_time.zone_name(point.at)),
            ),
        )
        for point in points
        if (_time.naive_utc(point.at) - origin) * factor < dt.timedelta(days=3650)
    ]
    kept = points[: len(stretched)]
    assert trend_of(stretched).trend is trend_of(kept).trend


@given(score_points())
def test_scores_that_never_fall_never_worsen(points: list[ScorePoint]) -> None:
    rising = [
        attrs.evolve(point, score=score)
        for point, score in zip(
            points, sorted(point.score for point in points), strict=True
        )
    ]
    assert trend_of(rising).trend is not Trend.WORSENING


@given(score_points(min_size=3), st.integers(1, 5))
def test_equal_scores_are_flat(points: list[ScorePoint], score: int) -> None:
    same = trend_of([attrs.evolve(point, score=score) for point in points])
    distinct_instants = len({_time.naive_utc(point.at) for point in points})
    if distinct_instants > 1:
        assert same.trend is Trend.FLAT
        assert same.change == 0
    else:
        assert same.trend is Trend.NOT_ENOUGH_DATA


@given(score_points(max_size=2))
def test_fewer_than_three_scores_are_not_enough(points: list[ScorePoint]) -> None:
    trend = trend_of(points)
    assert trend.trend is Trend.NOT_ENOUGH_DATA
    assert trend.change is None


def test_the_dead_band_is_half_a_point_over_the_span() -> None:
    days = [START.add(days=n) for n in range(3)]

    def points(*scores: int) -> list[ScorePoint]:
        return [
            ScorePoint(at=at, score=s, organisation="Acme Ltd", role="Analyst")
            for at, s in zip(days, scores, strict=True)
        ]

    # 3, 3, 4: the fitted line rises by exactly 1 over the span.
    assert trend_of(points(3, 3, 4)).change == Decimal("1.00")
    assert trend_of(points(3, 3, 4)).trend is Trend.IMPROVING
    # 3, 4, 3: no rise at all.
    assert trend_of(points(3, 4, 3)).trend is Trend.FLAT
    # Four points 3, 3, 3, 4 at days 0, 1, 2, 30: the fitted line rises by
    # well over half a point; at days 0, 1, 2, 3 with 4, 3, 3, 4 it is level.
    late = [*days, START.add(days=30)]
    rising = [
        ScorePoint(at=at, score=s, organisation="Acme Ltd", role="Analyst")
        for at, s in zip(late, (3, 3, 3, 4), strict=True)
    ]
    assert trend_of(rising).trend is Trend.IMPROVING
    fourth = ScorePoint(at=START.add(days=3), score=4, organisation="A", role="B")
    level = [*points(4, 3, 3), fourth]
    assert trend_of(level).trend is Trend.FLAT
    assert trend_of(level).change == Decimal("0.00")


@pytest.mark.parametrize(
    ("scores", "trend", "change"),
    [
        ((3, 4, 4), Trend.IMPROVING, "0.50"),
        ((4, 3, 3), Trend.WORSENING, "-0.50"),
        ((3, 5, 4), Trend.FLAT, "0.00"),
        ((3, 3, 4), Trend.IMPROVING, "1.00"),
    ],
)
def test_exactly_half_a_point_is_a_trend(
    scores: tuple[int, int, int], trend: Trend, change: str
) -> None:
    # Two scores at the same instant and one a day later: the fitted line
    # rises by (2 * last - first - second) / 2, so 3, 4, 4 rises by exactly 0.5.
    day = START.add(days=1)
    points = [
        ScorePoint(at=at, score=score, organisation="Acme Ltd", role="Analyst")
        for at, score in zip((START, START, day), scores, strict=True)
    ]
    assert trend_of(points).trend is trend
    assert trend_of(points).change == Decimal(change)


# --- serialization --------------------------------------------------------------


def test_the_records_round_trip_through_json() -> None:
    feedback = Feedback(
        received_at=START.add(weeks=1), weaknesses=["Answers were too long"]
    )
    log = LearningLog(
        entries=[
            single_round(
                START,
                ("Tell me about yourself", False),
                scores={"examples": 2},
                gaps=["SQL window functions"],
                feedback=[feedback],
            ),
            single_round(START.add(weeks=2), ("Why this job?", None)),
        ],
        closed_gaps=[ClosedGap(gap="window functions", closed_at=START.add(days=1))],
    )
    again = codec.from_json(LearningLog, codec.to_json(log))
    assert again == log
    assert summaries(again) == summaries(log)
    focus = log.prepare(NEXT)
    assert codec.from_json(PrepFocus, codec.to_json(focus)) == focus
    trend = log.criterion(Criterion.EXAMPLES)
    document = codec.to_dict(trend)
    # The trend is computed from the points, so it is not written.
    assert set(document) == {"schema_version", "criterion", "points"}
    assert codec.from_dict(CriterionTrend, document) == trend


@settings(max_examples=20)
@given(pst.learning_logs(max_entries=3))
def test_any_log_round_trips_through_json(log: LearningLog) -> None:
    assert codec.from_json(LearningLog, codec.to_json(log)) == log


# --- errors name the field ------------------------------------------------------

APPLICATION = Application(interviews=[interview(START)])
TWO_ROUNDS = Application(
    interviews=[interview(START), interview(START.add(weeks=1), round=2)]
)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"application": "Acme Ltd"}, "application"),
        ({"scorecards": [card(START), card(START)]}, "scorecards[1]"),
        ({"scorecards": "card"}, "scorecards"),
        ({"scorecards": ["card"]}, "scorecards[0]"),
        ({"scorecards": [None]}, "scorecards[0]"),
        ({"notes": [notes(START), notes(START)]}, "notes[1]"),
        ({"notes": [QuestionAsked(text="Why?")]}, "notes[0]"),
        ({"feedback": ["too long"]}, "feedback[0]"),
        (
            {"feedback": [Feedback(received_at=START.subtract(minutes=1))]},
            "feedback[0]",
        ),
        ({"scorecards": [card(START.subtract(minutes=11))]}, "scorecards[0]"),
    ],
)
def test_log_entries_name_the_bad_field(changes: dict[str, Any], field: str) -> None:
    fields: dict[str, Any] = {"application": APPLICATION}
    fields.update(changes)
    with pytest.raises(ValidationError) as info:
        LogEntry(**fields)
    assert info.value.field == field


def test_a_scorecard_is_about_the_round_that_ended_last_before_it() -> None:
    second_end = START.add(weeks=1)
    # One after each round, in any order: each finds its own round.
    entry = LogEntry(
        application=TWO_ROUNDS,
        scorecards=[card(second_end, rapport=4), card(START, rapport=2)],
    )
    log = LearningLog(entries=[entry])
    points = log.criterion(Criterion.RAPPORT).points
    assert [(p.round, p.score) for p in points] == [(1, 2), (2, 4)]
    # Two written after round 2 ended: the second has no round left.
    with pytest.raises(ValidationError) as info:
        LogEntry(
            application=TWO_ROUNDS,
            scorecards=[card(second_end), card(second_end.add(days=1))],
        )
    assert info.value.field == "scorecards[1]"
    assert "round 2" in str(info.value)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"entries": "entries"}, "entries"),
        ({"entries": [APPLICATION]}, "entries[0]"),
        ({"closed_gaps": ["SQL"]}, "closed_gaps[0]"),
    ],
)
def test_the_log_names_the_bad_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        LearningLog(**changes)
    assert info.value.field == field


def test_closed_gaps_need_text_and_an_instant() -> None:
    with pytest.raises(ValidationError) as info:
        ClosedGap(gap="  ", closed_at=START)
    assert info.value.field == "gap"
    with pytest.raises(NaiveDatetimeError) as naive:
        ClosedGap(gap="SQL", closed_at=dt.datetime(2026, 9, 1))  # noqa: DTZ001 - naive on purpose
    assert naive.value.field == "closed_at"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"score": 0}, "score"),
        ({"score": True}, "score"),
        ({"round": 0}, "round"),
        ({"organisation": " "}, "organisation"),
        ({"role": None}, "role"),
        ({"note": ""}, "note"),
        ({"at": "2026-09-07"}, "at"),
    ],
)
def test_score_points_name_the_bad_field(changes: dict[str, Any], field: str) -> None:
    fields: dict[str, Any] = {
        "at": START,
        "score": 3,
        "organisation": "Acme Ltd",
        "role": "Analyst",
    }
    fields.update(changes)
    with pytest.raises(ValidationError) as info:
        ScorePoint(**fields)
    assert info.value.field == field


def test_criterion_trends_name_the_bad_field() -> None:
    with pytest.raises(ValidationError) as info:
        CriterionTrend(criterion="EXAMPLES")  # type: ignore[arg-type]
    assert info.value.field == "criterion"
    with pytest.raises(ValidationError) as info:
        CriterionTrend(criterion=Criterion.EXAMPLES, points=[3])  # type: ignore[list-item]
    assert info.value.field == "points[0]"


GROUPED = {"key": "yourself", "wordings": ["Tell me about yourself"]}


@pytest.mark.parametrize(
    ("record", "fields", "field"),
    [
        (AskedQuestion, {"asked": 2, "answered_well": 1}, "asked"),
        (AskedQuestion, {"asked": 0}, "asked"),
        (AskedQuestion, {"asked": 1, "not_rated": 1, "wordings": []}, "wordings"),
        (
            AskedQuestion,
            {"asked": 1, "not_rated": 1, "wordings": ["a", "b"]},
            "wordings",
        ),
        (
            AskedQuestion,
            {"asked": 1, "not_rated": 1, "last_asked": START.subtract(days=1)},
            "last_asked",
        ),
        (PreparationGap, {"count": 0}, "count"),
        (PreparationGap, {"count": 1, "key": None}, "key"),
        (FeedbackTheme, {}, "suggestions"),
        (FeedbackTheme, {"weaknesses": -1}, "weaknesses"),
    ],
)
def test_grouped_records_check_their_counts(
    record: type, fields: dict[str, Any], field: str
) -> None:
    instants = {
        AskedQuestion: ("first_asked", "last_asked"),
        PreparationGap: ("first_seen", "last_seen"),
        FeedbackTheme: ("first_seen", "last_seen"),
    }[record]
    values: dict[str, Any] = dict.fromkeys(instants, START)
    values.update(GROUPED)
    values.update(fields)
    with pytest.raises(ValidationError) as info:
        record(**values)
    assert info.value.field == field


def test_prepare_and_lookups_name_the_bad_argument() -> None:
    log = LearningLog()
    with pytest.raises(ValidationError) as info:
        log.prepare("Acme Ltd")  # type: ignore[arg-type]
    assert info.value.field == "next_interview"
    for limit in (-1, True, 2.0):
        with pytest.raises(ValidationError) as info:
            log.prepare(NEXT, limit=limit)  # type: ignore[arg-type]
        assert info.value.field == "limit"
    with pytest.raises(ValidationError) as info:
        log.criterion("EXAMPLES")  # type: ignore[arg-type]
    assert info.value.field == "criterion"
    with pytest.raises(ValidationError) as info:
        grouping_key(None)  # type: ignore[arg-type]
    assert info.value.field == "text"


def test_the_log_is_frozen_and_compares_by_its_entries() -> None:
    entry = single_round(START, ("Why this role?", True))
    log = LearningLog(entries=[entry])
    with pytest.raises(attrs.exceptions.FrozenError):
        log.entries = ()  # type: ignore[misc]
    assert log == LearningLog(entries=(entry,))
    assert log != LearningLog(entries=(entry, entry))
    assert "_summary" not in repr(log)
    assert list(itertools.chain.from_iterable(q.wordings for q in log.questions)) == [
        "Why this role?"
    ]
