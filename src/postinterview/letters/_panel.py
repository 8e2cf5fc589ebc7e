"""A panel's drafts checked against each other: no two alike but for the name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from postinterview.findings import Finding
from postinterview.letters._checks import _GREETING, _name_parts
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
    parts = sorted(_name_parts(draft.to) | {draft.to.name.casefold()}, key=len)
    names = "|".join(re.escape(part) for part in reversed(parts))
    return re.sub(rf"(?<!\w)(?:{names})(?!\w)", "<name>", body, flags=re.IGNORECASE)


def check_panel(drafts: Iterable[Draft]) -> tuple[Finding, ...]:
    """Check a panel's drafts one by one and against each other.

    Panel members compare notes, so besides each draft's own findings this
    reports every pair of drafts whose bodies are the same apart from the
    recipient's name.
    """
    drafts = tuple(drafts)
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
