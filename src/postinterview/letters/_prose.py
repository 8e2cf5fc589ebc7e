"""The checks of a letter's sentences: joins, sentence starts, calls, vocabulary.

Each takes time linear in the text. Names from the record (the organisation,
the role, people's names and titles) are written as the record has them and
are never findings: "Acme Robotics, Inc.," keeps the organisation's own full
stop, and "easyJet" may start a sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

from postinterview.findings import Finding
from postinterview.interview import Format, Interview, Person
from postinterview.letters._conventions import Conventions
from postinterview.letters._parts import (
    ABBREVIATIONS,
    abbreviation_ends,
    nfc,
    sentence_breaks,
    sentences,
)

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_MARKS = ".,;:!?\u2026"
# Two or more marks in a row, and a space before a mark that is not the
# start of a word (".NET", ".5") or of an ellipsis (" ..."). Spaces: a plain
# one, a tab, a no-break space, a narrow no-break space and a thin space.
_RUN = re.compile(r"[.,;:!?\u2026]{2,}")
_SPACE_BEFORE = re.compile(r"(?<=\S)[ \t\u00a0\u202f\u2009]+[.,;:!?](?![\w.])")
# One space that French puts before a high mark: plain, no-break or narrow.
_FRENCH_SPACES = frozenset(" \u00a0\u202f")
_STOPS = frozenset(".,;:")  # the marks a join doubles
_QUOTED_CHARS = 30  # the most characters read back for the word before a mark
_END_OF_SENTENCE = re.compile(r"[.!?\u2026](?=\s|$)")


def record_names(
    to: Person, interview: Interview | None, people: Iterable[Person] = ()
) -> tuple[str, ...]:
    """Every name the record spells for this letter, longest first.

    The interview's organisation, role and location; and the name, title,
    given and family names, honorific and salutation of the recipient, the
    interviewers, the agency contact and *people*.
    """
    names: set[str] = set()
    everyone = [to, *people]
    if interview is not None:
        names.update((nfc(interview.organisation), nfc(interview.role)))
        if interview.location is not None:
            names.add(nfc(interview.location))
        everyone.extend(interview.interviewers)
        if interview.agency_contact is not None:
            everyone.append(interview.agency_contact)
    for person in everyone:
        names.update(
            nfc(value)
            for value in (
                person.name,
                person.title,
                person.given_name,
                person.family_name,
                person.honorific,
                person.salutation,
            )
            if value
        )
    return tuple(sorted(names, key=lambda name: (-len(name), name)))


def _occurrences(text: str, name: str) -> Iterator[int]:
    """Where *name* starts in *text*, left to right and not overlapping."""
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + len(name))


def _name_ends(text: str, names: Iterable[str]) -> set[int]:
    """Where names that end with a punctuation mark ("Inc.", "Yahoo!") end."""
    return {
        at + len(name)
        for name in names
        if name[-1] in _MARKS
        for at in _occurrences(text, name)
    }


def _word_before(text: str, end: int) -> str:
    """The word that ends at *end*, read back a few characters at most."""
    window = text[max(0, end - _QUOTED_CHARS) : end]
    if not window or window[-1].isspace():
        return ""
    return window.rsplit(None, 1)[-1]


# -- punctuation -----------------------------------------------------------------


def punctuation_findings(
    text: str,
    names: Iterable[str],
    *,
    abbreviations: Iterable[str] = ABBREVIATIONS,
    spaced: frozenset[str] = frozenset(),
) -> Iterator[Finding]:
    """Doubled or stray punctuation, such as joins leave: "Inc..", ".,", " .".

    An ellipsis ("...", "…") is not doubled; "!!" and "?!" are a matter of
    tone, not of joins, and are left alone. A full stop that belongs to a
    name in the record ("Acme Robotics, Inc.") or to one of *abbreviations*
    ("e.g.", "etc.") may be followed by a comma or another mark, but not by
    a second full stop. A mark of *spaced* (French "; : ! ?") may have one
    space before it: plain, no-break (U+00A0) or narrow no-break (U+202F);
    two are still a finding.
    """
    ends = _name_ends(text, names)
    known = abbreviation_ends(text, abbreviations)
    flagged: set[int] = set()
    for match in _RUN.finditer(text):
        start, run = match.start(), match.group(0)
        own = next(
            (k for k in range(len(run), 0, -1) if start + k in ends),
            1 if start + 1 in known else 0,
        )
        rest = run[own:]
        bad = (rest[:1] == "." or _doubled(rest)) if own else _doubled(run)
        if bad:
            flagged.add(start)
            yield Finding(
                code="punctuation",
                message=(
                    f"{run!r} doubles the punctuation where two pieces of text "
                    "meet; keep the one mark the sentence needs"
                ),
                text=_word_before(text, start) + run,
            )
    for match in _SPACE_BEFORE.finditer(text):
        mark_at = match.end() - 1
        if mark_at in flagged:
            continue
        space = match.group(0)[:-1]
        if text[mark_at] in spaced and space in _FRENCH_SPACES:
            continue
        yield Finding(
            code="punctuation",
            message=f"a space stands before {text[mark_at]!r}; remove it",
            text=_word_before(text, match.start()) + match.group(0),
        )


def _doubled(run: str) -> bool:
    """Whether a run of marks is a defect: not an ellipsis, nor "!!" or "?!"."""
    return len(run) > 1 and run != "..." and not _STOPS.isdisjoint(run)


# Spanish opens a question with "¿" and an exclamation with "¡". A closing
# mark counts where prose has one: not inside a link ("?q=", "/!/").
_INVERTED = {"?": "\u00bf", "!": "\u00a1"}
_QUESTION_MARKS = re.compile(r"[\u00bf\u00a1]|[?!](?![\w=&/])|\n[ \t]*\n")


def inverted_mark_findings(text: str, names: Iterable[str]) -> Iterator[Finding]:
    """Spanish question and exclamation marks that are not paired: a "¿"
    that no "?" closes in its paragraph, a "?" that no "¿" opened (and the
    same for "¡" and "!").

    The marks pair as brackets do ("¡¿Qué?!"). A closing mark right after
    another ("!!", "?!") needs no opening mark of its own: that is a matter
    of tone; nor does one that ends a name in the record ("Yahoo!").
    """
    ends = _name_ends(text, names)
    opened: list[int] = []
    last_closed = -2
    for match in _QUESTION_MARKS.finditer(text):
        mark, at = match.group(0), match.start()
        if at + 1 in ends:
            continue
        if mark not in _INVERTED:
            if mark in _INVERTED.values():
                opened.append(at)
                continue
            yield from _unclosed(text, opened)  # a paragraph ends
            opened = []
            continue
        if opened and text[opened[-1]] == _INVERTED[mark]:
            opened.pop()
        elif at != last_closed + 1:
            yield Finding(
                code="punctuation",
                message=(
                    f"{mark!r} closes a sentence that no {_INVERTED[mark]!r} "
                    "opens; Spanish opens it too"
                ),
                text=_word_before(text, at) + mark,
            )
        last_closed = at
    yield from _unclosed(text, opened)


def _unclosed(text: str, opened: list[int]) -> Iterator[Finding]:
    closing = {opening: closing for closing, opening in _INVERTED.items()}
    for at in opened:
        yield Finding(
            code="punctuation",
            message=(
                f"{text[at]!r} opens a sentence that no {closing[text[at]]!r} "
                "closes in its paragraph"
            ),
            text=_opening(text, at, words=4),
        )


# -- sentence starts -------------------------------------------------------------

# What may come before a sentence's first word: opening quotes and brackets,
# the Spanish opening marks, and the no-break space after a guillemet.
_OPENERS = "\"'\u201c\u2018\u201e\u201a\u00ab\u2039(\u00bf\u00a1\u00a0\u202f"


def lower_case_findings(
    body: str,
    names: Iterable[str],
    *,
    abbreviations: Iterable[str] = ABBREVIATIONS,
    first_may_be_lower: bool = False,
) -> Iterator[Finding]:
    """Sentences of the body that start with a small letter ("i have decided").

    Not counted: a word with a capital letter in it ("eBay"), a name the
    record writes in lower case, what follows a full stop that is not a
    sentence's end: one of *abbreviations*' ("e.g. the"), a name's ("Acme
    Inc. and"), a list number's ("1. the salary") or an ellipsis; and, with
    *first_may_be_lower*, the body's first sentence (German goes on in lower
    case after the greeting's comma). A sentence's first word is read after
    any opening quotes, brackets and Spanish "¿" or "¡".
    """
    names = tuple(names)
    ends = _name_ends(body, names) | abbreviation_ends(body, abbreviations)
    lower_starts = {
        at for name in names if name[0].islower() for at in _occurrences(body, name)
    }
    breaks = sentence_breaks(body)
    for mark, start, paragraph in breaks[1:] if first_may_be_lower else breaks:
        if not paragraph and _not_an_end(body, mark, ends):
            continue
        at = start
        while at < len(body) and at < start + 4 and body[at] in _OPENERS:
            at += 1
        word = _WORD.match(body, at)
        if word is None or at in lower_starts:
            continue
        found = word.group(0)
        if found[0].islower() and found == found.lower():
            yield Finding(
                code="lower-case-start",
                message=(
                    f"a sentence starts with {found!r} in lower case; "
                    "start it with a capital letter"
                ),
                text=_opening(body, at),
            )


def _not_an_end(text: str, mark: int, ends: set[int]) -> bool:
    """Whether the mark just before *mark* does not end a sentence: it ends a
    name or an abbreviation (in *ends*), an ellipsis or a list number."""
    if mark in ends or text[mark - 1] == "\u2026" or text[mark - 3 : mark] == "...":
        return True
    if text[mark - 1] != ".":
        return False
    number = _word_before(text, mark - 1)
    return 0 < len(number) <= 3 and number.isdigit()


def _opening(text: str, at: int, words: int = 8) -> str:
    """The start of the sentence at *at*, its first few words, to quote."""
    piece = text[at : at + 100].split("\n", 1)[0]
    end = _END_OF_SENTENCE.search(piece)
    if end is not None:
        piece = piece[: end.end()]
    return " ".join(piece.split(" ")[:words]).rstrip()


# -- a meeting after a call ------------------------------------------------------

_CALLS = {Format.TELEPHONE: "a telephone call", Format.VIDEO: "a video call"}


def meeting_findings(
    written: str, interview: Interview, conventions: Conventions
) -> Iterator[Finding]:
    """A meeting spoken of after a telephone or video interview.

    The words are the language's (*conventions*). In English: "meet" or
    "meeting" with the reader or the team ("taking the time to meet me",
    "meeting you"), "we met", "met with", "our meeting" and "in person",
    unless the sentence looks ahead before them ("I look forward to meeting
    the team", "I would welcome the chance to meet you", "we'll meet in
    person"): the words will, would, shall, hope, look forward, next,
    future, soon, 'll and 'd. The letters guide lists the other languages'.
    """
    call = _CALLS.get(interview.format)
    if call is None:
        return
    meeting, looks_ahead = conventions.meeting, conventions.ahead
    spans: list[tuple[int, int]] | None = None
    starts: list[int] = []
    # For each sentence with a meeting word, where it starts to look ahead.
    ahead: dict[int, int] = {}
    for match in meeting.finditer(written):
        if spans is None:  # most letters have no meeting word at all
            spans = sentences(written)
            starts = [start for start, _ in spans]
        index = bisect.bisect_right(starts, match.start()) - 1
        start, end = spans[index] if index >= 0 else (0, len(written))
        if index not in ahead:
            found = looks_ahead.search(written, start, end)
            ahead[index] = end if found is None else found.start()
        if match.start() < ahead[index]:
            yield Finding(
                code="meeting-after-call",
                message=(
                    f"the interview was {call}, not a meeting: "
                    f"{conventions.instead[interview.format]}"
                ),
                text=match.group(0),
            )


# -- British words in an American letter -----------------------------------------

#: British words, and what an American letter says instead. A word that is
#: part of a name in the record (the organisation, the role, a person's
#: title) is never a finding: "Centre for Data" stays as the record spells it.
BRITISH_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "amongst": "among",
        "apologise": "apologize",
        "behaviour": "behavior",
        "centre": "center",
        "colour": "color",
        "CV": "résumé",
        "CVs": "résumés",
        "emphasise": "emphasize",
        "enquiry": "inquiry",
        "favour": "favor",
        "fortnight": "two weeks",
        "honour": "honor",
        "organisation": "organization",
        "organisations": "organizations",
        "organise": "organize",
        "organised": "organized",
        "prioritise": "prioritize",
        "programme": "program",
        "realise": "realize",
        "recognise": "recognize",
        "referee": "reference",
        "referees": "references",
        "specialise": "specialize",
        "summarise": "summarize",
        "timetable": "schedule",
        "travelled": "traveled",
        "whilst": "while",
    }
)
_FOLDED = {word.casefold(): american for word, american in BRITISH_WORDS.items()}
_CASED = frozenset(word for word in BRITISH_WORDS if not word.islower())
_BRITISH = re.compile(
    r"\b(?:" + "|".join(sorted(BRITISH_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def british_findings(written: str, names: Iterable[str]) -> Iterator[Finding]:
    """Words of :data:`BRITISH_WORDS` in an en_US letter, other than names'.

    Words written in capitals in the table ("CV") are found only so
    written; the others in any case.
    """
    named = {word.casefold() for name in names for word in _WORD.findall(name)}
    for match in _BRITISH.finditer(written):
        found = match.group(0)
        folded = found.casefold()
        if folded in named:
            continue
        cased = next((word for word in _CASED if word.casefold() == folded), None)
        if cased is not None and found != cased:
            continue
        yield Finding(
            code="british-word",
            message=(
                f"{found!r} is British usage; an American letter says "
                f"{_FOLDED[folded]!r}"
            ),
            text=found,
        )
