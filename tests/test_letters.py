"""Tests for the letters: rendering, checking, sending, embedding and the sandbox.

Example tests show what each letter says in each locale and layout; a property
test feeds every printable character through a thank-you and back out of an
email; the sandbox tests try each known way to escape it or to build a huge
value.
"""

from __future__ import annotations

import datetime as dt
import email.parser
import email.policy
import html
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import attrs
import jinja2
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview import (
    ActionKind,
    Application,
    Channel,
    FeedbackDeclined,
    FeedbackRequested,
    Finding,
    Highlight,
    Interview,
    NaiveDatetimeError,
    OfferReceived,
    Person,
    Rejected,
    RunBy,
    SalaryRange,
    TemplateRenderError,
    UnsafeTemplateError,
    ValidationError,
    letters,
    plan,
)
from postinterview.letters import (
    FILTERS,
    LOCALES,
    Candidate,
    Draft,
    check_in,
    check_panel,
    draft_for,
    environment,
    feedback_request,
    feedback_thanks,
    offer_thanks,
    reference_brief,
    rejection_reply,
    render_user_template,
    thank_you,
    thank_you_each,
    withdrawal,
)
from postinterview.letters._joins import inline, sentence
from postinterview.strategies._basics import _emails as pst_emails
from profiles import sweep

# The kinds that are letters, with a greeting and a sign-off: the call script
# (check_in_call) is tested with the check-ins, in tests/test_letters_pending.py.
KINDS = tuple(kind for kind in letters.KINDS if kind != "check_in_call")

LONDON = "Europe/London"
END = pendulum.datetime(2026, 11, 20, 15, 30, tz=LONDON)  # a Friday
DAY = dt.date(2026, 11, 20)
PRIYA = Person(name="Priya Shah", email="priya@acme.example", title="Head of Data")
KIM = Person(name="Kim Lee", email="kim@acme.example")
RAE = Person(name="Rae Park", email="rae@talent.example", title="Recruiter")
REFEREE = Person(name="Dana Whitfield", email="dana@former.example")
ME = Candidate(
    name="Robin Jones",
    email="robin@example.org",
    phone="+44 7700 900123",
    signature=("linkedin.com/in/robinjones",),
    address=("1 High Street", "Bristol BS1 1AA"),
)
HIGHLIGHT = "the move from nightly batches to streaming"
SALARY = SalaryRange(low=42000, high=48000, currency="GBP")
SIGN_OFFS = {
    ("en_GB", "email"): "Kind regards,",
    ("en_GB", "letter"): "Yours sincerely,",
    ("en_US", "email"): "Best regards,",
    ("en_US", "letter"): "Sincerely,",
    ("fr_FR", "email"): "Bien cordialement,",
    ("fr_FR", "letter"): (
        "Je vous prie d\u2019agréer, Madame, Monsieur, l\u2019expression de mes "
        "salutations distinguées."
    ),
    ("de_DE", "email"): "Mit freundlichen Grüßen",
    ("de_DE", "letter"): "Mit freundlichen Grüßen",
    ("es_ES", "email"): "Un cordial saludo,",
    ("es_ES", "letter"): "Atentamente,",
    ("pt_BR", "email"): "Atenciosamente,",
    ("pt_BR", "letter"): "Atenciosamente,",
}
# How each language greets a reader whose form of address is not known: by
# their full name, in each language's neutral way.
GREETINGS = {
    ("en_GB", "email"): "Dear {name},",
    ("en_GB", "letter"): "Dear {name},",
    ("en_US", "email"): "Dear {name},",
    ("en_US", "letter"): "Dear {name}:",
    ("fr_FR", "email"): "Bonjour {name},",
    ("fr_FR", "letter"): "Madame, Monsieur,",
    ("de_DE", "email"): "Guten Tag {name},",
    ("de_DE", "letter"): "Guten Tag {name},",
    ("es_ES", "email"): "Buenos días, {name}:",
    ("es_ES", "letter"): "Buenos días, {name}:",
    ("pt_BR", "email"): "Olá, {name},",
    ("pt_BR", "letter"): "Olá, {name},",
}
LONG_DATES = {
    "en_GB": "20 November 2026",
    "en_US": "November 20, 2026",
    "fr_FR": "20 novembre 2026",
    "de_DE": "20. November 2026",
    "es_ES": "20 de noviembre de 2026",
    "pt_BR": "20 de novembro de 2026",
}
VARIANTS = ("email", "letter")


def from_string(message: EmailMessage) -> Any:
    return email.parser.Parser(policy=email.policy.default).parsestr(
        message.as_string()
    )


def from_bytes(message: EmailMessage) -> Any:
    return email.parser.BytesParser(policy=email.policy.default).parsebytes(
        message.as_bytes()
    )


PARSERS: dict[str, Callable[[EmailMessage], Any]] = {
    "as_string": from_string,
    "as_bytes": from_bytes,
}


def interview(**changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "organisation": "Acme Ltd",
        "role": "Data Engineer",
        "starts_at": END.subtract(hours=1),
        "ends_at": END,
        "interviewers": (PRIYA, KIM),
        "advertised_salary": SALARY,
    }
    fields.update(changes)
    return Interview(**fields)


IV = interview()


def draft_of(kind: str, iv: Interview = IV, **kwargs: Any) -> Draft:
    """Draft a letter of *kind* with the details it needs, plus *kwargs*."""
    needs: dict[str, dict[str, Any]] = {
        "thank_you": {"to": PRIYA, "highlight": HIGHLIGHT},
        "reference_brief": {"to": REFEREE, "emphasise": ["my work on pipelines"]},
        "offer_thanks": {"reply_by": dt.date(2026, 12, 4)},
    }
    if kwargs.get("variant") == "letter":
        kwargs.setdefault("dated", iv.ends_at.date())
    maker: Callable[..., Draft] = getattr(letters, kind)
    return maker(iv, **{"sender": ME, **needs.get(kind, {}), **kwargs})


def lf(text: str) -> str:
    """Normalise CRLF to LF and drop one trailing newline."""
    return text.replace("\r\n", "\n").removesuffix("\n")


def codes(findings: tuple[Finding, ...]) -> list[str]:
    return [finding.code for finding in findings]


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


# -- every kind, locale and layout ---------------------------------------------


@pytest.mark.parametrize(
    ("kind", "locale", "variant"), sweep(KINDS, LOCALES, VARIANTS, whole=[1, 2])
)
def test_every_kind_renders_in_every_locale_and_layout(
    kind: str, locale: str, variant: str
) -> None:
    draft = draft_of(kind, variant=variant, locale=locale)
    assert draft.kind == kind
    assert draft.locale == locale
    assert draft.interview == IV
    assert draft.subject.strip()
    assert draft.text.strip()
    assert draft.html.strip()
    # The greeting is the language's and the layout's, in both bodies: a
    # printed American letter closes it with a colon, a printed French one
    # names no one.
    greeting = GREETINGS[locale, variant].format(name=draft.to.name)
    assert f"\n{greeting}\n" in f"\n{draft.text}"
    assert f"<p>{html.escape(greeting)}</p>" in draft.html
    # The sign-off is the locale's and the layout's, followed by the sender.
    sign_off = SIGN_OFFS[locale, variant]
    assert f"{sign_off}\n{ME.name}\n" in draft.text
    assert f"{sign_off}<br>{ME.name}" in draft.html
    others = set(SIGN_OFFS.values()) - {sign_off}
    assert not any(other in draft.text for other in others)
    # A clean packaged draft has nothing to fix.
    assert draft.check() == ()


@pytest.mark.parametrize(("kind", "locale"), sweep(KINDS, LOCALES))
def test_a_printed_letter_carries_the_date_and_both_addresses(
    kind: str, locale: str
) -> None:
    draft = draft_of(kind, variant="letter", locale=locale)
    head, _, _ = draft.text.partition(
        GREETINGS[locale, "letter"].format(name=draft.to.name)
    )
    lines = head.splitlines()
    # The sender's name, address lines and email head the letter, in order.
    assert lines[: 2 + len(ME.address)] == [ME.name, *ME.address, ME.email]
    assert LONG_DATES[locale] in lines
    # Then the recipient's name, title (when known) and organisation.
    recipient = [draft.to.name, *([draft.to.title] if draft.to.title else [])]
    start = lines.index(draft.to.name)
    assert lines[start : start + len(recipient) + 1] == [*recipient, IV.organisation]
    assert LONG_DATES[locale] in draft.html
    for line in ME.address:
        assert html.escape(line) in draft.html
    assert "<address>" in draft.html


@pytest.mark.parametrize(("kind", "locale"), sweep(KINDS, LOCALES))
def test_an_email_has_no_letter_head(kind: str, locale: str) -> None:
    draft = draft_of(kind, locale=locale)
    greeting = GREETINGS[locale, "email"].format(name=draft.to.name)
    assert draft.text.startswith(f"{greeting}\n")
    assert ME.email not in draft.text
    assert not any(line in draft.text for line in ME.address)
    assert "<address>" not in draft.html


