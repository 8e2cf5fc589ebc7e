"""Feedback: what an employer said after a rejection, and how to take it.

Feedback is at the employer's discretion, so the first question is how likely
it is (:func:`feedback_likelihood`). When it comes, the conversation has an
order that keeps it useful (:func:`feedback_conversation`): ask to take notes,
listen without arguing, ask about strengths, weaknesses and suggestions,
thank them and ask to be remembered. What was said becomes practice
(:func:`learning_actions`).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs
import pendulum

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.interview import Channel, Format, Interview, Person, RunBy
from postinterview.reflection import Criterion

__all__ = [
    "KEYWORDS",
    "Feedback",
    "FeedbackPart",
    "LearningAction",
    "Level",
    "Likelihood",
    "Step",
    "feedback_conversation",
    "feedback_likelihood",
    "learning_actions",
    "tag_criterion",
]


def _text_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return _fields.to_text_tuple(value)


_TEXTS = _fields.tuple_of(str, _fields.check_text)


@attrs.frozen(kw_only=True)
class Feedback:
    """Feedback received on an interview: what was strong, what was not.

    *source* is who gave it (``None`` when unknown, such as a form letter);
    *suggestions* are what they advise doing differently next time.
    *permission_to_take_notes* records whether the candidate asked and was
    allowed to write during the call (``None``: not asked, or not a call).

    >>> import pendulum
    >>> Feedback(
    ...     received_at=pendulum.datetime(2026, 12, 2, 10, tz="Europe/London"),
    ...     channel=Channel.PHONE,
    ...     weaknesses=["Answers on stakeholder management lacked an example"],
    ... ).weaknesses
    ('Answers on stakeholder management lacked an example',)
    """

    received_at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    source: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )
    channel: Channel = attrs.field(
        default=Channel.EMAIL, validator=_fields.enum_member(Channel)
    )
    strengths: tuple[str, ...] = attrs.field(
        default=(), converter=_text_tuple, validator=_TEXTS
    )
    weaknesses: tuple[str, ...] = attrs.field(
        default=(), converter=_text_tuple, validator=_TEXTS
    )
    suggestions: tuple[str, ...] = attrs.field(
        default=(), converter=_text_tuple, validator=_TEXTS
    )
    notes: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )
    permission_to_take_notes: bool | None = attrs.field(
        default=None, validator=_fields.optional_bool
    )


# --- the feedback conversation ------------------------------------------------


@attrs.frozen(kw_only=True)
class Step:
    """One step of a feedback conversation: what to do, and why it helps.

    >>> Step(action="Listen to the end", reason="Interrupting cuts it short.").action
    'Listen to the end'
    """

    action: str = attrs.field(converter=_fields.strip, validator=_fields.text)
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


_CONVERSATION = (
    Step(
        action="Ask whether they mind you taking notes.",
        reason=(
            "Notes let you use the feedback later, and asking first shows you "
            "take it seriously and respect their time."
        ),
    ),
    Step(
        action="Listen, and let them finish each point.",
        reason=(
            "They are doing you a favour; the more room they have, the more "
            "candid and useful the feedback tends to be."
        ),
    ),
    Step(
        action="Do not argue with what they say or defend your answers.",
        reason=(
            "The decision is made. Arguing will not change it, and it makes "
            "them less willing to be open with you, now and in future."
        ),
    ),
    Step(
        action="Ask what you did well.",
        reason=(
            "Knowing your strengths tells you what to keep doing and what to "
            "lead with next time."
        ),
    ),
    Step(
        action="Ask where you fell short of what they were looking for.",
        reason=(
            "Specific weaknesses are the most useful part of feedback: each one "
            "becomes something to practise."
        ),
    ),
    Step(
        action="Ask what they would suggest you do differently in future interviews.",
        reason=(
            "A suggestion from the people who saw you interview is advice no "
            "one else can give you."
        ),
    ),
    Step(
        action="Thank them for their time and their honesty.",
        reason=(
            "Feedback is at their discretion; thanking them leaves a good "
            "last impression."
        ),
    ),
    Step(
        action="Ask them to keep you in mind for future openings.",
        reason=(
            "A candidate who takes feedback well is someone they may call when "
            "another role comes up."
        ),
    ),
)


def feedback_conversation() -> tuple[Step, ...]:
    """Return the steps of a feedback call, in the order to take them.

    Ask to take notes, listen without arguing, ask about strengths, weaknesses
    and suggestions, then thank them and ask to be remembered. Each
    :class:`Step` carries the reason for it, for a host tool to show.

    >>> for step in feedback_conversation()[:2]:
    ...     print(step.action)
    Ask whether they mind you taking notes.
    Listen, and let them finish each point.
    """
    return _CONVERSATION


# --- how likely feedback is ---------------------------------------------------


class Level(enum.Enum):
    """How likely something is: low, medium or high."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


