"""The next round: once it is scheduled, prepare for it until it starts."""

from __future__ import annotations

from postinterview import _time
from postinterview.followup._kind import ActionKind
from postinterview.followup._planner import Planner, home
from postinterview.interview import Interview
from postinterview.timeline import NextRoundScheduled

_naive_utc = _time.naive_utc


def prepare(planner: Planner, number: int, interview: Interview) -> None:
    """Prepare for round *number* from when it was scheduled until it starts."""
    for scheduled in planner.events:
        if (
            isinstance(scheduled, NextRoundScheduled)
            and scheduled.interview is interview
        ):
            break
    else:  # no event scheduled this round: nothing to prepare from
        return
    start = _naive_utc(interview.starts_at)
    at = _naive_utc(scheduled.at)
    planner.add(
        kind=ActionKind.PREPARE_NEXT_ROUND,
        trigger=at,
        opens=at,
        due=start,
        closes=start,
        tz=home(interview),
        rationale=(
            "Preparation starts from the questions that recur and the "
            "weakest criteria, while there is time to practise."
        ),
        round=number,
    )
