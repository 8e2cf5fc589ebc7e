"""Converters and validators shared by the records.

attrs runs converters before validators, and only validators know the name of
the field. So each converter here is lenient: it normalises what it can and
hands anything else through unchanged, and the matching validator then refuses
it with a :class:`~postinterview.errors.ValidationError` that names the field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar, cast

import attrs
import pendulum

from postinterview import _time
from postinterview.errors import ValidationError

T = TypeVar("T")
# Local years wholly inside the range of instants (see _time.in_range).
_SAFE_AFTER = _time.FIRST.year
_SAFE_BEFORE = _time.END.year - 1
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

# Control characters (C0, DEL, C1) and the Unicode line and paragraph
# separators: none may appear in a one-line field, because one-line fields end
# up in email headers and subjects.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# Multi-line text may hold tabs and line breaks, nothing else of that kind.
# Lone surrogates are refused in both: they cannot be written as UTF-8.
_TEXT_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def strip(value: str) -> str:
    """Strip surrounding whitespace from a string; leave anything else alone."""
    candidate: object = value
    return candidate.strip() if isinstance(candidate, str) else value


def strip_optional(value: str | None) -> str | None:
    """Like :func:`strip`, for fields that may be ``None``."""
    return value.strip() if isinstance(value, str) else value


def line(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a non-blank one-line string without control characters."""
    check_line(attribute.name, value)


