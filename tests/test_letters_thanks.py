"""Tests for the words of the thank-you note.

Example tests rebuild the cases a careful candidate found embarrassing (an
organisation ending in "Inc.", a greeting with a title and a full name, a
phone screen thanked as a meeting, a Tokyo reader told the wrong day) and
show how the note fits the occasion and the reader. The lengths of every
wording are checked exhaustively, since the wordings are a finite set; the
notes of a panel are compared sentence by sentence; property tests draw
interviews and typed values.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.letter_text import (
    as_typed,
    body,
    join_defects,
    language,
    meet,
    says_one,
    sentences,
    words,
)

from postinterview import Format, Interview, Person, RunBy, strategies
from postinterview.letters import (
    LOCALES,
    Candidate,
    Draft,
    body_words,
    environment,
    template_context,
    thank_you,
    thank_you_each,
)
from postinterview.letters._compose import WORDINGS, phrasing
from postinterview.letters._joins import sentence
from profiles import sweep

LONDON = "Europe/London"
END = pendulum.datetime(2026, 11, 20, 15, 30, tz=LONDON)  # a Friday
ME = Candidate(name="Robin Jones", email="robin@example.org")
PRIYA = Person(name="Priya Shah", email="priya@acme.example", title="Head of Data")
KIM = Person(name="Kim Lee", email="kim@acme.example")
RAE = Person(name="Rae Park", email="rae@acme.example", title="Talent Partner")
AGENT = Person(name="Ann Gale", email="ann@agency.example", title="Consultant")
HIGHLIGHT = "the move from nightly batches to streaming"
FORGOT = "I led the migration of our reporting to Kafka last year"
OCCASIONS = {
    "meeting": Format.IN_PERSON,
    "video": Format.VIDEO,
    "call": Format.TELEPHONE,
    "assessment": Format.ASSESSMENT_CENTRE,
    "test": Format.TECHNICAL_TEST,
}


def interview(**changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "organisation": "Acme Ltd",
        "role": "Data Engineer",
        "starts_at": END.subtract(hours=1),
        "ends_at": END,
        "interviewers": (PRIYA, KIM),
    }
    fields.update(changes)
    return Interview(**fields)


def masked(draft: Draft) -> list[str]:
    """The body's sentences, with every word of the reader's name masked."""
    text = body(draft)
    for part in sorted(draft.to.name.split(), key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", "<name>", text)
    return sentences(text)


def shared(first: Draft, second: Draft) -> set[str]:
    return set(masked(first)) & set(masked(second))


def each_wording(
    occasion: str = "meeting",
    *,
    reader: Person = KIM,
    highlight: str = HIGHLIGHT,
    forgot: str | None = None,
    locale: str = "en_GB",
    variant: str = "email",
    **changes: Any,
) -> list[Draft]:
    """The note to *reader* in each of the five wordings: one per panel place.

    Five people with *reader*'s title sit on the panel and *reader* takes
    each place in turn, so every wording is drafted once.
    """
    drafts = []
    for turn in range(WORDINGS):
        panel = [
            Person(name=f"Member {n}", title=reader.title) for n in range(WORDINGS)
        ]
        panel[turn] = reader
        iv = interview(format=OCCASIONS[occasion], interviewers=tuple(panel), **changes)
        drafts.append(
            thank_you(
                iv,
                to=reader,
                sender=ME,
                highlight=highlight,
                forgot=forgot,
                locale=locale,
                variant=variant,
                dated=END.date(),
            )
        )
    return drafts


# -- the examples --------------------------------------------------------


READERS = {"interviewer": KIM, "recruiter": RAE}


@pytest.mark.parametrize(
    ("reader", "locale", "variant"),
    sweep(READERS, LOCALES, ["email", "letter"], whole=[0, 1]),
)
def test_an_organisation_ending_in_a_full_stop_gets_no_second_one(
    reader: str, locale: str, variant: str
) -> None:
    for draft in each_wording(
        reader=READERS[reader],
        locale=locale,
        variant=variant,
        organisation="Acme Robotics, Inc.",
        role="Senior Software Engineer",
    ):
        assert "Acme Robotics, Inc." in body(draft)
        shown = re.sub(r"<[^>]*>", "", draft.html)  # what the HTML shows
        for text in (draft.text, shown, draft.subject):
            assert join_defects(text, locale) == [], text
        assert draft.check() == ()


@pytest.mark.parametrize("reader", [KIM, RAE], ids=["interviewer", "recruiter"])
def test_a_highlight_typed_as_a_sentence_loses_its_full_stop(reader: Person) -> None:
    for draft in each_wording(reader=reader, highlight="the migration to Kafka."):
        assert "the migration to Kafka" in draft.text
        assert "Kafka.." not in draft.text
        assert "Kafka.," not in draft.text
        assert "Kafka. " not in draft.text.replace("Kafka. I", "")
    # An abbreviation keeps its full stop, and gets no second one.
    for draft in each_wording(reader=reader, highlight="the launch in the U.S."):
        assert "the U.S." in draft.text
        assert ".." not in draft.text


@pytest.mark.parametrize("locale", LOCALES)
def test_a_question_typed_as_its_language_writes_it_joins_cleanly(
    locale: str,
) -> None:
    # Spanish opens a question with "¿": inside the letter's sentence both
    # marks go; standing as a sentence, its first word takes a capital.
    typed = as_typed("the move to streaming?", locale)
    iv = interview(interviewers=(KIM,))
    draft = thank_you(
        iv, to=KIM, sender=ME, highlight=typed, forgot=typed, locale=locale
    )
    text = body(draft)
    assert join_defects(text, locale) == [], text
    said = sentences(text)
    # A German body goes on from the greeting's comma, in lower case.
    first = 1 if language(locale) == "de" else 0
    assert not any(map(starts_in_lower_case, said[first:])), said
    assert draft.check() == ()


HELEN = {"name": "Helen Marsh", "email": "helen@acme.example"}
DR_MARSH = Person(**HELEN, honorific="Dr", family_name="Marsh")


@pytest.mark.parametrize(
    ("person", "locale", "variant", "greeting"),
    [
        (DR_MARSH, "en_GB", "email", "Dear Dr Marsh,"),
        (Person(**HELEN, salutation="Helen"), "en_GB", "email", "Dear Helen,"),
        (Person(**HELEN), "en_GB", "email", "Dear Helen Marsh,"),
        # A title with no family name known: the full name, without the title.
        (Person(**HELEN, honorific="Dr"), "en_GB", "email", "Dear Helen Marsh,"),
        (DR_MARSH, "en_US", "letter", "Dear Dr. Marsh:"),
        (DR_MARSH, "en_US", "email", "Dear Dr. Marsh,"),
    ],
)
def test_the_greeting_is_the_one_the_person_is_known_by(
    person: Person, locale: str, variant: str, greeting: str
) -> None:
    iv = interview(interviewers=(person,))
    draft = thank_you(
        iv,
        to=person,
        sender=ME,
        highlight=HIGHLIGHT,
        locale=locale,
        variant=variant,
        dated=END.date(),
    )
    first = next(line for line in draft.text.splitlines() if line.startswith("Dear"))
    assert first == greeting
    assert "Dr Helen Marsh," not in draft.text
    assert "Dr. Helen Marsh:" not in draft.text


# A recruiter's note after a call: part 0 thanks them for their help with
# the application or the process and names the call (the reader was on it,
# or arranged it); part 1 speaks of the next steps. The template's wordings,
# read in each language from its catalog.
HELPED = (
    "Thank you for your help with my application for the %(role)s role at "
    "%(organisation)s.",
    "Thank you for guiding me through the process for the %(role)s role at "
    "%(organisation)s.",
    "I am grateful for your support with my application for the %(role)s role "
    "at %(organisation)s.",
    "Many thanks for your help with the process for the %(role)s role at "
    "%(organisation)s.",
    "I appreciated the care you took over my application for the %(role)s role "
    "at %(organisation)s.",
)
CALLED = (
    "It was good to talk with you during our call on %(day)s.",
    "I enjoyed speaking with you during our call on %(day)s.",
    "Your time during our call on %(day_then)s was a real help.",
    "Speaking with you during our call on %(day_then)s was a great help.",
    "Thank you as well for your time during our call on %(day)s.",
    "Your work in setting up the call on %(day_then)s was much appreciated.",
    "I appreciated your help in arranging the call on %(day)s.",
    "Your clear arrangements for the call on %(day_then)s helped me prepare.",
    "I was glad of your help before the call on %(day)s.",
    "I am grateful that you set up the call on %(day)s.",
)
NEXT_STEPS = (
    "I found our conversation about %(point)s especially helpful. You explained "
    "the role and the next steps clearly, which I appreciated.",
    "It was useful to talk through %(point)s with you. Thanks to your "
    "explanation, I also know what happens next.",
    "I appreciated what you told me about %(point)s. It also helped me "
    "understand the role and what comes next.",
    "Our discussion of %(point)s was very useful to me. Your outline of the "
    "next steps also helps me prepare.",
    "What you said about %(point)s has stayed with me. Your clear account of "
    "the next steps helped as well.",
)
# Part 4: the offer of more, referees' details among it.
REFEREES = (
    "If it would help, I can send examples of my work or the details of my referees.",
    "Please let me know if you would like examples of my work or my referees' details.",
    "I am happy to send anything that would help, such as the names of my referees.",
    "Should you need samples of my work or my referees' details, I can send "
    "them at once.",
    "I would be glad to send examples of my work or my referees' details.",
)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    "recruiter",
    [RAE, Person(name="Sam Reid", title="Senior Recruiter"), AGENT],
    ids=["talent-partner", "recruiter", "agency"],
)
def test_after_a_phone_screen_a_recruiter_is_thanked_for_their_help(
    recruiter: Person, locale: str
) -> None:
    agency: dict[str, Any] = {"run_by": RunBy.AGENCY, "agency_contact": AGENT}
    changes = agency if recruiter == AGENT else {}
    for draft in each_wording(
        "call", reader=recruiter, forgot=FORGOT, locale=locale, **changes
    ):
        text = body(draft)
        assert not meet(locale).search(text), text
        assert not meet(locale).search(draft.subject)
        assert says_one(text, locale, HELPED), text
        assert says_one(text, locale, CALLED), text
        assert says_one(text, locale, NEXT_STEPS), text
        if language(locale) == "en":
            # The same, in the English words a reader looks for.
            assert "problems" not in text
            assert "my application" in text or "the process" in text
            assert re.search(r"next steps|what comes next|what happens next", text)
            assert "call" in text
        assert draft.check() == ()


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("occasion", ["call", "video"])
def test_a_call_or_video_interview_is_never_a_meeting(
    occasion: str, locale: str
) -> None:
    for reader in (PRIYA, KIM, RAE):
        # On a panel of five, in each place.
        for draft in each_wording(
            occasion, reader=reader, forgot=FORGOT, locale=locale
        ):
            assert not meet(locale).search(draft.text), draft.text
        # Alone.
        iv = interview(format=OCCASIONS[occasion], interviewers=(reader,))
        alone = thank_you(iv, to=reader, sender=ME, highlight=HIGHLIGHT, locale=locale)
        assert not meet(locale).search(alone.text), alone.text


def test_the_day_is_the_readers_own() -> None:
    # A London call that ended at 23:30 on Monday: it was Tuesday in Tokyo.
    tokyo = Person(name="Aiko Sato", email="aiko@acme.example", timezone="Asia/Tokyo")
    london = Person(name="Kim Lee", email="kim@acme.example", timezone=LONDON)
    end = pendulum.datetime(2026, 11, 16, 23, 30, tz=LONDON)
    iv = interview(
        starts_at=end.subtract(minutes=45),
        ends_at=end,
        format=Format.TELEPHONE,
        interviewers=(tokyo, london),
    )
    to_tokyo, to_london = thank_you_each(
        iv, sender=ME, highlights={tokyo: HIGHLIGHT, london: "the on-call rota"}
    )
    assert "Tuesday 17 November" in to_tokyo.text
    assert "Monday" not in to_tokyo.text
    assert "Monday 16 November" in to_london.text
    assert "Tuesday" not in to_london.text


def test_american_english_has_references_and_sets_off_a_date_with_commas() -> None:
    iv = interview(interviewers=(KIM,))
    draft = thank_you(iv, to=KIM, sender=ME, highlight=HIGHLIGHT, locale="en_US")
    assert "Thank you for meeting me on Friday, November 20, to talk about" in (
        draft.text
    )
    british = thank_you(iv, to=KIM, sender=ME, highlight=HIGHLIGHT)
    assert "on Friday 20 November to talk about" in british.text
    for locale in LOCALES:
        for occasion in OCCASIONS:
            for note in each_wording(occasion, locale=locale):
                # Every note offers its referees, in its language's words.
                assert says_one(body(note), locale, REFEREES), note.text
                if language(locale) == "en":
                    other = "referee" if locale == "en_US" else "reference"
                    assert other not in note.text
                    assert (
                        "reference" if locale == "en_US" else "referee"
                    ) in note.text


@pytest.mark.parametrize(
    ("occasion", "role", "subject"),
    [
        ("meeting", "Data Engineer", "Data Engineer interview"),
        ("call", "Data Engineer", "Data Engineer interview"),
        ("assessment", "Data Engineer", "Data Engineer assessment day"),
        ("test", "Data Engineer", "Data Engineer technical test"),
        ("meeting", "Engineer, Grade 7.", "Engineer, Grade 7 interview"),
        ("meeting", "Sr. Engineer", "Sr. Engineer interview"),
    ],
)
def test_the_subject_names_the_role_the_stage_and_the_candidate(
    occasion: str, role: str, subject: str
) -> None:
    iv = interview(format=OCCASIONS[occasion], role=role)
    draft = thank_you(iv, to=KIM, sender=ME, highlight=HIGHLIGHT)
    assert draft.subject == f"{subject}: thank you from Robin Jones"
    assert ".." not in draft.subject


# -- the occasion and the reader -----------------------------------------------------


def test_an_assessment_day_thanks_them_for_the_day() -> None:
    for draft in each_wording("assessment", forgot=FORGOT):
        assert "the assessment day on Friday 20 November" in draft.text
        assert draft.check() == ()


def test_a_technical_test_thanks_them_for_working_through_it() -> None:
    for draft in each_wording("test", forgot=FORGOT):
        assert re.search(r"technical (test|exercise)|the exercise", body(draft))
        assert draft.check() == ()


def test_a_panel_member_is_thanked_for_their_part_of_the_panel() -> None:
    alone, first = (
        thank_you(interview(interviewers=panel), to=KIM, sender=ME, highlight="x")
        for panel in ((KIM,), (KIM, PRIYA))
    )
    assert "panel" not in alone.text
    assert "Thank you for your part in my panel interview on Friday 20 November" in (
        first.text
    )


def test_an_agency_contact_who_was_not_there_is_thanked_for_arranging_it() -> None:
    agency: dict[str, Any] = {"run_by": RunBy.AGENCY, "agency_contact": AGENT}
    for draft in each_wording("assessment", reader=AGENT, **agency):
        # The agency contact sits on a panel of five here: they were there.
        assert "during the assessment day" in draft.text
    iv = interview(format=Format.ASSESSMENT_CENTRE, **agency)
    notes = []
    for turn in range(WORDINGS):
        # Their wording follows the panel's first place; try each in turn.
        context = template_context(
            "thank_you", iv, to=AGENT, sender=ME, highlight=HIGHLIGHT
        )
        context["phrasing"] = phrasing(turn)
        notes.append(render_body(context))
    for text in notes:
        assert "during" not in text
        assert re.search(r"arranging|arrangements|setting up|set up|help before", text)
        assert "the assessment day on Friday 20 November" in text
    assert len(set(notes)) == WORDINGS


@pytest.mark.parametrize(
    ("title", "team"),
    [
        ("Head of Data", "the Data team"),
        ("Head of Data Platform", "the Data Platform team"),
        ("Head of IT", "the IT team"),
        ("Head of the Platform Team", None),
        ("Head of Sales, EMEA", None),
        ("Head of data", None),
        ("Head of R&D", None),
        ("Head of Engineering Tools And Test Systems", None),
        ("Data Lead", None),
    ],
)
def test_a_head_of_a_team_is_asked_about_that_team(
    title: str, team: str | None
) -> None:
    reader = Person(name="Priya Shah", title=title)
    drafts = each_wording(reader=reader)
    if team is None:
        for draft in drafts:
            assert " team team" not in draft.text.lower()
            assert "Sales" not in draft.text
            assert "R&D" not in draft.text
            assert "the plans for the team" in body(drafts[0])
    else:
        # Four of the five wordings speak of their team.
        assert sum(team in body(draft) for draft in drafts) == WORDINGS - 1
        assert f"the plans for {team}." in body(drafts[0])


def test_a_recruiter_is_never_asked_about_a_team_or_its_problems() -> None:
    head = Person(name="Jo Bell", title="Head of Talent")
    for draft in each_wording(reader=head) + each_wording(reader=RAE):
        text = body(draft)
        assert "Talent team" not in text
        assert "problems" not in text
        assert "the plans for" not in text
        assert "needs from this role" not in text


# -- lengths: every wording, every occasion, every reader ---------------------------

# The paragraphs of the note in each language: an environment speaks the
# words of its own locale's catalog, whatever the context's locale.
_PARAGRAPHS = {
    locale: environment(locale=locale).get_template(
        "postinterview/thank_you/paragraphs.j2"
    )
    for locale in LOCALES
}


def render_body(context: dict[str, Any]) -> str:
    """The note's paragraphs for *context*, in the words of its locale."""
    return _PARAGRAPHS[context["locale"]].render(context)


