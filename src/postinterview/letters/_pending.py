"""Letters while a decision is pending: a check-in, a referee's brief, a withdrawal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from postinterview.interview import Interview, Person
from postinterview.letters._candidate import Candidate
from postinterview.letters._compose import _contact, _Frame
from postinterview.letters._draft import Draft


def check_in(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft a short, polite enquiry about the decision, restating interest.

    Send it only after the stated decision date; the follow-up plan says
    when. It goes to *to*, by default the agency contact or else the first
    interviewer.
    """
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft("check_in", interview, _contact(interview, to))


def reference_brief(
    interview: Interview,
    *,
    to: Person,
    sender: Candidate,
    contact_from: dt.date | None = None,
    emphasise: Iterable[str] = (),
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft the note that tells a referee (*to*) they may be contacted.

    It names the role, the organisation and who the candidate met, says
    when they may hear (from *contact_from*, when known) and lists what
    the candidate would like them to *emphasise*.
    """
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft(
        "reference_brief", interview, to, contact_from=contact_from, emphasise=emphasise
    )


def withdrawal(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    reason: str | None = None,
    booked: Interview | None = None,
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft a polite withdrawal that thanks them and leaves the door open.

    A *reason* is optional; one short sentence is plenty. *booked* is the
    next stage when one is already arranged (the interview of the round
    scheduled): the letter names it and its day, and asks them to cancel it.
    """
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft(
        "withdrawal",
        interview,
        _contact(interview, to),
        reason=reason,
        booked=booked,
    )
