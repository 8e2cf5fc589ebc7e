"""The follow-up engine: :func:`plan` runs the rule families, then orders the actions.

Each family of rules has its own module and adds its actions to one
:class:`~postinterview.followup._planner.Planner`; the engine calls them in
order, round by round and then for the application as a whole, and settles
which actions are owed, done or lapsed.
"""

from __future__ import annotations

import datetime as dt
import operator
import warnings

from postinterview import _time
from postinterview.errors import ImplausibleTimeWarning, ValidationError
from postinterview.followup._action import Action, Done
from postinterview.followup._check_ins import check_ins
from postinterview.followup._feedback import after_rejection, thank_for_feedback
from postinterview.followup._next_round import prepare
from postinterview.followup._offers import after_offers
from postinterview.followup._plan import Plan, made_plan
from postinterview.followup._planner import Planner, home
from postinterview.followup._policy import FollowUpPolicy
from postinterview.followup._referees import notify_referees
from postinterview.followup._retiring import retired_by
from postinterview.followup._search import keep_searching, withdraw
from postinterview.followup._thank_yous import ask_for_names, notes, thank_yous
from postinterview.interview import Interview
from postinterview.timeline import Application, status_of

_naive_utc = _time.naive_utc
_first = operator.itemgetter(0)
#: How far ahead of now an interview may start before plan() warns. Interviews
#: are arranged weeks ahead, rarely months; a mistyped year puts one about a
#: year ahead, a little less when it took place days ago. Half a year catches
#: both.
_FAR_AHEAD = dt.timedelta(days=183)
_FROM_INTERVIEW = (
    "an Application: plan() reads an application's history, so make one of "
    "the interview first with Application.from_interview(interview)"
)


def plan(
    application: Application,
    *,
    policy: FollowUpPolicy | None = None,
    now: dt.datetime,
) -> Plan:
    """Return what *application* still owes at *now*, under *policy*.

    Pure: the same arguments always give the same plan, and nothing reads the
    clock. *now* is an aware datetime; it decides which actions are overdue
    or lapsed, not when anything is due.

    An :class:`~postinterview.Interview` given for *application* raises
    :class:`~postinterview.ValidationError` that points to
    :meth:`Application.from_interview
    <postinterview.Application.from_interview>`. The plan comes with an
    :class:`~postinterview.errors.ImplausibleTimeWarning` when *now* comes
    before the latest event recorded, or when an interview starts more than
    half a year (183 days) after *now*: both can happen, but a wrong *now*
    or a mistyped year is likelier.
    """
    if not isinstance(application, Application):
        raise ValidationError(
            "application",
            application,
            _FROM_INTERVIEW if isinstance(application, Interview) else "an Application",
        )
    if policy is None:
        policy = _DEFAULT_POLICY
    elif not isinstance(policy, FollowUpPolicy):
        raise ValidationError("policy", policy, "a FollowUpPolicy or None")
    current = _time.utc_of(now, "now")
    _warn_if_implausible(application, current)
    planner = Planner(application, policy, current)
    try:
        _apply_rules(planner)
        return _settle(planner)
    except (OverflowError, ValueError) as error:
        if isinstance(error, ValidationError):
            raise
        # Only date arithmetic past the year 9999 gets here.
        raise ValidationError(
            "application",
            application,
            "interviews and events early enough that their follow-ups fall "
            "before the year 10000",
        ) from None


def _warn_if_implausible(application: Application, now: dt.datetime) -> None:
    """Warn when *now* (naive UTC) and the record disagree, as a mistake would.

    Two checks, each a comparison: *now* before the latest event recorded,
    and the latest round starting more than half a year after *now*. Events
    and rounds are in time order, so the last of each is the one to check.
    """
    events = application.events
    if events:
        latest = events[-1]
        if _naive_utc(latest.at) > now:
            warnings.warn(
                f"now ({_shown(now)}) is before the latest event recorded, "
                f"{type(latest).__name__} at {latest.at.isoformat()}: the plan is "
                "made as of a moment the record already lies past; check now, "
                "or that event's instant",
                ImplausibleTimeWarning,
                stacklevel=3,
            )
    interview = application.history.latest
    if _naive_utc(interview.starts_at) - now > _FAR_AHEAD:
        warnings.warn(
            f"round {interview.round} starts at "
            f"{interview.starts_at.isoformat()}, more than half a year after "
            f"now ({_shown(now)}): check the year of the interview and of now",
            ImplausibleTimeWarning,
            stacklevel=3,
        )


def _shown(naive: dt.datetime) -> str:
    """Show a naive-UTC instant as ISO 8601 in UTC."""
    return naive.replace(tzinfo=dt.UTC).isoformat()


def _apply_rules(planner: Planner) -> None:
    """Add the actions of every rule family, in the order that breaks ties.

    A rule that applies rarely is called only when it does: plan() is the hot
    path, and calls add up.
    """
    history = planner.history
    for index, interview in enumerate(history.rounds):
        number = index + 1
        end = _naive_utc(interview.ends_at)
        notes(planner, number, interview, end)
        if interview.interviewers:
            thank_yous(planner, number, interview, end)
        else:
            ask_for_names(planner, number, interview, end)
        if interview.references_may_be_contacted:
            notify_referees(planner, number, interview, end)
        prepare(planner, number, interview)
        check_ins(planner, index, interview, end)
    keep_searching(planner)
    latest = history.latest
    contact = planner.contact(latest)
    if history.rejected is not None:
        after_rejection(planner, history.rejected, latest, contact)
    thank_for_feedback(planner, latest, contact)
    if history.lost_interest is not None:
        withdraw(planner, history.lost_interest, latest, contact)
    after_offers(planner, latest, contact)


def _settle(planner: Planner) -> Plan:
    """Order the actions made, and sort them into owed, done and lapsed."""
    now = planner.now
    for action in planner.edges:  # raise OverflowError now, not when read
        action.opens_at, action.due_at, action.closes_at, action.send_at  # noqa: B018
    timed = [(_naive_utc(event.at), event) for event in planner.events]
    made = planner.made
    made.sort(key=_first)
    owed: list[Action] = []
    lapsed: list[Action] = []
    done: list[Done] = []
    for _, action, trigger, sent, first in made:
        done_by = sent
        if done_by is None and timed:
            done_by = retired_by(action, trigger, timed, first)
        if done_by is not None:
            done.append(Done(action=action, by=done_by))
        else:
            closes = action._at[3]
            if closes is not None and closes < now:
                lapsed.append(action)
            else:
                owed.append(action)
    return made_plan(
        actions=tuple(owed),
        now=_time.from_naive_utc(now, home(planner.history.latest)),
        status=status_of(planner.history, planner.policy.check_ins_at_most),
        done=tuple(done),
        lapsed=tuple(lapsed),
        application=planner.application,
    )


_DEFAULT_POLICY = FollowUpPolicy()