READERS = {
    "head-of-team": Person(name="Priya Shah", title="Head of Data Platform"),
    "interviewer": KIM,
    "recruiter": RAE,
    "agency-on-panel": AGENT,
    "agency-not-there": AGENT,
}
SHORT = {"role": "Data Engineer", "organisation": "Acme Ltd"}
LONG = {"role": "Senior Software Engineer", "organisation": "Acme Robotics, Inc."}


def contexts() -> Iterable[tuple[str, dict[str, Any]]]:
    """A context per occasion, reader, panel size, locale and extreme of length.

    Short: a two-word role and organisation, a one-word highlight and no
    forgotten point. Long: three-word ones, a twelve-word highlight and a
    thirty-word forgotten point.
    """
    for occasion, name, size, locale, extreme in itertools.product(
        OCCASIONS, READERS, (1, 3), LOCALES, ("short", "long")
    ):
        reader = READERS[name]
        others = (PRIYA, KIM, RAE) if name == "agency-not-there" else (KIM, PRIYA)
        panel = (*([] if name == "agency-not-there" else [reader]), *others)
        panel = tuple(dict.fromkeys(panel))[:size]
        agency = name.startswith("agency")
        iv = interview(
            format=OCCASIONS[occasion],
            interviewers=panel,
            run_by=RunBy.AGENCY if agency else RunBy.EMPLOYER,
            agency_contact=AGENT if agency else None,
            **(SHORT if extreme == "short" else LONG),
        )
        highlight = "streaming" if extreme == "short" else " ".join(["data"] * 12)
        forgot = None if extreme == "short" else " ".join(["rota"] * 30)
        context = template_context(
            "thank_you",
            iv,
            to=reader,
            sender=ME,
            highlight=highlight,
            forgot=forgot,
            locale=locale,
        )
        yield f"{occasion}/{name}/{size}/{locale}/{extreme}", context


