"""The reply to an offer, the withdrawal and the referee's brief.

An offer's reply never promises an answer after the offer's deadline: past
it, the letter asks for more time. A withdrawal names a stage already
booked. Money reads the same in the checklist and in the letter.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.letter_text import body, join_defects

from postinterview import (
    Application,
    Format,
    Interview,
    NextRoundScheduled,
    OfferReceived,
    Period,
    Person,
    SalaryRange,
    ValidationError,
    plan,
)
from postinterview.decisions import offer_checklist
from postinterview.followup import ActionKind
from postinterview.letters import (
    Candidate,
    draft_for,
    offer_thanks,
    reference_brief,
    withdrawal,
)

LONDON = "Europe/London"
END = pendulum.datetime(2026, 11, 20, 15, 30, tz=LONDON)
PRIYA = Person(name="Priya Shah", email="priya@acme.example", timezone=LONDON)
ME = Candidate(name="Sam Jones", email="sam@example.org")
ADVERT = SalaryRange(low=42000, high=48000, currency="GBP")


def interview(**changes: object) -> Interview:
    fields: dict[str, object] = {
        "organisation": "Acme Robotics, Inc.",
        "role": "Data Engineer",
        "starts_at": END.subtract(hours=1),
        "ends_at": END,
        "interviewers": (PRIYA,),
        "advertised_salary": ADVERT,
    }
    return Interview(**(fields | changes))  # type: ignore[arg-type]


IV = interview()


# -- offers: the deadline ------------------------------------------------------


def test_an_answer_after_the_deadline_is_asked_for_not_promised() -> None:
    # The offer asked for an answer by 27 November; the candidate needs
    # until 2 December.
    draft = offer_thanks(
        IV,
        sender=ME,
        reply_by=dt.date(2026, 12, 2),
        deadline=dt.date(2026, 11, 27),
    )
    assert "my answer by Wednesday 2 December" not in draft.text
    assert "You asked for my answer by Friday 27 November." in draft.text
    assert "would it be possible to have until Wednesday 2 December?" in draft.text
    assert "you will have my answer by your date." in draft.text


@pytest.mark.parametrize(
    ("reply_by", "words"),
    [
        (dt.date(2026, 11, 27), "by the date you asked for, Friday 27 November."),
        (dt.date(2026, 11, 25), "I will give you my answer by Wednesday 25 November."),
    ],
)
def test_an_answer_by_the_deadline_is_promised(reply_by: dt.date, words: str) -> None:
    draft = offer_thanks(
        IV, sender=ME, reply_by=reply_by, deadline=dt.date(2026, 11, 27)
    )
    assert words in draft.text
    assert "would it be possible" not in draft.text


def test_american_dates_in_an_offer_reply() -> None:
    draft = offer_thanks(
        IV,
        sender=ME,
        reply_by=dt.date(2026, 12, 2),
        deadline=dt.date(2026, 11, 27),
        locale="en_US",
    )
    assert "You asked for my answer by Friday, November 27." in draft.text
    assert "to have until Wednesday, December 2?" in draft.text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reply_by": dt.date(2026, 11, 19)}, "reply_by"),
        ({"received": dt.date(2026, 11, 19)}, "received"),
        (
            {"received": dt.date(2026, 11, 24), "reply_by": dt.date(2026, 11, 23)},
            "reply_by",
        ),
        (
            {"received": dt.date(2026, 11, 24), "deadline": dt.date(2026, 11, 23)},
            "deadline",
        ),
    ],
)
def test_days_before_the_offer_are_refused(
    changes: dict[str, dt.date], field: str
) -> None:
    details = {"reply_by": dt.date(2026, 11, 30)} | changes
    with pytest.raises(ValidationError) as caught:
        offer_thanks(IV, sender=ME, **details)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert "a day no earlier than" in str(caught.value)


DAYS = st.dates(min_value=dt.date(2026, 11, 10), max_value=dt.date(2027, 1, 31))


@given(
    reply_by=DAYS,
    deadline=st.none() | DAYS,
    received=st.none() | DAYS,
    locale=st.sampled_from(["en_GB", "en_US"]),
    variant=st.sampled_from(["email", "letter"]),
)
def test_an_offer_reply_never_promises_an_answer_after_the_deadline(
    reply_by: dt.date,
    deadline: dt.date | None,
    received: dt.date | None,
    locale: str,
    variant: str,
) -> None:
    held = END.date()
    earliest = held if received is None else received
    too_early = (
        (received is not None and received < held)
        or reply_by < earliest
        or (deadline is not None and deadline < earliest)
    )
    make = lambda: offer_thanks(  # noqa: E731
        IV,
        sender=ME,
        reply_by=reply_by,
        deadline=deadline,
        received=received,
        locale=locale,
        variant=variant,
        dated=held,
    )
    if too_early:
        with pytest.raises(ValidationError):
            make()
        return
    draft = make()
    promises = re.findall(r"I will give you my answer by ([^.]*)\.", draft.text)
    if deadline is not None and reply_by > deadline:
        assert promises == []
        assert "would it be possible to have until" in draft.text
    else:
        assert len(promises) == 1
        assert "would it be possible" not in draft.text
    assert make() == draft  # the same input writes the same letter
    assert join_defects(body(draft)) == []


def test_draft_for_reads_the_deadline_and_the_day_the_offer_came() -> None:
    respond_by = pendulum.datetime(2026, 11, 27, 17, tz=LONDON)
    app = Application.from_interview(IV).record(
        OfferReceived(at=END.add(days=3), respond_by=respond_by, by=PRIYA)
    )
    action = plan(app, now=END.add(days=3)).of_kind(ActionKind.THANK_FOR_OFFER)[0]
    promised = draft_for(action, app, sender=ME)
    assert "by the date you asked for, Friday 27 November." in promised.text
    later = draft_for(action, app, sender=ME, reply_by=dt.date(2026, 12, 2))
    assert "You asked for my answer by Friday 27 November." in later.text
    with pytest.raises(ValidationError) as caught:
        draft_for(action, app, sender=ME, reply_by=dt.date(2026, 11, 22))
    assert caught.value.field == "reply_by"


def test_the_deadline_is_the_readers_day() -> None:
    # 01:00 in London on Saturday is still Friday evening in New York.
    ny = Person(
        name="Dana Cole", email="dana@acme.example", timezone="America/New_York"
    )
    iv = interview(interviewers=(ny,))
    respond_by = pendulum.datetime(2026, 11, 28, 1, tz=LONDON)
    app = Application.from_interview(iv).record(
        OfferReceived(at=END.add(days=3), respond_by=respond_by, by=ny)
    )
    action = plan(app, now=END.add(days=3)).of_kind(ActionKind.THANK_FOR_OFFER)[0]
    assert "Friday 27 November" in draft_for(action, app, sender=ME).text


# -- money: one writer ---------------------------------------------------------


@given(pounds=st.integers(42_000, 48_000))
def test_the_checklist_and_the_letter_write_money_alike(pounds: int) -> None:
    offer = OfferReceived(
        at=END.add(days=2),
        salary=SalaryRange(low=pounds, high=pounds, currency="GBP"),
    )
    (item,) = [
        i for i in offer_checklist(offer, advertised=ADVERT) if i.topic.name == "SALARY"
    ]
    letter = offer_thanks(IV, sender=ME, reply_by=dt.date(2026, 12, 1), salary=pounds)
    figure = f"£{pounds:,}"
    assert item.detail == f"Offered {figure} a year"
    assert (
        f"I would like to discuss {figure}, within the advertised range" in letter.text
    )
    assert "£42,000 to £48,000 a year" in letter.text


def test_pence_are_written_only_when_there_are_some() -> None:
    hourly = SalaryRange(
        low=Decimal("15.50"), high=18, currency="GBP", period=Period.HOUR
    )
    letter = offer_thanks(
        interview(advertised_salary=hourly),
        sender=ME,
        reply_by=dt.date(2026, 12, 1),
        salary=Decimal("16.25"),
    )
    assert "discuss £16.25, within the advertised range of £15.50 to £18 an hour" in (
        letter.text
    )


# -- withdrawal ----------------------------------------------------------------

ASSESSMENT = Interview(
    organisation="Acme Robotics, Inc.",
    role="Data Engineer",
    starts_at=pendulum.datetime(2026, 12, 3, 9, 30, tz=LONDON),
    ends_at=pendulum.datetime(2026, 12, 3, 16, tz=LONDON),
    format=Format.ASSESSMENT_CENTRE,
    round=2,
)


def test_a_withdrawal_names_and_cancels_the_stage_already_booked() -> None:
    draft = withdrawal(IV, sender=ME, booked=ASSESSMENT)
    assert (
        "This means I will not attend the assessment day on Thursday 3 December. "
        "Please could you cancel it" in draft.text
    )
    us = withdrawal(IV, sender=ME, booked=ASSESSMENT, locale="en_US")
    assert "the assessment day on Thursday, December 3." in us.text
    assert "Could you please cancel it" in us.text
    assert "cancel" not in withdrawal(IV, sender=ME).text


@pytest.mark.parametrize(
    ("format_", "stage"),
    [
        (Format.IN_PERSON, "the interview on"),
        (Format.VIDEO, "the video interview on"),
        (Format.TELEPHONE, "the telephone interview on"),
        (Format.TECHNICAL_TEST, "the technical test on"),
        (Format.ASSESSMENT_CENTRE, "the assessment day on"),
    ],
)
def test_each_kind_of_stage_is_named(format_: Format, stage: str) -> None:
    booked = Interview(
        organisation="Acme",
        role="x",
        starts_at=ASSESSMENT.starts_at,
        ends_at=ASSESSMENT.ends_at,
        format=format_,
    )
    assert f"I will not attend {stage} Thursday 3 December." in (
        withdrawal(IV, sender=ME, booked=booked).text
    )


def test_a_typed_reason_becomes_a_sentence() -> None:
    draft = withdrawal(IV, sender=ME, reason="i have decided to stay where I am")
    assert "\n\nI have decided to stay where I am.\n\n" in draft.text


def test_draft_for_names_the_round_booked_after_the_one_held() -> None:
    from postinterview import LostInterest  # noqa: PLC0415

    app = (
        Application.from_interview(IV)
        .record(NextRoundScheduled(at=END.add(days=1), interview=ASSESSMENT))
        .record(LostInterest(at=END.add(days=2), reason="Took another offer"))
    )
    action = plan(app, now=END.add(days=2)).of_kind(ActionKind.WITHDRAW)[0]
    draft = draft_for(action, app, sender=ME, to=PRIYA)
    assert "the assessment day on Thursday 3 December" in draft.text
    assert draft.interview == IV


def test_a_booked_stage_must_be_an_interview() -> None:
    with pytest.raises(ValidationError) as caught:
        withdrawal(IV, sender=ME, booked="Thursday")  # type: ignore[arg-type]
    assert caught.value.field == "booked"


# -- the referee's brief ---------------------------------------------------------


def test_a_referee_in_america_is_a_reference() -> None:
    referee = Person(name="Alex Grey", email="alex@example.org")
    gb = reference_brief(IV, to=referee, sender=ME)
    us = reference_brief(IV, to=referee, sender=ME, locale="en_US")
    assert "I gave your name as a referee" in gb.text
    assert "I gave your name as a reference" in us.text
    assert "referee" not in us.text.casefold()


NAMES = st.lists(
    st.sampled_from(["Acme", "Robotics", "North", "Data", "Fenwick", "Lark"]),
    min_size=1,
    max_size=3,
).map(" ".join)
SUFFIXES = st.sampled_from(["", " Ltd", " Ltd.", ", Inc.", " plc", " & Co.", "!"])


@given(
    name=NAMES,
    suffix=SUFFIXES,
    fragment=NAMES,
    end=st.sampled_from(["", ".", "!", "?", " etc."]),
    locale=st.sampled_from(["en_GB", "en_US"]),
)
def test_values_that_end_in_punctuation_join_cleanly(
    name: str, suffix: str, fragment: str, end: str, locale: str
) -> None:
    iv = interview(organisation=name + suffix, role=fragment + " Lead")
    typed = fragment + end
    drafts = [
        offer_thanks(
            iv,
            sender=ME,
            reply_by=dt.date(2026, 12, 1),
            discuss=[typed],
            locale=locale,
        ),
        withdrawal(iv, sender=ME, reason=typed, booked=ASSESSMENT, locale=locale),
        reference_brief(
            iv,
            to=Person(name="Alex Grey"),
            sender=ME,
            emphasise=[typed],
            locale=locale,
        ),
    ]
    for draft in drafts:
        said = body(draft)
        assert join_defects(said) == [], said
        assert name + suffix in draft.text


def test_an_offer_before_a_booked_round_is_answered_about_the_round_held() -> None:
    # The offer comes while a second round is still booked: the reply is
    # about the round already held, and the offer's day comes after it.
    app = (
        Application.from_interview(IV)
        .record(NextRoundScheduled(at=END.add(days=1), interview=ASSESSMENT))
        .record(OfferReceived(at=END.add(days=2), by=PRIYA))
    )
    action = plan(app, now=END.add(days=2)).of_kind(ActionKind.THANK_FOR_OFFER)[0]
    draft = draft_for(action, app, sender=ME, reply_by=dt.date(2026, 11, 30))
    assert draft.interview == IV
    assert "I will give you my answer by Monday 30 November." in draft.text
