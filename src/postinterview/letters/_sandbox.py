"""Letters: drafts of the thank-you notes and the other messages, from Jinja.

Each kind of letter has three packaged templates under
``postinterview/templates/<kind>/``: ``subject.txt.j2``, ``body.txt.j2`` and
``body.html.j2``. The functions here fill them from the interview record and
return a :class:`Draft`, which checks itself, shows itself in a notebook and
becomes an :class:`email.message.EmailMessage`.

Everything a person typed (names, highlights, reasons) reaches a template as
data, never as template source: the text body shows it as written and the
HTML body shows it escaped. Host tools can mount the packaged templates in
their own Jinja environment (:func:`loader`, :func:`environment`,
:data:`FILTERS`) and run templates their users wrote in a sandbox
(:func:`render_user_template`).

>>> import pendulum
>>> from postinterview import Interview, Person
>>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
>>> priya = Person(name="Priya Shah", email="priya@acme.example")
>>> iv = Interview(organisation="Acme Ltd", role="Data Engineer",
...                starts_at=end.subtract(hours=1), ends_at=end,
...                interviewers=(priya,))
>>> me = Candidate(name="Sam Jones", email="sam@example.org")
>>> draft = thank_you(iv, to=priya, sender=me,
...                   highlight="the move from nightly batches to streaming")
>>> draft.subject
'Data Engineer interview: thank you from Sam Jones'
>>> print(draft.text.splitlines()[0])
Dear Priya Shah,
>>> draft.check()
()
"""

from __future__ import annotations

import datetime as dt
import difflib
import email.policy
import email.utils
import functools
import html as _html
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from decimal import Decimal
from email.headerregistry import Address
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any, NoReturn

import attrs
import jinja2
import jinja2.compiler
import jinja2.nodes
import jinja2.sandbox
import jinja2.utils
import pendulum

from postinterview import _fields, _time
from postinterview.errors import (
    TemplateRenderError,
    UnsafeTemplateError,
    ValidationError,
)
from postinterview.findings import Finding
from postinterview.interview import (
    Channel,
    Interview,
    Person,
    RunBy,
    SalaryRange,
    _check_email,
    _check_phone,
)
from postinterview.notes import Highlight

if TYPE_CHECKING:
    from postinterview.followup import Action
    from postinterview.timeline import Application

__all__ = [
    "FILTERS",
    "KINDS",
    "LOCALES",
    "OPTIONS",
    "Candidate",
    "Draft",
    "check_in",
    "check_panel",
    "draft_for",
    "environment",
    "feedback_request",
    "feedback_thanks",
    "loader",
    "offer_thanks",
    "reference_brief",
    "rejection_reply",
    "render_user_template",
    "thank_you",
    "thank_you_each",
    "withdrawal",
]

#: The kinds of letter, each with its three templates under ``<kind>/``.
KINDS = (
    "thank_you",
    "feedback_request",
    "check_in",
    "reference_brief",
    "withdrawal",
    "rejection_reply",
    "feedback_thanks",
    "offer_thanks",
)
#: The locales the packaged templates are written for.
LOCALES = ("en_GB", "en_US")
_VARIANTS = ("email", "letter")


# -- the sender ----------------------------------------------------------------


def _lines(value: Iterable[str]) -> tuple[str, ...]:
    return _fields.to_text_tuple(value)


def _each_line(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise ValidationError(attribute.name, value, "a sequence of strings")
    for index, item in enumerate(value):
        _fields.check_line(f"{attribute.name}[{index}]", item)


@attrs.frozen(kw_only=True)
class Candidate:
    """The person who sends the letters.

    *signature* holds the lines printed under the name (a profile link, a
    job title); *address* the postal address that heads a printed letter.

    >>> Candidate(name="Sam Jones", email="sam@example.org").name
    'Sam Jones'
    """

    name: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    email: str = attrs.field(converter=_fields.strip, validator=_check_email)
    phone: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_check_phone
    )
    signature: tuple[str, ...] = attrs.field(
        default=(), converter=_lines, validator=_each_line
    )
    address: tuple[str, ...] = attrs.field(
        default=(), converter=_lines, validator=_each_line
    )

    @email.validator
    def _check_present(self, attribute: attrs.Attribute[str], value: object) -> None:
        if value is None:
            raise ValidationError(attribute.name, value, "the sender's email address")


# -- locales and filters -------------------------------------------------------

# British spellings in the packaged templates, and their American forms. Only
# the templates' own words pass through this table, never what a person typed.
_AMERICAN = {
    "apologise": "apologize",
    "emphasise": "emphasize",
    "organisation": "organization",
    "organisations": "organizations",
    "realise": "realize",
    "recognise": "recognize",
}
_LOCALE_DATA: dict[str, dict[str, str]] = {
    "en_GB": {
        "pendulum": "en_gb",
        "weekday": "dddd D MMMM",
        "email_sign_off": "Kind regards,",
        "letter_sign_off": "Yours sincerely,",
        "lang": "en-GB",
    },
    "en_US": {
        "pendulum": "en_us",
        "weekday": "dddd, MMMM D",
        "email_sign_off": "Best regards,",
        "letter_sign_off": "Sincerely,",
        "lang": "en-US",
    },
}
_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}


