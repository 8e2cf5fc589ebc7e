"""Tests for postinterview.interview: Person, SalaryRange, Interview and the enums."""

from __future__ import annotations

import datetime as dt
import email.errors
import re
import zoneinfo
from decimal import Decimal
from email.headerregistry import Address
from typing import Any

import attrs
import attrs.exceptions
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from capped import run_capped
from postinterview import (
    Channel,
    Format,
    Interview,
    NaiveDatetimeError,
    Period,
    Person,
    RunBy,
    SalaryRange,
    ValidationError,
    _fields,
)
from postinterview.strategies._basics import _emails as pst_emails
from postinterview.workdays import _places

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
START = END.subtract(hours=1)
INJECTION = "Bob\r\nBcc: x@evil.example"

# Every character a one-line field must refuse, by kind.
ONE_LINE_BREAKERS = {
    "CR": "\r",
    "LF": "\n",
    "CRLF": "\r\n",
    "NUL": "\x00",
    "TAB": "\t",
    "VT": "\x0b",
    "FF": "\x0c",
    "ESC": "\x1b",
    "DEL": "\x7f",
    "NEL": "\x85",
    "LINE-SEP": "\u2028",
    "PARA-SEP": "\u2029",
}

# What the spec forbids in a one-line field: C0 and C1 controls, DEL and the
# Unicode line and paragraph separators.
_UNSAFE_IN_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def interview(**changes: Any) -> Interview:
    """Build a valid interview, with *changes* on top."""
    fields: dict[str, Any] = {
        "organisation": "Acme Ltd",
        "role": "Data Engineer",
        "starts_at": START,
        "ends_at": END,
    }
    fields.update(changes)
    return Interview(**fields)


def salary(**changes: Any) -> SalaryRange:
    fields: dict[str, Any] = {"low": 42_000, "high": 48_000, "currency": "GBP"}
    fields.update(changes)
    return SalaryRange(**fields)


# --- the enums ---------------------------------------------------------------


def test_enums_hold_the_domain_choices() -> None:
    assert {m.name for m in Format} == {
        "IN_PERSON",
        "VIDEO",
        "TELEPHONE",
        "ASSESSMENT_CENTRE",
        "TECHNICAL_TEST",
    }
    assert {m.name for m in RunBy} == {"EMPLOYER", "AGENCY"}
    assert {"EMAIL", "PHONE", "LETTER"} <= {m.name for m in Channel}
    assert {"YEAR", "MONTH", "HOUR"} <= {m.name for m in Period}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("format", "video"),
        ("run_by", "agency"),
        ("preferred_channel", "email"),
        ("format", Channel.EMAIL),
    ],
)
def test_interview_refuses_an_enum_field_given_anything_else(
    field: str, value: object
) -> None:
    with pytest.raises(ValidationError) as info:
        interview(**{field: value})
    assert info.value.field == field
    assert repr(value) in str(info.value)


def test_enum_error_lists_the_members() -> None:
    with pytest.raises(ValidationError) as info:
        interview(format="video")
    message = str(info.value)
    for member in Format:
        assert member.name in message


# --- Person ------------------------------------------------------------------


def test_person_strips_surrounding_whitespace() -> None:
    person = Person(
        name="  Priya Shah ",
        email=" priya@acme.example ",
        phone=" +44 20 7946 0000 ",
        title=" Head of Data ",
    )
    assert person.name == "Priya Shah"
    assert person.email == "priya@acme.example"
    assert person.phone == "+44 20 7946 0000"
    assert person.title == "Head of Data"


def test_person_optional_fields_default_to_none() -> None:
    person = Person(name="Priya Shah")
    assert (person.email, person.phone, person.title, person.timezone) == (
        None,
        None,
        None,
        None,
    )
    assert (person.country, person.subdivision, person.locale) == (None, None, None)


@pytest.mark.parametrize("name", ["", "   ", "\t\n", None, 7], ids=repr)
def test_person_name_must_be_a_non_blank_string(name: object) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name=name)  # type: ignore[arg-type]
    assert info.value.field == "name"
    assert str(info.value).startswith("name: expected a non-blank string, got ")


@pytest.mark.parametrize(
    "field",
    ["name", "email", "phone", "title", "timezone", "country", "subdivision", "locale"],
)
def test_person_refuses_header_injection_in_every_field(field: str) -> None:
    fields = {"name": "Bob", field: INJECTION}
    with pytest.raises(ValidationError) as info:
        Person(**fields)
    assert info.value.field == field
    # The message shows the value escaped, on one line.
    message = str(info.value)
    assert "\r" not in message
    assert "\n" not in message
    assert r"Bob\r\nBcc" in message


