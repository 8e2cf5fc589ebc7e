"""Reflection: the scorecard a candidate fills in straight after an interview.

Memory of an interview fades within minutes, so the scorecard is written at
once: a rating out of ten, what went well (first), what to improve (each
point specific enough to practise), a score per criterion, and whether the
candidate still wants the job. :func:`review` reads a scorecard the way a
careers adviser would and returns findings; :func:`prompts` returns the
questions to reflect on, in order, for host tools to build forms from.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import pendulum

from postinterview import _fields, _time
from postinterview.errors import ValidationError
from postinterview.findings import Finding
from postinterview.interview import Interview
from postinterview.notes import InterviewNotes

if TYPE_CHECKING:
    from postinterview.followup import FollowUpPolicy
    from postinterview.timeline import Application

__all__ = [
    "Comparison",
    "Criterion",
    "FitAssessment",
    "Prompt",
    "Rating",
    "Reservation",
    "Scorecard",
    "Want",
    "is_vague",
    "prompts",
    "review",
]


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


def _text_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return _fields.to_text_tuple(value)


_TEXTS = _fields.tuple_of(str, _fields.check_text)


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
        default=(), converter=_text_tuple, validator=_TEXTS
    )
    likes_organisation: tuple[str, ...] = attrs.field(
        default=(), converter=_text_tuple, validator=_TEXTS
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

    written_at: pendulum.DateTime = attrs.field(
        converter=_fields.to_instant, validator=_fields.instant, eq=_fields.instant_key
    )
    overall: int = attrs.field(validator=_fields.int_between(1, 10))
    went_well: tuple[str, ...] = attrs.field(
        default=(), converter=_text_tuple, validator=_TEXTS
    )
    to_improve: tuple[str, ...] = attrs.field(
        default=(), converter=_text_tuple, validator=_TEXTS
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
        """Return the rating of *criterion*, or ``None`` when it is not rated."""
        return next((r for r in self.ratings if r.criterion is criterion), None)


# -- is an improvement note specific? ----------------------------------------------

# Words that carry no concrete object or action on their own. A note made only
# of these ("my answers need to be better", "be more confident", "improve")
# says that something should change but not what, so it cannot be practised.
_FUNCTION_WORDS = frozenset(
    """
    a an the my me i im id ill ive we our us you your they their them it its
    this that these those to of in on at for with by from about as into over
    and or but so if then than too very really quite more most less much many
    some any all each every be is am are was were been being do does did done
    doing have has had need needs needed should must could would will can may
    might shall try trying tried get got getting make made making next time
    times again also just up out there here when what how why which who whom
    not no dont didnt isnt wasnt way sure
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_VAGUE_WORDS = frozenset(
    """
    better best good great well nice bad badly worse worst poor poorly right
    wrong properly enough overall generally everything something anything
    things thing stuff lot bit somewhat differently different harder hard
    improve improved improves improving improvement improvements work worked
    working strong stronger weak weaker
    confident confidence assertive positive clear clearer clarity concise
    calm calmer relaxed natural engaging enthusiastic enthusiasm professional
    prepared preparation prepare focused focus energy energetic nervous nerves
    polished sharp sharper articulate impressive memorable convincing
    answer answers answered answering question questions response responses
    interview interviews performance perform communication communicate skills
    skill myself self job come across show sound seem seemed look looked feel
    felt think know go went express say said speak spoke talk talked give gave
    giving provide provided keep kept
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def is_vague(note: str) -> bool:
    """Tell whether an improvement *note* names nothing concrete to practise.

    The heuristic: drop function words ("my", "to", "be", "more") and vague
    words (evaluations such as "better" or "improve", soft qualities such as
    "confident" or "clear", and generic nouns such as "answer", "interview"
    or "communication"). A note with anything left, such as a topic ("the
    budget question"), a concrete action ("pause before answering"), a
    number or a name, is specific; a note with nothing left is vague.
    Erring towards "specific" is deliberate: a specific note must never be
    flagged.

    >>> is_vague("My answer needs to be better")
    True
    >>> is_vague("My answer to the budget question needs a number and a result")
    False
    """
    for token in _TOKEN.findall(note):
        word = token.casefold().replace("'", "").replace("\u2019", "")
        if any(char.isdigit() for char in word):
            return False
        if word not in _FUNCTION_WORDS and word not in _VAGUE_WORDS:
            return False
    return True


# -- review ---------------------------------------------------------------------

#: A rating at or below this score is low, and its note should say what to
#: practise.
LOW_SCORE = 2


def review(
    scorecard: Scorecard,
    interview: Interview,
    notes: InterviewNotes | None = None,
    *,
    application: Application | None = None,
    policy: FollowUpPolicy | None = None,
) -> tuple[Finding, ...]:
    """Read *scorecard* as a careers adviser would; return the findings.

    Each :class:`~postinterview.Finding` has a code:

    - ``recalled-late``: written more than a day after the interview ended
      (*policy*'s ``notes_late``), when memory has already rewritten it;
      ``written-late`` is the softer finding after 15 minutes (``notes_due``);
    - ``vague-improvement``: a ``to_improve`` point, or the note of a rating of
      2 or less, that names nothing concrete to practise (see
      :func:`is_vague`), or a low rating with no note at all;
    - ``nothing-went-well``: ``went_well`` is empty; start from what worked;
    - ``not-rated``: criteria without a rating;
    - ``unresolved-reservation``: a doubt about the job with no way to settle
      it yet;
    - ``consider-withdrawing``: the candidate does not want the job, but the
      *application*'s timeline has no ``LostInterest`` (or no application
      was given): tell the employer promptly;
    - ``question-not-reviewed``: a question the *notes* say went badly that
      no ``to_improve`` point comes back to.

    A scorecard written before the interview ended raises
    :class:`ValidationError`.
    """
    if not isinstance(scorecard, Scorecard):
        raise ValidationError("scorecard", scorecard, "a Scorecard")
    if not isinstance(interview, Interview):
        raise ValidationError("interview", interview, "an Interview")
    if notes is not None and not isinstance(notes, InterviewNotes):
        raise ValidationError("notes", notes, "InterviewNotes or None")
    if policy is None:
        from postinterview.followup import FollowUpPolicy  # noqa: PLC0415 - lazy

        policy = FollowUpPolicy()
    findings: list[Finding] = []
    findings += _timing(scorecard, interview, policy)
    if not scorecard.went_well:
        findings.append(
            Finding(
                code="nothing-went-well",
                message=(
                    "Start with what went well: every interview has something, and "
                    "knowing it tells you what to keep doing."
                ),
            )
        )
    findings += _vague(scorecard)
    unrated = [c for c in Criterion if scorecard.rating(c) is None]
    if unrated:
        findings.append(
            Finding(
                code="not-rated",
                message="Rate every criterion, even briefly: "
                + ", ".join(c.description.split(":")[0] for c in unrated)
                + ".",
                text=", ".join(c.name for c in unrated),
            )
        )
    findings += _fit(scorecard.fit, application)
    if notes is not None:
        findings += _unreviewed(notes, scorecard)
    return tuple(findings)


def _timing(
    scorecard: Scorecard, interview: Interview, policy: FollowUpPolicy
) -> list[Finding]:
    written = _time.naive_utc(scorecard.written_at)
    ended = _time.naive_utc(interview.ends_at)
    if written < ended:
        raise ValidationError(
            "written_at",
            scorecard.written_at,
            f"an instant after the interview ended ({interview.ends_at})",
        )
    after = written - ended
    if after > policy.notes_late:
        return [
            Finding(
                code="recalled-late",
                message=(
                    f"Written {_span(after)} after the interview: by then memory has "
                    "filled the gaps, so treat these notes as recalled, not "
                    "remembered."
                ),
            )
        ]
    if after > policy.notes_due:
        return [
            Finding(
                code="written-late",
                message=(
                    f"Written {_span(after)} after the interview. Notes made in the "
                    "first quarter of an hour keep the most detail."
                ),
            )
        ]
    return []


def _span(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:  # two hours
        return f"{minutes} minutes"
    hours = minutes // 60
    if hours < 48:  # two days
        return f"{hours} hours"
    return f"{hours // 24} days"


def _vague(scorecard: Scorecard) -> list[Finding]:
    findings = [
        Finding(
            code="vague-improvement",
            message=(
                "Name what to change and where, so it can be practised: which "
                "answer, and what it needs (a figure, an example, a shorter opening)."
            ),
            text=point,
        )
        for point in scorecard.to_improve
        if is_vague(point)
    ]
    for rating in scorecard.ratings:
        if rating.score > LOW_SCORE:
            continue
        if rating.note is None:
            findings.append(
                Finding(
                    code="vague-improvement",
                    message=(
                        f"{rating.criterion.name} scored {rating.score}: note what "
                        "happened, so you know what to practise."
                    ),
                )
            )
        elif is_vague(rating.note):
            findings.append(
                Finding(
                    code="vague-improvement",
                    message=(
                        f"{rating.criterion.name} scored {rating.score}: say which "
                        "moment it was and what to do differently."
                    ),
                    text=rating.note,
                )
            )
    return findings


def _fit(fit: FitAssessment | None, application: Application | None) -> list[Finding]:
    if fit is None:
        return []
    findings = [
        Finding(
            code="unresolved-reservation",
            message=(
                "Work out what would settle this doubt, and ask about it before "
                "any offer arrives."
            ),
            text=reservation.concern,
        )
        for reservation in fit.reservations
        if reservation.resolution is None
    ]
    if fit.want_the_job is Want.NO:
        from postinterview.timeline import LostInterest  # noqa: PLC0415 - lazy

        events = application.events if application is not None else ()
        if not any(isinstance(event, LostInterest) for event in events):
            findings.append(
                Finding(
                    code="consider-withdrawing",
                    message=(
                        "You do not want this job. Tell them promptly and politely, "
                        "so their time and yours go elsewhere, and keep searching."
                    ),
                )
            )
    return findings


def _content_words(text: str) -> set[str]:
    words = {token.casefold() for token in _TOKEN.findall(text)}
    return {
        word.rstrip("s")
        for word in words
        if word not in _FUNCTION_WORDS and word not in _VAGUE_WORDS
    }


def _unreviewed(notes: InterviewNotes, scorecard: Scorecard) -> list[Finding]:
    improving = set().union(*(_content_words(p) for p in scorecard.to_improve))
    return [
        Finding(
            code="question-not-reviewed",
            message=(
                "This question went badly, and no point to improve comes back to "
                "it. Questions recur: decide now how you would answer it next time."
            ),
            text=question.text,
        )
        for question in notes.questions
        if question.answered_well is False
        and not _content_words(question.text) & improving
    ]


# -- prompts --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Prompt:
    """One question of the reflection, for a host tool's form.

    *key* names where the answer belongs in the records (such as
    ``notes.questions`` or ``scorecard.ratings.EXAMPLES``), *topic* is a
    short heading and *question* what to ask.
    """

    key: str
    topic: str
    question: str


def prompts() -> tuple[Prompt, ...]:
    """Return the reflection questions in the order to ask them.

    The order follows the interview outwards: the facts, the role as the
    interviewers see it, the questions asked, each criterion, what went well
    and what to improve, the gaps, the candidate's own questions, the
    overall rating, whether they want the job, and what they forgot to say.

    >>> [p.key for p in prompts()][:3]
    ['interview', 'notes.role_insights', 'notes.questions']
    """
    return _PROMPTS


_PROMPTS = (
    Prompt(
        key="interview",
        topic="Where, when, who and what",
        question=(
            "Which organisation and role was this, when did it happen, and who "
            "did you meet?"
        ),
    ),
    Prompt(
        key="notes.role_insights",
        topic="The role as they see it",
        question=(
            "What did each interviewer say matters most in the role, and which "
            "skills are they looking for?"
        ),
    ),
    Prompt(
        key="notes.questions",
        topic="Questions you were asked",
        question="Which questions were you asked, and how well did you answer each?",
    ),
    *(
        Prompt(
            key=f"scorecard.ratings.{criterion.name}",
            topic=criterion.description.split(":")[0],
            question=criterion.question,
        )
        for criterion in Criterion
    ),
    Prompt(
        key="scorecard.went_well",
        topic="What went well",
        question="What went well? Start here, and be specific.",
    ),
    Prompt(
        key="scorecard.to_improve",
        topic="What to improve",
        question=(
            "What would you do differently, answer by answer? Name the moment and "
            "what it needed."
        ),
    ),
    Prompt(
        key="notes.preparation_gaps",
        topic="Preparation",
        question="Which gaps in your knowledge or preparation did the interview show?",
    ),
    Prompt(
        key="notes.own_questions",
        topic="Your questions for them",
        question=(
            "Which questions did you ask, did they tell you what you needed to "
            "know, and did they balance the conversation?"
        ),
    ),
    Prompt(
        key="scorecard.overall",
        topic="Overall",
        question="Out of ten, how did it go overall?",
    ),
    Prompt(
        key="scorecard.fit",
        topic="Do you want the job?",
        question=(
            "How did you get on with the people you would work with? What do you "
            "like about the role and the organisation, what reservations do you "
            "have and how could they be resolved, was money discussed, and how "
            "does it compare with your current job and your other options?"
        ),
    ),
    Prompt(
        key="notes.forgot_to_mention",
        topic="What you forgot to say",
        question=(
            "Is there a point you meant to make and did not? It can go in your "
            "thank-you note."
        ),
    ),
)
