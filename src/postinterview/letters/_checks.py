"""The checks of one letter's text: greeting, length, spelling, placeholders.

They compare the letter with its recipient and, when known, the interview
record, and return findings rather than raise. The checks of its sentences
(joins, sentence starts, a meeting after a call, British words) are in
``_prose``; those against an application's record in ``_fit``.
"""

from __future__ import annotations

import difflib
import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

from postinterview.findings import Finding
from postinterview.interview import Interview, Person
from postinterview.letters._parts import GREETING, body, count_words, script_body
from postinterview.letters._prose import (
    british_findings,
    lower_case_findings,
    meeting_findings,
    punctuation_findings,
    record_names,
)

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_DOUBLED = re.compile(r"\b([^\W\d_]+)\s+(\1)\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{\{|\{%|\[[^\]\n]{1,40}\]|\bTODO\b|\bXXX\b|<[A-Za-z ]+>")
_GREETING = GREETING

#: How many words the body of each kind of letter should have, as (fewest,
#: most); 0 means no fewest. The body is what lies between the greeting line
#: and the sign-off paragraph (the last paragraph: the closing, the name and
#: the signature); a call script's body is its "What to say:" section, up to
#: the next heading (a line that ends with a colon), or without that heading
#: every line but the headings. A word is a run of characters between white
#: space that holds a letter or a digit. A thank-you note is 80 to 150 words,
#: the forgotten point included; a check-in, said or written, at most 90; a
#: feedback request at most 110, short enough to be easy to decline; the
#: other packaged letters at most 160. A kind not listed here (a host's own)
#: has no length to keep to.
BODY_WORDS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "thank_you": (80, 150),
        "check_in": (0, 90),
        "check_in_call": (0, 90),
        "feedback_request": (0, 110),
        "reference_brief": (0, 160),
        "withdrawal": (0, 160),
        "rejection_reply": (0, 160),
        "feedback_thanks": (0, 160),
        "offer_thanks": (0, 160),
    }
)
# The kinds that are call scripts: no greeting line, no sign-off.
_SCRIPTS = frozenset({"check_in_call"})
# What each kind of letter is called in a finding's message.
_CALLED = {
    "thank_you": "a thank-you note",
    "check_in": "a check-in",
    "check_in_call": "a check-in call's script",
    "feedback_request": "a feedback request",
}
#: Titles that go before a family name ("Dr Marsh"), never before a full name,
#: casefolded and without a full stop; a person's own *honorific* counts too.
HONORIFICS = frozenset(
    {
        "dr",
        "doctor",
        "prof",
        "professor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "sir",
        "dame",
    }
)


def _check_letter(
    *,
    kind: str,
    to: Person,
    subject: str,
    text: str,
    interview: Interview | None,
    locale: str = "en_GB",
) -> tuple[Finding, ...]:
    """What a careful reader would want fixed in a letter; see ``Draft.check``."""
    script = kind in _SCRIPTS
    greeting = (
        None
        if script
        else next((line for line in text.splitlines() if _GREETING.match(line)), None)
    )
    written = f"{subject}\n{text}"
    said = script_body(text) if script else body(text)
    names = record_names(to, interview)
    return (
        *(_named_findings(text, to) if script else _greeting_findings(greeting, to)),
        *(_title_findings(greeting, to) if greeting is not None else ()),
        *_length_findings(kind, said),
        *(_spelling_findings(written, interview) if interview is not None else ()),
        *_placeholder_findings(written),
        *_doubled_word_findings(text),
        *punctuation_findings(written, names),
        *lower_case_findings(said, names),
        *(meeting_findings(f"{subject}\n\n{said}", interview) if interview else ()),
        *(british_findings(f"{subject}\n\n{said}", names) if locale == "en_US" else ()),
    )


def _greeting_findings(greeting: str | None, to: Person) -> Iterator[Finding]:
    if greeting is None:
        yield Finding(code="greeting", message="the letter has no greeting")
    elif not _names_person(greeting, to):
        yield Finding(
            code="greeting",
            message=f"the greeting does not use {to.name}'s name",
            text=greeting.strip(),
        )


def _named_findings(text: str, to: Person) -> Iterator[Finding]:
    """A call script has no greeting line, but says who it asks for."""
    if not _names_person(text, to):
        yield Finding(
            code="greeting",
            message=f"the script never says {to.name}'s name",
        )