@pytest.mark.parametrize(
    "breaker", ONE_LINE_BREAKERS.values(), ids=ONE_LINE_BREAKERS.keys()
)
@pytest.mark.parametrize("field", ["name", "title", "email", "phone"])
def test_person_refuses_control_characters_inside_a_field(
    field: str, breaker: str
) -> None:
    values = {
        "name": "Priya Shah",
        "title": "Head of Data",
        "email": "priya@acme.example",
        "phone": "020 7946 0000",
    }
    fields = {"name": "Priya Shah", field: values[field][:4] + breaker + "xyz"}
    with pytest.raises(ValidationError) as info:
        Person(**fields)
    assert info.value.field == field


@pytest.mark.parametrize(
    "email",
    [
        "priya@acme.example",
        "priya.shah+jobs@mail.acme.co.uk",
        "p_s-1@a-b.example",
        # Odd but valid dot-atoms, and quoted local parts the stdlib keeps.
        "o'brien@acme.example",
        "{x}|~^`=?#$%&*/!@acme.example",
        "A.B.C@ACME.EXAMPLE",
        '"priya shah"@acme.example',
        '"a\\"b"@acme.example',
        '"a@b"@acme.example',
        '"(a).b"@acme.example',
        "a@" + "b" * 63 + ".example",
    ],
)
def test_person_accepts_a_plausible_email_address(email: str) -> None:
    assert Person(name="Priya", email=email).email == email
    assert Address(addr_spec=email).addr_spec == email


@pytest.mark.parametrize(
    "email",
    [
        "priya",
        "priya@@acme.example",
        "priya@acme@example.org",
        "priya shah@acme.example",
        "priya@acme .example",
        "priya@acme.example, bob@acme.example",
        "priya@acme.example,bob@acme.example",
        "priya@acme.example;bob@acme.example",
        "Priya Shah <priya@acme.example>",
        "@acme.example",
        "priya@",
        "priya@acme.",
        "priya@.example",
        # The issue's case: the stdlib refuses a dot-atom that ends in a dot.
        "a.@acme.example",
        ".a@acme.example",
        "a..b@acme.example",
        "a@acme..example",
        # The stdlib refuses non-ASCII local parts; an international domain
        # is written in its xn-- form.
        "josé@acme.example",
        "a@exämple.org",
        # The stdlib accepts these but writes them back otherwise: quotes it
        # would drop, a comment, a quoted part it would write unquoted.
        '"priya"@acme.example',
        '"a..b"@acme.example',
        '""@acme.example',
        "priya(work)@acme.example",
        "priya@acme.example (work)",
        # The library's own rules: a dotted domain of letters, digits and
        # hyphens, and at most 254 characters.
        "priya@localhost",
        "priya@[192.0.2.1]",
        "priya@acme_ltd.example",
        # An unclosed domain literal, on which the stdlib's parser fails.
        "a@[",
        "a@" + "b" * 250 + ".example",
    ],
)
def test_person_refuses_anything_but_one_plausible_address(email: str) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Priya", email=email)
    assert info.value.field == "email"
    assert info.value.value == email
    assert "email address" in str(info.value)


# Characters that make or break an address, and a few that never belong.
_ADDRESS_ALPHABET = st.sampled_from(
    [*"aZ09.@\"\\ ()<>[],;:-_+!#'~=é\t", "xn--", ".example", "@acme.ex"]
)


def _stdlib_keeps(text: str) -> bool:
    """The rule stated from the outside: the email package parses *text*
    without a defect and writes it back unchanged, and the library's own
    rules hold (ASCII, at most 254 characters, a dotted LDH domain)."""
    if not text.isascii() or len(text) > 254:
        return False
    try:
        address = Address(addr_spec=text)
    # The parser fails on an unclosed domain literal ("a@[") with AttributeError.
    except (ValueError, IndexError, AttributeError, email.errors.MessageError):
        return False
    labels = address.domain.split(".")
    return (
        address.addr_spec == text
        and len(labels) >= 2
        and all(re.fullmatch("[A-Za-z0-9-]+", label) for label in labels)
    )


@given(
    st.one_of(
        st.text(_ADDRESS_ALPHABET.filter(lambda c: len(c) == 1), max_size=30),
        st.lists(_ADDRESS_ALPHABET, max_size=12).map("".join),
        pst_emails(),
        st.builds(
            lambda address, at, extra: address[:at] + extra + address[at:],
            pst_emails(),
            st.integers(0, 40),
            _ADDRESS_ALPHABET,
        ),
        st.text(max_size=40),
    )
)
def test_an_address_is_accepted_exactly_when_the_stdlib_keeps_it(text: str) -> None:
    # Surrounding spaces are stripped first, as from every field, and an
    # address is one line of text without control characters.
    stripped = text.strip()
    if _stdlib_keeps(stripped) and _fields_line(stripped):
        assert Person(name="Priya", email=text).email == stripped
    else:
        with pytest.raises(ValidationError) as error:
            Person(name="Priya", email=text)
        assert error.value.field == "email"


