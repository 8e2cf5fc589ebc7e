"""Measure how many words French, German, Spanish and Portuguese take for 100
English ones: the factors of ``letters.body_words``.

Translated prose, not guesses: the gettext catalogs a system already has
(``/usr/share/locale/<lang>/LC_MESSAGES/*.mo``) hold each program's English
messages with their translations. The measure takes the messages that read
as sentences (one line, ending with a full stop, of eight words or more)
that all four languages translate, and divides the words of each language's
translations by the English words, counting words as ``Draft.check()``
does (a run between white space that holds a letter or a digit).

On the Debian system the library was built on, 1,095 such sentences from 46
programs' catalogs gave French 1.142, German 0.958, Spanish 1.136 and
Portuguese (Brazil) 1.086 words per English word: 114, 96, 114 and 109 per
hundred. Another system's catalogs give figures close to these. German
letters are held to English's 100 rather than 96: their formal register
runs longer than a program's messages.

Run: ``python docs/_tools/word_ratios.py [LOCALE_DIR]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import read_mo

from postinterview.letters._parts import count_words

LANGUAGES = ("fr", "de", "es", "pt_BR")
SHORTEST = 8


def sentence(message: object) -> bool:
    """Whether *message* reads as a sentence worth counting."""
    return (
        isinstance(message, str)
        and "\n" not in message.strip()
        and message.rstrip().endswith(".")
        and count_words(message) >= SHORTEST
    )


def translations(root: Path, language: str) -> dict[tuple[str, str], str]:
    """Each sentence's translation into *language*, by (catalog, English)."""
    found: dict[tuple[str, str], str] = {}
    for path in sorted(root.glob(f"{language}/LC_MESSAGES/*.mo")):
        try:
            with path.open("rb") as file:
                catalog = read_mo(file)
        except (OSError, ValueError):  # a catalog Babel cannot read
            continue
        for message in catalog:
            if sentence(message.id) and isinstance(message.string, str):
                found[path.name, message.id] = message.string
    return found


def main(root: Path) -> None:
    """Print the words per English word of each language's translations."""
    by_language = {language: translations(root, language) for language in LANGUAGES}
    shared = set.intersection(*(set(found) for found in by_language.values()))
    english = sum(count_words(message) for _, message in shared)
    catalogs = len({name for name, _ in shared})
    sys.stdout.write(
        f"{len(shared)} sentences from {catalogs} catalogs, {english} English words\n"
    )
    for language, found in by_language.items():
        words = sum(count_words(found[key]) for key in shared)
        sys.stdout.write(f"{language}: {words / english:.3f} words per English word\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/locale"))
