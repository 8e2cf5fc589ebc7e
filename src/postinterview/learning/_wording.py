"""Grouping wordings: the key that one wording of a question, gap or theme folds to.

:func:`grouping_key` is the public face; :func:`_analyse` also says whether the
key is made of content words, which only then take part in joining keys one
word apart (see :mod:`postinterview.learning._groups`).
"""

from __future__ import annotations

import re
import unicodedata

from postinterview.errors import ValidationError

# Apostrophes join the parts of a word they split: "what's" -> "whats".
_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc`\u00b4")
_WORD = re.compile(r"[^\W_]+")

# Function words, fillers, and the verbs that only frame a question ("tell me
# about", "describe", "walk me through"). Chosen so that the words that make
# a question different ("failure", "success", "not", "why") are kept.
_STOP = frozenset(
    """
    a an the this that these those some any each every all
    i me my mine myself im ive id ill
    you your yours youre youve youd youll yourselves
    we us our ours weve wed
    they them their theirs theyre theyve
    he him his she her hers it its itself
    is are was were be been being am
    do does did doing done
    have has had having
    will would could can should shall may might must
    about of in on at to for with from by into through as
    and or but if so than then also
    what whats which when where who whom whose how hows
    tell describe explain talk give share walk say
    bit little please just briefly quickly kindly really actually more again
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Nouns that frame a question only after an article: "a time when you...",
# "an example of", "for instance". "Manage your time" keeps its "time", and
# "answers lacked examples" its "examples".
_FRAMING = frozenset({"time", "situation", "occasion", "moment", "example", "instance"})
_ARTICLES = frozenset({"a", "an", "one", "another", "some", "for"})
# Contractions that carry a negation keep it.
_NOT = "not"
_NEGATIONS = dict.fromkeys(
    """
    dont doesnt didnt cant cannot couldnt wont wouldnt shouldnt isnt arent
    wasnt werent havent hasnt hadnt never no
    """.split(),  # noqa: SIM905 - a word list reads best as words
    _NOT,
)
_NUMBERS = {
    word: str(number)
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten".split()  # noqa: SIM905 - as above
    )
}


def _stem(word: str) -> str:
    """Drop a plural ending: "strengths" -> "strength", "stories" -> "story"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tokens(text: str) -> list[str]:
    folded = text.casefold().translate(_APOSTROPHES)
    if not folded.isascii():
        folded = "".join(
            char
            for char in unicodedata.normalize("NFKD", folded)
            if not unicodedata.combining(char)
        )
    return _WORD.findall(folded)


def _analyse(text: str) -> tuple[tuple[str, ...], bool]:
    """Return the key words of *text*, and whether they are content words.

    Only keys of content words take part in joining keys one word apart.
    """
    tokens = _tokens(text)
    words: set[str] = set()
    previous = ""
    for token in tokens:
        word = _NUMBERS.get(token) or _NEGATIONS.get(token) or token
        stem = _stem(word)
        framing = previous in _ARTICLES and (word in _FRAMING or stem in _FRAMING)
        if not (framing or word in _STOP or stem in _STOP):
            words.add(stem)
        previous = token
    if words:
        return tuple(sorted(words)), True
    return tuple(sorted({_stem(token) for token in tokens})), False


def grouping_key(text: str) -> str:
    """Return the key that groups *text* with other wordings of the same thing.

    See :mod:`postinterview.learning` for how the key is made. Texts with the
    same key are always grouped; a log also joins keys one word apart.

    >>> grouping_key("Tell me about yourself.")
    'yourself'
    >>> grouping_key("Could you tell me a little bit about YOURSELF?")
    'yourself'
    >>> grouping_key("What's your greatest weakness?")
    'greatest weakness'
    >>> grouping_key("Where do you see yourself in five years' time?")
    '5 see time year yourself'
    >>> grouping_key("Tell me about a failure") == grouping_key(
    ...     "Tell me about a success")
    False
    """
    if not isinstance(text, str):
        raise ValidationError("text", text, "a string")
    return " ".join(_analyse(text)[0])
