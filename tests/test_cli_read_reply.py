"""``postinterview read-reply``: the reading printed, and the record written
back with --apply, a backup kept and nothing lost on an error.

The runs are in this interpreter (``cli.main``): reading a reply needs no
fresh process, and these tests look at files more than at output.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from postinterview import ActionKind, Application, Rejected, Withdrew, plan
from postinterview.cli import main
from postinterview.cli._records import load
from postinterview.serialize import to_json, to_toml

ROOT = Path(__file__).resolve().parent.parent
APPLICATION = ROOT / "examples" / "application.toml"
REPLY = ROOT / "examples" / "reply.eml"


@pytest.fixture
def record(tmp_path: Path) -> Path:
    copy = tmp_path / "application.toml"
    shutil.copy(APPLICATION, copy)
    return copy


def test_it_prints_the_reading_and_leaves_the_record(
    record: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = record.read_bytes()
    assert main(["read-reply", str(REPLY), "--record", str(record)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kind: rejection")
    assert "Priya Shah (matched by address)" in out
    assert '"decided not to take"' in out
    assert record.read_bytes() == before
    assert not record.with_name("application.toml.bak").exists()


def test_apply_records_the_events_and_keeps_a_backup(
    record: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = record.read_bytes()
    assert main(["read-reply", str(REPLY), "--record", str(record), "--apply"]) == 0
    assert "Recorded 1 event" in capsys.readouterr().out
    assert record.with_name("application.toml.bak").read_bytes() == before
    application = load(record)
    assert isinstance(application, Application)
    rejected = application.events[-1]
    assert isinstance(rejected, Rejected)
    assert rejected.feedback_offered
    assert rejected.by is not None
    assert rejected.by.name == "Priya Shah"
    kinds = {a.kind for a in plan(application, now=rejected.at.add(hours=1)).actions}
    assert ActionKind.REQUEST_FEEDBACK in kinds
    assert ActionKind.CHECK_IN not in kinds
    # The same record as JSON is written back as JSON.
    as_json = record.with_suffix(".json")
    as_json.write_text(to_json(load(APPLICATION)), encoding="utf-8")
    assert main(["read-reply", str(REPLY), "--record", str(as_json), "--apply"]) == 0
    assert as_json.read_text(encoding="utf-8").lstrip().startswith("{")


def test_a_reply_read_twice_is_not_recorded_twice(
    record: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["read-reply", str(REPLY), "--record", str(record), "--apply"])
    capsys.readouterr()
    once = record.read_bytes()
    # Read again: the application is already rejected, so the rejection is
    # not suggested twice, and nothing else is said outright.
    status = main(["read-reply", str(REPLY), "--record", str(record), "--apply"])
    captured = capsys.readouterr()
    assert status == 2
    assert "repeats the rejection already recorded" in captured.err
    assert record.read_bytes() == once


def test_an_unknown_reply_is_not_applied(
    record: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reply = tmp_path / "reply.eml"
    reply.write_text(
        "From: Priya Shah <priya.shah@larkspur.example>\n"
        "Date: Mon, 30 Nov 2026 10:12:00 +0000\n\nThanks, noted.\n",
        encoding="utf-8",
    )
    before = record.read_bytes()
    assert main(["read-reply", str(reply), "--record", str(record), "--apply"]) == 2
    assert "kind is unknown" in capsys.readouterr().err
    assert record.read_bytes() == before


@pytest.mark.parametrize(
    ("contents", "message"),
    [
        (None, "no such file"),
        ("From: a@b.example\n\nNo date here.\n", "no Date header"),
    ],
)
def test_a_message_that_cannot_be_read_is_named(
    record: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    contents: str | None,
    message: str,
) -> None:
    reply = tmp_path / "reply.eml"
    if contents is not None:
        reply.write_text(contents, encoding="utf-8")
    assert main(["read-reply", str(reply), "--record", str(record)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("postinterview: error: ")
    assert message in err


def test_an_event_the_record_refuses_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    application = load(APPLICATION)
    assert isinstance(application, Application)
    withdrawn = application.record(Withdrew(at=application.events[-1].at.add(days=1)))
    record = tmp_path / "withdrawn.toml"
    record.write_text(to_toml(withdrawn), encoding="utf-8")
    before = record.read_bytes()
    assert main(["read-reply", str(REPLY), "--record", str(record), "--apply"]) == 2
    assert "Withdrew" in capsys.readouterr().err
    assert record.read_bytes() == before
    assert not record.with_name("withdrawn.toml.bak").exists()
