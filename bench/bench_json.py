"""How fast is the JSON round trip against a hand-written codec, in the same run?

``ours`` is ``serialize.to_json(app)``, then ``serialize.from_json(Application,
text)``: the generic codec, compiled from the attrs fields and annotations.
Besides building the records, reading checks every value's type, refuses
unknown and repeated keys, checks each instant's offset against its zone and
would report any error with its path.

The floor is a codec written by hand for the same record shape: an encoder
that reads the attributes straight into dicts for :func:`json.dumps`, and a
decoder that takes :func:`json.loads` at its word and calls the record
constructors with keyword arguments, handing them stdlib datetimes to convert.
It checks nothing beyond what the records check themselves, which both sides
pay for. Both sides use the standard library's ``json`` module, with the same
options: ``serialize`` adds only its hooks, which refuse repeated keys and
integers too long to read. (orjson and msgspec parse faster, but keep the
last of a repeated key without a word, so they cannot serve.) Before timing, the floor
must write the very same text as ``to_json()`` and each side must read that
text back into a record equal to the original, for the first 1,000 records.

The applications are generated from a fixed seed in seven zones: a first round
with one to three interviewers and its facts (format, location, often a
decision date or an advertised salary, sometimes an agency contact), then the
events a candidate records: notes and thank-yous, check-ins and replies, for a
third a second round with its own notes and thank-yous, then a rejection
(often with feedback), an offer and its answer, a withdrawal, or nothing yet.
That is about 7 events and 1.9 KB of JSON per application.

Encoding and decoding are timed apart, each as ``for x in xs: fn(x)`` keeping
no result alive, over 250 records at a time: on each such chunk the four take
turns, three times over, and each one's best time on the chunk counts. Taking
the best per chunk rather than per whole run steadies the ratio on a busy
machine. A round trip is the encoding plus the decoding.

Run: ``python bench/bench_json.py [COUNT]`` (10,000 applications by default).
The goal is a round trip at most 1.3 times as long as the hand-written
floor's. The codec once took about 1.75 times as long (1.15 times for
encoding, 1.95 times for decoding); since each record class has its own
generated encoder and decoder, and instants reach the records as the
stdlib datetimes their converters take, it takes about 1.2 times as long
(1.05 and 1.27).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import sys
import time
import zoneinfo
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pendulum

from postinterview import Application, Interview, Person, serialize
from postinterview.interview import Channel, Format, Period, RunBy, SalaryRange
from postinterview.timeline import (
    CheckInSent,
    Event,
    FeedbackReceived,
    FeedbackRequested,
    NextRoundScheduled,
    NotesWritten,
    OfferAccepted,
    OfferDeclined,
    OfferReceived,
    ReferencesNotified,
    Rejected,
    ReplyReceived,
    ThankYouSent,
    Withdrew,
)

GOAL = 1.3
ZONES = (
    "Europe/London",
    "America/New_York",
    "Asia/Kolkata",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "Europe/Berlin",
    "Pacific/Auckland",
)
UTC = dt.UTC
DAY = 24 * 60  # minutes
ROLES = ("Analyst", "Data Engineer", "Team Lead", "Product Manager", "Designer")
TITLES = ("Head of Data", "Engineering Manager", "Recruiter", "CTO", None, None)
NEXT_STAGES = ("a technical exercise", "a panel interview", "meet the team", None)
REPLIES = ("Still deciding, sorry for the wait", "We will know by Friday", None)
FEEDBACK = (
    "Strong on SQL; the system design answer lacked depth.",
    "Good rapport, but give more specific examples.",
    None,
)
TERMS = ("two weeks' holiday already booked", "four-day week", "start in March")


# -- the records ------------------------------------------------------------


def _person(rng: random.Random, key: str, zones: bool) -> Person:
    return Person(
        name=f"Person {key}",
        email=f"p{key}@example.org" if rng.random() < 0.9 else None,
        phone="+44 20 7946 0000" if rng.random() < 0.15 else None,
        title=rng.choice(TITLES),
        timezone=rng.choice(ZONES) if zones and rng.random() < 0.5 else None,
    )


def _salary(rng: random.Random) -> SalaryRange:
    low = rng.randrange(30_000, 90_000, 500)
    return SalaryRange(
        low=Decimal(low),
        high=Decimal(low + rng.randrange(0, 20_000, 500)) + Decimal("0.50"),
        currency=rng.choice(("GBP", "EUR", "USD")),
        period=rng.choice((Period.YEAR, Period.YEAR, Period.MONTH)),
    )


def _interview(
    rng: random.Random, key: str, starts: dt.datetime, number: int
) -> Interview:
    ends = starts + dt.timedelta(minutes=rng.choice((30, 45, 60, 90)))
    agency = rng.random() < 0.2
    decision: dt.date | dt.datetime | None = None
    roll = rng.random()
    if roll < 0.4:
        decision = (ends + dt.timedelta(days=rng.randint(3, 20))).date()
    elif roll < 0.5:
        decision = ends + dt.timedelta(days=rng.randint(3, 20), hours=2)
    return Interview(
        organisation=f"Employer {key[:3]} Ltd",
        role=rng.choice(ROLES),
        starts_at=starts,
        ends_at=ends,
        interviewers=[
            _person(rng, f"{key}-{number}-{n}", zones=True)
            for n in range(rng.randint(1, 3))
        ],
        format=rng.choice(tuple(Format)),
        location="1 Example Street, London" if rng.random() < 0.5 else None,
        run_by=RunBy.AGENCY if agency else RunBy.EMPLOYER,
        agency_contact=_person(rng, f"{key}-agency", zones=False) if agency else None,
        round=number,
        next_stage=rng.choice(NEXT_STAGES),
        decision_expected_by=decision,
        closing_date=(starts - dt.timedelta(days=10)).date()
        if rng.random() < 0.3
        else None,
        preferred_channel=rng.choice((Channel.EMAIL, Channel.EMAIL, Channel.PHONE)),
        advertised_salary=_salary(rng) if rng.random() < 0.5 else None,
        references_may_be_contacted=rng.random() < 0.3,
    )


class _Diary:
    """One application's history, written event by event as time goes on."""

    def __init__(self, rng: random.Random, first: Interview) -> None:
        self.rng = rng
        self.first = first
        self.events: list[Event] = []
        self.now: dt.datetime = first.ends_at

    def later(self, low: float, high: float) -> dt.datetime:
        """Move on by *low* to *high* minutes and return the new time."""
        self.now += dt.timedelta(minutes=self.rng.uniform(low, high))
        return self.now

    def after_round(self, interview: Interview) -> None:
        self.now = interview.ends_at
        self.events.append(NotesWritten(at=self.later(10, 120)))
        for person in interview.interviewers:
            self.events.append(ThankYouSent(at=self.later(30, 600), to=person))

    def waiting(self) -> None:
        rng, first = self.rng, self.first
        if first.references_may_be_contacted and rng.random() < 0.5:
            self.events.append(ReferencesNotified(at=self.later(60, 600)))
        for _ in range(rng.choice((0, 0, 1, 2))):
            at = self.later(3 * DAY, 8 * DAY)
            self.events.append(CheckInSent(at=at, to=first.interviewers[0]))
            if rng.random() < 0.5:
                note = rng.choice(REPLIES)
                self.events.append(ReplyReceived(at=self.later(60, 2 * DAY), note=note))

    def rejected(self) -> None:
        rng = self.rng
        offered = rng.random() < 0.3
        at = self.later(DAY, 10 * DAY)
        self.events.append(Rejected(at=at, feedback_offered=offered))
        if not offered and rng.random() < 0.6:
            at = self.later(60, DAY)
            self.events.append(FeedbackRequested(at=at, to=self.first.interviewers[0]))
            offered = rng.random() < 0.7
        if offered:
            at = self.later(DAY, 6 * DAY)
            self.events.append(FeedbackReceived(at=at, note=rng.choice(FEEDBACK)))

    def offered(self) -> None:
        rng = self.rng
        at = self.later(DAY, 10 * DAY)
        self.events.append(
            OfferReceived(
                at=at,
                respond_by=at + dt.timedelta(days=rng.randint(3, 7)),
                salary=_salary(rng),
                terms=rng.sample(TERMS, rng.randint(0, 2)),
                by=self.first.interviewers[0] if rng.random() < 0.5 else None,
            )
        )
        answer = OfferAccepted if rng.random() < 0.7 else OfferDeclined
        self.events.append(answer(at=self.later(60, 3 * DAY)))


