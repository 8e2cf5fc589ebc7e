"""A letter against the application's record: sent already, owed, to whom.

``Draft.check(application)`` adds these findings to those of the text. They
read the record's events once, and the letter's text once for the dates it
promises an answer by.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from postinterview.findings import Finding
from postinterview.interview import Interview, Person
from postinterview.letters._address import reader_zone
from postinterview.letters._conventions import conventions, language_of
from postinterview.letters._parts import nfc, sentences
from postinterview.timeline import (
    DEFAULT_CHECK_INS,
    Application,
    CheckInSent,
    Event,
    FeedbackReceived,
    FeedbackRequested,
    OfferReceived,
    ReferencesNotified,
    Rejected,
    ThankYouSent,
    Withdrew,
)

if TYPE_CHECKING:
    import babel

_CHECK_INS = frozenset({"check_in", "check_in_call"})
# A referee is not in the record: their brief goes to whoever the candidate names.
_ANYONE = frozenset({"reference_brief"})


def _offer_kind(kind: str) -> bool:
    """Whether *kind* answers an offer: ``offer_thanks`` and any ``offer_...``."""
    return kind.startswith("offer_")


def fit_findings(
    *,
    kind: str,
    to: Person,
    interview: Interview | None,
    text: str,
    locale: str,
    application: Application,
) -> Iterator[Finding]:
    """What in a letter does not fit *application*'s record; see ``Draft.check``."""
    rounds = application.history.rounds
    index = len(rounds) - 1 if interview is None else _round_of(rounds, interview)
    if interview is not None and index is None:
        yield Finding(
            code="not-in-record",
            message=(
                "the letter is about an interview that is not one of this "
                f"application's rounds (the {interview.role} role at "
                f"{interview.organisation}, ending {interview.ends_at})"
            ),
            text=interview.organisation,
        )
    if kind not in _ANYONE and not any(_same(to, p) for p in _people(application)):
        names = ", ".join(sorted({p.name for p in _people(application)})) or "nobody"
        yield Finding(
            code="not-in-record",
            message=(
                f"{to.name} is neither an interviewer, an agency contact nor "
                f"anyone the record's events name; it names {names}"
            ),
            text=to.name,
        )
    events = application.events
    if index is not None:
        yield from _sent_after_round(
            kind, to, index, application.history.after_round[index]
        )
    yield from _decisions(kind, to, events)
    if _offer_kind(kind):
        offers = [e for e in events if isinstance(e, OfferReceived)]
        if offers:
            # The days as the letter writes them: in the reader's zone.
            zone = reader_zone(to, interview or rounds[-1])
            yield from _late_replies(text, offers[-1], zone, locale)


def _round_of(rounds: tuple[Interview, ...], interview: Interview) -> int | None:
    return next((i for i, r in enumerate(rounds) if r == interview), None)


def _people(application: Application) -> Iterator[Person]:
    """Everyone the record names: interviewers, agency contacts, events' people."""
    for interview in application.history.rounds:
        yield from interview.interviewers
        if interview.agency_contact is not None:
            yield interview.agency_contact
    for event in application.events:
        for field in ("to", "by"):
            person = getattr(event, field, None)
            if isinstance(person, Person):
                yield person


def _same(a: Person, b: Person | None) -> bool:
    """Whether *a* and *b* are one person: equal, or the same name (ignoring
    case and spacing) with no two different email addresses."""
    if b is None:
        return False
    if a == b:
        return True
    return " ".join(a.name.casefold().split()) == " ".join(
        b.name.casefold().split()
    ) and (
        a.email is None or b.email is None or a.email.casefold() == b.email.casefold()
    )


def _on(event: Event) -> str:
    return event.at.date().isoformat()


def _sent_after_round(
    kind: str, to: Person, index: int, after: tuple[Event, ...]
) -> Iterator[Finding]:
    """A thank-you, check-in or referees' brief the round's record shows sent."""
    number = index + 1
    if kind == "thank_you":
        sent = next(
            (e for e in after if isinstance(e, ThankYouSent) and _same(to, e.to)), None
        )
        if sent is not None:
            yield Finding(
                code="already-sent",
                message=(
                    f"the record shows a thank-you to {to.name} after round "
                    f"{number} already (on {_on(sent)}); a second one reads as "
                    "pressure"
                ),
                text=to.name,
            )
    elif kind in _CHECK_INS:
        check_ins = [e for e in after if isinstance(e, CheckInSent)]
        if len(check_ins) >= DEFAULT_CHECK_INS:
            yield Finding(
                code="already-sent",
                message=(
                    f"the record shows {len(check_ins)} check-ins after round "
                    f"{number} already (the last on {_on(check_ins[-1])}); "
                    "after that many, assume the answer is no and move on"
                ),
            )
    elif kind == "reference_brief":
        told = next((e for e in after if isinstance(e, ReferencesNotified)), None)
        if told is not None:
            yield Finding(
                code="already-sent",
                message=(
                    "the record shows the referees were told after round "
                    f"{number} already (on {_on(told)})"
                ),
            )


