"""Tests for postinterview.decisions: thank-you judgement, rankings, salary, offers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview.decisions import (
    CURRENT_JOB,
    FACTORS,
    MAX_PERSONAL_NOTES,
    SCORE_PLACES,
    ChecklistItem,
    Placement,
    Ranked,
    Recommendation,
    SalaryPosition,
    Topic,
    Verdict,
    compare_opportunities,
    offer_checklist,
    salary_position,
    should_send_thank_you,
)
from postinterview.errors import ValidationError
from postinterview.interview import Interview, Period, Person, RunBy, SalaryRange
from postinterview.reflection import Comparison, FitAssessment, Reservation, Want
from postinterview.strategies import (
    aware_datetimes,
    fit_assessments,
    interviews,
    reservations,
    salary_ranges,
)
from postinterview.timeline import OfferReceived

END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
OFFERED_AT = pendulum.datetime(2026, 12, 1, 9, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example")
RAVI = Person(name="Ravi Patel", email="ravi@agency.example")


def interview(**changes: Any) -> Interview:
    """Build a valid interview, with *changes* on top."""
    fields: dict[str, Any] = {
        "organisation": "Acme Ltd",
        "role": "Data Engineer",
        "starts_at": END.subtract(hours=1),
        "ends_at": END,
        "interviewers": (PRIYA,),
    }
    fields.update(changes)
    return Interview(**fields)


def panel(size: int) -> tuple[Person, ...]:
    return tuple(Person(name=f"Panel member {n}") for n in range(1, size + 1))


def gbp(low: int | str, high: int | str | None = None, **changes: Any) -> SalaryRange:
    fields: dict[str, Any] = {
        "low": low,
        "high": low if high is None else high,
        "currency": "GBP",
    }
    fields.update(changes)
    return SalaryRange(**fields)


# --- strategies (to move to postinterview.strategies) ------------------------

_LINE_ALPHABET = st.characters(
    categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\x85\xa0"
)
_LINES = st.text(_LINE_ALPHABET, min_size=1, max_size=30).map(str.strip).filter(bool)


def offers() -> st.SearchStrategy[OfferReceived]:
    """Return a strategy for :class:`~postinterview.timeline.OfferReceived` values.

    Requires hypothesis.

    The answer is due up to six weeks after the offer, or not stated; the
    salary and up to three terms are sometimes given. Shrinks towards an
    offer with nothing but its instant.
    """

    @st.composite
    def draw(draw: st.DrawFn) -> OfferReceived:
        at = draw(aware_datetimes())
        minutes = draw(st.none() | st.integers(0, 6 * 7 * 24 * 60))
        return OfferReceived(
            at=at,
            respond_by=None if minutes is None else at.add(minutes=minutes),
            salary=draw(st.none() | salary_ranges()),
            terms=draw(st.lists(_LINES, max_size=3)),
            by=draw(st.none() | st.just(PRIYA)),
        )

    return draw()


_ORDERED_COMPARISONS = [Comparison.WORSE, Comparison.SIMILAR, Comparison.BETTER]
_ORDERED_WANTS = [Want.NO, Want.UNSURE, Want.YES]


@st.composite
def _ordered_pair(draw: st.DrawFn, values: list[Any], optional: bool) -> list[Any]:
    """Draw [better, worse] from *values* (listed worst first), or two Nones."""
    if optional and draw(st.booleans()):
        return [None, None]
    low = draw(st.integers(0, len(values) - 1))
    high = draw(st.integers(low, len(values) - 1))
    return [values[high], values[low]]


@st.composite
def dominating_pairs(draw: st.DrawFn) -> tuple[FitAssessment, FitAssessment]:
    """Draw (a, b) where *a* is at least as good as *b* on every factor, and
    both leave the same factors unanswered."""
    rapport = draw(_ordered_pair([1, 2, 3, 4, 5], optional=True))
    colleagues = draw(_ordered_pair([False, True], optional=True))
    current = draw(_ordered_pair(_ORDERED_COMPARISONS, optional=True))
    others = draw(_ordered_pair(_ORDERED_COMPARISONS, optional=True))
    want = draw(_ordered_pair(_ORDERED_WANTS, optional=False))
    roles = draw(st.lists(_LINES, max_size=4))
    kept_roles = draw(st.integers(0, len(roles)))
    places = draw(st.lists(_LINES, max_size=4))
    kept_places = draw(st.integers(0, len(places)))
    # b's reservations; a has fewer of them, and some of a's are resolved.
    doubts = draw(st.lists(reservations(), max_size=4))
    kept = draw(st.integers(0, len(doubts)))
    eased = [
        attrs.evolve(r, resolution=r.resolution or "Ask about it")
        if draw(st.booleans())
        else r
        for r in doubts[:kept]
    ]
    a = FitAssessment(
        rapport_with_interviewer=rapport[0],
        could_work_with_them=colleagues[0],
        likes_role=roles,
        likes_organisation=places,
        reservations=eased,
        versus_current_job=current[0],
        versus_other_opportunities=others[0],
        want_the_job=want[0],
    )
    b = FitAssessment(
        rapport_with_interviewer=rapport[1],
        could_work_with_them=colleagues[1],
        likes_role=roles[:kept_roles],
        likes_organisation=places[:kept_places],
        reservations=doubts,
        versus_current_job=current[1],
        versus_other_opportunities=others[1],
        want_the_job=want[1],
    )
    return a, b


_WEIGHT_VALUES = st.one_of(
    st.integers(0, 10),
    st.fractions(min_value=0, max_value=10, max_denominator=12),
    st.decimals(min_value=0, max_value=10, places=2),
)
WEIGHTS = st.none() | st.dictionaries(st.sampled_from(FACTORS), _WEIGHT_VALUES).filter(
    lambda w: any(w.get(f, 1) for f in FACTORS)
)
NAMES = st.text("ABCDEFGHIJ", min_size=1, max_size=3)
OPTIONS = st.dictionaries(NAMES, fit_assessments(), max_size=4)


def _ranks(ranked: tuple[Ranked, ...]) -> dict[str, tuple[int, Decimal]]:
    return {r.name: (r.rank, r.score) for r in ranked}


# --- should_send_thank_you -----------------------------------------------------


def test_named_interviewers_are_sent_a_note() -> None:
    advice = should_send_thank_you(interview())
    assert advice.verdict is Verdict.SEND
    assert advice.reasons == (
        "You know who interviewed you: a short note thanks them and keeps you in mind.",
    )


def test_a_small_panel_gets_a_personal_note_each() -> None:
    advice = should_send_thank_you(interview(interviewers=panel(3)))
    assert advice.verdict is Verdict.SEND
    assert "each of the 3" in advice.reasons[0]
    assert "compare" in advice.reasons[1]


def test_without_names_the_candidate_gets_them_first_or_writes_via_the_recruiter() -> (
    None
):
    advice = should_send_thank_you(interview(interviewers=()))
    assert advice.verdict is Verdict.GET_NAMES
    assert "recruiter or HR contact" in advice.reasons[0]


def test_without_names_an_agency_contact_is_the_way_through() -> None:
    iv = interview(interviewers=(), run_by=RunBy.AGENCY, agency_contact=RAVI)
    advice = should_send_thank_you(iv)
    assert advice.verdict is Verdict.GET_NAMES
    assert "Ravi Patel" in advice.reasons[0]


def test_the_panel_size_threshold_is_the_documented_constant() -> None:
    assert MAX_PERSONAL_NOTES == 4
    at_most = should_send_thank_you(interview(interviewers=panel(MAX_PERSONAL_NOTES)))
    assert at_most.verdict is Verdict.SEND
    large = should_send_thank_you(interview(interviewers=panel(MAX_PERSONAL_NOTES + 1)))
    assert large.verdict is Verdict.SEND_ONE
    assert "chair" in large.reasons[0]


def test_thanked_on_the_day_makes_a_note_optional() -> None:
    advice = should_send_thank_you(interview(), already_thanked=True)
    assert advice.verdict is Verdict.CONSIDER
    assert "optional" in advice.reasons[0]
    nobody = should_send_thank_you(interview(interviewers=()), already_thanked=True)
    assert nobody.verdict is Verdict.CONSIDER
    assert "find out who interviewed you" in nobody.reasons[1]
    crowd = should_send_thank_you(
        interview(interviewers=panel(6)), already_thanked=True
    )
    assert "chair" in crowd.reasons[1]


def test_strong_interest_keeps_the_note_short_but_still_sends_it() -> None:
    advice = should_send_thank_you(interview(), shown_interest=True)
    assert advice.verdict is Verdict.SEND
    assert "too keen" not in advice.reasons[-1]
    assert "short" in advice.reasons[-1]


def test_thanked_and_already_keen_can_skip_the_note() -> None:
    advice = should_send_thank_you(
        interview(), already_thanked=True, shown_interest=True
    )
    assert advice.verdict is Verdict.SKIP
    assert "too keen" in advice.reasons[0]


@pytest.mark.parametrize("flag", ["already_thanked", "shown_interest"])
@pytest.mark.parametrize("value", [1, 0, "yes", None], ids=repr)
def test_the_flags_must_be_real_bools(flag: str, value: Any) -> None:
    with pytest.raises(ValidationError) as info:
        should_send_thank_you(interview(), **{flag: value})
    assert info.value.field == flag


def test_the_thank_you_judgement_needs_an_interview() -> None:
    with pytest.raises(ValidationError) as info:
        should_send_thank_you(None)  # type: ignore[arg-type]
    assert info.value.field == "interview"


def test_a_recommendation_validates_its_fields() -> None:
    with pytest.raises(ValidationError) as info:
        Recommendation(verdict="send", reasons=())  # type: ignore[arg-type]
    assert info.value.field == "verdict"
    with pytest.raises(ValidationError) as info:
        Recommendation(verdict=Verdict.SEND, reasons=["ok", ""])
    assert info.value.field == "reasons[1]"


@given(interviews(min_interviewers=1, max_interviewers=MAX_PERSONAL_NOTES))
def test_named_small_panels_with_nothing_said_always_get_a_note(iv: Interview) -> None:
    assert should_send_thank_you(iv).verdict is Verdict.SEND


# The judgement reads only the panel and who ran the interview: drawing just
# those covers every case quickly.
PANELS = st.builds(
    lambda size, agency: interview(
        interviewers=panel(size),
        run_by=RunBy.AGENCY if agency else RunBy.EMPLOYER,
        agency_contact=RAVI if agency else None,
    ),
    st.integers(0, MAX_PERSONAL_NOTES + 3),
    st.booleans(),
)


@given(PANELS, st.booleans(), st.booleans())
def test_the_judgement_always_gives_reasons_and_never_sends_to_nobody(
    iv: Interview, thanked: bool, keen: bool
) -> None:
    advice = should_send_thank_you(iv, already_thanked=thanked, shown_interest=keen)
    assert advice.reasons
    if not iv.interviewers:
        assert advice.verdict not in {Verdict.SEND, Verdict.SEND_ONE}
    if thanked:
        assert advice.verdict in {Verdict.CONSIDER, Verdict.SKIP}


# --- compare_opportunities -----------------------------------------------------


def only(factor: str) -> dict[str, int]:
    """Weights that look at *factor* alone."""
    return {f: int(f == factor) for f in FACTORS}


@pytest.mark.parametrize(
    ("factor", "fit", "score"),
    [
        ("rapport", FitAssessment(rapport_with_interviewer=1), "0"),
        ("rapport", FitAssessment(rapport_with_interviewer=4), "0.75"),
        ("colleagues", FitAssessment(could_work_with_them=True), "1"),
        ("colleagues", FitAssessment(could_work_with_them=False), "0"),
        ("role", FitAssessment(), "0"),
        ("role", FitAssessment(likes_role=["data", "team"]), "0.6667"),
        ("role", FitAssessment(likes_role=["a", "b", "c", "d"]), "1"),
        ("organisation", FitAssessment(likes_organisation=["mission"]), "0.3333"),
        ("reservations", FitAssessment(), "1"),
        (
            "reservations",
            FitAssessment(reservations=[Reservation(concern="Commute")]),
            "0.5",
        ),
        (
            "reservations",
            FitAssessment(
                reservations=[Reservation(concern="Commute", resolution="Hybrid")]
            ),
            "0.6667",
        ),
        (
            "reservations",
            FitAssessment(
                reservations=[
                    Reservation(concern="Commute"),
                    Reservation(concern="On call", resolution="Ask about rota"),
                ]
            ),
            "0.4",
        ),
        (
            "versus_current_job",
            FitAssessment(versus_current_job=Comparison.BETTER),
            "1",
        ),
        (
            "versus_others",
            FitAssessment(versus_other_opportunities=Comparison.SIMILAR),
            "0.5",
        ),
        ("want", FitAssessment(want_the_job=Want.YES), "1"),
        ("want", FitAssessment(), "0.5"),
        ("want", FitAssessment(want_the_job=Want.NO), "0"),
    ],
)
def test_each_factor_reads_the_assessment_as_documented(
    factor: str, fit: FitAssessment, score: str
) -> None:
    (ranked,) = compare_opportunities({"Acme": fit}, weights=only(factor))
    assert ranked.score == Decimal(score)
    assert ranked.score.as_tuple().exponent == -SCORE_PLACES


def test_a_ranking_with_reasons() -> None:
    acme = FitAssessment(
        rapport_with_interviewer=5,
        could_work_with_them=True,
        likes_role=["Modern data stack", "Mentoring"],
        reservations=[Reservation(concern="Long commute", resolution="Two days home")],
        versus_current_job=Comparison.BETTER,
        want_the_job=Want.YES,
    )
    globex = FitAssessment(rapport_with_interviewer=2, want_the_job=Want.UNSURE)
    current = FitAssessment(likes_organisation=["Friendly team"], want_the_job=Want.NO)
    ranked = compare_opportunities(
        {"Globex": globex, "Acme": acme}, current_job=current
    )
    assert [(r.rank, r.name) for r in ranked] == [
        (1, "Acme"),
        (2, "Globex"),
        (3, CURRENT_JOB),
    ]
    first = ranked[0]
    assert first.missing == ("versus_others",)
    assert first.reasons[0] == "Scores 0.76 out of 1, from 7 answered factors."
    assert "Strongest: how you got on with the interviewer" in first.reasons[1]
    assert "weakest: what you like about the organisation" in first.reasons[1]
    assert "other options" in first.reasons[2]
    # The current job is not compared with itself.
    assert "versus_current_job" not in ranked[2].missing


def test_equal_scores_share_a_rank_and_say_they_are_tied() -> None:
    same = FitAssessment(want_the_job=Want.YES)
    ranked = compare_opportunities(
        {
            "Initech": same,
            "Globex": same,
            "Acme": same,
            "Hooli": FitAssessment(want_the_job=Want.NO),
        }
    )
    assert [(r.rank, r.name) for r in ranked] == [
        (1, "Acme"),
        (1, "Globex"),
        (1, "Initech"),
        (4, "Hooli"),
    ]
    assert "Tied with Globex, Initech" in ranked[0].reasons[-1]
    assert not any("Tied" in reason for reason in ranked[3].reasons)


def test_scores_equal_to_the_kept_places_are_tied() -> None:
    # Exactly 10000/50001 (0.199996) and 3.3335/16.667 (0.200006): both are
    # 0.2000 to four places, so neither is ahead.
    weights = {**only("role"), "want": Fraction(6667, 10000)}
    ranked = compare_opportunities(
        {
            "Acme": FitAssessment(likes_role=["Mentoring"], want_the_job=Want.NO),
            "Globex": FitAssessment(want_the_job=Want.UNSURE),
        },
        weights=weights,
    )
    assert [(r.rank, r.name, r.score) for r in ranked] == [
        (1, "Acme", Decimal("0.2000")),
        (1, "Globex", Decimal("0.2000")),
    ]


def test_unweighted_factors_are_left_out_and_not_reported_missing() -> None:
    weights = {"rapport": 0, "colleagues": 0, "versus_others": 0}
    fit = FitAssessment(versus_current_job=Comparison.WORSE)
    (ranked,) = compare_opportunities({"Acme": fit}, weights=weights)
    assert ranked.missing == ()
    # role 0, organisation 0, reservations 1, versus_current_job 0, want 1/2.
    assert ranked.score == Decimal("0.3000")


def test_an_option_with_nothing_weighted_answered_scores_zero() -> None:
    weights = only("rapport")
    (ranked,) = compare_opportunities({"Acme": FitAssessment()}, weights=weights)
    assert str(ranked.score) == "0.0000"
    assert ranked.missing == ("rapport",)
    assert "None of the factors" in ranked.reasons[0]


def test_comparing_nothing_gives_nothing() -> None:
    assert compare_opportunities({}) == ()
    (only_current,) = compare_opportunities({}, current_job=FitAssessment())
    assert (only_current.name, only_current.rank) == (CURRENT_JOB, 1)


@pytest.mark.parametrize(
    ("weights", "field"),
    [
        ({"salary": 1}, "weights['salary']"),
        ({"rapport": -1}, "weights['rapport']"),
        ({"want": float("nan")}, "weights['want']"),
        ({"want": float("inf")}, "weights['want']"),
        ({"role": Decimal("Infinity")}, "weights['role']"),
        ({"role": Decimal("NaN")}, "weights['role']"),
        ({"role": Fraction(-1, 2)}, "weights['role']"),
        ({"role": True}, "weights['role']"),
        ({"role": "2"}, "weights['role']"),
        (dict.fromkeys(FACTORS, 0), "weights"),
        ([("rapport", 1)], "weights"),
    ],
    ids=repr,
)
def test_bad_weights_are_refused_naming_the_factor(weights: Any, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        compare_opportunities({"Acme": FitAssessment()}, weights=weights)
    assert info.value.field == field


def test_options_must_be_named_assessments() -> None:
    with pytest.raises(ValidationError) as info:
        compare_opportunities({"Acme": "great"})  # type: ignore[dict-item]
    assert info.value.field == "options['Acme']"
    with pytest.raises(ValidationError) as info:
        compare_opportunities({" ": FitAssessment()})
    assert info.value.field == "options[' ']"
    with pytest.raises(ValidationError) as info:
        compare_opportunities([FitAssessment()])  # type: ignore[arg-type]
    assert info.value.field == "options"
    with pytest.raises(ValidationError) as info:
        compare_opportunities({"Acme": FitAssessment(), "Acme ": FitAssessment()})
    assert info.value.field == "options"


def test_the_current_job_needs_its_own_name() -> None:
    with pytest.raises(ValidationError) as info:
        compare_opportunities(
            {CURRENT_JOB: FitAssessment()}, current_job=FitAssessment()
        )
    assert info.value.field == "current_job"
    with pytest.raises(ValidationError) as info:
        compare_opportunities({}, current_job="my job")  # type: ignore[arg-type]
    assert info.value.field == "current_job"


def _assert_well_ranked(ranked: tuple[Ranked, ...], names: list[str]) -> None:
    """Every option once, in score order, ranked by how many score higher."""
    assert sorted(r.name for r in ranked) == sorted(names)
    for item in ranked:
        assert 0 <= item.score <= 1
        assert item.rank == 1 + sum(o.score > item.score for o in ranked)
        assert set(item.missing) <= set(FACTORS)
        assert item.reasons
    assert [(-r.score, r.name) for r in ranked] == sorted(
        (-r.score, r.name) for r in ranked
    )


@given(OPTIONS, WEIGHTS, st.none() | fit_assessments(), st.randoms())
def test_the_order_options_are_given_in_does_not_matter(
    options: dict[str, FitAssessment],
    weights: dict[str, Any] | None,
    current: FitAssessment | None,
    random: Any,
) -> None:
    items = list(options.items())
    random.shuffle(items)
    before = compare_opportunities(options, weights=weights, current_job=current)
    after = compare_opportunities(dict(items), weights=weights, current_job=current)
    assert before == after
    _assert_well_ranked(before, [*options, *([CURRENT_JOB] if current else [])])


@given(
    OPTIONS,
    st.dictionaries(st.sampled_from(FACTORS), st.integers(0, 10)).filter(
        lambda w: any(w.get(f, 1) for f in FACTORS)
    ),
    st.fractions(min_value=Fraction(1, 100), max_value=100),
)
def test_scaling_every_weight_does_not_change_the_ranking(
    options: dict[str, FitAssessment], weights: dict[str, int], factor: Fraction
) -> None:
    full = {f: weights.get(f, 1) for f in FACTORS}
    scaled = {f: w * factor for f, w in full.items()}
    assert compare_opportunities(options, weights=full) == compare_opportunities(
        options, weights=scaled
    )


@given(dominating_pairs(), OPTIONS, WEIGHTS)
def test_an_option_that_is_better_on_every_factor_never_ranks_below(
    pair: tuple[FitAssessment, FitAssessment],
    others: dict[str, FitAssessment],
    weights: dict[str, Any] | None,
) -> None:
    better, worse = pair
    options = {**others, "better": better, "worse": worse}
    ranks = _ranks(compare_opportunities(options, weights=weights))
    assert ranks["better"] <= ranks["worse"]


# --- salary_position -----------------------------------------------------------


@pytest.mark.parametrize(
    ("offered", "placement", "room"),
    [
        (40_000, Placement.BELOW, 8_000),
        (42_000, Placement.BOTTOM, 6_000),
        (45_500, Placement.INSIDE, 2_500),
        (48_000, Placement.TOP, 0),
        (50_000, Placement.ABOVE, 0),
    ],
)
def test_an_offer_is_placed_in_the_advertised_range(
    offered: int, placement: Placement, room: int
) -> None:
    where = salary_position(gbp(offered), gbp(42_000, 48_000))
    assert (where.offered, where.placement, where.room) == (
        Decimal(offered),
        placement,
        Decimal(room),
    )
    assert where.reason


def test_the_reason_names_the_room_and_the_homework() -> None:
    where = salary_position(gbp(45_000), gbp(42_000, 48_000))
    assert "£3,000 a year" in where.reason
    assert "£48,000 a year" in where.reason
    assert "similar roles" in where.reason
    hourly = salary_position(
        gbp("15.50", period=Period.HOUR), gbp(15, 18, period=Period.HOUR)
    )
    assert "£2.50 an hour" in hourly.reason


def test_an_offered_range_is_judged_by_its_low_end() -> None:
    where = salary_position(gbp(42_000, 50_000), gbp(42_000, 48_000))
    assert where.placement is Placement.BOTTOM
    assert where.room == 6_000


def test_an_offer_of_a_one_figure_advert_is_at_the_top() -> None:
    where = salary_position(gbp(45_000), gbp(45_000))
    assert (where.placement, where.room) == (Placement.TOP, Decimal(0))


def test_currencies_must_match() -> None:
    with pytest.raises(ValidationError) as info:
        salary_position(gbp(45_000, currency="EUR"), gbp(42_000, 48_000))
    assert info.value.field == "currency"
    assert "GBP" in str(info.value)


def test_periods_must_match() -> None:
    with pytest.raises(ValidationError) as info:
        salary_position(gbp(3_800, period=Period.MONTH), gbp(42_000, 48_000))
    assert info.value.field == "period"


@pytest.mark.parametrize("field", ["offer", "advertised"])
def test_salary_position_needs_salary_ranges(field: str) -> None:
    arguments: dict[str, Any] = {"offer": gbp(45_000), "advertised": gbp(42_000)}
    arguments[field] = Decimal(45_000)
    with pytest.raises(ValidationError) as info:
        salary_position(**arguments)
    assert info.value.field == field


def test_a_salary_position_validates_its_fields() -> None:
    with pytest.raises(ValidationError) as info:
        SalaryPosition(
            offered=Decimal(1),
            placement=Placement.TOP,
            room=Decimal(-1),
            reason="At the top.",
        )
    assert info.value.field == "room"


@st.composite
def _offer_and_advert(draw: st.DrawFn) -> tuple[SalaryRange, SalaryRange]:
    advertised = draw(salary_ranges())
    offer = draw(salary_ranges())
    # Often exactly at an end of the range, where the placement changes.
    low = draw(
        st.sampled_from([offer.low, advertised.low, advertised.high]).filter(
            lambda value: value <= offer.high
        )
    )
    offer = attrs.evolve(
        offer, low=low, currency=advertised.currency, period=advertised.period
    )
    return offer, advertised


@given(_offer_and_advert())
def test_the_placement_and_room_follow_the_comparisons(
    pair: tuple[SalaryRange, SalaryRange],
) -> None:
    offer, advertised = pair
    where = salary_position(offer, advertised)
    offered, low, high = offer.low, advertised.low, advertised.high
    assert where.offered == offered
    assert where.room == max(Decimal(0), high - offered)
    assert (where.room == 0) == (offered >= high)
    expected = {
        Placement.BELOW: offered < low,
        Placement.BOTTOM: offered == low < high,
        Placement.INSIDE: low < offered < high,
        Placement.TOP: offered == high,
        Placement.ABOVE: offered > high,
    }
    assert [p for p, holds in expected.items() if holds] == [where.placement]


@given(salary_ranges(), salary_ranges())
def test_mismatched_salaries_name_what_differs(a: SalaryRange, b: SalaryRange) -> None:
    if a.currency == b.currency and a.period is b.period:
        assert salary_position(a, b).room >= 0
        return
    with pytest.raises(ValidationError) as info:
        salary_position(a, b)
    assert info.value.field == ("currency" if a.currency != b.currency else "period")


# --- offer_checklist -----------------------------------------------------------


def offer(**changes: Any) -> OfferReceived:
    fields: dict[str, Any] = {"at": OFFERED_AT, "by": PRIYA}
    fields.update(changes)
    return OfferReceived(**fields)


def test_the_checklist_puts_the_deadline_first_then_the_terms_of_o1() -> None:
    items = offer_checklist(
        offer(
            respond_by=OFFERED_AT.add(days=3, hours=8),
            salary=gbp(44_000),
            terms=["Start date of 5 January", "Probation of six months"],
        ),
        holidays_booked=[
            (dt.date(2027, 2, 15), dt.date(2027, 2, 19)),
            "A long weekend in May",
            (dt.date(2027, 3, 1), dt.date(2027, 3, 1)),
        ],
        family_commitments=["School pick-up on Wednesdays"],
        adjustments="A screen reader and a quiet desk",
        advertised=gbp(42_000, 48_000),
    )
    assert [(item.topic, item.detail) for item in items] == [
        (Topic.DEADLINE, "Answer by Friday 4 December 2026 at 17:00 (Europe/London)"),
        (Topic.HOLIDAY, "2027-02-15 to 2027-02-19"),
        (Topic.HOLIDAY, "A long weekend in May"),
        (Topic.HOLIDAY, "2027-03-01"),
        (Topic.FAMILY, "School pick-up on Wednesdays"),
        (Topic.ADJUSTMENTS, "A screen reader and a quiet desk"),
        (Topic.SALARY, "Offered £44,000 a year"),
        (Topic.TERMS, "Start date of 5 January"),
        (Topic.TERMS, "Probation of six months"),
    ]
    salary = items[6]
    assert "inside the advertised range" in salary.reason
    for item in items:
        assert isinstance(item, ChecklistItem)
        assert item.reason


def test_a_bare_offer_has_nothing_to_settle() -> None:
    assert offer_checklist(offer()) == ()


def test_adjustments_are_only_raised_when_the_candidate_discloses_them() -> None:
    assert offer_checklist(offer(), adjustments=None) == ()
    (item,) = offer_checklist(offer(), adjustments="Step-free access")
    assert item.topic is Topic.ADJUSTMENTS
    assert "chosen" in item.reason


def test_salary_is_raised_only_with_an_offer_figure_and_an_advertised_range() -> None:
    assert offer_checklist(offer(salary=gbp(44_000))) == ()
    assert offer_checklist(offer(), advertised=gbp(42_000, 48_000)) == ()


def test_a_salary_in_another_currency_is_refused_naming_it() -> None:
    with pytest.raises(ValidationError) as info:
        offer_checklist(
            offer(salary=gbp(44_000, currency="EUR")), advertised=gbp(42_000, 48_000)
        )
    assert info.value.field == "currency"


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"holidays_booked": "Easter"}, "holidays_booked"),
        ({"holidays_booked": ["Easter", " "]}, "holidays_booked[1]"),
        (
            {"holidays_booked": [(dt.date(2027, 3, 5), dt.date(2027, 3, 1))]},
            "holidays_booked[0]",
        ),
        ({"holidays_booked": [(dt.date(2027, 3, 5),)]}, "holidays_booked[0]"),
        (
            {
                "holidays_booked": [
                    (
                        dt.datetime(2027, 3, 1, tzinfo=dt.UTC),
                        dt.datetime(2027, 3, 5, tzinfo=dt.UTC),
                    )
                ]
            },
            "holidays_booked[0]",
        ),
        ({"holidays_booked": [["2027-03-01", "2027-03-05"]]}, "holidays_booked[0]"),
        ({"family_commitments": "School run"}, "family_commitments"),
        ({"family_commitments": ["School run", ""]}, "family_commitments[1]"),
        ({"adjustments": "  "}, "adjustments"),
        ({"adjustments": True}, "adjustments"),
        ({"advertised": (42_000, 48_000)}, "advertised"),
    ],
    ids=repr,
)
def test_bad_checklist_arguments_are_refused_naming_them(
    arguments: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        offer_checklist(offer(), **arguments)
    assert info.value.field == field


def test_the_checklist_needs_an_offer() -> None:
    with pytest.raises(ValidationError) as info:
        offer_checklist(gbp(44_000))  # type: ignore[arg-type]
    assert info.value.field == "offer"


def test_a_checklist_item_validates_its_fields() -> None:
    with pytest.raises(ValidationError) as info:
        ChecklistItem(topic="salary", detail="x", reason="y")  # type: ignore[arg-type]
    assert info.value.field == "topic"


_TEXTS = st.lists(_LINES, max_size=3)


@given(
    offers(),
    st.lists(
        _LINES | st.dates().flatmap(lambda d: st.tuples(st.just(d), st.dates(d))),
        max_size=3,
    ),
    _TEXTS,
    st.none() | _LINES,
)
def test_every_item_given_appears_once_in_topic_order(
    given_offer: OfferReceived,
    holidays: list[str | tuple[dt.date, dt.date]],
    family: list[str],
    adjustments: str | None,
) -> None:
    advertised = (
        None if given_offer.salary is None else attrs.evolve(given_offer.salary, low=0)
    )
    items = offer_checklist(
        given_offer,
        holidays_booked=holidays,
        family_commitments=family,
        adjustments=adjustments,
        advertised=advertised,
    )
    expected = (
        (given_offer.respond_by is not None)
        + len(holidays)
        + len(family)
        + (adjustments is not None)
        + (advertised is not None)
        + len(given_offer.terms)
    )
    assert len(items) == expected
    order = list(Topic)
    positions = [order.index(item.topic) for item in items]
    assert positions == sorted(positions)
    assert [i.detail for i in items if i.topic is Topic.TERMS] == list(
        given_offer.terms
    )
