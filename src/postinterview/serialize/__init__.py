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

Each record class is compiled once: a description of each field, derived
from :func:`attrs.fields` and the resolved annotations, and from those an
encoder and a decoder written out for that class. To make a new record
serializable, add its class to :data:`RECORDS`; the records it holds come
with it.

The scalars are in ``_scalars``, the instants in ``_instants``, the compiled
codecs in ``_plans``, and the documents (:data:`RECORDS`, the version and the
functions that write and read them) in ``_documents``.
"""

from __future__ import annotations

from typing import Final

from postinterview.serialize import _documents
from postinterview.serialize._documents import from_dict, from_json, to_dict, to_json
from postinterview.serialize._instants import format_instant, parse_instant

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

# Bound again here so that the documentation finds their comments; the
# functions read the names in _documents.

#: The version written into, and required of, every document.
SCHEMA_VERSION: Final = _documents.SCHEMA_VERSION

#: The record classes that can be written and read. The records inside them
#: (nested fields, members of unions) are found through their annotations.
RECORDS: Final = _documents.RECORDS