def test_a_printed_letter_needs_its_date() -> None:
    with pytest.raises(ValidationError) as caught:
        letters.thank_you(IV, to=PRIYA, sender=ME, highlight="x", variant="letter")
    assert caught.value.field == "dated"


def test_the_dated_day_is_the_one_given() -> None:
    draft = draft_of("thank_you", variant="letter", dated=dt.date(2026, 11, 23))
    assert "23 November 2026" in draft.text
    assert "20 November 2026" not in draft.text


@pytest.mark.parametrize(
    ("kind", "british", "american"),
    [
        ("feedback_thanks", "organisation", "organization"),
        ("reference_brief", "emphasise", "emphasize"),
    ],
)
def test_the_templates_own_words_follow_the_locale(
    kind: str, british: str, american: str
) -> None:
    gb = draft_of(kind, locale="en_GB")
    us = draft_of(kind, locale="en_US")
    for body in (gb.text, gb.html):
        assert british in body
        assert american not in body
    for body in (us.text, us.html):
        assert american in body
        assert british not in body


def test_what_a_person_typed_is_never_respelled() -> None:
    iv = interview(organisation="Organisation of Emphasise Ltd")
    draft = draft_of("feedback_thanks", iv, locale="en_US")
    assert "Organisation of Emphasise Ltd" in draft.text
    assert "Organization of" not in draft.text


WEEKDAYS = {
    "en_GB": "Friday 20 November",
    "en_US": "Friday, November 20",
    "fr_FR": "vendredi 20 novembre",
    "de_DE": "Freitag, 20. November",
    "es_ES": "viernes, 20 de noviembre",
    "pt_BR": "sexta-feira, 20 de novembro",
}


@pytest.mark.parametrize("locale", LOCALES)
def test_dates_are_written_the_locales_way(locale: str) -> None:
    brief = draft_of("reference_brief", locale=locale, contact_from=DAY)
    offer = draft_of("offer_thanks", locale=locale, reply_by=DAY)
    for draft in (brief, offer):
        assert WEEKDAYS[locale] in draft.text
        assert WEEKDAYS[locale] in draft.html
        other = next(v for k, v in WEEKDAYS.items() if k != locale)
        assert other not in draft.text


def test_the_thank_you_subject_names_the_role_and_the_candidate() -> None:
    draft = draft_of("thank_you")
    assert IV.role in draft.subject
    assert ME.name in draft.subject


def test_the_thank_you_comes_back_to_the_highlight_and_restates_interest() -> None:
    draft = draft_of("thank_you")
    assert HIGHLIGHT in draft.text
    assert HIGHLIGHT in draft.html
    assert "interest" in draft.text
    assert IV.organisation in draft.text
    assert IV.role in draft.text


def test_the_forgotten_point_appears_only_when_given() -> None:
    without = draft_of("thank_you")
    given_ = draft_of("thank_you", forgot="I led the migration to Kafka")
    assert "Kafka" not in without.text
    assert "Kafka" not in without.html
    # The point is made a sentence, in a paragraph of its own.
    assert "I led the migration to Kafka." in given_.text
    assert "I led the migration to Kafka." in given_.html
    assert len(paragraphs(given_.text)) == len(paragraphs(without.text)) + 1
    # A point with its own punctuation keeps it.
    asked = draft_of("thank_you", forgot="Did I mention Kafka?")
    assert "Did I mention Kafka?" in asked.text
    assert "Kafka?." not in asked.text


POINTS = [  # (highlight, forgot): the shortest note, and longer ones
    ("streaming", None),
    (HIGHLIGHT, None),
    (HIGHLIGHT, "I have run a team of four engineers for two years"),
    ("how the data platform team shares its on-call rota", "I speak German"),
]


@pytest.mark.parametrize(
    ("points", "locale", "variant"), sweep(POINTS, LOCALES, VARIANTS, whole=[0, 1])
)
def test_an_ordinary_thank_you_keeps_to_its_languages_words_of_body(
    points: tuple[str, str | None], locale: str, variant: str
) -> None:
    highlight, forgot = points
    draft = draft_of(
        "thank_you", highlight=highlight, forgot=forgot, locale=locale, variant=variant
    )
    # The body: the paragraphs between the greeting and the sign-off; 80 to
    # 150 words in English, as many as the language's measured factor makes
    # that (letters.body_words).
    greeting = GREETINGS[locale, variant].format(name=PRIYA.name)
    after = draft.text.split(f"{greeting}\n", 1)[1]
    body = after.split(f"\n{SIGN_OFFS[locale, variant]}\n")[0]
    fewest, most = letters.body_words("thank_you", locale)
    if locale.startswith("en"):
        assert (fewest, most) == (80, 150)
    assert fewest <= len(re.findall(r"[^\W\d_]+", body)) <= most
    assert "length" not in codes(draft.check())


# -- a panel -------------------------------------------------------------------

PANEL = (PRIYA, KIM, RAE)


def test_thank_you_each_writes_one_note_per_interviewer_in_order() -> None:
    iv = interview(interviewers=PANEL)
    points = {
        KIM: "the team's on-call rota",
        RAE: "how the role grew out of the old BI team",
        PRIYA: HIGHLIGHT,
    }
    drafts = thank_you_each(iv, sender=ME, highlights=points)
    assert [d.to for d in drafts] == list(PANEL)
    for draft in drafts:
        assert draft.kind == "thank_you"
        assert draft.text.startswith(f"Dear {draft.to.name},")
        assert points[draft.to] in draft.text
        for other, point in points.items():
            if other != draft.to:
                assert point not in draft.text
    assert "same-letter" not in codes(check_panel(drafts))


def test_a_panels_packaged_notes_differ_beyond_the_highlight() -> None:
    iv = interview(interviewers=PANEL)
    points = {KIM: "the on-call rota", RAE: "the old BI team", PRIYA: HIGHLIGHT}
    drafts = thank_you_each(iv, sender=ME, highlights=points)
    assert check_panel(drafts) == ()


def test_thank_you_each_takes_highlights_from_the_notes() -> None:
    iv = interview(interviewers=(PRIYA, KIM))
    notes = [
        Highlight(interviewer=KIM, point="the on-call rota"),
        Highlight(interviewer=PRIYA, point=HIGHLIGHT),
        Highlight(interviewer=KIM, point="a second point, not used"),
    ]
    first, second = thank_you_each(
        iv,
        sender=ME,
        highlights=notes,
        locale="en_US",
        variant="letter",
        dated=iv.ends_at.date(),
    )
    assert (first.to, second.to) == (PRIYA, KIM)
    assert HIGHLIGHT in first.text
    assert "the on-call rota" in second.text
    assert "a second point" not in second.text
    assert first.locale == second.locale == "en_US"
    assert "Sincerely," in first.text


def test_thank_you_each_needs_a_point_for_every_interviewer() -> None:
    iv = interview(interviewers=(PRIYA, KIM))
    with pytest.raises(ValidationError) as missing:
        thank_you_each(iv, sender=ME, highlights={PRIYA: HIGHLIGHT})
    assert missing.value.field == "highlights"
    assert "Kim Lee" in str(missing.value)
    with pytest.raises(ValidationError) as stranger:
        thank_you_each(
            iv,
            sender=ME,
            highlights={PRIYA: HIGHLIGHT, KIM: "the rota", RAE: "the agency"},
        )
    assert stranger.value.field == "highlights"
    with pytest.raises(ValidationError) as from_notes:
        thank_you_each(
            iv, sender=ME, highlights=[Highlight(interviewer=PRIYA, point="x")]
        )
    assert from_notes.value.field == "highlights"
    with pytest.raises(ValidationError) as not_a_highlight:
        thank_you_each(iv, sender=ME, highlights=["the rota"])  # type: ignore[list-item]
    assert not_a_highlight.value.field == "highlights[0]"
    with pytest.raises(ValidationError):
        thank_you_each(interview(interviewers=()), sender=ME, highlights={})


def same_note(draft: Draft, to: Person) -> Draft:
    """*draft* copied to *to*: the same words, only the name changed."""
    return attrs.evolve(draft, to=to, text=draft.text.replace(draft.to.name, to.name))


def test_check_panel_reports_notes_that_differ_only_in_the_name() -> None:
    iv = interview(interviewers=(PRIYA, KIM))
    first = thank_you(iv, to=PRIYA, sender=ME, highlight="the rota")
    findings = check_panel([first, same_note(first, KIM)])
    assert codes(findings) == ["same-letter"]
    assert findings[0].text == KIM.name
    assert PRIYA.name in findings[0].message
    # Each draft's own findings are reported too.
    long = " ".join(["streaming", "data"] * 75)
    noisy = thank_you_each(iv, sender=ME, highlights={PRIYA: long, KIM: "the rota"})
    assert "length" in codes(check_panel(noisy))
    assert "same-letter" not in codes(check_panel(noisy))


