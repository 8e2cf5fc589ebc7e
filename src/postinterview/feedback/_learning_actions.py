"""Learning actions: turning weaknesses and suggestions into things to practise."""

from __future__ import annotations

import enum
import re

import attrs

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.feedback._record import Feedback
from postinterview.reflection import Criterion


class FeedbackPart(enum.Enum):
    """The part of the feedback a learning action comes from."""

    WEAKNESS = "weakness"
    SUGGESTION = "suggestion"


@attrs.frozen(kw_only=True)
class LearningAction:
    """Something to practise, taken from one weakness or suggestion.

    *text* is the feedback item as given; *source* says which part of the
    feedback it came from; *criterion* is the reflection criterion it
    concerns, when the words tell (see :func:`tag_criterion`), else ``None``.

    >>> LearningAction(text="Give examples with results",
    ...                source=FeedbackPart.SUGGESTION,
    ...                criterion=Criterion.EXAMPLES).source.value
    'suggestion'
    """

    text: str = attrs.field(converter=_fields.strip, validator=_fields.text)
    source: FeedbackPart = attrs.field(validator=_fields.enum_member(FeedbackPart))
    criterion: Criterion | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_fields.enum_member(Criterion)),
    )


# Described where postinterview.feedback exports it.
KEYWORDS: dict[Criterion, tuple[str, ...]] = {
    Criterion.EXAMPLES: (
        "example*",
        "STAR",
        "specific*",
        "evidence",
        "result*",
        "metric*",
        "figures",
        "concrete",
        "quantif*",
        "achievement*",
    ),
    Criterion.LISTENING: (
        "listen*",
        "answer* the question*",
        "understand* the question*",
        "misunderst*",
        "what was asked",
        "interrupt*",
        "rambl*",
        "off topic",
        "to the point",
        "clarif*",
    ),
    Criterion.RAPPORT: (
        "rapport",
        "warm*",
        "connect*",
        "eye contact",
        "engag*",
        "smil*",
        "friendl*",
        "small talk",
    ),
    Criterion.FRAME: (
        "steer*",
        "frame",
        "framed",
        "framing",
        "control*",
        "lead the conversation",
        "led the conversation",
        "dominat*",
        "take over",
        "took over",
    ),
    Criterion.AWARENESS: (
        "adapt*",
        "adjust*",
        "read the room",
        "body language",
        "aware*",
        "cues",
        "pick* up on",
        "change course",
    ),
    Criterion.CLOSING: (
        "close",
        "closed",
        "closing",
        "next steps",
        "ask questions at the end",
        "questions for us",
        "questions for them",
        "wrap* up",
    ),
}


def _pattern(entry: str) -> re.Pattern[str]:
    parts = []
    for word in entry.split():
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word))
    return re.compile(r"\b" + r"[\s-]+".join(parts) + r"\b", re.IGNORECASE)


_PATTERNS: tuple[tuple[Criterion, re.Pattern[str]], ...] = tuple(
    (criterion, _pattern(entry))
    for criterion, entries in KEYWORDS.items()
    for entry in entries
)


def tag_criterion(text: str) -> Criterion | None:
    """Return the criterion a piece of feedback concerns, or ``None``.

    *text* is searched for every word and phrase of :data:`KEYWORDS`. When
    several match, the one that starts first in the text wins; at the same
    start, the longer match wins, then the earlier entry of the table.

    >>> tag_criterion("Rambled on the first question; no example of a result")
    <Criterion.LISTENING: 'listening'>
    >>> tag_criterion("Research the company before the interview") is None
    True
    """
    if not isinstance(text, str):
        raise ValidationError("text", text, "a string")
    best: tuple[int, int, int] | None = None
    found = None
    for order, (criterion, pattern) in enumerate(_PATTERNS):
        match = pattern.search(text)
        if match is None:
            continue
        key = (match.start(), -len(match.group()), order)
        if best is None or key < best:
            best, found = key, criterion
    return found


def learning_actions(feedback: Feedback) -> tuple[LearningAction, ...]:
    """Return a learning action for each weakness, then each suggestion.

    Every item of ``feedback.weaknesses`` and ``feedback.suggestions`` becomes
    exactly one :class:`LearningAction`, in order, tagged with the criterion
    it concerns by :func:`tag_criterion`. Practising them with a careers
    adviser or a friend is the way to use them.

    >>> import pendulum
    >>> given = Feedback(
    ...     received_at=pendulum.datetime(2026, 12, 2, 10, tz="Europe/London"),
    ...     weaknesses=["Answers lacked specific examples"],
    ...     suggestions=["Ask about next steps before you leave"],
    ... )
    >>> for action in learning_actions(given):
    ...     print(action.source.value, action.criterion)
    weakness Criterion.EXAMPLES
    suggestion Criterion.CLOSING
    """
    if not isinstance(feedback, Feedback):
        raise ValidationError("feedback", feedback, "a Feedback")
    items = [(FeedbackPart.WEAKNESS, text) for text in feedback.weaknesses]
    items += [(FeedbackPart.SUGGESTION, text) for text in feedback.suggestions]
    return tuple(
        LearningAction(text=text, source=source, criterion=tag_criterion(text))
        for source, text in items
    )
