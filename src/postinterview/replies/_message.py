"""A reply as given: plain text, or an email message with its headers."""

from __future__ import annotations

import datetime as dt
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
    name, address = email.utils.parseaddr(str(message.get("From", "")))
    date = None
    if message.get("Date") is not None:
        try:
            date = email.utils.parsedate_to_datetime(str(message["Date"]))
        except (TypeError, ValueError):
            date = None
        if date is not None and date.tzinfo is None:
            date = None  # "-0000": the sender's zone is not known
    subject = message.get("Subject")
    return Incoming(
        body=_body(message),
        address=address or None,
        name=name or None,
        date=date,
        subject=None if subject is None else str(subject),
        automatic=_automatic(message),
    )


def _automatic(message: Message) -> str | None:
    """Why the headers say *message* was sent by a machine, if they do."""
    submitted = str(message.get("Auto-Submitted", "")).strip().casefold()
    if submitted.startswith("auto-replied"):
        return f"Auto-Submitted: {submitted}"
    for header in ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"):
        value = message.get(header)
        if value is not None and header != "X-Auto-Response-Suppress":
            return f"{header}: {value}"
    precedence = str(message.get("Precedence", "")).strip().casefold()
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
