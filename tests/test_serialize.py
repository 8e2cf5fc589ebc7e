"""Tests for postinterview.serialize: lossless JSON and the errors on bad input."""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import json
import pickle
import tomllib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview import (
    Application,
    Channel,
    CheckInSent,
    Format,
    Highlight,
    Interview,
    InterviewNotes,
    OwnQuestion,
    Period,
    Person,
    QuestionAsked,
    ReplyReceived,
    RoleInsight,
    RunBy,
    SalaryRange,
    SchemaError,
    strategies,
)
from postinterview.letters import Draft
from postinterview.serialize import (
    RECORDS,
    SCHEMA_VERSION,
    _documents,
    _plans,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
    to_toml,
)
from records import RECORD_STRATEGIES, any_record

LONDON_END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example", timezone="Europe/London")


def small_interview() -> Interview:
    return Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=LONDON_END.subtract(hours=1),
        ends_at=LONDON_END,
        interviewers=(PRIYA,),
        decision_expected_by=pendulum.date(2026, 11, 27),
        advertised_salary=SalaryRange(low="42000.50", high=48000, currency="GBP"),
    )


SMALL_INTERVIEW_JSON = """\
{
  "schema_version": 4,
  "organisation": "Acme Ltd",
  "role": "Data Engineer",
  "starts_at": "2026-11-20T14:30:00+00:00[Europe/London]",
  "ends_at": "2026-11-20T15:30:00+00:00[Europe/London]",
  "interviewers": [
    {
      "name": "Priya Shah",
      "email": "priya@acme.example",
      "timezone": "Europe/London"
    }
  ],
  "format": "IN_PERSON",
  "run_by": "EMPLOYER",
  "round": 1,
  "decision_expected_by": "2026-11-27",
  "preferred_channel": "EMAIL",
  "advertised_salary": {
    "low": "42000.50",
    "high": "48000",
    "currency": "GBP",
    "period": "YEAR"
  },
  "references_may_be_contacted": false
}"""


# --- what the documents look like -------------------------------------------


def test_a_small_interview_as_json() -> None:
    interview = small_interview()
    assert to_json(interview, indent=2) == SMALL_INTERVIEW_JSON
    assert from_json(Interview, SMALL_INTERVIEW_JSON) == interview


def test_compact_json_without_indent() -> None:
    person = Person(name="Zoë Ng", phone="+65 6123 4567")
    assert to_json(person) == (
        '{"schema_version":4,"name":"Zoë Ng","phone":"+65 6123 4567"}'
    )


def test_an_instant_is_an_rfc_9557_string_that_keeps_the_zone() -> None:
    notes = InterviewNotes(written_at=LONDON_END)
    assert to_dict(notes)["written_at"] == "2026-11-20T15:30:00+00:00[Europe/London]"
    summer = pendulum.datetime(2026, 7, 1, 9, 5, 7, 250, tz="Europe/London")
    text = to_dict(InterviewNotes(written_at=summer))["written_at"]
    assert text == "2026-07-01T09:05:07.000250+01:00[Europe/London]"


@pytest.mark.parametrize(("fold", "offset"), [(0, "-04:00"), (1, "-05:00")])
def test_the_offset_chooses_the_instant_in_a_fall_back_fold(
    fold: int, offset: str
) -> None:
    # 01:30 happens twice in New York on 2026-11-01: first in EDT, then in EST.
    instant = pendulum.datetime(2026, 11, 1, 1, 30, tz="America/New_York", fold=fold)
    text = f"2026-11-01T01:30:00{offset}[America/New_York]"
    assert to_dict(InterviewNotes(written_at=instant))["written_at"] == text
    back = from_json(InterviewNotes, to_json(InterviewNotes(written_at=instant)))
    assert back.written_at.timezone_name == "America/New_York"
    assert back.written_at.utcoffset() == instant.utcoffset()
    assert back.written_at.in_timezone("UTC") == instant.in_timezone("UTC")


def test_an_interview_across_a_fall_back_round_trips() -> None:
    starts_at = pendulum.datetime(2026, 11, 1, 1, 50, tz="America/New_York", fold=0)
    interview = Interview(
        organisation="Acme Inc",
        role="Analyst",
        starts_at=starts_at,
        ends_at=starts_at.add(minutes=20),  # 01:10 EST, twenty minutes later
    )
    back = from_json(Interview, to_json(interview))
    assert back.ends_at.utcoffset() == dt.timedelta(hours=-5)


def test_z_gives_the_instant_in_utc_and_the_zone_shows_it() -> None:
    document = {"schema_version": 4, "written_at": "2026-11-20T14:30:00Z[Asia/Tokyo]"}
    written_at = from_dict(InterviewNotes, document).written_at
    assert written_at.timezone_name == "Asia/Tokyo"
    assert (written_at.hour, written_at.minute) == (23, 30)
    assert written_at.utcoffset() == dt.timedelta(hours=9)


def test_rfc_3339_unknown_offset_and_the_critical_flag_are_accepted() -> None:
    for text in (
        "2026-11-20T14:30:00-00:00[Asia/Tokyo]",
        "2026-11-20T23:30:00+09:00[!Asia/Tokyo]",
    ):
        document = {"schema_version": 4, "written_at": text}
        written_at = from_dict(InterviewNotes, document).written_at
        assert written_at == pendulum.datetime(2026, 11, 20, 23, 30, tz="Asia/Tokyo")