def slot_words(context: dict[str, Any]) -> tuple[int, list[list[int]]]:
    """The body's words in the first wording, and what each other wording adds."""

    def count(wording: Sequence[int]) -> int:
        return words(render_body({**context, "phrasing": tuple(wording)}))

    base = count((0,) * 5)
    added = [
        [count([k if j == slot else 0 for j in range(5)]) - base for k in range(5)]
        for slot in range(5)
    ]
    return base, added


def test_every_combination_of_wordings_keeps_to_its_languages_bounds() -> None:
    # Each varied part depends on its own wording only, so a body's words
    # are the first wording's plus what each part's wording adds: checked
    # here for every panel place up to 25, then used to bound all 3,125
    # combinations at once. English holds a body to 80 to 150 words; each
    # other language to its own bounds (letters.body_words).
    for name, context in contexts():
        bounds = body_words("thank_you", name.split("/")[3])
        assert bounds is not None
        base, added = slot_words(context)
        for turn in range(WORDINGS**2):
            wording = phrasing(turn)
            expected = base + sum(added[j][k] for j, k in enumerate(wording))
            got = words(render_body({**context, "phrasing": wording}))
            assert got == expected, (name, wording)
        fewest = base + sum(min(part) for part in added)
        most = base + sum(max(part) for part in added)
        if name.endswith("short"):
            assert fewest >= bounds[0], (name, fewest)
        else:
            assert most <= bounds[1], (name, most)


