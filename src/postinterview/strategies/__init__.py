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
changes, where scheduling code breaks. Every instant and date drawn lies in
the library's range (1900-01-01T00:00Z up to 2200-01-01T00:00Z; the widest
bounds are ``RANGE_MIN`` and ``RANGE_MAX``). Applications have legal histories
only: each is built event by event with ``Application.record``. Everything
shrinks towards simple values: UTC, the earliest allowed instant, no optional
fields, no people, no events.
"""

# The names imported as themselves are not in __all__ but stay importable
# from here: the bounds the strategies default to, the widest they take (the
# library's range), and helpers tests reach.
from postinterview.strategies._calendars import DEFAULT_MAX_DATE as DEFAULT_MAX_DATE
from postinterview.strategies._calendars import DEFAULT_MIN_DATE as DEFAULT_MIN_DATE
from postinterview.strategies._calendars import calendars, local_calendars
from postinterview.strategies._events import events
from postinterview.strategies._feedback import feedback
from postinterview.strategies._histories import applications, next_events
from postinterview.strategies._instants import DEFAULT_MAX as DEFAULT_MAX
from postinterview.strategies._instants import DEFAULT_MIN as DEFAULT_MIN
from postinterview.strategies._instants import RANGE_MAX as RANGE_MAX
from postinterview.strategies._instants import RANGE_MIN as RANGE_MIN
from postinterview.strategies._instants import _transitions as _transitions
from postinterview.strategies._instants import aware_datetimes, zone_names
from postinterview.strategies._interviews import interviews, people, salary_ranges
from postinterview.strategies._learning import _ENDS as _ENDS
from postinterview.strategies._learning import _LOG_ZONES as _LOG_ZONES
from postinterview.strategies._learning import _SEPARATORS as _SEPARATORS
from postinterview.strategies._learning import _variants as _variants
from postinterview.strategies._learning import closed_gaps, learning_logs, log_entries
from postinterview.strategies._notes import (
    highlights,
    interview_notes,
    own_questions,
    questions_asked,
    role_insights,
)
from postinterview.strategies._policies import policies
from postinterview.strategies._reflection import (
    fit_assessments,
    ratings,
    reservations,
    scorecards,
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
    "local_calendars",
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