def _decisions(kind: str, to: Person, events: tuple[Event, ...]) -> Iterator[Finding]:
    """Letters that answer a decision: one recorded, and not answered already.

    Each answers the latest event of its type: a rejection reply the
    Rejected, a thanks for feedback the latest FeedbackReceived, a reply to
    an offer the latest OfferReceived. It is already sent when a
    ThankYouSent to the same person follows that event; a feedback request
    when feedback was asked for or received after the rejection; a
    withdrawal when the record holds Withdrew.
    """
    latest: dict[type[Event], int] = {}
    thanked: list[int] = []  # the positions of thank-yous to *to*
    for position, event in enumerate(events):
        if isinstance(event, ThankYouSent):
            if _same(to, event.to):
                thanked.append(position)
        else:
            latest[type(event)] = position
    answers: type[Event] | None = {
        "feedback_request": Rejected,
        "rejection_reply": Rejected,
        "feedback_thanks": FeedbackReceived,
    }.get(kind, OfferReceived if _offer_kind(kind) else None)
    if answers is not None and answers not in latest:
        yield _not_recorded(answers)
        return
    repeated = _repeated(kind, events, latest, thanked)
    if repeated is not None:
        yield Finding(
            code="already-sent",
            message=f"the record shows {repeated}; this letter would repeat it",
        )


def _not_recorded(answers: type[Event]) -> Finding:
    """The finding for a letter that answers an event the record lacks."""
    if answers is Rejected:
        return Finding(
            code="no-rejection",
            message=(
                "the record shows no rejection, and this letter answers one: "
                "record Rejected first, or wait for their decision"
            ),
        )
    if answers is FeedbackReceived:
        return Finding(
            code="no-feedback",
            message=(
                "the record shows no feedback received: thank them for it once "
                "it has come (record FeedbackReceived)"
            ),
        )
    return Finding(
        code="no-offer",
        message=(
            "the record shows no offer, and this letter answers one: record "
            "OfferReceived first"
        ),
    )


def _repeated(
    kind: str,
    events: tuple[Event, ...],
    latest: dict[type[Event], int],
    thanked: list[int],
) -> str | None:
    """What the record shows sent already that a *kind* letter would repeat."""
    if kind == "withdrawal" and Withdrew in latest:
        return f"the application withdrawn (on {_on(events[latest[Withdrew]])})"
    if kind == "feedback_request":
        rejected = latest[Rejected]
        asked = [
            latest[type_]
            for type_ in (FeedbackRequested, FeedbackReceived)
            if latest.get(type_, -1) > rejected
        ]
        if asked:
            return f"feedback asked for already (on {_on(events[min(asked)])})"
        return None
    answers = {"rejection_reply": Rejected, "feedback_thanks": FeedbackReceived}.get(
        kind, OfferReceived if _offer_kind(kind) else None
    )
    if answers is None:
        return None
    after = next((p for p in thanked if p > latest[answers]), None)
    if after is None:
        return None
    return f"a thank-you to them after it already (on {_on(events[after])})"


# -- the dates a letter promises an answer by ----------------------------------

_MONTHS = [
    *("January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December"),
]
_MONTH = "|".join(_MONTHS)
# "2 December", "2nd December 2026", "December 2", "December 2, 2026".
_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})"
    rf"|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)\b"
    r"(?:,?\s+(?P<year>\d{4})\b)?"
)
_ENGLISH_MONTHS: Mapping[str, int] = {
    name: number for number, name in enumerate(_MONTHS, start=1)
}


