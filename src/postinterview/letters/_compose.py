"""Composing a letter: the details each kind takes, and its three templates filled."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from postinterview import _fields
from postinterview._money import salary_range
from postinterview.errors import ValidationError
from postinterview.interview import Format, Interview, Person, RunBy, SalaryRange
from postinterview.letters._address import (
    addressee,
    form_of,
    full_name,
    greeting,
    reader_zone,
    sign_off,
    spoken,
)
from postinterview.letters._candidate import Candidate
from postinterview.letters._catalogs import lang, resolve
from postinterview.letters._draft import Draft
from postinterview.letters._environment import _render

# The kinds of letter, each with its three templates under ``<kind>/``.
KINDS = (
    "thank_you",
    "feedback_request",
    "check_in",
    "check_in_call",
    "reference_brief",
    "withdrawal",
    "rejection_reply",
    "feedback_thanks",
    "offer_thanks",
)
_VARIANTS = ("email", "letter")
# White space a template's layout leaves: spaces, tabs and line breaks.
_LAYOUT_SPACE = re.compile(r"[ \t\r\n]+")
# The kinds that are call scripts rather than letters: their one variant.
_SCRIPTS = {"check_in_call": "call"}
# The check-ins, written and spoken: the letters write the first and the second.
_CHECK_INS = ("check_in", "check_in_call")


def _text(field: str, value: Any) -> str:
    _fields.check_text(field, value)
    return str(value).strip()


def _optional_text(field: str, value: Any) -> str | None:
    return None if value is None else _text(field, value)


def _texts(field: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError(field, value, "a sequence of strings")
    return tuple(_text(f"{field}[{i}]", item) for i, item in enumerate(value))


def _day(field: str, value: Any) -> pendulum.Date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(field, value, "a date")
    return pendulum.Date(value.year, value.month, value.day)


def _optional_day(field: str, value: Any) -> pendulum.Date | None:
    return None if value is None else _day(field, value)


def _check_in_number(field: str, value: Any) -> int:
    if type(value) is not int or value not in (1, 2):
        raise ValidationError(
            field, value, "1 (the first check-in) or 2 (the second, which refers back)"
        )
    return value


def _optional_amount(field: str, value: Any) -> Decimal | None:
    if value is None:
        return None
    amount: object = _fields.to_decimal(value)
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
        raise ValidationError(field, value, "a positive amount")
    _fields.check_amount(field, amount)  # the bounds of every amount
    return amount


def _optional_interview(field: str, value: Any) -> Interview | None:
    if value is not None and not isinstance(value, Interview):
        raise ValidationError(field, value, "an Interview (the stage booked) or None")
    return value


@attrs.frozen
class _Detail:
    """A piece of a letter that the record does not hold: the person supplies it."""

    convert: Callable[[str, Any], Any]
    required: bool = False
    default: Any = None


# Beyond the record, what each kind of letter needs from the person writing it.
_DETAILS: dict[str, dict[str, _Detail]] = {
    "thank_you": {
        "highlight": _Detail(_text, required=True),
        "forgot": _Detail(_optional_text),
    },
    "feedback_request": {},
    "check_in": {
        "number": _Detail(_check_in_number, required=True, default=1),
        "first_sent": _Detail(_optional_day),
    },
    "check_in_call": {
        "number": _Detail(_check_in_number, required=True, default=1),
        "first_sent": _Detail(_optional_day),
    },
    "reference_brief": {
        "contact_from": _Detail(_optional_day),
        "emphasise": _Detail(_texts, default=()),
    },
    "withdrawal": {
        "reason": _Detail(_optional_text),
        "booked": _Detail(_optional_interview),
    },
    "rejection_reply": {},
    "feedback_thanks": {"useful": _Detail(_optional_text)},
    "offer_thanks": {
        "reply_by": _Detail(_day, required=True),
        "deadline": _Detail(_optional_day),
        "received": _Detail(_optional_day),
        "discuss": _Detail(_texts, default=()),
        "salary": _Detail(_optional_amount),
    },
}


# Not frozen: one is built for every letter, and building a frozen one costs more.
@attrs.define(kw_only=True)
class _Frame:
    """What every kind of letter shares: who signs it, in which form and locale.

    *variant* is ``"email"`` or ``"letter"``, which prints *dated* at the top,
    or ``"call"`` for a call script (``check_in_call``, and only that);
    *locale* is a language tag (see :func:`~postinterview.letters.languages`),
    or None for the reader's, else the interview's, else en_GB. Nothing is
    checked until :meth:`draft`.
    """

    sender: Candidate
    variant: str
    locale: str | None
    dated: dt.date | None

    def draft(
        self, kind: str, interview: Interview, to: Person, /, **details: Any
    ) -> Draft:
        """Fill the three templates of *kind* and return the draft."""
        context = self.context(kind, interview, to, details)
        # One line, its runs of layout white space made single spaces; a
        # no-break space (French puts one before a colon) stays.
        rendered = _render(False, f"{kind}/subject.txt.j2", context)
        subject = _LAYOUT_SPACE.sub(" ", rendered).strip(" ")
        context["subject"] = subject
        return Draft(
            kind=kind,
            to=to,
            subject=subject,
            text=_render(False, f"{kind}/body.txt.j2", context),
            html=_render(True, f"{kind}/body.html.j2", context),
            locale=context["locale"],
            interview=interview,
        )

    def context(
        self, kind: str, interview: Interview, to: Person, details: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Check everything given, then return what *kind*'s templates see."""
        self._check(kind, interview, to)
        locale = resolve(self.locale, to.locale, interview.locale)
        filled = _filled(kind, details)
        if kind == "offer_thanks":
            _check_salary(filled["salary"], interview.advertised_salary)
            _check_offer_days(filled, _reader_day(interview.ends_at, to, interview))
        context = self._context(
            kind, interview, to, locale, _derived(kind, filled, to, interview)
        )
        if kind in _CHECK_INS:
            _check_first_sent(context)
        return context

    def _check(self, kind: str, interview: Interview, to: Person) -> None:
        if not isinstance(interview, Interview):
            raise ValidationError("interview", interview, "an Interview")
        if not isinstance(to, Person):
            raise ValidationError("to", to, "a Person")
        if not isinstance(self.sender, Candidate):
            raise ValidationError("sender", self.sender, "a Candidate")
        # Typed as str, but given by the caller: a list would not hash.
        variant: object = self.variant
        script = _SCRIPTS.get(kind)
        if script is not None:
            if variant != script:
                raise ValidationError(
                    "variant", self.variant, f"{script!r}: a {kind} is a call script"
                )
        elif not isinstance(variant, str) or variant not in _VARIANTS:
            raise ValidationError("variant", self.variant, "'email' or 'letter'")
        if self.variant == "letter" and self.dated is None:
            raise ValidationError(
                "dated",
                None,
                "the date to print on the letter (nothing reads the clock)",
            )

    def _context(
        self,
        kind: str,
        interview: Interview,
        to: Person,
        locale: str,
        filled: Mapping[str, Any],
    ) -> dict[str, Any]:
        """What the templates of *kind* see: the record, the frame and the details.

        Days are the reader's: the interview's day is the day it ended on in
        *to*'s zone (else the interview's), and so is a decision instant.
        """
        zone = reader_zone(to, interview)
        decision = interview.decision_expected_by
        return {
            "kind": kind,
            "variant": self.variant,
            "locale": locale,
            "lang": lang(locale),
            # A call script has a greeting of its own, and is not signed.
            "greeting": greeting(to, locale, self.variant),
            "sign_off": sign_off(to, locale, self.variant),
            "dated": None if self.dated is None else _day("dated", self.dated),
            "interview": interview,
            "interview_day": interview.ends_at.in_timezone(zone).date(),
            "decision_day": decision.in_timezone(zone).date()
            if isinstance(decision, pendulum.DateTime)
            else decision,
            "organisation": interview.organisation,
            "role": interview.role,
            "agency": interview.agency_contact
            if interview.run_by is RunBy.AGENCY
            else None,
            "occasion": _OCCASIONS[interview.format],
            "panel": len(interview.interviewers),
            "reader": _reader(interview, to),
            "phrasing": phrasing(_turn(interview, to)),
            "to": to,
            "addressee": addressee(to, locale),
            "form": form_of(to),
            "spoken": spoken(to, locale),
            "to_full": full_name(to, locale),
            "sender": self.sender,
            **filled,
        }


