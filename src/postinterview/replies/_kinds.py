"""What a reply can say: the kinds a reading tells apart."""

from __future__ import annotations

import enum

__all__ = ["ReplyKind"]


class ReplyKind(enum.Enum):
    """What an employer's or agency's reply says, as the reader tells it.

    The value is the name the pattern files and the corpus use.
    """

    #: The application is turned down.
    REJECTION = "rejection"
    #: A job offer, written or spoken.
    OFFER = "offer"
    #: An invitation to another round, with or without its time.
    NEXT_ROUND = "next_round"
    #: No decision yet; they say when they will decide, or just that they will.
    HOLDING = "holding"
    #: Feedback on the interview.
    FEEDBACK = "feedback"
    #: They will not give feedback.
    FEEDBACK_DECLINED = "feedback_declined"
    #: They ask for referees, or say they are about to contact them.
    REFERENCES = "references"
    #: They ask when the candidate is free, can start, or must give notice.
    AVAILABILITY = "availability"
    #: An automatic reply: out of office, or a receipt.
    ACKNOWLEDGEMENT = "acknowledgement"
    #: The reader cannot tell; the reading says why.
    UNKNOWN = "unknown"


#: The kinds a pattern file has a table for, in the order a reading ranks
#: them: when a reply says several things, the first of them is its kind.
RANKED: tuple[ReplyKind, ...] = (
    ReplyKind.OFFER,
    ReplyKind.REJECTION,
    ReplyKind.NEXT_ROUND,
    ReplyKind.FEEDBACK,
    ReplyKind.FEEDBACK_DECLINED,
    ReplyKind.REFERENCES,
    ReplyKind.AVAILABILITY,
    ReplyKind.HOLDING,
    ReplyKind.ACKNOWLEDGEMENT,
)

#: Pairs of kinds one reply cannot both mean: a reply read as both is unknown.
CONFLICTS: frozenset[frozenset[ReplyKind]] = frozenset(
    {
        frozenset({ReplyKind.OFFER, ReplyKind.REJECTION}),
        frozenset({ReplyKind.REJECTION, ReplyKind.NEXT_ROUND}),
        frozenset({ReplyKind.FEEDBACK, ReplyKind.FEEDBACK_DECLINED}),
    }
)
