"""The review: reading a scorecard as a careers adviser would."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from postinterview import _time
from postinterview.errors import ValidationError
from postinterview.findings import Finding
from postinterview.interview import Interview
from postinterview.notes import InterviewNotes
from postinterview.reflection._scorecard import (
    Criterion,
    FitAssessment,
    Scorecard,
    Want,
)
from postinterview.reflection._vagueness import content_words, is_vague

if TYPE_CHECKING:
    from postinterview.followup import FollowUpPolicy
    from postinterview.timeline import Application

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
    from postinterview.followup import FollowUpPolicy  # noqa: PLC0415 - lazy
    from postinterview.timeline import Application  # noqa: PLC0415 - lazy

    if application is not None and not isinstance(application, Application):
        raise ValidationError("application", application, "an Application or None")
    if policy is None:
        policy = FollowUpPolicy()
    elif not isinstance(policy, FollowUpPolicy):
        raise ValidationError("policy", policy, "a FollowUpPolicy or None")
    return (
        *_timing(scorecard, interview, policy),
        *_nothing_went_well(scorecard),
        *_vague(scorecard),
        *_not_rated(scorecard),
        *_fit(scorecard.fit, application),
        *(_unreviewed(notes, scorecard) if notes is not None else ()),
    )


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


def _nothing_went_well(scorecard: Scorecard) -> list[Finding]:
    if scorecard.went_well:
        return []
    return [
        Finding(
            code="nothing-went-well",
            message=(
                "Start with what went well: every interview has something, and "
                "knowing it tells you what to keep doing."
            ),
        )
    ]


def _not_rated(scorecard: Scorecard) -> list[Finding]:
    unrated = [c for c in Criterion if scorecard.rating(c) is None]
    if not unrated:
        return []
    return [
        Finding(
            code="not-rated",
            message="Rate every criterion, even briefly: "
            + ", ".join(c.description.split(":")[0] for c in unrated)
            + ".",
            text=", ".join(c.name for c in unrated),
        )
    ]


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


def _unreviewed(notes: InterviewNotes, scorecard: Scorecard) -> list[Finding]:
    improving = set().union(*(content_words(p) for p in scorecard.to_improve))
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
        and not content_words(question.text) & improving
    ]
