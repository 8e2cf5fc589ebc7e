"""How fast is plan() against a hand-written floor, measured in the same run?

The floor computes, with nothing but stdlib datetimes and cached zoneinfo
zones, the part of a plan that every application needs: each interviewer's
thank-you window and send time, and the first two check-ins, as local
datetimes. plan() does that and more (the reflection, the move-on date,
ordering, retired actions, the status, the calendar each action used) and
returns pendulum values.

Two cases. Without holidays: plan() with one calendar for everyone, Saturday
and Sunday off and no holidays (``FollowUpPolicy(calendar=BusinessCalendar())``),
against the floor counting weekdays. With holidays: plan() as it plans by
default, each recipient's days counted with their zone's country's weekend
and public holidays, against the floor given the same holidays and weekends
(read from the holidays package and Babel before any timing, as sets it
looks days up in).

An action makes its pendulum values when they are first read, so plan() alone
leaves part of the work to whoever reads the plan. Three things are timed:

- ``floor``: the floor;
- ``plan()``: plan() alone;
- ``plan()+read``: plan(), then reading off it the very figures the floor
  computes (``ours()``). The goal is judged on this one: at most twice the
  floor.

Each runs as ``for app, now in cases: fn(app, now)``, keeping no result alive, so that
neither side pays the garbage collector for holding its answers. The six
(three per case) take turns, three times over, and each one's best run
counts: on a shared, noisy machine, taking turns lets all of them see the
same load.

The applications are generated from a fixed seed in seven zones, one of them
(Asia/Kolkata) in a country whose weekend is Sunday alone. Before timing, the
floor's answers are checked against plan()'s for the first 2,000, in each
case, so the two compute the same thing.

Run: ``python bench/bench_plan.py [COUNT]`` (100,000 applications by default).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sys
import time
import zoneinfo
from collections.abc import Callable

import babel
import holidays

from postinterview import (
    ActionKind,
    Application,
    BusinessCalendar,
    FollowUpPolicy,
    Interview,
    Person,
    plan,
)

ZONES = (
    "Europe/London",
    "America/New_York",
    "Asia/Kolkata",
    "Australia/Sydney",
    "America/Sao_Paulo",
    "Europe/Berlin",
    "Pacific/Auckland",
)
# Each zone's country, as the tz database's zone.tab gives it.
COUNTRIES = {
    "Europe/London": "GB",
    "America/New_York": "US",
    "Asia/Kolkata": "IN",
    "Australia/Sydney": "AU",
    "America/Sao_Paulo": "BR",
    "Europe/Berlin": "DE",
    "Pacific/Auckland": "NZ",
}
UTC = dt.UTC
GOAL = 2.0  # plan()+read against the floor
OPENS, CLOSES = dt.time(9), dt.time(17)
#: One calendar for everyone, with no holidays: the case without them.
NO_HOLIDAYS = FollowUpPolicy(calendar=BusinessCalendar())
# The years the applications' follow-ups fall in.
YEARS = range(2025, 2030)

#: What a floor counts business days with: the weekend's weekday numbers
#: (Monday 0) and the holidays, as sets.
Days = tuple[frozenset[int], frozenset[dt.date]]
_PLAIN: Days = (frozenset({5, 6}), frozenset())


def _weekend(country: str) -> frozenset[int]:
    """The country's weekend in CLDR, read through Babel as the library does."""
    locale = babel.Locale.parse(f"und_{country}")
    days = [locale.weekend_start]
    while days[-1] != locale.weekend_end:
        days.append((days[-1] + 1) % 7)
    return frozenset(days)


def local_days() -> dict[str, Days]:
    """Each zone's weekend and public holidays, read before any timing."""
    found = {}
    for zone, country in COUNTRIES.items():
        known = holidays.country_holidays(country, years=YEARS)
        found[zone] = (_weekend(country), frozenset(known))
    return found


