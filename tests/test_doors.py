"""Arguments of the wrong kind are refused at the door, naming the argument.

Each case here is one the fuzz suite (test_fuzz.py) found letting a bare
TypeError, AttributeError, IndexError or a third-party error escape from a
public function, rebuilt as an example a reader can see: the call now raises
a :class:`ValidationError` whose ``field`` names the argument.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
import types
import typing
import warnings
import zoneinfo
from collections import abc
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import postinterview
import test_fuzz as fuzz
from postinterview import (
    Action,
    ActionKind,
    Application,
    Done,
    FollowUpPolicy,
    ImplausibleTimeWarning,
    Interview,
    NextRoundScheduled,
    NotesWritten,
    Person,
    Plan,
    PostInterviewError,
    PostInterviewWarning,
    Status,
    ValidationError,
    _time,
    plan,
    testing,
)
from postinterview import letters as ls
from postinterview import strategies as pst
from postinterview.reflection import Scorecard, is_vague, review
from postinterview.serialize import from_dict, from_json, to_dict, to_json

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
IV = Interview(
    organisation="Acme Ltd",
    role="Data Engineer",
    starts_at=END.subtract(hours=1),
    ends_at=END,
    interviewers=(PRIYA,),
)
APP = Application.from_interview(IV)
ME = ls.Candidate(name="Sam Jones", email="sam@example.org")
PLAN = plan(APP, now=END.add(minutes=5))
ACTION = PLAN.actions[0]
THANKS = PLAN.of_kind(ActionKind.THANK)[0]


def _action(**changes: Any) -> Action:
    fields: dict[str, Any] = {
        "kind": ActionKind.REFLECT,
        "recipient": None,
        "channel": None,
        "opens_at": END,
        "due_at": END.add(minutes=15),
        "closes_at": None,
        "send_at": END,
        "template": None,
        "rationale": "Memory fades fast.",
    }
    return Action(**{**fields, **changes})


CASES: dict[str, tuple[Callable[[], object], str]] = {
    # the follow-up engine and its records
    "plan without an application": (lambda: plan(None, now=END), "application"),  # type: ignore[arg-type]
    "plan with a tuple for a policy": (
        lambda: plan(APP, policy=(FollowUpPolicy(),), now=END),  # type: ignore[arg-type]
        "policy",
    ),
    "a plan whose actions are None": (
        lambda: Plan(actions=None, now=END, status=Status.AWAITING_DECISION),  # type: ignore[arg-type]
        "actions",
    ),
    "a plan whose actions hold a tuple": (
        lambda: Plan(actions=((ACTION,),), now=END, status=Status.AWAITING_DECISION),  # type: ignore[arg-type]
        "actions[0]",
    ),
    "a plan whose now is a list": (
        lambda: Plan(actions=(), now=[END], status=Status.AWAITING_DECISION),  # type: ignore[arg-type]
        "now",
    ),
    "a plan whose status is a string": (
        lambda: Plan(actions=(), now=END, status="awaiting"),  # type: ignore[arg-type]
        "status",
    ),
    "a plan for a tuple of applications": (
        lambda: Plan(
            actions=(),
            now=END,
            status=Status.AWAITING_DECISION,
            application=(APP,),  # type: ignore[arg-type]
        ),
        "application",
    ),
    "an action of no kind": (lambda: _action(kind="reflect"), "kind"),
    "an action to a name": (lambda: _action(recipient="Priya"), "recipient"),
    "an action by a channel's name": (lambda: _action(channel="email"), "channel"),
    "an action whose template is a list": (lambda: _action(template=[]), "template"),
    "an action without a rationale": (lambda: _action(rationale=None), "rationale"),
    "an action in round 0": (lambda: _action(round=0), "round"),
    "an action numbered True": (lambda: _action(number=True), "number"),
    "done by no event": (lambda: Done(action=ACTION, by=None), "by"),  # type: ignore[arg-type]
    "done without an action": (
        lambda: Done(action=None, by=NotesWritten(at=END)),  # type: ignore[arg-type]
        "action",
    ),
    "a rationale asked for by a list": (
        lambda: FollowUpPolicy().rationale(["notes_due"]),  # type: ignore[arg-type]
        "name",
    ),
    # the letters
    "a check-in about no interview": (
        lambda: ls.check_in(None, sender=ME),
        "interview",
    ),  # type: ignore[arg-type]
    "a check-in in a list of locales": (
        lambda: ls.check_in(IV, sender=ME, locale=["en_GB"]),  # type: ignore[arg-type]
        "locale",
    ),
    "a check-in in a list of variants": (
        lambda: ls.check_in(IV, sender=ME, variant=["email"]),  # type: ignore[arg-type]
        "variant",
    ),
    "a check-in to an empty string": (lambda: ls.check_in(IV, to="", sender=ME), "to"),  # type: ignore[arg-type]
    "feedback thanks about a date": (
        lambda: ls.feedback_thanks(pendulum.date(2026, 1, 1), sender=ME),  # type: ignore[arg-type]
        "interview",
    ),
    "thanks for an offer with None to discuss": (
        lambda: ls.offer_thanks(
            IV,
            sender=ME,
            reply_by=END.date().add(days=7),
            discuss=None,  # type: ignore[arg-type]
        ),
        "discuss",
    ),
    "a reference brief emphasising None": (
        lambda: ls.reference_brief(IV, to=PRIYA, sender=ME, emphasise=None),  # type: ignore[arg-type]
        "emphasise",
    ),
    "thank-yous about a string": (
        lambda: ls.thank_you_each("Acme", sender=ME, highlights={}),  # type: ignore[arg-type]
        "interview",
    ),
    "thank-yous with highlights of None": (
        lambda: ls.thank_you_each(IV, sender=ME, highlights=None),  # type: ignore[arg-type]
        "highlights",
    ),
    "a draft for no action": (lambda: ls.draft_for(None, APP, sender=ME), "action"),  # type: ignore[arg-type]
    "a draft from a list of applications": (
        lambda: ls.draft_for(THANKS, [APP], sender=ME, highlight="the migration"),  # type: ignore[arg-type]
        "application",
    ),
    "a draft to an empty string": (
        lambda: ls.draft_for(THANKS, APP, sender=ME, to="", highlight="the migration"),
        "to",
    ),
    "an environment from None": (lambda: ls.environment(None), "template_dirs"),  # type: ignore[arg-type]
    "an environment from one path as a string": (
        lambda: ls.environment("templates"),
        "template_dirs",
    ),
    "an environment from an int": (lambda: ls.environment([10]), "template_dirs[0]"),
    "an environment from a path with a NUL": (
        lambda: ls.environment(["a\x00b"]),
        "template_dirs[0]",
    ),
    "an environment that is html by a tuple": (
        lambda: ls.environment(html=(True,)),  # type: ignore[arg-type]
        "html",
    ),
    # reflection
    "is None vague": (lambda: is_vague(None), "note"),  # type: ignore[arg-type]
    "a review with a zone for a policy": (
        lambda: review(
            Scorecard(written_at=END.add(minutes=5), overall=3),
            IV,
            policy=dt.UTC,  # type: ignore[arg-type]
        ),
        "policy",
    ),
    "a review with a list for an application": (
        lambda: review(
            Scorecard(written_at=END.add(minutes=5), overall=3),
            IV,
            application=[APP],  # type: ignore[arg-type]
        ),
        "application",
    ),
    # testing's checks: a wrong argument is the test's mistake, not a broken rule
    "a thank-you time under a datetime for a policy": (
        lambda: testing.check_thank_you_time(END, END.add(hours=2), END),  # type: ignore[arg-type]
        "policy",
    ),
    "check-ins about a Decimal": (
        lambda: testing.check_check_ins(1, []),  # type: ignore[arg-type]
        "interview",
    ),
    "check-ins at one instant, not a list": (
        lambda: testing.check_check_ins(IV, END),  # type: ignore[arg-type]
        "times",
    ),
    "check-ins read in a list of zones": (
        lambda: testing.check_check_ins(IV, [], zone=["UTC"]),  # type: ignore[arg-type]
        "zone",
    ),
    "check-ins read in a zone with a NUL": (
        lambda: testing.check_check_ins(IV, [], zone="Asia/Choibalsan\x00"),
        "zone",
    ),
    "check-ins under a tuple of policies": (
        lambda: testing.check_check_ins(IV, [], (FollowUpPolicy(),)),  # type: ignore[arg-type]
        "policy",
    ),
    "no plan checked": (lambda: testing.check_plan(None, APP), "plan"),  # type: ignore[arg-type]
    "a plan checked against no application": (
        lambda: testing.check_plan(PLAN, None),  # type: ignore[arg-type]
        "application",
    ),
}


@pytest.mark.parametrize(("call", "field"), CASES.values(), ids=list(CASES))
def test_a_wrong_argument_is_refused_naming_it(
    call: Callable[[], object], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: expected ")


def test_check_plan_reports_a_plan_made_for_another_application() -> None:
    # A plan for a second round, checked against an application with one.
    later = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=END.add(days=7),
        ends_at=END.add(days=7, hours=1),
        interviewers=(PRIYA,),
    )
    two_rounds = Application(interviews=(IV, later))
    made = plan(two_rounds, now=later.ends_at.add(minutes=5))
    with pytest.raises(AssertionError, match="belongs to round 2, but the application"):
        testing.check_plan(made, APP)


def test_only_none_means_the_default_recipient() -> None:
    # None still means "the first interviewer"; other falsy values are refused
    # above rather than silently replaced.
    assert ls.check_in(IV, sender=ME).to == PRIYA
    made = ls.draft_for(THANKS, APP, sender=ME, highlight="the migration")
    assert made.to == PRIYA


@pytest.mark.parametrize(
    "cls", [None, [Person], 10**5000, "Person"], ids=["None", "list", "huge", "name"]
)
def test_serialize_refuses_what_is_not_a_record_with_a_short_type_error(
    cls: object,
) -> None:
    # TypeError is documented for these (a programming error, not bad data).
    for call in (
        lambda: from_dict(cls, {"schema_version": 1}),  # type: ignore[arg-type]
        lambda: from_json(cls, '{"schema_version": 1}'),  # type: ignore[arg-type]
    ):
        with pytest.raises(TypeError, match=r"^expected a record class") as caught:
            call()
        assert len(str(caught.value)) < 200
    for call in (lambda: to_dict(cls), lambda: to_json(cls)):
        with pytest.raises(TypeError, match=r"^\w+ is not a record .* the records are"):
            call()


@pytest.mark.parametrize(
    ("drafts", "field"),
    [
        (None, "drafts"),
        ("two notes", "drafts"),
        ([1], "drafts[0]"),
        (((),), "drafts[0]"),
    ],
)
def test_check_panel_names_what_is_not_a_draft(drafts: object, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ls.check_panel(drafts)  # type: ignore[arg-type]
    assert caught.value.field == field


@pytest.mark.parametrize("weekend", [[[5]], [{}, 6], [5, "Sunday"]])
def test_a_weekend_of_what_are_not_days_is_refused(weekend: object) -> None:
    with pytest.raises(ValidationError) as caught:
        postinterview.BusinessCalendar(weekend=weekend)  # type: ignore[arg-type]
    assert caught.value.field == "weekend"


@pytest.mark.parametrize("cc", [None, 3, "sam@example.org"])
def test_to_email_names_copies_that_are_not_a_collection(cc: object) -> None:
    priya = Person(name="Priya Shah", email="priya@acme.example")
    draft = ls.Draft(
        kind="thank_you", to=priya, subject="Thanks", text="Thanks.", html="<p>x</p>"
    )
    sender = ls.Candidate(name="Sam Jones", email="sam@example.org")
    with pytest.raises(ValidationError) as caught:
        draft.to_email(sender, cc=cc)  # type: ignore[arg-type]
    assert caught.value.field == "cc"


# --- plan() at the door: an interview, and instants that disagree ----------------


def test_plan_given_an_interview_points_to_from_interview() -> None:
    with pytest.raises(ValidationError) as caught:
        plan(IV, now=END)  # type: ignore[arg-type]
    assert caught.value.field == "application"
    assert "Application.from_interview(interview)" in str(caught.value)
    # What the message suggests works.
    plan(Application.from_interview(IV), now=END)


def test_plan_warns_of_a_now_before_the_latest_event() -> None:
    noted = APP.record(NotesWritten(at=END.add(hours=1)))
    with pytest.warns(ImplausibleTimeWarning, match="before the latest event") as w:
        made = plan(noted, now=END.add(minutes=5))
    # The warning points at the caller, and the plan is made all the same.
    assert w[0].filename == __file__
    assert made.now == END.add(minutes=5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plan(noted, now=END.add(hours=1))  # at the event itself: no warning


def test_plan_warns_of_an_interview_a_mistyped_year_ahead() -> None:
    # The interview was last Friday, but its year was typed as next year's.
    typo = attrs.evolve(
        IV, starts_at=IV.starts_at.add(years=1), ends_at=IV.ends_at.add(years=1)
    )
    now = END.add(days=3)
    with pytest.warns(ImplausibleTimeWarning, match="more than half a year after"):
        plan(Application.from_interview(typo), now=now)
    # A year and more ahead, too: the next year's interview typed for the
    # year after.
    with pytest.warns(ImplausibleTimeWarning, match="check the year"):
        plan(Application.from_interview(typo), now=END.subtract(days=20))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # Five months ahead is unusual, but happens.
        soon = attrs.evolve(
            IV, starts_at=now.add(months=5), ends_at=now.add(months=5, hours=1)
        )
        plan(Application.from_interview(soon), now=now)


def test_the_warnings_can_be_silenced_as_one_family() -> None:
    noted = APP.record(NotesWritten(at=END.add(hours=1)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", PostInterviewWarning)
        plan(noted, now=END)


@settings(max_examples=50)
@given(pst.applications(max_events=6), pst.aware_datetimes())
def test_plan_warns_exactly_when_now_and_the_record_disagree(
    application: Application, now: pendulum.DateTime
) -> None:
    utc = _time.naive_utc
    latest = utc(application.events[-1].at) if application.events else None
    # Every round: those recorded and those booked by a NextRoundScheduled.
    rounds = [
        *application.interviews,
        *(e.interview for e in application.events if isinstance(e, NextRoundScheduled)),
    ]
    expected = (latest is not None and utc(now) < latest) or any(
        utc(interview.starts_at) - utc(now) > dt.timedelta(days=183)
        for interview in rounds
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plan(application, now=now)
    warned = [w for w in caught if issubclass(w.category, ImplausibleTimeWarning)]
    assert bool(warned) == expected
    assert len(caught) == len(warned)


# --- zones at the door -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("EST", "America/New_York"),
        ("Etc/GMT+5", "loses daylight saving"),
        ("Factory", "placeholder"),
    ],
)
def test_a_zone_without_a_location_is_refused_wherever_a_zone_is_given(
    name: str, suggested: str
) -> None:
    instant = dt.datetime(2026, 11, 20, 15, 30, tzinfo=zoneinfo.ZoneInfo(name))
    calls: dict[str, Callable[[], object]] = {
        "timezone": lambda: Person(name="Priya Shah", timezone=name),
        "starts_at": lambda: attrs.evolve(IV, starts_at=instant),
        "zone": lambda: postinterview.BusinessCalendar().is_open(END, name),
        "now": lambda: plan(APP, now=instant),
    }
    for field, call in calls.items():
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.field == field
        assert suggested in str(caught.value)
    with pytest.raises(ValidationError, match=suggested):
        testing.check_check_ins(IV, [], zone=name)
    document = to_dict(IV)
    document["ends_at"] = document["ends_at"].replace("[Europe/London]", f"[{name}]")
    with pytest.raises(ValidationError, match=suggested):
        from_dict(Interview, document)


def test_a_link_is_read_as_its_target_wherever_a_zone_is_given() -> None:
    assert Person(name="Priya Shah", timezone="US/Eastern").timezone == (
        "America/New_York"
    )
    moved = attrs.evolve(
        IV,
        starts_at=IV.starts_at.in_timezone("US/Eastern"),
        ends_at=IV.ends_at.in_timezone("US/Eastern"),
    )
    assert moved.timezone == "America/New_York"
    assert moved.ends_at == IV.ends_at
    document = to_dict(IV)
    document["ends_at"] = document["ends_at"].replace("[Europe/London]", "[GB]")
    assert from_dict(Interview, document).ends_at.timezone_name == "Europe/London"


# --- every public callable, one argument of the wrong type ------------------------
#
# The fuzz suite (test_fuzz.py) throws hostile values at many arguments at
# once. Here one argument at a time gets a value of a type its hint does not
# name, every other argument a valid value, so that the call reaches the
# check of that argument: it must be refused with a ValidationError naming
# it (or another documented error: test_fuzz.ALLOWED), never accepted and
# never a bare TypeError or AttributeError from deeper down.

# Values of the library's own types, each the wrong type for most arguments:
# an interview where an application is expected is the commonest mistake.
_SCORECARD = Scorecard(written_at=END.add(minutes=5), overall=3)
_RECORDS: tuple[object, ...] = (
    IV,
    APP,
    PRIYA,
    ME,
    PLAN,
    ACTION,
    _SCORECARD,
    FollowUpPolicy(),
    NotesWritten(at=END),
    END,
    END.date(),
    dt.timedelta(hours=1),
    ActionKind.THANK,
)


class _Stranger:
    """An object of a type no hint names."""

    def __repr__(self) -> str:
        return "<stranger>"


_WRONG = st.one_of(
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.binary(max_size=8),
    st.text(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.none(),
    st.builds(_Stranger),
    st.sampled_from(_RECORDS),
)
_ABCS = {
    abc.Iterable: abc.Iterable,
    abc.Sequence: abc.Sequence,
    abc.Collection: abc.Collection,
    abc.Container: abc.Container,
    abc.Mapping: abc.Mapping,
    tuple: tuple,
    list: list,
    dict: abc.Mapping,
    frozenset: frozenset,
    set: set,
}
# What a hint takes besides its own type, by the documented conversions:
# amounts take ints and numeric strings; any number is a float.
_CONVERTS: dict[object, tuple[type, ...]] = {
    Decimal: (Decimal, int, str),
    float: (int, float),
}


def accepts(hint: Any, value: object) -> bool:
    """Whether *value* is of a type that *hint* names (or converts from)."""
    origin = typing.get_origin(hint)
    if hint in (Any, object) or isinstance(hint, typing.TypeVar):
        return True
    if origin in (typing.Union, types.UnionType):
        return any(accepts(part, value) for part in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if origin is type:
        return isinstance(value, type)
    if origin in _ABCS:
        return isinstance(value, _ABCS[origin])
    if origin is abc.Callable:
        return callable(value)
    if hint in _CONVERTS:
        return isinstance(value, _CONVERTS[hint])
    if hint in (dt.datetime, pendulum.DateTime):
        return isinstance(value, dt.datetime)
    if hint in (dt.date, pendulum.Date):
        return isinstance(value, dt.date)
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True  # a hint this test cannot read: no value counts as wrong


def _can_be_wrong(target: fuzz.Target, parameter: inspect.Parameter) -> bool:
    hint = target.hints.get(parameter.name, Any)
    return parameter.kind is not inspect.Parameter.VAR_POSITIONAL and not accepts(
        hint, _Stranger()
    )


@attrs.frozen
class WrongCall:
    """A call of a target with one argument, *name*, of the wrong type.

    *right* is a valid value for that argument: with it instead, the call
    shows whether the other arguments are valid together.
    """

    name: str
    wrong: object
    right: object
    positional: tuple[object, ...]
    keywords: dict[str, object]

    def run(self, target: fuzz.Target, receiver: object, value: object) -> object:
        """Call *target* with *value* for the chosen argument; return what it
        raised, or None."""
        positional = [value if item is _CHOSEN else item for item in self.positional]
        keywords = {
            key: value if item is _CHOSEN else item
            for key, item in self.keywords.items()
        }
        receivers = () if target.owner is None else (receiver,)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PostInterviewWarning)
            try:
                target.function(*receivers, *positional, **keywords)
            except Exception as error:  # what it raised is the outcome
                return error
        return None


_CHOSEN = object()  # marks where the chosen argument goes


@st.composite
def wrong_calls(draw: st.DrawFn, target: fuzz.Target) -> WrongCall:
    """One argument of *target* of the wrong type, the required others valid."""
    chosen = draw(
        st.sampled_from([p for p in target.parameters if _can_be_wrong(target, p)])
    )
    positional: list[object] = []
    keywords: dict[str, object] = {}
    for parameter in target.parameters:
        hint = target.hints.get(parameter.name, Any)
        if parameter is chosen:
            value: object = _CHOSEN
        elif (
            parameter.default is not inspect.Parameter.empty
            or parameter.kind is inspect.Parameter.VAR_POSITIONAL
        ):
            continue
        else:
            value = draw(fuzz.valid(hint, parameter.name))
        if parameter.kind is inspect.Parameter.POSITIONAL_ONLY:
            positional.append(value)
        else:
            keywords[parameter.name] = value
    hint = target.hints.get(chosen.name, Any)
    return WrongCall(
        name=chosen.name,
        wrong=draw(_WRONG.filter(lambda value: not accepts(hint, value))),
        right=draw(fuzz.valid(hint, chosen.name)),
        positional=tuple(positional),
        keywords=keywords,
    )


WRONGABLE = [
    target
    for target in fuzz.TARGETS
    if any(_can_be_wrong(target, p) for p in target.parameters)
]


def test_the_wrong_type_property_reaches_the_whole_api() -> None:
    names = {target.name for target in WRONGABLE}
    assert {"plan", "Interview", "Application", "Person", "Action"} <= names
    assert {"Plan.upcoming", "Draft.to_email", "thank_you", "from_json"} <= names
    assert len(WRONGABLE) > 100


def _names(field: str, parameter: str) -> bool:
    """Whether an error's *field* is the argument *parameter* or a part of it."""
    return re.match(rf"{re.escape(parameter)}(?:$|[\[.])", field) is not None


