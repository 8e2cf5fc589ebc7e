"""The scorecard records: what a candidate writes straight after an interview."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs
import pendulum

from postinterview import _fields, _views
from postinterview.errors import ValidationError


class Criterion(enum.Enum):
    """What a candidate rates themselves on after an interview."""

    RAPPORT = "rapport"
    FRAME = "frame"
    LISTENING = "listening"
    EXAMPLES = "examples"
    AWARENESS = "awareness"
    CLOSING = "closing"

    @property
    def description(self) -> str:
        """One line saying what the criterion covers."""
        return _ABOUT[self][0]

    @property
    def question(self) -> str:
        """The question that prompts the candidate to rate it."""
        return _ABOUT[self][1]


_ABOUT: dict[Criterion, tuple[str, str]] = {
    Criterion.RAPPORT: (
        "Building rapport: a warm, natural exchange from the first minutes.",
        "How well did you connect with each interviewer, and when did it click or not?",
    ),
    Criterion.FRAME: (
        "Controlling the frame: steering towards your strengths without taking over.",
        "Did you bring the conversation back to what you wanted them to know?",
    ),
    Criterion.LISTENING: (
        "Listening: understanding what each question was really asking.",
        "Did you answer the question that was asked, or the one you expected?",
    ),
    Criterion.EXAMPLES: (
        "Examples: answering with specific situations, actions and results.",
        "Which answers had a concrete example with a result, and which did not?",
    ),
    Criterion.AWARENESS: (
        "Awareness: noticing how answers landed and adjusting to it.",
        "When an answer was not landing, did you notice and change course?",
    ),
    Criterion.CLOSING: (
        "Closing: ending well, with next steps clear and interest stated.",
        "Did you learn the next steps and say plainly that you want the job?",
    ),
}


class Want(enum.Enum):
    """Whether the candidate wants the job, now that they have seen it closer."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Comparison(enum.Enum):
    """How an opportunity compares with another: the current job, other offers."""

    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"


@attrs.frozen(kw_only=True)
class Rating:
    """A score from 1 (poor) to 5 (strong) on one criterion, with what happened.

    >>> Rating(criterion=Criterion.EXAMPLES, score=2,
    ...        note="My answer on the budget overrun had no figures").score
    2
    """

    criterion: Criterion = attrs.field(validator=_fields.enum_member(Criterion))
    score: int = attrs.field(validator=_fields.int_between(1, 5))
    note: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )


@attrs.frozen(kw_only=True)
class Reservation:
    """A doubt about the job, and how it could be resolved, once known."""

    concern: str = attrs.field(converter=_fields.strip, validator=_fields.text)
    resolution: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )


def _reservations(value: Iterable[Reservation]) -> tuple[Reservation, ...]:
    return _fields.to_tuple(value)


def _ratings(value: Iterable[Rating]) -> tuple[Rating, ...]:
    return _fields.to_tuple(value)


@attrs.frozen(kw_only=True)
class FitAssessment:
    """Whether the job suits the candidate: an interview runs both ways.

    *rapport_with_interviewer* scores from 1 to 5 how they got on with the
    person they would work for; *likes_role* and *likes_organisation* list
    what appeals; each :class:`Reservation` is a doubt with, once known, how
    it could be resolved. *versus_current_job* and
    *versus_other_opportunities* compare the job with the alternatives.
    ``None`` means "not answered yet" throughout.
    """

    rapport_with_interviewer: int | None = attrs.field(
        default=None, validator=_fields.int_between(1, 5, optional=True)
    )
    could_work_with_them: bool | None = attrs.field(
        default=None, validator=_fields.optional_bool
    )
    likes_role: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )
    likes_organisation: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )
    reservations: tuple[Reservation, ...] = attrs.field(
        default=(), converter=_reservations, validator=_fields.tuple_of(Reservation)
    )
    money_discussed: str | None = attrs.field(
        default=None, converter=_fields.strip_optional, validator=_fields.optional_text
    )
    versus_current_job: Comparison | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_fields.enum_member(Comparison)),
    )
    versus_other_opportunities: Comparison | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_fields.enum_member(Comparison)),
    )
    want_the_job: Want = attrs.field(
        default=Want.UNSURE, validator=_fields.enum_member(Want)
    )

    # notebook display

    def _repr_html_(self) -> str:
        return _views.to_html("fit", self._view())

    def _repr_markdown_(self) -> str:
        return _views.to_markdown(self._view())

    def _view(self) -> list[_views.Block]:
        """Each question of fit with its answer, then the reservations."""
        rows: list[tuple[str, str]] = [
            ("Do you want the job?", self.want_the_job.value),
            (
                "How you got on with the interviewer",
                _answer(self.rapport_with_interviewer, "{}/5"),
            ),
            ("Could you work with them?", _answer(self.could_work_with_them)),
            ("What you like about the role", _answer(self.likes_role)),
            ("What you like about the organisation", _answer(self.likes_organisation)),
            ("Money discussed", _answer(self.money_discussed)),
            ("Compared with your current job", _answer(self.versus_current_job)),
            (
                "Compared with your other options",
                _answer(self.versus_other_opportunities),
            ),
        ]
        blocks: list[_views.Block] = [
            _views.Paragraph((_views.Strong("Does the job suit you?"),)),
            _views.Table(("Question", "Answer"), rows),
        ]
        if self.reservations:
            blocks.append(
                _views.Table(
                    ("Reservation", "How it could be resolved"),
                    [
                        (r.concern, _answer(r.resolution, missing="not known yet"))
                        for r in self.reservations
                    ],
                )
            )
        return blocks


