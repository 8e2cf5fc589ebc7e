"""The candidate: the person who sends the letters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.interview import _check_email, _check_phone


def _lines(value: Iterable[str]) -> tuple[str, ...]:
    return _fields.to_text_tuple(value)


def _each_line(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise ValidationError(attribute.name, value, "a sequence of strings")
    for index, item in enumerate(value):
        _fields.check_line(f"{attribute.name}[{index}]", item)


@attrs.frozen(kw_only=True)
class Candidate:
    """The person who sends the letters.

    *signature* holds the lines printed under the name (a profile link, a
    job title); *address* the postal address that heads a printed letter.

    >>> Candidate(name="Sam Jones", email="sam@example.org").name
    'Sam Jones'
    """

    name: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    email: str = attrs.field(converter=_fields.strip, validator=_check_email)
    phone: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_check_phone
    )
    signature: tuple[str, ...] = attrs.field(
        default=(), converter=_lines, validator=_each_line
    )
    address: tuple[str, ...] = attrs.field(
        default=(), converter=_lines, validator=_each_line
    )

    @email.validator
    def _check_present(self, attribute: attrs.Attribute[str], value: object) -> None:
        if value is None:
            raise ValidationError(attribute.name, value, "the sender's email address")
