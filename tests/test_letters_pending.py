"""Tests for the check-ins, the call script and the letters after a rejection.

Example tests rebuild the issue's cases: a second check-in that repeated the
first word for word and named no date, and a check-in by email to an employer
who asked for calls. Property tests draw interviews with realistic names
(organisations ending in "Inc.", particles, titles) and check what every
draft must be: clean joins, no "meeting" after a call, within its length,
the same for the same input, and two check-ins that share no sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.letter_text import (
    SIGN_OFFS,
    as_typed,
    body,
    fragments,
    join_defects,
    language,
    meet,
    realistic,
    says_one,
    sentences,
    words,
)

from postinterview import (
    ActionKind,
    Application,
    Channel,
    CheckInSent,
    FollowUpPolicy,
    Format,
    Interview,
    Person,
    RunBy,
    ValidationError,
    cli,
    letters,
    plan,
)
from postinterview.letters import (
    Candidate,
    Draft,
    body_words,
    check_in,
    draft_for,
    feedback_request,
    feedback_thanks,
    rejection_reply,
    template_context,
)

LONDON = "Europe/London"
END = pendulum.datetime(2026, 11, 20, 15, 30, tz=LONDON)  # a Friday
DECIDED = pendulum.date(2026, 11, 27)  # the Friday after
PRIYA = Person(
    name="Priya Shah",
    email="priya@acme.example",
    phone="+44 20 7946 0000",
    title="Head of Data",
    honorific="Ms",
    family_name="Shah",
)
KIM = Person(name="Kim Lee", email="kim@acme.example")
RAE = Person(
    name="Rae Park", email="rae@talent.example", title="Recruitment Consultant"
)
ME = Candidate(name="Robin Jones", email="robin@example.org", phone="+44 7700 900123")
QUIET = Candidate(name="Robin Jones", email="robin@example.org")  # no phone


def interview(**changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "organisation": "Acme Ltd",
        "role": "Data Engineer",
        "starts_at": END.subtract(hours=1),
        "ends_at": END,
        "interviewers": (PRIYA, KIM),
        "decision_expected_by": DECIDED,
    }
    fields.update(changes)
    return Interview(**fields)


IV = interview()
PHONED = interview(preferred_channel=Channel.PHONE)
AGENCY = interview(run_by=RunBy.AGENCY, agency_contact=RAE)


def what_to_say(script: Draft) -> str:
    """A call script's greeting and what follows it, up to what to ask: in any
    language, from the line after the first heading (a line that ends with a
    colon: "What to say:") to the next ("What to ask:")."""
    lines = script.text.splitlines()
    first, second = [i for i, line in enumerate(lines) if line.rstrip().endswith(":")][
        :2
    ]
    return "\n".join(lines[first + 1 : second]).strip()


def most_words(kind: str, locale: str) -> int:
    """The most words a *kind* body in *locale* may have (letters.body_words)."""
    bounds = body_words(kind, locale)
    assert bounds is not None
    return bounds[1]


# -- the issue's check-ins, rebuilt --------------------------------------------


def test_the_first_check_in_names_the_day_they_gave() -> None:
    draft = check_in(IV, sender=ME)
    assert draft.kind == "check_in"
    assert draft.to == PRIYA
    assert draft.text.startswith("Dear Ms Shah,\n\n")
    assert body(draft) == (
        "I was interviewed for the Data Engineer role at Acme Ltd on Friday 20 "
        "November. I understood that a decision was expected by Friday 27 "
        "November. Could you let me know whether there is any news?\n\n"
        "I remain very interested in the role, and I would be glad to send "
        "anything more that would help.\n\n"
        "Thank you for your time."
    )
    assert draft.subject == "Data Engineer interview: a follow-up from Robin Jones"
    assert draft.check() == ()


def test_the_second_check_in_refers_to_the_first_and_is_shorter() -> None:
    first = check_in(IV, sender=ME)
    second = check_in(IV, sender=ME, number=2, first_sent=dt.date(2026, 12, 1))
    assert body(second) == (
        "I wrote on Tuesday 1 December to ask about the Data Engineer role at "
        "Acme Ltd. Is there any news you are able to share?\n\n"
        "The role still appeals to me very much. Thank you for your help."
    )
    assert second.subject == "Data Engineer interview: a further note from Robin Jones"
    assert words(body(second)) < words(body(first))
    assert not set(sentences(body(first))) & set(sentences(body(second)))
    assert second.check() == ()


def test_the_issues_check_ins_from_the_plan() -> None:
    # The second check-in used to repeat the first word for word, and neither
    # named the day the employer gave. From the plan and the record now:
    app = Application.from_interview(IV)
    first_action, _ = plan(app, now=END).of_kind(ActionKind.CHECK_IN)
    assert first_action.template == "check_in"
    first = draft_for(first_action, app, sender=ME)
    assert "expected by Friday 27 November." in first.text
    sent = first_action.send_at.add(hours=2)  # Tuesday 1 December, 11:00
    app = app.record(CheckInSent(at=sent, to=PRIYA))
    second_action = plan(app, now=sent).of_kind(ActionKind.CHECK_IN)[0]
    assert second_action.number == 2
    second = draft_for(second_action, app, sender=ME)
    assert "I wrote on Tuesday 1 December to ask" in second.text
    assert second.text != first.text
    assert not set(sentences(body(first))) & set(sentences(body(second)))
    assert words(body(second)) < words(body(first))


@pytest.mark.parametrize(
    ("days", "said"),
    [
        (7, "It is now a week since I was interviewed"),
        (11, "It is now over a week since I was interviewed"),
        (12, "It is now nearly two weeks since I was interviewed"),
        (21, "It is now three weeks since I was interviewed"),
        (70, "It is now about two months since I was interviewed"),
        (400, "It is now about a year since I was interviewed"),
        (600, "It is now over a year since I was interviewed"),
    ],
)
def test_without_a_date_the_first_says_how_long_it_has_been(
    days: int, said: str
) -> None:
    undated = interview(decision_expected_by=None)
    draft = check_in(undated, sender=ME, dated=END.date().add(days=days))
    assert body(draft).startswith(
        f"{said} for the Data Engineer role at Acme Ltd on Friday 20 November. "
    )


def test_without_a_date_or_a_day_to_count_from_it_names_the_interview() -> None:
    undated = interview(decision_expected_by=None)
    for dated in (None, END.date(), END.date().add(days=6)):
        draft = check_in(undated, sender=ME, dated=dated)
        assert body(draft).startswith(
            "I was interviewed for the Data Engineer role at Acme Ltd on Friday "
            "20 November. Could you let me know"
        )


def test_the_second_without_the_first_days_date_says_it_wrote_recently() -> None:
    draft = check_in(IV, sender=ME, number=2)
    assert body(draft).startswith("I wrote recently to ask about the Data Engineer")


def test_a_decision_due_the_day_of_the_interview() -> None:
    same_day = interview(decision_expected_by=END.add(hours=2))
    draft = check_in(same_day, sender=ME)
    assert "I understood that a decision was expected the same day." in draft.text


def test_the_days_are_the_readers() -> None:
    # The interview ended at 23:30 on Monday in London: Tuesday in Tokyo,
    # and so was the decision instant and the day the first check-in went.
    end = pendulum.datetime(2026, 11, 16, 23, 30, tz=LONDON)
    aiko = Person(name="Aiko Sato", email="aiko@acme.example", timezone="Asia/Tokyo")
    iv = interview(
        starts_at=end.subtract(hours=1),
        ends_at=end,
        interviewers=(aiko,),
        decision_expected_by=pendulum.datetime(2026, 11, 23, 23, 0, tz=LONDON),
    )
    first = check_in(iv, sender=ME)
    assert "on Tuesday 17 November." in first.text
    assert "expected by Tuesday 24 November." in first.text
    # The first check-in went at 20:00 on Thursday in London: Friday in Tokyo.
    app = Application.from_interview(iv)
    london_evening = pendulum.datetime(2026, 11, 26, 20, 0, tz=LONDON)
    app = app.record(CheckInSent(at=london_evening, to=aiko))
    action = plan(app, now=london_evening).of_kind(ActionKind.CHECK_IN)[0]
    assert action.number == 2
    second = draft_for(action, app, sender=ME)
    assert "I wrote on Friday 27 November to ask" in second.text


def test_american_check_ins_set_their_dates_off() -> None:
    first = check_in(IV, sender=ME, locale="en_US")
    assert "on Friday, November 20. I understood" in first.text
    assert "expected by Friday, November 27." in first.text
    second = check_in(
        IV, sender=ME, number=2, first_sent=dt.date(2026, 12, 1), locale="en_US"
    )
    assert "I wrote on Tuesday, December 1, to ask about" in second.text
    assert second.text.startswith("Dear Ms. Shah,")


def test_an_agency_is_asked_about_the_employer() -> None:
    first = check_in(AGENCY, sender=ME)
    assert first.to == RAE
    assert "Have you heard anything from them since then?" in first.text
    second = check_in(AGENCY, sender=ME, number=2)
    assert "Have they been in touch with any news?" in second.text
    # The consultant is called at the agency, and asked about the employer.
    script = check_in(AGENCY, sender=ME, variant="call")
    assert script.text.startswith(
        "Call to Rae Park (Recruitment Consultant) at the recruitment agency.\n"
    )
    assert "Have you had any word from Acme Ltd since?" in script.text
    assert "at the recruitment agency." in script.html
    # An interviewer of the same interview is called at the employer.
    direct = check_in(AGENCY, to=KIM, sender=ME, variant="call")
    assert direct.text.startswith("Call to Kim Lee at Acme Ltd.\n")


@pytest.mark.parametrize(
    ("format", "said"),
    [
        (Format.IN_PERSON, "I was interviewed for"),
        (Format.VIDEO, "I had a video interview for"),
        (Format.TELEPHONE, "I had a phone interview for"),
        (Format.ASSESSMENT_CENTRE, "I attended the assessment day for"),
        (Format.TECHNICAL_TEST, "I took the technical test for"),
    ],
)
def test_the_check_in_says_what_the_interview_was(format: Format, said: str) -> None:
    iv = interview(format=format)
    assert body(check_in(iv, sender=ME)).startswith(said)
    script = check_in(iv, sender=ME, variant="call")
    assert f"\n{said} the Data Engineer role on Friday 20 November." in script.text


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"number": 0}, "number"),
        ({"number": 3}, "number"),
        ({"number": True}, "number"),
        ({"number": "2"}, "number"),
        ({"number": 2.0}, "number"),
        ({"number": None}, "number"),
        ({"first_sent": dt.date(2026, 12, 1)}, "first_sent"),  # on the first
        ({"number": 2, "first_sent": dt.date(2026, 11, 19)}, "first_sent"),
        ({"number": 2, "first_sent": "2026-12-01"}, "first_sent"),
        (
            {"number": 2, "first_sent": dt.datetime(2026, 12, 1, tzinfo=dt.UTC)},
            "first_sent",
        ),
        (
            {
                "number": 2,
                "first_sent": dt.date(2026, 12, 9),
                "dated": dt.date(2026, 12, 8),
            },
            "first_sent",
        ),
        ({"variant": "fax"}, "variant"),
        ({"variant": ["call"]}, "variant"),
        ({"variant": "Call"}, "variant"),
    ],
)
def test_a_check_in_refuses_what_it_cannot_write(
    details: dict[str, Any], field: str
) -> None:
    for variant in ("email", "call"):
        given = {"variant": variant, **details}
        with pytest.raises(ValidationError) as error:
            check_in(IV, sender=ME, **given)
        assert error.value.field == field
        assert error.value.value == details[field]


def test_the_second_check_in_may_go_the_day_the_first_did() -> None:
    day = dt.date(2026, 12, 1)
    draft = check_in(IV, sender=ME, number=2, first_sent=day, dated=day)
    assert "Tuesday 1 December" in draft.text
    on_the_day = check_in(IV, sender=ME, number=2, first_sent=END.date())
    assert "Friday 20 November" in on_the_day.text


def test_a_printed_check_in_follows_a_channel_of_letters() -> None:
    posted = interview(preferred_channel=Channel.LETTER)
    with pytest.raises(ValidationError) as error:
        check_in(posted, sender=ME)
    assert error.value.field == "dated"
    draft = check_in(posted, sender=ME, dated=dt.date(2026, 12, 1))
    assert draft.kind == "check_in"
    assert draft.text.startswith(f"{ME.name}\n")
    assert "1 December 2026" in draft.text


# -- the call script -------------------------------------------------------------


def test_on_the_phone_the_check_in_is_a_call_script() -> None:
    script = check_in(PHONED, sender=ME)
    assert script.kind == "check_in_call"
    assert script.subject == "Data Engineer: a check-in call to Priya Shah"
    assert script.text == (
        "Call to Priya Shah (Head of Data) at Acme Ltd.\n"
        "Number: +44 20 7946 0000\n"
        "\n"
        "What to say:\n"
        "Hello Ms Shah. This is Robin Jones.\n"
        "\n"
        "I was interviewed for the Data Engineer role on Friday 20 November. "
        "I understood that a decision was due by Friday 27 November. "
        "Could you tell me where things stand?\n"
        "\n"
        "I am still very interested in the role.\n"
        "\n"
        "What to ask:\n"
        "- If no decision has been made, when do you expect one?\n"
        "- Is there anything more you need from me?\n"
        "\n"
        "If you reach voicemail:\n"
        "This is Robin Jones calling about the Data Engineer role. "
        "I would welcome a call back on +44 7700 900123. Thank you.\n"
    )
    assert script.check() == ()
    assert "<ul><li>If no decision has been made" in script.html
    assert "<p>What to say:<br>Hello Ms Shah. This is Robin Jones.</p>" in script.html
    assert "Dear" not in script.text + script.html
    assert not any(sign_off in script.text for sign_off in SIGN_OFFS)


def test_the_second_call_is_shorter_and_refers_to_the_first() -> None:
    first = check_in(PHONED, sender=ME)
    second = check_in(PHONED, sender=ME, number=2, first_sent=dt.date(2026, 12, 1))
    assert second.subject == "Data Engineer: a second check-in call to Priya Shah"
    assert "\nI called on Tuesday 1 December about the Data Engineer role. " in (
        second.text
    )
    assert "This is Robin Jones again, about the Data Engineer role." in second.text
    assert words(what_to_say(second)) < words(what_to_say(first))
    assert words(second.text) < words(first.text)
    assert not set(sentences(body(first))) & set(sentences(body(second)))
    us = check_in(
        PHONED, sender=ME, number=2, first_sent=dt.date(2026, 12, 1), locale="en_US"
    )
    assert "I called on Tuesday, December 1, about the" in us.text
    assert "Hello Ms. Shah. This is Robin Jones." in us.text


@pytest.mark.parametrize("locale", letters.LOCALES)
def test_in_every_language_the_second_call_is_shorter(locale: str) -> None:
    # Every format, with and without the day the employer gave, to the
    # interviewer and to an agency, the first call's day known or not.
    for format in Format:
        for decided in (DECIDED, None):
            iv = interview(
                format=format,
                decision_expected_by=decided,
                run_by=RunBy.AGENCY,
                agency_contact=RAE,
            )
            for to in (PRIYA, RAE):
                common: dict[str, Any] = {"to": to, "sender": ME, "locale": locale}
                first = check_in(iv, variant="call", **common)
                for first_sent in (dt.date(2026, 12, 1), None):
                    second = check_in(
                        iv, variant="call", number=2, first_sent=first_sent, **common
                    )
                    assert words(what_to_say(second)) < words(what_to_say(first)), (
                        what_to_say(first),
                        what_to_say(second),
                    )


# A name or a typed point may end with an abbreviation's full stop.
JUNIOR = Person(name="Tom Smith Jr.", phone="+44 20 7946 0000")
SENIOR = Candidate(name="Sam Smith Jr.", email="sam@example.org")


@pytest.mark.parametrize("locale", letters.LOCALES)
def test_no_comma_follows_a_name_or_point_that_ends_with_a_full_stop(
    locale: str,
) -> None:
    # The letters' own words never put their comma, semicolon or colon
    # straight after a value, in any language: "Smith Jr.," or "Acme Inc.,"
    # would follow (a greeting's comma aside: it is the letter's frame).
    iv = interview(interviewers=(JUNIOR,), organisation="Acme Robotics, Inc.")
    common: dict[str, Any] = {"sender": SENIOR, "locale": locale}
    for number in (1, 2):
        script = check_in(iv, variant="call", number=number, **common)
        assert join_defects(script.text, locale) == [], script.text
    thanks = feedback_thanks(iv, useful="the rota at Acme Inc.", **common)
    assert join_defects(body(thanks), locale) == [], thanks.text


def test_a_script_without_numbers_says_how_to_reach_them() -> None:
    script = check_in(PHONED, to=KIM, sender=QUIET)
    assert script.text.startswith(
        "Call to Kim Lee at Acme Ltd.\n"
        "Number: none on record; ask the switchboard for them by name.\n"
    )
    assert "I would welcome a reply by email to robin@example.org. Thank you." in (
        script.text
    )
    second = check_in(PHONED, to=KIM, sender=QUIET, number=2)
    assert "I called recently about" in second.text
    assert "A reply to robin@example.org would be very welcome." in second.text


def test_the_script_is_asked_for_by_name_and_the_letter_too() -> None:
    assert check_in(IV, sender=ME, variant="call").kind == "check_in_call"
    assert check_in(PHONED, sender=ME, variant="email").kind == "check_in"
    for channel in (Channel.EMAIL, Channel.MESSAGE):
        assert check_in(interview(preferred_channel=channel), sender=ME).kind == (
            "check_in"
        )


def test_a_script_is_only_a_call() -> None:
    with pytest.raises(ValidationError) as error:
        template_context("check_in_call", IV, to=PRIYA, sender=ME, variant="email")
    assert error.value.field == "variant"
    with pytest.raises(ValidationError) as error:
        letters.withdrawal(IV, sender=ME, variant="call")
    assert error.value.field == "variant"
    context = template_context("check_in_call", IV, to=PRIYA, sender=ME)
    assert context["variant"] == "call"
    assert context["sign_off"] == ""
    assert context["number"] == 1
    assert context["first_sent"] is None
    assert template_context("check_in", IV, to=PRIYA, sender=ME)["variant"] == "email"


def test_the_plan_names_the_script_and_draft_for_writes_it() -> None:
    app = Application.from_interview(PHONED)
    first_action, second_action = plan(app, now=END).of_kind(ActionKind.CHECK_IN)
    assert first_action.template == second_action.template == "check_in_call"
    first = draft_for(first_action, app, sender=ME)
    assert first.text == check_in(PHONED, sender=ME).text
    sent = first_action.send_at.add(hours=1)
    app = app.record(CheckInSent(at=sent, to=PRIYA, channel=Channel.PHONE))
    action = plan(app, now=sent).of_kind(ActionKind.CHECK_IN)[0]
    second = draft_for(action, app, sender=ME)
    assert second.kind == "check_in_call"
    assert "I called on Tuesday 1 December about" in second.text
    letter = draft_for(action, app, sender=ME, variant="email")
    assert letter.kind == "check_in"
    assert "I wrote on Tuesday 1 December to ask" in letter.text
    script = draft_for(
        plan(Application.from_interview(IV), now=END).of_kind(ActionKind.CHECK_IN)[0],
        Application.from_interview(IV),
        sender=ME,
        variant="call",
    )
    assert script.kind == "check_in_call"


def test_draft_for_writes_two_check_ins_and_no_third() -> None:
    app = Application.from_interview(IV)
    policy = FollowUpPolicy(check_ins_at_most=3)
    third = plan(app, now=END, policy=policy).of_kind(ActionKind.CHECK_IN)[2]
    assert third.number == 3
    with pytest.raises(ValidationError) as error:
        draft_for(third, app, sender=ME)
    assert error.value.field == "number"
    assert error.value.value == 3


def test_draft_for_takes_the_first_days_date_when_given() -> None:
    app = Application.from_interview(IV)
    action = plan(app, now=END).of_kind(ActionKind.CHECK_IN)[1]
    draft = draft_for(action, app, sender=ME, first_sent=dt.date(2026, 12, 2))
    assert "I wrote on Wednesday 2 December to ask" in draft.text
    unrecorded = draft_for(action, app, sender=ME)
    assert "I wrote recently to ask" in unrecorded.text


# -- after a rejection -----------------------------------------------------------


def test_a_feedback_request_is_easy_to_decline() -> None:
    draft = feedback_request(IV, sender=ME)
    assert body(draft) == (
        "Thank you for letting me know your decision about the Data Engineer "
        "role. I am disappointed, but I appreciate the time you gave my "
        "application.\n\n"
        "If you have a few minutes, I would value a little feedback on my "
        "interview. A few lines on what went well and what to improve would "
        "help me prepare for the next one.\n\n"
        "If you are not able to, I completely understand, and there is no need "
        "to reply.\n\n"
        "I would be glad to be considered for future openings at Acme Ltd."
    )
    assert words(body(draft)) <= 110
    assert draft.check() == ()


def test_after_an_agency_interview_the_agency_is_asked_to_pass_it_on() -> None:
    draft = feedback_request(
        interview(run_by=RunBy.AGENCY, agency_contact=RAE, format=Format.TELEPHONE),
        sender=ME,
    )
    assert draft.to == RAE
    text = " ".join(body(draft).split())
    assert (
        "If you have a few minutes, I would be grateful if you could ask Acme Ltd "
        "for feedback on my phone interview."
    ) in text
    assert "If that is not possible, or not easy to ask, I completely understand." in (
        text
    )
    assert "other roles that might suit me" in text
    # An interviewer of an agency's interview is asked directly.
    direct = feedback_request(AGENCY, to=KIM, sender=ME)
    assert "could you ask" not in direct.text
    assert "If you are not able to, I completely understand" in direct.text


@pytest.mark.parametrize(
    ("locale", "future"),
    [("en_GB", "opens in future,"), ("en_US", "opens in the future,")],
)
def test_a_rejection_reply_keeps_the_door_open(locale: str, future: str) -> None:
    draft = rejection_reply(IV, sender=ME, locale=locale)
    assert future in draft.text
    assert "I would be glad to be considered." in draft.text
    agency = rejection_reply(AGENCY, sender=ME)
    assert "If you hear of another role that suits my experience" in agency.text
    assert "for your help along the way" in agency.text


def test_feedback_thanks_names_the_useful_point_inside_its_sentence() -> None:
    draft = feedback_thanks(IV, sender=ME, useful="the structure of my answers.")
    assert (
        "Your point about the structure of my answers was especially helpful"
        in draft.text
    )
    agency = feedback_thanks(AGENCY, sender=ME)
    assert "Thank you for passing on the feedback from Acme Ltd" in agency.text
    assert "It gives me clear points to work on" in agency.text
    # The agency passed the point on; it was the employer's.
    passed_on = feedback_thanks(AGENCY, sender=ME, useful="my examples")
    assert "The point about my examples was especially helpful" in passed_on.text


# What a feedback request says to make it easy to decline: to the employer,
# and to an agency asked to pass the request on.
UNDERSTOOD = (
    "If you are not able to, I completely understand, and there is no need to reply.",
    "If that is not possible, or not easy to ask, I completely understand.",
)


@pytest.mark.parametrize("maker", [feedback_request, rejection_reply, feedback_thanks])
def test_no_letter_opens_with_a_cliche(maker: Callable[..., Draft]) -> None:
    for iv in (IV, AGENCY):
        text = maker(iv, sender=ME).text
        assert "I am writing" not in text
        assert "I hope this" not in text


# -- the command line ------------------------------------------------------------


def _record(tmp_path: Path, *, channel: str, sent: bool) -> Path:
    """The example application, with the employer's channel and, when *sent*,
    a first check-in on Tuesday 1 December."""
    source = (Path(__file__).parent.parent / "examples" / "application.toml").read_text(
        encoding="utf-8"
    )
    text = source.replace(
        'preferred_channel = "EMAIL"', f'preferred_channel = "{channel}"'
    )
    if sent:
        text += (
            '\n[[events]]\ntype = "CheckInSent"\n'
            'at = "2026-12-01T10:00:00+00:00[Europe/London]"\n'
            f'channel = "{channel}"\n'
        )
    path = tmp_path / "application.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _draft(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = cli.main(["draft", *map(str, args), "--sender", "Sam Jones <sam@x.org>"])
    captured = capsys.readouterr()
    return code, captured.out if code == 0 else captured.err


def test_the_command_line_drafts_the_check_ins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    email = _record(tmp_path, channel="EMAIL", sent=True)
    code, out = _draft(capsys, email, "--kind", "check-in")
    assert code == 0
    # The first check-in is done: the next one owed is the second.
    assert "I wrote on Tuesday 1 December to ask" in out
    code, out = _draft(capsys, email, "--kind", "check-in", "--number", "1")
    assert "expected by Friday 27 November." in out
    code, out = _draft(capsys, email, "--kind", "check-in-call", "--number", "2")
    assert "I called on Tuesday 1 December about" in out
    assert "What to ask:" in out
    code, out = _draft(
        capsys,
        email,
        "--kind",
        "check-in",
        "--number",
        "2",
        "--first-sent",
        "2026-12-02",
    )
    assert "I wrote on Wednesday 2 December to ask" in out


def test_the_command_line_follows_the_phone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    phone = _record(tmp_path, channel="PHONE", sent=False)
    code, out = _draft(capsys, phone, "--kind", "check-in")
    assert code == 0
    assert (
        "Call to Priya Shah (Head of Data Platform) at Larkspur Analytics Ltd." in out
    )
    assert "Dear" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--kind", "thank-you", "--highlight", "x", "--number", "2"),
            "--number: a thank-you letter does not take it",
        ),
        (("--kind", "check-in", "--number", "3"), "argument --number: invalid choice"),
        (
            ("--kind", "check-in", "--number", "1", "--first-sent", "2026-12-01"),
            "--first-sent: expected None for the first check-in",
        ),
    ],
)
def test_the_command_line_refuses_a_check_in_it_cannot_write(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    path = _record(tmp_path, channel="EMAIL", sent=False)
    code, err = _draft(capsys, path, *args)
    assert code == 2
    assert message in err


# -- properties over generated interviews ------------------------------------------

senders = st.builds(
    Candidate,
    name=st.sampled_from(["Robin Jones", "Sam O'Neill", "Ana María López"]),
    email=st.just("me@example.org"),
    phone=st.none() | st.just("+44 7700 900123"),
)
locales = st.sampled_from(letters.LOCALES)


def _check_ins(
    iv: Interview, sender: Candidate, locale: str, variant: str, data: st.DataObject
) -> tuple[Draft, Draft]:
    """The two check-ins about *iv* to someone it names, in the reader's days:
    perhaps dated (a letter always is), the second perhaps knowing the day
    the first went."""
    to = data.draw(
        st.sampled_from([*iv.interviewers, *filter(None, [iv.agency_contact])])
    )
    reader_day = iv.ends_at.in_timezone(to.timezone or iv.timezone).date()
    later = st.integers(0, 700).map(lambda n: reader_day.add(days=n))
    dated = data.draw(later if variant == "letter" else st.none() | later)
    common: dict[str, Any] = {
        "to": to,
        "sender": sender,
        "locale": locale,
        "variant": variant,
        "dated": dated,
    }
    first = check_in(iv, **common)
    since = 30 if dated is None else (dated - reader_day).days
    first_sent = data.draw(
        st.none() | st.integers(0, since).map(lambda n: reader_day.add(days=n))
    )
    second = check_in(iv, number=2, first_sent=first_sent, **common)
    return first, second


def _clean(draft: Draft) -> None:
    """No join leaves doubled marks, and nothing is said of a meeting."""
    said = body(draft) if draft.kind != "check_in_call" else draft.text
    # The values themselves (a family name such as "Smith Jr.") hold none of
    # these; a defect can only come from a join.
    assert join_defects(said, draft.locale) == [], draft.text
    assert not meet(draft.locale).search(draft.text), draft.text
    assert "  " not in said, draft.text
    assert draft.check() == (), draft.text


@settings(max_examples=60)
@given(
    realistic(),
    senders,
    locales,
    st.sampled_from(["email", "letter", "call"]),
    st.data(),
)
def test_check_ins_are_clean_short_and_share_no_sentence(
    iv: Interview, sender: Candidate, locale: str, variant: str, data: st.DataObject
) -> None:
    first, second = _check_ins(iv, sender, locale, variant, data)
    for draft in (first, second):
        _clean(draft)
    assert not set(sentences(body(first))) & set(sentences(body(second)))
    if variant == "call":
        assert first.kind == second.kind == "check_in_call"
        most = most_words("check_in_call", locale)
        assert words(what_to_say(first)) <= most
        assert words(what_to_say(second)) < words(what_to_say(first))
        # The whole script, what to ask and voicemail too, stays short: 110
        # words in English, as much longer in another language.
        assert words(body(first)) <= most * 110 // 90
    else:
        assert words(body(first)) <= most_words("check_in", locale)
    assert words(body(second)) < words(body(first))


@settings(max_examples=60)
@given(realistic(), senders, locales, st.sampled_from(["email", "letter", "call"]))
def test_the_same_check_in_twice_is_the_same(
    iv: Interview, sender: Candidate, locale: str, variant: str
) -> None:
    dated = dt.date(2099, 1, 1) if variant == "letter" else None
    for number in (1, 2):
        one = check_in(
            iv,
            sender=sender,
            locale=locale,
            variant=variant,
            dated=dated,
            number=number,
        )
        two = check_in(
            iv,
            sender=sender,
            locale=locale,
            variant=variant,
            dated=dated,
            number=number,
        )
        assert (one.subject, one.text, one.html) == (two.subject, two.text, two.html)


@settings(max_examples=60)
@given(realistic(), senders, locales, st.sampled_from(["email", "letter"]), fragments())
def test_the_letters_after_a_rejection_are_clean_and_short(
    iv: Interview, sender: Candidate, locale: str, variant: str, typed: str
) -> None:
    useful = as_typed(typed, locale)
    dated = dt.date(2099, 1, 1) if variant == "letter" else None
    common: dict[str, Any] = {
        "sender": sender,
        "locale": locale,
        "variant": variant,
        "dated": dated,
    }
    request = feedback_request(iv, **common)
    reply = rejection_reply(iv, **common)
    thanks = feedback_thanks(iv, useful=useful, **common)
    plain = feedback_thanks(iv, **common)
    for draft in (request, reply, thanks, plain):
        _clean(draft)
        # Under the most of the letters after a rejection: 160 in English.
        assert words(body(draft)) < most_words("rejection_reply", locale)
    assert words(body(request)) <= most_words("feedback_request", locale)
    # Deterministic: the same input gives the same letters.
    assert feedback_request(iv, **common) == request
    assert feedback_thanks(iv, useful=useful, **common) == thanks
    # Easy to decline: "I completely understand", in the letter's words.
    assert says_one(body(request), locale, UNDERSTOOD), request.text
    if language(locale) == "en":
        assert "I completely understand" in request.text
