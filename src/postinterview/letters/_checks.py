"""The checks of one letter's text: greeting, length, spelling, placeholders.

They compare the letter with its recipient and, when known, the interview
record, and return findings rather than raise.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from postinterview.findings import Finding
from postinterview.interview import Interview, Person

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_DOUBLED = re.compile(r"\b([^\W\d_]+)\s+(\1)\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{\{|\{%|\[[^\]\n]{1,40}\]|\bTODO\b|\bXXX\b|<[A-Za-z ]+>")
_GREETING = re.compile(r"^\s*(dear|hello|hi|good (morning|afternoon|evening))\b", re.I)
_THANK_YOU_WORDS = (100, 200)


def _check_letter(
    *, kind: str, to: Person, subject: str, text: str, interview: Interview | None
) -> tuple[Finding, ...]:
    """What a careful reader would want fixed in a letter; see ``Draft.check``."""
    greeting = next((line for line in text.splitlines() if _GREETING.match(line)), None)
    written = f"{subject}\n{text}"
    return (
        *_greeting_findings(greeting, to),
        *(_length_findings(text, greeting) if kind == "thank_you" else ()),
        *(_spelling_findings(written, interview) if interview is not None else ()),
        *_placeholder_findings(written),
        *_doubled_word_findings(text),
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


def _length_findings(text: str, greeting: str | None) -> Iterator[Finding]:
    """A thank-you's words, counted from the greeting to the end."""
    start = text.find(greeting) if greeting is not None else 0
    words = len(_WORD.findall(text[start:]))
    low, high = _THANK_YOU_WORDS
    if not low <= words <= high:
        yield Finding(
            code="length",
            message=(
                f"a thank-you note reads best at {low} to {high} words; "
                f"this one has {words}"
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
    return {part.casefold() for part in _WORD.findall(person.name) if len(part) > 1}


def _names_person(line: str, person: Person) -> bool:
    parts = _name_parts(person) or {person.name.casefold()}
    words = {word.casefold() for word in _WORD.findall(line)}
    return bool(parts & words) or person.name.casefold() in line.casefold()


def _misspellings(text: str, name: str, *, case_matters: bool) -> Iterator[str]:
    """Yield runs of words that look like *name* but are not spelled as it is.

    A run looks like the name when it has as many words and is at least 80%
    similar to it, ignoring case. Not counted: runs that overlap a correct
    spelling (so "at Acme Ltd" does not match "Acme Ltd"), other forms of
    the same words ("data engineers" for "Data Engineer"), and, unless
    *case_matters*, runs that differ only in case.
    """
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
        if not overlaps and _looks_like(found, folded):
            yield text[first.start() : last.end()]
            index += size
        else:
            index += 1


def _looks_like(found: list[str], wanted: list[str]) -> bool:
    if all(
        f.startswith(w) or w.startswith(f) for f, w in zip(found, wanted, strict=True)
    ):
        # The same words, or other forms of them ("engineers", "engineering").
        return found == wanted
    joined, target = " ".join(found), " ".join(wanted)
    return (
        len(target) >= 4
        and difflib.SequenceMatcher(None, joined, target).ratio() >= 0.8
    )
