"""Plan a million applications with Dask: a bag over JSON lines.

A host tool that keeps its applications as JSON lines (one document a line,
as ``postinterview.serialize.to_json()`` writes it) can plan them all on a
Dask cluster rather than in a loop of its own. Each file is one partition of
a bag; a worker reads its file's lines, plans each application and keeps only
the messages to send before a given moment. A line that cannot be read is
reported with its file, its line number and the reason, and the other lines
are planned all the same. What crosses from one process to another is the
library's own records and plain tuples, which pickle.

Run it with the ``scale`` extra installed (``python -m pip install '.[scale]'``):

    python examples/dask_plan.py
    python examples/dask_plan.py --count 1000000 --files 100 --workers 8

It writes a generated sample into a temporary folder (each file has one
damaged line, to show how refusals are reported), plans it on a local
cluster of worker processes and prints the messages to send by a week after
Monday 23 November 2026, 09:00 in London, overdue ones included: how many of
each kind, and the first few.
"""

from __future__ import annotations

import argparse
import contextlib
import heapq
import random
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import dask
import dask.bag as db
import pendulum
from dask.distributed import Client, LocalCluster

from postinterview import (
    Action,
    Application,
    Interview,
    NotesWritten,
    Person,
    SchemaError,
    ThankYouSent,
    plan,
)
from postinterview.serialize import from_json, to_json

#: The moment the sample is planned at.
NOW = pendulum.datetime(2026, 11, 23, 9, tz="Europe/London")
#: How many of the first messages to send the summary lists.
FIRST = 5
ZONES = ("Europe/London", "America/New_York", "Asia/Kolkata", "Europe/Berlin")
ROLES = ("Analyst", "Data Engineer", "Team Lead", "Product Manager", "Designer")

# One row of the bag after planning: a refused line, or a message owed.
# Both are plain tuples, so that they pickle without this module.
Refused = tuple[str, str]  # where, and why
Owed = tuple[str, Action]  # where the application was read, and the action
Row = tuple[str, str, Any]  # ("refused", where, why) or ("owed", where, action)


# -- a sample to plan ------------------------------------------------------------


def sample_application(rng: random.Random, number: int) -> Application:
    """Return application *number*: a first round in the fortnight before NOW.

    The candidate has written notes after most interviews and thanked some of
    the interviewers; nothing has happened after NOW.
    """
    zone = rng.choice(ZONES)
    ends_at = NOW.subtract(minutes=rng.randrange(60, 14 * 24 * 60)).in_timezone(zone)
    interviewers = tuple(
        Person(
            name=f"Interviewer {number}-{n}",
            email=f"interviewer.{number}.{n}@example.org",
            timezone=rng.choice(ZONES),
        )
        for n in range(rng.randint(1, 3))
    )
    decision = ends_at.add(days=rng.randint(3, 20)).date()
    interview = Interview(
        organisation=f"Employer {number % 997} Ltd",
        role=rng.choice(ROLES),
        starts_at=ends_at.subtract(hours=1),
        ends_at=ends_at,
        interviewers=interviewers,
        decision_expected_by=decision if rng.random() < 0.6 else None,
    )
    events = []
    at = ends_at
    if rng.random() < 0.8:
        at = at.add(minutes=rng.randint(10, 120))
        events.append(NotesWritten(at=at))
    for person in interviewers:
        at = at.add(minutes=rng.randint(30, 600))
        if at >= NOW or rng.random() < 0.4:
            break
        events.append(ThankYouSent(at=at, to=person))
    return Application(interviews=(interview,), events=events)


def sample_lines(first: int, count: int, seed: int = 20261123) -> Iterator[str]:
    """Yield applications *first* to *first* + *count* as JSON lines.

    The third line of every such run is damaged: its interview claims round 0.
    """
    rng = random.Random(seed + first)  # noqa: S311 - a sample, not a secret
    for number in range(first, first + count):
        line = to_json(sample_application(rng, number))
        if number == first + 2:
            line = line.replace('"round":1', '"round":0')
        yield line + "\n"


def write_file(index: int, directory: str, count: int, files: int) -> str:
    """Write file number *index* of a sample of *count* applications in *files*."""
    first = count * index // files
    size = count * (index + 1) // files - first
    path = Path(directory) / f"applications-{index:04d}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.writelines(sample_lines(first, size))
    return str(path)


def write_sample(
    directory: Path, count: int, files: int, scheduler: str | None = None
) -> list[str]:
    """Write *count* applications into *files* files in *directory*, in parallel."""
    indexes = db.from_sequence(range(files), npartitions=files)
    written = indexes.map(
        write_file, directory=str(directory), count=count, files=files
    )
    paths: list[str] = written.compute(scheduler=scheduler)
    return paths


# -- planning ----------------------------------------------------------------------


