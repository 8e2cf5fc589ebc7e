"""A panel's drafts checked against each other: each note in its own words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from postinterview.errors import ValidationError
from postinterview.findings import Finding
from postinterview.interview import Person
from postinterview.letters._checks import _WORD, _name_parts
from postinterview.letters._conventions import conventions
from postinterview.letters._draft import Draft
from postinterview.letters._parts import body, nfc, sentences

#: Two notes of a panel may share at most this part of their body sentences
#: (of the note with fewer), once the recipients' names are masked: more, and
#: they read as one letter sent twice.
SHARED_AT_MOST = 1 / 3


def _panel_body(draft: Draft) -> str:
    """The draft's paragraphs between the greeting and the sign-off, unnamed.

    The greeting (as the draft's language writes it) and the signature are
    left out (the sender may share a name with the reader), and the
    reader's name is masked where it stands as a word of its own.
    """
    known = conventions(draft.locale)
    greeting = None if known is None else known.greeting
    return _masked(body(nfc(draft.text), greeting), draft.to)


#: A recipient's name, its words and itself together, up to this many
#: characters is masked wherever it stands as a word of its own; a longer one
#: (no real name is so long) word by word, so that masking stays linear in
#: the text whatever the name.
MASKED_AT_MOST = 400


def _masked(text: str, person: Person) -> str:
    """*text* with *person*'s names, and each word of them, replaced by ``<name>``."""
    return _masker(person)(text)


def _masker(person: Person) -> Callable[[str], str]:
    """What replaces *person*'s names in a text by ``<name>``: their name, each
    word of their name, given name and family name, and their salutation.

    One regular expression tries the names at each place, the longest first:
    time linear in the text, times the names' length, which
    :data:`MASKED_AT_MOST` bounds; past it, word by word.
    """
    parts = _name_parts(person) | {nfc(person.name).casefold()}
    if person.salutation is not None:
        parts.add(nfc(person.salutation).casefold())
    if sum(map(len, parts)) > MASKED_AT_MOST:

        def mask(word: re.Match[str]) -> str:
            return "<name>" if word.group(0).casefold() in parts else word.group(0)

        return lambda text: _WORD.sub(mask, text)
    # The longest first (of two as long, either masks the same span).
    names = "|".join(re.escape(part) for part in sorted(parts, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{names})(?!\w)", re.IGNORECASE)
    return lambda text: pattern.sub("<name>", text)


def _sentence_set(masked: str) -> dict[str, str]:
    """The distinct sentences of a masked body, their spacing made one, each
    with its first wording as written."""
    found: dict[str, str] = {}
    for start, end in sentences(masked):
        written = masked[start:end]
        found.setdefault(" ".join(written.split()), written)
    return found


def check_panel(drafts: Iterable[Draft]) -> tuple[Finding, ...]:
    """Check a panel's drafts one by one and against each other.

    Panel members compare notes, so besides each draft's own findings this
    reports every pair of drafts whose bodies are the same apart from the
    recipient's name (``same-letter``), and every other pair that shares
    more than a third (:data:`SHARED_AT_MOST`) of the sentences of the one
    with fewer, once each recipient's names are masked
    (``shared-sentences``). A body is what lies between the greeting and
    the sign-off; sentences end at a full stop, question or exclamation
    mark followed by a space or a line break (after any closing quotes,
    guillemets included), and at a blank line. Each draft is read in its
    own language.
    """
    given: object = drafts
    if isinstance(given, str | bytes) or not isinstance(given, Iterable):
        raise ValidationError("drafts", drafts, "an iterable of Draft")
    drafts = tuple(drafts)
    for index, draft in enumerate(drafts):
        if not isinstance(draft, Draft):
            raise ValidationError(f"drafts[{index}]", draft, "a Draft")
    findings = [finding for draft in drafts for finding in draft.check()]
    seen: dict[str, Draft] = {}
    distinct: list[tuple[Draft, dict[str, str]]] = []
    for draft in drafts:
        masked = _panel_body(draft)
        earlier = seen.get(masked)
        if earlier is not None:
            findings.append(
                Finding(
                    code="same-letter",
                    message=(
                        f"the notes to {earlier.to.name} and {draft.to.name} are the "
                        "same apart from the name; give each its own point"
                    ),
                    text=draft.to.name,
                )
            )
            continue
        seen[masked] = draft
        distinct.append((draft, _sentence_set(masked)))
    for later, (draft, mine) in enumerate(distinct):
        for other, theirs in distinct[:later]:
            findings.extend(_shared(other, theirs, draft, mine))
    return tuple(findings)


def _shared(
    first: Draft, its: dict[str, str], second: Draft, theirs: dict[str, str]
) -> Iterable[Finding]:
    """A finding when two notes share more than :data:`SHARED_AT_MOST` of
    their sentences (of the one with fewer)."""
    fewer = min(len(its), len(theirs))
    shared = its.keys() & theirs.keys()
    if not fewer or len(shared) <= SHARED_AT_MOST * fewer:
        return ()
    return (
        Finding(
            code="shared-sentences",
            message=(
                f"the notes to {first.to.name} and {second.to.name} share "
                f"{len(shared)} of their {fewer} sentences; panel members compare "
                "notes, so write each in its own words"
            ),
            text=_one_line(
                its[min(shared, key=lambda sentence: (-len(sentence), sentence))]
            ),
        ),
    )


def _one_line(sentence: str) -> str:
    """*sentence* as written, its line breaks (and the spaces around them)
    read as one space; its other spaces (a French no-break space) kept."""
    return " ".join(line.strip() for line in sentence.splitlines())
