"""Tests for the checks of a letter's text: linear time, the same findings.

``Draft.check()`` and ``check_panel()`` once took quadratic time in the text
(6.5 s for 100 KB that repeats the organisation's name). Property tests hold
the new search for misspellings, the case folding it uses and the masking of
names to simple reference implementations (the code they replaced); capped
runs show the issue's cases and other hostile texts and names finishing
inside 2 s and 512 MiB.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from capped import run_capped
from postinterview import Interview, Person
from postinterview.letters import Draft, check_panel
from postinterview.letters._checks import (
    _WORD,
    SIMILAR_AT_MOST,
    _exact_spans,
    _fold_table,
    _misspellings,
    _name_parts,
)
from postinterview.letters._panel import MASKED_AT_MOST, _masked

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")

# -- reference implementations: the code the linear one replaced ----------------


def reference_misspellings(
    text: str, name: str, *, case_matters: bool
) -> Iterator[str]:
    target = _WORD.findall(name)
    if not target:
        return
    folded = [word.casefold() for word in target]
    flags = 0 if case_matters else re.IGNORECASE
    exact = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text, flags)]
    words = list(_WORD.finditer(text))
    size = len(target)
    index = 0
    while index + size <= len(words):
        run = words[index : index + size]
        first, last = run[0], run[-1]
        overlaps = any(
            first.start() < end and last.end() > start for start, end in exact
        )
        found = [match.group(0).casefold() for match in run]
        # A word in small letters is the language's own word, not a one-word
        # name in capitals misspelled.
        common = size == 1 and target[0][:1].isupper() and run[0].group(0).islower()
        if not overlaps and not common and reference_looks_like(found, folded):
            yield text[first.start() : last.end()]
            index += size
        else:
            index += 1


def reference_looks_like(found: list[str], wanted: list[str]) -> bool:
    if all(
        f.startswith(w) or w.startswith(f) for f, w in zip(found, wanted, strict=True)
    ):
        return found == wanted
    joined, target = " ".join(found), " ".join(wanted)
    return len(target) >= 4 and (
        unaccented(joined) == unaccented(target)
        or difflib.SequenceMatcher(None, joined, target).ratio() >= 0.8
    )


def unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def reference_masked(body: str, person: Person) -> str:
    parts = sorted(
        _name_parts(person)
        | {person.name.casefold()}
        | ({person.salutation.casefold()} if person.salutation else set()),
        key=len,
    )
    names = "|".join(re.escape(part) for part in reversed(parts))
    return re.sub(rf"(?<!\w)(?:{names})(?!\w)", "<name>", body, flags=re.IGNORECASE)


# -- what the texts are made of --------------------------------------------------

# Characters that re.IGNORECASE groups in unusual ways: dotted and dotless i,
# long s, sharp s, the Kelvin sign, the iota subscript.
ODD_CASES = [
    *("\u0130", "\u0131", "i", "I", "\u017f", "s", "S", "\u00df", "\u1e9e"),
    *("\u212a", "k", "K", "\u0345", "\u03b9", "\u0399"),
]
WORDS = [
    *("Acme", "acme", "ACME", "Acne", "Ltd", "ltd", "LTD", "Limted", "Lt"),
    *("Data", "data", "Dta", "Engineer", "engineer", "engineers", "Enginer"),
    *("Engineering", "the", "at", "a", "O'Neil", "o\u2019neil", "Priya", "Shah"),
    *("Soci\u00e9t\u00e9", "Societe", "soci\u00e9t\u00e9", "G\u00e9n\u00e9rale"),
    *("Generale", "Gene\u0301rale", "M\u00fcller", "Muller"),
    *ODD_CASES,
]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "'", "-", "", "1"]

words = st.sampled_from(WORDS)
texts = st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda pairs: "".join(word + sep for word, sep in pairs)
)
names = st.one_of(
    st.sampled_from(
        [
            *("Acme Ltd", "Data Engineer", "ACME", "O'Neil Data", "Acme"),
            *("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale", "M\u00fcller Data"),
        ]
    ),
    st.lists(words, min_size=1, max_size=3).map(" ".join),
    st.text(st.sampled_from([*ODD_CASES, " ", "a", "'"]), min_size=1, max_size=6),
)
odd_texts = st.text(st.sampled_from([*ODD_CASES, " ", "a", "'", "."]), max_size=40)


@given(texts | odd_texts, names, st.booleans())
def test_misspellings_are_those_the_reference_finds(
    text: str, name: str, case_matters: bool
) -> None:
    assert list(_misspellings(text, name, case_matters=case_matters)) == list(
        reference_misspellings(text, name, case_matters=case_matters)
    )


@given(texts | odd_texts, names | odd_texts.filter(bool), st.booleans())
def test_exact_spans_are_those_re_finds(
    text: str, name: str, case_matters: bool
) -> None:
    flags = 0 if case_matters else re.IGNORECASE
    expected = [m.span() for m in re.finditer(re.escape(name), text, flags)]
    assert list(_exact_spans(text, name, case_matters=case_matters)) == expected


characters = st.characters(exclude_categories=["Cs"]) | st.sampled_from(ODD_CASES)


@given(characters, characters)
def test_folding_makes_characters_equal_exactly_when_ignorecase_does(
    a: str, b: str
) -> None:
    table = _fold_table(a, b)
    matches = re.fullmatch(re.escape(a), b, re.IGNORECASE) is not None
    assert matches == (a.translate(table) == b.translate(table))
    assert len(a.translate(table)) == 1


names_of_people = st.sampled_from(
    ["Priya Shah", "Kim Lee", "Ísak Ólafsson", "O'Neil", "\u017fam \u0131vy", "Jo", "K"]
)
# Sometimes with the fields that say how to greet them: masked too.
people = st.builds(
    Person,
    name=names_of_people,
    given_name=st.none() | st.sampled_from(["Pri", "Kimberley", "\u0131vy"]),
    family_name=st.none() | st.sampled_from(["Shah", "van der Berg"]),
    salutation=st.none() | st.sampled_from(["Dr Shah", "Nell", "Acme"]),
)


@given(texts | odd_texts, people)
def test_masking_is_what_the_reference_masks(body: str, person: Person) -> None:
    assert _masked(body, person) == reference_masked(body, person)


# -- examples ----------------------------------------------------------------------


def test_a_name_too_long_to_compare_is_still_found_in_another_case() -> None:
    name = " ".join(["Acme"] * 30)
    assert len(name) > SIMILAR_AT_MOST
    text = f"I met {name.upper()} and {name}, then {name.replace('Acme', 'Acne')}."
    assert list(_misspellings(text, name, case_matters=True)) == [name.upper()]
    # A short name is compared for similarity as before.
    assert list(_misspellings("at Acne Ltd", "Acme Ltd", case_matters=True)) == [
        "Acne Ltd"
    ]


def test_a_name_too_long_to_mask_at_once_is_masked_word_by_word() -> None:
    person = Person(name=" ".join(["Priyanka"] * 30 + ["Shah"] * 30))
    assert len(person.name) > MASKED_AT_MOST
    assert _masked("Thanks, Priyanka; shah.", person) == "Thanks, <name>; <name>."
    assert _masked("Thanks, Priya.", person) == "Thanks, Priya."


# -- capped runs: linear time ------------------------------------------------------

SETUP = """
import pendulum
from postinterview import Interview, Person
from postinterview.letters import Draft, check_panel
END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah")
KIM = Person(name="Kim Lee")

