"""The search as a whole: keep applying elsewhere, and withdraw when no longer keen."""

from __future__ import annotations

from postinterview import _time
from postinterview.followup._kind import ActionKind
from postinterview.followup._planner import Planner, home
from postinterview.followup._policy import RATIONALES
from postinterview.interview import Interview, Person
from postinterview.timeline import LostInterest

_naive_utc = _time.naive_utc


def keep_searching(planner: Planner) -> None:
    """Keep applying elsewhere from the first interview until an offer is accepted."""
    first = planner.history.rounds[0]
    start = _naive_utc(first.ends_at)
    planner.add(
        kind=ActionKind.KEEP_SEARCHING,
        trigger=start,
        opens=start,
        due=None,
        tz=home(first),
        rationale="Until an offer is accepted, nothing is certain.",
        round=1,
    )


def withdraw(
    planner: Planner, lost: LostInterest, latest: Interview, contact: Person | None
) -> None:
    """Withdraw promptly, through *contact*, once interest was *lost*."""
    planner.by_deadline(
        kind=ActionKind.WITHDRAW,
        trigger=_naive_utc(lost.at),
        days=planner.policy.withdraw_within,
        tz=planner.zone_of(contact, latest),
        recipient=contact,
        channel=latest.preferred_channel,
        template="withdrawal",
        rationale=RATIONALES["withdraw_within"],
        round=len(planner.history.rounds),
    )
