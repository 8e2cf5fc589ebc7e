"""Write docs/gallery.md: every kind of letter, drafted from fixed scenarios.

The gallery shows each packaged letter as a reader receives it, in every
variant (email, printed letter, call script) and every locale, for the cases
that change the wording: how the interview was held, who reads the note, how
they are greeted, a panel, an offer answered in time or not, a withdrawal
with a stage booked. Under each letter stand the findings of
``Draft.check()``, so that a template that goes wrong shows on the page.

Nothing here reads the clock or draws at random: the people, the instants
and the details are fixed, so the same code always writes the same page. The
test suite regenerates the page and fails when it differs from the file. To
update it after changing a template, run ``python docs/_tools/gallery.py``.

The scenarios follow what the letter functions offer: a check-in is drafted
as the first and the second when ``check_in`` takes ``number``, and the call
script appears once ``check_in_call`` is one of ``letters.KINDS``. A kind
with no scenario here stops the script, so a new kind cannot be left out.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum

from postinterview import Format, Interview, Person, RunBy, SalaryRange, letters
from postinterview.findings import Finding

PAGE = Path(__file__).resolve().parent.parent / "gallery.md"

# -- the fixed cast -----------------------------------------------------------

ME = letters.Candidate(
    name="Sam Jones",
    email="sam.jones@example.org",
    phone="+44 7700 900123",
    address=("12 Mill Lane", "Bristol BS1 4QA"),
)
PRIYA = Person(
    name="Priya Shah",
    email="priya.shah@acme.example",
    phone="+44 20 7946 0321",
    title="Head of Data",
)
TOM = Person(
    name="Tom Okafor", email="tom.okafor@acme.example", title="Senior Data Engineer"
)
HELEN = Person(
    name="Helen Marsh",
    email="helen.marsh@acme.example",
    title="Director of Engineering",
    given_name="Helen",
    family_name="Marsh",
    honorific="Dr",
)
RUTH = Person(
    name="Ruth Adeyemi",
    email="ruth.adeyemi@acme.example",
    title="Talent Acquisition Partner",
)
MARCUS = Person(
    name="Marcus Bell",
    email="marcus.bell@northgate.example",
    title="Senior Consultant, Northgate Recruitment",
)
KENJI = Person(
    name="Kenji Watanabe",
    email="kenji.watanabe@acme.example",
    title="Data Platform Lead",
    timezone="Asia/Tokyo",
    given_name="Kenji",
    family_name="Watanabe",
    honorific="Mr",
)
ALAN = Person(
    name="Alan Reid",
    email="alan.reid@example.net",
    given_name="Alan",
    family_name="Reid",
    honorific="Dr",
)

# -- the fixed moments ----------------------------------------------------------

# Friday 20 November 2026, 14:30 to 15:30 in London.
ENDS = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
DECIDED_BY = pendulum.date(2026, 11, 27)
INTERVIEW = Interview(
    organisation="Acme Robotics, Inc.",
    role="Data Engineer",
    starts_at=ENDS.subtract(hours=1),
    ends_at=ENDS,
    interviewers=(PRIYA,),
    location="Acme Robotics, 5 Canal Street, London",
    decision_expected_by=DECIDED_BY,
    advertised_salary=SalaryRange(low=55000, high=65000, currency="GBP"),
)
# A call from London that ended at 23:30 on Monday 16 November: Tuesday in Tokyo.
LATE_CALL = attrs.evolve(
    INTERVIEW,
    starts_at=pendulum.datetime(2026, 11, 16, 22, 45, tz="Europe/London"),
    ends_at=pendulum.datetime(2026, 11, 16, 23, 30, tz="Europe/London"),
    interviewers=(KENJI,),
    format=Format.TELEPHONE,
    location=None,
)
# The assessment day booked for the second round, on Thursday 3 December.
BOOKED = attrs.evolve(
    INTERVIEW,
    starts_at=pendulum.datetime(2026, 12, 3, 9, 30, tz="Europe/London"),
    ends_at=pendulum.datetime(2026, 12, 3, 16, 0, tz="Europe/London"),
    format=Format.ASSESSMENT_CENTRE,
    round=2,
    decision_expected_by=None,
)
THANKS_SENT = ENDS.date()
CHECK_IN_SENT = pendulum.date(2026, 12, 1)
SECOND_CHECK_IN_SENT = pendulum.date(2026, 12, 8)
REJECTED = pendulum.date(2026, 12, 2)
OFFER_RECEIVED = pendulum.date(2026, 11, 30)
OFFER_DEADLINE = pendulum.date(2026, 12, 4)

STREAMING = "moving the nightly batch jobs to streaming"
FORGOT = (
    "I ran the on-call rota for our data platform for two years, and wrote the "
    "runbooks the team still uses"
)

# What the candidate types, in each language the letters ship in: the gallery
# drafts a French letter with French notes, as a French candidate would.
SAID: dict[str, dict[str, str]] = {
    "moving the nightly batch jobs to streaming": {
        "fr": "le passage des traitements de nuit au streaming",
        "de": "die Umstellung der nächtlichen Batch-Jobs auf Streaming",
        "es": "el paso de los procesos nocturnos por lotes al streaming",
        "pt": "a migração dos processamentos noturnos em lote para streaming",
    },
    (
        "I ran the on-call rota for our data platform for two years, and wrote the "
        "runbooks the team still uses"
    ): {
        "fr": (
            "j'ai organisé pendant deux ans les astreintes de notre plateforme de "
            "données et rédigé les procédures que l'équipe utilise encore"
        ),
        "de": (
            "ich habe zwei Jahre lang die Rufbereitschaft für unsere Datenplattform "
            "organisiert und die Betriebshandbücher geschrieben, mit denen das Team "
            "heute noch arbeitet"
        ),
        "es": (
            "durante dos años organicé las guardias de nuestra plataforma de datos "
            "y redacté los manuales de operación que el equipo sigue usando"
        ),
        "pt": (
            "durante dois anos organizei os plantões da nossa plataforma de dados "
            "e escrevi os manuais de operação que a equipe ainda usa"
        ),
    },
    "the group exercise on planning a data migration": {
        "fr": "l'exercice de groupe sur la planification d'une migration de données",
        "de": "die Gruppenübung zur Planung einer Datenmigration",
        "es": "el ejercicio en grupo sobre la planificación de una migración de datos",
        "pt": "o exercício em grupo sobre o planejamento de uma migração de dados",
    },
    "the trade-offs in the pipeline exercise": {
        "fr": "les compromis de l'exercice sur le pipeline",
        "de": "die Abwägungen in der Pipeline-Aufgabe",
        "es": "los pros y los contras de cada opción en el ejercicio del pipeline",
        "pt": "as escolhas e concessões no exercício do pipeline",
    },
    "how the data team plans to grow next year": {
        "fr": "la croissance prévue de l'équipe données l'an prochain",
        "de": "die Wachstumspläne des Datenteams für das nächste Jahr",
        "es": "cómo piensa crecer el equipo de datos el año que viene",
        "pt": "como a equipe de dados pretende crescer no próximo ano",
    },
    "what the team needs from its next hire": {
        "fr": "ce que l'équipe attend de sa prochaine recrue",
        "de": "das, was das Team von seiner nächsten Neueinstellung erwartet",
        "es": "lo que el equipo necesita de su próxima incorporación",
        "pt": "o que a equipe espera da próxima contratação",
    },
    "keeping the Tokyo and London pipelines in step": {
        "fr": "la synchronisation des pipelines de Tokyo et de Londres",
        "de": "den Gleichlauf der Pipelines in Tokio und London",
        "es": "cómo mantener sincronizados los pipelines de Tokio y Londres",
        "pt": "como manter sincronizados os pipelines de Tóquio e Londres",
    },
    "how the team reviews its data contracts": {
        "fr": "la façon dont l'équipe révise ses contrats de données",
        "de": "die Art, wie das Team seine Datenverträge prüft",
        "es": "cómo revisa el equipo sus contratos de datos",
        "pt": "como a equipe revisa os seus contratos de dados",
    },
    "where the platform should be in two years": {
        "fr": "ce que la plateforme devrait devenir d'ici deux ans",
        "de": "das Ziel für die Plattform in zwei Jahren",
        "es": "dónde debería estar la plataforma dentro de dos años",
        "pt": "onde a plataforma deve estar daqui a dois anos",
    },
    "the advice to talk through a design before writing code": {
        "fr": "le conseil d'expliquer une conception avant d'écrire le code",
        "de": "den Rat, einen Entwurf zu besprechen, bevor ich Code schreibe",
        "es": "el consejo de explicar un diseño antes de escribir código",
        "pt": "o conselho de explicar um projeto antes de escrever o código",
    },
    "the migration of our reporting to streaming": {
        "fr": "la migration de nos rapports vers le streaming",
        "de": "die Umstellung unseres Reportings auf Streaming",
        "es": "la migración de nuestros informes al streaming",
        "pt": "a migração dos nossos relatórios para streaming",
    },
    "how I mentor new engineers": {
        "fr": "ma façon d'accompagner les nouveaux ingénieurs",
        "de": "meine Einarbeitung neuer Kolleginnen und Kollegen",
        "es": "cómo acompaño a los ingenieros que se incorporan",
        "pt": "como acompanho os engenheiros recém-contratados",
    },
    "i have accepted another offer that is closer to home.": {
        "fr": "j'ai accepté une autre offre plus proche de chez moi.",
        "de": "ich habe ein anderes Angebot näher an meinem Wohnort angenommen.",
        "es": "he aceptado otra oferta más cerca de mi casa.",
        "pt": "aceitei outra proposta mais perto de casa.",
    },
    "a week of holiday already booked in February": {
        "fr": "une semaine de congés déjà réservée en février",
        "de": "eine bereits gebuchte Urlaubswoche im Februar",
        "es": "una semana de vacaciones ya reservada en febrero",
        "pt": "uma semana de férias já marcada em fevereiro",
    },
}


def _shown_order(locale: str) -> tuple[int, str]:
    """English first, the source before American English; then the others."""
    order = list(LOCALE_TITLES)
    return (order.index(locale) if locale in order else len(order), locale)


def said(value: Any, locale: str) -> Any:
    """*value* (what the candidate typed, or a tuple of such) in the letter's
    language."""
    if isinstance(value, tuple):
        return tuple(said(item, locale) for item in value)
    if isinstance(value, str):
        return SAID.get(value, {}).get(locale.partition("_")[0], value)
    return value


# -- scenarios ----------------------------------------------------------------

VARIANT_NAMES = {"email": "email", "letter": "printed letter", "call": "call script"}
LETTERS = ("email", "letter")

# Draft one scenario in a variant and a locale: one draft, or a panel's set.
Drafter = Callable[[str, str], tuple[letters.Draft, ...]]


@attrs.frozen
class Scenario:
    """One case of a kind of letter: a heading, its variants and how to draft it."""

    title: str
    draft: Drafter
    variants: tuple[str, ...] = LETTERS
    panel: bool = False


def _dated(variant: str, day: dt.date) -> dict[str, Any]:
    """The date a printed letter carries; an email carries none."""
    return {"dated": day} if variant == "letter" else {}


def _thanks(
    interview: Interview, to: Person, highlight: str, forgot: str | None = None
) -> Drafter:
    def draft(variant: str, locale: str) -> tuple[letters.Draft, ...]:
        return (
            letters.thank_you(
                interview,
                to=to,
                sender=ME,
                highlight=said(highlight, locale),
                forgot=said(forgot, locale),
                variant=variant,
                locale=locale,
                **_dated(variant, interview.ends_at.date()),
            ),
        )

    return draft


def thank_you_scenarios() -> Iterator[Scenario]:
    """Each occasion, each reader, the greetings, a forgotten point, a panel."""
    occasions = [
        (Format.IN_PERSON, "In person", STREAMING),
        (Format.VIDEO, "By video", STREAMING),
        (Format.TELEPHONE, "By telephone", STREAMING),
        (
            Format.ASSESSMENT_CENTRE,
            "At an assessment centre",
            "the group exercise on planning a data migration",
        ),
        (
            Format.TECHNICAL_TEST,
            "A technical test",
            "the trade-offs in the pipeline exercise",
        ),
    ]
    for form, title, point in occasions:
        yield Scenario(
            f"{title}, to an interviewer",
            _thanks(attrs.evolve(INTERVIEW, format=form), PRIYA, point),
        )
    screen = attrs.evolve(INTERVIEW, format=Format.TELEPHONE, interviewers=(RUTH,))
    yield Scenario(
        "By telephone, to a recruiter known by job title",
        _thanks(screen, RUTH, "how the data team plans to grow next year"),
    )
    agency = attrs.evolve(
        INTERVIEW, format=Format.VIDEO, run_by=RunBy.AGENCY, agency_contact=MARCUS
    )
    yield Scenario(
        "By video, to the agency contact",
        _thanks(agency, MARCUS, "what the team needs from its next hire"),
    )
    yield Scenario(
        "With the point forgotten in the interview",
        _thanks(INTERVIEW, PRIYA, STREAMING, forgot=FORGOT),
    )
    with_helen = attrs.evolve(INTERVIEW, interviewers=(HELEN,))
    helen_asked = attrs.evolve(HELEN, salutation="Helen")
    yield Scenario(
        "Greeted by the salutation they asked for",
        _thanks(
            attrs.evolve(INTERVIEW, interviewers=(helen_asked,)), helen_asked, STREAMING
        ),
    )
    yield Scenario(
        "Greeted by title and family name", _thanks(with_helen, HELEN, STREAMING)
    )
    # Languages that greet a woman and a man differently read the form of
    # address from the honorific: "Ms", or "Frau Dr." with a title as well.
    for honorific in ("Ms", "Frau Dr."):
        addressed = attrs.evolve(HELEN, honorific=honorific)
        yield Scenario(
            f"Greeted by form of address and family name (honorific {honorific!r})",
            _thanks(
                attrs.evolve(INTERVIEW, interviewers=(addressed,)), addressed, STREAMING
            ),
        )
    helen_plain = attrs.evolve(HELEN, honorific=None)
    yield Scenario(
        "Greeted by full name, no title known",
        _thanks(
            attrs.evolve(INTERVIEW, interviewers=(helen_plain,)), helen_plain, STREAMING
        ),
    )
    yield Scenario(
        "A late call from London, to an interviewer in Tokyo",
        _thanks(LATE_CALL, KENJI, "keeping the Tokyo and London pipelines in step"),
    )
    panel = attrs.evolve(INTERVIEW, interviewers=(PRIYA, TOM, HELEN))
    points = {
        PRIYA: STREAMING,
        TOM: "how the team reviews its data contracts",
        HELEN: "where the platform should be in two years",
    }

    def each(variant: str, locale: str) -> tuple[letters.Draft, ...]:
        return letters.thank_you_each(
            panel,
            sender=ME,
            highlights={
                person: said(point, locale) for person, point in points.items()
            },
            variant=variant,
            locale=locale,
            **_dated(variant, panel.ends_at.date()),
        )

    yield Scenario("A panel of three, one note each", each, panel=True)


def _takes(function: Callable[..., Any], name: str) -> bool:
    return name in inspect.signature(function).parameters


def _check_ins(kind: str) -> Iterator[Scenario]:
    """The check-ins: the first (with and without a date given), the second.

    Written for the ``check_in`` of the moment: *number* and *first_sent*
    are passed only when it takes them; the call script is the variant
    ``"call"`` of ``check_in``, or ``letters.check_in_call`` if it exists.
    """
    function: Callable[..., letters.Draft] = letters.check_in
    variants = LETTERS
    if kind == "check_in_call":
        variants = ("call",)
        function = getattr(letters, "check_in_call", letters.check_in)
    numbered = _takes(function, "number")
    undated = attrs.evolve(INTERVIEW, decision_expected_by=None)
    cases: list[tuple[str, Interview, int, dict[str, Any]]] = []
    if numbered:
        cases = [
            ("The first, naming the date they gave", INTERVIEW, 1, {}),
            ("The first, when no date was given", undated, 1, {}),
            ("The second", INTERVIEW, 2, {"first_sent": CHECK_IN_SENT}),
        ]
    else:
        cases = [("After the date they gave", INTERVIEW, 1, {})]

    for title, interview, number, extra in cases:

        def draft(
            variant: str,
            locale: str,
            interview: Interview = interview,
            number: int = number,
            extra: dict[str, Any] = extra,
        ) -> tuple[letters.Draft, ...]:
            sent = CHECK_IN_SENT if number == 1 else SECOND_CHECK_IN_SENT
            given: dict[str, Any] = {"dated": sent, "locale": locale}
            if numbered:
                given["number"] = number
                given.update(
                    (name, value)
                    for name, value in extra.items()
                    if _takes(function, name)
                )
            if function is letters.check_in or _takes(function, "variant"):
                given["variant"] = variant
            return (function(interview, sender=ME, **given),)

        yield Scenario(title, draft, variants)


def _reply(
    function: Callable[..., letters.Draft], on: dt.date, **fixed: Any
) -> Drafter:
    def draft(variant: str, locale: str) -> tuple[letters.Draft, ...]:
        return (
            function(
                sender=ME,
                variant=variant,
                locale=locale,
                **{name: said(value, locale) for name, value in fixed.items()},
                **_dated(variant, on),
            ),
        )

    return draft


def _scenarios() -> dict[str, list[Scenario]]:
    """The scenarios of every kind this script knows, by kind."""
    agency = attrs.evolve(
        INTERVIEW, run_by=RunBy.AGENCY, agency_contact=MARCUS, format=Format.VIDEO
    )
    offer = {"received": OFFER_RECEIVED, "deadline": OFFER_DEADLINE}
    return {
        "thank_you": list(thank_you_scenarios()),
        "check_in": list(_check_ins("check_in")),
        "check_in_call": list(_check_ins("check_in_call")),
        "feedback_request": [
            Scenario(
                "To the interviewer",
                _reply(letters.feedback_request, REJECTED, interview=INTERVIEW),
            ),
            Scenario(
                "Through the agency that ran the interview",
                _reply(letters.feedback_request, REJECTED, interview=agency),
            ),
        ],
        "rejection_reply": [
            Scenario(
                "To the interviewer",
                _reply(letters.rejection_reply, REJECTED, interview=INTERVIEW),
            ),
        ],
        "feedback_thanks": [
            Scenario(
                "Naming what helped",
                _reply(
                    letters.feedback_thanks,
                    REJECTED.add(days=7),
                    interview=INTERVIEW,
                    useful="the advice to talk through a design before writing code",
                ),
            ),
        ],
        "reference_brief": [
            Scenario(
                "To a referee, with what to stress",
                _reply(
                    letters.reference_brief,
                    THANKS_SENT,
                    interview=attrs.evolve(INTERVIEW, interviewers=(PRIYA, TOM)),
                    to=ALAN,
                    contact_from=pendulum.date(2026, 11, 25),
                    emphasise=(
                        "the migration of our reporting to streaming",
                        "how I mentor new engineers",
                    ),
                ),
            ),
        ],
        "withdrawal": [
            Scenario(
                "With a short reason",
                _reply(
                    letters.withdrawal,
                    pendulum.date(2026, 11, 26),
                    interview=INTERVIEW,
                    reason="i have accepted another offer that is closer to home.",
                ),
            ),
            Scenario(
                "With an assessment day already booked",
                _reply(
                    letters.withdrawal,
                    pendulum.date(2026, 11, 26),
                    interview=INTERVIEW,
                    booked=BOOKED,
                ),
            ),
        ],
        "offer_thanks": [
            Scenario(
                "Answering before the deadline",
                _reply(
                    letters.offer_thanks,
                    OFFER_RECEIVED,
                    interview=INTERVIEW,
                    reply_by=pendulum.date(2026, 12, 3),
                    **offer,
                ),
            ),
            Scenario(
                "Asking for more time",
                _reply(
                    letters.offer_thanks,
                    OFFER_RECEIVED,
                    interview=INTERVIEW,
                    reply_by=pendulum.date(2026, 12, 9),
                    **offer,
                ),
            ),
            Scenario(
                "With terms and a salary to discuss",
                _reply(
                    letters.offer_thanks,
                    OFFER_RECEIVED,
                    interview=INTERVIEW,
                    reply_by=pendulum.date(2026, 12, 3),
                    discuss=("a week of holiday already booked in February",),
                    salary=62000,
                    **offer,
                ),
            ),
        ],
    }


# -- the page -----------------------------------------------------------------

KIND_TITLES = {
    "thank_you": "Thank-you notes",
    "check_in": "Check-ins",
    "check_in_call": "Check-in call scripts",
    "feedback_request": "Feedback requests",
    "rejection_reply": "Replies to a rejection",
    "feedback_thanks": "Thanks for feedback",
    "reference_brief": "Referee briefs",
    "withdrawal": "Withdrawals",
    "offer_thanks": "Replies to an offer",
}
LOCALE_TITLES = {
    "en_GB": "British English",
    "en_US": "American English",
    "fr_FR": "French",
    "de_DE": "German",
    "es_ES": "Spanish",
    "pt_BR": "Brazilian Portuguese",
}

INTRO = """\
# Letter gallery