def applications(count: int, seed: int = 20261121) -> list[Application]:
    """Return *count* one-round applications with 1-3 interviewers each."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 1, 1, tzinfo=UTC)
    made = []
    for index in range(count):
        home = rng.choice(ZONES)
        zone = zoneinfo.ZoneInfo(home)
        ends_utc = start + dt.timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
        ends = ends_utc.astimezone(zone)
        people = tuple(
            Person(
                name=f"Interviewer {index}-{n}",
                email=f"i{index}.{n}@example.org",
                timezone=rng.choice(ZONES),
            )
            for n in range(rng.randint(1, 3))
        )
        decision = None
        if rng.random() < 0.5:
            decision = (ends + dt.timedelta(days=rng.randint(1, 20))).date()
        made.append(
            Application.from_interview(
                Interview(
                    organisation="Example Ltd",
                    role="Analyst",
                    starts_at=(ends_utc - dt.timedelta(hours=1)).astimezone(zone),
                    ends_at=ends,
                    interviewers=people,
                    decision_expected_by=decision,
                )
            )
        )
    return made


# -- the floor: stdlib only --------------------------------------------------

_ZONES: dict[str, zoneinfo.ZoneInfo] = {}


def _zone(name: str) -> zoneinfo.ZoneInfo:
    zone = _ZONES.get(name)
    if zone is None:
        zone = _ZONES[name] = zoneinfo.ZoneInfo(name)
    return zone


def _is_business(day: dt.date, days: Days) -> bool:
    return day.weekday() not in days[0] and day not in days[1]


def _add_business_days(day: dt.date, n: int, days: Days) -> dt.date:
    while n:
        day += dt.timedelta(days=1)
        if _is_business(day, days):
            n -= 1
    return day


def _at(day: dt.date, clock: dt.time, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, clock, zone).astimezone(UTC)


def _first_open(utc: dt.datetime, zone: zoneinfo.ZoneInfo, days: Days) -> dt.datetime:
    local = utc.astimezone(zone)
    day = local.date()
    business = _is_business(day, days)
    if business and OPENS <= local.time() < CLOSES:
        return utc
    if not business or local.time() >= CLOSES:
        day = _add_business_days(day, 1, days)
    return _at(day, OPENS, zone)


def floor(
    application: Application,
    now: dt.datetime | None = None,
    calendars: dict[str, Days] | None = None,
) -> list[tuple[dt.datetime, ...]]:
    """Thank-you windows with send times, then two check-ins, as local datetimes.

    They do not depend on *now*, which is taken so that the floor is called
    as plan() is. Business days are counted with *calendars*, each zone's
    weekend and holidays; without them, with Saturday and Sunday off and no
    holidays.
    """
    interview = application.interviews[0]
    end = dt.datetime.fromtimestamp(interview.ends_at.timestamp(), UTC)
    results = []
    for person in interview.interviewers:
        name = person.timezone or interview.timezone
        days = _PLAIN if calendars is None else calendars[name]
        zone = _zone(name)
        opens = end + dt.timedelta(hours=1)
        due = end + dt.timedelta(hours=24)
        closes = end + dt.timedelta(hours=48)
        send = _first_open(opens, zone, days)
        if send > closes:
            send = opens
        results.append(tuple(t.astimezone(zone) for t in (opens, due, closes, send)))
    first = interview.interviewers[0]
    name = first.timezone or interview.timezone
    days = _PLAIN if calendars is None else calendars[name]
    zone = _zone(name)
    decision = interview.decision_expected_by
    if decision is None:
        day = _add_business_days(end.astimezone(zone).date(), 7, days)
    else:  # a pendulum.Date: its arithmetic is slow, so take a stdlib date
        day = _add_business_days(
            dt.date(decision.year, decision.month, decision.day), 2, days
        )
    for _ in range(2):
        results.append((_at(day, OPENS, zone).astimezone(zone),))
        day = _add_business_days(day, 5, days)
    return results


#: Each zone's weekend and holidays, for the floor with holidays.
LOCAL_DAYS = local_days()


def floor_with_holidays(
    application: Application, now: dt.datetime | None = None
) -> list[tuple[dt.datetime, ...]]:
    """The floor, counting each zone's weekend and public holidays."""
    return floor(application, now, LOCAL_DAYS)


def ours(
    application: Application,
    now: dt.datetime,
    policy: FollowUpPolicy | None = None,
) -> list[tuple[dt.datetime, ...]]:
    """The same figures, read off plan() (by default, with holidays)."""
    result = plan(application, policy=policy, now=now)
    thanks = [
        (a.opens_at, a.due_at, a.closes_at, a.send_at)
        for a in result
        if a.kind is ActionKind.THANK
    ]
    check_ins = [(a.send_at,) for a in result if a.kind is ActionKind.CHECK_IN]
    # A thank-you's due_at and closes_at are never None.
    return [*thanks, *check_ins]  # type: ignore[list-item]


