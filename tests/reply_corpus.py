"""The labelled corpus of replies: loading it, reading it, and scoring the readings.

``tests/replies/corpus/<language>.toml`` holds realistic replies, each with
the application it answers and what a careful reader takes from it (the
format is documented in docs/replies.md). The tests and
``bench/bench_replies.py`` both read it through this module.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from email.message import EmailMessage
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pendulum

from postinterview import (
    Application,
    FeedbackRequested,
    Interview,
    Period,
    Person,
    Rejected,
    RunBy,
    SalaryRange,
)
from postinterview.replies import Reading, ReplyKind, read_reply

CORPUS = Path(__file__).resolve().parent / "replies" / "corpus"
_INSTANT = re.compile(r"(?P<iso>[^\[]+)\[(?P<zone>[^\]]+)\]")


def instant(text: str) -> pendulum.DateTime:
    """An RFC 9557 instant, ``2026-11-20T15:30:00+00:00[Europe/London]``."""
    match = _INSTANT.fullmatch(text)
    assert match is not None, f"not an RFC 9557 instant: {text!r}"
    parsed = pendulum.parse(match["iso"])
    assert isinstance(parsed, pendulum.DateTime)
    return parsed.in_timezone(match["zone"])


def when(text: str) -> pendulum.Date | pendulum.DateTime:
    """A label's date, or its instant when it has a time."""
    if "T" in text:
        return instant(text)
    parsed = pendulum.parse(text)
    assert isinstance(parsed, pendulum.DateTime)
    return parsed.date()


def _person(table: dict[str, Any]) -> Person:
    return Person(**table)


def application(table: dict[str, Any]) -> Application:
    """The application a corpus file describes under ``[applications.NAME]``."""
    interview = Interview(
        organisation=table["organisation"],
        role=table["role"],
        starts_at=instant(table["starts_at"]),
        ends_at=instant(table["ends_at"]),
        interviewers=tuple(_person(p) for p in table["interviewers"]),
        decision_expected_by=(
            when(table["decision_expected_by"])
            if "decision_expected_by" in table
            else None
        ),
        locale=table.get("locale"),
        run_by=RunBy.AGENCY if table.get("run_by") == "agency" else RunBy.EMPLOYER,
        agency_contact=(
            _person(table["agency_contact"]) if "agency_contact" in table else None
        ),
    )
    app = Application.from_interview(interview)
    if "rejected" in table.get("events", ()):
        zone = table["timezone"]
        app = app.record(
            Rejected(at=pendulum.datetime(2026, 11, 27, 10, tz=zone))
        ).record(FeedbackRequested(at=pendulum.datetime(2026, 11, 30, 10, tz=zone)))
    return app


@attrs.frozen
class Case:
    """One labelled reply."""

    language: str
    label: dict[str, Any]
    application: Application

    @property
    def id(self) -> str:
        return str(self.label["id"])

    @property
    def kind(self) -> ReplyKind:
        return ReplyKind(self.label["kind"])

    def message(self) -> EmailMessage:
        """The reply as an email message, with its From, Date and headers."""
        message = EmailMessage()
        message["From"] = self.label["from"]
        message["Subject"] = self.label["subject"]
        message["Date"] = instant(self.label["received"]).to_rfc2822_string()
        for name, value in self.label.get("headers", {}).items():
            message[name] = value
        message.set_content(self.label["body"])
        return message

    def read(self) -> Reading:
        """Read the reply as a host tool would: the text, received when labelled,
        from the labelled sender (a name and address the reader may match)."""
        return read_reply(
            self.message(),
            application=self.application,
            received_at=instant(self.label["received"]),
        )


@cache
def cases(language: str) -> tuple[Case, ...]:
    """Every labelled reply in *language*."""
    data = tomllib.loads((CORPUS / f"{language}.toml").read_text(encoding="utf-8"))
    apps = {name: application(t) for name, t in data["applications"].items()}
    return tuple(
        Case(language=language, label=r, application=apps[r["application"]])
        for r in data["reply"]
    )


def languages() -> tuple[str, ...]:
    """The languages the corpus has replies in."""
    return tuple(sorted(p.stem for p in CORPUS.glob("*.toml")))


def all_cases() -> Iterator[Case]:
    for language in languages():
        yield from cases(language)


def date_right(case: Case, reading: Reading) -> bool | None:
    """Whether the reading has the labelled date; ``None`` when none is labelled."""
    label = case.label
    if label.get("ambiguous"):
        first = reading.suggestions[0] if reading.suggestions else None
        return bool(reading.ambiguous) and (first is None or first.when is None)
    if "when" not in label:
        return None
    if reading.kind is not case.kind or not reading.suggestions:
        return False
    expected = when(label["when"])
    got = reading.suggestions[0].when
    if got is None:
        return False
    if isinstance(expected, pendulum.DateTime):
        return isinstance(got, pendulum.DateTime) and got == expected
    if isinstance(got, pendulum.DateTime):
        got = got.date()
    return bool(got == expected)


def salary_right(case: Case, reading: Reading) -> bool | None:
    """Whether the reading's offer has the labelled salary (``None``: none is)."""
    if "salary" not in case.label:
        return None
    expected = case.label["salary"]
    event = reading.events[0] if reading.events else None
    salary = getattr(event, "salary", None)
    return isinstance(salary, SalaryRange) and salary == SalaryRange(
        low=Decimal(expected["low"]),
        high=Decimal(expected["high"]),
        currency=expected["currency"],
        period=Period(expected.get("period", "year")),
    )


def sender_right(case: Case, reading: Reading) -> bool:
    """Whether the reading found the labelled sender (or, unlabelled, nobody)."""
    expected = case.label.get("sender")
    found = reading.sender.name if reading.sender is not None else None
    return found == expected


@attrs.frozen
class Score:
    """The figures for a set of cases."""

    replies: int
    said: int  # readings that named a kind
    right: int  # readings that named the labelled kind
    labelled: int  # replies labelled with a kind other than unknown
    found: int  # of those, readings that named the labelled kind
    dates: int
    dates_right: int
    senders_right: int
    salaries: int
    salaries_right: int

    @property
    def precision(self) -> float:
        return self.right / self.said if self.said else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dates if self.dates else 1.0


def score(pairs: list[tuple[Case, Reading]]) -> Score:
    """Score *pairs* of a case and its reading."""
    said = right = labelled = found = dates = dates_ok = senders = 0
    salaries = salaries_ok = 0
    for case, reading in pairs:
        if reading.kind is not ReplyKind.UNKNOWN:
            said += 1
            right += reading.kind is case.kind
        if case.kind is not ReplyKind.UNKNOWN:
            labelled += 1
            found += reading.kind is case.kind
        verdict = date_right(case, reading)
        if verdict is not None:
            dates += 1
            dates_ok += verdict
        senders += sender_right(case, reading)
        salary = salary_right(case, reading)
        if salary is not None:
            salaries += 1
            salaries_ok += salary
    return Score(
        replies=len(pairs),
        said=said,
        right=right,
        labelled=labelled,
        found=found,
        dates=dates,
        dates_right=dates_ok,
        senders_right=senders,
        salaries=salaries,
        salaries_right=salaries_ok,
    )
