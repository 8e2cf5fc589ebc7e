"""The prompts: the reflection questions, in the order to ask them."""

from __future__ import annotations

import attrs

from postinterview import _fields
from postinterview.reflection._scorecard import Criterion


@attrs.frozen(kw_only=True)
class Prompt:
    """One question of the reflection, for a host tool's form.

    *key* names where the answer belongs in the records (such as
    ``notes.questions`` or ``scorecard.ratings.EXAMPLES``), *topic* is a
    short heading and *question* what to ask.
    """

    key: str = attrs.field(validator=_fields.line)
    topic: str = attrs.field(validator=_fields.line)
    question: str = attrs.field(validator=_fields.text)


def prompts() -> tuple[Prompt, ...]:
    """Return the reflection questions in the order to ask them.

    The order follows the interview outwards: the facts, the role as the
    interviewers see it, the questions asked, each criterion, what went well
    and what to improve, the gaps, the candidate's own questions, the
    overall rating, whether they want the job, and what they forgot to say.

    >>> [p.key for p in prompts()][:3]
    ['interview', 'notes.role_insights', 'notes.questions']
    """
    return _PROMPTS


_PROMPTS = (
    Prompt(
        key="interview",
        topic="Where, when, who and what",
        question=(
            "Which organisation and role was this, when did it happen, and who "
            "did you meet?"
        ),
    ),
    Prompt(
        key="notes.role_insights",
        topic="The role as they see it",
        question=(
            "What did each interviewer say matters most in the role, and which "
            "skills are they looking for?"
        ),
    ),
    Prompt(
        key="notes.questions",
        topic="Questions you were asked",
        question="Which questions were you asked, and how well did you answer each?",
    ),
    *(
        Prompt(
            key=f"scorecard.ratings.{criterion.name}",
            topic=criterion.description.split(":")[0],
            question=criterion.question,
        )
        for criterion in Criterion
    ),
    Prompt(
        key="scorecard.went_well",
        topic="What went well",
        question="What went well? Start here, and be specific.",
    ),
    Prompt(
        key="scorecard.to_improve",
        topic="What to improve",
        question=(
            "What would you do differently, answer by answer? Name the moment and "
            "what it needed."
        ),
    ),
    Prompt(
        key="notes.preparation_gaps",
        topic="Preparation",
        question="Which gaps in your knowledge or preparation did the interview show?",
    ),
    Prompt(
        key="notes.own_questions",
        topic="Your questions for them",
        question=(
            "Which questions did you ask, did they tell you what you needed to "
            "know, and did they balance the conversation?"
        ),
    ),
    Prompt(
        key="scorecard.overall",
        topic="Overall",
        question="Out of ten, how did it go overall?",
    ),
    Prompt(
        key="scorecard.fit",
        topic="Do you want the job?",
        question=(
            "How did you get on with the people you would work with? What do you "
            "like about the role and the organisation, what reservations do you "
            "have and how could they be resolved, was money discussed, and how "
            "does it compare with your current job and your other options?"
        ),
    ),
    Prompt(
        key="notes.forgot_to_mention",
        topic="What you forgot to say",
        question=(
            "Is there a point you meant to make and did not? It can go in your "
            "thank-you note."
        ),
    ),
)
