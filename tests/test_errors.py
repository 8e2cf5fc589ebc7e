"""Tests for postinterview.errors: the exception family and its messages."""

from __future__ import annotations

import datetime as dt
import inspect
import pickle
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from capped import run_capped
from postinterview import errors
from postinterview.errors import (
    NaiveDatetimeError,
    PostInterviewError,
    PostInterviewWarning,
    SchemaError,
    TemplateRenderError,
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


# --- messages that always print ------------------------------------------------


class _FailingRepr:
    def __repr__(self) -> str:
        raise RuntimeError("no repr for you")


class _HugeRepr:
    def __repr__(self) -> str:
        return "h" * 1_000_000


class _FailingLength(list[int]):
    def __len__(self) -> int:
        raise RuntimeError("no length either")


class _StrangeString(str):
    __slots__ = ()

    def __getitem__(self, index: object) -> str:
        raise RuntimeError("no slicing")

    def __repr__(self) -> str:
        raise RuntimeError("no repr")


def _nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


def _recursive() -> list[object]:
    value: list[object] = [1]
    value.append(value)
    return value


def test_a_five_thousand_digit_int_prints_as_its_length() -> None:
    # Python refuses to write an int of more than 4,300 digits as text.
    message = str(ValidationError("round", 10**4999, "an integer from 1 to 100"))
    assert (
        message == "round: expected an integer from 1 to 100, got <int of 5,000 digits>"
    )
    negative = str(ValidationError("round", -(10**5000) + 1, "a round"))
    assert negative.endswith("got <negative int of 5,000 digits>")


@pytest.mark.parametrize("digits", [303, 304, 4300, 4301, 10_000, 100_000])
def test_the_length_of_a_huge_int_is_exact(digits: int) -> None:
    for value in (10 ** (digits - 1), 10**digits - 1):
        assert shorten(value) == f"<int of {digits:,} digits>"


def test_an_int_beyond_a_hundred_thousand_digits_is_told_about_its_length() -> None:
    shown = shorten(10**400_000)
    assert shown in ("<int of about 400,001 digits>", "<int of 400,001 digits>")


@given(
    st.integers(min_value=2**1000, max_value=10**4200)
    | st.integers(max_value=-(2**1000))
)
def test_a_huge_int_is_shown_with_its_number_of_digits(value: int) -> None:
    sign = "negative " if value < 0 else ""
    assert shorten(value) == f"<{sign}int of {len(str(abs(value))):,} digits>"


def test_a_long_int_that_python_can_write_is_cut_with_its_length() -> None:
    assert shorten(10**200) == "1" + "0" * 56 + "... (201 digits)"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("x" * 100_000, "'" + "x" * 55 + "...' (100,000 characters)"),
        (b"x" * 100_000, "b'" + "x" * 54 + "...' (100,000 bytes)"),
        (bytearray(b"y" * 1000), "bytearray(b'" + "y" * 44 + "...) (1,000 bytes)"),
        (list(range(10_000)), "[0, 1, 2, 3, 4, 5, ...] (10,000 items)"),
        (_HugeRepr(), "h" * 57 + "... (repr of 1,000,000 characters)"),
        (_nested(100_000), "[[[[...]]]] (1 item)"),
        (_recursive(), "[1, [1, [1, [...]]]] (2 items)"),
        ({10**5000: "a"}, "{<int of 5,001 digits>: 'a'}"),
    ],
    ids=["str", "bytes", "bytearray", "list", "huge repr", "deep", "recursive", "dict"],
)
def test_long_values_are_cut_with_their_length(value: object, shown: str) -> None:
    assert shorten(value) == shown
    assert str(ValidationError("f", value, "x")) == f"f: expected x, got {shown}"


@pytest.mark.parametrize(
    "value",
    [_FailingRepr(), _StrangeString("abc"), _FailingLength([1, 2])],
    ids=["repr raises", "str subclass", "len raises"],
)
def test_a_value_that_cannot_show_itself_is_shown_by_type_and_address(
    value: object,
) -> None:
    shown = shorten([value] * 10 if isinstance(value, _FailingRepr) else value)
    assert shown
    assert len(shown) < 120
    message = str(ValidationError("f", value, "x"))
    assert message.startswith("f: expected x, got ")


