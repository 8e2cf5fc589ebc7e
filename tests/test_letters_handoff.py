"""Handing a draft to a mail program: ``Draft.to_mailto()`` and ``Draft.to_eml()``."""

from __future__ import annotations

import email.parser
import email.policy
import re
import urllib.parse
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from postinterview import Person, ValidationError
from postinterview.letters import MAILTO_MAX_LENGTH, thank_you
from postinterview.strategies._basics import _emails
from test_letters import (
    CLEAN,
    KIM,
    ME,
    NAMES,
    PRIYA,
    _one_line,
    header_names,
    interview,
    lf,
)

# What RFC 3986 leaves unencoded; every other character of a field is %XX.
_UNRESERVED = re.compile(r"[A-Za-z0-9\-._~%]*")
# An RFC 2047 encoded word, which to_email and to_mailto refuse in a subject.
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")


def fields_of(link: str) -> tuple[str, list[tuple[str, str]]]:
    """The address and the fields of a mailto link, decoded as RFC 6068 says."""
    parts = urllib.parse.urlsplit(link)
    assert parts.scheme == "mailto"
    assert parts.fragment == ""
    query = urllib.parse.parse_qsl(
        parts.query, keep_blank_values=True, strict_parsing=True
    )
    return urllib.parse.unquote(parts.path, errors="strict"), query


def crlf(text: str) -> str:
    """*text* with every line break as CRLF, as a mailto body carries them."""
    return re.sub(r"\r\n|\r|\n", "\r\n", text)


def parsed(data: bytes) -> Any:
    return email.parser.BytesParser(policy=email.policy.default).parsebytes(data)


# -- mailto ------------------------------------------------------------------------


def test_a_mailto_link_opens_the_draft_to_its_recipient() -> None:
    link = CLEAN.to_mailto()
    assert link.startswith(
        "mailto:priya@acme.example?subject=Data%20Engineer%20interview%3A%20"
        "thank%20you%20from%20Robin%20Jones&body=Dear%20Priya%20Shah%2C%0D%0A%0D%0A"
    )
    address, query = fields_of(link)
    assert address == "priya@acme.example"
    assert query == [("subject", CLEAN.subject), ("body", crlf(CLEAN.text))]
    assert lf(dict(query)["body"]) == lf(CLEAN.text)
    # No raw line break, space or plus anywhere: each is encoded.
    assert not re.search(r"[\s+]", link)
    assert len(link) <= MAILTO_MAX_LENGTH


def test_what_could_end_a_field_is_encoded() -> None:
    draft = attrs.evolve(
        CLEAN,
        subject="Q&A? 100% = yes #1 + more",
        text="a&b=c?d#e+f%g\r\nsecond\rthird\n&cc=evil@x.org",
    )
    link = draft.to_mailto()
    _, query = fields_of(link)
    assert query == [
        ("subject", draft.subject),
        ("body", "a&b=c?d#e+f%g\r\nsecond\r\nthird\r\n&cc=evil@x.org"),
    ]
    assert "&cc=" not in link
    assert link.count("&") == 1
    assert link.count("?") == 1


def test_non_ascii_text_is_percent_encoded_utf_8() -> None:
    to = Person(name=NAMES[0], email="jose@acme.example")
    draft = thank_you(
        interview(organisation="Zoë & Łukasz Sp. z o.o.", interviewers=(to,)),
        to=to,
        sender=ME,
        highlight="数据流水线 and café culture",
    )
    link = draft.to_mailto()
    assert link.isascii()
    assert "%E6%95%B0%E6%8D%AE" in link  # 数据 in UTF-8
    assert fields_of(link)[1] == [
        ("subject", draft.subject),
        ("body", crlf(draft.text)),
    ]


def test_a_link_too_long_to_pass_on_whole_is_refused() -> None:
    long = attrs.evolve(CLEAN, text="数据 " * 300)
    with pytest.raises(ValidationError) as caught:
        long.to_mailto()
    link = long.to_mailto(max_length=None)
    error = caught.value
    assert error.field == "mailto link"
    assert error.value == link
    assert f"this one has {len(link):,}" in error.expected
    assert "at most 2,000 characters" in error.expected
    assert "to_email() or to_eml()" in error.expected
    # A larger limit, or none, when the reader of the link is known.
    assert long.to_mailto(max_length=len(link)) == link
    with pytest.raises(ValidationError):
        long.to_mailto(max_length=len(link) - 1)


@pytest.mark.parametrize("limit", [0, -1, 1.5, "2000", True, 2**70 * 1.0])
def test_a_limit_that_is_not_a_count_of_characters_is_refused(limit: object) -> None:
    with pytest.raises(ValidationError, match="max_length: expected a whole number"):
        CLEAN.to_mailto(max_length=limit)  # type: ignore[arg-type]


def test_a_link_needs_the_recipients_address() -> None:
    nameless = attrs.evolve(CLEAN, to=Person(name="Priya Shah"))
    with pytest.raises(ValidationError, match=r"to\.email: expected an email address"):
        nameless.to_mailto()


