"""Follow-up policies: every field its default or drawn."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from postinterview.followup import FollowUpPolicy
from postinterview.strategies._calendars import calendars, local_calendars
from postinterview.workdays import BusinessCalendar, LocalCalendars

_Ordered = TypeVar("_Ordered", int, dt.timedelta)


def _durations(
    default: dt.timedelta, most: dt.timedelta
) -> st.SearchStrategy[dt.timedelta]:
    return st.just(default) | st.timedeltas(min_value=dt.timedelta(0), max_value=most)


def _counts(default: int, least: int, most: int) -> st.SearchStrategy[int]:
    return st.just(default) | st.integers(least, most)


# Each field's strategy, built once; the fields that the policy needs in
# order are drawn together and sorted.
_DEFAULT = FollowUpPolicy()
_DAY = dt.timedelta(days=1)
_NOTES = (
    _durations(_DEFAULT.notes_due, 2 * _DAY),
    _durations(_DEFAULT.notes_late, 3 * _DAY),
)
_THANKS = (
    _durations(_DEFAULT.thank_you_earliest, 2 * _DAY),
    _durations(_DEFAULT.thank_you_due, 4 * _DAY),
    _durations(_DEFAULT.thank_you_latest, 6 * _DAY),
)
_WORDS = (
    _counts(_DEFAULT.thank_you_min_words, 0, 400),
    _counts(_DEFAULT.thank_you_max_words, 0, 800),
)
_BUSINESS_DAYS = {
    name: _counts(getattr(_DEFAULT, name), 0, 15)
    for name in (
        "references_within",
        "check_in_without_date",
        "feedback_request_within",
        "rejection_reply_within",
        "feedback_thanks_within",
        "withdraw_within",
        "offer_thanks_within",
        "offer_review_within",
    )
}
_CHECK_IN_AFTER_DECISION = _counts(_DEFAULT.check_in_after_decision, 1, 15)
_CHECK_IN_SPACING = _counts(_DEFAULT.check_in_spacing, 1, 15)
_CHECK_INS_AT_MOST = _counts(_DEFAULT.check_ins_at_most, 0, 4)


def _in_order(
    draw: st.DrawFn, strategies: Sequence[st.SearchStrategy[_Ordered]]
) -> list[_Ordered]:
    """Draw from each of *strategies* in turn; return the values sorted."""
    return sorted(draw(strategy) for strategy in strategies)


def policies(
    *, calendar: BusinessCalendar | LocalCalendars | None = None
) -> st.SearchStrategy[FollowUpPolicy]:
    """Return a strategy for valid :class:`~postinterview.FollowUpPolicy` values.

    Requires hypothesis.

    Every field is either its default or drawn: durations from zero to a few
    days (in order where the policy needs them in order, and zero included),
    counts of business days from 0 to 15 (from 1 for the check-in after a
    stated decision date and the spacing between check-ins), at most 0
    to 4 check-ins. The calendar is *calendar* when given, else each
    recipient's own (:class:`~postinterview.workdays.LocalCalendars`, as
    :func:`local_calendars` draws them) or one for everyone (as
    :func:`calendars` draws them). Shrinks towards the default policy field
    by field.
    """
    candidate: object = calendar
    if candidate is not None and not isinstance(
        candidate, BusinessCalendar | LocalCalendars
    ):
        raise InvalidArgument(
            f"calendar={calendar!r} must be a BusinessCalendar or LocalCalendars"
        )
    calendar_strategy = (
        local_calendars() | calendars() if calendar is None else st.just(calendar)
    )

    @st.composite
    def draw(draw: st.DrawFn) -> FollowUpPolicy:
        notes_due, notes_late = _in_order(draw, _NOTES)
        earliest, due, latest = _in_order(draw, _THANKS)
        fewest_words, most_words = _in_order(draw, _WORDS)
        counts = {name: draw(days) for name, days in _BUSINESS_DAYS.items()}
        return FollowUpPolicy(
            notes_due=notes_due,
            notes_late=notes_late,
            thank_you_earliest=earliest,
            thank_you_due=due,
            thank_you_latest=latest,
            check_in_after_decision=draw(_CHECK_IN_AFTER_DECISION),
            check_in_spacing=draw(_CHECK_IN_SPACING),
            check_ins_at_most=draw(_CHECK_INS_AT_MOST),
            thank_you_min_words=fewest_words,
            thank_you_max_words=most_words,
            calendar=draw(calendar_strategy),
            **counts,
        )

    return draw()
