"""``postinterview schema``: the JSON Schema of a record's files, or the records."""

from __future__ import annotations

import argparse
import difflib
import json

from postinterview.cli._output import write
from postinterview.cli._records import Commands, UserError
from postinterview.serialize import RECORDS, json_schema


def add_parser(commands: Commands) -> None:
    """Add ``schema`` and its argument to *commands*."""
    command = commands.add_parser(
        "schema",
        help="print the JSON Schema of a record, or list the records",
        description="Print the JSON Schema (draft 2020-12) that a record's JSON "
        "files follow; without RECORD, list the records by name.",
    )
    command.add_argument(
        "record",
        nargs="?",
        metavar="RECORD",
        help="a record's name, such as Application (any case)",
    )
    command.set_defaults(run=run)


def _records() -> dict[str, type]:
    """Return the records by name, the letters' draft among them."""
    from postinterview.letters import Draft  # noqa: PLC0415 - only drafts need Jinja

    return {cls.__name__: cls for cls in sorted((*RECORDS, Draft), key=_name)}


def _name(cls: type) -> str:
    return cls.__name__


def run(args: argparse.Namespace) -> None:
    """Print the schema of ``RECORD``, or each record's name on a line."""
    records = _records()
    if args.record is None:
        for name in records:
            write(name)
        return
    folded = {name.lower(): cls for name, cls in records.items()}
    cls = folded.get(args.record.lower())
    if cls is None:
        close = difflib.get_close_matches(args.record.lower(), list(folded), n=1)
        guess = f"did you mean {folded[close[0]].__name__}? " if close else ""
        raise UserError(
            f"RECORD: no record called {args.record!r}; {guess}"
            f"the records are {', '.join(records)}"
        )
    write(json.dumps(json_schema(cls), indent=2, ensure_ascii=False))
