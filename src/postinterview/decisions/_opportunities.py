"""Comparing opportunities: ranking the options on what matters to the candidate."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeAlias

import attrs

from postinterview import _fields, _views
from postinterview.errors import ValidationError
from postinterview.reflection import Comparison, FitAssessment, Want

# Described where postinterview.decisions exports it.
CURRENT_JOB = "current job"

# Described where postinterview.decisions exports it.
SCORE_PLACES = 4

_Factor: TypeAlias = Callable[[FitAssessment], Fraction | None]

_COMPARED = {
    Comparison.BETTER: Fraction(1),
    Comparison.SIMILAR: Fraction(1, 2),
    Comparison.WORSE: Fraction(0),
}
_WANTED = {Want.YES: Fraction(1), Want.UNSURE: Fraction(1, 2), Want.NO: Fraction(0)}


def _rapport(fit: FitAssessment) -> Fraction | None:
    score = fit.rapport_with_interviewer
    return None if score is None else Fraction(score - 1, 4)


def _colleagues(fit: FitAssessment) -> Fraction | None:
    answer = fit.could_work_with_them
    return None if answer is None else Fraction(int(answer))


def _role(fit: FitAssessment) -> Fraction | None:
    return Fraction(min(len(fit.likes_role), 3), 3)


def _organisation(fit: FitAssessment) -> Fraction | None:
    return Fraction(min(len(fit.likes_organisation), 3), 3)


def _reservations(fit: FitAssessment) -> Fraction | None:
    weight = sum(
        (
            Fraction(1) if r.resolution is None else Fraction(1, 2)
            for r in fit.reservations
        ),
        Fraction(0),
    )
    return 1 / (1 + weight)


def _versus_current_job(fit: FitAssessment) -> Fraction | None:
    answer = fit.versus_current_job
    return None if answer is None else _COMPARED[answer]


def _versus_others(fit: FitAssessment) -> Fraction | None:
    answer = fit.versus_other_opportunities
    return None if answer is None else _COMPARED[answer]


def _want(fit: FitAssessment) -> Fraction | None:
    return _WANTED[fit.want_the_job]


# Each factor: how it reads an assessment, and how to say it in a reason.
_FACTORS: dict[str, tuple[_Factor, str]] = {
    "rapport": (_rapport, "how you got on with the interviewer"),
    "colleagues": (_colleagues, "whether you could work with them"),
    "role": (_role, "what you like about the role"),
    "organisation": (_organisation, "what you like about the organisation"),
    "reservations": (_reservations, "your reservations"),
    "versus_current_job": (
        _versus_current_job,
        "how it compares with your current job",
    ),
    "versus_others": (_versus_others, "how it compares with your other options"),
    "want": (_want, "whether you want the job"),
}

# Described where postinterview.decisions exports it.
FACTORS: tuple[str, ...] = tuple(_FACTORS)


@attrs.frozen(kw_only=True)
class Ranked:
    """One opportunity's place in a comparison.

    *rank* starts at 1; tied options share a rank and the next rank skips
    (1, 1, 3). *score* is the weighted mean of the answered factors, from 0
    to 1, rounded to :data:`SCORE_PLACES` places. *missing* names the
    weighted factors not answered yet, in :data:`FACTORS` order; *reasons*
    say in words how the score came about.
    """

    name: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    rank: int = attrs.field(validator=_fields.int_between(1, 2**31))
    score: Decimal = attrs.field(validator=_fields.amount)
    missing: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )
    reasons: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )


class Ranking(tuple[Ranked, ...]):
    """The options of a comparison, best first: a tuple of :class:`Ranked`.

    What :func:`compare_opportunities` returns. It is a tuple in every way
    (equal to a tuple of the same items, printed and hashed as one) that
    also shows itself as a table in a notebook. *ranked* is any iterable of
    :class:`Ranked`; anything else raises
    :class:`~postinterview.ValidationError`.
    """

    __slots__ = ()

    def __new__(cls, ranked: Iterable[Ranked] = ()) -> Ranking:
        """Make a ranking of the items of *ranked*, in their order."""
        given: object = ranked
        if not isinstance(given, Iterable) or isinstance(given, str | bytes):
            raise ValidationError("ranked", ranked, "an iterable of Ranked")
        items = tuple(ranked)
        for index, item in enumerate(items):
            if not isinstance(item, Ranked):
                raise ValidationError(f"ranked[{index}]", item, "a Ranked")
        return super().__new__(cls, items)

    # notebook display

    def _repr_html_(self) -> str:
        return _views.to_html("ranking", self._view())

    def _repr_markdown_(self) -> str:
        return _views.to_markdown(self._view())

    def _view(self) -> list[_views.Block]:
        """The options in rank order: rank, name, score and the reasons."""
        title = _views.Paragraph(
            (
                _views.Strong("Opportunities compared"),
                f": {_views.plural(len(self), 'option')}, best first.",
            )
        )
        if not self:
            return [title]
        rows = [
            (str(r.rank), r.name, f"{r.score:.2f}", "\n".join(r.reasons)) for r in self
        ]
        return [title, _views.Table(("Rank", "Option", "Score", "Why"), rows)]


# Described where postinterview.decisions exports it.
WEIGHT_MAX = 1_000_000
# Described where postinterview.decisions exports it.
WEIGHT_DENOMINATOR_MAX = 2**1074
# The most decimal places whose denominator, 10 ** places, is within the above.
_PLACES_MAX = 323


def _weight(factor: str, value: object) -> Fraction:
    """Return *value* as an exact fraction, or raise naming the factor.

    The bounds are checked before the fraction is made, since its size
    grows with the exponent of a Decimal: ``Decimal("1E+999999999")`` would
    be an int of a billion digits.
    """
    field = f"weights[{factor!r}]"
    expected = "a finite, non-negative number"
    if isinstance(value, bool) or not isinstance(
        value, int | float | Decimal | Fraction
    ):
        raise ValidationError(field, value, expected)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValidationError(field, value, expected)
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValidationError(field, value, expected)
    if value < 0:
        raise ValidationError(field, value, expected)
    if value > WEIGHT_MAX:
        raise ValidationError(field, value, f"a weight of at most {WEIGHT_MAX:,}")
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -_PLACES_MAX:
            raise ValidationError(
                field, value, f"a weight with at most {_PLACES_MAX} decimal places"
            )
    if isinstance(value, Fraction) and value.denominator > WEIGHT_DENOMINATOR_MAX:
        raise ValidationError(
            field,
            value,
            "a fraction whose denominator is at most 2**1074, the finest a float has",
        )
    return Fraction(value)


def _weights(given: Mapping[str, Any] | None) -> dict[str, Fraction]:
    weights = dict.fromkeys(FACTORS, Fraction(1))
    if given is None:
        return weights
    if not isinstance(given, Mapping):
        raise ValidationError("weights", given, "a mapping of factor name to weight")
    for factor, value in given.items():
        if factor not in _FACTORS:
            raise ValidationError(
                f"weights[{factor!r}]", factor, f"a factor: {', '.join(FACTORS)}"
            )
        weights[factor] = _weight(factor, value)
    if not any(weights.values()):
        raise ValidationError("weights", dict(given), "at least one positive weight")
    return weights


def _score_text(score: Decimal) -> str:
    return f"{score:.2f}"


_QUANTUM = Decimal(1).scaleb(-SCORE_PLACES)


def _round(value: Fraction) -> Decimal:
    """Round exactly, half to even: ``Decimal(float(value))`` could be off."""
    return (
        Decimal(round(value * 10**SCORE_PLACES))
        .scaleb(-SCORE_PLACES)
        .quantize(_QUANTUM)
    )


@attrs.frozen
class _Scored:
    name: str
    score: Decimal
    values: dict[str, Fraction]
    missing: tuple[str, ...]


def _score(
    name: str, fit: FitAssessment, weights: dict[str, Fraction], *, current: bool
) -> _Scored:
    values: dict[str, Fraction] = {}
    missing = []
    for factor, (read, _) in _FACTORS.items():
        if current and factor == "versus_current_job":
            continue  # the current job is not compared with itself
        if not weights[factor]:
            continue
        value = read(fit)
        if value is None:
            missing.append(factor)
        else:
            values[factor] = value
    total = sum((weights[f] for f in values), Fraction(0))
    mean = (
        sum((weights[f] * v for f, v in values.items()), Fraction(0)) / total
        if total
        else Fraction(0)
    )
    return _Scored(name=name, score=_round(mean), values=values, missing=tuple(missing))


def _explain(
    scored: _Scored, weights: dict[str, Fraction], tied: list[str]
) -> list[str]:
    values = scored.values
    reasons = []
    if not values:
        reasons.append(
            "None of the factors you gave weight to is answered yet, so it "
            "scores 0 for now."
        )
    else:
        count = len(values)
        factors = "factor" if count == 1 else "factors"
        reasons.append(
            f"Scores {_score_text(scored.score)} out of 1, from {count} "
            f"answered {factors}."
        )
        # By value; among equals, the factor weighed more, then table order.
        strongest = min(values, key=lambda f: (-values[f], -weights[f]))
        weakest = min(values, key=lambda f: (values[f], -weights[f]))
        if values[strongest] == values[weakest]:
            reasons.append(
                "Every answered factor scores the same "
                f"({_score_text(_round(values[strongest]))})."
            )
        else:
            reasons.append(
                f"Strongest: {_FACTORS[strongest][1]} "
                f"({_score_text(_round(values[strongest]))}); weakest: "
                f"{_FACTORS[weakest][1]} ({_score_text(_round(values[weakest]))})."
            )
    if scored.missing:
        phrases = "; ".join(_FACTORS[f][1] for f in scored.missing)
        reasons.append(
            f"Not answered yet: {phrases}. The ranking may change once you know."
        )
    if tied:
        reasons.append(
            f"Tied with {', '.join(tied)} on score: the factors above show "
            "where they differ."
        )
    return reasons


def compare_opportunities(
    options: Mapping[str, FitAssessment],
    *,
    weights: Mapping[str, Any] | None = None,
    current_job: FitAssessment | None = None,
) -> Ranking:
    """Rank *options* (name to :class:`~postinterview.reflection.FitAssessment`).

    *current_job*, when given, is ranked alongside them under the name
    :data:`CURRENT_JOB`. Each factor of :data:`FACTORS` turns an assessment
    into a number from 0 to 1, or is missing when not answered:

    * ``rapport``: ``(rapport_with_interviewer - 1) / 4``;
    * ``colleagues``: ``could_work_with_them``, True 1, False 0;
    * ``role``: ``min(len(likes_role), 3) / 3`` (never missing);
    * ``organisation``: the same for ``likes_organisation``;
    * ``reservations``: ``1 / (1 + n)`` where each reservation without a
      resolution counts 1 and each with one counts 1/2; 1 when there are
      none (never missing);
    * ``versus_current_job``: BETTER 1, SIMILAR 1/2, WORSE 0 (not used for
      the current job itself);
    * ``versus_others``: the same for ``versus_other_opportunities``;
    * ``want``: ``want_the_job``, YES 1, UNSURE 1/2, NO 0 (never missing).

    *weights* maps factor names to finite, non-negative numbers (int, float,
    Decimal or Fraction) of at most :data:`WEIGHT_MAX` (a million), and no
    finer than the finest float: a Fraction's denominator is at most
    :data:`WEIGHT_DENOMINATOR_MAX` (``2**1074``), a Decimal has at most 323
    decimal places. So the exact arithmetic stays small. A factor not named
    weighs 1, and a factor weighed 0 is left out. An unknown factor or a bad
    weight raises :class:`~postinterview.ValidationError` naming it, as in
    ``weights['rapport']``. The score is the weighted mean of the answered
    factors, computed exactly and rounded to :data:`SCORE_PLACES` places;
    options with equal scores are tied and share a rank. The result is in
    rank order, tied options by name: a :class:`Ranking`, a tuple of
    :class:`Ranked` that shows itself as a table in a notebook.

    >>> from postinterview.reflection import Want
    >>> ranked = compare_opportunities(
    ...     {"Acme": FitAssessment(want_the_job=Want.YES, likes_role=["data"]),
    ...      "Globex": FitAssessment(want_the_job=Want.NO)})
    >>> [(r.rank, r.name, str(r.score)) for r in ranked]
    [(1, 'Acme', '0.5833'), (2, 'Globex', '0.2500')]
    """
    if not isinstance(options, Mapping):
        raise ValidationError("options", options, "a mapping of name to FitAssessment")
    table = _weights(weights)
    return _ranked(_scored(options, current_job, table), table)


def _scored(
    options: Mapping[str, FitAssessment],
    current_job: FitAssessment | None,
    weights: dict[str, Fraction],
) -> list[_Scored]:
    """Score every option and the current job, or raise naming a bad one."""
    scored = []
    for name, fit in options.items():
        _fields.check_line(f"options[{name!r}]", name)
        if not isinstance(fit, FitAssessment):
            raise ValidationError(f"options[{name!r}]", fit, "a FitAssessment")
        scored.append(_score(name.strip(), fit, weights, current=False))
    if current_job is not None:
        if not isinstance(current_job, FitAssessment):
            raise ValidationError("current_job", current_job, "a FitAssessment or None")
        if any(s.name == CURRENT_JOB for s in scored):
            raise ValidationError(
                "current_job",
                current_job,
                f"None when an option is already named {CURRENT_JOB!r}",
            )
        scored.append(_score(CURRENT_JOB, current_job, weights, current=True))
    names = [s.name for s in scored]
    if len(set(names)) != len(names):
        duplicate = next(n for n in names if names.count(n) > 1)
        raise ValidationError("options", duplicate, "names that differ once stripped")
    return scored


def _ranked(scored: list[_Scored], weights: dict[str, Fraction]) -> Ranking:
    """Rank the scored options, best first, tied options by name."""
    ordered = sorted(scored, key=lambda s: (-s.score, s.name))
    ranked = []
    for item in ordered:
        # Competition ranking: one more than the number of better scores.
        rank = 1 + sum(other.score > item.score for other in ordered)
        tied = [o.name for o in ordered if o.score == item.score and o is not item]
        ranked.append(
            Ranked(
                name=item.name,
                rank=rank,
                score=item.score,
                missing=item.missing,
                reasons=_explain(item, weights, tied),
            )
        )
    return Ranking(ranked)
