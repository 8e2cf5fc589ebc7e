"""The bounds of numbers, end to end: amounts, weights, rounds, counts, policies.

Each bound is checked where the record is built and where JSON is read; the
boundary values themselves then go through everything that formats or
computes with them (letters, salary positions, offer checklists, rankings),
which must stay quick. The hostile cases of the issue run in a child process
capped at 512 MiB and must stop with a documented error within 2 s.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capped import run_capped
from postinterview import (
    FollowUpPolicy,
    Interview,
    OfferReceived,
    Period,
    Person,
    SalaryRange,
    SchemaError,
    ValidationError,
)
from postinterview._fields import AMOUNT_DIGITS, AMOUNT_PLACES
from postinterview.decisions import (
    FACTORS,
    WEIGHT_DENOMINATOR_MAX,
    WEIGHT_MAX,
    compare_opportunities,
    offer_checklist,
    salary_position,
)
from postinterview.learning import AskedQuestion
from postinterview.letters import Candidate, offer_thanks
from postinterview.reflection import FitAssessment, Want
from postinterview.serialize import from_json, to_dict, to_json

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
ME = Candidate(name="Robin Jones", email="robin@example.org")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
LARGEST = Decimal("999999999999999.9999")  # the largest amount there is
SMALLEST = Decimal("0.0001")  # the smallest above zero
CAP = f"an amount below 10**{AMOUNT_DIGITS} (1,000,000,000,000,000)"
PLACES = f"an amount with at most {AMOUNT_PLACES} decimal places"

# The documented error of each hostile case, by qualified name.
VALIDATION = "postinterview.errors.ValidationError"
SCHEMA = "postinterview.errors.SchemaError"


def interview(**changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "organisation": "Acme Ltd",
        "role": "Data Engineer",
        "starts_at": END.subtract(hours=1),
        "ends_at": END,
        "interviewers": (PRIYA,),
    }
    fields.update(changes)
    return Interview(**fields)


def salary_json(high: str) -> str:
    return json.dumps(
        {
            "schema_version": 1,
            "low": "0",
            "high": high,
            "currency": "GBP",
            "period": "YEAR",
        }
    )


# --- amounts -------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [0, LARGEST, SMALLEST, "999999999999999", 10**15 - 1, "1E+14", "0E+14", "0.0000"],
    ids=repr,
)
def test_amounts_at_the_bounds_are_accepted(value: object) -> None:
    assert SalaryRange(low=0, high=value, currency="GBP").high == Decimal(str(value))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1E+999999999999999999", CAP),
        ("1E+200000000", CAP),
        ("1E+15", CAP),
        (10**15, CAP),
        (10**5000, CAP),
        ("1000000000000000", CAP),
        ("0.00001", PLACES),
        ("1E-999999999999999999", PLACES),
        ("0E+15", "an amount whose exponent is at most 14"),
        ("NaN", "a finite, non-negative Decimal"),
        ("-Infinity", "a finite, non-negative Decimal"),
        ("1E+9999999999999999999", "a finite, non-negative Decimal"),
        (-(10**5000), "a finite, non-negative Decimal"),
    ],
    ids=[
        "1E+999999999999999999",
        "1E+200000000",
        "1E+15",
        "int 10**15",
        "int of 5,001 digits",
        "1000000000000000",
        "0.00001",
        "1E-999999999999999999",
        "0E+15",
        "NaN",
        "-Infinity",
        "1E+9999999999999999999",
        "negative int of 5,001 digits",
    ],
)
def test_amounts_beyond_the_bounds_are_refused_naming_the_bound(
    value: object, expected: str
) -> None:
    with pytest.raises(ValidationError) as error:
        SalaryRange(low=0, high=value, currency="GBP")
    assert error.value.field == "high"
    assert error.value.expected.startswith(expected)
    assert len(str(error.value)) < 300


@given(st.decimals(allow_nan=True, allow_infinity=True))
def test_an_amount_is_accepted_exactly_when_it_is_within_the_bounds(
    value: Decimal,
) -> None:
    within = (
        value.is_finite()
        and not value.is_signed()
        and value.adjusted() < AMOUNT_DIGITS
        and int(value.as_tuple().exponent) >= -AMOUNT_PLACES
    )
    text = salary_json("0").replace('"high": "0"', f'"high": "{value}"')
    if within:
        made = SalaryRange(low=0, high=value, currency="GBP")
        assert from_json(SalaryRange, text) == made
        return
    with pytest.raises(ValidationError) as built:
        SalaryRange(low=0, high=value, currency="GBP")
    assert built.value.field == "high"
    # Reading JSON refuses the same value, at its path.
    with pytest.raises(SchemaError) as read:
        from_json(SalaryRange, text)
    assert read.value.path == "high"


def test_an_amount_read_from_json_is_bounded_at_its_path() -> None:
    iv = interview(advertised_salary=SalaryRange(low=1, high=2, currency="GBP"))
    document = to_dict(iv)
    document["advertised_salary"]["high"] = "1E+999999999999999999"
    with pytest.raises(SchemaError) as error:
        from_json(Interview, json.dumps(document))
    assert error.value.path == "advertised_salary.high"
    assert error.value.expected == CAP


# --- ints ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (101, "an integer of at most 100"),
        (10**5000, "an integer of at most 100"),
        (0, "an integer of at least 1"),
    ],
    ids=["101", "5,001 digits", "0"],
)
def test_the_round_is_from_1_to_100(value: int, expected: str) -> None:
    assert interview(round=100).round == 100
    with pytest.raises(ValidationError) as error:
        interview(round=value)
    assert (error.value.field, error.value.expected) == ("round", expected)


def test_a_json_round_too_long_to_read_is_refused_at_its_path() -> None:
    text = to_json(interview()).replace('"round":1', '"round":' + "9" * 100_000)
    with pytest.raises(SchemaError) as error:
        from_json(Interview, text)
    assert error.value.path == "round"
    assert str(error.value) == (
        "round: expected an integer of at most 20 digits, "
        "got <integer of 100,000 digits>"
    )


def test_counts_stop_at_a_billion() -> None:
    fields: dict[str, Any] = {
        "key": "why this role",
        "wordings": ["Why this role?"],
        "first_asked": END,
        "last_asked": END,
    }
    assert AskedQuestion(asked=10**9, not_rated=10**9, **fields).asked == 10**9
    with pytest.raises(ValidationError) as error:
        AskedQuestion(asked=10**9 + 1, not_rated=10**9 + 1, **fields)
    assert error.value.expected == "an integer of at most 1,000,000,000"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("references_within", 261, "at most 260"),
        ("check_in_without_date", 10**5000, "at most 260"),
        ("check_ins_at_most", 21, "at most 20"),
        ("thank_you_max_words", 5001, "at most 5,000"),
        (
            "thank_you_latest",
            dt.timedelta.max,
            "a datetime.timedelta of at most 366 days",
        ),
    ],
    ids=["days", "5,001 digits", "check-ins", "words", "timedelta.max"],
)
def test_a_policy_beyond_reason_is_refused(
    field: str, value: object, expected: str
) -> None:
    with pytest.raises(ValidationError) as error:
        FollowUpPolicy(**{field: value})
    assert (error.value.field, error.value.expected) == (field, expected)


def test_a_policy_at_its_ceilings_is_accepted() -> None:
    policy = FollowUpPolicy(
        notes_late=dt.timedelta(days=366),
        thank_you_latest=dt.timedelta(days=366),
        references_within=260,
        check_in_spacing=260,
        check_ins_at_most=20,
        thank_you_max_words=5000,
    )
    assert policy.check_ins_at_most == 20


# --- weights -------------------------------------------------------------------

FIT = FitAssessment(want_the_job=Want.YES, rapport_with_interviewer=4)


@pytest.mark.parametrize(
    ("weight", "expected"),
    [
        (Decimal("1E+999999999"), "a weight of at most 1,000,000"),
        (10**5000, "a weight of at most 1,000,000"),
        (1e300, "a weight of at most 1,000,000"),
        (Fraction(10**7, 3), "a weight of at most 1,000,000"),
        (Decimal("1E-999999999"), "a weight with at most 323 decimal places"),
        (Fraction(1, 2**1075), "a fraction whose denominator is at most 2**1074"),
    ],
    ids=["Decimal 1E+999999999", "int", "float", "Fraction", "tiny", "fine"],
)
def test_weights_beyond_the_bounds_are_refused(weight: object, expected: str) -> None:
    with pytest.raises(ValidationError) as error:
        compare_opportunities({"Acme": FIT}, weights={"rapport": weight})
    assert error.value.field == "weights['rapport']"
    assert error.value.expected.startswith(expected)


# --- the boundary values, through everything that uses them --------------------

EDGE_AMOUNTS = st.sampled_from([Decimal(0), SMALLEST, LARGEST, Decimal("1E+14")]) | (
    st.decimals(min_value=0, max_value=LARGEST, places=AMOUNT_PLACES)
)
EDGE_WEIGHTS = st.sampled_from(
    [
        0,
        WEIGHT_MAX,
        Decimal(WEIGHT_MAX),
        Decimal("1E-323"),
        Fraction(1, WEIGHT_DENOMINATOR_MAX),
        Fraction(WEIGHT_MAX * WEIGHT_DENOMINATOR_MAX - 1, WEIGHT_DENOMINATOR_MAX),
        5e-324,
        float(WEIGHT_MAX),
    ]
)


@settings(deadline=dt.timedelta(seconds=1))
@given(
    amounts=st.lists(EDGE_AMOUNTS, min_size=4, max_size=4).map(sorted),
    period=st.sampled_from(Period),
)
def test_amounts_at_the_bounds_go_through_letters_and_decisions_quickly(
    amounts: list[Decimal], period: Period
) -> None:
    low, offered, high, top = amounts
    advertised = SalaryRange(low=low, high=high, currency="GBP", period=period)
    offer = SalaryRange(low=offered, high=top, currency="GBP", period=period)
    where = salary_position(offer, advertised)
    assert where.room == max(Decimal(0), high - offered)  # exact: no rounding
    offered_at = END.add(days=3)
    checklist = offer_checklist(
        OfferReceived(at=offered_at, salary=offer), advertised=advertised
    )
    assert any(item.topic.name == "SALARY" for item in checklist)
    if offered:  # a salary to discuss is positive
        iv = interview(advertised_salary=advertised)
        draft = offer_thanks(
            iv, sender=ME, reply_by=dt.date(2026, 12, 4), salary=offered
        )
        assert f"{offered:,.2f}".removesuffix(".00") in draft.text


@settings(deadline=dt.timedelta(seconds=1))
@given(st.dictionaries(st.sampled_from(FACTORS), EDGE_WEIGHTS, min_size=1))
def test_weights_at_the_bounds_rank_quickly(weights: dict[str, object]) -> None:
    if not any(weights.get(factor, 1) for factor in FACTORS):
        weights = {**weights, "want": 1}
    options = {"Acme": FIT, "Globex": FitAssessment(want_the_job=Want.NO)}
    ranked = compare_opportunities(options, weights=weights)
    assert all(Decimal(0) <= r.score <= 1 for r in ranked)


# --- the cases, in a child capped at 512 MiB and 2 s --------------------

_SETUP = """
import datetime as dt, json
from decimal import Decimal
import pendulum
from postinterview import Interview, Person, SalaryRange
from postinterview.decisions import compare_opportunities
from postinterview.letters import Candidate, offer_thanks
from postinterview.reflection import FitAssessment, Want
from postinterview.serialize import from_json
end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
def salary(high):
    return json.dumps({"schema_version": 1, "low": "0", "high": high,
                       "currency": "GBP", "period": "YEAR"})
