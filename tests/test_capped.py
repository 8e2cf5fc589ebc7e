"""Tests for the capped child process that the hostile-input tests run in."""

from __future__ import annotations

from pathlib import Path

import pytest

import capped
from capped import run_capped


def test_a_snippet_that_ends_reports_no_error_and_its_time() -> None:
    outcome = run_capped("total = sum(range(1000))", setup="import math")
    assert outcome.error is None
    assert 0 <= outcome.elapsed < 1


def test_the_address_space_is_capped() -> None:
    # A gigabyte is refused in a child capped at 512 MiB.
    outcome = run_capped("block = bytearray(2**30)")
    assert outcome.error == "builtins.MemoryError"


def test_the_exception_is_reported_by_its_qualified_name() -> None:
    outcome = run_capped(
        "raise ValidationError('round', 0, 'an integer of at least 1')",
        setup="from postinterview.errors import ValidationError",
    )
    assert outcome.error == "postinterview.errors.ValidationError"
    assert outcome.message.startswith("round: expected an integer")


MARK = "import os, postinterview"


def test_a_snippet_changes_nothing_for_the_next_one() -> None:
    # Each snippet has a process of its own, forked from the same imports.
    first = run_capped("postinterview.MARK = 1; os.environ['MARK'] = '1'", setup=MARK)
    assert first.error is None
    second = run_capped("assert not hasattr(postinterview, 'MARK')", setup=MARK)
    assert second.error is None, second.message
    third = run_capped("assert 'MARK' not in os.environ", setup=MARK)
    assert third.error is None, third.message


def test_the_child_takes_the_callers_directory_and_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CAPPED_TEST", "caf\u00e9")
    outcome = run_capped(
        "assert os.getcwd() == expected, os.getcwd()\n"
        "assert os.environ['CAPPED_TEST'] == 'caf\\u00e9'",
        setup=f"import os\nexpected = {str(tmp_path.resolve())!r}",
    )
    assert outcome.error is None, outcome.message


def test_what_a_snippet_prints_does_not_hide_its_result() -> None:
    outcome = run_capped(
        "print('{\"error\": null}'); print('x' * 100_000, file=sys.stderr)\n"
        "raise KeyError('k')",
        setup="import sys",
    )
    assert outcome.error == "builtins.KeyError"


@pytest.mark.parametrize(
    ("code", "setup"),
    [("os._exit(3)", "import os"), ("pass", "raise RuntimeError('in the setup')")],
    ids=["a child that dies", "a setup that fails"],
)
def test_a_child_that_gives_no_result_fails_the_test(code: str, setup: str) -> None:
    with pytest.raises(AssertionError, match="the child failed"):
        run_capped(code, setup=setup)


def test_a_child_past_its_time_is_stopped_and_the_next_one_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(capped, "SLACK", 0.0)
    with pytest.raises(AssertionError, match=r"no answer within 0\.2 s"):
        run_capped("time.sleep(60)", setup="import time", seconds=0.2)
    assert run_capped("pass").error is None
