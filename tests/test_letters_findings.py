"""The findings of issue 12: each defect class, built by hand, and its near misses.

Every finding code has a bad draft that raises it and good drafts, close to
the bad one, that do not: an ellipsis is not doubled punctuation, "Acme
Robotics, Inc.," keeps the organisation's own full stop, "I look forward to
meeting the team" is fine after a call. Then the checks against the
record (``Draft.check(application)``), the refusals of ``draft_for`` and
``thank_you``, and property tests: every check is total over generated
drafts, and each rule agrees with a plain statement of it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capped import run_capped
from drafting import packaged_drafts
from postinterview import (
    ActionKind,
    Application,
    CheckInSent,
    FeedbackReceived,
    FeedbackRequested,
    Finding,
    Format,
    Interview,
    NotesWritten,
    OfferReceived,
    Person,
    ReferencesNotified,
    Rejected,
    RunBy,
    ThankYouSent,
    ValidationError,
    Withdrew,
    plan,
)
from postinterview import strategies as pst
from postinterview.letters import (
    BODY_WORDS,
    BRITISH_WORDS,
    KINDS,
    Candidate,
    Draft,
    check_panel,
    draft_for,
    thank_you,
)
from postinterview.letters._parts import body, count_words, script_body, sentences

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")  # a Friday
HELEN = Person(
    name="Helen Marsh",
    email="helen@acme.example",
    given_name="Helen",
    family_name="Marsh",
    honorific="Dr",
)
OMAR = Person(name="Omar Haddad", email="omar@acme.example")
RAE = Person(name="Rae Park", email="rae@talent.example", title="Recruiter")
STRANGER = Person(name="Lee Stone", email="lee@elsewhere.example")
ME = Candidate(name="Sam Jones", email="sam@example.org")
ORGANISATION = "Acme Robotics, Inc."
ROLE = "Senior Software Engineer"

CODES = {
    *("greeting", "title-before-full-name", "length", "spelling", "placeholder"),
    *("doubled-word", "punctuation", "lower-case-start", "meeting-after-call"),
    *("british-word", "same-letter", "shared-sentences", "already-sent"),
    *("no-rejection", "no-feedback", "no-offer", "reply-after-deadline"),
    "not-in-record",
}


def interview(**changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "organisation": ORGANISATION,
        "role": ROLE,
        "starts_at": END.subtract(hours=1),
        "ends_at": END,
        "interviewers": (HELEN, OMAR),
    }
    fields.update(changes)
    return Interview(**fields)


IV = interview()
CALL = interview(format=Format.TELEPHONE)


def draft(
    text: str,
    *,
    kind: str = "thank_you",
    to: Person = HELEN,
    iv: Interview | None = IV,
    locale: str = "en_GB",
    subject: str = "Thank you",
) -> Draft:
    """A draft written by hand, as a candidate might have edited one."""
    return Draft(
        kind=kind,
        to=to,
        subject=subject,
        text=text,
        html="<p></p>",
        locale=locale,
        interview=iv,
    )


def letter(*paragraphs: str, greeting: str = "Dear Helen,") -> str:
    """A letter: the greeting, the paragraphs, and a sign-off paragraph."""
    return "\n\n".join([greeting, *paragraphs, "Kind regards,\nSam Jones"]) + "\n"


def found(findings: tuple[Finding, ...], code: str) -> list[str | None]:
    """The quoted text of each finding with *code*."""
    return [finding.text for finding in findings if finding.code == code]


def codes(findings: tuple[Finding, ...]) -> list[str]:
    return [finding.code for finding in findings]


# -- punctuation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (f"The {ROLE} role at {ORGANISATION}. I enjoyed it.", "Inc.."),
        ("I enjoyed it., and more.", "it.,"),
        ("I enjoyed it , and more.", "it ,"),
        ("I enjoyed it .", "it ."),
        ("I enjoyed it,, and more.", "it,,"),
        ("Was it the rota?. I think so.", "rota?."),
        ("It was great!. I think so.", "great!."),
        ("I enjoyed it.; and more.", "it.;"),
        ("I enjoyed it.... and more.", "it...."),
        ("We spoke about etc.. and more.", "etc.."),
    ],
)
def test_doubled_or_stray_punctuation_is_found(text: str, quoted: str) -> None:
    findings = draft(letter(text)).check()
    assert found(findings, "punctuation") == [quoted]
    (finding,) = [f for f in findings if f.code == "punctuation"]
    assert finding.message


@pytest.mark.parametrize(
    "text",
    [
        "I was thinking... and then I knew.",
        "I was thinking\u2026 and then I knew.",
        "I was thinking ... and then I knew.",
        f"At {ORGANISATION}, the team builds robots.",
        f"The teams of {ORGANISATION}; the people.",
        "Tools, e.g., compilers.",
        "Stacks such as .NET and a .5 share.",
        "Really!! And why?!",
        "Rates went up 2.5 points.",
    ],
)
def test_no_punctuation_finding_for_an_ellipsis_a_name_or_an_abbreviation(
    text: str,
) -> None:
    assert found(draft(letter(text)).check(), "punctuation") == []


def test_a_names_own_full_stop_is_known_only_from_the_record() -> None:
    # "Kft." is in no table: only the record says that it ends the name.
    named = interview(organisation="Lakeside Kft.")
    text = letter("At Lakeside Kft., the team builds robots.")
    assert found(draft(text, iv=named).check(), "punctuation") == []
    assert found(draft(text, iv=None).check(), "punctuation") == ["Kft.,"]
    # A person's name or title from the record counts too.
    junior = Person(name="Ann Lee Jr.", email="ann@acme.example")
    text = letter("I met Ann Lee Jr., the lead.", greeting="Dear Ann,")
    assert found(draft(text, to=junior).check(), "punctuation") == []


def test_punctuation_is_checked_in_the_subject() -> None:
    made = draft(letter("Fine."), subject=f"Thank you, {ORGANISATION}.")
    assert found(made.check(), "punctuation") == ["Inc.."]


# -- title before full name ----------------------------------------------------


@pytest.mark.parametrize(
    ("greeting", "to"),
    [
        ("Dear Dr Helen Marsh,", HELEN),
        ("Dear Dr. Helen Marsh:", HELEN),
        ("Dear Professor Helen Marsh,", HELEN),
        ("Dear Prof. Dr. Helen Marsh,", HELEN),
        ("Dear Dr Helen Marsh,", Person(name="Helen Marsh")),
        ("Dear Mr Li Wei,", Person(name="Li Wei", family_name="Li")),
        ("Dear Ms Anna van der Berg,", Person(name="Anna van der Berg")),
        ("Hello Mx Sam Lee,", Person(name="Sam Lee", honorific="Mx")),
        ("Dear Rev Ada King,", Person(name="Ada King", honorific="Rev")),
    ],
)
def test_a_title_before_the_full_name_is_found(greeting: str, to: Person) -> None:
    findings = draft(letter("Hi.", greeting=greeting), to=to).check()
    assert found(findings, "title-before-full-name") == [greeting]
    assert "greeting" not in codes(findings)


def test_the_title_finding_says_what_to_write() -> None:
    (finding,) = [
        f
        for f in draft(letter("Hi.", greeting="Dear Dr Helen Marsh,")).check()
        if f.code == "title-before-full-name"
    ]
    assert "'Dear Dr Marsh'" in finding.message
    assert "'Dear Helen Marsh'" in finding.message


@pytest.mark.parametrize(
    ("greeting", "to"),
    [
        ("Dear Dr Marsh,", HELEN),
        ("Dear Dr. Marsh:", HELEN),
        ("Dear Helen Marsh,", HELEN),
        ("Dear Helen,", HELEN),
        ("Dear Dr van der Berg,", Person(name="Anna van der Berg")),
        (
            "Dear Dr van der Berg,",
            Person(name="Anna van der Berg", family_name="van der Berg"),
        ),
        ("Dear Mr Li,", Person(name="Li Wei", family_name="Li")),
        # The salutation the person asked for is always right.
        ("Dear Dr Helen Marsh,", attrs.evolve(HELEN, salutation="Dr Helen Marsh")),
    ],
)
def test_no_title_finding_before_a_family_name_or_a_bare_full_name(
    greeting: str, to: Person
) -> None:
    findings = draft(letter("Hi.", greeting=greeting), to=to).check()
    assert codes(findings).count("title-before-full-name") == 0
    assert "greeting" not in codes(findings)


@pytest.mark.parametrize(
    ("greeting", "to"),
    [
        ("Dear Nell,", Person(name="Eleanor Marsh", salutation="Nell")),
        ("Dear Kit,", Person(name="Christopher Marlowe", given_name="Kit")),
        ("Dear Dr Okonjo,", Person(name="Ngozi O.", family_name="Okonjo")),
        ("Dear Dr Marsh,", HELEN),
    ],
)
def test_a_greeting_may_use_the_salutation_given_or_family_name(
    greeting: str, to: Person
) -> None:
    assert "greeting" not in codes(
        draft(letter("Hi.", greeting=greeting), to=to).check()
    )


def test_a_greeting_with_someone_elses_name_is_still_found() -> None:
    to = Person(name="Eleanor Marsh", salutation="Dr Marsh")
    findings = draft(letter("Hi.", greeting="Dear Dr Smith,"), to=to).check()
    assert found(findings, "greeting") == ["Dear Dr Smith,"]


# -- a meeting after a call ----------------------------------------------------


@pytest.mark.parametrize("format", [Format.TELEPHONE, Format.VIDEO])
@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Thank you for taking the time to meet me on Friday.", "meet me"),
        ("Meeting you has strengthened my interest.", "Meeting you"),
        ("I enjoyed it when we met.", "we met"),
        ("It was good to meet the team.", "meet the team"),
        ("Thank you for meeting with me.", "meeting with me"),
        ("I enjoyed our meeting on Friday.", "our meeting"),
        ("It was good to talk in person.", "in person"),
        ("You met me at short notice.", "You met"),
    ],
)
def test_a_meeting_after_a_call_is_found(
    format: Format, text: str, quoted: str
) -> None:
    findings = draft(letter(text), iv=interview(format=format)).check()
    assert found(findings, "meeting-after-call") == [quoted]
    (finding,) = [f for f in findings if f.code == "meeting-after-call"]
    assert format.value in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "I look forward to meeting the team.",
        "I would welcome the chance to meet the team.",
        "I hope we can meet in person soon.",
        "I'd be glad to meet the team at the next stage.",
        "We'll meet in person in January.",
        "I enjoyed hearing about the team's weekly planning meeting.",
        "The targets were met.",
        "Thank you for speaking with me on Friday.",
    ],
)
def test_no_meeting_finding_for_a_meeting_to_come_or_another_sense(text: str) -> None:
    assert found(draft(letter(text), iv=CALL).check(), "meeting-after-call") == []


def test_a_meeting_is_right_after_an_interview_in_person_or_unknown() -> None:
    text = letter("Thank you for taking the time to meet me.")
    for iv in (IV, interview(format=Format.ASSESSMENT_CENTRE), None):
        assert "meeting-after-call" not in codes(draft(text, iv=iv).check())


def test_the_meeting_check_reads_the_subject_and_not_the_signature() -> None:
    made = draft(letter("Fine."), iv=CALL, subject="Meeting you: thank you")
    assert found(made.check(), "meeting-after-call") == ["Meeting you"]
    signed = letter("Fine.").replace("Sam Jones", "Sam Jones\nMet Office, in person")
    assert found(draft(signed, iv=CALL).check(), "meeting-after-call") == []


# -- length --------------------------------------------------------------------


def words(count: int) -> str:
    """A paragraph of *count* words, no two alike in a row."""
    return (
        " ".join(["one", "two", "three", "four", "five"][i % 5] for i in range(count))
        + "."
    )


@pytest.mark.parametrize(
    ("kind", "fewest", "most"),
    [
        ("thank_you", 80, 150),
        ("check_in", 0, 90),
        ("feedback_request", 0, 110),
        ("withdrawal", 0, 160),
    ],
)
def test_the_body_is_held_to_its_kinds_numbers(
    kind: str, fewest: int, most: int
) -> None:
    assert BODY_WORDS[kind] == (fewest, most)
    for count in (fewest, most, most + 1, max(fewest - 1, 0)):
        made = draft(letter(words(count)), kind=kind)
        inside = fewest <= count <= most
        assert ("length" in codes(made.check())) is not inside, count


def test_the_body_is_counted_between_the_greeting_and_the_sign_off() -> None:
    # A letter head, a greeting, two paragraphs and a long signature: only
    # the paragraphs count.
    head = "Sam Jones\n1 High Street\nBristol BS1 1AA\n\n20 November 2026\n\n"
    text = head + letter(words(40), words(40)).replace(
        "Sam Jones\n", "Sam Jones\n" + "\n".join(["linkedin.com/in/sam"] * 30) + "\n"
    )
    assert count_words(body(text)) == 80
    assert "length" not in codes(draft(text).check())


def test_a_word_holds_a_letter_or_a_digit() -> None:
    assert count_words("£62,000 a year - on-call, 2026 (yes) \u2014 !") == 6


def test_a_call_script_counts_what_to_say() -> None:
    head = ["Call to Helen Marsh (Head of Data) at Acme Ltd.", "Number: none", ""]
    say = ["What to say:", "Hello Dr Marsh. This is Sam Jones.", words(82), ""]
    ask = ["What to ask:", f"- {words(30)}", "", "If you reach voicemail:", words(40)]
    script = draft("\n".join([*head, *say, *ask]) + "\n", kind="check_in_call")
    assert count_words(script_body(script.text)) == 89
    assert "length" not in codes(script.check())
    say.insert(2, "Thanks again,")
    longer = draft("\n".join([*head, *say, *ask]) + "\n", kind="check_in_call")
    assert "length" in codes(longer.check())
    # Without the heading, all but the headings is said.
    bare = draft("\n".join(["What to ask:", words(91)]) + "\n", kind="check_in_call")
    assert "length" in codes(bare.check())
    # A script has no greeting line, but says whom it asks for.
    assert "greeting" not in codes(script.check())
    unnamed = draft("Hello, this is Sam.\n", kind="check_in_call", to=OMAR)
    assert "greeting" in codes(unnamed.check())


def test_a_hosts_own_kind_has_no_length() -> None:
    assert "length" not in codes(draft(letter(words(500)), kind="postcard").check())
    assert set(KINDS) <= set(BODY_WORDS)


def test_the_length_message_gives_the_numbers() -> None:
    (finding,) = [
        f
        for f in draft(letter(words(91)), kind="check_in").check()
        if f.code == "length"
    ]
    assert "at most 90" in finding.message
    assert "91" in finding.message


# -- shared sentences in a panel -----------------------------------------------

SHARED = [
    "Thank you for speaking with me on Friday.",
    "I enjoyed hearing about the {role} role.",
    "I came away with a clear picture of the work.",
    "I would welcome the chance to contribute.",
    "Thank you again for your time.",
]


def note(to: Person, point: str, sentences_: list[str]) -> Draft:
    first = to.name.split()[0]
    text = " ".join(s.format(role=ROLE) for s in sentences_)
    return draft(
        letter(
            f"{text} Our talk about {point} stayed with me.", greeting=f"Dear {first},"
        ),
        to=to,
    )


def test_notes_that_differ_only_in_the_point_share_sentences() -> None:
    iv = interview(interviewers=(HELEN, OMAR, RAE))
    drafts = [
        note(person, point, SHARED)
        for person, point in zip(
            iv.interviewers, ("robots", "sensors", "hiring"), strict=True
        )
    ]
    findings = check_panel(drafts)
    shared = [f for f in findings if f.code == "shared-sentences"]
    assert len(shared) == 3  # every pair
    assert "Helen Marsh" in shared[0].message
    assert "Omar Haddad" in shared[0].message
    assert shared[0].text in {s.format(role=ROLE) for s in SHARED}
    assert "same-letter" not in codes(findings)


def test_names_are_masked_before_sentences_are_compared() -> None:
    first = draft(letter("Thank you, Helen. It was a pleasure. Bye now."), to=HELEN)
    second = draft(
        letter("Thank you, Omar. Robots are fun. Sensors too.", greeting="Dear Omar,"),
        to=OMAR,
    )
    # One sentence of three in common is not more than a third.
    assert "shared-sentences" not in codes(check_panel([first, second]))
    third = draft(
        letter(
            "Thank you, Omar. It was a pleasure. Sensors too.", greeting="Dear Omar,"
        ),
        to=OMAR,
    )
    assert "shared-sentences" in codes(check_panel([first, third]))


def test_identical_notes_are_the_same_letter_and_nothing_more() -> None:
    drafts = [note(HELEN, "robots", SHARED), note(OMAR, "robots", SHARED)]
    assert codes(check_panel(drafts)).count("same-letter") == 1
    assert "shared-sentences" not in codes(check_panel(drafts))


# -- a reply after the deadline ------------------------------------------------


def offered(respond_by: pendulum.DateTime | None = None) -> Application:
    offer = OfferReceived(
        at=END.add(days=5),
        respond_by=END.add(days=7) if respond_by is None else respond_by,
        by=HELEN,
    )
    return Application(
        interviews=(IV,),
        events=(NotesWritten(at=END.add(minutes=10)), offer),
    )


# The offer came on Wednesday 25 November 2026 and asks for an answer by
# Friday 27 November.
@pytest.mark.parametrize(
    ("locale", "promise", "date"),
    [
        ("en_GB", "I will give you my answer by {}.", "2 December"),
        ("en_GB", "I will give you my answer by {}.", "Wednesday 2 December"),
        ("en_GB", "You will have my decision by {}.", "2 December 2026"),
        ("en_US", "I'll let you know by {}.", "Wednesday, December 2"),
        ("en_US", "I will confirm my answer by {}.", "December 2, 2026"),
        ("en_GB", "I can reply by {}.", "28 November"),
    ],
)
def test_a_promise_to_answer_after_the_deadline_is_found(
    locale: str, promise: str, date: str
) -> None:
    text = letter("Thank you for the offer.", promise.format(date))
    made = draft(text, kind="offer_thanks", locale=locale)
    findings = made.check(application=offered())
    quoted = found(findings, "reply-after-deadline")
    assert len(quoted) == 1
    assert quoted[0] is not None
    assert quoted[0] in date
    (finding,) = [f for f in findings if f.code == "reply-after-deadline"]
    deadline = "November 27, 2026" if locale == "en_US" else "27 November 2026"
    assert deadline in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "I will give you my answer by 27 November.",
        "I will give you my answer by Friday 27 November 2026.",
        "Could I have until 2 December to give you my answer?",
        "I would be grateful for more time, until 2 December, to decide.",
        "I will need to keep a holiday booked for 20 December.",
        "My answer will come soon; my notice period ends on 2 December.",
    ],
)
def test_no_late_reply_finding_for_a_date_in_time_a_request_or_another_date(
    text: str,
) -> None:
    made = draft(letter("Thank you for the offer.", text), kind="offer_thanks")
    assert "reply-after-deadline" not in codes(made.check(application=offered()))


def test_a_late_reply_needs_the_offers_deadline() -> None:
    text = letter("I will give you my answer by 2 December.")
    made = draft(text, kind="offer_thanks")
    # The interview alone knows no deadline.
    assert "reply-after-deadline" not in codes(made.check())
    # Nor does an offer without one.
    open_ended = Application(
        interviews=(IV,), events=(OfferReceived(at=END.add(days=5), by=HELEN),)
    )
    assert "reply-after-deadline" not in codes(made.check(application=open_ended))


def test_a_date_without_a_year_is_the_next_one_after_the_offer() -> None:
    # An offer on 28 December 2026 that asks for an answer by 4 January:
    # "3 January" is 3 January 2027, in time; "6 January" is late.
    app = offered(respond_by=END.add(days=45))
    late = app.events[-1]
    assert isinstance(late, OfferReceived)
    app = Application(
        interviews=(IV,),
        events=(attrs.evolve(late, at=END.add(days=38), respond_by=END.add(days=45)),),
    )
    in_time = draft(letter("I will answer by 3 January."), kind="offer_thanks")
    assert "reply-after-deadline" not in codes(in_time.check(application=app))
    too_late = draft(letter("I will answer by 6 January."), kind="offer_thanks")
    assert "reply-after-deadline" in codes(too_late.check(application=app))


# -- a sentence that starts in lower case --------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("i have decided to withdraw.", "i have decided to withdraw."),
        ("Thank you. i have decided to withdraw.", "i have decided to withdraw."),
        ("Thank you!  the rota was new to me.", "the rota was new to me."),
        ('Thank you. "the rota" was new to me.', 'the rota" was new to me.'),
    ],
)
def test_a_sentence_in_lower_case_is_found(text: str, quoted: str) -> None:
    findings = draft(letter(text), kind="withdrawal").check()
    assert found(findings, "lower-case-start") == [quoted]


@pytest.mark.parametrize(
    "text",
    [
        "Tools, e.g. the compiler, were new.",
        f"I enjoyed {ORGANISATION} and its people.",
        "An eBay listing. iOS apps too.",
        "Before then:\n1. the salary\n2. the holidays",
        "A few points:\n- the salary\n- the holidays",
        "I was thinking... perhaps not.",
        "We met at 9 a.m. and talked.",
        "The {x} role.",
    ],
)
def test_no_lower_case_finding_after_an_abbreviation_a_name_or_a_list_number(
    text: str,
) -> None:
    assert (
        found(draft(letter(text), kind="withdrawal").check(), "lower-case-start") == []
    )


def test_a_name_written_in_lower_case_may_start_a_sentence() -> None:
    iv = interview(organisation="easyfleet", role="rota planner")
    text = letter("easyfleet has a fine team. rota planner is the role.")
    assert found(draft(text, iv=iv).check(), "lower-case-start") == []
    assert found(draft(text, iv=None).check(), "lower-case-start") == [
        "easyfleet has a fine team.",
        "rota planner is the role.",
    ]


def test_only_the_body_is_read_for_sentence_starts() -> None:
    text = letter("Fine.").replace("Sam Jones", "Sam Jones\nlinkedin.com/in/sam")
    assert "lower-case-start" not in codes(draft(text).check())


# -- British words in an American letter ---------------------------------------


@pytest.mark.parametrize(
    ("word", "american"),
    [
        ("referee", "reference"),
        ("referees", "references"),
        ("organisation", "organization"),
        ("CV", "résumé"),
        ("whilst", "while"),
        ("colour", "color"),
        ("Programme", "program"),
    ],
)
def test_a_british_word_in_an_american_letter_is_found(
    word: str, american: str
) -> None:
    text = letter(f"I mentioned the {word} we discussed.")
    findings = draft(text, locale="en_US").check()
    assert found(findings, "british-word") == [word]
    (finding,) = [f for f in findings if f.code == "british-word"]
    assert repr(american) in finding.message
    assert "british-word" not in codes(draft(text, locale="en_GB").check())


def test_british_words_of_the_records_names_are_left_alone() -> None:
    iv = interview(organisation="Centre for Robotics", role="Programme Lead")
    text = letter("I enjoyed the Centre for Robotics and the Programme Lead role.")
    assert "british-word" not in codes(draft(text, iv=iv, locale="en_US").check())
    # Not words that merely contain one, nor "cv" in lower case.
    text = letter("The referendum and the cv file and the organisational chart.")
    assert found(draft(text, locale="en_US").check(), "british-word") == []


def test_the_british_table_names_each_word_once() -> None:
    assert all(word.strip() and american for word, american in BRITISH_WORDS.items())
    assert len({word.casefold() for word in BRITISH_WORDS}) == len(BRITISH_WORDS)


# -- against the record --------------------------------------------------------

NOTES = NotesWritten(at=END.add(minutes=10))
THANKED = ThankYouSent(at=END.add(hours=2), to=HELEN)
BASE = Application(interviews=(IV,), events=(NOTES,))
TEXT = letter("Fine.")


def test_a_second_thank_you_is_already_sent() -> None:
    app = BASE.record(THANKED)
    findings = draft(TEXT, to=HELEN).check(application=app)
    assert found(findings, "already-sent") == ["Helen Marsh"]
    assert "2026-11-20" in next(f.message for f in findings if f.code == "already-sent")
    # Omar has not been thanked yet.
    other = draft(TEXT.replace("Helen", "Omar"), to=OMAR).check(application=app)
    assert "already-sent" not in codes(other)


def test_a_third_check_in_is_already_sent() -> None:
    check_ins = [CheckInSent(at=END.add(days=10 + 7 * i), to=HELEN) for i in range(2)]
    one = BASE.record(check_ins[0])
    two = one.record(check_ins[1])
    made = draft(TEXT, kind="check_in")
    assert "already-sent" not in codes(made.check(application=one))
    assert "already-sent" in codes(made.check(application=two))


def test_a_referees_brief_after_they_were_told_is_already_sent() -> None:
    referee = Person(name="Dana Whitfield")
    made = draft(
        letter("Fine.", greeting="Dear Dana,"), kind="reference_brief", to=referee
    )
    assert made.check(application=BASE) == ()
    told = BASE.record(ReferencesNotified(at=END.add(hours=3)))
    assert "already-sent" in codes(made.check(application=told))


def rejected(*more: Any) -> Application:
    return Application(
        interviews=(IV,),
        events=(NOTES, THANKED, Rejected(at=END.add(days=6), by=HELEN), *more),
    )


def test_letters_that_answer_a_rejection_need_one() -> None:
    for kind in ("feedback_request", "rejection_reply"):
        made = draft(TEXT, kind=kind)
        assert "no-rejection" in codes(made.check(application=BASE))
        assert "no-rejection" not in codes(made.check(application=rejected()))


def test_a_second_feedback_request_is_already_sent() -> None:
    asked = rejected(FeedbackRequested(at=END.add(days=7), to=HELEN))
    made = draft(TEXT, kind="feedback_request")
    assert "already-sent" not in codes(made.check(application=rejected()))
    assert "already-sent" in codes(made.check(application=asked))


def test_thanks_for_feedback_needs_feedback_and_comes_once() -> None:
    made = draft(TEXT, kind="feedback_thanks")
    assert "no-feedback" in codes(made.check(application=rejected()))
    given_ = rejected(
        FeedbackRequested(at=END.add(days=7), to=HELEN),
        FeedbackReceived(at=END.add(days=8), by=HELEN),
    )
    assert made.check(application=given_) == ()
    thanked = given_.record(ThankYouSent(at=END.add(days=9), to=HELEN))
    assert "already-sent" in codes(made.check(application=thanked))


def test_an_offer_thanks_needs_an_offer_and_comes_once() -> None:
    made = draft(TEXT, kind="offer_thanks")
    assert "no-offer" in codes(made.check(application=BASE))
    assert made.check(application=offered()) == ()
    thanked = offered().record(ThankYouSent(at=END.add(days=5, hours=1), to=HELEN))
    assert "already-sent" in codes(made.check(application=thanked))


def test_a_second_withdrawal_is_already_sent() -> None:
    made = draft(TEXT, kind="withdrawal")
    assert made.check(application=BASE) == ()
    gone = BASE.record(Withdrew(at=END.add(days=2)))
    assert "already-sent" in codes(made.check(application=gone))


def test_a_stranger_is_not_in_the_record() -> None:
    made = draft(letter("Fine.", greeting="Dear Lee,"), kind="check_in", to=STRANGER)
    findings = made.check(application=BASE)
    assert found(findings, "not-in-record") == ["Lee Stone"]
    message = next(f.message for f in findings if f.code == "not-in-record")
    assert "Helen Marsh" in message
    assert "Omar Haddad" in message
    # An agency contact and a person an event names are in the record.
    agency = Application(
        interviews=(interview(run_by=RunBy.AGENCY, agency_contact=RAE),)
    )
    to_rae = draft(
        letter("Fine.", greeting="Dear Rae,"),
        kind="check_in",
        to=RAE,
        iv=agency.rounds[0],
    )
    assert "not-in-record" not in codes(to_rae.check(application=agency))
    offer = Application(
        interviews=(IV,), events=(OfferReceived(at=END.add(days=5), by=STRANGER),)
    )
    assert "not-in-record" not in codes(made.check(application=offer))


def test_a_letter_about_another_interview_is_not_in_the_record() -> None:
    other = interview(organisation="Other Ltd")
    made = draft(TEXT, iv=other)
    assert found(made.check(application=BASE), "not-in-record") == ["Other Ltd"]


def test_the_record_check_takes_only_an_application() -> None:
    for wrong in (IV, [BASE], "application", 0):
        with pytest.raises(ValidationError) as error:
            draft(TEXT).check(application=wrong)  # type: ignore[arg-type]
        assert error.value.field == "application"
    assert draft(TEXT).check(application=None) == draft(TEXT).check()


# -- letters that fit the record -----------------------------------------------


def test_draft_for_refuses_an_action_from_another_application() -> None:
    theirs = Application(
        interviews=(interview(interviewers=(STRANGER,)),), events=(NOTES,)
    )
    action = plan(theirs, now=END.add(minutes=10)).of_kind(ActionKind.THANK)[0]
    with pytest.raises(ValidationError) as error:
        draft_for(action, BASE, sender=ME, highlight="robots")
    assert error.value.field == "action"
    assert "Lee Stone" in str(error.value)
    assert "Helen Marsh, Omar Haddad" in str(error.value)


def test_draft_for_refuses_a_round_the_application_does_not_have() -> None:
    second = interview(
        starts_at=END.add(days=10), ends_at=END.add(days=10, hours=1), round=2
    )
    both = Application(interviews=(IV, second), events=(NOTES,))
    action = next(
        a
        for a in plan(both, now=END.add(days=11)).actions
        if a.round == 2 and a.template == "thank_you"
    )
    with pytest.raises(ValidationError) as error:
        draft_for(action, BASE, sender=ME, highlight="robots")
    assert error.value.field == "action"
    assert "round 2" in str(error.value)
    assert "1 to 1" in str(error.value)


def test_draft_for_refuses_a_recipient_the_record_does_not_name() -> None:
    app = rejected()
    action = plan(app, now=END.add(days=6, hours=1)).of_kind(
        ActionKind.REQUEST_FEEDBACK
    )[0]
    assert draft_for(action, app, sender=ME).to == HELEN
    with pytest.raises(ValidationError) as error:
        draft_for(action, app, sender=ME, to=STRANGER)
    assert error.value.field == "to"
    assert "Helen Marsh" in str(error.value)


def test_thank_you_refuses_someone_not_on_the_panel() -> None:
    with pytest.raises(ValidationError) as error:
        thank_you(IV, to=STRANGER, sender=ME, highlight="robots")
    assert error.value.field == "to"
    assert error.value.value == "Lee Stone"
    assert "Helen Marsh, Omar Haddad" in str(error.value)
    # A person equal to a panel member is one; the agency contact may be thanked.
    assert thank_you(IV, to=attrs.evolve(HELEN), sender=ME, highlight="x").to == HELEN
    agency = interview(run_by=RunBy.AGENCY, agency_contact=RAE)
    assert thank_you(agency, to=RAE, sender=ME, highlight="x").to == RAE


@settings(max_examples=25)
@given(pst.applications(max_events=8))
def test_draft_for_takes_every_letter_of_the_applications_own_plan(
    app: Application,
) -> None:
    latest = max(
        [app.rounds[-1].ends_at, *(event.at for event in app.events)],
        key=lambda at: at.in_timezone("UTC"),
    )
    timetable = plan(app, now=latest)
    actions = [
        *timetable.actions,
        *timetable.lapsed,
        *(done.action for done in timetable.done),
    ]
    last = max(event.at for event in app.events) if app.events else latest
    details: dict[str, dict[str, Any]] = {
        "thank_you": {"highlight": "robots"},
        "reference_brief": {"to": Person(name="Dana Whitfield")},
        # A date to answer by when the offer gave none: after everything.
        "offer_thanks": {"reply_by": last.date() + dt.timedelta(days=1)},
    }
    offers = [e for e in app.events if isinstance(e, OfferReceived)]
    for action in actions:
        if action.template is None or (
            action.recipient is None and action.template != "reference_brief"
        ):
            continue
        extra = details.get(action.template, {})
        if action.template == "offer_thanks" and offers[action.number - 1].respond_by:
            extra = {}
        try:
            draft_for(action, app, sender=ME, **extra)
        except ValidationError as error:
            refused: str | None = error.field
        else:
            refused = None
        # The plan's own actions belong to the application. (Other details
        # may still be refused: an offer that came before a round booked
        # after it is dated before that round.)
        assert refused not in {"action", "to"}


# -- properties: total and linear ----------------------------------------------

PIECES = [
    *("Dear ", "Dr ", "Helen", "Marsh", "Inc.", "e.g.", "etc.", "...", "\u2026"),
    *(". ", ", ", " .", ".,", "?.", "!", "\n", "\n\n", "i ", "meet ", "met "),
    *("meeting you ", "in person ", "will ", "I will answer by ", "2 December "),
    *("December 2, 2026 ", "referee ", "CV ", "colour ", "- ", "1. ", "word "),
    *("\u00a0", '"', "(", "Kind regards,\n", "What to say:\n", "{{", "TODO "),
]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(
    max_size=200
)
kinds = st.sampled_from([*KINDS, "check_in_call", "postcard"])
drafted_interviews = st.none() | pst.interviews(
    min_value=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
    max_value=dt.datetime(2090, 1, 1, tzinfo=dt.UTC),
)


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    iv = draw(drafted_interviews)
    people = [pst.people()]
    if iv is not None and iv.interviewers:
        people.append(st.sampled_from(iv.interviewers))
    return Draft(
        kind=draw(kinds),
        to=draw(st.one_of(people)),
        subject="".join(c for c in draw(texts) if c.isprintable()).strip() or "Hi",
        text=draw(texts),
        html="<p></p>",
        locale=draw(st.sampled_from(["en_GB", "en_US"])),
        interview=iv,
    )


@given(drafts())
def test_every_check_is_total_over_drafts_written_by_hand(made: Draft) -> None:
    findings = made.check()
    assert all(isinstance(f, Finding) and f.code in CODES for f in findings)
    assert all(f.message for f in findings)


@settings(max_examples=40)
@given(drafts(), pst.applications(max_events=8))
def test_the_record_checks_are_total(made: Draft, app: Application) -> None:
    findings = made.check(application=app)
    assert all(f.code in CODES for f in findings)
    # The record's findings come after the text's, which are unchanged.
    assert findings[: len(made.check())] == made.check()


@settings(max_examples=30)
@given(packaged_drafts(), pst.applications(max_events=6))
def test_every_check_is_total_over_packaged_drafts(
    made: tuple[Draft, ...], app: Application
) -> None:
    for one in made:
        assert all(f.code in CODES for f in one.check(application=app))
    assert all(f.code in CODES for f in check_panel(made))


# -- properties: each rule as a plain statement ----------------------------------

plain_words = st.lists(
    st.sampled_from(["robots", "the", "Team", "rota", "42", "on-call", "£62,000"]),
    min_size=1,
    max_size=12,
)
plain_sentences = plain_words.map(lambda ws: " ".join(ws).capitalize() + ".")


@given(st.lists(plain_sentences, max_size=8), st.sampled_from([" ", "\n\n", "  "]))
def test_sentences_are_those_joined(parts: list[str], joint: str) -> None:
    text = joint.join(parts)
    assert [text[start:end] for start, end in sentences(text)] == parts


@given(st.lists(plain_words, min_size=1, max_size=6))
def test_the_body_has_the_words_written_between_greeting_and_sign_off(
    paragraphs: list[list[str]],
) -> None:
    text = letter(*(" ".join(p) for p in paragraphs))
    assert count_words(body(text)) == sum(map(len, paragraphs))


@given(st.lists(plain_sentences, min_size=1, max_size=8), st.data())
def test_a_doubled_mark_is_found_wherever_it_is_put(
    parts: list[str], data: st.DataObject
) -> None:
    clean = letter(" ".join(parts))
    assert found(draft(clean).check(), "punctuation") == []
    index = data.draw(st.integers(0, len(parts) - 1))
    mark = data.draw(st.sampled_from([",", ";", ".", ":"]))
    parts[index] += mark
    assert len(found(draft(letter(" ".join(parts))).check(), "punctuation")) == 1


@given(
    st.dates(dt.date(2026, 11, 25), dt.date(2027, 11, 24)),
    st.sampled_from(["en_GB", "en_US"]),
    st.booleans(),
)
def test_a_promised_date_is_late_exactly_when_after_the_deadline(
    day: dt.date, locale: str, with_year: bool
) -> None:
    month = day.strftime("%B")
    if locale == "en_US":
        written = f"{month} {day.day}" + (f", {day.year}" if with_year else "")
    else:
        written = f"{day.day} {month}" + (f" {day.year}" if with_year else "")
    made = draft(
        letter(f"I will give you my answer by {written}."),
        kind="offer_thanks",
        locale=locale,
    )
    late = "reply-after-deadline" in codes(made.check(application=offered()))
    assert late is (day > dt.date(2026, 11, 27))


pool = st.sampled_from([f"Sentence number {n} is here." for n in range(12)])


@given(st.lists(pool, min_size=1, max_size=8), st.lists(pool, min_size=1, max_size=8))
def test_two_notes_share_sentences_exactly_when_more_than_a_third(
    mine: list[str], theirs: list[str]
) -> None:
    first = draft(letter(" ".join(mine)), to=HELEN)
    second = draft(letter(" ".join(theirs), greeting="Dear Omar,"), to=OMAR)
    a, b = set(mine), set(theirs)
    findings = codes(check_panel([first, second]))
    if a == b and " ".join(mine) == " ".join(theirs):
        assert "same-letter" in findings
        return
    expected = len(a & b) * 3 > min(len(a), len(b))
    assert ("shared-sentences" in findings) is expected


# -- linear time: capped runs of hostile 100 KB texts --------------------------

SETUP = """
import pendulum
from postinterview import Application, Format, Interview, OfferReceived, Person
from postinterview.letters import Draft, check_panel
END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
HELEN = Person(name="Helen Marsh", given_name="Helen", family_name="Marsh",
               honorific="Dr", salutation="Dr Marsh")
