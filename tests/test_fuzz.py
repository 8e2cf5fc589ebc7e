"""Fuzz every public constructor, function and method with hostile values.

The whole public API, as the API reference lists it, is walked: every name in
the ``__all__`` of each documented module (not ``postinterview.strategies``,
which is for tests, nor the command line, which has its own tests), and the
public methods and properties of every class among them. Each is called with
arguments built from its signature and type hints: per parameter, either a
valid value (from :mod:`postinterview.strategies` where the type has one, so
that calls get past the first check into the real work) or a hostile one:
the wrong type, control and right-to-left characters, 100,000-character
strings, NaN and infinities, huge and negative numbers, instants in years 1
and 9999 (pendulum and stdlib, aware and naive), odd zones, empty and huge
tuples, ``None``.

The property, for every call: it returns, or raises an error of the
:class:`~postinterview.PostInterviewError` family, and nothing else. A value
a constructor accepts must then also survive JSON and come back equal, and
the library's errors must always print.

Each call runs under an address-space cap and an alarm, so that a hostile
value that makes the library allocate gigabytes or loop for ever fails the
test (as a ``MemoryError`` or a timeout) instead of taking the run down.

There is one property per part of the library (interview, letters, ...),
each drawing the callable to call. Budget: in the default profile each
property runs ``LEAN_EXAMPLES`` examples per callable it covers, so the file
takes well under a minute in CI; a profile that asks for more than the
default's 100 (``HYPOTHESIS_PROFILE=thorough``: 10,000) gets that many
examples per property.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.message
import enum
import importlib
import inspect
import json
import math
import os
import pathlib
import signal
import types
import typing
import warnings
import zoneinfo
from collections import abc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pendulum
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

import postinterview
from postinterview import PostInterviewError, PostInterviewWarning
from postinterview import strategies as pst
from postinterview.errors import ValidationError
from postinterview.serialize import RECORDS, from_json, to_dict, to_json

try:  # the address-space cap needs POSIX resource limits
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

# The modules of the API reference (docs/api.md), in its order, without
# postinterview.strategies (it generates values, for tests) and
# postinterview.cli (its own tests drive it through argv and files).
MODULES = (
    "postinterview",
    "postinterview.interview",
    "postinterview.notes",
    "postinterview.timeline",
    "postinterview.workdays",
    "postinterview.followup",
    "postinterview.letters",
    "postinterview.reflection",
    "postinterview.feedback",
    "postinterview.decisions",
    "postinterview.learning",
    "postinterview.findings",
    "postinterview.serialize",
    "postinterview.testing",
    "postinterview.errors",
    "postinterview.replies",
)

# Builtin errors some callables document as their way to report, and when.
# Nothing else may escape but the PostInterviewError family.
Allowed = Callable[[BaseException, dict[str, object]], bool]


def _a_failed_check(error: BaseException, arguments: dict[str, object]) -> bool:
    # postinterview.testing, "Checks that tests can call" (its module
    # docstring): a check that fails raises AssertionError, which is how a
    # test reports; each check's docstring shows one.
    return type(error) is AssertionError


def _not_a_record(name: str) -> Allowed:
    # postinterview.serialize: to_dict and from_dict "raise TypeError" for
    # anything that is not a record (their docstrings, and docs/record.md);
    # to_json, from_json and to_toml go through them, and json_schema says
    # the same.
    def allowed(error: BaseException, arguments: dict[str, object]) -> bool:
        return type(error) is TypeError and arguments.get(name) not in RECORDS

    return allowed


def _obj_not_a_record(error: BaseException, arguments: dict[str, object]) -> bool:
    return type(error) is TypeError and type(arguments.get("obj")) not in RECORDS


ALLOWED: dict[str, Allowed] = {
    "check_check_ins": _a_failed_check,
    "check_plan": _a_failed_check,
    "check_thank_you_time": _a_failed_check,
    "from_dict": _not_a_record("cls"),
    "from_json": _not_a_record("cls"),
    "json_schema": _not_a_record("cls"),
    "to_dict": _obj_not_a_record,
    "to_json": _obj_not_a_record,
    "to_toml": _obj_not_a_record,
}


def _nothing(error: BaseException, arguments: dict[str, object]) -> bool:
    return False


# Each property fuzzes one part of the library. In the default profile it
# runs LEAN_EXAMPLES per callable of that part (about 2,500 calls in all, well
# under a minute); a profile that asks for more than the default's 100
# examples (thorough: 10,000) gets that many per property.
LEAN_EXAMPLES = 15


def _budget(callables: int) -> int:
    asked = settings.default.max_examples
    return asked if asked > 100 else LEAN_EXAMPLES * callables


FUZZ = settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)

SECONDS_PER_CALL = 5
MEMORY_PER_CALL = 1024 * 2**20


# --- the public API ---------------------------------------------------------


def _public_objects() -> dict[str, object]:
    """Every public name of the documented modules, once each, by its name."""
    found: dict[str, object] = {}
    seen: set[int] = set()
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.ismodule(value) or id(value) in seen:
                continue
            seen.add(id(value))
            found[name] = value
    return found


PUBLIC = _public_objects()
CLASSES = {
    name: value
    for name, value in PUBLIC.items()
    if isinstance(value, type) and not issubclass(value, enum.Enum | BaseException)
}
ERRORS = {
    name: value
    for name, value in PUBLIC.items()
    if isinstance(value, type) and issubclass(value, BaseException)
}
FUNCTIONS = {
    name: value
    for name, value in PUBLIC.items()
    if inspect.isfunction(value) and not name.startswith("_")
}
# Names the hints of every signature refer to, for typing.get_type_hints: the
# annotations are strings (postponed evaluation), some of them of names the
# defining module imports for type checkers only.
_NAMESPACE: dict[str, Any] = {
    **PUBLIC,
    "dt": dt,
    "pendulum": pendulum,
    "Decimal": Decimal,
    "Any": Any,
    "Iterable": abc.Iterable,
    "Sequence": abc.Sequence,
    "Mapping": abc.Mapping,
    "Container": abc.Container,
    "Callable": abc.Callable,
    "EmailMessage": object,
    "jinja2": types.SimpleNamespace(Environment=object, BaseLoader=object),
    "T": typing.TypeVar("T"),
}


def _hints(function: Callable[..., object], home: object) -> dict[str, Any]:
    """The type hints of *function*, defined for (or in) *home*'s module."""
    module = importlib.import_module(home.__module__)  # type: ignore[attr-defined]
    namespace = {**vars(module), **_NAMESPACE}
    return typing.get_type_hints(function, globalns=namespace)


