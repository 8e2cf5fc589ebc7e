"""Reading a drafted letter as its reader would, for the letters' tests.

Written apart from the library's own checks, so that a test of a letter does
not trust the code it tests: where a body starts and ends, its words and
sentences, and the defects no packaged letter may have.
"""

from __future__ import annotations

import re

import attrs
from hypothesis import strategies as st

from postinterview import Channel, Format, Interview, Person, RunBy
from postinterview.letters import Draft
from postinterview.strategies import interviews

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
GREETING = re.compile(r"^(Dear|Hello) ", re.M)
SIGN_OFFS = ("Kind regards,", "Yours sincerely,", "Best regards,", "Sincerely,")
#: What a join leaves when a value's own punctuation meets the letter's.
JOIN_DEFECTS = (
    *("..", ".,", ".;", ".:", ",,", ",.", ":.", ";."),
    *("?.", "?,", "!.", "!,"),
    *(" .", " ,", " ;", " :", " ?", " !"),
)
#: The words that make a call or a video interview a meeting.
MEET = re.compile(r"\b(meet|meets|met|meeting|meetings|in person)\b", re.I)


def body(draft: Draft) -> str:
    """What a draft says: after its greeting line, up to its sign-off."""
    greeting = GREETING.search(draft.text)
    assert greeting is not None, draft.text
    after = draft.text[greeting.start() :].split("\n", 1)[1]
    lines = after.splitlines()
    for index, line in enumerate(lines):
        if line in SIGN_OFFS:
            lines = lines[:index]
            break
    return "\n".join(lines).strip()


def words(text: str) -> int:
    """How many words *text* has, as a reader counts them."""
    return len(WORD.findall(text))


def sentences(text: str) -> list[str]:
    """The sentences of *text*, in order: runs ending in . ? or ! (a label
    ending in a colon is not one), list markers dropped, spaces normalised."""
    found = []
    for line in text.splitlines():
        said = line.strip().removeprefix("- ")
        for part in re.split(r"(?<=[.?!])\s+(?=[A-Z])", said):
            if part.endswith((".", "?", "!")):
                found.append(" ".join(part.split()))
    return found


def join_defects(text: str) -> list[str]:
    """The defects of :data:`JOIN_DEFECTS` in *text*, an ellipsis excepted."""
    plain = text.replace("...", "\u2026")
    return [defect for defect in JOIN_DEFECTS if defect in plain]


# -- what a person would type -------------------------------------------------

_GIVEN = ["Priya", "Helen", "Tom", "José", "Zoë", "Łukasz", "Wei", "Ama"]
_FAMILY = ["Shah", "Marsh", "Okafor", "van der Berg", "O'Neill", "Lee", "Smith Jr."]
_ORGANISATION = ["Acme", "Northwind", "Larkspur", "Fenwick", "Blue", "River", "Labs"]
_SUFFIX = ["", " Ltd", " Ltd.", " Inc.", ", Inc.", " plc", " LLC", " & Co.", " Group"]
_ROLE = ["Data", "Senior", "Software", "Product", "Research", "Platform", "Lead"]
_JOB = ["Engineer", "Manager", "Analyst", "Designer", "Scientist", "Nurse"]
_USEFUL = ["the", "structure", "of", "my", "answers", "STAR", "examples", "budget"]
_TITLES = [None, "Head of Data", "Recruiter", "Talent Partner", "Engineering Manager"]


@st.composite
def people(draw: st.DrawFn) -> Person:
    """A person with a realistic name, perhaps a title, phone and zone."""
    given_name = draw(st.sampled_from(_GIVEN))
    family = draw(st.none() | st.sampled_from(_FAMILY))
    name = given_name if family is None else f"{given_name} {family}"
    honorific = draw(st.none() | st.sampled_from(["Dr", "Ms", "Mr", "Mx", "Prof"]))
    return Person(
        name=name,
        email=draw(st.none() | st.just("someone@example.org")),
        phone=draw(st.none() | st.just("+44 20 7946 0000")),
        title=draw(st.sampled_from(_TITLES)),
        timezone=draw(
            st.sampled_from([None, "Europe/London", "Asia/Tokyo", "America/Chicago"])
        ),
        given_name=given_name,
        family_name=family,
        honorific=honorific if family is not None else None,
        salutation=draw(st.none() | st.just(given_name)),
    )


@st.composite
def realistic(draw: st.DrawFn) -> Interview:
    """A generated interview with the names a person would type."""
    base = draw(interviews(max_interviewers=3))
    panel = draw(st.lists(people(), min_size=1, max_size=3, unique_by=lambda p: p.name))
    words = draw(
        st.lists(st.sampled_from(_ORGANISATION), min_size=1, max_size=3, unique=True)
    )
    organisation = " ".join(words) + draw(st.sampled_from(_SUFFIX))
    seniority = draw(st.lists(st.sampled_from(_ROLE), max_size=2, unique=True))
    role = " ".join([*seniority, draw(st.sampled_from(_JOB))])
    agency = draw(
        st.none() | people().filter(lambda p: p.name not in {q.name for q in panel})
    )
    return attrs.evolve(
        base,
        organisation=organisation,
        role=role,
        interviewers=tuple(panel),
        format=draw(st.sampled_from(Format)),
        run_by=RunBy.EMPLOYER if agency is None else RunBy.AGENCY,
        agency_contact=agency,
        preferred_channel=draw(st.sampled_from(Channel)),
    )


def fragments() -> st.SearchStrategy[str]:
    """Typed text: 1 to 12 words, perhaps ending as a sentence would.

    A point completes "our discussion of ...", so it does not start with
    "of" (which would double the word: the typist's slip, not the letter's).
    """
    return st.builds(
        lambda words, end: " ".join(words) + end,
        st.lists(st.sampled_from(_USEFUL), min_size=1, max_size=12, unique=True).filter(
            lambda words: words[0] != "of"
        ),
        st.sampled_from(["", ".", "?", "!", " Inc."]),
    )
