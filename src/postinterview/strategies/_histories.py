"""Every strategy, until they move into one module per record family."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TypeVar

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from postinterview import _time
from postinterview.feedback import Feedback
from postinterview.followup import FollowUpPolicy
from postinterview.interview import (
    Channel,
    Format,
    Interview,
    Period,
    Person,
    RunBy,
    SalaryRange,
)
from postinterview.learning import ClosedGap, LearningLog, LogEntry
from postinterview.notes import (
    Highlight,
    InterviewNotes,
    OwnQuestion,
    QuestionAsked,
    RoleInsight,
)
from postinterview.reflection import (
    Comparison,
    Criterion,
    FitAssessment,
    Rating,
    Reservation,
    Scorecard,
    Want,
)
from postinterview.timeline import (
    Application,
    CheckInSent,
    Event,
    FeedbackDeclined,
    FeedbackReceived,
    FeedbackRequested,
    LostInterest,
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
from postinterview.workdays import BusinessCalendar

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
    # A plain stdlib value: pendulum's intervals cannot be divided by a
    # timedelta, and pendulum bounds are common.
    return _as_utc(value)


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
    return _aware_datetimes(low, high, names)


# Strategies defined once at module level and given their arguments when
# called: st.composite is slow to apply, and some strategies here are made
# once per draw.
@st.composite
def _aware_datetimes(
    draw: st.DrawFn,
    low: dt.datetime,
    high: dt.datetime,
    names: st.SearchStrategy[str],
) -> pendulum.DateTime:
    name = draw(names)
    span = int((high - low) / dt.timedelta(microseconds=1))
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


_LINE_ALPHABET = st.characters(
    categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\x85\xa0"
)


@functools.cache
def _lines(max_size: int = 40) -> st.SearchStrategy[str]:
    return (
        st.text(_LINE_ALPHABET, min_size=1, max_size=max_size)
        .map(str.strip)
        .filter(bool)
    )


@functools.cache
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
    panels = _panels(min_interviewers, max_interviewers)
    owners = st.sampled_from(RunBy) if run_by is None else st.just(run_by)

    @st.composite
    def draw(draw: st.DrawFn) -> Interview:
        return _interview_from(draw, draw(starts), panels=panels, owners=owners)

    return draw()


@functools.cache
def _panels(least: int, most: int) -> st.SearchStrategy[list[Person]]:
    return st.lists(
        _PERSON,
        min_size=least,
        max_size=most,
        unique_by=repr,  # equal people have equal reprs
    )


# The parts of an interview other than its instants, built once: building
# strategies inside a draw is slow.
_LENGTHS = st.integers(10, 8 * 60)
_DECISIONS = (
    st.none()
    | st.tuples(st.just("days"), st.integers(0, 60))
    | st.tuples(st.just("minutes"), st.integers(0, 60 * 24 * 60))
)
_CLOSING_DAYS = st.none() | st.integers(-30, 30)
_MAYBE_LINE = st.none() | _lines()
_MAYBE_SALARY = st.none() | salary_ranges()
_PERSON = people()
_ROUNDS = st.integers(1, 6)


def _interview_from(
    draw: st.DrawFn,
    starts_at: pendulum.DateTime,
    *,
    panels: st.SearchStrategy[list[Person]],
    owners: st.SearchStrategy[RunBy],
) -> Interview:
    """Draw the rest of an interview that starts at *starts_at*."""
    length = dt.timedelta(minutes=draw(_LENGTHS))
    tz = _time.zone(_time.zone_name(starts_at))
    ends_at = _time.from_utc(_as_utc(starts_at) + length, tz)
    owner = draw(owners)
    end_date = ends_at.date()
    decision: pendulum.Date | pendulum.DateTime | None = None
    stated = draw(_DECISIONS)
    if stated is not None:
        unit, count = stated
        if unit == "days":
            decision = end_date.add(days=count)
        else:
            decision = ends_at.add(minutes=count)
    closing = draw(_CLOSING_DAYS)
    return Interview(
        organisation=draw(_lines()),
        role=draw(_lines()),
        starts_at=starts_at,
        ends_at=ends_at,
        interviewers=draw(panels),
        format=draw(st.sampled_from(Format)),
        location=draw(_MAYBE_LINE),
        run_by=owner,
        agency_contact=draw(_PERSON) if owner is RunBy.AGENCY else None,
        round=draw(_ROUNDS),
        next_stage=draw(_MAYBE_LINE),
        decision_expected_by=decision,
        closing_date=None if closing is None else end_date.add(days=closing),
        preferred_channel=draw(st.sampled_from(Channel)),
        advertised_salary=draw(_MAYBE_SALARY),
        references_may_be_contacted=draw(st.booleans()),
    )


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


# -- reflection and feedback ---------------------------------------------------


def ratings() -> st.SearchStrategy[Rating]:
    """Return a strategy for :class:`~postinterview.reflection.Rating` values.

    Requires hypothesis. Shrinks towards a score of 1 with no note.
    """
    return st.builds(
        Rating,
        criterion=st.sampled_from(Criterion),
        score=st.integers(1, 5),
        note=st.none() | _texts(),
    )


def reservations() -> st.SearchStrategy[Reservation]:
    """Return a strategy for :class:`~postinterview.reflection.Reservation` values.

    Requires hypothesis. Shrinks towards a doubt with no resolution.
    """
    return st.builds(Reservation, concern=_texts(), resolution=st.none() | _texts())


def fit_assessments() -> st.SearchStrategy[FitAssessment]:
    """Return a strategy for :class:`~postinterview.reflection.FitAssessment`.

    Requires hypothesis. Shrinks towards an assessment with nothing answered.
    """
    comparisons = st.none() | st.sampled_from(Comparison)
    return st.builds(
        FitAssessment,
        rapport_with_interviewer=st.none() | st.integers(1, 5),
        could_work_with_them=st.none() | st.booleans(),
        likes_role=st.lists(_texts(), max_size=3),
        likes_organisation=st.lists(_texts(), max_size=3),
        reservations=st.lists(reservations(), max_size=3),
        money_discussed=st.none() | _texts(),
        versus_current_job=comparisons,
        versus_other_opportunities=comparisons,
        want_the_job=st.sampled_from(Want),
    )


def scorecards(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[Scorecard]:
    """Return a strategy for :class:`~postinterview.reflection.Scorecard` values.

    Requires hypothesis.

    *written_at* is drawn as :func:`aware_datetimes` draws it; each criterion
    is rated at most once. Shrinks towards an overall 1, nothing noted and
    nothing rated.
    """
    return st.builds(
        Scorecard,
        written_at=aware_datetimes(
            min_value=min_value, max_value=max_value, timezones=timezones
        ),
        overall=st.integers(1, 10),
        went_well=st.lists(_texts(), max_size=3),
        to_improve=st.lists(_texts(), max_size=3),
        ratings=st.lists(
            ratings(), max_size=len(Criterion), unique_by=lambda r: r.criterion
        ),
        fit=st.none() | fit_assessments(),
    )


def feedback(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[Feedback]:
    """Return a strategy for :class:`~postinterview.feedback.Feedback` values.

    Requires hypothesis.

    *received_at* is drawn as :func:`aware_datetimes` draws it. Shrinks
    towards feedback by email from nobody in particular, saying nothing.
    """
    return st.builds(
        Feedback,
        received_at=aware_datetimes(
            min_value=min_value, max_value=max_value, timezones=timezones
        ),
        source=st.none() | people(),
        channel=st.sampled_from(Channel),
        strengths=st.lists(_texts(), max_size=3),
        weaknesses=st.lists(_texts(), max_size=3),
        suggestions=st.lists(_texts(), max_size=3),
        notes=st.none() | _texts(),
        permission_to_take_notes=st.none() | st.booleans(),
    )


# -- the learning log ------------------------------------------------------------

# Zones the log's own tests draw from by default.
_LOG_ZONES = ("UTC", "Europe/London", "America/New_York", "Asia/Kolkata")

#: Phrasings that group in several ways: the same question in other words,
#: questions one word apart, and different questions that share words.
_QUESTION_POOL = (
    "Tell me about yourself.",
    "Could you tell me a bit about yourself?",
    "What's your greatest weakness?",
    "What is your greatest strength?",
    "Tell me about a time you led a team.",
    "Give an example of when you led a new team",
    "Tell me about a new team",
    "Tell me about a failure",
    "Tell me about a success",
    "Why should we hire you?",
    "Why should we not hire you?",
    "How do you prioritise competing deadlines?",
    "How do you prioritise deadlines?",
    "Where do you see yourself in five years' time?",
    "What do you do?",
)
_GAP_POOL = (
    "SQL window functions",
    "window functions",
    "advanced SQL window functions",
    "their competitors",
    "their main competitors",
    "the regulator's new rules",
)
_THEME_POOL = (
    "Answers lacked specific examples",
    "Use more specific examples",
    "Research our products",
    "Did not research our products",
    "Close with the next steps",
)
_SEPARATORS = (" ", "  ", "\t", ", ", " - ", "; ", "... ", "/", " (", ") ")
_ENDS = ("", "?", ".", "!", " ?!", "...", ")", '"', "  ")
_CASES: tuple[Callable[[str], str], ...] = (str, str.lower, str.upper, str.title)


def _variants(text: str) -> st.SearchStrategy[str]:
    """Return a strategy for *text* written with other case, spacing and punctuation.

    Requires hypothesis.

    Words keep their letters and order; each word's case changes, the spaces
    between words become other whitespace or punctuation, and punctuation is
    added at either end. Apostrophes inside words stay. Shrinks towards
    *text* with single spaces and no punctuation added.
    """
    words = text.split()

    @st.composite
    def draw(draw: st.DrawFn) -> str:
        cased: list[str] = [draw(st.sampled_from(_CASES))(word) for word in words]
        joined = cased[0]
        for word in cased[1:]:
            joined += draw(st.sampled_from(_SEPARATORS)) + word
        return draw(st.sampled_from(_ENDS)) + joined + draw(st.sampled_from(_ENDS))

    return draw()


def _written(pool: Sequence[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(pool).flatmap(_variants)


# Built once: building strategies inside a draw is slow.
_LOG_SCORES = st.integers(1, 5)
_LOG_QUESTIONS = st.lists(
    st.builds(
        QuestionAsked,
        text=_written(_QUESTION_POOL),
        answered_well=st.none() | st.booleans(),
    ),
    max_size=4,
)
_GAPS_NOTED = st.lists(_written(_GAP_POOL), max_size=2)
_THEMES_SAID = st.lists(_written(_THEME_POOL), max_size=2)


def log_entries(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[LogEntry]:
    """Return a strategy for valid :class:`LogEntry` values.

    Requires hypothesis.

    The application has 1 to 3 rounds, the first starting between
    *min_value* and *max_value* in a zone from *timezones* (DST changes
    included, as :func:`postinterview.strategies.aware_datetimes` draws
    them). Each round may have a scorecard and notes, written up to a day
    after it ended and before the next round ended; questions, gaps and
    feedback come from small pools of wordings, each varied in case, spacing
    and punctuation, so that they group and recur. Shrinks towards one round
    with nothing written.
    """
    starts = aware_datetimes(
        min_value=min_value, max_value=max_value, timezones=timezones
    )

    @st.composite
    def draw(draw: st.DrawFn) -> LogEntry:
        begins = draw(starts)
        tz = _time.zone(_time.zone_name(begins))
        utc = _time.naive_utc(begins)
        rounds = []
        for number in range(draw(st.integers(1, 3))):
            ends = utc + dt.timedelta(minutes=draw(st.integers(10, 120)))
            rounds.append(
                Interview(
                    organisation=draw(st.sampled_from(("Acme Ltd", "Beta plc"))),
                    role="Analyst",
                    starts_at=_time.from_naive_utc(utc, tz),
                    ends_at=_time.from_naive_utc(ends, tz),
                    round=number + 1,
                )
            )
            utc = ends + dt.timedelta(hours=draw(st.integers(0, 24 * 30)))
        cards: list[Scorecard] = []
        written: list[InterviewNotes] = []
        for number, held in enumerate(rounds):
            # Written within a day, and before the next round ends: a
            # reflection belongs to the round that ended last before it.
            limit = 24 * 60
            if number + 1 < len(rounds):
                # In UTC: pendulum's diff counts some spans across a DST
                # change by the wall clock.
                gap = _time.naive_utc(rounds[number + 1].ends_at) - _time.naive_utc(
                    held.ends_at
                )
                limit = min(limit, int(gap.total_seconds() // 60) - 1)
            at = held.ends_at.add(minutes=draw(st.integers(0, limit)))
            if draw(st.booleans()):
                ratings = [
                    Rating(criterion=c, score=draw(_LOG_SCORES))
                    for c in Criterion
                    if draw(st.booleans())
                ]
                cards.append(Scorecard(written_at=at, overall=5, ratings=ratings))
            if draw(st.booleans()):
                asked = draw(_LOG_QUESTIONS)
                gaps = draw(_GAPS_NOTED)
                written.append(
                    InterviewNotes(
                        written_at=at, questions=asked, preparation_gaps=gaps
                    )
                )
        feedback = []
        if draw(st.booleans()):
            feedback.append(
                Feedback(
                    received_at=rounds[-1].ends_at.add(
                        hours=draw(st.integers(0, 24 * 20))
                    ),
                    weaknesses=draw(_THEMES_SAID),
                    suggestions=draw(_THEMES_SAID),
                )
            )
        return LogEntry(
            application=Application(interviews=rounds),
            scorecards=cards,
            notes=written,
            feedback=feedback,
        )

    return draw()


def closed_gaps() -> st.SearchStrategy[ClosedGap]:
    """Return a strategy for :class:`ClosedGap` values from the gap pool.

    Requires hypothesis.

    Shrinks towards the first gap of the pool, closed at the earliest instant.
    """
    return st.builds(
        ClosedGap,
        gap=_written(_GAP_POOL),
        closed_at=aware_datetimes(),
    )


def learning_logs(*, max_entries: int = 6) -> st.SearchStrategy[LearningLog]:
    """Return a strategy for :class:`LearningLog` values.

    Requires hypothesis.

    Up to *max_entries* entries drawn by :func:`log_entries` and up to two
    closed gaps. Shrinks towards the empty log.
    """
    return st.builds(
        LearningLog,
        entries=st.lists(log_entries(), max_size=max_entries),
        closed_gaps=st.lists(closed_gaps(), max_size=2),
    )


# -- calendars and policies ------------------------------------------------------

DEFAULT_MIN_DATE = DEFAULT_MIN.date()
DEFAULT_MAX_DATE = DEFAULT_MAX.date()
_MINUTES_IN_A_DAY = 24 * 60
_WEEKENDS: tuple[frozenset[pendulum.WeekDay], ...] = (
    frozenset({pendulum.WeekDay.SATURDAY, pendulum.WeekDay.SUNDAY}),
    frozenset({pendulum.WeekDay.FRIDAY, pendulum.WeekDay.SATURDAY}),
    frozenset({pendulum.WeekDay.SUNDAY}),
    frozenset({pendulum.WeekDay.FRIDAY}),
    frozenset({pendulum.WeekDay.THURSDAY, pendulum.WeekDay.FRIDAY}),
    frozenset(),
)
# Opening and closing times as minutes after midnight; _MINUTES_IN_A_DAY
# stands for the last instant of the day. Besides office hours: times in the
# hours that clocks skip or repeat somewhere (00:00 to 03:00), and days that
# open very early or close very late.
_OPENS = (9 * 60, 8 * 60, 0, 30, 60, 90, 120, 150, 180, 6 * 60, 22 * 60, 23 * 60 + 30)
_CLOSES = (17 * 60, 18 * 60, 45, 90, 150, 180, 200, 12 * 60, 23 * 60 + 59)


def _clock(minutes: int) -> dt.time:
    if minutes >= _MINUTES_IN_A_DAY:
        return dt.time.max
    return dt.time(minutes // 60, minutes % 60)


def _date_bound(value: dt.date, name: str) -> dt.date:
    candidate: object = value
    if isinstance(candidate, dt.datetime) or not isinstance(candidate, dt.date):
        raise InvalidArgument(f"{name}={value!r} must be a date")
    return dt.date(candidate.year, candidate.month, candidate.day)


def calendars(
    *,
    min_value: dt.date = DEFAULT_MIN_DATE,
    max_value: dt.date = DEFAULT_MAX_DATE,
) -> st.SearchStrategy[BusinessCalendar]:
    """Return a strategy for :class:`~postinterview.BusinessCalendar` values.

    Requires hypothesis.

    Weekends include Saturday-Sunday, Friday-Saturday, one day, none, and any
    set of up to six days. Opening hours include office hours, days that
    open or close very early or very late, and times such as 02:30 that a DST
    change skips or repeats in some zones. Holidays are a frozenset of up to
    four runs of 1 to 14 consecutive dates between *min_value* and
    *max_value* (dates, inclusive); narrow the range to where your instants
    are, so that holidays matter. Shrinks towards the default calendar:
    Saturday and Sunday off, 09:00 to 17:00, no holidays.
    """
    low = _date_bound(min_value, "min_value")
    high = _date_bound(max_value, "max_value")
    if low > high:
        raise InvalidArgument(
            f"min_value={min_value!r} is after max_value={max_value!r}"
        )
    span = (high - low).days
    weekends = st.sampled_from(_WEEKENDS) | st.frozensets(
        st.sampled_from(pendulum.WeekDay), max_size=6
    )
    runs = st.lists(st.tuples(st.integers(0, span), st.integers(1, 14)), max_size=4)

    @st.composite
    def draw(draw: st.DrawFn) -> BusinessCalendar:
        weekend = draw(weekends)
        opens = draw(st.sampled_from(_OPENS) | st.integers(0, _MINUTES_IN_A_DAY - 1))
        later = st.integers(opens + 1, _MINUTES_IN_A_DAY)
        closes_after = [minutes for minutes in _CLOSES if minutes > opens]
        if closes_after:
            later = st.sampled_from(closes_after) | later
        closes = draw(later)
        holidays = frozenset(
            low + dt.timedelta(days=start + day)
            for start, length in draw(runs)
            for day in range(min(length, span - start + 1))
        )
        return BusinessCalendar(
            weekend=weekend,
            opens=_clock(opens),
            closes=_clock(closes),
            holidays=holidays,
        )

    return draw()


_DEFAULT_POLICY = FollowUpPolicy()


def _policy_durations(
    default: dt.timedelta, most: dt.timedelta
) -> st.SearchStrategy[dt.timedelta]:
    return st.just(default) | st.timedeltas(min_value=dt.timedelta(0), max_value=most)


def _policy_counts(default: int, least: int, most: int) -> st.SearchStrategy[int]:
    return st.just(default) | st.integers(least, most)


def policies(
    *, calendar: BusinessCalendar | None = None
) -> st.SearchStrategy[FollowUpPolicy]:
    """Return a strategy for valid :class:`~postinterview.FollowUpPolicy` values.

    Requires hypothesis.

    Every field is either its default or drawn: durations from zero to a few
    days (in order where the policy needs them in order, and zero included),
    counts of business days from 0 to 15 (from 1 for the check-in after a
    stated decision date and the spacing between check-ins), at most 0
    to 4 check-ins. The calendar is *calendar* when given, else drawn by
    :func:`calendars`. Shrinks towards the default policy field by field.
    """
    candidate: object = calendar
    if candidate is not None and not isinstance(candidate, BusinessCalendar):
        raise InvalidArgument(f"calendar={calendar!r} must be a BusinessCalendar")
    calendar_strategy = calendars() if calendar is None else st.just(calendar)
    days = dt.timedelta(days=1)
    default = _DEFAULT_POLICY
    business_days = (
        "references_within",
        "check_in_without_date",
        "feedback_request_within",
        "rejection_reply_within",
        "feedback_thanks_within",
        "withdraw_within",
        "offer_thanks_within",
        "offer_review_within",
    )

    @st.composite
    def draw(draw: st.DrawFn) -> FollowUpPolicy:
        notes = sorted(
            (
                draw(_policy_durations(default.notes_due, 2 * days)),
                draw(_policy_durations(default.notes_late, 3 * days)),
            )
        )
        thanks = sorted(
            (
                draw(_policy_durations(default.thank_you_earliest, 2 * days)),
                draw(_policy_durations(default.thank_you_due, 4 * days)),
                draw(_policy_durations(default.thank_you_latest, 6 * days)),
            )
        )
        words = sorted(
            (
                draw(_policy_counts(default.thank_you_min_words, 0, 400)),
                draw(_policy_counts(default.thank_you_max_words, 0, 800)),
            )
        )
        counts = {
            name: draw(_policy_counts(getattr(default, name), 0, 15))
            for name in business_days
        }
        return FollowUpPolicy(
            notes_due=notes[0],
            notes_late=notes[1],
            thank_you_earliest=thanks[0],
            thank_you_due=thanks[1],
            thank_you_latest=thanks[2],
            check_in_after_decision=draw(
                _policy_counts(default.check_in_after_decision, 1, 15)
            ),
            check_in_spacing=draw(_policy_counts(default.check_in_spacing, 1, 15)),
            check_ins_at_most=draw(_policy_counts(default.check_ins_at_most, 0, 4)),
            thank_you_min_words=words[0],
            thank_you_max_words=words[1],
            calendar=draw(calendar_strategy),
            **counts,
        )

    return draw()


# -- events and legal histories ------------------------------------------------------


def _zone_names_of(timezones: Sequence[str] | None) -> tuple[str, ...] | None:
    """Check a *timezones* argument; return it as a tuple, or None for any zone."""
    if timezones is None:
        return None
    chosen = tuple(timezones)
    if not chosen:
        raise InvalidArgument("timezones must name at least one zone")
    for name in chosen:
        try:
            _time.zone(name)
        except ValueError:
            raise InvalidArgument(f"{name!r} is not an IANA zone name") from None
    return chosen


T = TypeVar("T")


def _pick(draw: st.DrawFn, choices: Sequence[T]) -> T:
    """Draw one of *choices* (not empty); shrinks towards the first."""
    return choices[draw(st.integers(0, len(choices) - 1))]


def _zone(draw: st.DrawFn, home: str, timezones: tuple[str, ...] | None) -> str:
    """Draw *home* or a zone from *timezones* (any zone when None)."""
    if not draw(st.booleans()):
        return home
    return _pick(draw, timezones or _all_zone_names())


def _someone(draw: st.DrawFn, known: Sequence[Person]) -> Person | None:
    """Draw nobody, someone in *known*, or a new person."""
    choice = draw(st.integers(0, 2))
    if choice == 1 and known:
        return _pick(draw, known)
    return draw(_PERSON) if choice else None


_MAYBE_TEXT = st.none() | _texts()
_TERMS = st.lists(_lines(), max_size=2)
_RESPONSE_MINUTES = st.none() | st.integers(0, 30 * 24 * 60)
_ANY_PANEL = _panels(0, 4)
_OWNERS = st.sampled_from(RunBy)
_CHANNELS = tuple(Channel)


def _event_details(
    draw: st.DrawFn,
    kind: type[Event],
    at: pendulum.DateTime,
    *,
    known: Sequence[Person],
    contact: Person | None,
    channel: Channel,
    timezones: tuple[str, ...] | None,
) -> Event:
    """Draw an event of type *kind* at *at*, naming people from *known*."""
    if kind is ThankYouSent:
        thanked = _pick(draw, known) if known else draw(_PERSON)
        return ThankYouSent(at=at, to=thanked)
    if kind is CheckInSent:
        to = contact if contact is not None and draw(st.booleans()) else None
        channels = (channel, *(c for c in _CHANNELS if c is not channel))
        return CheckInSent(at=at, to=to, channel=_pick(draw, channels))
    if kind is ReplyReceived:
        return ReplyReceived(at=at, note=draw(_MAYBE_TEXT))
    if kind is NextRoundScheduled:
        return NextRoundScheduled(
            at=at, interview=_next_round(draw, at, known, timezones)
        )
    if kind is Rejected:
        return Rejected(
            at=at, by=_someone(draw, known), feedback_offered=draw(st.booleans())
        )
    if kind is FeedbackRequested:
        return FeedbackRequested(at=at, to=_someone(draw, known))
    if kind is FeedbackReceived:
        return FeedbackReceived(at=at, by=_someone(draw, known), note=draw(_MAYBE_TEXT))
    if kind is LostInterest:
        return LostInterest(at=at, reason=draw(_lines()))
    if kind is OfferReceived:
        minutes = draw(_RESPONSE_MINUTES)
        return OfferReceived(
            at=at,
            respond_by=None if minutes is None else at.add(minutes=minutes),
            salary=draw(_MAYBE_SALARY),
            terms=draw(_TERMS),
            by=_someone(draw, known),
        )
    # The events that carry nothing but their instant.
    simple: type[
        NotesWritten
        | ReferencesNotified
        | FeedbackDeclined
        | Withdrew
        | OfferAccepted
        | OfferDeclined
    ] = kind  # type: ignore[assignment]
    return simple(at=at)


def _next_round(
    draw: st.DrawFn,
    at: pendulum.DateTime,
    known: Sequence[Person],
    timezones: tuple[str, ...] | None,
) -> Interview:
    """Draw a round that starts at or after *at*, often with someone from *known*."""
    zone = _zone(draw, _time.zone_name(at), timezones)
    utc = _later(draw, _as_utc(at), (zone,))
    starts_at = _time.from_utc(utc, _time.zone(zone))
    interview = _interview_from(draw, starts_at, panels=_ANY_PANEL, owners=_OWNERS)
    if draw(st.booleans()) and known:
        again = _pick(draw, known)
        if again not in interview.interviewers:
            interview = attrs.evolve(
                interview, interviewers=(again, *interview.interviewers)
            )
    return interview


# The order in which event types shrink: the first one is the simplest.
_KINDS: tuple[type[Event], ...] = (
    NotesWritten,
    ThankYouSent,
    CheckInSent,
    ReplyReceived,
    Rejected,
    FeedbackRequested,
    FeedbackReceived,
    FeedbackDeclined,
    OfferReceived,
    NextRoundScheduled,
    ReferencesNotified,
    OfferAccepted,
    OfferDeclined,
    LostInterest,
    Withdrew,
)
_ANYTIME = (LostInterest, Withdrew)
# How long after a given instant the next event comes, in seconds: at once or
# within the hour, within three days, within six weeks.
_GAPS = (
    st.integers(0, 3600)
    | st.integers(3600, 3 * 86400)
    | st.integers(3 * 86400, 45 * 86400)
)
_NEAR_A_CHANGE = 3 * 3600
_AROUND_A_CHANGE = st.integers(-_NEAR_A_CHANGE, _NEAR_A_CHANGE)


def events(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
) -> st.SearchStrategy[Event]:
    """Return a strategy for single events of every type, each valid on its own.

    Requires hypothesis.

    The event happens at an instant drawn by :func:`aware_datetimes` with
    these arguments. It is not checked against any history, so
    :meth:`Application.record <postinterview.Application.record>` may refuse
    it; :func:`next_events` and :func:`applications` draw legal histories.
    A scheduled round starts at most six weeks after the event. Shrinks
    towards :class:`~postinterview.NotesWritten` at *min_value* in UTC.
    """
    zones = _zone_names_of(timezones)
    instants = aware_datetimes(
        min_value=min_value, max_value=max_value, timezones=timezones
    )
    return _events(instants, zones)


_SOME_PEOPLE = st.lists(_PERSON, max_size=2, unique_by=repr)


@st.composite
def _events(
    draw: st.DrawFn,
    instants: st.SearchStrategy[pendulum.DateTime],
    zones: tuple[str, ...] | None,
) -> Event:
    kind = _pick(draw, _KINDS)
    return _event_details(
        draw,
        kind,
        draw(instants),
        known=draw(_SOME_PEOPLE),
        contact=None,
        channel=_pick(draw, _CHANNELS),
        timezones=zones,
    )


def _as_utc(instant: dt.datetime) -> dt.datetime:
    return _time.naive_utc(instant).replace(tzinfo=_UTC)


def _later(draw: st.DrawFn, low: dt.datetime, zones: Sequence[str]) -> dt.datetime:
    """Draw an instant at or after *low* (aware UTC).

    It comes at once, minutes, hours, days or weeks later, or within three
    hours of one of the next DST changes in one of *zones*.
    """
    if draw(st.booleans()):
        name = _pick(draw, zones)
        soon = low - dt.timedelta(seconds=_NEAR_A_CHANGE)
        changes = [
            change
            for year in (low.year, low.year + 1)
            for change in _transitions(name, year)
            if change >= soon
        ]
        if changes:
            change = _pick(draw, changes[:2])
            near = change + dt.timedelta(
                seconds=draw(_AROUND_A_CHANGE),
                microseconds=-draw(st.integers(0, 1)),
            )
            return max(near, low)
    return low + dt.timedelta(seconds=draw(_GAPS))


class _Situation:
    """What an application's history allows next, by timeline's rules.

    Instants are compared in UTC.
    """

    def __init__(self, application: Application) -> None:
        history = application.history
        self.history = history
        self.rounds = history.rounds
        self.starts = [_as_utc(r.starts_at) for r in self.rounds]
        self.ends = [_as_utc(r.ends_at) for r in self.rounds]
        events = application.events
        self.previous = _as_utc(events[-1].at) if events else None
        self.asked = any(isinstance(e, FeedbackRequested) for e in events)
        self.givers = [
            e.by
            for after in history.after_round
            for e in after
            if isinstance(e, FeedbackReceived) and e.by is not None
        ]

    def settle(self, utc: dt.datetime) -> dt.datetime:
        """Move an instant during a round to that round's end."""
        for start, end in zip(self.starts, self.ends, strict=True):
            if start < utc < end:
                return end
        return utc

    def current(self, utc: dt.datetime) -> int:
        """Return the index of the latest round over by *utc* (one must be)."""
        return max(i for i, end in enumerate(self.ends) if end <= utc)

    def thankable(self, index: int) -> list[Person]:
        """Everyone a thank-you may go to once round *index* is over."""
        found: dict[Person, None] = {}
        for interview in self.rounds[: index + 1]:
            found.update(dict.fromkeys(_people_in(interview)))
        for source in (self.history.rejected, self.history.offer):
            if source is not None and source.by is not None:
                found[source.by] = None
        found.update(dict.fromkeys(self.givers))
        return list(found)

    def weights(self, index: int, more_rounds: bool) -> dict[type[Event], int]:
        """How likely each legal next event is, judged at round *index*."""
        history = self.history
        rejected, offer = history.rejected, history.offer
        after = history.after_round[index]
        interview = self.rounds[index]
        thanked = {e.to for e in after if isinstance(e, ThankYouSent)}
        noted = any(isinstance(e, NotesWritten) for e in after)
        weights: dict[type[Event], int] = {
            NotesWritten: 1 if noted else 8,
            ReplyReceived: 2,
            FeedbackRequested: 6 if rejected is not None and not self.asked else 1,
            ReferencesNotified: 3 if interview.references_may_be_contacted else 1,
            LostInterest: 1,
            Withdrew: 1,
        }
        if self.thankable(index):
            weights[ThankYouSent] = 2 if thanked >= set(interview.interviewers) else 8
        if rejected is None and offer is None:
            weights[CheckInSent] = 5
            if more_rounds:
                weights[NextRoundScheduled] = 4
        if rejected is None:
            weights[Rejected] = 4
            weights[OfferReceived] = 4
        if self.asked or (rejected is not None and rejected.feedback_offered):
            weights[FeedbackReceived] = 6
        if self.asked:
            weights[FeedbackDeclined] = 3
        if offer is not None and rejected is None:
            weights[OfferAccepted] = 3
            weights[OfferDeclined] = 2
        return weights


