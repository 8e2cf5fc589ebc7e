"""The learning log: what many interviews add up to, and what to practise next.

Each :class:`LogEntry` is one application with what the candidate wrote about
it: at most one scorecard and one set of notes per interview round (each
belongs to the round that ended last before it was written), and any
feedback received. A
:class:`LearningLog` reads all of its entries at once and answers four
questions:

- how each :class:`~postinterview.reflection.Criterion` scored over time, and
  whether it is improving (:attr:`LearningLog.criteria`);
- which questions come up again and again, and how well they went
  (:attr:`LearningLog.questions`);
- which preparation gaps keep showing (:attr:`LearningLog.gaps`), and what
  employers said in feedback (:attr:`LearningLog.feedback_themes`);
- what to practise before the next interview (:meth:`LearningLog.prepare`).

The results do not depend on the order of the entries.

**Trends.** The scores of a criterion are fitted with a least-squares line
over (time, score), time being when each interview ended. The trend is read
from the *change* that line predicts between the first and the last interview:
``IMPROVING`` when it rises by half a point or more, ``WORSENING`` when it
falls by half a point or more, ``FLAT`` in between. Fewer than three scores,
or scores all from the same instant, are ``NOT_ENOUGH_DATA``. The arithmetic
is exact (integer microseconds), so adding the same number to every score
never changes the trend, and running time backwards swaps ``IMPROVING`` and
``WORSENING``.

**Grouping wordings.** The same question is rarely written the same way
twice. :func:`grouping_key` folds a text to its key: case, accents, spacing
and punctuation are folded away, apostrophes join what they split ("what's"
becomes "whats"), numbers written as words become digits, negations such as
"didn't" become "not", a light stemmer drops plural endings, and filler and
framing words are removed: "tell", "me", "about", "a", "bit", "could", "you",
"describe" and the like, and "time", "example" or "situation" after "a" or
"an" ("a time when", "an example of"). The key is the set of the words left,
in alphabetical order. Texts with the same key are one group. One more step
joins keys that differ by a single word, when the shorter key still has two
words or more and the extra word is not "not":
"How do you prioritise competing deadlines?" joins "How do you prioritise
deadlines?", while "Tell me about a failure" stays apart from "Tell me about
a success" (a different word, not an extra one) and "Why should we hire
you?" from "Why should we not hire you?". Each key is looked up only with
each of its own words taken out, so grouping takes time in proportion to the
number of words, never to the number of pairs. Texts with only filler words
keep all their words as the key; texts with no letters or digits at all
share the empty key. Preparation gaps and feedback themes are grouped the
same way.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs
import pendulum

from postinterview import _fields, _time
from postinterview.errors import ValidationError
from postinterview.feedback import Feedback
from postinterview.interview import Interview
from postinterview.notes import InterviewNotes
from postinterview.reflection import Criterion, Rating, Scorecard
from postinterview.timeline import Application

__all__ = [
    "AskedQuestion",
    "ClosedGap",
    "CriterionFocus",
    "CriterionTrend",
    "FeedbackFocus",
    "FeedbackTheme",
    "GapFocus",
    "LearningLog",
    "LogEntry",
    "PrepFocus",
    "PreparationGap",
    "QuestionFocus",
    "ScorePoint",
    "Trend",
    "grouping_key",
]

_T = TypeVar("_T")

# --- grouping wordings ------------------------------------------------------

# Apostrophes join the parts of a word they split: "what's" -> "whats".
_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc`\u00b4")
_WORD = re.compile(r"[^\W_]+")

# Function words, fillers, and the verbs that only frame a question ("tell me
# about", "describe", "walk me through"). Chosen so that the words that make
# a question different ("failure", "success", "not", "why") are kept.
_STOP = frozenset(
    """
    a an the this that these those some any each every all
    i me my mine myself im ive id ill
    you your yours youre youve youd youll yourselves
    we us our ours weve wed
    they them their theirs theyre theyve
    he him his she her hers it its itself
    is are was were be been being am
    do does did doing done
    have has had having
    will would could can should shall may might must
    about of in on at to for with from by into through as
    and or but if so than then also
    what whats which when where who whom whose how hows
    tell describe explain talk give share walk say
    bit little please just briefly quickly kindly really actually more again
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Nouns that frame a question only after an article: "a time when you...",
# "an example of", "for instance". "Manage your time" keeps its "time", and
# "answers lacked examples" its "examples".
_FRAMING = frozenset({"time", "situation", "occasion", "moment", "example", "instance"})
_ARTICLES = frozenset({"a", "an", "one", "another", "some", "for"})
# Contractions that carry a negation keep it.
_NOT = "not"
_NEGATIONS = dict.fromkeys(
    """
    dont doesnt didnt cant cannot couldnt wont wouldnt shouldnt isnt arent
    wasnt werent havent hasnt hadnt never no
    """.split(),  # noqa: SIM905 - a word list reads best as words
    _NOT,
)
_NUMBERS = {
    word: str(number)
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten".split()  # noqa: SIM905 - as above
    )
}