def test_old_local_mean_time_offsets_keep_their_seconds() -> None:
    instant = pendulum.datetime(1900, 1, 1, 12, tz="Europe/Amsterdam")
    text = to_dict(InterviewNotes(written_at=instant))["written_at"]
    assert text == "1900-01-01T12:00:00+00:19:32[Europe/Amsterdam]"
    back = from_json(InterviewNotes, to_json(InterviewNotes(written_at=instant)))
    assert back.written_at.utcoffset() == dt.timedelta(minutes=19, seconds=32)


def test_a_deadline_is_a_date_or_an_instant() -> None:
    by_instant = attrs.evolve(
        small_interview(), decision_expected_by=LONDON_END.add(days=7)
    )
    document = to_dict(by_instant)
    assert document["decision_expected_by"] == (
        "2026-11-27T15:30:00+00:00[Europe/London]"
    )
    assert from_dict(Interview, document) == by_instant
    assert type(from_dict(Interview, document).decision_expected_by) is (
        pendulum.DateTime
    )
    by_date = from_json(Interview, SMALL_INTERVIEW_JSON).decision_expected_by
    assert type(by_date) is pendulum.Date


def test_none_is_left_out_and_everything_else_written() -> None:
    notes = InterviewNotes(written_at=LONDON_END)
    assert to_dict(notes) == {
        "schema_version": 4,
        "written_at": "2026-11-20T15:30:00+00:00[Europe/London]",
        "questions": [],
        "role_insights": [],
        "own_questions": [],
        "forgot_to_mention": [],
        "preparation_gaps": [],
        "highlights": [],
    }
    assert next(iter(to_dict(notes))) == "schema_version"


def test_missing_defaults_and_explicit_nulls_are_read() -> None:
    document = {"schema_version": 4, "name": "Priya Shah", "email": None}
    assert from_dict(Person, document) == Person(name="Priya Shah")


def test_enums_by_name_and_decimals_as_exact_strings() -> None:
    salary = SalaryRange(
        low=Decimal("1E+3"), high=Decimal("1000.00"), currency="EUR", period=Period.HOUR
    )
    document = to_dict(salary)
    assert document == {
        "schema_version": 4,
        "low": "1E+3",
        "high": "1000.00",
        "currency": "EUR",
        "period": "HOUR",
    }
    back = from_dict(SalaryRange, document)
    assert str(back.low) == "1E+3"
    assert str(back.high) == "1000.00"


def test_notes_with_everything_round_trip() -> None:
    ann = Person(name="Ann Lee", title="Head of Data")
    notes = InterviewNotes(
        written_at=LONDON_END.add(minutes=20),
        questions=(
            QuestionAsked(
                text="Tell me about a failure.",
                asked_by=ann,
                answer_notes="Went well\n\tbut long",
                answered_well=True,
            ),
        ),
        role_insights=(
            RoleInsight(by=ann, key_aspects=("on call",), skills_sought=("Kafka",)),
        ),
        own_questions=(OwnQuestion(text="How is success measured?", helped=False),),
        forgot_to_mention=("the Spark migration",),
        preparation_gaps=("CDC tooling",),
        money_discussed="Top of the band is negotiable.",
        highlights=(Highlight(interviewer=ann, point="the streaming design"),),
    )
    document = to_dict(notes)
    assert document["questions"][0]["asked_by"] == {
        "name": "Ann Lee",
        "title": "Head of Data",
    }
    assert document["own_questions"] == [
        {"text": "How is success measured?", "helped": False}
    ]
    assert from_json(InterviewNotes, to_json(notes)) == notes


def test_every_enum_member_round_trips() -> None:
    agency = Person(name="Sam Hill", email="sam@agency.example")
    for format_ in Format:
        for channel in Channel:
            interview = attrs.evolve(
                small_interview(),
                format=format_,
                preferred_channel=channel,
                run_by=RunBy.AGENCY,
                agency_contact=agency,
            )
            assert from_json(Interview, to_json(interview)) == interview


def test_only_records_are_accepted() -> None:
    # Said to whoever called: what they gave, and the records there are.
    with pytest.raises(TypeError) as caught:
        to_dict(LONDON_END)
    names = ", ".join(sorted(cls.__name__ for cls in (*RECORDS, Draft)))
    assert str(caught.value) == (
        f"DateTime is not a record that postinterview writes or reads; "
        f"the records are {names}"
    )
    with pytest.raises(TypeError, match=r"^History is not a record .*Interview"):
        from_dict(History, {"schema_version": 4})
    with pytest.raises(TypeError, match=r"^expected a record class, .* got a str$"):
        from_dict("Person", {"schema_version": 4})  # type: ignore[call-overload]


# --- a later record: a union of events, plugged in by registration -------------


@attrs.frozen(kw_only=True)
class Sent:
    at: pendulum.DateTime
    to: Person


@attrs.frozen(kw_only=True)
class Rejected:
    at: pendulum.DateTime
    reason: str | None = None


