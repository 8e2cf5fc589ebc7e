"""Every hostile case the hardening issue lists, rebuilt as a test.

Each runs in a child process capped at 512 MiB of address space
(:func:`capped.run_capped`) and must stop within 2 seconds, either with an
error of the :class:`~postinterview.PostInterviewError` family or, where a
case turns out to be a legitimate call, with the right result. The groups
follow the issue: user templates, huge numbers, quadratic work, builtin
errors at the edges.
"""

from __future__ import annotations

import pytest

import postinterview.errors
from capped import SECONDS, Outcome, run_capped

DOCUMENTED = frozenset(
    f"postinterview.errors.{name}" for name in postinterview.errors.__all__
)
TEMPLATE_ERRORS = frozenset(
    {
        "postinterview.errors.UnsafeTemplateError",
        "postinterview.errors.TemplateRenderError",
    }
)
VALIDATION = "postinterview.errors.ValidationError"
SCHEMA = "postinterview.errors.SchemaError"


def refused(outcome: Outcome, *errors: str) -> None:
    """The snippet stopped in time with one of *errors* (default: any documented)."""
    expected = frozenset(errors) or DOCUMENTED
    assert outcome.error in expected, outcome
    assert outcome.elapsed < SECONDS, outcome


def done(outcome: Outcome) -> None:
    """The snippet ran to its end without an error, in time."""
    assert outcome.error is None, outcome
    assert outcome.elapsed < SECONDS, outcome


# --- user templates get around the memory caps ------------------------------

RENDER = "from postinterview.letters import render_user_template"

TEMPLATE_BOMBS = {
    "bytes repeated": "{{ ('a'.encode() * 2*10**9)|length }}",
    "bytes padded": "{{ 'a'.encode().ljust(2*10**9)|length }}",
    "list of long strings repeated": "{{ ['a'*100000]*100000 }}",
    "repeated list as JSON": "{{ (['a'*100000]*10000)|tojson|length }}",
    "list doubled in a namespace": (
        "{% set ns = namespace(items=['a']) %}"
        "{% for i in range(200) %}{% set ns.items = ns.items + ns.items %}"
        "{% endfor %}{{ ns.items|length }}"
    ),
    "lists summed from start=[]": (
        "{{ ([['a'] * 100000] * 1000)|sum(start=[])|length }}"
    ),
    "three nested loops": (
        "{% for a in range(1000) %}{% for b in range(1000) %}"
        "{% for c in range(1000) %}{% endfor %}{% endfor %}{% endfor %}"
    ),
    "an int squared again and again": (
        "{% set ns = namespace(n=3) %}"
        "{% for i in range(64) %}{% set ns.n = ns.n * ns.n %}{% endfor %}"
        "{{ ns.n > 0 }}"
    ),
}


@pytest.mark.parametrize("source", TEMPLATE_BOMBS.values(), ids=list(TEMPLATE_BOMBS))
def test_a_template_bomb_stops_inside_the_caps(source: str) -> None:
    outcome = run_capped(f"render_user_template({source!r}, {{}})", setup=RENDER)
    refused(outcome, *TEMPLATE_ERRORS)
    # The sandbox refused it, before the cap on the child's memory did.
    assert "MemoryError" not in outcome.message, outcome


# --- huge finite numbers are accepted and break later -----------------------

LETTER = """
import pendulum
from decimal import Decimal
from postinterview import Interview, Person, SalaryRange
from postinterview.letters import Candidate, offer_thanks
end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
priya = Person(name="Priya Shah", email="priya@acme.example")
me = Candidate(name="Sam Jones", email="sam@example.org")
def interview(salary):
    return Interview(organisation="Acme Ltd", role="Data Engineer",
                     starts_at=end.subtract(hours=1), ends_at=end,
                     interviewers=(priya,), advertised_salary=salary)
"""
HUGE = ("1E+999999999999999999", "1E+200000000", "1E+999999999")


@pytest.mark.parametrize("high", HUGE)
def test_a_huge_salary_is_refused_when_built(high: str) -> None:
    outcome = run_capped(
        f"SalaryRange(low=30000, high={high!r}, currency='GBP')", setup=LETTER
    )
    refused(outcome, VALIDATION)
    assert outcome.message.startswith("high:")


@pytest.mark.parametrize("high", HUGE)
def test_a_huge_salary_is_refused_when_read_from_json(high: str) -> None:
    document = (
        '{"schema_version": 1, "low": "30000", "high": "%s", "currency": "GBP"}' % high  # noqa: UP031
    )
    outcome = run_capped(
        f"from_json(SalaryRange, {document!r})",
        setup=LETTER + "from postinterview.serialize import from_json",
    )
    refused(outcome, SCHEMA)


