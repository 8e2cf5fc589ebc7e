"""Tests for postinterview.serialize.json_schema: the published data contract.

Every document that ``to_json`` writes validates against its record's schema,
and over documents mutated in every way a document can go wrong, the schema
and ``from_json`` refuse the same ones. Where they must differ (rules between
fields, the bounds of numbers, whether a zone or a day exists: what JSON
Schema cannot say), the tests assert the direction: the schema accepts and
``from_json`` refuses, never the other way round. docs/schema.md lists each
difference; ``READING_ONLY`` below has one mutation for each kind.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import json
import re
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postinterview import (
    Action,
    ActionKind,
    Application,
    Interview,
    Period,
    Person,
    Plan,
    SalaryRange,
    SchemaError,
    ThankYouSent,
    plan,
)
from postinterview.letters import Draft
from postinterview.serialize import (
    RECORDS,
    SCHEMA_VERSION,
    from_json,
    json_schema,
    to_dict,
    to_json,
)
from records import RECORD_STRATEGIES, any_record, lean

EVERY_RECORD = (*RECORDS, Draft)
DOCS = Path(__file__).resolve().parent.parent / "docs"
LONDON_END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")


@functools.cache
def validator(cls: type) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json_schema(cls))


def schema_accepts(cls: type, document: object) -> bool:
    # The schema sees what a JSON parser gives, as from_json does.
    return bool(validator(cls).is_valid(json.loads(json.dumps(document))))


def reading_accepts(cls: type, document: object) -> bool:
    try:
        from_json(cls, json.dumps(document))
    except SchemaError:
        return False
    return True


# --- the schema itself ----------------------------------------------------------


@pytest.mark.parametrize("cls", EVERY_RECORD, ids=lambda cls: cls.__name__)
def test_every_record_has_a_valid_2020_12_schema(cls: type) -> None:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == cls.__name__
    assert schema["$ref"] == f"#/$defs/{cls.__name__}"
    # Every reference points at a definition the document holds.
    refs = set(re.findall(r'"\$ref": "#/\$defs/([^"]+)"', json.dumps(schema)))
    assert refs <= set(schema["$defs"])


@pytest.mark.parametrize("cls", EVERY_RECORD, ids=lambda cls: cls.__name__)
def test_each_field_of_the_record_is_a_property(cls: type) -> None:
    # From the class itself, so a field added later is in the schema at once.
    fields = record_fields(cls)
    definition = json_schema(cls)["$defs"][cls.__name__]
    assert list(definition["properties"]) == list(fields)
    assert definition["required"] == [
        name for name, field in fields.items() if field.required
    ]


def test_the_schema_takes_the_current_version_only() -> None:
    version = json_schema(Person)["properties"]["schema_version"]
    assert version["const"] == SCHEMA_VERSION
    assert json_schema(Person)["required"] == ["schema_version"]
    person = {"schema_version": SCHEMA_VERSION, "name": "Priya Shah"}
    assert schema_accepts(Person, person)
    # Older versions are for from_json's migrations to read, not the schema.
    for other in (SCHEMA_VERSION - 1, SCHEMA_VERSION + 1, str(SCHEMA_VERSION), True):
        assert not schema_accepts(Person, {**person, "schema_version": other})


def test_the_schema_is_built_once_and_each_call_gets_a_copy() -> None:
    first = json_schema(Application)
    first["$defs"]["Person"]["properties"].clear()
    first["title"] = "changed"
    second = json_schema(Application)
    assert second["title"] == "Application"
    assert "name" in second["$defs"]["Person"]["properties"]
    assert second == json_schema(Application)
    assert second is not json_schema(Application)


def test_a_small_record_schema_in_full() -> None:
    # What a reader of the contract sees, for the smallest record with an enum
    # and a decimal.
    schema = json_schema(SalaryRange)
    definition = schema["$defs"]["SalaryRange"]
    assert definition["type"] == "object"
    assert definition["properties"]["low"] == {"$ref": "#/$defs/decimal"}
    assert definition["properties"]["period"] == {"$ref": "#/$defs/Period"}
    assert schema["$defs"]["Period"]["enum"] == [member.name for member in Period]
    assert set(schema["$defs"]) == {"SalaryRange", "Period", "decimal"}
    assert schema["unevaluatedProperties"] is False


def test_nullable_and_nested_fields() -> None:
    properties = json_schema(Interview)["$defs"]["Interview"]["properties"]
    assert properties["agency_contact"] == {
        "anyOf": [
            {"$ref": "#/$defs/Person", "unevaluatedProperties": False},
            {"type": "null"},
        ]
    }
    assert properties["decision_expected_by"] == {
        "anyOf": [
            {"anyOf": [{"$ref": "#/$defs/instant"}, {"$ref": "#/$defs/date"}]},
            {"type": "null"},
        ]
    }


def test_only_records_have_a_schema() -> None:
    with pytest.raises(TypeError, match=r"^DateTime is not a record"):
        json_schema(pendulum.DateTime)
    with pytest.raises(TypeError, match=r"^expected a record class, .* got a list"):
        json_schema([])  # type: ignore[arg-type]


def test_the_cli_and_the_docs_name_the_schema_draft() -> None:
    page = (DOCS / "schema.md").read_text(encoding="utf-8")
    assert "2020-12" in page
    assert "schema.md" in (DOCS / "index.md").read_text(encoding="utf-8")


# --- every document written validates ---------------------------------------------


@settings(max_examples=lean(60))
@given(any_record())
def test_every_document_written_validates(record: Any) -> None:
    cls = type(record)
    document = json.loads(to_json(record))
    errors = list(validator(cls).iter_errors(document))
    assert not errors, errors[0]


def test_every_serializable_record_is_drawn() -> None:
    assert set(RECORD_STRATEGIES) == {cls.__name__ for cls in EVERY_RECORD}


# --- what the schema and reading both refuse, and where they differ ---------------


class Field(NamedTuple):
    """What reading requires of one field, worked out here from the class."""

    required: bool
    nullable: bool
    derived: bool  # an instant that follows from others, as an action's


@functools.cache
def record_fields(cls: type) -> dict[str, Field]:
    """The fields of record *cls* by key, as its constructor takes them."""
    if "__attrs_init__" in vars(cls):  # its own constructor: an Action
        hints = typing.get_type_hints(cls.__init__)
        signature = inspect.signature(cls).parameters.items()
        given = [(name, hints[name], p.default is not p.empty) for name, p in signature]
    else:
        hints = typing.get_type_hints(cls)
        given = [
            (field.alias, hints[field.name], field.default is not attrs.NOTHING)
            for field in attrs.fields(cls)
            if field.init
        ]
    fields: dict[str, Field] = {}
    for name, hint, has_default in given:
        nullable = typing.get_origin(hint) in (
            typing.Union,
            types.UnionType,
        ) and types.NoneType in typing.get_args(hint)
        fields[name] = Field(
            required=not has_default and not nullable,
            nullable=nullable,
            # The constructor takes any aware datetime: an action's instants.
            derived=dt.datetime in (hint, *typing.get_args(hint)),
        )
    return fields


class Location(NamedTuple):
    """One value inside a document, with the Python value it was written from."""

    container: Any  # the dict or list holding it
    key: str | int
    value: object  # the Python value
    field: Field | None  # None for an item of an array
    owner: type | None = None  # the record whose field it is


class Obj(NamedTuple):
    """One object inside a document, and the record it was written from."""

    data: dict[str, Any]
    cls: type
    tagged: bool  # a member of a union, with a "type" key


def walk(value: object, data: Any, tagged: bool = False) -> Iterator[Location | Obj]:
    """Yield every object and value of the document *data* written from *value*."""
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield Location(data, index, item, None)
            yield from walk(item, data[index], _tagged(item, data[index]))
    elif attrs.has(type(value)):
        yield Obj(data, type(value), tagged)
        fields = record_fields(type(value))
        for key in data:
            if key in ("schema_version", "type"):
                continue
            item = getattr(value, key)
            yield Location(data, key, item, fields[key], type(value))
            yield from walk(item, data[key], _tagged(item, data[key]))


def _tagged(value: object, data: object) -> bool:
    return attrs.has(type(value)) and isinstance(data, dict) and "type" in data


# Every kind of change, by what the schema and reading must do with it.
STRUCTURAL = (
    "drop a required key",
    "null where it may not be",
    "wrong JSON type",
    "unknown key",
    "bad enum name",
    "malformed instant",
    "malformed date",
    "malformed decimal",
    "bad union tag",
    "no union tag",
    "no schema_version",
    "wrong schema_version",
)
# JSON Schema cannot say these; reading refuses each of them.
READING_ONLY = (
    "unknown zone",
    "offset the zone does not have",
    "no such day",
    "instant out of range",
    "integer written with a fraction",
    "ends before it starts",
    "unknown place or language",
)
# The schema accepts these; reading may refuse them (a default that breaks a
# rule between fields, a bound of a number, a blank text).
SCHEMA_ACCEPTS = (
    "drop an optional key",
    "null where it may be",
    "blank string",
    "other integer",
)
KINDS = (*STRUCTURAL, *READING_ONLY, *SCHEMA_ACCEPTS)
WRONG_TYPES: list[object] = ["text", 7, True, [], {}]
_INSTANT = re.compile(
    r"(?P<date>\d{4}-\d\d-\d\d)T(?P<time>[\d:.]+)(?P<offset>Z|[+-][\d:]+)"
    r"\[(?P<zone>[^\]]+)\]"
)
_DROPPED = object()  # a choice that deletes the key


def _json_kind(value: object) -> type:
    if isinstance(value, dict | list):
        return type(value)
    return type(value)


def _options(record: object, document: dict[str, Any]) -> dict[str, list[Any]]:
    """The places in *document* (written from *record*) each kind can change."""
    found = list(walk(record, document))
    places = [found_ for found_ in found if isinstance(found_, Location)]
    objects = [found_ for found_ in found if isinstance(found_, Obj)]

    def where(test: typing.Callable[[Location], bool]) -> list[Location]:
        return [place for place in places if test(place)]

    def instant(place: Location) -> bool:
        return isinstance(place.value, pendulum.DateTime)

    def a_field(place: Location) -> Field:
        return place.field or Field(required=True, nullable=False, derived=False)

    return {
        "drop a required key": where(
            lambda p: p.field is not None and p.field.required
        ),
        "drop an optional key": where(
            lambda p: p.field is not None and not p.field.required
        ),
        "null where it may not be": where(lambda p: not a_field(p).nullable),
        "null where it may be": where(lambda p: a_field(p).nullable),
        "wrong JSON type": places,
        "unknown key": objects,
        "bad enum name": where(lambda p: isinstance(p.value, enum.Enum)),
        "malformed instant": where(instant),
        "unknown zone": where(instant),
        "offset the zone does not have": where(instant),
        "instant out of range": where(instant),
        "no such day": where(lambda p: isinstance(p.value, pendulum.Date)),
        "malformed date": where(
            lambda p: isinstance(p.value, pendulum.Date) and not instant(p)
        ),
        "malformed decimal": where(lambda p: isinstance(p.value, Decimal)),
        "blank string": where(lambda p: type(p.value) is str),
        "integer written with a fraction": where(lambda p: type(p.value) is int),
        "other integer": where(lambda p: type(p.value) is int),
        "bad union tag": [obj for obj in objects if obj.tagged],
        "no union tag": [obj for obj in objects if obj.tagged],
        "ends before it starts": [obj for obj in objects if obj.cls is Interview],
        "unknown place or language": where(
            lambda p: p.key in _PLACES and p.owner in (Person, Interview)
        ),
        "no schema_version": [Location(document, "schema_version", None, None)],
        "wrong schema_version": [Location(document, "schema_version", None, None)],
    }


def _choices(kind: str, target: Location | Obj) -> list[Any]:
    """What *kind* may put in place of *target*'s value (or key, for objects)."""
    if isinstance(target, Obj):
        data = target.data
        if kind == "unknown key":
            keys = ("colour", "", "NAME", "type", "schema_version")
            return [key for key in keys if key not in data]
        if kind == "bad union tag":
            return ["Nothing", data["type"].lower(), 3]
        return [None]  # "no union tag", "ends before it starts": one way each
    if kind.startswith("drop") or kind == "no schema_version":
        return [_DROPPED]
    if kind == "unknown place or language":
        return _PLACES[target.key]
    if kind == "wrong schema_version":
        return [SCHEMA_VERSION + 1, -1, str(SCHEMA_VERSION), True, None, [], 1.5]
    return REPLACEMENTS[kind](target.container[target.key], target.value)


