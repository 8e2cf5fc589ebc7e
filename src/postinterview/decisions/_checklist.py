"""The offer checklist: what to settle before accepting an offer."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from typing import Any

import attrs
import pendulum

from postinterview import _fields
from postinterview.decisions._salary import money, salary_position
from postinterview.errors import ValidationError
from postinterview.interview import SalaryRange
from postinterview.timeline import OfferReceived


class Topic(enum.Enum):
    """What an item of the offer checklist is about."""

    DEADLINE = "the deadline for your answer"
    HOLIDAY = "a holiday already booked"
    FAMILY = "a family commitment"
    ADJUSTMENTS = "adjustments for a disability"
    SALARY = "the salary"
    TERMS = "a term of the offer"


@attrs.frozen(kw_only=True)
class ChecklistItem:
    """One thing to settle before accepting an offer: its *topic*, the
    *detail* that applies to this offer, and the *reason* to raise it."""

    topic: Topic = attrs.field(validator=_fields.enum_member(Topic))
    detail: str = attrs.field(converter=_fields.strip, validator=_fields.text)
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


# Why each topic is worth raising; the salary's reason comes from
# :func:`~postinterview.decisions.salary_position` instead.
_REASONS = {
    Topic.DEADLINE: (
        "Everything below is easier to settle before you accept; "
        "if you need more time, ask for it before this date."
    ),
    Topic.HOLIDAY: (
        "Tell them about a holiday you have already booked now, so it "
        "is agreed before you start rather than asked for after."
    ),
    Topic.FAMILY: (
        "Ask whether the hours can flex around it; it is easier to "
        "agree before accepting than to renegotiate later."
    ),
    Topic.ADJUSTMENTS: (
        "You have chosen to tell them; agreeing the adjustments "
        "now means they can be in place on your first day."
    ),
    Topic.TERMS: "Part of the offer: make sure it is settled, in writing.",
}


def offer_checklist(
    offer: OfferReceived,
    *,
    holidays_booked: Sequence[str | tuple[dt.date, dt.date]] = (),
    family_commitments: Sequence[str] = (),
    adjustments: str | None = None,
    advertised: SalaryRange | None = None,
) -> tuple[ChecklistItem, ...]:
    """Return what to settle before accepting *offer*, in order.

    First the deadline for an answer (``offer.respond_by``, when set), then
    one item per holiday in *holidays_booked* (a description, or a pair of
    dates: the first and last day away), one per item of
    *family_commitments* (hours that need to flex), *adjustments* for a
    disability (only when the candidate chooses to disclose them: ``None``
    leaves them out), the salary (when the offer carries one and the job was
    *advertised* with a range; see :func:`salary_position`) and last each of
    the offer's own ``terms``.

    >>> import pendulum
    >>> offer = OfferReceived(at=pendulum.datetime(2026, 12, 1, 9, tz="UTC"),
    ...                       terms=["Start date"])
    >>> items = offer_checklist(offer, holidays_booked=["Family wedding in May"])
    >>> [(item.topic.name, item.detail) for item in items]
    [('HOLIDAY', 'Family wedding in May'), ('TERMS', 'Start date')]
    """
    if not isinstance(offer, OfferReceived):
        raise ValidationError("offer", offer, "an OfferReceived")
    holidays = _holidays(holidays_booked)
    family = _commitments(family_commitments)
    if adjustments is not None:
        _fields.check_text("adjustments", adjustments)
    if advertised is not None and not isinstance(advertised, SalaryRange):
        raise ValidationError("advertised", advertised, "a SalaryRange or None")
    items = []
    if offer.respond_by is not None:
        items.append(_item(Topic.DEADLINE, _answer_by(offer.respond_by)))
    items += [_item(Topic.HOLIDAY, holiday) for holiday in holidays]
    items += [_item(Topic.FAMILY, commitment) for commitment in family]
    if adjustments is not None:
        items.append(_item(Topic.ADJUSTMENTS, adjustments.strip()))
    if offer.salary is not None and advertised is not None:
        items.append(_salary_item(offer.salary, advertised))
    items += [_item(Topic.TERMS, term) for term in offer.terms]
    return tuple(items)


def _item(topic: Topic, detail: str) -> ChecklistItem:
    return ChecklistItem(topic=topic, detail=detail, reason=_REASONS[topic])


def _answer_by(when: pendulum.DateTime) -> str:
    return (
        f"Answer by {when.format('dddd D MMMM YYYY [at] HH:mm')} ({when.timezone_name})"
    )


def _salary_item(offered: SalaryRange, advertised: SalaryRange) -> ChecklistItem:
    where = salary_position(offered, advertised)
    return ChecklistItem(
        topic=Topic.SALARY,
        detail=f"Offered {money(where.offered, advertised)}",
        reason=where.reason,
    )


def _sequence(name: str, value: object) -> Sequence[Any]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ValidationError(name, value, "a tuple or list")
    return value


def _commitments(value: object) -> list[str]:
    """Return the family commitments, stripped, or raise naming a bad one."""
    family = _sequence("family_commitments", value)
    for index, commitment in enumerate(family):
        _fields.check_text(f"family_commitments[{index}]", commitment)
    return [commitment.strip() for commitment in family]


def _holidays(value: object) -> list[str]:
    """Return each booked holiday in words, or raise naming a bad one."""
    return [
        _holiday(index, holiday)
        for index, holiday in enumerate(_sequence("holidays_booked", value))
    ]


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _holiday(index: int, value: object) -> str:
    field = f"holidays_booked[{index}]"
    if isinstance(value, str):
        _fields.check_text(field, value)
        return value.strip()
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and all(_is_date(day) for day in value)
    ):
        first: dt.date = value[0]
        last: dt.date = value[1]
        if last < first:
            raise ValidationError(field, value, "a last day on or after the first")
        if first == last:
            return first.isoformat()
        return f"{first.isoformat()} to {last.isoformat()}"
    raise ValidationError(field, value, "a string or a (first day, last day) pair")
