"""Reading a drafted letter as its reader would, for the letters' tests.

Written apart from the library's own checks, so that a test of a letter does
not trust the code it tests: where a body starts and ends, its words and
sentences, and the defects no packaged letter may have.
"""

from __future__ import annotations

import re

from postinterview.letters import Draft

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
