"""What to practise before the next interview: the parts of a :class:`PrepFocus`."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from postinterview import _fields
from postinterview.interview import Interview
from postinterview.learning._records import _at_least
from postinterview.learning._summaries import (
    AskedQuestion,
    FeedbackTheme,
    PreparationGap,
)
from postinterview.learning._trends import Trend
from postinterview.reflection import Criterion


@attrs.frozen(kw_only=True)
class QuestionFocus:
    """A question worth practising, and why."""

    question: AskedQuestion = attrs.field(validator=_fields.instance_of(AskedQuestion))
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


@attrs.frozen(kw_only=True)
class CriterionFocus:
    """A criterion worth working on, and why.

    *recent* is the mean of its latest three scores (two places), *trend* its
    trend over all *scores* of them.
    """

    criterion: Criterion = attrs.field(validator=_fields.enum_member(Criterion))
    trend: Trend = attrs.field(validator=_fields.enum_member(Trend))
    recent: Decimal = attrs.field(
        converter=_fields.to_decimal, validator=_fields.amount
    )
    scores: int = attrs.field(validator=_at_least(1))
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


@attrs.frozen(kw_only=True)
class GapFocus:
    """An open preparation gap, and why it matters now."""

    gap: PreparationGap = attrs.field(validator=_fields.instance_of(PreparationGap))
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


@attrs.frozen(kw_only=True)
class FeedbackFocus:
    """A feedback theme to act on, and why."""

    theme: FeedbackTheme = attrs.field(validator=_fields.instance_of(FeedbackTheme))
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


# Named converters, one per item type: mypy's attrs plugin cannot type an
# __init__ parameter through a generic converter.
def _question_focus(value: Iterable[QuestionFocus]) -> tuple[QuestionFocus, ...]:
    return _fields.to_tuple(value)


def _criterion_focus(value: Iterable[CriterionFocus]) -> tuple[CriterionFocus, ...]:
    return _fields.to_tuple(value)


def _gap_focus(value: Iterable[GapFocus]) -> tuple[GapFocus, ...]:
    return _fields.to_tuple(value)


def _feedback_focus(value: Iterable[FeedbackFocus]) -> tuple[FeedbackFocus, ...]:
    return _fields.to_tuple(value)


@attrs.frozen(kw_only=True)
class PrepFocus:
    """What to practise before *interview*, most important first in each part.

    Work through it in field order: the questions that keep coming back and
    went badly, the weakest criteria, the open preparation gaps, then what
    feedback said. :meth:`LearningLog.prepare` documents the priorities.
    """

    interview: Interview = attrs.field(validator=_fields.instance_of(Interview))
    questions: tuple[QuestionFocus, ...] = attrs.field(
        default=(), converter=_question_focus, validator=_fields.tuple_of(QuestionFocus)
    )
    criteria: tuple[CriterionFocus, ...] = attrs.field(
        default=(),
        converter=_criterion_focus,
        validator=_fields.tuple_of(CriterionFocus),
    )
    gaps: tuple[GapFocus, ...] = attrs.field(
        default=(), converter=_gap_focus, validator=_fields.tuple_of(GapFocus)
    )
    feedback: tuple[FeedbackFocus, ...] = attrs.field(
        default=(), converter=_feedback_focus, validator=_fields.tuple_of(FeedbackFocus)
    )
