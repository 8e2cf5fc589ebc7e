"""The events of an application: what can happen after an interview round.

Each event is a frozen record with *at*, the instant it happened, and the
facts that kind of event carries. :data:`Event` is their union.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

import attrs
import pendulum

from postinterview import _fields, _time
from postinterview.errors import ValidationError
from postinterview.interview import Channel, Interview, Person, SalaryRange

__all__ = [
    "EVENT_TYPES",
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
    "ThankYouSent",
    "Withdrew",
]


@attrs.frozen(kw_only=True)
class _Timed:
    """What every event has: *at*, the instant it happened."""

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )


@attrs.frozen(kw_only=True)
class NotesWritten(_Timed):
    """The candidate wrote their notes and reflection on the latest round."""


@attrs.frozen(kw_only=True)
class ThankYouSent(_Timed):
    """A thank-you went to *to*: an interviewer, or whoever made an offer,
    declined the candidate or gave feedback."""

    to: Person = attrs.field(validator=_fields.instance_of(Person))


@attrs.frozen(kw_only=True)
class ReferencesNotified(_Timed):
    """The candidate told their referees they may be contacted soon."""


@attrs.frozen(kw_only=True)
class CheckInSent(_Timed):
    """The candidate asked how things stand, on *channel*."""

    to: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )
    channel: Channel = attrs.field(
        default=Channel.EMAIL, validator=_fields.enum_member(Channel)
    )


@attrs.frozen(kw_only=True)
class ReplyReceived(_Timed):
    """The employer or agency replied, without a decision yet.

    *note* sums the reply up. A reply that says when they will decide moves
    the decision date: *decision_expected_by* is that date, or instant, no
    earlier than the reply's own day, or its instant *at*. The round's
    check-ins then wait for it as they wait for a date given at the
    interview, and only those sent after the reply count. A reply without
    one ends the waiting: check-ins stop.
    """

    note: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )
    decision_expected_by: pendulum.DateTime | pendulum.Date | None = attrs.field(
        default=None,
        converter=_fields.to_optional_deadline,
        validator=_fields.optional_deadline,
        eq=_fields.instant_key,
    )

    def __attrs_post_init__(self) -> None:
        decision = self.decision_expected_by
        if isinstance(decision, pendulum.DateTime):
            if _time.naive_utc(decision) < _time.naive_utc(self.at):
                raise ValidationError(
                    "decision_expected_by",
                    decision,
                    f"an instant no earlier than at ({self.at})",
                )
        elif decision is not None and decision < self.at.date():
            raise ValidationError(
                "decision_expected_by",
                decision,
                f"a date no earlier than the reply's day ({self.at.date()})",
            )


@attrs.frozen(kw_only=True)
class NextRoundScheduled(_Timed):
    """Another round was arranged; *interview* is that round."""

    interview: Interview = attrs.field(validator=_fields.instance_of(Interview))


@attrs.frozen(kw_only=True)
class Rejected(_Timed):
    """The application was turned down, by *by* when known.

    *feedback_offered* records that they offered feedback unasked.
    """

    by: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )
    feedback_offered: bool = attrs.field(default=False, validator=_fields.boolean)


@attrs.frozen(kw_only=True)
class FeedbackRequested(_Timed):
    """The candidate asked *to* for feedback on the interview."""

    to: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )


@attrs.frozen(kw_only=True)
class FeedbackReceived(_Timed):
    """Feedback arrived, from *by* when known, summarised in *note*."""

    by: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )
    note: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )


@attrs.frozen(kw_only=True)
class FeedbackDeclined(_Timed):
    """The employer or agency declined to give feedback."""


@attrs.frozen(kw_only=True)
class LostInterest(_Timed):
    """The candidate no longer wants the job, for *reason*."""

    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


@attrs.frozen(kw_only=True)
class Withdrew(_Timed):
    """The candidate withdrew the application; nothing more is owed."""


def _terms(value: Iterable[str]) -> tuple[str, ...]:
    return _fields.to_text_tuple(value)


@attrs.frozen(kw_only=True)
class OfferReceived(_Timed):
    """A job offer arrived, from *by* when known.

    *respond_by* is when they want an answer; *salary* what they offer;
    *terms* anything to settle before accepting (holidays already booked,
    flexible hours, adjustments).
    """

    respond_by: pendulum.DateTime | None = attrs.field(
        default=None,
        converter=_fields.to_optional_instant,
        validator=_fields.optional_instant,
        eq=_fields.instant_key,
    )
    salary: SalaryRange | None = attrs.field(
        default=None, validator=_fields.instance_of(SalaryRange, optional=True)
    )
    terms: tuple[str, ...] = attrs.field(
        default=(),
        converter=_terms,
        validator=_fields.tuple_of(str, _fields.check_text),
    )
    by: Person | None = attrs.field(
        default=None, validator=_fields.instance_of(Person, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.respond_by is not None and _time.naive_utc(
            self.respond_by
        ) < _time.naive_utc(self.at):
            raise ValidationError(
                "respond_by",
                self.respond_by,
                f"an instant no earlier than at ({self.at})",
            )


@attrs.frozen(kw_only=True)
class OfferAccepted(_Timed):
    """The candidate accepted the offer."""


@attrs.frozen(kw_only=True)
class OfferDeclined(_Timed):
    """The candidate declined the offer."""


Event: TypeAlias = (
    NotesWritten
    | ThankYouSent
    | ReferencesNotified
    | CheckInSent
    | ReplyReceived
    | NextRoundScheduled
    | Rejected
    | FeedbackRequested
    | FeedbackReceived
    | FeedbackDeclined
    | LostInterest
    | Withdrew
    | OfferReceived
    | OfferAccepted
    | OfferDeclined
)
EVENT_TYPES: tuple[type[Event], ...] = Event.__args__
