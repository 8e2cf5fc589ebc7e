"""One entry of the log: an application and what the candidate wrote about it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import attrs

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.feedback import Feedback
from postinterview.interview import Interview
from postinterview.learning._instants import _utc
from postinterview.notes import InterviewNotes
from postinterview.reflection import Scorecard
from postinterview.timeline import Application


# Named converters, one per item type: mypy's attrs plugin cannot type an
# __init__ parameter through a generic converter.
def _scorecards(value: Iterable[Scorecard]) -> tuple[Scorecard, ...]:
    return _fields.to_tuple(value)


def _notes(value: Iterable[InterviewNotes]) -> tuple[InterviewNotes, ...]:
    return _fields.to_tuple(value)


def _feedback(value: Iterable[Feedback]) -> tuple[Feedback, ...]:
    return _fields.to_tuple(value)


@attrs.frozen(kw_only=True)
class LogEntry:
    """One application and what the candidate wrote about it.

    Each of the *scorecards* and *notes* is about the round that ended last
    before it was written (reflection comes straight after an interview), so
    each round has at most one of each, and none may be written before the
    first round ended. *feedback* is what the employer said, received no
    earlier than the first round ended.
    """

    application: Application = attrs.field(validator=_fields.instance_of(Application))
    scorecards: tuple[Scorecard, ...] = attrs.field(
        default=(), converter=_scorecards, validator=_fields.tuple_of(Scorecard)
    )
    notes: tuple[InterviewNotes, ...] = attrs.field(
        default=(), converter=_notes, validator=_fields.tuple_of(InterviewNotes)
    )
    feedback: tuple[Feedback, ...] = attrs.field(
        default=(), converter=_feedback, validator=_fields.tuple_of(Feedback)
    )
    # The scorecards and notes by round: item i is round i + 1's, or None.
    _scorecard_of: tuple[Scorecard | None, ...] = attrs.field(
        init=False, eq=False, repr=False
    )
    _notes_of: tuple[InterviewNotes | None, ...] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        rounds = self.application.rounds
        _setattr(
            self, "_scorecard_of", _by_round("scorecards", self.scorecards, rounds)
        )
        _setattr(self, "_notes_of", _by_round("notes", self.notes, rounds))
        first_end = rounds[0].ends_at
        for index, feedback in enumerate(self.feedback):
            if _utc(feedback.received_at) < _utc(first_end):
                raise ValidationError(
                    f"feedback[{index}]",
                    feedback,
                    f"feedback received once the first round ended ({first_end})",
                )


_setattr = object.__setattr__  # sets a frozen entry's derived fields, as attrs does

_Written = TypeVar("_Written", Scorecard, InterviewNotes)


def _by_round(
    name: str, items: tuple[_Written, ...], rounds: tuple[Interview, ...]
) -> tuple[_Written | None, ...]:
    """Place each item in the round that ended last before it was written."""
    ends = [_utc(interview.ends_at) for interview in rounds]
    placed: list[_Written | None] = [None] * len(rounds)
    for index, item in enumerate(items):
        written = _utc(item.written_at)
        ended = [number for number, end in enumerate(ends) if end <= written]
        if not ended:
            raise ValidationError(
                f"{name}[{index}]",
                item,
                f"one written once the first round ended ({rounds[0].ends_at})",
            )
        number = max(ended, key=ends.__getitem__)
        if placed[number] is not None:
            raise ValidationError(
                f"{name}[{index}]",
                item,
                f"one per round: round {number + 1}, the last to end before it "
                "was written, already has one",
            )
        placed[number] = item
    return tuple(placed)