def _reasons(value: Iterable[str]) -> tuple[str, ...]:
    return _fields.to_text_tuple(value)


@attrs.frozen(kw_only=True)
class Likelihood:
    """How likely feedback is after an interview, and the *reasons* why."""

    level: Level = attrs.field(validator=_fields.enum_member(Level))
    reasons: tuple[str, ...] = attrs.field(converter=_reasons, validator=_TEXTS)


def _check_interview(value: object) -> Interview:
    if not isinstance(value, Interview):
        raise ValidationError("interview", value, "an Interview")
    return value


def feedback_likelihood(interview: Interview) -> Likelihood:
    """Return how likely the employer is to give feedback after *interview*.

    The scoring starts at 0 and adds:

    * -1 when an agency ran the interview (``RunBy.AGENCY``): feedback comes
      second-hand, through the agency, if at all;
    * -1 for a telephone interview (``Format.TELEPHONE``): usually a short
      screen that rarely leads to detailed feedback;
    * +1 from the second round on (``interview.round >= 2``): the further a
      candidate gets, the more the employer has invested in them.

    A total of 1 is ``HIGH``, -2 is ``LOW``, anything between is ``MEDIUM``.
    Video interviews and assessment centres count as neither telephone nor
    agency. A later round never lowers the level; making the interview
    agency-run or a telephone one never raises it.

    >>> import pendulum
    >>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    >>> iv = Interview(organisation="Acme Ltd", role="Data Engineer",
    ...                starts_at=end.subtract(hours=1), ends_at=end, round=2)
    >>> feedback_likelihood(iv).level
    <Level.HIGH: 'high'>
    """
    interview = _check_interview(interview)
    score = 0
    reasons = []
    if interview.run_by is RunBy.AGENCY:
        score -= 1
        contact = interview.agency_contact
        who = f" ({contact.name})" if contact is not None else ""
        reasons.append(
            "An agency ran the interview, so any feedback comes second-hand; "
            f"ask your contact there{who} rather than the employer."
        )
    if interview.format is Format.TELEPHONE:
        score -= 1
        reasons.append(
            "Telephone interviews are usually short screens, and employers "
            "seldom give detailed feedback on them."
        )
    if interview.round >= 2:
        score += 1
        reasons.append(
            f"This was round {interview.round}: by now they know you well and "
            "have invested time in you, which makes feedback likelier."
        )
    if not reasons:
        reasons.append(
            "A first-round interview run by the employer: feedback is fairly "
            "common but always at their discretion."
        )
    if score >= 1:
        level = Level.HIGH
    elif score <= -2:
        level = Level.LOW
    else:
        level = Level.MEDIUM
    reasons.append(
        "Ask within a day or two of hearing the decision, while they still "
        "remember the interview."
    )
    return Likelihood(level=level, reasons=reasons)


# --- turning feedback into practice -------------------------------------------


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


#: The words and phrases that tie a piece of feedback to a criterion, matched
#: as whole words regardless of case. A word ending in ``*`` matches any word
#: that starts with it ("rambl*" matches "rambled" and "rambling"); the words
#: of a phrase may be separated by spaces or hyphens ("off topic" matches
#: "off-topic").
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