def _stem(word: str) -> str:
    """Drop a plural ending: "strengths" -> "strength", "stories" -> "story"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tokens(text: str) -> list[str]:
    folded = text.casefold().translate(_APOSTROPHES)
    if not folded.isascii():
        folded = "".join(
            char
            for char in unicodedata.normalize("NFKD", folded)
            if not unicodedata.combining(char)
        )
    return _WORD.findall(folded)


def _analyse(text: str) -> tuple[tuple[str, ...], bool]:
    """Return the key words of *text*, and whether they are content words.

    Only keys of content words take part in joining keys one word apart.
    """
    tokens = _tokens(text)
    words: set[str] = set()
    previous = ""
    for token in tokens:
        word = _NUMBERS.get(token) or _NEGATIONS.get(token) or token
        stem = _stem(word)
        framing = previous in _ARTICLES and (word in _FRAMING or stem in _FRAMING)
        if not (framing or word in _STOP or stem in _STOP):
            words.add(stem)
        previous = token
    if words:
        return tuple(sorted(words)), True
    return tuple(sorted({_stem(token) for token in tokens})), False


def grouping_key(text: str) -> str:
    """Return the key that groups *text* with other wordings of the same thing.

    See the module documentation for how the key is made. Texts with the same
    key are always grouped; a log also joins keys one word apart.

    >>> grouping_key("Tell me about yourself.")
    'yourself'
    >>> grouping_key("Could you tell me a little bit about YOURSELF?")
    'yourself'
    >>> grouping_key("What's your greatest weakness?")
    'greatest weakness'
    >>> grouping_key("Where do you see yourself in five years' time?")
    '5 see time year yourself'
    >>> grouping_key("Tell me about a failure") == grouping_key(
    ...     "Tell me about a success")
    False
    """
    if not isinstance(text, str):
        raise ValidationError("text", text, "a string")
    return " ".join(_analyse(text)[0])


# --- small helpers ------------------------------------------------------------

_MICROSECOND = dt.timedelta(microseconds=1)
_EPOCH = dt.datetime(1, 1, 1)  # noqa: DTZ001 - naive UTC, as _time.naive_utc gives
_MIN_POINTS = 3
_RECENT = 3  # how many of the latest scores make a criterion's current level
_STRONG = 4  # a current level at or above this is not a weakness


def _make(cls: type[_T], **values: Any) -> _T:
    """Build a record from values already known to be valid, skipping checks.

    The log builds many thousands of records from parts of records that were
    validated when they were made; checking them again would cost most of
    the time it takes to build a log.
    """
    record = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(record, name, value)
    return record


def _at_least(low: int) -> _fields.Validator:
    def validate(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not int or value < low:
            raise ValidationError(
                attribute.name, value, f"an integer of at least {low}"
            )

    return validate


def _key_text(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, "a string")


def _check_wordings(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _fields.tuple_of(str, _fields.check_text)(_, attribute, value)
    if not value:
        raise ValidationError(attribute.name, value, "at least one wording")


def _wordings(value: Iterable[str]) -> tuple[str, ...]:
    return _fields.to_text_tuple(value)


def _utc(instant: dt.datetime) -> dt.datetime:
    return _time.naive_utc(instant)


def _micros(utc: dt.datetime) -> int:
    """Return the naive-UTC *utc* as microseconds since 0001-01-01."""
    return (utc - _EPOCH) // _MICROSECOND


def _stamp(instant: pendulum.DateTime) -> tuple[int, str]:
    """What orders instants here: the instant (as :func:`_micros`), then the zone."""
    return _micros(_time.naive_utc(instant)), _time.zone_name(instant)


def _not_before(
    field: str, later: pendulum.DateTime, earlier_field: str, earlier: pendulum.DateTime
) -> None:
    if _utc(later) < _utc(earlier):
        raise ValidationError(
            field, later, f"an instant no earlier than {earlier_field} ({earlier})"
        )


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _day(instant: pendulum.DateTime) -> str:
    return instant.date().isoformat()


def _two_places(value: Fraction) -> Decimal:
    """Round *value* to two decimal places, halves to even, exactly."""
    return Decimal(round(value * 100)).scaleb(-2)


# --- trends -------------------------------------------------------------------


class Trend(enum.Enum):
    """Which way a criterion's scores are going, read from a fitted line."""

    IMPROVING = "the fitted scores rise by half a point or more"
    FLAT = "the fitted scores change by less than half a point"
    WORSENING = "the fitted scores fall by half a point or more"
    NOT_ENOUGH_DATA = "fewer than three scores, or all from the same instant"


@attrs.frozen(kw_only=True)
class ScorePoint:
    """One score on one criterion, from the interview that ended *at*.

    *round* is the position of that interview among its application's rounds,
    from 1; *note* is what the candidate wrote beside the score.
    """

    at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    score: int = attrs.field(validator=_fields.int_between(1, 5))
    organisation: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    role: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    round: int = attrs.field(default=1, validator=_at_least(1))
    note: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )


def _points(value: Iterable[ScorePoint]) -> tuple[ScorePoint, ...]:
    return _fields.to_tuple(value)


