"""What happened in the interview, written down straight after it.

The notes keep what memory loses first: the questions asked and how they
went, the role as each interviewer described it, the candidate's own
questions, the point they forgot to make, the gaps the interview exposed, and
one specific moment per interviewer for the thank-you note to mention.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from postinterview import _fields
from postinterview.interview import Person

__all__ = ["Highlight", "InterviewNotes", "OwnQuestion", "QuestionAsked", "RoleInsight"]


@attrs.frozen(kw_only=True)
class QuestionAsked:
    """A question the candidate was asked, and how they think they answered it.

    Questions recur from one interview to the next, so they are worth keeping.
    """

    text: str = attrs.field(converter=_fields.strip, validator=_fields.text)
    asked_by: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )
    answer_notes: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )
    answered_well: bool | None = attrs.field(
        default=None, validator=_fields.optional_bool
    )


@attrs.frozen(kw_only=True)
class RoleInsight:
    """The role as one interviewer sees it, which may differ from the job advert."""

    by: Person = attrs.field(validator=_fields.instance_of(Person))
    key_aspects: tuple[str, ...] = attrs.field(
        default=(),
        converter=_fields.to_text_tuple,
        validator=_fields.tuple_of(str, _fields.check_text),
    )
    skills_sought: tuple[str, ...] = attrs.field(
        default=(),
        converter=_fields.to_text_tuple,
        validator=_fields.tuple_of(str, _fields.check_text),
    )


@attrs.frozen(kw_only=True)
class OwnQuestion:
    """A question the candidate asked, and whether it helped them judge the job."""

    text: str = attrs.field(converter=_fields.strip, validator=_fields.text)
    helped: bool | None = attrs.field(default=None, validator=_fields.optional_bool)


@attrs.frozen(kw_only=True)
class Highlight:
    """The specific point from a conversation that a thank-you note will mention.

    >>> Highlight(interviewer=Person(name="Priya Shah"),
    ...           point="the move from nightly batches to streaming").point
    'the move from nightly batches to streaming'
    """

    interviewer: Person = attrs.field(validator=_fields.instance_of(Person))
    point: str = attrs.field(converter=_fields.strip, validator=_fields.text)


# Named converters, one per item type: mypy's attrs plugin cannot type an
# __init__ parameter through a generic converter.
def _questions(value: Iterable[QuestionAsked]) -> tuple[QuestionAsked, ...]:
    return _fields.to_tuple(value)


def _insights(value: Iterable[RoleInsight]) -> tuple[RoleInsight, ...]:
    return _fields.to_tuple(value)


def _own_questions(value: Iterable[OwnQuestion]) -> tuple[OwnQuestion, ...]:
    return _fields.to_tuple(value)


def _highlights(value: Iterable[Highlight]) -> tuple[Highlight, ...]:
    return _fields.to_tuple(value)


@attrs.frozen(kw_only=True)
class InterviewNotes:
    """The notes a candidate writes as soon as the interview is over.

    *written_at* matters: notes written long after the interview are recalled,
    not remembered. *forgot_to_mention* holds points that can go into the
    thank-you note; *preparation_gaps* the knowledge the interview showed to be
    missing; *money_discussed* anything said about pay.
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    written_at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    questions: tuple[QuestionAsked, ...] = attrs.field(
        default=(),
        converter=_questions,
        validator=_fields.tuple_of(QuestionAsked),
    )
    role_insights: tuple[RoleInsight, ...] = attrs.field(
        default=(), converter=_insights, validator=_fields.tuple_of(RoleInsight)
    )
    own_questions: tuple[OwnQuestion, ...] = attrs.field(
        default=(), converter=_own_questions, validator=_fields.tuple_of(OwnQuestion)
    )
    forgot_to_mention: tuple[str, ...] = attrs.field(
        default=(),
        converter=_fields.to_text_tuple,
        validator=_fields.tuple_of(str, _fields.check_text),
    )
    preparation_gaps: tuple[str, ...] = attrs.field(
        default=(),
        converter=_fields.to_text_tuple,
        validator=_fields.tuple_of(str, _fields.check_text),
    )
    money_discussed: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )
    highlights: tuple[Highlight, ...] = attrs.field(
        default=(), converter=_highlights, validator=_fields.tuple_of(Highlight)
    )

    def highlight_for(self, interviewer: Person) -> Highlight | None:
        """Return the first highlight noted for *interviewer*, or ``None``.

        Raises :class:`~postinterview.ValidationError` when *interviewer* is
        not a :class:`~postinterview.Person`.
        """
        _fields.check_instance("interviewer", interviewer, Person, "a Person")
        return next((h for h in self.highlights if h.interviewer == interviewer), None)
