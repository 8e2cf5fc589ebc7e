"""Findings: things worth a second look, reported as data rather than raised."""

from __future__ import annotations

from typing import Any

import attrs

from postinterview.errors import ValidationError

__all__ = ["Finding"]


def _text(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not str:
        raise ValidationError(attribute.name, value, "a string")


def _optional_text(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and type(value) is not str:
        raise ValidationError(attribute.name, value, "a string or None")


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a check noticed: a *code* to act on, a *message* to show.

    *text* quotes the words that raised the finding, when there are some, so
    a host tool can highlight them.

    >>> Finding(code="doubled-word", message="'the' is written twice",
    ...         text="the the").code
    'doubled-word'
    """

    code: str = attrs.field(validator=_text)
    message: str = attrs.field(validator=_text)
    text: str | None = attrs.field(default=None, validator=_optional_text)
