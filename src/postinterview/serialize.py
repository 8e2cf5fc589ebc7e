"""Lossless JSON for the library's records.

A document is a flat JSON object: ``"schema_version"`` first, then the
record's fields in declaration order. Nested records are JSON objects without
a version. The encoding of each value follows its type annotation:

- ``str``, ``bool`` and ``int`` as themselves (a bool is never read as an int);
- :class:`~decimal.Decimal` as a string, ``"42000.50"``;
- an instant as an RFC 9557 string that keeps the zone name,
  ``"2026-11-20T15:30:00+00:00[Europe/London]"``;
- a date as ``"2026-11-27"``;
- an enum member by name, ``"IN_PERSON"``;
- a tuple as an array;
- a member of a union of records as an object whose ``"type"`` names its class.

A field that is ``None`` is left out when its default is ``None`` too (TOML,
which has no null, can then hold the same documents); every other field is
written, defaults and empty tuples included. Reading refuses anything else
with a :class:`~postinterview.errors.SchemaError` whose ``path`` locates the
problem, such as ``interviewers[0].email``.

Each record class is compiled once into a list of per-field encoders and
decoders, derived from :func:`attrs.fields` and the resolved annotations. To
make a new record serializable, add its class to :data:`RECORDS`; the records
it holds come with it.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import json
import operator
import re
import threading
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
import pendulum

from postinterview import _time
from postinterview.errors import SchemaError, TimelineError, ValidationError
from postinterview.feedback import Feedback
from postinterview.interview import Interview, Person, SalaryRange
from postinterview.learning import CriterionTrend, LearningLog, LogEntry, PrepFocus
from postinterview.notes import (
    Highlight,
    InterviewNotes,
    OwnQuestion,
    QuestionAsked,
    RoleInsight,
)
from postinterview.reflection import (
    FitAssessment,
    Rating,
    Reservation,
    Scorecard,
)
from postinterview.timeline import Application

__all__ = [
    "RECORDS",
    "SCHEMA_VERSION",
    "format_instant",
    "from_dict",
    "from_json",
    "parse_instant",
    "to_dict",
    "to_json",
]


class _Missing:
    """Stands for a key the document lacks, in SchemaError.value."""

    def __repr__(self) -> str:
        return "nothing (the key is missing)"


#: What a SchemaError's value is when the document lacks the key.
MISSING: Final = _Missing()

#: The version written into, and required of, every document.
SCHEMA_VERSION: Final = 1

#: The record classes that can be written and read. The records inside them
#: (nested fields, members of unions) are found through their annotations.
RECORDS: Final[tuple[type, ...]] = (
    Person,
    SalaryRange,
    Interview,
    QuestionAsked,
    RoleInsight,
    OwnQuestion,
    Highlight,
    InterviewNotes,
    Application,
    Rating,
    Reservation,
    FitAssessment,
    Scorecard,
    Feedback,
    LogEntry,
    LearningLog,
    CriterionTrend,
    PrepFocus,
)

T = TypeVar("T")
_Encode = Callable[[Any], Any]
_Decode = Callable[[Any], Any]

_VERSION_KEY: Final = "schema_version"
_TAG_KEY: Final = "type"
_UTC = dt.UTC


class _DecodeError(Exception):
    """A decoding failure on its way out; it becomes a SchemaError at the top.

    Each enclosing object or array adds its step to *steps* while the error
    passes through, so no path is built unless something is wrong.
    """

    def __init__(self, value: object, expected: str, step: str | None = None) -> None:
        super().__init__(value, expected)
        self.value = value
        self.expected = expected
        self.steps: list[str] = [] if step is None else [step]

    def schema_error(self) -> SchemaError:
        path = "".join(reversed(self.steps))
        return SchemaError(path.removeprefix("."), self.value, self.expected)


# --- scalars ---------------------------------------------------------------


def _decode_str(value: object) -> str:
    if type(value) is str:
        return value
    raise _DecodeError(value, "a string")


def _decode_bool(value: object) -> bool:
    if type(value) is bool:
        return value
    raise _DecodeError(value, "true or false")


def _decode_int(value: object) -> int:
    if type(value) is int:
        return value
    raise _DecodeError(value, "an integer")


_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?", re.ASCII)
_DECIMAL_EXPECTED = "a decimal number written as a string, such as '42000.50'"


def _decode_decimal(value: object) -> Decimal:
    if type(value) is str and _DECIMAL.fullmatch(value):
        try:
            return Decimal(value)
        except decimal.InvalidOperation:  # an exponent beyond what Decimal holds
            pass
    raise _DecodeError(value, _DECIMAL_EXPECTED)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_DATE_EXPECTED = "an ISO 8601 date such as '2026-11-27'"


def _decode_date(value: object) -> pendulum.Date:
    if type(value) is str and _DATE.fullmatch(value):
        try:
            return pendulum.Date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:  # no such day
            pass
    raise _DecodeError(value, _DATE_EXPECTED)


_encode_date: _Encode = dt.date.isoformat


# --- instants --------------------------------------------------------------

# RFC 9557: an RFC 3339 timestamp, then the zone name in brackets. An offset
# may carry seconds, as the local mean time of old dates does and as
# isoformat() writes it. "Z" (or RFC 3339's "-00:00") gives the instant in UTC
# without claiming a local offset.
_INSTANT = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"(Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?))"
    r"\[!?([A-Za-z._][A-Za-z0-9._+-]*(?:/[A-Za-z._][A-Za-z0-9._+-]*)*)\]",
    re.ASCII,
)
_UTC_ONLY = frozenset({"Z", "-00:00"})
_INSTANT_EXPECTED = (
    "an RFC 9557 instant with its zone name, such as "
    "'2026-11-20T15:30:00+00:00[Europe/London]'"
)


def _encode_instant(value: pendulum.DateTime) -> str:
    return f"{dt.datetime.isoformat(value)}[{_time.zone_name(value)}]"


def _decode_instant(value: object) -> pendulum.DateTime:
    if type(value) is not str:
        raise _DecodeError(value, _INSTANT_EXPECTED)
    match = _INSTANT.fullmatch(value)
    if match is None:
        raise _DecodeError(value, _INSTANT_EXPECTED)
    stamp, offset_text, name = match.groups()
    try:
        given = dt.datetime.fromisoformat(stamp)
    except ValueError as error:  # no such day or time of day
        raise _DecodeError(value, f"a date and time that exist ({error})") from None
    try:
        tz = _time.zone(name)
    except ValidationError:
        raise _DecodeError(
            value, f"a known IANA time zone name in the brackets, not {name!r}"
        ) from None
    try:
        instant = _time.from_utc(given, tz)
    except OverflowError:
        raise _DecodeError(value, "an instant between the years 1 and 9999") from None
    # The instant is the wall time minus the offset given, so the zone shows
    # that same wall time exactly when it has that offset there. In a
    # fall-back fold the offset is what tells the two instants apart.
    if instant.utcoffset() != given.utcoffset() and offset_text not in _UTC_ONLY:
        raise _DecodeError(value, _offset_expected(given.replace(tzinfo=None), tz))
    return instant


def _offset_expected(wall: dt.datetime, tz: pendulum.Timezone) -> str:
    """Say which offsets *tz* has at the local time *wall*."""
    offsets: list[dt.timedelta] = []
    for fold in (0, 1):
        try:
            offset = wall.replace(tzinfo=tz, fold=fold).utcoffset()
            if offset is None or offset in offsets:
                continue
            back = (wall - offset).replace(tzinfo=_UTC).astimezone(tz)
        except OverflowError:
            continue
        if back.replace(tzinfo=None) == wall:
            offsets.append(offset)
    if not offsets:
        return (
            f"a local time that exists in {tz.name} "
            f"({wall.isoformat()} is skipped by a clock change)"
        )
    shown = " or ".join(_format_offset(offset) for offset in offsets)
    return f"the offset {tz.name} has at {wall.isoformat()} ({shown})"


def _format_offset(offset: dt.timedelta) -> str:
    sign = "-" if offset < dt.timedelta(0) else "+"
    seconds = int(abs(offset).total_seconds())
    text = f"{sign}{seconds // 3600:02d}:{seconds // 60 % 60:02d}"
    return text + (f":{seconds % 60:02d}" if seconds % 60 else "")


_DEADLINE_EXPECTED = f"{_DATE_EXPECTED}, or {_INSTANT_EXPECTED}"


def _encode_deadline(value: pendulum.DateTime | pendulum.Date) -> str:
    if isinstance(value, pendulum.DateTime):
        return _encode_instant(value)
    return value.isoformat()


def _decode_deadline(value: object) -> pendulum.DateTime | pendulum.Date:
    if type(value) is not str:
        raise _DecodeError(value, _DEADLINE_EXPECTED)
    if "T" in value:
        return _decode_instant(value)
    return _decode_date(value)


# An encoder of None means the value is written as it is.
_SCALARS: Final[dict[object, tuple[_Encode | None, _Decode]]] = {
    str: (None, _decode_str),
    bool: (None, _decode_bool),
    int: (None, _decode_int),
    Decimal: (str, _decode_decimal),
    pendulum.DateTime: (_encode_instant, _decode_instant),
    pendulum.Date: (_encode_date, _decode_date),
}
_UNIONS: Final[dict[frozenset[object], tuple[_Encode | None, _Decode]]] = {
    frozenset({pendulum.DateTime, pendulum.Date}): (_encode_deadline, _decode_deadline),
}


# --- compiled plans --------------------------------------------------------


class _Plan:
    """How to write and read one record class, field by field."""

    __slots__ = ("cls", "decoders", "encoders", "fields", "keys")

    cls: type
    # (attribute name, key, encoder or None, leave out when None)
    encoders: list[tuple[str, str, _Encode | None, bool]]
    # (key, decoder, None accepted, required)
    decoders: list[tuple[str, _Decode, bool, bool]]
    keys: frozenset[str]
    fields: str  # what an unknown key should have been, for the error message

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.encoders = []
        self.decoders = []
        self.keys = frozenset()
        self.fields = ""

    def encode(self, obj: object, out: dict[str, Any]) -> dict[str, Any]:
        """Add the fields of *obj* to *out* and return it."""
        for attribute, key, encode, omit_none in self.encoders:
            value = getattr(obj, attribute)
            if value is None:
                if not omit_none:
                    out[key] = None
            elif encode is None:
                out[key] = value
            else:
                out[key] = encode(value)
        return out

    def decode(self, data: object, reserved: str | None = None) -> Any:
        """Build the record from the JSON object *data*.

        *reserved* is a key that the caller has read already (the version or
        the union tag); it is not a field.
        """
        if type(data) is not dict:
            data = _as_object(data, self.cls.__name__)
        kwargs: dict[str, Any] = {}
        key = ""
        try:
            for key, decode, nullable, required in self.decoders:
                value = data.get(key, MISSING)
                if value is MISSING:
                    if required:
                        raise _DecodeError(
                            MISSING,
                            f"a value ({self.cls.__name__} requires {key})",
                        )
                elif value is None and nullable:
                    kwargs[key] = None
                else:
                    kwargs[key] = decode(value)
        except _DecodeError as error:
            error.steps.append(f".{key}")
            raise
        if len(kwargs) + (reserved is not None) != len(data):
            self._reject_unknown(data, reserved)
        try:
            return self.cls(**kwargs)
        except ValidationError as error:
            step = f".{error.field}" if error.field else None
            raise _DecodeError(error.value, error.expected, step) from None
        except TimelineError as error:
            # The events decoded, but cannot happen in that order.
            where = None if error.index is None else f".events[{error.index}]"
            event = data["events"][error.index] if where else data
            raise _DecodeError(
                event, f"an event that can happen there ({error})", where
            ) from None
        except (ValueError, TypeError, ArithmeticError) as error:
            # A record should raise only ValidationError; report anything else
            # against the object rather than let it escape without a path.
            problem = f"{type(error).__name__}: {error}"
            raise _DecodeError(
                data, f"a valid {self.cls.__name__} ({problem})"
            ) from None

    def _reject_unknown(self, data: dict[str, Any], reserved: str | None) -> None:
        for key in data:
            if key not in self.keys and key != reserved:
                raise _DecodeError(key, self.fields, f".{key}")


class _DuplicateKeys(dict[str, Any]):
    """A JSON object whose text repeats *key*; decoding it reports the repeat."""

    key: str

    def __init__(self, pairs: list[tuple[str, Any]], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def _as_object(data: object, what: str) -> dict[str, Any]:
    """Check the slow cases of a value that should be the JSON object *what*."""
    if isinstance(data, _DuplicateKeys):
        raise _DecodeError(
            data.key, f"each key once per object ({what} repeats it)", f".{data.key}"
        )
    if isinstance(data, dict):
        return data
    raise _DecodeError(data, f"a JSON object ({what})")


# Finished plans only: the hot path reads this without the lock. Plans being
# compiled wait in _PENDING, so that another thread never sees a half-built one
# and a record may refer to itself.
_PLANS: dict[type, _Plan] = {}
_PENDING: dict[type, _Plan] = {}
_LOCK = threading.RLock()


def _record_plan(cls: type) -> _Plan:
    """Return the plan for a record class listed in RECORDS or nested in one."""
    plan = _PLANS.get(cls)
    if plan is None:
        for record in RECORDS:
            _plan(record)
        plan = _PLANS.get(cls)
        if plan is None:
            raise TypeError(
                f"{cls!r} is not a serializable record; "
                "add it to postinterview.serialize.RECORDS"
            )
    return plan


def _plan(cls: type) -> _Plan:
    """Return the plan for the attrs class *cls*, compiling it on first use."""
    plan = _PLANS.get(cls)
    if plan is not None:
        return plan
    with _LOCK:
        plan = _PLANS.get(cls) or _PENDING.get(cls)
        if plan is not None:
            return plan
        outermost = not _PENDING
        plan = _PENDING[cls] = _Plan(cls)
        try:
            _compile(plan)
            if outermost:
                _PLANS.update(_PENDING)
        finally:
            if outermost:
                _PENDING.clear()
    return plan


def _compile(plan: _Plan) -> None:
    cls = plan.cls
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if not field.init:
            continue
        key = field.alias or field.name
        if key in (_VERSION_KEY, _TAG_KEY):
            raise TypeError(f"{cls.__name__}.{key}: the key {key!r} is reserved")
        core, nullable = _split_optional(hints[field.name])
        encode, decode = _codec(core, f"{cls.__name__}.{field.name}")
        plan.encoders.append((field.name, key, encode, field.default is None))
        plan.decoders.append((key, decode, nullable, field.default is attrs.NOTHING))
    plan.keys = frozenset(key for key, *_ in plan.decoders)
    plan.fields = (
        f"a field of {cls.__name__} ({', '.join(k for k, *_ in plan.decoders)})"
    )


def _split_optional(hint: object) -> tuple[object, bool]:
    """Return *hint* without ``None``, and whether ``None`` was part of it."""
    if typing.get_origin(hint) not in (typing.Union, types.UnionType):
        return hint, False
    args = typing.get_args(hint)
    rest = tuple(arg for arg in args if arg is not types.NoneType)
    if len(rest) == len(args):
        return hint, False
    if len(rest) == 1:
        return rest[0], True
    return typing.Union[rest], True  # noqa: UP007 - built from a tuple at run time


def _codec(hint: object, where: str) -> tuple[_Encode | None, _Decode]:
    """Return the encoder and decoder for values annotated *hint*."""
    scalar = _SCALARS.get(hint)
    if scalar is not None:
        return scalar
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_codec(hint)
    if isinstance(hint, type) and attrs.has(hint):
        nested = _plan(hint)
        return (lambda value: nested.encode(value, {})), nested.decode
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple_codec(args[0], where)
    if origin in (typing.Union, types.UnionType):
        union = _UNIONS.get(frozenset(args))
        if union is not None:
            return union
        if all(isinstance(arg, type) and attrs.has(arg) for arg in args):
            return _tagged_codec(args, where)
    raise TypeError(f"{where}: cannot serialize values annotated {hint!r}")


def _enum_codec(kind: type[enum.Enum]) -> tuple[_Encode, _Decode]:
    members = {member.name: member for member in kind}
    expected = f"the name of a {kind.__name__} ({', '.join(members)})"

    def decode(value: object) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        raise _DecodeError(value, expected)

    return operator.attrgetter("name"), decode


def _tuple_codec(item_hint: object, where: str) -> tuple[_Encode, _Decode]:
    core, nullable = _split_optional(item_hint)
    item_encode, item_decode = _codec(core, f"{where}[]")
    if nullable:
        item_encode = _nullable(item_encode) if item_encode is not None else None
        item_decode = _nullable(item_decode)
    expected = "a JSON array"

    def encode(value: tuple[Any, ...]) -> list[Any]:
        if item_encode is None:
            return list(value)
        return [item_encode(item) for item in value]

    def decode(value: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _DecodeError(value, expected)
        items = []
        index = 0
        try:
            for index, item in enumerate(value):  # noqa: B007 - read in the handler
                items.append(item_decode(item))
        except _DecodeError as error:
            error.steps.append(f"[{index}]")
            raise
        return tuple(items)

    return encode, decode


def _nullable(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else function(value)


def _tagged_codec(classes: tuple[type, ...], where: str) -> tuple[_Encode, _Decode]:
    plans = {cls.__name__: _plan(cls) for cls in classes}
    if len(plans) != len(classes):
        raise TypeError(f"{where}: two classes in the union share a name")
    by_class = {plan.cls: (name, plan) for name, plan in plans.items()}
    names = ", ".join(plans)
    expected = f"the name of one of {names}"

    def encode(value: object) -> dict[str, Any]:
        name, plan = by_class[type(value)]
        return plan.encode(value, {_TAG_KEY: name})

    def decode(value: object) -> Any:
        data = value if type(value) is dict else _as_object(value, f"one of {names}")
        tag = data.get(_TAG_KEY, MISSING)
        plan = plans.get(tag) if type(tag) is str else None
        if plan is None:
            raise _DecodeError(tag, expected, f".{_TAG_KEY}")
        return plan.decode(data, _TAG_KEY)

    return encode, decode


# --- the public functions --------------------------------------------------


def format_instant(value: dt.datetime) -> str:
    """Return an aware instant as the RFC 9557 text the JSON format uses.

    The text keeps the zone's name, so reading it back gives the same
    instant shown in the same zone:

    >>> format_instant(pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London"))
    '2026-11-20T15:30:00+00:00[Europe/London]'
    """
    return _encode_instant(_time.as_instant(value, "value"))


def parse_instant(text: str) -> pendulum.DateTime:
    """Read an instant written by :func:`format_instant` (RFC 9557).

    The offset must be the zone's at that moment; anything else raises
    :class:`~postinterview.ValidationError`:

    >>> parse_instant("2026-11-20T15:30:00+00:00[Europe/London]").timezone_name
    'Europe/London'
    """
    try:
        return _decode_instant(text)
    except _DecodeError as error:
        raise ValidationError("text", text, error.expected) from None


def to_dict(obj: object) -> dict[str, Any]:
    """Return *obj*, a record (see :data:`RECORDS`), as a JSON-ready dict.

    The dict starts with ``"schema_version"`` and holds only dicts, lists,
    strings, ints and bools (and None for a field whose default is not None).
    Raises :class:`TypeError` for anything that is not a record.

    >>> to_dict(Person(name="Priya Shah", email="priya@acme.example"))
    {'schema_version': 1, 'name': 'Priya Shah', 'email': 'priya@acme.example'}
    """
    plan = _PLANS.get(type(obj)) or _record_plan(type(obj))
    return plan.encode(obj, {_VERSION_KEY: SCHEMA_VERSION})


def from_dict(cls: type[T], data: object) -> T:
    """Return the record of class *cls* that the dict *data* describes.

    Raises :class:`~postinterview.errors.SchemaError`, naming the path to the
    problem, when *data* is not a valid document; :class:`TypeError` when
    *cls* is not a record (see :data:`RECORDS`).

    >>> from_dict(Person, {"schema_version": 1, "name": "Priya Shah"})
    Person(name='Priya Shah', email=None, phone=None, title=None, timezone=None)
    >>> from_dict(Person, {"schema_version": 1, "name": "Priya", "emial": "x"})
    Traceback (most recent call last):
    ...
    postinterview.errors.SchemaError: emial: expected a field of Person (name, email, phone, title, timezone), got 'emial'
    """  # noqa: E501 - a doctest shows the message as one line
    plan = _record_plan(cls)
    try:
        if type(data) is not dict:
            data = _as_object(data, cls.__name__)
        version = data.get(_VERSION_KEY, MISSING)
        if type(version) is not int or version != SCHEMA_VERSION:
            raise _DecodeError(
                version,
                f"{SCHEMA_VERSION}, the schema version this release reads",
                f".{_VERSION_KEY}",
            )
        record: T = plan.decode(data, _VERSION_KEY)
    except _DecodeError as error:
        raise error.schema_error() from None
    except RecursionError:  # only a record that contains itself can nest this deep
        shown = f"a {type(data).__name__} nested too deeply to show"
        raise SchemaError("", shown, "a document nested less deeply") from None
    return record


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Return *obj*, a record (see :data:`RECORDS`), as JSON text.

    Without *indent* the text is compact; non-ASCII text is kept as it is.

    >>> to_json(Person(name="Zoë Ng", timezone="Asia/Singapore"))
    '{"schema_version":1,"name":"Zoë Ng","timezone":"Asia/Singapore"}'
    """
    return json.dumps(
        to_dict(obj),
        ensure_ascii=False,
        check_circular=False,
        allow_nan=False,
        indent=indent,
        separators=(",", ":") if indent is None else None,
    )


def from_json(cls: type[T], text: str | bytes | bytearray) -> T:
    """Return the record of class *cls* that the JSON *text* describes.

    Besides what :func:`from_dict` refuses, this refuses text that is not
    JSON, objects that repeat a key, and the constants ``NaN`` and
    ``Infinity``, all with :class:`~postinterview.errors.SchemaError`.

    >>> text = '{"schema_version": 1, "name": "Priya", "name": "Ann"}'
    >>> from_json(Person, text)
    Traceback (most recent call last):
    ...
    postinterview.errors.SchemaError: name: expected each key once per object (Person repeats it), got 'name'
    """  # noqa: E501 - a doctest shows the message as one line
    try:
        data = json.loads(
            text, object_pairs_hook=_object_from_pairs, parse_constant=_no_constant
        )
    except SchemaError:
        raise
    except (ValueError, TypeError, RecursionError) as error:
        raise SchemaError("", text, f"JSON text ({error})") from None
    return from_dict(cls, data)


def _object_from_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    for key, _ in pairs:  # pragma: no branch - some key repeats
        if key in seen:
            return _DuplicateKeys(pairs, key)
        seen.add(key)
    return result  # pragma: no cover


def _no_constant(name: str) -> object:
    raise SchemaError(
        "", name, "JSON numbers only (NaN and Infinity are not part of JSON)"
    )