def test_thank_you_each_writes_each_member_a_different_note() -> None:
    # The same point for both: the notes still differ beyond it.
    iv = interview(interviewers=(PRIYA, KIM))
    drafts = thank_you_each(
        iv, sender=ME, highlights={PRIYA: "the rota", KIM: "the rota"}
    )
    assert "same-letter" not in codes(check_panel(drafts))


@pytest.mark.parametrize(
    ("other", "sender"),
    [
        (Person(name="Al Stone", email="al@acme.example"), ME),
        (Person(name="Ed Smith", email="ed@acme.example"), ME),
        (KIM, Candidate(name="Kim Jones", email="kim@example.org")),
    ],
    ids=["al-inside-valued", "ed-inside-interested", "sender-shares-a-name"],
)
def test_check_panel_sees_identical_notes_whatever_the_names(
    other: Person, sender: Candidate
) -> None:
    iv = interview(interviewers=(PRIYA, other))
    first = thank_you(iv, to=PRIYA, sender=sender, highlight="the rota")
    assert "same-letter" in codes(check_panel([first, same_note(first, other)]))


# -- who a letter goes to, and offers ------------------------------------------


@pytest.mark.parametrize(
    "maker", [feedback_request, check_in, rejection_reply, withdrawal, feedback_thanks]
)
def test_follow_ups_go_to_the_agency_else_the_first_interviewer(
    maker: Callable[..., Draft],
) -> None:
    direct = maker(IV, sender=ME)
    assert direct.to == PRIYA
    agency = interview(run_by=RunBy.AGENCY, agency_contact=RAE)
    assert maker(agency, sender=ME).to == RAE
    assert maker(agency, sender=ME, to=KIM).to == KIM
    with pytest.raises(ValidationError) as nobody:
        maker(interview(interviewers=()), sender=ME)
    assert nobody.value.field == "to"


def test_a_reference_brief_says_who_was_met_and_what_to_stress() -> None:
    iv = interview(interviewers=PANEL)
    draft = reference_brief(
        iv,
        to=REFEREE,
        sender=ME,
        contact_from=dt.date(2026, 11, 25),
        emphasise=["leading the Kafka migration", "mentoring"],
    )
    assert draft.to == REFEREE
    assert IV.role in draft.subject
    assert IV.organisation in draft.subject
    assert "Priya Shah, Kim Lee and Rae Park" in draft.text
    assert "from Wednesday 25 November." in draft.text
    assert "- leading the Kafka migration\n- mentoring\n" in draft.text
    assert "<li>mentoring</li>" in draft.html
    us = reference_brief(iv, to=REFEREE, sender=ME, locale="en_US")
    assert "Priya Shah, Kim Lee, and Rae Park" in us.text
    assert "November" not in us.text.partition("Dear")[2].partition("regards")[0]
    assert "<ul>" not in us.html


def test_a_feedback_request_through_an_agency_asks_them_to_ask() -> None:
    direct = feedback_request(IV, sender=ME)
    agency = feedback_request(
        interview(run_by=RunBy.AGENCY, agency_contact=RAE), sender=ME
    )
    assert agency.to == RAE
    # The agency is asked to ask the employer; an interviewer is asked directly.
    assert f"ask {IV.organisation} for" in agency.text
    assert f"ask {IV.organisation} for" not in direct.text
    assert "feedback" in direct.text
    assert "feedback" in agency.html


def test_an_offer_thanks_gives_the_reply_date_and_lists_the_points() -> None:
    draft = offer_thanks(
        IV,
        sender=ME,
        reply_by=dt.date(2026, 12, 4),
        discuss=["a holiday booked for March", "working from home on Fridays"],
    )
    assert "my answer by Friday 4 December." in draft.text
    assert "- a holiday booked for March\n" in draft.text
    assert "- working from home on Fridays\n" in draft.text
    assert "<li>a holiday booked for March</li>" in draft.html
    assert "<li>working from home on Fridays</li>" in draft.html
    plain = offer_thanks(IV, sender=ME, reply_by=dt.date(2026, 12, 4))
    assert "<li>" not in plain.html
    assert "\n- " not in plain.text


@pytest.mark.parametrize("salary", [45000, "45000", Decimal(42000), Decimal(48000)])
def test_a_salary_within_the_advertised_range_is_shown_with_it(
    salary: object,
) -> None:
    draft = offer_thanks(IV, sender=ME, reply_by=DAY, salary=salary)  # type: ignore[arg-type]
    amount = f"£{Decimal(salary):,}"  # type: ignore[arg-type]
    assert "£42,000 to £48,000 a year" in draft.text
    assert amount in draft.text
    assert amount in draft.html
    assert "£42,000 to £48,000 a year" in draft.html


@pytest.mark.parametrize("salary", [41999, "48000.01", 100000, 0, -5, 1.5, "lots"])
def test_a_salary_outside_the_advertised_range_is_refused(salary: object) -> None:
    with pytest.raises(ValidationError) as error:
        offer_thanks(IV, sender=ME, reply_by=DAY, salary=salary)  # type: ignore[arg-type]
    assert error.value.field == "salary"


def test_a_salary_needs_an_advertised_range() -> None:
    with pytest.raises(ValidationError) as error:
        offer_thanks(
            interview(advertised_salary=None), sender=ME, reply_by=DAY, salary=45000
        )
    assert error.value.field == "salary"


def test_an_offer_thanks_needs_a_reply_date() -> None:
    with pytest.raises(ValidationError) as error:
        offer_thanks(IV, sender=ME, reply_by=None)  # type: ignore[arg-type]
    assert error.value.field == "reply_by"


# -- Draft.check() -------------------------------------------------------------

CLEAN = draft_of("thank_you")


def edited(text: str, draft: Draft = CLEAN) -> Draft:
    return attrs.evolve(draft, text=text)


def test_a_clean_draft_has_no_findings() -> None:
    assert CLEAN.check() == ()


def test_length_finding_for_a_thank_you_outside_80_to_150_words_of_body() -> None:
    point = " ".join(["data", "pipelines"] * 40)
    long = thank_you(IV, to=PRIYA, sender=ME, highlight=point)
    assert codes(long.check()) == ["length"]
    short = edited("Dear Priya Shah,\n\nThank you for your time.\n\nRobin\n")
    assert codes(short.check()) == ["length"]
    # Only a thank-you note has a fewest number of words.
    brief = draft_of("withdrawal")
    assert "length" not in codes(edited(short.text, brief).check())


def test_the_length_is_counted_from_the_greeting() -> None:
    letter = draft_of("thank_you", variant="letter")
    head = "\n".join(["Street Road Avenue Lane"] * 30)
    assert "length" not in codes(edited(f"{head}\n{letter.text}", letter).check())


@pytest.mark.parametrize(
    "greeting",
    ["", "To whom it may concern,", "Dear Kim,", "Dear Sir or Madam,", "Hello there,"],
)
def test_greeting_finding_without_the_recipients_name(greeting: str) -> None:
    body = CLEAN.text.replace("Dear Priya Shah,", greeting)
    findings = [f for f in edited(body).check() if f.code == "greeting"]
    assert len(findings) == 1


@pytest.mark.parametrize(
    "greeting", ["Dear Priya,", "Dear Ms Shah,", "Hello Priya,", "Hi Priya Shah,"]
)
def test_no_greeting_finding_when_it_names_the_recipient(greeting: str) -> None:
    body = CLEAN.text.replace("Dear Priya Shah,", greeting)
    assert "greeting" not in codes(edited(body).check())


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("Acme Limted", "Acme Ltd"),
        ("acme ltd", "Acme Ltd"),
        ("ACME LTD", "Acme Ltd"),
        ("Data Enginer", "Data Engineer"),
    ],
)
def test_spelling_finding_for_names_written_differently(wrong: str, right: str) -> None:
    findings = [
        f
        for f in edited(CLEAN.text.replace(right, wrong)).check()
        if f.code == "spelling"
    ]
    assert findings
    assert {f.text for f in findings} == {wrong}
    assert all(repr(right) in f.message for f in findings)


def test_a_role_in_lower_case_is_not_a_misspelling() -> None:
    # "a data engineer" reads naturally; an organisation's name is not
    # changed by the sentence it is in.
    draft = edited(CLEAN.text.replace("Data Engineer role", "data engineer role"))
    assert "spelling" not in codes(draft.check())


def test_spelling_is_checked_in_the_subject_too() -> None:
    draft = attrs.evolve(CLEAN, subject=CLEAN.subject.replace("Engineer", "Enginer"))
    assert "spelling" in codes(draft.check())


def test_no_spelling_finding_without_the_record() -> None:
    draft = attrs.evolve(
        CLEAN, interview=None, text=CLEAN.text.replace("Ltd", "Limted")
    )
    assert "spelling" not in codes(draft.check())


@pytest.mark.parametrize("point", ["Acorn Labs", "Acme's roadmap", "data lakes"])
def test_no_spelling_finding_for_other_words(point: str) -> None:
    draft = thank_you(IV, to=PRIYA, sender=ME, highlight=f"{point} and streaming")
    assert "spelling" not in codes(draft.check())


