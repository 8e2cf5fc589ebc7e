"""Replies to the decision: to a rejection (feedback, thanks) and to an offer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from postinterview.interview import Interview, Person
from postinterview.letters._candidate import Candidate
from postinterview.letters._compose import _contact, _Frame
from postinterview.letters._draft import Draft


def feedback_request(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    variant: str = "email",
    locale: str | None = None,
    dated: dt.date | None = None,
) -> Draft:
    """Draft the request for feedback after a rejection.

    It thanks them, asks for specific feedback on strengths and on what to
    improve, and asks to be considered for future openings. By default it
    goes to the agency contact when an agency ran the interview, else to
    the first interviewer.
    """
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft("feedback_request", interview, _contact(interview, to))


def rejection_reply(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    variant: str = "email",
    locale: str | None = None,
    dated: dt.date | None = None,
) -> Draft:
    """Draft a reply to a rejection that thanks them and asks to be remembered.

    Use it when feedback was declined, or instead of asking for it.
    """
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft("rejection_reply", interview, _contact(interview, to))


def feedback_thanks(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    useful: str | None = None,
    variant: str = "email",
    locale: str | None = None,
    dated: dt.date | None = None,
) -> Draft:
    """Draft thanks for feedback received, naming what was *useful* if given."""
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft(
        "feedback_thanks", interview, _contact(interview, to), useful=useful
    )


def offer_thanks(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    reply_by: dt.date,
    deadline: dt.date | None = None,
    received: dt.date | None = None,
    discuss: Iterable[str] = (),
    salary: Decimal | int | str | None = None,
    variant: str = "email",
    locale: str | None = None,
    dated: dt.date | None = None,
) -> Draft:
    """Draft thanks for an offer that says when the answer will come.

    It promises a reply by *reply_by*, but never after the offer's
    *deadline* (the day it asks for an answer by, when known): a *reply_by*
    after the deadline makes a letter that asks whether they could wait
    until then, and promises an answer by their date if not. *received* is
    the day the offer arrived, when known; *reply_by* and *deadline* before
    it (or before the interview) raise :class:`ValidationError`. Optionally
    it raises the terms to *discuss* first (booked holidays, flexible hours)
    and a *salary* to talk about, which must lie within the interview's
    advertised range.
    """
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft(
        "offer_thanks",
        interview,
        _contact(interview, to),
        reply_by=reply_by,
        deadline=deadline,
        received=received,
        discuss=discuss,
        salary=salary,
    )
