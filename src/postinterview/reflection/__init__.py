"""Reflection: the scorecard a candidate fills in straight after an interview.

Memory of an interview fades within minutes, so the scorecard is written at
once: a rating out of ten, what went well (first), what to improve (each
point specific enough to practise), a score per criterion, and whether the
candidate still wants the job. :func:`review` reads a scorecard the way a
careers adviser would and returns findings; :func:`prompts` returns the
questions to reflect on, in order, for host tools to build forms from.

The records live in ``_scorecard``, :func:`review` in ``_review``, the test
of a vague note in ``_vagueness`` and the questions in ``_prompts``.
"""

from __future__ import annotations

from postinterview.reflection._prompts import Prompt, prompts
from postinterview.reflection._review import LOW_SCORE as LOW_SCORE  # not in __all__
from postinterview.reflection._review import review
from postinterview.reflection._scorecard import (
    Comparison,
    Criterion,
    FitAssessment,
    Rating,
    Reservation,
    Scorecard,
    Want,
)
from postinterview.reflection._vagueness import is_vague

__all__ = [
    "Comparison",
    "Criterion",
    "FitAssessment",
    "Prompt",
    "Rating",
    "Reservation",
    "Scorecard",
    "Want",
    "is_vague",
    "prompts",
    "review",
]