def test_the_repr_of_an_error_is_short_and_works_for_any_value() -> None:
    error = ValidationError("round", 10**5000, "an integer from 1 to 100")
    assert repr(error) == (
        "ValidationError('round', <int of 5,001 digits>, 'an integer from 1 to 100')"
    )
    assert repr(TimelineError(_FailingRepr())).startswith("TimelineError(<")


def test_long_field_names_expectations_and_messages_are_cut() -> None:
    error = ValidationError("k" * 10_000, 1, "e" * 10_000)
    message = str(error)
    assert len(message) < 700
    assert "(10,000 characters)" in message
    long_message = str(TimelineError("t" * 100_000))
    assert long_message.endswith("... (100,000 characters)")
    assert len(long_message) < 1100


def test_a_template_error_prints_whatever_its_line_is() -> None:
    error = TemplateRenderError("boom", template="t.j2", line=10**5000)
    assert str(error) == "t.j2, line <int of 5,001 digits>: boom"


def _hostile_values() -> st.SearchStrategy[object]:
    """Values built to break a message: huge, recursive, unprintable."""
    huge_ints = st.builds(
        lambda digits, sign, extra: sign * 10**digits + extra,
        st.integers(4_000, 20_000),
        st.sampled_from((1, -1)),
        st.integers(),
    )
    long_texts = st.builds(
        lambda char, n: char * n, st.characters(), st.integers(0, 200_000)
    )
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        huge_ints,
        st.floats(),
        st.decimals(),
        st.fractions(),
        st.text(),
        long_texts,
        st.binary(),
        st.builds(lambda n: b"\xff" * n, st.integers(0, 200_000)),
        st.builds(_FailingRepr),
        st.builds(_HugeRepr),
        st.builds(_StrangeString, st.text()),
        st.builds(_nested, st.integers(0, 50_000)),
        st.builds(_recursive),
        st.from_type(type).flatmap(st.from_type),
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=5)
            | st.tuples(inner, inner)
            | st.dictionaries(st.text() | st.integers(), inner, max_size=3)
            | st.frozensets(st.integers() | st.text(), max_size=3)
        ),
        max_leaves=8,
    )


def _error_classes() -> list[type[PostInterviewError]]:
    return [
        kind
        for name in errors.__all__
        if isinstance(kind := getattr(errors, name), type)
        and issubclass(kind, PostInterviewError)
    ]


@given(
    kind=st.sampled_from(_error_classes()),
    values=st.lists(_hostile_values(), min_size=4, max_size=4),
)
def test_every_error_prints_briefly_whatever_it_holds(
    kind: type[PostInterviewError], values: list[object]
) -> None:
    # Every parameter of the constructor gets a hostile value: positional
    # ones and keyword-only ones alike.
    try:
        parameters = list(inspect.signature(kind).parameters.values())
    except ValueError:  # Exception's own (*args), which has no signature
        parameters = [inspect.Parameter("args", inspect.Parameter.VAR_POSITIONAL)]
    args, kwargs = [], {}
    for parameter, value in zip(parameters, values, strict=False):
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = value
        elif parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            args.extend(values)
        else:
            args.append(value)
    error = kind(*args, **kwargs)
    assert len(str(error)) < 2_000
    assert len(repr(error)) < 2_000
    assert isinstance(error, Exception)


def test_every_error_class_is_covered() -> None:
    # A vacuous list would make the property above prove nothing.
    assert {ValidationError, SchemaError, TimelineError, TemplateRenderError} <= set(
        _error_classes()
    )


def test_printing_an_error_with_a_five_thousand_digit_int_stays_in_the_caps() -> None:
    outcome = run_capped(
        "message = str(ValidationError('round', 10**5000, 'a round'))\n"
        "assert message.endswith('<int of 5,001 digits>'), message\n"
        "raise ValidationError('round', 10**5000, 'a round')",
        setup="from postinterview.errors import ValidationError",
    )
    assert outcome.error == "postinterview.errors.ValidationError"
    assert outcome.message == "round: expected a round, got <int of 5,001 digits>"
    assert outcome.elapsed < 2
