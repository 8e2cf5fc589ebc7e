"""The compiled codecs: how to write and read each record class, field by field.

Each attrs class is compiled once into a :class:`_Plan`: a
:class:`FieldPlan` for each field, derived from :func:`attrs.fields` and the
resolved annotations (its key, its annotation, whether it is required or may
be null, its encoder and decoder), and from those an encoder and a decoder
generated for the class. Scalars and instants are written as their own
modules write them, an enum member by name, a tuple as an array, a nested
record as an object, and a member of a union of records as an object whose
``"type"`` names its class.
"""

from __future__ import annotations

import enum
import linecache
import operator
import threading
import types
import typing
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final, NamedTuple, cast

import attrs
import pendulum

from postinterview.errors import TimelineError, ValidationError
from postinterview.serialize._instants import (
    decode_aware,
    decode_aware_deadline,
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

__all__ = ["VERSION_KEY", "DuplicateKeys", "FieldPlan", "as_object", "record_plan"]

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
# What a field with a converter reads instead: its converter makes the
# pendulum value from the aware stdlib one, so it is made only once.
_CONVERTED: Final[dict[Decode, Decode]] = {
    decode_instant: decode_aware,
    decode_deadline: decode_aware_deadline,
}
_UNIONS: Final[dict[frozenset[object], tuple[Encode | None, Decode]]] = {
    frozenset({pendulum.DateTime, pendulum.Date}): (encode_deadline, decode_deadline),
}


class FieldPlan(NamedTuple):
    """How one field of a record class is written and read."""

    attribute: str  # the attrs attribute
    key: str  # its key in the JSON object, the attribute's alias
    hint: object  # its annotation, without None
    nullable: bool  # None is accepted when reading
    required: bool  # the document must hold it: it has no default
    omit_none: bool  # left out when None, since its default is None too
    default: object  # what the record gets when the key is missing
    encode: Encode | None  # None: the value is written as it is
    decode: Decode


class _Plan:
    """How to write and read one record class, field by field.

    *fields* describes each field; :meth:`encode` and :meth:`decode` call
    *write* and *read*, the functions generated from that description when
    the class is compiled.
    """

    __slots__ = ("cls", "expected_key", "fields", "keys", "read", "write")

    cls: type
    fields: tuple[FieldPlan, ...]
    keys: frozenset[str]
    expected_key: str  # what an unknown key should have been, for the message
    # The generated functions; encode() and decode() call them.
    write: Callable[[Any, dict[str, Any]], dict[str, Any]]
    read: Callable[[object, str | None], Any]

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.fields = ()
        self.keys = frozenset()
        self.expected_key = ""

    def encode(self, obj: object, out: dict[str, Any]) -> dict[str, Any]:
        """Add the fields of *obj* to *out* and return it."""
        return self.write(obj, out)

    def decode(self, data: object, reserved: str | None = None) -> Any:
        """Build the record from the JSON object *data*.

        *reserved* is a key that the caller has read already (the version or
        the union tag); it is not a field.
        """
        return self.read(data, reserved)

    def refusal(self, error: Exception, data: dict[str, Any]) -> DecodeError:
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

    def reject_unknown(self, data: dict[str, Any], reserved: str | None) -> None:
        """Raise for the first key of *data* that is neither a field nor *reserved*."""
        for key in data:
            if key not in self.keys and key != reserved:
                raise DecodeError(key, self.expected_key, f".{key}")


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
    fields = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        key = field.alias or field.name
        if key in (VERSION_KEY, _TAG_KEY):
            raise TypeError(f"{cls.__name__}.{key}: the key {key!r} is reserved")
        core, nullable = _split_optional(hints[field.name])
        encode, decode = _codec(core, f"{cls.__name__}.{field.name}")
        if field.converter is not None:
            # The converter makes the pendulum value: hand it the stdlib one.
            decode = _CONVERTED.get(decode, decode)
        fields.append(
            FieldPlan(
                attribute=field.name,
                key=key,
                hint=core,
                nullable=nullable,
                required=field.default is attrs.NOTHING,
                omit_none=field.default is None,
                default=field.default,
                encode=encode,
                decode=decode,
            )
        )
    plan.fields = tuple(fields)
    plan.keys = frozenset(field.key for field in fields)
    plan.expected_key = (
        f"a field of {cls.__name__} ({', '.join(field.key for field in fields)})"
    )
    plan.write = _generate(plan, _writer_lines(plan))
    plan.read = _generate(plan, _reader_lines(plan))


# -- the generated code ---------------------------------------------------------
#
# A loop over the fields, unpacking each one's description on every call,
# costs more than the work it does; so each class gets two functions written
# out field by field, as attrs writes __init__. The constants they use (the
# codecs, messages, defaults, nested plans) are passed in as globals named
# after the field's index: d3 is the decoder of the fourth field.

# Decoders that only check the type: the generated code makes the check and
# calls the decoder only to raise its error.
_TYPE_CHECKS: Final[dict[Decode, str]] = {
    decode_str: "str",
    decode_bool: "bool",
    decode_int: "int",
}


def _writer_lines(plan: _Plan) -> list[str]:
    lines = ["def write(obj, out):"]
    for index, field in enumerate(plan.fields):
        key = repr(field.key)
        if field.encode is None:
            written = "value"
        elif _is_record(field.hint):
            written = f"p{index}.write(value, {{}})"
        else:
            written = f"e{index}(value)"
        lines.append(f"    value = obj.{field.attribute}")
        if field.omit_none:
            lines.append("    if value is not None:")
        else:
            lines.append("    if value is None:")
            lines.append(f"        out[{key}] = None")
            lines.append("    else:")
        lines.append(f"        out[{key}] = {written}")
    lines.append("    return out")
    return lines


def _reader_lines(plan: _Plan) -> list[str]:
    body: list[str] = []
    arguments = []
    left_to_class = False  # a default that only the class can make
    for index, field in enumerate(plan.fields):
        body += _field_reader_lines(index, field)
        if _takes_self(field.default):
            left_to_class = True
            body.append(f"            given[{field.key!r}] = v{index}")
        else:
            arguments.append(f"{field.key}=v{index}")
    if left_to_class:
        arguments.append("**given")
    return [
        "def read(data, reserved=None):",
        "    if type(data) is not dict:",
        "        data = as_object(data, NAME)",
        "    present = 0 if reserved is None else 1",
        *(["    given = {}"] if left_to_class else []),
        "    key = None",
        "    try:",
        *body,
        "    except DecodeError as error:",
        "        error.steps.append('.' + key)",
        "        raise",
        "    if present != len(data):",
        "        plan.reject_unknown(data, reserved)",
        "    try:",
        f"        return cls({', '.join(arguments)})",
        "    # ValidationError and TimelineError are ValueErrors: refusal tells apart.",
        "    except (ValueError, TypeError, ArithmeticError) as error:",
        "        raise plan.refusal(error, data) from None",
    ]


def _field_reader_lines(index: int, field: FieldPlan) -> list[str]:
    """Read field number *index* into ``v<index>``, counting it when present."""
    value = f"v{index}"
    if field.required:
        if_missing = f"raise DecodeError(MISSING, m{index})"
    elif _takes_self(field.default):
        if_missing = "pass"
    elif _factory(field.default) is not None:
        if_missing = f"{value} = f{index}()"
    else:
        if_missing = f"{value} = f{index}"
    lines = [
        f"        key = {field.key!r}",
        f"        {value} = data.get(key, MISSING)",
        f"        if {value} is MISSING:",
        f"            {if_missing}",
        "        else:",
        "            present += 1",
    ]
    indent = " " * 12
    if field.nullable:
        lines.append(f"{indent}if {value} is not None:")
        indent += " " * 4
    check = _TYPE_CHECKS.get(field.decode)
    if check is not None:
        lines.append(f"{indent}if type({value}) is not {check}:")
        lines.append(f"{indent}    {value} = d{index}({value})")
    elif _is_record(field.hint):
        lines.append(f"{indent}{value} = p{index}.read({value}, None)")
    else:
        lines.append(f"{indent}{value} = d{index}({value})")
    return lines


def _generate(plan: _Plan, lines: list[str]) -> Any:
    """Compile the function that *lines* define, with the constants it names."""
    cls = plan.cls
    names: dict[str, object] = {
        "plan": plan,
        "cls": cls,
        "NAME": cls.__name__,
        "MISSING": MISSING,
        "DecodeError": DecodeError,
        "as_object": as_object,
    }
    for index, field in enumerate(plan.fields):
        names[f"e{index}"] = field.encode
        names[f"d{index}"] = field.decode
        names[f"m{index}"] = f"a value ({cls.__name__} requires {field.key})"
        names[f"f{index}"] = _factory(field.default) or field.default
        if _is_record(field.hint):
            names[f"p{index}"] = _plan(cast("type", field.hint))
    source = "\n".join(lines) + "\n"
    name = lines[0].split()[1].partition("(")[0]
    filename = f"<postinterview.serialize {name} {cls.__qualname__}>"
    exec(compile(source, filename, "exec"), names)  # noqa: S102 - our own source
    # Tracebacks show the generated lines, as they do for attrs' methods.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return names[name]


# attrs.Factory is typed as what it makes, for use as a default.
_Factory: Final = cast("type", attrs.Factory)


def _factory(default: object) -> Callable[[], object] | None:
    """Return the function that makes *default*, if it is an attrs.Factory."""
    if isinstance(default, _Factory) and not cast("Any", default).takes_self:
        return cast("Callable[[], object]", cast("Any", default).factory)
    return None


def _takes_self(default: object) -> bool:
    """Tell whether *default* is an attrs.Factory that needs the instance."""
    return isinstance(default, _Factory) and bool(cast("Any", default).takes_self)


def _is_record(hint: object) -> bool:
    return isinstance(hint, type) and attrs.has(hint)


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
        read: Decode
        try:
            read = cast("Decode", nested.read)  # reserved defaults to None
        except AttributeError:  # still being compiled: the record contains itself
            read = nested.decode
        return (lambda value: nested.write(value, {})), read
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
        return list(map(item_encode, value))

    def decode(value: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise DecodeError(value, expected)
        items = iter(value)
        try:
            return tuple(map(item_decode, items))
        except DecodeError as error:
            # The iterator knows how many items are left after the failing one.
            index = len(value) - operator.length_hint(items) - 1
            error.steps.append(f"[{index}]")
            raise

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
        return plan.write(value, {_TAG_KEY: name})

    def decode(value: object) -> Any:
        data = value if type(value) is dict else as_object(value, f"one of {names}")
        tag = data.get(_TAG_KEY, MISSING)
        plan = plans.get(tag) if type(tag) is str else None
        if plan is None:
            raise DecodeError(tag, expected, f".{_TAG_KEY}")
        return plan.read(data, _TAG_KEY)

    return encode, decode
