"""Reflection: ratings, reservations, fit assessments and scorecards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st

from postinterview.reflection import (
    Comparison,
    Criterion,
    FitAssessment,
    Rating,
    Reservation,
    Scorecard,
    Want,
)
from postinterview.strategies._basics import _texts
from postinterview.strategies._instants import DEFAULT_MAX, DEFAULT_MIN, aware_datetimes


def ratings() -> st.SearchStrategy[Rating]:
    """Return a strategy for :class:`~postinterview.reflection.Rating` values.

    Requires hypothesis. Shrinks towards a score of 1 with no note.
    """
    return st.builds(
        Rating,
        criterion=st.sampled_from(Criterion),
        score=st.integers(1, 5),
        note=st.none() | _texts(),
    )


def reservations() -> st.SearchStrategy[Reservation]:
    """Return a strategy for :class:`~postinterview.reflection.Reservation` values.

    Requires hypothesis. Shrinks towards a doubt with no resolution.
    """
    return st.builds(Reservation, concern=_texts(), resolution=st.none() | _texts())


def fit_assessments() -> st.SearchStrategy[FitAssessment]:
    """Return a strategy for :class:`~postinterview.reflection.FitAssessment`.

    Requires hypothesis. Shrinks towards an assessment with nothing answered.
    """
    comparisons = st.none() | st.sampled_from(Comparison)
    return st.builds(
        FitAssessment,
        rapport_with_interviewer=st.none() | st.integers(1, 5),
        could_work_with_them=st.none() | st.booleans(),
        likes_role=st.lists(_texts(), max_size=3),
        likes_organisation=st.lists(_texts(), max_size=3),
        reservations=st.lists(reservations(), max_size=3),
        money_discussed=st.none() | _texts(),
        versus_current_job=comparisons,
        versus_other_opportunities=comparisons,
        want_the_job=st.sampled_from(Want),
    )


def scorecards(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[Scorecard]:
    """Return a strategy for :class:`~postinterview.reflection.Scorecard` values.

    Requires hypothesis.

    *written_at* is drawn as :func:`aware_datetimes` draws it; each criterion
    is rated at most once. Shrinks towards an overall 1, nothing noted and
    nothing rated.
    """
    return st.builds(
        Scorecard,
        written_at=aware_datetimes(
            min_value=min_value, max_value=max_value, timezones=timezones
        ),
        overall=st.integers(1, 10),
        went_well=st.lists(_texts(), max_size=3),
        to_improve=st.lists(_texts(), max_size=3),
        ratings=st.lists(
            ratings(), max_size=len(Criterion), unique_by=lambda r: r.criterion
        ),
        fit=st.none() | fit_assessments(),
    )
