"""The sandbox for templates a host tool's users write: Jinja's, with caps.

:func:`render_user_template` renders them read-only, away from private
attributes, within a time limit, and refuses any step that would build a
huge value before it is built. The compiled code's guards are in
``_sandbox_code``, the checks of calls in ``_sandbox_calls``, the filters'
own guards in ``_sandbox_filters``, and the measure of a value in ``_measure``.
"""

from __future__ import annotations

import functools
import math
import time
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import jinja2
import jinja2.compiler
import jinja2.nodes
import jinja2.runtime
import jinja2.sandbox
import jinja2.utils
import markupsafe

from postinterview.errors import (
    TemplateRenderError,
    UnsafeTemplateError,
    ValidationError,
)
from postinterview.letters import _measure
from postinterview.letters._environment import OPTIONS
from postinterview.letters._locale import FILTERS
from postinterview.letters._measure import refuse
from postinterview.letters._sandbox_calls import (
    TEXT,
    BoundedEscapeFormatter,
    BoundedFormatter,
    check_call,
    check_power,
)
from postinterview.letters._sandbox_code import (
    Buffer,
    GuardedCodeGenerator,
    Metered,
    Paced,
)
from postinterview.letters._sandbox_filters import guard_filters

#: The defaults of :func:`render_user_template`'s limits.
MAX_CHARS = 20_000
MAX_SIZE = 100_000
MAX_SECONDS = 1.0
#: The limits a host does not set.
MAX_BITS = _measure.MAX_BITS  # an integer a template computes: about 3,000 digits
MAX_DEPTH = 50  # calls inside calls: a macro calling itself, a recursive loop
MAX_RANGE = 1_000
_MAX_LOREM = 5
_SEQUENCES = (*TEXT, list, tuple)
_COMPILED_CACHE = 64  # templates whose compiled code is kept
_CACHED_SOURCE = 20_000  # the longest source kept: a letter, not a book


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with caps on what a render builds and spends.

    The sandbox keeps a template from private attributes but not from
    building huge values (``'a' * 10**9``, ``'a'.ljust(10**9)``, a list of
    big strings repeated, ``a ~ a`` doubled in a loop) nor from running for
    ever. Here every operator, call, filter, join and output is measured
    before it builds, every loop turn and call checks the clock, and calls
    may nest only so deep. One environment is built per kind of output and
    copied for each render, which carries that render's limits and clock.
    """

    code_generator_class = GuardedCodeGenerator
    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "**", "%"})

    # A render's limits and clock; these defaults serve compiling only.
    max_size = MAX_SIZE
    max_chars = MAX_CHARS
    seconds = MAX_SECONDS
    deadline = math.inf
    max_output = MAX_SIZE  # the largest value printed: max_chars or max_size
    depth = 0

    def for_render(
        self, *, max_size: int, max_chars: int, seconds: float, started: float
    ) -> _Sandbox:
        """A copy of this environment carrying one render's limits and clock."""
        env = object.__new__(type(self))
        env.__dict__.update(self.__dict__)
        env.max_size = max_size
        env.max_chars = max_chars
        env.max_output = max(max_chars, max_size)
        env.seconds = seconds
        env.deadline = started + seconds
        env.depth = 0
        return env

    # -- the clock and the measure ---------------------------------------------

    def tick(self) -> None:
        """Stop the render once it has run past its time."""
        if time.monotonic() > self.deadline:
            raise jinja2.exceptions.SecurityError(
                f"the template ran longer than max_seconds ({self.seconds:g} s)"
            )

    def cost(self, value: object, limit: int | None = None) -> int:
        return _measure.cost(value, self.max_size if limit is None else limit, MAX_BITS)

    def refuse_size(self, what: str = "a value") -> None:
        refuse(f"{what} of more than max_size ({self.max_size:,}) items")

    def check_size(self, size: int, what: str = "a value") -> None:
        if size > self.max_size:
            self.refuse_size(what)

    def measured(self, value: Any) -> Any:
        """*value*, once measured: no larger than the cap."""
        self.check_size(self.cost(value))
        return value

    def printable(self, value: Any) -> None:
        """Refuse *value* when printing it as text would build too much."""
        if not isinstance(value, str):
            self.check_size(self.cost(value))

    def made(self, value: Any) -> Any:
        """What a call or filter returned: measured, or metered when lazy."""
        if isinstance(value, Iterator) and not isinstance(value, Metered | Paced):
            return Metered(self, value)
        return self.measured(value)

    def check_width(self, width: object, text: object = "") -> None:
        self.check_size(_measure.width_size(text, width), "a width")

    # -- what the compiled template calls --------------------------------------

    def buffer(self) -> Buffer:
        return Buffer(self)

    def paced(self, iterable: Iterable[Any]) -> Paced:
        return Paced(self, iterable)

    def joined(self, pieces: tuple[Any, ...], escape: bool) -> str:
        """``a ~ b``: the pieces measured before they are joined."""
        self.tick()
        self.check_size(sum(self.cost(piece) for piece in pieces), "a ~ join")
        if escape:
            return jinja2.runtime.markup_join(pieces)
        return jinja2.runtime.str_join(pieces)

    def concat(self, pieces: Iterable[str]) -> str:
        """Join a block's output (a capture, a macro's result), within the cap."""
        listed: list[str] = []
        size = 0
        for piece in pieces:
            size += len(piece)
            listed.append(piece)
            if size > self.max_size or len(listed) > self.max_size:
                self.refuse_size("a block's output")
        return "".join(listed)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        self.tick()
        measured = False
        if operator == "*":
            measured = self._check_repeat(left, right)
        elif operator == "+":
            measured = self._check_add(left, right)
        elif operator == "**":
            check_power(left, right)
        elif operator == "%" and isinstance(left, TEXT):
            _measure.check_format(left)
            self.check_size(
                _measure.percent_size(left, right, self.max_size, MAX_BITS),
                "a formatted string",
            )
        made = self.binop_table[operator](left, right)
        return made if measured else self.measured(made)

    def _check_repeat(self, left: Any, right: Any) -> bool:
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > MAX_BITS + 1:
                refuse(f"a product of more than {MAX_BITS:,} bits")
            return False
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, _SEQUENCES) and isinstance(times, int):
                size = _measure.repeat_size(seq, times, self.max_size, MAX_BITS)
                self.check_size(size, "a repetition")
                return True
        return False

    def _check_add(self, left: Any, right: Any) -> bool:
        if isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
            size = self.cost(left)
            self.check_size(size + self.cost(right, self.max_size - size), "a sum")
            return True
        return False

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.tick()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map``, each field measured before it is made."""
        if not isinstance(
            value, types.MethodType | types.BuiltinMethodType
        ) or value.__name__ not in ("format", "format_map"):
            return None
        text = value.__self__
        if not isinstance(text, str):
            return None
        _measure.check_format(text)
        formatter: BoundedFormatter
        if isinstance(text, markupsafe.Markup):
            formatter = BoundedEscapeFormatter(self, escape=text.escape)
        else:
            formatter = BoundedFormatter(self)
        kind = type(text)
        is_map = value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs:
                    raise TypeError("format_map() takes no keyword arguments")
                if len(args) != 1:
                    raise TypeError(
                        f"format_map() takes exactly one argument ({len(args)} given)"
                    )
                kwargs, args = args[0], ()
            return kind(formatter.vformat(text, args, kwargs))

        return functools.update_wrapper(bounded, value)

    def call(
        __self,  # noqa: N805 - the sandbox's own convention, see its call()
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        __self.tick()
        args = check_call(__self, __obj, args, kwargs)
        __self.depth += 1
        try:
            if __self.depth > MAX_DEPTH:
                refuse(
                    f"a call nested more than {MAX_DEPTH} deep (a macro or a loop "
                    "calling itself)"
                )
            made = super().call(__context, __obj, *args, **kwargs)
        finally:
            __self.depth -= 1
        return __self.made(made)


def _small_range(*args: int) -> range:
    made = range(*args)
    if len(made) > MAX_RANGE:
        refuse(f"range() of more than {MAX_RANGE:,} items")
    return made


def _small_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja's lipsum(), with Jinja's own argument names, for a few paragraphs."""
    if n > _MAX_LOREM or max > 100:  # Jinja's default longest paragraph
        refuse(f"lipsum() of more than {_MAX_LOREM} paragraphs or 100 words")
    made: str = jinja2.utils.generate_lorem_ipsum(n, html, min, max)
    return made


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: Any) -> Any:
    """Each ``{{ value }}``: the clock checked, the value measured before printing."""
    env: _Sandbox = context.environment  # type: ignore[assignment]
    env.tick()
    if not isinstance(value, str) and env.cost(value, env.max_output) > env.max_output:
        if env.max_chars > env.max_size:
            refuse(f"printing a value longer than max_chars ({env.max_chars:,})")
        env.refuse_size("printing a value")
    return value