@dataclass(frozen=True)
class Target:
    """One public callable: a constructor, a function, a method or a property."""

    name: str
    function: Callable[..., object]
    owner: type | None = None  # the class whose instance is the receiver
    is_property: bool = False
    allowed: Allowed = _nothing
    parameters: tuple[inspect.Parameter, ...] = field(default=())
    hints: dict[str, Any] = field(default_factory=dict, compare=False)

    def __repr__(self) -> str:
        return self.name


def _parameters(function: Callable[..., object]) -> tuple[inspect.Parameter, ...]:
    found = inspect.signature(function).parameters.values()
    return tuple(
        p
        for p in found
        if p.name != "self" and p.kind is not inspect.Parameter.VAR_KEYWORD
    )


def _targets() -> list[Target]:
    targets = []
    for name, function in FUNCTIONS.items():
        targets.append(
            Target(
                name,
                function,
                allowed=ALLOWED.get(name, _nothing),
                parameters=_parameters(function),
                hints=_hints(function, function),
            )
        )
    for name, cls in CLASSES.items():
        targets.append(
            Target(
                name,
                cls,
                parameters=_parameters(cls),
                hints=_hints(cls.__init__, cls),
            )
        )
        for attribute, raw in vars(cls).items():
            if attribute.startswith("_"):
                continue
            qualified = f"{name}.{attribute}"
            if isinstance(raw, property):
                targets.append(Target(qualified, raw.fget, owner=cls))  # type: ignore[arg-type]
            elif isinstance(raw, staticmethod | classmethod):
                bound = getattr(cls, attribute)
                targets.append(
                    Target(
                        qualified,
                        bound,
                        parameters=_parameters(bound),
                        hints=_hints(bound, cls),
                    )
                )
            elif inspect.isfunction(raw):
                targets.append(
                    Target(
                        qualified,
                        raw,
                        owner=cls,
                        parameters=_parameters(raw),
                        hints=_hints(raw, cls),
                    )
                )
    return targets


