"""The scalars of a document, and how a decoding failure finds its path.

Each decoder takes a JSON value and returns the Python value, or raises
:class:`DecodeError` saying what was expected. Strings, booleans and integers
are taken only as themselves (a bool is never read as an int); a decimal and a
date are strings. Beside each decoder is the JSON Schema of what it reads,
from the same pattern, so the published schema says what the decoder does.

The numbers' bounds are the records' own: a decoded amount or count is
checked when its record is built, so reading refuses what the constructor
refuses, naming the path. Only an integer too long for any record is kept
from being read at all, since Python reads a long integer in time quadratic
in its length: :func:`parse_int` leaves it as a :class:`LongInt`.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import pendulum

from postinterview.errors import SchemaError

__all__ = [
    "BOOL_SCHEMA",
    "DATE_EXPECTED",
    "DATE_SCHEMA",
    "DECIMAL_SCHEMA",
    "INT_DIGITS_MAX",
    "INT_SCHEMA",
    "MISSING",
    "STR_SCHEMA",
    "Decode",
    "DecodeError",
    "Encode",
    "LongInt",
    "Schema",
    "decode_bool",
    "decode_date",
    "decode_decimal",
    "decode_int",
    "decode_str",
    "encode_date",
    "matching",
    "parse_int",
]


class _Missing:
    """Stands for a key the document lacks, in SchemaError.value."""

    def __repr__(self) -> str:
        return "nothing (the key is missing)"


#: What a SchemaError's value is when the document lacks the key.
MISSING: Final = _Missing()

Encode = Callable[[Any], Any]
Decode = Callable[[Any], Any]
#: A JSON Schema, or a part of one.
Schema = dict[str, Any]


def matching(regex: re.Pattern[str]) -> str:
    """Return *regex* as a JSON Schema pattern that matches whole strings only.

    JSON Schema searches a string for its pattern, so the pattern is anchored
    at both ends. ``(?!\\n)`` before the end keeps a trailing line break out:
    Python's ``$``, which some validators use, also matches before one.
    """
    return f"^(?:{regex.pattern})(?!\\n)$"


STR_SCHEMA: Final[Schema] = {"type": "string"}
BOOL_SCHEMA: Final[Schema] = {"type": "boolean"}
INT_SCHEMA: Final[Schema] = {"type": "integer"}


class DecodeError(Exception):
    """A decoding failure on its way out; it becomes a SchemaError at the top.

    Each enclosing object or array adds its step to *steps* while the error
    passes through, so no path is built unless something is wrong.
    """

    def __init__(self, value: object, expected: str, step: str | None = None) -> None:
        super().__init__(value, expected)
        self.value = value
        self.expected = expected
        self.steps: list[str] = [] if step is None else [step]

    def schema_error(self) -> SchemaError:
        path = "".join(reversed(self.steps))
        return SchemaError(path.removeprefix("."), self.value, self.expected)


def decode_str(value: object) -> str:
    if type(value) is str:
        return value
    raise DecodeError(value, "a string")


def decode_bool(value: object) -> bool:
    if type(value) is bool:
        return value
    raise DecodeError(value, "true or false")


#: The most digits of an integer that reading turns into an int: more than
#: any count a record holds (those stop at 10**9), and few enough to read at
#: once.
INT_DIGITS_MAX = 20


class LongInt:
    """An integer of a JSON text with too many digits to read, by its length."""

    __slots__ = ("digits",)

    def __init__(self, text: str) -> None:
        self.digits = len(text) - text.startswith("-")

    def __repr__(self) -> str:
        return f"<integer of {self.digits:,} digits>"


def parse_int(text: str) -> int | LongInt:
    """Read a JSON integer, unless it has more than :data:`INT_DIGITS_MAX` digits."""
    if len(text) - text.startswith("-") > INT_DIGITS_MAX:
        return LongInt(text)
    return int(text)


def decode_int(value: object) -> int:
    if type(value) is int:
        return value
    if type(value) is LongInt:
        raise DecodeError(value, f"an integer of at most {INT_DIGITS_MAX} digits")
    raise DecodeError(value, "an integer")


_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?", re.ASCII)
_DECIMAL_EXPECTED = "a decimal number written as a string, such as '42000.50'"
DECIMAL_SCHEMA: Final[Schema] = {
    "description": _DECIMAL_EXPECTED,
    "type": "string",
    "pattern": matching(_DECIMAL),
}


def decode_decimal(value: object) -> Decimal:
    if type(value) is str and _DECIMAL.fullmatch(value):
        try:
            return Decimal(value)
        except decimal.InvalidOperation:  # an exponent beyond what Decimal holds
            pass
    raise DecodeError(value, _DECIMAL_EXPECTED)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
DATE_EXPECTED = "an ISO 8601 date such as '2026-11-27'"
DATE_SCHEMA: Final[Schema] = {
    "description": DATE_EXPECTED,
    "type": "string",
    "pattern": matching(_DATE),
}


def decode_date(value: object) -> pendulum.Date:
    if type(value) is str and _DATE.fullmatch(value):
        try:
            return pendulum.Date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:  # no such day
            pass
    raise DecodeError(value, DATE_EXPECTED)


encode_date: Encode = dt.date.isoformat
