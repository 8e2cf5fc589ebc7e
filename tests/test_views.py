"""The notebook views: plans, applications, scorecards, comparisons, the log.

Each record that shows itself in a notebook writes one description of its
view as HTML and as Markdown (``postinterview._views``). The properties say
what must hold for any record the strategies draw: neither view raises,
neither contains a tag the view did not write itself, and both show the same
text, which is the records' text as written. The Markdown is rendered by
markdown-it (CommonMark with tables, raw HTML on), as a notebook would.
"""

from __future__ import annotations

import copy
import html.parser
import pickle
import warnings
from decimal import Decimal
from typing import Any, Protocol

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from postinterview import (
    Application,
    Channel,
    CheckInSent,
    Interview,
    LearningLog,
    NextRoundScheduled,
    NotesWritten,
    Person,
    Plan,
    Rejected,
    ThankYouSent,
    ValidationError,
    plan,
)
from postinterview import strategies as pst
from postinterview._views import escape_html, escape_markdown, to_markdown
from postinterview.decisions import Ranked, Ranking, compare_opportunities
from postinterview.errors import ImplausibleTimeWarning
from postinterview.followup import ActionKind
from postinterview.reflection import (
    Comparison,
    Criterion,
    FitAssessment,
    Rating,
    Reservation,
    Scorecard,
    Want,
)

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
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
# Text that is markup in HTML or in Markdown (or LaTeX, in Jupyter).
HOSTILE = "<script>alert('x')</script> *bold* _it_ [a](b) `c` # | ~~s~~ &amp; $x$"

# The tags the views write themselves, and those markdown-it makes of them.
OWN_TAGS = {"div", "p", "strong", "br", "table", "thead", "tbody", "tr", "th", "td"}
OWN_TAGS |= {"ul", "li"}


class Viewed(Protocol):
    def _repr_html_(self) -> str: ...
    def _repr_markdown_(self) -> str: ...


class _Reader(html.parser.HTMLParser):
    """The tags of an HTML text, and its text with each break as a space."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag != "strong":
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag != "strong":
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(markup: str) -> tuple[set[str], str]:
    """The tags *markup* holds, and its text, each run of whitespace one space."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    return set(reader.tags), " ".join("".join(reader.text).split())


MARKDOWN = MarkdownIt("commonmark").enable("table")


def shown(record: Viewed) -> tuple[str, str]:
    """The text of both views, after checking that they hold only their own tags."""
    html_tags, html_text = read(record._repr_html_())
    markdown_tags, markdown_text = read(MARKDOWN.render(record._repr_markdown_()))
    assert html_tags <= OWN_TAGS, html_tags - OWN_TAGS
    assert markdown_tags <= OWN_TAGS, markdown_tags - OWN_TAGS
    assert html_text == markdown_text
    return html_text, markdown_text


def text_of(record: Viewed) -> str:
    return shown(record)[0]


def spaced(text: str) -> str:
    return " ".join(text.split())


# -- the escaping, shared with Draft -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "*C++* _dev_",
        "[link](https://example.org) ![image](x.png)",
        "<script>alert(1)</script>",
        "# heading",
        "1. a list",
        "2) another",
        "- item",
        "+ item",
        "> quote",
        "a | b",
        "~~struck~~",
        "&amp; &lt;",
        "$x^2$",
        "`code`",
        "\\*",
        "---",
        "===",
    ],
)
def test_markdown_escaping_shows_the_text_as_written(text: str) -> None:
    rendered = MARKDOWN.render(escape_markdown(text))
    tags, back = read(rendered)
    assert tags <= {"p"}
    assert back == spaced(text)


def test_html_escaping_leaves_no_tag_and_no_open_attribute() -> None:
    escaped = escape_html("<b onclick=\"x('y')\">&</b>")
    assert escaped == "&lt;b onclick=&quot;x(&#x27;y&#x27;)&quot;&gt;&amp;&lt;/b&gt;"


def test_a_draft_escapes_its_header_as_the_other_views_do() -> None:
    from postinterview import letters  # noqa: PLC0415 - loads Jinja

    iv = attrs.evolve(IV, role="R&D $lead$ 1. <b>")
    draft = letters.thank_you(
        iv,
        to=PRIYA,
        sender=letters.Candidate(name="Sam Jones", email="sam@example.org"),
        highlight="x",
    )
    header = draft._repr_markdown_().partition("```")[0]
    assert escape_markdown(draft.subject) in header
    tags, text = read(MARKDOWN.render(header))
    assert tags <= {"p", "strong", "br"}
    assert spaced(draft.subject) in text


