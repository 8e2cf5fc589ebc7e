"""The small pieces every record family draws from.

Lines and texts from all of Unicode, email addresses, phone numbers,
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


def _emails() -> st.SearchStrategy[str]:
    local = st.text(
        "abcdefghijklmnopqrstuvwxyz0123456789._+-éøł", min_size=1, max_size=16
    )
    label = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
    tld = st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=6)
    return st.builds(
        lambda user, labels, end: f"{user}@{'.'.join(labels)}.{end}",
        local,
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
