"""The compiled codecs: how to write and read each record class, field by field.

Each attrs class is compiled once into a :class:`RecordPlan`: a
:class:`FieldPlan` for each field, derived from :func:`attrs.fields` and the
resolved annotations (its key, its annotation, whether it is required or may
be null, its encoder, decoder and JSON Schema), and from those an encoder and
a decoder generated for the class. Scalars and instants are written as their
own modules write them, an enum member by name, a tuple as an array, a nested
record as an object, and a member of a union of records as an object whose
``"type"`` names its class. A class that writes its own ``__init__`` (attrs
then adds ``__attrs_init__``, as for an :class:`~postinterview.Action`) is
described by that constructor's keyword arguments instead, each read back
from the attribute of its name.

The same compilation gives each field its JSON Schema: the plan keeps the
schema of its record's object and the definitions it refers to, by name, so
the schema that ``_schema`` publishes is made from the very description that
encodes and decodes, and the two cannot drift apart.

A field that is ``None`` is never written. A key left out is read as the
field's default when it has one, as ``None`` when the field may be ``None``,
and is refused otherwise.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import linecache
import operator
import re
import threading
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, Final, NamedTuple, cast

import attrs
import pendulum

from postinterview.errors import TimelineError, ValidationError
from postinterview.serialize._instants import (
    DERIVED_INSTANT_SCHEMA,
    INSTANT_SCHEMA,
    decode_aware,
    decode_aware_deadline,
    decode_deadline,
    decode_derived_instant,
    decode_instant,
    encode_deadline,
    encode_instant,
)
from postinterview.serialize._scalars import (
    BOOL_SCHEMA,
    DATE_SCHEMA,
    DECIMAL_SCHEMA,
    INT_SCHEMA,
    MISSING,
    STR_SCHEMA,
    Decode,
    DecodeError,
    Encode,
    Schema,
    decode_bool,
    decode_date,
    decode_decimal,
    decode_int,
    decode_str,
    encode_date,
)

__all__ = [
    "TAG_KEY",
    "VERSION_KEY",
    "DuplicateKeys",
    "FieldPlan",
    "RecordPlan",
    "add_edge_record",
    "as_object",
    "edge_records",
    "record_plan",
    "reference",
]

# The keys that a document and a member of a union keep for themselves.
VERSION_KEY: Final = "schema_version"
TAG_KEY: Final = "type"


def reference(name: str) -> Schema:
    """Return the JSON Schema that refers to the definition called *name*."""
    return {"$ref": f"#/$defs/{name}"}


class _Codec(NamedTuple):
    """How values of one annotation are written, read and described.

    *schema* is the JSON Schema of the value; *defs* the definitions it
    refers to, by name: a plan for a record, a schema for anything else.
    """

    encode: Encode | None  # None: the value is written as it is
    decode: Decode
    schema: Schema
    defs: dict[str, RecordPlan | Schema]


def _named(name: str, schema: Schema) -> tuple[Schema, dict[str, RecordPlan | Schema]]:
    """Refer to *schema* as the definition *name*."""
    return reference(name), {name: schema}


# Scalars written as themselves are described inline; the others by a name.
_SCALARS: Final[dict[object, _Codec]] = {
    str: _Codec(None, decode_str, STR_SCHEMA, {}),
    bool: _Codec(None, decode_bool, BOOL_SCHEMA, {}),
    int: _Codec(None, decode_int, INT_SCHEMA, {}),
    Decimal: _Codec(str, decode_decimal, *_named("decimal", DECIMAL_SCHEMA)),
    pendulum.DateTime: _Codec(
        encode_instant, decode_instant, *_named("instant", INSTANT_SCHEMA)
    ),
    pendulum.Date: _Codec(encode_date, decode_date, *_named("date", DATE_SCHEMA)),
    # An instant a constructor takes as any aware datetime, as an action does:
    # one that follows from others, and may lie past the library's range.
    dt.datetime: _Codec(
        encode_instant,
        decode_derived_instant,
        *_named("derived_instant", DERIVED_INSTANT_SCHEMA),
    ),
}
# What a field with a converter reads instead: its converter makes the
# pendulum value from the aware stdlib one, so it is made only once.
_CONVERTED: Final[dict[Decode, Decode]] = {
    decode_instant: decode_aware,
    decode_deadline: decode_aware_deadline,
}
_UNIONS: Final[dict[frozenset[object], _Codec]] = {
    frozenset({pendulum.DateTime, pendulum.Date}): _Codec(
        encode_deadline,
        decode_deadline,
        {"anyOf": [reference("instant"), reference("date")]},
        {"instant": INSTANT_SCHEMA, "date": DATE_SCHEMA},
    ),
}
_NULL: Final[Schema] = {"type": "null"}


class FieldPlan(NamedTuple):
    """How one field of a record class is written, read and described."""

    attribute: str  # the attribute the value is read from
    key: str  # its key in the JSON object, the attribute's alias
    hint: object  # its annotation, without None
    nullable: bool  # None is accepted when reading, and a missing key gives it
    required: bool  # the document must hold it: no default, and not nullable
    default: object  # what the record gets when the key is missing
    encode: Encode | None  # None: the value is written as it is
    decode: Decode
    schema: Schema  # the JSON Schema of its value, null included if nullable


class RecordPlan:
    """How to write, read and describe one record class, field by field.

    *fields* describes each field; :meth:`encode` and :meth:`decode` call
    *write* and *read*, the functions generated from that description when
    the class is compiled. *schema* is the JSON Schema of the record's object
    (its keys unchecked), and *defs* what it refers to, by name.
    """

    __slots__ = (
        "cls",
        "defs",
        "expected_key",
        "fields",
        "keys",
        "read",
        "schema",
        "write",
    )

    cls: type
    fields: tuple[FieldPlan, ...]
    keys: frozenset[str]
    expected_key: str  # what an unknown key should have been, for the message
    schema: Schema  # the JSON Schema of the record's object, keys unchecked
    defs: dict[str, RecordPlan | Schema]  # what schema refers to, by name
    # The generated functions; encode() and decode() call them.
    write: Callable[[Any, dict[str, Any]], dict[str, Any]]
    read: Callable[[object, str | None], Any]

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.fields = ()
        self.keys = frozenset()
        self.expected_key = ""
        self.schema = {}
        self.defs = {}

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
_PLANS: dict[type, RecordPlan] = {}
_PENDING: dict[type, RecordPlan] = {}
_LOCK = threading.RLock()


def record_plan(cls: type, records: Iterable[type]) -> RecordPlan:
    """Return the plan for *cls*, one of *records* or a record nested in one.

    The records of the edges (see :func:`add_edge_record`) count as *records*
    too. Anything else raises :class:`TypeError` naming the records there are.
    """
    # Only a class can be a record: anything else (unhashable values included)
    # gets the documented TypeError too, naming its type rather than showing it.
    if not isinstance(cls, type):
        raise TypeError(
            "expected a record class, one of postinterview.serialize.RECORDS "
            f"such as Application, got a {type(cls).__name__}"
        )
    plan = _PLANS.get(cls)
    if plan is None:
        for record in (*records, *_EDGE_RECORDS):
            _plan(record)
        plan = _PLANS.get(cls)
        if plan is None:
            raise TypeError(
                f"{cls.__qualname__} is not a record that postinterview writes "
                f"or reads; the records are {_some(records)}"
            )
    return plan


def _some(records: Iterable[type]) -> str:
    """Name the records, for an error message."""
    return ", ".join(sorted(cls.__name__ for cls in (*records, *_EDGE_RECORDS)))


# The records of the edges of the library, which the core never imports:
# letters adds Draft here when it loads.
_EDGE_RECORDS: list[type] = []


def add_edge_record(cls: type) -> None:
    """Make *cls*, a record that an edge of the library defines, serializable."""
    with _LOCK:
        if cls not in _EDGE_RECORDS:
            _EDGE_RECORDS.append(cls)


def edge_records() -> tuple[type, ...]:
    """Return the records the edges have added, in the order they were added."""
    return tuple(_EDGE_RECORDS)


def _plan(cls: type) -> RecordPlan:
    """Return the plan for the attrs class *cls*, compiling it on first use."""
    plan = _PLANS.get(cls)
    if plan is not None:
        return plan
    with _LOCK:
        plan = _PLANS.get(cls) or _PENDING.get(cls)
        if plan is not None:
            return plan
        outermost = not _PENDING
        plan = _PENDING[cls] = RecordPlan(cls)
        try:
            _compile(plan)
            if outermost:
                _PLANS.update(_PENDING)
        finally:
            if outermost:
                _PENDING.clear()
    return plan


def _compile(plan: RecordPlan) -> None:
    cls = plan.cls
    fields = []
    properties: dict[str, Schema] = {}
    for attribute, key, hint, default, converted in _fields_of(cls):
        if key in (VERSION_KEY, TAG_KEY):
            raise TypeError(f"{cls.__name__}.{key}: the key {key!r} is reserved")
        core, nullable = _split_optional(hint)
        codec = _codec(core, f"{cls.__name__}.{attribute}")
        decode = codec.decode
        if converted:
            # The converter makes the pendulum value: hand it the stdlib one.
            decode = _CONVERTED.get(decode, decode)
        schema = {"anyOf": [codec.schema, _NULL]} if nullable else codec.schema
        required = default is attrs.NOTHING and not nullable
        fields.append(
            FieldPlan(
                attribute=attribute,
                key=key,
                hint=core,
                nullable=nullable,
                required=required,
                default=None if default is attrs.NOTHING else default,
                encode=codec.encode,
                decode=decode,
                schema=schema,
            )
        )
        properties[key] = schema
        _merge(plan.defs, codec.defs, cls.__name__)
    plan.fields = tuple(fields)
    plan.keys = frozenset(field.key for field in fields)
    plan.expected_key = (
        f"a field of {cls.__name__} ({', '.join(field.key for field in fields)})"
    )
    plan.schema = {
        "description": _summary(cls),
        "type": "object",
        "properties": properties,
        "required": [field.key for field in fields if field.required],
    }
    plan.write = _generate(plan, _writer_lines(plan))
    plan.read = _generate(plan, _reader_lines(plan))


def _fields_of(cls: type) -> Iterator[tuple[str, str, object, object, bool]]:
    """Yield each field of *cls*: its attribute, key, annotation, default
    (``attrs.NOTHING`` when it has none) and whether a converter takes it."""
    if "__attrs_init__" in vars(cls):
        # The class wrote its own constructor: its keyword arguments are the
        # fields, each read back from the attribute of the same name.
        hints = typing.get_type_hints(cls.__init__)  # type: ignore[misc]
        signature = inspect.signature(cls)
        for name, parameter in signature.parameters.items():
            if parameter.kind is not inspect.Parameter.KEYWORD_ONLY:
                raise TypeError(
                    f"{cls.__name__}.{name}: a record's constructor takes "
                    "keyword arguments only"
                )
            default = parameter.default
            if default is parameter.empty:
                default = attrs.NOTHING
            yield name, name, hints[name], default, False
        return
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if field.init:
            key = field.alias or field.name
            converted = field.converter is not None
            yield field.name, key, hints[field.name], field.default, converted


def _summary(thing: type) -> str:
    """Return the first paragraph of *thing*'s docstring, as plain text."""
    text = (inspect.getdoc(thing) or thing.__name__).split("\n\n")[0]
    text = re.sub(r":\w+:`~?(?:[\w.]+\.)?([^`]+)`", r"\1", text)  # :class:`~a.B`
    return " ".join(text.replace("``", "").replace("*", "").split())


