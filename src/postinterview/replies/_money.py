"""Amounts of money in a reply: an offer's salary."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import attrs

from postinterview.interview import Period, SalaryRange
from postinterview.replies._patterns import Patterns

__all__ = ["SalaryMention", "find_salary"]

#: Symbols and codes known in every language, longest first.
_SYMBOLS = {
    "R$": "BRL",
    "US$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "MX$": "MXN",
    "€": "EUR",
    "£": "GBP",
    "$": "USD",
    "CHF": "CHF",
}
_CODE = (
    r"\b(?:EUR|GBP|USD|CAD|AUD|NZD|HKD|SGD|BRL|MXN|CHF|ARS|COP|CLP|SEK|NOK|DKK|PLN)\b"
)
#: What "$" means where the sender is, when it is not the US dollar.
_DOLLARS = {
    "AR": "ARS",
    "AU": "AUD",
    "CA": "CAD",
    "CL": "CLP",
    "CO": "COP",
    "HK": "HKD",
    "MX": "MXN",
    "NZ": "NZD",
    "SG": "SGD",
}
_NUMBER = r"\d{1,3}(?:[ .,\u00a0]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"


@attrs.frozen
class SalaryMention:
    """A salary the reply states: the range, where it was found, and how its
    period was decided (*how* is ``None`` when the text names the period)."""

    salary: SalaryRange
    start: int
    end: int
    how: str | None


def _amount(text: str, thousands: bool) -> Decimal | None:
    digits = text.replace(" ", "").replace("\u00a0", "")
    if "," in digits and "." in digits:
        decimal = max(digits.rfind(","), digits.rfind("."))
        whole = re.sub(r"[.,]", "", digits[:decimal])
        digits = f"{whole}.{digits[decimal + 1 :]}"
    elif re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        digits = re.sub(r"[.,]", "", digits)
    else:
        digits = digits.replace(",", ".")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return value * 1000 if thousands else value


@attrs.frozen(eq=False)
class _Money:
    amount: re.Pattern[str]
    currencies: tuple[tuple[re.Pattern[str], str], ...]
    periods: tuple[tuple[re.Pattern[str], Period], ...]


def _grammar(patterns: Patterns) -> _Money:
    symbols = "|".join(re.escape(s) for s in _SYMBOLS)
    words = "|".join(f"(?:{p.pattern})" for p, _ in patterns.currencies) or "(?!)"
    thousand = "|".join(patterns.money["thousand"]) or "(?!)"
    number = rf"(?P<NAME>{_NUMBER})\s?(?P<NAMEk>(?:{thousand})(?!\w))?"
    before = (
        rf"(?P<cb>{symbols}|{_CODE})\s?{number.replace('NAME', 'nb')}"
        rf"(?:\s?(?P<cc>{_CODE}))?"
    )
    after = rf"{number.replace('NAME', 'na')}\s?(?P<ca>{symbols}|{_CODE}|{words})"
    amount = re.compile(rf"(?<![\w.,]){before}|(?<![\w.,$€£]){after}", re.I)
    periods = tuple(
        (re.compile("|".join(f"(?:{w})" for w in patterns.money[key]), re.I), period)
        for key, period in (
            ("year", Period.YEAR),
            ("month", Period.MONTH),
            ("hour", Period.HOUR),
        )
        if patterns.money[key]
    )
    return _Money(amount=amount, currencies=patterns.currencies, periods=periods)


_GRAMMARS: dict[int, tuple[Patterns, _Money]] = {}


def find_salary(
    text: str, patterns: Patterns, country: str | None = None
) -> SalaryMention | None:
    """Return the first salary *text* states, a range when it gives two amounts.

    *country* is where the sender is: "$" is the dollar of that country
    (Canadian in Canada), unless a currency code follows the amount.
    """
    cached = _GRAMMARS.get(id(patterns))
    if cached is None or cached[0] is not patterns:
        cached = _GRAMMARS[id(patterns)] = (patterns, _grammar(patterns))
    money = cached[1]
    found = []
    for match in money.amount.finditer(text):
        number = match["nb"] or match["na"]
        thousands = bool(match["nbk"] or match["nak"])
        value = _amount(number, thousands)
        mark = (match["cc"] or match["cb"] or match["ca"]).strip()
        if mark == "$" and country in _DOLLARS:
            mark = _DOLLARS[country or ""]
        currency = _SYMBOLS.get(mark) or (
            mark.upper() if re.fullmatch(_CODE, mark.upper()) else None
        )
        if currency is None:
            currency = next((c for p, c in money.currencies if p.fullmatch(mark)), None)
        if value is None or currency is None or value <= 0:
            continue
        end = match.start() + len(match.group().rstrip())
        found.append((match.start(), end, value, currency))
    if not found:
        return None
    start, end, low, currency = found[0]
    high = low
    if len(found) > 1:
        second = found[1]
        gap = text[end : second[0]]
        if second[3] == currency and len(gap) <= 12 and second[2] >= low:
            end, high = second[1], second[2]
    after = text[end : end + 60]
    period = next((p for pattern, p in money.periods if pattern.search(after)), None)
    before = text[max(0, start - 60) : start]
    if period is None:
        period = next(
            (p for pattern, p in money.periods if pattern.search(before)), None
        )
    how = None
    if period is None:
        period = (
            Period.YEAR
            if high >= 15000
            else Period.MONTH
            if high >= 500
            else Period.HOUR
        )
        how = f"no period stated: read as a {period.value}'s pay from its size"
    return SalaryMention(
        salary=SalaryRange(low=low, high=high, currency=currency, period=period),
        start=start,
        end=end,
        how=how,
    )
