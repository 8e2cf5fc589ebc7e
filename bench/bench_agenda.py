"""How fast is an agenda read and planned from JSON lines, against a floor?

A host tool's agenda reads every application from a file of JSON lines,
plans each one and lists what is to be sent, in order. Two sides do that for
the same file, 10,000 and then 20,000 applications long:

- ``ours``: ``serialize.from_json(Application, line)`` for each line, then
  ``plan()`` and the figures read off the plan, as ``bench_plan.ours()``
  reads them;
- ``floor``: the hand-written decoder of ``bench_json.py`` (``json.loads``,
  then the record constructors called directly, without the codec's checks
  of types, keys and offsets; the records' own checks run on both sides),
  then the stdlib planner floor of ``bench_plan.py``, which computes the
  same figures from the record with stdlib datetimes and cached zoneinfo
  zones, counting each zone's weekend and public holidays as plan() does by
  default (``bench_plan.floor_with_holidays``).

Both sides keep, for every figure, its send time and the line it came from,
and sort the list by send time at the end: the agenda. The sort key is each
send time's POSIX timestamp, computed once per entry: comparing two pendulum
instants of different zones directly costs about three times what comparing
two stdlib datetimes does (each comparison asks both for their offsets,
which pendulum's subclass answers slowly), and that would time pendulum more
than this library. Before timing, both
agendas are checked to be the same (the same instants, in the same zones)
for the first 2,000 lines, and the floor's records equal to ``from_json()``'s.

The applications are ``bench_plan.py``'s: one round with one to three
interviewers in seven zones, half with a decision date, generated from a
fixed seed and written to a temporary file before any timing. The two sides
and the two sizes take turns, three times over, and each one's best run
counts.

Two goals: the agenda at most 1.6 times as long as the floor's, at each size;
and 20,000 applications at most 2.1 times as long as 10,000 (linear work,
with a little for the sort).

Run: ``python bench/bench_agenda.py [SMALL]`` (10,000 by default; the large
size is twice that).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import heapq
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import bench_json
import bench_plan

from postinterview import Application, serialize

GOAL = 1.6  # ours against the floor, at each size
GOAL_GROWTH = 2.1  # ours at twice the size against ours

# One entry of the agenda: when to send, and the line it comes from.
Entry = tuple[dt.datetime, int]
Agenda = list[Entry]


T = TypeVar("T")


def _send_order(entry: Entry) -> tuple[float, int]:
    return entry[0].timestamp(), entry[1]


def ours(path: Path, chunk: Chunk) -> Agenda:
    """The agenda of *chunk*'s lines, read by serialize and planned by plan()."""
    agenda: Agenda = []
    for number, line in _lines(path, chunk):
        application = serialize.from_json(Application, line)
        # A day before the interview, as in bench_plan: a plan made long
        # before it, or after its events, would warn. (Stdlib arithmetic:
        # the reader of a folder knows its own clock, and this is not timed
        # in the floor.)
        start = application.interviews[0].starts_at.timestamp()
        now = dt.datetime.fromtimestamp(start - 86_400, dt.UTC)
        for figures in bench_plan.ours(application, now):
            agenda.append((figures[-1], number))
    agenda.sort(key=_send_order)
    return agenda


def floor(path: Path, chunk: Chunk) -> Agenda:
    """The same, read by the hand-written decoder and planned by the stdlib floor."""
    agenda: Agenda = []
    for number, line in _lines(path, chunk):
        application = bench_json.floor_from_json(line)
        for figures in bench_plan.floor_with_holidays(application):
            agenda.append((figures[-1], number))
    agenda.sort(key=_send_order)
    return agenda


# A run of lines: the byte offset of the first, its number, how many.
Chunk = tuple[int, int, int]


def _lines(path: Path, chunk: Chunk) -> Iterator[tuple[int, str]]:
    offset, first, count = chunk
    with path.open(encoding="utf-8") as lines:
        lines.seek(offset)
        for number in range(first, first + count):
            yield number, lines.readline()


def merged(agendas: list[Agenda]) -> Agenda:
    """The agenda of the whole file, from the agendas of its chunks."""
    return list(heapq.merge(*agendas, key=_send_order))


def write(applications: list[Application], path: Path, size: int) -> list[Chunk]:
    """Write *applications* as JSON lines; return them in chunks of *size*."""
    chunks = []
    with path.open("wb") as out:
        for start in range(0, len(applications), size):
            part = applications[start : start + size]
            chunks.append((out.tell(), start + 1, len(part)))
            for application in part:
                out.write(serialize.to_json(application).encode() + b"\n")
    return chunks


