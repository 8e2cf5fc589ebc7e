"""The text a reply is read from: its own words, without what it quotes.

A reply carries the messages before it (quoted with ``>`` or below a mail
client's "On ... wrote:" line) and a signature; a rejection quoted below a
new invitation must not count. The quote and signature lines of every
language are used, whatever the reply's own language: a French mail client
quotes an English reply with "Le ... a écrit :".
"""

from __future__ import annotations

import functools
import re

import attrs

from postinterview.replies._patterns import Patterns

__all__ = ["Prepared", "prepare", "sentences"]

_TYPOGRAPHY = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200b": "",
        "\r": "",
    }
)
_SPACES = re.compile(r"[ \t\f\v]+")
_SEPARATOR = re.compile(r"^(?:_{8,}|-{8,}|={8,})$")
_SENTENCE_END = re.compile(r"(?<=[^\d\s.][.!?])\s+|\n\n+")
#: A closing line comes after at least this many lines of the message.
_FIRST_LINES = 1


@attrs.frozen
class Prepared:
    """A reply's own text, and what was cut from it.

    *text* is what is read: paragraphs joined by blank lines, each on one
    line with single spaces. *signature* holds the lines after the closing,
    whose first is usually the sender's name; *quoted* tells whether
    earlier messages were cut.
    """

    text: str
    signature: tuple[str, ...]
    quoted: bool


@functools.lru_cache(maxsize=8)
def _union(languages: tuple[Patterns, ...]) -> tuple[re.Pattern[str], ...]:
    """Every language's quote, signature and closing lines, each as one pattern."""
    found = []
    for part in ("quoted", "signature", "closing"):
        sources = [s for p in languages for s in getattr(p, part).sources]
        found.append(re.compile("|".join(f"(?:{s})" for s in sources) or "(?!)", re.I))
    return tuple(found)


def prepare(raw: str, languages: tuple[Patterns, ...]) -> Prepared:
    """Return the own text of the reply *raw*, read with every language's
    quote and signature lines in *languages*."""
    quote, ends, closing = _union(languages)
    lines = [
        _SPACES.sub(" ", line).strip()
        for line in raw.translate(_TYPOGRAPHY).split("\n")
    ]
    kept: list[str] = []
    quoted = False
    signature: tuple[str, ...] = ()
    content = 0
    for index, line in enumerate(lines):
        if line.startswith(">"):
            quoted = True
            continue
        pair = f"{line} {lines[index + 1]}" if index + 1 < len(lines) else line
        if line and (_SEPARATOR.match(line) or quote.match(line) or quote.match(pair)):
            quoted = True
            break
        if line and ends.match(line):
            break
        if line and content >= _FIRST_LINES and closing.match(line):
            signature = tuple(s for s in _own_lines(lines[index + 1 :], quote) if s)[:4]
            break
        kept.append(line)
        if line:
            content += 1
    paragraphs: list[str] = []
    current: list[str] = []
    for line in kept:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return Prepared(text="\n\n".join(paragraphs), signature=signature, quoted=quoted)


def _own_lines(lines: list[str], quote: re.Pattern[str]) -> list[str]:
    """The signature's lines, up to any quoted history below it."""
    own = []
    for index, line in enumerate(lines):
        pair = f"{line} {lines[index + 1]}" if index + 1 < len(lines) else line
        if line.startswith(">") or (
            line and (_SEPARATOR.match(line) or quote.match(line) or quote.match(pair))
        ):
            break
        own.append(line)
    return own


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the spans of *text*'s sentences, in order."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