def _apply(kind: str, target: Location | Obj, choice: object) -> None:
    """Make the change *kind* to *target*, as *choice* says."""
    if isinstance(target, Obj):
        data = target.data
        if kind == "unknown key":
            data[choice] = "red"
        elif kind == "bad union tag":
            data["type"] = choice
        elif kind == "no union tag":
            del data["type"]
        else:
            assert kind == "ends before it starts"
            data["starts_at"], data["ends_at"] = data["ends_at"], data["starts_at"]
    elif choice is _DROPPED:
        del target.container[target.key]
    else:
        target.container[target.key] = choice


# Codes the schema takes as strings and reading refuses, by key: a country in
# lower case, under another name or unknown; a subdivision that its country
# does not have; a language tag written with a hyphen, or not one at all.
_PLACES: dict[object, list[object]] = {
    "country": ["us", "UK", "XQ", "Germany"],
    "subdivision": ["ny", "ZZZ"],
    "locale": ["fr-FR", "en_gb", "English"],
}


def _wrong_types(old: object, _: object) -> list[object]:
    return [value for value in WRONG_TYPES if _json_kind(value) is not _json_kind(old)]


def _bad_names(_: object, value: object) -> list[object]:
    assert isinstance(value, enum.Enum)
    names = {member.name for member in type(value)}
    wrong = [str(value.value), value.name.lower(), f"{value.name}_", f" {value.name}"]
    return [name for name in wrong if name not in names]