@attrs.frozen(kw_only=True)
class History:
    events: tuple[Sent | Rejected, ...] = ()
    last: Sent | Rejected | None = None


@attrs.frozen(kw_only=True)
class Topic:
    title: str
    subtopics: tuple[Topic, ...] = ()


@attrs.frozen(kw_only=True)
class Defaults:
    name: str
    tags: tuple[str, ...] = attrs.field(factory=tuple)
    size: int = attrs.field(
        default=attrs.Factory(lambda self: len(self.name), takes_self=True)
    )
    seen: pendulum.DateTime = attrs.field(
        default=LONDON_END, converter=lambda value: value
    )


@attrs.frozen(kw_only=True)
class Unsupported:
    names: list[str]


@attrs.frozen(kw_only=True)
class Clashing:
    type: str


Register = Callable[..., None]


@pytest.fixture
def register(monkeypatch: pytest.MonkeyPatch) -> Register:
    """Return a function that lists more classes in RECORDS for one test."""
    monkeypatch.setattr(_plans, "_PLANS", {})

    def add(*classes: type) -> None:
        monkeypatch.setattr(_documents, "RECORDS", (*RECORDS, *classes))

    return add


def test_a_union_of_records_is_tagged_by_class_name(register: Register) -> None:
    register(History)  # the one line a new record needs; Sent and Rejected come too
    sent = Sent(at=LONDON_END, to=PRIYA)
    rejected = Rejected(at=LONDON_END.add(days=3))
    history = History(events=(sent, rejected), last=rejected)
    document = to_dict(history)
    assert document == {
        "schema_version": 4,
        "events": [
            {
                "type": "Sent",
                "at": "2026-11-20T15:30:00+00:00[Europe/London]",
                "to": {
                    "name": "Priya Shah",
                    "email": "priya@acme.example",
                    "timezone": "Europe/London",
                },
            },
            {"type": "Rejected", "at": "2026-11-23T15:30:00+00:00[Europe/London]"},
        ],
        "last": {"type": "Rejected", "at": "2026-11-23T15:30:00+00:00[Europe/London]"},
    }
    assert from_json(History, to_json(history)) == history
    # A member on its own is a document like any other, without a tag.
    assert to_dict(rejected) == {
        "schema_version": 4,
        "at": "2026-11-23T15:30:00+00:00[Europe/London]",
    }
    assert from_dict(Rejected, to_dict(rejected)) == rejected


@pytest.mark.parametrize(
    ("event", "path", "expected"),
    [
        (
            {"at": "2026-11-20T15:30:00+00:00[UTC]"},
            "events[0].type",
            "expected the name of one of Sent, Rejected, "
            "got nothing (the key is missing)",
        ),
        ({"type": "Offer"}, "events[0].type", "one of Sent, Rejected, got 'Offer'"),
        ({"type": "Rejected"}, "events[0].at", "Rejected requires at"),
        ({"type": "Rejected", "at": "x", "to": {}}, "events[0].at", "RFC 9557"),
        ("Sent", "events[0]", "a JSON object (one of Sent, Rejected), got 'Sent'"),
        (
            {"type": "Rejected", "at": "2026-11-20T15:30:00+00:00[UTC]", "to": {}},
            "events[0].to",
            "a field of Rejected (at, reason), got 'to'",
        ),
    ],
)
def test_union_errors_name_the_path(
    register: Register, event: object, path: str, expected: str
) -> None:
    register(History)
    with pytest.raises(SchemaError) as caught:
        from_dict(History, {"schema_version": 4, "events": [event]})
    assert caught.value.path == path
    assert expected in str(caught.value)


def test_a_record_may_contain_itself(register: Register) -> None:
    register(Topic)
    topic = Topic(
        title="a", subtopics=(Topic(title="b", subtopics=(Topic(title="c"),)),)
    )
    assert to_dict(topic) == {
        "schema_version": 4,
        "title": "a",
        "subtopics": [{"title": "b", "subtopics": [{"title": "c", "subtopics": []}]}],
    }
    assert from_json(Topic, to_json(topic)) == topic
    deep: dict[str, Any] = {"title": "leaf"}
    for _ in range(100_000):
        deep = {"title": "t", "subtopics": [deep]}
    with pytest.raises(SchemaError) as caught:
        from_dict(Topic, {"schema_version": 4, **deep})
    assert caught.value.path == ""
    assert str(caught.value) == (
        "<document>: expected a document nested less deeply, "
        "got 'a dict nested too deeply to show'"
    )


def test_an_instant_reaches_the_class_as_its_annotation_says(
    register: Register,
) -> None:
    # Sent has no converter: it gets a pendulum value, as the annotation says.
    register(History)
    history = from_json(History, to_json(History(last=Rejected(at=LONDON_END))))
    assert type(history.last.at) is pendulum.DateTime  # type: ignore[union-attr]
    # A record's own converter gets the aware stdlib datetime to convert;
    # this one keeps what it is given.
    register(Defaults)
    at = to_dict(Rejected(at=LONDON_END))["at"]
    text = f'{{"schema_version": 1, "name": "a", "seen": "{at}"}}'
    seen = from_json(Defaults, text).seen
    assert type(seen) is dt.datetime
    assert seen == LONDON_END
    assert seen.tzinfo is pendulum.timezone("Europe/London")


