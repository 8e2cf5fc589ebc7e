"""The exceptions and warnings that ``postinterview`` raises.

Every exception derives from :class:`PostInterviewError`, so a host tool can
catch the whole family at once. Each leaf also subclasses the builtin it
refines (a :class:`ValidationError` is a :class:`ValueError`), so code that
already catches the builtin keeps working.

Warnings derive from :class:`PostInterviewWarning`, so one filter silences or
escalates all of them.
"""

from __future__ import annotations

import reprlib
from typing import Any

__all__ = [
    "NaiveDatetimeError",
    "PostInterviewError",
    "PostInterviewWarning",
    "SchemaError",
    "TemplateRenderError",
    "TimelineError",
    "UnsafeTemplateError",
    "ValidationError",
]

_MAX_SHOWN = 60
_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = _REPR.maxother = _MAX_SHOWN


def shorten(value: object, limit: int = _MAX_SHOWN) -> str:
    """Return ``repr(value)``, cut to *limit* characters with an ellipsis.

    >>> shorten("x" * 100, limit=12)
    "'xxxxxxx...'"
    """
    # Only the start is shown, so only the start is rendered: a long string is
    # cut before repr, and containers are rendered a few items deep.
    if isinstance(value, str):
        start = value[: limit + 1]
        # repr picks its quotes from the whole string: add the quote marks
        # the start lacks, after the part that is shown, so it picks alike.
        start += "".join(q for q in "'\"" if q in value and q not in start)
        shown = repr(start)
    elif isinstance(value, bytes | bytearray | list | tuple | dict | set | frozenset):
        shown = _REPR.repr(value)
    else:
        shown = repr(value)
    if len(shown) <= limit:
        return shown
    closing = shown[-1] if shown[-1] in "'\")]}>" else ""
    return shown[: limit - 3 - len(closing)] + "..." + closing


class PostInterviewError(Exception):
    """The root of every exception this library raises."""


class ValidationError(PostInterviewError, ValueError):
    """A value given for *field* is not what the record accepts.

    The message names the field, shows the value (shortened when long) and
    says what was *expected*:

    >>> print(ValidationError("round", 0, "an integer of at least 1"))
    round: expected an integer of at least 1, got 0
    """

    field: str
    value: Any
    expected: str

    def __init__(self, field: str, value: Any, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(field, value, expected)

    def __str__(self) -> str:
        return f"{self.field}: expected {self.expected}, got {shorten(self.value)}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.value, self.expected), self.__dict__)


class NaiveDatetimeError(ValidationError):
    """A datetime without a time zone was given where an instant is needed.

    pendulum would silently read a naive datetime as UTC; this library refuses
    it instead, because a reminder an hour off is worse than an error.
    """


class SchemaError(ValidationError):
    """A serialized document does not match the schema.

    *path* locates the bad part of the document, in the form
    ``interviewers[0].email``; it is also used as the error's ``field``.
    An empty path means the document as a whole.
    """

    @property
    def path(self) -> str:
        """Where in the document the problem is, e.g. ``interviewers[0].email``."""
        return self.field

    def __str__(self) -> str:
        where = self.field or "<document>"
        return f"{where}: expected {self.expected}, got {shorten(self.value)}"


class TimelineError(PostInterviewError, ValueError):
    """An event cannot happen at that point of an application's history.

    *index* is the position of the refused event in the history, when the
    error concerns one event.
    """

    index: int | None

    def __init__(self, message: str, *, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self.args, self.__dict__)


class TemplateRenderError(PostInterviewError, ValueError):
    """A letter template could not be rendered.

    *template* names the template when it is known and *line* is the line of
    its source that failed, when Jinja reported one:

    >>> print(TemplateRenderError("'highlight' is undefined",
    ...                           template="thank_you/body.txt.j2"))
    thank_you/body.txt.j2: 'highlight' is undefined
    """

    template: str | None
    line: int | None

    def __init__(
        self, message: str, *, template: str | None = None, line: int | None = None
    ) -> None:
        super().__init__(message)
        self.template = template
        self.line = line

    def __str__(self) -> str:
        where = self.template or "<template>"
        if self.line is not None:
            where = f"{where}, line {self.line}"
        return f"{where}: {self.args[0]}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self.args, self.__dict__)


class UnsafeTemplateError(TemplateRenderError):
    """A user-written template tried to reach what the sandbox keeps from it.

    Reading private attributes such as ``__class__`` or ``__globals__``, by
    attribute, by ``|attr(...)`` or through ``str.format``, ends up here.
    """


class PostInterviewWarning(UserWarning):
    """The root of every warning this library issues."""