def _fields_line(text: str) -> bool:
    try:
        _fields.check_line("email", text)
    except ValidationError:
        return False
    return True


def test_a_long_address_is_judged_in_bounded_time() -> None:
    outcome = run_capped(
        "for n in (10**5, 10**6):\n"
        "    for text in ('a.' * n + 'a@b.org', '\"' + 'a' * n + ' \"@b.org'):\n"
        "        try:\n"
        "            Person(name='P', email=text)\n"
        "        except ValidationError:\n"
        "            pass\n"
        "        else:\n"
        "            raise AssertionError(len(text))\n",
        setup="from postinterview import Person, ValidationError",
    )
    assert outcome.error is None, outcome.message
    assert outcome.elapsed < 2.0


def test_the_issue_address_stops_with_a_validation_error() -> None:
    outcome = run_capped(
        'Person(name="P", email="a.@acme.example")',
        setup="from postinterview import Person",
    )
    assert outcome.error == "postinterview.errors.ValidationError"
    assert outcome.message.startswith("email: expected one email address")
    assert outcome.elapsed < 2.0


@pytest.mark.parametrize("email", ["", "   ", 42], ids=repr)
def test_person_email_when_given_must_be_a_non_blank_string(email: object) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Priya", email=email)  # type: ignore[arg-type]
    assert info.value.field == "email"


def test_person_phone_needs_some_digits() -> None:
    assert Person(name="Priya", phone="999").phone == "999"
    with pytest.raises(ValidationError) as info:
        Person(name="Priya", phone="call me")
    assert info.value.field == "phone"
    assert "digits" in str(info.value)


def test_person_timezone_must_be_an_iana_name() -> None:
    assert Person(name="Priya", timezone="Asia/Kolkata").timezone == "Asia/Kolkata"


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("US/Eastern", "America/New_York"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("GB", "Europe/London"),
    ],
)
def test_a_persons_timezone_given_as_a_link_is_kept_as_its_target(
    link: str, target: str
) -> None:
    priya = Person(name="Priya", timezone=link)
    assert priya.timezone == target
    assert priya == Person(name="Priya", timezone=target)


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("EST", "'America/New_York' for US Eastern time"),
        ("EST5EDT", "'America/New_York'"),
        ("PST8PDT", "'America/Los_Angeles'"),
        ("Etc/GMT+5", "which keeps UTC-05:00 all year"),
        ("Etc/GMT-14", "'Pacific/Kiritimati'"),
        ("GMT", "'Europe/London' for the UK"),
        ("Factory", "a placeholder"),
        ("UTC", "the zone of the place where this person works"),
        ("Etc/UTC", "the zone of the place where this person works"),
        ("Zulu", "the zone of the place where this person works"),
    ],
)
def test_a_persons_timezone_must_have_a_location(name: str, suggested: str) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Priya", timezone=name)
    assert info.value.field == "timezone"
    assert info.value.value == name
    message = str(info.value)
    assert message.startswith(
        "timezone: expected an IANA time zone name with a location"
    )
    assert suggested in message


def test_a_fixed_offset_is_refused_saying_it_loses_daylight_saving() -> None:
    with pytest.raises(ValidationError, match="loses daylight saving") as info:
        Person(name="Priya", timezone="Etc/GMT+5")
    # The sign of these names is reversed: Etc/GMT+5 is five hours west.
    assert "UTC-05:00" in str(info.value)


@pytest.mark.parametrize(
    "timezone", ["utc", "Nope/Zone", "../etc/passwd", "", "+01:00", 0], ids=repr
)
def test_person_refuses_a_timezone_that_is_not_an_iana_name(timezone: object) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Priya", timezone=timezone)  # type: ignore[arg-type]
    assert info.value.field == "timezone"
    assert str(info.value).startswith("timezone: expected an IANA time zone name")


def test_people_compare_and_hash_by_value() -> None:
    one = Person(name="Priya Shah", email="priya@acme.example")
    two = Person(name=" Priya Shah", email="priya@acme.example ")
    assert one == two
    assert hash(one) == hash(two)
    assert one != Person(name="Priya Shah")


def test_person_is_frozen() -> None:
    person = Person(name="Priya Shah")
    with pytest.raises(attrs.exceptions.FrozenError):
        person.name = "Someone Else"  # type: ignore[misc]
    assert person.name == "Priya Shah"


def test_person_evolve_validates_again() -> None:
    with pytest.raises(ValidationError):
        attrs.evolve(Person(name="Priya"), name=INJECTION)


@given(st.text(max_size=40))
def test_a_stored_person_name_is_always_one_clean_line(name: str) -> None:
    clean = name.strip()
    if clean and not _UNSAFE_IN_ONE_LINE.search(clean):
        assert Person(name=name).name == clean
    else:
        with pytest.raises(ValidationError) as info:
            Person(name=name)
        assert info.value.field == "name"


# --- where a person is, and the language they read ----------------------------