@pytest.mark.parametrize(
    "point", ["the data engineering roadmap", "how data engineers work"]
)
def test_no_spelling_finding_for_other_forms_of_the_roles_words(point: str) -> None:
    draft = thank_you(IV, to=PRIYA, sender=ME, highlight=point)
    assert "spelling" not in codes(draft.check())


@pytest.mark.parametrize(
    "left",
    [
        "{{ highlight }}",
        "{% if x %}",
        "[name]",
        "[Company]",
        "<first name>",
        "TODO",
        "XXX",
    ],
)
def test_placeholder_finding(left: str) -> None:
    body = CLEAN.text.replace(HIGHLIGHT, f"the move {left} to streaming")
    findings = [f for f in edited(body).check() if f.code == "placeholder"]
    assert len(findings) == 1
    assert left.startswith(findings[0].text or "<none>")


@pytest.mark.parametrize("fine", ["a todo list", "Xxx", "{ braces }", "a [", "x]"])
def test_no_placeholder_finding_for_ordinary_text(fine: str) -> None:
    body = CLEAN.text.replace(HIGHLIGHT, f"the move {fine} to streaming")
    assert "placeholder" not in codes(edited(body).check())


def test_doubled_word_finding() -> None:
    body = CLEAN.text.replace(HIGHLIGHT, "the the move to streaming")
    findings = [f for f in edited(body).check() if f.code == "doubled-word"]
    assert [f.text for f in findings] == ["the the"]
    across = CLEAN.text.replace("I enjoyed the", "I I enjoyed the")
    assert "doubled-word" in codes(edited(across).check())
    for fine in ("the then", "then the", "the theme"):
        body = CLEAN.text.replace(HIGHLIGHT, f"{fine} move")
        assert "doubled-word" not in codes(edited(body).check())


# -- to_email ------------------------------------------------------------------

NAMES = ("José Álvarez", "Zoë Brontë", "Łukasz Wróbel", "王芳")


def header_names(message: EmailMessage) -> list[str]:
    return [name.lower() for name in message]


@pytest.mark.parametrize("serialize", list(PARSERS))
def test_an_email_carries_exactly_the_headers_set(serialize: str) -> None:
    parse = PARSERS[serialize]
    bare = parse(CLEAN.to_email(ME))
    assert sorted(header_names(bare)) == sorted(
        ["from", "to", "subject", "mime-version", "content-type"]
    )
    full = parse(
        CLEAN.to_email(
            ME,
            cc=[KIM, "hr@acme.example"],
            reply_to="robin.jones@example.net",
            date=END,
        )
    )
    assert sorted(header_names(full)) == sorted(
        [
            "from",
            "to",
            "cc",
            "reply-to",
            "date",
            "subject",
            "mime-version",
            "content-type",
        ]
    )
    assert [a.addr_spec for a in full["Cc"].addresses] == [
        KIM.email,
        "hr@acme.example",
    ]
    assert full["Reply-To"].addresses[0].addr_spec == "robin.jones@example.net"
    assert full["Date"].datetime == END
    assert full["From"].addresses[0].addr_spec == ME.email
    assert full["To"].addresses[0].addr_spec == PRIYA.email


@pytest.mark.parametrize(
    ("option", "header"),
    [
        ({"cc": ["hr@acme.example"]}, "cc"),
        ({"reply_to": KIM}, "reply-to"),
        ({"date": END}, "date"),
        ({"cc": ()}, None),
        ({"reply_to": None, "date": None}, None),
    ],
)
def test_each_optional_header_is_there_only_when_given(
    option: dict[str, Any], header: str | None
) -> None:
    parsed = from_bytes(CLEAN.to_email(ME, **option))
    base = ["from", "to", "subject", "mime-version", "content-type"]
    assert sorted(header_names(parsed)) == sorted(base + ([header] if header else []))


@pytest.mark.parametrize("serialize", list(PARSERS))
def test_an_email_is_text_and_html_alternatives(serialize: str) -> None:
    message = CLEAN.to_email(ME)
    assert message.get_content_type() == "multipart/alternative"
    parsed = PARSERS[serialize](message)
    assert parsed.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in parsed.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    assert parsed["Subject"] == CLEAN.subject
    # The message is built for SMTP, so lines end in CRLF on the way back.
    assert lf(parsed.get_body(("plain",)).get_content()) == lf(CLEAN.text)
    assert lf(parsed.get_body(("html",)).get_content()) == lf(CLEAN.html)


@pytest.mark.parametrize("serialize", list(PARSERS))
def test_non_ascii_names_survive_the_round_trip(serialize: str) -> None:
    to = Person(name=NAMES[0], email="jose@acme.example")
    sender = Candidate(name=NAMES[3], email="wang@example.org")
    iv = interview(organisation="Zoë & Łukasz Sp. z o.o.", interviewers=(to,))
    draft = thank_you(iv, to=to, sender=sender, highlight="数据流水线 and café culture")
    cc = [
        Person(name=NAMES[1], email="zoe@acme.example"),
        Person(name=NAMES[2], email="lw@acme.example"),
    ]
    parsed = PARSERS[serialize](draft.to_email(sender, cc=cc, reply_to=to))
    assert parsed["To"].addresses[0].display_name == NAMES[0]
    assert parsed["From"].addresses[0].display_name == NAMES[3]
    assert [a.display_name for a in parsed["Cc"].addresses] == list(NAMES[1:3])
    assert parsed["Reply-To"].addresses[0].display_name == NAMES[0]
    assert parsed["Subject"] == draft.subject
    assert lf(parsed.get_body(("plain",)).get_content()) == lf(draft.text)
    assert lf(parsed.get_body(("html",)).get_content()) == lf(draft.html)


@pytest.mark.parametrize("name", ["王" * 20, "é" * 25], ids=["cjk", "latin"])
def test_long_non_ascii_display_names_survive_the_round_trip(name: str) -> None:
    to = Person(name=name, email="to@acme.example")
    draft = thank_you(interview(interviewers=(to,)), to=to, sender=ME, highlight="x")
    parsed = from_bytes(draft.to_email(ME))
    assert parsed["To"].addresses[0].display_name == name


@pytest.mark.parametrize(
    ("role", "sender_name"),
    [
        ("Chargée de communication", "José Álvarez"),
        ("Responsable produit", "Łukasz Wróbel"),
        ("0000000000𐀀", "¡ ¡"),
    ],
)
def test_long_non_ascii_subjects_survive_the_round_trip(
    role: str, sender_name: str
) -> None:
    sender = Candidate(name=sender_name, email="from@example.org")
    draft = thank_you(interview(role=role), to=PRIYA, sender=sender, highlight="x")
    assert sender_name in draft.subject
    parsed = from_bytes(draft.to_email(sender))
    assert parsed["Subject"] == draft.subject


@pytest.mark.parametrize(
    "name",
    [
        "=?utf-8?q?a=0D=0ABcc:_x@y.org?=",
        "=?utf-8?b?ZXZpbEB4Lm9yZw==?=",
        "=?utf-8?q?Priya?=",
    ],
    ids=["crlf-bcc", "recipient-swap", "harmless"],
)
def test_encoded_word_lookalikes_cannot_change_the_headers(name: str) -> None:
    to = Person(name=name, email="to@acme.example")
    iv = interview(role=name, interviewers=(to,))
    draft = thank_you(iv, to=to, sender=ME, highlight="x")
    try:
        message = draft.to_email(ME)
    except ValidationError:
        return  # refusing such a name is a fine answer too
    raw = message.as_bytes()
    assert b"\nBcc:" not in raw
    parsed = from_bytes(message)
    assert sorted(header_names(parsed)) == sorted(
        ["from", "to", "subject", "mime-version", "content-type"]
    )
    assert [a.addr_spec for a in parsed["To"].addresses] == ["to@acme.example"]
    assert parsed["To"].addresses[0].display_name == name
    assert parsed["Subject"] == draft.subject


def test_an_email_accepts_a_candidate_a_person_or_an_address() -> None:
    for sender in (ME, KIM, "robin@example.org"):
        message = CLEAN.to_email(sender)
        assert message["From"].addresses[0].addr_spec == (
            sender if isinstance(sender, str) else sender.email
        )


def test_a_recipient_without_an_email_address_is_refused() -> None:
    nameless = attrs.evolve(CLEAN, to=Person(name="Priya Shah"))
    with pytest.raises(ValidationError) as error:
        nameless.to_email(ME)
    assert error.value.field == "to.email"
    with pytest.raises(ValidationError) as copy:
        CLEAN.to_email(ME, cc=[KIM, Person(name="No Email")])
    assert copy.value.field == "cc[1].email"


