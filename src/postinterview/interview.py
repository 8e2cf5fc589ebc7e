"""The interview record: who, when, where, how, and what was said about next steps.

All records are frozen attrs classes with keyword-only arguments, validated
when they are built. A bad value raises :class:`~postinterview.ValidationError`
naming the field; nothing is silently dropped. Strings are stripped of
surrounding whitespace and nothing else.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from postinterview import _fields, _time
from postinterview.errors import ValidationError

__all__ = [
    "Channel",
    "Format",
    "Interview",
    "Period",
    "Person",
    "RunBy",
    "SalaryRange",
]

_CURRENCY = re.compile(r"[A-Z]{3}")


class Format(enum.Enum):
    """How the interview was held; it changes how likely feedback is, and
    how the letters speak of it (a call is not a meeting)."""

    IN_PERSON = "in person"
    VIDEO = "video"
    TELEPHONE = "telephone"
    ASSESSMENT_CENTRE = "assessment centre"
    #: A technical test or exercise worked through with the interviewers.
    TECHNICAL_TEST = "technical test"


class Channel(enum.Enum):
    """How the employer prefers to be contacted after the interview."""

    EMAIL = "email"
    PHONE = "phone"
    LETTER = "letter"
    MESSAGE = "message"


class RunBy(enum.Enum):
    """Who ran the interview: the employer itself or a recruitment agency."""

    EMPLOYER = "employer"
    AGENCY = "agency"


class Period(enum.Enum):
    """The period a salary is quoted for."""

    YEAR = "year"
    MONTH = "month"
    HOUR = "hour"


def _check_email(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _fields.check_email(attribute.name, value)


def _check_phone(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _fields.check_line(attribute.name, value)
    if sum(char.isdigit() for char in value) < 3:
        raise ValidationError(
            attribute.name, value, "a phone number with at least 3 digits"
        )


def _check_zone(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _time.place_zone(value, attribute.name)


def _check_country(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        # The holidays package knows the countries: loaded when one is named.
        from postinterview.workdays import _places  # noqa: PLC0415

        _places.check_country(attribute.name, value)


# Words that open a greeting: a salutation is what follows them.
_GREETING_WORDS = re.compile(
    r"(dear|hi|hello|hey|good (morning|afternoon|evening))\b", re.IGNORECASE
)
_HONORIFIC_LENGTH = 30


def _check_honorific(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _fields.check_line(attribute.name, value)
    if len(value) > _HONORIFIC_LENGTH or any(char.isdigit() for char in value):
        raise ValidationError(
            attribute.name, value, "a title such as 'Dr', 'Prof', 'Ms', 'Mr' or 'Mx'"
        )


def _check_salutation(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _fields.check_line(attribute.name, value)
    if _GREETING_WORDS.match(value) or value[-1] in ",:;!":
        raise ValidationError(
            attribute.name,
            value,
            "the name as it follows 'Dear', such as 'Helen' or 'Dr Marsh', "
            "without the greeting word or the punctuation after it",
        )


@attrs.frozen(kw_only=True)
class Person:
    """Someone the candidate deals with: an interviewer, a recruiter, a referee.

    *name* is the full name, as the person writes it. *timezone* is the IANA
    name of the zone they work in, when known; the follow-up engine times
    messages to arrive in their business hours. It names a place: a zone
    that the tz database gives a location, such as ``"America/New_York"``. A
    link to one is kept as the zone it links to (``"US/Eastern"`` becomes
    ``"America/New_York"``); fixed offsets (``"EST"``, ``"Etc/GMT+5"``),
    ``"UTC"`` and ``"Factory"`` are refused with a :class:`ValidationError`
    that suggests a zone to give instead.

    How a letter greets them: *salutation*, when given, is what follows
    "Dear" word for word (``"Helen"`` once they have asked to be called so);
    else, when both *honorific* (``"Dr"``, ``"Prof"``, ``"Ms"``, ``"Mr"``,
    ``"Mx"``...) and *family_name* are known, the two together ("Dear Dr
    Marsh", "Dear Dr. Marsh:" in a printed American letter); else the full
    name without a title ("Dear Helen Marsh"). A title is never put before a
    full name, and the family name is never guessed from the full name
    (particles such as "van der Berg", family names written first, single
    names). *given_name* is the name they go by, when known.

    Where they are, for their public holidays and weekend: *country* is an
    ISO 3166-1 alpha-2 code in capitals (``"US"``, ``"GB"``, ``"DE"``) of a
    country whose public holidays the ``holidays`` package knows, and
    *subdivision* the part of an ISO 3166-2 code after the country, as that
    package names it (``"NY"``, ``"SCT"``, ``"BY"``), where holidays differ
    within the country. A subdivision needs a country: *country*, else the
    country of *timezone*. A code in the wrong case, another name of a
    country (``"UK"``, ``"USA"``) or of a subdivision (``"Bavaria"``) is
    refused with a :class:`ValidationError` that suggests the code. The
    ``holidays`` package is imported when the first country is given.

    *locale* is the language they read, as a tag in Babel's form (``"fr_FR"``,
    ``"de"``, ``"pt_BR"``); ``"fr-FR"`` is refused, suggesting ``"fr_FR"``.
    Only its shape is checked here.

    >>> Person(name="  Priya Shah ", email="priya@acme.example").name
    'Priya Shah'
    >>> Person(name="Ana Souza", country="BR", subdivision="SP", locale="pt_BR").country
    'BR'
    """

    name: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    email: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_check_email
    )
    phone: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_check_phone
    )
    title: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_line
    )
    timezone: str | None = attrs.field(
        default=None, converter=_time.zone_key, validator=_check_zone
    )
    given_name: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_line
    )
    family_name: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_line
    )
    honorific: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_check_honorific
    )
    salutation: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_check_salutation
    )
    country: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_check_country
    )
    subdivision: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_line
    )
    locale: str | None = attrs.field(
        default=None,
        converter=_fields.strip_optional,
        validator=_fields.optional_locale,
    )

    def __attrs_post_init__(self) -> None:
        if self.subdivision is not None:
            _check_subdivision(self.subdivision, self.country, self.timezone)


def _check_subdivision(subdivision: str, country: str | None, zone: str | None) -> None:
    """Refuse a subdivision that is not one of its country's, or has no country."""
    if country is None and zone is not None:
        country = _time.zone_country(zone)
    if country is None:
        where = "" if zone is None else f" ({zone} is in no country)"
        raise ValidationError(
            "subdivision",
            subdivision,
            "a subdivision together with its country: give country too (such as "
            f"country='US' for subdivision='NY'), or a timezone in that country{where}",
        )
    from postinterview.workdays import _places  # noqa: PLC0415 - see _check_country

    _places.check_subdivision("subdivision", subdivision, country)


