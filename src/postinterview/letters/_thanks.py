"""The thank-you notes after an interview: to one interviewer, or to each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from postinterview.errors import ValidationError
from postinterview.interview import Interview, Person
from postinterview.letters._candidate import Candidate
from postinterview.letters._compose import _Frame
from postinterview.letters._draft import Draft
from postinterview.notes import Highlight


def thank_you(
    interview: Interview,
    *,
    to: Person,
    sender: Candidate,
    highlight: str,
    forgot: str | None = None,
    variant: str = "email",
    locale: str | None = None,
    dated: dt.date | None = None,
) -> Draft:
    """Draft the thank-you note to one interviewer.

    It thanks *to* for their time, comes back to *highlight* (a phrase that
    completes "our conversation about ..."), restates interest in the role,
    adds the *forgot* point as a sentence of its own when given, and offers
    more information: 80 to 150 words of body with a highlight of up to 12
    words and a forgotten point of up to 30.

    The words fit the interview's format (a call or a video interview is
    never a meeting; an assessment day and a technical test are thanked
    for as such) and the reader: a recruiter or the agency contact is
    thanked for their help with the process. The day is the one the
    interview ended on in *to*'s zone. *to*'s place on the panel picks the
    wording, so that panel members' notes differ (see
    :func:`thank_you_each`).

    *variant* ``"letter"`` lays it out as a printable letter dated *dated*,
    which a letter needs; *locale* is ``"en_GB"`` or ``"en_US"``.

    *to* must be one of the interview's interviewers or its agency contact,
    as the record has them: anyone else raises :class:`ValidationError`
    naming them and who would fit.
    """
    # Typed, but given by the caller: anything else is refused when drafted.
    given: tuple[object, object] = (interview, to)
    if isinstance(given[0], Interview) and isinstance(given[1], Person):
        _check_thanked(interview, to)
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return frame.draft("thank_you", interview, to, highlight=highlight, forgot=forgot)


def _thanked_people(interview: Interview) -> tuple[Person, ...]:
    """Who may be thanked for *interview*: its interviewers and agency contact."""
    contact = interview.agency_contact
    return (
        interview.interviewers
        if contact is None
        else (*interview.interviewers, contact)
    )


def _check_thanked(interview: Interview, to: Person) -> None:
    """Refuse a thank-you to someone who neither interviewed nor is the contact."""
    if to in interview.interviewers or to == interview.agency_contact:
        return
    people = _thanked_people(interview)
    named = ", ".join(person.name for person in people) or "nobody: it names no one"
    raise ValidationError(
        "to",
        to.name,
        "one of the interview's interviewers or its agency contact, as the record "
        f"has them ({named})",
    )


def thank_you_each(
    interview: Interview,
    *,
    sender: Candidate,
    highlights: Mapping[Person, str] | Iterable[Highlight],
    forgot: str | None = None,
    variant: str = "email",
    locale: str | None = None,
    dated: dt.date | None = None,
) -> tuple[Draft, ...]:
    """Draft one thank-you note per interviewer, each with its own point.

    *highlights* maps every interviewer to the point from their part of the
    conversation (or is a sequence of :class:`~postinterview.Highlight` from
    the notes). Panel members compare notes, so a missing point, or a point
    for someone who was not on the panel, raises :class:`ValidationError`.

    Each note is worded for its reader's place on the panel: the first five
    notes share no sentence but the *forgot* point, which all of them make,
    and any two notes of a panel of up to 25 share the wording of at most
    one part. Check the set with :func:`check_panel`.
    """
    points = _points(interview, highlights)
    frame = _Frame(sender=sender, variant=variant, locale=locale, dated=dated)
    return tuple(
        frame.draft(
            "thank_you", interview, person, highlight=points[person], forgot=forgot
        )
        for person in interview.interviewers
    )


def _points(
    interview: Interview, highlights: Mapping[Person, str] | Iterable[Highlight]
) -> dict[Person, str]:
    """Each interviewer's point, checked: one for each, and only for them."""
    if not isinstance(interview, Interview):
        raise ValidationError("interview", interview, "an Interview")
    given: object = highlights
    if isinstance(highlights, Mapping):
        points = dict(highlights)
    elif isinstance(given, str) or not isinstance(given, Iterable):
        raise ValidationError(
            "highlights",
            highlights,
            "a mapping of each interviewer to their point, or Highlights",
        )
    else:
        points = {}
        for index, item in enumerate(highlights):
            if not isinstance(item, Highlight):
                raise ValidationError(f"highlights[{index}]", item, "a Highlight")
            points.setdefault(item.interviewer, item.point)
    for person in points:
        if person not in interview.interviewers:
            raise ValidationError(
                "highlights", person, "a point only for the interview's interviewers"
            )
    missing = [p.name for p in interview.interviewers if p not in points]
    if missing or not interview.interviewers:
        raise ValidationError(
            "highlights",
            ", ".join(missing) or None,
            "a point for every interviewer (the interview must name them)",
        )
    return points