# -- a panel's notes ------------------------------------------------------------------


def panel_of(size: int) -> tuple[Person, ...]:
    people = [PRIYA, KIM, RAE]
    people += [Person(name=f"Alex Member{n}") for n in range(size)]
    return tuple(people[:size])


@pytest.mark.parametrize("occasion", OCCASIONS)
@pytest.mark.parametrize("forgot", [None, FORGOT], ids=["no-forgot", "forgot"])
def test_the_first_five_notes_share_no_sentence_but_the_forgotten_point(
    occasion: str, forgot: str | None
) -> None:
    for locale in LOCALES:
        iv = interview(format=OCCASIONS[occasion], interviewers=panel_of(5))
        # The same point for all: the worst case.
        drafts = thank_you_each(
            iv,
            sender=ME,
            highlights=dict.fromkeys(iv.interviewers, HIGHLIGHT),
            forgot=forgot,
            locale=locale,
        )
        allowed = {sentence(forgot)} if forgot else set()
        for first, second in itertools.combinations(drafts, 2):
            assert shared(first, second) <= allowed, (first.to, second.to)


@pytest.mark.parametrize("occasion", OCCASIONS)
@pytest.mark.parametrize("forgot", [None, FORGOT], ids=["no-forgot", "forgot"])
def test_notes_of_a_panel_of_up_to_8_share_at_most_a_third_of_their_sentences(
    occasion: str, forgot: str | None
) -> None:
    for size in range(2, 9):
        iv = interview(format=OCCASIONS[occasion], interviewers=panel_of(size))
        for points in (
            dict.fromkeys(iv.interviewers, HIGHLIGHT),
            {p: f"the point {p.name} made" for p in iv.interviewers},
        ):
            drafts = thank_you_each(iv, sender=ME, highlights=points, forgot=forgot)
            for first, second in itertools.combinations(drafts, 2):
                fewest = min(len(masked(first)), len(masked(second)))
                assert len(shared(first, second)) * 3 <= fewest, (
                    size,
                    first.to.name,
                    second.to.name,
                    shared(first, second),
                )


