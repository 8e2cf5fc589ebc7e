"""The draft: a letter ready to read, check, edit and send, and its notebook views."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any

import attrs

from postinterview import _fields, _views
from postinterview.errors import ValidationError
from postinterview.findings import Finding
from postinterview.interview import Interview, Person
from postinterview.letters._candidate import Candidate
from postinterview.letters._checks import _check_letter
from postinterview.letters._email import MAILTO_MAX_LENGTH, _headers, _mailto, _message
from postinterview.serialize._plans import add_edge_record

if TYPE_CHECKING:
    from postinterview.timeline import Application

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

    def check(self, application: Application | None = None) -> tuple[Finding, ...]:
        """Return what a careful reader would want fixed before sending.

        Findings, not exceptions, each with a ``code`` (the table in the
        letters guide says what each means). The letter is read in its
        *locale*'s language (English, French, German, Spanish or
        Portuguese, in any region: "fr_CA" reads as French); the messages
        are in English and quote the letter as written.

        - ``greeting``: no greeting, or one that does not use the recipient's
          name (a word of their name, given or family name, or their
          salutation; French may greet with "Madame," alone), or whose form
          of address is the other sex's than their honorific says; a call
          script that never says it;
        - ``title-before-full-name``: "Dear Dr Helen Marsh", "Sehr geehrte
          Frau Dr. Helen Marsh";
        - ``length``: a body outside its kind's bounds in its language
          (:func:`body_words`; :data:`BODY_WORDS` in English);
        - ``spelling``: the organisation or role spelled differently from the
          record (with the interview);
        - ``placeholder``: ``{{``, ``[name]``, ``TODO``, ``XXX`` left in;
        - ``doubled-word``: a word written twice in a row;
        - ``punctuation``: doubled or stray marks from joins ("Inc..",
          ".,", " ."), not an ellipsis, nor a name's own full stop, nor the
          French space before "?"; a Spanish "¿" or "¡" unpaired;
        - ``lower-case-start``: a sentence of the body that starts in lower
          case, unless the record writes that name so (a German body's
          first sentence may);
        - ``meeting-after-call``: a meeting spoken of after a telephone or
          video interview ("taking the time to meet me", "me rencontrer");
        - ``british-word``: British vocabulary in an en_US letter
          (:data:`BRITISH_WORDS`).

        With *application* (an :class:`~postinterview.Application`), the
        letter is also checked against its record: ``already-sent`` (the
        record shows the same letter sent), ``no-rejection``, ``no-feedback``
        and ``no-offer`` (it answers something not recorded),
        ``reply-after-deadline`` (it promises an answer to an offer after the
        offer's ``respond_by``, a date read as the letter's language writes
        it) and ``not-in-record`` (the recipient, or the
        interview, is not in the record). Anything else as *application*
        raises :class:`ValidationError`.
        """
        findings = _check_letter(
            kind=self.kind,
            to=self.to,
            subject=self.subject,
            text=self.text,
            interview=self.interview,
            locale=self.locale,
        )
        if application is None:
            return findings
        from postinterview.timeline import Application  # noqa: PLC0415 - lazy

        if not isinstance(application, Application):
            raise ValidationError(
                "application", application, "an Application to check against, or None"
            )
        from postinterview.letters._fit import fit_findings  # noqa: PLC0415 - lazy

        return (
            *findings,
            *fit_findings(
                kind=self.kind,
                to=self.to,
                interview=self.interview,
                text=self.text,
                locale=self.locale,
                application=application,
            ),
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

    def to_eml(
        self,
        sender: Candidate | Person | str,
        *,
        cc: Iterable[Candidate | Person | str] = (),
        reply_to: Candidate | Person | str | None = None,
        date: dt.datetime | None = None,
        unsent: bool = True,
    ) -> bytes:
        """Return the draft as the bytes of an ``.eml`` file, ready to open.

        The message is :meth:`to_email`'s, with the same arguments, the same
        checks and the same headers, written with CRLF line endings. With
        *unsent* (the default) it also carries ``X-Unsent: 1``, which tells
        Outlook to open the file as a new message to edit and send rather
        than as one received; ``unsent=False`` leaves that header out.
        """
        if type(unsent) is not bool:
            raise ValidationError("unsent", unsent, "True or False")
        message = self.to_email(sender, cc=cc, reply_to=reply_to, date=date)
        if unsent:
            message["X-Unsent"] = "1"
        return message.as_bytes()

    def to_mailto(self, *, max_length: int | None = MAILTO_MAX_LENGTH) -> str:
        """Return a ``mailto:`` link that opens this draft in a mail program.

        The link follows RFC 6068: the recipient's address, then the subject
        and the text body, each percent-encoded from UTF-8, every line break
        of the body written ``%0D%0A``. A link holds no HTML, no sender and
        no headers of its own: the mail program adds those. The address and
        subject are checked as :meth:`to_email` checks them.

        A link longer than *max_length* characters (by default
        :data:`MAILTO_MAX_LENGTH`, 2,000) raises
        :class:`~postinterview.ValidationError`, since some browsers and mail
        programs cut longer ones short without a word; send such a draft with
        :meth:`to_email` or :meth:`to_eml`, or pass a larger *max_length*
        (``None``: no limit) when the link's reader is known to take it.
        """
        return _mailto(
            to=self.to, subject=self.subject, text=self.text, max_length=max_length
        )

    # notebook display

    def _recipient(self) -> str:
        """The recipient as a header names them: with their address when known."""
        if self.to.email is None:
            return self.to.name
        return f"{self.to.name} <{self.to.email}>"

    def _header_html(self) -> str:
        return (
            f"<p><strong>To:</strong> {_views.escape_html(self._recipient())}<br>"
            f"<strong>Subject:</strong> {_views.escape_html(self.subject)}</p>"
        )

    def _repr_html_(self) -> str:
        found = _BODY.search(self.html)
        body = found.group(1) if found else self.html
        return f'<div class="postinterview-draft">{self._header_html()}<hr>{body}</div>'

    def _repr_markdown_(self) -> str:
        to = self._recipient()
        longest = max((len(run) for run in re.findall("`+", self.text)), default=0)
        fence = "`" * max(3, longest + 1)
        subject = _views.escape_markdown(self.subject)
        return (
            f"**To:** {_views.escape_markdown(to)}  \n**Subject:** {subject}\n\n"
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
