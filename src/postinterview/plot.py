"""Charts for notebooks: scores across interviews, and a plan on a time axis.

Needs the ``plot`` extra, which brings matplotlib::

    pip install 'postinterview[plot]'

Without it, each function raises :class:`ModuleNotFoundError` saying so.
Importing this module does not import matplotlib; the first chart does.

Each function returns a :class:`matplotlib.figure.Figure` made without
pyplot, and never shows it: Jupyter shows a figure left as the last value of
a cell (once ``%matplotlib inline`` has run, or pyplot has been imported),
and ``figure.savefig("chart.png")`` writes it to a file. Text from the
records is drawn as written: a ``$`` never starts mathematics.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.followup import Action, Plan
from postinterview.followup._plan import describe_action, recipient_of
from postinterview.learning import CriterionTrend, LearningLog, Trend
from postinterview.reflection import Criterion

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["criterion_trends", "plan_timeline"]

_EXTRA = (
    "postinterview.plot needs the plot extra, which brings matplotlib: "
    "pip install 'postinterview[plot]'"
)
# The widest span matplotlib's dates can show, as naive UTC.
_EARLIEST = dt.datetime(1, 1, 2)  # noqa: DTZ001 - naive UTC, as the library computes
_LATEST = dt.datetime(9999, 12, 30)  # noqa: DTZ001 - naive UTC, as above
_COLUMNS = 3  # criterion panels per row
_OWED, _OVERDUE, _LAPSED, _NOW = "tab:blue", "tab:red", "tab:gray", "black"


def _matplotlib() -> tuple[type[Figure], ModuleType]:
    """Import matplotlib's Figure and its dates module, or say how to install them."""
    try:
        from matplotlib import dates  # noqa: PLC0415 - an optional extra
        from matplotlib.figure import Figure as Made  # noqa: PLC0415 - the same
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(_EXTRA, name=error.name) from None
    return Made, dates


def criterion_trends(
    log: LearningLog, *, criteria: Iterable[Criterion] | None = None
) -> Figure:
    """Return a chart of each criterion's scores across interviews, from *log*.

    One panel per criterion of *criteria* (by default every criterion with at
    least one score, in :class:`~postinterview.reflection.Criterion` order):
    the scores from 1 to 5 at the end of each interview, joined in time
    order, and the least-squares line the log reads its trend from, dashed,
    once there are enough scores for one. Each panel's title names the
    criterion and its trend. Without any score to show, the figure says so.

    *log* must be a :class:`~postinterview.LearningLog` and *criteria* an
    iterable of :class:`~postinterview.reflection.Criterion`; anything else
    raises :class:`~postinterview.ValidationError`.
    """
    if not isinstance(log, LearningLog):
        raise ValidationError("log", log, "a LearningLog")
    trends = _chosen(log, criteria)
    made, dates = _matplotlib()
    if not trends:
        figure = made(figsize=(6, 1.5), layout="constrained")
        figure.text(
            0.5, 0.5, "No scores yet.", ha="center", va="center", parse_math=False
        )
        return figure
    rows = math.ceil(len(trends) / _COLUMNS)
    columns = min(len(trends), _COLUMNS)
    figure = made(figsize=(4 * columns, 2.8 * rows + 0.6), layout="constrained")
    figure.suptitle("Scores per criterion across interviews", parse_math=False)
    panels = list(figure.subplots(rows, columns, sharey=True, squeeze=False).flat)
    for axes, trend in zip(panels, trends, strict=False):
        _trend_panel(axes, trend, dates)
    for axes in panels[len(trends) :]:  # those left over in the last row
        axes.set_visible(False)
    return figure


def _chosen(
    log: LearningLog, criteria: Iterable[Criterion] | None
) -> list[CriterionTrend]:
    """The trends to draw: those of *criteria*, or every criterion scored."""
    if criteria is None:
        return [trend for trend in log.criteria if trend.points]
    given: object = criteria
    if not isinstance(given, Iterable) or isinstance(given, str | bytes):
        raise ValidationError("criteria", criteria, "an iterable of Criterion")
    chosen = []
    for index, criterion in enumerate(criteria):
        if not isinstance(criterion, Criterion):
            raise ValidationError(f"criteria[{index}]", criterion, "a Criterion")
        chosen.append(log.criterion(criterion))
    return chosen


def _trend_panel(axes: Axes, trend: CriterionTrend, dates: ModuleType) -> None:
    """Draw one criterion's scores, and its fitted line when it has one."""
    times = [_time.naive_utc(point.at).replace(tzinfo=dt.UTC) for point in trend.points]
    scores = [point.score for point in trend.points]
    words = trend.trend.name.lower().replace("_", " ")
    if trend.change is not None and trend.trend is not Trend.NOT_ENOUGH_DATA:
        words = f"{words} ({trend.change:+})"
    axes.set_title(f"{trend.criterion.value}: {words}", parse_math=False)
    axes.set_ylim(0.5, 5.5)
    axes.set_yticks([1, 2, 3, 4, 5])
    axes.grid(axis="y", alpha=0.3)
    if not times:
        axes.text(
            0.5,
            0.5,
            "no scores yet",
            ha="center",
            va="center",
            transform=axes.transAxes,
            parse_math=False,
        )
        axes.set_xticks([])
        return
    at = list(dates.date2num(times))
    axes.plot(at, scores, marker="o", color=_OWED)
    fitted = _fitted_line(at, scores)
    if fitted is not None and trend.trend is not Trend.NOT_ENOUGH_DATA:
        axes.plot([at[0], at[-1]], fitted, linestyle="--", color=_OWED, alpha=0.6)
    locator = dates.AutoDateLocator(maxticks=5)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))


