"""The feedback conversation: the steps of a feedback call, each with its reason."""

from __future__ import annotations

import attrs

from postinterview import _fields


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
