"""What the log's records share: a check on counts, and a fast way to build them."""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

from postinterview import _fields
from postinterview.errors import ValidationError

_T = TypeVar("_T")


def _make(cls: type[_T], **values: Any) -> _T:
    """Build a record from values already known to be valid, skipping checks.

    The log builds many thousands of records from parts of records that were
    validated when they were made; checking them again would cost most of
    the time it takes to build a log.
    """
    record = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(record, name, value)
    return record


def _at_least(low: int) -> _fields.Validator:
    def validate(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not int or value < low:
            raise ValidationError(
                attribute.name, value, f"an integer of at least {low}"
            )

    return validate
