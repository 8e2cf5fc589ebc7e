"""Composing a letter: the details each kind takes, and its three templates filled."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.interview import Interview, Person, RunBy, SalaryRange
from postinterview.letters._candidate import Candidate
from postinterview.letters._draft import Draft
from postinterview.letters._environment import _render
from postinterview.letters._locale import _LOCALE_DATA, LOCALES, _money

# The kinds of letter, each with its three templates under ``<kind>/``.
KINDS = (
    "thank_you",
    "feedback_request",
    "check_in",
    "reference_brief",
    "withdrawal",
    "rejection_reply",
    "feedback_thanks",
    "offer_thanks",
)
_VARIANTS = ("email", "letter")


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


def _optional_amount(field: str, value: Any) -> Decimal | None:
    if value is None:
        return None
    amount: object = _fields.to_decimal(value)
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
        raise ValidationError(field, value, "a positive amount")
    _fields.check_amount(field, amount)  # the bounds of every amount
    return amount


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
    "check_in": {},
    "reference_brief": {
        "contact_from": _Detail(_optional_day),
        "emphasise": _Detail(_texts, default=()),
    },
    "withdrawal": {"reason": _Detail(_optional_text)},
    "rejection_reply": {},
    "feedback_thanks": {"useful": _Detail(_optional_text)},
    "offer_thanks": {
        "reply_by": _Detail(_day, required=True),
        "discuss": _Detail(_texts, default=()),
        "salary": _Detail(_optional_amount),
    },
}


# Not frozen: one is built for every letter, and building a frozen one costs more.
@attrs.define(kw_only=True)
class _Frame:
    """What every kind of letter shares: who signs it, in which form and locale.

    *variant* is ``"email"`` or ``"letter"``, which prints *dated* at the top;
    *locale* is one of :data:`LOCALES`. Nothing is checked until :meth:`draft`.
    """

    sender: Candidate
    variant: str
    locale: str
    dated: dt.date | None

    def draft(
        self, kind: str, interview: Interview, to: Person, /, **details: Any
    ) -> Draft:
        """Fill the three templates of *kind* and return the draft."""
        self._check(interview, to)
        filled = _filled(kind, details)
        if kind == "offer_thanks":
            _check_salary(filled["salary"], interview.advertised_salary)
        context = self._context(kind, interview, to, filled)
        subject = " ".join(_render(False, f"{kind}/subject.txt.j2", context).split())
        context["subject"] = subject
        return Draft(
            kind=kind,
            to=to,
            subject=subject,
            text=_render(False, f"{kind}/body.txt.j2", context),
            html=_render(True, f"{kind}/body.html.j2", context),
            locale=self.locale,
            interview=interview,
        )

    def _check(self, interview: Interview, to: Person) -> None:
        if not isinstance(interview, Interview):
            raise ValidationError("interview", interview, "an Interview")
        if not isinstance(to, Person):
            raise ValidationError("to", to, "a Person")
        if not isinstance(self.sender, Candidate):
            raise ValidationError("sender", self.sender, "a Candidate")
        # Typed as str, but given by the caller: a list would not hash.
        variant: object = self.variant
        locale: object = self.locale
        if not isinstance(variant, str) or variant not in _VARIANTS:
            raise ValidationError("variant", self.variant, "'email' or 'letter'")
        if not isinstance(locale, str) or locale not in _LOCALE_DATA:
            raise ValidationError("locale", self.locale, f"one of {', '.join(LOCALES)}")
        if self.variant == "letter" and self.dated is None:
            raise ValidationError(
                "dated",
                None,
                "the date to print on the letter (nothing reads the clock)",
            )

    def _context(
        self, kind: str, interview: Interview, to: Person, filled: Mapping[str, Any]
    ) -> dict[str, Any]:
        """What the templates of *kind* see: the record, the frame and the details."""
        data = _LOCALE_DATA[self.locale]
        return {
            "kind": kind,
            "variant": self.variant,
            "locale": self.locale,
            "lang": data["lang"],
            "sign_off": data[f"{self.variant}_sign_off"],
            "dated": None if self.dated is None else _day("dated", self.dated),
            "interview": interview,
            # The day in the interview's own zone.
            "interview_day": interview.ends_at.date(),
            "organisation": interview.organisation,
            "role": interview.role,
            "agency": interview.agency_contact
            if interview.run_by is RunBy.AGENCY
            else None,
            "to": to,
            "sender": self.sender,
            **filled,
        }


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
            f"an amount within the advertised range ({_money(advertised)})",
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
