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
    "ImplausibleTimeWarning",
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
# The most characters of a field name, an expectation or a message that a
# message shows; the library's own are far shorter, but a field name can
# carry a caller's key, and a message a caller's text.
_MAX_TEXT = 300
# The most characters of a message given whole (a TimelineError's).
_MAX_MESSAGE = 1_000
# An int of more bits than this is described by its length instead of shown:
# its decimal text would be long, and past 4,300 digits Python refuses to
# make it at all.
_MAX_INT_BITS = 1_000
# Up to this many digits, the exact count costs one power of ten; past it,
# the count is estimated from the bit length, exact to within one digit.
_EXACT_DIGITS = 100_000
_LOG10_2 = 0.30102999566398120


class _Repr(reprlib.Repr):
    """reprlib's shortened reprs, safe for any value.

    Builtin containers and their subclasses are shown a few levels and items
    deep; a huge int is described, never converted; strings and bytes are
    cut before their repr is made; and a repr that raises is replaced by the
    object's type and address.
    """

    def repr1(self, x: Any, level: int) -> str:
        # By kind, not by type name as reprlib does: a subclass of list is
        # still shown a few items deep, and a class named "list" is not.
        for kind, show in _KINDS:
            if isinstance(x, kind):
                return str(show(self, x, level))
        return self.repr_instance(x, level)

    def repr_str(self, x: str, level: int) -> str:
        return _cut(repr(str.__getitem__(x, slice(0, self.maxstring))), self.maxstring)

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > _MAX_INT_BITS:
            return _describe_int(x)
        return _cut(repr(x), self.maxlong)

    def repr_bytes(self, x: bytes | bytearray, level: int) -> str:
        return _cut(repr(bytes(x[: self.maxstring])), self.maxstring)

    def repr_instance(self, x: object, level: int) -> str:
        try:
            shown = repr(x)
        except Exception:  # any failing __repr__ is shown as such
            return _opaque(x)
        return _cut(shown, self.maxother)


_KINDS: tuple[tuple[Any, Any], ...] = (
    (str, _Repr.repr_str),
    (int, _Repr.repr_int),
    ((bytes, bytearray), _Repr.repr_bytes),
    (list, reprlib.Repr.repr_list),
    (tuple, reprlib.Repr.repr_tuple),
    (dict, reprlib.Repr.repr_dict),
    (set, reprlib.Repr.repr_set),
    (frozenset, reprlib.Repr.repr_frozenset),
)
# The containers shown a few items deep; any other value is shown by its repr.
_CONTAINERS = (list, tuple, dict, set, frozenset)
_REPR = _Repr()
_REPR.maxlevel = 3
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = _MAX_SHOWN


def _opaque(value: object) -> str:
    """What a value whose repr failed is shown as: its type and address."""
    return object.__repr__(value)


def _digits(value: int) -> tuple[int, bool]:
    """Return how many decimal digits ``abs(value)`` has, and whether exactly.

    The count comes from the bit length: an int of *b* bits has either
    ``floor((b - 1) log10 2) + 1`` or one more digit. When the two differ, one
    power of ten tells them apart, for up to :data:`_EXACT_DIGITS` digits.
    """
    bits = abs(value).bit_length()
    fewest = int((bits - 1) * _LOG10_2) + 1
    most = int(bits * _LOG10_2) + 1
    if fewest == most:
        return fewest, True
    if fewest > _EXACT_DIGITS:
        return most, False
    return (most if abs(value) >= 10**fewest else fewest), True


def _describe_int(value: int) -> str:
    """Describe a huge int by its sign and length, without making its text."""
    count, exact = _digits(value)
    sign = "negative " if value < 0 else ""
    about = "" if exact else "about "
    return f"<{sign}int of {about}{count:,} digits>"


def _cut(shown: str, limit: int, note: str = "") -> str:
    """Cut *shown* to *limit* characters with an ellipsis, keeping its closing mark."""
    if len(shown) <= limit:
        return shown
    closing = shown[-1] if shown[-1] in "'\")]}>" else ""
    return shown[: max(limit - 3 - len(closing), 1)] + "..." + closing + note


def _count(number: int, unit: str) -> str:
    return f" ({number:,} {unit if number == 1 else unit + 's'})"


def _length_note(value: object, shown: str) -> str:
    """Say how long *value* is, for a repr that had to be cut."""
    if isinstance(value, str):
        return _count(len(value), "character")
    if isinstance(value, bytes | bytearray):
        return _count(len(value), "byte")
    if isinstance(value, _CONTAINERS):
        return _count(len(value), "item")
    if isinstance(value, int):
        return _count(len(shown.lstrip("-")), "digit")
    return f" (repr of {_count(len(shown), 'character')[2:]}"


