"""What the notebook views share: a view described once, written as HTML or Markdown.

A record that shows itself in a notebook describes its view once, as blocks
(paragraphs, tables, lists) of text runs, and :func:`to_html` and
:func:`to_markdown` write that description out. They are the only places
where text meets markup, so every run of text, whoever wrote it, is escaped
there: :func:`escape_html` for HTML, :func:`escape_markdown` for Markdown.
A line break inside a run becomes ``<br>`` in both.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence
from typing import TypeAlias

import attrs
import pendulum

# Every character with a meaning in Markdown, as Jupyter and GitHub read it:
# CommonMark's inline and block markers, the table's pipe, GFM's tilde,
# entity references (&) and Jupyter's LaTeX ($).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+!|~&$-])")
# A number, a dot and a space (or nothing) at the start of a line start an
# ordered list.
_NUMBERED = re.compile(r"^(\s*\d+)\.(?=\s|$)", flags=re.MULTILINE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# MathJax, in Jupyter, typesets $...$ in HTML outputs unless told not to;
# both class names are listed, for MathJax 2 and 3.
_NO_MATH = "tex2jax_ignore mathjax_ignore"
_CELL = ' style="text-align: left; vertical-align: top"'


def escape_html(text: str) -> str:
    """Return *text* safe to put between HTML tags or in an attribute.

    >>> escape_html('<script>alert("hi")</script>')
    '&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;'
    """
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    r"""Return *text* that Markdown shows as written, not as markup.

    Each character that could start markup is escaped with a backslash, and
    so is the dot of a number that starts a line (an ordered list). Leading
    spaces, which could make a code block, are left to the writer of the
    block (:func:`to_markdown` strips them).

    >>> print(escape_markdown("*C++* <b> 1. [x](y) $5"))
    \*C\+\+\* \<b\> 1. \[x\]\(y\) \$5
    >>> print(escape_markdown("1. first"))
    1\. first
    """
    return _NUMBERED.sub(r"\1\\.", _MARKDOWN.sub(r"\\\1", text))


def instant(value: dt.datetime | dt.date | None) -> str:
    """Show an instant in its own zone, with the zone's abbreviation; a date as ISO.

    >>> instant(pendulum.datetime(2026, 3, 12, 11, 30, tz="Europe/London"))
    'Thu 2026-03-12 11:30 GMT'
    """
    if value is None:
        return "-"
    if isinstance(value, pendulum.DateTime):
        return value.format("ddd YYYY-MM-DD HH:mm zz")
    if isinstance(value, dt.datetime):
        return instant(pendulum.instance(value))
    return value.isoformat()


def plural(count: int, word: str, words: str | None = None) -> str:
    """Count *word*: ``1 round``, ``2 rounds``; *words* when the plural is irregular."""
    if count == 1:
        return f"1 {word}"
    return f"{count} {words or word + 's'}"


def ordinal(number: int) -> str:
    """Return ``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``22nd`` ..."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{({1: 'st', 2: 'nd', 3: 'rd'}).get(number % 10, 'th')}"


# -- the description of a view ---------------------------------------------------


@attrs.frozen
class Strong:
    """A run of text shown in bold."""

    text: str


#: A run of text: plain, or bold.
Run: TypeAlias = str | Strong
#: A table cell or a list item: one run, or several in a row.
Cell: TypeAlias = Run | Sequence[Run]


@attrs.frozen
class Paragraph:
    """A paragraph of runs."""

    runs: Sequence[Run]


@attrs.frozen
class Table:
    """A table: a header row of plain labels, then rows of cells."""

    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]


@attrs.frozen
class Bullets:
    """A list of items."""

    items: Sequence[Cell]


Block: TypeAlias = Paragraph | Table | Bullets


def _runs(cell: Cell) -> Sequence[Run]:
    return (cell,) if isinstance(cell, str | Strong) else cell


# -- HTML -----------------------------------------------------------------------


def _html_text(text: str) -> str:
    return "<br>".join(escape_html(line) for line in _LINE_BREAK.split(text))


def _html_runs(cell: Cell) -> str:
    shown = []
    for run in _runs(cell):
        if isinstance(run, Strong):
            shown.append(f"<strong>{_html_text(run.text)}</strong>")
        else:
            shown.append(_html_text(run))
    return "".join(shown)


def _html_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_html_runs(block.runs)}</p>"
    if isinstance(block, Bullets):
        items = "".join(f"<li>{_html_runs(item)}</li>" for item in block.items)
        return f"<ul>{items}</ul>"
    head = "".join(f"<th{_CELL}>{_html_text(label)}</th>" for label in block.header)
    body = "".join(
        "<tr>"
        + "".join(f"<td{_CELL}>{_html_runs(cell)}</td>" for cell in row)
        + "</tr>"
        for row in block.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(name: str, blocks: Iterable[Block]) -> str:
    """Write a record's view as HTML, in a ``div`` of class ``postinterview-NAME``."""
    shown = "".join(_html_block(block) for block in blocks)
    return f'<div class="postinterview-{name} {_NO_MATH}">{shown}</div>'


# -- Markdown -------------------------------------------------------------------


def _markdown_text(text: str) -> str:
    return "<br>".join(escape_markdown(line) for line in _LINE_BREAK.split(text))


def _markdown_runs(cell: Cell) -> str:
    shown = []
    for run in _runs(cell):
        if isinstance(run, Strong):
            if run.text.strip():  # "****" alone would be a rule
                shown.append(f"**{_markdown_text(run.text.strip())}**")
        else:
            shown.append(_markdown_text(run))
    # Leading spaces could make an indented code block of a paragraph or item.
    return "".join(shown).lstrip(" \t")


def _markdown_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _markdown_runs(block.runs)
    if isinstance(block, Bullets):
        return "\n".join(f"- {_markdown_runs(item)}" for item in block.items)
    lines = [
        "| " + " | ".join(_markdown_text(label) for label in block.header) + " |",
        "|" + " --- |" * len(block.header),
    ]
    lines.extend(
        "| " + " | ".join(_markdown_runs(cell) for cell in row) + " |"
        for row in block.rows
    )
    return "\n".join(lines)


def to_markdown(blocks: Iterable[Block]) -> str:
    """Write the view of a record as Markdown (GitHub's, with tables)."""
    return "\n\n".join(_markdown_block(block) for block in blocks) + "\n"