def test_a_missing_key_gets_the_default_the_class_would_give(
    register: Register,
) -> None:
    register(Defaults)
    assert from_dict(Defaults, {"schema_version": 1, "name": "four"}) == Defaults(
        name="four", tags=(), size=4, seen=LONDON_END
    )
    document = {"schema_version": 1, "name": "four", "tags": ["a"], "size": 9}
    assert from_dict(Defaults, document) == Defaults(name="four", tags=("a",), size=9)
    with pytest.raises(SchemaError) as caught:
        from_dict(Defaults, {**document, "tags": ["a", "b", 3, "d"]})
    assert caught.value.path == "tags[2]"


def test_unsupported_annotations_and_reserved_keys_are_refused(
    register: Register,
) -> None:
    register(Unsupported)
    with pytest.raises(TypeError, match=r"Unsupported\.names.*list\[str\]"):
        to_dict(Unsupported(names=[]))
    register(Clashing)
    with pytest.raises(TypeError, match="'type' is reserved"):
        to_dict(Clashing(type="x"))


# --- every way a document can be wrong ------------------------------------------

Mutation = Callable[[dict[str, Any]], object]


def _set(path: tuple[str | int, ...], value: object) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _drop(path: tuple[str | int, ...]) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


def _instant(text: str) -> Mutation:
    return _set(("starts_at",), text)


