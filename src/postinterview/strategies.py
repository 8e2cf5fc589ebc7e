"""Hypothesis strategies for the library's records (requires hypothesis).

Use them to property-test code that consumes ``postinterview`` values::

    from hypothesis import given
    from postinterview.strategies import interviews

    @given(interviews())
    def test_my_reminders(interview): ...

Installing ``postinterview`` also registers these strategies with Hypothesis,
so ``st.from_type(Interview)`` and ``st.builds(...)`` with record-typed
arguments work without importing this module.

Instants come from every IANA zone and lean towards the moments around DST
changes, where scheduling code breaks. Everything shrinks towards simple
values: UTC, the earliest allowed instant, no optional fields, no people.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Sequence
from decimal import Decimal

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from postinterview import _time
from postinterview.interview import (
    Channel,
    Format,
    Interview,
    Period,
    Person,
    RunBy,
    SalaryRange,
)
from postinterview.notes import (
    Highlight,
    InterviewNotes,
    OwnQuestion,
    QuestionAsked,
    RoleInsight,
)

__all__ = [
    "aware_datetimes",
    "highlights",
    "interview_notes",
    "interviews",
    "own_questions",
    "people",
    "questions_asked",
    "role_insights",
    "salary_ranges",
    "zone_names",
]

_UTC = dt.UTC
DEFAULT_MIN = dt.datetime(2000, 1, 1, tzinfo=_UTC)
DEFAULT_MAX = dt.datetime(2060, 1, 1, tzinfo=_UTC)
_SECOND = dt.timedelta(seconds=1)


@functools.cache
def _all_zone_names() -> tuple[str, ...]:
    valid = []
    for name in sorted(zoneinfo.available_timezones()):
        try:
            _time.zone(name)
        except ValueError:
            continue
        valid.append(name)
    # UTC first, so that failing examples shrink towards the plainest zone.
    valid.sort(key=lambda name: name != "UTC")
    return tuple(valid)


def zone_names() -> st.SearchStrategy[str]:
    """Return a strategy for the IANA zone names this machine knows.

    Requires hypothesis.

    Shrinks towards ``"UTC"``.
    """
    return st.sampled_from(_all_zone_names())


@functools.lru_cache(maxsize=4096)
def _transitions(name: str, year: int) -> tuple[dt.datetime, ...]:
    """Return the UTC instants in *year* at which the zone's offset changes."""
    tz = _time.zone(name)
    start = dt.datetime(year, 1, 1, tzinfo=_UTC)
    week = dt.timedelta(days=7)
    found = []
    before = start
    while before.year == year:
        after = before + week
        if before.astimezone(tz).utcoffset() != after.astimezone(tz).utcoffset():
            low, high = before, after  # the change happens in (low, high]
            while high - low > _SECOND:
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if middle.astimezone(tz).utcoffset() == low.astimezone(tz).utcoffset():
                    low = middle
                else:
                    high = middle
            found.append(high)
        before = after
    return tuple(found)


def _utc(value: dt.datetime, name: str) -> dt.datetime:
    candidate: object = value
    if not isinstance(candidate, dt.datetime) or candidate.utcoffset() is None:
        raise InvalidArgument(f"{name}={value!r} must be an aware datetime")
    return value.astimezone(_UTC)


