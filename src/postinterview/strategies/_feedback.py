"""Feedback from an employer after an interview."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st

from postinterview.feedback import Feedback
from postinterview.interview import Channel
from postinterview.strategies._basics import _texts
from postinterview.strategies._instants import DEFAULT_MAX, DEFAULT_MIN, aware_datetimes
from postinterview.strategies._interviews import people


def feedback(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[Feedback]:
    """Return a strategy for :class:`~postinterview.feedback.Feedback` values.

    Requires hypothesis.

    *received_at* is drawn as :func:`aware_datetimes` draws it. Shrinks
    towards feedback by email from nobody in particular, saying nothing.
    """
    return st.builds(
        Feedback,
        received_at=aware_datetimes(
            min_value=min_value, max_value=max_value, timezones=timezones
        ),
        source=st.none() | people(),
        channel=st.sampled_from(Channel),
        strengths=st.lists(_texts(), max_size=3),
        weaknesses=st.lists(_texts(), max_size=3),
        suggestions=st.lists(_texts(), max_size=3),
        notes=st.none() | _texts(),
        permission_to_take_notes=st.none() | st.booleans(),
    )