def applications(count: int, seed: int = 20261121) -> list[Application]:
    """Return *count* applications with realistic histories."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 1, 1, tzinfo=UTC)
    made = []
    for index in range(count):
        zone = zoneinfo.ZoneInfo(rng.choice(ZONES))
        minute = rng.randrange(2 * 365 * 24 * 60)
        starts = (start + dt.timedelta(minutes=minute)).astimezone(zone)
        key = f"{index:05d}"
        first = _interview(rng, key, starts, 1)
        diary = _Diary(rng, first)
        diary.after_round(first)
        diary.waiting()
        if rng.random() < 0.35:
            at = diary.later(DAY, 4 * DAY)
            second = _interview(rng, key, diary.later(2 * DAY, 9 * DAY), 2)
            diary.events.append(NextRoundScheduled(at=at, interview=second))
            diary.after_round(second)
        roll = rng.random()
        if roll < 0.35:
            diary.rejected()
        elif roll < 0.6:
            diary.offered()
        elif roll < 0.7:
            diary.events.append(Withdrew(at=diary.later(60, 5 * DAY)))
        made.append(Application(interviews=(first,), events=diary.events))
    return made


# -- the floor: a codec written by hand for these records --------------------

Out = dict[str, Any]  # a JSON object

_isoformat = dt.datetime.isoformat
_date_isoformat = dt.date.isoformat


def _write_instant(value: dt.datetime) -> str:
    return f"{_isoformat(value)}[{value.tzinfo.key}]"  # type: ignore[union-attr]


def _write_person(person: Person) -> Out:
    out: Out = {"name": person.name}
    if person.email is not None:
        out["email"] = person.email
    if person.phone is not None:
        out["phone"] = person.phone
    if person.title is not None:
        out["title"] = person.title
    if person.timezone is not None:
        out["timezone"] = person.timezone
    return out


def _write_salary(salary: SalaryRange) -> Out:
    return {
        "low": str(salary.low),
        "high": str(salary.high),
        "currency": salary.currency,
        "period": salary.period.name,
    }


def _write_interview(interview: Interview) -> Out:
    out: Out = {
        "organisation": interview.organisation,
        "role": interview.role,
        "starts_at": _write_instant(interview.starts_at),
        "ends_at": _write_instant(interview.ends_at),
        "interviewers": [_write_person(p) for p in interview.interviewers],
        "format": interview.format.name,
    }
    if interview.location is not None:
        out["location"] = interview.location
    out["run_by"] = interview.run_by.name
    if interview.agency_contact is not None:
        out["agency_contact"] = _write_person(interview.agency_contact)
    out["round"] = interview.round
    if interview.next_stage is not None:
        out["next_stage"] = interview.next_stage
    decision = interview.decision_expected_by
    if isinstance(decision, pendulum.DateTime):
        out["decision_expected_by"] = _write_instant(decision)
    elif decision is not None:
        out["decision_expected_by"] = _date_isoformat(decision)
    if interview.closing_date is not None:
        out["closing_date"] = _date_isoformat(interview.closing_date)
    out["preferred_channel"] = interview.preferred_channel.name
    if interview.advertised_salary is not None:
        out["advertised_salary"] = _write_salary(interview.advertised_salary)
    out["references_may_be_contacted"] = interview.references_may_be_contacted
    return out


def _write_to(event: ThankYouSent | CheckInSent | FeedbackRequested, out: Out) -> None:
    if event.to is not None:
        out["to"] = _write_person(event.to)


def _write_check_in(event: CheckInSent, out: Out) -> None:
    if event.to is not None:
        out["to"] = _write_person(event.to)
    out["channel"] = event.channel.name


def _write_reply(event: ReplyReceived, out: Out) -> None:
    if event.note is not None:
        out["note"] = event.note


def _write_next_round(event: NextRoundScheduled, out: Out) -> None:
    out["interview"] = _write_interview(event.interview)


def _write_rejected(event: Rejected, out: Out) -> None:
    if event.by is not None:
        out["by"] = _write_person(event.by)
    out["feedback_offered"] = event.feedback_offered


def _write_feedback(event: FeedbackReceived, out: Out) -> None:
    if event.by is not None:
        out["by"] = _write_person(event.by)
    if event.note is not None:
        out["note"] = event.note


def _write_offer(event: OfferReceived, out: Out) -> None:
    if event.respond_by is not None:
        out["respond_by"] = _write_instant(event.respond_by)
    if event.salary is not None:
        out["salary"] = _write_salary(event.salary)
    out["terms"] = list(event.terms)
    if event.by is not None:
        out["by"] = _write_person(event.by)


# What each kind of event writes besides its type and time.
_EVENT_WRITERS: dict[type[Any], Callable[[Any, Out], None]] = {
    ThankYouSent: _write_to,
    CheckInSent: _write_check_in,
    ReplyReceived: _write_reply,
    NextRoundScheduled: _write_next_round,
    Rejected: _write_rejected,
    FeedbackRequested: _write_to,
    FeedbackReceived: _write_feedback,
    OfferReceived: _write_offer,
}


def _write_event(event: Event) -> Out:
    kind = type(event)
    out: Out = {"type": kind.__name__, "at": _write_instant(event.at)}
    write = _EVENT_WRITERS.get(kind)
    if write is not None:
        write(event, out)
    return out


def floor_to_json(app: Application) -> str:
    """The text of ``serialize.to_json(app)``, written by hand."""
    return json.dumps(
        {
            "schema_version": serialize.SCHEMA_VERSION,
            "interviews": [_write_interview(i) for i in app.interviews],
            "events": [_write_event(e) for e in app.events],
        },
        ensure_ascii=False,
        check_circular=False,
        allow_nan=False,
        separators=(",", ":"),
    )


_ZONES: dict[str, pendulum.Timezone] = {}


def _read_instant(text: str) -> dt.datetime:
    stamp, _, name = text[:-1].partition("[")
    zone = _ZONES.get(name)
    if zone is None:
        zone = _ZONES[name] = pendulum.timezone(name)
    return dt.datetime.fromisoformat(stamp).astimezone(zone)


def _read_date(text: str) -> dt.date:
    return pendulum.Date(int(text[:4]), int(text[5:7]), int(text[8:]))


def _read_person(data: Out) -> Person:
    return Person(
        name=data["name"],
        email=data.get("email"),
        phone=data.get("phone"),
        title=data.get("title"),
        timezone=data.get("timezone"),
    )


def _read_optional_person(data: Out | None) -> Person | None:
    return None if data is None else _read_person(data)


def _read_salary(data: Out | None) -> SalaryRange | None:
    if data is None:
        return None
    return SalaryRange(
        low=Decimal(data["low"]),
        high=Decimal(data["high"]),
        currency=data["currency"],
        period=Period[data["period"]],
    )


def _read_interview(data: Out) -> Interview:
    decision = data.get("decision_expected_by")
    if decision is not None:
        decision = _read_instant(decision) if "T" in decision else _read_date(decision)
    closing = data.get("closing_date")
    return Interview(
        organisation=data["organisation"],
        role=data["role"],
        starts_at=_read_instant(data["starts_at"]),
        ends_at=_read_instant(data["ends_at"]),
        interviewers=[_read_person(p) for p in data["interviewers"]],
        format=Format[data["format"]],
        location=data.get("location"),
        run_by=RunBy[data["run_by"]],
        agency_contact=_read_optional_person(data.get("agency_contact")),
        round=data["round"],
        next_stage=data.get("next_stage"),
        decision_expected_by=decision,
        closing_date=None if closing is None else _read_date(closing),
        preferred_channel=Channel[data["preferred_channel"]],
        advertised_salary=_read_salary(data.get("advertised_salary")),
        references_may_be_contacted=data["references_may_be_contacted"],
    )


def _read_offer(data: Out, at: dt.datetime) -> OfferReceived:
    respond_by = data.get("respond_by")
    return OfferReceived(
        at=at,
        respond_by=None if respond_by is None else _read_instant(respond_by),
        salary=_read_salary(data.get("salary")),
        terms=data["terms"],
        by=_read_optional_person(data.get("by")),
    )


# How to build each kind of event from its object and its time.
_EVENT_READERS: dict[str, Callable[[Out, dt.datetime], Event]] = {
    "NotesWritten": lambda _, at: NotesWritten(at=at),
    "ThankYouSent": lambda data, at: ThankYouSent(at=at, to=_read_person(data["to"])),
    "ReferencesNotified": lambda _, at: ReferencesNotified(at=at),
    "CheckInSent": lambda data, at: CheckInSent(
        at=at,
        to=_read_optional_person(data.get("to")),
        channel=Channel[data["channel"]],
    ),
    "ReplyReceived": lambda data, at: ReplyReceived(at=at, note=data.get("note")),
    "NextRoundScheduled": lambda data, at: NextRoundScheduled(
        at=at, interview=_read_interview(data["interview"])
    ),
    "Rejected": lambda data, at: Rejected(
        at=at,
        by=_read_optional_person(data.get("by")),
        feedback_offered=data["feedback_offered"],
    ),
    "FeedbackRequested": lambda data, at: FeedbackRequested(
        at=at, to=_read_optional_person(data.get("to"))
    ),
    "FeedbackReceived": lambda data, at: FeedbackReceived(
        at=at, by=_read_optional_person(data.get("by")), note=data.get("note")
    ),
    "OfferReceived": _read_offer,
    "OfferAccepted": lambda _, at: OfferAccepted(at=at),
    "OfferDeclined": lambda _, at: OfferDeclined(at=at),
    "Withdrew": lambda _, at: Withdrew(at=at),
}


def _read_event(data: Out) -> Event:
    return _EVENT_READERS[data["type"]](data, _read_instant(data["at"]))


def floor_from_json(text: str) -> Application:
    """The Application that *text* describes, read by hand."""
    data = json.loads(text)
    return Application(
        interviews=[_read_interview(i) for i in data["interviews"]],
        events=[_read_event(e) for e in data["events"]],
    )


# -- timing -------------------------------------------------------------------


def check(apps: list[Application]) -> None:
    """Raise SystemExit unless the floor and the codec agree on every record."""
    for app in apps:
        text = serialize.to_json(app)
        if floor_to_json(app) != text:
            raise SystemExit(f"the floor writes other text than to_json() for {app!r}")
        if serialize.from_json(Application, text) != app:
            raise SystemExit(f"from_json() reads back another record for {app!r}")
        if floor_from_json(text) != app:
            raise SystemExit(f"the floor reads back another record for {app!r}")


def run_once(fn: Callable[[Any], object], items: list[Any]) -> float:
    """Return how long one run of *fn* over *items* takes, in seconds."""
    started = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - started


@dataclasses.dataclass(frozen=True)
class JsonResult:
    """Best-of-*runs* seconds over *count* records, for each side and direction."""

    count: int
    runs: int
    events: float  # per record
    size: float  # bytes of JSON per record
    floor_encode: float
    ours_encode: float
    floor_decode: float
    ours_decode: float

    @property
    def floor(self) -> float:
        """The hand-written round trip: its best encoding plus its best decoding."""
        return self.floor_encode + self.floor_decode

    @property
    def ours(self) -> float:
        """The codec's round trip, taken the same way."""
        return self.ours_encode + self.ours_decode

    @property
    def ratio(self) -> float:
        return self.ours / self.floor

    @property
    def met(self) -> bool:
        return self.ratio <= GOAL