TARGETS = _targets()


def test_the_fuzz_reaches_the_whole_api() -> None:
    """A reader can see that nothing public is left out, and what is in."""
    names = {target.name for target in TARGETS}
    # A sample from each module and kind: a mistake in the walk shows here.
    for expected in (
        "Interview",
        "Person",
        "SalaryRange",
        "Application.record",
        "Application.from_interview",
        "Plan.upcoming",
        "Plan.to_ics",
        "Draft.check",
        "Draft.to_email",
        "BusinessCalendar.add_business_days",
        "plan",
        "thank_you",
        "render_user_template",
        "check_panel",
        "compare_opportunities",
        "offer_checklist",
        "review",
        "learning_actions",
        "grouping_key",
        "from_json",
        "format_instant",
        "check_plan",
        "Finding",
        "LearningLog.prepare",
    ):
        assert expected in names, expected
    assert set(ERRORS) == set(postinterview.errors.__all__)
    assert len(TARGETS) > 100


# --- valid values -----------------------------------------------------------

_LINES = st.text(
    st.characters(categories=("L", "N", "Zs"), exclude_characters="\xa0"),
    min_size=1,
    max_size=20,
).filter(str.strip)
_TEXTS = st.lists(_LINES, min_size=1, max_size=4).map("\n".join)
_EMAILS = st.sampled_from(
    ("priya@acme.example", "sam.jones@example.org", "o'neil+jobs@mail.example.co.uk")
)
_INSTANTS = pst.aware_datetimes()
_DATES = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))


def _drafts() -> st.SearchStrategy[object]:
    from postinterview.letters import KINDS, LOCALES, Draft  # noqa: PLC0415

    return st.builds(
        Draft,
        kind=st.sampled_from(KINDS),
        to=pst.people(),
        subject=_LINES,
        text=_TEXTS,
        html=_TEXTS,
        locale=st.sampled_from(LOCALES),
        interview=st.none() | pst.interviews(),
    )


def _candidates() -> st.SearchStrategy[object]:
    from postinterview.letters import Candidate  # noqa: PLC0415

    return st.builds(Candidate, name=_LINES, email=_EMAILS)


@st.composite
def _plans(draw: st.DrawFn) -> object:
    from postinterview.followup import plan  # noqa: PLC0415

    application = draw(pst.applications(max_events=6))
    last = application.events[-1].at if application.events else None
    start = last or application.interviews[0].ends_at
    now = start.add(minutes=draw(st.integers(0, 60 * 24 * 60)))
    with warnings.catch_warnings():
        # A round may start a year after a withdrawal: plan() says so.
        warnings.simplefilter("ignore", PostInterviewWarning)
        return plan(application, now=now)


@st.composite
def _actions(draw: st.DrawFn) -> object:
    made = draw(_plans())
    actions = made.actions + made.lapsed  # type: ignore[attr-defined]
    if not actions:
        reject()
    return draw(st.sampled_from(actions))


@st.composite
def _done(draw: st.DrawFn) -> object:
    made = draw(_plans())
    if not made.done:  # type: ignore[attr-defined]
        reject()
    return draw(st.sampled_from(made.done))  # type: ignore[attr-defined]


def _messages() -> st.SearchStrategy[object]:
    """Email messages: a reply's text, with or without a Date and a From."""

    def message(text: str, dated: bool, sender: str) -> email.message.EmailMessage:
        made = email.message.EmailMessage()
        if dated:
            made["Date"] = "Mon, 30 Nov 2026 09:40:00 +0000"
        made["From"] = sender
        made.set_content(text)
        return made

    return st.builds(message, _LINES, st.booleans(), _EMAILS)


def _readings() -> st.SearchStrategy[object]:
    """Readings of replies, hostile text included, to applications."""
    from postinterview.replies import read_reply  # noqa: PLC0415

    return st.builds(
        lambda text, app: read_reply(
            text,
            application=app,
            received_at=app.events[-1].at if app.events else app.rounds[-1].ends_at,
        ),
        st.one_of(_LINES, st.sampled_from(_REPLIES)),
        pst.applications(),
    )