@pytest.mark.parametrize("salary", HUGE)
def test_offer_thanks_refuses_a_huge_salary(salary: str) -> None:
    outcome = run_capped(
        f"""
        offer_thanks(interview(advertised), to=priya, sender=me,
                     reply_by=pendulum.date(2026, 12, 1), salary=Decimal({salary!r}))
        """,
        setup=LETTER
        + "advertised = SalaryRange(low=30000, high=40000, currency='GBP')",
    )
    refused(outcome, VALIDATION)


@pytest.mark.parametrize("weight", ["1E+999999999", "1E+200000000", "-1E+999999999"])
def test_compare_opportunities_refuses_a_huge_weight(weight: str) -> None:
    outcome = run_capped(
        f"""
        compare_opportunities(options, weights={{FACTORS[0]: Decimal({weight!r})}})
        """,
        setup="""
        from decimal import Decimal
        from postinterview.decisions import FACTORS, compare_opportunities
        from postinterview.reflection import FitAssessment, Want
        options = {
            "Acme": FitAssessment(rapport_with_interviewer=4, want_the_job=Want.YES),
            "Globex": FitAssessment(rapport_with_interviewer=2),
        }
        """,
    )
    refused(outcome, VALIDATION)


# --- quadratic work ---------------------------------------------------------

DRAFTS = """
import pendulum
from postinterview import Interview, Person
from postinterview.letters import Draft, check_panel
end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
priya = Person(name="Priya Shah", email="priya@acme.example")
tom = Person(name="Tom Lee", email="tom@acme.example")
iv = Interview(organisation="Acme Ltd", role="Data Engineer",
               starts_at=end.subtract(hours=1), ends_at=end, interviewers=(priya, tom))
text = ("Thank you from everyone at Acme Ltd. " * 3000)[:100_000]
def draft(to):
    return Draft(kind="thank_you", to=to, subject="Thank you", text=text,
                 html=text, interview=iv)
"""


def test_checking_a_long_draft_that_repeats_the_organisation_is_quick() -> None:
    outcome = run_capped("findings = draft(priya).check()", setup=DRAFTS)
    done(outcome)


def test_checking_a_panel_of_two_long_drafts_is_quick() -> None:
    outcome = run_capped(
        "findings = check_panel([draft(priya), draft(tom)])", setup=DRAFTS
    )
    done(outcome)


HISTORY = """
import json
import pendulum
from postinterview import Application, Interview, Person, ThankYouSent
from postinterview.serialize import format_instant, from_json, to_dict
end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
priya = Person(name="Priya Shah", email="priya@acme.example")
iv = Interview(organisation="Acme Ltd", role="Data Engineer",
               starts_at=end.subtract(hours=1), ends_at=end, interviewers=(priya,))
# Twenty thousand thank-yous to one interviewer, a minute apart: each is
# checked against the history before it.
events = [ThankYouSent(at=end.add(hours=2, minutes=i), to=priya) for i in range(20_000)]
document = to_dict(Application(interviews=(iv,)))
to = {"name": priya.name, "email": priya.email}
document["events"] = [
    {"type": "ThankYouSent", "at": format_instant(e.at), "to": to} for e in events
]
text = json.dumps(document)
"""


def test_reading_an_application_with_20000_events_is_quick() -> None:
    outcome = run_capped("app = from_json(Application, text)", setup=HISTORY)
    done(outcome)


def test_building_an_application_with_20000_events_is_quick() -> None:
    outcome = run_capped(
        "app = Application(interviews=(iv,), events=events)", setup=HISTORY
    )
    done(outcome)


def test_recording_an_event_after_20000_is_quick() -> None:
    outcome = run_capped(
        "app.record(ThankYouSent(at=end.add(days=30), to=priya))",
        setup=HISTORY + "app = Application(interviews=(iv,), events=events)",
    )
    done(outcome)


# --- builtin errors at the edges ---------------------------------------------

YEAR_ONE = """
import pendulum
from postinterview import Scorecard
from postinterview.serialize import format_instant
first = pendulum.datetime(1, 1, 1, tz="Asia/Tokyo")
"""


def test_a_scorecard_in_year_one_is_refused() -> None:
    outcome = run_capped("Scorecard(written_at=first, overall=3)", setup=YEAR_ONE)
    refused(outcome, VALIDATION)
    assert outcome.message.startswith("written_at:")


def test_format_instant_refuses_year_one() -> None:
    outcome = run_capped("format_instant(first)", setup=YEAR_ONE)
    refused(outcome, VALIDATION)


