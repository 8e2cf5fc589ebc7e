"""The documents: which records there are, and writing and reading them.

A document is one record as a JSON object, ``"schema_version"`` first, or
the same as a TOML document.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Final, TypeVar

from postinterview.errors import SchemaError
from postinterview.feedback import Feedback
from postinterview.followup import Action, Plan
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
from postinterview.serialize._plans import (
    VERSION_KEY,
    DuplicateKeys,
    as_object,
    record_plan,
)
from postinterview.serialize._scalars import MISSING, DecodeError, parse_int
from postinterview.timeline import Application

__all__ = [
    "RECORDS",
    "SCHEMA_VERSION",
    "from_dict",
    "from_json",
    "to_dict",
    "to_json",
    "to_toml",
]

# The package binds these again, with the comments that document them.
SCHEMA_VERSION: Final = 4
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
    Action,
    Plan,
)

T = TypeVar("T")


def to_dict(obj: object) -> dict[str, Any]:
    """Return *obj*, a record (see :data:`RECORDS`), as a JSON-ready dict.

    The dict starts with ``"schema_version"`` and holds only dicts, lists,
    strings, ints and bools: a field that is ``None`` is left out. Raises
    :class:`TypeError`, naming the records there are, for anything that is
    not a record.

    >>> to_dict(Person(name="Priya Shah", email="priya@acme.example"))
    {'schema_version': 4, 'name': 'Priya Shah', 'email': 'priya@acme.example'}
    """
    plan = record_plan(type(obj), RECORDS)
    return plan.encode(obj, {VERSION_KEY: SCHEMA_VERSION})


def to_toml(obj: object) -> str:
    """Return *obj*, a record (see :data:`RECORDS`), as a TOML document.

    The document holds what :func:`to_dict` gives, in the same shape:
    ``schema_version`` first, nested records as tables, instants, dates and
    amounts as quoted strings. TOML has no null, and needs none: a field that
    is ``None`` is left out, and reading a record takes a field left out as
    its default, or as ``None`` when it may be ``None``. The command line
    reads the result from a file named ``.toml``.

    >>> print(to_toml(Person(name="Priya Shah", timezone="Europe/London")))
    schema_version = 4
    name = "Priya Shah"
    timezone = "Europe/London"
    <BLANKLINE>
    """
    import tomli_w  # noqa: PLC0415 - only writing TOML needs it

    return tomli_w.dumps(to_dict(obj))


def from_dict(cls: type[T], data: object) -> T:
    """Return the record of class *cls* that the dict *data* describes.

    Raises :class:`~postinterview.errors.SchemaError`, naming the path to the
    problem, when *data* is not a valid document; :class:`TypeError` when
    *cls* is not a record (see :data:`RECORDS`).

    >>> from_dict(Person, {"schema_version": 4, "name": "Priya Shah"}).name
    'Priya Shah'
    >>> from_dict(Person, {"schema_version": 4, "name": "Priya", "emial": "x"})
    Traceback (most recent call last):
    ...
    postinterview.errors.SchemaError: emial: expected a field of Person (name, email, phone, title, timezone, given_name, family_name, honorific, salutation, country, subdivision, locale), got 'emial'
    """  # noqa: E501 - a doctest shows the message as one line
    plan = record_plan(cls, RECORDS)
    try:
        if type(data) is not dict:
            data = as_object(data, cls.__name__)
        version = data.get(VERSION_KEY, MISSING)
        if type(version) is not int or version != SCHEMA_VERSION:
            data = _migrated(data, version)
        record: T = plan.decode(data, VERSION_KEY)
    except DecodeError as error:
        raise error.schema_error() from None
    except RecursionError:  # only a record that contains itself can nest this deep
        shown = f"a {type(data).__name__} nested too deeply to show"
        raise SchemaError("", shown, "a document nested less deeply") from None
    return record


def _unchanged(document: dict[str, Any]) -> dict[str, Any]:
    return document


# How a document of each older version becomes one of the next version. Each
# step so far only added optional fields, so a document of one version is a
# document of the next as it stands: version 2 added how a Person is greeted;
# version 3 added where a Person is and the language they read (country,
# subdivision, locale), the language an Interview was held in (locale), and
# the calendar an Action's days were counted with (calendar); version 4 added
# the decision date a reply may give (ReplyReceived.decision_expected_by).
_MIGRATIONS: Final[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    1: _unchanged,
    2: _unchanged,
    3: _unchanged,
}


def _migrated(document: dict[str, Any], version: object) -> dict[str, Any]:
    """*document*, written at *version*, brought up to :data:`SCHEMA_VERSION`."""
    if type(version) is not int or version not in _MIGRATIONS:
        readable = ", ".join(map(str, [*sorted(_MIGRATIONS), SCHEMA_VERSION]))
        raise DecodeError(
            version,
            f"a schema version this release reads ({readable})",
            f".{VERSION_KEY}",
        )
    while version != SCHEMA_VERSION:
        document = _MIGRATIONS[version](document)
        version += 1
    return document


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Return *obj*, a record (see :data:`RECORDS`), as JSON text.

    Without *indent* the text is compact; non-ASCII text is kept as it is.

    >>> to_json(Person(name="Zoë Ng", timezone="Asia/Singapore"))
    '{"schema_version":4,"name":"Zoë Ng","timezone":"Asia/Singapore"}'
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

    >>> text = '{"schema_version": 4, "name": "Priya", "name": "Ann"}'
    >>> from_json(Person, text)
    Traceback (most recent call last):
    ...
    postinterview.errors.SchemaError: name: expected each key once per object (Person repeats it), got 'name'
    """  # noqa: E501 - a doctest shows the message as one line
    try:
        if type(text) is str and not text.startswith("\ufeff"):
            data = _DECODER.decode(text)
        else:  # json.loads() decodes bytes, and refuses a byte order mark
            data = json.loads(text, **_PARSING)
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
            return DuplicateKeys(pairs, key)
        seen.add(key)
    return result  # pragma: no cover


def _no_constant(name: str) -> object:
    raise SchemaError(
        "", name, "JSON numbers only (NaN and Infinity are not part of JSON)"
    )


_PARSING: Final[dict[str, Any]] = {
    "object_pairs_hook": _object_from_pairs,
    "parse_constant": _no_constant,
    "parse_int": parse_int,
}
# Made once: json.loads() with options builds a decoder on every call.
_DECODER: Final = json.JSONDecoder(**_PARSING)
