"""What the candidate has to do: :class:`ActionKind`, and which kinds are messages."""

from __future__ import annotations

import enum


class ActionKind(enum.Enum):
    """What the candidate has to do. The order here breaks ties in a plan."""

    REFLECT = "write notes and a reflection on the interview"
    GET_CONTACT_DETAILS = "find out how to reach an interviewer"
    THANK = "thank an interviewer"
    NOTIFY_REFERENCES = "tell referees they may be contacted"
    CHECK_IN = "ask politely how things stand"
    MOVE_ON = "assume the answer is no and move on"
    REQUEST_FEEDBACK = "ask for feedback on the interview"
    REPLY_TO_REJECTION = "thank them and ask to be considered again"
    THANK_FOR_FEEDBACK = "thank them for the feedback"
    WITHDRAW = "withdraw the application"
    PREPARE_NEXT_ROUND = "prepare for the next round"
    THANK_FOR_OFFER = "thank them for the offer"
    REVIEW_OFFER_TERMS = "weigh the offer's terms before answering"
    KEEP_SEARCHING = "keep applying elsewhere"

    # Members are singletons that compare by identity, so they may hash by it
    # too: in C, where Enum's own hash is a Python call on the name. The
    # engine looks kinds up in sets and dicts for every action it makes.
    __hash__ = object.__hash__

    @property
    def is_message(self) -> bool:
        """Whether the action sends something to someone.

        Messages are timed to arrive in the recipient's business hours; the
        candidate's own tasks (reflecting, preparing, weighing an offer) can
        start the moment they open.
        """
        return self in MESSAGES


#: The kinds that send something to someone.
MESSAGES = frozenset(
    {
        ActionKind.THANK,
        ActionKind.NOTIFY_REFERENCES,
        ActionKind.CHECK_IN,
        ActionKind.REQUEST_FEEDBACK,
        ActionKind.REPLY_TO_REJECTION,
        ActionKind.THANK_FOR_FEEDBACK,
        ActionKind.WITHDRAW,
        ActionKind.THANK_FOR_OFFER,
    }
)
#: Each kind's place in the order that breaks ties in a plan.
RANK = {kind: rank for rank, kind in enumerate(ActionKind)}
