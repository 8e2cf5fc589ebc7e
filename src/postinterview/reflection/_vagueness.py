"""Vagueness: whether an improvement note names anything concrete to practise."""

from __future__ import annotations

import re

from postinterview.errors import ValidationError

# Words that carry no concrete object or action on their own. A note made only
# of these ("my answers need to be better", "be more confident", "improve")
# says that something should change but not what, so it cannot be practised.
_FUNCTION_WORDS = frozenset(
    """
    a an the my me i im id ill ive we our us you your they their them it its
    this that these those to of in on at for with by from about as into over
    and or but so if then than too very really quite more most less much many
    some any all each every be is am are was were been being do does did done
    doing have has had need needs needed should must could would will can may
    might shall try trying tried get got getting make made making next time
    times again also just up out there here when what how why which who whom
    not no dont didnt isnt wasnt way sure
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_VAGUE_WORDS = frozenset(
    """
    better best good great well nice bad badly worse worst poor poorly right
    wrong properly enough overall generally everything something anything
    things thing stuff lot bit somewhat differently different harder hard
    improve improved improves improving improvement improvements work worked
    working strong stronger weak weaker
    confident confidence assertive positive clear clearer clarity concise
    calm calmer relaxed natural engaging enthusiastic enthusiasm professional
    prepared preparation prepare focused focus energy energetic nervous nerves
    polished sharp sharper articulate impressive memorable convincing
    answer answers answered answering question questions response responses
    interview interviews performance perform communication communicate skills
    skill myself self job come across show sound seem seemed look looked feel
    felt think know go went express say said speak spoke talk talked give gave
    giving provide provided keep kept
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def is_vague(note: str) -> bool:
    """Tell whether an improvement *note* names nothing concrete to practise.

    The heuristic: drop function words ("my", "to", "be", "more") and vague
    words (evaluations such as "better" or "improve", soft qualities such as
    "confident" or "clear", and generic nouns such as "answer", "interview"
    or "communication"). A note with anything left, such as a topic ("the
    budget question"), a concrete action ("pause before answering"), a
    number or a name, is specific; a note with nothing left is vague.
    Erring towards "specific" is deliberate: a specific note must never be
    flagged.

    >>> is_vague("My answer needs to be better")
    True
    >>> is_vague("My answer to the budget question needs a number and a result")
    False
    """
    if not isinstance(note, str):
        raise ValidationError("note", note, "a string")
    for token in _TOKEN.findall(note):
        word = token.casefold().replace("'", "").replace("\u2019", "")
        if any(char.isdigit() for char in word):
            return False
        if word not in _FUNCTION_WORDS and word not in _VAGUE_WORDS:
            return False
    return True


def content_words(text: str) -> set[str]:
    """Return the words of *text* that carry content, casefolded, final "s" cut."""
    words = {token.casefold() for token in _TOKEN.findall(text)}
    return {
        word.rstrip("s")
        for word in words
        if word not in _FUNCTION_WORDS and word not in _VAGUE_WORDS
    }
