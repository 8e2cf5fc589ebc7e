"""Records behave as values: pickle, copies and attrs.evolve give them back whole.

Dask and multiprocessing move records between processes by pickle, and host
tools copy and evolve them. Every public class must come back equal, with an
equal hash and the very same instants: a fall-back night repeats an hour, and
an instant in the repeat must not come back an hour early (pendulum pickles a
DateTime without its fold; the records carry it themselves).
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postinterview import (
    Action,
    Application,
    Interview,
    NotesWritten,
    Person,
    ThankYouSent,
    ValidationError,
    _time,
    plan,
)
from postinterview import strategies as pst
from postinterview.reflection import Scorecard
from postinterview.serialize import RECORDS, from_json, to_json
from test_fuzz import CLASSES, valid

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)

# In the default profile each property here runs LEAN examples; a profile
# that asks for more than the default's 100 (thorough) gets that many.
LEAN = 25


def _lean(examples: int = LEAN) -> settings:
    asked = settings.default.max_examples
    return settings(
        max_examples=asked if asked > 100 else examples,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


def _instants(value: object) -> list[tuple[str, object]]:
    """Every instant *value* shows, as (where, UTC time and zone name)."""
    found: list[tuple[str, object]] = []
    if isinstance(value, Action):
        for name in ("opens_at", "due_at", "closes_at", "send_at"):
            found.append((name, _time.instant_key(getattr(value, name))))
        return found
    if not attrs.has(type(value)):
        return found
    for field in attrs.fields(type(value)):
        if field.name.startswith("_"):
            continue
        item = getattr(value, field.name)
        items = item if isinstance(item, tuple) else (item,)
        for index, part in enumerate(items):
            if isinstance(part, dt.datetime):
                found.append((f"{field.name}[{index}]", _time.instant_key(part)))
            elif attrs.has(type(part)):
                found += [
                    (f"{field.name}[{index}].{where}", key)
                    for where, key in _instants(part)
                ]
    return found


def same_value(back: object, value: object) -> None:
    """*back* is *value* again: equal, equally hashed, the same instants."""
    assert type(back) is type(value)
    assert back == value
    assert hash(back) == hash(value)
    assert _instants(back) == _instants(value)
    if type(value) in RECORDS:
        assert to_json(back) == to_json(value)


def survives(value: object) -> None:
    """*value* survives every pickle protocol, copy, deepcopy and evolve."""
    for protocol in PROTOCOLS:
        back = pickle.loads(pickle.dumps(value, protocol))  # noqa: S301 - our own bytes
        same_value(back, value)
    same_value(copy.copy(value), value)
    same_value(copy.deepcopy(value), value)
    if attrs.has(type(value)):
        same_value(attrs.evolve(value), value)


# --- the case the issue reports, rebuilt --------------------------------------

# Chile's Aysén region set its clocks back at midnight on 11-12 March 2000:
# 23:00 to 23:59 on the 11th happened twice, first at UTC-03:00, then at
# UTC-04:00.
COYHAIQUE = pendulum.datetime(2000, 3, 11, 23, 0, tz="America/Coyhaique")


def test_an_interview_in_a_repeated_hour_comes_back_from_pickle_at_its_instant() -> (
    None
):
    starts = COYHAIQUE.replace(fold=1)
    assert starts.utcoffset() == dt.timedelta(hours=-4)  # the second 23:00
    interview = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=starts,
        ends_at=starts.add(minutes=30),
    )
    for protocol in PROTOCOLS:
        back = pickle.loads(pickle.dumps(interview, protocol))  # noqa: S301
        assert back.starts_at.in_timezone("UTC") == pendulum.datetime(2000, 3, 12, 3)
        assert back.starts_at.fold == 1
        assert back == interview
    # pendulum alone loses the fold: the reason the records carry it.
    assert pickle.loads(pickle.dumps(starts)).fold == 0  # noqa: S301
    assert from_json(Interview, to_json(interview)) == interview
    survives(interview)


def test_a_plan_and_its_actions_in_a_repeated_hour_keep_their_instants() -> None:
    starts = COYHAIQUE.replace(fold=1)
    interview = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=starts,
        ends_at=starts.add(minutes=30),
        interviewers=(Person(name="Priya Shah", email="priya@acme.example"),),
    )
    made = plan(Application.from_interview(interview), now=interview.ends_at)
    reflect = made.actions[0]
    assert reflect.opens_at == interview.ends_at
    assert reflect.opens_at.fold == 1
    survives(made)
    for action in made.actions:
        survives(action)


# --- folds ----------------------------------------------------------------------


@st.composite
def repeated_hours(draw: st.DrawFn) -> pendulum.DateTime:
    """An instant in the second pass of a fall-back night's repeated hour."""
    name = draw(pst.zone_names())
    year = draw(st.integers(1900, 2100))
    backs = [
        change
        for change in pst._transitions(name, year)
        if change.astimezone(_time.zone(name)).utcoffset()
        < (change - dt.timedelta(seconds=1)).astimezone(_time.zone(name)).utcoffset()
    ]
    if not backs:
        name, backs = "Europe/London", list(pst._transitions("Europe/London", 2026))
        backs = backs[1:]
    change = draw(st.sampled_from(backs))
    tz = _time.zone(name)
    before = (change - dt.timedelta(seconds=1)).astimezone(tz).utcoffset()
    after = change.astimezone(tz).utcoffset()
    assert before is not None
    assert after is not None
    repeat = (before - after) // dt.timedelta(seconds=1)
    seconds = draw(st.integers(0, repeat - 1))
    return _time.from_utc(change + dt.timedelta(seconds=seconds), tz)


