"""The grouped texts a log sums up: questions asked, preparation gaps, feedback themes.

Also :class:`ClosedGap`, the candidate's word that a gap has been worked on.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.learning._instants import _utc
from postinterview.learning._records import _at_least


def _key_text(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, "a string")


def _check_wordings(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _fields.tuple_of(str, _fields.check_text)(_, attribute, value)
    if not value:
        raise ValidationError(attribute.name, value, "at least one wording")


def _not_before(
    field: str, later: pendulum.DateTime, earlier_field: str, earlier: pendulum.DateTime
) -> None:
    if _utc(later) < _utc(earlier):
        raise ValidationError(
            field, later, f"an instant no earlier than {earlier_field} ({earlier})"
        )


@attrs.frozen(kw_only=True)
class AskedQuestion:
    """A question as it came up across interviews, every wording grouped.

    *key* is the shortest :func:`grouping_key` among its wordings (fewest
    words, then alphabetical); *wordings* are the distinct ways it was
    written, the most used first (ties in alphabetical order).
    Every time it was asked counts once in *asked*, and once in
    *answered_well*, *answered_badly* or *not_rated*, as the candidate
    judged their answer. *first_asked* and *last_asked* are when the
    interviews that asked it ended.
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    key: str = attrs.field(validator=_key_text)
    wordings: tuple[str, ...] = attrs.field(
        converter=_fields.to_text_tuple, validator=_check_wordings
    )
    asked: int = attrs.field(validator=_at_least(1))
    answered_well: int = attrs.field(default=0, validator=_at_least(0))
    answered_badly: int = attrs.field(default=0, validator=_at_least(0))
    not_rated: int = attrs.field(default=0, validator=_at_least(0))
    first_asked: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    last_asked: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )

    def __attrs_post_init__(self) -> None:
        total = self.answered_well + self.answered_badly + self.not_rated
        if total != self.asked:
            raise ValidationError(
                "asked",
                self.asked,
                f"answered_well + answered_badly + not_rated ({total})",
            )
        if len(self.wordings) > self.asked:
            raise ValidationError(
                "wordings", self.wordings, f"at most asked ({self.asked}) wordings"
            )
        _not_before("last_asked", self.last_asked, "first_asked", self.first_asked)

    @property
    def text(self) -> str:
        """The wording used most often."""
        return self.wordings[0]

    @property
    def recurs(self) -> bool:
        """Whether it was asked more than once."""
        return self.asked > 1


@attrs.frozen(kw_only=True)
class PreparationGap:
    """A gap in preparation that interviews exposed, every wording grouped.

    *key* and *wordings* are as in :class:`AskedQuestion`. *count* is how
    many times notes recorded it, *first_seen* and *last_seen* when those
    interviews ended. *closed_at* is when the latest :class:`ClosedGap` that
    applies to it closed it, if any; the gap is :attr:`open` unless it was
    closed and no interview exposed it again after that.
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    key: str = attrs.field(validator=_key_text)
    wordings: tuple[str, ...] = attrs.field(
        converter=_fields.to_text_tuple, validator=_check_wordings
    )
    count: int = attrs.field(validator=_at_least(1))
    first_seen: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    last_seen: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    closed_at: pendulum.DateTime | None = attrs.field(
        default=None,
        converter=_fields.to_optional_instant,
        validator=_fields.optional_instant,
        eq=_fields.instant_key,
    )

    def __attrs_post_init__(self) -> None:
        if len(self.wordings) > self.count:
            raise ValidationError(
                "wordings", self.wordings, f"at most count ({self.count}) wordings"
            )
        _not_before("last_seen", self.last_seen, "first_seen", self.first_seen)

    @property
    def text(self) -> str:
        """The wording used most often."""
        return self.wordings[0]

    @property
    def open(self) -> bool:
        """Whether it is still to work on: never closed, or exposed since."""
        return self.closed_at is None or _utc(self.last_seen) > _utc(self.closed_at)


@attrs.frozen(kw_only=True)
class FeedbackTheme:
    """A point employers made in feedback, every wording grouped.

    *key* and *wordings* are as in :class:`AskedQuestion`. *weaknesses* and
    *suggestions* count where it was said:
    :attr:`Feedback.weaknesses <postinterview.feedback.Feedback.weaknesses>`
    or :attr:`Feedback.suggestions <postinterview.feedback.Feedback.suggestions>`.
    *first_seen* and *last_seen* are when that feedback arrived.
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    key: str = attrs.field(validator=_key_text)
    wordings: tuple[str, ...] = attrs.field(
        converter=_fields.to_text_tuple, validator=_check_wordings
    )
    weaknesses: int = attrs.field(default=0, validator=_at_least(0))
    suggestions: int = attrs.field(default=0, validator=_at_least(0))
    first_seen: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    last_seen: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )

    def __attrs_post_init__(self) -> None:
        if self.count < 1:
            raise ValidationError(
                "suggestions",
                self.suggestions,
                "weaknesses + suggestions of at least 1",
            )
        if len(self.wordings) > self.count:
            raise ValidationError(
                "wordings",
                self.wordings,
                f"at most {self.count} wordings (one per mention)",
            )
        _not_before("last_seen", self.last_seen, "first_seen", self.first_seen)

    @property
    def text(self) -> str:
        """The wording used most often."""
        return self.wordings[0]

    @property
    def count(self) -> int:
        """How many times it was raised."""
        return self.weaknesses + self.suggestions


@attrs.frozen(kw_only=True)
class ClosedGap:
    """The candidate worked on a preparation gap and counts it closed from *closed_at*.

    *gap* is matched to the log's gaps the way wordings are grouped. A gap
    that an interview exposes again after *closed_at* is open again.

    >>> import pendulum
    >>> ClosedGap(gap=" SQL window functions ",
    ...           closed_at=pendulum.datetime(2026, 12, 1, tz="UTC")).gap
    'SQL window functions'
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    gap: str = attrs.field(converter=_fields.strip, validator=_fields.text)
    closed_at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
