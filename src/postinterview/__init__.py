"""postinterview: what a candidate does after a job interview.

The record of an interview and the notes written straight after it, as
validated, immutable values that serialize to JSON without loss. See the
documentation for the follow-up rules and letters built on them.
"""

from __future__ import annotations

from postinterview.errors import (
    NaiveDatetimeError,
    PostInterviewError,
    PostInterviewWarning,
    SchemaError,
    TimelineError,
    ValidationError,
)
from postinterview.interview import (
    Channel,
    Format,
    Interview,
    Period,
    Person,
    RunBy,
    SalaryRange,
)
from postinterview.notes import (
    Highlight,
    InterviewNotes,
    OwnQuestion,
    QuestionAsked,
    RoleInsight,
)

__all__ = [
    "Channel",
    "Format",
    "Highlight",
    "Interview",
    "InterviewNotes",
    "NaiveDatetimeError",
    "OwnQuestion",
    "Period",
    "Person",
    "PostInterviewError",
    "PostInterviewWarning",
    "QuestionAsked",
    "RoleInsight",
    "RunBy",
    "SalaryRange",
    "SchemaError",
    "TimelineError",
    "ValidationError",
]


def _hypothesis_setup_hook() -> None:
    """Register the record strategies for ``st.from_type``; Hypothesis calls this.

    The ``hypothesis`` entry point of this package names this function, so it
    runs whenever Hypothesis is imported. It lives here rather than in
    :mod:`postinterview.strategies` because that module imports Hypothesis,
    which would then load the entry point of a half-imported module. The
    strategies are deferred for the same reason.
    """
    from hypothesis import strategies as st  # noqa: PLC0415 - optional dependency

    def lazily(name: str) -> st.SearchStrategy[object]:
        def build() -> st.SearchStrategy[object]:
            from postinterview import strategies  # noqa: PLC0415 - see above

            made: st.SearchStrategy[object] = getattr(strategies, name)()
            return made

        return st.deferred(build)

    for record, name in (
        (Person, "people"),
        (SalaryRange, "salary_ranges"),
        (Interview, "interviews"),
        (InterviewNotes, "interview_notes"),
        (QuestionAsked, "questions_asked"),
        (RoleInsight, "role_insights"),
        (OwnQuestion, "own_questions"),
        (Highlight, "highlights"),
    ):
        st.register_type_strategy(record, lazily(name))
