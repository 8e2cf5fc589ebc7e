"""Lossless JSON for the library's records, its JSON Schema, and TOML.

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

A field that is ``None`` is left out (TOML, which has no null, then holds
the same documents); every other field is written, defaults and empty tuples
included. Reading takes a field left out as its default, or as ``None`` when
it may be ``None``, and refuses anything else with a
:class:`~postinterview.errors.SchemaError` whose ``path`` locates the
problem, such as ``interviewers[0].email``.

:func:`json_schema` gives the JSON Schema (draft 2020-12) of a record's
documents: the data contract for tools in other languages. :func:`to_toml`
writes the same document as TOML, which the command line reads.

Every record on the documentation's record page can be written and read; so
can a :class:`~postinterview.Plan` (with its actions and the application it
was made for), an :class:`~postinterview.Action` and a
:class:`~postinterview.letters.Draft`. A plan read back is the plan that was
written, not planned again.

Each record class is compiled once: a description of each field, derived
from :func:`attrs.fields` (or the record's own constructor) and the resolved
annotations, with the field's JSON Schema, and from those an encoder and a
decoder written out for that class. To make a new record serializable, add
its class to :data:`RECORDS`; the records it holds come with it. The core
never imports the edges of the library, so :mod:`postinterview.letters` adds
its ``Draft`` itself when it loads.

The scalars are in ``_scalars``, the instants in ``_instants``, the compiled
codecs in ``_plans``, the documents (:data:`RECORDS`, the version and the
functions that write and read them) in ``_documents``, and the schema in
``_schema``.
"""

from __future__ import annotations

from typing import Final

from postinterview.serialize import _documents
from postinterview.serialize._documents import (
    from_dict,
    from_json,
    to_dict,
    to_json,
    to_toml,
)
from postinterview.serialize._instants import format_instant, parse_instant
from postinterview.serialize._schema import json_schema

__all__ = [
    "RECORDS",
    "SCHEMA_VERSION",
    "format_instant",
    "from_dict",
    "from_json",
    "json_schema",
    "parse_instant",
    "to_dict",
    "to_json",
    "to_toml",
]

# Bound again here so that the documentation finds their comments; the
# functions read the names in _documents.

#: The version written into, and required of, every document.
SCHEMA_VERSION: Final = _documents.SCHEMA_VERSION

#: The record classes that can be written and read. The records inside them
#: (nested fields, members of unions) are found through their annotations.
#: :class:`~postinterview.letters.Draft` is one too, though the core cannot
#: name it here: letters adds it when it loads.
RECORDS: Final = _documents.RECORDS
