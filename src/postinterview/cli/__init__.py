"""The command line: ``postinterview`` (also ``python -m postinterview``).

A thin edge around the library. It reads records written as TOML or JSON, in
the shape of :mod:`postinterview.serialize`'s documents, and prints what the
library makes of them:

- ``postinterview plan FILE [--now INSTANT] [--format table|json]``: the
  follow-up timetable, one row per action owed, overdue ones marked, a send
  time after the due time explained, lapsed ones listed apart;
- ``postinterview agenda DIR [--days N] [--now INSTANT] [--format
  table|json|ics]``: everything owed across a folder of records, by send
  time, lapsed ones apart; a file that cannot be read is named on standard
  error and the others are still listed;
- ``postinterview draft FILE --kind KIND [--to NAME] [--sender ADDRESS] ...``:
  one letter, as text or (``--html``) HTML;
- ``postinterview ics FILE [-o FILE] [--now INSTANT]``: the timetable as an
  iCalendar file (:meth:`postinterview.Plan.to_ics`, the ``calendar`` extra);
- ``postinterview log DIR [--next FILE] [--limit N]``: the learning log over
  every entry in a folder, and what to practise for the next interview;
- ``postinterview check FILE``: says what a record is and that it is valid;
- ``postinterview schema [RECORD]``: the JSON Schema of a record's documents
  (:func:`postinterview.serialize.json_schema`), or the records' names.

**Files.** A file holds one record. A file named ``.json`` is a JSON document
as :func:`postinterview.serialize.to_json` writes it; any other is a TOML
document as :func:`postinterview.serialize.to_toml` writes it, with
``schema_version`` at the top as in the JSON. When the text is in the other
format, the error says so and which suffix to give the file. What a file
holds follows from its top-level keys: ``application`` makes it a log entry
(:class:`~postinterview.LogEntry`), ``interviews`` an
:class:`~postinterview.Application`, ``organisation`` an
:class:`~postinterview.Interview`. Values are written as in the JSON: instants
as quoted RFC 9557 strings that keep the zone name, enum members by name,
amounts of money as quoted decimals, optional fields left out (TOML has no
null). A date may also be a bare TOML date (``decision_expected_by =
2026-11-27``); a bare TOML date-time is refused, because it has no zone name.

**Time.** Nothing reads the clock except the default of ``--now``, which is
the current instant in UTC. ``--now`` is an instant with its UTC offset
(``2026-11-21T18:00Z``, ``2026-11-21T18:00:00+00:00``) or with its zone too,
in RFC 9557 form (``2026-11-21T18:00:00+00:00[Europe/London]``); a naive time
is refused.

**Errors.** A mistake in what was given (a missing file, bad TOML or JSON, a
record that does not validate, an unknown record name, person or option)
prints one line, ``postinterview: error: ...``, on standard error and exits
with status 2. Success exits with 0; ``agenda`` exits with 3 when it listed
what it could read but some files could not be; Ctrl-C exits with 130. The
library's warnings print as ``postinterview: warning: ...`` lines. ``--help``
ends with the documentation's address, read from the installed package's
metadata.

**Layout.** One private module per subcommand (``_plan``, ``_agenda``,
``_draft``, ``_ics``, ``_log``, ``_check``, ``_schema``) defines its options
beside what it does; ``_records`` reads records and option values,
``_people`` finds who a letter is from and to, ``_output`` prints, and
``_main`` holds :func:`main`.
"""

from postinterview.cli._main import main

__all__ = ["main"]