def _check_points(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    _fields.tuple_of(ScorePoint)(_, attribute, value)
    for index in range(1, len(value)):
        if _utc(value[index].at) < _utc(value[index - 1].at):
            raise ValidationError(
                f"{attribute.name}[{index}]",
                value[index],
                f"points in time order (this one is before {value[index - 1].at})",
            )


def _fit(times: Sequence[int], scores: Sequence[int]) -> tuple[Trend, Decimal | None]:
    """Return the trend of *scores* at *times*, in microseconds, in order.

    The change is the least-squares slope times the time span, computed
    exactly: slope = (n*Sxy - Sx*Sy) / (n*Sxx - Sx^2), with x in microseconds
    after the first instant.
    """
    n = len(scores)
    if n < _MIN_POINTS:
        return Trend.NOT_ENOUGH_DATA, None
    origin = times[0]
    sx = sy = sxx = sxy = 0
    x = 0
    for time, y in zip(times, scores, strict=True):
        x = time - origin
        sx += x
        sy += y
        sxx += x * x
        sxy += x * y
    span = x  # the last x: the points are in time order
    spread = n * sxx - sx * sx
    if spread == 0:
        return Trend.NOT_ENOUGH_DATA, None
    rise = (n * sxy - sx * sy) * span
    change = _two_places(Fraction(rise, spread))
    if 2 * abs(rise) < spread:  # |change| < 1/2
        return Trend.FLAT, change
    return (Trend.IMPROVING if rise > 0 else Trend.WORSENING), change


@attrs.frozen(kw_only=True)
class CriterionTrend:
    """The scores of one criterion over time, in time order, and their trend.

    *trend* and *change* are computed from *points*: *change* is how much the
    least-squares line rises (negative: falls) between the first and the last
    score, rounded to two places, or ``None`` without enough data.

    >>> import pendulum
    >>> from postinterview.reflection import Criterion
    >>> start = pendulum.datetime(2026, 9, 1, 16, tz="Europe/London")
    >>> points = [
    ...     ScorePoint(at=start.add(weeks=week), score=score,
    ...                organisation="Acme Ltd", role="Analyst")
    ...     for week, score in [(0, 2), (3, 3), (7, 4)]
    ... ]
    >>> examples = CriterionTrend(criterion=Criterion.EXAMPLES, points=points)
    >>> examples.trend.name, examples.change
    ('IMPROVING', Decimal('1.99'))
    """

    criterion: Criterion = attrs.field(validator=_fields.enum_member(Criterion))
    points: tuple[ScorePoint, ...] = attrs.field(
        default=(), converter=_points, validator=_check_points
    )
    trend: Trend = attrs.field(init=False)
    change: Decimal | None = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        trend, change = _fit(
            [_micros(_utc(point.at)) for point in self.points],
            [point.score for point in self.points],
        )
        object.__setattr__(self, "trend", trend)
        object.__setattr__(self, "change", change)

    @property
    def data_points(self) -> int:
        """How many scores the trend rests on."""
        return len(self.points)

    @property
    def latest(self) -> ScorePoint | None:
        """The most recent score, or ``None`` when there is none."""
        return self.points[-1] if self.points else None

    @property
    def recent(self) -> Decimal | None:
        """The mean of the latest three scores (fewer when there are fewer).

        Rounded to two places; ``None`` when there are no scores.
        """
        level = _level(self)
        return None if level is None else _two_places(level)


def _level(trend: CriterionTrend) -> Fraction | None:
    last = trend.points[-_RECENT:]
    if not last:
        return None
    return Fraction(sum(point.score for point in last), len(last))


# --- grouped texts ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class AskedQuestion:
    """A question as it came up across interviews, every wording grouped.

    *key* is the shortest :func:`grouping_key` among its wordings (fewest
    words, then alphabetical); *wordings* are the distinct ways it was
    written, the most used first (ties in alphabetical order).
    Every time it was asked counts once in *asked*, and once in
    *answered_well*, *answered_badly* or *not_rated*, as the candidate
    judged their answer. *first_asked* and *last_asked* are when the
    interviews that asked it ended.
    """

    key: str = attrs.field(validator=_key_text)
    wordings: tuple[str, ...] = attrs.field(
        converter=_wordings, validator=_check_wordings
    )
    asked: int = attrs.field(validator=_at_least(1))
    answered_well: int = attrs.field(default=0, validator=_at_least(0))
    answered_badly: int = attrs.field(default=0, validator=_at_least(0))
    not_rated: int = attrs.field(default=0, validator=_at_least(0))
    first_asked: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    last_asked: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )

    def __attrs_post_init__(self) -> None:
        total = self.answered_well + self.answered_badly + self.not_rated
        if total != self.asked:
            raise ValidationError(
                "asked",
                self.asked,
                f"answered_well + answered_badly + not_rated ({total})",
            )
        if len(self.wordings) > self.asked:
            raise ValidationError(
                "wordings", self.wordings, f"at most asked ({self.asked}) wordings"
            )
        _not_before("last_asked", self.last_asked, "first_asked", self.first_asked)

    @property
    def text(self) -> str:
        """The wording used most often."""
        return self.wordings[0]

    @property
    def recurs(self) -> bool:
        """Whether it was asked more than once."""
        return self.asked > 1


@attrs.frozen(kw_only=True)
class PreparationGap:
    """A gap in preparation that interviews exposed, every wording grouped.

    *key* and *wordings* are as in :class:`AskedQuestion`. *count* is how
    many times notes recorded it, *first_seen* and *last_seen* when those
    interviews ended. *closed_at* is when the latest :class:`ClosedGap` that
    applies to it closed it, if any; the gap is :attr:`open` unless it was
    closed and no interview exposed it again after that.
    """

    key: str = attrs.field(validator=_key_text)
    wordings: tuple[str, ...] = attrs.field(
        converter=_wordings, validator=_check_wordings
    )
    count: int = attrs.field(validator=_at_least(1))
    first_seen: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    last_seen: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    closed_at: pendulum.DateTime | None = attrs.field(
        default=None,
        converter=_fields.to_optional_instant,
        validator=_fields.optional_instant,
        eq=_fields.instant_key,
    )

    def __attrs_post_init__(self) -> None:
        if len(self.wordings) > self.count:
            raise ValidationError(
                "wordings", self.wordings, f"at most count ({self.count}) wordings"
            )
        _not_before("last_seen", self.last_seen, "first_seen", self.first_seen)

    @property
    def text(self) -> str:
        """The wording used most often."""
        return self.wordings[0]

    @property
    def open(self) -> bool:
        """Whether it is still to work on: never closed, or exposed since."""
        return self.closed_at is None or _utc(self.last_seen) > _utc(self.closed_at)