# The latest instant the library accepts, found by asking it: whatever range
# it states, a plan made at the end of it must work.
AT_THE_END = """
import datetime as dt
import zoneinfo
import pendulum
from postinterview import Application, Interview, Person, PostInterviewError, plan
# The zone furthest ahead of UTC: its dates are the first to run out.
zone = zoneinfo.ZoneInfo("Pacific/Kiritimati")
priya = Person(name="Priya Shah", email="priya@acme.example", timezone=zone.key)
def interview(end):
    return Interview(organisation="Acme Ltd", role="Data Engineer",
                     starts_at=end - dt.timedelta(hours=1), ends_at=end,
                     interviewers=(priya,))
start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
def ending(minutes):
    return (start + dt.timedelta(minutes=minutes)).astimezone(zone)
def accepted(minutes):
    try:
        interview(ending(minutes))
    except (PostInterviewError, OverflowError):  # OverflowError: in astimezone
        return False
    return True
low = 0
high = int((dt.datetime(9999, 12, 31, tzinfo=dt.UTC) - start).total_seconds() // 60)
while low < high:
    middle = (low + high + 1) // 2
    if accepted(middle):
        low = middle
    else:
        high = middle - 1
end = interview(ending(low)).ends_at
app = Application.from_interview(interview(end))
"""


def test_a_plan_in_the_year_9999_is_refused_or_exported() -> None:
    outcome = run_capped(
        """
        try:
            late = interview(dt.datetime(9999, 12, 31, 12, tzinfo=zone))
        except ValidationError:  # outside the range the library states
            pass
        else:
            plan(Application.from_interview(late), now=late.ends_at).to_ics()
        """,
        setup=AT_THE_END + "from postinterview import ValidationError",
    )
    done(outcome)


def test_to_ics_works_at_the_end_of_the_range() -> None:
    outcome = run_capped(
        """
        made = plan(app, now=end)
        ics = made.to_ics()
        assert isinstance(ics, bytes) and ics.startswith(b"BEGIN:VCALENDAR"), ics
        """,
        setup=AT_THE_END,
    )
    done(outcome)


def test_upcoming_with_the_longest_timedelta_works() -> None:
    outcome = run_capped(
        """
        made = plan(app, now=end)
        assert made.upcoming(dt.timedelta.max) == tuple(
            a for a in made.actions if a not in made.overdue()
        )
        """,
        setup=AT_THE_END,
    )
    done(outcome)


def test_upcoming_with_the_longest_timedelta_works_mid_range() -> None:
    outcome = run_capped(
        """
        made = plan(Application.from_interview(interview(
            pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London"))),
            now=pendulum.datetime(2026, 11, 20, 15, 35, tz="Europe/London"))
        assert made.upcoming(dt.timedelta.max) == made.actions
        """,
        setup=AT_THE_END,
    )
    done(outcome)


ADDRESSES = """
from postinterview import Interview, Person
from postinterview.letters import Candidate
"""
NOT_DOT_ATOMS = ("a.@acme.example", ".a@acme.example", "a..b@acme.example")


@pytest.mark.parametrize("address", NOT_DOT_ATOMS)
@pytest.mark.parametrize("record", ["Person", "Candidate"])
def test_an_address_the_stdlib_refuses_is_refused(record: str, address: str) -> None:
    outcome = run_capped(
        f"{record}(name='Priya Shah', email={address!r})", setup=ADDRESSES
    )
    refused(outcome, VALIDATION)
    assert outcome.message.startswith("email:")


@pytest.mark.parametrize("address", [*NOT_DOT_ATOMS, "zoë@acme.example"])
@pytest.mark.parametrize("where", ["sender", "cc", "reply_to"])
def test_to_email_refuses_an_address_the_stdlib_refuses(
    where: str, address: str
) -> None:
    # An address given to to_email() as a string is checked there.
    value = repr(address) if where != "cc" else f"[{address!r}]"
    outcome = run_capped(
        f"""
        draft.to_email(**{{"sender": "sam@example.org", {where!r}: {value}}})
        """,
        setup=ADDRESSES
        + """
from postinterview.letters import Draft
priya = Person(name="Priya Shah", email="priya@acme.example")
draft = Draft(kind="thank_you", to=priya, subject="Thank you",
              text="Thank you.", html="<p>Thank you.</p>")
""",
    )
    refused(outcome, VALIDATION)


@pytest.mark.parametrize("record", ["Person", "Candidate"])
def test_a_non_ascii_local_part_is_refused_or_written(record: str) -> None:
    # The stdlib refuses it in an addr_spec (NonASCIILocalPartDefect): either
    # the record refuses it too, or its email is written without an error.
    outcome = run_capped(
        f"""
        try:
            who = {record}(name="Zoë Ng", email="zoë@acme.example")
        except ValidationError:
            pass
        else:
            draft = Draft(kind="thank_you", to=PRIYA, subject="Thank you",
                          text="Thank you.", html="<p>Thank you.</p>")
            if {record!r} == "Person":
                draft = Draft(kind="thank_you", to=who, subject="Thank you",
                              text="Thank you.", html="<p>Thank you.</p>")
                draft.to_email(SAM)
            else:
                draft.to_email(who)
        """,
        setup=ADDRESSES
        + """
from postinterview import ValidationError
from postinterview.letters import Draft
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
SAM = Candidate(name="Sam Jones", email="sam@example.org")
""",
    )
    done(outcome)


