"""The learning log: every entry read together, and what to practise next."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from postinterview import _fields, _views
from postinterview.errors import ValidationError
from postinterview.interview import Interview
from postinterview.learning._entry import LogEntry
from postinterview.learning._focus import PrepFocus
from postinterview.learning._priorities import (
    _criterion_priorities,
    _gap_priorities,
    _question_priorities,
    _theme_priorities,
)
from postinterview.learning._reading import _summarise, _Summary
from postinterview.learning._records import _make
from postinterview.learning._summaries import (
    AskedQuestion,
    ClosedGap,
    FeedbackTheme,
    PreparationGap,
)
from postinterview.learning._trends import CriterionTrend, Trend
from postinterview.reflection import Criterion


# Named converters, one per item type: mypy's attrs plugin cannot type an
# __init__ parameter through a generic converter.
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
            gaps=tuple(_gap_priorities(self.open_gaps[:limit])),
            feedback=tuple(_theme_priorities(self.feedback_themes[:limit])),
        )

    # notebook display

    def _repr_html_(self) -> str:
        return _views.to_html("learning-log", self._view())

    def _repr_markdown_(self) -> str:
        return _views.to_markdown(self._view())

    def _view(self) -> list[_views.Block]:
        """The criteria's trends, the recurring questions, open gaps and feedback."""
        questions, gaps = self.questions, self.gaps
        summary = (
            f": {_views.plural(len(self.entries), 'application')}, "
            f"{_views.plural(len(questions), 'question')} asked, "
            f"{_views.plural(len(gaps), 'preparation gap')} noted."
        )
        blocks: list[_views.Block] = [
            _views.Paragraph((_views.Strong("Learning log"), summary)),
            _views.Table(
                ("Criterion", "Scores, oldest first", "Latest three", "Trend"),
                [_criterion_row(trend) for trend in self.criteria],
            ),
        ]
        recurring = self.recurring_questions
        if recurring:
            blocks.append(_views.Paragraph((_views.Strong("Asked more than once"),)))
            blocks.append(
                _views.Table(
                    ("Question", "Asked", "Answered well", "Answered badly"),
                    [
                        (
                            q.text,
                            str(q.asked),
                            str(q.answered_well),
                            str(q.answered_badly),
                        )
                        for q in recurring
                    ],
                )
            )
        for title, items in (
            (
                "Preparation gaps still open",
                [f"{gap.text} (noted {_times(gap.count)})" for gap in self.open_gaps],
            ),
            (
                "What feedback said",
                [
                    f"{theme.text} (raised {_times(theme.count)})"
                    for theme in self.feedback_themes
                ],
            ),
        ):
            if items:
                blocks.append(_views.Paragraph((_views.Strong(title),)))
                blocks.append(_views.Bullets(items))
        return blocks


def _criterion_row(trend: CriterionTrend) -> tuple[str, str, str, str]:
    """A criterion's scores, the mean of the latest three, and which way they go."""
    scores = ", ".join(str(point.score) for point in trend.points) or "none yet"
    recent = "-" if trend.recent is None else str(trend.recent)
    way = trend.trend.name.lower().replace("_", " ")
    if trend.change is not None and trend.trend is not Trend.NOT_ENOUGH_DATA:
        way = f"{way} ({trend.change:+})"
    return trend.criterion.value, scores, recent, way


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


_CRITERIA = {criterion: index for index, criterion in enumerate(Criterion)}
