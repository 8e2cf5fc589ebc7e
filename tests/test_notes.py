"""Tests for postinterview.notes: what the candidate writes down after the interview."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import attrs
import attrs.exceptions
import pendulum
import pytest

from postinterview import (
    Highlight,
    InterviewNotes,
    NaiveDatetimeError,
    OwnQuestion,
    Person,
    QuestionAsked,
    RoleInsight,
    ValidationError,
)

WRITTEN = pendulum.datetime(2026, 11, 20, 15, 45, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
SAM = Person(name="Sam Jones")
MULTI_LINE = "First they asked about the pipeline.\n\tThen about costs.\r\nDone."

# Characters that multi-line text still refuses: everything of the control
# kind except tab, line feed and carriage return.
TEXT_REFUSES = {
    "NUL": "\x00",
    "BEL": "\x07",
    "BS": "\x08",
    "VT": "\x0b",
    "FF": "\x0c",
    "ESC": "\x1b",
    "DEL": "\x7f",
    "C1": "\x9b",
}


def notes(**changes: Any) -> InterviewNotes:
    fields: dict[str, Any] = {"written_at": WRITTEN}
    fields.update(changes)
    return InterviewNotes(**fields)


# --- QuestionAsked -----------------------------------------------------------


def test_question_keeps_multi_line_text_and_strips_its_ends() -> None:
    question = QuestionAsked(text=f"  {MULTI_LINE}\n\n", answer_notes=f" {MULTI_LINE} ")
    assert question.text == MULTI_LINE
    assert question.answer_notes == MULTI_LINE


def test_question_defaults() -> None:
    question = QuestionAsked(text="Why this role?")
    assert question.asked_by is None
    assert question.answer_notes is None
    assert question.answered_well is None


@pytest.mark.parametrize("char", TEXT_REFUSES.values(), ids=TEXT_REFUSES.keys())
@pytest.mark.parametrize("field", ["text", "answer_notes"])
def test_question_text_refuses_control_characters(field: str, char: str) -> None:
    fields = {"text": "Why this role?", field: f"Why{char} this role?"}
    with pytest.raises(ValidationError) as info:
        QuestionAsked(**fields)
    assert info.value.field == field
    assert "control characters" in str(info.value)


@pytest.mark.parametrize("text", ["", " \n\t ", None, 3], ids=repr)
def test_question_text_must_be_non_blank_text(text: object) -> None:
    with pytest.raises(ValidationError) as info:
        QuestionAsked(text=text)  # type: ignore[arg-type]
    assert info.value.field == "text"


def test_question_answer_notes_when_given_must_not_be_blank() -> None:
    with pytest.raises(ValidationError) as info:
        QuestionAsked(text="Why this role?", answer_notes="   ")
    assert info.value.field == "answer_notes"


def test_question_asked_by_must_be_a_person() -> None:
    assert QuestionAsked(text="Why?", asked_by=PRIYA).asked_by == PRIYA
    with pytest.raises(ValidationError) as info:
        QuestionAsked(text="Why?", asked_by="Priya Shah")
    assert info.value.field == "asked_by"
    assert "Person" in str(info.value)


@pytest.mark.parametrize("value", [True, False, None])
def test_question_answered_well_takes_a_bool_or_none(value: bool | None) -> None:
    assert QuestionAsked(text="Why?", answered_well=value).answered_well is value


@pytest.mark.parametrize("value", [1, 0, "yes", "False"], ids=repr)
def test_question_answered_well_refuses_truthy_stand_ins(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        QuestionAsked(text="Why?", answered_well=value)
    assert info.value.field == "answered_well"


# --- RoleInsight ---------------------------------------------------------------


def test_role_insight_turns_lists_into_stripped_tuples() -> None:
    insight = RoleInsight(
        by=PRIYA,
        key_aspects=[" owning the ingestion pipeline ", "on-call\none week in six"],
        skills_sought=(" Kafka", "SQL "),
    )
    assert insight.key_aspects == (
        "owning the ingestion pipeline",
        "on-call\none week in six",
    )
    assert insight.skills_sought == ("Kafka", "SQL")
    assert type(insight.key_aspects) is tuple
    assert type(insight.skills_sought) is tuple


def test_role_insight_defaults_to_empty_tuples() -> None:
    insight = RoleInsight(by=SAM)
    assert insight.key_aspects == ()
    assert insight.skills_sought == ()


def test_role_insight_needs_a_person() -> None:
    with pytest.raises(ValidationError) as info:
        RoleInsight(by="Priya Shah")
    assert info.value.field == "by"


@pytest.mark.parametrize("field", ["key_aspects", "skills_sought"])
def test_role_insight_refuses_a_bare_string(field: str) -> None:
    # A string is iterable, but splitting it into characters would be wrong.
    with pytest.raises(ValidationError) as info:
        RoleInsight(by=PRIYA, **{field: "Kafka"})
    assert info.value.field == field
    assert "tuple of str" in str(info.value)


@pytest.mark.parametrize(
    ("item", "why"),
    [("   ", "non-blank"), (7, "str"), ("Kafka\x00", "control characters")],
    ids=["blank", "not-a-string", "control-character"],
)
@pytest.mark.parametrize("field", ["key_aspects", "skills_sought"])
def test_role_insight_names_the_bad_item(field: str, item: object, why: str) -> None:
    with pytest.raises(ValidationError) as info:
        RoleInsight(by=PRIYA, **{field: ["SQL", item]})
    assert info.value.field == f"{field}[1]"
    assert why in str(info.value)


# --- OwnQuestion -------------------------------------------------------------


def test_own_question_keeps_text_and_helped() -> None:
    question = OwnQuestion(
        text=" What does success look like\nin six months? ", helped=True
    )
    assert question.text == "What does success look like\nin six months?"
    assert question.helped is True
    assert OwnQuestion(text="Team size?").helped is None


def test_own_question_refuses_bad_values() -> None:
    with pytest.raises(ValidationError) as info:
        OwnQuestion(text="Team size?", helped="yes")
    assert info.value.field == "helped"
    with pytest.raises(ValidationError) as info:
        OwnQuestion(text="Team\x0csize?")
    assert info.value.field == "text"
    with pytest.raises(ValidationError) as info:
        OwnQuestion(text=" ")
    assert info.value.field == "text"


# --- Highlight ---------------------------------------------------------------


def test_highlight_strips_its_point() -> None:
    highlight = Highlight(interviewer=PRIYA, point="  the move to streaming\n")
    assert highlight.point == "the move to streaming"
    assert highlight.interviewer == PRIYA


def test_highlight_refuses_bad_values() -> None:
    with pytest.raises(ValidationError) as info:
        Highlight(interviewer="Priya Shah", point="the move to streaming")
    assert info.value.field == "interviewer"
    with pytest.raises(ValidationError) as info:
        Highlight(interviewer=PRIYA, point="")
    assert info.value.field == "point"
    with pytest.raises(ValidationError) as info:
        Highlight(interviewer=PRIYA, point="the move\x1b[2J to streaming")
    assert info.value.field == "point"


# --- InterviewNotes ----------------------------------------------------------


def test_notes_defaults_are_empty() -> None:
    empty = notes()
    assert empty.questions == ()
    assert empty.role_insights == ()
    assert empty.own_questions == ()
    assert empty.forgot_to_mention == ()
    assert empty.preparation_gaps == ()
    assert empty.money_discussed is None
    assert empty.highlights == ()


def test_written_at_from_a_stdlib_datetime_becomes_a_pendulum_instant() -> None:
    value = dt.datetime(
        2026, 11, 20, 10, 45, tzinfo=zoneinfo.ZoneInfo("America/New_York")
    )
    written = notes(written_at=value).written_at
    assert type(written) is pendulum.DateTime
    assert written.timestamp() == value.timestamp()
    assert written.timezone_name == "America/New_York"


def test_written_at_refuses_a_naive_stdlib_datetime() -> None:
    naive = dt.datetime(2026, 11, 20, 15, 45)  # noqa: DTZ001 - naive on purpose
    with pytest.raises(NaiveDatetimeError) as info:
        notes(written_at=naive)
    assert info.value.field == "written_at"


def test_written_at_refuses_a_naive_pendulum_datetime() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        notes(written_at=pendulum.naive(2026, 11, 20, 15, 45))
    assert info.value.field == "written_at"


@pytest.mark.parametrize(
    "value", ["2026-11-20T15:45:00Z", dt.date(2026, 11, 20), None], ids=repr
)
def test_written_at_refuses_what_is_not_an_instant(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        notes(written_at=value)
    assert info.value.field == "written_at"


def test_notes_turn_lists_into_tuples_and_strip_strings() -> None:
    question = QuestionAsked(text="Why this role?")
    insight = RoleInsight(by=PRIYA, key_aspects=("pipelines",))
    own = OwnQuestion(text="Team size?")
    highlight = Highlight(interviewer=PRIYA, point="streaming")
    full = notes(
        questions=[question],
        role_insights=[insight],
        own_questions=[own],
        forgot_to_mention=[" my dbt work\non the finance models "],
        preparation_gaps=[" window functions "],
        money_discussed="  Range is 45-50k.\nBonus not discussed. ",
        highlights=[highlight],
    )
    assert full.questions == (question,)
    assert full.role_insights == (insight,)
    assert full.own_questions == (own,)
    assert full.forgot_to_mention == ("my dbt work\non the finance models",)
    assert full.preparation_gaps == ("window functions",)
    assert full.money_discussed == "Range is 45-50k.\nBonus not discussed."
    assert full.highlights == (highlight,)
    for field in attrs.fields(InterviewNotes):
        if field.name not in {"written_at", "money_discussed"}:
            assert type(getattr(full, field.name)) is tuple, field.name


@pytest.mark.parametrize(
    ("field", "item", "kind"),
    [
        ("questions", "Why this role?", "QuestionAsked"),
        ("role_insights", PRIYA, "RoleInsight"),
        ("own_questions", QuestionAsked(text="Why?"), "OwnQuestion"),
        ("highlights", "streaming", "Highlight"),
        ("forgot_to_mention", 3, "str"),
        ("preparation_gaps", None, "str"),
    ],
)
def test_notes_name_the_item_of_the_wrong_kind(
    field: str, item: object, kind: str
) -> None:
    valid = {
        "questions": QuestionAsked(text="Why this role?"),
        "role_insights": RoleInsight(by=PRIYA),
        "own_questions": OwnQuestion(text="Team size?"),
        "highlights": Highlight(interviewer=PRIYA, point="streaming"),
        "forgot_to_mention": "dbt",
        "preparation_gaps": "SQL",
    }
    with pytest.raises(ValidationError) as info:
        notes(**{field: (valid[field], item)})
    assert info.value.field == f"{field}[1]"
    assert kind in str(info.value)


@pytest.mark.parametrize("field", ["forgot_to_mention", "preparation_gaps"])
@pytest.mark.parametrize("item", ["", "  ", "d\x00bt", "d\x0bbt"], ids=repr)
def test_notes_string_items_must_be_clean_text(field: str, item: str) -> None:
    with pytest.raises(ValidationError) as info:
        notes(**{field: ["SQL", item]})
    assert info.value.field == f"{field}[1]"


@pytest.mark.parametrize("field", ["forgot_to_mention", "preparation_gaps"])
def test_notes_string_collections_refuse_a_bare_string(field: str) -> None:
    with pytest.raises(ValidationError) as info:
        notes(**{field: "window functions"})
    assert info.value.field == field


@pytest.mark.parametrize("value", ["", "   ", "45k\x00", "45k\x1b", 45_000], ids=repr)
def test_money_discussed_must_be_clean_text(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        notes(money_discussed=value)
    assert info.value.field == "money_discussed"


def test_highlight_for_finds_the_first_highlight_for_that_person() -> None:
    first = Highlight(interviewer=PRIYA, point="the move to streaming")
    second = Highlight(interviewer=PRIYA, point="the on-call rota")
    for_sam = Highlight(interviewer=SAM, point="the hiring plan")
    written = notes(highlights=(for_sam, first, second))
    assert written.highlight_for(PRIYA) is first
    assert written.highlight_for(SAM) is for_sam


def test_highlight_for_matches_people_by_value() -> None:
    highlight = Highlight(interviewer=PRIYA, point="the move to streaming")
    written = notes(highlights=(highlight,))
    same_person = Person(name=" Priya Shah ", email="priya@acme.example")
    assert written.highlight_for(same_person) is highlight


def test_highlight_for_returns_none_without_a_match() -> None:
    written = notes(highlights=(Highlight(interviewer=PRIYA, point="streaming"),))
    assert written.highlight_for(SAM) is None
    # Same name, other details: a different person.
    assert written.highlight_for(Person(name="Priya Shah")) is None
    assert notes().highlight_for(PRIYA) is None


@pytest.mark.parametrize(
    "record",
    [
        QuestionAsked(text="Why?"),
        RoleInsight(by=PRIYA),
        OwnQuestion(text="Team size?"),
        Highlight(interviewer=PRIYA, point="streaming"),
        InterviewNotes(written_at=WRITTEN),
    ],
    ids=lambda record: type(record).__name__,
)
def test_note_records_are_frozen(record: object) -> None:
    name = attrs.fields(type(record))[0].name
    before = getattr(record, name)
    with pytest.raises(attrs.exceptions.FrozenError):
        setattr(record, name, before)
    assert getattr(record, name) is before


def test_evolve_validates_notes_again() -> None:
    with pytest.raises(ValidationError):
        attrs.evolve(notes(), forgot_to_mention=("",))