def aware_datetimes(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[pendulum.DateTime]:
    """Return a strategy for aware instants in IANA zones.

    Requires hypothesis.

    Each value is a :class:`pendulum.DateTime` between *min_value* and
    *max_value* (aware datetimes, inclusive) in a zone drawn from *timezones*
    (default: every zone this machine knows). About half the values fall
    within a few hours of one of the zone's DST changes, including the
    instants just before and after it and the doubled hour of a fall-back.
    Shrinks towards UTC and towards *min_value*.
    """
    low = _utc(min_value, "min_value")
    high = _utc(max_value, "max_value")
    if low > high:
        raise InvalidArgument(
            f"min_value={min_value!r} is after max_value={max_value!r}"
        )
    if timezones is None:
        names: st.SearchStrategy[str] = zone_names()
    else:
        chosen = tuple(timezones)
        if not chosen:
            raise InvalidArgument("timezones must name at least one zone")
        for name in chosen:
            try:
                _time.zone(name)
            except ValueError:
                raise InvalidArgument(f"{name!r} is not an IANA zone name") from None
        names = st.sampled_from(chosen)
    span = int((high - low) / dt.timedelta(microseconds=1))

    @st.composite
    def draw(draw: st.DrawFn) -> pendulum.DateTime:
        name = draw(names)
        utc = low + dt.timedelta(microseconds=draw(st.integers(0, span)))
        if draw(st.booleans()):
            changes = _transitions(name, utc.year)
            if changes:
                change = draw(st.sampled_from(changes))
                near = change + dt.timedelta(
                    seconds=draw(st.integers(-3 * 3600, 3 * 3600)),
                    microseconds=draw(st.sampled_from((0, -1))),
                )
                if low <= near <= high:
                    utc = near
        return _time.from_utc(utc, _time.zone(name))

    return draw()


_LINE_ALPHABET = st.characters(
    categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\x85\xa0"
)


def _lines(max_size: int = 40) -> st.SearchStrategy[str]:
    return (
        st.text(_LINE_ALPHABET, min_size=1, max_size=max_size)
        .map(str.strip)
        .filter(bool)
    )


def _texts(max_size: int = 120) -> st.SearchStrategy[str]:
    alphabet = st.one_of(_LINE_ALPHABET, st.sampled_from("\n\t"))
    return st.text(alphabet, min_size=1, max_size=max_size).map(str.strip).filter(bool)


def _emails() -> st.SearchStrategy[str]:
    local = st.text(
        "abcdefghijklmnopqrstuvwxyz0123456789._+-éøł", min_size=1, max_size=16
    )
    label = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
    tld = st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=6)
    return st.builds(
        lambda user, labels, end: f"{user}@{'.'.join(labels)}.{end}",
        local,
        st.lists(label, min_size=1, max_size=3),
        tld,
    )


def _phones() -> st.SearchStrategy[str]:
    return st.builds(
        lambda country, digits: f"+{country} {digits}",
        st.integers(1, 999),
        st.text("0123456789 ", min_size=6, max_size=14).filter(
            lambda s: sum(c.isdigit() for c in s) >= 3
        ),
    )


def _maybe(
    strategy: st.SearchStrategy[object], flag: bool | None
) -> st.SearchStrategy[object]:
    if flag is None:
        return st.none() | strategy
    return strategy if flag else st.none()


def people(
    *, email: bool | None = None, timezone: bool | None = None
) -> st.SearchStrategy[Person]:
    """Return a strategy for :class:`~postinterview.Person` values.

    Requires hypothesis.

    *email* and *timezone* say whether each person has one: ``True`` always,
    ``False`` never, ``None`` (the default) sometimes. Names and titles use
    letters, marks, digits, punctuation and symbols from all of Unicode.
    Shrinks towards a one-character name and no optional fields.
    """
    return st.builds(
        Person,
        name=_lines(),
        email=_maybe(_emails(), email),
        phone=st.none() | _phones(),
        title=st.none() | _lines(),
        timezone=_maybe(zone_names(), timezone),
    )


def salary_ranges() -> st.SearchStrategy[SalaryRange]:
    """Return a strategy for :class:`~postinterview.SalaryRange` values.

    Requires hypothesis.

    Amounts are non-negative with two decimal places. Shrinks towards a zero
    range.
    """
    cents = st.integers(0, 50_000_000)
    return st.builds(
        lambda a, b, currency, period: SalaryRange(
            low=Decimal(min(a, b)).scaleb(-2),
            high=Decimal(max(a, b)).scaleb(-2),
            currency=currency,
            period=period,
        ),
        cents,
        cents,
        st.sampled_from(("GBP", "USD", "EUR", "JPY", "INR", "AUD")),
        st.sampled_from(Period),
    )