def _people_in(interview: Interview) -> list[Person]:
    """The interviewers, then the agency contact if there is one."""
    contact = interview.agency_contact
    return [*interview.interviewers, *([contact] if contact is not None else [])]


def _next_event(
    draw: st.DrawFn,
    application: Application,
    timezones: tuple[str, ...] | None,
    *,
    more_rounds: bool,
) -> Event:
    """Draw an event that *application*, which is not closed, accepts next."""
    situation = _Situation(application)
    first_end = situation.ends[0]
    earliest = situation.settle(max(situation.previous or first_end, first_end))
    index = situation.current(earliest)
    weights = situation.weights(index, more_rounds)
    kind = _pick(draw, [k for k in _KINDS if k in weights for _ in range(weights[k])])
    interview = situation.rounds[index]
    zones = [interview.timezone]
    zones.extend(p.timezone for p in _people_in(interview) if p.timezone is not None)
    near = list(dict.fromkeys(zones))
    if kind in _ANYTIME:
        low = situation.previous or situation.starts[0] - dt.timedelta(days=1)
        utc = _later(draw, low, near)
    elif kind is NextRoundScheduled:
        utc = _later(draw, max(earliest, situation.ends[-1]), near)
    else:
        utc = situation.settle(_later(draw, earliest, near))
        index = situation.current(utc)
        interview = situation.rounds[index]
    at = _time.from_utc(utc, _time.zone(_zone(draw, interview.timezone, timezones)))
    if kind is ThankYouSent:
        # Those not thanked yet for the round first, so that they are likelier.
        thanked = {
            e.to
            for e in situation.history.after_round[index]
            if isinstance(e, ThankYouSent)
        }
        known = sorted(situation.thankable(index), key=lambda p: p in thanked)
    else:
        known = _people_in(interview)
    contact = (
        interview.agency_contact
        if interview.run_by is RunBy.AGENCY
        else next(iter(interview.interviewers), None)
    )
    return _event_details(
        draw,
        kind,
        at,
        known=known,
        contact=contact,
        channel=interview.preferred_channel,
        timezones=timezones,
    )


