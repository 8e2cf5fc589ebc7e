"""Hypothesis strategies for the library's records (requires hypothesis).

Use them to property-test code that consumes ``postinterview`` values::

    from hypothesis import given
    from postinterview.strategies import interviews

    @given(interviews())
    def test_my_reminders(interview): ...

Installing ``postinterview`` also registers these strategies with Hypothesis,
so ``st.from_type(Interview)`` and ``st.builds(...)`` with record-typed
arguments work without importing this package.

Instants come from every IANA zone and lean towards the moments around DST
changes, where scheduling code breaks. Applications have legal histories
only: each is built event by event with ``Application.record``. Everything
shrinks towards simple values: UTC, the earliest allowed instant, no optional
fields, no people, no events.
"""

# The names outside __all__ are importable here as before the split: the
# bounds the strategies default to, and helpers that the tests reach.
from postinterview.strategies._histories import (
    _ENDS,  # noqa: F401
    _LOG_ZONES,  # noqa: F401
    _SEPARATORS,  # noqa: F401
    DEFAULT_MAX,  # noqa: F401
    DEFAULT_MAX_DATE,  # noqa: F401
    DEFAULT_MIN,  # noqa: F401
    DEFAULT_MIN_DATE,  # noqa: F401
    _transitions,  # noqa: F401
    _variants,  # noqa: F401
    applications,
    aware_datetimes,
    calendars,
    closed_gaps,
    events,
    feedback,
    fit_assessments,
    highlights,
    interview_notes,
    interviews,
    learning_logs,
    log_entries,
    next_events,
    own_questions,
    people,
    policies,
    questions_asked,
    ratings,
    reservations,
    role_insights,
    salary_ranges,
    scorecards,
    zone_names,
)

__all__ = [
    "applications",
    "aware_datetimes",
    "calendars",
    "closed_gaps",
    "events",
    "feedback",
    "fit_assessments",
    "highlights",
    "interview_notes",
    "interviews",
    "learning_logs",
    "log_entries",
    "next_events",
    "own_questions",
    "people",
    "policies",
    "questions_asked",
    "ratings",
    "reservations",
    "role_insights",
    "salary_ranges",
    "scorecards",
    "zone_names",
]
