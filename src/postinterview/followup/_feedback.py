"""After a rejection: ask for feedback, reply graciously, thank them for it."""

from __future__ import annotations

from typing import Any

from postinterview import _time
from postinterview.followup._kind import ActionKind
from postinterview.followup._planner import Planner
from postinterview.followup._policy import RATIONALES
from postinterview.interview import Interview, Person, RunBy
from postinterview.timeline import FeedbackDeclined, FeedbackReceived, Rejected

_naive_utc = _time.naive_utc


def after_rejection(
    planner: Planner, rejected: Rejected, latest: Interview, contact: Person | None
) -> None:
    """Ask for feedback after *rejected*; if they decline, reply graciously."""
    policy = planner.policy
    to = feedback_contact(planner, latest, contact)
    common: dict[str, Any] = {
        "tz": planner.zone_of(to, latest),
        "recipient": to,
        "channel": latest.preferred_channel,
        "round": len(planner.history.rounds),
    }
    at = _naive_utc(rejected.at)
    planner.by_deadline(
        kind=ActionKind.REQUEST_FEEDBACK,
        trigger=at,
        days=policy.feedback_request_within,
        template="feedback_request",
        rationale=RATIONALES["feedback_request_within"],
        **common,
    )
    declined = next(
        (e for e in planner.events if isinstance(e, FeedbackDeclined)), None
    )
    if declined is not None and _naive_utc(declined.at) >= at:
        planner.by_deadline(
            kind=ActionKind.REPLY_TO_REJECTION,
            trigger=_naive_utc(declined.at),
            days=policy.rejection_reply_within,
            template="rejection_reply",
            rationale=RATIONALES["rejection_reply_within"],
            **common,
        )


def thank_for_feedback(
    planner: Planner, latest: Interview, contact: Person | None
) -> None:
    """Thank whoever gave feedback, once for each time they gave it."""
    policy = planner.policy
    received = [e for e in planner.events if isinstance(e, FeedbackReceived)]
    for number, event in enumerate(received, 1):
        giver = event.by or feedback_contact(planner, latest, contact)
        planner.by_deadline(
            kind=ActionKind.THANK_FOR_FEEDBACK,
            trigger=_naive_utc(event.at),
            days=policy.feedback_thanks_within,
            tz=planner.zone_of(giver, latest),
            recipient=giver,
            channel=latest.preferred_channel,
            template="feedback_thanks",
            rationale=RATIONALES["feedback_thanks_within"],
            round=len(planner.history.rounds),
            number=number,
        )


def feedback_contact(
    planner: Planner, latest: Interview, contact: Person | None
) -> Person | None:
    """Return who feedback is asked of: the agency, else whoever decided."""
    if latest.run_by is RunBy.AGENCY:
        return latest.agency_contact
    rejected = planner.history.rejected
    return (rejected.by if rejected else None) or contact
