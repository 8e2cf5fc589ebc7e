"""The sandbox for templates a host tool's users write: Jinja's, with caps.

:func:`render_user_template` renders them read-only, away from private
attributes, and refuses any step that would build a huge value.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, NoReturn

import jinja2
import jinja2.compiler
import jinja2.nodes
import jinja2.sandbox
import jinja2.utils

from postinterview.errors import (
    TemplateRenderError,
    UnsafeTemplateError,
    ValidationError,
)
from postinterview.letters._environment import OPTIONS, _configure

_MAX_RANGE = 1_000
_MAX_BUILT = 100_000
_MAX_EXPONENT = 256
_MAX_LOREM = 5
# In a %-format: a width or precision given by *, or written with five digits.
_WIDE_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d{5}|\d*\.(?:\*|\d{5}))")
# In a {}-format: a field nested in a field, or five digits in a field.
_WIDE_BRACES = re.compile(r"(?<!\{)\{(?!\{)[^{}]*(?:\{|\d{5})")


def _refuse(what: str) -> NoReturn:
    raise jinja2.exceptions.SecurityError(f"{what} is refused in a user template")


def _check_size(value: object) -> None:
    """Refuse a string or sequence longer than a template could need."""
    if isinstance(value, str | list | tuple) and len(value) > _MAX_BUILT:
        _refuse(f"a value of more than {_MAX_BUILT:,} items")


def _check_format(spec: str) -> None:
    if _WIDE_PERCENT.search(spec) or _WIDE_BRACES.search(spec):
        _refuse("a format width or precision of 10,000 or more, or one set at run time")


def _check_width(width: object) -> None:
    if isinstance(width, int) and width > _MAX_BUILT:
        _refuse(f"a width over {_MAX_BUILT:,}")


def _joined(separator: str, items: Iterable[Any]) -> list[Any]:
    """Return *items* as a list, refusing a join that would be too long."""
    listed = list(items)
    if len(listed) > _MAX_BUILT:
        _refuse(f"joining more than {_MAX_BUILT:,} items")
    size = len(separator) * max(len(listed) - 1, 0)
    size += sum(len(item) if isinstance(item, str) else 1 for item in listed)
    if size > _MAX_BUILT:
        _refuse(f"a join of more than {_MAX_BUILT:,} characters")
    return listed


def _check_replace(text: str, old: str, new: str) -> None:
    found = len(text) + 1 if not old else text.count(old)
    if len(text) + found * (len(new) - len(old)) > _MAX_BUILT:
        _refuse(f"a replacement longer than {_MAX_BUILT:,} characters")


class _GuardedCodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles ``a ~ b`` so that the joined string is measured."""

    def visit_Concat(  # noqa: N802 - the name Jinja's visitor calls
        self, node: jinja2.nodes.Concat, frame: jinja2.compiler.Frame
    ) -> None:
        self.write("environment.measured(")
        super().visit_Concat(node, frame)
        self.write(")")


