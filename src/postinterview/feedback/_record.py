"""The feedback record: what an employer said after a rejection."""

from __future__ import annotations

import attrs
import pendulum

from postinterview import _fields
from postinterview.interview import Channel, Person


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

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

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
        default=(), converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )
    weaknesses: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )
    suggestions: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )
    notes: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )
    permission_to_take_notes: bool | None = attrs.field(
        default=None, validator=_fields.optional_bool
    )