def _locale_of(context: jinja2.runtime.Context) -> str:
    locale = context.get("locale", "en_GB")
    return locale if locale in _LOCALE_DATA else "en_GB"


@jinja2.pass_context
def _spell(context: jinja2.runtime.Context, word: str) -> str:
    """Spell one of the templates' own words for the letter's locale."""
    if _locale_of(context) == "en_US":
        return _AMERICAN.get(word, word)
    return word


@jinja2.pass_context
def _longdate(context: jinja2.runtime.Context, day: dt.date) -> str:
    """Write a date in full, the locale's way: 20 November 2026."""
    data = _LOCALE_DATA[_locale_of(context)]
    return pendulum.Date(day.year, day.month, day.day).format(
        "LL", locale=data["pendulum"]
    )


@jinja2.pass_context
def _weekday(context: jinja2.runtime.Context, day: dt.date) -> str:
    """Write a day with its name and no year: Friday 20 November."""
    data = _LOCALE_DATA[_locale_of(context)]
    return pendulum.Date(day.year, day.month, day.day).format(
        data["weekday"], locale=data["pendulum"]
    )


@jinja2.pass_context
def _names(context: jinja2.runtime.Context, people: Iterable[object]) -> str:
    """Join names into a list: 'A, B and C' (with a serial comma in en_US)."""
    names = [getattr(p, "name", None) or str(p) for p in people]
    if len(names) <= 2:
        return " and ".join(names)
    serial = "," if _locale_of(context) == "en_US" else ""
    return f"{', '.join(names[:-1])}{serial} and {names[-1]}"


def _money(value: Decimal | SalaryRange, currency: str | None = None) -> str:
    """Write an amount or a range with its currency: £42,000 to £48,000 a year."""
    if isinstance(value, SalaryRange):
        period = value.period.value
        low, high = (
            _money(value.low, value.currency),
            _money(value.high, value.currency),
        )
        return f"{low} to {high} a {period}"
    amount = f"{value:,.2f}".removesuffix(".00")
    symbol = _SYMBOLS.get(currency or "")
    return f"{symbol}{amount}" if symbol else f"{amount} {currency or ''}".rstrip()


