"""What the command line prints: lines, aligned tables, instants and counts."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Final

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
