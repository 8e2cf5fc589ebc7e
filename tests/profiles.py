"""The Hypothesis profile of this run, and how large a sweep it asks for.

``HYPOTHESIS_PROFILE`` names the profile (``tests/conftest.py`` registers
and loads it): ``default`` when unset, ``ci`` in ``.ci/run``, ``thorough``
before a release. The profile sets how many examples a property draws, and
here also how much of a parametrised sweep runs: a test that multiplies the
letters' languages by their kinds and layouts takes its cases from
:func:`sweep`.

Under ``default`` and ``thorough`` a sweep is the whole cross product of its
axes. Under ``ci``, where the suite runs three times in one time budget, it
is a cover: every combination of the axes named in *whole* once, each with
one value of every other axis, chosen so that every value of every axis
appears at least once and the values of an axis take turns (the one used
least so far, then the one used least with the values already in the case).
The cover is fixed: the same cases in every ci run.
"""

from __future__ import annotations

import functools
import itertools
import os
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")


def sweep(
    *axes: Collection[Any], whole: Sequence[int] = (), profile: str | None = None
) -> list[tuple[Any, ...]]:
    """The cases of a sweep over *axes*, one value of each axis per case.

    *whole* gives the positions of the axes whose every combination runs
    even under the ``ci`` profile; *profile* defaults to this run's.

    >>> sweep("ab", "xyz", profile="default")
    [('a', 'x'), ('a', 'y'), ('a', 'z'), ('b', 'x'), ('b', 'y'), ('b', 'z')]
    >>> sweep("ab", "xyz", profile="ci")
    [('a', 'x'), ('b', 'y'), ('a', 'z')]
    >>> sweep("ab", "xyz", whole=[0], profile="ci")
    [('a', 'x'), ('b', 'y'), ('a', 'z')]
    >>> sweep("abcd", "xy", whole=[1], profile="ci")
    [('a', 'x'), ('b', 'y'), ('c', 'x'), ('d', 'y')]
    """
    if any(not axis for axis in axes):
        raise ValueError("every axis of a sweep needs at least one value")
    if sorted(set(whole)) != sorted(whole) or not set(whole) <= set(range(len(axes))):
        raise ValueError(f"whole must name distinct axes among 0..{len(axes) - 1}")
    if (PROFILE if profile is None else profile) != "ci":
        return list(itertools.product(*axes))
    kept = list(itertools.product(*(axes[i] for i in whole)))
    others = [i for i in range(len(axes)) if i not in whole]
    used: Counter[tuple[int, Any]] = Counter()  # (axis, value)
    together: Counter[tuple[int, Any, int, Any]] = Counter()  # two axes' values

    def turn(i: int, value: Any, case: dict[int, Any]) -> tuple[int, int]:
        beside = sum(together[i, value, j, other] for j, other in case.items())
        return used[i, value], beside

    cases = []
    for n in range(max([len(kept), *(len(axes[i]) for i in others)])):
        case = dict(zip(whole, kept[n % len(kept)], strict=True))
        for i in others:
            case[i] = min(axes[i], key=functools.partial(turn, i, case=case))
        for (i, value), (j, other) in itertools.product(case.items(), repeat=2):
            together[i, value, j, other] += 1
        used.update(case.items())
        cases.append(tuple(case[i] for i in range(len(axes))))
    return cases
