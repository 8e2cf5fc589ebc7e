"""The priorities of :meth:`LearningLog.prepare`, and the reason given for each item."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

import pendulum

from postinterview.learning._focus import (
    CriterionFocus,
    FeedbackFocus,
    GapFocus,
    QuestionFocus,
)
from postinterview.learning._instants import _stamp
from postinterview.learning._records import _make
from postinterview.learning._summaries import (
    AskedQuestion,
    FeedbackTheme,
    PreparationGap,
)
from postinterview.learning._trends import (
    _RECENT,
    CriterionTrend,
    Trend,
    _level,
    _two_places,
)

_STRONG = 4  # a current level at or above this is not a weakness


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _day(instant: pendulum.DateTime) -> str:
    return instant.date().isoformat()


def _question_priorities(questions: Iterable[AskedQuestion]) -> list[QuestionFocus]:
    badly = [question for question in questions if question.answered_badly]
    # Sorts are stable: the last one decides, the earlier ones break its ties.
    badly.sort(key=lambda q: q.key)
    badly.sort(key=lambda q: _stamp(q.last_asked), reverse=True)
    badly.sort(
        key=lambda q: Fraction(
            q.asked * q.answered_badly, q.answered_well + q.answered_badly
        ),
        reverse=True,
    )
    return [_make(QuestionFocus, question=q, reason=_question_reason(q)) for q in badly]


def _question_reason(question: AskedQuestion) -> str:
    rated = question.answered_well + question.answered_badly
    if rated == 1:
        went = "the one answer you rated did not go well"
    elif question.answered_badly == rated:
        went = f"none of the {rated} answers you rated went well"
    else:
        badly = question.answered_badly
        went = f"{badly} of the {rated} answers you rated did not go well"
    return (
        f"Asked {_times(question.asked)}, most recently on "
        f"{_day(question.last_asked)}; {went}."
    )


def _criterion_priorities(trends: Iterable[CriterionTrend]) -> list[CriterionFocus]:
    chosen = []
    for trend in trends:  # in Criterion order
        level = _level(trend)
        if level is None:
            continue
        if level < _STRONG or trend.trend is Trend.WORSENING:
            chosen.append((level, trend.trend is not Trend.WORSENING, trend))
    chosen.sort(key=lambda item: item[:2])
    return [
        _make(
            CriterionFocus,
            criterion=trend.criterion,
            trend=trend.trend,
            recent=_two_places(level),
            scores=len(trend.points),
            reason=_criterion_reason(trend, level),
        )
        for level, _, trend in chosen
    ]


_TREND_WORDS = {
    Trend.IMPROVING: "is improving; keep going",
    Trend.FLAT: "has stayed about level",
    Trend.WORSENING: "is going down",
}


def _criterion_reason(trend: CriterionTrend, level: Fraction) -> str:
    recent = min(len(trend.points), _RECENT)
    shown = f"{_two_places(level):f}".rstrip("0").rstrip(".")
    if recent == 1:
        start = f"Your latest score is {shown} out of 5"
    else:
        start = f"Your latest {recent} scores average {shown} out of 5"
    if trend.trend is Trend.NOT_ENOUGH_DATA:
        return f"{start}; too few scores yet to see a trend."
    return (
        f"{start}; over {len(trend.points)} scores the trend "
        f"{_TREND_WORDS[trend.trend]}."
    )


def _gap_priorities(gaps: Iterable[PreparationGap]) -> list[GapFocus]:
    """Focus on each of *gaps*, in the log's order: the most often noted first."""
    return [_make(GapFocus, gap=gap, reason=_gap_reason(gap)) for gap in gaps]


def _gap_reason(gap: PreparationGap) -> str:
    said = f"Noted {_times(gap.count)}, most recently on {_day(gap.last_seen)}"
    if gap.closed_at is not None:
        return f"{said}, after you marked it closed on {_day(gap.closed_at)}."
    return f"{said}."


def _theme_priorities(themes: Iterable[FeedbackTheme]) -> list[FeedbackFocus]:
    """Focus on each of *themes*, in the log's order: the most often raised first."""
    return [
        _make(FeedbackFocus, theme=theme, reason=_theme_reason(theme))
        for theme in themes
    ]


def _theme_reason(theme: FeedbackTheme) -> str:
    parts = []
    if theme.weaknesses:
        parts.append(f"{_times(theme.weaknesses)} as a weakness")
    if theme.suggestions:
        parts.append(f"{_times(theme.suggestions)} as a suggestion")
    return (
        f"Raised in feedback {' and '.join(parts)}, most recently on "
        f"{_day(theme.last_seen)}."
    )