def check(path: Path, chunks: list[Chunk]) -> Agenda:
    """Raise SystemExit unless both sides agree on *chunks*; return the agenda."""
    for chunk in chunks:
        for number, line in _lines(path, chunk):
            if bench_json.floor_from_json(line) != serialize.from_json(
                Application, line
            ):
                raise SystemExit(f"the floor reads line {number} differently")
    mine = merged([ours(path, chunk) for chunk in chunks])
    theirs = merged([floor(path, chunk) for chunk in chunks])
    if [n for _, n in mine] != [n for _, n in theirs] or not bench_plan._same(
        [(t,) for t, _ in mine], [(t,) for t, _ in theirs]
    ):
        raise SystemExit("the floor's agenda is not the same as plan()'s")
    return theirs


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """Return how long calling *fn* takes, and what it returned."""
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


@dataclasses.dataclass(frozen=True)
class AgendaResult:
    """Seconds for each side at each size: the sums of the best per chunk."""

    runs: int
    sizes: tuple[int, int]
    size: float  # bytes of JSON per application
    entries: float  # agenda entries per application
    ours: dict[int, float]
    floor: dict[int, float]

    def ratio(self, count: int) -> float:
        return self.ours[count] / self.floor[count]

    @property
    def growth(self) -> float:
        small, large = self.sizes
        return self.ours[large] / self.ours[small]

    @property
    def floor_growth(self) -> float:
        small, large = self.sizes
        return self.floor[large] / self.floor[small]

    @property
    def met(self) -> bool:
        ratios = all(self.ratio(count) <= GOAL for count in self.sizes)
        return ratios and self.growth <= GOAL_GROWTH


def measure(small: int = 10_000, runs: int = 3, chunk: int = 500) -> AgendaResult:
    """Write *small* and twice as many applications, check, then time both sides.

    Each file is read in chunks of *chunk* lines; on each chunk the two sides
    take turns, *runs* times over, and each one's best time on the chunk
    counts. The two files progress together (a chunk of the small file, then
    two of the large one), so that both see the same load. Every chunk's
    agenda is kept until the end, when they are merged into the file's
    (timed too, best of *runs*), so that the heap holds what a whole agenda
    holds.
    """
    sizes = (small, 2 * small)
    applications = bench_plan.applications(sizes[1])
    sides = {"ours": ours, "floor": floor}
    best = {name: dict.fromkeys(sizes, 0.0) for name in sides}
    kept = {count: {name: [] for name in sides} for count in sizes}
    with tempfile.TemporaryDirectory() as directory:
        files = {}
        for count in sizes:
            path = Path(directory) / f"{count}.jsonl"
            files[count] = path, write(applications[:count], path, chunk)
        del applications
        path, chunks = files[small]
        checked = chunks[: max(1, 2000 // chunk)]
        entries = len(check(path, checked)) / sum(n for _, _, n in checked)
        size = path.stat().st_size / small
        # The small file's chunk i, then the large file's chunks 2i and 2i + 1.
        order = [
            (count, part)
            for index in range(len(chunks))
            for count, part in [
                (small, chunks[index]),
                *((sizes[1], p) for p in files[sizes[1]][1][2 * index : 2 * index + 2]),
            ]
        ]
        for count, part in order:
            path = files[count][0]
            times = dict.fromkeys(sides, float("inf"))
            results: dict[str, Agenda] = {}
            for _ in range(runs):
                for name, fn in sides.items():
                    seconds, results[name] = timed(functools.partial(fn, path, part))
                    times[name] = min(times[name], seconds)
            for name in sides:
                best[name][count] += times[name]
                kept[count][name].append(results[name])
    for count, by_side in kept.items():
        for name, agendas in by_side.items():
            join = functools.partial(merged, agendas)
            best[name][count] += min(timed(join)[0] for _ in range(runs))
    return AgendaResult(runs=runs, sizes=sizes, size=size, entries=entries, **best)


def main() -> None:
    small = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    result = measure(small)
    print(
        f"one-round applications from JSON lines ({result.size:,.0f} bytes each), "
        f"{result.entries:.1f} agenda entries each; best of {result.runs} runs"
    )
    print(f"{'applications':>13}  {'floor':>18}  {'ours':>18}  ratio")
    for count in result.sizes:
        floor_s, ours_s = result.floor[count], result.ours[count]
        print(
            f"{count:>13,}  {floor_s:6.3f} s {floor_s / count * 1e6:6.1f} µs  "
            f"{ours_s:6.3f} s {ours_s / count * 1e6:6.1f} µs  "
            f"{result.ratio(count):.2f}x"
        )
    print(f"goal: ours at most {GOAL:g}x the floor at each size")
    small, large = result.sizes
    print(
        f"growth {large // 1000}k/{small // 1000}k: ours {result.growth:.2f} "
        f"(goal: at most {GOAL_GROWTH:g}), the floor {result.floor_growth:.2f}"
    )


if __name__ == "__main__":
    main()
