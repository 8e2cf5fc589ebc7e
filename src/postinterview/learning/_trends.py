"""Trends: the scores of a criterion over time, and the line fitted through them.

How a trend is read is in the documentation of :mod:`postinterview.learning`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pendulum

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.learning._instants import _micros, _utc
from postinterview.reflection import Criterion

_MIN_POINTS = 3
_RECENT = 3  # how many of the latest scores make a criterion's current level


def _two_places(value: Fraction) -> Decimal:
    """Round *value* to two decimal places, halves to even, exactly."""
    return Decimal(round(value * 100)).scaleb(-2)


class Trend(enum.Enum):
    """Which way a criterion's scores are going, read from a fitted line."""

    IMPROVING = "the fitted scores rise by half a point or more"
    FLAT = "the fitted scores change by less than half a point"
    WORSENING = "the fitted scores fall by half a point or more"
    NOT_ENOUGH_DATA = "fewer than three scores, or all from the same instant"


@attrs.frozen(kw_only=True)
class ScorePoint:
    """One score on one criterion, from the interview that ended *at*.

    *round* is the position of that interview among its application's rounds,
    from 1; *note* is what the candidate wrote beside the score.
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    score: int = attrs.field(validator=_fields.int_between(1, 5))
    organisation: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    role: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    round: int = attrs.field(
        default=1, validator=_fields.int_from(1, _fields.ROUNDS_MAX)
    )
    note: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )


# A named converter: mypy's attrs plugin cannot type an __init__ parameter
# through a generic one.
def _points(value: Iterable[ScorePoint]) -> tuple[ScorePoint, ...]:
    return _fields.to_tuple(value)


def _check_points(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _fields.tuple_of(ScorePoint)(_, attribute, value)
    for index in range(1, len(value)):
        if _utc(value[index].at) < _utc(value[index - 1].at):
            raise ValidationError(
                f"{attribute.name}[{index}]",
                value[index],
                f"points in time order (this one is before {value[index - 1].at})",
            )


def _fit(times: Sequence[int], scores: Sequence[int]) -> tuple[Trend, Decimal | None]:
    """Return the trend of *scores* at *times*, in microseconds, in order.

    The change is the least-squares slope times the time span, computed
    exactly: slope = (n*Sxy - Sx*Sy) / (n*Sxx - Sx^2), with x in microseconds
    after the first instant.
    """
    n = len(scores)
    if n < _MIN_POINTS:
        return Trend.NOT_ENOUGH_DATA, None
    origin = times[0]
    sx = sy = sxx = sxy = 0
    x = 0
    for time, y in zip(times, scores, strict=True):
        x = time - origin
        sx += x
        sy += y
        sxx += x * x
        sxy += x * y
    span = x  # the last x: the points are in time order
    spread = n * sxx - sx * sx
    if spread == 0:
        return Trend.NOT_ENOUGH_DATA, None
    rise = (n * sxy - sx * sy) * span
    change = _two_places(Fraction(rise, spread))
    if 2 * abs(rise) < spread:  # |change| < 1/2
        return Trend.FLAT, change
    return (Trend.IMPROVING if rise > 0 else Trend.WORSENING), change


@attrs.frozen(kw_only=True)
class CriterionTrend:
    """The scores of one criterion over time, in time order, and their trend.

    *trend* and *change* are computed from *points*: *change* is how much the
    least-squares line rises (negative: falls) between the first and the last
    score, rounded to two places, or ``None`` without enough data.

    >>> import pendulum
    >>> from postinterview.reflection import Criterion
    >>> start = pendulum.datetime(2026, 9, 1, 16, tz="Europe/London")
    >>> points = [
    ...     ScorePoint(at=start.add(weeks=week), score=score,
    ...                organisation="Acme Ltd", role="Analyst")
    ...     for week, score in [(0, 2), (3, 3), (7, 4)]
    ... ]
    >>> examples = CriterionTrend(criterion=Criterion.EXAMPLES, points=points)
    >>> examples.trend.name, examples.change
    ('IMPROVING', Decimal('1.99'))
    """

    criterion: Criterion = attrs.field(validator=_fields.enum_member(Criterion))
    points: tuple[ScorePoint, ...] = attrs.field(
        default=(), converter=_points, validator=_check_points
    )
    trend: Trend = attrs.field(init=False)
    change: Decimal | None = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        trend, change = _fit(
            [_micros(_utc(point.at)) for point in self.points],
            [point.score for point in self.points],
        )
        object.__setattr__(self, "trend", trend)
        object.__setattr__(self, "change", change)

    @property
    def data_points(self) -> int:
        """How many scores the trend rests on."""
        return len(self.points)

    @property
    def latest(self) -> ScorePoint | None:
        """The most recent score, or ``None`` when there is none."""
        return self.points[-1] if self.points else None

    @property
    def recent(self) -> Decimal | None:
        """The mean of the latest three scores (fewer when there are fewer).

        Rounded to two places; ``None`` when there are no scores.
        """
        level = _level(self)
        return None if level is None else _two_places(level)


def _level(trend: CriterionTrend) -> Fraction | None:
    last = trend.points[-_RECENT:]
    if not last:
        return None
    return Fraction(sum(point.score for point in last), len(last))