@pytest.mark.parametrize(
    "bad",
    [
        "a@b.org\r\nBcc: x@y.org",
        "a@b.org\nBcc: x@y.org",
        "a@b.org, c@d.org",
        "a@b.org; c@d.org",
        "Someone <a@b.org>",
        "a@b.org c@d.org",
        "not-an-address",
        "a..b@c.org",
        ".a@b.org",
        "a.@acme.example",
        '"a..b"@acme.example',
        "",
    ],
)
def test_a_bad_address_string_is_refused_before_anything_is_built(bad: str) -> None:
    with pytest.raises(ValidationError) as copy:
        CLEAN.to_email(ME, cc=["ok@acme.example", bad])
    assert copy.value.field == "cc[1]"
    with pytest.raises(ValidationError) as reply:
        CLEAN.to_email(ME, reply_to=bad)
    assert reply.value.field == "reply_to"
    with pytest.raises(ValidationError) as sender:
        CLEAN.to_email(bad)
    assert sender.value.field == "sender"


@pytest.mark.parametrize("local", ["josé", "王", "zoë.b"])
def test_a_non_ascii_local_part_is_refused(local: str) -> None:
    with pytest.raises(ValidationError) as error:
        CLEAN.to_email(f"{local}@example.org")
    assert error.value.field == "sender"
    # The records refuse it too: the stdlib would not write it in a header.
    with pytest.raises(ValidationError) as recipient:
        Person(name="José", email=f"{local}@acme.example")
    assert recipient.value.field == "email"


@given(address=pst_emails())
def test_every_address_a_person_holds_becomes_a_header_as_it_is(
    address: str,
) -> None:
    # One rule decides: what Person and Candidate accept, to_email writes,
    # and the header reads back as the same address without a defect.
    person = Person(name="Priya Shah", email=address)
    sender = Candidate(name="Robin Jones", email=address)
    message = attrs.evolve(CLEAN, to=person).to_email(sender, cc=[address])
    parsed = from_bytes(message)
    for header in ("To", "From", "Cc"):
        (read,) = parsed[header].addresses
        assert read.addr_spec == address
        assert not parsed[header].defects


@pytest.mark.parametrize(
    "subject", ["Hi\r\nBcc: x@y.org", "Hi\nthere", "Hi\u2028", " "]
)
def test_a_draft_cannot_hold_a_subject_that_breaks_a_header(subject: str) -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(CLEAN, subject=subject)
    assert error.value.field == "subject"


def test_a_naive_date_is_refused() -> None:
    naive = dt.datetime(2026, 11, 20, 17, 0)  # noqa: DTZ001 - naive on purpose
    with pytest.raises(NaiveDatetimeError) as error:
        CLEAN.to_email(ME, date=naive)
    assert error.value.field == "date"


def test_an_aware_date_is_written_in_its_own_offset() -> None:
    when = pendulum.datetime(2026, 7, 1, 9, 0, tz=LONDON)
    message = CLEAN.to_email(ME, date=when)
    assert message["Date"].datetime == when
    assert str(message["Date"]).endswith("+0100")


# -- what a person typed, rendered safely --------------------------------------

HOSTILE = ("{{7*7}}", "{% for %}", "<script>alert(1)</script>", "Smith & Sons")


@pytest.mark.parametrize("value", HOSTILE)
def test_typed_text_renders_literally_in_text_and_escaped_in_html(value: str) -> None:
    person = Person(name=f"Priya {value}", email="priya@acme.example")
    iv = interview(
        organisation=f"Acme {value}", role=f"Engineer {value}", interviewers=(person,)
    )
    sender = Candidate(name=f"Robin {value}", email="robin@example.org")
    draft = thank_you(
        iv,
        to=person,
        sender=sender,
        highlight=f"the move {value} to streaming",
        forgot=f"I said {value}",
    )
    for typed in (person.name, iv.organisation, sender.name, f"the move {value}"):
        assert typed in draft.text
        assert html.escape(typed, quote=False) in draft.html
    assert f"I said {value}." in draft.text
    assert iv.role in draft.subject
    assert "49" not in draft.text
    assert "49" not in draft.html
    assert "49" not in draft.subject
    assert "<script>" not in draft.html
    assert html.escape(value, quote=False) in draft.html
    if value != html.escape(value):
        assert value not in draft.html


def test_ampersands_are_escaped_in_html() -> None:
    iv = interview(organisation="Smith & Sons")
    draft = thank_you(iv, to=PRIYA, sender=ME, highlight="R&D")
    assert "Smith &amp; Sons" in draft.html
    assert "R&amp;D" in draft.html
    assert "Smith & Sons" not in draft.html
    assert "Smith & Sons" in draft.text
    assert "&amp;" not in draft.text


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_escapes_typed_names(kind: str) -> None:
    person = Person(name="<b>Priya</b>", email="p@acme.example", title="<i>Head</i>")
    iv = interview(
        organisation="<script>x</script>", role="R&D <Lead>", interviewers=(person,)
    )
    to = {"to": person} if kind in ("thank_you", "reference_brief") else {}
    draft = draft_of(kind, iv, variant="letter", **to)
    assert "<script>" not in draft.html
    assert "<b>" not in draft.html
    assert "<i>" not in draft.html
    assert "&lt;script&gt;x&lt;/script&gt;" in draft.html
    assert "<script>x</script>" in draft.text
    assert "<b>Priya</b>" in draft.text


# -- the property: any printable text ------------------------------------------

_PRINTABLE = st.characters(
    codec="utf-8", categories=("L", "M", "N", "P", "S"), include_characters=" "
)


def _one_line(max_size: int) -> st.SearchStrategy[str]:
    # "=?" could start an encoded word, which to_email refuses in headers
    # (tested on its own above).
    return st.text(_PRINTABLE, min_size=1, max_size=max_size).filter(
        lambda s: s.strip() == s and s.isprintable() and "=?" not in s
    )


_LINES = _one_line(40)


def _as_markupsafe(text: str) -> str:
    """Jinja writes quotes as &#34; and &#39;; html.escape as &quot; and &#x27;."""
    return text.replace("&#34;", "&quot;").replace("&#39;", "&#x27;")


@given(
    highlight=_LINES,
    forgot=st.none() | _LINES,
    name=_LINES,
    sender_name=_LINES,
    organisation=_LINES,
    role=_LINES,
)
def test_any_printable_text_renders_and_survives_an_email(
    *,
    highlight: str,
    forgot: str | None,
    name: str,
    sender_name: str,
    organisation: str,
    role: str,
) -> None:
    to = Person(name=name, email="to@acme.example")
    sender = Candidate(name=sender_name, email="from@example.org")
    iv = interview(organisation=organisation, role=role, interviewers=(to,))
    draft = thank_you(iv, to=to, sender=sender, highlight=highlight, forgot=forgot)
    # Inside a sentence: its own closing mark gives way to the letter's.
    assert inline(highlight) in draft.text
    assert html.escape(inline(highlight)) in _as_markupsafe(draft.html)
    assert f"Dear {name}," in draft.text
    assert organisation in draft.text
    if forgot is not None:
        # A sentence of its own: a capital first and a closing mark.
        assert sentence(forgot) in draft.text
        assert html.escape(sentence(forgot)) in _as_markupsafe(draft.html)
    parsed = from_bytes(draft.to_email(sender))
    assert lf(parsed.get_body(("plain",)).get_content()) == lf(draft.text)
    assert lf(parsed.get_body(("html",)).get_content()) == lf(draft.html)
    assert parsed["Subject"] == draft.subject
    assert parsed["To"].addresses[0].display_name == name
    assert parsed["From"].addresses[0].display_name == sender_name
    assert parsed["To"].addresses[0].addr_spec == to.email


# -- template errors -----------------------------------------------------------


