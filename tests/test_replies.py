"""Reading the employer's reply: the corpus's scores, the plan after apply(),
and the parts a host tool relies on.

The corpus (``tests/replies/corpus``) is read whole and must meet the goals
in every language; examples show what a reader should see (the plan after a
rejection stops the check-ins and asks for feedback), and properties show
what holds for every reply (quoted history never counts, no text makes the
reader fail, a reading never records anything by itself).
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from email.message import EmailMessage

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reply_corpus
from postinterview import (
    ActionKind,
    Application,
    Interview,
    Person,
    PostInterviewError,
    ReplyKind,
    RunBy,
    ValidationError,
    Withdrew,
    plan,
    read_reply,
)
from postinterview.replies import (
    add_patterns,
    pattern_languages,
    patterns,
    remove_patterns,
)
from postinterview.testing import check_plan

ZONE = "Europe/London"
END = pendulum.datetime(2026, 11, 20, 15, 30, tz=ZONE)
PRIYA = Person(name="Priya Shah", email="priya.shah@acme.example", timezone=ZONE)
TOM = Person(name="Tom Reyes", email="tom.reyes@acme.example")
DANA = Person(name="Dana Holt", email="dana@brightpath.example")
INTERVIEW = Interview(
    organisation="Acme Ltd",
    role="Data Engineer",
    starts_at=END.subtract(hours=1),
    ends_at=END,
    interviewers=(PRIYA, TOM),
    decision_expected_by=pendulum.date(2026, 11, 27),
    locale="en_GB",
)
APPLICATION = Application.from_interview(INTERVIEW)
MONDAY = pendulum.datetime(2026, 11, 30, 9, 40, tz=ZONE)
REJECTION = (
    "Dear Sam,\n\nThank you for coming in to meet Priya and me. After a lot of "
    "thought we have decided not to take your application further.\n\n"
    "Kind regards,\nTom Reyes\n"
)


# -- the corpus ------------------------------------------------------------------


@pytest.mark.parametrize("language", reply_corpus.languages())
def test_every_language_meets_the_goals(language: str) -> None:
    pairs = [(case, case.read()) for case in reply_corpus.cases(language)]
    score = reply_corpus.score(pairs)
    wrong = [
        f"{case.id}: {case.kind.value} read as {reading.kind.value}"
        for case, reading in pairs
        if reading.kind is not case.kind and reading.kind is not ReplyKind.UNKNOWN
    ]
    assert score.precision >= 0.95, wrong
    assert score.recall >= 0.85, score
    assert score.date_accuracy >= 0.95, score


def test_the_corpus_has_every_kind_in_every_shipped_language() -> None:
    assert set(reply_corpus.languages()) == set(pattern_languages())
    for language in reply_corpus.languages():
        cases = reply_corpus.cases(language)
        assert len(cases) >= 32, language
        assert {case.kind for case in cases} == set(ReplyKind), language
    assert (
        sum(len(reply_corpus.cases(lang)) for lang in reply_corpus.languages()) >= 150
    )


@pytest.mark.parametrize("language", reply_corpus.languages())
def test_no_reading_names_someone_else(language: str) -> None:
    for case in reply_corpus.cases(language):
        reading = case.read()
        if reading.sender is not None:
            assert reply_corpus.sender_right(case, reading), case.id


# -- what apply() does to the plan -------------------------------------------------


@pytest.mark.parametrize("language", reply_corpus.languages())
def test_every_reading_applied_makes_a_plan_that_keeps_the_rules(language: str) -> None:
    for case in reply_corpus.cases(language):
        reading = case.read()
        if any(s.problem for s in reading.suggestions):
            with pytest.raises(PostInterviewError):
                reading.apply()
            continue
        application = reading.apply()
        now = reading.received_at.add(minutes=1)
        timetable = plan(application, now=now)
        check_plan(timetable, application)
        kinds = {a.kind for a in timetable.actions}
        if reading.kind is ReplyKind.REJECTION:
            assert not kinds & {ActionKind.CHECK_IN, ActionKind.MOVE_ON}, case.id
            assert ActionKind.REQUEST_FEEDBACK in kinds, case.id
        if reading.kind is ReplyKind.HOLDING and reading.suggestions[0].when:
            new = reading.suggestions[0].when
            day = new.date() if isinstance(new, dt.datetime) else new
            for action in timetable.actions:
                if action.kind is ActionKind.CHECK_IN:
                    assert action.send_at.date() > day, case.id


def test_after_a_rejection_the_plan_asks_for_feedback_and_stops_checking_in() -> None:
    before = plan(APPLICATION, now=MONDAY)
    assert any(a.kind is ActionKind.CHECK_IN for a in before.actions)
    reading = read_reply(REJECTION, application=APPLICATION, received_at=MONDAY)
    assert reading.kind is ReplyKind.REJECTION
    assert reading.sender == TOM
    after = plan(reading.apply(), now=MONDAY.add(minutes=5))
    kinds = {a.kind for a in after.actions}
    assert ActionKind.CHECK_IN not in kinds
    assert ActionKind.MOVE_ON not in kinds
    (request,) = [a for a in after.actions if a.kind is ActionKind.REQUEST_FEEDBACK]
    assert request.recipient == TOM


def test_apply_leaves_the_application_as_it_was() -> None:
    reading = read_reply(REJECTION, application=APPLICATION, received_at=MONDAY)
    reading.apply()
    assert APPLICATION.events == ()
    assert reading.application is APPLICATION


def test_an_event_the_application_refuses_is_reported_and_apply_raises() -> None:
    withdrawn = APPLICATION.record(Withdrew(at=END.add(days=2)))
    reading = read_reply(REJECTION, application=withdrawn, received_at=MONDAY)
    assert reading.suggestions[0].problem
    with pytest.raises(ValueError, match="Withdrew"):
        reading.apply()


# -- what is read ------------------------------------------------------------------


QUOTED_HEADERS = [
    "On Fri, 20 Nov 2026 at 16:02, Sam Jones <sam@example.org> wrote:",
    "Le ven. 20 nov. 2026 à 16:02, Sam Jones <sam@example.org> a écrit :",
    "Am Fr., 20. Nov. 2026 um 16:02 Uhr schrieb Sam Jones <sam@example.org>:",
    "El vie, 20 nov 2026 a las 16:02, Sam Jones (<sam@example.org>) escribió:",
    "Em sex., 20 de nov. de 2026 às 16:02, Sam Jones <sam@example.org> escreveu:",
    "From: Tom Reyes <tom.reyes@acme.example>\nSent: 20 November 2026 16:02",
    "________________________________",
]


CASES = tuple(reply_corpus.all_cases())


@settings(max_examples=30)
@given(
    index=st.integers(0, len(CASES) - 1),
    header=st.sampled_from(QUOTED_HEADERS),
    quoted=st.integers(0, len(CASES) - 1),
)
def test_quoted_history_never_counts(index: int, header: str, quoted: int) -> None:
    case, quoted_case = CASES[index], CASES[quoted]
    reading = case.read()
    message = case.message()
    body = message.get_content()
    quoted = "\n".join(f"> {line}" for line in quoted_case.label["body"].splitlines())
    message.set_content(f"{body}\n\n{header}\n{quoted_case.label['body']}\n{quoted}\n")
    again = read_reply(
        message,
        application=case.application,
        received_at=reply_corpus.instant(case.label["received"]),
    )
    assert again.kind is reading.kind
    assert again.text == reading.text
    assert [s.event for s in again.suggestions] == [
        s.event for s in reading.suggestions
    ]


@settings(max_examples=60)
@given(text=st.text(max_size=400))
def test_no_text_makes_the_reader_fail(text: str) -> None:
    reading = read_reply(text, application=APPLICATION, received_at=MONDAY)
    if reading.kind is ReplyKind.UNKNOWN:
        assert reading.reason
        assert reading.events == ()
    for suggestion in reading.suggestions:
        for evidence in suggestion.evidence:
            assert reading.text[evidence.start : evidence.end] == evidence.text


def test_an_email_message_gives_its_date_sender_and_html_body() -> None:
    message = EmailMessage()
    message["From"] = "Tom <tom.reyes@acme.example>"
    message["Date"] = "Mon, 30 Nov 2026 09:40:00 +0000"
    message["Subject"] = "Your application"
    message.set_content(REJECTION.replace("\n", "<br>\n"), subtype="html")
    reading = read_reply(message, application=APPLICATION)
    assert reading.kind is ReplyKind.REJECTION
    assert reading.received_at == MONDAY
    assert reading.received_at.timezone_name == ZONE
    assert (reading.sender, reading.matched_by) == (TOM, "address")


def test_an_automatic_reply_header_makes_an_acknowledgement() -> None:
    message = EmailMessage()
    message["From"] = "Priya Shah <priya.shah@acme.example>"
    message["Date"] = "Mon, 30 Nov 2026 09:40:00 +0000"
    message["Auto-Submitted"] = "auto-replied"
    message.set_content("I am away and will read your message when I am back.")
    reading = read_reply(message, application=APPLICATION)
    assert reading.kind is ReplyKind.ACKNOWLEDGEMENT
    assert reading.events == ()
    assert reading.suggestions[0].evidence[0].role == "header"


def test_the_sender_is_found_by_name_or_signature_when_the_address_differs() -> None:
    by_name = EmailMessage()
    by_name["From"] = "Priya Shah <p.shah@gmail.example>"
    by_name["Date"] = "Mon, 30 Nov 2026 09:40:00 +0000"
    by_name.set_content(REJECTION)
    reading = read_reply(by_name, application=APPLICATION)
    assert (reading.sender, reading.matched_by) == (PRIYA, "name")
    reading = read_reply(REJECTION, application=APPLICATION, received_at=MONDAY)
    assert (reading.sender, reading.matched_by) == (TOM, "signature")


def test_an_agency_contact_is_matched() -> None:
    agency = Application.from_interview(
        Interview(
            organisation="Acme Ltd",
            role="Data Engineer",
            starts_at=END.subtract(hours=1),
            ends_at=END,
            run_by=RunBy.AGENCY,
            agency_contact=DANA,
        )
    )
    message = EmailMessage()
    message["From"] = "Dana Holt <DANA@brightpath.example>"
    message["Date"] = "Mon, 30 Nov 2026 09:40:00 +0000"
    message.set_content(REJECTION)
    assert read_reply(message, application=agency).sender == DANA


# -- bad input ---------------------------------------------------------------------


def test_bad_arguments_are_named() -> None:
    with pytest.raises(ValidationError, match="application"):
        read_reply("text", application=INTERVIEW, received_at=MONDAY)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="received_at"):
        read_reply("text", application=APPLICATION)
    with pytest.raises(ValidationError, match="received_at"):
        read_reply("text", application=APPLICATION, received_at=MONDAY.naive())
    with pytest.raises(ValidationError, match="message"):
        read_reply(b"bytes", application=APPLICATION, received_at=MONDAY)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="language"):
        read_reply("text", application=APPLICATION, received_at=MONDAY, language="xx")


def test_added_patterns_are_checked_whole_and_can_be_removed() -> None:
    before = patterns("en")
    with pytest.raises(ValidationError, match=r"en \(added table 1\)\.offer\.say\[1\]"):
        add_patterns("en", {"offer": {"say": ["fine", "(unclosed"]}})
    assert patterns("en") is before
    add_patterns("en", '[rejection]\nsay = ["\\\\bwe have gone another way\\\\b"]\n')
    try:
        reading = read_reply(
            "Hi Sam, we have gone another way. Best, Tom",
            application=APPLICATION,
            received_at=MONDAY,
        )
        assert reading.kind is ReplyKind.REJECTION
    finally:
        remove_patterns("en")
    assert "another way" not in " ".join(
        patterns("en").kinds[ReplyKind.REJECTION].say.sources
    )


def test_a_host_may_start_a_language_of_its_own() -> None:
    add_patterns(
        "nl",
        {
            "words": ["de", "het", "een", "wij", "u"],
            "rejection": {"say": [r"\bhelaas hebben wij besloten\b"]},
        },
    )
    try:
        assert "nl" in pattern_languages()
        reading = read_reply(
            "Beste Sam, helaas hebben wij besloten u niet uit te nodigen.",
            application=APPLICATION,
            received_at=MONDAY,
        )
        assert reading.language == "nl"
        assert reading.kind is ReplyKind.REJECTION
    finally:
        remove_patterns("nl")
    assert "nl" not in pattern_languages()


def test_an_eml_file_reads_the_same_as_its_message() -> None:
    message = EmailMessage()
    message["From"] = "Tom Reyes <tom.reyes@acme.example>"
    message["Date"] = "Mon, 30 Nov 2026 09:40:00 +0000"
    message.set_content(REJECTION)
    parsed = email.message_from_bytes(bytes(message), policy=email.policy.default)
    assert read_reply(parsed, application=APPLICATION) == read_reply(
        message, application=APPLICATION
    )


@pytest.mark.parametrize(
    ("zone", "text", "currency"),
    [
        (
            "America/Toronto",
            "we are pleased to offer you the role at $92,000 a year",
            "CAD",
        ),
        (
            "America/New_York",
            "we are pleased to offer you the role at $92,000 a year",
            "USD",
        ),
        (
            "America/New_York",
            "we are pleased to offer you the role at $92,000 CAD a year",
            "CAD",
        ),
    ],
)
def test_a_dollar_is_the_dollar_of_where_the_sender_is(
    zone: str, text: str, currency: str
) -> None:
    end = pendulum.datetime(2026, 11, 20, 15, 30, tz=zone)
    app = Application.from_interview(
        Interview(
            organisation="Acme Ltd",
            role="Data Engineer",
            starts_at=end.subtract(hours=1),
            ends_at=end,
        )
    )
    reading = read_reply(
        f"Hi Sam, {text}.", application=app, received_at=end.add(days=3)
    )
    assert reading.kind is ReplyKind.OFFER
    salary = getattr(reading.events[0], "salary", None)
    assert salary is not None
    assert salary.currency == currency


def test_an_offers_start_date_is_not_its_deadline() -> None:
    reading = read_reply(
        "Hi Sam, I'm pleased to offer you the position, starting on 4 January.",
        application=APPLICATION,
        received_at=MONDAY,
    )
    assert reading.kind is ReplyKind.OFFER
    assert reading.suggestions[0].when is None


def test_a_holding_reply_moves_the_check_ins_past_its_new_date() -> None:
    thursday = pendulum.datetime(2026, 11, 26, 11, 5, tz=ZONE)
    reading = read_reply(
        "Dear Sam,\n\nThank you for your patience. We have not made a decision "
        "yet, as two more candidates interview this week; we now expect to "
        "decide by Friday 4 December.\n\nKind regards,\nPriya",
        application=APPLICATION,
        received_at=thursday,
    )
    assert reading.kind is ReplyKind.HOLDING
    assert reading.sender == PRIYA
    (event,) = reading.events
    assert event.decision_expected_by == pendulum.date(2026, 12, 4)
    before = plan(APPLICATION, now=thursday)
    after = plan(reading.apply(), now=thursday.add(minutes=5))
    first_before = min(
        a.send_at for a in before.actions if a.kind is ActionKind.CHECK_IN
    )
    first_after = min(a.send_at for a in after.actions if a.kind is ActionKind.CHECK_IN)
    # Two business days after the decision date, in the recipient's calendar.
    assert first_before.date() == pendulum.date(2026, 12, 1)
    assert first_after.date() == pendulum.date(2026, 12, 8)


def test_a_reading_in_the_repeated_hour_survives_pickle_and_copies() -> None:
    import copy  # noqa: PLC0415
    import pickle  # noqa: PLC0415

    # 01:30 on 25 October 2026 happens twice in London; take the second.
    second = pendulum.datetime(2026, 10, 25, 1, 30, tz=ZONE, fold=1)
    start = second.subtract(days=3)
    app = Application.from_interview(
        Interview(
            organisation="Acme Ltd",
            role="Data Engineer",
            starts_at=start,
            ends_at=start.add(hours=1),
            interviewers=(PRIYA,),
        )
    )
    reading = read_reply(REJECTION, application=app, received_at=second)
    for back in (
        pickle.loads(pickle.dumps(reading, protocol=2)),  # noqa: S301 - our own
        pickle.loads(pickle.dumps(reading)),  # noqa: S301 - our own
        copy.deepcopy(reading),
    ):
        assert back == reading
        assert back.received_at.fold == 1
        assert back.received_at.in_timezone("UTC") == second.in_timezone("UTC")