# Replies the reader has something to say about, for its methods to work on.
_REPLIES = (
    "We have decided not to take your application further.",
    "We would like to offer you the role at £50,000 a year; please reply by Friday.",
    "We'd like to invite you to a second interview on Tuesday 8 December at 2pm.",
    "We have not made a decision yet and expect to get back to you next week.",
)


def _special() -> dict[type, st.SearchStrategy[object]]:
    from postinterview.followup import Action, Done, Plan  # noqa: PLC0415
    from postinterview.letters import Candidate, Draft  # noqa: PLC0415
    from postinterview.replies import Reading, pattern_languages, patterns  # noqa: PLC0415
    from postinterview.replies._patterns import Patterns  # noqa: PLC0415
    from postinterview.replies._reading import ROLES, Evidence  # noqa: PLC0415

    return {
        Draft: st.deferred(_drafts),
        Candidate: st.deferred(_candidates),
        Plan: _plans(),
        Action: _actions(),
        Done: _done(),
        email.message.Message: st.deferred(_messages),
        Reading: st.deferred(_readings),
        Patterns: st.sampled_from(pattern_languages()).map(patterns),
        Evidence: st.builds(
            Evidence,
            start=st.integers(0, 100),
            end=st.integers(0, 100),
            text=_LINES,
            role=st.sampled_from(sorted(ROLES)),
            pattern=_LINES,
        ),
        # A file that is not there: reading it must fail as a ValidationError.
        pathlib.Path: st.just(pathlib.Path("/nonexistent/patterns.toml")),
    }


SPECIAL = _special()
# The records postinterview.strategies has a strategy for, registered for
# st.from_type when Hypothesis loads.
REGISTERED = frozenset(
    getattr(importlib.import_module(module), record)
    for module, record, _ in postinterview._STRATEGIES
)


@st.composite
def _built(draw: st.DrawFn, cls: type) -> object:
    """An instance of a record without a strategy, from valid field values."""
    made = draw(arguments(_constructor(cls), only_valid=True))
    try:
        return cls(*made[0], **made[1])
    except PostInterviewError:  # fields that disagree with each other
        reject()


# Values for a str (or int) parameter that must be one of a few, by its name,
# so that the call gets past the check of that parameter.
_BY_NAME: dict[str, st.SearchStrategy[object]] = {
    "timezone": pst.zone_names(),
    "zone": pst.zone_names(),
    "email": _EMAILS,
    "sender": st.deferred(_candidates),
    "phone": st.just("+44 20 7946 0000"),
    "locale": st.sampled_from(("en_GB", "en_US")),
    "country": st.sampled_from(("US", "GB", "DE", "SA")),
    "subdivision": st.none() | st.sampled_from(("NY", "SCT", "BY")),
    "variant": st.sampled_from(("email", "letter")),
    "currency": st.sampled_from(("GBP", "USD", "EUR")),
    "kind": st.sampled_from(postinterview.letters.KINDS),
    "source": st.sampled_from(
        (
            "Dear {{ name }},",
            "{% for x in items %}{{ x|upper }} {% endfor %}",
            "{{ name|e }} {{ items|length }}",
        )
    ),
    "context": st.fixed_dictionaries(
        {"name": _LINES, "items": st.lists(_LINES, max_size=3)}
    ),
    "weights": st.dictionaries(
        st.sampled_from(postinterview.decisions.FACTORS),
        st.integers(0, 5) | st.decimals(0, 5, places=2),
        max_size=3,
    ),
    "name": _LINES,
    "score": st.integers(1, 5),
    "overall": st.integers(1, 5),
    "round": st.integers(1, 3),
    "number": st.integers(1, 3),
    "limit": st.integers(0, 10),
    "max_chars": st.integers(100, 20_000),
    "indent": st.none() | st.integers(0, 4),
    "template": st.none() | st.sampled_from(postinterview.letters.KINDS),
    "code": st.sampled_from(("too-long", "placeholder")),
}


# The parameters whose strategy above is for the whole value, whatever its hint.
_WHOLE = frozenset({"sender", "context", "weights"})


