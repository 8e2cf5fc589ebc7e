"""Reading an employer's reply: the text of an email becomes suggested events.

:func:`read_reply` reads a reply (plain text or an
:class:`email.message.EmailMessage`) against the application it belongs to,
and returns a :class:`Reading`: what the reply says (a :class:`ReplyKind`),
the events to record with the evidence for each, the dates it states
resolved against when it arrived, and who on record wrote it. It is rule
based: phrase patterns per language, kept as data files that a host tool
can extend with :func:`add_patterns`.

The parts: the kinds in ``_kinds``; the pattern files and their loading in
``_patterns``; the message's body and headers in ``_message``; the own text,
without quoted history and signature, in ``_text``; dates and times in
``_dates``; salaries in ``_money``; the reading in ``_reading``.
"""

from postinterview.replies._dates import DateMention
from postinterview.replies._kinds import ReplyKind
from postinterview.replies._patterns import (
    add_patterns,
    pattern_languages,
    patterns,
    remove_patterns,
)
from postinterview.replies._reading import Evidence, Reading, Suggestion, read_reply

__all__ = [
    "DateMention",
    "Evidence",
    "Reading",
    "ReplyKind",
    "Suggestion",
    "add_patterns",
    "pattern_languages",
    "patterns",
    "read_reply",
    "remove_patterns",
]