# -- properties ----------------------------------------------------------------------

# Realistic typed fragments: words of letters and digits, some closing with
# their own punctuation, none that speak of a meeting or repeat a word.
_VOCABULARY = (
    "data", "Kafka", "rota", "API", "v2", "streaming", "cost", "plan", "the",
    "team's", "iPhone", "billing", "roadmap", "of", "reviews", "pipelines",
    "Acme", "Labs", "latency", "budget", "hiring", "eBay", "GraphQL",
)  # fmt: skip
_ENDINGS = ("", "", "", ".", "?", "!", " Inc.", " Ltd.")


@st.composite
def fragments(
    draw: st.DrawFn,
    *,
    least: int = 1,
    most: int = 12,
    endings: Sequence[str] = _ENDINGS,
) -> str:
    """Typed text of *least* to *most* words, its ending word counted."""
    ending = draw(st.sampled_from(endings))
    room = most - len(ending.split())
    chosen = draw(st.lists(st.sampled_from(_VOCABULARY), min_size=least, max_size=room))
    # No word twice in a row: a doubled word is the writer's, not a join's.
    kept = [w for i, w in enumerate(chosen) if i == 0 or w != chosen[i - 1]]
    return " ".join(kept) + ending


@st.composite
def thank_you_args(
    draw: st.DrawFn, *, formats: Sequence[Format] = tuple(Format)
) -> dict[str, Any]:
    """The arguments of a thank-you, from a drawn interview and typed values.

    Roles and organisations have two or three words; the highlight up to
    twelve and the forgotten point up to thirty, as the lengths assume.
    """
    drawn = draw(strategies.interviews(min_interviewers=1, max_interviewers=8))
    iv = attrs.evolve(
        drawn,
        organisation=draw(
            fragments(least=2, most=3, endings=("", ".", "!", " Inc.", " Ltd."))
        ),
        role=draw(fragments(least=2, most=3, endings=("",))),
        format=draw(st.sampled_from(formats)),
    )
    readers = list(iv.interviewers)
    if iv.agency_contact is not None:
        readers.append(iv.agency_contact)
    locale = draw(st.sampled_from(LOCALES))
    forgot = draw(st.none() | fragments(least=1, most=30))
    return {
        "interview": iv,
        "to": draw(st.sampled_from(readers)),
        "sender": ME,
        # Typed as a writer of the letter's language types.
        "highlight": as_typed(draw(fragments(least=1, most=12)), locale),
        "forgot": None if forgot is None else as_typed(forgot, locale),
        "locale": locale,
        "variant": draw(st.sampled_from(["email", "letter"])),
        "dated": iv.ends_at.date(),
    }