def test_a_block_that_starts_with_spaces_is_not_code() -> None:
    from postinterview._views import Bullets, Paragraph  # noqa: PLC0415

    markdown = to_markdown([Paragraph(("    not code",)), Bullets(["    nor this"])])
    assert MARKDOWN.render(markdown).count("<code>") == 0


# -- the plan --------------------------------------------------------------------


def plan_at(application: Application, **delta: int) -> Plan:
    return plan(application, now=END.add(**delta))


def rows(markdown: str) -> list[list[str]]:
    """The body rows of the first table of a Markdown view, cell by cell."""
    lines = [line for line in markdown.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.split(" | ")] for line in lines[2:]]


def test_the_plan_is_a_table_of_when_what_to_whom_and_why() -> None:
    application = Application.from_interview(IV).record(
        NotesWritten(at=END.add(minutes=10))
    )
    owed = plan_at(application, minutes=20)
    text = text_of(owed)
    assert text.startswith(
        "Acme Ltd, Data Engineer: notes written; thank-you notes still to send "
        "6 actions owed at Fri 2026-11-20 15:50 GMT: 0 overdue, 0 lapsed."
    )
    assert "When What To whom Why" in text
    thanks = owed.of_kind(ActionKind.THANK)[1]
    assert thanks.recipient == TOMASZ
    assert (
        spaced(
            "send Fri 2026-11-20 17:30 CET due Sat 2026-11-21 16:30 CET "
            "closes Sun 2026-11-22 16:30 CET thank an interviewer "
            f"Tomasz Nowak, by email {thanks.rationale}"
        )
        in text
    )
    # The candidate's own tasks are theirs.
    [search] = owed.of_kind(ActionKind.KEEP_SEARCHING)
    assert f"keep applying elsewhere you {search.rationale}" in text
    html = owed._repr_html_()
    assert html.startswith('<div class="postinterview-plan ')
    assert "mathjax_ignore" in html


def test_overdue_and_lapsed_actions_are_marked() -> None:
    application = Application.from_interview(IV).record(
        NotesWritten(at=END.add(minutes=10))
    )
    owed = plan_at(application, hours=26)
    assert owed.overdue()
    assert owed.lapsed == ()
    marks = [row[0].strip("| *") for row in rows(owed._repr_markdown_())]
    assert marks.count("overdue") == len(owed.overdue())
    assert "0 lapsed" in text_of(owed)

    late = plan_at(application, days=4)
    assert late.lapsed
    table = rows(late._repr_markdown_())
    lapsed = [row for row in table if row[0].strip("| ") == "**lapsed**"]
    assert len(lapsed) == len(late.lapsed)
    # Lapsed actions come after those still owed, saying when they closed.
    assert table[-len(lapsed) :] == lapsed
    assert all("closed" in row[1] for row in lapsed)
    assert f"{len(late.lapsed)} lapsed" in text_of(late)


def test_a_send_time_after_the_due_time_is_explained() -> None:
    # An interview on a Saturday morning: the thank-you is due on Sunday,
    # when no one is at work, so it is timed for Monday morning.
    saturday = pendulum.datetime(2026, 11, 21, 11, 0, tz="Europe/London")
    iv = attrs.evolve(
        IV,
        starts_at=saturday.subtract(hours=1),
        ends_at=saturday,
        interviewers=(PRIYA,),
    )
    owed = plan(Application.from_interview(iv), now=saturday.add(minutes=5))
    [thanks] = owed.of_kind(ActionKind.THANK)
    assert thanks.send_at > thanks.due_at
    assert spaced(
        "send Mon 2026-11-23 09:00 GMT due Sun 2026-11-22 11:00 GMT "
        "sent after the due time: the recipient's next working hours"
    ) in text_of(owed)
    assert text_of(owed).count("sent after the due time") == 1


def test_a_plan_with_nothing_owed_says_so_and_draws_no_table() -> None:
    application = Application.from_interview(IV).record(
        NotesWritten(at=END.add(minutes=10))
    )
    done = plan_at(application, minutes=20)
    empty = attrs.evolve(done, actions=(), lapsed=(), application=None)
    assert text_of(empty) == (
        "Follow-up plan: notes written; thank-you notes still to send "
        "0 actions owed at Fri 2026-11-20 15:50 GMT: 0 overdue, 0 lapsed."
    )
    assert "<table>" not in empty._repr_html_()


