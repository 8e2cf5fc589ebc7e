"""Follow one interview through the library: record, plan, draft, reflect, learn.

The panel met the candidate at a London firm; one of the two interviewers
joined from New York, so their part of the day is shown in their own zone.
The employer said they would decide within a week. Twenty minutes after the
end, the candidate has written their notes; the plan says what is still owed,
and the first thank-you note it asks for is drafted. The candidate's
scorecard is reviewed, and read with two earlier interviews in a learning
log that says what to practise next.

Run it with ``python examples/quickstart.py``.
"""

from __future__ import annotations

import pendulum

from postinterview import (
    Application,
    Channel,
    Format,
    Interview,
    InterviewNotes,
    LearningLog,
    LogEntry,
    NotesWritten,
    Person,
    Plan,
    QuestionAsked,
    Scorecard,
    letters,
    plan,
)
from postinterview.reflection import Criterion, Rating, review
from postinterview.serialize import to_json

ME = letters.Candidate(
    name="Sam Jones", email="sam.jones@example.org", phone="+44 7700 900123"
)

DAY = "dddd D MMMM YYYY"


def build() -> Interview:
    """Return the interview this example is about."""
    ends_at = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    return Interview(
        organisation="Larkspur Analytics Ltd",
        role="Data Engineer",
        starts_at=ends_at.subtract(hours=1),
        ends_at=ends_at,
        interviewers=(
            Person(
                name="Priya Shah",
                title="Head of Data Platform",
                email="priya.shah@larkspur.example",
                timezone="Europe/London",
            ),
            Person(
                name="Daniel Okafor",
                title="Engineering Manager",
                email="d.okafor@larkspur.example",
                timezone="America/New_York",
            ),
        ),
        format=Format.IN_PERSON,
        location="Larkspur Analytics, London office (New York on video)",
        next_stage="a take-home exercise, then a final interview",
        decision_expected_by=pendulum.date(2026, 11, 27),
        preferred_channel=Channel.EMAIL,
        references_may_be_contacted=True,
    )


def describe(iv: Interview) -> str:
    """Return a few lines that a person can read at a glance."""
    starts, ends = iv.starts_at, iv.ends_at
    lines = [
        f"{iv.organisation}: {iv.role} (round {iv.round}, {iv.format.value})",
        f"When: {starts.format(DAY)}, {starts:%H:%M} to {ends:%H:%M} {iv.timezone}",
        f"Where: {iv.location}",
        "Interviewers:",
    ]
    for person in iv.interviewers:
        zone = person.timezone or iv.timezone
        local_start, local_end = starts.in_timezone(zone), ends.in_timezone(zone)
        lines.append(
            f"  {person.name}, {person.title} <{person.email}>: "
            f"{local_start:%H:%M} to {local_end:%H:%M} {zone}"
        )
    if iv.decision_expected_by is None:
        lines.append("Decision: no date given")
    else:
        lines.append(f"Decision expected by: {iv.decision_expected_by.format(DAY)}")
    lines.append(f"Next stage: {iv.next_stage}")
    return "\n".join(lines)


def timetable(iv: Interview) -> Plan:
    """Return the plan twenty minutes after the interview, notes written."""
    application = Application.from_interview(iv)
    application = application.record(NotesWritten(at=iv.ends_at.add(minutes=15)))
    return plan(application, now=iv.ends_at.add(minutes=20))


def main() -> None:
    """Build the interview, print it, plan, draft, review and learn."""
    iv = build()
    print(describe(iv))
    print()
    print("As JSON:")
    print(to_json(iv, indent=2))
    print()
    print("Still owed:")
    owed = timetable(iv)
    for action in owed:
        who = action.recipient.name if action.recipient else "you"
        when = action.send_at.format("ddd D MMM HH:mm zz")
        print(f"  {action.kind.name:<17} {who:<14} {when}  {action.rationale}")
    first = owed.next()
    if first is None:  # nothing owed, nothing to draft
        return
    draft = letters.draft_for(
        first,
        Application.from_interview(iv),
        sender=ME,
        highlight="how the platform team plans to retire its nightly batch jobs",
    )
    print()
    print(f"First draft, to send {first.send_at.format('ddd D MMM HH:mm zz')}:")
    print(f"To: {draft.to.name} <{draft.to.email}>")
    print(f"Subject: {draft.subject}")
    print()
    print(draft.text, end="")
    card = reflection(iv)
    print()
    print("Review of the scorecard:")
    for finding in review(card, iv):
        print(f"  {finding.code}: {finding.text or finding.message}")
    print()
    print("Learning log, with two earlier interviews:")
    log = learning_log(iv, card)
    for trend in log.criteria:
        if not trend.points:
            continue
        scores = " ".join(str(point.score) for point in trend.points)
        print(f"  {trend.criterion.name:<10} {trend.trend.name:<15} {scores}")
    nxt = iv.ends_at.add(weeks=2)
    focus = log.prepare(
        Interview(
            organisation="Harbour Logistics",
            role="Data Engineer",
            starts_at=nxt,
            ends_at=nxt.add(hours=1),
        )
    )
    print("Practise before the next interview:")
    for question in focus.questions:
        print(f"  {question.question.text} ({question.reason})")
    for weak in focus.criteria[:1]:
        print(f"  {weak.criterion.name}: {weak.reason}")


def reflection(iv: Interview) -> Scorecard:
    """Return the scorecard the candidate wrote 25 minutes after the end."""
    scores = {"RAPPORT": 4, "FRAME": 3, "LISTENING": 4, "EXAMPLES": 4, "CLOSING": 2}
    return Scorecard(
        written_at=iv.ends_at.add(minutes=25),
        overall=7,
        went_well=["The warehouse migration story landed with both of them"],
        to_improve=[
            "Be more confident",
            "Ask about next steps before they start wrapping up",
        ],
        ratings=[
            Rating(
                criterion=Criterion[name],
                score=score,
                note="Ran out of time and never asked about next steps"
                if name == "CLOSING"
                else None,
            )
            for name, score in scores.items()
        ],
    )


def learning_log(iv: Interview, card: Scorecard) -> LearningLog:
    """Return the log of this interview and two earlier ones."""

    def entry(weeks_before: int, closing: int, went_well: bool) -> LogEntry:
        ends = iv.ends_at.subtract(weeks=weeks_before)
        earlier = Interview(
            organisation=f"Earlier employer {weeks_before}",
            role="Data Engineer",
            starts_at=ends.subtract(hours=1),
            ends_at=ends,
        )
        written = ends.add(minutes=15)
        return LogEntry(
            application=Application.from_interview(earlier),
            scorecards=[
                Scorecard(
                    written_at=written,
                    overall=6,
                    ratings=[Rating(criterion=Criterion.CLOSING, score=closing)],
                )
            ],
            notes=[
                InterviewNotes(
                    written_at=written,
                    questions=[
                        QuestionAsked(
                            text="Tell me about a pipeline that failed in production",
                            answered_well=went_well,
                        )
                    ],
                )
            ],
        )

    today = LogEntry(
        application=Application.from_interview(iv),
        scorecards=[card],
        notes=[
            InterviewNotes(
                written_at=card.written_at,
                questions=[
                    QuestionAsked(
                        text="Tell me about a time a pipeline failed in production.",
                        answered_well=False,
                    )
                ],
            )
        ],
    )
    return LearningLog(entries=[entry(6, 4, True), entry(3, 3, False), today])


if __name__ == "__main__":
    main()
