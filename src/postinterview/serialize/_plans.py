"""The compiled codecs: how to write and read each record class, field by field.

Each attrs class is compiled once into a :class:`_Plan`, a list of per-field
encoders and decoders derived from :func:`attrs.fields` and the resolved
annotations: scalars and instants as their own modules write them, an enum
member by name, a tuple as an array, a nested record as an object, and a
member of a union of records as an object whose ``"type"`` names its class.
"""

from __future__ import annotations

import enum
import operator
import threading
import types
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from postinterview.errors import TimelineError, ValidationError
from postinterview.serialize._instants import (
    decode_deadline,
    decode_instant,
    encode_deadline,
    encode_instant,
)
from postinterview.serialize._scalars import (
    MISSING,
    Decode,
    DecodeError,
    Encode,
    decode_bool,
    decode_date,
    decode_decimal,
    decode_int,
    decode_str,
    encode_date,
)

__all__ = ["VERSION_KEY", "DuplicateKeys", "as_object", "record_plan"]

# The keys that a document and a member of a union keep for themselves.
VERSION_KEY: Final = "schema_version"
_TAG_KEY: Final = "type"

# An encoder of None means the value is written as it is.
_SCALARS: Final[dict[object, tuple[Encode | None, Decode]]] = {
    str: (None, decode_str),
    bool: (None, decode_bool),
    int: (None, decode_int),
    Decimal: (str, decode_decimal),
    pendulum.DateTime: (encode_instant, decode_instant),
    pendulum.Date: (encode_date, decode_date),
}
_UNIONS: Final[dict[frozenset[object], tuple[Encode | None, Decode]]] = {
    frozenset({pendulum.DateTime, pendulum.Date}): (encode_deadline, decode_deadline),
}


class _Plan:
    """How to write and read one record class, field by field."""

    __slots__ = ("cls", "decoders", "encoders", "fields", "keys")

    cls: type
    # (attribute name, key, encoder or None, leave out when None)
    encoders: list[tuple[str, str, Encode | None, bool]]
    # (key, decoder, None accepted, required)
    decoders: list[tuple[str, Decode, bool, bool]]
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
            data = as_object(data, self.cls.__name__)
        kwargs: dict[str, Any] = {}
        key = ""
        try:
            for key, decode, nullable, required in self.decoders:
                value = data.get(key, MISSING)
                if value is MISSING:
                    if required:
                        raise DecodeError(
                            MISSING,
                            f"a value ({self.cls.__name__} requires {key})",
                        )
                elif value is None and nullable:
                    kwargs[key] = None
                else:
                    kwargs[key] = decode(value)
        except DecodeError as error:
            error.steps.append(f".{key}")
            raise
        if len(kwargs) + (reserved is not None) != len(data):
            self._reject_unknown(data, reserved)
        try:
            return self.cls(**kwargs)
        # ValidationError and TimelineError are ValueErrors: _refusal tells apart.
        except (ValueError, TypeError, ArithmeticError) as error:
            raise self._refusal(error, data) from None

    def _refusal(self, error: Exception, data: dict[str, Any]) -> DecodeError:
        """Say why the class refused the decoded fields, and where in *data*."""
        if isinstance(error, ValidationError):
            step = f".{error.field}" if error.field else None
            return DecodeError(error.value, error.expected, step)
        if isinstance(error, TimelineError):
            # The events decoded, but cannot happen in that order.
            where = None if error.index is None else f".events[{error.index}]"
            event = data["events"][error.index] if where else data
            return DecodeError(
                event, f"an event that can happen there ({error})", where
            )
        # A record should raise only ValidationError; report anything else
        # against the object rather than let it escape without a path.
        problem = f"{type(error).__name__}: {error}"
        return DecodeError(data, f"a valid {self.cls.__name__} ({problem})")

    def _reject_unknown(self, data: dict[str, Any], reserved: str | None) -> None:
        for key in data:
            if key not in self.keys and key != reserved:
                raise DecodeError(key, self.fields, f".{key}")


class DuplicateKeys(dict[str, Any]):
    """A JSON object whose text repeats *key*; decoding it reports the repeat."""

    key: str

    def __init__(self, pairs: list[tuple[str, Any]], key: str) -> None:
        super().__init__(pairs)
        self.key = key


def as_object(data: object, what: str) -> dict[str, Any]:
    """Check the slow cases of a value that should be the JSON object *what*."""
    if isinstance(data, DuplicateKeys):
        raise DecodeError(
            data.key, f"each key once per object ({what} repeats it)", f".{data.key}"
        )
    if isinstance(data, dict):
        return data
    raise DecodeError(data, f"a JSON object ({what})")


# Finished plans only: the hot path reads this without the lock. Plans being
# compiled wait in _PENDING, so that another thread never sees a half-built one
# and a record may refer to itself.
_PLANS: dict[type, _Plan] = {}
_PENDING: dict[type, _Plan] = {}
_LOCK = threading.RLock()


def record_plan(cls: type, records: Iterable[type]) -> _Plan:
    """Return the plan for *cls*, one of *records* or a record nested in one."""
    # Only a class can be a record: anything else (unhashable values included)
    # gets the documented TypeError too, naming its type rather than showing it.
    if not isinstance(cls, type):
        raise TypeError(f"a {type(cls).__name__} is not a serializable record class")
    plan = _PLANS.get(cls)
    if plan is None:
        for record in records:
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
        if key in (VERSION_KEY, _TAG_KEY):
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


def _codec(hint: object, where: str) -> tuple[Encode | None, Decode]:
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


def _enum_codec(kind: type[enum.Enum]) -> tuple[Encode, Decode]:
    members = {member.name: member for member in kind}
    expected = f"the name of a {kind.__name__} ({', '.join(members)})"

    def decode(value: object) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        raise DecodeError(value, expected)

    return operator.attrgetter("name"), decode


def _tuple_codec(item_hint: object, where: str) -> tuple[Encode, Decode]:
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
            raise DecodeError(value, expected)
        items = []
        index = 0
        try:
            for index, item in enumerate(value):  # noqa: B007 - read in the handler
                items.append(item_decode(item))
        except DecodeError as error:
            error.steps.append(f"[{index}]")
            raise
        return tuple(items)

    return encode, decode


def _nullable(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else function(value)


def _tagged_codec(classes: tuple[type, ...], where: str) -> tuple[Encode, Decode]:
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
        data = value if type(value) is dict else as_object(value, f"one of {names}")
        tag = data.get(_TAG_KEY, MISSING)
        plan = plans.get(tag) if type(tag) is str else None
        if plan is None:
            raise DecodeError(tag, expected, f".{_TAG_KEY}")
        return plan.decode(data, _TAG_KEY)

    return encode, decode
