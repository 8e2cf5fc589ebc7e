"""The scalars of a document, and how a decoding failure finds its path.

Each decoder takes a JSON value and returns the Python value, or raises
:class:`DecodeError` saying what was expected. Strings, booleans and integers
are taken only as themselves (a bool is never read as an int); a decimal and a
date are strings.
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
    "DATE_EXPECTED",
    "MISSING",
    "Decode",
    "DecodeError",
    "Encode",
    "decode_bool",
    "decode_date",
    "decode_decimal",
    "decode_int",
    "decode_str",
    "encode_date",
]


class _Missing:
    """Stands for a key the document lacks, in SchemaError.value."""

    def __repr__(self) -> str:
        return "nothing (the key is missing)"


#: What a SchemaError's value is when the document lacks the key.
MISSING: Final = _Missing()

Encode = Callable[[Any], Any]
Decode = Callable[[Any], Any]


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


def decode_int(value: object) -> int:
    if type(value) is int:
        return value
    raise DecodeError(value, "an integer")


_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?", re.ASCII)
_DECIMAL_EXPECTED = "a decimal number written as a string, such as '42000.50'"


def decode_decimal(value: object) -> Decimal:
    if type(value) is str and _DECIMAL.fullmatch(value):
        try:
            return Decimal(value)
        except decimal.InvalidOperation:  # an exponent beyond what Decimal holds
            pass
    raise DecodeError(value, _DECIMAL_EXPECTED)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
DATE_EXPECTED = "an ISO 8601 date such as '2026-11-27'"


def decode_date(value: object) -> pendulum.Date:
    if type(value) is str and _DATE.fullmatch(value):
        try:
            return pendulum.Date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:  # no such day
            pass
    raise DecodeError(value, DATE_EXPECTED)


encode_date: Encode = dt.date.isoformat
