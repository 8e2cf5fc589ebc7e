"""Offers: thank them at once, and weigh the terms before answering."""

from __future__ import annotations

from postinterview import _time
from postinterview.followup._kind import ActionKind
from postinterview.followup._planner import Planner
from postinterview.followup._policy import RATIONALES
from postinterview.interview import Interview, Person
from postinterview.timeline import OfferReceived

_naive_utc = _time.naive_utc


def after_offers(planner: Planner, latest: Interview, contact: Person | None) -> None:
    """Thank them for each offer and weigh it; a revised offer counts anew."""
    offers = [e for e in planner.events if isinstance(e, OfferReceived)]
    for number, offer in enumerate(offers, 1):
        _after_offer(planner, offer, latest, contact, number)


def _after_offer(
    planner: Planner,
    offer: OfferReceived,
    latest: Interview,
    contact: Person | None,
    number: int,
) -> None:
    policy = planner.policy
    to = offer.by or contact
    tz = planner.zone_of(to, latest)
    at = _naive_utc(offer.at)
    planner.by_deadline(
        kind=ActionKind.THANK_FOR_OFFER,
        trigger=at,
        days=policy.offer_thanks_within,
        tz=tz,
        recipient=to,
        channel=latest.preferred_channel,
        template="offer_thanks",
        rationale=RATIONALES["offer_thanks_within"],
        round=len(planner.history.rounds),
        number=number,
    )
    respond_by = offer.respond_by
    planner.by_deadline(
        kind=ActionKind.REVIEW_OFFER_TERMS,
        trigger=at,
        days=policy.offer_review_within,
        tz=tz,
        calendar=planner.calendar_of(to, tz),  # counted in their days, as the thanks
        # A date they set replaces the policy's, and the window closes then.
        due=None if respond_by is None else max(at, _naive_utc(respond_by)),
        rationale=RATIONALES["offer_review_within"],
        round=len(planner.history.rounds),
        number=number,
    )
