"""postinterview: what a candidate does after a job interview.

The record of an interview and the notes written straight after it; the
application's history of events; and :func:`plan`, the follow-up engine that
turns that history into a timetable of what is still owed. All values are
validated, immutable and serialize to JSON without loss.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from postinterview.errors import (
    ImplausibleTimeWarning,
    NaiveDatetimeError,
    PostInterviewError,
    PostInterviewWarning,
    SchemaError,
    TemplateRenderError,
    TimelineError,
    UnsafeTemplateError,
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

if TYPE_CHECKING:
    from postinterview import letters, plot
    from postinterview.feedback import Feedback
    from postinterview.findings import Finding
    from postinterview.followup import (
        Action,
        ActionKind,
        Done,
        FollowUpPolicy,
        Plan,
        plan,
    )
    from postinterview.learning import LearningLog, LogEntry
    from postinterview.letters import Candidate, Draft
    from postinterview.notes import (
        Highlight,
        InterviewNotes,
        OwnQuestion,
        QuestionAsked,
        RoleInsight,
    )
    from postinterview.reflection import (
        Comparison,
        Criterion,
        FitAssessment,
        Rating,
        Reservation,
        Scorecard,
        Want,
    )
    from postinterview.replies import Reading, ReplyKind, read_reply
    from postinterview.timeline import (
        Application,
        CheckInSent,
        Event,
        FeedbackDeclined,
        FeedbackReceived,
        FeedbackRequested,
        LostInterest,
        NextRoundScheduled,
        NotesWritten,
        OfferAccepted,
        OfferDeclined,
        OfferReceived,
        ReferencesNotified,
        Rejected,
        ReplyReceived,
        Status,
        ThankYouSent,
        Withdrew,
    )
    from postinterview.workdays import BusinessCalendar

# Everything but the interview record and the errors is loaded on first use:
# building the many attrs classes of the notes, the timeline, the engine, the
# letters, the reflection and the learning log (and importing Jinja) is most
# of what importing the package would cost, and a host tool needs only what
# it uses.
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        ("Action", "ActionKind", "Done", "FollowUpPolicy", "Plan", "plan"),
        "postinterview.followup",
    ),
    **dict.fromkeys(
        (
            "Application",
            "CheckInSent",
            "Event",
            "FeedbackDeclined",
            "FeedbackReceived",
            "FeedbackRequested",
            "LostInterest",
            "NextRoundScheduled",
            "NotesWritten",
            "OfferAccepted",
            "OfferDeclined",
            "OfferReceived",
            "ReferencesNotified",
            "Rejected",
            "ReplyReceived",
            "Status",
            "ThankYouSent",
            "Withdrew",
        ),
        "postinterview.timeline",
    ),
    "BusinessCalendar": "postinterview.workdays",
    "Candidate": "postinterview.letters",
    "Draft": "postinterview.letters",
    **dict.fromkeys(
        (
            "Comparison",
            "Criterion",
            "FitAssessment",
            "Rating",
            "Reservation",
            "Scorecard",
            "Want",
        ),
        "postinterview.reflection",
    ),
    "Feedback": "postinterview.feedback",
    "Finding": "postinterview.findings",
    **dict.fromkeys(
        ("Highlight", "InterviewNotes", "OwnQuestion", "QuestionAsked", "RoleInsight"),
        "postinterview.notes",
    ),
    "LearningLog": "postinterview.learning",
    "LogEntry": "postinterview.learning",
    **dict.fromkeys(("Reading", "ReplyKind", "read_reply"), "postinterview.replies"),
    "letters": "postinterview",
    "plot": "postinterview",
}


def __getattr__(name: str) -> object:
    """Load the lazy names the first time one is asked for."""
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    if module == __name__:  # a submodule
        value: object = importlib.import_module(f"{__name__}.{name}")
    else:
        value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Action",
    "ActionKind",
    "Application",
    "BusinessCalendar",
    "Candidate",
    "Channel",
    "CheckInSent",
    "Comparison",
    "Criterion",
    "Done",
    "Draft",
    "Event",
    "Feedback",
    "FeedbackDeclined",
    "FeedbackReceived",
    "FeedbackRequested",
    "Finding",
    "FitAssessment",
    "FollowUpPolicy",
    "Format",
    "Highlight",
    "ImplausibleTimeWarning",
    "Interview",
    "InterviewNotes",
    "LearningLog",
    "LogEntry",
    "LostInterest",
    "NaiveDatetimeError",
    "NextRoundScheduled",
    "NotesWritten",
    "OfferAccepted",
    "OfferDeclined",
    "OfferReceived",
    "OwnQuestion",
    "Period",
    "Person",
    "Plan",
    "PostInterviewError",
    "PostInterviewWarning",
    "QuestionAsked",
    "Rating",
    "Reading",
    "ReferencesNotified",
    "Rejected",
    "ReplyKind",
    "ReplyReceived",
    "Reservation",
    "RoleInsight",
    "RunBy",
    "SalaryRange",
    "SchemaError",
    "Scorecard",
    "Status",
    "TemplateRenderError",
    "ThankYouSent",
    "TimelineError",
    "UnsafeTemplateError",
    "ValidationError",
    "Want",
    "Withdrew",
    "letters",
    "plan",
    "plot",
    "read_reply",
]


# The record each strategy of postinterview.strategies generates, for
# st.from_type: (module, record, strategy).
_STRATEGIES = (
    ("postinterview.interview", "Person", "people"),
    ("postinterview.interview", "SalaryRange", "salary_ranges"),
    ("postinterview.interview", "Interview", "interviews"),
    ("postinterview.notes", "InterviewNotes", "interview_notes"),
    ("postinterview.notes", "QuestionAsked", "questions_asked"),
    ("postinterview.notes", "RoleInsight", "role_insights"),
    ("postinterview.notes", "OwnQuestion", "own_questions"),
    ("postinterview.notes", "Highlight", "highlights"),
    ("postinterview.workdays", "BusinessCalendar", "calendars"),
    ("postinterview.workdays", "LocalCalendars", "local_calendars"),
    ("postinterview.followup", "FollowUpPolicy", "policies"),
    ("postinterview.timeline", "Application", "applications"),
    ("postinterview.reflection", "Rating", "ratings"),
    ("postinterview.reflection", "Reservation", "reservations"),
    ("postinterview.reflection", "FitAssessment", "fit_assessments"),
    ("postinterview.reflection", "Scorecard", "scorecards"),
    ("postinterview.feedback", "Feedback", "feedback"),
    ("postinterview.learning", "LogEntry", "log_entries"),
    ("postinterview.learning", "ClosedGap", "closed_gaps"),
    ("postinterview.learning", "LearningLog", "learning_logs"),
)


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
            strategies = importlib.import_module("postinterview.strategies")
            made: st.SearchStrategy[object] = getattr(strategies, name)()
            return made

        return st.deferred(build)

    for module, record, name in _STRATEGIES:
        cls = getattr(importlib.import_module(module), record)
        st.register_type_strategy(cls, lazily(name))
