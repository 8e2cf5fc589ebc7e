"""Reading every entry of a log once, into the summaries the log answers with."""

from __future__ import annotations

import attrs
import pendulum

from postinterview.learning._entry import LogEntry
from postinterview.learning._groups import _Group, _group, _Tally, _tally
from postinterview.learning._instants import _Stamp, _stamp
from postinterview.learning._records import _make
from postinterview.learning._scored import _Scored
from postinterview.learning._summaries import (
    AskedQuestion,
    ClosedGap,
    FeedbackTheme,
    PreparationGap,
)
from postinterview.learning._trends import CriterionTrend
from postinterview.notes import InterviewNotes


@attrs.frozen
class _Summary:
    criteria: tuple[CriterionTrend, ...]
    questions: tuple[AskedQuestion, ...]
    gaps: tuple[PreparationGap, ...]
    themes: tuple[FeedbackTheme, ...]


# Where an answer counts: answered well, badly, not rated.
_ANSWERED = {True: 0, False: 1, None: 2}
_WEAKNESS, _SUGGESTION = 0, 1


def _summarise(
    entries: tuple[LogEntry, ...], closed: tuple[ClosedGap, ...]
) -> _Summary:
    scored = _Scored()
    questions: dict[str, _Tally] = {}
    gaps: dict[str, _Tally] = {}
    themes: dict[str, _Tally] = {}
    for entry in entries:
        rounds = entry.application.rounds
        stamps = [_stamp(interview.ends_at) for interview in rounds]
        if entry.scorecards:
            scored.read(entry._scorecard_of, rounds, stamps)
        for index, notes in enumerate(entry._notes_of):
            if notes is not None:
                _read_notes(
                    notes, rounds[index].ends_at, stamps[index], questions, gaps
                )
        for feedback in entry.feedback:
            at = feedback.received_at
            stamp = _stamp(at)
            for text in feedback.weaknesses:
                _tally(themes, text, stamp, at, 2).add(stamp, at, _WEAKNESS)
            for text in feedback.suggestions:
                _tally(themes, text, stamp, at, 2).add(stamp, at, _SUGGESTION)
    return _Summary(
        criteria=scored.trends(),
        questions=tuple(_asked(group) for group in _group(questions, 3)[0]),
        gaps=_gaps(gaps, closed),
        themes=tuple(_theme(group) for group in _group(themes, 2)[0]),
    )


def _read_notes(
    notes: InterviewNotes,
    at: pendulum.DateTime,
    stamp: _Stamp,
    questions: dict[str, _Tally],
    gaps: dict[str, _Tally],
) -> None:
    answered = _ANSWERED
    for question in notes.questions:
        # The hottest loop: _tally and _Tally.add, written out.
        text = question.text
        tally = questions.get(text)
        if tally is None:
            tally = questions[text] = _Tally(stamp, at, 3)
        tally.marks[answered[question.answered_well]] += 1
        if stamp < tally.first:
            tally.first, tally.first_at = stamp, at
        elif stamp > tally.last:
            tally.last, tally.last_at = stamp, at
    for gap in notes.preparation_gaps:
        _tally(gaps, gap, stamp, at, 1).add(stamp, at, 0)


def _asked(group: _Group) -> AskedQuestion:
    well, badly, unrated = group.marks
    return _make(
        AskedQuestion,
        key=group.key,
        wordings=group.wordings,
        asked=well + badly + unrated,
        answered_well=well,
        answered_badly=badly,
        not_rated=unrated,
        first_asked=group.first_at,
        last_asked=group.last_at,
    )


def _theme(group: _Group) -> FeedbackTheme:
    weaknesses, suggestions = group.marks
    return _make(
        FeedbackTheme,
        key=group.key,
        wordings=group.wordings,
        weaknesses=weaknesses,
        suggestions=suggestions,
        first_seen=group.first_at,
        last_seen=group.last_at,
    )


def _gaps(
    tallies: dict[str, _Tally], closed: tuple[ClosedGap, ...]
) -> tuple[PreparationGap, ...]:
    groups, keys = _group(tallies, 1)
    # The latest closure that applies to each group, by its root key.
    closures: dict[str, tuple[_Stamp, pendulum.DateTime]] = {}
    for gap in closed:
        stamp = _stamp(gap.closed_at)
        for root in keys.roots_matching(gap.gap):
            name = " ".join(root)
            known = closures.get(name)
            if known is None or stamp > known[0]:
                closures[name] = (stamp, gap.closed_at)
    made = []
    for group in groups:
        closure = closures.get(group.key)
        made.append(
            _make(
                PreparationGap,
                key=group.key,
                wordings=group.wordings,
                count=group.marks[0],
                first_seen=group.first_at,
                last_seen=group.last_at,
                closed_at=None if closure is None else closure[1],
            )
        )
    return tuple(made)
