"""Run every benchmark and print one table of figures against their goals.

The benchmarks are the scripts beside this one, each measured through its
``measure()`` function in this one process, mostly at smaller sizes than the
scripts' own defaults, so that the whole run takes two to four minutes on a
two-core machine (``--quick``: under a minute, for a rough look):

- ``import_time.py``: ``import postinterview`` against ``import attrs,
  pendulum``, medians of fresh interpreters; the goal is at most 20 ms more,
  so the ratio column shows the difference;
- ``bench_plan.py``: plan() alone and plan() with its figures read, per
  application, against a stdlib floor, without holidays and with each
  recipient's weekend and public holidays (the floor given the same ones);
  the goal is at most 2x;
- ``bench_letters.py``: thank_you() per letter, in British English and in
  French, against raw cached Jinja rendering of the same templates with the
  same catalog; the goal is at most 1.5x;
- ``bench_json.py``: the JSON round trip of an application through
  ``serialize`` against a hand-written codec; the goal is at most 1.3x;
- ``bench_agenda.py``: reading and planning applications from JSON lines
  into an agenda sorted by send time, at 10,000 and 20,000 applications,
  against a hand-written decoder plus the stdlib planner floor; the goals
  are at most 1.6x at each size, and at most 2.1 from one size to the next
  (``--quick``: 2,500 and 5,000);
- ``bench_learning.py``: building a LearningLog and one prepare() at 10,000
  entries (median; the goal is under 1 s, and there is no floor), and how
  that grows from 10,000 to 20,000 entries (ratio of the medians; the goal is
  at most 2.2). ``--quick`` times 5,000 and 10,000 entries instead;
- ``bench_doubling.py``: the checks of a letter, a panel's checks, reading an
  application from JSON and record(), each at a size and twice that size
  (the smaller size is in the figure; its time is in the floor column); the
  goal is a ratio of at most 2.2 (linear work). Best of 5 runs (``--quick``:
  of 3).

Per-item times are the best of three runs (for JSON, the best of three on
each chunk of 250 records; for the agenda, on each chunk of 500 lines). The
machine may be busy with other work, so figures move by tens of percent
between runs; a goal missed once is worth running the benchmark's own script
for. The script always exits 0, and
continuous integration does not run it.

Run: ``python bench/run.py [--quick]``
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

# The scripts beside this one are modules of their own, not a package.
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

import bench_agenda  # noqa: E402
import bench_doubling  # noqa: E402
import bench_json  # noqa: E402
import bench_learning  # noqa: E402
import bench_letters  # noqa: E402
import bench_plan  # noqa: E402
import import_time  # noqa: E402


@dataclasses.dataclass(frozen=True)
class Sizes:
    """How much work each benchmark does."""

    import_runs: int
    plan_count: int
    letters_count: int
    json_count: int
    agenda_size: int  # and twice as many
    learning_sizes: tuple[int, int]
    learning_repeat: int
    doubling_runs: int


FULL = Sizes(
    import_runs=15,
    plan_count=40_000,
    letters_count=10_000,
    json_count=5_000,
    agenda_size=10_000,
    learning_sizes=(10_000, 20_000),
    learning_repeat=5,
    doubling_runs=5,
)
QUICK = Sizes(
    import_runs=9,
    plan_count=10_000,
    letters_count=2_000,
    json_count=1_000,
    agenda_size=2_500,
    learning_sizes=(5_000, 10_000),
    learning_repeat=3,
    doubling_runs=3,
)


@dataclasses.dataclass(frozen=True)
class Row:
    """One line of the table, already written out."""

    figure: str
    ours: str
    floor: str
    ratio: str
    goal: str
    met: bool


def _us(seconds: float, count: int) -> str:
    return f"{seconds / count * 1e6:,.1f} µs"


def _timed_row(figure: str, ours: float, floor: float, count: int, goal: float) -> Row:
    ratio = ours / floor
    return Row(
        figure,
        _us(ours, count),
        _us(floor, count),
        f"{ratio:.2f}x",
        f"<= {goal:g}x",
        ratio <= goal,
    )


def import_rows(sizes: Sizes) -> list[Row]:
    result = import_time.measure(sizes.import_runs)
    return [
        Row(
            f"import postinterview (median of {result.runs})",
            f"{result.library_ms:.1f} ms",
            f"{result.baseline_ms:.1f} ms",
            f"{result.added_ms:+.1f} ms",
            f"<= +{import_time.GOAL_MS:g} ms",
            result.met,
        )
    ]


def plan_rows(sizes: Sizes) -> list[Row]:
    result = bench_plan.measure(sizes.plan_count)
    goal = bench_plan.GOAL
    return [
        _timed_row(figure, seconds, case.floor, result.count, goal)
        for case, holidays in (
            (result.plain, "no holidays"),
            (result.local, "holidays"),
        )
        for figure, seconds in (
            (f"plan() alone, {holidays}, per application", case.plan),
            (f"plan()+read, {holidays}, per application", case.read),
        )
    ]


def letters_rows(sizes: Sizes) -> list[Row]:
    rows = []
    for locale, called in (("en_GB", ""), ("fr_FR", " in French")):
        result = bench_letters.measure(sizes.letters_count, locale=locale)
        rows.append(
            _timed_row(
                f"thank_you(){called}, per letter",
                result.ours,
                result.floor,
                result.count,
                bench_letters.GOAL,
            )
        )
    return rows


def json_rows(sizes: Sizes) -> list[Row]:
    result = bench_json.measure(sizes.json_count)
    return [
        _timed_row(
            "JSON round trip, per application",
            result.ours,
            result.floor,
            result.count,
            bench_json.GOAL,
        )
    ]


def agenda_rows(sizes: Sizes) -> list[Row]:
    result = bench_agenda.measure(sizes.agenda_size)
    small, large = result.sizes
    rows = [
        _timed_row(
            f"agenda of {count:,} from JSON lines, per application",
            result.ours[count],
            result.floor[count],
            count,
            bench_agenda.GOAL,
        )
        for count in result.sizes
    ]
    rows.append(
        Row(
            f"agenda from JSON lines, {large:,}/{small:,}",
            f"{result.ours[large]:.2f} s",
            f"{result.ours[small]:.2f} s",
            f"{result.growth:.2f}x",
            f"<= {bench_agenda.GOAL_GROWTH:g}x",
            result.growth <= bench_agenda.GOAL_GROWTH,
        )
    )
    return rows


def learning_rows(sizes: Sizes) -> list[Row]:
    generated = bench_learning.generate(sizes.learning_sizes)
    result = bench_learning.measure(generated, sizes.learning_repeat)
    del generated
    small, large = result.sizes
    at_10k = result.median(10_000)
    goal_s, goal_ratio = bench_learning.GOAL_SECONDS, bench_learning.GOAL_RATIO
    return [
        Row(
            f"learning log, 10k entries (median of {sizes.learning_repeat})",
            f"{at_10k:.2f} s",
            "-",
            "-",
            f"< {goal_s:g} s",
            at_10k < goal_s,
        ),
        Row(
            f"learning log, {large // 1000}k/{small // 1000}k entries",
            f"{result.median(large):.2f} s",
            "-",
            f"{result.ratio:.2f}x",
            f"<= {goal_ratio:g}x",
            result.ratio <= goal_ratio,
        ),
    ]


def doubling_rows(sizes: Sizes) -> list[Row]:
    return [
        Row(
            f"{t.name}, {t.size:,}->{2 * t.size:,} {t.unit}",
            f"{t.large:.3f} s",
            f"{t.small:.3f} s",
            f"{t.ratio:.2f}x",
            f"<= {bench_doubling.GOAL:g}x",
            t.met,
        )
        for t in bench_doubling.measure(runs=sizes.doubling_runs)
    ]


BENCHMARKS: tuple[tuple[str, Callable[[Sizes], list[Row]]], ...] = (
    ("import time", import_rows),
    ("plan()", plan_rows),
    ("letters", letters_rows),
    ("JSON round trip", json_rows),
    ("agenda", agenda_rows),
    ("learning log", learning_rows),
    ("doubling", doubling_rows),
)


def table(rows: list[Row]) -> str:
    """Return *rows* as a plain-text table under a header."""
    header = ("figure", "ours", "floor", "ratio", "goal", "met?")
    cells = [header] + [
        (r.figure, r.ours, r.floor, r.ratio, r.goal, "yes" if r.met else "no")
        for r in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for number, row in enumerate(cells):
        first, *rest = row
        line = "  ".join(
            [first.ljust(widths[0])]
            + [cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True)]
        )
        lines.append(line.rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Run every benchmark and print one table of figures and goals."
    )
    parser.add_argument(
        "--quick", action="store_true", help="smaller sizes, for a rough look"
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    began = time.perf_counter()
    rows: list[Row] = []
    for name, run in BENCHMARKS:
        print(f"running {name}...", file=sys.stderr, flush=True)
        rows.extend(run(sizes))
        gc.collect()  # so that what one left behind does not slow the next
    elapsed = time.perf_counter() - began
    print(
        f"Python {sys.version.split()[0]}, "
        f"{'quick' if args.quick else 'full'} run in {elapsed:.0f} s: "
        f"plan() over {sizes.plan_count:,} applications, {sizes.letters_count:,} "
        f"letters, {sizes.json_count:,} JSON round trips, agendas of "
        f"{sizes.agenda_size:,} and {2 * sizes.agenda_size:,} applications; "
        "per-item times are the best of 3 runs"
    )
    print(table(rows))
    if not all(row.met for row in rows):
        print(
            "A goal was missed. Figures move by tens of percent from run to run "
            "on a busy machine;\nrun that benchmark's own script, with its default "
            "size, before acting on it."
        )


if __name__ == "__main__":
    main()
