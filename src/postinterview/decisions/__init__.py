"""Decisions: the judgement calls after an interview, each with its reasons.

Whether a thank-you note is worth sending (:func:`should_send_thank_you`);
how several opportunities compare on what matters to the candidate
(:func:`compare_opportunities`); where an offered salary sits in the
advertised range (:func:`salary_position`); and what to settle before
accepting an offer (:func:`offer_checklist`). Every answer carries its
reasons in plain words, for a host tool to show; none of them decides for
the candidate.

Each call lives in a module of its own, beside the values it returns:
``_thank_you``, ``_opportunities``, ``_salary`` and ``_checklist``.
"""

from __future__ import annotations

from postinterview.decisions import _opportunities, _thank_you
from postinterview.decisions._checklist import ChecklistItem, Topic, offer_checklist
from postinterview.decisions._opportunities import (
    Ranked,
    Ranking,
    compare_opportunities,
)
from postinterview.decisions._salary import Placement, SalaryPosition, salary_position
from postinterview.decisions._thank_you import (
    Recommendation,
    Verdict,
    should_send_thank_you,
)

# autodoc reads the ``#:`` comment of a constant only in the module it
# documents, so the constants are documented here rather than where they live.

#: The largest panel whose members each get a personal thank-you note. After
#: a larger panel, one note to the chair of the panel (or the contact who
#: arranged the interview) reads better than a stack of near-identical ones.
MAX_PERSONAL_NOTES = _thank_you.MAX_PERSONAL_NOTES

#: The name under which ``current_job`` is ranked by :func:`compare_opportunities`.
CURRENT_JOB = _opportunities.CURRENT_JOB

#: How many decimal places a score keeps; scores equal to that many places
#: are tied.
SCORE_PLACES = _opportunities.SCORE_PLACES

#: The factors :func:`compare_opportunities` weighs, in the order it reports
#: them.
FACTORS = _opportunities.FACTORS

#: The heaviest weight :func:`compare_opportunities` accepts for a factor: a
#: million times the default of 1, room for percentages or points.
WEIGHT_MAX = _opportunities.WEIGHT_MAX

#: The largest denominator of a weight, as an exact fraction: ``2**1074``,
#: that of the smallest float. A Decimal weight may so have at most 323
#: decimal places; every float qualifies.
WEIGHT_DENOMINATOR_MAX = _opportunities.WEIGHT_DENOMINATOR_MAX

__all__ = [
    "CURRENT_JOB",
    "FACTORS",
    "MAX_PERSONAL_NOTES",
    "SCORE_PLACES",
    "WEIGHT_DENOMINATOR_MAX",
    "WEIGHT_MAX",
    "ChecklistItem",
    "Placement",
    "Ranked",
    "Ranking",
    "Recommendation",
    "SalaryPosition",
    "Topic",
    "Verdict",
    "compare_opportunities",
    "offer_checklist",
    "salary_position",
    "should_send_thank_you",
]
