"""The JSON Schema of each record's documents, from its compiled codec.

:func:`json_schema` reads the schema that ``_plans`` compiled for each field
beside its encoder and decoder, and gathers the definitions it refers to into
one JSON Schema (draft 2020-12) document.
"""

from __future__ import annotations

import json
import threading
from typing import Any, Final

from postinterview.serialize import _documents
from postinterview.serialize._plans import (
    VERSION_KEY,
    RecordPlan,
    record_plan,
    reference,
)
from postinterview.serialize._scalars import Schema

__all__ = ["json_schema"]

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

# Built schemas by record class, as JSON text: json_schema() hands out copies,
# and parsing the text is the quickest way to make one.
_SCHEMAS: dict[type, str] = {}
_LOCK = threading.Lock()


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the documents of record *cls*.

    The schema is made from the same field-by-field description that
    :func:`to_json` and :func:`from_json` use, so every document
    :func:`to_json` writes for a *cls* validates against it. It accepts the
    current :data:`SCHEMA_VERSION` only. Each record, enum, instant, date and
    decimal it uses is a definition under ``"$defs"``, named after its class
    (``"Person"``) or its kind (``"instant"``).

    A schema cannot say everything that reading checks: the rules between
    fields (an interview ends after it starts), the bounds of numbers, and
    whether a zone name or a date exists. So a document may validate and
    still be refused by :func:`from_json`, never the other way round; the
    documentation's page on the data contract lists each difference.

    The schema is built once per class; each call returns a new copy, which
    the caller may change. Raises :class:`TypeError` when *cls* is not a
    record.

    >>> from postinterview import Person
    >>> schema = json_schema(Person)
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["$defs"]["Person"]["required"]
    ['name']
    """
    candidate: object = cls  # typed as a class, but a caller may pass anything
    text = _SCHEMAS.get(cls) if isinstance(candidate, type) else None
    if text is None:
        plan = record_plan(cls, _documents.RECORDS)
        built = _document_schema(plan, _documents.SCHEMA_VERSION)
        with _LOCK:
            text = _SCHEMAS.setdefault(cls, json.dumps(built, ensure_ascii=False))
    copied: dict[str, Any] = json.loads(text)
    return copied


def _document_schema(plan: RecordPlan, version: int) -> Schema:
    """Return the schema of a document holding *plan*'s record."""
    name = plan.cls.__name__
    return {
        "$schema": _DIALECT,
        "title": name,
        "description": (
            f"One {name} as postinterview writes it (schema version {version}). "
            f"{plan.schema['description']}"
        ),
        **reference(name),
        "properties": {
            VERSION_KEY: {
                "description": (
                    f"The version of the document's format: {version}. Older "
                    "versions are read by postinterview's from_json, not by "
                    "this schema."
                ),
                "type": "integer",
                "const": version,
            }
        },
        "required": [VERSION_KEY],
        "unevaluatedProperties": False,
        "$defs": _definitions(plan),
    }


def _definitions(root: RecordPlan) -> dict[str, Schema]:
    """Return every definition *root*'s schema reaches, sorted by name."""
    found: dict[str, RecordPlan | Schema] = {}
    waiting: list[tuple[str, RecordPlan | Schema]] = [(root.cls.__name__, root)]
    while waiting:
        name, definition = waiting.pop()
        # Plans compare by identity; schemas by what they say.
        if found.setdefault(name, definition) != definition:
            raise TypeError(f"two different types are called {name} in one schema")
        if isinstance(definition, RecordPlan):
            waiting.extend(
                (inner, item)
                for inner, item in definition.defs.items()
                if found.get(inner) != item
            )
    return {
        name: definition.schema if isinstance(definition, RecordPlan) else definition
        for name, definition in sorted(found.items())
    }