def _fitted_line(
    times: Sequence[float], scores: Sequence[int]
) -> tuple[float, float] | None:
    """The least-squares line's values at the first and the last time, or None."""
    count = len(times)
    origin = times[0]
    xs = [time - origin for time in times]
    sx, sy = sum(xs), sum(scores)
    sxx = sum(x * x for x in xs)
    sxy = sum(x * y for x, y in zip(xs, scores, strict=True))
    spread = count * sxx - sx * sx
    if count < 2 or spread <= 0:
        return None
    slope = (count * sxy - sx * sy) / spread
    intercept = (sy - slope * sx) / count
    return intercept, intercept + slope * xs[-1]


def plan_timeline(plan: Plan) -> Figure:
    """Return a chart of *plan*'s actions on a time axis, with their windows.

    One row per action, owed ones first in plan order, then the lapsed: a bar
    for its window, from when it opens to when it closes (to its deadline
    when it never closes; to the right edge when it has neither), a tick at
    its deadline and a dot at the suggested send time. Owed actions are
    blue, overdue ones red, lapsed ones grey; a dashed line marks the plan's
    *now*. Times read in the zone of *now*. A plan with nothing owed or
    lapsed gives a figure that says so.

    *plan* must be a :class:`~postinterview.Plan`; anything else raises
    :class:`~postinterview.ValidationError`.
    """
    if not isinstance(plan, Plan):
        raise ValidationError("plan", plan, "a Plan")
    made, dates = _matplotlib()
    actions = [*plan.actions, *plan.lapsed]
    zone = plan.now.tzinfo
    if not actions:
        figure = made(figsize=(6, 1.5), layout="constrained")
        figure.text(
            0.5,
            0.5,
            f"Nothing owed at {plan.now.format('ddd YYYY-MM-DD HH:mm zz')}.",
            ha="center",
            va="center",
            parse_math=False,
        )
        return figure
    now = _time.naive_utc(plan.now)
    overdue = set(plan.overdue())
    rounds = len({action.round for action in actions}) > 1
    start = min(now, *(action._at[1] for action in actions))
    end = max(now, *(_last(action) for action in actions))
    margin = max((end - start) / 20, dt.timedelta(hours=1))
    left = start - margin if start - _EARLIEST > margin else _EARLIEST
    right = end + margin if _LATEST - end > margin else _LATEST

    figure = made(figsize=(10, 0.45 * len(actions) + 1.6), layout="constrained")
    axes = figure.subplots()
    labels = []

    def at(naive: dt.datetime) -> float:
        # matplotlib's number for an instant: days since 1970 in UTC.
        number: float = dates.date2num(naive.replace(tzinfo=dt.UTC))
        return number

    for row, action in enumerate(actions):
        lapsed = row >= len(plan.actions)
        colour = _LAPSED if lapsed else _OVERDUE if action in overdue else _OWED
        _, opens, due, closes, send = action._at
        until = closes or due or right
        axes.barh(
            row,
            at(until) - at(opens),
            left=at(opens),
            height=0.45,
            color=colour,
            alpha=0.3,
        )
        if due is not None:
            axes.plot(at(due), row, marker="|", markersize=16, color=colour, mew=2)
        axes.plot(at(send), row, marker="o", color=colour)
        label = f"{describe_action(action, rounds)}: {recipient_of(action)}"
        labels.append(f"{label} (lapsed)" if lapsed else label)
    axes.axvline(at(now), linestyle="--", color=_NOW, linewidth=1)
    axes.set_yticks(range(len(actions)), labels=labels, parse_math=False)
    axes.set_ylim(len(actions) - 0.5, -0.5)  # the first action at the top
    axes.set_xlim(at(left), at(right))
    locator = dates.AutoDateLocator(tz=zone, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator, tz=zone))
    axes.set_xlabel(f"time in {_time.zone_name(plan.now)}", parse_math=False)
    axes.grid(axis="x", alpha=0.3)
    figure.legend(handles=_key(), loc="outside lower center", ncols=3)
    return figure


def _key() -> list[Artist]:
    """What the marks and colours of a plan's timeline mean."""
    from matplotlib.lines import Line2D  # noqa: PLC0415 - an optional extra
    from matplotlib.patches import Patch  # noqa: PLC0415 - the same

    return [
        Patch(color=_OWED, alpha=0.3, label="window"),
        Line2D(
            [],
            [],
            color=_OWED,
            marker="|",
            markersize=12,
            mew=2,
            ls="",
            label="deadline",
        ),
        Line2D([], [], color=_OWED, marker="o", ls="", label="suggested send time"),
        Line2D([], [], color=_NOW, ls="--", label="now"),
        Patch(color=_OVERDUE, alpha=0.6, label="overdue"),
        Patch(color=_LAPSED, alpha=0.6, label="lapsed"),
    ]


def _last(action: Action) -> dt.datetime:
    """The latest instant of *action*, as naive UTC."""
    _, opens, due, closes, send = action._at
    return max(opens, send, due or opens, closes or opens)
