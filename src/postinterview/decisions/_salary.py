"""The salary position: where an offered salary sits in the advertised range."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from postinterview import _fields, _money
from postinterview.errors import ValidationError
from postinterview.interview import SalaryRange


class Placement(enum.Enum):
    """Where an offered salary sits against the advertised range."""

    BELOW = "below the advertised range"
    BOTTOM = "at the bottom of the advertised range"
    INSIDE = "inside the advertised range"
    TOP = "at the top of the advertised range"
    ABOVE = "above the advertised range"


@attrs.frozen(kw_only=True)
class SalaryPosition:
    """Where an offer sits in the advertised range, and the room left.

    *offered* is the figure compared; *room* is how far it is below the top
    of the advertised range (0 at or above it); *reason* says it in words.
    """

    offered: Decimal = attrs.field(validator=_fields.amount)
    placement: Placement = attrs.field(validator=_fields.enum_member(Placement))
    room: Decimal = attrs.field(validator=_fields.amount)
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


def money(amount: Decimal, salary: SalaryRange) -> str:
    """Say *amount* in the currency and period of *salary*: "£42,000 a year"."""
    return _money.per_period(amount, salary)


def salary_position(offer: SalaryRange, advertised: SalaryRange) -> SalaryPosition:
    """Return where *offer* sits in the *advertised* range, and the room to the top.

    An offer of one figure is a range with ``low == high``; for a range, its
    ``low`` is compared, since that is what is sure. The placement is
    ``BELOW`` under the range, ``BOTTOM`` at its low end, ``INSIDE`` between
    the ends, ``TOP`` at its high end (also when the range is one figure) and
    ``ABOVE`` over it. *room* is ``max(0, advertised.high - offered)``. Both
    must use the same currency and period, or
    :class:`~postinterview.ValidationError` names ``currency`` or ``period``.

    >>> from postinterview import Period
    >>> advert = SalaryRange(low=42000, high=48000, currency="GBP")
    >>> where = salary_position(SalaryRange(low=42000, high=42000, currency="GBP"),
    ...                         advert)
    >>> where.placement.name, where.room
    ('BOTTOM', Decimal('6000'))
    """
    _check_comparable(offer, advertised)
    offered = offer.low
    room = max(Decimal(0), advertised.high - offered)
    placement, reason = _placement(offered, room, advertised)
    return SalaryPosition(
        offered=offered, placement=placement, room=room, reason=reason
    )


def _check_comparable(offer: SalaryRange, advertised: SalaryRange) -> None:
    """Raise unless both are salary ranges in the same currency and period."""
    if not isinstance(offer, SalaryRange):
        raise ValidationError("offer", offer, "a SalaryRange")
    if not isinstance(advertised, SalaryRange):
        raise ValidationError("advertised", advertised, "a SalaryRange")
    if offer.currency != advertised.currency:
        raise ValidationError(
            "currency",
            offer.currency,
            f"the advertised currency, {advertised.currency}",
        )
    if offer.period is not advertised.period:
        raise ValidationError(
            "period", offer.period, f"the advertised period, {advertised.period}"
        )


def _placement(
    offered: Decimal, room: Decimal, advertised: SalaryRange
) -> tuple[Placement, str]:
    """Return where *offered* sits in *advertised*, and the reason in words."""
    low, high = advertised.low, advertised.high
    top = money(high, advertised)
    homework = "Check what similar roles pay before you ask."
    if offered > high:
        return Placement.ABOVE, (
            f"The offer is above the advertised range, whose top is {top}: "
            "there is no advertised room left, so weigh the other terms."
        )
    if offered == high:
        return Placement.TOP, (
            f"The offer is at the top of the advertised range ({top}): little "
            "room on salary, though other terms may still be open."
        )
    if offered == low:
        return Placement.BOTTOM, (
            "The offer is at the bottom of the advertised range. Some "
            "organisations appoint there as a rule, but you may ask for more, "
            f"up to {top}. {homework}"
        )
    if offered > low:
        return Placement.INSIDE, (
            "The offer is inside the advertised range, with room of "
            f"{money(room, advertised)} up to {top}. {homework}"
        )
    return Placement.BELOW, (
        "The offer is below the advertised range, which starts at "
        f"{money(low, advertised)}: ask why, and ask for at least the "
        f"bottom of the range. {homework}"
    )
