"""What the command line prints: lines, aligned tables, instants, counts and a
progress bar."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Sequence
from types import TracebackType
from typing import Final, TextIO

import pendulum

#: The program's name, at the head of its usage and of its messages.
PROG: Final = "postinterview"


def write(text: str = "") -> None:
    """Write one line to standard output."""
    sys.stdout.write(f"{text}\n")


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Return *rows* under *header* in aligned columns; the last is not padded."""
    grid = [list(header), *(list(row) for row in rows)]
    widths = [max(len(row[column]) for row in grid) for column in range(len(header))]
    lines = []
    for row in grid:
        cells = [
            cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=False)
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return lines


def when(instant: pendulum.DateTime | None) -> str:
    """Show *instant* in its own zone, with the zone's abbreviation."""
    return "-" if instant is None else instant.format("ddd YYYY-MM-DD HH:mm zz")


def plural(count: int, word: str) -> str:
    """Count *word*: ``1 round``, ``2 rounds``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class Progress:
    """A progress bar on standard error, for work on *total* items.

    It is drawn only when standard error is a terminal, and only once the
    work has taken more than *delay* seconds: a quick run prints nothing,
    and neither does a run whose standard error goes to a file or a pipe.
    Leaving the ``with`` block erases it. *stream* and *clock* stand in for
    standard error and :func:`time.monotonic` in tests.
    """

    _WIDTH: Final = 30
    _EVERY: Final = 0.1  # seconds between redraws

    def __init__(
        self,
        total: int,
        label: str,
        *,
        delay: float = 1.0,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._total = total
        self._label = label
        self._stream = sys.stderr if stream is None else stream
        self._clock = clock
        self._start = clock()
        self._delay = delay
        self._done = 0
        self._drawn_at: float | None = None
        self._shown = ""
        self._live = _is_terminal(self._stream)

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def advance(self) -> None:
        """Count one item done; draw the bar when it is due."""
        self._done += 1
        if not self._live:
            return
        now = self._clock()
        if now - self._start <= self._delay:
            return
        # At most ten redraws a second, but the last item is always drawn.
        drawn = self._drawn_at
        if drawn is not None and now - drawn < self._EVERY and self._done < self._total:
            return
        self._drawn_at = now
        filled = self._WIDTH * self._done // max(self._total, 1)
        bar = "#" * filled + "." * (self._WIDTH - filled)
        shown = f"{self._label} [{bar}] {self._done}/{self._total}"
        self._stream.write(f"\r{shown.ljust(len(self._shown))}")
        self._stream.flush()
        self._shown = shown

    def close(self) -> None:
        """Erase the bar, if it was drawn, so that what follows starts clean."""
        if self._shown:
            self._stream.write(f"\r{' ' * len(self._shown)}\r")
            self._stream.flush()
            self._shown = ""


def _is_terminal(stream: TextIO) -> bool:
    """Whether *stream* is a terminal; a closed or odd stream is not."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False
