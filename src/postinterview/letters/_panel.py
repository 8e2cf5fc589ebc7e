"""A panel's drafts checked against each other: no two alike but for the name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from postinterview.errors import ValidationError
from postinterview.findings import Finding
from postinterview.interview import Person
from postinterview.letters._checks import _GREETING, _WORD, _name_parts
from postinterview.letters._draft import Draft


def _panel_body(draft: Draft) -> str:
    """The draft's paragraphs between the greeting and the sign-off, unnamed.

    The greeting and the signature are left out (the sender may share a name
    with the reader), and the reader's name is masked where it stands as a
    word of its own.
    """
    lines = draft.text.splitlines()
    start = next((i + 1 for i, line in enumerate(lines) if _GREETING.match(line)), 0)
    paragraphs = "\n".join(lines[start:]).strip().split("\n\n")
    body = "\n\n".join(paragraphs[:-1] or paragraphs)
    return _masked(body, draft.to)


#: A recipient's name, its words and itself together, up to this many
#: characters is masked wherever it stands as a word of its own; a longer one
#: (no real name is so long) word by word, so that masking stays linear in
#: the text whatever the name.
MASKED_AT_MOST = 400


def _masked(body: str, person: Person) -> str:
    """*body* with *person*'s name and each word of it replaced by ``<name>``.

    One regular expression tries the name and its words at each place, the
    longest first: time linear in the body, times the name's length, which
    :data:`MASKED_AT_MOST` bounds.
    """
    parts = _name_parts(person) | {person.name.casefold()}
    if sum(map(len, parts)) > MASKED_AT_MOST:

        def mask(word: re.Match[str]) -> str:
            return "<name>" if word.group(0).casefold() in parts else word.group(0)

        return _WORD.sub(mask, body)
    # The longest first (of two as long, either masks the same span).
    names = "|".join(re.escape(part) for part in sorted(parts, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{names})(?!\w)", "<name>", body, flags=re.IGNORECASE)


def check_panel(drafts: Iterable[Draft]) -> tuple[Finding, ...]:
    """Check a panel's drafts one by one and against each other.

    Panel members compare notes, so besides each draft's own findings this
    reports every pair of drafts whose bodies are the same apart from the
    recipient's name.
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
    for draft in drafts:
        body = _panel_body(draft)
        earlier = seen.get(body)
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
        else:
            seen[body] = draft
    return tuple(findings)
