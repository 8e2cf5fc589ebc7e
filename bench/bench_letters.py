"""How fast is letters.thank_you() against raw Jinja, measured in the same run?

The floor renders the same three packaged templates (subject, text body, HTML
body) with the same context through cached ``jinja2.Template`` objects, which
is the least any renderer of these templates must do. ``thank_you()`` also
validates its arguments, builds the context and the :class:`Draft`. Before
timing, the floor's output is checked against the draft's.

Run: ``python bench/bench_letters.py [COUNT]``. The goal is a ratio of at
most 1.5.
"""

from __future__ import annotations

import sys
import time
from typing import Any

import pendulum

from postinterview import Interview, Person, letters

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
DETAILS = {
    "highlight": "moving the nightly batch jobs to streaming",
    "forgot": "I ran the on-call rota for two years",
}


def ours() -> letters.Draft:
    return letters.thank_you(INTERVIEW, to=PRIYA, sender=SENDER, **DETAILS)


def the_context() -> dict[str, Any]:
    """The context thank_you() renders with, caught on its way to Jinja."""
    caught: dict[str, Any] = {}
    real = letters._render

    def spy(html: bool, name: str, context: Any) -> str:
        caught.update(context)
        return real(html, name, context)

    letters._render = spy  # type: ignore[assignment]
    try:
        ours()
    finally:
        letters._render = real  # type: ignore[assignment]
    return caught


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    context = the_context()
    subject_context = {k: v for k, v in context.items() if k != "subject"}
    text_env = letters.environment()
    html_env = letters.environment(html=True)
    subject = text_env.get_template("thank_you/subject.txt.j2")
    text = text_env.get_template("thank_you/body.txt.j2")
    html = html_env.get_template("thank_you/body.html.j2")

    def floor() -> tuple[str, str, str]:
        return (
            subject.render(subject_context),
            text.render(context),
            html.render(context),
        )

    draft = ours()
    rendered = floor()
    if (" ".join(rendered[0].split()), *rendered[1:]) != (
        draft.subject,
        draft.text,
        draft.html,
    ):
        raise SystemExit("the floor and thank_you() render different letters")
    timings = {}
    for name, run in (("floor", floor), ("thank_you", ours)):
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            for _ in range(count):
                run()
            best = min(best, time.perf_counter() - started)
        timings[name] = best
    ratio = timings["thank_you"] / timings["floor"]
    print(f"thank-you notes: {count:,} (best of 3 runs)")
    for name, seconds in timings.items():
        print(f"{name:>10}: {seconds:7.3f} s  {seconds / count * 1e6:7.1f} µs each")
    print(f"     ratio: {ratio:7.2f}x  (goal: at most 1.5x)")


if __name__ == "__main__":
    main()