@attrs.frozen(kw_only=True)
class Scorecard:
    """The reflection written straight after an interview.

    *overall* rates the interview from 1 to 10. *went_well* comes first on
    purpose: start from what worked. Each *to_improve* point should be
    specific enough to practise. *ratings* score the :class:`Criterion`
    list, each at most once; *fit* says whether the job suits the candidate.

    >>> import pendulum
    >>> card = Scorecard(
    ...     written_at=pendulum.datetime(2026, 11, 20, 15, 45, tz="Europe/London"),
    ...     overall=7,
    ...     went_well=["The story about the warehouse migration landed well"],
    ...     to_improve=["Give the budget answer a figure and a result"],
    ... )
    >>> card.went_well
    ('The story about the warehouse migration landed well',)
    """

    # pendulum pickles instants without their fold: keep it.
    __reduce_ex__ = _fields.reduce_keeping_folds

    written_at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    overall: int = attrs.field(validator=_fields.int_between(1, 10))
    went_well: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )
    to_improve: tuple[str, ...] = attrs.field(
        default=(), converter=_fields.to_text_tuple, validator=_fields.text_tuple
    )
    ratings: tuple[Rating, ...] = attrs.field(
        default=(), converter=_ratings, validator=_fields.tuple_of(Rating)
    )
    fit: FitAssessment | None = attrs.field(
        default=None, validator=_fields.instance_of(FitAssessment, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        seen: set[Criterion] = set()
        for index, rating in enumerate(self.ratings):
            if rating.criterion in seen:
                raise ValidationError(
                    f"ratings[{index}]",
                    rating,
                    f"each criterion rated once ({rating.criterion.name} is twice)",
                )
            seen.add(rating.criterion)

    def rating(self, criterion: Criterion) -> Rating | None:
        """Return the rating of *criterion*, or ``None`` when it is not rated.

        Raises :class:`~postinterview.ValidationError` when *criterion* is not
        a :class:`Criterion`.
        """
        if not isinstance(criterion, Criterion):
            raise ValidationError("criterion", criterion, "a Criterion")
        return next((r for r in self.ratings if r.criterion is criterion), None)

    # notebook display

    def _repr_html_(self) -> str:
        return _views.to_html("scorecard", self._view())

    def _repr_markdown_(self) -> str:
        return _views.to_markdown(self._view())

    def _view(self) -> list[_views.Block]:
        """What went well first, then what to improve, the ratings and the fit."""
        blocks: list[_views.Block] = [
            _views.Paragraph(
                (
                    _views.Strong("Scorecard"),
                    f" written {_views.instant(self.written_at)}: "
                    f"{self.overall}/10 overall",
                )
            )
        ]
        for title, points in (
            ("What went well", self.went_well),
            ("What to improve", self.to_improve),
        ):
            if points:
                blocks.append(_views.Paragraph((_views.Strong(title),)))
                blocks.append(_views.Bullets(points))
        if self.ratings:
            blocks.append(
                _views.Table(
                    ("Criterion", "Score", "What happened"),
                    [
                        (r.criterion.value, f"{r.score}/5", _answer(r.note, missing=""))
                        for r in self.ratings
                    ],
                )
            )
        if self.fit is not None:
            blocks.extend(self.fit._view())
        return blocks


def _answer(
    value: object, shape: str = "{}", *, missing: str = "not answered yet"
) -> str:
    """An answer in words; *missing* when there is none yet."""
    if value is None or value == ():
        return missing
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return "\n".join(str(item) for item in value)
    return shape.format(value)