# How each format of interview is spoken of: a call is not a meeting.
_OCCASIONS = {
    Format.IN_PERSON: "meeting",
    Format.VIDEO: "video",
    Format.TELEPHONE: "call",
    Format.ASSESSMENT_CENTRE: "assessment",
    Format.TECHNICAL_TEST: "test",
}
# Job titles of people who recruit rather than do the work: they are thanked
# for their help with the process, not for the problems of their team.
_RECRUITING = re.compile(
    r"\b(recruit\w*|talent|hr|human resources|people (partner|team|operations)"
    r"|resourcing|hiring (coordinator|partner|manager assistant)|sourc\w+)\b",
    re.IGNORECASE,
)


def _reader(interview: Interview, to: Person) -> str:
    """Who *to* is: ``"agency"``, ``"recruiter"`` or ``"interviewer"``."""
    if interview.agency_contact is not None and to == interview.agency_contact:
        return "agency"
    if to.title is not None and _RECRUITING.search(to.title):
        return "recruiter"
    return "interviewer"


def _turn(interview: Interview, to: Person) -> int:
    """*to*'s place on the panel (from 0), or 0 for anyone else."""
    try:
        return interview.interviewers.index(to)
    except ValueError:
        return 0


#: How many wordings each varied sentence of a letter has (a prime).
WORDINGS = 5
#: How many sentences of a letter vary with the reader's place on the panel.
SLOTS = 5


