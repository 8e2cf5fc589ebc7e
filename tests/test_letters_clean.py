"""Every packaged letter passes the library's own checks.

Over generated interviews with the names people type (organisations ending
in "Inc.", particles, titles, recruiters, agencies), every format, panels,
every language and both layouts, and typed points that end as sentences do
(as the letter's language writes them),
no letter raises a finding from ``Draft.check()`` and no panel's notes from
``check_panel()``. The checks find the defects (the tests of the findings
build bad drafts by hand); this shows the letters have none of them.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st
from tests.letter_text import as_typed, fragments, realistic

from postinterview import Format, Interview, Person
from postinterview.letters import (
    LOCALES,
    Candidate,
    Draft,
    check_in,
    check_panel,
    feedback_request,
    feedback_thanks,
    offer_thanks,
    reference_brief,
    rejection_reply,
    thank_you_each,
    withdrawal,
)

SENDERS = st.builds(
    Candidate,
    name=st.sampled_from(["Robin Jones", "Sam O'Neill", "Ana María López"]),
    email=st.just("me@example.org"),
    phone=st.none() | st.just("+44 7700 900123"),
)
REFEREE = Person(name="Dana Whitfield", email="dana@former.example")


def findings(drafts: list[Draft]) -> list[tuple[str, str, str]]:
    """Each draft's findings, with the draft's kind and its text to read."""
    return [
        (draft.kind, finding.code, f"{finding.message}\n{draft.text}")
        for draft in drafts
        for finding in draft.check()
    ]


@given(
    iv=realistic(),
    sender=SENDERS,
    locale=st.sampled_from(LOCALES),
    variant=st.sampled_from(["email", "letter"]),
    points=st.lists(fragments(), min_size=3, max_size=3),
    forgot=st.none() | fragments(),
    later=st.integers(3, 30),
)
def test_every_packaged_letter_raises_no_finding(
    *,
    iv: Interview,
    sender: Candidate,
    locale: str,
    variant: str,
    points: list[str],
    forgot: str | None,
    later: int,
) -> None:
    # Typed as a writer of the letter's language types (a Spanish question
    # opens with its mark).
    points = [as_typed(point, locale) for point in points]
    forgot = None if forgot is None else as_typed(forgot, locale)
    # Days after the interview, late enough to be after it in any zone.
    day = iv.ends_at.date() + dt.timedelta(days=2)
    dated = day + dt.timedelta(days=later)
    common = {"sender": sender, "locale": locale, "dated": dated}
    notes = thank_you_each(
        iv,
        highlights=dict(zip(iv.interviewers, points, strict=False)),
        forgot=forgot,
        variant=variant,
        **common,
    )
    assert check_panel(notes) == (), [n.text for n in notes]
    booked = attrs.evolve(
        iv,
        starts_at=iv.ends_at.add(days=later + 5),
        ends_at=iv.ends_at.add(days=later + 5, hours=2),
        format=Format.ASSESSMENT_CENTRE,
        round=min(iv.round + 1, 100),
        decision_expected_by=None,
    )
    drafts = [
        check_in(iv, number=1, **common),
        check_in(iv, number=2, first_sent=day, **common),
        feedback_request(iv, variant=variant, **common),
        rejection_reply(iv, variant=variant, **common),
        feedback_thanks(iv, useful=points[0], variant=variant, **common),
        reference_brief(
            iv,
            to=REFEREE,
            contact_from=day,
            emphasise=points[:2],
            variant=variant,
            **common,
        ),
        withdrawal(iv, reason=points[1], booked=booked, variant=variant, **common),
        offer_thanks(
            iv,
            reply_by=day + dt.timedelta(days=later % 9),
            deadline=day + dt.timedelta(days=4),
            received=day,
            discuss=points[2:],
            variant=variant,
            **common,
        ),
    ]
    assert findings(drafts) == []
