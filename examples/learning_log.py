"""Read four interviews as one story, and prepare for the fifth.

A candidate has interviewed four times this autumn. After each interview they
rated themselves, noted the questions they were asked and how they went, and
wrote down what they found they did not know; one employer gave feedback.
The learning log shows what is getting better, what keeps coming back, and
what to practise before the next interview.

Run it with ``python examples/learning_log.py``.
"""

from __future__ import annotations

import pendulum

from postinterview import (
    Application,
    Feedback,
    Interview,
    InterviewNotes,
    LearningLog,
    LogEntry,
    QuestionAsked,
    Scorecard,
)
from postinterview.reflection import Criterion, Rating

ZONE = "Europe/London"

# Each interview: the day, the organisation, the scores per criterion, the
# questions and whether they went well, and the preparation gaps.
History = tuple[
    tuple[tuple[int, int, int], str, dict[str, int], list[tuple[str, bool]], list[str]],
    ...,
]
HISTORY: History = (
    (
        (2026, 9, 14),
        "Larkspur Analytics",
        {"RAPPORT": 4, "EXAMPLES": 2, "LISTENING": 3, "CLOSING": 3},
        [
            ("Tell me about yourself.", True),
            ("Describe a time a pipeline failed in production.", False),
            ("Why do you want to leave your current job?", True),
        ],
        ["dbt incremental models"],
    ),
    (
        (2026, 10, 2),
        "Northfield Health",
        {"RAPPORT": 4, "EXAMPLES": 3, "LISTENING": 3, "CLOSING": 2},
        [
            ("Could you tell me a bit about yourself?", True),
            ("Tell me about a time a data pipeline failed in production", False),
            ("How do you handle competing deadlines?", False),
        ],
        ["the NHS data standards"],
    ),
    (
        (2026, 10, 21),
        "Cirrus Freight",
        {"RAPPORT": 5, "EXAMPLES": 4, "LISTENING": 4, "CLOSING": 2},
        [
            ("How do you prioritise competing deadlines?", False),
            ("What is your greatest strength?", True),
        ],
        ["dbt incremental models", "their routing software"],
    ),
    (
        (2026, 11, 9),
        "Beacon Energy",
        {"RAPPORT": 4, "EXAMPLES": 4, "LISTENING": 4, "CLOSING": 1},
        [
            ("Describe a time a pipeline failed in production.", True),
            ("How do you handle competing deadlines?", False),
        ],
        [],
    ),
)


def entry(
    day: tuple[int, int, int],
    organisation: str,
    scores: dict[str, int],
    questions: list[tuple[str, bool]],
    gaps: list[str],
) -> LogEntry:
    """Return one application with its scorecard and notes."""
    ends_at = pendulum.datetime(*day, 15, tz=ZONE)
    interview = Interview(
        organisation=organisation,
        role="Data Engineer",
        starts_at=ends_at.subtract(hours=1),
        ends_at=ends_at,
    )
    written = ends_at.add(minutes=12)
    feedback = []
    if organisation == "Northfield Health":
        feedback.append(
            Feedback(
                received_at=ends_at.add(days=9),
                weaknesses=["Examples lacked measurable results"],
                suggestions=["Ask about next steps before the interview ends"],
            )
        )
    return LogEntry(
        application=Application.from_interview(interview),
        scorecards=[
            Scorecard(
                written_at=written,
                overall=6,
                ratings=[
                    Rating(criterion=Criterion[name], score=score)
                    for name, score in scores.items()
                ],
            )
        ],
        notes=[
            InterviewNotes(
                written_at=written,
                questions=[
                    QuestionAsked(text=text, answered_well=well)
                    for text, well in questions
                ],
                preparation_gaps=gaps,
            )
        ],
        feedback=feedback,
    )


def main() -> None:
    """Build the log, then print the trends, the questions and the focus."""
    log = LearningLog(entries=[entry(*row) for row in HISTORY])
    print("How each criterion is going:")
    for trend in log.criteria:
        if trend.points:
            scores = " ".join(str(point.score) for point in trend.points)
            print(f"  {trend.criterion.name:<10} {trend.trend.name:<16} {scores}")
    print()
    print("Questions that keep coming back:")
    for question in log.recurring_questions:
        print(
            f"  {question.asked}x  {question.text}  "
            f"(went well {question.answered_well}, badly {question.answered_badly})"
        )
    nxt = pendulum.datetime(2026, 11, 30, 10, tz=ZONE)
    focus = log.prepare(
        Interview(
            organisation="Harbour Logistics",
            role="Data Engineer",
            starts_at=nxt,
            ends_at=nxt.add(hours=1),
        )
    )
    print()
    print("Before the Harbour Logistics interview, practise:")
    for asked in focus.questions:
        print(f"  - {asked.question.text}: {asked.reason}")
    for weak in focus.criteria:
        print(f"  - {weak.criterion.name}: {weak.reason}")
    for gap in focus.gaps:
        print(f"  - {gap.gap.text}: {gap.reason}")
    for theme in focus.feedback:
        print(f"  - {theme.theme.text}: {theme.reason}")


if __name__ == "__main__":
    main()
