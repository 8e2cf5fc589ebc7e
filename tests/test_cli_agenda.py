"""``postinterview agenda``, the plan table's lapsed actions and late send
times, the progress bar, and what the command line says about itself.

The runs that show what a person sees go through ``python -m postinterview``
in a subprocess (``run_all`` from test_cli); the properties call ``main()`` in
this process, many times over, on folders they write.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.metadata
import io
import json
import os
import shutil
import sys
import tempfile
import tomllib
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postinterview import Application, PostInterviewWarning, plan
from postinterview import strategies as pst
from postinterview.cli import _agenda, _main, _output
from postinterview.cli import _plan as plan_command
from postinterview.cli._records import application_of, load
from postinterview.errors import ImplausibleTimeWarning
from postinterview.serialize import SCHEMA_VERSION, parse_instant
from test_cli import (
    APPLICATION,
    EXAMPLE,
    LOG,
    ROOT,
    Run,
    assert_ok,
    environment,
    run_all,
)

AT = "2026-10-28T12:00Z"

# An assessment centre on a Saturday: the thank-you is due on Sunday, and
# the interviewer's first working hours in its window are on Monday morning.
SATURDAY = """\
schema_version = 4

[[interviews]]
organisation = "Harbour Foods"
role = "Data Analyst"
starts_at = "2026-11-21T09:00:00+00:00[Europe/London]"
ends_at = "2026-11-21T13:00:00+00:00[Europe/London]"
format = "ASSESSMENT_CENTRE"

[[interviews.interviewers]]
name = "Owen Hart"
email = "owen.hart@harbour.example"
timezone = "Europe/London"
"""

# The records a folder may hold, each a different application.
GOOD = {
    **{path.name: path.read_text(encoding="utf-8") for path in LOG.glob("*.toml")},
    "application.toml": APPLICATION.read_text(encoding="utf-8"),
    "saturday.toml": SATURDAY,
}


def cli(*args: str | Path) -> Run:
    """Run the command line in this process, as test_cli's runs report it."""
    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = _main.main([str(arg) for arg in args])
    out.flush()
    raw = buffer.getvalue()
    return Run(code, raw.decode("utf-8", "replace"), err.getvalue(), raw)


def instant(text: str) -> dt.datetime:
    """An RFC 9557 instant from the JSON, in UTC, to compare with another."""
    return parse_instant(text).astimezone(dt.UTC)


# -- the plan table ----------------------------------------------------------------


def test_plan_lists_the_lapsed_actions_apart(tmp_path: Path) -> None:
    # The case: on Monday evening Daniel's thank-you has lapsed (its
    # window closed on Sunday). It used to vanish from the table.
    later = "2026-11-23T18:00:00+00:00[Europe/London]"
    runs = {
        "table": cli("plan", EXAMPLE, "--now", later),
        "json": cli("plan", EXAMPLE, "--now", later, "--format", "json"),
    }
    for name, result in runs.items():
        assert_ok(name, result)
    lines = runs["table"].out.splitlines()
    assert (
        lines[1] == "5 actions owed at Mon 2026-11-23 18:00 GMT, 1 overdue, 1 lapsed."
    )
    owed = lines[
        : lines.index("Lapsed: their window closed before now, and they were not done.")
    ]
    assert not any("Daniel Okafor" in line for line in owed)
    header, row = lines[-2:]
    assert header.split() == ["CLOSED", "AT", "ACTION", "TO", "WHY"]
    assert row.startswith(
        "  Sun 2026-11-22 10:30 EST  thank   Daniel Okafor  A thank-you"
    )

    document = json.loads(runs["json"].out)
    (lapsed,) = document["lapsed"]
    assert lapsed["kind"] == "THANK"
    assert lapsed["recipient"]["name"] == "Daniel Okafor"
    assert lapsed["closes_at"] == "2026-11-22T10:30:00-05:00[America/New_York]"
    assert "overdue" not in lapsed
    assert len(document["actions"]) == 5


def test_plan_explains_a_send_time_after_the_due_time(tmp_path: Path) -> None:
    record = tmp_path / "saturday.toml"
    record.write_text(SATURDAY, encoding="utf-8")
    result = cli("plan", record, "--now", "2026-11-21T14:00Z")
    assert_ok("table", result)
    lines = result.out.splitlines()
    (thank,) = (line for line in lines if "Owen Hart" in line and " thank " in line)
    assert "Mon 2026-11-23 09:00 GMT *  Sun 2026-11-22 13:00 GMT  thank" in thank
    # One send time is marked, and the note under the table says why.
    assert sum(" * " in line for line in lines) == 1
    assert lines[-4:-2] == ["", plan_command.SENT_AFTER_DUE]
    assert lines[-1].startswith("Days counted with: GB public holidays")
    assert "next working hours" in plan_command.SENT_AFTER_DUE
    # The example application sends everything before it is due: no note.
    plain = cli("plan", EXAMPLE, "--now", "2026-11-21T18:00Z")
    assert plan_command.SENT_AFTER_DUE not in plain.out


