"""The sandbox's compiled code: loops that check the clock, output that counts.

A user's template is compiled by :class:`GuardedCodeGenerator`, which wraps
every loop's iterable in :class:`Paced`, every literal and ``a ~ b`` in a
measure, and every block's output in a :class:`Buffer`; what a filter yields
lazily is counted by :class:`Metered`. Each of them reports to the render's
:class:`Meter`, the sandboxed environment copy that holds its limits and clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

import jinja2.compiler
import jinja2.nodes


class Meter(Protocol):
    """What the compiled code asks of a render: its clock and its measure."""

    max_size: int

    def tick(self) -> None:
        """Stop the render once it has run past its time."""

    def cost(self, value: object, limit: int | None = None) -> int:
        """What *value* costs, counted up to *limit* (default: the cap)."""

    def refuse_size(self, what: str = "a value") -> None:
        """Refuse a value of more than the cap."""


class GuardedCodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles every loop to check the clock, and ``a ~ b`` to be measured."""

    _paced: frozenset[int] = frozenset()  # the loops' iterables, by id

    def visit(self, node: jinja2.nodes.Node, *args: Any, **kwargs: Any) -> Any:
        wrappers = [
            name
            for name, applies in (
                ("environment.paced(", id(node) in self._paced),
                ("environment.measured(", _is_literal(node)),
            )
            if applies
        ]
        if not wrappers:
            return super().visit(node, *args, **kwargs)
        self.write("".join(wrappers))
        super().visit(node, *args, **kwargs)
        self.write(")" * len(wrappers))
        return None

    def visit_For(  # noqa: N802 - the name Jinja's visitor calls
        self, node: jinja2.nodes.For, frame: jinja2.compiler.Frame
    ) -> None:
        outer = self._paced
        self._paced = outer | {id(node.iter)}
        try:
            super().visit_For(node, frame)
        finally:
            self._paced = outer

    def buffer(self, frame: jinja2.compiler.Frame) -> None:
        """A block's output (a macro's, a capture's) is a list that counts."""
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.buffer()")

    def visit_Concat(  # noqa: N802 - the name Jinja's visitor calls
        self, node: jinja2.nodes.Concat, frame: jinja2.compiler.Frame
    ) -> None:
        self.write("environment.joined((")
        for piece in node.nodes:
            self.visit(piece, frame)
            self.write(", ")
        if frame.eval_ctx.volatile:  # as Jinja's own visit_Concat decides
            self.write("), context.eval_ctx.volatile)")
        else:
            self.write(f"), {bool(frame.eval_ctx.autoescape)!r})")


class Paced:
    """A loop's iterable that checks the clock on every turn."""

    __slots__ = ("_env", "_iterator", "_source")

    def __init__(self, env: Meter, source: Iterable[Any]) -> None:
        self._env = env
        self._source = source
        self._iterator = iter(source)

    def __iter__(self) -> Paced:
        return self

    def __next__(self) -> Any:
        self._env.tick()
        return next(self._iterator)

    def __len__(self) -> int:  # loop.length without listing the items
        return len(self._source)  # type: ignore[arg-type]  # TypeError when unsized


class Buffer(list[str]):
    """The output of a macro, a capture or a filter block, refused past the cap.

    A loop in a macro can write one long string a million times: cheap to
    hold, huge to join. The buffer counts what is written as it is written.
    """

    __slots__ = ("_env", "_size")

    def __init__(self, env: Meter) -> None:
        super().__init__()
        self._env = env
        self._size = 0

    def append(self, piece: str) -> None:
        self._size += len(piece)
        if self._size > self._env.max_size or len(self) >= self._env.max_size:
            self._env.refuse_size("a block's output")
        super().append(piece)

    def extend(self, pieces: Iterable[str]) -> None:
        for piece in pieces:
            self.append(piece)


class Metered:
    """What a filter or call yields lazily, measured as it is consumed.

    ``map``, ``select`` and their kind make their items one at a time, so
    their results cannot be measured ahead; this counts what they have
    yielded so far, and refuses once it passes the cap, so that listing,
    joining or sorting them never holds more than the cap.
    """

    __slots__ = ("_env", "_iterator", "_spent")

    def __init__(self, env: Meter, iterator: Iterator[Any]) -> None:
        self._env = env
        self._iterator = iterator
        self._spent = 0

    def __iter__(self) -> Metered:
        return self

    def __next__(self) -> Any:
        env = self._env
        env.tick()
        item = next(self._iterator)
        self._spent += env.cost(item, env.max_size - self._spent)
        if self._spent > env.max_size:
            env.refuse_size("a filter's items")
        return item


def _is_literal(node: jinja2.nodes.Node) -> bool:
    """Whether *node* builds a list, dict or tuple, to be measured as it is made.

    A literal can hold a value many times (``[a, a, a]``, in a loop
    ``[x, x]``); a tuple that is a target (``{% set a, b = ... %}``) builds
    nothing.
    """
    if isinstance(node, jinja2.nodes.Tuple):
        return node.ctx == "load"
    return isinstance(node, jinja2.nodes.List | jinja2.nodes.Dict)
