"""Joins: what a person typed, put into the letters' own sentences cleanly.

Values arrive as they were typed: a highlight written as a sentence, with
its own full stop; a reason that starts in lower case; an organisation whose
name ends in "Inc.". The templates mark each value by where it stands, with
one of three filters, and never touch the value's own text otherwise:

- :func:`sentence` for text that stands as a sentence of its own;
- :func:`inline` for typed text inside one of the letter's sentences;
- :func:`stop` for a value that ends one of the letter's sentences ("at
  Acme Robotics, Inc." gets no second full stop).
"""

from __future__ import annotations

# The marks that end a sentence, and those that open one in Spanish.
_ENDS = (".", "!", "?", "…")
_OPENINGS = "¿¡"
# Words that keep their full stop inside a sentence: short abbreviations
# (and any word with a full stop inside it, such as "U.S." or "e.g.").
_ABBREVIATIONS = frozenset(
    {"co", "corp", "etc", "inc", "jr", "ltd", "no", "plc", "sr", "st", "vs"}
)


def sentence(text: str) -> str:
    """Return typed *text* as a sentence: a capital first, one mark at the end.

    The first letter is put in upper case unless the first word already has
    an upper-case letter after its first (a name such as "iPhone" or
    "eBay"); a missing full stop is added. Nothing else changes.

    >>> sentence("i have decided to stay in my current role")
    'I have decided to stay in my current role.'
    >>> sentence("eBay's checkout was the example I meant.")
    "eBay's checkout was the example I meant."
    >>> sentence("¿podría enviarme el enunciado?")
    '¿Podría enviarme el enunciado?'
    """
    text = text.strip()
    if not text:
        return text
    # A Spanish question or exclamation opens with its mark: the capital goes
    # on the first letter after it ("¿Qué opina?").
    opening = len(text) - len(text.lstrip(_OPENINGS))
    first = text[opening:].split(maxsplit=1)[0] if text[opening:] else ""
    capital = text[opening : opening + 1].upper()
    # "ß" has no one-letter capital: such a letter stays as it is.
    if len(capital) == 1 and not any(char.isupper() for char in first[1:]):
        text = text[:opening] + capital + text[opening + 1 :]
    return text if text.endswith(_ENDS) else f"{text}."


def inline(text: str) -> str:
    """Return typed *text* ready to stand inside a sentence, its case kept.

    A closing full stop, question mark, exclamation mark, comma, semicolon or
    colon goes, since the letter's sentence goes on; a full stop that belongs
    to an abbreviation ("Inc.", "U.S.") stays.

    >>> inline("the move to event sourcing.")
    'the move to event sourcing'
    >>> inline("the Acme Robotics, Inc.")
    'the Acme Robotics, Inc.'
    >>> inline("¿cómo crecerá el equipo?")
    'cómo crecerá el equipo'
    """
    given = text = text.strip()
    while text.endswith((",", ";", ":", "!", "?", ".")):
        if text.endswith(".") and _abbreviation(text.split()[-1][:-1]):
            break
        text = text[:-1].rstrip()
    # A Spanish question or exclamation loses its opening mark with its
    # closing one: "¿qué opina?" inside a sentence is "qué opina".
    if text != given and given.endswith(("?", "!")):
        text = text.lstrip(_OPENINGS).lstrip()
    return text or given  # text of marks alone stays as it was


def _abbreviation(word: str) -> bool:
    """Whether *word*, without its closing full stop, keeps that full stop."""
    return "." in word or word.casefold() in _ABBREVIATIONS


def stop(text: str) -> str:
    """Return *text* with a full stop after it, unless it ends a sentence already.

    >>> stop("Acme Ltd"), stop("Acme Robotics, Inc."), stop("Yahoo!")
    ('Acme Ltd.', 'Acme Robotics, Inc.', 'Yahoo!')
    """
    return text if text.endswith(_ENDS) else f"{text}."
