"""The charts of ``postinterview.plot``, drawn with matplotlib's Agg backend."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from typing import Any

import matplotlib
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from postinterview import (
    Application,
    Interview,
    LearningLog,
    LogEntry,
    NotesWritten,
    Person,
    Plan,
    Scorecard,
    ValidationError,
    plan,
    plot,
)
from postinterview import strategies as pst
from postinterview.reflection import Criterion, Rating

matplotlib.use("Agg")

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya $Shah$", email="priya@acme.example")
TOMASZ = Person(
    name="Tomasz Nowak", email="tomasz@acme.example", timezone="Europe/Warsaw"
)
IV = Interview(
    organisation="Acme Ltd",
    role="Data Engineer",
    starts_at=END.subtract(hours=1),
    ends_at=END,
    interviewers=(PRIYA, TOMASZ),
    decision_expected_by=pendulum.date(2026, 11, 27),
)
APPLICATION = Application.from_interview(IV).record(
    NotesWritten(at=END.add(minutes=10))
)


def png(figure: Figure) -> bytes:
    """Draw *figure* as a PNG, as Jupyter's inline backend would."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=40)
    return buffer.getvalue()


def entry(day: int, scores: dict[Criterion, int]) -> LogEntry:
    ends_at = pendulum.datetime(2026, 10, day, 15, tz="Europe/London")
    interview = Interview(
        organisation=f"Org {day}",
        role="Analyst",
        starts_at=ends_at.subtract(hours=1),
        ends_at=ends_at,
    )
    card = Scorecard(
        written_at=ends_at.add(minutes=15),
        overall=6,
        ratings=[Rating(criterion=c, score=s) for c, s in scores.items()],
    )
    return LogEntry(
        application=Application.from_interview(interview), scorecards=[card]
    )


LOG = LearningLog(
    entries=[
        entry(1, {Criterion.EXAMPLES: 2, Criterion.CLOSING: 4}),
        entry(8, {Criterion.EXAMPLES: 3, Criterion.CLOSING: 3}),
        entry(15, {Criterion.EXAMPLES: 4}),
    ]
)


# -- criterion trends --------------------------------------------------------------


def test_criterion_trends_draws_one_panel_per_scored_criterion() -> None:
    figure = plot.criterion_trends(LOG)
    assert isinstance(figure, Figure)
    shown = [axes for axes in figure.axes if axes.get_visible()]
    assert [axes.get_title() for axes in shown] == [
        "examples: improving (+2.00)",
        "closing: not enough data",
    ]
    examples = shown[0]
    # The scores, and the fitted line through them.
    scores, fitted = examples.get_lines()
    assert list(scores.get_ydata()) == [2, 3, 4]
    assert list(fitted.get_ydata()) == pytest.approx([2, 4])
    assert len(shown[1].get_lines()) == 1  # two scores make no line
    assert png(figure).startswith(b"\x89PNG")


def test_criterion_trends_can_be_limited_to_some_criteria() -> None:
    figure = plot.criterion_trends(LOG, criteria=[Criterion.CLOSING, Criterion.FRAME])
    titles = [axes.get_title() for axes in figure.axes if axes.get_visible()]
    assert titles == ["closing: not enough data", "frame: not enough data"]
    png(figure)


def test_a_log_without_scores_gives_a_figure_that_says_so() -> None:
    figure = plot.criterion_trends(LearningLog())
    assert [text.get_text() for text in figure.texts] == ["No scores yet."]
    png(figure)


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"log": "a log"}, "log"),
        ({"log": LOG, "criteria": "EXAMPLES"}, "criteria"),
        ({"log": LOG, "criteria": [Criterion.EXAMPLES, "CLOSING"]}, "criteria[1]"),
    ],
)
def test_criterion_trends_refuses_what_is_not_a_log(
    arguments: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        plot.criterion_trends(**arguments)
    assert error.value.field == field


# -- a plan's timeline -------------------------------------------------------------


def test_plan_timeline_draws_each_action_with_its_window() -> None:
    owed = plan(APPLICATION, now=END.add(days=1, hours=2))
    figure = plot.plan_timeline(owed)
    [axes] = figure.axes
    labels = [label.get_text() for label in axes.get_yticklabels()]
    assert len(labels) == len(owed) + len(owed.lapsed)
    assert labels[0] == "thank an interviewer: Priya $Shah$, by email"
    # A dollar sign in a name is text, not mathematics.
    assert not any(label.get_parse_math() for label in axes.get_yticklabels())
    assert axes.get_xlabel() == "time in Europe/London"
    # One bar per action; the overdue ones in red.
    bars = axes.patches
    assert len(bars) == len(labels)
    red = matplotlib.colors.to_rgba("tab:red", 0.3)
    assert sum(bar.get_facecolor() == red for bar in bars) == len(owed.overdue())
    assert owed.overdue()
    png(figure)


def test_lapsed_actions_are_drawn_last_and_named() -> None:
    late = plan(APPLICATION, now=END.add(days=5))
    assert late.lapsed
    labels = [
        label.get_text() for label in plot.plan_timeline(late).axes[0].get_yticklabels()
    ]
    assert all(label.endswith("(lapsed)") for label in labels[-len(late.lapsed) :])
    assert not any(label.endswith("(lapsed)") for label in labels[: len(late)])


def test_a_plan_with_nothing_to_draw_says_so() -> None:
    empty = Plan(actions=(), now=END, status=APPLICATION.status)
    figure = plot.plan_timeline(empty)
    assert [text.get_text() for text in figure.texts] == [
        "Nothing owed at Fri 2026-11-20 15:30 GMT."
    ]
    png(figure)


def test_plan_timeline_refuses_what_is_not_a_plan() -> None:
    with pytest.raises(ValidationError) as error:
        plot.plan_timeline(APPLICATION)  # type: ignore[arg-type]
    assert error.value.field == "plan"


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    application = draw(pst.applications(max_events=6))
    start = application.events[-1].at if application.events else None
    start = start or application.interviews[0].ends_at
    # Not long before a round booked far ahead, which plan() would warn of.
    booked = application.rounds[-1].starts_at.subtract(days=180)
    start = max(start, booked, key=lambda instant: instant.timestamp())
    now = start.add(minutes=draw(st.integers(0, 60 * 24 * 60)))
    return plan(application, now=now)


# A figure costs up to a few hundred milliseconds to build: 10 examples in
# the default profile; a profile that asks for more gets what it asks for.
_ASKED = settings.default.max_examples
CHARTS = _ASKED if _ASKED > 100 else 10


@settings(max_examples=CHARTS)
@given(made=plans(), log=pst.learning_logs(max_entries=3))
def test_the_charts_are_made_for_any_plan_and_log(made: Plan, log: LearningLog) -> None:
    assert isinstance(plot.plan_timeline(made), Figure)
    assert isinstance(plot.criterion_trends(log), Figure)


# -- the extra ----------------------------------------------------------------------


def test_without_matplotlib_each_chart_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if not installed
    for draw, value in (
        (plot.criterion_trends, LOG),
        (plot.plan_timeline, plan(APPLICATION, now=END.add(minutes=10))),
    ):
        with pytest.raises(ModuleNotFoundError) as error:
            draw(value)  # type: ignore[operator]
        assert "pip install 'postinterview[plot]'" in str(error.value)
        assert error.value.name == "matplotlib"


def test_importing_the_charts_does_not_import_matplotlib() -> None:
    script = textwrap.dedent(
        """
        import sys
        from postinterview import plot, plan, Application
        import postinterview.learning, postinterview.decisions
        print("matplotlib" in sys.modules)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == "False"
