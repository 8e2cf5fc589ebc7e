"""Tests for the capped child process that the hostile-input tests run in."""

from __future__ import annotations

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