def optional_line(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Like :func:`line`, but ``None`` is allowed too."""
    if value is not None:
        check_line(attribute.name, value)


def check_line(field: str, value: object) -> None:
    """Raise unless *value* is a non-blank string with no control characters."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(field, value, "a non-blank string")
    if _CONTROL.search(value):
        raise ValidationError(
            field, value, "one line of text without line breaks or control characters"
        )


def check_text(field: str, value: object) -> None:
    """Raise unless *value* is non-blank text; tabs and line breaks are allowed."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(field, value, "a non-blank string")
    if _TEXT_CONTROL.search(value):
        raise ValidationError(
            field,
            value,
            "text without control characters (tabs and line breaks are fine)",
        )


def text(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require non-blank, possibly multi-line text."""
    check_text(attribute.name, value)


def optional_text(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Like :func:`text`, but ``None`` is allowed too."""
    if value is not None:
        check_text(attribute.name, value)


def to_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """Turn a list or other iterable into a tuple; leave strings and scalars alone."""
    candidate: object = value
    if isinstance(candidate, tuple | str | bytes) or not isinstance(
        candidate, Iterable
    ):
        return cast("tuple[T, ...]", candidate)
    return tuple(value)


def to_text_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """Like :func:`to_tuple`, stripping each string item as :func:`strip` does."""
    items: object = to_tuple(value)
    if not isinstance(items, tuple):
        return cast("tuple[str, ...]", items)
    return tuple(strip(item) for item in items)


def _a(name: str) -> str:
    """*name* after its indefinite article: "a Person", "an Interview"."""
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


def tuple_of(
    kind: type, check: Callable[[str, object], None] | None = None
) -> Validator:
    """Require a tuple whose items are instances of *kind*, each passing *check*."""

    def validate(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        name = attribute.name
        if not isinstance(value, tuple):
            raise ValidationError(name, value, f"a tuple of {kind.__name__}")
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise ValidationError(f"{name}[{index}]", item, _a(kind.__name__))
            if check is not None:
                check(f"{name}[{index}]", item)

    return validate


#: Require a tuple of non-blank texts: what :func:`to_text_tuple` produces.
text_tuple: Validator = tuple_of(str, check_text)


def to_instant(value: dt.datetime) -> pendulum.DateTime:
    """Turn an aware datetime into a zone-keeping pendulum instant, if it can be."""
    try:
        return _time.as_instant(value, "")
    except ValidationError:
        return cast("pendulum.DateTime", value)


def to_optional_instant(value: dt.datetime | None) -> pendulum.DateTime | None:
    """Like :func:`to_instant`, for fields that may be ``None``."""
    return None if value is None else to_instant(value)


def instant(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require what :func:`to_instant` produces, in the library's range.

    The converter hands an instant out of range through unchanged; this
    refuses it, naming the field.
    """
    if not _time.is_instant(value):
        _time.as_instant(value, attribute.name)  # raises, naming the field
    elif not _SAFE_AFTER < value.year < _SAFE_BEFORE:
        _time.check_range(value, attribute.name)


instant_key = _time.instant_key
#: The ``__reduce_ex__`` of a record that holds instants: it pickles them with
#: their folds (see :func:`postinterview._time.reduce_keeping_folds`).
reduce_keeping_folds = _time.reduce_keeping_folds


def optional_instant(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Like :func:`instant`, but ``None`` is allowed too."""
    if value is not None:
        instant(_, attribute, value)


def to_optional_date(value: dt.date | None) -> pendulum.Date | None:
    """Turn a stdlib date into a :class:`pendulum.Date`, if it is one."""
    try:
        return None if value is None else _time.as_date(value, "")
    except ValidationError:
        return cast("pendulum.Date", value)


def optional_date(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require ``None`` or a :class:`pendulum.Date` in the library's range."""
    if value is not None:
        _time.as_record_date(value, attribute.name)  # raises, naming the field


def to_optional_deadline(
    value: dt.datetime | dt.date | None,
) -> pendulum.DateTime | pendulum.Date | None:
    """Turn a date or an aware datetime into pendulum's, as a deadline may be
    either: a day, or an instant."""
    if isinstance(value, dt.datetime):
        return to_instant(value)
    return to_optional_date(value)


def optional_deadline(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require ``None``, a date or an instant: what :func:`to_optional_deadline`
    produces, in the library's range."""
    if value is None:
        return
    if isinstance(value, dt.datetime):
        instant(_, attribute, value)
    elif isinstance(value, dt.date):
        optional_date(_, attribute, value)
    else:
        raise ValidationError(
            attribute.name, value, "a date, an aware datetime or None"
        )


# -- email addresses -----------------------------------------------------------

#: The longest address accepted: RFC 5321's limit on a path, less its brackets.
MAX_EMAIL_LENGTH = 254
_ATEXT = r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+"
_LABEL = r"[A-Za-z0-9-]+"
_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})+")
# The usual address, a dot-atom at a dotted domain: the email package accepts
# every one of these and writes it back unchanged, so no parse is needed.
_DOT_ATOM_ADDRESS = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*@{_DOMAIN.pattern}")
EMAIL_EXPECTED = (
    "one email address such as 'name@example.org', as the email package "
    "writes it back: ASCII, at most 254 characters, no leading, trailing or "
    "doubled dots, at a dotted domain"
)


def is_email(value: str) -> bool:
    """Tell whether *value* is an address the library accepts.

    It is accepted exactly when ``email.headerregistry.Address(addr_spec=
    value)`` parses it without a defect and writes it back as *value*
    (no comments, folding spaces or needless quotes, which it would drop),
    and the library's own rules hold: ASCII, at most
    :data:`MAX_EMAIL_LENGTH` characters, a domain of two or more labels of
    letters, digits and hyphens. An address accepted here becomes an email
    header as it is.
    """
    if len(value) > MAX_EMAIL_LENGTH or not value.isascii():
        return False
    if _DOT_ATOM_ADDRESS.fullmatch(value):
        return True
    # Anything else (a quoted local part, or something that is not an address)
    # is the email package's to judge.
    from email.errors import MessageError  # noqa: PLC0415 - rarely needed
    from email.headerregistry import Address  # noqa: PLC0415

    try:
        address = Address(addr_spec=value)
    # Defects are ValueErrors; the parser fails on an unclosed domain literal
    # ("a@[") with AttributeError.
    except (ValueError, IndexError, AttributeError, MessageError):
        return False
    return address.addr_spec == value and _DOMAIN.fullmatch(address.domain) is not None


def check_email(field: str, value: object) -> None:
    """Raise :class:`ValidationError` naming *field* unless :func:`is_email`."""
    check_line(field, value)
    if not is_email(cast("str", value)):
        raise ValidationError(field, value, EMAIL_EXPECTED)


# -- language tags ---------------------------------------------------------------

#: What an error says a language tag should have been.
LOCALE_EXPECTED = "a language tag in Babel's form, such as 'fr_FR', 'de' or 'pt_BR'"
# A language in lower case, then optionally a script in title case and a
# territory in capitals (or a UN M.49 region in digits), joined by underscores.
_LOCALE = re.compile(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|[0-9]{3}))?")
_LOCALE_PARTS = re.compile(r"[-_]")


def _locale_form(value: str) -> str | None:
    """*value* in Babel's form when only its separators or cases are wrong."""
    language, *rest = _LOCALE_PARTS.split(value)
    parts = [language.lower()]
    for part in rest:
        parts.append(part.title() if len(part) == 4 else part.upper())
    written = "_".join(parts)
    return written if _LOCALE.fullmatch(written) else None


def check_locale(field: str, value: object) -> None:
    """Raise unless *value* is shaped as a language tag in Babel's form.

    The tag is a language in lower case, then optionally a script and a
    territory, joined by underscores: ``"fr_FR"``, ``"de"``, ``"pt_BR"``,
    ``"zh_Hant_TW"``, ``"es_419"``. Only the shape is checked: whether
    letters are written in that language is for the letters to say. A tag
    written another way, such as ``"fr-FR"`` or ``"en_gb"``, is refused with
    its Babel form as the suggestion.
    """
    if type(value) is str and _LOCALE.fullmatch(value):
        return
    suggestion = _locale_form(value) if type(value) is str else None
    expected = (
        f"a language tag in Babel's form: {suggestion!r}"
        if suggestion is not None
        else LOCALE_EXPECTED
    )
    raise ValidationError(field, value, expected)


def optional_locale(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require ``None`` or a language tag shaped as :func:`check_locale` says."""
    if value is not None:
        check_locale(attribute.name, value)


#: Amounts are below ``10 ** AMOUNT_DIGITS``: a quadrillion.
AMOUNT_DIGITS = 15
#: Amounts have at most this many decimal places.
AMOUNT_PLACES = 4
#: The rounds of one application are numbered from 1 to at most this.
ROUNDS_MAX = 100
#: A count of things (questions asked, scores, a check-in's number) is at most this.
COUNT_MAX = 10**9

_AMOUNT_BITS = 64  # any int of more bits than this is above the cap (2**50 > 10**15)
_AMOUNT_EXPECTED = (
    "a finite, non-negative Decimal (or an int or numeric string; "
    "floats are refused because they are inexact)"
)
_AMOUNT_TOO_LARGE = f"an amount below 10**{AMOUNT_DIGITS} (1{',000' * 5})"
_AMOUNT_TOO_PRECISE = f"an amount with at most {AMOUNT_PLACES} decimal places"


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Turn an int or a numeric string into a :class:`~decimal.Decimal`.

    Floats are left alone for the validator to refuse: they are inexact. So
    is an int too large to be an amount, which is never converted.
    """
    if isinstance(value, bool):
        return cast("Decimal", value)
    if isinstance(value, int):
        if value.bit_length() > _AMOUNT_BITS:
            return cast("Decimal", value)
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return cast("Decimal", value)
    return value


def check_amount(field: str, value: object) -> None:
    """Raise unless *value* is a :class:`~decimal.Decimal` within the amount bounds.

    An amount is finite and not negative, below ``10 ** AMOUNT_DIGITS`` and
    has at most :data:`AMOUNT_PLACES` decimal places: so at most 19
    significant digits and an exponent from -4 to 14. Two amounts fit the
    default decimal context's 28 digits, so their sum and difference are
    exact, and formatting one is quick.
    """
    if not isinstance(value, Decimal) or not value.is_finite() or value.is_signed():
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and value.bit_length() > _AMOUNT_BITS
            and value > 0
        ):
            raise ValidationError(field, value, _AMOUNT_TOO_LARGE)
        raise ValidationError(field, value, _AMOUNT_EXPECTED)
    # adjusted() is the exponent of the leading digit, found without the digits.
    if value.adjusted() >= AMOUNT_DIGITS:
        if value.is_zero():  # 0E+20: below the cap, but written as no amount is
            expected = f"an amount whose exponent is at most {AMOUNT_DIGITS - 1}"
            raise ValidationError(field, value, expected)
        raise ValidationError(field, value, _AMOUNT_TOO_LARGE)
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent < -AMOUNT_PLACES:
        raise ValidationError(field, value, _AMOUNT_TOO_PRECISE)


def amount(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require a :class:`~decimal.Decimal` within the bounds of :func:`check_amount`."""
    check_amount(attribute.name, value)


def enum_member(kind: type) -> Validator:
    """Require a member of the enum *kind*."""

    def validate(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            names = ", ".join(member.name for member in kind)  # type: ignore[attr-defined]
            raise ValidationError(
                attribute.name, value, f"{_a(kind.__name__)} ({names})"
            )

    return validate


def optional_bool(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require ``True``, ``False`` or ``None``."""
    if value is not None and type(value) is not bool:
        raise ValidationError(attribute.name, value, "True, False or None")


def boolean(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Require ``True`` or ``False``."""
    if type(value) is not bool:
        raise ValidationError(attribute.name, value, "True or False")


def check_instance(field: str, value: object, kind: type, expected: str) -> None:
    """Raise unless *value* is a *kind*, saying what was *expected*."""
    if not isinstance(value, kind):
        raise ValidationError(field, value, expected)


def instance_of(kind: type, *, optional: bool = False) -> Validator:
    """Require an instance of *kind* (or ``None`` when *optional*)."""

    def validate(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            wanted = _a(kind.__name__) + (" or None" if optional else "")
            raise ValidationError(attribute.name, value, wanted)

    return validate


def int_between(low: int, high: int, *, optional: bool = False) -> Validator:
    """Require an int from *low* to *high* inclusive (or ``None`` when *optional*).

    ``bool`` is refused although it is an ``int``: ``True`` is not a score.
    """

    def validate(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if type(value) is not int or not low <= value <= high:
            wanted = f"an integer from {low} to {high}" + (
                " or None" if optional else ""
            )
            raise ValidationError(attribute.name, value, wanted)

    return validate


def check_int_from(field: str, value: object, low: int, high: int) -> None:
    """Raise unless *value* is an int from *low* to *high*, saying which end failed.

    ``bool`` is refused. The comparisons cost nothing even for an int of
    millions of digits, which is refused without being converted to text.
    """
    if type(value) is not int or value < low:
        raise ValidationError(field, value, f"an integer of at least {low}")
    if value > high:
        raise ValidationError(field, value, f"an integer of at most {high:,}")


def int_from(low: int, high: int) -> Validator:
    """Require an int from *low* to *high*, as :func:`check_int_from` does."""

    def validate(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        check_int_from(attribute.name, value, low, high)

    return validate
