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