def _measured_join(pieces: Iterable[str]) -> str:
    joined = "".join(pieces)
    _check_size(joined)
    return joined


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with caps on what one step can build.

    The sandbox keeps a template from private attributes but not from
    building huge values: ``'a' * 10**9``, ``'%999999999s' % x``,
    ``'a'.ljust(10**9)`` or ``a ~ a`` repeated would each allocate gigabytes
    before the output limit is ever checked. Every operator, method, filter
    and concatenation that can grow a value is measured here: it may not
    make more than 100,000 items.
    """

    code_generator_class = _GuardedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%", "+"})
    concat = staticmethod(_measured_join)  # block captures and macro output

    @staticmethod
    def measured(value: Any) -> Any:
        _check_size(value)
        return value

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > _MAX_BUILT
                ):
                    _refuse(f"a repetition of more than {_MAX_BUILT:,} items")
        elif operator == "**":
            if isinstance(right, int) and abs(right) > _MAX_EXPONENT:
                _refuse(f"an exponent over {_MAX_EXPONENT}")
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        made = super().call_binop(context, operator, left, right)
        _check_size(made)
        return made

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format(str(value.__self__))
        return wrapped

    def call(
        __self,  # noqa: N805 - the sandbox's own convention, see its call()
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        text = getattr(__obj, "__self__", None)
        if isinstance(text, str):
            name = getattr(__obj, "__name__", "")
            if name in {"center", "ljust", "rjust", "zfill"}:
                _check_width(args[0] if args else kwargs.get("width"))
            elif name == "expandtabs":
                size = args[0] if args else kwargs.get("tabsize", 8)
                if isinstance(size, int):
                    _check_width(size * text.count("\t"))
            elif name == "join" and args:
                args = (_joined(text, args[0]), *args[1:])
            elif (
                name == "replace"
                and len(args) >= 2  # old, new
                and isinstance(args[0], str)
                and isinstance(args[1], str)
            ):
                _check_replace(text, args[0], args[1])
        made = super().call(__context, __obj, *args, **kwargs)
        _check_size(made)
        return made


def _format_filter(value: str, *args: Any, **kwargs: Any) -> str:
    _check_format(value)
    made: str = jinja2.filters.do_format(value, *args, **kwargs)
    return made


@jinja2.pass_eval_context
def _join_filter(
    eval_ctx: jinja2.nodes.EvalContext,
    value: Iterable[Any],
    d: str = "",
    attribute: str | int | None = None,
) -> str:
    listed = _joined(d, value) if attribute is None else list(value)
    made: str = jinja2.filters.do_join(eval_ctx, listed, d, attribute)
    _check_size(made)
    return made


@jinja2.pass_eval_context
def _replace_filter(
    eval_ctx: jinja2.nodes.EvalContext,
    s: str,
    old: str,
    new: str,
    count: int | None = None,
) -> str:
    _check_replace(str(s), str(old), str(new))
    made: str = jinja2.filters.do_replace(eval_ctx, s, old, new, count)
    return made


def _center_filter(value: str, width: int = 80) -> str:
    _check_width(width)
    return jinja2.filters.do_center(value, width)


def _indent_filter(
    s: str, width: int | str = 4, first: bool = False, blank: bool = False
) -> str:
    lines = str(s).count("\n") + 1
    if isinstance(width, int):
        _check_width(width * lines)
    else:
        _check_width(len(width) * lines)
    return jinja2.filters.do_indent(s, width, first, blank)


def _batch_filter(value: Iterable[Any], linecount: int, fill_with: Any = None) -> Any:
    _check_width(linecount)
    return jinja2.filters.do_batch(value, linecount, fill_with)


def _slice_filter(value: Collection[Any], slices: int, fill_with: Any = None) -> Any:
    _check_width(slices)
    return jinja2.filters.sync_do_slice(value, slices, fill_with)


def _small_range(*args: int) -> range:
    made = range(*args)
    if len(made) > _MAX_RANGE:
        _refuse(f"range() of more than {_MAX_RANGE:,} items")
    return made


def _small_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja's lipsum(), with Jinja's own argument names, for a few paragraphs."""
    if n > _MAX_LOREM or max > 100:  # Jinja's default longest paragraph
        _refuse(f"lipsum() of more than {_MAX_LOREM} paragraphs or 100 words")
    made: str = jinja2.utils.generate_lorem_ipsum(n, html, min, max)
    return made


@functools.cache
def _sandbox(html: bool) -> jinja2.Environment:
    env = _configure(_Sandbox(autoescape=html, **OPTIONS))
    env.globals.update(range=_small_range, lipsum=_small_lipsum)
    env.filters.update(
        format=_format_filter,
        join=_join_filter,
        replace=_replace_filter,
        center=_center_filter,
        indent=_indent_filter,
        batch=_batch_filter,
        slice=_slice_filter,
    )
    return env


def render_user_template(
    source: str,
    context: Mapping[str, Any],
    *,
    html: bool = False,
    max_chars: int = 20_000,
) -> str:
    """Render a template a host tool's user wrote, in Jinja's sandbox.

    The template sees *context* read-only and cannot reach private
    attributes (``__class__``, ``__globals__``, ``|attr(...)`` and
    ``str.format`` tricks raise :class:`UnsafeTemplateError`). Output longer
    than *max_chars* is refused, and so is any step that would build a value
    of more than 100,000 items (``'a' * 10**9``, ``'a'.ljust(10**9)``, a huge
    join or replacement, ``a ~ a`` repeated), a format width of 10,000 or
    more, and ``range()`` past 1,000 items. The sandbox bounds memory, not
    time: a template can still loop for a while within those limits, so a
    host that renders templates from strangers should also limit the time.
    A syntax error or a missing variable raises
    :class:`TemplateRenderError` with the line. *html* turns autoescaping on.

    >>> render_user_template("Dear {{ name }},", {"name": "Priya"})
    'Dear Priya,'
    """
    if not isinstance(source, str):
        raise ValidationError("source", source, "a template as a string")
    if type(max_chars) is not int or max_chars < 1:
        raise ValidationError("max_chars", max_chars, "a positive integer")
    env = _sandbox(html)
    try:
        return _render_within(env.from_string(source), context, max_chars)
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