"""


@pytest.mark.parametrize("high", ["1E+999999999999999999", "1E+200000000"])
def test_a_huge_salary_is_refused_when_built_inside_the_caps(high: str) -> None:
    outcome = run_capped(
        f"""
        advert = SalaryRange(low=0, high="{high}", currency="GBP")
        iv = Interview(organisation="Acme", role="Analyst",
                       starts_at=end.subtract(hours=1), ends_at=end,
                       interviewers=[Person(name="Priya Shah")],
                       advertised_salary=advert)
        offer_thanks(iv, sender=Candidate(name="Robin", email="robin@example.org"),
                     reply_by=dt.date(2026, 12, 4), salary=1)
        """,
        setup=_SETUP,
    )
    assert outcome.error == VALIDATION
    assert outcome.message.startswith(f"high: expected {CAP}, got Decimal(")
    assert outcome.elapsed < 2


@pytest.mark.parametrize("high", ["1E+999999999999999999", "1E+200000000"])
def test_a_huge_salary_is_refused_when_read_inside_the_caps(high: str) -> None:
    outcome = run_capped(f"from_json(SalaryRange, salary('{high}'))", setup=_SETUP)
    assert outcome.error == SCHEMA
    assert outcome.message.startswith(f"high: expected {CAP}")
    assert outcome.elapsed < 2


def test_a_huge_salary_in_a_letter_is_refused_inside_the_caps() -> None:
    outcome = run_capped(
        """
        iv = Interview(organisation="Acme", role="Analyst",
                       starts_at=end.subtract(hours=1), ends_at=end,
                       interviewers=[Person(name="Priya Shah")])
        offer_thanks(iv, sender=Candidate(name="Robin", email="robin@example.org"),
                     reply_by=dt.date(2026, 12, 4), salary="1E+200000000")
        """,
        setup=_SETUP,
    )
    assert outcome.error == VALIDATION
    assert outcome.message.startswith(f"salary: expected {CAP}")
    assert outcome.elapsed < 2


def test_a_huge_weight_is_refused_inside_the_caps() -> None:
    outcome = run_capped(
        """
        compare_opportunities({"Acme": FitAssessment(want_the_job=Want.YES)},
                              weights={"want": Decimal("1E+999999999")})
        """,
        setup=_SETUP,
    )
    assert outcome.error == VALIDATION
    assert outcome.message == (
        "weights['want']: expected a weight of at most 1,000,000, "
        "got Decimal('1E+999999999')"
    )
    assert outcome.elapsed < 2
