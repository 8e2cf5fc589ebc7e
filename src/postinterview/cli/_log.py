"""``postinterview log``: the learning log over a folder of entries, and what
to practise for the next interview."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from pathlib import Path

from postinterview.cli._output import plural, table, when, write
from postinterview.cli._records import (
    SUFFIXES,
    Commands,
    UserError,
    application_of,
    kind_of,
    load,
)
from postinterview.interview import Interview
from postinterview.learning import LearningLog, LogEntry, PrepFocus
from postinterview.timeline import Status


def add_parser(commands: Commands) -> None:
    """Add ``log`` and its options to *commands*."""
    command = commands.add_parser(
        "log", help="sum up a folder of log entries and prepare for the next one"
    )
    command.add_argument(
        "dir", metavar="DIR", help="a folder of log entries, .toml or .json files"
    )
    command.add_argument(
        "--next",
        metavar="FILE",
        help="the next interview (its latest round); default: a round still to come",
    )
    command.add_argument(
        "--limit", type=_limit, default=5, metavar="N", help="items per part"
    )
    command.set_defaults(run=run)


def _limit(text: str) -> int:
    """Read ``--limit``: a whole number, 0 or more."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> None:
    """Sum up the entries in ``DIR``, then say what to practise next."""
    entries = _entries(Path(args.dir))
    log = LearningLog(entries=entries)
    rounds = sum(len(entry.application.rounds) for entry in entries)
    write(
        f"Learning log: {plural(len(entries), 'application')}, "
        f"{plural(rounds, 'interview round')}."
    )
    _criteria(log)
    _patterns(log)
    upcoming = _next_interview(args, entries)
    write()
    if upcoming is None:
        write(
            "No interview to prepare for: give --next FILE, or record the next "
            "round (a NextRoundScheduled event) in an entry."
        )
        return
    _focus(log.prepare(upcoming, limit=args.limit))


def _entries(folder: Path) -> list[LogEntry]:
    """Return the log entries in the ``.toml`` and ``.json`` files of *folder*,
    by file name."""
    if not folder.is_dir():
        problem = "not a folder" if folder.exists() else "no such folder"
        raise UserError(f"{folder}: {problem}")
    files = sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in SUFFIXES and path.is_file()
    )
    if not files:
        raise UserError(f"{folder}: no .toml or .json files in it")
    entries: list[LogEntry] = []
    for path in files:
        record = load(path)
        if not isinstance(record, LogEntry):
            raise UserError(
                f"{path}: expected a log entry (a top-level `application` table), "
                f"got {kind_of(record)}"
            )
        entries.append(record)
    return entries


def _criteria(log: LearningLog) -> None:
    """Print how each scored criterion is going: its trend and its scores."""
    write()
    write("How each criterion is going:")
    rows = [
        (
            trend.criterion.name,
            trend.trend.name,
            " ".join(str(point.score) for point in trend.points),
            f"{trend.recent}",
        )
        for trend in log.criteria
        if trend.points
    ]
    if rows:
        for line in table(("CRITERION", "TREND", "SCORES", "RECENT"), rows):
            write(f"  {line}")
    else:
        write("  no scores yet")


def _patterns(log: LearningLog) -> None:
    """Print what recurs across entries: questions, preparation gaps, feedback."""
    _counted(
        "Questions asked more than once:",
        (
            (
                question.asked,
                f"{question.text} (went well {question.answered_well}, "
                f"badly {question.answered_badly})",
            )
            for question in log.recurring_questions
        ),
    )
    _counted("Open preparation gaps:", ((gap.count, gap.text) for gap in log.open_gaps))
    _counted(
        "What feedback said:",
        ((theme.count, theme.text) for theme in log.feedback_themes),
    )


def _counted(title: str, items: Iterable[tuple[int, str]]) -> None:
    """Print *title*, then each text with how often it came up, or ``none``."""
    write()
    write(title)
    shown = [f"  {count}x  {text}" for count, text in items]
    for line in shown or ["  none"]:
        write(line)


def _next_interview(
    args: argparse.Namespace, entries: Sequence[LogEntry]
) -> Interview | None:
    """Return ``--next``'s latest round, else the first round still to come."""
    if args.next is not None:
        return application_of(load(Path(args.next))).rounds[-1]
    coming = [
        entry.application.rounds[-1]
        for entry in entries
        if entry.application.status is Status.NEXT_ROUND
    ]
    if not coming:
        return None
    return min(coming, key=lambda interview: interview.starts_at.timestamp())


def _focus(focus: PrepFocus) -> None:
    """Print what to practise before the interview *focus* prepares for."""
    interview = focus.interview
    write(
        f"Before {interview.organisation}, {interview.role} (round "
        f"{interview.round}) on {when(interview.starts_at)}, practise:"
    )
    parts = (
        ("questions", [(i.question.text, i.reason) for i in focus.questions]),
        ("criteria", [(i.criterion.name, i.reason) for i in focus.criteria]),
        ("preparation gaps", [(i.gap.text, i.reason) for i in focus.gaps]),
        ("feedback", [(i.theme.text, i.reason) for i in focus.feedback]),
    )
    if not any(items for _, items in parts):
        write("  nothing yet: the log holds no weak spots to work on")
    for title, items in parts:
        if items:
            write(f"  {title}:")
        for what, why in items:
            write(f"    - {what}")
            write(f"      {why}")