def valid(hint: Any, name: str = "") -> st.SearchStrategy[Any]:  # noqa: PLR0912
    """A strategy for values the parameter *name* of type *hint* accepts."""
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if name in _WHOLE:
        optional = type(None) in arguments
        return _BY_NAME[name] | st.none() if optional else _BY_NAME[name]
    if hint is type(None):
        return st.none()
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(valid(argument, name) for argument in arguments))
    if name in _BY_NAME and hint in (str, int, Any, object):
        return _BY_NAME[name]
    if hint is str:
        return _LINES
    if hint in (bytes, bytearray):
        return _LINES.map(lambda text: hint(text.encode()))
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(0, 10)
    if hint is float:  # a time limit, in seconds
        return st.floats(0.05, 2.0)
    if hint is Decimal:
        return st.decimals(0, 10**6, places=2)
    if hint in (dt.datetime, pendulum.DateTime):
        return _INSTANTS
    if hint in (dt.date, pendulum.Date):
        return _DATES
    if hint is dt.timedelta:
        return st.timedeltas(dt.timedelta(0), dt.timedelta(days=60))
    if hint is dt.time:
        return st.times()
    if hint in (Any, object):
        return st.one_of(_LINES, st.integers(0, 10), st.none())
    if origin in (
        abc.Iterable,
        abc.Sequence,
        abc.Container,
        tuple,
        list,
        frozenset,
        set,
    ):
        item = valid(arguments[0], name) if arguments else _LINES
        return st.lists(item, max_size=3).map(tuple)
    if origin in (abc.Mapping, dict):
        return st.dictionaries(valid(arguments[0]), valid(arguments[1]), max_size=3)
    if origin is type:
        return st.sampled_from(RECORDS)
    if isinstance(hint, typing.TypeVar):
        return st.one_of(_LINES, st.sampled_from(RECORDS))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return st.sampled_from(list(hint))
    if isinstance(hint, type):
        if hint in SPECIAL:
            return SPECIAL[hint]
        if hint in REGISTERED:
            return st.from_type(hint)
        return st.deferred(lambda: _built(hint))
    if isinstance(hint, types.GenericAlias):  # pragma: no cover
        return st.nothing()
    raise AssertionError(f"no valid values for {name}: {hint!r}")


# --- hostile values ---------------------------------------------------------


class _Opaque:
    """An object of a type no one expects."""

    def __repr__(self) -> str:
        return "<opaque>"


def _nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


_TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
_KIRITIMATI = zoneinfo.ZoneInfo("Pacific/Kiritimati")
_LONG = "x" * 100_000
HOSTILE_SCALARS: tuple[object, ...] = (
    None,
    _Opaque(),
    object,
    b"bytes",
    bytearray(b"x"),
    [],
    {},
    set(),
    (),
    0,
    -1,
    1.5,
    True,
    False,
    complex(1, 1),
    math.nan,
    math.inf,
    -math.inf,
    2**63,
    -(2**63) - 1,
    10**400,
    -(10**400),
    10**5000,  # more digits than int() will turn into text
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("-0"),
    Decimal("-1"),
    Decimal("1E+999999999"),
    Decimal("1E+999999999999999999"),
    Decimal("1E-999999999"),
    Decimal("1E+200000000"),
    # strings: empty, blank, control and right-to-left characters, long
    "",
    " \t ",
    "\x00",
    "a\nb",
    "a\rb",
    "\x1b[31mred",
    "\u202eevil\u202c",
    "\u200f\u200e",
    "\u2028",
    "\ud800",
    "\ufeff",
    _LONG,
    "é" * 100_000,
    "\u202e" * 100_000,
    "9" * 5000,
    "1E+999999999",
    "NaN",
    "-Infinity",
    "{{ 7 * 7 }}",
    "{% for i in range(10) %}x{% endfor %}",
    "Europe/london",
    "../../../etc/passwd",
    "localtime",
    "+01:00",
    "UTC+1",
    "a.@acme.example",
    ".a@acme.example",
    "a..b@acme.example",
    "a@b@c",
    "@",
    "\u202e@acme.example",
    "priya@acme.example\r\nBcc: all@example.org",
    # instants and dates at the ends of time, aware and naive, odd zones
    dt.datetime.min,  # noqa: DTZ901 - naive on purpose
    dt.datetime.max,  # noqa: DTZ901 - naive on purpose
    dt.datetime.min.replace(tzinfo=dt.UTC),
    dt.datetime.max.replace(tzinfo=dt.UTC),
    dt.datetime(1, 1, 1, tzinfo=_TOKYO),
    dt.datetime(9999, 12, 31, 23, 59, tzinfo=_KIRITIMATI),
    dt.datetime(9999, 12, 31, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/Los_Angeles")),
    dt.datetime(2026, 3, 29, 1, 30, tzinfo=zoneinfo.ZoneInfo("Europe/London")),
    dt.datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=zoneinfo.ZoneInfo("Europe/London")),
    dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=45))),
    dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=23, minutes=59))),
    dt.datetime(2026, 1, 1),  # noqa: DTZ001 - naive on purpose
    pendulum.datetime(1, 1, 1, tz="Asia/Tokyo"),
    pendulum.datetime(1, 1, 1, tz="America/Los_Angeles"),
    pendulum.datetime(9999, 12, 31, 23, 59, 59, tz="Pacific/Kiritimati"),
    pendulum.datetime(9999, 12, 31, 23, 59, 59, tz="America/Los_Angeles"),
    pendulum.datetime(9999, 12, 31, tz="UTC"),
    pendulum.datetime(2026, 1, 1, tz=pendulum.fixed_timezone(19800)),
    pendulum.naive(2026, 1, 1),
    dt.date.min,
    dt.date.max,
    pendulum.Date(1, 1, 1),
    pendulum.Date(9999, 12, 31),
    dt.time.max,
    dt.time(12, tzinfo=dt.UTC),
    dt.timedelta.max,
    dt.timedelta.min,
    dt.timedelta(0),
    -dt.timedelta(days=1),
    dt.timedelta(microseconds=1),
    pendulum.duration(years=9000),
    _TOKYO,
    pendulum.timezone("Europe/London"),
    dt.UTC,
    # containers: empty, huge, deep, one-shot
    (None,) * 100_000,
    ("x",) * 100_000,
    # Deep, but not so deep that printing a falsifying example recurses too far.
    _nested(150),
    {"": None},
    {None: None},
    frozenset({1}),
)


def _huge_of(hint: Any, name: str) -> st.SearchStrategy[Any]:
    """Many copies of a valid item, for a parameter that takes a collection."""
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(_huge_of(argument, name) for argument in arguments))
    if origin in (abc.Iterable, abc.Sequence, tuple) and arguments:
        # A thousand records: more is slow for good reasons (a thousand
        # applications take a second to write as JSON and read back).
        return valid(arguments[0], name).map(lambda item: (item,) * 1_000)
    if hint is str:
        return _LINES.map(lambda text: (text + " ") * 20_000)
    return st.nothing()


def hostile(hint: Any, name: str) -> st.SearchStrategy[Any]:
    """A strategy for values no parameter should accept without a good error."""
    with_valid = valid(hint, name)
    return st.one_of(
        st.sampled_from(HOSTILE_SCALARS),
        _huge_of(hint, name),
        # a valid value with something hostile added to it
        with_valid.map(lambda value: (value,)),
        with_valid.map(lambda value: [value, _Opaque()]),
        st.builds(
            lambda value, extra: value + extra if isinstance(value, str) else value,
            with_valid,
            st.sampled_from(("\x00", "\u202e", "\n", "\x85", _LONG)),
        ),
    )


# --- documents ----------------------------------------------------------------

# What a hostile document may hold where a record's field should be.
HOSTILE_JSON: tuple[object, ...] = (
    None,
    "",
    " ",
    "\u202e",
    "\x00",
    _LONG,
    True,
    1.5,
    -1,
    0,
    10**30,
    1e308,
    [],
    {},
    [[[[[]]]]],
    "1E+999999999",
    "1E+999999999999999999",
    "-1E+200000000",
    "NaN",
    "sNaN",
    "Infinity",
    "-0",
    "0001-01-01T00:00:00+09:00[Asia/Tokyo]",
    "9999-12-31T23:59:59+14:00[Pacific/Kiritimati]",
    "9999-12-31T23:59:59-08:00[America/Los_Angeles]",
    "2026-11-20T15:30:00+01:00[Europe/London]",
    "2026-11-20T15:30:00+00:00[Europe/london]",
    "2026-11-20T15:30:00",
    "P999999999D",
    "PT-1S",
    "P1Y",
    "a.@acme.example",
    "YEAR",
    "year",
)


