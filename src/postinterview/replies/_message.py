"""A reply as given: plain text, or an email message with its headers."""

from __future__ import annotations

import datetime as dt
import email.header
import email.utils
import html
import re
from email.message import EmailMessage, Message

import attrs

from postinterview.errors import ValidationError

__all__ = ["Incoming", "incoming"]

_TAGS = re.compile(r"<[^>]*>")
_BREAKS = re.compile(r"<\s*(?:br|/p|/div|/li|/tr|/h\d)\b[^>]*>", re.I)
_HIDDEN = re.compile(r"<\s*(script|style|head)\b.*?<\s*/\s*\1\s*>", re.I | re.S)
_QUOTE_BLOCK = re.compile(r"<\s*blockquote\b.*?<\s*/\s*blockquote\s*>", re.I | re.S)


@attrs.frozen
class Incoming:
    """What a reply gives the reader: its body, who sent it and when.

    *automatic* is the reason the headers mark it as an automatic reply
    (``"Auto-Submitted: auto-replied"``), or ``None``.
    """

    body: str
    address: str | None = None
    name: str | None = None
    date: dt.datetime | None = None
    subject: str | None = None
    automatic: str | None = None


def incoming(message: object) -> Incoming:
    """Read *message*, the text of a reply or an email message."""
    if isinstance(message, str):
        return Incoming(body=message)
    if not isinstance(message, Message):
        raise ValidationError(
            "message", message, "the text of a reply, or an email.message.EmailMessage"
        )
    # The headers as written, read once: the registry's parsing of each
    # header costs more than the rest of reading a reply.
    headers: dict[str, str] = {}
    for key, value in message.raw_items():
        headers.setdefault(key.casefold(), str(value))
    name, address = email.utils.parseaddr(_decoded(headers.get("from", "")))
    date = None
    if "date" in headers:
        try:
            date = email.utils.parsedate_to_datetime(headers["date"])
        except (TypeError, ValueError):
            date = None
        if date is not None and date.tzinfo is None:
            date = None  # "-0000": the sender's zone is not known
    subject = headers.get("subject")
    return Incoming(
        body=_body(message),
        address=address or None,
        name=name or None,
        date=date,
        subject=None if subject is None else _decoded(subject),
        automatic=_automatic(headers),
    )


def _decoded(value: str) -> str:
    """A raw header's text, its encoded words ("=?utf-8?q?...?=") decoded."""
    if "=?" not in value:
        return " ".join(value.split())
    return str(email.header.make_header(email.header.decode_header(value)))


def _automatic(headers: dict[str, str]) -> str | None:
    """Why the *headers* (by lower-case name) say the message was sent by a
    machine in answer to another, if they do."""
    submitted = headers.get("auto-submitted", "").strip().casefold()
    if submitted.startswith("auto-replied"):
        return f"Auto-Submitted: {submitted}"
    for header in ("X-Autoreply", "X-Autorespond"):
        value = headers.get(header.casefold())
        if value is not None:
            return f"{header}: {value.strip()}"
    precedence = headers.get("precedence", "").strip().casefold()
    if precedence == "auto_reply":
        return f"Precedence: {precedence}"
    return None


def _body(message: Message) -> str:
    """The message's text: its plain part, else its HTML part as text."""
    part: Message | None
    if isinstance(message, EmailMessage):
        part = message.get_body(preferencelist=("plain", "html"))
    else:
        part = next(
            (p for p in message.walk() if p.get_content_maintype() == "text"), None
        )
    if part is None:
        return ""
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        charset = part.get_content_charset() or "utf-8"
        try:
            text = payload.decode(charset, errors="replace")
        except LookupError:
            text = payload.decode("utf-8", errors="replace")
    else:
        text = str(part.get_payload())
    if part.get_content_subtype() == "html":
        return html_text(text)
    return text


def html_text(markup: str) -> str:
    """The text of an HTML message: block ends become line ends, and quoted
    blocks are marked as quoted."""
    markup = _HIDDEN.sub("", markup)
    markup = _QUOTE_BLOCK.sub("\n> quoted\n", markup)
    markup = _BREAKS.sub("\n", markup)
    return html.unescape(_TAGS.sub("", markup))