def phrasing(turn: int) -> tuple[int, ...]:
    """The wording of each varied sentence for the panel member at *turn*.

    The first :data:`WORDINGS` members get wholly different wordings; after
    them, each block of :data:`WORDINGS` members takes a different stride,
    so any two members up to ``WORDINGS ** 2`` share the wording of at most
    one sentence.

    >>> phrasing(0), phrasing(1), phrasing(6)
    ((0, 0, 0, 0, 0), (1, 1, 1, 1, 1), (1, 2, 3, 4, 0))
    """
    offset, stride = turn % WORDINGS, turn // WORDINGS
    return tuple((offset + slot * stride) % WORDINGS for slot in range(SLOTS))


def template_context(
    kind: str,
    interview: Interview,
    *,
    to: Person,
    sender: Candidate,
    variant: str | None = None,
    locale: str | None = None,
    dated: dt.date | None = None,
    **details: Any,
) -> dict[str, Any]:
    """Return the variables a *kind* of letter's templates see, every one.

    For a host that renders the packaged templates, or its own versions of
    them, in its own environment: the same context the letter functions
    build, from the same arguments, checked the same way (*details* are the
    kind's own, such as a thank-you's ``highlight``). The bodies also see
    ``subject``, the rendered subject, which this leaves to the host.
    *variant* ``None`` is the kind's usual one: ``"call"`` for the call
    script ``check_in_call``, else ``"email"``.
    """
    given: object = kind  # typed as str, but given by the caller
    if not isinstance(given, str) or given not in _DETAILS:
        raise ValidationError("kind", kind, f"one of {', '.join(KINDS)}")
    if variant is None:
        variant = _SCRIPTS.get(kind, "email")
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.context(kind, interview, to, details)


def _filled(kind: str, details: Mapping[str, Any]) -> dict[str, Any]:
    """The details of a *kind* of letter, checked, with defaults for those not given."""
    wanted = _DETAILS[kind]
    for name in details:
        if name not in wanted:
            known = ", ".join(wanted) or "none"
            raise ValidationError(
                name, details[name], f"a detail of a {kind} letter ({known})"
            )
    filled: dict[str, Any] = {}
    for name, detail in wanted.items():
        value = details.get(name, detail.default)
        if value is None and detail.required:
            raise ValidationError(name, None, f"a value: a {kind} letter needs it")
        # None means "not given" only where that is the default: a list of
        # points to discuss is a sequence, never None.
        optional = value is None and detail.default is None
        filled[name] = None if optional else detail.convert(name, value)
    return filled