def _merge(
    defs: dict[str, RecordPlan | Schema],
    more: dict[str, RecordPlan | Schema],
    where: str,
) -> None:
    """Add *more* to *defs*, refusing two different definitions of one name."""
    for name, definition in more.items():
        # Plans compare by identity; schemas by what they say.
        if defs.setdefault(name, definition) != definition:
            raise TypeError(f"{where}: two different types are called {name}")


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


def _writer_lines(plan: RecordPlan) -> list[str]:
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
        lines.append("    if value is not None:")
        lines.append(f"        out[{key}] = {written}")
    lines.append("    return out")
    return lines


def _reader_lines(plan: RecordPlan) -> list[str]:
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
    elif field.default is None:
        if_missing = f"{value} = None"
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


def _generate(plan: RecordPlan, lines: list[str]) -> Any:
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


def _codec(hint: object, where: str) -> _Codec:
    """Return how values annotated *hint* are written, read and described."""
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
        name = hint.__name__
        return _Codec(
            lambda value: nested.write(value, {}),
            read,
            {**reference(name), "unevaluatedProperties": False},
            {name: nested},
        )
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


def _enum_codec(kind: type[enum.Enum]) -> _Codec:
    members = {member.name: member for member in kind}
    expected = f"the name of a {kind.__name__} ({', '.join(members)})"

    def decode(value: object) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        raise DecodeError(value, expected)

    schema = {"description": _summary(kind), "enum": list(members)}
    return _Codec(operator.attrgetter("name"), decode, *_named(kind.__name__, schema))


