"""A letter's parts as the checks read them: greeting, body, sentences and words.

Every function here takes time linear in the text, whatever it holds: the
checks built on them stay linear too (``bench/bench_doubling.py``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

#: A line that opens with one of these words is a greeting.
GREETING = re.compile(r"^\s*(dear|hello|hi|good (morning|afternoon|evening))\b", re.I)
# Something that holds a letter or a digit: a token with one is a word.
_ALNUM = re.compile(r"[^\W_]")
# Where a sentence ends: a full stop, question or exclamation mark or an
# ellipsis (with any closing quotes or brackets, a French closing guillemet
# after its no-break space, a German closing quote) before white space; or a
# blank line, which ends a paragraph.
_CLOSERS = "\"'\u201d\u2019\u201c\u2018\u00bb\u203a)\\]"
_SENTENCE_END = re.compile(
    rf"(?<=[.!?\u2026])((?:[ \u00a0\u202f\u2009]?[{_CLOSERS}])*)\s+|\n[ \t]*\n\s*"
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
#: The heading of the part of an English call script that the caller says.
SAY = re.compile(r"\s*what to say\s*:\s*$", re.IGNORECASE)
# The abbreviations whose own full stop neither ends a sentence nor doubles
# the punctuation after it ("e.g.,"), casefolded.
ABBREVIATIONS = frozenset(
    {
        *("e.g.", "i.e.", "etc.", "vs.", "cf.", "approx.", "incl.", "no."),
        *("inc.", "ltd.", "co.", "corp.", "plc.", "llc.", "bros."),
        *("dr.", "mr.", "mrs.", "ms.", "mx.", "prof.", "st.", "jr.", "sr."),
        *("a.m.", "p.m.", "u.s.", "u.k.", "jan.", "feb.", "aug.", "sept.", "oct."),
        *("nov.", "dec."),
    }
)


def nfc(text: str) -> str:
    """*text* in Unicode's composed form (NFC), as the checks read it: an
    accented letter typed as a letter and a combining mark ("e" and U+0301)
    reads as the one letter ("\u00e9"), so that words and names compare
    as they look."""
    return unicodedata.normalize("NFC", text)


def greeting_index(
    lines: list[str], greeting: re.Pattern[str] | None = GREETING
) -> int | None:
    """The index of the first line of *lines* that is a greeting, if any.

    A greeting is a line that *greeting* matches at its start. Without a
    pattern (a language the checks do not know), it is the first line that
    ends with a comma or a colon and stands alone: a blank line (or the
    start) before it and a blank line (or the end) after it.
    """
    if greeting is not None:
        return next((i for i, line in enumerate(lines) if greeting.match(line)), None)
    for index, line in enumerate(lines):
        if (
            line.rstrip().endswith((",", ":"))
            and (index == 0 or not lines[index - 1].strip())
            and (index + 1 == len(lines) or not lines[index + 1].strip())
        ):
            return index
    return None


def body(text: str, greeting: re.Pattern[str] | None = GREETING) -> str:
    """The body of a letter: what lies between the greeting and the sign-off.

    The body starts on the line after the greeting (see
    :func:`greeting_index`; in English the first line that opens with
    "Dear", "Hello", "Hi" or "Good morning/afternoon/evening"), or at the
    start when there is none. It ends before the last paragraph,
    which holds the closing ("Kind regards,"), the sender's name and their
    signature; a letter of one paragraph is all body. Paragraphs are parted
    by blank lines.
    """
    lines = text.splitlines()
    start = greeting_index(lines, greeting)
    rest = "\n".join(lines[0 if start is None else start + 1 :]).strip()
    paragraphs = _PARAGRAPH.split(rest)
    return "\n\n".join(paragraphs[:-1] or paragraphs)


def script_body(text: str, say: re.Pattern[str] = SAY) -> str:
    """What a call script has the caller say: its "What to say:" section.

    A heading is a line that ends with a colon ("What to ask:"). The section
    runs from the line after the heading that *say* matches (by default
    "What to say:") to the next heading; a script without that heading is
    said whole, but for its headings.
    """
    lines = text.splitlines()
    start = next((i + 1 for i, line in enumerate(lines) if say.match(line)), None)
    if start is None:
        return "\n".join(line for line in lines if not _heading(line))
    end = next((i for i in range(start, len(lines)) if _heading(lines[i])), len(lines))
    return "\n".join(lines[start:end])


def _heading(line: str) -> bool:
    return line.rstrip().endswith(":")


def count_words(text: str) -> int:
    """The words in *text*: runs of characters between white space that hold a
    letter or a digit ("£62,000" and "on-call" are one word each, a dash alone
    none), as a word processor counts them."""
    return sum(1 for token in text.split() if _ALNUM.search(token))


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of *text*, as (start, end) spans without white space.

    A sentence ends at a full stop, question or exclamation mark or
    ellipsis followed by white space, its closing quotes and brackets
    (guillemets too) kept, and at a blank line. A single line
    break does not end one (a hand-wrapped paragraph stays whole). Known
    names and abbreviations are not told apart here: "Acme Inc. and" is two
    pieces, which is all that comparing or scanning sentences needs.
    """
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() if match.group(1) is None else match.end(1)
        if end > start:
            spans.append((start, end))
        start = match.end()
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def sentence_breaks(text: str) -> list[tuple[int, int, bool]]:
    """Where the sentences of *text* may start, with what went before.

    Each item is (mark, start, paragraph): *start* is where the next piece
    of text begins, *mark* the position just after the punctuation mark
    before it (its closing quotes left out), and *paragraph* whether a
    blank line parts them. The first item is the start of the text.
    """
    stripped = len(text) - len(text.lstrip())
    breaks = [(0, stripped, True)]
    for match in _SENTENCE_END.finditer(text):
        if match.end() >= len(text):
            break
        paragraph = _PARAGRAPH.search(match.group(0)) is not None
        breaks.append((match.start(), match.end(), paragraph))
    return breaks


def abbreviation_ends(
    text: str, abbreviations: Iterable[str] = ABBREVIATIONS
) -> set[int]:
    """Where the *abbreviations* (by default :data:`ABBREVIATIONS`) end in
    *text*.

    An abbreviation counts where it starts a word: after white space, an
    opening bracket or quote, or at the start of the text; case is ignored.
    Each of its full stops counts, so that "d. h." ends neither at "d."
    nor at "h.".
    """
    pattern = _abbreviation_pattern(frozenset(abbreviations))
    return {
        match.start() + offset + 1
        for match in pattern.finditer(text)
        for offset, char in enumerate(match.group(0))
        if char == "."
    }


@functools.lru_cache(maxsize=16)
def _abbreviation_pattern(abbreviations: frozenset[str]) -> re.Pattern[str]:
    """One pattern for *abbreviations*, the longest first, built once."""
    return re.compile(
        r"(?<![^\s(\[\"'\u201c\u2018\u00ab\u201e\u00bf\u00a1])(?:"
        + "|".join(map(re.escape, sorted(abbreviations, key=len, reverse=True)))
        + ")",
        re.IGNORECASE,
    )