def _title_findings(greeting: str, to: Person) -> Iterator[Finding]:
    """A title before the recipient's full name: "Dear Dr Helen Marsh,".

    A title goes before the family name alone ("Dear Dr Marsh"), or the full
    name goes without it ("Dear Helen Marsh"). Found when what follows the
    titles (:data:`HONORIFICS`, and the recipient's own *honorific*) is the
    full name, starts with the given name and goes on, or, with no family
    name on record, starts with the full name's first word and goes on.
    A *salutation* the recipient asked for is always right.
    """
    opening = _GREETING.match(greeting)
    named = greeting[opening.end() if opening else 0 :].strip().rstrip(",:;!").strip()
    if to.salutation is not None and _fold(named) == _fold(to.salutation):
        return
    titles = set(HONORIFICS)
    if to.honorific is not None:
        titles.update(_fold(to.honorific).replace(".", "").split())
    words = named.split()
    title = []
    while words and words[0].casefold().rstrip(".") in titles:
        title.append(words.pop(0))
    if not title or len(words) < 2:
        return
    after = [word.casefold() for word in words]
    full = _fold(to.name).split()
    given = _fold(to.given_name or "").split()
    family = _fold(to.family_name or "").split()
    if after == family:
        return
    if (
        after == full
        or (given and after[: len(given)] == given)
        or (not family and len(full) > 1 and after[0] == full[0])
    ):
        shown = " ".join(title)
        better = (
            f"'Dear {shown} {to.family_name}' or 'Dear {to.name}'"
            if to.family_name
            else f"the title with the family name alone, or 'Dear {to.name}'"
        )
        yield Finding(
            code="title-before-full-name",
            message=f"a title goes before the family name alone: write {better}",
            text=greeting.strip(),
        )


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _length_findings(kind: str, said: str) -> Iterator[Finding]:
    """The body's words against :data:`BODY_WORDS` for *kind*."""
    if kind not in BODY_WORDS:
        return
    fewest, most = BODY_WORDS[kind]
    words = count_words(said)
    if fewest <= words <= most:
        return
    called = _CALLED.get(kind, f"a {kind.replace('_', ' ')} letter")
    wanted = f"{fewest} to {most}" if fewest else f"at most {most}"
    yield Finding(
        code="length",
        message=(
            f"the body of {called} should have {wanted} words; this one has {words}"
        ),
    )


def _spelling_findings(written: str, interview: Interview) -> Iterator[Finding]:
    # A role is often written in lower case in a sentence; an organisation's
    # name is spelled one way.
    for field, name, case_matters in (
        ("organisation", interview.organisation, True),
        ("role", interview.role, False),
    ):
        for found in _misspellings(written, name, case_matters=case_matters):
            yield Finding(
                code="spelling",
                message=f"the {field} is {name!r} in the record",
                text=found,
            )


def _placeholder_findings(written: str) -> Iterator[Finding]:
    for match in _PLACEHOLDER.finditer(written):
        yield Finding(
            code="placeholder",
            message="a placeholder is left to fill in",
            text=match.group(0),
        )


def _doubled_word_findings(text: str) -> Iterator[Finding]:
    for match in _DOUBLED.finditer(text):
        yield Finding(
            code="doubled-word",
            message=f"{match.group(1)!r} is written twice in a row",
            text=match.group(0),
        )


def _name_parts(person: Person) -> set[str]:
    """The words of *person*'s name, given name and family name, casefolded."""
    names = (person.name, person.given_name or "", person.family_name or "")
    return {
        part.casefold()
        for name in names
        for part in _WORD.findall(name)
        if len(part) > 1
    }


def _names_person(line: str, person: Person) -> bool:
    """Whether *line* uses *person*'s name: a word of their name, given name or
    family name, their whole name, or the salutation they asked for."""
    parts = _name_parts(person) or {person.name.casefold()}
    words = {word.casefold() for word in _WORD.findall(line)}
    folded = line.casefold()
    return (
        bool(parts & words)
        or person.name.casefold() in folded
        or (person.salutation is not None and person.salutation.casefold() in folded)
    )


def _misspellings(text: str, name: str, *, case_matters: bool) -> Iterator[str]:
    """Yield runs of words that look like *name* but are not spelled as it is.

    A run looks like the name when it has as many words and is at least 80%
    similar to it, ignoring case. Not counted: runs that overlap a correct
    spelling (so "at Acme Ltd" does not match "Acme Ltd"), other forms of
    the same words ("data engineers" for "Data Engineer"), and, unless
    *case_matters*, runs that differ only in case. Names longer than
    :data:`SIMILAR_AT_MOST` characters are matched by their words only.

    Each run of words is looked at once, in time linear in the text: the
    correct spellings are found with one pass of a string search, the
    overlap test walks them in step with the runs, and only runs of a
    length that could be 80% similar are compared character by character.
    """
    target = _WORD.findall(name)
    if not target:
        return
    wanted = [word.casefold() for word in target]
    size = len(wanted)
    same = _Occurrences(wanted)
    similar = _Similarity(wanted)
    correct = _exact_spans(text, name, case_matters=case_matters)
    # The first correct spelling that ends after the run starts, if any.
    nearest = next(correct, None)
    run: deque[tuple[int, int, str]] = deque(maxlen=size)
    letters = 0  # in the run's words
    wait = size - 1  # words to read before the next run to look at
    for match in _WORD.finditer(text):
        word = match.group(0).casefold()
        is_name = same.ends_with(word)
        if len(run) == size:
            letters -= len(run[0][2])
        run.append((match.start(), match.end(), word))
        letters += len(word)
        if wait:
            wait -= 1
            continue
        start, end = run[0][0], run[-1][1]
        while nearest is not None and nearest[1] <= start:
            nearest = next(correct, None)
        overlaps = nearest is not None and nearest[0] < end
        if not overlaps and (is_name or similar.to(run, letters + size - 1)):
            yield text[start:end]
            wait = size - 1