# -- agenda ------------------------------------------------------------------------


def test_agenda_lists_a_folder_in_the_order_to_send(tmp_path: Path) -> None:
    runs = {
        "table": cli("agenda", LOG, "--now", AT),
        "json": cli("agenda", LOG, "--now", AT, "--format", "json"),
        "week": cli("agenda", LOG, "--now", AT, "--days", "7", "--format", "json"),
        "ics": cli("agenda", LOG, "--now", AT, "--format", "ics"),
        **{
            path.name: cli("plan", path, "--now", AT, "--format", "json")
            for path in LOG.glob("*.toml")
        },
    }
    for name, result in runs.items():
        assert_ok(name, result)
    title, summary, _, header, *rest = runs["table"].out.splitlines()
    assert title == f"Agenda of {LOG} at Wed 2026-10-28 12:00 UTC: 3 applications."
    assert summary == "14 actions owed, 3 overdue."
    assert header.split() == ["SEND", "AT", "DUE", "BY", "ACTION", "TO", "APPLICATION"]
    assert rest[-4:-2] == [
        "Lapsed: 1 action whose window closed before now, not done.",
        "",
    ]
    assert "thank   Grace Lindqvist  Northfield Health, Data Engineer" in rest[-1]

    document = json.loads(runs["json"].out)
    assert document["now"] == "2026-10-28T12:00:00+00:00[UTC]"
    assert document["days"] is None
    assert document["unread"] == []
    sends = [instant(row["send_at"]) for row in document["actions"]]
    assert sends == sorted(sends)
    assert len(sends) == 14
    # Everything each file's plan owes, and nothing else.
    for path in sorted(LOG.glob("*.toml")):
        alone = json.loads(runs[path.name].out)
        mine = [row for row in document["actions"] if row["file"] == str(path)]
        assert sorted(map(_key, mine)) == sorted(map(_key, alone["actions"]))
        gone = [row for row in document["lapsed"] if row["file"] == str(path)]
        assert sorted(map(_key, gone)) == sorted(map(_key, alone["lapsed"]))

    # A week ahead: what is overdue, and what to send by 4 November, noon.
    week = json.loads(runs["week"].out)
    horizon = instant("2026-11-04T12:00:00+00:00[UTC]")
    assert week["days"] == 7
    for row in week["actions"]:
        assert row["overdue"] or instant(row["send_at"]) <= horizon
    assert len(week["actions"]) == 9
    # The thank-you to Grace Lindqvist lapsed on 4 October, before the week.
    assert week["lapsed"] == []

    calendar = icalendar.Calendar.from_ical(runs["ics"].raw)
    events = calendar.walk("VEVENT")
    with_deadline = [row for row in document["actions"] if row["due_at"] is not None]
    assert len(events) == len(with_deadline) == 11
    assert len({str(event["UID"]) for event in events}) == 11


def _key(row: dict[str, Any]) -> str:
    """An action of the JSON as comparable text, without the agenda's own keys."""
    own = {"file", "organisation", "role"}
    return json.dumps({k: v for k, v in row.items() if k not in own}, sort_keys=True)


