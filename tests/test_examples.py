"""The example scripts run and print what they promise."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

from postinterview import Interview
from postinterview.serialize import from_json

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_example(name: str) -> str:
    """Run the example script *name* in a fresh interpreter; return its output."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert not result.stderr
    return result.stdout


def test_quickstart() -> None:
    output = run_example("quickstart.py")
    summary, _, json_text = output.partition("As JSON:\n")

    assert "Larkspur Analytics Ltd: Data Engineer" in summary
    assert "14:30 to 15:30 Europe/London" in summary
    assert "Priya Shah" in summary
    assert "Daniel Okafor" in summary
    # The New York interviewer's part of the day, in their own zone.
    assert "09:30 to 10:30 America/New_York" in summary
    assert "Decision expected by: Friday 27 November 2026" in summary

    assert "[Europe/London]" in json_text
    json_text, _, owed = json_text.partition("\nStill owed:\n")
    owed, _, drafted = owed.partition("\nFirst draft, to send Fri 20 Nov 16:30 GMT:\n")
    assert drafted.startswith("To: Priya Shah <priya.shah@larkspur.example>\n")
    assert "Subject: Data Engineer interview: thank you from Sam Jones" in drafted
    assert "\nDear Priya Shah,\n" in drafted
    assert "retire its nightly batch jobs" in drafted
    rows = [line.split()[:2] for line in owed.splitlines()]
    assert rows[:4] == [
        ["THANK", "Priya"],
        ["THANK", "Daniel"],
        ["NOTIFY_REFERENCES", "you"],
        ["CHECK_IN", "Priya"],
    ]
    # Daniel is thanked inside his own working day in New York.
    assert "Fri 20 Nov 11:30 EST" in owed
    iv = from_json(Interview, json_text)
    # Loading the script without running it gives the interview it printed.
    built = runpy.run_path(str(EXAMPLES / "quickstart.py"))["build"]()
    assert iv == built
    assert [person.timezone for person in iv.interviewers] == [
        "Europe/London",
        "America/New_York",
    ]
    assert iv.decision_expected_by is not None
    assert str(iv.decision_expected_by) == "2026-11-27"


def test_thank_you_drafts_one_note_per_panel_member() -> None:
    output = run_example("thank_you.py")
    namespace = runpy.run_path(str(EXAMPLES / "thank_you.py"))
    panel = namespace["PANEL"]
    notes = output.split("-" * 72 + "\n")
    assert len(notes) == len(panel) + 1
    for note, (person, point) in zip(notes, panel.items(), strict=False):
        assert note.startswith(f"To: {person.name} <{person.email}>\n")
        assert f"Dear {person.name}," in note
        assert point in note
        # Nobody else's point is in this note.
        assert not any(other in note for other in panel.values() if other != point)
        assert "Best regards," in note
    assert notes[-1] == "Findings: 0\n"


def test_learning_log_shows_trends_recurring_questions_and_a_focus() -> None:
    output = run_example("learning_log.py")
    trends, _, rest = output.partition("\nQuestions that keep coming back:\n")
    questions, _, focus = rest.partition("\nBefore the Harbour Logistics interview")
    rows = {line.split()[0]: line.split()[1] for line in trends.splitlines()[1:]}
    assert rows == {
        "RAPPORT": "FLAT",
        "LISTENING": "IMPROVING",
        "EXAMPLES": "IMPROVING",
        "CLOSING": "WORSENING",
    }
    # Two wordings of the pipeline question are one question, asked 3 times.
    assert "3x  Describe a time a pipeline failed in production." in questions
    items = [line for line in focus.splitlines() if line.startswith("  - ")]
    # The recurring question that never went well comes first; the worsening
    # criterion leads the criteria.
    assert items[0].startswith("  - How do you handle competing deadlines?")
    criteria = [line for line in items if line.split(":")[0].strip("- ").isupper()]
    assert criteria[0].startswith("  - CLOSING:")
    assert any("dbt incremental models: Noted twice" in line for line in items)
