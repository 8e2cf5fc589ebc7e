"""The draft: a letter ready to read, check, edit and send, and its notebook views."""

from __future__ import annotations

import datetime as dt
import html as _html
import re
from collections.abc import Iterable
from email.message import EmailMessage
from typing import Any

import attrs

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.findings import Finding
from postinterview.interview import Interview, Person
from postinterview.letters._candidate import Candidate
from postinterview.letters._checks import _check_letter
from postinterview.letters._email import _headers, _message
from postinterview.serialize._plans import add_edge_record

_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)


def _draft_text(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, "a string")


@attrs.frozen(kw_only=True)
class Draft:
    """A letter ready to read, check, edit and send.

    *kind* is one of :data:`KINDS` (or a host's own kind), *to* the
    recipient, *subject*, *text* and *html* the rendered parts and *locale*
    the locale they were written for. *interview*, when known, lets
    :meth:`check` compare the names in the letter with the record.
    """

    kind: str = attrs.field(validator=_fields.line)
    to: Person = attrs.field(validator=_fields.instance_of(Person))
    subject: str = attrs.field(validator=_fields.line)
    text: str = attrs.field(validator=_draft_text, repr=False)
    html: str = attrs.field(validator=_draft_text, repr=False)
    locale: str = attrs.field(default="en_GB", validator=_fields.line)
    interview: Interview | None = attrs.field(
        default=None,
        validator=_fields.instance_of(Interview, optional=True),
        repr=False,
    )

    # checking

    def check(self) -> tuple[Finding, ...]:
        """Return what a careful reader would want fixed before sending.

        Findings, not exceptions: a thank-you outside 100-200 words (counted
        from the greeting to the end); a greeting that does not use the
        recipient's name; the organisation or role spelled differently from
        the record; leftover placeholders (``{{``, ``[name]``, ``TODO``,
        ``XXX``); a word written twice in a row.
        """
        return _check_letter(
            kind=self.kind,
            to=self.to,
            subject=self.subject,
            text=self.text,
            interview=self.interview,
        )

    # sending

    def to_email(
        self,
        sender: Candidate | Person | str,
        *,
        cc: Iterable[Candidate | Person | str] = (),
        reply_to: Candidate | Person | str | None = None,
        date: dt.datetime | None = None,
    ) -> EmailMessage:
        """Return the draft as a multipart/alternative email, text and HTML.

        The message is built with :data:`email.policy.SMTP` (lines up to 998
        characters, so headers are not folded) and carries exactly these
        headers: From, To, Subject, Cc and Reply-To when given, Date when
        *date* is given, and the MIME headers. Addresses come from people's
        ``email`` fields (a :class:`ValidationError` when the recipient has
        none). Nothing that could end a header line or start a new header
        gets in: line breaks, two addresses in one string and text that
        looks like an encoded word are refused first.
        """
        headers = _headers(
            to=self.to,
            subject=self.subject,
            sender=sender,
            cc=cc,
            reply_to=reply_to,
            date=date,
        )
        return _message(headers, text=self.text, html=self.html)

    # notebook display

    def _recipient(self) -> str:
        """The recipient as a header names them: with their address when known."""
        if self.to.email is None:
            return self.to.name
        return f"{self.to.name} <{self.to.email}>"

    def _header_html(self) -> str:
        return (
            f"<p><strong>To:</strong> {_html.escape(self._recipient())}<br>"
            f"<strong>Subject:</strong> {_html.escape(self.subject)}</p>"
        )

    def _repr_html_(self) -> str:
        found = _BODY.search(self.html)
        body = found.group(1) if found else self.html
        return f'<div class="postinterview-draft">{self._header_html()}<hr>{body}</div>'

    def _repr_markdown_(self) -> str:
        to = self._recipient()
        longest = max((len(run) for run in re.findall("`+", self.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return (
            f"**To:** {_markdown(to)}  \n**Subject:** {_markdown(self.subject)}\n\n"
            f"{fence}text\n{self.text.rstrip()}\n{fence}\n"
        )

    def _repr_mimebundle_(
        self,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
    ) -> dict[str, str]:
        to = self._recipient()
        bundle = {
            "text/plain": f"To: {to}\nSubject: {self.subject}\n\n{self.text}",
            "text/html": self._repr_html_(),
            "text/markdown": self._repr_markdown_(),
        }
        wanted = set(bundle if include is None else include) - set(exclude or ())
        return {kind: shown for kind, shown in bundle.items() if kind in wanted}


# The core never imports letters, so serialize cannot list Draft among its
# records: it is added here, when letters loads.
add_edge_record(Draft)


def _markdown(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]()<>#+!|~-])", r"\\\1", text)