def test_the_views_leave_the_repr_alone() -> None:
    owed = plan_at(Application.from_interview(IV), minutes=20)
    assert repr(owed).startswith("Plan(actions=(Action(kind=")
    assert "<" not in repr(owed).partition("kind=")[0]
    card = Scorecard(written_at=END.add(minutes=20), overall=7)
    assert repr(card) == (
        f"Scorecard(written_at={card.written_at!r}, overall=7, went_well=(), "
        "to_improve=(), ratings=(), fit=None)"
    )


# -- the application ------------------------------------------------------------


def test_the_application_shows_its_rounds_and_events_in_time_order() -> None:
    second = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=END.add(days=7),
        ends_at=END.add(days=7, hours=1),
        interviewers=(PRIYA,),
        round=2,
        next_stage="a decision within the week",
    )
    application = Application.from_interview(IV)
    for event in (
        NotesWritten(at=END.add(minutes=10)),
        ThankYouSent(at=END.add(hours=2), to=PRIYA),
        ThankYouSent(at=END.add(hours=3), to=TOMASZ),
        NextRoundScheduled(at=END.add(days=2), interview=second),
        NotesWritten(at=END.add(days=7, hours=1, minutes=10)),
        Rejected(at=END.add(days=9), by=PRIYA, feedback_offered=True),
    ):
        application = application.record(event)
    table = rows(application._repr_markdown_())
    whats = [row[1] for row in table]
    assert whats == [
        "round 1: in person interview",
        "notes written",
        "thank\\-you sent",
        "thank\\-you sent",
        "next round arranged",
        "round 2: in person interview",
        "notes written",
        "turned down",
    ]
    text = text_of(application)
    assert text.startswith(
        "Acme Ltd, Data Engineer: they turned the application down 2 rounds, 6 events."
    )
    assert "with Priya Shah, Tomasz Nowak" in text
    assert "decision by 2026-11-27" in text
    assert "next: a decision within the week" in text
    assert "to: Tomasz Nowak" in text
    assert "by: Priya Shah feedback offered: yes" in text
    assert "interview: a round from Fri 2026-11-27 15:30 GMT" in text


def test_an_event_shows_its_channel_and_offer_terms() -> None:
    application = Application.from_interview(IV).record(
        NotesWritten(at=END.add(minutes=10))
    )
    application = application.record(
        CheckInSent(at=END.add(days=1), to=PRIYA, channel=Channel.PHONE)
    )
    assert "to: Priya Shah channel: phone" in text_of(application)


# -- reflection -------------------------------------------------------------------


def test_the_scorecard_shows_what_went_well_first_then_ratings_and_fit() -> None:
    card = Scorecard(
        written_at=END.add(minutes=20),
        overall=7,
        went_well=["The migration story landed"],
        to_improve=["Give the budget answer a figure"],
        ratings=[Rating(criterion=Criterion.EXAMPLES, score=2, note="no figures")],
        fit=FitAssessment(
            rapport_with_interviewer=4,
            likes_role=["the data platform", "the team"],
            reservations=[Reservation(concern="the commute")],
            versus_current_job=Comparison.BETTER,
            want_the_job=Want.YES,
        ),
    )
    text = text_of(card)
    assert text.startswith("Scorecard written Fri 2026-11-20 15:50 GMT: 7/10 overall")
    order = [
        "What went well The migration story landed",
        "What to improve Give the budget answer a figure",
        "Criterion Score What happened examples 2/5 no figures",
        "Does the job suit you?",
    ]
    places = [text.index(part) for part in order]
    assert places == sorted(places)
    assert "What you like about the role the data platform the team" in text
    assert "Compared with your current job better" in text
    assert "the commute not known yet" in text


def test_a_fit_assessment_says_what_is_not_answered_yet() -> None:
    text = text_of(FitAssessment())
    assert "Do you want the job? unsure" in text
    assert text.count("not answered yet") == 7
    assert "Reservation" not in text


# -- the comparison ----------------------------------------------------------------