OMAR = Person(name="Omar Haddad")
IV = Interview(organisation="Acme Robotics, Inc.", role="Engineer",
               starts_at=END.subtract(hours=1), ends_at=END,
               interviewers=(HELEN, OMAR), format=Format.VIDEO)
APP = Application(interviews=(IV,), events=(
    OfferReceived(at=END.add(days=5), respond_by=END.add(days=7), by=HELEN),))

def draft(text, to=HELEN, kind="offer_thanks"):
    return Draft(kind=kind, to=to, subject="Thanks", text=text, html="<p></p>",
                 locale="en_US", interview=IV)

def repeat(piece, size=100_000):
    return (piece * (size // len(piece) + 1))[:size]
"""

HOSTILE = {
    "doubled marks": "repeat('a.,')",
    "names with full stops": "repeat('Acme Robotics, Inc., ')",
    "abbreviations": "repeat('e.g., etc.. ')",
    "spaces before marks": "repeat('a ' + ' ' * 50 + '. ')",
    "lower-case sentences": "repeat('i. ')",
    "ellipses": "repeat('...a ')",
    "meetings": "repeat('meeting you in person ')",
    "meetings and will": "repeat('meet me will ')",
    "promises": "repeat('I will answer by December 2, 2026 ')",
    "dates in one sentence": "repeat('2 December ')",
    "British words": "repeat('referee colour CV ')",
    "titles": "'Dear ' + repeat('Dr ')",
    "one sentence": "repeat('a ')",
    "paragraphs": "repeat('a.\\n\\n')",
    "a call script": "repeat('What to say:\\n')",
    "a call script of sentences": "repeat('Helen i. meet me ...\\n')",
}


# Each text is checked against the record, or, for those of many sentences,
# as a panel of two; each must take under 2 s of the child's own CPU time
# (other work on a busy machine does not count).
TIMED = """
import time
slowest = (0.0, None)
for name, text in TEXTS.items():
    kind = "check_in_call" if "script" in name else "offer_thanks"
    first, second = draft(text, kind=kind), draft(text, to=OMAR, kind=kind)
    started = time.process_time()
    if name in PANELS:
        check_panel([first, second])
    else:
        first.check(application=APP)
    slowest = max(slowest, (time.process_time() - started, name))
"""


def test_hostile_texts_are_checked_quickly() -> None:
    texts = "{" + ", ".join(f"{name!r}: {text}" for name, text in HOSTILE.items()) + "}"
    panels = {"one sentence", "paragraphs", "lower-case sentences", "doubled marks"}
    outcome = run_capped(
        TIMED + "assert slowest[0] < 2.0, slowest",
        setup=SETUP + f"TEXTS = {texts}\nPANELS = {panels!r}\n",
        seconds=60,
    )
    assert outcome.error is None, outcome.message


def test_every_code_is_documented() -> None:
    from pathlib import Path  # noqa: PLC0415 - only this test reads the guide

    page = (Path(__file__).parent.parent / "docs" / "letters.md").read_text(
        encoding="utf-8"
    )
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", page, re.M))
    assert documented >= CODES