def next_events(
    application: Application, *, timezones: Sequence[str] | None = None
) -> st.SearchStrategy[Event]:
    """Return a strategy for the events that *application* accepts next.

    Requires hypothesis.

    Every event drawn is one that :meth:`Application.record
    <postinterview.Application.record>` accepts: no earlier than the last
    event, outside every round (only a withdrawal or a loss of interest may
    come before the interview ends), thank-yous only to people who may
    receive one, feedback only once asked for or offered, no offer after a
    rejection, and no check-in or new round after a decision. Its instant is
    shown in the round's zone or one from *timezones* (default: any zone) and
    often lies next to a DST change. Nothing can follow a withdrawal or an
    answered offer: then the strategy is empty. Shrinks towards notes written
    as soon as possible, in the interview's zone.
    """
    zones = _zone_names_of(timezones)
    candidate: object = application
    if not isinstance(candidate, Application):
        raise InvalidArgument(f"application={application!r} must be an Application")
    if application.history.final is not None:
        return st.nothing()
    return _next_events(application, zones)


@st.composite
def _next_events(
    draw: st.DrawFn, application: Application, zones: tuple[str, ...] | None
) -> Event:
    return _next_event(draw, application, zones, more_rounds=True)


def applications(
    *,
    min_value: dt.datetime = DEFAULT_MIN,
    max_value: dt.datetime = DEFAULT_MAX,
    timezones: Sequence[str] | None = None,
    max_events: int = 12,
    max_rounds: int = 3,
) -> st.SearchStrategy[Application]:
    """Return a strategy for :class:`~postinterview.Application` values with
    legal histories.

    Requires hypothesis.

    The first round is drawn by :func:`interviews` with *min_value*,
    *max_value* and *timezones*; sometimes a second round is given with it.
    Up to *max_events* events follow, each drawn as :func:`next_events` draws
    it and added with :meth:`Application.record
    <postinterview.Application.record>`, until a withdrawal or an answered
    offer closes the application. The histories are rich: notes and
    thank-yous tend to come first, and rejections, feedback, offers,
    check-ins and new rounds (up to *max_rounds* rounds in all) are frequent.
    Shrinks towards one round in UTC and no events.
    """
    if type(max_events) is not int or max_events < 0:
        raise InvalidArgument(f"max_events={max_events!r} must be an int >= 0")
    if type(max_rounds) is not int or max_rounds < 1:
        raise InvalidArgument(f"max_rounds={max_rounds!r} must be an int >= 1")
    zones = _zone_names_of(timezones)
    firsts = interviews(min_value=min_value, max_value=max_value, timezones=timezones)
    # Mostly several events: a bare interview is one case among many.
    counts = st.integers(0, max_events) | st.integers(max_events // 3, max_events)

    @st.composite
    def draw(draw: st.DrawFn) -> Application:
        first = draw(firsts)
        rounds = [first]
        if max_rounds > 1 and draw(st.booleans()):
            rounds.append(_next_round(draw, first.ends_at, (), zones))
        application = Application(interviews=rounds)
        for _ in range(draw(counts)):
            if application.history.final is not None:
                break
            more = len(application.rounds) < max_rounds
            event = _next_event(draw, application, zones, more_rounds=more)
            application = application.record(event)
        return application

    return draw()