This page is generated: `python docs/_tools/gallery.py` writes it from a
fixed set of scenarios, and the test suite fails when it is out of date.
Run the script again after changing a template.

Every kind of letter is shown in every variant and locale, for the cases
that change its wording. Sam Jones was interviewed for the Data Engineer
role at Acme Robotics, Inc. from 14:30 to 15:30 on Friday 20 November 2026
in London, and was told to expect a decision by 27 November; the
interviewer is Priya Shah unless the heading says otherwise. Each draft
shows its subject and its text body, and under it what `Draft.check()`
found: a packaged letter should have no findings.

```{contents} Letters
:local:
:depth: 2
```
"""


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _findings(findings: tuple[Finding, ...]) -> str:
    if not findings:
        return "no findings"
    return "findings: " + "; ".join(f"`{f.code}` {f.message}" for f in findings)


def _shown(draft: letters.Draft, findings: tuple[Finding, ...]) -> str:
    body = f"Subject: {draft.subject}\n\n{draft.text.rstrip()}\n"
    fence = _fence(body)
    return f"{fence}text\n{body}{fence}\n\n*Draft.check():* {_findings(findings)}\n"


def sections() -> Iterator[str]:
    """The page, heading by heading: kind, then locale, then each letter."""
    known = _scenarios()
    missing = [kind for kind in letters.KINDS if not known.get(kind)]
    if missing:
        raise SystemExit(
            f"docs/_tools/gallery.py has no scenario for {', '.join(missing)}: "
            "add one so that the gallery shows every kind of letter"
        )
    for kind in letters.KINDS:
        yield f"## {KIND_TITLES.get(kind, kind)} (`{kind}`)\n"
        for locale in sorted(letters.LOCALES, key=_shown_order):
            yield f"### {LOCALE_TITLES.get(locale, locale)} ({locale})\n"
            for scenario in known[kind]:
                for variant in scenario.variants:
                    drafts = scenario.draft(variant, locale)
                    yield from _letters(kind, scenario, variant, drafts)


def _letters(
    kind: str, scenario: Scenario, variant: str, drafts: tuple[letters.Draft, ...]
) -> Iterator[str]:
    heading = f"#### {scenario.title} — {VARIANT_NAMES.get(variant, variant)}\n"
    yield heading
    for draft in drafts:
        if draft.kind != kind:
            raise SystemExit(
                f"the {kind} scenario {scenario.title!r} drafted a {draft.kind}"
            )
        if scenario.panel:
            yield f"To {draft.to.name}:\n"
        yield _shown(draft, draft.check())
    if scenario.panel:
        yield f"*check_panel():* {_findings(letters.check_panel(drafts))}\n"


def page() -> str:
    """Return the whole gallery page as Markdown."""
    return "\n".join([INTRO, *sections()])


def count(text: str) -> int:
    """How many letters *text*, a gallery page, shows."""
    return text.count("\n*Draft.check():* ")


if __name__ == "__main__":
    text = page()
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE.name}: {count(text)} letters")  # noqa: T201 - says what it did