def read_file(lines: Iterable[tuple[str, str]]) -> list[tuple[str, Application | str]]:
    """Read one file's lines, each given with the file's path.

    Returns, for each line, where it is (``applications-0001.jsonl:3``) and
    either its application or why it was refused. A file is one partition,
    so the lines arrive in order and their numbers are the file's own.
    """
    read: list[tuple[str, Application | str]] = []
    for number, (line, path) in enumerate(lines, start=1):
        where = f"{Path(path).name}:{number}"
        try:
            read.append((where, from_json(Application, line)))
        except SchemaError as error:
            read.append((where, str(error)))
    return read


def plan_file(lines: Iterable[tuple[str, str]], until: pendulum.DateTime) -> list[Row]:
    """Read and plan one file's lines, given with the file's path.

    Returns a row for each line that cannot be read, and one for each message
    to send before *until* (overdue ones included).
    """
    rows: list[Row] = []
    for where, application in read_file(lines):
        if isinstance(application, str):
            rows.append(("refused", where, application))
            continue
        rows.extend(
            ("owed", where, action)
            for action in plan(application, now=NOW)
            if action.kind.is_message and action.send_at < until
        )
    return rows


def is_refused(row: Row) -> bool:
    return row[0] == "refused"


def is_owed(row: Row) -> bool:
    return row[0] == "owed"


def refusal(row: Row) -> Refused:
    return row[1], row[2]


def owed(row: Row) -> Owed:
    return row[1], row[2]


def kind_name(item: Owed) -> str:
    return item[1].kind.name


def send_order(item: Owed) -> tuple[float, str, str]:
    """Order messages by send time, then where they come from, then kind."""
    where, action = item
    return action.send_at.timestamp(), where, action.kind.name


def earliest(items: Iterable[Owed]) -> list[Owed]:
    return heapq.nsmallest(FIRST, items, key=send_order)


def earliest_of(parts: Iterable[list[Owed]]) -> list[Owed]:
    return heapq.nsmallest(
        FIRST, (item for part in parts for item in part), key=send_order
    )


class Agenda(NamedTuple):
    """What the cluster found: refusals, counts by kind, the first to send."""

    refused: list[Refused]
    counts: dict[str, int]
    first: list[Owed]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def agenda(pattern: str, *, days: int = 7, scheduler: str | None = None) -> Agenda:
    """Plan every application in the files matching *pattern*.

    Counts the messages to send in the *days* after :data:`NOW` (and those
    overdue), by kind, and finds the first few. *scheduler* is Dask's: the
    default is the cluster of the current :class:`~dask.distributed.Client`.
    """
    until = NOW.add(days=days)
    # One partition per file (blocksize=None), so that line numbers are exact.
    lines = db.read_text(pattern, include_path=True, blocksize=None)
    rows = lines.map_partitions(plan_file, until=until)
    refused = rows.filter(is_refused).map(refusal)
    actions = rows.filter(is_owed).map(owed)
    counts = actions.map(kind_name).frequencies()
    first = actions.reduction(earliest, earliest_of)
    found = dask.compute(refused, counts, first, scheduler=scheduler)
    return Agenda(refused=found[0], counts=dict(found[1]), first=found[2])


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[Client]:
    """A cluster of *workers* processes on this machine, and a client to it."""
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: 8787 may be taken
        ) as cluster,
        Client(cluster) as client,
    ):
        try:
            yield client
        finally:
            # Stop the workers before the scheduler, so that no worker is left
            # reporting the scheduler lost while the cluster closes.
            cluster.scale(0)
            deadline = time.monotonic() + 10
            while client.nthreads() and time.monotonic() < deadline:
                time.sleep(0.05)


# -- the command line ------------------------------------------------------------------


def report(
    result: Agenda, count: int, files: int, workers: int, seconds: float
) -> None:
    print(
        f"{count:,} applications in {files:,} files, planned on {workers} "
        f"worker processes in {seconds:.1f} s."
    )
    print(f"Refused {len(result.refused):,} lines:")
    for where, why in sorted(result.refused)[:FIRST]:
        print(f"  {where}: {why}")
    if len(result.refused) > FIRST:
        print(f"  ... and {len(result.refused) - FIRST:,} more")
    print(
        f"Messages to send by {NOW.add(days=7).format('ddd D MMM YYYY HH:mm zz')}, "
        f"overdue ones included: {result.total:,}"
    )
    for name, number in sorted(result.counts.items(), key=lambda pair: -pair[1]):
        print(f"  {name:<22}{number:>10,}")
    print(f"The first {len(result.first)} to send:")
    for where, action in result.first:
        whom = action.recipient.name if action.recipient else "-"
        when = action.send_at.format("ddd D MMM HH:mm zz")
        print(f"  {when:<21} {action.kind.name:<15} {whom:<22} ({where})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2_000, help="applications")
    parser.add_argument(
        "--files", type=int, default=4, help="files to spread them over"
    )
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as directory, local_cluster(args.workers):
        write_sample(Path(directory), args.count, args.files)
        started = time.perf_counter()
        result = agenda(str(Path(directory) / "*.jsonl"))
        seconds = time.perf_counter() - started
    report(result, args.count, args.files, args.workers, seconds)


if __name__ == "__main__":
    main()