def captured_context(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The context that thank_you hands its templates."""
    seen: list[dict[str, Any]] = []
    original = letters._render

    def spy(html_: bool, name: str, context: Mapping[str, Any]) -> str:
        seen.append(dict(context))
        return original(html_, name, context)

    with monkeypatch.context() as patch:
        # Where the letters look _render up.
        patch.setattr("postinterview.letters._compose._render", spy)
        thank_you(IV, to=PRIYA, sender=ME, highlight=HIGHLIGHT)
    return seen[-1]


@pytest.mark.parametrize("html_", [False, True])
@pytest.mark.parametrize("missing", ["highlight", "organisation", "sender"])
def test_a_missing_variable_names_the_template_and_the_variable(
    monkeypatch: pytest.MonkeyPatch, html_: bool, missing: str
) -> None:
    context = captured_context(monkeypatch)
    name = f"thank_you/body.{'html' if html_ else 'txt'}.j2"
    assert letters._render(html_, name, context)  # the full context renders
    del context[missing]
    with pytest.raises(TemplateRenderError) as error:
        letters._render(html_, name, context)
    assert error.value.template == name
    assert repr(missing) in str(error.value)
    assert name in str(error.value)


def test_a_missing_attribute_names_the_attribute(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = captured_context(monkeypatch)
    context["sender"] = {"email": "sam@example.org"}
    with pytest.raises(TemplateRenderError) as error:
        letters._render(False, "thank_you/body.txt.j2", context)
    assert "'name'" in str(error.value)


# -- templates written by a host's users ---------------------------------------


def _helper() -> None:
    """A Python function, whose __globals__ a template must not reach."""


CONTEXT: dict[str, Any] = {"x": "text", "items": [1, 2], "f": _helper}


@pytest.mark.parametrize(
    "source",
    [
        "{{ x.__class__ }}",
        "{{ f.__globals__ }}",
        "{{ x|attr('__class__') }}",
        "{{ '{0.__class__}'.format(x) }}",
        "{{ '{0.__class__.__mro__}'.format(x) }}",
        "{{ items.append(1) }}",
        "{{ items.__len__() }}",
        "{{ x.__init__.__globals__ }}",
    ],
)
def test_private_attributes_are_out_of_reach(source: str) -> None:
    items = [1, 2]
    with pytest.raises(UnsafeTemplateError) as error:
        render_user_template(source, {**CONTEXT, "items": items})
    assert error.value.line == 1
    assert items == [1, 2]


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a' * 10**9 }}",
        "{{ 10**9 * 'a' }}",
        "{{ [0] * 10**9 }}",
        "{{ ('a' * 1000) * 1000 }}",
        "{{ '%999999999s' % 1 }}",
        "{{ '%-99999s' % 'a' }}",
        "{{ '%.99999f' % 1 }}",
        "{{ '{:>999999999}'.format(1) }}",
        "{{ '%99999s'|format(1) }}",
        "{{ range(10**6)|list|length }}",
        "{{ range(1001)|list|length }}",
        "{{ 2 ** 100000 }}",
    ],
)
def test_huge_expressions_are_refused(source: str) -> None:
    with pytest.raises(UnsafeTemplateError):
        render_user_template(source, {}, max_chars=10**9)


def test_small_expressions_of_the_same_kinds_are_fine() -> None:
    source = "{{ 'ab' * 3 }} {{ '%5s' % 'x' }} {{ range(3)|list }} {{ 2 ** 10 }}"
    assert render_user_template(source, {}) == "ababab     x [0, 1, 2] 1024"
    assert render_user_template("{{ range(1000)|list|length }}", {}) == "1000"


@pytest.mark.parametrize(
    "expression",
    [
        "'%*s' % (10**6, 'a')",
        "'%(a)99999s' % {'a': 'x'}",
        "'{:{w}}'.format('a', w=10**6)",
        "'{0:>{1}}'.format('a', 10**6)",
        "'a'|center(10**6)",
        "'a'.ljust(10**6)",
        "('a' * 1000)|join('b' * 1000)",
        "('a' * 100000)|replace('a', 'aaaaaaaaaa')",
        "lipsum(300)",
        "'a'.rjust(10**6)",
        "'a'.zfill(10**6)",
        "('\\t' * 1000).expandtabs(1000)",
        "('b' * 1000).join(['a'] * 1000)",
        "('a' * 100000).replace('a', 'aa')",
        "('a' * 60000) ~ ('a' * 60000)",
        "('a' * 60000) + ('a' * 60000)",
        "[0] * 60000 + [0] * 60000",
        "'a'|indent(10**6)",
        "[1]|batch(10**6, 'x')|list",
        "[1]|slice(10**6, 'x')|list",
    ],
)
def test_every_way_to_build_something_huge_is_refused(expression: str) -> None:
    # Built and measured, never written out: only the expression's cap applies.
    source = f"{{% set built = {expression} %}}{{{{ built|length }}}}"
    with pytest.raises(UnsafeTemplateError):
        render_user_template(source, {})


def test_output_past_max_chars_is_refused() -> None:
    assert render_user_template("{{ 'a' * 10 }}", {}, max_chars=10) == "a" * 10
    with pytest.raises(TemplateRenderError):
        render_user_template("{{ 'a' * 11 }}", {}, max_chars=10)
    with pytest.raises(TemplateRenderError):
        render_user_template(
            "{% for i in range(1000) %}xyz{% endfor %}", {}, max_chars=2999
        )


def test_a_syntax_error_gives_its_line() -> None:
    source = "Dear {{ name }},\n\nThanks.\n{% for %}\n"
    with pytest.raises(TemplateRenderError) as error:
        render_user_template(source, {"name": "Priya"})
    assert error.value.line == 4
    assert not isinstance(error.value, UnsafeTemplateError)
    assert "line 4" in str(error.value)


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("first\n{{ 1/0 }}\nthird", 2),
        ("{{ missing }}", 1),
        ("a\nb\nc\n{{ x.nope.deeper }}", 4),
        ("{% if true %}\n\n{{ 'x'|format(1) }}{% endif %}", 3),
    ],
)
def test_a_failing_expression_gives_its_line(source: str, line: int) -> None:
    with pytest.raises(TemplateRenderError) as error:
        render_user_template(source, {"x": "text"})
    assert error.value.line == line
    assert not isinstance(error.value, UnsafeTemplateError)


def test_html_user_templates_escape_and_text_ones_do_not() -> None:
    context = {"name": "<b>R&D</b>"}
    assert render_user_template("{{ name }}", context, html=True) == (
        "&lt;b&gt;R&amp;D&lt;/b&gt;"
    )
    assert render_user_template("{{ name }}", context) == "<b>R&D</b>"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en_GB", "20 November 2026"), ("en_US", "November 20, 2026")],
)
def test_user_templates_have_the_filters(locale: str, expected: str) -> None:
    context = {"d": DAY, "locale": locale, "people": [PRIYA, KIM, RAE]}
    assert render_user_template("{{ d|longdate }}", context) == expected
    names = render_user_template("{{ people|names }}", context)
    serial = "," if locale == "en_US" else ""
    assert names == f"Priya Shah, Kim Lee{serial} and Rae Park"
    assert render_user_template("{{ 'organisation'|spell }}", context) == (
        "organization" if locale == "en_US" else "organisation"
    )


def test_a_user_template_cannot_change_its_context() -> None:
    items = [1, 2]
    context = {"items": items}
    render_user_template("{% set items = [9] %}{{ items }}", context)
    assert items == [1, 2]
    assert context == {"items": [1, 2]}


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "100", None])
def test_bad_max_chars_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as error:
        render_user_template("x", {}, max_chars=bad)  # type: ignore[arg-type]
    assert error.value.field == "max_chars"


def test_a_template_must_be_a_string() -> None:
    with pytest.raises(ValidationError) as error:
        render_user_template(b"x", {})  # type: ignore[arg-type]
    assert error.value.field == "source"


# -- embedding in a host's Jinja -----------------------------------------------


def prefixed_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PrefixLoader({"postinterview": letters.loader()}),
        autoescape=False,  # noqa: S701 - plain-text letters
        **letters.OPTIONS,
    )
    env.filters.update(FILTERS)
    letters.install_messages(env)
    return env


def test_a_host_can_mount_the_templates_under_a_prefix() -> None:
    env = prefixed_environment()
    for kind in KINDS:
        for part in ("subject.txt.j2", "body.txt.j2", "body.html.j2"):
            template = env.get_template(f"postinterview/{kind}/{part}")
            assert template.filename is not None
            assert template.filename.endswith(f"{kind}/{part}")
    source, _, _ = letters.loader().get_source(env, "thank_you/body.txt.j2")
    assert "{% block body %}" in source


def test_templates_mounted_under_a_prefix_render(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = captured_context(monkeypatch)
    template = prefixed_environment().get_template(
        "postinterview/thank_you/body.txt.j2"
    )
    assert template.render(context) == letters._render(
        False, "thank_you/body.txt.j2", context
    )


def test_a_host_template_overrides_a_block_and_reaches_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "thank_you").mkdir()
    (tmp_path / "thank_you" / "body.txt.j2").write_text(
        '{% extends "postinterview/thank_you/body.txt.j2" %}\n'
        "{% block body %}HOST FIRST\n{{ super() }}{% endblock %}\n",
        encoding="utf-8",
    )
    (tmp_path / "host").mkdir()
    (tmp_path / "host" / "note.txt.j2").write_text(
        'Re: {% include "postinterview/thank_you/subject.txt.j2" %}'
        "{{ interview_day|longdate }}",
        encoding="utf-8",
    )
    context = captured_context(monkeypatch)
    original = letters._render(False, "thank_you/body.txt.j2", context)
    env = environment([tmp_path])
    shown = env.get_template("thank_you/body.txt.j2").render(context)
    assert shown.startswith(f"Dear {PRIYA.name},")
    body = shown.partition("HOST FIRST\n")[2]
    assert body
    assert HIGHLIGHT in body
    assert shown.replace("HOST FIRST\n", "") == original
    # The packaged original stays reachable, under its prefix.
    assert (
        env.get_template("postinterview/thank_you/body.txt.j2").render(context)
        == original
    )
    # A template of the host's own uses the packaged ones and the filters.
    note = env.get_template("host/note.txt.j2").render(context)
    assert note.startswith(f"Re: {IV.role} interview")
    assert note.endswith("20 November 2026")
    # Without the host's directory, the packaged template is found as it is.
    assert (
        environment().get_template("thank_you/body.txt.j2").render(context) == original
    )


def test_an_html_environment_escapes_every_template(tmp_path: Path) -> None:
    (tmp_path / "plain.txt.j2").write_text("{{ value }}", encoding="utf-8")
    (tmp_path / "page.j2").write_text("<p>{{ value }}</p>", encoding="utf-8")
    escaped = environment([tmp_path], html=True)
    assert escaped.get_template("page.j2").render(value="<b>&") == (
        "<p>&lt;b&gt;&amp;</p>"
    )
    assert escaped.get_template("plain.txt.j2").render(value="<b>") == "&lt;b&gt;"
    assert escaped.from_string("{{ value }}").render(value="<b>") == "&lt;b&gt;"
    plain = environment([tmp_path])
    assert plain.get_template("page.j2").render(value="<b>&") == "<p><b>&</p>"


def test_environments_have_the_filters() -> None:
    assert set(FILTERS) == {
        "spell",
        "longdate",
        "weekday",
        "names",
        "money",
        "sentence",
        "inline",
        "stop",
        "paragraphs",
    }
    for html_ in (False, True):
        env = environment(html=html_)
        for name, function in FILTERS.items():
            assert env.filters[name] is function
        assert env.from_string("{{ d|longdate }}").render(d=DAY, locale="en_US") == (
            "November 20, 2026"
        )
        assert env.undefined is jinja2.StrictUndefined


def test_money_and_sentence_filters() -> None:
    sentence = FILTERS["sentence"]
    env = environment()

    def money(locale: str, *args: object) -> str:
        written = env.from_string("{{ value|money(*args) }}").render(
            value=args[0], args=args[1:], locale=locale
        )
        return written.replace("\u00a0", " ").replace("\u202f", " ")

    assert money("en_GB", SALARY) == "£42,000 to £48,000 a year"
    assert money("en_US", Decimal("1234.50"), "USD") == "$1,234.50"
    assert money("en_GB", Decimal(5), "JPY") == "JP¥5"
    # CLDR's way in each language: the figure, the symbol and the grouping.
    assert money("fr_FR", Decimal(55000), "EUR") == "55 000 €"
    assert money("de_DE", Decimal("1234.5"), "EUR") == "1.234,50 €"
    assert money("pt_BR", Decimal(8500), "BRL") == "R$ 8.500"
    assert sentence("I speak German") == "I speak German."
    assert sentence("Really?  ") == "Really?"


def test_packaged_templates_are_loaded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    for kind in KINDS:  # every packaged template that follows, loaded once
        draft_of(kind)
        draft_of(kind, variant="letter", locale="en_US")
    calls: list[str] = []
    original = jinja2.PackageLoader.get_source

    def spy(self: jinja2.PackageLoader, env: jinja2.Environment, name: str) -> Any:
        calls.append(name)
        return original(self, env, name)

    monkeypatch.setattr(jinja2.PackageLoader, "get_source", spy)
    for kind in KINDS:
        draft_of(kind)
        draft_of(kind, variant="letter", locale="en_US")
    assert calls == []
    # The spy does see a fresh environment loading a template.
    environment().get_template("thank_you/subject.txt.j2")
    assert calls == ["thank_you/subject.txt.j2"]


# -- from a plan to drafts -----------------------------------------------------


def only(actions: tuple[Any, ...]) -> Any:
    assert len(actions) == 1, actions
    return actions[0]


def test_draft_for_thanks_each_interviewer_of_the_plan() -> None:
    app = Application.from_interview(IV)
    thanks = plan(app, now=END).of_kind(ActionKind.THANK)
    assert [a.recipient for a in thanks] == [PRIYA, KIM]
    for action in thanks:
        draft = draft_for(action, app, sender=ME, highlight=HIGHLIGHT)
        assert draft.kind == "thank_you"
        assert draft.to == action.recipient
        assert HIGHLIGHT in draft.text
        assert draft.text.startswith(f"Dear {action.recipient.name},")
        assert draft.check() == ()
    us = draft_for(thanks[0], app, sender=ME, locale="en_US", highlight="x", forgot="y")
    assert us.locale == "en_US"
    assert "Best regards," in us.text
    assert "Y." in us.text  # typed as "y": a sentence of its own


def test_draft_for_needs_the_highlight() -> None:
    app = Application.from_interview(IV)
    action = plan(app, now=END).of_kind(ActionKind.THANK)[0]
    with pytest.raises(ValidationError) as error:
        draft_for(action, app, sender=ME)
    assert error.value.field == "highlight"


def test_draft_for_refuses_an_unknown_detail() -> None:
    app = Application.from_interview(IV)
    action = plan(app, now=END).of_kind(ActionKind.THANK)[0]
    with pytest.raises(ValidationError) as error:
        draft_for(action, app, sender=ME, highlight="x", colour="red")
    assert error.value.field == "colour"


@pytest.mark.parametrize("kind", [ActionKind.REFLECT, ActionKind.MOVE_ON])
def test_draft_for_refuses_an_action_without_a_letter(kind: ActionKind) -> None:
    app = Application.from_interview(IV)
    action = only(plan(app, now=END).of_kind(kind))
    with pytest.raises(ValidationError) as error:
        draft_for(action, app, sender=ME)
    assert error.value.field == "action"


def test_draft_for_a_rejection_asks_for_feedback_then_replies() -> None:
    app = Application.from_interview(IV).record(Rejected(at=END.add(days=3)))
    request = only(plan(app, now=END.add(days=3)).of_kind(ActionKind.REQUEST_FEEDBACK))
    draft = draft_for(request, app, sender=ME)
    assert draft.kind == "feedback_request"
    assert draft.to == PRIYA
    assert draft.text == feedback_request(IV, sender=ME).text
    app = app.record(FeedbackRequested(at=END.add(days=4), to=PRIYA))
    app = app.record(FeedbackDeclined(at=END.add(days=6)))
    reply = only(plan(app, now=END.add(days=6)).of_kind(ActionKind.REPLY_TO_REJECTION))
    draft = draft_for(reply, app, sender=ME)
    assert draft.kind == "rejection_reply"
    assert draft.to == PRIYA


def test_draft_for_an_agency_rejection_writes_to_the_agency() -> None:
    iv = interview(run_by=RunBy.AGENCY, agency_contact=RAE)
    app = Application.from_interview(iv).record(Rejected(at=END.add(days=2), by=KIM))
    request = only(plan(app, now=END.add(days=2)).of_kind(ActionKind.REQUEST_FEEDBACK))
    draft = draft_for(request, app, sender=ME)
    assert draft.to == RAE
    assert draft.text == feedback_request(iv, sender=ME).text


def test_draft_for_an_offer_replies_by_its_respond_by_date() -> None:
    respond_by = pendulum.datetime(2026, 12, 4, 17, 0, tz=LONDON)
    app = Application.from_interview(IV).record(
        OfferReceived(at=END.add(days=2), respond_by=respond_by, by=KIM)
    )
    action = only(plan(app, now=END.add(days=2)).of_kind(ActionKind.THANK_FOR_OFFER))
    draft = draft_for(action, app, sender=ME)
    assert draft.kind == "offer_thanks"
    assert draft.to == KIM
    assert "by the date you asked for, Friday 4 December." in draft.text
    chosen = draft_for(action, app, sender=ME, reply_by=dt.date(2026, 12, 2))
    assert "my answer by Wednesday 2 December." in chosen.text
    assert "4 December" not in chosen.text
    later = draft_for(action, app, sender=ME, reply_by=dt.date(2026, 12, 7))
    assert "You asked for my answer by Friday 4 December." in later.text
    assert "would it be possible to have until Monday 7 December?" in later.text
    with_salary = draft_for(action, app, sender=ME, salary=45000, discuss=["a"])
    assert "£45,000" in with_salary.text


def test_draft_for_an_offer_without_a_date_needs_reply_by() -> None:
    app = Application.from_interview(IV).record(OfferReceived(at=END.add(days=2)))
    action = only(plan(app, now=END.add(days=2)).of_kind(ActionKind.THANK_FOR_OFFER))
    with pytest.raises(ValidationError) as error:
        draft_for(action, app, sender=ME)
    assert error.value.field == "reply_by"
    assert (
        "Friday 4 December"
        in draft_for(action, app, sender=ME, reply_by=dt.date(2026, 12, 4)).text
    )


def test_draft_for_lays_out_a_letter_for_the_post() -> None:
    app = Application.from_interview(interview(preferred_channel=Channel.LETTER))
    thanks = plan(app, now=END).of_kind(ActionKind.THANK)
    draft = draft_for(thanks[0], app, sender=ME, highlight="x")
    assert draft.text.startswith(f"{ME.name}\n")
    assert "20 November 2026" in draft.text
    assert "Yours sincerely," in draft.text
    email_app = Application.from_interview(IV)
    action = plan(email_app, now=END).of_kind(ActionKind.THANK)[0]
    assert draft_for(action, email_app, sender=ME, highlight="x").text.startswith(
        "Dear "
    )
    forced = draft_for(action, email_app, sender=ME, highlight="x", variant="letter")
    assert forced.text.startswith(f"{ME.name}\n")


def test_draft_for_a_referee_needs_to() -> None:
    iv = interview(references_may_be_contacted=True)
    app = Application.from_interview(iv)
    action = only(plan(app, now=END).of_kind(ActionKind.NOTIFY_REFERENCES))
    with pytest.raises(ValidationError) as error:
        draft_for(action, app, sender=ME)
    assert error.value.field == "to"
    draft = draft_for(action, app, sender=ME, to=REFEREE, emphasise=["pipelines"])
    assert draft.kind == "reference_brief"
    assert draft.to == REFEREE
    assert "- pipelines" in draft.text


# -- notebook display ----------------------------------------------------------


def test_the_html_repr_shows_the_header_and_the_body() -> None:
    iv = interview(role="R&D <Lead>")
    draft = thank_you(iv, to=PRIYA, sender=ME, highlight=HIGHLIGHT)
    shown = draft._repr_html_()
    assert html.escape(draft.subject) in shown
    assert draft.subject not in shown
    assert PRIYA.name in shown
    assert html.escape(f"<{PRIYA.email}>") in shown
    body = draft.html.partition("<body>")[2].partition("</body>")[0]
    for paragraph in re.findall(r"<p>.*?</p>", body):
        assert paragraph in shown
    for tag in ("<html", "<head", "<body", "<!DOCTYPE", "<title"):
        assert tag not in shown


def test_the_markdown_repr_shows_subject_recipient_and_body() -> None:
    shown = CLEAN._repr_markdown_()
    assert CLEAN.subject in shown
    assert PRIYA.name in shown
    assert HIGHLIGHT in shown
    for line in CLEAN.text.rstrip().splitlines():
        assert line in shown.splitlines()


def fenced_body(markdown: str) -> list[str]:
    """The lines inside the first fenced block, as CommonMark would close it."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("```"))
    fence = re.match(r"`+", lines[start]).group(0)  # type: ignore[union-attr]
    for end in range(start + 1, len(lines)):
        if re.fullmatch(rf" {{0,3}}`{{{len(fence)},}}\s*", lines[end]):
            return lines[start + 1 : end]
    return lines[start + 1 :]


@pytest.mark.parametrize("ticks", ["```", "````", "`````````", "``` text"])
def test_backticks_in_the_body_cannot_break_out_of_the_fence(ticks: str) -> None:
    draft = thank_you(
        IV,
        to=PRIYA,
        sender=ME,
        highlight=f"code {ticks} fences",
        forgot=f"I wrote this:\n{ticks}\n# not a heading\n{ticks}",
    )
    shown = draft._repr_markdown_()
    assert fenced_body(shown) == draft.text.rstrip().splitlines()


def test_markdown_specials_in_the_header_are_escaped() -> None:
    iv = interview(role="*C++* _dev_ [x](y)")
    draft = thank_you(iv, to=PRIYA, sender=ME, highlight=HIGHLIGHT)
    header = draft._repr_markdown_().partition("```")[0]
    assert "*C++*" not in header
    assert r"\*C\+\+\*" in header


@pytest.mark.parametrize(
    ("include", "exclude", "expected"),
    [
        (None, None, {"text/plain", "text/html", "text/markdown"}),
        (["text/html"], None, {"text/html"}),
        (None, ["text/html"], {"text/plain", "text/markdown"}),
        (["text/plain", "text/html"], ["text/html"], {"text/plain"}),
        (["image/png"], None, set()),
    ],
)
def test_the_mimebundle_respects_include_and_exclude(
    include: list[str] | None, exclude: list[str] | None, expected: set[str]
) -> None:
    bundle = CLEAN._repr_mimebundle_(include=include, exclude=exclude)
    assert set(bundle) == expected
    if "text/plain" in bundle:
        assert CLEAN.subject in bundle["text/plain"]
        assert CLEAN.text in bundle["text/plain"]
        assert PRIYA.name in bundle["text/plain"]
    if "text/html" in bundle:
        assert bundle["text/html"] == CLEAN._repr_html_()
    if "text/markdown" in bundle:
        assert bundle["text/markdown"] == CLEAN._repr_markdown_()


def test_a_recipient_without_email_is_shown_by_name() -> None:
    draft = attrs.evolve(CLEAN, to=Person(name="Priya Shah"))
    assert "Priya Shah" in draft._repr_html_()
    assert "&lt;" not in draft._repr_html_().partition("<hr>")[0]
    assert "Priya Shah" in draft._repr_markdown_()


# -- validation ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "Robin\nJones"}, "name"),
        ({"email": "robin"}, "email"),
        ({"email": "robin@example"}, "email"),
        ({"email": "a@b.org, c@d.org"}, "email"),
        ({"email": None}, "email"),
        ({"phone": "12"}, "phone"),
        ({"phone": "call me"}, "phone"),
        ({"signature": ("ok", "two\nlines")}, "signature[1]"),
        ({"address": "1 High Street"}, "address"),
    ],
)
def test_a_bad_candidate_is_refused_naming_the_field(
    changes: dict[str, Any], field: str
) -> None:
    fields: dict[str, Any] = {"name": "Robin Jones", "email": "robin@example.org"}
    fields.update(changes)
    with pytest.raises(ValidationError) as error:
        Candidate(**fields)
    assert error.value.field == field