@attrs.frozen(kw_only=True)
class FeedbackTheme:
    """A point employers made in feedback, every wording grouped.

    *key* and *wordings* are as in :class:`AskedQuestion`. *weaknesses* and
    *suggestions* count where it was said:
    :attr:`Feedback.weaknesses <postinterview.feedback.Feedback.weaknesses>`
    or :attr:`Feedback.suggestions <postinterview.feedback.Feedback.suggestions>`.
    *first_seen* and *last_seen* are when that feedback arrived.
    """

    key: str = attrs.field(validator=_key_text)
    wordings: tuple[str, ...] = attrs.field(
        converter=_wordings, validator=_check_wordings
    )
    weaknesses: int = attrs.field(default=0, validator=_at_least(0))
    suggestions: int = attrs.field(default=0, validator=_at_least(0))
    first_seen: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    last_seen: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )

    def __attrs_post_init__(self) -> None:
        if self.count < 1:
            raise ValidationError(
                "suggestions",
                self.suggestions,
                "weaknesses + suggestions of at least 1",
            )
        if len(self.wordings) > self.count:
            raise ValidationError(
                "wordings",
                self.wordings,
                f"at most {self.count} wordings (one per mention)",
            )
        _not_before("last_seen", self.last_seen, "first_seen", self.first_seen)

    @property
    def text(self) -> str:
        """The wording used most often."""
        return self.wordings[0]

    @property
    def count(self) -> int:
        """How many times it was raised."""
        return self.weaknesses + self.suggestions


@attrs.frozen(kw_only=True)
class ClosedGap:
    """The candidate worked on a preparation gap and counts it closed from *closed_at*.

    *gap* is matched to the log's gaps the way wordings are grouped. A gap
    that an interview exposes again after *closed_at* is open again.

    >>> import pendulum
    >>> ClosedGap(gap=" SQL window functions ",
    ...           closed_at=pendulum.datetime(2026, 12, 1, tz="UTC")).gap
    'SQL window functions'
    """

    gap: str = attrs.field(converter=_fields.strip, validator=_fields.text)
    closed_at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )


# --- entries ------------------------------------------------------------------


def _scorecards(value: Iterable[Scorecard]) -> tuple[Scorecard, ...]:
    return _fields.to_tuple(value)


def _notes(value: Iterable[InterviewNotes]) -> tuple[InterviewNotes, ...]:
    return _fields.to_tuple(value)


def _feedback(value: Iterable[Feedback]) -> tuple[Feedback, ...]:
    return _fields.to_tuple(value)


@attrs.frozen(kw_only=True)
class LogEntry:
    """One application and what the candidate wrote about it.

    Each of the *scorecards* and *notes* is about the round that ended last
    before it was written (reflection comes straight after an interview), so
    each round has at most one of each, and none may be written before the
    first round ended. *feedback* is what the employer said, received no
    earlier than the first round ended.
    """

    application: Application = attrs.field(validator=_fields.instance_of(Application))
    scorecards: tuple[Scorecard, ...] = attrs.field(
        default=(), converter=_scorecards, validator=_fields.tuple_of(Scorecard)
    )
    notes: tuple[InterviewNotes, ...] = attrs.field(
        default=(), converter=_notes, validator=_fields.tuple_of(InterviewNotes)
    )
    feedback: tuple[Feedback, ...] = attrs.field(
        default=(), converter=_feedback, validator=_fields.tuple_of(Feedback)
    )
    # The scorecards and notes by round: item i is round i + 1's, or None.
    _scorecard_of: tuple[Scorecard | None, ...] = attrs.field(
        init=False, eq=False, repr=False
    )
    _notes_of: tuple[InterviewNotes | None, ...] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        rounds = self.application.rounds
        _setattr(
            self, "_scorecard_of", _by_round("scorecards", self.scorecards, rounds)
        )
        _setattr(self, "_notes_of", _by_round("notes", self.notes, rounds))
        first_end = rounds[0].ends_at
        for index, feedback in enumerate(self.feedback):
            if _utc(feedback.received_at) < _utc(first_end):
                raise ValidationError(
                    f"feedback[{index}]",
                    feedback,
                    f"feedback received once the first round ended ({first_end})",
                )


_setattr = object.__setattr__  # sets a frozen entry's derived fields, as attrs does

_Written = TypeVar("_Written", Scorecard, InterviewNotes)


def _by_round(
    name: str, items: tuple[_Written, ...], rounds: tuple[Interview, ...]
) -> tuple[_Written | None, ...]:
    """Place each item in the round that ended last before it was written."""
    ends = [_utc(interview.ends_at) for interview in rounds]
    placed: list[_Written | None] = [None] * len(rounds)
    for index, item in enumerate(items):
        written = _utc(item.written_at)
        ended = [number for number, end in enumerate(ends) if end <= written]
        if not ended:
            raise ValidationError(
                f"{name}[{index}]",
                item,
                f"one written once the first round ended ({rounds[0].ends_at})",
            )
        number = max(ended, key=ends.__getitem__)
        if placed[number] is not None:
            raise ValidationError(
                f"{name}[{index}]",
                item,
                f"one per round: round {number + 1}, the last to end before it "
                "was written, already has one",
            )
        placed[number] = item
    return tuple(placed)


# --- preparation focus --------------------------------------------------------


@attrs.frozen(kw_only=True)
class QuestionFocus:
    """A question worth practising, and why."""

    question: AskedQuestion = attrs.field(validator=_fields.instance_of(AskedQuestion))
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


@attrs.frozen(kw_only=True)
class CriterionFocus:
    """A criterion worth working on, and why.

    *recent* is the mean of its latest three scores (two places), *trend* its
    trend over all *scores* of them.
    """

    criterion: Criterion = attrs.field(validator=_fields.enum_member(Criterion))
    trend: Trend = attrs.field(validator=_fields.enum_member(Trend))
    recent: Decimal = attrs.field(
        converter=_fields.to_decimal, validator=_fields.amount
    )
    scores: int = attrs.field(validator=_at_least(1))
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