def _sentence(text: str) -> str:
    """End a piece of typed text with a full stop unless it has its own."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", ":", "…")) else f"{text}."


#: The filters the packaged templates use, for hosts that build their own
#: environment: ``spell``, ``longdate``, ``weekday``, ``names``, ``money`` and
#: ``sentence``.
FILTERS: Mapping[str, Callable[..., str]] = {
    "longdate": _longdate,
    "money": _money,
    "names": _names,
    "sentence": _sentence,
    "spell": _spell,
    "weekday": _weekday,
}


# -- environments ---------------------------------------------------------------


@functools.cache
def loader() -> jinja2.BaseLoader:
    """Return a Jinja loader of the packaged templates.

    Mount it in a host application's environment under the prefix
    ``postinterview``, which the templates use to extend each other:
    ``PrefixLoader({"postinterview": letters.loader()})``.
    """
    return jinja2.PackageLoader("postinterview", "templates")


@functools.cache
def _mounted() -> jinja2.BaseLoader:
    return jinja2.PrefixLoader({"postinterview": loader()})


#: The settings the packaged templates are written for. A host that builds
#: its own environment passes them on: ``Environment(loader=...,
#: autoescape=..., **OPTIONS)``; the templates' layout depends on the first
#: three.
OPTIONS: Mapping[str, Any] = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "undefined": jinja2.StrictUndefined,
}


def _configure(env: jinja2.Environment) -> jinja2.Environment:
    env.filters.update(FILTERS)
    return env


@functools.cache
def _packaged(html: bool) -> jinja2.Environment:
    """The environment the library renders with, built once per output kind."""
    return _configure(
        jinja2.Environment(
            loader=_mounted(),
            # Every HTML template is escaped, whatever its file name; the text
            # letters are plain text, which escaping would corrupt.
            autoescape=html,  # noqa: S701
            auto_reload=False,
            cache_size=-1,
            **OPTIONS,
        )
    )


def environment(
    template_dirs: Iterable[str | Any] = (), *, html: bool = False
) -> jinja2.Environment:
    """Return an environment with the host's *template_dirs* before ours.

    A template in one of *template_dirs* overrides the packaged template of
    the same name, and the originals stay reachable as
    ``postinterview/<name>``, so an override can ``{% extends %}`` them. The
    packaged bodies extend ``postinterview/base.txt.j2`` and
    ``postinterview/base.html.j2``; a file at that path in one of
    *template_dirs* replaces the frame of every letter. *html* turns
    autoescaping on for every template. The library's :data:`FILTERS` are
    installed.
    """
    dirs = list(template_dirs)
    loaders: list[jinja2.BaseLoader] = []
    if dirs:
        loaders.append(jinja2.FileSystemLoader(dirs))
    loaders += [_mounted(), loader()]
    return _configure(
        jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=html,  # noqa: S701 - as in _packaged()
            **OPTIONS,
        )
    )


_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def _render(html: bool, name: str, context: Mapping[str, Any]) -> str:
    template = _template(html, name)
    try:
        return template.render(context)
    except jinja2.UndefinedError as error:
        found = _UNDEFINED.search(str(error))
        variable = next((g for g in found.groups() if g), None) if found else None
        message = (
            f"the context variable {variable!r} is missing" if variable else str(error)
        )
        raise TemplateRenderError(message, template=name) from None


@functools.cache
def _template(html: bool, name: str) -> jinja2.Template:
    return _packaged(html).get_template(f"postinterview/{name}")


# -- drafts --------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_DOUBLED = re.compile(r"\b([^\W\d_]+)\s+(\1)\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{\{|\{%|\[[^\]\n]{1,40}\]|\bTODO\b|\bXXX\b|<[A-Za-z ]+>")
_GREETING = re.compile(r"^\s*(dear|hello|hi|good (morning|afternoon|evening))\b", re.I)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)
_THANK_YOU_WORDS = (100, 200)


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
        findings: list[Finding] = []
        text = self.text
        greeting = next(
            (line for line in text.splitlines() if _GREETING.match(line)), None
        )
        if greeting is None:
            findings.append(
                Finding(code="greeting", message="the letter has no greeting")
            )
        elif not _names_person(greeting, self.to):
            findings.append(
                Finding(
                    code="greeting",
                    message=f"the greeting does not use {self.to.name}'s name",
                    text=greeting.strip(),
                )
            )
        if self.kind == "thank_you":
            start = text.find(greeting) if greeting is not None else 0
            words = len(_WORD.findall(text[start:]))
            low, high = _THANK_YOU_WORDS
            if not low <= words <= high:
                findings.append(
                    Finding(
                        code="length",
                        message=(
                            f"a thank-you note reads best at {low} to {high} words; "
                            f"this one has {words}"
                        ),
                    )
                )
        if self.interview is not None:
            # A role is often written in lower case in a sentence; an
            # organisation's name is spelled one way.
            for field, name, case_matters in (
                ("organisation", self.interview.organisation, True),
                ("role", self.interview.role, False),
            ):
                written = f"{self.subject}\n{text}"
                for found in _misspellings(written, name, case_matters=case_matters):
                    findings.append(
                        Finding(
                            code="spelling",
                            message=f"the {field} is {name!r} in the record",
                            text=found,
                        )
                    )
        for match in _PLACEHOLDER.finditer(f"{self.subject}\n{text}"):
            findings.append(
                Finding(
                    code="placeholder",
                    message="a placeholder is left to fill in",
                    text=match.group(0),
                )
            )
        for match in _DOUBLED.finditer(text):
            findings.append(
                Finding(
                    code="doubled-word",
                    message=f"{match.group(1)!r} is written twice in a row",
                    text=match.group(0),
                )
            )
        return tuple(findings)

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
        to = _address(self.to, "to")
        headers: list[tuple[str, Any]] = [
            ("From", _address(sender, "sender")),
            ("To", to),
        ]
        copies = tuple(_address(person, f"cc[{i}]") for i, person in enumerate(cc))
        if copies:
            headers.append(("Cc", copies))
        if reply_to is not None:
            headers.append(("Reply-To", _address(reply_to, "reply_to")))
        _check_header_text("subject", self.subject)
        headers.append(("Subject", self.subject))
        if date is not None:
            instant = _time.as_instant(date, "date")
            headers.append(("Date", email.utils.format_datetime(instant)))
        message = EmailMessage(policy=_POLICY)
        for name, value in headers:
            message[name] = value
        message.set_content(self.text)
        message.add_alternative(self.html, subtype="html")
        return message

    # notebook display

    def _header_html(self) -> str:
        to = (
            self.to.name
            if self.to.email is None
            else f"{self.to.name} <{self.to.email}>"
        )
        return (
            f"<p><strong>To:</strong> {_html.escape(to)}<br>"
            f"<strong>Subject:</strong> {_html.escape(self.subject)}</p>"
        )

    def _repr_html_(self) -> str:
        found = _BODY.search(self.html)
        body = found.group(1) if found else self.html
        return f'<div class="postinterview-draft">{self._header_html()}<hr>{body}</div>'

    def _repr_markdown_(self) -> str:
        to = (
            self.to.name
            if self.to.email is None
            else f"{self.to.name} <{self.to.email}>"
        )
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
        to = (
            self.to.name
            if self.to.email is None
            else f"{self.to.name} <{self.to.email}>"
        )
        bundle = {
            "text/plain": f"To: {to}\nSubject: {self.subject}\n\n{self.text}",
            "text/html": self._repr_html_(),
            "text/markdown": self._repr_markdown_(),
        }
        wanted = set(bundle if include is None else include) - set(exclude or ())
        return {kind: shown for kind, shown in bundle.items() if kind in wanted}


def _markdown(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]()<>#+!|~-])", r"\\\1", text)


def _name_parts(person: Person) -> set[str]:
    return {part.casefold() for part in _WORD.findall(person.name) if len(part) > 1}


def _names_person(line: str, person: Person) -> bool:
    parts = _name_parts(person) or {person.name.casefold()}
    words = {word.casefold() for word in _WORD.findall(line)}
    return bool(parts & words) or person.name.casefold() in line.casefold()


def _misspellings(text: str, name: str, *, case_matters: bool) -> Iterator[str]:
    """Yield runs of words that look like *name* but are not spelled as it is.

    A run looks like the name when it has as many words and is at least 80%
    similar to it, ignoring case. Not counted: runs that overlap a correct
    spelling (so "at Acme Ltd" does not match "Acme Ltd"), other forms of
    the same words ("data engineers" for "Data Engineer"), and, unless
    *case_matters*, runs that differ only in case.
    """
    target = _WORD.findall(name)
    if not target:
        return
    folded = [word.casefold() for word in target]
    flags = 0 if case_matters else re.IGNORECASE
    exact = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text, flags)]
    words = list(_WORD.finditer(text))
    size = len(target)
    index = 0
    while index + size <= len(words):
        run = words[index : index + size]
        first, last = run[0], run[-1]
        overlaps = any(
            first.start() < end and last.end() > start for start, end in exact
        )
        found = [match.group(0).casefold() for match in run]
        if not overlaps and _looks_like(found, folded):
            yield text[first.start() : last.end()]
            index += size
        else:
            index += 1


def _looks_like(found: list[str], wanted: list[str]) -> bool:
    if all(
        f.startswith(w) or w.startswith(f) for f, w in zip(found, wanted, strict=True)
    ):
        # The same words, or other forms of them ("engineers", "engineering").
        return found == wanted
    joined, target = " ".join(found), " ".join(wanted)
    return (
        len(target) >= 4
        and difflib.SequenceMatcher(None, joined, target).ratio() >= 0.8
    )


def _panel_body(draft: Draft) -> str:
    """The draft's paragraphs between the greeting and the sign-off, unnamed.

    The greeting and the signature are left out (the sender may share a name
    with the reader), and the reader's name is masked where it stands as a
    word of its own.
    """
    lines = draft.text.splitlines()
    start = next((i + 1 for i, line in enumerate(lines) if _GREETING.match(line)), 0)
    paragraphs = "\n".join(lines[start:]).strip().split("\n\n")
    body = "\n\n".join(paragraphs[:-1] or paragraphs)
    parts = sorted(_name_parts(draft.to) | {draft.to.name.casefold()}, key=len)
    names = "|".join(re.escape(part) for part in reversed(parts))
    return re.sub(rf"(?<!\w)(?:{names})(?!\w)", "<name>", body, flags=re.IGNORECASE)


def check_panel(drafts: Iterable[Draft]) -> tuple[Finding, ...]:
    """Check a panel's drafts one by one and against each other.

    Panel members compare notes, so besides each draft's own findings this
    reports every pair of drafts whose bodies are the same apart from the
    recipient's name.
    """
    drafts = tuple(drafts)
    findings = [finding for draft in drafts for finding in draft.check()]
    seen: dict[str, Draft] = {}
    for draft in drafts:
        body = _panel_body(draft)
        earlier = seen.get(body)
        if earlier is not None:
            findings.append(
                Finding(
                    code="same-letter",
                    message=(
                        f"the notes to {earlier.to.name} and {draft.to.name} are the "
                        "same apart from the name; give each its own point"
                    ),
                    text=draft.to.name,
                )
            )
        else:
            seen[body] = draft
    return tuple(findings)


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


_ADDRESS = re.compile(r"[!#-'*+\-/-9=?A-Z^-~.]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def _check_address(field: str, value: str) -> None:
    if not _ADDRESS.fullmatch(value) or ".." in value or value.startswith("."):
        raise ValidationError(
            field,
            value,
            "one plain ASCII email address such as 'name@example.org' "
            "(write an international domain in its xn-- form)",
        )


# -- the letters -----------------------------------------------------------------


def _text(field: str, value: Any) -> str:
    _fields.check_text(field, value)
    return str(value).strip()


def _optional_text(field: str, value: Any) -> str | None:
    return None if value is None else _text(field, value)


def _texts(field: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError(field, value, "a sequence of strings")
    return tuple(_text(f"{field}[{i}]", item) for i, item in enumerate(value))


def _day(field: str, value: Any) -> pendulum.Date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(field, value, "a date")
    return pendulum.Date(value.year, value.month, value.day)


def _optional_day(field: str, value: Any) -> pendulum.Date | None:
    return None if value is None else _day(field, value)


def _optional_amount(field: str, value: Any) -> Decimal | None:
    if value is None:
        return None
    amount: object = _fields.to_decimal(value)
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
        raise ValidationError(field, value, "a positive amount")
    return amount


@attrs.frozen
class _Detail:
    """A piece of a letter that the record does not hold: the person supplies it."""

    convert: Callable[[str, Any], Any]
    required: bool = False
    default: Any = None


# Beyond the record, what each kind of letter needs from the person writing it.
_DETAILS: dict[str, dict[str, _Detail]] = {
    "thank_you": {
        "highlight": _Detail(_text, required=True),
        "forgot": _Detail(_optional_text),
    },
    "feedback_request": {},
    "check_in": {},
    "reference_brief": {
        "contact_from": _Detail(_optional_day),
        "emphasise": _Detail(_texts, default=()),
    },
    "withdrawal": {"reason": _Detail(_optional_text)},
    "rejection_reply": {},
    "feedback_thanks": {"useful": _Detail(_optional_text)},
    "offer_thanks": {
        "reply_by": _Detail(_day, required=True),
        "discuss": _Detail(_texts, default=()),
        "salary": _Detail(_optional_amount),
    },
}


def _letter(
    kind: str,
    interview: Interview,
    *,
    to: Person,
    sender: Candidate,
    variant: str,
    locale: str,
    dated: dt.date | None,
    details: Mapping[str, Any],
) -> Draft:
    """Fill the three templates of *kind* and return the draft."""
    if not isinstance(interview, Interview):
        raise ValidationError("interview", interview, "an Interview")
    if not isinstance(to, Person):
        raise ValidationError("to", to, "a Person")
    if not isinstance(sender, Candidate):
        raise ValidationError("sender", sender, "a Candidate")
    if variant not in _VARIANTS:
        raise ValidationError("variant", variant, "'email' or 'letter'")
    if locale not in _LOCALE_DATA:
        raise ValidationError("locale", locale, f"one of {', '.join(LOCALES)}")
    if variant == "letter" and dated is None:
        raise ValidationError(
            "dated", None, "the date to print on the letter (nothing reads the clock)"
        )
    wanted = _DETAILS[kind]
    for name in details:
        if name not in wanted:
            known = ", ".join(wanted) or "none"
            raise ValidationError(
                name, details[name], f"a detail of a {kind} letter ({known})"
            )
    filled: dict[str, Any] = {}
    for name, detail in wanted.items():
        value = details.get(name, detail.default)
        if value is None and detail.required:
            raise ValidationError(name, None, f"a value: a {kind} letter needs it")
        filled[name] = value if value is None else detail.convert(name, value)
    if kind == "offer_thanks":
        _check_salary(filled["salary"], interview.advertised_salary)
    data = _LOCALE_DATA[locale]
    day = interview.ends_at.date()  # the day in the interview's own zone
    context: dict[str, Any] = {
        "kind": kind,
        "variant": variant,
        "locale": locale,
        "lang": data["lang"],
        "sign_off": data[f"{variant}_sign_off"],
        "dated": None if dated is None else _day("dated", dated),
        "interview": interview,
        "interview_day": day,
        "organisation": interview.organisation,
        "role": interview.role,
        "agency": interview.agency_contact
        if interview.run_by is RunBy.AGENCY
        else None,
        "to": to,
        "sender": sender,
        **filled,
    }
    subject = " ".join(_render(False, f"{kind}/subject.txt.j2", context).split())
    context["subject"] = subject
    return Draft(
        kind=kind,
        to=to,
        subject=subject,
        text=_render(False, f"{kind}/body.txt.j2", context),
        html=_render(True, f"{kind}/body.html.j2", context),
        locale=locale,
        interview=interview,
    )


def _check_salary(salary: Decimal | None, advertised: SalaryRange | None) -> None:
    if salary is None:
        return
    if advertised is None:
        raise ValidationError(
            "salary",
            salary,
            "None unless the interview has an advertised_salary to negotiate within",
        )
    if not advertised.low <= salary <= advertised.high:
        raise ValidationError(
            "salary",
            salary,
            f"an amount within the advertised range ({_money(advertised)})",
        )


def thank_you(
    interview: Interview,
    *,
    to: Person,
    sender: Candidate,
    highlight: str,
    forgot: str | None = None,
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft the thank-you note to one interviewer.

    It thanks *to* for their time, comes back to *highlight* (a phrase that
    completes "our conversation about ..."), restates interest in the role,
    adds the *forgot* point briefly when given, and offers more information.
    *variant* ``"letter"`` lays it out as a printable letter dated *dated*,
    which a letter needs; *locale* is ``"en_GB"`` or ``"en_US"``.
    """
    return _letter(
        "thank_you",
        interview,
        to=to,
        sender=sender,
        variant=variant,
        locale=locale,
        dated=dated,
        details={"highlight": highlight, "forgot": forgot},
    )


