"""Referees: tell them, soon after an interview, that they may be called."""

from __future__ import annotations

import datetime as dt

from postinterview.followup._kind import ActionKind
from postinterview.followup._planner import Planner, home
from postinterview.followup._policy import RATIONALES
from postinterview.interview import Interview


def notify_referees(
    planner: Planner, number: int, interview: Interview, end: dt.datetime
) -> None:
    """Brief the referees within the policy's business days: round *number*
    said references may be contacted."""
    planner.by_deadline(
        kind=ActionKind.NOTIFY_REFERENCES,
        trigger=end,
        days=planner.policy.references_within,
        tz=home(interview),
        template="reference_brief",
        rationale=RATIONALES["references_within"],
        round=number,
    )