BAD_DOCUMENTS: list[tuple[str, Mutation, str, str]] = [
    # (test id, mutation, path, words the message must contain)
    ("unknown field", _set(("colour",), "red"), "colour", "a field of Interview"),
    (
        "unknown nested field",
        _set(("interviewers", 0, "emial"), "x"),
        "interviewers[0].emial",
        "a field of Person (name, email, phone, title, timezone, given_name, "
        "family_name, honorific, salutation, country, subdivision, locale), "
        "got 'emial'",
    ),
    ("missing field", _drop(("role",)), "role", "Interview requires role"),
    (
        "missing nested field",
        _drop(("advertised_salary", "currency")),
        "advertised_salary.currency",
        "SalaryRange requires currency",
    ),
    ("null where required", _set(("role",), None), "role", "a string, got None"),
    ("number for string", _set(("role",), 7), "role", "a string, got 7"),
    (
        "string for bool",
        _set(("references_may_be_contacted",), "true"),
        "references_may_be_contacted",
        "true or false, got 'true'",
    ),
    ("bool for int", _set(("round",), True), "round", "an integer, got True"),
    ("float for int", _set(("round",), 1.0), "round", "an integer, got 1.0"),
    ("object for array", _set(("interviewers",), {}), "interviewers", "JSON array"),
    (
        "array for object",
        _set(("interviewers", 0), []),
        "interviewers[0]",
        "a JSON object (Person), got []",
    ),
    ("enum value", _set(("format",), "in person"), "format", "IN_PERSON, VIDEO"),
    ("enum lower case", _set(("run_by",), "agency"), "run_by", "a RunBy"),
]
# Decimals are read from strings only, in the form str(Decimal) writes.
BAD_DECIMALS: list[object] = [
    42000,
    42000.5,
    " 42000",
    "NaN",
    "Infinity",
    "1_000",
    "+5",
    "5.",
    "1E+99999999999999999999",
]
BAD_DOCUMENTS += [
    (
        f"decimal {value!r}",
        _set(("advertised_salary", "low"), value),
        "advertised_salary.low",
        "a decimal number written as a string, such as '42000.50'",
    )
    for value in BAD_DECIMALS
]
BAD_DOCUMENTS += [
    (
        "no such date",
        _set(("closing_date",), "2026-02-30"),
        "closing_date",
        "'2026-11-27'",
    ),
    (
        "date with slashes",
        _set(("closing_date",), "2026/11/27"),
        "closing_date",
        "ISO 8601",
    ),
    (
        "instant for date",
        _set(("closing_date",), "2026-11-27T00:00:00+00:00[UTC]"),
        "closing_date",
        "ISO 8601",
    ),
    (
        "number for deadline",
        _set(("decision_expected_by",), 20261127),
        "decision_expected_by",
        "an ISO 8601 date such as '2026-11-27', or an RFC 9557 instant",
    ),
    (
        "bad deadline date",
        _set(("decision_expected_by",), "2026-13-01"),
        "decision_expected_by",
        "ISO 8601",
    ),
    (
        "bad deadline instant",
        _set(("decision_expected_by",), "2026-12-01T09:00"),
        "decision_expected_by",
        "RFC 9557",
    ),
]
MALFORMED_INSTANTS = [
    "2026-11-20T14:30:00+00:00",
    "2026-11-20T14:30:00[UTC]",
    "2026-11-20T14:30:00+00:00[UTC][UTC]",
    "2026-11-20T14:30:00+00:00[UTC][u-ca=iso8601]",
    "2026-11-20 14:30:00+00:00[UTC]",
    "2026-11-20t14:30:00+00:00[UTC]",
    "2026-11-20T14:30+00:00[UTC]",
    "2026-11-20T14:30:00.+00:00[UTC]",
    "2026-11-20T14:30:00.1234567+00:00[UTC]",
    "2026-11-20T14:30:00+0000[UTC]",
    "2026-11-20T14:30:00+24:00[UTC]",
    "2026-11-20T14:30:00+00:60[UTC]",
    "2026-11-20T14:30:00+01:00[+01:00]",
    "2026-11-20T14:30:00+00:00[]",
    "\u0662\u0660\u0662\u0666-11-20T14:30:00+00:00[UTC]",
    " 2026-11-20T14:30:00+00:00[UTC]",
]
BAD_DOCUMENTS += [
    (
        f"malformed {text!r}",
        _set(("starts_at",), text.encode().decode("unicode_escape")),
        "starts_at",
        "RFC 9557",
    )
    for text in MALFORMED_INSTANTS
]
BAD_INSTANTS = [
    (
        "2026-02-29T14:30:00+00:00[UTC]",
        "a date and time that exist (day is out of range",
    ),
    ("2026-11-20T24:00:00+00:00[UTC]", "a date and time that exist (hour must be in"),
    (
        "2026-11-20T14:30:00+00:00[Europe/Lundon]",
        "a known IANA time zone name in the brackets, not 'Europe/Lundon'",
    ),
    ("2026-11-20T14:30:00+00:00[europe/london]", "not 'europe/london'"),
    ("2026-11-20T14:30:00+00:00[../etc/passwd]", "not '../etc/passwd'"),
    ("2026-11-20T14:30:00+00:00[localtime]", "not 'localtime'"),
    (
        "2026-11-20T14:30:00+01:00[Europe/London]",
        "the offset Europe/London has at 2026-11-20T14:30:00 (+00:00)",
    ),
    (
        "2026-11-01T01:30:00-06:00[America/New_York]",
        "the offset America/New_York has at 2026-11-01T01:30:00 (-04:00 or -05:00)",
    ),
    (
        "2026-03-29T01:30:00+00:00[Europe/London]",
        "a local time that exists in Europe/London "
        "(2026-03-29T01:30:00 is skipped by a clock change)",
    ),
    (
        "0001-01-01T00:00:00+01:00[Europe/Paris]",
        "an instant from 1900-01-01T00:00Z up to (not including) 2200-01-01T00:00Z",
    ),
    (
        "2200-01-01T00:00:00+00:00[UTC]",
        "an instant from 1900-01-01T00:00Z up to (not including) 2200-01-01T00:00Z",
    ),
]
BAD_DOCUMENTS += [
    (f"instant {text!r}", _set(("starts_at",), text), "starts_at", words)
    for text, words in BAD_INSTANTS
]
BAD_DOCUMENTS += [
    (
        "no schema version",
        _drop(("schema_version",)),
        "schema_version",
        "expected a schema version this release reads (1, 2, 3, 4), "
        "got nothing (the key is missing)",
    ),
    ("schema version 5", _set(("schema_version",), 5), "schema_version", "got 5"),
    (
        "schema version text",
        _set(("schema_version",), "1"),
        "schema_version",
        "got '1'",
    ),
    (
        "schema version bool",
        _set(("schema_version",), True),
        "schema_version",
        "got True",
    ),
    # ValidationErrors from the records' constructors, with the path prefixed.
    (
        "bad email",
        _set(("interviewers", 0, "email"), "priya"),
        "interviewers[0].email",
        "one email address",
    ),
    (
        "same interviewer twice",
        lambda d: d["interviewers"].append(dict(d["interviewers"][0])),
        "interviewers[1]",
        "each interviewer listed once",
    ),
    (
        "salary upside down",
        _set(("advertised_salary", "high"), "1"),
        "advertised_salary.high",
        "at least low (42000.50)",
    ),
    (
        "ends before it starts",
        _set(("ends_at",), "2026-11-20T14:00:00+00:00[Europe/London]"),
        "ends_at",
        "an instant after starts_at",
    ),
    (
        "agency without contact",
        _set(("run_by",), "AGENCY"),
        "agency_contact",
        "a Person",
    ),
    ("round zero", _set(("round",), 0), "round", "an integer of at least 1"),
    ("blank role", _set(("role",), "  "), "role", "a non-blank string"),
]


@pytest.mark.parametrize(
    ("mutate", "path", "words"),
    [pytest.param(m, p, w, id=name) for name, m, p, w in BAD_DOCUMENTS],
)
def test_bad_documents_are_refused_with_the_path(
    mutate: Mutation, path: str, words: str
) -> None:
    document = to_dict(small_interview())
    mutate(document)
    with pytest.raises(SchemaError) as caught:
        from_dict(Interview, document)
    error = caught.value
    assert error.path == path
    assert words in str(error)
    assert str(error).startswith(f"{error.path}: expected ")
    # The same document as JSON text fails in the same way.
    with pytest.raises(SchemaError) as again:
        from_json(Interview, json.dumps(document))
    assert (again.value.path, str(again.value)) == (error.path, str(error))


