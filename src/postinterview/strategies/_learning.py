"""The learning log: entries, closed gaps and logs.

Questions, gaps and feedback themes come from small pools of wordings, each
varied in case, spacing and punctuation, so that the log's grouping has
something to group.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import pendulum
from hypothesis import strategies as st

from postinterview import _time
from postinterview.feedback import Feedback
from postinterview.interview import Interview
from postinterview.learning import ClosedGap, LearningLog, LogEntry
from postinterview.notes import InterviewNotes, QuestionAsked
from postinterview.reflection import Criterion, Rating, Scorecard
from postinterview.strategies._instants import (
    DEFAULT_MAX,
    DEFAULT_MIN,
    RANGE_MAX,
    ROUND_ROOM,
    _after,
    aware_datetimes,
)
from postinterview.strategies._interviews import _room_for_a_round
from postinterview.timeline import Application

# Zones the log's own tests draw from by default.
_LOG_ZONES = ("UTC", "Europe/London", "America/New_York", "Asia/Kolkata")

#: Phrasings that group in several ways: the same question in other words,
#: questions one word apart, and different questions that share words.
_QUESTION_POOL = (
    "Tell me about yourself.",
    "Could you tell me a bit about yourself?",
    "What's your greatest weakness?",
    "What is your greatest strength?",
    "Tell me about a time you led a team.",
    "Give an example of when you led a new team",
    "Tell me about a new team",
    "Tell me about a failure",
    "Tell me about a success",
    "Why should we hire you?",
    "Why should we not hire you?",
    "How do you prioritise competing deadlines?",
    "How do you prioritise deadlines?",
    "Where do you see yourself in five years' time?",
    "What do you do?",
)
_GAP_POOL = (
    "SQL window functions",
    "window functions",
    "advanced SQL window functions",
    "their competitors",
    "their main competitors",
    "the regulator's new rules",
)
_THEME_POOL = (
    "Answers lacked specific examples",
    "Use more specific examples",
    "Research our products",
    "Did not research our products",
    "Close with the next steps",
)
_SEPARATORS = (" ", "  ", "\t", ", ", " - ", "; ", "... ", "/", " (", ") ")
_ENDS = ("", "?", ".", "!", " ?!", "...", ")", '"', "  ")
_CASES: tuple[Callable[[str], str], ...] = (str, str.lower, str.upper, str.title)


def _variants(text: str) -> st.SearchStrategy[str]:
    """Return a strategy for *text* written with other case, spacing and punctuation.

    Requires hypothesis.

    Words keep their letters and order; each word's case changes, the spaces
    between words become other whitespace or punctuation, and punctuation is
    added at either end. Apostrophes inside words stay. Shrinks towards
    *text* with single spaces and no punctuation added.
    """
    words = text.split()

    @st.composite
    def draw(draw: st.DrawFn) -> str:
        cased: list[str] = [draw(st.sampled_from(_CASES))(word) for word in words]
        joined = cased[0]
        for word in cased[1:]:
            joined += draw(st.sampled_from(_SEPARATORS)) + word
        return draw(st.sampled_from(_ENDS)) + joined + draw(st.sampled_from(_ENDS))

    return draw()


def _written(pool: Sequence[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(pool).flatmap(_variants)


# Built once: building strategies inside a draw is slow.
_LOG_SCORES = st.integers(1, 5)
_LOG_QUESTIONS = st.lists(
    st.builds(
        QuestionAsked,
        text=_written(_QUESTION_POOL),
        answered_well=st.none() | st.booleans(),
    ),
    max_size=4,
)
_GAPS_NOTED = st.lists(_written(_GAP_POOL), max_size=2)
_THEMES_SAID = st.lists(_written(_THEME_POOL), max_size=2)


def log_entries(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[LogEntry]:
    """Return a strategy for valid :class:`LogEntry` values.

    Requires hypothesis.

    The application has 1 to 3 rounds, the first starting between
    *min_value* and *max_value* in a zone from *timezones* (DST changes
    included, as :func:`postinterview.strategies.aware_datetimes` draws
    them). Each round may have a scorecard and notes, written up to a day
    after it ended and before the next round ended; questions, gaps and
    feedback come from small pools of wordings, each varied in case, spacing
    and punctuation, so that they group and recur. Everything stays inside
    the library's range, as :func:`postinterview.strategies.interviews`
    keeps it: near its end, fewer rounds, and what follows them at its last
    instant. Shrinks towards one round with nothing written.
    """
    starts = aware_datetimes(
        min_value=min_value,
        max_value=_room_for_a_round(min_value, max_value),
        timezones=timezones,
    )

    @st.composite
    def draw(draw: st.DrawFn) -> LogEntry:
        rounds = _log_rounds(draw, draw(starts))
        cards: list[Scorecard] = []
        written: list[InterviewNotes] = []
        for number, held in enumerate(rounds):
            minutes = draw(st.integers(0, _minutes_to_reflect(rounds, number)))
            at = _after(held.ends_at, dt.timedelta(minutes=minutes))
            if draw(st.booleans()):
                cards.append(_log_scorecard(draw, at))
            if draw(st.booleans()):
                written.append(_log_notes(draw, at))
        said = [_log_feedback(draw, rounds[-1])] if draw(st.booleans()) else []
        return LogEntry(
            application=Application(interviews=rounds),
            scorecards=cards,
            notes=written,
            feedback=said,
        )

    return draw()


_LAST = RANGE_MAX.replace(tzinfo=None)
_FEEDBACK_HOURS = st.integers(0, 24 * 20)


def _log_rounds(draw: st.DrawFn, begins: pendulum.DateTime) -> list[Interview]:
    """Draw 1 to 3 rounds, the first starting at *begins*, each after the last."""
    tz = _time.zone(_time.zone_name(begins))
    utc = _time.naive_utc(begins)
    rounds = []
    for number in range(draw(st.integers(1, 3))):
        if utc > _LAST - ROUND_ROOM:
            break  # no room for another round before the end of the range
        ends = min(utc + dt.timedelta(minutes=draw(st.integers(10, 120))), _LAST)
        rounds.append(
            Interview(
                organisation=draw(st.sampled_from(("Acme Ltd", "Beta plc"))),
                role="Analyst",
                starts_at=_time.from_naive_utc(utc, tz),
                ends_at=_time.from_naive_utc(ends, tz),
                round=number + 1,
            )
        )
        utc = ends + dt.timedelta(hours=draw(st.integers(0, 24 * 30)))
    return rounds


def _minutes_to_reflect(rounds: Sequence[Interview], number: int) -> int:
    """How many minutes after round *number* ends its reflection may come.

    Within a day, and before the next round ends: a reflection belongs to the
    round that ended last before it.
    """
    limit = 24 * 60
    if number + 1 < len(rounds):
        # In UTC: pendulum's diff counts some spans across a DST change by
        # the wall clock.
        gap = _time.naive_utc(rounds[number + 1].ends_at) - _time.naive_utc(
            rounds[number].ends_at
        )
        limit = min(limit, int(gap.total_seconds() // 60) - 1)
    return limit


def _log_scorecard(draw: st.DrawFn, at: pendulum.DateTime) -> Scorecard:
    """Draw a scorecard written at *at* that rates some of the criteria."""
    ratings = [
        Rating(criterion=c, score=draw(_LOG_SCORES))
        for c in Criterion
        if draw(st.booleans())
    ]
    return Scorecard(written_at=at, overall=5, ratings=ratings)


def _log_notes(draw: st.DrawFn, at: pendulum.DateTime) -> InterviewNotes:
    """Draw notes written at *at*: questions asked and gaps found."""
    asked = draw(_LOG_QUESTIONS)
    gaps = draw(_GAPS_NOTED)
    return InterviewNotes(written_at=at, questions=asked, preparation_gaps=gaps)


def _log_feedback(draw: st.DrawFn, last: Interview) -> Feedback:
    """Draw feedback received up to twenty days after the *last* round."""
    return Feedback(
        received_at=_after(last.ends_at, dt.timedelta(hours=draw(_FEEDBACK_HOURS))),
        weaknesses=draw(_THEMES_SAID),
        suggestions=draw(_THEMES_SAID),
    )


def closed_gaps() -> st.SearchStrategy[ClosedGap]:
    """Return a strategy for :class:`ClosedGap` values from the gap pool.

    Requires hypothesis.

    Shrinks towards the first gap of the pool, closed at the earliest instant.
    """
    return st.builds(
        ClosedGap,
        gap=_written(_GAP_POOL),
        closed_at=aware_datetimes(),
    )


def learning_logs(*, max_entries: int = 6) -> st.SearchStrategy[LearningLog]:
    """Return a strategy for :class:`LearningLog` values.

    Requires hypothesis.

    Up to *max_entries* entries drawn by :func:`log_entries` and up to two
    closed gaps. Shrinks towards the empty log.
    """
    return st.builds(
        LearningLog,
        entries=st.lists(log_entries(), max_size=max_entries),
        closed_gaps=st.lists(closed_gaps(), max_size=2),
    )
