"""The example scripts run and print what they promise."""

from __future__ import annotations

import collections
import importlib.util
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from postinterview import Application, Interview, plan
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
    drafted, _, reviewed = drafted.partition("\nReview of the scorecard:\n")
    reviewed, _, learned = reviewed.partition("\nLearning log, with two earlier")
    assert [line.split(":")[0].strip() for line in reviewed.splitlines()] == [
        "written-late",
        "vague-improvement",
        "not-rated",
    ]
    assert "vague-improvement: Be more confident" in reviewed
    assert "CLOSING    WORSENING       4 3 2" in learned
    practise = learned.partition("Practise before the next interview:\n")[2]
    assert practise.splitlines()[0].startswith(
        "  Tell me about a pipeline that failed in production (Asked 3 times"
    )
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


def test_host_app_extends_the_packaged_thank_you_note() -> None:
    output = run_example("host_app.py")
    namespace = runpy.run_path(str(EXAMPLES / "host_app.py"))
    # The note the library drafts itself from the same details, for comparison.
    library = namespace["letters"].thank_you(
        namespace["build"](),
        to=namespace["PRIYA"],
        sender=namespace["ME"],
        highlight=namespace["HIGHLIGHT"],
    )
    headers, _, text = output.partition("\n\n")
    assert headers == (
        f"To: Priya Shah <priya.shah@larkspur.example>\nSubject: {library.subject}"
    )
    # The library's own note is all there, greeting and highlight included.
    assert text.startswith("Dear Priya Shah,\n")
    assert namespace["HIGHLIGHT"] in text
    ours, theirs = text.split("\n\n"), library.text.split("\n\n")
    added = [paragraph for paragraph in ours if paragraph not in theirs]
    assert added == [
        "In the meantime, my Canopy portfolio has write-ups of the projects I "
        "mentioned, if you would like to see more of how I work."
    ]
    # The override extended the body block: one paragraph more, just before
    # the sign-off, and nothing of the library's note lost or moved.
    at = ours.index(added[0])
    assert ours[:at] + ours[at + 1 :] == theirs
    assert ours[at + 1].startswith("Kind regards,\n")


def test_dask_plan_gives_on_two_worker_processes_what_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dask.bag as db  # noqa: PLC0415 - the scale extra, for this test only

    script = EXAMPLES / "dask_plan.py"
    spec = importlib.util.spec_from_file_location("dask_plan", script)
    assert spec is not None
    assert spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "dask_plan", example)
    spec.loader.exec_module(example)
    example.write_sample(tmp_path, count=150, files=3, scheduler="sync")
    pattern = str(tmp_path / "*.jsonl")
    in_one_process = example.agenda(pattern, scheduler="sync")
    with example.local_cluster(workers=2) as client:
        # The workers cannot import examples/ on their own.
        client.upload_file(str(script), load=True)
        pids = set(client.run(os.getpid).values())
        on_the_cluster = example.agenda(pattern)
        # Records read in a worker come back whole, by pickle.
        files = db.read_text(pattern, include_path=True, blocksize=None)
        returned = files.map_partitions(example.read_file).compute()

    assert len(pids) == 2
    assert os.getpid() not in pids
    assert on_the_cluster == in_one_process
    # Checked against a plain loop over the files, in this process.
    read = [
        (f"{path.name}:{number}", line)
        for path in sorted(tmp_path.glob("*.jsonl"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
    ]
    assert len(read) == 150
    damaged = {where for where, line in read if '"round":0' in line}
    assert {where.partition(":")[2] for where in damaged} == {"3"}
    assert on_the_cluster.refused == [
        (where, "interviews[0].round: expected an integer of at least 1, got 0")
        for where, _ in read
        if where in damaged
    ]
    applications = [
        (where, from_json(Application, line))
        for where, line in read
        if where not in damaged
    ]
    assert [pair for pair in returned if pair[0] not in damaged] == applications
    until = example.NOW.add(days=7)
    owed = [
        (where, action)
        for where, application in applications
        for action in plan(application, now=example.NOW)
        if action.kind.is_message and action.send_at < until
    ]
    assert on_the_cluster.total == len(owed)
    assert on_the_cluster.counts == collections.Counter(
        action.kind.name for _, action in owed
    )
    assert on_the_cluster.first == sorted(owed, key=example.send_order)[:5]