_KNOWN = sorted(_places.known_countries())


@given(st.sampled_from(_KNOWN))
def test_every_country_with_known_holidays_is_accepted(country: str) -> None:
    assert Person(name="Ann Lee", country=country).country == country


@given(st.sampled_from(_KNOWN))
def test_a_country_in_lower_case_is_refused_with_its_capitals(country: str) -> None:
    for written in (country.lower(), country.title()):
        with pytest.raises(ValidationError) as info:
            Person(name="Ann Lee", country=written)
        assert info.value.field == "country"
        assert f"in capitals: {country!r}" in str(info.value)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("UK", "GB"),
        ("USA", "US"),
        ("DEU", "DE"),
        ("Germany", "DE"),
        ("united kingdom", "GB"),
        ("Saudi Arabia", "SA"),
    ],
)
def test_another_name_of_a_country_is_refused_with_its_code(
    written: str, code: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Ann Lee", country=written)
    assert str(info.value) == (
        f"country: expected the ISO 3166-1 alpha-2 code of that country, "
        f"{code!r}, got {written!r}"
    )


def test_an_unknown_code_is_refused_with_the_codes_a_letter_away() -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Ann Lee", country="UX")
    message = str(info.value)
    assert "holidays package knows" in message
    assert "'US'" in message
    assert "'MX'" in message


@pytest.mark.parametrize("country", ["", "U", "1A", "U S", 7, ["US"]], ids=repr)
def test_anything_but_a_code_is_refused_as_a_country(country: object) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Ann Lee", country=country)  # type: ignore[arg-type]
    assert info.value.field == "country"
    assert "ISO 3166-1 alpha-2" in str(info.value)


def test_a_country_is_stripped_and_kept() -> None:
    person = Person(name="Ann Lee", country=" US ", subdivision=" NY ")
    assert (person.country, person.subdivision) == ("US", "NY")


_SUBDIVIDED = [code for code in _KNOWN if _places.subdivisions(code)]


@given(
    st.sampled_from(_SUBDIVIDED).flatmap(
        lambda c: st.tuples(st.just(c), st.sampled_from(_places.subdivisions(c)))
    )
)
def test_every_known_subdivision_is_accepted_with_its_country(
    place: tuple[str, str],
) -> None:
    country, subdivision = place
    person = Person(name="Ann Lee", country=country, subdivision=subdivision)
    assert person.subdivision == subdivision


@pytest.mark.parametrize(
    ("country", "written", "code"),
    [
        ("US", "ny", "NY"),
        ("US", "US-NY", "NY"),
        ("US", "New York", "NY"),
        ("GB", "sct", "SCT"),
        ("GB", "Scotland", "SCT"),
        ("DE", "DE-BY", "BY"),
        ("CA", "Ontario", "ON"),
    ],
)
def test_another_spelling_of_a_subdivision_is_refused_with_its_code(
    country: str, written: str, code: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Ann Lee", country=country, subdivision=written)
    assert str(info.value) == (
        f"subdivision: expected the code of that subdivision of {country}: "
        f"{code!r}, got {written!r}"
    )


def test_an_unknown_subdivision_is_refused_with_the_codes() -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Ann Lee", country="DE", subdivision="XY")
    message = str(info.value)
    assert "a subdivision of DE" in message
    assert "'BY'" in message
    assert "'HH'" in message
    assert "(17 in all)" in message


def test_a_subdivision_where_holidays_do_not_differ_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Ann Lee", country="SA", subdivision="01")
    assert "knows none in SA" in str(info.value)


def test_a_subdivision_needs_a_country_or_a_zone_in_one() -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Ann Lee", subdivision="NY")
    assert info.value.field == "subdivision"
    assert "give country too" in str(info.value)
    # The zone's country is the subdivision's: Munich is in Bavaria.
    munich = Person(name="Jonas Weber", timezone="Europe/Berlin", subdivision="BY")
    assert (munich.country, munich.subdivision) == (None, "BY")
    # A subdivision of another country than the zone's is refused.
    with pytest.raises(ValidationError, match="a subdivision of DE"):
        Person(name="Jonas Weber", timezone="Europe/Berlin", subdivision="NY")
    # The person's own country wins over their zone's.
    assert (
        Person(
            name="Ann Lee", timezone="Europe/Berlin", country="US", subdivision="NY"
        ).subdivision
        == "NY"
    )


def test_evolving_a_person_checks_the_subdivision_against_the_new_country() -> None:
    person = Person(name="Ann Lee", country="US", subdivision="NY")
    with pytest.raises(ValidationError, match="a subdivision of GB"):
        attrs.evolve(person, country="GB")
    assert attrs.evolve(person, country="GB", subdivision="SCT").subdivision == "SCT"


_LANGUAGE_TAGS = st.from_regex(
    r"[a-z]{2,3}(_[A-Z][a-z]{3})?(_([A-Z]{2}|[0-9]{3}))?", fullmatch=True
)


@given(_LANGUAGE_TAGS)
def test_a_language_tag_in_babels_form_is_accepted(tag: str) -> None:
    assert Person(name="Ann Lee", locale=tag).locale == tag
    assert interview(locale=tag).locale == tag


@given(_LANGUAGE_TAGS.filter(lambda tag: "_" in tag))
def test_a_language_tag_with_hyphens_is_refused_with_babels_form(tag: str) -> None:
    written = tag.replace("_", "-")
    for build in (
        lambda: Person(name="Ann Lee", locale=written),
        lambda: interview(locale=written),
    ):
        with pytest.raises(ValidationError) as info:
            build()
        assert str(info.value) == (
            f"locale: expected a language tag in Babel's form: {tag!r}, got {written!r}"
        )


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("fr-FR", "fr_FR"),
        ("en_gb", "en_GB"),
        ("EN", "en"),
        ("zh-hant-tw", "zh_Hant_TW"),
        ("es-419", "es_419"),
    ],
)
def test_a_language_tag_in_other_cases_is_refused_with_babels_form(
    written: str, suggested: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Ann Lee", locale=written)
    assert f"Babel's form: {suggested!r}" in str(info.value)


@pytest.mark.parametrize(
    "locale", ["", "English", "f", "fr_FRA", "fr__FR", "fr_FR.UTF-8", 7], ids=repr
)
def test_anything_but_a_language_tag_is_refused_as_a_locale(locale: object) -> None:
    with pytest.raises(ValidationError) as info:
        Person(name="Ann Lee", locale=locale)  # type: ignore[arg-type]
    assert info.value.field == "locale"
    assert "language tag in Babel's form" in str(info.value)


# --- SalaryRange -------------------------------------------------------------


def test_salary_converts_ints_and_numeric_strings_to_decimal() -> None:
    band = salary(low=42_000, high=" 48000.50 ")
    assert band.low == Decimal(42_000)
    assert type(band.low) is Decimal
    assert band.high == Decimal("48000.50")
    assert type(band.high) is Decimal
    assert str(band.high) == "48000.50"


def test_salary_keeps_a_decimal() -> None:
    low = Decimal("17.25")
    band = salary(low=low, high=Decimal("19.00"), period=Period.HOUR)
    assert band.low is low
    assert band.period is Period.HOUR


def test_salary_period_defaults_to_a_year() -> None:
    assert salary().period is Period.YEAR


@pytest.mark.parametrize("field", ["low", "high"])
@pytest.mark.parametrize(
    "value",
    [
        42_000.0,
        0.1,
        True,
        "forty thousand",
        "",
        "NaN",
        "Infinity",
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("-Infinity"),
        -1,
        "-0.01",
        None,
    ],
    ids=repr,
)
def test_salary_refuses_inexact_or_invalid_amounts(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as info:
        salary(**{field: value})
    assert info.value.field == field


def test_salary_float_error_says_why() -> None:
    with pytest.raises(ValidationError) as info:
        salary(low=42_000.5)
    assert "floats are refused" in str(info.value)
    assert "42000.5" in str(info.value)


def test_salary_low_may_equal_high() -> None:
    band = salary(low=45_000, high="45000")
    assert band.low == band.high


def test_salary_refuses_low_above_high() -> None:
    with pytest.raises(ValidationError) as info:
        salary(low=50_000, high=48_000)
    assert info.value.field == "high"
    assert "50000" in str(info.value)


@pytest.mark.parametrize(
    "currency", ["gbp", "GB", "GBPX", " GBP", "GBP\n", "G8P", "", None, 826], ids=repr
)
def test_salary_currency_must_be_three_capital_letters(currency: object) -> None:
    with pytest.raises(ValidationError) as info:
        salary(currency=currency)
    assert info.value.field == "currency"
    assert "ISO 4217" in str(info.value)


def test_salary_period_must_be_a_period() -> None:
    with pytest.raises(ValidationError) as info:
        salary(period="year")
    assert info.value.field == "period"


@given(
    st.integers(min_value=0, max_value=10**12),
    st.integers(min_value=0, max_value=10**12),
)
def test_salary_accepts_exactly_the_ordered_pairs(a: int, b: int) -> None:
    if a <= b:
        band = salary(low=a, high=str(b))
        assert (band.low, band.high) == (Decimal(a), Decimal(b))
    else:
        with pytest.raises(ValidationError):
            salary(low=a, high=str(b))


# --- Interview: construction -----------------------------------------------


def test_minimal_interview_has_the_documented_defaults() -> None:
    iv = interview()
    assert iv.interviewers == ()
    assert iv.format is Format.IN_PERSON
    assert iv.run_by is RunBy.EMPLOYER
    assert iv.agency_contact is None
    assert iv.round == 1
    assert iv.decision_expected_by is None
    assert iv.closing_date is None
    assert iv.preferred_channel is Channel.EMAIL
    assert iv.references_may_be_contacted is False


def test_interview_strips_its_text_fields() -> None:
    iv = interview(
        organisation=" Acme Ltd ",
        role=" Data Engineer\t",
        location=" London ",
        next_stage=" assessment centre ",
    )
    assert iv.organisation == "Acme Ltd"
    assert iv.role == "Data Engineer"
    assert iv.location == "London"
    assert iv.next_stage == "assessment centre"


@pytest.mark.parametrize("field", ["organisation", "role"])
@pytest.mark.parametrize("value", ["", "  ", None])
def test_interview_requires_organisation_and_role(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as info:
        interview(**{field: value})
    assert info.value.field == field


@pytest.mark.parametrize("field", ["organisation", "role", "location", "next_stage"])
def test_interview_one_line_fields_refuse_header_injection(field: str) -> None:
    with pytest.raises(ValidationError) as info:
        interview(**{field: INJECTION})
    assert info.value.field == field


def test_stdlib_datetimes_become_pendulum_instants() -> None:
    london = zoneinfo.ZoneInfo("Europe/London")
    iv = interview(
        starts_at=dt.datetime(2026, 11, 20, 14, 30, tzinfo=london),
        ends_at=dt.datetime(2026, 11, 20, 15, 30, tzinfo=london),
    )
    assert type(iv.starts_at) is pendulum.DateTime
    assert type(iv.ends_at) is pendulum.DateTime
    assert iv.ends_at == END
    assert iv.timezone == "Europe/London"


def test_timezone_is_the_zone_of_ends_at() -> None:
    iv = interview(
        starts_at=pendulum.datetime(2026, 11, 20, 15, 0, tz="Europe/London"),
        ends_at=pendulum.datetime(2026, 11, 20, 10, 30, tz="America/New_York"),
    )
    assert iv.timezone == "America/New_York"


def test_utc_instants_give_the_utc_zone() -> None:
    iv = interview(
        starts_at=dt.datetime(2026, 11, 20, 14, tzinfo=dt.UTC),
        ends_at=dt.datetime(2026, 11, 20, 15, tzinfo=dt.UTC),
    )
    assert iv.timezone == "UTC"


def test_ends_at_compares_instants_not_wall_times() -> None:
    # 10:30 in New York is 15:30 in London: after a 15:00 London start.
    iv = interview(
        starts_at=pendulum.datetime(2026, 11, 20, 15, 0, tz="Europe/London"),
        ends_at=pendulum.datetime(2026, 11, 20, 10, 30, tz="America/New_York"),
    )
    assert iv.ends_at > iv.starts_at
    # 10:30 in New York is before a 16:00 London start, despite the wall time.
    with pytest.raises(ValidationError):
        interview(
            starts_at=pendulum.datetime(2026, 11, 20, 16, 0, tz="Europe/London"),
            ends_at=pendulum.datetime(2026, 11, 20, 10, 30, tz="America/New_York"),
        )


@pytest.mark.parametrize("ends_at", [START, START.subtract(minutes=1)], ids=["=", "<"])
def test_ends_at_must_be_after_starts_at(ends_at: pendulum.DateTime) -> None:
    with pytest.raises(ValidationError) as info:
        interview(ends_at=ends_at)
    assert info.value.field == "ends_at"
    assert "after starts_at" in str(info.value)


@pytest.mark.parametrize("field", ["starts_at", "ends_at"])
def test_naive_stdlib_instants_are_refused(field: str) -> None:
    naive = {
        "starts_at": dt.datetime(2026, 11, 20, 14, 30),  # noqa: DTZ001
        "ends_at": dt.datetime(2026, 11, 20, 15, 30),  # noqa: DTZ001
    }
    with pytest.raises(NaiveDatetimeError) as info:
        interview(**{field: naive[field]})
    assert info.value.field == field


def test_naive_pendulum_instants_are_refused() -> None:
    # pendulum.naive() makes a pendulum.DateTime without a zone: it is
    # just as naive as a stdlib one.
    with pytest.raises(NaiveDatetimeError) as info:
        interview(
            starts_at=pendulum.naive(2026, 11, 20, 14, 30),
            ends_at=pendulum.naive(2026, 11, 20, 15, 30),
        )
    assert info.value.field == "starts_at"


def test_pendulum_instant_with_a_fixed_offset_is_refused() -> None:
    fixed = pendulum.datetime(2026, 11, 20, 16, 30, tz=pendulum.fixed_timezone(3600))
    with pytest.raises(ValidationError) as info:
        interview(ends_at=fixed)
    assert info.value.field == "ends_at"


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        "2026-11-20T15:30:00+00:00",
        dt.date(2026, 11, 20),
    ],
    ids=["stdlib-fixed-offset", "string", "date"],
)
def test_other_ends_at_values_are_refused_naming_the_field(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        interview(ends_at=value)
    assert info.value.field == "ends_at"
    assert str(info.value).startswith("ends_at: expected ")


def test_an_instant_in_a_dst_gap_keeps_its_moment() -> None:
    london = zoneinfo.ZoneInfo("Europe/London")
    gap = dt.datetime(2026, 3, 29, 1, 30, tzinfo=london)
    iv = interview(starts_at=gap - dt.timedelta(hours=1), ends_at=gap)
    assert iv.ends_at.timestamp() == gap.timestamp()


# --- Interview: round, interviewers, agency ---------------------------------


def test_round_accepts_positive_integers() -> None:
    assert interview(round=3).round == 3


@pytest.mark.parametrize("value", [0, -1, True, False, 2.0, "2", None], ids=repr)
def test_round_refuses_anything_but_an_integer_of_at_least_one(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        interview(round=value)
    assert info.value.field == "round"
    assert str(info.value) == f"round: expected an integer of at least 1, got {value!r}"


def test_interviewers_list_becomes_a_tuple() -> None:
    priya = Person(name="Priya Shah")
    sam = Person(name="Sam Jones")
    iv = interview(interviewers=[priya, sam])
    assert iv.interviewers == (priya, sam)
    assert type(iv.interviewers) is tuple


def test_interviewers_refuse_duplicates() -> None:
    priya = Person(name="Priya Shah", email="priya@acme.example")
    again = Person(name="Priya Shah", email="priya@acme.example")
    with pytest.raises(ValidationError) as info:
        interview(interviewers=(priya, Person(name="Sam Jones"), again))
    assert info.value.field == "interviewers[2]"
    assert "once" in str(info.value)


def test_interviewers_with_the_same_name_but_other_details_are_distinct() -> None:
    iv = interview(
        interviewers=(
            Person(name="Sam Jones", email="sam@acme.example"),
            Person(name="Sam Jones", email="sam.jones@acme.example"),
        )
    )
    assert len(iv.interviewers) == 2


def test_interviewers_refuse_items_that_are_not_people() -> None:
    with pytest.raises(ValidationError) as info:
        interview(interviewers=(Person(name="Priya Shah"), "Sam Jones"))
    assert info.value.field == "interviewers[1]"
    assert "Person" in str(info.value)


@pytest.mark.parametrize(
    "value", [Person(name="Priya Shah"), "Priya Shah", None], ids=repr
)
def test_interviewers_must_be_a_collection(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        interview(interviewers=value)
    assert info.value.field == "interviewers"


def test_agency_run_interview_needs_its_contact() -> None:
    with pytest.raises(ValidationError) as info:
        interview(run_by=RunBy.AGENCY)
    assert info.value.field == "agency_contact"
    assert "RunBy.AGENCY" in str(info.value)
    contact = Person(name="Ravi Patel", email="ravi@agency.example")
    iv = interview(run_by=RunBy.AGENCY, agency_contact=contact)
    assert iv.agency_contact == contact


def test_employer_run_interview_refuses_an_agency_contact() -> None:
    with pytest.raises(ValidationError) as info:
        interview(agency_contact=Person(name="Ravi Patel"))
    assert info.value.field == "agency_contact"
    assert "RunBy.EMPLOYER" in str(info.value)


def test_agency_contact_must_be_a_person() -> None:
    with pytest.raises(ValidationError) as info:
        interview(run_by=RunBy.AGENCY, agency_contact="Ravi Patel")
    assert info.value.field == "agency_contact"


def test_advertised_salary_must_be_a_salary_range() -> None:
    assert interview(advertised_salary=salary()).advertised_salary == salary()
    with pytest.raises(ValidationError) as info:
        interview(advertised_salary=(42_000, 48_000))
    assert info.value.field == "advertised_salary"


@pytest.mark.parametrize("value", [1, 0, "yes", None], ids=repr)
def test_references_flag_is_a_real_bool(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        interview(references_may_be_contacted=value)
    assert info.value.field == "references_may_be_contacted"


# --- Interview: decision date and closing date ------------------------------


def test_decision_date_may_be_a_stdlib_date() -> None:
    iv = interview(decision_expected_by=dt.date(2026, 11, 27))
    assert type(iv.decision_expected_by) is pendulum.Date
    assert iv.decision_expected_by == pendulum.date(2026, 11, 27)


def test_decision_may_be_an_instant() -> None:
    new_york = zoneinfo.ZoneInfo("America/New_York")
    decision = dt.datetime(2026, 11, 27, 12, tzinfo=new_york)
    iv = interview(decision_expected_by=decision)
    assert type(iv.decision_expected_by) is pendulum.DateTime
    assert iv.decision_expected_by.timestamp() == decision.timestamp()


def test_decision_on_the_day_of_the_interview_is_allowed() -> None:
    assert interview(decision_expected_by=END.date()).decision_expected_by == (
        pendulum.date(2026, 11, 20)
    )
    assert interview(decision_expected_by=END).decision_expected_by == END


def test_decision_date_before_the_interview_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        interview(decision_expected_by=dt.date(2026, 11, 19))
    assert info.value.field == "decision_expected_by"
    assert "2026-11-20" in str(info.value)


def test_decision_instant_before_the_interview_ends_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        interview(decision_expected_by=END.subtract(minutes=1))
    assert info.value.field == "decision_expected_by"


def test_decision_date_is_compared_with_the_local_end_date() -> None:
    # 23:30 on 20 November in New York is already 21 November in UTC; the
    # decision date is read in the interview's own zone.
    late = pendulum.datetime(2026, 11, 20, 23, 30, tz="America/New_York")
    iv = interview(
        starts_at=late.subtract(hours=1),
        ends_at=late,
        decision_expected_by=dt.date(2026, 11, 20),
    )
    assert iv.decision_expected_by == pendulum.date(2026, 11, 20)
    with pytest.raises(ValidationError):
        interview(
            starts_at=late.subtract(hours=1),
            ends_at=late,
            decision_expected_by=dt.date(2026, 11, 19),
        )


def test_naive_stdlib_decision_instant_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        interview(decision_expected_by=dt.datetime(2026, 11, 27, 12))  # noqa: DTZ001
    assert info.value.field == "decision_expected_by"


def test_naive_pendulum_decision_instant_is_refused() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        interview(decision_expected_by=pendulum.naive(2026, 11, 27, 12))
    assert info.value.field == "decision_expected_by"


def test_fixed_offset_pendulum_decision_instant_is_refused() -> None:
    fixed = pendulum.datetime(2026, 11, 27, 12, tz=pendulum.fixed_timezone(3600))
    with pytest.raises(ValidationError) as info:
        interview(decision_expected_by=fixed)
    assert info.value.field == "decision_expected_by"


@pytest.mark.parametrize("value", ["2026-11-27", 20261127], ids=repr)
def test_decision_refuses_what_is_neither_date_nor_instant(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        interview(decision_expected_by=value)
    assert info.value.field == "decision_expected_by"


def test_closing_date_becomes_a_pendulum_date() -> None:
    iv = interview(closing_date=dt.date(2026, 11, 30))
    assert type(iv.closing_date) is pendulum.Date
    assert iv.closing_date == pendulum.date(2026, 11, 30)


@pytest.mark.parametrize(
    "value",
    [END, dt.datetime(2026, 11, 30, tzinfo=dt.UTC), "2026-11-30"],
    ids=["pendulum-datetime", "stdlib-datetime", "string"],
)
def test_closing_date_must_be_a_date_not_an_instant(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        interview(closing_date=value)
    assert info.value.field == "closing_date"
    assert str(info.value).startswith("closing_date: expected a date")


# --- Interview: immutability -------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("round", 2), ("ends_at", END.add(hours=1)), ("interviewers", ())],
)
def test_interview_is_frozen(field: str, value: object) -> None:
    iv = interview()
    before = getattr(iv, field)
    with pytest.raises(attrs.exceptions.FrozenError):
        setattr(iv, field, value)
    assert getattr(iv, field) == before


def test_interview_has_no_room_for_new_attributes() -> None:
    iv = interview()
    with pytest.raises(AttributeError):
        iv.notes = "x"  # type: ignore[attr-defined]


def test_evolve_makes_a_new_validated_interview() -> None:
    iv = interview()
    later = attrs.evolve(iv, round=2)
    assert (iv.round, later.round) == (1, 2)
    with pytest.raises(ValidationError):
        attrs.evolve(iv, round=0)
    with pytest.raises(ValidationError):
        attrs.evolve(iv, ends_at=iv.starts_at)


# How a person is greeted: the fields are checked, never guessed.


@pytest.mark.parametrize(
    "salutation", ["Dear Helen", "dear Dr Marsh", "Hi Helen", "Helen,", "Dr Marsh:"]
)
def test_a_salutation_is_what_follows_the_greeting_word(salutation: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Person(name="Helen Marsh", salutation=salutation)
    assert caught.value.field == "salutation"
    assert "the name as it follows 'Dear'" in str(caught.value)


@pytest.mark.parametrize("honorific", ["Dr 2", "x" * 31, "", "Dr\nMs"])
def test_an_honorific_is_a_short_title(honorific: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Person(name="Helen Marsh", honorific=honorific)
    assert caught.value.field == "honorific"


def test_the_greeting_fields_are_kept_as_given() -> None:
    person = Person(
        name="Ludwig van der Berg",
        given_name=" Ludwig ",
        family_name="van der Berg",
        honorific="Prof.",
        salutation="Professor van der Berg",
    )
    assert person.given_name == "Ludwig"
    assert person.family_name == "van der Berg"
    assert person.honorific == "Prof."
    assert person.salutation == "Professor van der Berg"
