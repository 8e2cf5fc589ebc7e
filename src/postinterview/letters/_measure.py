"""What a value costs: the measure the sandbox caps, and the sizes it foresees.

The sandbox for users' templates refuses any step that would build a value
larger than its cap, and it must know before building. :func:`cost` counts
what a value would print as, whatever its type, stopping as soon as the
count passes the cap, so that measuring is never the expensive part; the
other functions foresee the size of a step's result from its arguments:
a repetition, a padding, a join, a replacement, a ``%`` or ``{}`` format.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from typing import Any, NoReturn

import jinja2.exceptions
import jinja2.utils

#: The most bits an integer a template computes may have: about 3,000 digits.
MAX_BITS = 10_000
#: What any other object counts: a date, a person, a macro, an iterator. Few
#: of them print longer; none that a template can make.
OTHER = 16
#: A float printed in full (``'%f' % 1e308``) has 309 digits before the point.
FLOAT_WIDTH = 330

# In a %-format: a width or precision given by *, or written with five digits.
_WIDE_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d{5}|\d*\.(?:\*|\d{5}))")
# In a {}-format: a field nested in a field, or five digits in a field.
_WIDE_BRACES = re.compile(r"(?<!\{)\{(?!\{)[^{}]*(?:\{|\d{5})")
# One conversion of a %-format: its key, width, precision and type.
_PERCENT_FIELD = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\d*)(?:\.(?P<precision>\d*))?"
    r"[hlL]?(?P<type>.?)",
    re.DOTALL,
)
# The width and precision of a {}-format field's spec.
_SPEC = re.compile(
    r"(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d*))?"
)
_NUMERIC_TYPES = frozenset("bcdoxXneEfFgG%")
_FLOAT_TYPES = frozenset("eEfFgG%")
_TEXT = (str, bytes, bytearray)
_CONTAINERS = (list, tuple, set, frozenset, dict, KeysView, ValuesView, ItemsView)


def refuse(what: str) -> NoReturn:
    """Stop the render: *what* is refused (the caller names the limit)."""
    raise jinja2.exceptions.SecurityError(f"{what} is refused in a user template")


def integer_digits(value: decimal.Decimal) -> int:
    """The digits of the integers that hold a finite Decimal: ``int()`` or a ratio."""
    _, shown, exponent = value.as_tuple()
    return len(shown) + abs(int(exponent))


def max_digits(max_bits: int) -> int:
    """The decimal digits an integer of *max_bits* bits can have."""
    return _decimal_digits(max_bits) + 1


def digits(number: int, max_bits: int) -> int:
    """The digits of *number*, refusing an integer of more than *max_bits* bits."""
    bits = number.bit_length()
    if bits > max_bits:
        refuse(f"an integer of more than {max_bits:,} bits")
    return _decimal_digits(bits) + 1


def _decimal_digits(bits: int) -> int:
    return bits * 1233 >> 12  # bits * log10(2), rounded down


def cost(value: object, limit: int, max_bits: int) -> int:
    """What *value* would print as, in characters, bytes, items and digits.

    Strings and bytes count their length, integers their digits, and a
    container its brackets and its items (times its depth, as a
    pretty-printer indents them) plus what each item costs, every time it
    appears: a list holding
    one string a thousand times costs a thousand strings, since that is
    what printing it writes. A namespace counts what it holds; any other
    object counts :data:`OTHER`. Counting stops as soon as it passes
    *limit*, and an integer of more than *max_bits* bits is refused.
    """
    total = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, _TEXT):
            total += len(item)
        elif isinstance(item, int):
            total += digits(item, max_bits)
        elif isinstance(item, jinja2.utils.Namespace):
            stack.append((object.__getattribute__(item, "_Namespace__attrs"), depth))
            continue
        elif isinstance(item, _CONTAINERS):
            total += len(item) * depth + 1  # its items, then its brackets
            if total > limit:
                return total
            inner = depth + 1
            if isinstance(item, dict):
                for key, entry in item.items():
                    stack.append((key, inner))
                    stack.append((entry, inner))
            else:
                stack.extend((entry, inner) for entry in item)
        else:
            total += _scalar_cost(item)
        if total > limit:
            return total
    return total


def _scalar_cost(item: object) -> int:
    if isinstance(item, float):
        return 24  # the longest repr of a float
    if isinstance(item, decimal.Decimal):
        return len(str(item))
    return OTHER


def number_width(value: object, limit: int, max_bits: int) -> int:
    """The longest *value* prints as under any format: ``'{:,.0f}'`` included."""
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return digits(value, max_bits) * 4 // 3 + 2  # with a separator every 3
    if isinstance(value, float):
        return FLOAT_WIDTH * 4 // 3
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            return 9
        # Its digits, the zeros before or after them, a sign and a point.
        whole = max(value.adjusted(), 0) + integer_digits(value) + 2
        return whole * 4 // 3 + 2
    return cost(value, limit, max_bits)


def repeat_size(value: object, times: int, limit: int, max_bits: int) -> int:
    """The cost of ``value * times``, counted no further than past *limit*."""
    brackets = 0 if isinstance(value, _TEXT) else 1  # written once, not each time
    if times <= 0:
        return brackets
    each = cost(value, limit // times + brackets, max_bits) - brackets
    return each * times + brackets


def width_size(text: object, width: object) -> int:
    """What padding *text* to *width* makes: ``ljust``, ``center``, ``zfill``."""
    length = len(text) if isinstance(text, _TEXT) else 0
    return max(length, width) if isinstance(width, int) else length


def tabs_size(text: str | bytes | bytearray, tabsize: object) -> int:
    """The longest ``text.expandtabs(tabsize)`` can be."""
    tab = "\t" if isinstance(text, str) else b"\t"
    tabs = text.count(tab)  # type: ignore[arg-type]  # str with str, bytes with bytes
    return len(text) + tabs * max(tabsize if isinstance(tabsize, int) else 8, 0)


def replace_size(text: object, old: object, new: object, count: object = -1) -> int:
    """How long ``text.replace(old, new, count)`` is, counted before replacing."""
    if (
        not isinstance(text, _TEXT)
        or not isinstance(old, _TEXT)
        or not isinstance(new, _TEXT)
    ):
        return 0
    if isinstance(text, str) != isinstance(old, str):
        return 0  # str with bytes: Python refuses the call itself
    found = len(text) + 1 if not old else text.count(old)  # type: ignore[arg-type]
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


def join_size(separator: object, items: list[Any], limit: int, max_bits: int) -> int:
    """How long joining *items* with *separator* is, items printed as text."""
    between = cost(separator, limit, max_bits) * max(len(items) - 1, 0)
    if between > limit:
        return between
    return between + cost(items, limit - between, max_bits)


def translate_size(text: str, table: object, limit: int, max_bits: int) -> int:
    """The longest ``text.translate(table)`` can be: each character mapped."""
    if isinstance(table, Mapping):
        mapped = table.values()
    elif isinstance(table, list | tuple | str):
        mapped = table  # type: ignore[assignment]
    else:
        refuse("translate() with a table other than a dict, list or string")
    longest = max((len(m) for m in mapped if isinstance(m, str)), default=1)
    return len(text) * max(longest, 1)


def check_format(spec: str | bytes | bytearray) -> None:
    """Refuse a format that asks for a width at run time, or a huge one."""
    text = spec if isinstance(spec, str) else spec.decode("latin-1")
    if _WIDE_PERCENT.search(text) or _WIDE_BRACES.search(text):
        refuse("a format width or precision of 10,000 or more, or one set at run time")


def percent_size(
    spec: str | bytes | bytearray, args: object, limit: int, max_bits: int
) -> int:
    """How long ``spec % args`` can be, counted before formatting.

    Each conversion prints its argument (in full, for a number) plus its
    width and precision; the count stops once past *limit*.
    """
    text = spec if isinstance(spec, str) else spec.decode("latin-1")
    values = iter(args) if isinstance(args, tuple) else None
    total = len(text)
    for field in _PERCENT_FIELD.finditer(text):
        kind = field["type"]
        if kind == "%":
            continue
        key = field["key"]
        value: object = None
        if key is not None and isinstance(args, Mapping):
            value = args.get(key)
        elif values is not None:
            value = next(values, None)
        else:
            value = args
        total += field_size(
            value,
            width=field["width"],
            precision=field["precision"],
            kind=kind,
            limit=limit - total,
            max_bits=max_bits,
        )
        if total > limit:
            return total
    return total


def spec_size(value: object, spec: str, limit: int, max_bits: int) -> int:
    """How long ``format(value, spec)`` can be: one field of a ``{}``-format."""
    found = _SPEC.match(spec)
    width = found["width"] if found else ""
    precision = found["precision"] if found else ""
    return field_size(
        value,
        width=width,
        precision=precision,
        kind=spec[-1:],
        limit=limit,
        max_bits=max_bits,
    )


def field_size(
    value: object,
    *,
    width: str | None,
    precision: str | None,
    kind: str,
    limit: int,
    max_bits: int,
) -> int:
    """One field of a format: the value printed, padded and given its digits."""
    if kind in {"r", "a"}:  # a repr escapes a character in up to ten
        size = cost(value, limit // 10, max_bits) * 10 + 2
    elif kind in _NUMERIC_TYPES or isinstance(value, int | float | decimal.Decimal):
        size = number_width(value, limit, max_bits)
    else:
        size = cost(value, limit, max_bits)
    if kind in _FLOAT_TYPES:  # a point, an exponent or a percent sign; 6 digits
        size += 8 if precision else 14
    return size + int(width or 0) + int(precision or 0)