def test_a_comparison_is_a_tuple_that_shows_a_table() -> None:
    ranking = compare_opportunities(
        {
            "Acme": FitAssessment(want_the_job=Want.YES, likes_role=["data"]),
            "Globex": FitAssessment(want_the_job=Want.NO),
        }
    )
    assert isinstance(ranking, Ranking)
    assert isinstance(ranking, tuple)
    assert ranking == tuple(ranking)
    assert hash(ranking) == hash(tuple(ranking))
    assert repr(ranking) == repr(tuple(ranking))
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(ranking, protocol))  # noqa: S301 - our own
        assert type(back) is Ranking
        assert back == ranking
    assert type(copy.deepcopy(ranking)) is Ranking
    text = text_of(ranking)
    assert text.startswith(
        "Opportunities compared: 2 options, best first. Rank Option Score Why "
        "1 Acme 0.58 Scores 0.58 out of 1"
    )
    assert "2 Globex 0.25" in text
    assert text_of(Ranking()) == "Opportunities compared: 0 options, best first."


@pytest.mark.parametrize(
    ("given", "field"),
    [(5, "ranked"), ("Acme", "ranked"), (["Acme"], "ranked[0]")],
)
def test_a_ranking_holds_only_ranked_options(given: Any, field: str) -> None:
    with pytest.raises(ValidationError) as error:
        Ranking(given)
    assert error.value.field == field


def test_a_ranking_keeps_its_order() -> None:
    first = Ranked(name="B", rank=1, score=Decimal("0.7"))
    second = Ranked(name="A", rank=2, score=Decimal("0.2"))
    assert Ranking([first, second]) == (first, second)


# -- the learning log ---------------------------------------------------------------


def test_the_learning_log_shows_trends_questions_gaps_and_feedback() -> None:
    text = text_of(LearningLog())
    assert text.startswith(
        "Learning log: 0 applications, 0 questions asked, 0 preparation gaps noted."
    )
    assert "rapport none yet - not enough data" in text
    assert "Asked more than once" not in text


# -- properties ---------------------------------------------------------------------


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    application = draw(pst.applications(max_events=6))
    start = application.events[-1].at if application.events else None
    start = start or application.interviews[0].ends_at
    now = start.add(minutes=draw(st.integers(0, 60 * 24 * 60)))
    # A round booked far ahead of now makes plan() warn; the views are the
    # point here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImplausibleTimeWarning)
        return plan(application, now=now)


@st.composite
def rankings(draw: st.DrawFn) -> Ranking:
    options = draw(
        st.dictionaries(
            st.text(
                st.characters(codec="utf-8", categories=("L", "P", "S")),
                min_size=1,
                max_size=12,
            )
            .map(str.strip)
            .filter(bool),
            pst.fit_assessments(),
            max_size=4,
        )
    )
    return compare_opportunities(options)


RECORDS = st.one_of(
    plans(),
    pst.applications(max_events=8),
    pst.scorecards(),
    pst.fit_assessments(),
    rankings(),
    pst.learning_logs(max_entries=3),
)


@given(RECORDS)
def test_both_views_show_the_same_text_and_only_their_own_markup(
    record: Viewed,
) -> None:
    shown(record)


# Text with every character that means something in HTML or in Markdown,
# and the start of a script.
_MARKUP = (
    st.lists(
        st.sampled_from(
            [*"<>&\"'*_[]()!#|~`$\\-+.=: \n", "<script>", "1. ", "&amp;", "a"]
        ),
        min_size=1,
        max_size=20,
    )
    .map("".join)
    .map(str.strip)
    .filter(bool)
)


def _line(text: str) -> str:
    return " ".join(text.split())


# Each example plans an application: 40 in the default profile; a profile
# that asks for more gets what it asks for.
_ASKED = settings.default.max_examples


@settings(max_examples=_ASKED if _ASKED > 100 else 40)
@given(name=_MARKUP.map(_line), point=_MARKUP, concern=_MARKUP, role=_MARKUP.map(_line))
def test_text_with_markup_in_it_is_shown_as_written(
    name: str, point: str, concern: str, role: str
) -> None:
    person = Person(name=name)
    iv = attrs.evolve(IV, role=role, interviewers=(person,))
    application = Application.from_interview(iv).record(
        ThankYouSent(at=END.add(hours=2), to=person)
    )
    card = Scorecard(
        written_at=END.add(minutes=20),
        overall=5,
        went_well=[point],
        fit=FitAssessment(reservations=[Reservation(concern=concern)]),
    )
    for record, texts in (
        (application, (name, role)),
        (plan(application, now=END.add(hours=3)), (name, role)),
        (card, (point, concern)),
    ):
        text = text_of(record)
        for written in texts:
            assert spaced(written) in text
        assert "<script" not in record._repr_html_()
        assert "<script" not in MARKDOWN.render(record._repr_markdown_())
