"""Tallies of exact wordings, joined into groups whose keys are one word apart.

How wordings are grouped is in the documentation of :mod:`postinterview.learning`.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pendulum

from postinterview.learning._instants import _Stamp
from postinterview.learning._wording import _NOT, _analyse


class _Tally:
    """What one exact wording adds up to: marks by kind, first and last seen."""

    __slots__ = ("first", "first_at", "last", "last_at", "marks")

    def __init__(self, stamp: _Stamp, at: pendulum.DateTime, kinds: int) -> None:
        self.first = self.last = stamp
        self.first_at = self.last_at = at
        self.marks = [0] * kinds

    def add(self, stamp: _Stamp, at: pendulum.DateTime, kind: int) -> None:
        self.marks[kind] += 1
        if stamp < self.first:
            self.first, self.first_at = stamp, at
        elif stamp > self.last:
            self.last, self.last_at = stamp, at


def _tally(
    table: dict[str, _Tally],
    text: str,
    stamp: _Stamp,
    at: pendulum.DateTime,
    kinds: int,
) -> _Tally:
    """Return the tally of *text* in *table*, starting one when it is new."""
    tally = table.get(text)
    if tally is None:
        tally = table[text] = _Tally(stamp, at, kinds)
    return tally


@attrs.frozen
class _Group:
    key: str
    wordings: tuple[str, ...]
    marks: list[int]
    first: _Stamp
    first_at: pendulum.DateTime
    last: _Stamp
    last_at: pendulum.DateTime
    # Every key in the group, for matching closed gaps.
    keys: frozenset[tuple[str, ...]]


def _neighbours(key: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    """The keys one word shorter that *key* may join: at least two words left."""
    if len(key) <= 2:  # the shorter key keeps two words or more
        return ()
    return (
        key[:index] + key[index + 1 :] for index, word in enumerate(key) if word != _NOT
    )


class _Keys:
    """The keys of a set of wordings, joined where they are one word apart."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.members: dict[tuple[str, ...], list[str]] = {}
        self.content: set[tuple[str, ...]] = set()
        for text in texts:
            key, content = _analyse(text)
            self.members.setdefault(key, []).append(text)
            if content:
                self.content.add(key)
        self.parent = {key: key for key in self.members}
        self.longer: dict[tuple[str, ...], list[tuple[str, ...]]] | None = None
        for key in self.content:
            for shorter in _neighbours(key):
                if shorter in self.content:
                    self._join(key, shorter)

    def root(self, key: tuple[str, ...]) -> tuple[str, ...]:
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def _join(self, one: tuple[str, ...], other: tuple[str, ...]) -> None:
        one, other = self.root(one), self.root(other)
        if one != other:
            # The smaller key, then the first in order, leads: the result does
            # not depend on the order of the joins.
            if (len(other), other) < (len(one), one):
                one, other = other, one
            self.parent[other] = one

    def groups(self) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        found: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for key in self.members:
            found.setdefault(self.root(key), []).append(key)
        return found

    def roots_matching(self, text: str) -> set[tuple[str, ...]]:
        """The groups a text such as a closed gap belongs to, or touches."""
        key, content = _analyse(text)
        found = set()
        if key in self.members:
            found.add(self.root(key))
        if content:
            for shorter in _neighbours(key):
                if shorter in self.content:
                    found.add(self.root(shorter))
            for longer in self._longer().get(key, ()):
                found.add(self.root(longer))
        return found

    def _longer(self) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        """Map each key one word shorter than a content key to those keys."""
        if self.longer is None:
            self.longer = {}
            for key in self.content:
                for shorter in _neighbours(key):
                    self.longer.setdefault(shorter, []).append(key)
        return self.longer


def _group(table: dict[str, _Tally], kinds: int) -> tuple[list[_Group], _Keys]:
    keys = _Keys(table)
    groups = []
    for root, members in keys.groups().items():
        texts = [text for key in members for text in keys.members[key]]
        marks = [0] * kinds
        counted = []
        first = last = None
        for text in texts:
            tally = table[text]
            for kind, count in enumerate(tally.marks):
                marks[kind] += count
            counted.append((-sum(tally.marks), text))
            if first is None or tally.first < first.first:
                first = tally
            if last is None or tally.last > last.last:
                last = tally
        assert first is not None  # noqa: S101 - a group has a wording
        assert last is not None  # noqa: S101 - a group has a wording
        counted.sort()
        groups.append(
            _Group(
                key=" ".join(root),
                wordings=tuple(text for _, text in counted),
                marks=marks,
                first=first.first,
                first_at=first.first_at,
                last=last.last,
                last_at=last.last_at,
                keys=frozenset(members),
            )
        )
    # Most mentioned first, then the most recent, then by key.
    groups.sort(key=lambda group: group.key)
    groups.sort(key=lambda group: group.last, reverse=True)
    groups.sort(key=lambda group: sum(group.marks), reverse=True)
    return groups, keys
