"""Record a panel interview, show it, write it as JSON, plan, and draft.

The panel met the candidate at a London firm; one of the two interviewers
joined from New York, so their part of the day is shown in their own zone.
The employer said they would decide within a week. Twenty minutes after the
end, the candidate has written their notes; the plan says what is still owed,
and the first thank-you note it asks for is drafted.

Run it with ``python examples/quickstart.py``.
"""

from __future__ import annotations

import pendulum

from postinterview import (
    Application,
    Channel,
    Format,
    Interview,
    NotesWritten,
    Person,
    Plan,
    letters,
    plan,
)
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
    """Build the interview, print it for a person and as JSON, plan, draft."""
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


if __name__ == "__main__":
    main()
