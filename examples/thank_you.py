"""Draft a personal thank-you note to each member of an interview panel.

Three people interviewed the candidate, each about a different part of the
job, so each note comes back to that person's own part of the conversation.
Panel members compare notes; ``check_panel`` makes sure no two read the same.

Run it with ``python examples/thank_you.py``.
"""

from __future__ import annotations

import pendulum

from postinterview import Interview, Person, letters

ENDS_AT = pendulum.datetime(2026, 11, 24, 11, 0, tz="America/Chicago")

PANEL = {
    Person(
        name="Maria González",
        title="Director of Clinical Operations",
        email="m.gonzalez@northfield-health.example",
    ): "how the clinics hand patient records between shifts",
    Person(
        name="Wei Chen",
        title="Lead Analyst",
        email="wei.chen@northfield-health.example",
    ): "the dashboard the nursing teams check each morning",
    Person(
        name="Aoife Brennan",
        title="People Partner",
        email="aoife.brennan@northfield-health.example",
    ): "the mentoring scheme for new analysts",
}


def build() -> Interview:
    """Return the panel interview this example is about."""
    return Interview(
        organisation="Northfield Health",
        role="Operations Analyst",
        starts_at=ENDS_AT.subtract(minutes=75),
        ends_at=ENDS_AT,
        interviewers=tuple(PANEL),
    )


def main() -> None:
    """Draft, check and print the three notes."""
    me = letters.Candidate(
        name="Jordan Reyes",
        email="jordan.reyes@example.org",
        signature=("linkedin.com/in/jordanreyes",),
    )
    drafts = letters.thank_you_each(
        build(),
        sender=me,
        highlights=PANEL,
        forgot="I also built the rota planner my current team still uses",
        locale="en_US",
    )
    for draft in drafts:
        print(f"To: {draft.to.name} <{draft.to.email}>")
        print(f"Subject: {draft.subject}")
        print()
        print(draft.text)
        print("-" * 72)
    findings = letters.check_panel(drafts)
    print(f"Findings: {len(findings)}")
    for finding in findings:
        print(f"  {finding.code}: {finding.message}")


if __name__ == "__main__":
    main()
