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
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from email.headerregistry import Address
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any

import attrs
import jinja2
import jinja2.sandbox
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

    Mount it in a host application's environment under a prefix:
    ``PrefixLoader({"postinterview": letters.loader()})``.
    """
    return jinja2.PackageLoader("postinterview", "templates")


def _configure(env: jinja2.Environment) -> jinja2.Environment:
    env.filters.update(FILTERS)
    return env


@functools.cache
def _packaged(html: bool) -> jinja2.Environment:
    """The environment the library renders with, built once per output kind."""
    return _configure(
        jinja2.Environment(
            loader=loader(),
            # Every HTML template is escaped, whatever its file name; the text
            # letters are plain text, which escaping would corrupt.
            autoescape=html,  # noqa: S701
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
            cache_size=-1,
        )
    )


def environment(
    template_dirs: Iterable[str | Any] = (), *, html: bool = False
) -> jinja2.Environment:
    """Return an environment with the host's *template_dirs* before ours.

    A template in one of *template_dirs* overrides the packaged template of
    the same name, and the originals stay reachable as
    ``postinterview/<name>``, so an override can ``{% extends %}`` them.
    *html* turns autoescaping on for every template. The library's
    :data:`FILTERS` are installed.
    """
    dirs = list(template_dirs)
    loaders: list[jinja2.BaseLoader] = []
    if dirs:
        loaders.append(jinja2.FileSystemLoader(dirs))
    loaders += [loader(), jinja2.PrefixLoader({"postinterview": loader()})]
    return _configure(
        jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=html,  # noqa: S701 - as in _packaged()
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
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
    return _packaged(html).get_template(name)


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
            for field, name in (
                ("organisation", self.interview.organisation),
                ("role", self.interview.role),
            ):
                for found in _misspellings(f"{self.subject}\n{text}", name):
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

        The message is built with :data:`email.policy.SMTP` and carries
        exactly these headers: From, To, Subject, Cc and Reply-To when given,
        Date when *date* is given, and the MIME headers. Addresses come from
        people's ``email`` fields (a :class:`ValidationError` when the
        recipient has none); nothing that could end a header line or start a
        new header gets in.
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
        _fields.check_line("subject", self.subject)
        headers.append(("Subject", self.subject))
        if date is not None:
            instant = _time.as_instant(date, "date")
            headers.append(("Date", email.utils.format_datetime(instant)))
        message = EmailMessage(policy=email.policy.SMTP)
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


def _misspellings(text: str, name: str) -> Iterator[str]:
    """Yield runs of words that look like *name* but are not spelled as it is.

    A run looks like the name when it has as many words and matches it
    ignoring case, or is at least 80% similar; runs that overlap a correct
    spelling are not counted, so "at Acme Ltd" does not match "Acme Ltd".
    """
    target = _WORD.findall(name)
    if not target:
        return
    wanted = " ".join(target).casefold()
    exact = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    words = list(_WORD.finditer(text))
    size = len(target)
    index = 0
    while index + size <= len(words):
        first, last = words[index], words[index + size - 1]
        found = text[first.start() : last.end()]
        overlaps = any(
            first.start() < end and last.end() > start for start, end in exact
        )
        words_found = " ".join(m.group(0) for m in words[index : index + size])
        if not overlaps and _looks_like(words_found.casefold(), wanted):
            yield found
            index += size
        else:
            index += 1


def _looks_like(found: str, wanted: str) -> bool:
    if found == wanted:
        return True
    return (
        len(wanted) >= 4 and difflib.SequenceMatcher(None, found, wanted).ratio() >= 0.8
    )


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
        body = draft.text
        for part in sorted(
            _name_parts(draft.to) | {draft.to.name.casefold()}, key=len, reverse=True
        ):
            body = re.sub(re.escape(part), "<name>", body, flags=re.IGNORECASE)
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
    _fields.check_line(f"{field}.name", person.name)
    return Address(display_name=person.name, addr_spec=person.email)


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
        "dated": day if dated is None else _day("dated", dated),
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
    *variant* ``"letter"`` lays it out as a printable letter dated *dated*
    (by default the day of the interview); *locale* is ``"en_GB"`` or
    ``"en_US"``.
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
    letter sent by post is laid out as a letter. What the record cannot
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
    dated = details.pop("dated", None)
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
# A field width or precision of five digits or more in a format string.
_WIDE_FORMAT = re.compile(r"%[^a-zA-Z%]*\d{5}|\{[^{}]*\d{5}[^{}]*\}")


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, plus caps on what one expression can build.

    Without them ``'a' * 10**9`` or ``'%999999999s' % x`` would allocate a
    gigabyte before the output limit is ever checked.
    """

    intercepted_binops = frozenset({"*", "**", "%"})

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
                    raise jinja2.exceptions.SecurityError(
                        f"a repetition longer than {_MAX_BUILT:,} items"
                    )
        elif operator == "**":
            if isinstance(right, int) and abs(right) > _MAX_EXPONENT:
                raise jinja2.exceptions.SecurityError(
                    f"an exponent larger than {_MAX_EXPONENT}"
                )
        elif isinstance(left, str):
            _check_format(left)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format(str(value.__self__))
        return wrapped


def _check_format(spec: str) -> None:
    if _WIDE_FORMAT.search(spec):
        raise jinja2.exceptions.SecurityError(
            "a format field width or precision of 10,000 or more"
        )


def _format_filter(value: str, *args: Any, **kwargs: Any) -> str:
    _check_format(value)
    made: str = jinja2.filters.do_format(value, *args, **kwargs)
    return made


def _small_range(*args: int) -> range:
    made = range(*args)
    if len(made) > _MAX_RANGE:
        raise jinja2.exceptions.SecurityError(
            f"range() is limited to {_MAX_RANGE} items in a user template"
        )
    return made


@functools.cache
def _sandbox(html: bool) -> jinja2.Environment:
    env = _configure(
        _Sandbox(
            autoescape=html,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
    )
    env.globals["range"] = _small_range
    env.filters["format"] = _format_filter
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
    than *max_chars* is refused, and so is any one expression that would
    build something huge (``range()`` past 1,000 items, a repetition past
    100,000, a format width of 10,000 or more).
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