def _tuple_codec(item_hint: object, where: str) -> _Codec:
    core, nullable = _split_optional(item_hint)
    item = _codec(core, f"{where}[]")
    item_encode, item_decode, item_schema = item.encode, item.decode, item.schema
    if nullable:
        item_encode = _nullable(item_encode) if item_encode is not None else None
        item_decode = _nullable(item_decode)
        item_schema = {"anyOf": [item_schema, _NULL]}
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

    return _Codec(encode, decode, {"type": "array", "items": item_schema}, item.defs)


def _nullable(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else function(value)


def _tagged_codec(classes: tuple[type, ...], where: str) -> _Codec:
    plans = {cls.__name__: _plan(cls) for cls in classes}
    if len(plans) != len(classes):
        raise TypeError(f"{where}: two classes in the union share a name")
    by_class = {plan.cls: (name, plan) for name, plan in plans.items()}
    names = ", ".join(plans)
    expected = f"the name of one of {names}"

    def encode(value: object) -> dict[str, Any]:
        name, plan = by_class[type(value)]
        return plan.write(value, {TAG_KEY: name})

    def decode(value: object) -> Any:
        data = value if type(value) is dict else as_object(value, f"one of {names}")
        tag = data.get(TAG_KEY, MISSING)
        plan = plans.get(tag) if type(tag) is str else None
        if plan is None:
            raise DecodeError(tag, expected, f".{TAG_KEY}")
        return plan.read(data, TAG_KEY)

    # Each member is its record's object with the tag beside its fields.
    members = [
        {
            **reference(name),
            "properties": {TAG_KEY: {"const": name}},
            "required": [TAG_KEY],
            "unevaluatedProperties": False,
        }
        for name in plans
    ]
    return _Codec(encode, decode, {"oneOf": members}, dict(plans))