@_lean(50)
@given(repeated_hours())
def test_every_record_keeps_an_instant_of_a_repeated_hour(
    at: pendulum.DateTime,
) -> None:
    assert at.fold == 1 or at.replace(fold=0).utcoffset() == at.utcoffset()
    interview = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=at,
        ends_at=at.add(minutes=10),
        interviewers=(Person(name="Priya Shah"),),
    )
    later = interview.ends_at.add(minutes=5)
    application = Application(
        interviews=(interview,),
        events=(
            NotesWritten(at=later),
            ThankYouSent(at=later.add(hours=1), to=interview.interviewers[0]),
        ),
    )
    for value in (
        interview,
        application,
        Scorecard(written_at=at, overall=3),
        plan(application, now=at.add(hours=2)),
    ):
        survives(value)


# --- every strategy, every public class -----------------------------------------

# The strategies of postinterview.strategies that draw values of the library
# (zone_names draws strings; aware_datetimes, instants, checked above through
# the records; next_events needs an application).
STRATEGIES = sorted(set(pst.__all__) - {"zone_names", "aware_datetimes", "next_events"})


def test_every_strategy_is_checked() -> None:
    assert set(STRATEGIES) | {"zone_names", "aware_datetimes", "next_events"} == set(
        pst.__all__
    )


@pytest.mark.parametrize("name", STRATEGIES)
def test_what_each_strategy_draws_survives_pickle_copies_and_evolve(
    name: str,
) -> None:
    @_lean()
    @given(getattr(pst, name)())
    def check(value: object) -> None:
        survives(value)

    check()


@_lean()
@given(pst.applications(max_events=6), st.integers(0, 60 * 86400), st.data())
def test_plans_actions_and_what_retired_them_survive(
    application: Application, seconds: int, data: st.DataObject
) -> None:
    # After everything on record: plan() warns of a now before an event.
    moments = [
        *(r.ends_at for r in application.rounds),
        *(e.at for e in application.events),
    ]
    now = max(moments, key=lambda at: at.timestamp()).add(seconds=seconds)
    made = plan(application, now=now)
    survives(made)
    actions = made.actions + made.lapsed
    if actions:
        action = data.draw(st.sampled_from(actions))
        action.opens_at  # noqa: B018 - fill the cache of shown instants
        survives(action)
    for done in made.done:
        survives(done)


# The public classes that are values, each drawn as the fuzz suite draws it
# (from postinterview.strategies where there is a strategy).
VALUES = sorted(CLASSES)


@pytest.mark.parametrize("name", VALUES)
def test_every_public_class_survives_pickle_copies_and_evolve(name: str) -> None:
    cls = CLASSES[name]

    @_lean(10)
    @given(valid(cls))
    def check(value: object) -> None:
        survives(value)

    check()


def test_every_public_class_is_checked() -> None:
    # CLASSES is every class in the __all__ of the documented modules;
    # attrs.evolve applies to those that are attrs classes, most of them.
    assert {
        "Action", "Application", "BusinessCalendar", "Candidate", "Done",
        "Draft", "Interview", "LearningLog", "Plan", "Scorecard",
    } <= set(VALUES)  # fmt: skip


# --- attrs.evolve on an action ----------------------------------------------------

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
PLAN = plan(
    Application.from_interview(
        Interview(
            organisation="Acme Ltd",
            role="Data Engineer",
            starts_at=END.subtract(hours=1),
            ends_at=END,
            interviewers=(PRIYA,),
        )
    ),
    now=END.add(minutes=5),
)


def test_evolve_changes_an_action_and_checks_the_result() -> None:
    thanks = PLAN.actions[1]
    later = thanks.send_at.add(hours=1)
    moved = attrs.evolve(thanks, send_at=later)
    assert moved.send_at == later
    assert (moved.opens_at, moved.due_at, moved.kind) == (
        thanks.opens_at,
        thanks.due_at,
        thanks.kind,
    )
    assert moved != thanks
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(thanks, send_at=later.in_timezone("Asia/Tokyo"))
    assert caught.value.field == "send_at"
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(thanks, round=0)
    assert caught.value.field == "round"


def test_an_actions_fields_are_its_constructors_arguments() -> None:
    given: dict[str, Any] = {
        field.alias: getattr(PLAN.actions[0], field.name)
        for field in attrs.fields(Action)
        if field.init
    }
    assert Action(**given) == PLAN.actions[0]