def draft(text, *, to=PRIYA, organisation="Acme Ltd", role="Data Engineer"):
    interview = Interview(
        organisation=organisation, role=role, starts_at=END.subtract(hours=1),
        ends_at=END, interviewers=(to,),
    )
    return Draft(
        kind="thank_you", to=to, subject="Thank you", text=text,
        html="<p></p>", interview=interview,
    )

def repeat(piece, size=100_000):
    return (piece * (size // len(piece) + 1))[:size]
"""


def test_checking_100_kb_that_repeats_the_organisation_is_quick() -> None:
    outcome = run_capped(
        "findings = draft(text).check()",
        setup=SETUP + "text = 'Dear Priya,\\n\\n' + repeat('Acme Ltd ')",
    )
    assert outcome.error is None, outcome.message
    assert outcome.elapsed < 2.0


def test_checking_a_panel_of_two_such_drafts_is_quick() -> None:
    outcome = run_capped(
        "findings = check_panel([first, second])",
        setup=SETUP
        + "first = draft('Dear Priya,\\n\\n' + repeat('Acme Ltd '))\n"
        + "second = draft('Dear Kim,\\n\\n' + repeat('Acme Ltd '), to=KIM)",
    )
    assert outcome.error is None, outcome.message
    assert outcome.elapsed < 2.0


HOSTILE_TEXTS = {
    "near names": "repeat('Acme Ltx Data Enginer ')",
    "near names in every case": "repeat('aCME lTD dATA eNGINEER ')",
    "one character": "'a' * 100_000",
    "spaces between two words": "'a' + ' ' * 100_000 + 'a'",
    "many sentences": "repeat('Yes. ')",
    "no spaces": "repeat('abcdefghij')",
    "line breaks": "'\\n' * 100_000",
    "greetings on every line": "repeat('Dear \\n')",
    "angle brackets": "'<' + repeat('a ')",
    "square brackets": "repeat('[')",
    "doubled words": "repeat('the the ')",
    "apostrophes": 'repeat("a\'")',
    "odd cases": "repeat('\u0130\u0131\u017f\u00df\u1e9e\u212a ')",
    "the name over and over": "repeat('Priya Shah ')",
}


@pytest.mark.parametrize("text", HOSTILE_TEXTS.values(), ids=HOSTILE_TEXTS.keys())
def test_a_panel_of_hostile_100_kb_texts_is_checked_quickly(text: str) -> None:
    outcome = run_capped(
        "findings = check_panel([first, second])",
        setup=SETUP
        + f"text = {text}\n"
        + "first, second = draft(text), draft(text, to=KIM)",
    )
    assert outcome.error is None, outcome.message
    assert outcome.elapsed < 2.0


HOSTILE_NAMES = {
    "organisation of 50,000 words": "organisation='a ' * 50_000",
    "organisation of 100,000 letters": "organisation='a' * 100_000",
    "role of 50,000 words": "role='A ' * 50_000",
    "role just short enough to compare": "role='abcde fghij klmno pqrst ' * 4",
    "recipient of 50,000 words": "to=Person(name='a ' * 50_000)",
    "recipient of one long word": 'to=Person(name="aa\'" * 30_000)',
}


@pytest.mark.parametrize("name", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_hostile_names_are_checked_quickly(name: str) -> None:
    outcome = run_capped(
        "findings = check_panel([first, first])",
        setup=SETUP
        + "import random\n"
        + "words = 'a aa abcde fghij klmno pqrst'.split()\n"
        + "text = ' '.join(random.Random(1).choice(words) for _ in range(20_000))\n"
        + f"first = draft(text, {name})",
    )
    assert outcome.error is None, outcome.message
    assert outcome.elapsed < 2.0


def test_the_capped_drafts_are_checked_like_any_other() -> None:
    # The capped runs above build drafts this way; they check as usual.
    interview = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=END.subtract(hours=1),
        ends_at=END,
        interviewers=(Person(name="Priya Shah"),),
    )
    draft = Draft(
        kind="thank_you",
        to=interview.interviewers[0],
        subject="Thank you",
        text="Dear Priya,\n\nThanks from Acme Limted. TODO\n\nRobin",
        html="<p></p>",
        interview=interview,
    )
    codes = [finding.code for finding in check_panel([draft])]
    assert codes == ["length", "spelling", "placeholder"]