def _leaves(
    document: object, path: tuple[object, ...] = ()
) -> list[tuple[object, ...]]:
    """The path to every value in a JSON document, containers included."""
    found = [path]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _leaves(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _leaves(value, (*path, index))
    return found


def _replaced(document: Any, path: tuple[object, ...], value: object) -> Any:
    if not path:
        return value
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[path[0]] = _replaced(document[path[0]], path[1:], value)  # type: ignore[index]
    return copy


@st.composite
def documents(draw: st.DrawFn) -> tuple[type, dict[str, Any]]:
    """A record class and the JSON-ready dict of one of its values, perhaps
    with one part of it replaced by something hostile."""
    cls = draw(st.sampled_from(RECORDS))
    document = to_dict(draw(valid(cls)))
    if draw(st.booleans()):
        paths = _leaves(document)[1:]  # never the whole document
        path = draw(st.sampled_from(paths))
        document = _replaced(document, path, draw(st.sampled_from(HOSTILE_JSON)))
    return cls, document


def _json(document: dict[str, Any]) -> str:
    try:
        return json.dumps(document, ensure_ascii=False)
    except ValueError:  # an int too long for text: then the text says it
        return json.dumps({**document, "digits": 0}).replace('"digits": 0', "9" * 5000)


# Calls whose arguments belong together: a class and a document of it.
TOGETHER: dict[str, st.SearchStrategy[dict[str, object]]] = {
    "from_dict": documents().map(lambda made: {"cls": made[0], "data": made[1]}),
    "from_json": documents().map(lambda made: {"cls": made[0], "text": _json(made[1])}),
}


# --- building calls ---------------------------------------------------------


@st.composite
def arguments(
    draw: st.DrawFn,
    target: Target,
    *,
    only_valid: bool = False,
) -> tuple[list[object], dict[str, object]]:
    """Positional and keyword arguments for *target*, each valid or hostile."""
    if target.name in TOGETHER and not only_valid and draw(st.booleans()):
        return [], draw(TOGETHER[target.name])
    parameters = target.parameters
    count = len(parameters)
    if only_valid or not count:
        bad: set[int] = set()
    else:
        indices = st.sampled_from(range(count))
        bad = draw(
            st.one_of(
                indices.map(lambda index: {index}),
                st.sets(indices, max_size=count),
            )
        )
    positional: list[object] = []
    keywords: dict[str, object] = {}
    for index, parameter in enumerate(parameters):
        hint = target.hints.get(parameter.name, Any)
        optional = parameter.default is not inspect.Parameter.empty
        if index not in bad and optional and draw(st.booleans()):
            continue  # leave it to its default
        if index in bad:
            value = draw(hostile(hint, parameter.name))
        else:
            value = draw(valid(hint, parameter.name))
        if parameter.kind is inspect.Parameter.POSITIONAL_ONLY:
            positional.append(value)
        elif parameter.kind is inspect.Parameter.VAR_POSITIONAL:
            positional.extend(value if isinstance(value, tuple) else (value,))
        else:
            keywords[parameter.name] = value
    return positional, keywords


def _constructor(cls: type) -> Target:
    return next(t for t in TARGETS if t.function is cls and t.owner is None)


@st.composite
def receivers(draw: st.DrawFn, cls: type) -> object:
    """An instance of *cls*: a valid one, or one built from hostile values
    that the constructor accepted."""
    if draw(st.booleans()):
        return draw(valid(cls))
    target = _constructor(cls)
    positional, keywords = draw(arguments(target))
    try:
        return cls(*positional, **keywords)
    except PostInterviewError:
        return draw(valid(cls))


@contextlib.contextmanager
def bounded() -> Iterator[None]:
    """Fail a call that runs past its time or grows past its memory.

    Where the platform has neither an alarm signal nor resource limits
    (Windows), the call simply runs.
    """

    def stop(signum: int, frame: object) -> None:
        raise AssertionError(f"a call ran for more than {SECONDS_PER_CALL} s")

    alarm = hasattr(signal, "SIGALRM")
    if alarm:
        previous = signal.signal(signal.SIGALRM, stop)
        signal.alarm(SECONDS_PER_CALL)
    limits = None
    if resource is not None and os.path.exists("/proc/self/statm"):
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[0])
        size = pages * os.sysconf("SC_PAGE_SIZE")
        limits = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + MEMORY_PER_CALL
        if limits[1] == resource.RLIM_INFINITY or cap < limits[1]:
            resource.setrlimit(resource.RLIMIT_AS, (cap, limits[1]))
    try:
        with warnings.catch_warnings():
            # The library's own warnings are documented behaviour.
            warnings.simplefilter("ignore", PostInterviewWarning)
            yield
    finally:
        if limits is not None:
            resource.setrlimit(resource.RLIMIT_AS, limits)
        if alarm:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)


