"""The sandbox's filters: Jinja's and the library's, each guarded.

Every filter a user's template can call checks the render's clock, refuses
arguments that would build more than the cap before it runs, and has its
result measured (or metered, when it yields lazily). Five are rewritten to
be bounded while they build: ``join``, ``sum``, ``pprint``, ``tojson`` with
an indent, and ``wordwrap``.
"""

from __future__ import annotations

import decimal
import functools
import json
import numbers
import typing
from collections.abc import Callable, Iterable
from typing import Any, Protocol

import jinja2
import jinja2.filters
import jinja2.runtime
import jinja2.utils

from postinterview.letters import _measure
from postinterview.letters._measure import MAX_BITS, refuse

_MAX_DIGITS = _measure.max_digits(MAX_BITS)
_MAX_INDENT = 100  # tojson's indent: a JSON document's lines, each indented
_TEXT = (str, bytes, bytearray)


class _Env(Protocol):
    """What the filters need of the sandbox's environment during a render."""

    max_size: int
    newline_sequence: str
    policies: dict[str, Any]

    def tick(self) -> None: ...
    def cost(self, value: object, limit: int | None = None) -> int: ...
    def check_size(self, size: int, what: str = ...) -> None: ...
    def printable(self, value: Any) -> None: ...
    def check_width(self, width: object, text: object = ...) -> None: ...
    def made(self, value: Any) -> Any: ...
    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any: ...


def guard_filters(env: jinja2.Environment) -> None:
    """Put every filter of *env* behind its guard, and the rewritten five in."""
    filters = {**env.filters, **_REWRITTEN}
    env.filters = {name: _guarded(name, f) for name, f in filters.items()}


