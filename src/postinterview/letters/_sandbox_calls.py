"""The checks of what a user's template calls, made before the call runs.

Methods of text that pad, join, replace or translate; ``pow`` and the
integer conversions; ``**`` between integers; and ``str.format``, whose
:class:`BoundedFormatter` measures each field before making it.
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Mapping
from typing import Any, Protocol, cast

import jinja2.runtime
import jinja2.sandbox

from postinterview.letters import _measure
from postinterview.letters._measure import MAX_BITS, refuse
from postinterview.letters._sandbox_code import Meter, Paced

#: What text a template can call methods of.
TEXT = (str, bytes, bytearray)
_MAX_DIGITS = _measure.max_digits(MAX_BITS)


class Checker(Meter, Protocol):
    """What the checks ask of a render besides its clock: the cap's checks."""

    def check_size(self, size: int, what: str = "a value") -> None:
        """Refuse *size* when it is over the cap."""

    def check_width(self, width: object, text: object = "") -> None:
        """Refuse padding *text* to *width* when that is over the cap."""


def check_call(
    env: Checker, function: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """Refuse a method call that would build too much; return its arguments."""
    owner = getattr(function, "__self__", None)
    name = getattr(function, "__name__", "")
    if isinstance(owner, TEXT):
        return _check_text_method(env, owner, name, args, kwargs)
    if isinstance(function, jinja2.runtime.LoopContext) and args:
        return (Paced(env, args[0]), *args[1:])  # a recursive loop's next level
    if function is pow and len(args) > 2:  # modular: each operand bounded
        for number in args[:3]:
            if isinstance(number, int):
                _measure.digits(number, MAX_BITS)
    elif function is pow and len(args) == 2:
        check_power(*args)
    elif isinstance(owner, int) and name == "to_bytes":
        env.check_width(args[0] if args else kwargs.get("length", 1), b"")
    elif owner is int and name == "from_bytes" and args:
        if isinstance(args[0], TEXT) and len(args[0]) * 8 > MAX_BITS:
            refuse(f"an integer of more than {MAX_BITS:,} bits")
    elif (
        isinstance(owner, decimal.Decimal)
        and name == "as_integer_ratio"
        and owner.is_finite()
        and _measure.integer_digits(owner) > _MAX_DIGITS
    ):
        refuse(f"an integer of more than {MAX_BITS:,} bits")
    return args


def _check_text_method(
    env: Checker,
    text: str | bytes | bytearray,
    name: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> tuple[Any, ...]:
    if name in {"center", "ljust", "rjust", "zfill"}:
        env.check_width(args[0] if args else None, text)
    elif name == "expandtabs":
        tabsize = args[0] if args else kwargs.get("tabsize", 8)
        env.check_size(_measure.tabs_size(text, tabsize), "expanded tabs")
    elif name == "join" and args:
        listed = list(args[0])
        env.check_size(
            _measure.join_size(text, listed, env.max_size, MAX_BITS), "a join"
        )
        return (listed, *args[1:])
    elif name == "replace" and len(args) >= 2:
        env.check_size(_measure.replace_size(text, *args[:3]), "a replacement")
    elif name == "translate" and args and isinstance(text, str):
        env.check_size(
            _measure.translate_size(text, args[0], env.max_size, MAX_BITS),
            "a translation",
        )
    return args


def check_power(base: Any, exponent: Any) -> None:
    """Refuse ``base ** exponent`` between integers past the bits allowed."""
    if (
        isinstance(base, int)
        and isinstance(exponent, int)
        and exponent > 0
        and abs(base) > 1
        and exponent * math.log2(abs(base)) > MAX_BITS
    ):
        refuse(f"a power of more than {MAX_BITS:,} bits")


class BoundedFormatter(jinja2.sandbox.SandboxedFormatter):
    """The sandbox's ``str.format``, which measures each field before making it."""

    _spent = 0

    def vformat(self, format_string: str, args: Any, kwargs: Mapping[str, Any]) -> str:
        self._spent = len(format_string)
        return super().vformat(format_string, args, kwargs)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion is not None:  # !r, !s, !a print the whole value first
            checker = self._checker
            self._spend(checker.cost(value, checker.max_size - self._spent))
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        env = self._checker
        env.tick()
        limit = env.max_size - self._spent
        self._spend(_measure.spec_size(value, format_spec, limit, MAX_BITS))
        return super().format_field(value, format_spec)

    def _spend(self, size: int) -> None:
        self._spent += size
        self._checker.check_size(self._spent, "a formatted string")

    @property
    def _checker(self) -> Checker:
        # Built with the sandbox as its environment (see _Sandbox.wrap_str_format).
        return cast("Checker", self._env)


class BoundedEscapeFormatter(BoundedFormatter, jinja2.sandbox.SandboxedEscapeFormatter):
    """The same, for ``Markup.format``, which escapes each field."""
