"""Decisions: the judgement calls after an interview, each with its reasons.

Whether a thank-you note is worth sending (:func:`should_send_thank_you`);
how several opportunities compare on what matters to the candidate
(:func:`compare_opportunities`); where an offered salary sits in the
advertised range (:func:`salary_position`); and what to settle before
accepting an offer (:func:`offer_checklist`). Every answer carries its
reasons in plain words, for a host tool to show; none of them decides for
the candidate.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeAlias

import attrs

from postinterview import _fields
from postinterview.errors import ValidationError
from postinterview.interview import Interview, Period, SalaryRange
from postinterview.reflection import Comparison, FitAssessment, Want
from postinterview.timeline import OfferReceived

__all__ = [
    "CURRENT_JOB",
    "FACTORS",
    "MAX_PERSONAL_NOTES",
    "SCORE_PLACES",
    "ChecklistItem",
    "Placement",
    "Ranked",
    "Recommendation",
    "SalaryPosition",
    "Topic",
    "Verdict",
    "compare_opportunities",
    "offer_checklist",
    "salary_position",
    "should_send_thank_you",
]


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return _fields.to_text_tuple(value)


_TEXTS = _fields.tuple_of(str, _fields.check_text)


def _check_flag(name: str, value: object) -> None:
    if type(value) is not bool:
        raise ValidationError(name, value, "True or False")


# --- the thank-you note -------------------------------------------------------

#: The largest panel whose members each get a personal thank-you note. After
#: a larger panel, one note to the chair of the panel (or the contact who
#: arranged the interview) reads better than a stack of near-identical ones.
MAX_PERSONAL_NOTES = 4


class Verdict(enum.Enum):
    """What to do about a thank-you note."""

    #: Send a personal note to each interviewer.
    SEND = "send a personal note to each interviewer"
    #: Send one note, to the chair of the panel or the contact.
    SEND_ONE = "send one note, to the chair of the panel or your contact"
    #: Find out who to thank before writing anything.
    GET_NAMES = "find out who to thank first"
    #: A note is optional; send one if it adds something.
    CONSIDER = "a note is optional"
    #: A note is unlikely to help; let it go.
    SKIP = "no note needed"


@attrs.frozen(kw_only=True)
class Recommendation:
    """A *verdict* on a thank-you note and the *reasons* for it, in order.

    >>> Recommendation(verdict=Verdict.SEND,
    ...                reasons=["You know who interviewed you."]).verdict.name
    'SEND'
    """

    verdict: Verdict = attrs.field(validator=_fields.enum_member(Verdict))
    reasons: tuple[str, ...] = attrs.field(converter=_texts, validator=_TEXTS)


def should_send_thank_you(
    interview: Interview, *, already_thanked: bool = False, shown_interest: bool = False
) -> Recommendation:
    """Return whether to send a thank-you note after *interview*, and why.

    A thank-you note is a judgement call, and the default leans to sending.
    *already_thanked* says the candidate thanked the interviewers warmly on
    the day; *shown_interest* that they already made a strong interest plain
    (a note that presses it again can seem too keen). In order:

    * thanked on the day and already keen: ``SKIP``;
    * thanked on the day: ``CONSIDER`` (optional);
    * no interviewer's name known: ``GET_NAMES`` (ask for the names, or
      write through the recruiter or agency contact);
    * a panel larger than :data:`MAX_PERSONAL_NOTES`: ``SEND_ONE``;
    * otherwise ``SEND``, one personal note to each interviewer.

    >>> import pendulum
    >>> from postinterview import Person
    >>> end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    >>> iv = Interview(organisation="Acme Ltd", role="Data Engineer",
    ...                starts_at=end.subtract(hours=1), ends_at=end,
    ...                interviewers=[Person(name="Priya Shah")])
    >>> should_send_thank_you(iv).verdict
    <Verdict.SEND: 'send a personal note to each interviewer'>
    >>> should_send_thank_you(iv, already_thanked=True).verdict.name
    'CONSIDER'
    """
    if not isinstance(interview, Interview):
        raise ValidationError("interview", interview, "an Interview")
    _check_flag("already_thanked", already_thanked)
    _check_flag("shown_interest", shown_interest)
    panel = len(interview.interviewers)
    contact = interview.agency_contact
    via = (
        f"write through your agency contact, {contact.name}"
        if contact is not None
        else "write through the recruiter or HR contact"
    )
    keen = (
        "You have already shown strong interest: keep any note short and about "
        "them, so it reads as thanks rather than pressure."
    )
    if already_thanked and shown_interest:
        return Recommendation(
            verdict=Verdict.SKIP,
            reasons=(
                "You thanked them on the day and have already made your "
                "interest plain; another note would add little and could "
                "come across as too keen.",
                "If something you forgot to say matters, a brief note with just "
                "that point is still fine.",
            ),
        )
    if already_thanked:
        reasons = [
            "You thanked them on the day, so a note is optional: send one if it "
            "adds something, such as a point you forgot to make."
        ]
        if panel == 0:
            reasons.append(
                f"If you do write, find out who interviewed you first, or {via}."
            )
        elif panel > MAX_PERSONAL_NOTES:
            reasons.append(
                f"If you do write, one note to the chair of the panel of {panel} "
                "is enough."
            )
        return Recommendation(verdict=Verdict.CONSIDER, reasons=reasons)
    verdict, reasons = _who_to_thank(panel, via)
    if shown_interest:
        reasons.append(keen)
    return Recommendation(verdict=verdict, reasons=reasons)


def _who_to_thank(panel: int, via: str) -> tuple[Verdict, list[str]]:
    """Return the verdict and reasons for a note that is worth sending."""
    if panel == 0:
        return Verdict.GET_NAMES, [
            "A thank-you note needs a named reader, and no interviewer's name is "
            f"recorded: ask for their names, or {via}."
        ]
    if panel > MAX_PERSONAL_NOTES:
        return Verdict.SEND_ONE, [
            f"A panel of {panel} is large: one note to the chair of the panel, or "
            "to the person who arranged the interview, reads better than a note "
            "to each.",
            "Mention the panel as a whole and one point from the conversation.",
        ]
    if panel == 1:
        return Verdict.SEND, [
            "You know who interviewed you: a short note thanks them and keeps "
            "you in mind."
        ]
    return Verdict.SEND, [
        f"You know who interviewed you: send a short note to each of the {panel}.",
        "Make each note personal: panel members often compare them.",
    ]


# --- comparing opportunities --------------------------------------------------

#: The name under which ``current_job`` is ranked by :func:`compare_opportunities`.
CURRENT_JOB = "current job"

#: How many decimal places a score keeps; scores equal to that many places
#: are tied.
SCORE_PLACES = 4

_Factor: TypeAlias = Callable[[FitAssessment], Fraction | None]

_COMPARED = {
    Comparison.BETTER: Fraction(1),
    Comparison.SIMILAR: Fraction(1, 2),
    Comparison.WORSE: Fraction(0),
}
_WANTED = {Want.YES: Fraction(1), Want.UNSURE: Fraction(1, 2), Want.NO: Fraction(0)}


def _rapport(fit: FitAssessment) -> Fraction | None:
    score = fit.rapport_with_interviewer
    return None if score is None else Fraction(score - 1, 4)


def _colleagues(fit: FitAssessment) -> Fraction | None:
    answer = fit.could_work_with_them
    return None if answer is None else Fraction(int(answer))


def _role(fit: FitAssessment) -> Fraction | None:
    return Fraction(min(len(fit.likes_role), 3), 3)


def _organisation(fit: FitAssessment) -> Fraction | None:
    return Fraction(min(len(fit.likes_organisation), 3), 3)


def _reservations(fit: FitAssessment) -> Fraction | None:
    weight = sum(
        (
            Fraction(1) if r.resolution is None else Fraction(1, 2)
            for r in fit.reservations
        ),
        Fraction(0),
    )
    return 1 / (1 + weight)


def _versus_current_job(fit: FitAssessment) -> Fraction | None:
    answer = fit.versus_current_job
    return None if answer is None else _COMPARED[answer]


def _versus_others(fit: FitAssessment) -> Fraction | None:
    answer = fit.versus_other_opportunities
    return None if answer is None else _COMPARED[answer]


def _want(fit: FitAssessment) -> Fraction | None:
    return _WANTED[fit.want_the_job]


# Each factor: how it reads an assessment, and how to say it in a reason.
_FACTORS: dict[str, tuple[_Factor, str]] = {
    "rapport": (_rapport, "how you got on with the interviewer"),
    "colleagues": (_colleagues, "whether you could work with them"),
    "role": (_role, "what you like about the role"),
    "organisation": (_organisation, "what you like about the organisation"),
    "reservations": (_reservations, "your reservations"),
    "versus_current_job": (
        _versus_current_job,
        "how it compares with your current job",
    ),
    "versus_others": (_versus_others, "how it compares with your other options"),
    "want": (_want, "whether you want the job"),
}

#: The factors :func:`compare_opportunities` weighs, in the order it reports
#: them.
FACTORS: tuple[str, ...] = tuple(_FACTORS)


@attrs.frozen(kw_only=True)
class Ranked:
    """One opportunity's place in a comparison.

    *rank* starts at 1; tied options share a rank and the next rank skips
    (1, 1, 3). *score* is the weighted mean of the answered factors, from 0
    to 1, rounded to :data:`SCORE_PLACES` places. *missing* names the
    weighted factors not answered yet, in :data:`FACTORS` order; *reasons*
    say in words how the score came about.
    """

    name: str = attrs.field(converter=_fields.strip, validator=_fields.line)
    rank: int = attrs.field(validator=_fields.int_between(1, 2**31))
    score: Decimal = attrs.field(validator=_fields.amount)
    missing: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=_TEXTS
    )
    reasons: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=_TEXTS
    )


def _weight(factor: str, value: object) -> Fraction:
    field = f"weights[{factor!r}]"
    expected = "a finite, non-negative number"
    if isinstance(value, bool) or not isinstance(
        value, int | float | Decimal | Fraction
    ):
        raise ValidationError(field, value, expected)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValidationError(field, value, expected)
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValidationError(field, value, expected)
    weight = Fraction(value)
    if weight < 0:
        raise ValidationError(field, value, expected)
    return weight


def _weights(given: Mapping[str, Any] | None) -> dict[str, Fraction]:
    weights = dict.fromkeys(FACTORS, Fraction(1))
    if given is None:
        return weights
    if not isinstance(given, Mapping):
        raise ValidationError("weights", given, "a mapping of factor name to weight")
    for factor, value in given.items():
        if factor not in _FACTORS:
            raise ValidationError(
                f"weights[{factor!r}]", factor, f"a factor: {', '.join(FACTORS)}"
            )
        weights[factor] = _weight(factor, value)
    if not any(weights.values()):
        raise ValidationError("weights", dict(given), "at least one positive weight")
    return weights


def _score_text(score: Decimal) -> str:
    return f"{score:.2f}"


_QUANTUM = Decimal(1).scaleb(-SCORE_PLACES)


def _round(value: Fraction) -> Decimal:
    """Round exactly, half to even: ``Decimal(float(value))`` could be off."""
    return (
        Decimal(round(value * 10**SCORE_PLACES))
        .scaleb(-SCORE_PLACES)
        .quantize(_QUANTUM)
    )


@attrs.frozen
class _Scored:
    name: str
    score: Decimal
    values: dict[str, Fraction]
    missing: tuple[str, ...]


def _score(
    name: str, fit: FitAssessment, weights: dict[str, Fraction], *, current: bool
) -> _Scored:
    values: dict[str, Fraction] = {}
    missing = []
    for factor, (read, _) in _FACTORS.items():
        if current and factor == "versus_current_job":
            continue  # the current job is not compared with itself
        if not weights[factor]:
            continue
        value = read(fit)
        if value is None:
            missing.append(factor)
        else:
            values[factor] = value
    total = sum((weights[f] for f in values), Fraction(0))
    mean = (
        sum((weights[f] * v for f, v in values.items()), Fraction(0)) / total
        if total
        else Fraction(0)
    )
    return _Scored(name=name, score=_round(mean), values=values, missing=tuple(missing))


def _explain(
    scored: _Scored, weights: dict[str, Fraction], tied: list[str]
) -> list[str]:
    values = scored.values
    reasons = []
    if not values:
        reasons.append(
            "None of the factors you gave weight to is answered yet, so it "
            "scores 0 for now."
        )
    else:
        count = len(values)
        factors = "factor" if count == 1 else "factors"
        reasons.append(
            f"Scores {_score_text(scored.score)} out of 1, from {count} "
            f"answered {factors}."
        )
        # By value; among equals, the factor weighed more, then table order.
        strongest = min(values, key=lambda f: (-values[f], -weights[f]))
        weakest = min(values, key=lambda f: (values[f], -weights[f]))
        if values[strongest] == values[weakest]:
            reasons.append(
                "Every answered factor scores the same "
                f"({_score_text(_round(values[strongest]))})."
            )
        else:
            reasons.append(
                f"Strongest: {_FACTORS[strongest][1]} "
                f"({_score_text(_round(values[strongest]))}); weakest: "
                f"{_FACTORS[weakest][1]} ({_score_text(_round(values[weakest]))})."
            )
    if scored.missing:
        phrases = "; ".join(_FACTORS[f][1] for f in scored.missing)
        reasons.append(
            f"Not answered yet: {phrases}. The ranking may change once you know."
        )
    if tied:
        reasons.append(
            f"Tied with {', '.join(tied)} on score: the factors above show "
            "where they differ."
        )
    return reasons


def compare_opportunities(
    options: Mapping[str, FitAssessment],
    *,
    weights: Mapping[str, Any] | None = None,
    current_job: FitAssessment | None = None,
) -> tuple[Ranked, ...]:
    """Rank *options* (name to :class:`~postinterview.reflection.FitAssessment`).

    *current_job*, when given, is ranked alongside them under the name
    :data:`CURRENT_JOB`. Each factor of :data:`FACTORS` turns an assessment
    into a number from 0 to 1, or is missing when not answered:

    * ``rapport``: ``(rapport_with_interviewer - 1) / 4``;
    * ``colleagues``: ``could_work_with_them``, True 1, False 0;
    * ``role``: ``min(len(likes_role), 3) / 3`` (never missing);
    * ``organisation``: the same for ``likes_organisation``;
    * ``reservations``: ``1 / (1 + n)`` where each reservation without a
      resolution counts 1 and each with one counts 1/2; 1 when there are
      none (never missing);
    * ``versus_current_job``: BETTER 1, SIMILAR 1/2, WORSE 0 (not used for
      the current job itself);
    * ``versus_others``: the same for ``versus_other_opportunities``;
    * ``want``: ``want_the_job``, YES 1, UNSURE 1/2, NO 0 (never missing).

    *weights* maps factor names to finite, non-negative numbers (int, float,
    Decimal or Fraction); a factor not named weighs 1, and a factor weighed 0
    is left out. An unknown factor or a bad weight raises
    :class:`~postinterview.ValidationError` naming it, as in
    ``weights['rapport']``. The score is the weighted mean of the answered
    factors, computed exactly and rounded to :data:`SCORE_PLACES` places;
    options with equal scores are tied and share a rank. The result is in
    rank order, tied options by name.

    >>> from postinterview.reflection import Want
    >>> ranked = compare_opportunities(
    ...     {"Acme": FitAssessment(want_the_job=Want.YES, likes_role=["data"]),
    ...      "Globex": FitAssessment(want_the_job=Want.NO)})
    >>> [(r.rank, r.name, str(r.score)) for r in ranked]
    [(1, 'Acme', '0.5833'), (2, 'Globex', '0.2500')]
    """
    if not isinstance(options, Mapping):
        raise ValidationError("options", options, "a mapping of name to FitAssessment")
    table = _weights(weights)
    scored = []
    for name, fit in options.items():
        _fields.check_line(f"options[{name!r}]", name)
        if not isinstance(fit, FitAssessment):
            raise ValidationError(f"options[{name!r}]", fit, "a FitAssessment")
        scored.append(_score(name.strip(), fit, table, current=False))
    if current_job is not None:
        if not isinstance(current_job, FitAssessment):
            raise ValidationError("current_job", current_job, "a FitAssessment or None")
        if any(s.name == CURRENT_JOB for s in scored):
            raise ValidationError(
                "current_job",
                current_job,
                f"None when an option is already named {CURRENT_JOB!r}",
            )
        scored.append(_score(CURRENT_JOB, current_job, table, current=True))
    names = [s.name for s in scored]
    if len(set(names)) != len(names):
        duplicate = next(n for n in names if names.count(n) > 1)
        raise ValidationError("options", duplicate, "names that differ once stripped")
    scored.sort(key=lambda s: (-s.score, s.name))
    ranked = []
    for item in scored:
        # Competition ranking: one more than the number of better scores.
        rank = 1 + sum(other.score > item.score for other in scored)
        tied = [o.name for o in scored if o.score == item.score and o is not item]
        ranked.append(
            Ranked(
                name=item.name,
                rank=rank,
                score=item.score,
                missing=item.missing,
                reasons=_explain(item, table, tied),
            )
        )
    return tuple(ranked)


# --- salary -------------------------------------------------------------------


class Placement(enum.Enum):
    """Where an offered salary sits against the advertised range."""

    BELOW = "below the advertised range"
    BOTTOM = "at the bottom of the advertised range"
    INSIDE = "inside the advertised range"
    TOP = "at the top of the advertised range"
    ABOVE = "above the advertised range"


@attrs.frozen(kw_only=True)
class SalaryPosition:
    """Where an offer sits in the advertised range, and the room left.

    *offered* is the figure compared; *room* is how far it is below the top
    of the advertised range (0 at or above it); *reason* says it in words.
    """

    offered: Decimal = attrs.field(validator=_fields.amount)
    placement: Placement = attrs.field(validator=_fields.enum_member(Placement))
    room: Decimal = attrs.field(validator=_fields.amount)
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


_PER = {Period.YEAR: "a year", Period.MONTH: "a month", Period.HOUR: "an hour"}


def _money(amount: Decimal, salary: SalaryRange) -> str:
    return f"{amount} {salary.currency} {_PER[salary.period]}"


def salary_position(offer: SalaryRange, advertised: SalaryRange) -> SalaryPosition:
    """Return where *offer* sits in the *advertised* range, and the room to the top.

    An offer of one figure is a range with ``low == high``; for a range, its
    ``low`` is compared, since that is what is sure. The placement is
    ``BELOW`` under the range, ``BOTTOM`` at its low end, ``INSIDE`` between
    the ends, ``TOP`` at its high end (also when the range is one figure) and
    ``ABOVE`` over it. *room* is ``max(0, advertised.high - offered)``. Both
    must use the same currency and period, or
    :class:`~postinterview.ValidationError` names ``currency`` or ``period``.

    >>> from postinterview import Period
    >>> advert = SalaryRange(low=42000, high=48000, currency="GBP")
    >>> where = salary_position(SalaryRange(low=42000, high=42000, currency="GBP"),
    ...                         advert)
    >>> where.placement.name, where.room
    ('BOTTOM', Decimal('6000'))
    """
    if not isinstance(offer, SalaryRange):
        raise ValidationError("offer", offer, "a SalaryRange")
    if not isinstance(advertised, SalaryRange):
        raise ValidationError("advertised", advertised, "a SalaryRange")
    if offer.currency != advertised.currency:
        raise ValidationError(
            "currency",
            offer.currency,
            f"the advertised currency, {advertised.currency}",
        )
    if offer.period is not advertised.period:
        raise ValidationError(
            "period", offer.period, f"the advertised period, {advertised.period}"
        )
    offered, low, high = offer.low, advertised.low, advertised.high
    room = max(Decimal(0), high - offered)
    top = _money(high, advertised)
    homework = "Check what similar roles pay before you ask."
    if offered > high:
        placement = Placement.ABOVE
        reason = (
            f"The offer is above the advertised range, whose top is {top}: "
            "there is no advertised room left, so weigh the other terms."
        )
    elif offered == high:
        placement = Placement.TOP
        reason = (
            f"The offer is at the top of the advertised range ({top}): little "
            "room on salary, though other terms may still be open."
        )
    elif offered == low:
        placement = Placement.BOTTOM
        reason = (
            "The offer is at the bottom of the advertised range. Some "
            "organisations appoint there as a rule, but you may ask for more, "
            f"up to {top}. {homework}"
        )
    elif offered > low:
        placement = Placement.INSIDE
        reason = (
            "The offer is inside the advertised range, with room of "
            f"{_money(room, advertised)} up to {top}. {homework}"
        )
    else:
        placement = Placement.BELOW
        reason = (
            "The offer is below the advertised range, which starts at "
            f"{_money(low, advertised)}: ask why, and ask for at least the "
            f"bottom of the range. {homework}"
        )
    return SalaryPosition(
        offered=offered, placement=placement, room=room, reason=reason
    )


# --- the offer checklist ------------------------------------------------------


class Topic(enum.Enum):
    """What an item of the offer checklist is about."""

    DEADLINE = "the deadline for your answer"
    HOLIDAY = "a holiday already booked"
    FAMILY = "a family commitment"
    ADJUSTMENTS = "adjustments for a disability"
    SALARY = "the salary"
    TERMS = "a term of the offer"


@attrs.frozen(kw_only=True)
class ChecklistItem:
    """One thing to settle before accepting an offer: its *topic*, the
    *detail* that applies to this offer, and the *reason* to raise it."""

    topic: Topic = attrs.field(validator=_fields.enum_member(Topic))
    detail: str = attrs.field(converter=_fields.strip, validator=_fields.text)
    reason: str = attrs.field(converter=_fields.strip, validator=_fields.text)


def _sequence(name: str, value: object) -> Sequence[Any]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise ValidationError(name, value, "a tuple or list")
    return value


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _holiday(index: int, value: object) -> str:
    field = f"holidays_booked[{index}]"
    if isinstance(value, str):
        _fields.check_text(field, value)
        return value.strip()
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and all(_is_date(day) for day in value)
    ):
        first: dt.date = value[0]
        last: dt.date = value[1]
        if last < first:
            raise ValidationError(field, value, "a last day on or after the first")
        if first == last:
            return first.isoformat()
        return f"{first.isoformat()} to {last.isoformat()}"
    raise ValidationError(field, value, "a string or a (first day, last day) pair")


def offer_checklist(
    offer: OfferReceived,
    *,
    holidays_booked: Sequence[str | tuple[dt.date, dt.date]] = (),
    family_commitments: Sequence[str] = (),
    adjustments: str | None = None,
    advertised: SalaryRange | None = None,
) -> tuple[ChecklistItem, ...]:
    """Return what to settle before accepting *offer*, in order.

    First the deadline for an answer (``offer.respond_by``, when set), then
    one item per holiday in *holidays_booked* (a description, or a pair of
    dates: the first and last day away), one per item of
    *family_commitments* (hours that need to flex), *adjustments* for a
    disability (only when the candidate chooses to disclose them: ``None``
    leaves them out), the salary (when the offer carries one and the job was
    *advertised* with a range; see :func:`salary_position`) and last each of
    the offer's own ``terms``.

    >>> import pendulum
    >>> offer = OfferReceived(at=pendulum.datetime(2026, 12, 1, 9, tz="UTC"),
    ...                       terms=["Start date"])
    >>> items = offer_checklist(offer, holidays_booked=["Family wedding in May"])
    >>> [(item.topic.name, item.detail) for item in items]
    [('HOLIDAY', 'Family wedding in May'), ('TERMS', 'Start date')]
    """
    if not isinstance(offer, OfferReceived):
        raise ValidationError("offer", offer, "an OfferReceived")
    holidays = [
        _holiday(i, h)
        for i, h in enumerate(_sequence("holidays_booked", holidays_booked))
    ]
    family = list(_sequence("family_commitments", family_commitments))
    for index, commitment in enumerate(family):
        _fields.check_text(f"family_commitments[{index}]", commitment)
    if adjustments is not None:
        _fields.check_text("adjustments", adjustments)
    if advertised is not None and not isinstance(advertised, SalaryRange):
        raise ValidationError("advertised", advertised, "a SalaryRange or None")
    items = []
    if offer.respond_by is not None:
        when = offer.respond_by
        items.append(
            ChecklistItem(
                topic=Topic.DEADLINE,
                detail=(
                    f"Answer by {when.format('dddd D MMMM YYYY [at] HH:mm')} "
                    f"({when.timezone_name})"
                ),
                reason=(
                    "Everything below is easier to settle before you accept; "
                    "if you need more time, ask for it before this date."
                ),
            )
        )
    items.extend(
        ChecklistItem(
            topic=Topic.HOLIDAY,
            detail=holiday,
            reason=(
                "Tell them about a holiday you have already booked now, so it "
                "is agreed before you start rather than asked for after."
            ),
        )
        for holiday in holidays
    )
    items.extend(
        ChecklistItem(
            topic=Topic.FAMILY,
            detail=commitment.strip(),
            reason=(
                "Ask whether the hours can flex around it; it is easier to "
                "agree before accepting than to renegotiate later."
            ),
        )
        for commitment in family
    )
    if adjustments is not None:
        items.append(
            ChecklistItem(
                topic=Topic.ADJUSTMENTS,
                detail=adjustments.strip(),
                reason=(
                    "You have chosen to tell them; agreeing the adjustments "
                    "now means they can be in place on your first day."
                ),
            )
        )
    if offer.salary is not None and advertised is not None:
        where = salary_position(offer.salary, advertised)
        items.append(
            ChecklistItem(
                topic=Topic.SALARY,
                detail=f"Offered {_money(where.offered, advertised)}",
                reason=where.reason,
            )
        )
    items.extend(
        ChecklistItem(
            topic=Topic.TERMS,
            detail=term,
            reason="Part of the offer: make sure it is settled, in writing.",
        )
        for term in offer.terms
    )
    return tuple(items)
