"""Gathering the scorecards of a log into the trend of every criterion.

The log builds a score point for every score; this is the fast path that
builds them from values already validated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pendulum

from postinterview.interview import Interview
from postinterview.learning._instants import _Stamp
from postinterview.learning._records import _make
from postinterview.learning._trends import CriterionTrend, ScorePoint, _fit
from postinterview.reflection import Criterion, Rating, Scorecard

# Setters of ScorePoint's slots, which skip its frozen __setattr__: the log
# builds a point for every score, from values already validated.
_POINT_SLOTS: tuple[Callable[[ScorePoint, Any], None], ...] = tuple(
    vars(ScorePoint)[field.name].__set__ for field in attrs.fields(ScorePoint)
)

# The sort key of a score point (its instant as _micros, the zone's name, the
# score, organisation, role, round and note, "" for none), then the index of
# its scorecard. Rows hold nothing that the garbage collector tracks, so it
# soon stops looking at them.
_Row = tuple[int, str, int, str, str, int, str, int]
# The same for a scorecard: instant, zone, organisation, role, round, index.
_CardRow = tuple[int, str, str, str, int, int]


class _Scored:
    """The scorecards of a log, gathered to become criterion trends."""

    def __init__(self) -> None:
        self.cards: list[_CardRow] = []
        self.ratings: list[tuple[Rating, ...]] = []
        self.instants: list[pendulum.DateTime] = []

    def read(
        self,
        cards: tuple[Scorecard | None, ...],
        rounds: tuple[Interview, ...],
        stamps: list[_Stamp],
    ) -> None:
        """Add the *cards* of one entry; *stamps* are those of its *rounds*."""
        for index, card in enumerate(cards):
            if card is None or not card.ratings:
                continue
            interview = rounds[index]
            time, zone = stamps[index]
            self.cards.append(
                (
                    time,
                    zone,
                    interview.organisation,
                    interview.role,
                    index + 1,
                    len(self.instants),
                )
            )
            self.ratings.append(card.ratings)
            self.instants.append(interview.ends_at)

    def trends(self) -> tuple[CriterionTrend, ...]:
        """Return the trend of every criterion, in Criterion order."""
        # Sorting the scorecards first puts each criterion's rows almost in
        # order, and sorting a list that is almost in order takes linear time:
        # far fewer comparisons than sorting every score.
        self.cards.sort()
        rows: dict[str, list[_Row]] = {c._name_: [] for c in Criterion}
        ratings = self.ratings
        for time, zone, organisation, role, number, seen in self.cards:
            for rating in ratings[seen]:
                # _name_ rather than the member: an enum hashes in Python code.
                rows[rating.criterion._name_].append(
                    (
                        time,
                        zone,
                        rating.score,
                        organisation,
                        role,
                        number,
                        rating.note or "",
                        seen,
                    )
                )
        return tuple(
            self._trend(criterion, rows[criterion._name_]) for criterion in Criterion
        )

    def _trend(self, criterion: Criterion, rows: list[_Row]) -> CriterionTrend:
        # Rows that differ only in the index are equal points: the same instant
        # in the same zone, and the rest alike.
        rows.sort()
        trend, change = _fit([row[0] for row in rows], [row[2] for row in rows])
        new = object.__new__
        instants = self.instants
        at, score_, organisation_, role_, round_, note_ = _POINT_SLOTS
        points = []
        for _, _, score, organisation, role, number, note, seen in rows:
            point = new(ScorePoint)
            at(point, instants[seen])
            score_(point, score)
            organisation_(point, organisation)
            role_(point, role)
            round_(point, number)
            note_(point, note or None)
            points.append(point)
        return _make(
            CriterionTrend,
            criterion=criterion,
            points=tuple(points),
            trend=trend,
            change=change,
        )
