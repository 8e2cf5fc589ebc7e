"""Right after an interview: write notes first, then thank each interviewer.

A thank-you needs a named reader and a way to reach them; when either is
missing, finding it out comes first.
"""

from __future__ import annotations

import datetime as dt

import pendulum

from postinterview.followup._kind import ActionKind
from postinterview.followup._planner import Planner, Skipped, home
from postinterview.followup._policy import RATIONALES
from postinterview.interview import Channel, Interview, Person


def notes(
    planner: Planner, number: int, interview: Interview, end: dt.datetime
) -> None:
    """Write notes and a reflection on round *number* while it is fresh."""
    policy = planner.policy
    planner.add(
        kind=ActionKind.REFLECT,
        trigger=end,
        opens=end,
        due=end + policy.notes_due,
        closes=end + policy.notes_late,
        tz=home(interview),
        rationale=RATIONALES["notes_due"],
        round=number,
    )


def thank_yous(
    planner: Planner, number: int, interview: Interview, end: dt.datetime
) -> None:
    """Thank each interviewer of round *number*, each in their own zone.

    A thank-you is written (by email when they talked by phone), sent in the
    recipient's business hours inside the policy's window, and interviewers
    who share a zone are sent theirs at the same moment.
    """
    policy = planner.policy
    channel = (
        Channel.EMAIL
        if interview.preferred_channel is Channel.PHONE
        else interview.preferred_channel
    )
    opens = end + policy.thank_you_earliest
    due = end + policy.thank_you_due
    closes = end + policy.thank_you_latest
    add = planner.add
    # Calendars are made once per place, so they are told apart by identity.
    sends: dict[tuple[str, int], tuple[dt.datetime, Skipped]] = {}
    for person in interview.interviewers:
        tz = planner.zone_of(person, interview)
        calendar = planner.calendar_of(person, tz)
        if not _reachable(person, channel):
            _get_contact_details(
                planner,
                end,
                recipient=person,
                tz=tz,
                rationale="A thank-you needs a way to reach its reader.",
                number=number,
            )
        where = (tz.key, id(calendar))
        timed = sends.get(where)
        if timed is None:
            timed = sends[where] = planner.send_time(opens, closes, tz, calendar)
        add(
            kind=ActionKind.THANK,
            trigger=end,
            opens=opens,
            due=due,
            closes=closes,
            tz=tz,
            calendar=calendar,
            recipient=person,
            channel=channel,
            template="thank_you",
            rationale=RATIONALES["thank_you_due"],
            round=number,
            send=timed[0],
            skipped=timed[1],
        )


def ask_for_names(
    planner: Planner, number: int, interview: Interview, end: dt.datetime
) -> None:
    """Find out who interviewed in round *number*: the interview names no one."""
    _get_contact_details(
        planner,
        end,
        recipient=interview.agency_contact,
        tz=home(interview),
        rationale=(
            "A thank-you needs a named reader: ask for the interviewers' "
            "names, or write through the recruiter or HR contact."
        ),
        number=number,
    )


def _get_contact_details(
    planner: Planner,
    end: dt.datetime,
    *,
    recipient: Person | None,
    tz: pendulum.Timezone,
    rationale: str,
    number: int,
) -> None:
    """Find out, before a thank-you may go, who to send it to or how."""
    policy = planner.policy
    planner.add(
        kind=ActionKind.GET_CONTACT_DETAILS,
        trigger=end,
        opens=end,
        due=end + policy.thank_you_earliest,
        closes=end + policy.thank_you_latest,
        tz=tz,
        recipient=recipient,
        rationale=rationale,
        round=number,
    )


def _reachable(person: Person, channel: Channel) -> bool:
    """Tell whether *person* can be written to on *channel* with what is known."""
    if channel is Channel.EMAIL:
        return person.email is not None
    if channel is Channel.MESSAGE:
        return person.email is not None or person.phone is not None
    return True  # a letter goes to the organisation's address