def _malformed_instants(old: str, _: object) -> list[object]:
    return [
        old.split("[", 1)[0],  # no zone name
        old.replace("T", " ", 1),
        f"{old}\n",
        old.replace("[", "[ ", 1),
        old[:11],  # a date and a "T", with no time
        re.sub(r"\[.*\]", "[]", old),
        old.replace(":", "", 1),
    ]


# What each kind of change may put in place of a value, given the JSON value
# and the Python value it was written from.
REPLACEMENTS: dict[str, typing.Callable[[Any, object], list[object]]] = {
    "null where it may not be": lambda old, value: [None],
    "null where it may be": lambda old, value: [None],
    "wrong JSON type": _wrong_types,
    "bad enum name": _bad_names,
    "malformed instant": _malformed_instants,
    "unknown zone": lambda old, value: [re.sub(r"\[.*\]", "[Nowhere/Atlantis]", old)],
    # No zone has a UTC offset of 23:59; "Z" would claim none at all.
    "offset the zone does not have": lambda old, value: [
        _INSTANT.sub(r"\g<date>T\g<time>+23:59[\g<zone>]", old)
    ],
    # Past the end of the range, even of an action's (years 1 to 9999 in UTC).
    "instant out of range": lambda old, value: [
        "9999-12-31T23:59:59-10:00[Pacific/Honolulu]"
    ],
    "no such day": lambda old, value: [old[:4] + "-02-30" + old[10:]],
    "malformed date": lambda old, value: [
        old.replace("-", ""),
        f"{old}\n",
        f"{old}T00:00",
        old[:7],
    ],
    "malformed decimal": lambda old, value: [
        float(old),
        f" {old}",
        f"{old}\n",
        "1,000",
        "NaN",
        "+5",
        "5.",
    ],
    "blank string": lambda old, value: ["", " ", "\n"],
    "integer written with a fraction": lambda old, value: [float(old)],
    "other integer": lambda old, value: [0, -1, 10**12, 10**25],
}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[type, list[tuple[str, dict[str, Any]]]]:
    """A record's class, and its document changed in each way it can be.

    Each change is made once, to a fresh document, at a place drawn among
    those it applies to, in a way drawn among those it has: a list of (kind
    of change, changed document).
    """
    record = draw(any_record())
    changed = []
    for kind in KINDS:
        document = to_dict(record)
        places = _options(record, document)[kind]
        if places:
            target = draw(st.sampled_from(places))
            _apply(kind, target, draw(st.sampled_from(_choices(kind, target))))
            changed.append((kind, document))
    return type(record), changed


