"""The likelihood of feedback: how likely an employer is to give it, and why."""

from __future__ import annotations

import enum

import attrs

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.interview import Format, Interview, RunBy


class Level(enum.Enum):
    """How likely something is: low, medium or high."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@attrs.frozen(kw_only=True)
class Likelihood:
    """How likely feedback is after an interview, and the *reasons* why."""

    level: Level = attrs.field(validator=_fields.enum_member(Level))
    reasons: tuple[str, ...] = attrs.field(
        converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )


def _check_interview(value: object) -> Interview:
    if not isinstance(value, Interview):
        raise ValidationError("interview", value, "an Interview")
    return value


def feedback_likelihood(interview: Interview) -> Likelihood:
    """Return how likely the employer is to give feedback after *interview*.

    The scoring starts at 0 and adds:

    * -1 when an agency ran the interview (``RunBy.AGENCY``): feedback comes
      second-hand, through the agency, if at all;
    * -1 for a telephone interview (``Format.TELEPHONE``): usually a short
      screen that rarely leads to detailed feedback;
    * +1 from the second round on (``interview.round >= 2``): the further a
      candidate gets, the more the employer has invested in them.

    A total of 1 is ``HIGH``, -2 is ``LOW``, anything between is ``MEDIUM``.
    Video interviews and assessment centres count as neither telephone nor
    agency. A later round never lowers the level; making the interview
    agency-run or a telephone one never raises it.

    >>> import pendulum
    >>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    >>> iv = Interview(organisation="Acme Ltd", role="Data Engineer",
    ...                starts_at=end.subtract(hours=1), ends_at=end, round=2)
    >>> feedback_likelihood(iv).level
    <Level.HIGH: 'high'>
    """
    interview = _check_interview(interview)
    score, reasons = _signals(interview)
    reasons.append(
        "Ask within a day or two of hearing the decision, while they still "
        "remember the interview."
    )
    return Likelihood(level=_level(score), reasons=reasons)


def _signals(interview: Interview) -> tuple[int, list[str]]:
    """Return the score of *interview* and the reason for each point of it."""
    score = 0
    reasons = []
    if interview.run_by is RunBy.AGENCY:
        score -= 1
        contact = interview.agency_contact
        who = f" ({contact.name})" if contact is not None else ""
        reasons.append(
            "An agency ran the interview, so any feedback comes second-hand; "
            f"ask your contact there{who} rather than the employer."
        )
    if interview.format is Format.TELEPHONE:
        score -= 1
        reasons.append(
            "Telephone interviews are usually short screens, and employers "
            "seldom give detailed feedback on them."
        )
    if interview.round >= 2:
        score += 1
        reasons.append(
            f"This was round {interview.round}: by now they know you well and "
            "have invested time in you, which makes feedback likelier."
        )
    if not reasons:
        reasons.append(
            "A first-round interview run by the employer: feedback is fairly "
            "common but always at their discretion."
        )
    return score, reasons


def _level(score: int) -> Level:
    if score >= 1:
        return Level.HIGH
    if score <= -2:
        return Level.LOW
    return Level.MEDIUM