def _same(a: list[tuple[dt.datetime, ...]], b: list[tuple[dt.datetime, ...]]) -> bool:
    return [[(t.timestamp(), t.utcoffset()) for t in row] for row in a] == [
        [(t.timestamp(), t.utcoffset()) for t in row] for row in b
    ]


Case = tuple[Application, dt.datetime]


def run_once(
    fn: Callable[[Application, dt.datetime], object], cases: list[Case]
) -> float:
    """Return how long one run of *fn* over *cases* takes, in seconds."""
    started = time.perf_counter()
    for app, now in cases:
        fn(app, now)
    return time.perf_counter() - started


@dataclasses.dataclass(frozen=True)
class Timings:
    """Best-of-*runs* seconds over the applications, for each side of one case."""

    floor: float
    plan: float  # plan() alone
    read: float  # plan()+read

    @property
    def ratio(self) -> float:
        """plan()+read against the floor: the ratio the goal is judged on."""
        return self.read / self.floor

    @property
    def met(self) -> bool:
        return self.ratio <= GOAL


@dataclasses.dataclass(frozen=True)
class PlanResult:
    """Both cases' timings over *count* applications."""

    count: int
    runs: int
    actions: float  # owed per application
    plain: Timings  # one calendar for everyone, no holidays
    local: Timings  # each recipient's weekend and public holidays

    # The case without holidays, under the names it has always had.
    @property
    def floor(self) -> float:
        return self.plain.floor

    @property
    def plan(self) -> float:
        return self.plain.plan

    @property
    def read(self) -> float:
        return self.plain.read

    @property
    def ratio(self) -> float:
        return self.plain.ratio

    @property
    def met(self) -> bool:
        return self.plain.met and self.local.met


def _plain_plan(app: Application, now: dt.datetime) -> object:
    return plan(app, policy=NO_HOLIDAYS, now=now)


def _plain_read(app: Application, now: dt.datetime) -> object:
    return ours(app, now, NO_HOLIDAYS)


def _local_plan(app: Application, now: dt.datetime) -> object:
    return plan(app, now=now)


def measure(count: int, runs: int = 3) -> PlanResult:
    """Generate *count* applications, check the floors agree, then time all six."""
    apps = applications(count)
    # Each application is planned a day before its interview, so that every
    # action is owed.
    cases = [(app, app.interviews[0].starts_at.subtract(days=1)) for app in apps]
    for app, now in cases[:2000]:
        if not _same(floor(app), ours(app, now, NO_HOLIDAYS)):
            raise SystemExit(f"the floor and plan() disagree on {app!r}")
        if not _same(floor_with_holidays(app), ours(app, now)):
            raise SystemExit(f"with holidays, the floor and plan() disagree on {app!r}")
    owed = sum(len(plan(app, now=now)) for app, now in cases[:2000])
    actions = owed / min(count, 2000)
    sides: dict[str, Callable[[Application, dt.datetime], object]] = {
        "plain floor": floor,
        "plain plan": _plain_plan,
        "plain read": _plain_read,
        "local floor": floor_with_holidays,
        "local plan": _local_plan,
        "local read": ours,
    }
    timings = dict.fromkeys(sides, float("inf"))
    for _ in range(runs):  # in turn, so that all six see the same load
        for name, fn in sides.items():
            timings[name] = min(timings[name], run_once(fn, cases))
    return PlanResult(
        count=count,
        runs=runs,
        actions=actions,
        plain=Timings(
            timings["plain floor"], timings["plain plan"], timings["plain read"]
        ),
        local=Timings(
            timings["local floor"], timings["local plan"], timings["local read"]
        ),
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    result = measure(count)
    print(
        f"applications: {count:,} in {len(ZONES)} zones, {result.actions:.1f} "
        f"actions owed each (best of {result.runs} runs, no result kept)"
    )
    for title, case in (
        ("without holidays (one calendar, Saturday and Sunday off)", result.plain),
        ("with each recipient's weekend and public holidays", result.local),
    ):
        print(title)
        for name, seconds in (
            ("floor", case.floor),
            ("plan()", case.plan),
            ("plan()+read", case.read),
        ):
            print(f"{name:>12}: {seconds:7.3f} s  {seconds / count * 1e6:7.1f} µs each")
        print(f"{'ratio':>12}: {case.plan / case.floor:7.2f}x  plan() alone")
        print(
            f"{'ratio':>12}: {case.ratio:7.2f}x  plan()+read (goal: at most {GOAL:g}x)"
        )


if __name__ == "__main__":
    main()
