"""An application's history: its interview rounds and what happened since.

An :class:`Application` holds one or more interview rounds and the events
recorded after them, in time order. It refuses a history that cannot happen
(a thank-you before the interview ended, an offer after a rejection, anything
after a withdrawal) with :class:`~postinterview.TimelineError`, so every
Application that exists is a legal one. Its :attr:`~Application.status` is
derived from the events, never stored.

The events are in ``_events``; the rules a history must follow, checked by
replaying it, in ``_replay``; the :class:`Status` and the ``History`` it is
derived from in ``_status``; the :class:`Application` in ``_application``.
"""

from postinterview.timeline._application import Application
from postinterview.timeline._events import (
    CheckInSent,
    Event,
    FeedbackDeclined,
    FeedbackReceived,
    FeedbackRequested,
    LostInterest,
    NextRoundScheduled,
    NotesWritten,
    OfferAccepted,
    OfferDeclined,
    OfferReceived,
    ReferencesNotified,
    Rejected,
    ReplyReceived,
    ThankYouSent,
    Withdrew,
)

# Of these, only Status is public; the follow-up engine builds its plan on the
# others.
from postinterview.timeline._status import DEFAULT_CHECK_INS as DEFAULT_CHECK_INS
from postinterview.timeline._status import History as History
from postinterview.timeline._status import Status
from postinterview.timeline._status import status_of as status_of

__all__ = [
    "Application",
    "CheckInSent",
    "Event",
    "FeedbackDeclined",
    "FeedbackReceived",
    "FeedbackRequested",
    "LostInterest",
    "NextRoundScheduled",
    "NotesWritten",
    "OfferAccepted",
    "OfferDeclined",
    "OfferReceived",
    "ReferencesNotified",
    "Rejected",
    "ReplyReceived",
    "Status",
    "ThankYouSent",
    "Withdrew",
]
