"""How fast is letters.thank_you() against raw Jinja, measured in the same run?

The floor renders the same three packaged templates (subject, text body, HTML
body) with the same context through cached ``jinja2.Template`` objects, in
environments that, like the library's own, do not check the template files
for changes (``auto_reload = False``), with the letter's catalog installed by
Jinja's own ``install_gettext_translations`` (newstyle): the least any
renderer of these templates must do. It runs in British English and in
French, where every sentence is looked up in the French catalog.
``thank_you()`` also validates its arguments, builds the context and the
:class:`Draft`. Before timing, the floor's output is checked
against the draft's.

The two take turns, three times over, and each one's best run counts.

Run: ``python bench/bench_letters.py [COUNT] [LOCALE]``. The goal is a ratio of at
most 1.5.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import time
from collections.abc import Callable
from typing import Any

import pendulum

from postinterview import Interview, Person, letters
from postinterview.letters import _catalogs, _compose

GOAL = 1.5
END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
PRIYA = Person(name="Priya Shah", email="priya@acme.example", title="Head of Data")
INTERVIEW = Interview(
    organisation="Acme Ltd",
    role="Data Engineer",
    starts_at=END.subtract(hours=1),
    ends_at=END,
    interviewers=(PRIYA,),
)
SENDER = letters.Candidate(name="Sam Jones", email="sam@example.org")
HIGHLIGHT = "moving the nightly batch jobs to streaming"
FORGOT = "I ran the on-call rota for two years"


def ours(locale: str = "en_GB") -> letters.Draft:
    return letters.thank_you(
        INTERVIEW,
        to=PRIYA,
        sender=SENDER,
        highlight=HIGHLIGHT,
        forgot=FORGOT,
        locale=locale,
    )


def the_context(locale: str) -> dict[str, Any]:
    """The context thank_you() renders with, caught on its way to Jinja."""
    caught: dict[str, Any] = {}
    real = letters._render

    def spy(html: bool, name: str, context: Any) -> str:
        caught.update(context)
        return real(html, name, context)

    _compose._render = spy  # where the letters look it up
    try:
        ours(locale)
    finally:
        _compose._render = real
    return caught


@dataclasses.dataclass(frozen=True)
class LettersResult:
    """Best-of-*runs* seconds to write *count* letters, for each side."""

    count: int
    runs: int
    floor: float
    ours: float
    locale: str = "en_GB"

    @property
    def ratio(self) -> float:
        return self.ours / self.floor

    @property
    def met(self) -> bool:
        return self.ratio <= GOAL


def measure(count: int, runs: int = 3, locale: str = "en_GB") -> LettersResult:
    """Check that the floor writes the same letter, then time both sides."""
    context = the_context(locale)
    subject_context = {k: v for k, v in context.items() if k != "subject"}
    text_env = letters.environment()
    html_env = letters.environment(html=True)
    for env in (text_env, html_env):
        env.install_gettext_translations(  # type: ignore[attr-defined]
            _catalogs.translations(locale), newstyle=True
        )
        # Jinja's own _() looks gettext up; ours stood in its place.
        env.globals["_"] = env.globals["gettext"]
    # As in the library's own environments: each render of a body would
    # otherwise check the base template it extends for changes on disk.
    text_env.auto_reload = html_env.auto_reload = False
    subject = text_env.get_template("thank_you/subject.txt.j2")
    text = text_env.get_template("thank_you/body.txt.j2")
    html = html_env.get_template("thank_you/body.html.j2")

    def floor() -> tuple[str, str, str]:
        return (
            subject.render(subject_context),
            text.render(context),
            html.render(context),
        )

    draft = ours(locale)
    rendered = floor()
    # The subject's layout white space folded, as the library folds it.
    subject_line = re.sub(r"[ \t\r\n]+", " ", rendered[0]).strip(" ")
    if (subject_line, *rendered[1:]) != (
        draft.subject,
        draft.text,
        draft.html,
    ):
        raise SystemExit("the floor and thank_you() render different letters")
    sides: dict[str, Callable[[], object]] = {
        "floor": floor,
        "ours": lambda: ours(locale),
    }
    timings = dict.fromkeys(sides, float("inf"))
    for _ in range(runs):  # in turn, so that both see the same load
        for name, run in sides.items():
            started = time.perf_counter()
            for _ in range(count):
                run()
            timings[name] = min(timings[name], time.perf_counter() - started)
    return LettersResult(count=count, runs=runs, locale=locale, **timings)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    locale = sys.argv[2] if len(sys.argv) > 2 else "en_GB"
    result = measure(count, locale=locale)
    print(f"thank-you notes in {locale}: {count:,} (best of {result.runs} runs)")
    for name, seconds in (("floor", result.floor), ("thank_you", result.ours)):
        print(f"{name:>10}: {seconds:7.3f} s  {seconds / count * 1e6:7.1f} µs each")
    print(f"     ratio: {result.ratio:7.2f}x  (goal: at most {GOAL:g}x)")


if __name__ == "__main__":
    main()