@pytest.mark.parametrize("target", WRONGABLE, ids=[t.name for t in WRONGABLE])
def test_an_argument_of_the_wrong_type_is_refused_naming_it(
    target: fuzz.Target,
) -> None:
    wrongable = [p for p in target.parameters if _can_be_wrong(target, p)]

    @settings(
        max_examples=_lean(3 * len(wrongable)),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        deadline=None,
    )
    @given(st.data())
    def check(data: st.DataObject) -> None:
        receiver = None
        if target.owner is not None:
            receiver = data.draw(fuzz.valid(target.owner), label="receiver")
        call = data.draw(wrong_calls(target), label="call")
        outcome = call.run(target, receiver, call.wrong)
        assert outcome is not None, f"{target.name} accepted {call.name}={call.wrong!r}"
        if not isinstance(outcome, PostInterviewError):
            keywords = {**call.keywords, call.name: call.wrong}
            if not target.allowed(outcome, keywords):
                raise outcome
        if isinstance(outcome, ValidationError) and (
            call.run(target, receiver, call.right) is None
        ):
            # The others are valid together: the error is about this one.
            assert _names(outcome.field, call.name), (call.name, outcome)

    check()


def _lean(examples: int) -> int:
    """*examples* in the default profile; a profile that asks for more than
    the default's 100 (thorough) gets that many."""
    asked = settings.default.max_examples
    return asked if asked > 100 else examples
