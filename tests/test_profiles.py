"""Tests for the sweeps' sizes under each Hypothesis profile (tests/profiles.py)."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from profiles import sweep

axes_and_whole = st.lists(
    st.lists(st.integers(0, 9), min_size=1, max_size=6, unique=True),
    min_size=1,
    max_size=3,
).flatmap(
    lambda axes: st.tuples(
        st.just(axes),
        st.lists(st.sampled_from(range(len(axes))), unique=True),
    )
)


@given(axes_and_whole, st.sampled_from(["default", "thorough"]))
def test_outside_ci_a_sweep_is_the_whole_cross_product(
    drawn: tuple[list[list[int]], list[int]], profile: str
) -> None:
    axes, whole = drawn
    assert sweep(*axes, whole=whole, profile=profile) == list(itertools.product(*axes))


@given(axes_and_whole)
def test_under_ci_a_sweep_covers_every_value_and_every_whole_combination(
    drawn: tuple[list[list[int]], list[int]],
) -> None:
    axes, whole = drawn
    cases = sweep(*axes, whole=whole, profile="ci")
    assert len(set(cases)) == len(cases)
    assert set(cases) <= set(itertools.product(*axes))
    for position, axis in enumerate(axes):
        assert {case[position] for case in cases} == set(axis)
    kept = {tuple(case[i] for i in whole) for case in cases}
    assert kept == set(itertools.product(*(axes[i] for i in whole)))
    # No larger than it must be: the whole combinations, or the longest axis.
    others = [len(axes[i]) for i in range(len(axes)) if i not in whole]
    assert len(cases) == max([len(kept), *others])


def test_under_ci_the_values_of_an_axis_take_turns() -> None:
    kinds = [f"kind{n}" for n in range(8)]
    locales = ["de_DE", "en_GB", "en_US", "es_ES", "fr_FR", "pt_BR"]
    cases = sweep(kinds, locales, ["email", "letter"], whole=[1, 2], profile="ci")
    assert len(cases) == 12
    # Every kind once, then four of them a second time, each beside a layout
    # it had not had.
    assert sorted(Counter(kind for kind, _, _ in cases).values()) == [1] * 4 + [2] * 4
    layouts = {kind: {v for k, _, v in cases if k == kind} for kind in kinds}
    assert sum(len(seen) == 2 for seen in layouts.values()) == 4


@pytest.mark.parametrize(
    ("axes", "whole"),
    [((["a"], []), [0]), ((["a"], ["b"]), [0, 0]), ((["a"], ["b"]), [2])],
    ids=["an empty axis", "an axis named twice", "no such axis"],
)
def test_a_sweep_refuses_axes_it_cannot_cover(
    axes: tuple[list[str], ...], whole: list[int]
) -> None:
    with pytest.raises(ValueError, match=r"axis|axes"):
        sweep(*axes, whole=whole, profile="ci")
