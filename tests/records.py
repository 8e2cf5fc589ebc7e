"""A Hypothesis strategy for every record that postinterview.serialize writes.

The tests of the JSON format, the JSON Schema and the command line's files
draw from these; ``RECORD_STRATEGIES`` has one entry per serializable record,
by class name, which those tests check against the records there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st

from postinterview import Action, Application, Plan, plan, strategies
from postinterview.letters import KINDS, Draft
from postinterview.reflection import Criterion

# Applications near the end of the library's range give plans whose actions
# lie past it, which an action may hold.
_LATE = dt.datetime(2199, 6, 1, tzinfo=dt.UTC)


def _latest(application: Application) -> dt.datetime:
    """The last instant the application records: its latest event or round."""
    instants = [interview.ends_at for interview in application.rounds]
    instants.extend(event.at for event in application.events)
    return max(instants, key=lambda instant: instant.timestamp())


def _planned(application: Application, hours: int) -> Plan:
    now = _latest(application) + dt.timedelta(hours=hours)
    return plan(application, now=min(now, strategies.RANGE_MAX))


def plans() -> st.SearchStrategy[Plan]:
    """Plans of generated applications, some a few months after their events,
    a few near the end of the library's range."""
    applications = strategies.applications(max_events=6) | strategies.applications(
        min_value=_LATE, max_value=strategies.RANGE_MAX, max_events=4
    )
    return st.builds(_planned, applications, st.integers(0, 24 * 120))


def _pick(timetable: Plan, index: int) -> Action:
    every = (
        *timetable.actions,
        *timetable.lapsed,
        *(done.action for done in timetable.done),
    )
    return every[index % len(every)]


def actions() -> st.SearchStrategy[Action]:
    """Actions a plan owes, let lapse or saw done."""
    # Mapped rather than flat-mapped: a strategy sampling from a drawn plan
    # would carry the whole plan in its repr, which Hypothesis warns about.
    return st.builds(
        _pick,
        plans().filter(lambda p: bool(p.actions or p.lapsed or p.done)),
        st.integers(0, 100),
    )


def drafts() -> st.SearchStrategy[Draft]:
    """Drafts with any text and HTML, about an interview or not."""
    line = st.text(min_size=1).map(str.strip).filter(lambda t: t and t.isprintable())
    return st.builds(
        Draft,
        kind=st.sampled_from(KINDS) | line,
        to=strategies.people(),
        subject=line,
        text=st.text(),
        html=st.text(),
        locale=st.sampled_from(["en_GB", "en_US"]),
        interview=st.none() | strategies.interviews(),
    )


RECORD_STRATEGIES: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "Person": strategies.people,
    "SalaryRange": strategies.salary_ranges,
    "Interview": strategies.interviews,
    "QuestionAsked": strategies.questions_asked,
    "RoleInsight": strategies.role_insights,
    "OwnQuestion": strategies.own_questions,
    "Highlight": strategies.highlights,
    "InterviewNotes": strategies.interview_notes,
    "Application": strategies.applications,
    "Rating": strategies.ratings,
    "Reservation": strategies.reservations,
    "FitAssessment": strategies.fit_assessments,
    "Scorecard": strategies.scorecards,
    "Feedback": strategies.feedback,
    "LogEntry": strategies.log_entries,
    "LearningLog": lambda: strategies.learning_logs(max_entries=3),
    # Mapped rather than flat-mapped, as in actions().
    "CriterionTrend": lambda: st.builds(
        lambda log, criterion: log.criterion(criterion),
        strategies.learning_logs(max_entries=3),
        st.sampled_from(Criterion),
    ),
    "PrepFocus": lambda: st.builds(
        lambda log, interview: log.prepare(interview),
        strategies.learning_logs(max_entries=3),
        strategies.interviews(),
    ),
    "Action": actions,
    "Plan": plans,
    "Draft": drafts,
}


def any_record() -> st.SearchStrategy[Any]:
    """Any record, of any class in ``RECORD_STRATEGIES``."""
    return st.one_of([make() for make in RECORD_STRATEGIES.values()])


def lean(examples: int) -> int:
    """*examples* in the default profile; a profile that asks for more (the
    thorough one) gets that many."""
    asked = settings.default.max_examples
    return asked if asked > 100 else examples