def test_a_quoted_local_part_the_stdlib_keeps_becomes_an_email() -> None:
    outcome = run_capped(
        """
        priya = Person(name="Priya Shah", email='"priya shah"@acme.example')
        draft = Draft(kind="thank_you", to=priya, subject="Thank you",
                      text="Thank you.", html="<p>Thank you.</p>")
        message = draft.to_email(Candidate(name="Sam Jones", email="sam@example.org"))
        assert '"priya shah"@acme.example' in message["To"], message["To"]
        """,
        setup=ADDRESSES + "from postinterview.letters import Draft",
    )
    done(outcome)


def test_a_quoted_local_part_the_stdlib_would_unquote_is_refused() -> None:
    # The email package parses '"priya..shah"@...' but writes it back
    # unquoted, as an address no server takes: refused at the door instead.
    outcome = run_capped(
        """Person(name="Priya Shah", email='"priya..shah"@acme.example')""",
        setup=ADDRESSES,
    )
    refused(outcome, VALIDATION)


def test_the_strategies_generate_only_addresses_the_stdlib_accepts() -> None:
    outcome = run_capped(
        """
        @settings(max_examples=300, database=None)
        @given(people().filter(lambda p: p.email is not None))
        def every_address(person):
            Address(addr_spec=person.email)  # raises on a defect
        every_address()
        """,
        setup="""
        from email.headerregistry import Address
        from hypothesis import given, settings
        from postinterview.strategies import people
        """,
        seconds=20,  # drawing 300 people
    )
    assert outcome.error is None, outcome


@pytest.mark.parametrize("digits", [4301, 100_000])
def test_a_validation_error_prints_an_int_of_any_length(digits: int) -> None:
    outcome = run_capped(
        f"""
        big = 10**{digits} - 1
        shown = str(ValidationError("round", big, "an integer of at least 1"))
        assert shown.startswith("round: expected an integer of at least 1, got "), shown
        assert "{digits}" in shown.replace(",", ""), shown  # its length is stated
        assert len(shown) < 200, shown
        """,
        setup="from postinterview.errors import ValidationError",
    )
    done(outcome)


# Bounds at years 1 and 9999: the strategies either refuse them
# (InvalidArgument, Hypothesis's error for a bad argument) or generate only
# values the records accept.
STRATEGY_EDGES = {
    "year 1": (
        "dt.datetime(1, 1, 1, tzinfo=dt.UTC)",
        "dt.datetime(1, 1, 3, tzinfo=dt.UTC)",
    ),
    "year 9999": (
        "dt.datetime(9999, 12, 29, tzinfo=dt.UTC)",
        "dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC)",
    ),
}
STRATEGIES = """
import datetime as dt
from hypothesis import given, settings
from hypothesis.errors import InvalidArgument
from postinterview import Scorecard
from postinterview.strategies import applications, aware_datetimes
outcome = []
def drawn(make, use):
    # Hypothesis refuses a bad argument when the strategy is made or drawn.
    try:
        strategy = make()

        @settings(max_examples=50, database=None)
        @given(strategy)
        def each(value):
            use(value)

        each()
    except InvalidArgument:
        outcome.append("refused")
"""


@pytest.mark.parametrize("bounds", STRATEGY_EDGES.values(), ids=list(STRATEGY_EDGES))
def test_aware_datetimes_near_the_ends_of_time(bounds: tuple[str, str]) -> None:
    low, high = bounds
    outcome = run_capped(
        f"""
        drawn(lambda: aware_datetimes(min_value={low}, max_value={high}),
              lambda at: Scorecard(written_at=at, overall=3))
        """,
        setup=STRATEGIES,
        seconds=20,
    )
    assert outcome.error is None, outcome


@pytest.mark.parametrize("bounds", STRATEGY_EDGES.values(), ids=list(STRATEGY_EDGES))
def test_applications_near_the_ends_of_time(bounds: tuple[str, str]) -> None:
    low, high = bounds
    outcome = run_capped(
        f"""
        from postinterview import plan
        drawn(lambda: applications(min_value={low}, max_value={high}),
              lambda app: plan(app, now=app.interviews[-1].ends_at).to_ics())
        """,
        setup=STRATEGIES,
        seconds=30,
    )
    assert outcome.error is None, outcome
