"""The thank-you verdict: whether a note is worth sending after an interview."""

from __future__ import annotations

import enum

import attrs

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.interview import Interview, Person

# Described where postinterview.decisions exports it.
MAX_PERSONAL_NOTES = 4


class Verdict(enum.Enum):
    """What to do about a thank-you note."""

    #: Send a personal note to each interviewer.
    SEND = "send a personal note to each interviewer"
    #: Send one note, to the chair of the panel or the contact.
    SEND_ONE = "send one note, to the chair of the panel or your contact"
    #: Find out who to thank before writing anything.
    GET_NAMES = "find out who to thank first"
    #: A note is optional; send one if it adds something.
    CONSIDER = "a note is optional"
    #: A note is unlikely to help; let it go.
    SKIP = "no note needed"


@attrs.frozen(kw_only=True)
class Recommendation:
    """A *verdict* on a thank-you note and the *reasons* for it, in order.

    >>> Recommendation(verdict=Verdict.SEND,
    ...                reasons=["You know who interviewed you."]).verdict.name
    'SEND'
    """

    verdict: Verdict = attrs.field(validator=_fields.enum_member(Verdict))
    reasons: tuple[str, ...] = attrs.field(
        converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )


_KEEN = (
    "You have already shown strong interest: keep any note short and about "
    "them, so it reads as thanks rather than pressure."
)


def should_send_thank_you(
    interview: Interview, *, already_thanked: bool = False, shown_interest: bool = False
) -> Recommendation:
    """Return whether to send a thank-you note after *interview*, and why.

    A thank-you note is a judgement call, and the default leans to sending.
    *already_thanked* says the candidate thanked the interviewers warmly on
    the day; *shown_interest* that they already made a strong interest plain
    (a note that presses it again can seem too keen). In order:

    * thanked on the day and already keen: ``SKIP``;
    * thanked on the day: ``CONSIDER`` (optional);
    * no interviewer's name known: ``GET_NAMES`` (ask for the names, or
      write through the recruiter or agency contact);
    * a panel larger than :data:`MAX_PERSONAL_NOTES`: ``SEND_ONE``;
    * otherwise ``SEND``, one personal note to each interviewer.

    >>> import pendulum
    >>> from postinterview import Person
    >>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    >>> iv = Interview(organisation="Acme Ltd", role="Data Engineer",
    ...                starts_at=end.subtract(hours=1), ends_at=end,
    ...                interviewers=[Person(name="Priya Shah")])
    >>> should_send_thank_you(iv).verdict
    <Verdict.SEND: 'send a personal note to each interviewer'>
    >>> should_send_thank_you(iv, already_thanked=True).verdict.name
    'CONSIDER'
    """
    if not isinstance(interview, Interview):
        raise ValidationError("interview", interview, "an Interview")
    _check_flag("already_thanked", already_thanked)
    _check_flag("shown_interest", shown_interest)
    panel = len(interview.interviewers)
    via = _via(interview.agency_contact)
    if already_thanked:
        return _thanked_on_the_day(panel, via, shown_interest=shown_interest)
    verdict, reasons = _who_to_thank(panel, via)
    if shown_interest:
        reasons.append(_KEEN)
    return Recommendation(verdict=verdict, reasons=reasons)


def _check_flag(name: str, value: object) -> None:
    if type(value) is not bool:
        raise ValidationError(name, value, "True or False")


def _via(contact: Person | None) -> str:
    """Return who to write through when no interviewer's name is known."""
    if contact is not None:
        return f"write through your agency contact, {contact.name}"
    return "write through the recruiter or HR contact"


def _thanked_on_the_day(
    panel: int, via: str, *, shown_interest: bool
) -> Recommendation:
    """Return the recommendation after thanks given warmly on the day."""
    if shown_interest:
        return Recommendation(
            verdict=Verdict.SKIP,
            reasons=(
                "You thanked them on the day and have already made your "
                "interest plain; another note would add little and could "
                "come across as too keen.",
                "If something you forgot to say matters, a brief note with just "
                "that point is still fine.",
            ),
        )
    reasons = [
        "You thanked them on the day, so a note is optional: send one if it "
        "adds something, such as a point you forgot to make."
    ]
    if panel == 0:
        reasons.append(
            f"If you do write, find out who interviewed you first, or {via}."
        )
    elif panel > MAX_PERSONAL_NOTES:
        reasons.append(
            f"If you do write, one note to the chair of the panel of {panel} is enough."
        )
    return Recommendation(verdict=Verdict.CONSIDER, reasons=reasons)


def _who_to_thank(panel: int, via: str) -> tuple[Verdict, list[str]]:
    """Return the verdict and reasons for a note that is worth sending."""
    if panel == 0:
        return Verdict.GET_NAMES, [
            "A thank-you note needs a named reader, and no interviewer's name is "
            f"recorded: ask for their names, or {via}."
        ]
    if panel > MAX_PERSONAL_NOTES:
        return Verdict.SEND_ONE, [
            f"A panel of {panel} is large: one note to the chair of the panel, or "
            "to the person who arranged the interview, reads better than a note "
            "to each.",
            "Mention the panel as a whole and one point from the conversation.",
        ]
    if panel == 1:
        return Verdict.SEND, [
            "You know who interviewed you: a short note thanks them and keeps "
            "you in mind."
        ]
    return Verdict.SEND, [
        f"You know who interviewed you: send a short note to each of the {panel}.",
        "Make each note personal: panel members often compare them.",
    ]