def _late_replies(
    text: str, offer: OfferReceived, zone: str, locale: str
) -> Iterator[Finding]:
    """Dates after the offer's deadline that the letter promises an answer by.

    The deadline is the day of the offer's ``respond_by`` in *zone*, the
    reader's, as the letters write it.

    A date is read as the letters write it: in English "Wednesday 2
    December", "2 December 2026", "Wednesday, December 2", "December 2,
    2026"; in the other languages as Babel writes the day and the long date
    for *locale* ("mercredi 2 décembre", "Mittwoch, 2. Dezember", "2 de
    diciembre de 2026"), its month names being the locale's own (Austrian
    "Jänner"). Without a year, it is the first such day on or after the day
    the offer came. It counts when its sentence promises an answer: a
    first-person commitment ("I will", "I'll", "I can", "you will have";
    "je vous donnerai", "ich werde", "le daré", "darei") and an answer
    ("answer", "reply", "decision", "let you know", "confirm"; "réponse",
    "Entscheidung", "respuesta", "resposta"...), and the sentence is not a
    question. Asking for more time ("Could I have until...?") is not a
    promise. A date that runs across what reads as a sentence's end (the
    German "2. Dezember") belongs to the sentence it starts in, joined with
    the one it ends in.
    """
    known = conventions(locale)
    if offer.respond_by is None or known is None:
        return
    if known.language == "en":
        dates, months = _DATE, _ENGLISH_MONTHS
    else:
        text = nfc(text)
        dates, months = _dates_of(_babel_tag(locale))
    deadline = offer.respond_by.in_timezone(zone).date()
    arrived = offer.at.in_timezone(zone).date()
    spans: list[tuple[int, int]] | None = None
    starts: list[int] = []
    promises: dict[tuple[int, int], bool] = {}
    for match in dates.finditer(text):
        day = _day_of(match, months, arrived)
        if day is None or day <= deadline:
            continue
        if spans is None:
            spans = sentences(text)
            starts = [start for start, _ in spans]
        first = bisect.bisect_right(starts, match.start()) - 1
        last = max(first, bisect.bisect_right(starts, match.end() - 1) - 1)
        if (first, last) not in promises:
            start = spans[first][0] if first >= 0 else 0
            end = spans[last][1] if last >= 0 else len(text)
            promises[first, last] = (
                not text[start:end].rstrip().endswith("?")
                and known.commits.search(text, start, end) is not None
                and known.answers.search(text, start, end) is not None
            )
        if promises[first, last]:
            yield Finding(
                code="reply-after-deadline",
                message=(
                    f"the offer asks for an answer by {_written(deadline, locale)}, "
                    f"and this promises one on {_written(day, locale)}: promise a "
                    "day no later, or ask for more time"
                ),
                text=match.group(0),
            )


def _day_of(
    match: re.Match[str], months: Mapping[str, int], arrived: dt.date
) -> dt.date | None:
    """The day a date match names, its year found from *arrived* when missing.

    *months* gives each month's number by its name, as the match writes it
    or casefolded.
    """
    name = match["month"] or match["month2"]
    month = months.get(name) or months[name.casefold()]
    number = int(match["day"] or match["day2"])
    written_year = match["year"] or match.groupdict().get("year2")
    year = int(written_year) if written_year else arrived.year
    try:
        day = dt.date(year, month, number)
        if written_year is None and day < arrived:
            day = dt.date(year + 1, month, number)
    except ValueError:  # "31 November"; a 29 February in the wrong year
        return None
    return day


def _written(day: dt.date, locale: str) -> str:
    """*day* in full, as a letter in *locale* writes it."""
    if language_of(locale) != "en":
        from babel.dates import format_date  # noqa: PLC0415 - Babel on first use

        return format_date(day, "long", locale=_babel_locale(_babel_tag(locale)))
    if locale == "en_US":
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _babel_tag(locale: str) -> str:
    """*locale* as Babel spells a tag: "fr_CA" for "fr-CA"."""
    return locale.strip().replace("-", "_")


@functools.lru_cache(maxsize=32)
def _babel_locale(tag: str) -> babel.Locale:
    """Babel's locale for *tag*; its language's when Babel does not know the
    region (the months are the language's)."""
    import babel  # noqa: PLC0415 - Babel loads on first use

    try:
        return babel.Locale.parse(tag)
    except (ValueError, babel.UnknownLocaleError):
        return babel.Locale.parse(language_of(tag))


@functools.lru_cache(maxsize=32)
def _dates_of(tag: str) -> tuple[re.Pattern[str], Mapping[str, int]]:
    """How a letter in *tag* writes a day of a month, and each month's number
    by its casefolded name.

    Built from Babel's month names for the locale (as the day is written
    with them, and as they stand alone): the day's number, a full stop or
    the French "er" after it, the Spanish and Portuguese "de", the month,
    and a year ("20 novembre 2026", "20. November 2026", "20 de noviembre de
    2026"); or the month first ("novembre 20, 2026"). Case is ignored.
    """
    locale = _babel_locale(tag)
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in locale.months[context]["wide"].items():
            months[nfc(name).casefold()] = number
    names = "|".join(map(re.escape, sorted(months, key=len, reverse=True)))
    pattern = re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})(?:\.|er|\u1d49\u02b3|\u00ba|\u00b0)?\s+"
        rf"(?:de\s+)?(?P<month>{names})\b(?:,?\s+(?:de\s+)?(?P<year>\d{{4}})\b)?"
        rf"|\b(?P<month2>{names})\s+(?P<day2>\d{{1,2}})\b"
        r"(?:,?\s+(?P<year2>\d{4})\b)?",
        re.IGNORECASE,
    )
    return pattern, months