@attrs.frozen(kw_only=True)
class GapFocus:
    """An open preparation gap, and why it matters now."""

    gap: PreparationGap = attrs.field(validator=_fields.instance_of(PreparationGap))
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


@attrs.frozen(kw_only=True)
class FeedbackFocus:
    """A feedback theme to act on, and why."""

    theme: FeedbackTheme = attrs.field(validator=_fields.instance_of(FeedbackTheme))
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


def _question_focus(value: Iterable[QuestionFocus]) -> tuple[QuestionFocus, ...]:
    return _fields.to_tuple(value)


def _criterion_focus(value: Iterable[CriterionFocus]) -> tuple[CriterionFocus, ...]:
    return _fields.to_tuple(value)


def _gap_focus(value: Iterable[GapFocus]) -> tuple[GapFocus, ...]:
    return _fields.to_tuple(value)


def _feedback_focus(value: Iterable[FeedbackFocus]) -> tuple[FeedbackFocus, ...]:
    return _fields.to_tuple(value)


@attrs.frozen(kw_only=True)
class PrepFocus:
    """What to practise before *interview*, most important first in each part.

    Work through it in field order: the questions that keep coming back and
    went badly, the weakest criteria, the open preparation gaps, then what
    feedback said. :meth:`LearningLog.prepare` documents the priorities.
    """

    interview: Interview = attrs.field(validator=_fields.instance_of(Interview))
    questions: tuple[QuestionFocus, ...] = attrs.field(
        default=(), converter=_question_focus, validator=_fields.tuple_of(QuestionFocus)
    )
    criteria: tuple[CriterionFocus, ...] = attrs.field(
        default=(),
        converter=_criterion_focus,
        validator=_fields.tuple_of(CriterionFocus),
    )
    gaps: tuple[GapFocus, ...] = attrs.field(
        default=(), converter=_gap_focus, validator=_fields.tuple_of(GapFocus)
    )
    feedback: tuple[FeedbackFocus, ...] = attrs.field(
        default=(), converter=_feedback_focus, validator=_fields.tuple_of(FeedbackFocus)
    )


# --- building the summaries -----------------------------------------------------

_Stamp = tuple[int, str]


class _Tally:
    """What one exact wording adds up to: marks by kind, first and last seen."""

    __slots__ = ("first", "first_at", "last", "last_at", "marks")

    def __init__(self, stamp: _Stamp, at: pendulum.DateTime, kinds: int) -> None:
        self.first = self.last = stamp
        self.first_at = self.last_at = at
        self.marks = [0] * kinds

    def add(self, stamp: _Stamp, at: pendulum.DateTime, kind: int) -> None:
        self.marks[kind] += 1
        if stamp < self.first:
            self.first, self.first_at = stamp, at
        elif stamp > self.last:
            self.last, self.last_at = stamp, at


def _tally(
    table: dict[str, _Tally],
    text: str,
    stamp: _Stamp,
    at: pendulum.DateTime,
    kinds: int,
) -> _Tally:
    """Return the tally of *text* in *table*, starting one when it is new."""
    tally = table.get(text)
    if tally is None:
        tally = table[text] = _Tally(stamp, at, kinds)
    return tally


@attrs.frozen
class _Group:
    key: str
    wordings: tuple[str, ...]
    marks: list[int]
    first: _Stamp
    first_at: pendulum.DateTime
    last: _Stamp
    last_at: pendulum.DateTime
    # Every key in the group, for matching closed gaps.
    keys: frozenset[tuple[str, ...]]