def test_nested_paths_reach_deep_fields() -> None:
    document = {
        "schema_version": 4,
        "written_at": "2026-11-20T15:30:00+00:00[Europe/London]",
        "questions": [
            {"text": "Why us?"},
            {"text": "Why now?", "asked_by": {"name": "Ann", "email": "ann"}},
        ],
    }
    with pytest.raises(SchemaError) as caught:
        from_dict(InterviewNotes, document)
    assert caught.value.path == "questions[1].asked_by.email"
    assert caught.value.value == "ann"

    document["questions"] = []
    document["forgot_to_mention"] = ["fine", "bad\x00text"]
    with pytest.raises(SchemaError) as caught:
        from_dict(InterviewNotes, document)
    assert caught.value.path == "forgot_to_mention[1]"
    assert "without control characters" in str(caught.value)


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ([], "a JSON object (Interview), got []"),
        (None, "a JSON object (Interview), got None"),
        ("{}", "a JSON object (Interview), got '{}'"),
    ],
)
def test_a_document_that_is_not_an_object(document: object, words: str) -> None:
    with pytest.raises(SchemaError) as caught:
        from_dict(Interview, document)
    assert caught.value.path == ""
    assert str(caught.value) == f"<document>: expected {words}"


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [
        ("", "", "JSON text (Expecting value"),
        ("{'a': 1}", "", "enclosed in double quotes"),
        ('{"schema_version": 4} []', "", "Extra data"),
        ("[" * 100_000 + "]" * 100_000, "", "recursion"),
        (b"\xff\xfe\xfd", "", "JSON text"),
        ('{"schema_version": NaN}', "", "NaN and Infinity are not part of JSON"),
        ('{"schema_version": 4, "x": -Infinity}', "", "got '-Infinity'"),
        ('{"schema_version": 4, "schema_version": 4}', "schema_version", "once"),
        (
            '{"schema_version": 4, "name": "A", "name": "B"}',
            "name",
            "each key once per object (Person repeats it), got 'name'",
        ),
        ('{"schema_version": 3e400}', "schema_version", "got inf"),
        # Too long to read: refused where it stands, never turned into an int.
        (
            '{"schema_version": 4, "name": ' + "1" * 5000 + "}",
            "name",
            "<integer of 5,000 digits>",
        ),
    ],
)
def test_bad_json_text(text: str | bytes, path: str, words: str) -> None:
    with pytest.raises(SchemaError) as caught:
        from_json(Person, text)
    assert caught.value.path == path
    assert words in str(caught.value)


def test_a_repeated_key_deep_inside_is_located() -> None:
    text = SMALL_INTERVIEW_JSON.replace(
        '"currency": "GBP",', '"currency": "GBP", "currency": "EUR",'
    )
    with pytest.raises(SchemaError) as caught:
        from_json(Interview, text)
    assert caught.value.path == "advertised_salary.currency"
    assert "SalaryRange repeats it" in str(caught.value)


def test_from_json_refuses_what_is_not_text() -> None:
    with pytest.raises(SchemaError) as caught:
        from_json(Person, 42)  # type: ignore[arg-type]
    assert caught.value.path == ""
    assert "must be str, bytes or bytearray" in str(caught.value)


# --- properties ------------------------------------------------------------------


def test_every_record_has_a_strategy_here() -> None:
    records = {cls.__name__ for cls in (*RECORDS, Draft)}
    assert set(RECORD_STRATEGIES) == records


def assert_identical(original: object, copy_: object, path: str = "") -> None:
    """Assert what == cannot see: zones, offsets, and Decimal spellings."""
    assert type(copy_) is type(original), path
    cls = type(original)
    if attrs.has(cls):
        if "__attrs_init__" in vars(cls):  # its own constructor names its fields
            names = list(inspect.signature(cls).parameters)
        else:
            names = [field.name for field in attrs.fields(cls) if field.eq]
        for name in names:
            assert_identical(
                getattr(original, name), getattr(copy_, name), f"{path}.{name}"
            )
    elif isinstance(original, tuple):
        assert isinstance(copy_, tuple)
        assert len(copy_) == len(original), path
        for index, (a, b) in enumerate(zip(original, copy_, strict=True)):
            assert_identical(a, b, f"{path}[{index}]")
    elif isinstance(original, pendulum.DateTime):
        assert isinstance(copy_, pendulum.DateTime)
        assert copy_.timezone_name == original.timezone_name, path
        assert copy_.utcoffset() == original.utcoffset(), path
        assert copy_.naive() == original.naive(), path
    elif isinstance(original, Decimal):
        assert str(copy_) == str(original), path
    else:
        assert copy_ == original, path


def assert_plain_json(value: object) -> None:
    """Assert that *value* holds only dicts, lists, strings, ints and bools."""
    if isinstance(value, dict):
        assert all(type(key) is str for key in value)
        for item in value.values():
            assert_plain_json(item)
    elif isinstance(value, list):
        for item in value:
            assert_plain_json(item)
    else:
        # No None either: every nullable field defaults to None, so TOML can
        # hold every document.
        assert type(value) in (str, int, bool), value


@given(any_record())
def test_every_record_survives_a_json_round_trip(record: Any) -> None:
    cls = type(record)
    text = to_json(record)
    back = from_json(cls, text)
    assert back == record
    assert_identical(record, back)
    document = to_dict(record)
    assert_plain_json(document)
    assert next(iter(document)) == "schema_version"
    assert_identical(record, from_dict(cls, document))
    assert to_json(back, indent=2) == to_json(record, indent=2)


