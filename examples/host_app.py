"""Render a thank-you note through a host tool's own Jinja environment.

Canopy, a made-up job-search app, mounts the packaged letter templates under
the ``postinterview/`` prefix next to its own templates folder,
``examples/host_templates``. There it overrides one template: its
``thank_you/body.txt.j2`` extends the packaged body and adds a paragraph
about the candidate's Canopy portfolio. Everything else, from the greeting
to the sign-off, still comes from the library.

Run it with ``python examples/host_app.py``.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pendulum

from postinterview import Interview, Person, letters

TEMPLATES = Path(__file__).resolve().parent / "host_templates"

ME = letters.Candidate(name="Sam Jones", email="sam.jones@example.org")
PRIYA = Person(
    name="Priya Shah",
    title="Head of Data Platform",
    email="priya.shah@larkspur.example",
)
HIGHLIGHT = "how the platform team plans to retire its nightly batch jobs"


def build() -> Interview:
    """Return the interview the note is about."""
    ends_at = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    return Interview(
        organisation="Larkspur Analytics Ltd",
        role="Data Engineer",
        starts_at=ends_at.subtract(hours=1),
        ends_at=ends_at,
        interviewers=(PRIYA,),
    )


def environment() -> jinja2.Environment:
    """Return Canopy's environment: its templates first, then the library's."""
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader(TEMPLATES),
                jinja2.PrefixLoader({"postinterview": letters.loader()}),
            ]
        ),
        # Escape the HTML bodies; the text bodies stay as written.
        autoescape=jinja2.select_autoescape(["html.j2"]),
        **letters.OPTIONS,
    )
    env.filters.update(letters.FILTERS)
    # The packaged templates' words, in British English (the letters' source).
    letters.install_messages(env, "en_GB")
    return env


def main() -> None:
    """Render the subject from the library's template and the body from ours."""
    env = environment()
    # The variables the packaged templates see (docs/letters.md lists them).
    values = letters.template_context(
        "thank_you", build(), to=PRIYA, sender=ME, highlight=HIGHLIGHT
    )
    subject = env.get_template("postinterview/thank_you/subject.txt.j2")
    values["subject"] = " ".join(subject.render(values).split())
    body = env.get_template("thank_you/body.txt.j2")  # Canopy's own
    print(f"To: {PRIYA.name} <{PRIYA.email}>")
    print(f"Subject: {values['subject']}")
    print()
    print(body.render(values), end="")


if __name__ == "__main__":
    main()