def measure(
    count: int, runs: int = 3, checked: int = 1000, chunk: int = 250
) -> JsonResult:
    """Generate *count* applications, check the first *checked*, then time.

    Encoding and decoding are timed apart, over *chunk* records at a time,
    the four taking turns on each chunk; each one's best of *runs* on each
    chunk counts, and its time is the sum of those. A round trip is the sum
    of encoding and decoding.
    """
    apps = applications(count)
    check(apps[:checked])
    texts = [serialize.to_json(app) for app in apps]
    sides: dict[str, tuple[Callable[[Any], object], list[Any]]] = {
        "floor_encode": (floor_to_json, apps),
        "ours_encode": (serialize.to_json, apps),
        "floor_decode": (floor_from_json, texts),
        "ours_decode": (lambda text: serialize.from_json(Application, text), texts),
    }
    starts = range(0, count, chunk)
    best = {name: [float("inf")] * len(starts) for name in sides}
    for _ in range(runs):
        for number, start in enumerate(starts):
            for name, (fn, items) in sides.items():
                seconds = run_once(fn, items[start : start + chunk])
                best[name][number] = min(best[name][number], seconds)
    return JsonResult(
        count=count,
        runs=runs,
        events=sum(len(app.events) for app in apps) / count,
        size=sum(len(text.encode()) for text in texts) / count,
        **{name: sum(times) for name, times in best.items()},
    )


def report(result: JsonResult) -> None:
    """Print *result* as a small table."""
    count = result.count
    print(
        f"applications: {count:,}, {result.events:.1f} events and "
        f"{result.size:,.0f} bytes of JSON each (best of {result.runs} runs "
        "per chunk, no result kept)"
    )
    print(f"{'':>14}  {'round trip':>21}   {'to_json':>10} {'from_json':>10}")
    for label, total, encode, decode in (
        ("hand-written", result.floor, result.floor_encode, result.floor_decode),
        ("serialize", result.ours, result.ours_encode, result.ours_decode),
    ):
        print(
            f"{label:>14}: {total:7.3f} s {total / count * 1e6:7.1f} µs each "
            f"{encode / count * 1e6:7.1f} µs {decode / count * 1e6:7.1f} µs"
        )
    print(
        f"{'ratio':>14}: {result.ratio:7.2f}x round trip "
        f"(goal: at most {GOAL:g}x); to_json "
        f"{result.ours_encode / result.floor_encode:.2f}x, from_json "
        f"{result.ours_decode / result.floor_decode:.2f}x"
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    report(measure(count))


if __name__ == "__main__":
    main()