def shorten(value: object, limit: int = _MAX_SHOWN) -> str:
    """Return ``repr(value)``, cut to *limit* characters and its length stated.

    It works for any value: an int too long for Python to turn into text is
    described by its number of digits, a repr that raises is replaced by the
    type and address of the value, and containers are shown a few items and
    levels deep. A cut repr ends with an ellipsis, then the whole length.

    >>> shorten("x" * 100, limit=12)
    "'xxxxxxx...' (100 characters)"
    >>> shorten(10**5000)
    '<int of 5,001 digits>'
    >>> shorten(list(range(1000)))
    '[0, 1, 2, 3, 4, 5, ...] (1,000 items)'
    """
    try:
        shown = _shown(value, limit)
        if len(shown) <= limit and not (
            isinstance(value, _CONTAINERS) and "..." in shown
        ):
            return shown
        note = _length_note(value, shown)
    except Exception:  # a __len__, __eq__ or __repr__ that raised
        return _opaque(value)
    if len(shown) <= limit:
        return shown + note
    return _cut(shown, limit, note)


def _shown(value: object, limit: int) -> str:
    """The repr of *value*, or of enough of its start to fill *limit*."""
    # Only the start is shown, so only the start is rendered: a long string is
    # cut before repr, and containers are rendered a few items deep.
    if isinstance(value, str):
        start = str.__getitem__(value, slice(0, limit + 1))
        # repr picks its quotes from the whole string: add the quote marks
        # the start lacks, after the part that is shown, so it picks alike.
        start += "".join(
            q for q in "'\"" if str.__contains__(value, q) and q not in start
        )
        return repr(start)
    if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
        return _describe_int(value)
    if isinstance(value, bytearray):
        return repr(bytearray(value[: limit + 1]))
    if isinstance(value, bytes):
        return repr(bytes(value[: limit + 1]))
    if isinstance(value, _CONTAINERS):
        return _REPR.repr1(value, _REPR.maxlevel)
    return repr(value)


def _text(part: object, limit: int = _MAX_TEXT) -> str:
    """A part of a message: a string as it is, cut when long; else its repr."""
    if type(part) is str:
        if len(part) <= limit:
            return part
        return f"{part[: limit - 3]}...{_count(len(part), 'character')}"
    return shorten(part)


class PostInterviewError(Exception):
    """The root of every exception this library raises.

    Its ``str()`` and ``repr()`` work whatever it was given, and stay short:
    a long text is cut with its length stated, and any other value is shown
    as :func:`shorten` shows it.
    """

    def __str__(self) -> str:
        args = self.args
        if len(args) == 1:
            return _text(args[0], _MAX_MESSAGE)
        return "(" + ", ".join(shorten(arg) for arg in args) + ")" if args else ""

    def __repr__(self) -> str:
        shown = ", ".join(shorten(arg, _MAX_TEXT) for arg in self.args)
        return f"{type(self).__name__}({shown})"


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
        return (
            f"{_text(self.field)}: expected {_text(self.expected)}, "
            f"got {shorten(self.value)}"
        )

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
        where = _text(self.field) if self.field != "" else "<document>"
        return f"{where}: expected {_text(self.expected)}, got {shorten(self.value)}"


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
        template, line = self.template, self.line
        where = "<template>" if template is None or template == "" else _text(template)
        if line is not None:
            where = f"{where}, line {_text(line)}"
        message = self.args[0] if self.args else ""
        return f"{where}: {_text(message, _MAX_MESSAGE)}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), self.args, self.__dict__)


class UnsafeTemplateError(TemplateRenderError):
    """A user-written template tried what the sandbox keeps from it.

    Reading private attributes such as ``__class__`` or ``__globals__``, by
    attribute, by ``|attr(...)`` or through ``str.format``, ends up here; so
    does building a value past the sandbox's size cap, running past its time
    limit, or nesting calls too deep.
    """


class PostInterviewWarning(UserWarning):
    """The root of every warning this library issues."""


class ImplausibleTimeWarning(PostInterviewWarning):
    """The instants given agree in a way that can happen but is more likely a
    mistake.

    :func:`~postinterview.plan` issues it when *now* comes before the latest
    event the application records (a plan as of a moment the record already
    lies past), or when an interview starts more than half a year after
    *now* (a mistyped year puts it about a year ahead). The plan is made all
    the same. Silence it with
    ``warnings.filterwarnings("ignore", category=ImplausibleTimeWarning)``
    where such values are intended.
    """