def thank_you_each(
    interview: Interview,
    *,
    sender: Candidate,
    highlights: Mapping[Person, str] | Iterable[Highlight],
    forgot: str | None = None,
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> tuple[Draft, ...]:
    """Draft one thank-you note per interviewer, each with its own point.

    *highlights* maps every interviewer to the point from their part of the
    conversation (or is a sequence of :class:`~postinterview.Highlight` from
    the notes). Panel members compare notes, so a missing point, or a point
    for someone who was not on the panel, raises :class:`ValidationError`.
    Check the set with :func:`check_panel`.
    """
    if isinstance(highlights, Mapping):
        points = dict(highlights)
    else:
        points = {}
        for index, item in enumerate(highlights):
            if not isinstance(item, Highlight):
                raise ValidationError(f"highlights[{index}]", item, "a Highlight")
            points.setdefault(item.interviewer, item.point)
    for person in points:
        if person not in interview.interviewers:
            raise ValidationError(
                "highlights", person, "a point only for the interview's interviewers"
            )
    missing = [p.name for p in interview.interviewers if p not in points]
    if missing or not interview.interviewers:
        raise ValidationError(
            "highlights",
            ", ".join(missing) or None,
            "a point for every interviewer (the interview must name them)",
        )
    return tuple(
        thank_you(
            interview,
            to=person,
            sender=sender,
            highlight=points[person],
            forgot=forgot,
            variant=variant,
            locale=locale,
            dated=dated,
        )
        for person in interview.interviewers
    )


def feedback_request(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft the request for feedback after a rejection.

    It thanks them, asks for specific feedback on strengths and on what to
    improve, and asks to be considered for future openings. By default it
    goes to the agency contact when an agency ran the interview, else to
    the first interviewer.
    """
    return _letter(
        "feedback_request",
        interview,
        to=to or _contact(interview, "to"),
        sender=sender,
        variant=variant,
        locale=locale,
        dated=dated,
        details={},
    )


def check_in(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft a short, polite enquiry about the decision, restating interest.

    Send it only after the stated decision date; the follow-up plan says
    when. It goes to *to*, by default the agency contact or else the first
    interviewer.
    """
    return _letter(
        "check_in",
        interview,
        to=to or _contact(interview, "to"),
        sender=sender,
        variant=variant,
        locale=locale,
        dated=dated,
        details={},
    )


def reference_brief(
    interview: Interview,
    *,
    to: Person,
    sender: Candidate,
    contact_from: dt.date | None = None,
    emphasise: Iterable[str] = (),
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft the note that tells a referee (*to*) they may be contacted.

    It names the role, the organisation and who the candidate met, says
    when they may hear (from *contact_from*, when known) and lists what
    the candidate would like them to *emphasise*.
    """
    return _letter(
        "reference_brief",
        interview,
        to=to,
        sender=sender,
        variant=variant,
        locale=locale,
        dated=dated,
        details={"contact_from": contact_from, "emphasise": emphasise},
    )


def withdrawal(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    reason: str | None = None,
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft a polite withdrawal that thanks them and leaves the door open.

    A *reason* is optional; one short sentence is plenty.
    """
    return _letter(
        "withdrawal",
        interview,
        to=to or _contact(interview, "to"),
        sender=sender,
        variant=variant,
        locale=locale,
        dated=dated,
        details={"reason": reason},
    )


def rejection_reply(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft a reply to a rejection that thanks them and asks to be remembered.

    Use it when feedback was declined, or instead of asking for it.
    """
    return _letter(
        "rejection_reply",
        interview,
        to=to or _contact(interview, "to"),
        sender=sender,
        variant=variant,
        locale=locale,
        dated=dated,
        details={},
    )


def feedback_thanks(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    useful: str | None = None,
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft thanks for feedback received, naming what was *useful* if given."""
    return _letter(
        "feedback_thanks",
        interview,
        to=to or _contact(interview, "to"),
        sender=sender,
        variant=variant,
        locale=locale,
        dated=dated,
        details={"useful": useful},
    )


def offer_thanks(
    interview: Interview,
    *,
    to: Person | None = None,
    sender: Candidate,
    reply_by: dt.date,
    discuss: Iterable[str] = (),
    salary: Decimal | int | str | None = None,
    variant: str = "email",
    locale: str = "en_GB",
    dated: dt.date | None = None,
) -> Draft:
    """Draft thanks for an offer that says when the answer will come.

    It promises a reply by *reply_by* and, optionally, raises the terms to
    *discuss* first (booked holidays, flexible hours) and a *salary* to
    talk about, which must lie within the interview's advertised range.
    """
    return _letter(
        "offer_thanks",
        interview,
        to=to or _contact(interview, "to"),
        sender=sender,
        variant=variant,
        locale=locale,
        dated=dated,
        details={"reply_by": reply_by, "discuss": discuss, "salary": salary},
    )


def _contact(interview: Interview, field: str) -> Person:
    """Who a follow-up goes to by default: the agency, else the first interviewer."""
    if interview.run_by is RunBy.AGENCY and interview.agency_contact is not None:
        return interview.agency_contact
    if interview.interviewers:
        return interview.interviewers[0]
    raise ValidationError(
        field, None, "a Person: the interview names nobody to write to"
    )


# -- from a plan to drafts ---------------------------------------------------------


def draft_for(
    action: Action,
    application: Application,
    *,
    sender: Candidate,
    locale: str = "en_GB",
    **details: Any,
) -> Draft:
    """Draft the letter that *action* names, from what *application* knows.

    The interview is the action's round and the recipient its recipient; a
    letter sent by post is laid out as a letter, dated the day the action
    should be sent in the recipient's zone. What the record cannot
    know (a thank-you's ``highlight``, a referee as ``to``) comes from
    *details*; a missing one raises :class:`ValidationError` naming it. An
    offer's ``reply_by`` defaults to the offer's ``respond_by`` date.
    """
    from postinterview.timeline import OfferReceived  # noqa: PLC0415 - lazy

    kind = action.template
    if kind is None or kind not in _DETAILS:
        raise ValidationError(
            "action", action.kind, "an action with a letter to draft (a template)"
        )
    rounds = application.history.rounds
    interview = rounds[min(action.round, len(rounds)) - 1]
    to = details.pop("to", None) or action.recipient
    if to is None:
        raise ValidationError("to", None, f"a Person to address the {kind} letter to")
    variant = details.pop("variant", None) or (
        "letter" if action.channel is Channel.LETTER else "email"
    )
    dated = details.pop("dated", None) or action.send_at.date()
    if kind == "offer_thanks" and "reply_by" not in details:
        offers = [e for e in application.events if isinstance(e, OfferReceived)]
        if len(offers) >= action.number and offers[action.number - 1].respond_by:
            respond_by = offers[action.number - 1].respond_by
            assert respond_by is not None  # noqa: S101 - checked just above
            details["reply_by"] = respond_by.date()
    return _letter(
        kind,
        interview,
        to=to,
        sender=sender,
        variant=variant,
        locale=locale,
        dated=dated,
        details=details,
    )


# -- templates written by a host's users -----------------------------------------


_MAX_RANGE = 1_000
_MAX_BUILT = 100_000
_MAX_EXPONENT = 256
_MAX_LOREM = 5
# In a %-format: a width or precision given by *, or written with five digits.
_WIDE_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d{5}|\d*\.(?:\*|\d{5}))")
# In a {}-format: a field nested in a field, or five digits in a field.
_WIDE_BRACES = re.compile(r"(?<!\{)\{(?!\{)[^{}]*(?:\{|\d{5})")


def _refuse(what: str) -> NoReturn:
    raise jinja2.exceptions.SecurityError(f"{what} is refused in a user template")


def _check_size(value: object) -> None:
    """Refuse a string or sequence longer than a template could need."""
    if isinstance(value, str | list | tuple) and len(value) > _MAX_BUILT:
        _refuse(f"a value of more than {_MAX_BUILT:,} items")


def _check_format(spec: str) -> None:
    if _WIDE_PERCENT.search(spec) or _WIDE_BRACES.search(spec):
        _refuse("a format width or precision of 10,000 or more, or one set at run time")


def _check_width(width: object) -> None:
    if isinstance(width, int) and width > _MAX_BUILT:
        _refuse(f"a width over {_MAX_BUILT:,}")


def _joined(separator: str, items: Iterable[Any]) -> list[Any]:
    """Return *items* as a list, refusing a join that would be too long."""
    listed = list(items)
    if len(listed) > _MAX_BUILT:
        _refuse(f"joining more than {_MAX_BUILT:,} items")
    size = len(separator) * max(len(listed) - 1, 0)
    size += sum(len(item) if isinstance(item, str) else 1 for item in listed)
    if size > _MAX_BUILT:
        _refuse(f"a join of more than {_MAX_BUILT:,} characters")
    return listed


def _check_replace(text: str, old: str, new: str) -> None:
    found = len(text) + 1 if not old else text.count(old)
    if len(text) + found * (len(new) - len(old)) > _MAX_BUILT:
        _refuse(f"a replacement longer than {_MAX_BUILT:,} characters")


class _GuardedCodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles ``a ~ b`` so that the joined string is measured."""

    def visit_Concat(  # noqa: N802 - the name Jinja's visitor calls
        self, node: jinja2.nodes.Concat, frame: jinja2.compiler.Frame
    ) -> None:
        self.write("environment.measured(")
        super().visit_Concat(node, frame)
        self.write(")")


def _measured_join(pieces: Iterable[str]) -> str:
    joined = "".join(pieces)
    _check_size(joined)
    return joined


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with caps on what one step can build.

    The sandbox keeps a template from private attributes but not from
    building huge values: ``'a' * 10**9``, ``'%999999999s' % x``,
    ``'a'.ljust(10**9)`` or ``a ~ a`` repeated would each allocate gigabytes
    before the output limit is ever checked. Every operator, method, filter
    and concatenation that can grow a value is measured here: it may not
    make more than 100,000 items.
    """

    code_generator_class = _GuardedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%", "+"})
    concat = staticmethod(_measured_join)  # block captures and macro output

    @staticmethod
    def measured(value: Any) -> Any:
        _check_size(value)
        return value

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > _MAX_BUILT
                ):
                    _refuse(f"a repetition of more than {_MAX_BUILT:,} items")
        elif operator == "**":
            if isinstance(right, int) and abs(right) > _MAX_EXPONENT:
                _refuse(f"an exponent over {_MAX_EXPONENT}")
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        made = super().call_binop(context, operator, left, right)
        _check_size(made)
        return made

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format(str(value.__self__))
        return wrapped

    def call(
        __self,  # noqa: N805 - the sandbox's own convention, see its call()
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        text = getattr(__obj, "__self__", None)
        if isinstance(text, str):
            name = getattr(__obj, "__name__", "")
            if name in {"center", "ljust", "rjust", "zfill"}:
                _check_width(args[0] if args else kwargs.get("width"))
            elif name == "expandtabs":
                size = args[0] if args else kwargs.get("tabsize", 8)
                if isinstance(size, int):
                    _check_width(size * text.count("\t"))
            elif name == "join" and args:
                args = (_joined(text, args[0]), *args[1:])
            elif (
                name == "replace"
                and len(args) >= 2  # old, new
                and isinstance(args[0], str)
                and isinstance(args[1], str)
            ):
                _check_replace(text, args[0], args[1])
        made = super().call(__context, __obj, *args, **kwargs)
        _check_size(made)
        return made


def _format_filter(value: str, *args: Any, **kwargs: Any) -> str:
    _check_format(value)
    made: str = jinja2.filters.do_format(value, *args, **kwargs)
    return made


@jinja2.pass_eval_context
def _join_filter(
    eval_ctx: jinja2.nodes.EvalContext,
    value: Iterable[Any],
    d: str = "",
    attribute: str | int | None = None,
) -> str:
    listed = _joined(d, value) if attribute is None else list(value)
    made: str = jinja2.filters.do_join(eval_ctx, listed, d, attribute)
    _check_size(made)
    return made


@jinja2.pass_eval_context
def _replace_filter(
    eval_ctx: jinja2.nodes.EvalContext,
    s: str,
    old: str,
    new: str,
    count: int | None = None,
) -> str:
    _check_replace(str(s), str(old), str(new))
    made: str = jinja2.filters.do_replace(eval_ctx, s, old, new, count)
    return made


def _center_filter(value: str, width: int = 80) -> str:
    _check_width(width)
    return jinja2.filters.do_center(value, width)


def _indent_filter(
    s: str, width: int | str = 4, first: bool = False, blank: bool = False
) -> str:
    lines = str(s).count("\n") + 1
    if isinstance(width, int):
        _check_width(width * lines)
    else:
        _check_width(len(width) * lines)
    return jinja2.filters.do_indent(s, width, first, blank)


def _batch_filter(value: Iterable[Any], linecount: int, fill_with: Any = None) -> Any:
    _check_width(linecount)
    return jinja2.filters.do_batch(value, linecount, fill_with)


def _slice_filter(value: Collection[Any], slices: int, fill_with: Any = None) -> Any:
    _check_width(slices)
    return jinja2.filters.sync_do_slice(value, slices, fill_with)


def _small_range(*args: int) -> range:
    made = range(*args)
    if len(made) > _MAX_RANGE:
        _refuse(f"range() of more than {_MAX_RANGE:,} items")
    return made


def _small_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja's lipsum(), with Jinja's own argument names, for a few paragraphs."""
    if n > _MAX_LOREM or max > 100:  # Jinja's default longest paragraph
        _refuse(f"lipsum() of more than {_MAX_LOREM} paragraphs or 100 words")
    made: str = jinja2.utils.generate_lorem_ipsum(n, html, min, max)
    return made


@functools.cache
def _sandbox(html: bool) -> jinja2.Environment:
    env = _configure(_Sandbox(autoescape=html, **OPTIONS))
    env.globals.update(range=_small_range, lipsum=_small_lipsum)
    env.filters.update(
        format=_format_filter,
        join=_join_filter,
        replace=_replace_filter,
        center=_center_filter,
        indent=_indent_filter,
        batch=_batch_filter,
        slice=_slice_filter,
    )
    return env


def render_user_template(
    source: str,
    context: Mapping[str, Any],
    *,
    html: bool = False,
    max_chars: int = 20_000,
) -> str:
    """Render a template a host tool's user wrote, in Jinja's sandbox.

    The template sees *context* read-only and cannot reach private
    attributes (``__class__``, ``__globals__``, ``|attr(...)`` and
    ``str.format`` tricks raise :class:`UnsafeTemplateError`). Output longer
    than *max_chars* is refused, and so is any step that would build a value
    of more than 100,000 items (``'a' * 10**9``, ``'a'.ljust(10**9)``, a huge
    join or replacement, ``a ~ a`` repeated), a format width of 10,000 or
    more, and ``range()`` past 1,000 items. The sandbox bounds memory, not
    time: a template can still loop for a while within those limits, so a
    host that renders templates from strangers should also limit the time.
    A syntax error or a missing variable raises
    :class:`TemplateRenderError` with the line. *html* turns autoescaping on.

    >>> render_user_template("Dear {{ name }},", {"name": "Priya"})
    'Dear Priya,'
    """
    if not isinstance(source, str):
        raise ValidationError("source", source, "a template as a string")
    if type(max_chars) is not int or max_chars < 1:
        raise ValidationError("max_chars", max_chars, "a positive integer")
    env = _sandbox(html)
    try:
        template = env.from_string(source)
        pieces: list[str] = []
        length = 0
        for piece in template.generate(dict(context)):
            length += len(piece)
            if length > max_chars:
                raise TemplateRenderError(
                    f"the output is longer than max_chars ({max_chars:,})"
                )
            pieces.append(piece)
    except jinja2.exceptions.SecurityError as error:
        raise UnsafeTemplateError(str(error), line=_line_of(error)) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateRenderError(
            error.message or str(error), line=error.lineno
        ) from None
    except TemplateRenderError:
        raise
    except Exception as error:  # whatever the user's template raised
        message = str(error) or type(error).__name__
        if not isinstance(error, jinja2.TemplateError):
            message = f"{type(error).__name__}: {message}"
        raise TemplateRenderError(message, line=_line_of(error)) from None
    return "".join(pieces)


def _line_of(error: BaseException) -> int | None:
    """The line of the user's template that raised *error*, from the traceback."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
