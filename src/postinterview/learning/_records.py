"""What the log's records share: a check on counts, and a fast way to build them."""

from __future__ import annotations

from typing import Any, TypeVar

from postinterview import _fields

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
    """Require a count of at least *low*, and at most :data:`_fields.COUNT_MAX`."""
    return _fields.int_from(low, _fields.COUNT_MAX)
