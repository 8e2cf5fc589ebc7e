"""Email export: a draft's headers, checked addresses and the MIME message; the
draft as a mailto link."""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import re
import urllib.parse
from collections.abc import Iterable
from email.headerregistry import Address
from email.message import EmailMessage
from typing import Any

from postinterview import _fields, _time
from postinterview.errors import ValidationError
from postinterview.interview import Person
from postinterview.letters._candidate import Candidate


def _headers(
    *,
    to: Person,
    subject: str,
    sender: Candidate | Person | str,
    cc: Iterable[Candidate | Person | str],
    reply_to: Candidate | Person | str | None,
    date: dt.datetime | None,
) -> list[tuple[str, Any]]:
    """The headers of a draft's message, each checked, in the order they go out."""
    recipient = _address(to, "to")
    headers: list[tuple[str, Any]] = [
        ("From", _address(sender, "sender")),
        ("To", recipient),
    ]
    given: object = cc
    if isinstance(given, str | bytes) or not isinstance(given, Iterable):
        raise ValidationError("cc", cc, "an iterable of people or addresses")
    copies = tuple(_address(person, f"cc[{i}]") for i, person in enumerate(cc))
    if copies:
        headers.append(("Cc", copies))
    if reply_to is not None:
        headers.append(("Reply-To", _address(reply_to, "reply_to")))
    _check_header_text("subject", subject)
    headers.append(("Subject", subject))
    if date is not None:
        instant = _time.as_instant(date, "date")
        headers.append(("Date", email.utils.format_datetime(instant)))
    return headers


def _message(
    headers: Iterable[tuple[str, Any]], *, text: str, html: str
) -> EmailMessage:
    """A multipart/alternative message with *headers*, the *text* and the *html*."""
    _check_encodable("text", text)
    _check_encodable("html", html)
    message = EmailMessage(policy=_POLICY)
    for name, value in headers:
        message[name] = value
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def _address(person: Candidate | Person | str, field: str) -> Address:
    if isinstance(person, str):
        _check_address(field, person)
        return Address(addr_spec=person)
    if not isinstance(person, Candidate | Person):
        raise ValidationError(
            field, person, "a Candidate, a Person or an email address"
        )
    if person.email is None:
        raise ValidationError(
            f"{field}.email", None, f"an email address for {person.name}"
        )
    _check_address(f"{field}.email", person.email)
    _check_header_text(f"{field}.name", person.name)
    return Address(display_name=person.name, addr_spec=person.email)


# An RFC 2047 encoded word: the header parser would decode it, so text that
# looks like one could smuggle in a line break or another address.
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")


def _check_header_text(field: str, value: str) -> None:
    _fields.check_line(field, value)
    if _ENCODED_WORD.search(value):
        raise ValidationError(
            field,
            value,
            "text without an encoded word such as '=?utf-8?q?...?=', which mail "
            "programs would decode into something else",
        )


# SMTP's policy with lines up to the 998 characters RFC 5322 allows: headers
# then need no folding, which in some Python versions adds or loses a space
# where a non-ASCII name or subject is split.
_POLICY = email.policy.SMTP.clone(max_line_length=998)


def _check_address(field: str, value: str) -> None:
    # The records' own rule, so that an address a Person or Candidate holds
    # always becomes a header as it is.
    _fields.check_email(field, value)


def _check_encodable(field: str, value: str) -> None:
    """Refuse text that UTF-8 cannot encode: a lone surrogate, half a pair."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValidationError(
            field,
            value,
            "text that UTF-8 can encode, without a lone surrogate "
            f"(there is one at position {error.start})",
        ) from None


#: The longest link :meth:`Draft.to_mailto` makes unless told otherwise, in
#: characters. Browsers and mail programs do not all pass a longer link on
#: whole: Internet Explorer stopped at 2,083 characters, and the programs
#: that receive a link from the system vary. A mailto link is meant to be
#: clicked, so it keeps under the smallest such limit in wide use.
MAILTO_MAX_LENGTH = 2_000

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _mailto(*, to: Person, subject: str, text: str, max_length: int | None) -> str:
    """The RFC 6068 link that opens a new message to *to* with *subject* and *text*."""
    if max_length is not None and (type(max_length) is not int or max_length < 1):
        raise ValidationError(
            "max_length", max_length, "a whole number of characters, 1 or more, or None"
        )
    if to.email is None:
        raise ValidationError("to.email", None, f"an email address for {to.name}")
    _check_address("to.email", to.email)
    _check_header_text("subject", subject)
    _check_encodable("text", text)
    # RFC 6068: every character outside the unreserved set percent-encoded
    # from UTF-8 (so "&", "=", "?", "#" and "+" cannot end a field or be read
    # as a space), and each line break of the body as %0D%0A.
    body = _LINE_BREAK.sub("\r\n", text)
    link = (
        f"mailto:{urllib.parse.quote(to.email, safe='@')}"
        f"?subject={urllib.parse.quote(subject, safe='')}"
        f"&body={urllib.parse.quote(body, safe='')}"
    )
    if max_length is not None and len(link) > max_length:
        raise ValidationError(
            "mailto link",
            link,
            f"at most {max_length:,} characters, so that every browser and mail "
            f"program passes it on whole; this one has {len(link):,}: send the "
            "draft as an email instead (to_email() or to_eml()), or give a "
            "larger max_length",
        )
    return link