@functools.cache
def _sandbox(html: bool) -> _Sandbox:
    # Not optimized: the optimizer would run filters on constants while
    # compiling, away from the render's clock.
    # No gettext: a message would be formatted outside the sandbox's limits,
    # and a user's template is written in its own language anyway.
    settings = {name: value for name, value in OPTIONS.items() if name != "extensions"}
    env = _Sandbox(autoescape=html, finalize=_finalize, optimized=False, **settings)
    env.filters.update(FILTERS)
    env.globals.update(range=_small_range, lipsum=_small_lipsum)
    guard_filters(env)
    return env


def _compiled(html: bool, source: str) -> types.CodeType:
    """A template's code; each render runs it in its own copy of the sandbox."""
    if len(source) > _CACHED_SOURCE:
        return _sandbox(html).compile(source)
    return _compiled_once(html, source)


@functools.lru_cache(maxsize=_COMPILED_CACHE)
def _compiled_once(html: bool, source: str) -> types.CodeType:
    return _sandbox(html).compile(source)


def render_user_template(
    source: str,
    context: Mapping[str, Any],
    *,
    html: bool = False,
    max_chars: int = MAX_CHARS,
    max_size: int = MAX_SIZE,
    max_seconds: float = MAX_SECONDS,
) -> str:
    """Render a template a host tool's user wrote, in Jinja's sandbox, with limits.

    The template sees *context* read-only and cannot reach private
    attributes (``__class__``, ``__globals__``, ``|attr(...)`` and
    ``str.format`` tricks raise :class:`UnsafeTemplateError`). Output longer
    than *max_chars* characters raises :class:`TemplateRenderError`. Every
    step is measured before it builds: a value of more than *max_size*
    characters, bytes, items or digits (counting a value every time it
    would be printed), an integer of more than 10,000 bits, ``range()``
    past 1,000 items, a format width of 10,000 or more, and calls nested
    more than 50 deep raise :class:`UnsafeTemplateError`, and so does a
    render that runs longer than *max_seconds* (the clock is checked on
    every loop turn, call, operator, attribute and filter; a host's own
    function that the template calls is not interrupted). A syntax error or
    a missing variable raises :class:`TemplateRenderError` with the line.
    *html* turns autoescaping on.

    >>> render_user_template("Dear {{ name }},", {"name": "Priya"})
    'Dear Priya,'
    """
    started = time.monotonic()
    if not isinstance(source, str):
        raise ValidationError("source", source, "a template as a string")
    if type(html) is not bool:
        raise ValidationError("html", html, "True or False")
    if type(max_chars) is not int or max_chars < 1:
        raise ValidationError("max_chars", max_chars, "a positive integer")
    if type(max_size) is not int or max_size < 1:
        raise ValidationError("max_size", max_size, "a positive integer")
    if (
        type(max_seconds) not in (int, float)
        or not math.isfinite(max_seconds)
        or max_seconds <= 0
    ):
        raise ValidationError(
            "max_seconds", max_seconds, "a positive, finite number of seconds"
        )
    try:
        code = _compiled(bool(html), source)
        env = _sandbox(bool(html)).for_render(
            max_size=max_size,
            max_chars=max_chars,
            seconds=max_seconds,
            started=started,  # compiling counts too
        )
        template = env.template_class.from_code(env, code, env.make_globals(None))
        return _render_within(template, context, max_chars)
    except jinja2.exceptions.SecurityError as error:
        raise UnsafeTemplateError(str(error), line=_line_of(error)) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateRenderError(
            error.message or str(error), line=error.lineno
        ) from None
    except TemplateRenderError:
        raise
    except Exception as error:  # whatever the user's template raised
        raise _render_error(error) from None


def _render_within(
    template: jinja2.Template, context: Mapping[str, Any], max_chars: int
) -> str:
    """Render *template* piece by piece, stopping past *max_chars*."""
    pieces: list[str] = []
    length = 0
    for piece in template.generate(dict(context)):
        length += len(piece)
        if length > max_chars:
            raise TemplateRenderError(
                f"the output is longer than max_chars ({max_chars:,})"
            )
        pieces.append(piece)
    return "".join(pieces)


def _render_error(error: Exception) -> TemplateRenderError:
    """What a user's template raised, as the error the host is told of."""
    message = str(error) or type(error).__name__
    if not isinstance(error, jinja2.TemplateError):
        message = f"{type(error).__name__}: {message}"
    return TemplateRenderError(message, line=_line_of(error))


def _line_of(error: BaseException) -> int | None:
    """The line of the user's template that raised *error*, from the traceback."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