def check(cls: type, kind: str, document: dict[str, Any]) -> None:
    """Assert what the schema and reading do with a document changed by *kind*."""
    by_schema = schema_accepts(cls, document)
    by_reading = reading_accepts(cls, document)
    if kind in STRUCTURAL:
        assert not by_schema, f"the schema accepts a document with: {kind}"
        assert not by_reading, f"reading accepts a document with: {kind}"
    elif kind in READING_ONLY:
        # What JSON Schema cannot express: the schema accepts, reading refuses.
        assert by_schema, f"the schema refuses: {kind}"
        assert not by_reading, f"reading accepts: {kind}"
    else:
        assert kind in SCHEMA_ACCEPTS
        assert by_schema, f"the schema refuses: {kind}"
    # Whatever the change, the schema is never stricter than reading.
    assert by_schema or not by_reading, kind


@settings(max_examples=lean(25))
@given(mutated())
def test_the_schema_and_reading_refuse_the_same_documents(
    case: tuple[type, list[tuple[str, dict[str, Any]]]],
) -> None:
    cls, changed = case
    for kind, document in changed:
        check(cls, kind, document)


def rich_plan() -> Plan:
    """A plan whose document holds every kind of value a change can hit."""
    priya = Person(
        name="Priya Shah",
        email="priya@acme.example",
        country="GB",
        subdivision="ENG",
        locale="en_GB",
    )
    interview = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=LONDON_END.subtract(hours=1),
        ends_at=LONDON_END,
        interviewers=(priya,),
        decision_expected_by=pendulum.date(2026, 11, 27),
        advertised_salary=SalaryRange(low="42000.50", high="48000", currency="GBP"),
    )
    application = Application.from_interview(interview).record(
        ThankYouSent(at=LONDON_END.add(hours=3), to=priya)
    )
    return plan(application, now=LONDON_END.add(days=2))