def starts_in_lower_case(said: str) -> bool:
    # A Spanish question or exclamation opens with its mark, then its capital.
    said = said.lstrip('\u00bf\u00a1\u00ab\u201e\u201c"( ')
    first = said.split(maxsplit=1)[0]
    # A name such as "iPhone" keeps its case (see the sentence filter).
    return said[0].islower() and not any(c.isupper() for c in first[1:])


@settings(max_examples=60)
@given(args=thank_you_args())
def test_typed_values_join_the_letters_words_cleanly(args: dict[str, Any]) -> None:
    iv = args.pop("interview")
    locale = args["locale"]
    draft = thank_you(iv, **args)
    for text in (body(draft), draft.subject):
        assert join_defects(text, locale) == [], text
    said = sentences(body(draft))
    # A German body goes on from the greeting's comma: its first word may
    # be in lower case ("vielen Dank").
    if language(locale) == "de":
        said = said[1:]
    for before, after in zip([".", *said], said, strict=False):
        # After "Inc." or "Ltd." inside a sentence the split is not a sentence's.
        if not before.endswith((" Inc.", " Ltd.")):
            assert not starts_in_lower_case(after), after
    bounds = body_words("thank_you", locale)
    assert bounds is not None
    assert bounds[0] <= words(body(draft)) <= bounds[1]
    # The same input gives the same note.
    assert thank_you(iv, **args) == draft


@settings(max_examples=40)
@given(args=thank_you_args(formats=(Format.TELEPHONE, Format.VIDEO)))
def test_a_generated_call_or_video_is_never_a_meeting(args: dict[str, Any]) -> None:
    draft = thank_you(args.pop("interview"), **args)
    assert not meet(args["locale"]).search(draft.text), draft.text
    assert not meet(args["locale"]).search(draft.subject)
