"""The follow-up policy: every number the rules use, each with its reason."""

from __future__ import annotations

import datetime as dt

import attrs

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.interview import Person
from postinterview.timeline import DEFAULT_CHECK_INS
from postinterview.workdays import BusinessCalendar, LocalCalendars

# The most each kind of number may be: enough for any policy a person would
# choose, and small enough that a plan stays near its interview, its
# arithmetic cheap and its dates far from the end of the calendar.
#: The longest duration a policy may give: a year.
DURATION_MAX = dt.timedelta(days=366)
#: The most business days a policy may count: a working year.
BUSINESS_DAYS_MAX = 260
#: The most check-ins a policy may allow.
CHECK_INS_MAX = 20
#: The most words a policy may ask of a thank-you.
WORDS_MAX = 5_000

_INT_MAX = {
    "check_ins_at_most": CHECK_INS_MAX,
    "thank_you_min_words": WORDS_MAX,
    "thank_you_max_words": WORDS_MAX,
}


# The default calendars, one for every policy: each recipient's calendar is
# found once, whichever policy asks.
_LOCAL = LocalCalendars()


def _why(rationale: str, unit: str) -> dict[str, str]:
    return {"rationale": rationale, "unit": unit}


@attrs.frozen(kw_only=True)
class FollowUpPolicy:
    """Every number the follow-up rules use, each with the reason for it.

    Durations are elapsed time (:class:`datetime.timedelta`); counts of
    business days are ints, counted in the recipient's time zone with their
    calendar. Each has a ceiling: durations at most 366 days, business
    days at most 260 (a working year), check-ins at most 20, words at most
    5,000. :meth:`rationale` gives the reason for any field, and
    :meth:`rules` lists them all, for documentation and host tools.

    *calendar* says whose days count. By default, :class:`LocalCalendars`:
    each recipient's own weekend and public holidays, from their country, or
    their zone's (:meth:`calendar_for` says which). A
    :class:`~postinterview.BusinessCalendar` is used for everyone instead:
    ``BusinessCalendar()``, with Saturday and Sunday off and no holidays,
    opts out of holidays altogether.

    >>> policy = FollowUpPolicy()
    >>> policy.thank_you_due
    datetime.timedelta(days=1)
    >>> policy.rationale("thank_you_due")
    'A thank-you within a day arrives while the conversation is still fresh.'
    """

    notes_due: dt.timedelta = attrs.field(
        default=dt.timedelta(minutes=15),
        metadata=_why(
            "Memory of an interview fades within minutes, so notes come first.",
            "after the interview ends",
        ),
    )
    notes_late: dt.timedelta = attrs.field(
        default=dt.timedelta(hours=24),
        metadata=_why(
            "Notes written more than a day later are recalled, not remembered.",
            "after the interview ends",
        ),
    )
    thank_you_earliest: dt.timedelta = attrs.field(
        default=dt.timedelta(hours=1),
        metadata=_why(
            "A note sent within minutes of leaving looks automatic; reflect first.",
            "after the interview ends",
        ),
    )
    thank_you_due: dt.timedelta = attrs.field(
        default=dt.timedelta(hours=24),
        metadata=_why(
            "A thank-you within a day arrives while the conversation is still fresh.",
            "after the interview ends",
        ),
    )
    thank_you_latest: dt.timedelta = attrs.field(
        default=dt.timedelta(hours=48),
        metadata=_why(
            "After two days a thank-you no longer reads as part of the interview.",
            "after the interview ends",
        ),
    )
    references_within: int = attrs.field(
        default=1,
        metadata=_why(
            "Referees give a better reference when they know the role before the call.",
            "business days after the interview",
        ),
    )
    check_in_after_decision: int = attrs.field(
        default=2,
        metadata=_why(
            "Decisions slip; two business days' grace after the stated date is polite.",
            "business days after the stated decision date",
        ),
    )
    check_in_without_date: int = attrs.field(
        default=7,
        metadata=_why(
            "Without a stated date, a week and a half of business days is a fair wait.",
            "business days after the interview",
        ),
    )
    check_in_spacing: int = attrs.field(
        default=5,
        metadata=_why(
            "Check-ins closer than a working week apart read as chasing.",
            "business days between check-ins",
        ),
    )
    check_ins_at_most: int = attrs.field(
        default=DEFAULT_CHECK_INS,
        metadata=_why(
            "More than two unanswered check-ins reads as pressure; after that, "
            "assume the answer is no.",
            "check-ins",
        ),
    )
    feedback_request_within: int = attrs.field(
        default=2,
        metadata=_why(
            "Feedback asked for soon after a rejection is fresher and more specific.",
            "business days after the rejection",
        ),
    )
    rejection_reply_within: int = attrs.field(
        default=1,
        metadata=_why(
            "A gracious reply to a declined feedback request keeps the door open.",
            "business days after feedback is declined",
        ),
    )
    feedback_thanks_within: int = attrs.field(
        default=1,
        metadata=_why(
            "Feedback takes time to give; thanking them promptly shows it was heard.",
            "business days after the feedback",
        ),
    )
    withdraw_within: int = attrs.field(
        default=1,
        metadata=_why(
            "Once the candidate no longer wants the job, telling them promptly frees "
            "their time and keeps goodwill.",
            "business days after losing interest",
        ),
    )
    offer_thanks_within: int = attrs.field(
        default=1,
        metadata=_why(
            "An offer deserves thanks at once, even before the answer is ready.",
            "business days after the offer",
        ),
    )
    offer_review_within: int = attrs.field(
        default=2,
        metadata=_why(
            "Terms such as booked holidays, hours and adjustments are best settled "
            "before accepting, while there is room to ask.",
            "business days after the offer, unless they set a date",
        ),
    )
    thank_you_min_words: int = attrs.field(
        default=100,
        metadata=_why("Fewer words than this rarely says anything specific.", "words"),
    )
    thank_you_max_words: int = attrs.field(
        default=200,
        metadata=_why(
            "A thank-you longer than this is no longer read in full.", "words"
        ),
    )
    calendar: BusinessCalendar | LocalCalendars = attrs.field(
        default=_LOCAL,
        metadata={
            "rationale": (
                "Messages should arrive when the recipient is at work: not on "
                "their weekend or a public holiday where they are."
            ),
            "unit": "weekend, opening hours and holidays",
        },
    )

    def __attrs_post_init__(self) -> None:
        for field in attrs.fields(FollowUpPolicy):
            value = getattr(self, field.name)
            if field.type in ("int", int):
                if type(value) is not int or value < 0:
                    raise ValidationError(
                        field.name, value, "a whole number, 0 or more"
                    )
                most = _INT_MAX.get(field.name, BUSINESS_DAYS_MAX)
                if value > most:
                    raise ValidationError(field.name, value, f"at most {most:,}")
            elif field.type in ("dt.timedelta", dt.timedelta):
                if not isinstance(value, dt.timedelta) or value < dt.timedelta(0):
                    raise ValidationError(
                        field.name, value, "a datetime.timedelta of 0 or more"
                    )
                if value > DURATION_MAX:
                    raise ValidationError(
                        field.name, value, "a datetime.timedelta of at most 366 days"
                    )
            elif not isinstance(value, BusinessCalendar | LocalCalendars):
                raise ValidationError(
                    field.name,
                    value,
                    "a BusinessCalendar for everyone, or LocalCalendars (each "
                    "recipient's own)",
                )
        self._in_order("notes_due", "notes_late")
        self._in_order("thank_you_earliest", "thank_you_due")
        self._in_order("thank_you_due", "thank_you_latest")
        self._in_order("thank_you_min_words", "thank_you_max_words")
        if self.check_in_after_decision < 1:
            raise ValidationError(
                "check_in_after_decision",
                self.check_in_after_decision,
                "at least 1 business day: the stated date must pass first",
            )
        if self.check_in_spacing < 1:
            raise ValidationError(
                "check_in_spacing", self.check_in_spacing, "at least 1 business day"
            )

    def _in_order(self, first: str, second: str) -> None:
        if getattr(self, second) < getattr(self, first):
            raise ValidationError(
                second,
                getattr(self, second),
                f"at least {first} ({getattr(self, first)})",
            )

    def calendar_for(self, person: Person | None, zone: str) -> BusinessCalendar:
        """Return the calendar that *person*'s days and hours are counted with.

        *zone* is the IANA name of the zone their days are read in: their
        own, else the interview's (for the candidate's own tasks, *person*
        is ``None`` and the zone the interview's). With :class:`LocalCalendars`
        that is the calendar of where they are; with a
        :class:`~postinterview.BusinessCalendar`, that calendar.
        """
        calendar = self.calendar
        given: object = person
        if given is not None and not isinstance(given, Person):
            raise ValidationError("person", person, "a Person or None")
        _time.zone(zone, "zone")  # raises, naming it, for a zone that is not one
        if isinstance(calendar, BusinessCalendar):
            return calendar
        if person is None:
            return calendar.calendar_for(zone)
        return calendar.calendar_for(zone, *place_of(person))

    def rationale(self, name: str) -> str:
        """Return the one-sentence reason for the policy field *name*."""
        try:
            return RATIONALES[name]
        except (KeyError, TypeError):  # TypeError: an unhashable name
            names = ", ".join(RATIONALES)
            raise ValidationError("name", name, f"a policy field: {names}") from None

    def rules(self) -> tuple[tuple[str, object, str, str], ...]:
        """Return ``(name, value, unit, rationale)`` for every field, in order."""
        return tuple(
            (f.name, getattr(self, f.name), f.metadata["unit"], f.metadata["rationale"])
            for f in attrs.fields(FollowUpPolicy)
        )


def place_of(person: Person) -> tuple[str | None, str | None]:
    """Return where *person* says they are: their country and subdivision.

    A subdivision given without a country is in the country of the person's
    own zone, whichever zone their days are read in.
    """
    country = person.country
    if country is None and person.subdivision is not None:
        zone = person.timezone
        country = None if zone is None else _time.zone_country(zone)
    return country, person.subdivision


#: The reason for each policy field, by name: the rules quote them.
RATIONALES: dict[str, str] = {
    field.name: field.metadata["rationale"] for field in attrs.fields(FollowUpPolicy)
}
#: The reason for check-ins timed from a decision date given in a reply
#: (:class:`~postinterview.ReplyReceived`). It is the reason of no policy
#: field, so it stands beside RATIONALES, whose names are the fields, and not
#: in it: FollowUpPolicy.rationale() looks fields up there.
AFTER_REPLY = (
    "Their reply gave a new decision date; the check-in waits for it, with the "
    "same grace as a date stated at the interview."
)