def interviews(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
    min_interviewers: int = 0,
    max_interviewers: int = 4,
    run_by: RunBy | None = None,
) -> st.SearchStrategy[Interview]:
    """Return a strategy for valid :class:`~postinterview.Interview` values.

    Requires hypothesis.

    The interview starts between *min_value* and *max_value* in a zone from
    *timezones* (see :func:`aware_datetimes`), lasts from ten minutes to a
    working day, and has between *min_interviewers* and *max_interviewers*
    distinct interviewers. *run_by* fixes who ran it; by default either.
    Decision dates, when present, are dates or instants on or after the
    end. Shrinks towards a short interview in UTC with nobody named.
    """
    if not 0 <= min_interviewers <= max_interviewers:
        raise InvalidArgument(
            f"need 0 <= min_interviewers={min_interviewers} <= "
            f"max_interviewers={max_interviewers}"
        )
    starts = aware_datetimes(
        min_value=min_value, max_value=max_value, timezones=timezones
    )
    people_strategy: st.SearchStrategy[Person] = people()
    owners = st.sampled_from(RunBy) if run_by is None else st.just(run_by)

    @st.composite
    def draw(draw: st.DrawFn) -> Interview:
        starts_at = draw(starts)
        length = dt.timedelta(minutes=draw(st.integers(10, 8 * 60)))
        tz = _time.zone(_time.zone_name(starts_at))
        ends_at = _time.from_utc(starts_at.astimezone(_UTC) + length, tz)
        owner = draw(owners)
        end_date = ends_at.date()
        decision = draw(
            st.none()
            | st.integers(0, 60).map(lambda d: end_date.add(days=d))
            | st.integers(0, 60 * 24 * 60).map(lambda m: ends_at.add(minutes=m))
        )
        return Interview(
            organisation=draw(_lines()),
            role=draw(_lines()),
            starts_at=starts_at,
            ends_at=ends_at,
            interviewers=draw(
                st.lists(
                    people_strategy,
                    min_size=min_interviewers,
                    max_size=max_interviewers,
                    unique_by=repr,  # equal people have equal reprs
                )
            ),
            format=draw(st.sampled_from(Format)),
            location=draw(st.none() | _lines()),
            run_by=owner,
            agency_contact=draw(people()) if owner is RunBy.AGENCY else None,
            round=draw(st.integers(1, 6)),
            next_stage=draw(st.none() | _lines()),
            decision_expected_by=decision,
            closing_date=draw(
                st.none() | st.integers(-30, 30).map(lambda d: end_date.add(days=d))
            ),
            preferred_channel=draw(st.sampled_from(Channel)),
            advertised_salary=draw(st.none() | salary_ranges()),
            references_may_be_contacted=draw(st.booleans()),
        )

    return draw()


def questions_asked() -> st.SearchStrategy[QuestionAsked]:
    """Return a strategy for :class:`~postinterview.QuestionAsked` values.

    Requires hypothesis.
    """
    return st.builds(
        QuestionAsked,
        text=_texts(),
        asked_by=st.none() | people(),
        answer_notes=st.none() | _texts(),
        answered_well=st.none() | st.booleans(),
    )


def role_insights() -> st.SearchStrategy[RoleInsight]:
    """Return a strategy for :class:`~postinterview.RoleInsight` values.

    Requires hypothesis.
    """
    return st.builds(
        RoleInsight,
        by=people(),
        key_aspects=st.lists(_texts(), max_size=3),
        skills_sought=st.lists(_texts(), max_size=3),
    )


def own_questions() -> st.SearchStrategy[OwnQuestion]:
    """Return a strategy for :class:`~postinterview.OwnQuestion` values.

    Requires hypothesis.
    """
    return st.builds(OwnQuestion, text=_texts(), helped=st.none() | st.booleans())


def highlights() -> st.SearchStrategy[Highlight]:
    """Return a strategy for :class:`~postinterview.Highlight` values.

    Requires hypothesis.
    """
    return st.builds(Highlight, interviewer=people(), point=_texts())


def interview_notes(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[InterviewNotes]:
    """Return a strategy for :class:`~postinterview.InterviewNotes` values.

    Requires hypothesis.

    *written_at* is drawn as :func:`aware_datetimes` draws it. Shrinks towards
    empty notes.
    """
    return st.builds(
        InterviewNotes,
        written_at=aware_datetimes(
            min_value=min_value, max_value=max_value, timezones=timezones
        ),
        questions=st.lists(questions_asked(), max_size=3),
        role_insights=st.lists(role_insights(), max_size=3),
        own_questions=st.lists(own_questions(), max_size=3),
        forgot_to_mention=st.lists(_texts(), max_size=3),
        preparation_gaps=st.lists(_texts(), max_size=3),
        money_discussed=st.none() | _texts(),
        highlights=st.lists(highlights(), max_size=3),
    )