def _neighbours(key: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    """The keys one word shorter that *key* may join: at least two words left."""
    if len(key) <= 2:  # the shorter key keeps two words or more
        return ()
    return (
        key[:index] + key[index + 1 :] for index, word in enumerate(key) if word != _NOT
    )


class _Keys:
    """The keys of a set of wordings, joined where they are one word apart."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.members: dict[tuple[str, ...], list[str]] = {}
        self.content: set[tuple[str, ...]] = set()
        for text in texts:
            key, content = _analyse(text)
            self.members.setdefault(key, []).append(text)
            if content:
                self.content.add(key)
        self.parent = {key: key for key in self.members}
        self.longer: dict[tuple[str, ...], list[tuple[str, ...]]] | None = None
        for key in self.content:
            for shorter in _neighbours(key):
                if shorter in self.content:
                    self._join(key, shorter)

    def root(self, key: tuple[str, ...]) -> tuple[str, ...]:
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def _join(self, one: tuple[str, ...], other: tuple[str, ...]) -> None:
        one, other = self.root(one), self.root(other)
        if one != other:
            # The smaller key, then the first in order, leads: the result does
            # not depend on the order of the joins.
            if (len(other), other) < (len(one), one):
                one, other = other, one
            self.parent[other] = one

    def groups(self) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        found: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for key in self.members:
            found.setdefault(self.root(key), []).append(key)
        return found

    def roots_matching(self, text: str) -> set[tuple[str, ...]]:
        """The groups a text such as a closed gap belongs to, or touches."""
        key, content = _analyse(text)
        found = set()
        if key in self.members:
            found.add(self.root(key))
        if content:
            for shorter in _neighbours(key):
                if shorter in self.content:
                    found.add(self.root(shorter))
            for longer in self._longer().get(key, ()):
                found.add(self.root(longer))
        return found

    def _longer(self) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        """Map each key one word shorter than a content key to those keys."""
        if self.longer is None:
            self.longer = {}
            for key in self.content:
                for shorter in _neighbours(key):
                    self.longer.setdefault(shorter, []).append(key)
        return self.longer


def _group(table: dict[str, _Tally], kinds: int) -> tuple[list[_Group], _Keys]:
    keys = _Keys(table)
    groups = []
    for root, members in keys.groups().items():
        texts = [text for key in members for text in keys.members[key]]
        marks = [0] * kinds
        counted = []
        first = last = None
        for text in texts:
            tally = table[text]
            for kind, count in enumerate(tally.marks):
                marks[kind] += count
            counted.append((-sum(tally.marks), text))
            if first is None or tally.first < first.first:
                first = tally
            if last is None or tally.last > last.last:
                last = tally
        assert first is not None  # noqa: S101 - a group has a wording
        assert last is not None  # noqa: S101 - a group has a wording
        counted.sort()
        groups.append(
            _Group(
                key=" ".join(root),
                wordings=tuple(text for _, text in counted),
                marks=marks,
                first=first.first,
                first_at=first.first_at,
                last=last.last,
                last_at=last.last_at,
                keys=frozenset(members),
            )
        )
    # Most mentioned first, then the most recent, then by key.
    groups.sort(key=lambda group: group.key)
    groups.sort(key=lambda group: group.last, reverse=True)
    groups.sort(key=lambda group: sum(group.marks), reverse=True)
    return groups, keys


@attrs.frozen
class _Summary:
    criteria: tuple[CriterionTrend, ...]
    questions: tuple[AskedQuestion, ...]
    gaps: tuple[PreparationGap, ...]
    themes: tuple[FeedbackTheme, ...]


# Where an answer counts: answered well, badly, not rated.
_ANSWERED = {True: 0, False: 1, None: 2}
_WEAKNESS, _SUGGESTION = 0, 1


def _summarise(
    entries: tuple[LogEntry, ...], closed: tuple[ClosedGap, ...]
) -> _Summary:
    scored = _Scored()
    questions: dict[str, _Tally] = {}
    gaps: dict[str, _Tally] = {}
    themes: dict[str, _Tally] = {}
    for entry in entries:
        rounds = entry.application.rounds
        stamps = [_stamp(interview.ends_at) for interview in rounds]
        if entry.scorecards:
            scored.read(entry._scorecard_of, rounds, stamps)
        for index, notes in enumerate(entry._notes_of):
            if notes is not None:
                _read_notes(
                    notes, rounds[index].ends_at, stamps[index], questions, gaps
                )
        for feedback in entry.feedback:
            at = feedback.received_at
            stamp = _stamp(at)
            for text in feedback.weaknesses:
                _tally(themes, text, stamp, at, 2).add(stamp, at, _WEAKNESS)
            for text in feedback.suggestions:
                _tally(themes, text, stamp, at, 2).add(stamp, at, _SUGGESTION)
    return _Summary(
        criteria=scored.trends(),
        questions=tuple(_asked(group) for group in _group(questions, 3)[0]),
        gaps=_gaps(gaps, closed),
        themes=tuple(_theme(group) for group in _group(themes, 2)[0]),
    )


def _read_notes(
    notes: InterviewNotes,
    at: pendulum.DateTime,
    stamp: _Stamp,
    questions: dict[str, _Tally],
    gaps: dict[str, _Tally],
) -> None:
    answered = _ANSWERED
    for question in notes.questions:
        # The hottest loop: _tally and _Tally.add, written out.
        text = question.text
        tally = questions.get(text)
        if tally is None:
            tally = questions[text] = _Tally(stamp, at, 3)
        tally.marks[answered[question.answered_well]] += 1
        if stamp < tally.first:
            tally.first, tally.first_at = stamp, at
        elif stamp > tally.last:
            tally.last, tally.last_at = stamp, at
    for gap in notes.preparation_gaps:
        _tally(gaps, gap, stamp, at, 1).add(stamp, at, 0)


# Setters of ScorePoint's slots, which skip its frozen __setattr__: the log
# builds a point for every score, from values already validated.
_POINT_SLOTS: tuple[Callable[[ScorePoint, Any], None], ...] = tuple(
    vars(ScorePoint)[field.name].__set__ for field in attrs.fields(ScorePoint)
)

# The sort key of a score point (its instant as _micros, the zone's name, the
# score, organisation, role, round and note, "" for none), then the index of
# its scorecard. Rows hold nothing that the garbage collector tracks, so it
# soon stops looking at them.
_Row = tuple[int, str, int, str, str, int, str, int]
# The same for a scorecard: instant, zone, organisation, role, round, index.
_CardRow = tuple[int, str, str, str, int, int]


class _Scored:
    """The scorecards of a log, gathered to become criterion trends."""

    def __init__(self) -> None:
        self.cards: list[_CardRow] = []
        self.ratings: list[tuple[Rating, ...]] = []
        self.instants: list[pendulum.DateTime] = []

    def read(
        self,
        cards: tuple[Scorecard | None, ...],
        rounds: tuple[Interview, ...],
        stamps: list[_Stamp],
    ) -> None:
        """Add the *cards* of one entry; *stamps* are those of its *rounds*."""
        for index, card in enumerate(cards):
            if card is None or not card.ratings:
                continue
            interview = rounds[index]
            time, zone = stamps[index]
            self.cards.append(
                (
                    time,
                    zone,
                    interview.organisation,
                    interview.role,
                    index + 1,
                    len(self.instants),
                )
            )
            self.ratings.append(card.ratings)
            self.instants.append(interview.ends_at)

    def trends(self) -> tuple[CriterionTrend, ...]:
        """Return the trend of every criterion, in Criterion order."""
        # Sorting the scorecards first puts each criterion's rows almost in
        # order, and sorting a list that is almost in order takes linear time:
        # far fewer comparisons than sorting every score.
        self.cards.sort()
        rows: dict[str, list[_Row]] = {c._name_: [] for c in Criterion}
        ratings = self.ratings
        for time, zone, organisation, role, number, seen in self.cards:
            for rating in ratings[seen]:
                # _name_ rather than the member: an enum hashes in Python code.
                rows[rating.criterion._name_].append(
                    (
                        time,
                        zone,
                        rating.score,
                        organisation,
                        role,
                        number,
                        rating.note or "",
                        seen,
                    )
                )
        return tuple(
            self._trend(criterion, rows[criterion._name_]) for criterion in Criterion
        )

    def _trend(self, criterion: Criterion, rows: list[_Row]) -> CriterionTrend:
        # Rows that differ only in the index are equal points: the same instant
        # in the same zone, and the rest alike.
        rows.sort()
        trend, change = _fit([row[0] for row in rows], [row[2] for row in rows])
        new = object.__new__
        instants = self.instants
        at, score_, organisation_, role_, round_, note_ = _POINT_SLOTS
        points = []
        for _, _, score, organisation, role, number, note, seen in rows:
            point = new(ScorePoint)
            at(point, instants[seen])
            score_(point, score)
            organisation_(point, organisation)
            role_(point, role)
            round_(point, number)
            note_(point, note or None)
            points.append(point)
        return _make(
            CriterionTrend,
            criterion=criterion,
            points=tuple(points),
            trend=trend,
            change=change,
        )


def _asked(group: _Group) -> AskedQuestion:
    well, badly, unrated = group.marks
    return _make(
        AskedQuestion,
        key=group.key,
        wordings=group.wordings,
        asked=well + badly + unrated,
        answered_well=well,
        answered_badly=badly,
        not_rated=unrated,
        first_asked=group.first_at,
        last_asked=group.last_at,
    )


def _theme(group: _Group) -> FeedbackTheme:
    weaknesses, suggestions = group.marks
    return _make(
        FeedbackTheme,
        key=group.key,
        wordings=group.wordings,
        weaknesses=weaknesses,
        suggestions=suggestions,
        first_seen=group.first_at,
        last_seen=group.last_at,
    )


def _gaps(
    tallies: dict[str, _Tally], closed: tuple[ClosedGap, ...]
) -> tuple[PreparationGap, ...]:
    groups, keys = _group(tallies, 1)
    # The latest closure that applies to each group, by its root key.
    closures: dict[str, tuple[_Stamp, pendulum.DateTime]] = {}
    for gap in closed:
        stamp = _stamp(gap.closed_at)
        for root in keys.roots_matching(gap.gap):
            name = " ".join(root)
            known = closures.get(name)
            if known is None or stamp > known[0]:
                closures[name] = (stamp, gap.closed_at)
    made = []
    for group in groups:
        closure = closures.get(group.key)
        made.append(
            _make(
                PreparationGap,
                key=group.key,
                wordings=group.wordings,
                count=group.marks[0],
                first_seen=group.first_at,
                last_seen=group.last_at,
                closed_at=None if closure is None else closure[1],
            )
        )
    return tuple(made)


# --- the log ------------------------------------------------------------------


def _entries(value: Iterable[LogEntry]) -> tuple[LogEntry, ...]:
    return _fields.to_tuple(value)


def _closed_gaps(value: Iterable[ClosedGap]) -> tuple[ClosedGap, ...]:
    return _fields.to_tuple(value)


@attrs.frozen(kw_only=True)
class LearningLog:
    """Every application's scorecards, notes and feedback, read together.

    The summaries are computed once, when the log is built; the order of
    *entries* does not change them. *closed_gaps* records the preparation
    gaps the candidate has since worked on.

    >>> import pendulum
    >>> from postinterview import Interview, InterviewNotes, QuestionAsked
    >>> from postinterview.timeline import Application
    >>> def entry(day, question, well):
    ...     end = pendulum.datetime(2026, 10, day, 11, tz="Europe/London")
    ...     interview = Interview(organisation=f"Org {day}", role="Analyst",
    ...                           starts_at=end.subtract(hours=1), ends_at=end)
    ...     notes = InterviewNotes(written_at=end.add(minutes=10), questions=[
    ...         QuestionAsked(text=question, answered_well=well)])
    ...     return LogEntry(application=Application(interviews=[interview]),
    ...                     notes=[notes])
    >>> log = LearningLog(entries=[
    ...     entry(5, "Tell me about yourself.", False),
    ...     entry(19, "Could you tell me a bit about yourself?", False),
    ...     entry(26, "Why do you want this job?", True),
    ... ])
    >>> [(q.text, q.asked, q.answered_badly) for q in log.recurring_questions]
    [('Could you tell me a bit about yourself?', 2, 2)]
    """

    entries: tuple[LogEntry, ...] = attrs.field(
        default=(), converter=_entries, validator=_fields.tuple_of(LogEntry)
    )
    closed_gaps: tuple[ClosedGap, ...] = attrs.field(
        default=(), converter=_closed_gaps, validator=_fields.tuple_of(ClosedGap)
    )
    _summary: _Summary = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_summary", _summarise(self.entries, self.closed_gaps))

    @property
    def criteria(self) -> tuple[CriterionTrend, ...]:
        """Every criterion's scores and trend, in :class:`Criterion` order."""
        return self._summary.criteria

    def criterion(self, criterion: Criterion) -> CriterionTrend:
        """Return the scores and trend of *criterion*."""
        if not isinstance(criterion, Criterion):
            raise ValidationError("criterion", criterion, "a Criterion")
        return self._summary.criteria[_CRITERIA[criterion]]

    @property
    def questions(self) -> tuple[AskedQuestion, ...]:
        """Every question asked, grouped: most asked first, then most recent."""
        return self._summary.questions

    @property
    def recurring_questions(self) -> tuple[AskedQuestion, ...]:
        """The questions asked more than once, in the order of :attr:`questions`."""
        return tuple(
            question for question in self._summary.questions if question.recurs
        )

    @property
    def gaps(self) -> tuple[PreparationGap, ...]:
        """Every preparation gap, grouped: most noted first, then most recent."""
        return self._summary.gaps

    @property
    def open_gaps(self) -> tuple[PreparationGap, ...]:
        """The gaps still to work on, in the order of :attr:`gaps`."""
        return tuple(gap for gap in self._summary.gaps if gap.open)

    @property
    def feedback_themes(self) -> tuple[FeedbackTheme, ...]:
        """What feedback said, grouped: most raised first, then most recent."""
        return self._summary.themes

    def prepare(self, next_interview: Interview, *, limit: int = 5) -> PrepFocus:
        """Return what to practise before *next_interview*, up to *limit* of each kind.

        Each part is in priority order, and each item says why it is there:

        - questions answered badly at least once, by how often they were
          asked times the share of rated answers that went badly; ties go to
          the most recently asked;
        - criteria whose latest three scores average below 4, or whose trend
          is worsening: the lowest average first, worsening first among
          equals, then in :class:`Criterion` order;
        - open preparation gaps, the most often noted first, then the most
          recent;
        - feedback themes, the most often raised first, then the most recent.

        The whole log counts, whenever it was written.
        """
        if not isinstance(next_interview, Interview):
            raise ValidationError("next_interview", next_interview, "an Interview")
        if type(limit) is not int or limit < 0:
            raise ValidationError("limit", limit, "an integer of at least 0")
        return _make(
            PrepFocus,
            interview=next_interview,
            questions=tuple(_question_priorities(self.questions)[:limit]),
            criteria=tuple(_criterion_priorities(self.criteria)[:limit]),
            gaps=tuple(
                _make(GapFocus, gap=gap, reason=_gap_reason(gap))
                for gap in self.open_gaps[:limit]
            ),
            feedback=tuple(
                _make(FeedbackFocus, theme=theme, reason=_theme_reason(theme))
                for theme in self.feedback_themes[:limit]
            ),
        )


_CRITERIA = {criterion: index for index, criterion in enumerate(Criterion)}


def _question_priorities(questions: Iterable[AskedQuestion]) -> list[QuestionFocus]:
    badly = [question for question in questions if question.answered_badly]
    # Sorts are stable: the last one decides, the earlier ones break its ties.
    badly.sort(key=lambda q: q.key)
    badly.sort(key=lambda q: _stamp(q.last_asked), reverse=True)
    badly.sort(
        key=lambda q: Fraction(
            q.asked * q.answered_badly, q.answered_well + q.answered_badly
        ),
        reverse=True,
    )
    return [_make(QuestionFocus, question=q, reason=_question_reason(q)) for q in badly]


def _question_reason(question: AskedQuestion) -> str:
    rated = question.answered_well + question.answered_badly
    if rated == 1:
        went = "the one answer you rated did not go well"
    elif question.answered_badly == rated:
        went = f"none of the {rated} answers you rated went well"
    else:
        badly = question.answered_badly
        went = f"{badly} of the {rated} answers you rated did not go well"
    return (
        f"Asked {_times(question.asked)}, most recently on "
        f"{_day(question.last_asked)}; {went}."
    )


def _criterion_priorities(trends: Iterable[CriterionTrend]) -> list[CriterionFocus]:
    chosen = []
    for trend in trends:  # in Criterion order
        level = _level(trend)
        if level is None:
            continue
        if level < _STRONG or trend.trend is Trend.WORSENING:
            chosen.append((level, trend.trend is not Trend.WORSENING, trend))
    chosen.sort(key=lambda item: item[:2])
    return [
        _make(
            CriterionFocus,
            criterion=trend.criterion,
            trend=trend.trend,
            recent=_two_places(level),
            scores=len(trend.points),
            reason=_criterion_reason(trend, level),
        )
        for level, _, trend in chosen
    ]


_TREND_WORDS = {
    Trend.IMPROVING: "is improving; keep going",
    Trend.FLAT: "has stayed about level",
    Trend.WORSENING: "is going down",
}


def _criterion_reason(trend: CriterionTrend, level: Fraction) -> str:
    recent = min(len(trend.points), _RECENT)
    shown = f"{_two_places(level):f}".rstrip("0").rstrip(".")
    if recent == 1:
        start = f"Your latest score is {shown} out of 5"
    else:
        start = f"Your latest {recent} scores average {shown} out of 5"
    if trend.trend is Trend.NOT_ENOUGH_DATA:
        return f"{start}; too few scores yet to see a trend."
    return (
        f"{start}; over {len(trend.points)} scores the trend "
        f"{_TREND_WORDS[trend.trend]}."
    )


def _gap_reason(gap: PreparationGap) -> str:
    said = f"Noted {_times(gap.count)}, most recently on {_day(gap.last_seen)}"
    if gap.closed_at is not None:
        return f"{said}, after you marked it closed on {_day(gap.closed_at)}."
    return f"{said}."


def _theme_reason(theme: FeedbackTheme) -> str:
    parts = []
    if theme.weaknesses:
        parts.append(f"{_times(theme.weaknesses)} as a weakness")
    if theme.suggestions:
        parts.append(f"{_times(theme.suggestions)} as a suggestion")
    return (
        f"Raised in feedback {' and '.join(parts)}, most recently on "
        f"{_day(theme.last_seen)}."
    )
