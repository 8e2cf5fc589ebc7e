"""While a decision is pending: a check-in or its call script, a brief, a withdrawal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from postinterview.errors import ValidationError
from postinterview.interview import Channel, Interview, Person
from postinterview.letters._candidate import Candidate
from postinterview.letters._compose import _contact, _Frame
from postinterview.letters._draft import Draft


def check_in(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    number: int = 1,
    first_sent: dt.date | None = None,
    variant: str | None = None,
    locale: str | None = None,
    dated: dt.date | None = None,
) -> Draft:
    """Draft a short, polite enquiry about the decision, restating interest.

    Send it only after the stated decision date; the follow-up plan says
    when. It goes to *to*, by default the agency contact or else the first
    interviewer, and asks one question: is there any news.

    *number* is 1 or 2. The first names the day the employer said they
    would decide by, when the interview records one; otherwise it says how
    long it has been since the interview, when *dated* gives the day it
    goes, or names the interview's day. The second is shorter, shares no
    sentence with the first and refers back to it: to the day it went,
    *first_sent*, when given (``draft_for`` reads it from the record).

    *variant* ``None`` follows the interview's preferred channel: a phone
    gives ``"call"``, a short call script of kind ``check_in_call`` (who to
    ask for, what to say, what to ask, what to leave on voicemail); a letter
    gives ``"letter"``; anything else ``"email"``. Each may also be asked
    for by name.

    >>> import pendulum
    >>> from postinterview import Channel, Interview, Person
    >>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    >>> iv = Interview(organisation="Acme Ltd", role="Data Engineer",
    ...                starts_at=end.subtract(hours=1), ends_at=end,
    ...                interviewers=(Person(name="Priya Shah"),),
    ...                preferred_channel=Channel.PHONE)
    >>> me = Candidate(name="Sam Jones", email="sam@example.org")
    >>> script = check_in(iv, sender=me)
    >>> script.kind, script.text.splitlines()[0]
    ('check_in_call', 'Call to Priya Shah at Acme Ltd.')
    >>> check_in(iv, sender=me, variant="email").kind
    'check_in'
    """
    kind, variant = _check_in_form(interview, variant)
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft(
        kind,
        interview,
        _contact(interview, to),
        number=number,
        first_sent=first_sent,
    )


# The form of a check-in on each preferred channel: a call script on the
# phone, a printed letter by post, an email for the rest.
_CHECK_IN_FORMS = {Channel.PHONE: "call", Channel.LETTER: "letter"}


def _check_in_form(interview: Interview, variant: object) -> tuple[str, str]:
    """The kind and variant of a check-in: *variant*, else the channel's."""
    if variant is None:
        if not isinstance(interview, Interview):
            raise ValidationError("interview", interview, "an Interview")
        variant = _CHECK_IN_FORMS.get(interview.preferred_channel, "email")
    if not isinstance(variant, str) or variant not in ("email", "letter", "call"):
        raise ValidationError(
            "variant",
            variant,
            "'email', 'letter', 'call' or None (the preferred channel's)",
        )
    return ("check_in_call" if variant == "call" else "check_in"), variant


def reference_brief(
    interview: Interview,
    *,
    to: Person,
    sender: Candidate,
    contact_from: dt.date | None = None,
    emphasise: Iterable[str] = (),
    variant: str = "email",
    locale: str | None = None,
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
    locale: str | None = None,
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
