"""Feedback: what an employer said after a rejection, and how to take it.

Feedback is at the employer's discretion, so the first question is how likely
it is (:func:`feedback_likelihood`). When it comes, the conversation has an
order that keeps it useful (:func:`feedback_conversation`): ask to take notes,
listen without arguing, ask about strengths, weaknesses and suggestions,
thank them and ask to be remembered. What was said becomes practice
(:func:`learning_actions`).

The record lives in ``_record``, the call in ``_conversation``, the odds in
``_likelihood`` and the practice, with its keywords, in ``_learning_actions``.
"""

from __future__ import annotations

from postinterview.feedback import _learning_actions
from postinterview.feedback._conversation import Step, feedback_conversation
from postinterview.feedback._learning_actions import (
    FeedbackPart,
    LearningAction,
    learning_actions,
    tag_criterion,
)
from postinterview.feedback._likelihood import Level, Likelihood, feedback_likelihood
from postinterview.feedback._record import Feedback

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

# autodoc reads the ``#:`` comment of a constant only in the module it
# documents, so the constant is documented here rather than where it lives.

#: The words and phrases that tie a piece of feedback to a criterion, matched
#: as whole words regardless of case. A word ending in ``*`` matches any word
#: that starts with it ("rambl*" matches "rambled" and "rambling"); the words
#: of a phrase may be separated by spaces or hyphens ("off topic" matches
#: "off-topic").
KEYWORDS = _learning_actions.KEYWORDS