#: What each kind of letter's templates see beyond its details, derived from
#: them (a day in the reader's zone, whether to ask for more time).
DERIVED: dict[str, tuple[str, ...]] = {
    "offer_thanks": ("asks_for_time",),
    "withdrawal": ("booked_day", "booked_occasion"),
}


def _derived(
    kind: str, filled: dict[str, Any], to: Person, interview: Interview
) -> dict[str, Any]:
    """*filled* with the values :data:`DERIVED` names for *kind*."""
    if kind == "offer_thanks":
        deadline = filled["deadline"]
        filled["asks_for_time"] = deadline is not None and filled["reply_by"] > deadline
    elif kind == "withdrawal":
        booked = filled["booked"]
        filled["booked_day"] = (
            None if booked is None else _reader_day(booked.starts_at, to, interview)
        )
        filled["booked_occasion"] = (
            None if booked is None else _OCCASIONS[booked.format]
        )
    return filled


def _reader_day(
    instant: pendulum.DateTime, to: Person, interview: Interview
) -> pendulum.Date:
    """The day *instant* falls on for *to*: in their zone, else the interview's."""
    return instant.in_timezone(reader_zone(to, interview)).date()


def _check_offer_days(filled: dict[str, Any], held: pendulum.Date) -> None:
    """An answer and a deadline come after the offer, and the offer after the
    interview (*held*, the reader's day)."""
    received = filled["received"]
    if received is not None and received < held:
        raise ValidationError(
            "received", received, f"a day no earlier than the interview ({held})"
        )
    earliest, after = (
        (held, "the interview") if received is None else (received, "the offer")
    )
    for name in ("reply_by", "deadline"):
        day = filled[name]
        if day is not None and day < earliest:
            raise ValidationError(
                name, day, f"a day no earlier than {after} ({earliest})"
            )


def _check_first_sent(context: Mapping[str, Any]) -> None:
    """Refuse a first check-in's day that the check-in being drafted cannot follow.

    Only the second check-in refers to the first; the first went no earlier
    than the interview's day and no later than the second's *dated*, both
    in the reader's calendar.
    """
    first_sent = context["first_sent"]
    if first_sent is None:
        return
    if context["number"] == 1:
        raise ValidationError(
            "first_sent",
            first_sent,
            "None for the first check-in (only the second refers to the first)",
        )
    interview_day = context["interview_day"]
    if first_sent < interview_day:
        raise ValidationError(
            "first_sent",
            first_sent,
            f"a day no earlier than the interview's ({interview_day})",
        )
    dated = context["dated"]
    if dated is not None and first_sent > dated:
        raise ValidationError(
            "first_sent", first_sent, f"a day no later than dated ({dated})"
        )


def _check_salary(salary: Decimal | None, advertised: SalaryRange | None) -> None:
    if salary is None:
        return
    if advertised is None:
        raise ValidationError(
            "salary",
            salary,
            "None unless the interview has an advertised_salary to negotiate within",
        )
    if not advertised.low <= salary <= advertised.high:
        raise ValidationError(
            "salary",
            salary,
            f"an amount within the advertised range ({salary_range(advertised)})",
        )


def _contact(interview: Interview, to: Person | None = None) -> Person:
    """Who a follow-up goes to: *to* when given, else the agency contact, else
    the first interviewer. Only ``None`` means "not given": any other value,
    falsy or not, is checked as the recipient when the letter is drafted."""
    if not isinstance(interview, Interview):
        raise ValidationError("interview", interview, "an Interview")
    if to is not None:
        return to
    if interview.run_by is RunBy.AGENCY and interview.agency_contact is not None:
        return interview.agency_contact
    if interview.interviewers:
        return interview.interviewers[0]
    raise ValidationError(
        "to", None, "a Person: the interview names nobody to write to"
    )
