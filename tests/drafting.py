"""Drafts of the packaged letters for generated interviews, for property tests.

:func:`packaged_drafts` draws an interview (with :mod:`postinterview.strategies`)
and a kind, locale and layout, and drafts the letter with what it needs: a
recipient who may receive it, a point to come back to, a date to answer by.
A panel's thank-yous come from ``thank_you_each``. Tests of the checks use it
to show that they are total over real drafts; a test that the packaged
letters raise no finding can use it too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from postinterview import Interview, Person, letters
from postinterview import strategies as pst
from postinterview.letters import KINDS, LOCALES, Candidate, Draft, thank_you_each

VARIANTS = ("email", "letter")
# The kinds drafted by a function of another name.
MAKERS = {"check_in_call": "check_in", "check_in": "check_in"}
SENDER = Candidate(name="Robin Jones", email="robin@example.org")
REFEREE = Person(name="Dana Whitfield", email="dana@former.example")
# Short, ordinary details: what a candidate would type.
POINTS = st.sampled_from(
    [
        "the move from nightly batches to streaming",
        "how the team shares its on-call rota",
        "the plan to retire the old reporting tool",
    ]
)
FORGOT = st.none() | st.sampled_from(
    ["I have run a team of four engineers", "I speak German and Spanish"]
)


def _to(draw: st.DrawFn, kind: str, interview: Interview) -> Person | None:
    """Who a *kind* letter about *interview* goes to: None for the usual contact."""
    if kind == "reference_brief":
        return REFEREE
    contact = interview.agency_contact
    thanked = [*interview.interviewers, *([contact] if contact else [])]
    if kind == "thank_you":
        return draw(st.sampled_from(thanked))
    return draw(st.none() | st.sampled_from(thanked))


def _details(draw: st.DrawFn, kind: str, interview: Interview) -> dict[str, Any]:
    """The details a *kind* letter needs beyond the record, drawn."""
    if kind == "thank_you":
        return {"highlight": draw(POINTS), "forgot": draw(FORGOT)}
    if kind == "offer_thanks":
        end = interview.ends_at.date()
        days = draw(st.integers(1, 14))
        return {"reply_by": dt.date.fromordinal(end.toordinal() + days)}
    if kind in MAKERS:  # the check-ins, written or said
        return {"number": draw(st.sampled_from([1, 2]))}
    if kind == "withdrawal":
        return {"reason": draw(st.none() | st.just("I have accepted another offer"))}
    return {}


@st.composite
def packaged_drafts(
    draw: st.DrawFn,
    *,
    kinds: tuple[str, ...] = tuple(KINDS),
    locales: tuple[str, ...] = tuple(LOCALES),
) -> tuple[Draft, ...]:
    """Draw the drafts of one packaged letter: one draft, or a panel's notes.

    The interview names at least one interviewer and ends in the years
    2000 to 2090, so that dates a letter names stay inside the library's
    range. The layout is an email or a printed letter dated the day after
    the interview.
    """
    interview = draw(
        pst.interviews(
            min_value=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
            max_value=dt.datetime(2090, 1, 1, tzinfo=dt.UTC),
            min_interviewers=1,
        )
    )
    kind = draw(st.sampled_from(kinds))
    locale = draw(st.sampled_from(locales))
    # A call script (check_in_call) is a check-in in the call variant.
    variant = "call" if kind == "check_in_call" else draw(st.sampled_from(VARIANTS))
    frame: dict[str, Any] = {"sender": SENDER, "locale": locale, "variant": variant}
    if variant == "letter":
        frame["dated"] = interview.ends_at.date() + dt.timedelta(days=1)
    if kind == "thank_you" and len(interview.interviewers) > 1 and draw(st.booleans()):
        points = {person: draw(POINTS) for person in interview.interviewers}
        return thank_you_each(interview, highlights=points, **frame)
    to = _to(draw, kind, interview)
    if to is not None:
        frame["to"] = to
    maker: Callable[..., Draft] = getattr(letters, MAKERS.get(kind, kind))
    return (maker(interview, **frame, **_details(draw, kind, interview)),)