@given(strategies.aware_datetimes())
def test_every_instant_keeps_its_zone_and_offset(instant: pendulum.DateTime) -> None:
    notes = InterviewNotes(written_at=instant)
    back = from_json(InterviewNotes, to_json(notes)).written_at
    assert back.timezone_name == instant.timezone_name
    assert back.utcoffset() == instant.utcoffset()
    assert back.naive() == instant.naive()


def only_schema_errors(read: Callable[[], object]) -> object:
    """Call *read*; let nothing but a SchemaError with a usable message out."""
    try:
        return read()
    except SchemaError as caught:
        error = caught
    assert isinstance(error.path, str)
    assert str(error).startswith(f"{error.path or '<document>'}: expected ")
    return None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)
FIELD_NAMES = sorted(
    {"schema_version", "type"}
    | {field.name for cls in RECORDS for field in attrs.fields(cls)}
)
plausible_objects = st.dictionaries(
    st.sampled_from(FIELD_NAMES) | st.text(max_size=3),
    json_values | st.just(1) | st.sampled_from(["IN_PERSON", "2026-11-27"]),
)


@given(st.sampled_from(RECORDS), json_values | plausible_objects)
def test_arbitrary_data_raises_only_schema_errors(cls: type, data: object) -> None:
    only_schema_errors(lambda: from_dict(cls, data))
    only_schema_errors(lambda: from_json(cls, json.dumps(data)))


@given(
    st.sampled_from(RECORDS),
    st.text() | st.text(alphabet='{}[]":, 0123456789.eE-+truefalsnNaI\\u'),
)
def test_arbitrary_text_raises_only_schema_errors(cls: type, text: str) -> None:
    only_schema_errors(lambda: from_json(cls, text))


def _locations(value: object) -> list[tuple[Any, Any]]:
    """Return (container, key) for every value inside a JSON document."""
    found: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((value, key))
            found.extend(_locations(item))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index))
            found.extend(_locations(item))
    return found


@given(any_record(), st.data())
def test_mutated_documents_raise_only_schema_errors(
    record: Any, data: st.DataObject
) -> None:
    cls = type(record)
    document = copy.deepcopy(to_dict(record))
    container, key = data.draw(st.sampled_from(_locations(document)))
    action = data.draw(st.sampled_from(["drop", "replace", "add"]))
    if action == "drop":
        del container[key]
    elif action == "replace":
        container[key] = data.draw(json_values)
    elif isinstance(container, dict):
        container[data.draw(st.text(max_size=5))] = data.draw(json_values)
    else:
        container.insert(key, data.draw(json_values))
    for read in (
        lambda: from_dict(cls, document),
        lambda: from_json(cls, json.dumps(document)),
    ):
        result = only_schema_errors(read)
        if result is not None:
            assert type(result) is cls
            assert from_json(cls, to_json(result)) == result


# Versions: this release writes version 4 and reads 1, 2, 3 and 4.


_GREETING_FIELDS = ("given_name", "family_name", "honorific", "salutation")
_PLACE_FIELDS = ("country", "subdivision", "locale")


def _without(person: Person | None, fields: tuple[str, ...]) -> Person | None:
    return None if person is None else attrs.evolve(person, **dict.fromkeys(fields))


def _plain(record: Person | Interview, fields: tuple[str, ...]) -> Person | Interview:
    """*record* without the optional fields that later versions added."""
    if isinstance(record, Person):
        plain = _without(record, fields)
        assert plain is not None
        return plain
    return attrs.evolve(
        record,
        interviewers=[_without(p, fields) for p in record.interviewers],
        agency_contact=_without(record.agency_contact, fields),
        **({"locale": None} if "locale" in fields else {}),
    )


@given(record=st.one_of(st.from_type(Person), st.from_type(Interview)))
def test_a_version_1_document_reads_as_the_record_it_stands_for(
    record: Person | Interview,
) -> None:
    # Versions 2 to 4 only added optional fields, so a record without them
    # is written the same way in every version, apart from the version itself.
    plain = _plain(record, _GREETING_FIELDS + _PLACE_FIELDS)
    document = to_dict(plain)
    assert document["schema_version"] == SCHEMA_VERSION == 4
    document["schema_version"] = 1
    assert from_dict(type(plain), document) == plain
    assert from_json(type(plain), json.dumps(document)) == plain


@given(record=st.one_of(st.from_type(Person), st.from_type(Interview)))
def test_a_version_2_document_reads_as_the_record_it_stands_for(
    record: Person | Interview,
) -> None:
    # Version 3 added where a person is and the languages: a version-2
    # document, greetings and all, reads as the same record.
    plain = _plain(record, _PLACE_FIELDS)
    document = to_dict(plain)
    document["schema_version"] = 2
    assert from_dict(type(plain), document) == plain
    assert from_json(type(plain), json.dumps(document)) == plain
    assert to_dict(from_dict(type(plain), document)) == {
        **document,
        "schema_version": 4,
    }