def _round_trips(value: object) -> None:
    """A record a constructor accepted survives JSON and comes back equal."""
    if type(value) not in RECORDS:
        return
    back = from_json(type(value), to_json(value))
    assert back == value, (value, back)


# --- the properties ---------------------------------------------------------


def _package(target: Target) -> str:
    """The part of the library that defines *target*: interview, letters, ..."""
    defined = target.owner or target.function
    return defined.__module__.split(".")[1]


# One property per part of the library: a failure names the part, and its
# falsifying example names the callable.
GROUPS: dict[str, tuple[Target, ...]] = {}
for _target in TARGETS:
    GROUPS.setdefault(_package(_target), ())
    GROUPS[_package(_target)] += (_target,)


def _call(target: Target, data: st.DataObject) -> None:
    """Call *target* once with drawn arguments; fail on an undocumented error."""
    if target.owner is not None:
        receiver = data.draw(receivers(target.owner), label="receiver")
    positional, keywords = data.draw(arguments(target), label="arguments")
    with bounded():
        try:
            if target.owner is None:
                result = target.function(*positional, **keywords)
            else:
                result = target.function(receiver, *positional, **keywords)
        except PostInterviewError as error:
            str(error)  # it prints, whatever the value
            return
        except Exception as error:
            if target.allowed(error, keywords):
                return
            raise
        if isinstance(target.function, type):
            _round_trips(result)


def _property(group: str, targets: tuple[Target, ...]) -> Callable[[], None]:
    @settings(FUZZ, max_examples=_budget(len(targets)))
    @given(data=st.data())
    def test(data: st.DataObject) -> None:
        target = data.draw(st.sampled_from(targets), label="callable")
        _call(target, data)

    name = f"test_every_call_into_{group}_raises_only_documented_errors"
    test.__name__ = test.__qualname__ = name
    test.__doc__ = f"Every public callable of postinterview.{group}, fuzzed."
    return test


for _group, _targets in GROUPS.items():
    _test = _property(_group, _targets)
    globals()[_test.__name__] = _test


def test_every_part_of_the_library_has_its_property() -> None:
    assert set(GROUPS) == {
        "interview", "notes", "timeline", "workdays", "followup", "letters",
        "reflection", "feedback", "decisions", "learning", "findings",
        "serialize", "testing", "replies",
    }  # fmt: skip


@settings(FUZZ, max_examples=_budget(len(ERRORS)))
@given(data=st.data())
def test_every_error_prints_whatever_it_was_given(data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from(list(ERRORS.values())), label="error")
    texts = st.one_of(
        _LINES, st.sampled_from([v for v in HOSTILE_SCALARS if isinstance(v, str)])
    )
    anything = st.sampled_from(HOSTILE_SCALARS) | _LINES
    if issubclass(cls, ValidationError):
        error: BaseException = cls(
            data.draw(texts), data.draw(anything), data.draw(texts)
        )
    elif cls is postinterview.TimelineError:
        error = cls(data.draw(texts), index=data.draw(st.none() | st.integers()))
    elif issubclass(cls, postinterview.TemplateRenderError):
        error = cls(
            data.draw(texts),
            template=data.draw(st.none() | texts),
            line=data.draw(st.none() | st.integers()),
        )
    else:  # the root and the warning: a message
        error = cls(data.draw(texts))
    with bounded():
        assert isinstance(str(error), str)