def test_each_kind_of_change_at_places_all_over_a_rich_plan() -> None:
    # The property draws one place and one way per kind; here each kind is
    # made every way it has, at up to six places spread over one document,
    # so that none of them goes untested whatever the draws.
    record = rich_plan()
    for kind in KINDS:
        count = len(_options(record, to_dict(record))[kind])
        assert count, f"no place for: {kind}"
        for index in sorted({count * step // 6 for step in range(6)}):
            target = _options(record, to_dict(record))[kind][index]
            for choice in _choices(kind, target):
                document = to_dict(record)
                target = _options(record, document)[kind][index]
                _apply(kind, target, choice)
                check(Plan, kind, document)


# --- the differences, as a reader of docs/schema.md sees them ---------------------


def small_interview() -> dict[str, Any]:
    interview = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=LONDON_END.subtract(hours=1),
        ends_at=LONDON_END,
        interviewers=(Person(name="Priya Shah", email="priya@acme.example"),),
        advertised_salary=SalaryRange(low="42000", high="48000", currency="GBP"),
    )
    return to_dict(interview)


@pytest.mark.parametrize(
    ("change", "value"),
    [
        ("ends_at", "2026-11-20T14:00:00+00:00[Europe/London]"),  # before it starts
        ("starts_at", "2026-11-20T14:30:00+00:00[Mars/Olympus]"),  # no such zone
        ("starts_at", "2026-11-20T14:30:00+01:00[Europe/London]"),  # not its offset
        ("starts_at", "2026-02-30T14:30:00+00:00[Europe/London]"),  # no such day
        ("starts_at", "2226-11-20T14:30:00+00:00[Europe/London]"),  # out of range
        ("closing_date", "2026-02-30"),  # no such day
        ("round", 0),  # rounds count from 1
        ("round", 1.0),  # JSON Schema counts 1.0 as an integer; reading does not
        ("round", 10**25),  # more digits than reading reads
        ("organisation", " "),  # blank
        ("interviewers", [{"name": "Priya Shah", "email": "not an address"}]),
        ("interviewers", [{"name": "Priya Shah", "country": "UK"}]),  # not a code
        ("interviewers", [{"name": "Ann Lee", "country": "US", "subdivision": "XX"}]),
        ("interviewers", [{"name": "Ann Lee", "subdivision": "NY"}]),  # no country
        ("locale", "fr-FR"),  # not Babel's form
        ("advertised_salary", {"low": "5", "high": "1", "currency": "GBP"}),
        ("advertised_salary", {"low": "1E+999999999", "high": "1", "currency": "GBP"}),
    ],
)
def test_what_only_reading_refuses(change: str, value: object) -> None:
    document = {**small_interview(), change: value}
    assert schema_accepts(Interview, document)
    assert not reading_accepts(Interview, document)


def test_json_text_rules_are_for_reading_alone() -> None:
    # A schema validates the parsed value; JSON text itself is from_json's.
    text = to_json(Person(name="Priya Shah"))
    repeated = text[:-1] + ',"name":"Ann Lee"}'
    assert validator(Person).is_valid(json.loads(repeated))
    with pytest.raises(SchemaError, match="each key once"):
        from_json(Person, repeated)


def test_a_line_break_after_a_pattern_is_refused_by_both() -> None:
    # Python's "$" matches before a final line break; the patterns rule it out.
    document = {**small_interview(), "starts_at": "2026-11-20T14:30:00+00:00[UTC]\n"}
    assert not schema_accepts(Interview, document)
    assert not reading_accepts(Interview, document)


def test_an_older_version_is_for_from_json_alone() -> None:
    # The schema states the current version only; from_json may read an older
    # one through its migrations, and what it reads, written again, is valid.
    older = {**small_interview(), "schema_version": SCHEMA_VERSION - 1}
    assert not schema_accepts(Interview, older)
    if reading_accepts(Interview, older):
        read = from_json(Interview, json.dumps(older))
        assert schema_accepts(Interview, to_dict(read))
    else:  # there is no older version yet
        assert SCHEMA_VERSION == 1
    newer = {**small_interview(), "schema_version": SCHEMA_VERSION + 1}
    assert not schema_accepts(Interview, newer)
    assert not reading_accepts(Interview, newer)


def test_the_docs_page_lists_each_difference() -> None:
    page = " ".join((DOCS / "schema.md").read_text(encoding="utf-8").split())
    for words in (
        "ends_at",
        "zone",
        "offset",
        "30 February",
        "range",
        "1.0",
        "20 digits",
        "bounds",
        "blank",
        "repeats a key",
        "NaN",
        "exponent",
        "older",
        "country",
        "subdivision",
        "locale",
    ):
        assert words in page, words


def test_an_instant_past_the_range_is_an_actions_alone() -> None:
    # An action's instants follow from the application's, so near the end of
    # the range they may lie past it: its schema names them apart.
    later = "2205-01-01T00:00:00+00:00[UTC]"
    document = {
        "schema_version": SCHEMA_VERSION,
        "kind": ActionKind.REFLECT.name,
        "opens_at": later,
        "send_at": later,
        "rationale": "why",
    }
    read = from_json(Action, json.dumps(document))
    assert read.opens_at.year == 2205
    assert read.recipient is None
    assert read.due_at is None
    assert dt.datetime(2205, 1, 1, tzinfo=dt.UTC) == read.send_at
    assert schema_accepts(Action, document)
    properties = json_schema(Action)["$defs"]["Action"]["properties"]
    assert properties["opens_at"] == {"$ref": "#/$defs/derived_instant"}
    assert not reading_accepts(Interview, {**small_interview(), "starts_at": later})