def test_a_version_2_document_written_by_the_last_release() -> None:
    # As the release before this one wrote it, byte for byte.
    text = (
        '{"schema_version":2,"name":"Helen Marsh","email":"helen@acme.example",'
        '"timezone":"America/New_York","family_name":"Marsh","honorific":"Dr"}'
    )
    person = from_json(Person, text)
    assert person == Person(
        name="Helen Marsh",
        email="helen@acme.example",
        timezone="America/New_York",
        honorific="Dr",
        family_name="Marsh",
    )
    assert person.country is person.subdivision is person.locale is None
    assert to_json(person) == text.replace('"schema_version":2', '"schema_version":4')


def replied(decision: pendulum.Date | pendulum.DateTime | None) -> Application:
    """An application with a check-in, then a reply giving *decision*."""
    end = pendulum.datetime(2026, 10, 26, 15, 30, tz="America/New_York")
    sam = Person(name="Sam Reyes", timezone="America/New_York")
    interview = Interview(
        organisation="Acme Inc",
        role="Analyst",
        starts_at=end.subtract(hours=1),
        ends_at=end,
        interviewers=(sam,),
    )
    # 01:30 comes twice in New York on 1 November 2026: this is the first.
    at = pendulum.datetime(2026, 11, 1, 1, 30, tz="America/New_York", fold=0)
    return Application(
        interviews=(interview,),
        events=(
            CheckInSent(at=at.subtract(days=2), to=sam),
            ReplyReceived(at=at, note="Still deciding", decision_expected_by=decision),
        ),
    )


def test_a_version_3_document_reads_as_the_record_it_stands_for() -> None:
    # Version 4 added the decision date a reply may give: a version-3
    # document, whose replies have none, reads as the same application.
    application = replied(None)
    document = to_dict(application)
    document["schema_version"] = 3
    assert from_dict(Application, document) == application
    assert from_json(Application, json.dumps(document)) == application
    assert to_dict(from_dict(Application, document)) == {
        **document,
        "schema_version": 4,
    }


# The later of the two 01:15s of the fall-back night, 45 minutes after the reply.
FALL_BACK_DECISION = pendulum.datetime(
    2026, 11, 1, 1, 15, tz="America/New_York", fold=1
)


@pytest.mark.parametrize(
    ("decision", "written"),
    [
        (pendulum.date(2026, 11, 6), "2026-11-06"),
        (FALL_BACK_DECISION, "2026-11-01T01:15:00-05:00[America/New_York]"),
    ],
)
def test_a_replys_decision_date_is_written_and_read_back(
    decision: pendulum.Date | pendulum.DateTime, written: str
) -> None:
    application = replied(decision)
    reply = to_dict(application)["events"][-1]
    assert reply == {
        "type": "ReplyReceived",
        "at": "2026-11-01T01:30:00-04:00[America/New_York]",
        "note": "Still deciding",
        "decision_expected_by": written,
    }
    for back in (
        from_json(Application, to_json(application)),
        from_dict(Application, tomllib.loads(to_toml(application))),
        *(
            pickle.loads(pickle.dumps(application, protocol))  # noqa: S301 - our own
            for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1)
        ),
        copy.deepcopy(application),
    ):
        assert back == application
        read = back.events[-1]
        assert isinstance(read, ReplyReceived)
        assert type(read.decision_expected_by) is type(decision)
        if isinstance(decision, pendulum.DateTime):
            assert isinstance(read.decision_expected_by, pendulum.DateTime)
            assert read.decision_expected_by.utcoffset() == dt.timedelta(hours=-5)
            assert read.decision_expected_by.fold == 1
            assert read.decision_expected_by.timezone_name == "America/New_York"


def test_a_replys_decision_date_is_in_the_schema() -> None:
    reply = json_schema(Application)["$defs"]["ReplyReceived"]
    assert reply["properties"]["decision_expected_by"] == {
        "anyOf": [
            {"anyOf": [{"$ref": "#/$defs/instant"}, {"$ref": "#/$defs/date"}]},
            {"type": "null"},
        ]
    }
    assert reply["required"] == ["at"]


def test_reading_an_old_document_leaves_the_callers_dict_alone() -> None:
    for version in (1, 2, 3):
        document = {"schema_version": version, "name": "Priya Shah"}
        assert from_dict(Person, document) == Person(name="Priya Shah")
        assert document == {"schema_version": version, "name": "Priya Shah"}


@pytest.mark.parametrize("version", [0, -1, 5, 99, True, 1.0, "2", "4", None])
def test_an_unknown_version_is_refused_with_the_versions_read(version: object) -> None:
    with pytest.raises(SchemaError) as caught:
        from_dict(Person, {"schema_version": version, "name": "Priya Shah"})
    assert caught.value.path == "schema_version"
    assert "a schema version this release reads (1, 2, 3, 4)" in str(caught.value)


def test_the_greeting_fields_are_written_and_read_back() -> None:
    marsh = Person(
        name="Helen Marsh",
        given_name="Helen",
        family_name="Marsh",
        honorific="Dr",
        salutation="Helen",
    )
    document = to_dict(marsh)
    assert list(document)[-4:] == [
        "given_name",
        "family_name",
        "honorific",
        "salutation",
    ]
    assert from_json(Person, to_json(marsh)) == marsh