@attrs.frozen(kw_only=True)
class SalaryRange:
    """An advertised or offered salary range, in one currency and period.

    >>> SalaryRange(low=42000, high="48000", currency="GBP", period=Period.YEAR).high
    Decimal('48000')
    """

    low: Decimal = attrs.field(converter=_fields.to_decimal, validator=_fields.amount)
    high: Decimal = attrs.field(converter=_fields.to_decimal, validator=_fields.amount)
    currency: str = attrs.field()
    period: Period = attrs.field(
        default=Period.YEAR, validator=_fields.enum_member(Period)
    )

    @currency.validator
    def _check_currency(self, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not _CURRENCY.fullmatch(value):
            raise ValidationError(
                attribute.name, value, "an ISO 4217 currency code such as 'GBP'"
            )

    def __attrs_post_init__(self) -> None:
        if self.high < self.low:
            raise ValidationError("high", self.high, f"at least low ({self.low})")


def _people(value: Iterable[Person]) -> tuple[Person, ...]:
    return _fields.to_tuple(value)


_check_round = _fields.int_from(1, _fields.ROUNDS_MAX)


@attrs.frozen(kw_only=True)
class Interview:
    """One interview: the facts a candidate should leave the room with.

    *decision_expected_by* is the date (or instant) the employer said they
    would decide by, or ``None`` when they gave none; *closing_date* is the
    closing date for applications, before which nobody should be chased.
    An interview run by a recruitment agency (``run_by=RunBy.AGENCY``) needs
    its *agency_contact*: follow-ups and feedback requests go to them.
    *locale* is the language the interview was held in, as a tag in Babel's
    form (``"fr_FR"``), when known: the letters' language when neither the
    call nor the recipient names one.

    >>> import pendulum
    >>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    >>> iv = Interview(organisation="Acme Ltd", role="Data Engineer",
    ...                starts_at=end.subtract(hours=1), ends_at=end)
    >>> iv.timezone
    'Europe/London'
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    organisation: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    role: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    starts_at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    ends_at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    interviewers: tuple[Person, ...] = attrs.field(
        default=(), converter=_people, validator=_fields.tuple_of(Person)
    )
    format: Format = attrs.field(
        default=Format.IN_PERSON, validator=_fields.enum_member(Format)
    )
    location: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_line
    )
    run_by: RunBy = attrs.field(
        default=RunBy.EMPLOYER, validator=_fields.enum_member(RunBy)
    )
    agency_contact: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )
    round: int = attrs.field(default=1, validator=_check_round)
    next_stage: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_line
    )
    decision_expected_by: pendulum.DateTime | pendulum.Date | None = attrs.field(
        default=None,
        converter=_fields.to_optional_deadline,
        validator=_fields.optional_deadline,
        eq=_fields.instant_key,
    )
    closing_date: pendulum.Date | None = attrs.field(
        default=None,
        converter=_fields.to_optional_date,
        validator=_fields.optional_date,
    )
    preferred_channel: Channel = attrs.field(
        default=Channel.EMAIL, validator=_fields.enum_member(Channel)
    )
    advertised_salary: SalaryRange | None = attrs.field(
        default=None, validator=_fields.instance_of(SalaryRange, optional=True)
    )
    references_may_be_contacted: bool = attrs.field(
        default=False, validator=_fields.boolean
    )
    locale: str | None = attrs.field(
        default=None,
        converter=_fields.strip_optional,
        validator=_fields.optional_locale,
    )

    def __attrs_post_init__(self) -> None:
        if _time.naive_utc(self.ends_at) <= _time.naive_utc(self.starts_at):
            raise ValidationError(
                "ends_at",
                self.ends_at,
                f"an instant after starts_at ({self.starts_at})",
            )
        seen: set[Person] = set()
        for index, person in enumerate(self.interviewers):
            if person in seen:
                raise ValidationError(
                    f"interviewers[{index}]", person, "each interviewer listed once"
                )
            seen.add(person)
        if self.run_by is RunBy.AGENCY and self.agency_contact is None:
            raise ValidationError(
                "agency_contact",
                None,
                "a Person when run_by is RunBy.AGENCY (follow-ups go to the agency)",
            )
        if self.run_by is RunBy.EMPLOYER and self.agency_contact is not None:
            raise ValidationError(
                "agency_contact",
                self.agency_contact,
                "None when run_by is RunBy.EMPLOYER (set run_by=RunBy.AGENCY)",
            )
        decision = self.decision_expected_by
        if isinstance(decision, pendulum.DateTime):
            if _time.naive_utc(decision) < _time.naive_utc(self.ends_at):
                raise ValidationError(
                    "decision_expected_by",
                    decision,
                    f"an instant no earlier than ends_at ({self.ends_at})",
                )
        elif decision is not None and decision < self.ends_at.date():
            raise ValidationError(
                "decision_expected_by",
                decision,
                f"a date no earlier than the interview's ({self.ends_at.date()})",
            )

    @property
    def timezone(self) -> str:
        """The IANA name of the zone the interview was held in (that of *ends_at*)."""
        return _time.zone_name(self.ends_at)