def test_a_bad_file_is_named_and_the_others_are_still_listed(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    for name in ("beacon-energy.toml", "cirrus-freight.toml"):
        shutil.copy(LOG / name, folder / name)
    shutil.copy(LOG / "beacon-energy.toml", folder / "later-beacon.toml")
    (folder / "broken.toml").write_text("schema_version = \n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a record, not read\n", encoding="utf-8")
    (folder / ".hidden.toml").write_text("an editor's copy\n", encoding="utf-8")
    (folder / "old.toml").mkdir()  # a folder is not a file of the folder
    runs = {
        "table": cli("agenda", folder, "--now", AT),
        "json": cli("agenda", folder, "--now", AT, "--format", "json"),
    }
    copy, broken = folder / "later-beacon.toml", folder / "broken.toml"
    for result in runs.values():
        assert result.code == 3
        assert result.err.splitlines() == [
            f"postinterview: error: {broken}: not valid TOML: Invalid value (at "
            "line 1, column 18)",
            f"postinterview: error: {copy}: the same application as "
            f"{folder / 'beacon-energy.toml'} (the same organisation, role and "
            "start of the first round), so it is left out; keep one file per "
            "application",
        ]
    assert runs["table"].out.startswith(
        f"Agenda of {folder} at Wed 2026-10-28 12:00 UTC: 2 applications "
        "(2 files not read).\n"
    )
    assert "Beacon Energy" in runs["table"].out
    assert "Cirrus Freight" in runs["table"].out
    document = json.loads(runs["json"].out)
    assert document["unread"] == [
        {
            "file": str(broken),
            "reason": "not valid TOML: Invalid value (at line 1, column 18)",
        },
        {
            "file": str(copy),
            "reason": f"the same application as {folder / 'beacon-energy.toml'} "
            "(the same organisation, role and start of the first round), so it "
            "is left out; keep one file per application",
        },
    ]
    assert {row["file"] for row in document["actions"]} == {
        str(folder / "beacon-energy.toml"),
        str(folder / "cirrus-freight.toml"),
    }


def test_agenda_mistakes_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("", encoding="utf-8")
    cases = {
        "no folder": (["agenda", str(tmp_path / "nowhere")], "no such folder"),
        "a file": (["agenda", str(APPLICATION)], f"{APPLICATION}: not a folder"),
        "no records": (["agenda", str(empty)], "no .toml or .json files in it"),
        "bad --days": (
            ["agenda", str(LOG), "--days", "-1"],
            "argument --days: expected a whole number of days",
        ),
        "too many days": (
            ["agenda", str(LOG), "--days", "10" * 10],
            "expected at most 36,500 days",
        ),
        "bad format": (
            ["agenda", str(LOG), "--format", "csv"],
            "argument --format: invalid choice",
        ),
    }
    for name, (args, expected) in cases.items():
        code, out, err, _ = cli(*args)
        assert code == 2, name
        assert out == "", name
        assert err.startswith("postinterview: error: "), name
        assert expected in err, f"{name}: {err}"
        assert err.count("\n") == 1, name


def test_agenda_ics_without_the_calendar_extra_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)  # as if not installed
    assert _main.main(["agenda", str(LOG), "--now", AT, "--format", "ics"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(
        "postinterview: error: agenda --format ics needs the calendar extra; "
        "install it with python -m pip install 'postinterview[calendar]'"
    )
    assert "to_ics" not in err


# -- properties ----------------------------------------------------------------------


def lean(examples: int) -> int:
    """*examples* in the default profile; more when the profile asks for more."""
    asked = settings().max_examples
    return asked if asked > 100 else examples


VERSION = SCHEMA_VERSION
_NAMES = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,10}", fullmatch=True)


@st.composite
def bad_files(draw: st.DrawFn) -> bytes:
    """Text that is not a record, each kind failing at another step of reading."""
    source = draw(st.sampled_from(sorted(GOOD.values())))
    kind = draw(st.sampled_from(["bytes", "toml", "cut", "field", "version"]))
    if kind == "bytes":  # never UTF-8: a byte that cannot start a character
        return b"\xff" + draw(st.binary(max_size=40))
    if kind == "toml":  # TOML, but no record's keys
        key = draw(st.from_regex(r"[a-z]{1,8}", fullmatch=True))
        if key in {"application", "interviews", "organisation"}:
            key = f"x{key}"
        return f'schema_version = {VERSION}\n{key} = "{draw(st.integers())}"\n'.encode()
    if kind == "cut":  # cut anywhere, then a line no TOML reader accepts
        at = draw(st.integers(0, len(source)))
        return f"{source[:at]}\n= broken\n".encode()
    if kind == "field":  # a value the record refuses
        return source.replace(
            f"schema_version = {VERSION}", f'schema_version = {VERSION}\nextra = "x"', 1
        ).encode()
    return source.replace(
        f"schema_version = {VERSION}", "schema_version = 7", 1
    ).encode()


@contextlib.contextmanager
def folder_of(files: dict[str, bytes]) -> Iterator[Path]:
    """A temporary folder holding *files*."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for file, data in files.items():
            (folder / file).write_bytes(data)
        yield folder


# Drawn instants may come before the recorded events: plan() warns, rightly.
@pytest.mark.filterwarnings("ignore::postinterview.errors.ImplausibleTimeWarning")
@settings(max_examples=lean(60))
@given(
    good=st.sets(st.sampled_from(sorted(GOOD)), min_size=1),
    bad=st.dictionaries(_NAMES, bad_files(), max_size=4),
    now=st.sampled_from(
        ["2026-09-20T08:00Z", AT, "2026-11-22T12:00Z", "2027-03-01T00:00Z"]
    ),
    days=st.none() | st.integers(0, 30),
)
def test_a_bad_file_never_hides_the_good_ones(
    good: set[str], bad: dict[str, bytes], now: str, days: int | None
) -> None:
    files = {name: GOOD[name].encode() for name in good}
    # The bad files' names may sort before, between or after the good ones.
    bad_names = {f"{name}.toml" for name in bad} - set(files)
    files |= {
        f"{name}.toml": data
        for name, data in bad.items()
        if f"{name}.toml" in bad_names
    }
    extra = () if days is None else ("--days", str(days))
    with folder_of(files) as folder:
        code, out, err, _ = cli(
            "agenda", folder, "--now", now, "--format", "json", *extra
        )
        document = json.loads(out)
        # Every bad file is named, on one line each, and nothing else is
        # (warnings about a good record may come too).
        named = {str(folder / name) for name in bad_names}
        assert {row["file"] for row in document["unread"]} == named
        errors = [line for line in err.splitlines() if "warning: " not in line]
        assert len(errors) == len(named)
        for line in errors:
            assert any(line.startswith(f"postinterview: error: {p}: ") for p in named)
        assert code == (3 if named else 0)
        # Every good file gives the actions its own plan gives, in send order.
        at = pendulum.instance(dt.datetime.fromisoformat(now))
        for name in good:
            path = folder / name
            made = plan(application_of(load(path)), now=at)
            listed = [row for row in document["actions"] if row["file"] == str(path)]
            if days is None:
                assert len(listed) == len(made)
            else:
                within = set(made.overdue()) | set(
                    made.upcoming(dt.timedelta(days=days))
                )
                assert len(listed) == len(within)
            gone = [row for row in document["lapsed"] if row["file"] == str(path)]
            assert len(gone) <= len(made.lapsed)
        sends = [instant(row["send_at"]) for row in document["actions"]]
        assert sends == sorted(sends)


# Drawn instants may come before the recorded events: plan() warns, rightly.
@pytest.mark.filterwarnings("ignore::postinterview.errors.ImplausibleTimeWarning")
@settings(max_examples=lean(50))
@given(
    applications=st.lists(pst.applications(max_events=4), min_size=1, max_size=3),
    now=pst.aware_datetimes(),
    days=st.none() | st.integers(0, 400),
)
def test_the_agenda_is_every_plan_in_the_order_to_send(
    applications: list[Application], now: dt.datetime, days: int | None
) -> None:
    at = pendulum.instance(now)
    entries = [
        _agenda.Entry(Path(f"{index}.toml"), application, plan(application, now=at))
        for index, application in enumerate(applications)
    ]
    owed, lapsed = _agenda.select(entries, at, days)
    sends = [plan_command.utc(row.action.send_at) for row in owed]
    assert sends == sorted(sends)
    closes = [plan_command.utc(row.action.closes_at) for row in lapsed]  # type: ignore[arg-type]
    assert closes == sorted(closes)
    for entry in entries:
        mine = [row.action for row in owed if row.entry is entry]
        gone = [row.action for row in lapsed if row.entry is entry]
        if days is None:
            # Nothing left out, nothing added: the plan's actions, in order.
            assert sorted(mine, key=entry.plan.actions.index) == list(entry.plan)
            assert sorted(gone, key=entry.plan.lapsed.index) == list(entry.plan.lapsed)
        else:
            assert set(mine) == set(entry.plan.overdue()) | set(
                entry.plan.upcoming(dt.timedelta(days=days))
            )
            assert set(gone) <= set(entry.plan.lapsed)


# -- the progress bar -------------------------------------------------------------


class Terminal(io.StringIO):
    """Standard error as a terminal, or (``tty=False``) as a file."""

    def __init__(self, *, tty: bool = True) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


class Clock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_progress_bar_shows_only_after_a_second() -> None:
    clock, stream = Clock(), Terminal()
    with _output.Progress(4, "reading records", stream=stream, clock=clock) as bar:
        bar.advance()
        clock.now += 0.5
        bar.advance()
        assert stream.getvalue() == ""  # quick so far: nothing drawn
        clock.now += 0.6
        bar.advance()
        shown = stream.getvalue()
        assert shown == f"\rreading records [{'#' * 22}{'.' * 8}] 3/4"
        clock.now += 0.01
        bar.advance()  # the last one is drawn however soon it comes
        assert stream.getvalue().endswith(f"\rreading records [{'#' * 30}] 4/4")
    # Erased at the end, so that what follows starts at the left margin.
    width = len("reading records [") + 30 + len("] 4/4")
    assert stream.getvalue().endswith(f"\r{' ' * width}\r")


def test_the_progress_bar_stays_quiet_when_not_at_a_terminal() -> None:
    clock = Clock()
    for stream in (Terminal(tty=False), io.StringIO()):
        with _output.Progress(3, "reading", stream=stream, clock=clock) as bar:
            for _ in range(3):
                clock.now += 5
                bar.advance()
        assert stream.getvalue() == ""
    # A quick run at a terminal draws nothing either.
    stream = Terminal()
    with _output.Progress(3, "reading", stream=stream, clock=clock) as bar:
        for _ in range(3):
            bar.advance()
    assert stream.getvalue() == ""


def test_agenda_draws_the_bar_on_standard_error_of_a_slow_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Each record takes a second to read, by a clock the test moves.
    clock = Clock()
    real = _agenda.load

    def slow(path: Path) -> Any:
        clock.now += 1
        return real(path)

    terminal = Terminal()
    monkeypatch.setattr(_agenda, "load", slow)
    monkeypatch.setattr(
        _agenda,
        "Progress",
        lambda total, label: _output.Progress(
            total, label, stream=terminal, clock=clock
        ),
    )
    assert _main.main(["agenda", str(LOG), "--now", AT]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "reading records [" in terminal.getvalue()
    assert "] 3/3" in terminal.getvalue()
    assert out.startswith("Agenda of ")


# -- warnings, interruptions, help -----------------------------------------------------


def test_the_librarys_warnings_are_one_line_each(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = plan

    def warned(application: Application, **options: Any) -> Any:
        warnings.warn(
            "now is before the latest event", PostInterviewWarning, stacklevel=2
        )
        # Only the warning above: the plan's own, about these records, are
        # tested where plan() is.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ImplausibleTimeWarning)
            return real(application, **options)

    monkeypatch.setattr(plan_command, "plan", warned)
    monkeypatch.setattr(_agenda, "plan", warned)
    assert _main.main(["plan", str(APPLICATION), "--now", AT]) == 0
    out, err = capsys.readouterr()
    assert err == "postinterview: warning: now is before the latest event\n"
    assert out.startswith("Larkspur Analytics Ltd")
    # In an agenda, each names its file.
    assert _main.main(["agenda", str(LOG), "--now", AT]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"postinterview: warning: {path}: now is before the latest event"
        for path in sorted(LOG.glob("*.toml"))
    ]


def test_ctrl_c_ends_the_run_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(path: Path) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(_agenda, "load", interrupted)
    assert _main.main(["agenda", str(LOG), "--now", AT]) == 130
    out, err = capsys.readouterr()
    assert (out, err) == ("", "\n")


def fake_install(root: Path, *urls: str) -> dict[str, str]:
    """A environment in which postinterview's metadata is *root*'s, with *urls*."""
    info = root / "postinterview-9.9.dist-info"
    info.mkdir(parents=True)
    lines = ["Metadata-Version: 2.4", "Name: postinterview", "Version: 9.9"]
    lines += [f"Project-URL: {url}" for url in urls]
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = os.pathsep.join([str(root), str(ROOT / "src")])
    return environment(PYTHONPATH=path)


def test_help_gives_the_documentation_address_from_the_metadata(tmp_path: Path) -> None:
    docs = fake_install(
        tmp_path / "docs",
        "Source, https://example.org/source",
        "Documentation, https://example.org/postinterview/",
    )
    none = fake_install(tmp_path / "none", "Source, https://example.org/source")
    runs = {
        **run_all({"docs": ["--help"], "docs version": ["--version"]}, env=docs),
        **run_all({"none": ["--help"]}, env=none),
    }
    for name, result in runs.items():
        assert_ok(name, result)
    assert runs["docs"].out.endswith(
        "Run postinterview COMMAND --help for the options of a command.\n"
        "Documentation: https://example.org/postinterview/\n"
    )
    assert runs["docs version"].out == "postinterview 9.9\n"
    assert runs["none"].out.endswith(
        "Run postinterview COMMAND --help for the options of a command.\n"
    )
    for result in runs.values():
        assert "docs/cli.md" not in result.out


def test_the_documentation_address_is_in_the_project_metadata() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    address = project["project"]["urls"]["Documentation"]
    assert address.startswith("https://")


def test_without_metadata_the_help_and_version_still_work(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing(name: str) -> Any:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "metadata", missing)
    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert _main.docs_address() is None
    assert _main.main(["--version"]) == 0
    assert capsys.readouterr().out == "postinterview (version unknown: not installed)\n"
    assert _main.main(["--help"]) == 0
    assert "Documentation:" not in capsys.readouterr().out