#: Names (organisations, roles) up to this many characters, as their words
#: are joined, are compared with runs of words for similarity; longer ones
#: (no real name is so long) only for the same words in another case, so that
#: a check stays quick, whatever the text.
SIMILAR_AT_MOST = 100


class _Similarity:
    """Whether a run of words is 80% similar to the name, ignoring case.

    Only for runs that are not the name's own words (see
    :func:`_misspellings`). The name is prepared once; a run is compared
    only when its length allows a ratio of 0.8 (as ``real_quick_ratio``
    would say) and its letters do (``quick_ratio``), and each distinct run
    once.
    """

    def __init__(self, wanted: list[str]) -> None:
        self.wanted = wanted
        self.target = " ".join(wanted)
        self.enabled = 4 <= len(self.target) <= SIMILAR_AT_MOST
        self.matcher = difflib.SequenceMatcher(None, "", self.target)
        self.seen: dict[str, bool] = {}

    def to(self, run: Iterable[tuple[int, int, str]], length: int) -> bool:
        """Whether *run* (start, end, casefolded word), *length* long joined, is."""
        if not self.enabled:
            return False
        # What real_quick_ratio() would say: the ratio is at most this.
        if 2.0 * min(length, len(self.target)) / (length + len(self.target)) < 0.8:
            return False
        found = [word for _, _, word in run]
        if all(
            f.startswith(w) or w.startswith(f)
            for f, w in zip(found, self.wanted, strict=True)
        ):
            # The same words, or other forms of them ("engineers").
            return False
        joined = " ".join(found)
        known = self.seen.get(joined)
        if known is None:
            matcher = self.matcher
            matcher.set_seq1(joined)
            known = matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8
            self.seen[joined] = known
        return known


class _Occurrences:
    """Whether the words read so far end with *wanted*, word for word (KMP)."""

    def __init__(self, wanted: list[str]) -> None:
        self.wanted = wanted
        # For each prefix of wanted, its longest proper prefix that is also
        # its suffix: where to go on from after a mismatch.
        self.fallback = [0] * len(wanted)
        matched = 0
        for position in range(1, len(wanted)):
            while matched and wanted[position] != wanted[matched]:
                matched = self.fallback[matched - 1]
            if wanted[position] == wanted[matched]:
                matched += 1
            self.fallback[position] = matched
        self.matched = 0

    def ends_with(self, word: str) -> bool:
        """Read *word*; return whether the words read now end with *wanted*."""
        wanted, matched = self.wanted, self.matched
        while matched and word != wanted[matched]:
            matched = self.fallback[matched - 1]
        if word == wanted[matched]:
            matched += 1
        found = matched == len(wanted)
        self.matched = self.fallback[matched - 1] if found else matched
        return found


def _exact_spans(
    text: str, name: str, *, case_matters: bool
) -> Iterator[tuple[int, int]]:
    """Where *name* stands in *text*, left to right and not overlapping.

    The same spans as ``re.finditer(re.escape(name), text)``, with
    ``re.IGNORECASE`` unless *case_matters*, but in linear time: ignoring
    case, both are first folded character by character as the regular
    expressions compare them (:func:`_fold_table`).
    """
    if not case_matters:
        table = _fold_table(text, name)
        text, name = text.translate(table), name.translate(table)
    width = len(name)
    at = text.find(name)
    while at >= 0:
        yield at, at + width
        at = text.find(name, at + width)


def _fold_table(*texts: str) -> dict[int, str]:
    """A translation that makes characters equal when ``re.IGNORECASE`` does.

    Under ``re.IGNORECASE`` two characters match when their lower cases have
    the same upper case (``re`` compares lower cases, and groups the few
    lower cases that share an upper case, such as "i" and the dotless i
    U+0131, or "s" and the long s U+017F). Each such group is translated to
    one of its members, so the translated texts compare as the regular
    expression would, and keep their length.
    """
    table: dict[int, str] = {}
    groups: dict[str, str] = {}
    for char in set().union(*texts):
        lower = char.lower()[0]  # "İ" lowers to "i" and a combining dot
        table[ord(char)] = groups.setdefault(lower.upper(), lower)
    return table
