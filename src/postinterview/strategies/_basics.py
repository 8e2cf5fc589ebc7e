"""The small pieces every record family draws from.

Lines and texts from all of Unicode, email addresses (plain and odd dot-atoms,
quoted local parts: what Person accepts), phone numbers,
optional values, and a pick from a sequence that shrinks towards its start.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

T = TypeVar("T")

_LINE_ALPHABET = st.characters(
    categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\x85\xa0"
)


@functools.cache
def _lines(max_size: int = 40) -> st.SearchStrategy[str]:
    return (
        st.text(_LINE_ALPHABET, min_size=1, max_size=max_size)
        .map(str.strip)
        .filter(bool)
    )


@functools.cache
def _texts(max_size: int = 120) -> st.SearchStrategy[str]:
    alphabet = st.one_of(_LINE_ALPHABET, st.sampled_from("\n\t"))
    return st.text(alphabet, min_size=1, max_size=max_size).map(str.strip).filter(bool)


# Email addresses, by the rule Person and Candidate check: a dot-atom (atoms
# of atext joined by single dots) or a quoted local part, at a dotted domain
# of ASCII letters, digits and hyphens. The plain letters come first, so
# addresses shrink towards "a@a.aa".
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ATEXT = _LETTERS + "0123456789" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "!#$%&'*+-/=?^_`{|}~"
# A quoted local part that the email package keeps quoted holds at least one
# of the characters a dot-atom cannot (other than the dot).
_NEEDS_QUOTES = ' ()<>@,:;"[]\\'
_PRINTABLE = "".join(chr(code) for code in range(0x20, 0x7F))


def _quoted(content: str) -> str:
    """Quote *content* as the email package writes a quoted local part."""
    escaped = content.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


@functools.cache
def _emails() -> st.SearchStrategy[str]:
    atom = st.text(_ATEXT, min_size=1, max_size=8)
    dot_atom = st.lists(atom, min_size=1, max_size=3).map(".".join)
    quoted = st.builds(
        lambda before, odd, after: _quoted(before + odd + after),
        st.text(_PRINTABLE, max_size=6),
        st.sampled_from(_NEEDS_QUOTES),
        st.text(_PRINTABLE, max_size=6),
    )
    label = st.text(_LETTERS + "0123456789-", min_size=1, max_size=12)
    tld = st.text(_LETTERS, min_size=2, max_size=6)
    return st.builds(
        lambda user, labels, end: f"{user}@{'.'.join(labels)}.{end}",
        dot_atom | quoted,
        st.lists(label, min_size=1, max_size=3),
        tld,
    )


def _phones() -> st.SearchStrategy[str]:
    return st.builds(
        lambda country, digits: f"+{country} {digits}",
        st.integers(1, 999),
        st.text("0123456789 ", min_size=6, max_size=14).filter(
            lambda s: sum(c.isdigit() for c in s) >= 3
        ),
    )


def _maybe(
    strategy: st.SearchStrategy[object], flag: bool | None
) -> st.SearchStrategy[object]:
    if flag is None:
        return st.none() | strategy
    return strategy if flag else st.none()


def _pick(draw: st.DrawFn, choices: Sequence[T]) -> T:
    """Draw one of *choices* (not empty); shrinks towards the first."""
    return choices[draw(st.integers(0, len(choices) - 1))]