def test_an_encoded_word_in_the_subject_is_refused_as_in_an_email() -> None:
    sly = attrs.evolve(CLEAN, subject="=?utf-8?q?a=0D=0ABcc:_x@y.org?=")
    for make in (sly.to_mailto, lambda: sly.to_email(ME), lambda: sly.to_eml(ME)):
        with pytest.raises(ValidationError, match="subject: expected text without"):
            make()


@pytest.mark.parametrize("field", ["text", "html"])
def test_text_utf_8_cannot_encode_is_refused(field: str) -> None:
    broken = attrs.evolve(CLEAN, **{field: "Dear Priya,\ud800\n"})
    makers = [lambda: broken.to_email(ME), lambda: broken.to_eml(ME)]
    if field == "text":
        makers.append(broken.to_mailto)
    for make in makers:
        with pytest.raises(ValidationError, match=f"{field}: expected text that UTF-8"):
            make()


_ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=300)
_SUBJECTS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Zl", "Zp")), min_size=1
).filter(lambda s: s.strip() != "")


@given(address=_emails(), subject=_SUBJECTS, text=_ANY_TEXT)
def test_a_link_decodes_back_to_the_draft(
    address: str, subject: str, text: str
) -> None:
    try:
        draft = attrs.evolve(
            CLEAN,
            to=Person(name="Priya Shah", email=address),
            subject=subject,
            text=text,
        )
    except ValidationError:
        assume(False)  # a subject the draft refuses: not the link's concern
        return
    if _ENCODED_WORD.search(subject):
        with pytest.raises(ValidationError):
            draft.to_mailto(max_length=None)
        return
    link = draft.to_mailto(max_length=None)
    decoded, query = fields_of(link)
    assert decoded == address
    assert query == [("subject", subject), ("body", crlf(text))]
    # Outside its three separators, the link is unreserved characters and
    # percent escapes: nothing a reader could take for another field.
    head, _, rest = link.partition("?subject=")
    subject_part, _, body_part = rest.partition("&body=")
    assert _UNRESERVED.fullmatch(subject_part)
    assert _UNRESERVED.fullmatch(body_part)
    assert head.startswith("mailto:")
    # The limit: a link of any length within it is made, none past it.
    if len(link) <= MAILTO_MAX_LENGTH:
        assert draft.to_mailto() == link
    else:
        with pytest.raises(ValidationError):
            draft.to_mailto()


# -- eml --------------------------------------------------------------------------


def test_an_eml_file_is_the_email_as_bytes_marked_unsent() -> None:
    data = CLEAN.to_eml(ME, cc=[KIM], reply_to=PRIYA)
    assert data.startswith(b"From: Robin Jones <robin@example.org>\r\n")
    # CRLF line endings throughout.
    assert b"\n" not in data.replace(b"\r\n", b"")
    message = parsed(data)
    assert sorted(header_names(message)) == sorted(
        [
            "from",
            "to",
            "cc",
            "reply-to",
            "subject",
            "mime-version",
            "content-type",
            "x-unsent",
        ]
    )
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == CLEAN.subject
    assert [a.addr_spec for a in message["To"].addresses] == ["priya@acme.example"]
    assert lf(message.get_body(("plain",)).get_content()) == lf(CLEAN.text)
    assert lf(message.get_body(("html",)).get_content()) == lf(CLEAN.html)
    # Without the mark, the headers are exactly to_email's.
    sent = parsed(CLEAN.to_eml(ME, unsent=False))
    assert header_names(sent) == header_names(CLEAN.to_email(ME))


def test_an_eml_file_checks_what_to_email_checks() -> None:
    with pytest.raises(ValidationError, match="sender"):
        CLEAN.to_eml("two@a.org, three@b.org")
    with pytest.raises(ValidationError, match=r"cc\[1\]\.email"):
        CLEAN.to_eml(ME, cc=[KIM, Person(name="No Email")])
    with pytest.raises(ValidationError, match="unsent: expected True or False"):
        CLEAN.to_eml(ME, unsent=1)  # type: ignore[arg-type]


@given(
    name=_one_line(30),
    subject=_one_line(60),
    # Lines of printable text: the email package splits lines at more
    # characters than these (such as U+2028), as to_email's own tests say.
    text=st.lists(_one_line(40), min_size=1, max_size=5).map("\n".join),
)
def test_an_eml_file_reads_back_as_the_draft(
    name: str, subject: str, text: str
) -> None:
    draft = attrs.evolve(
        CLEAN, to=Person(name=name, email="to@acme.example"), subject=subject, text=text
    )
    message = parsed(draft.to_eml(ME))
    assert sorted(header_names(message)) == sorted(
        ["from", "to", "subject", "mime-version", "content-type", "x-unsent"]
    )
    assert message["Subject"] == subject
    assert message["To"].addresses[0].display_name == name
    assert lf(message.get_body(("plain",)).get_content()) == lf(text)