def test_a_candidate_is_stripped_and_keeps_its_lines() -> None:
    me = Candidate(
        name="  Robin Jones ",
        email=" robin@example.org ",
        signature=[" Engineer "],
        address=["1 High Street"],
    )
    assert me.name == "Robin Jones"
    assert me.email == "robin@example.org"
    assert me.signature == ("Engineer",)
    assert me.address == ("1 High Street",)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"to": "priya@acme.example"}, "to"),
        ({"to": ME}, "to"),
        ({"variant": "fax"}, "variant"),
        ({"variant": "Email"}, "variant"),
        ({"locale": "it_IT"}, "locale"),
        ({"locale": "en-GB"}, "locale"),
        ({"dated": dt.datetime(2026, 11, 20, tzinfo=dt.UTC)}, "dated"),
        ({"dated": "2026-11-20"}, "dated"),
        ({"sender": PRIYA}, "sender"),
    ],
)
def test_a_letter_refuses_bad_arguments_naming_the_field(
    kind: str, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        draft_of(kind, **changes)
    assert error.value.field == field


@pytest.mark.parametrize(
    ("kind", "changes", "field"),
    [
        ("thank_you", {"highlight": "  "}, "highlight"),
        ("thank_you", {"highlight": 42}, "highlight"),
        ("thank_you", {"forgot": "bad\x00byte"}, "forgot"),
        ("reference_brief", {"emphasise": "one string"}, "emphasise"),
        ("reference_brief", {"emphasise": ["ok", ""]}, "emphasise[1]"),
        ("reference_brief", {"contact_from": "soon"}, "contact_from"),
        ("offer_thanks", {"discuss": ["ok", 3]}, "discuss[1]"),
        ("offer_thanks", {"reply_by": "Friday"}, "reply_by"),
        ("withdrawal", {"reason": ""}, "reason"),
    ],
)
def test_a_letter_refuses_bad_details_naming_them(
    kind: str, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        draft_of(kind, **changes)
    assert error.value.field == field


def test_a_letter_needs_an_interview() -> None:
    with pytest.raises(ValidationError) as error:
        thank_you("Acme", to=PRIYA, sender=ME, highlight="x")  # type: ignore[arg-type]
    assert error.value.field == "interview"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"to": "Priya"}, "to"),
        ({"kind": ""}, "kind"),
        ({"text": None}, "text"),
        ({"html": b"<p>"}, "html"),
        ({"interview": "Acme"}, "interview"),
    ],
)
def test_a_draft_is_validated(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(CLEAN, **changes)
    assert error.value.field == field


def test_a_draft_is_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        CLEAN.subject = "changed"  # type: ignore[misc]


def test_doubling_a_value_step_by_step_is_refused() -> None:
    start = "{% set a = 'a' * 1000 %}"
    # 64,000 characters are allowed; one more doubling is not.
    doubled = start + "{% set a = a ~ a %}" * 6 + "{{ a|length }}"
    assert render_user_template(doubled, {}) == "64000"
    with pytest.raises(UnsafeTemplateError):
        render_user_template(start + "{% set a = a ~ a %}" * 7, {})
    captured = start + "{% set a %}{{ a }}{{ a }}{% endset %}" * 7
    with pytest.raises(UnsafeTemplateError):
        render_user_template(captured, {})


def test_the_guarded_operations_still_work_at_ordinary_sizes() -> None:
    source = (
        "{{ ['a', 'b']|join(', ') }}|{{ ', '.join(['c', 'd']) }}|"
        "{{ 'abc'|replace('b', 'B') }}|{{ 'x'.ljust(3, '.') }}|"
        "{{ 'y'|center(5) }}|{{ 'p' ~ 'q' }}|{{ 'r' + 's' }}|"
        "{{ [1, 2, 3]|batch(2)|list }}|{{ 'l\nm'|indent(2) }}"
    )
    assert render_user_template(source, {}) == (
        "a, b|c, d|aBc|x..|  y  |pq|rs|[[1, 2], [3]]|l\n  m"
    )
