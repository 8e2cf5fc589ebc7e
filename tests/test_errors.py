"""Tests for postinterview.errors: the exception family and its messages."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview.errors import (
    NaiveDatetimeError,
    PostInterviewError,
    PostInterviewWarning,
    SchemaError,
    TimelineError,
    ValidationError,
    shorten,
)

# --- the hierarchy ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "bases"),
    [
        (ValidationError, (PostInterviewError, ValueError)),
        (NaiveDatetimeError, (ValidationError, PostInterviewError, ValueError)),
        (SchemaError, (ValidationError, PostInterviewError, ValueError)),
        (TimelineError, (PostInterviewError, ValueError)),
    ],
)
def test_each_leaf_is_also_the_builtin_it_refines(
    kind: type[Exception], bases: tuple[type[Exception], ...]
) -> None:
    for base in bases:
        assert issubclass(kind, base), (kind, base)


def test_the_root_is_a_plain_exception_not_a_value_error() -> None:
    assert issubclass(PostInterviewError, Exception)
    assert not issubclass(PostInterviewError, ValueError)


def test_timeline_error_is_not_a_validation_error() -> None:
    # A host catching bad input must not swallow an impossible event order.
    assert not issubclass(TimelineError, ValidationError)


def test_naive_and_schema_errors_are_distinct_leaves() -> None:
    assert not issubclass(NaiveDatetimeError, SchemaError)
    assert not issubclass(SchemaError, NaiveDatetimeError)


def test_the_warning_root_is_a_user_warning_and_not_an_error() -> None:
    assert issubclass(PostInterviewWarning, UserWarning)
    assert not issubclass(PostInterviewWarning, PostInterviewError)


def test_catching_the_root_catches_a_validation_error() -> None:
    with pytest.raises(PostInterviewError):
        raise ValidationError("round", 0, "an integer of at least 1")


# --- messages --------------------------------------------------------------


def test_validation_message_names_field_expectation_and_value() -> None:
    error = ValidationError("round", 0, "an integer of at least 1")
    assert str(error) == "round: expected an integer of at least 1, got 0"


def test_validation_error_keeps_its_parts_as_attributes() -> None:
    value = ["a", "b"]
    error = ValidationError("interviewers", value, "a tuple of Person")
    assert error.field == "interviewers"
    assert error.value is value
    assert error.expected == "a tuple of Person"


def test_message_shows_the_value_as_its_repr() -> None:
    # The repr shows quotes, so an empty or blank string is visible.
    assert str(ValidationError("name", "", "a non-blank string")).endswith("got ''")
    assert str(ValidationError("name", "  ", "a non-blank string")).endswith("got '  '")


def test_message_of_a_very_long_value_is_short() -> None:
    value = "x" * 10_000
    message = str(ValidationError("notes", value, "at most 5,000 characters"))
    assert len(message) < 150
    assert message.startswith("notes: expected at most 5,000 characters, got 'x")
    assert message.endswith("...' (10,000 characters)")
    # The full value is still there for a program to inspect.
    assert ValidationError("notes", value, "x").value == value


def test_shortened_value_keeps_its_closing_bracket() -> None:
    message = str(ValidationError("numbers", list(range(10_000)), "a few numbers"))
    assert len(message) < 150
    assert message.endswith("...] (10,000 items)")


def test_message_of_a_short_value_is_not_cut() -> None:
    value = "y" * 50
    message = str(ValidationError("title", value, "a title"))
    assert message.endswith(f"got {value!r}")
    assert "..." not in message


def test_message_stays_on_one_line_for_a_header_injection_value() -> None:
    message = str(ValidationError("name", "Bob\r\nBcc: x@evil.example", "one line"))
    assert "\r" not in message
    assert "\n" not in message
    assert r"Bob\r\nBcc" in message


def test_naive_datetime_error_message_names_the_field() -> None:
    naive = dt.datetime(2026, 11, 20, 15, 30)  # noqa: DTZ001 - naive on purpose
    error = NaiveDatetimeError("ends_at", naive, "an aware datetime")
    assert str(error).startswith("ends_at: expected an aware datetime, got ")
    assert "datetime.datetime(2026, 11, 20, 15, 30)" in str(error)


def test_schema_error_path_is_its_field() -> None:
    error = SchemaError("interviewers[0].email", 3, "a string")
    assert error.path == "interviewers[0].email"
    assert error.field == "interviewers[0].email"
    assert str(error) == "interviewers[0].email: expected a string, got 3"


def test_schema_error_with_an_empty_path_means_the_document() -> None:
    error = SchemaError("", [], "a JSON object")
    assert error.path == ""
    assert str(error) == "<document>: expected a JSON object, got []"


def test_schema_error_shortens_long_values_too() -> None:
    message = str(SchemaError("notes", "z" * 10_000, "a short note"))
    assert len(message) < 150
    assert message.endswith("...' (10,000 characters)")


def test_timeline_error_keeps_its_message() -> None:
    error = TimelineError("a thank-you note cannot be sent before the interview ends")
    assert str(error) == "a thank-you note cannot be sent before the interview ends"


# --- pickling --------------------------------------------------------------

_EXAMPLES = [
    ValidationError("round", 0, "an integer of at least 1"),
    ValidationError("notes", "x" * 10_000, "short notes"),
    NaiveDatetimeError(
        "ends_at",
        dt.datetime(2026, 11, 20, 15, 30),  # noqa: DTZ001 - naive on purpose
        "an aware datetime",
    ),
    SchemaError("interviewers[0].email", None, "a string"),
    SchemaError("", "[", "a JSON document"),
]


@pytest.mark.parametrize("error", _EXAMPLES, ids=lambda e: type(e).__name__)
def test_validation_errors_survive_pickling(error: ValidationError) -> None:
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(copy) is type(error)
    assert copy.field == error.field
    assert copy.value == error.value
    assert copy.expected == error.expected
    assert str(copy) == str(error)
    assert copy.args == error.args


def test_schema_error_path_survives_pickling() -> None:
    error = SchemaError("interviewers[0].email", None, "a string")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert copy.path == "interviewers[0].email"


def test_timeline_error_survives_pickling() -> None:
    error = TimelineError("no offer after a withdrawal")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(copy) is TimelineError
    assert str(copy) == "no offer after a withdrawal"


@pytest.mark.parametrize(
    "make",
    [
        lambda: ValidationError("round", 0, "an integer of at least 1"),
        lambda: SchemaError("round", 0, "an integer"),
        lambda: TimelineError("late"),
    ],
    ids=["ValidationError", "SchemaError", "TimelineError"],
)
def test_notes_added_to_an_error_survive_pickling(
    make: Callable[[], PostInterviewError],
) -> None:
    # Errors raised in worker processes travel by pickle; a note added on the
    # way up (add_note) must arrive with them, as it does for builtin errors.
    error = make()
    error.add_note("while reading application 7")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert getattr(copy, "__notes__", None) == ["while reading application 7"]


# --- shortening ------------------------------------------------------------


@given(value=st.text(max_size=300), limit=st.integers(min_value=10, max_value=120))
def test_shorten_never_exceeds_its_limit(value: str, limit: int) -> None:
    shown = shorten(value, limit=limit)
    if len(repr(value)) <= limit:
        assert shown == repr(value)
    else:
        # The start of the repr, then the length of the whole value.
        unit = "character" if len(value) == 1 else "characters"
        shown, note = shown.rsplit(" (", 1)
        assert note == f"{len(value):,} {unit})"
        assert len(shown) <= limit
        assert shown.endswith(("...'", '..."'))
        assert repr(value).startswith(shown[:-4])