def _guarded(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    check = _CHECKS.get(name)
    passes = jinja2.utils._PassArg.from_obj(function)  # Jinja's own flag

    @functools.wraps(function)
    def guarded(context: jinja2.runtime.Context, *args: Any, **kwargs: Any) -> Any:
        env: _Env = context.environment  # type: ignore[assignment]
        env.tick()
        if check is not None:
            check(env, *args, **kwargs)
        if passes is jinja2.utils._PassArg.context:
            made = function(context, *args, **kwargs)
        elif passes is jinja2.utils._PassArg.eval_context:
            made = function(context.eval_ctx, *args, **kwargs)
        elif passes is jinja2.utils._PassArg.environment:
            made = function(env, *args, **kwargs)
        else:
            made = function(*args, **kwargs)
        return env.made(made)

    # After wraps(), which would copy the original's flag.
    return jinja2.pass_context(guarded)


# -- checks made before a filter runs ------------------------------------------


def _printed(env: _Env, value: Any, *args: Any, **kwargs: Any) -> None:
    """The filter prints *value* as text first: ``str()`` must stay small."""
    env.printable(value)


def _center(env: _Env, value: Any, width: int = 80) -> None:
    env.printable(value)
    env.check_width(width, str(value))


def _indent(
    env: _Env, s: Any, width: int | str = 4, first: bool = False, blank: bool = False
) -> None:
    env.printable(s)
    text = str(s)
    lines = text.count("\n") + 1
    pad = width if isinstance(width, int) else len(str(width))
    env.check_size(len(text) + lines * max(pad, 0), "an indented text")


def _batch(env: _Env, value: Any, linecount: int, fill_with: Any = None) -> None:
    env.check_width(linecount)


def _slice(env: _Env, value: Any, slices: int, fill_with: Any = None) -> None:
    env.check_width(slices)


def _format(env: _Env, value: Any, *args: Any, **kwargs: Any) -> None:
    env.printable(value)
    text = str(value)
    _measure.check_format(text)
    size = _measure.percent_size(text, kwargs or args, env.max_size, MAX_BITS)
    env.check_size(size, "a formatted string")


def _replace(env: _Env, s: Any, old: Any, new: Any, count: int | None = None) -> None:
    env.printable(s)
    size = _measure.replace_size(
        str(s), str(old), str(new), -1 if count is None else count
    )
    env.check_size(size, "a replacement")


def _urlize(  # noqa: PLR0917 - Jinja's urlize, argument for argument
    env: _Env,
    value: Any,
    trim_url_limit: int | None = None,
    nofollow: bool = False,
    target: str | None = None,
    rel: str | None = None,
    extra_schemes: Iterable[str] | None = None,
) -> None:
    # Each link (a word with '.', '@' or ':') repeats the target and rel.
    env.printable(value)
    text = str(value)
    links = text.count(".") + text.count("@") + text.count(":")
    per_link = len(str(target or "")) + len(str(rel or ""))
    env.check_size(links * per_link, "the links' attributes")


def _int(env: _Env, value: Any, default: int = 0, base: int = 10) -> None:
    if isinstance(value, str) and len(value.strip()) > MAX_BITS // 3:
        refuse(f"an integer of more than {MAX_BITS:,} bits")
    if (
        isinstance(value, decimal.Decimal)
        and value.is_finite()
        and _measure.integer_digits(value) > _MAX_DIGITS
    ):
        refuse(f"an integer of more than {MAX_BITS:,} bits")


def _round(
    env: _Env, value: Any, precision: object = 0, method: str = "common"
) -> None:
    # round(5, -10**9) would compute 10 ** 10**9.
    if isinstance(precision, int) and abs(precision) > _MAX_DIGITS:
        refuse(f"rounding to more than {_MAX_DIGITS:,} digits")


def _money(env: _Env, value: Any, currency: str | None = None) -> None:
    for amount in (getattr(value, "low", value), getattr(value, "high", value)):
        width = _measure.number_width(amount, env.max_size, MAX_BITS)
        env.check_size(width, "an amount")


_CHECKS: dict[str, Callable[..., None]] = {
    **dict.fromkeys(
        [
            "capitalize",
            "e",
            "escape",
            "forceescape",
            "lower",
            "names",
            "safe",
            "string",
            "striptags",
            "title",
            "trim",
            "truncate",
            "upper",
            "urlencode",
            "wordcount",
            "xmlattr",
        ],
        _printed,
    ),
    "batch": _batch,
    "center": _center,
    "format": _format,
    "indent": _indent,
    "int": _int,
    "money": _money,
    "replace": _replace,
    "round": _round,
    "slice": _slice,
    "urlize": _urlize,
}


# -- filters rewritten to be bounded while they build ---------------------------


@jinja2.pass_context
def _join(
    context: jinja2.runtime.Context,
    value: Iterable[Any],
    d: str = "",
    attribute: str | int | None = None,
) -> str:
    env: _Env = context.environment  # type: ignore[assignment]
    listed = list(value)
    if attribute is not None:
        getter = jinja2.filters.make_attrgetter(context.environment, attribute)
        listed = [getter(item) for item in listed]
    env.check_size(_measure.join_size(d, listed, env.max_size, MAX_BITS), "a join")
    made: str = jinja2.filters.do_join(context.eval_ctx, listed, d)
    return made


@jinja2.pass_context
def _sum(
    context: jinja2.runtime.Context,
    iterable: Iterable[Any],
    attribute: str | int | None = None,
    start: Any = 0,
) -> Any:
    """Jinja's sum, adding one item at a time through the sandbox's ``+``."""
    env: _Env = context.environment  # type: ignore[assignment]
    if attribute is not None:
        iterable = map(
            jinja2.filters.make_attrgetter(context.environment, attribute), iterable
        )
    if isinstance(start, numbers.Number):
        numeric: Any = start
        return sum(iterable, numeric)  # numbers: the builtin, bits measured after
    if isinstance(start, _TEXT):  # as the builtin says
        kind = "strings" if isinstance(start, str) else type(start).__name__
        joiner = "''" if isinstance(start, str) else "b''"
        raise TypeError(f"sum() can't sum {kind} [use {joiner}.join(seq) instead]")
    total = start
    for item in iterable:
        total = env.call_binop(context, "+", total, item)
    return total


@jinja2.pass_context
def _pprint(context: jinja2.runtime.Context, value: Any) -> str:
    """Jinja's pprint, written out through a stream that stops at the cap."""
    import pprint  # noqa: PLC0415 - as Jinja does, only when used

    env: _Env = context.environment  # type: ignore[assignment]
    env.printable(value)
    stream = _CappedStream(env)
    pprint.PrettyPrinter(stream=typing.cast("typing.IO[str]", stream)).pprint(value)
    return stream.text().removesuffix("\n")  # pformat() has no final newline


@jinja2.pass_context
def _tojson(
    context: jinja2.runtime.Context, value: Any, indent: int | str | None = None
) -> Any:
    """Jinja's tojson; with an indent, encoded piece by piece within the cap."""
    env: _Env = context.environment  # type: ignore[assignment]
    env.printable(value)
    if indent is None:
        return jinja2.filters.do_tojson(context.eval_ctx, value)
    width = indent if isinstance(indent, int) else len(str(indent))
    if width > _MAX_INDENT:
        refuse(f"a JSON indent of more than {_MAX_INDENT}")
    options = {**env.policies["json.dumps_kwargs"], "indent": indent}
    stream = _CappedStream(env)
    for piece in json.JSONEncoder(**options).iterencode(value):
        stream.write(piece)
    encoded = stream.text()
    return jinja2.utils.htmlsafe_json_dumps(encoded, dumps=lambda done, **_: done)


@jinja2.pass_context
def _wordwrap(  # noqa: PLR0917 - Jinja's wordwrap, argument for argument
    context: jinja2.runtime.Context,
    s: str,
    width: int = 79,
    break_long_words: bool = True,
    wrapstring: object = None,
    break_on_hyphens: bool = True,
) -> str:
    """Jinja's wordwrap, measured between wrapping the lines and joining them."""
    import textwrap  # noqa: PLC0415 - as Jinja does, only when used

    env: _Env = context.environment  # type: ignore[assignment]
    if wrapstring is None:
        wrapstring = env.newline_sequence
    if not isinstance(wrapstring, str):  # Jinja's own error, whatever it is
        other: Any = wrapstring
        made: str = jinja2.filters.do_wordwrap(
            context.environment, s, width, break_long_words, other, break_on_hyphens
        )
        return made
    paragraphs = [
        textwrap.wrap(
            line,
            width=width,
            expand_tabs=False,
            replace_whitespace=False,
            break_long_words=break_long_words,
            break_on_hyphens=break_on_hyphens,
        )
        for line in s.splitlines()
    ]
    joins = sum(max(len(lines) - 1, 0) for lines in paragraphs) + len(paragraphs) - 1
    size = sum(len(line) for lines in paragraphs for line in lines)
    env.check_size(size + max(joins, 0) * len(wrapstring), "a wrapped text")
    return wrapstring.join([wrapstring.join(lines) for lines in paragraphs])


class _CappedStream:
    """A text stream that refuses what is written past the render's cap."""

    def __init__(self, env: _Env) -> None:
        self._env = env
        self._pieces: list[str] = []
        self._size = 0

    def write(self, piece: str) -> int:
        self._size += len(piece)
        self._env.check_size(self._size, "a printed value")
        self._pieces.append(piece)
        return len(piece)

    def text(self) -> str:
        return "".join(self._pieces)


_REWRITTEN: dict[str, Callable[..., Any]] = {
    "join": _join,
    "sum": _sum,
    "pprint": _pprint,
    "tojson": _tojson,
    "wordwrap": _wordwrap,
}
