"""Money in words: the one way every part of the library writes an amount.

The decisions (an offer's checklist) and the letters (an offer's reply) both
write salaries, and a reader comparing the two must see the same figures:
"£62,000 a year" in both, never "62000 GBP" in one of them.
"""

from __future__ import annotations

from decimal import Decimal

from postinterview.interview import Period, SalaryRange

# The currencies written with a symbol before the figure; any other is
# written by its code after it ("62,000 CHF").
_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}
_PER = {Period.YEAR: "a year", Period.MONTH: "a month", Period.HOUR: "an hour"}


def amount(value: Decimal, currency: str) -> str:
    """Write *value* in *currency*, grouped in thousands, pence only when any.

    >>> amount(Decimal("62000"), "GBP"), amount(Decimal("41.5"), "USD")
    ('£62,000', '$41.50')
    >>> amount(Decimal("95000"), "CHF")
    '95,000 CHF'
    """
    figure = f"{value:,.2f}".removesuffix(".00")
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{figure}" if symbol else f"{figure} {currency}"


def per_period(value: Decimal, salary: SalaryRange) -> str:
    """Write *value* in the currency and period of *salary*: "£42,000 a year"."""
    return f"{amount(value, salary.currency)} {_PER[salary.period]}"


def salary_range(salary: SalaryRange) -> str:
    """Write a range: "£42,000 to £48,000 a year", or one figure when low is high."""
    low = amount(salary.low, salary.currency)
    if salary.low == salary.high:
        return f"{low} {_PER[salary.period]}"
    return f"{low} to {amount(salary.high, salary.currency)} {_PER[salary.period]}"
