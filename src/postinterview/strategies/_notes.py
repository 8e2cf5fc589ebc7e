"""The notes written straight after an interview, and their parts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st

from postinterview.notes import (
    Highlight,
    InterviewNotes,
    OwnQuestion,
    QuestionAsked,
    RoleInsight,
)
from postinterview.strategies._basics import _texts
from postinterview.strategies._instants import DEFAULT_MAX, DEFAULT_MIN, aware_datetimes
from postinterview.strategies._interviews import people


def questions_asked() -> st.SearchStrategy[QuestionAsked]:
    """Return a strategy for :class:`~postinterview.QuestionAsked` values.

    Requires hypothesis.
    """
    return st.builds(
        QuestionAsked,
        text=_texts(),
        asked_by=st.none() | people(),
        answer_notes=st.none() | _texts(),
        answered_well=st.none() | st.booleans(),
    )


def role_insights() -> st.SearchStrategy[RoleInsight]:
    """Return a strategy for :class:`~postinterview.RoleInsight` values.

    Requires hypothesis.
    """
    return st.builds(
        RoleInsight,
        by=people(),
        key_aspects=st.lists(_texts(), max_size=3),
        skills_sought=st.lists(_texts(), max_size=3),
    )


def own_questions() -> st.SearchStrategy[OwnQuestion]:
    """Return a strategy for :class:`~postinterview.OwnQuestion` values.

    Requires hypothesis.
    """
    return st.builds(OwnQuestion, text=_texts(), helped=st.none() | st.booleans())


def highlights() -> st.SearchStrategy[Highlight]:
    """Return a strategy for :class:`~postinterview.Highlight` values.

    Requires hypothesis.
    """
    return st.builds(Highlight, interviewer=people(), point=_texts())


def interview_notes(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[InterviewNotes]:
    """Return a strategy for :class:`~postinterview.InterviewNotes` values.

    Requires hypothesis.

    *written_at* is drawn as :func:`aware_datetimes` draws it. Shrinks towards
    empty notes.
    """
    return st.builds(
        InterviewNotes,
        written_at=aware_datetimes(
            min_value=min_value, max_value=max_value, timezones=timezones
        ),
        questions=st.lists(questions_asked(), max_size=3),
        role_insights=st.lists(role_insights(), max_size=3),
        own_questions=st.lists(own_questions(), max_size=3),
        forgot_to_mention=st.lists(_texts(), max_size=3),
        preparation_gaps=st.lists(_texts(), max_size=3),
        money_discussed=st.none() | _texts(),
        highlights=st.lists(highlights(), max_size=3),
    )
