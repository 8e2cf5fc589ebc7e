"""Tests for the letters in every shipped language: greetings and closings by
form of address, bodies that do not depend on the reader's gender, no English
left in a translated letter, and dates and money written the locale's way."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from postinterview import Interview, Person, SalaryRange, letters
from postinterview.letters import KINDS
from profiles import sweep

ME = letters.Candidate(
    name="Sam Jones",
    email="sam.jones@example.org",
    phone="+44 7700 900123",
    address=("12 Mill Lane", "Bristol BS1 4QA"),
)
ENDS = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")


def marsh(honorific: str | None = "Ms", **changes: Any) -> Person:
    return Person(
        name="Helen Marsh",
        email="helen.marsh@acme.example",
        phone="+44 20 7946 0000",
        given_name="Helen",
        family_name="Marsh",
        honorific=honorific,
        **changes,
    )


def interview(to: Person, **changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "organisation": "Acme Robotics",
        "role": "Data Engineer",
        "starts_at": ENDS.subtract(hours=1),
        "ends_at": ENDS,
        "interviewers": (to,),
        "decision_expected_by": pendulum.date(2026, 11, 27),
        "advertised_salary": SalaryRange(low=55000, high=65000, currency="EUR"),
    }
    fields.update(changes)
    return Interview(**fields)


# Each kind drafted the simplest way it can be, for a reader and a language.
def draft(
    kind: str, to: Person, locale: str, variant: str | None = None
) -> letters.Draft:
    iv = interview(to)
    common: dict[str, Any] = {"sender": ME, "locale": locale}
    if kind == "check_in_call":
        return letters.check_in(
            iv, to=to, variant="call", dated=pendulum.date(2026, 12, 1), **common
        )
    variant = variant or "email"
    common["variant"] = variant
    if variant == "letter":
        common["dated"] = pendulum.date(2026, 12, 1)
    if kind == "thank_you":
        return letters.thank_you(iv, to=to, highlight="Streaming", **common)
    if kind == "reference_brief":
        return letters.reference_brief(iv, to=to, **common)
    if kind == "offer_thanks":
        return letters.offer_thanks(
            iv, to=to, reply_by=pendulum.date(2026, 12, 4), salary=60000, **common
        )
    function = getattr(letters, kind)
    return function(iv, to=to, **common)


# The greeting line for a woman, a man and a reader whose form of address is
# not known, in an email and on a printed letter.
GREETINGS = {
    ("en_GB", "email"): ("Dear Ms Marsh,", "Dear Mr Marsh,", "Dear Helen Marsh,"),
    ("en_GB", "letter"): ("Dear Ms Marsh,", "Dear Mr Marsh,", "Dear Helen Marsh,"),
    ("en_US", "email"): ("Dear Ms. Marsh,", "Dear Mr. Marsh,", "Dear Helen Marsh,"),
    ("en_US", "letter"): ("Dear Ms. Marsh:", "Dear Mr. Marsh:", "Dear Helen Marsh:"),
    ("fr_FR", "email"): (
        "Bonjour Madame Marsh,",
        "Bonjour Monsieur Marsh,",
        "Bonjour Helen Marsh,",
    ),
    ("fr_FR", "letter"): ("Madame,", "Monsieur,", "Madame, Monsieur,"),
    ("de_DE", "email"): (
        "Sehr geehrte Frau Marsh,",
        "Sehr geehrter Herr Marsh,",
        "Guten Tag Helen Marsh,",
    ),
    ("de_DE", "letter"): (
        "Sehr geehrte Frau Marsh,",
        "Sehr geehrter Herr Marsh,",
        "Guten Tag Helen Marsh,",
    ),
    ("es_ES", "email"): ("Estimada Sra. Marsh:", "Estimado Sr. Marsh:", None),
    ("es_ES", "letter"): ("Estimada Sra. Marsh:", "Estimado Sr. Marsh:", None),
    ("pt_BR", "email"): ("Prezada Sra. Marsh,", "Prezado Sr. Marsh,", None),
    ("pt_BR", "letter"): ("Prezada Sra. Marsh,", "Prezado Sr. Marsh,", None),
}


def greeting_of(text: str, variant: str) -> str:
    """The greeting line: the first paragraph of an email, the first after
    the letter head and the address block of a printed letter."""
    paragraphs = text.split("\n\n")
    return paragraphs[3 if variant == "letter" else 0].strip()


@pytest.mark.parametrize(("locale", "variant"), list(GREETINGS))
def test_the_greeting_follows_the_language_and_the_form_of_address(
    locale: str, variant: str
) -> None:
    woman, man, unknown = GREETINGS[locale, variant]
    for honorific, expected in (("Ms", woman), ("Mr", man), (None, unknown)):
        written = draft("rejection_reply", marsh(honorific), locale, variant)
        line = greeting_of(written.text, variant)
        if expected is None:
            # A neutral greeting: the full name, and no gendered word.
            assert "Helen Marsh" in line, line
            assert not re.search(r"\b(Estimad[ao]|Prezad[ao]|Sra?\.)", line), line
        else:
            assert line == expected
        assert f">{expected or line}</p>" in written.html.replace("<p>", ">")


@pytest.mark.parametrize("locale", ["de_DE", "es_ES", "pt_BR", "en_GB", "fr_FR"])
def test_a_title_with_a_form_of_address_is_written_the_languages_way(
    locale: str,
) -> None:
    expected = {
        "de_DE": "Sehr geehrte Frau Dr. Marsh,",
        "es_ES": "Estimada Dra. Marsh:",
        "pt_BR": "Prezada Dra. Marsh,",
        "en_GB": "Dear Dr Marsh,",
        "fr_FR": "Bonjour Madame Marsh,",
    }[locale]
    written = draft("thank_you", marsh("Frau Dr."), locale)
    assert greeting_of(written.text, "email") == expected


SHIPPED = letters.languages()
OTHER_LANGUAGES = [tag for tag in SHIPPED if not tag.startswith("en")]


@given(
    kind=st.sampled_from(KINDS),
    locale=st.sampled_from(SHIPPED),
    variant=st.sampled_from(["email", "letter"]),
    title=st.sampled_from([None, "Dr", "Prof"]),
)
def test_a_body_does_not_depend_on_the_readers_form_of_address(
    kind: str, locale: str, variant: str, title: str | None
) -> None:
    # Only the greeting, the closing and the address block may differ between
    # a letter to a woman and the same letter to a man.
    words = (
        {"Ms": "Ms", "Mr": "Mr"}
        if title is None
        else {"Ms": f"Ms {title}", "Mr": f"Mr {title}"}
    )
    to_her = draft(kind, marsh(words["Ms"]), locale, variant)
    to_him = draft(kind, marsh(words["Mr"]), locale, variant)
    if kind == "check_in_call":
        body_her = to_her.text.split("\n\n", 2)[2]
        body_him = to_him.text.split("\n\n", 2)[2]
    else:
        start = 4 if variant == "letter" else 1
        body_her = "\n\n".join(to_her.text.split("\n\n")[start:-1])
        body_him = "\n\n".join(to_him.text.split("\n\n")[start:-1])
    assert body_her == body_him


def sentences(text: str) -> set[str]:
    """The runs of at least four words (numbers are not words) in *text*."""
    return {
        s.strip()
        for s in re.split(r"(?<=[.!?:])\s+|\n", text)
        if len(re.findall(r"[^\W\d_]+", s)) >= 4
    }


@pytest.mark.parametrize(("kind", "locale"), sweep(KINDS, OTHER_LANGUAGES))
def test_a_translated_letter_keeps_no_english_sentence(kind: str, locale: str) -> None:
    english = draft(kind, marsh(), "en_GB")
    translated = draft(kind, marsh(), locale)
    shared = sentences(english.text) & sentences(translated.text)
    # What the candidate typed and the record's names are the same in both.
    shared = {s for s in shared if not re.fullmatch(r"[\w .,'@+()-]*Streaming\.?", s)}
    assert not shared, shared
    assert translated.subject != english.subject


@pytest.mark.parametrize(
    ("locale", "day", "money"),
    [
        ("fr_FR", "vendredi 20 novembre", "60\u202f000\u00a0€"),
        ("de_DE", "Freitag, 20. November", "60.000\u00a0€"),
        ("es_ES", "viernes, 20 de noviembre", "60.000\u00a0€"),
        ("pt_BR", "sexta-feira, 20 de novembro", "€\u00a060.000"),
        ("en_US", "Friday, November 20", "€60,000"),
    ],
)
def test_dates_and_money_are_written_the_locales_way(
    locale: str, day: str, money: str
) -> None:
    thanks = draft("thank_you", marsh(), locale)
    assert day in thanks.text
    offer = draft("offer_thanks", marsh(), locale)
    assert money in offer.text


@pytest.mark.parametrize("locale", SHIPPED)
def test_the_html_says_its_language(locale: str) -> None:
    written = draft("feedback_request", marsh(), locale)
    assert f'<html lang="{locale.replace("_", "-")}">' in written.html
    assert written.locale == locale


def test_every_kind_in_every_language_has_a_subject_in_that_language() -> None:
    for kind in KINDS:
        subjects = {draft(kind, marsh(), tag).subject for tag in OTHER_LANGUAGES}
        assert len(subjects) == len(OTHER_LANGUAGES), kind


def test_a_person_and_an_interview_keep_their_language_through_attrs() -> None:
    to = attrs.evolve(marsh(), locale="de_DE")
    written = draft("rejection_reply", to, None)  # type: ignore[arg-type]
    assert written.locale == "de_DE"


def test_french_and_portuguese_write_the_first_of_the_month_as_an_ordinal() -> None:
    env = letters.environment()
    first = pendulum.date(2026, 12, 1)
    shown = "{{ d|longdate }} / {{ d|weekday }}"
    assert env.from_string(shown).render(d=first, locale="fr_FR") == (
        "1er décembre 2026 / mardi 1er décembre"
    )
    # Only the first: the eleventh is written plainly, and other languages
    # keep CLDR's form.
    eleventh = pendulum.date(2026, 12, 11)
    assert env.from_string(shown).render(d=eleventh, locale="fr_CA") == (
        "11 décembre 2026 / vendredi 11 décembre"
    )
    assert env.from_string(shown).render(d=first, locale="de_DE") == (
        "1. Dezember 2026 / Dienstag, 1. Dezember"
    )
    # Portuguese writes it as an ordinal too, in Brazil and in Portugal.
    for tag in ("pt_BR", "pt_PT"):
        assert env.from_string("{{ d|longdate }}").render(d=first, locale=tag) == (
            "1º de dezembro de 2026"
        )
    assert env.from_string("{{ d|longdate }}").render(d=eleventh, locale="pt_BR") == (
        "11 de dezembro de 2026"
    )


@pytest.mark.parametrize(
    ("honorific", "locale", "expected"),
    [
        ("Dra.", "pt_BR", "Prezada Dra. Marsh,"),
        ("Profa.", "pt_BR", "Prezada Profa. Marsh,"),
        ("Doctora", "es_ES", "Estimada Dra. Marsh:"),
        ("Dra.", "de_DE", "Sehr geehrte Frau Dr. Marsh,"),
        ("Dra.", "en_GB", "Dear Dr Marsh,"),
        # A title that says nothing of the form of address stays neutral.
        ("Dr.", "pt_BR", None),
    ],
)
def test_a_feminine_title_says_the_form_of_address(
    honorific: str, locale: str, expected: str | None
) -> None:
    line = greeting_of(draft("rejection_reply", marsh(honorific), locale).text, "email")
    if expected is None:
        assert "Helen Marsh" in line
    else:
        assert line == expected


def test_a_word_of_the_language_is_not_a_misspelt_name() -> None:
    # The Spanish article "las" is one letter from the organisation "Labs",
    # but a word in small letters is the language's own, not the name's.
    to = marsh()
    written = letters.rejection_reply(
        interview(to, organisation="Labs"), to=to, sender=ME, locale="es_ES"
    )
    assert " las " in f" {written.text} "
    assert written.check() == ()
    # A capitalised near miss is still found.
    wrong = attrs.evolve(written, text=written.text.replace("Labs", "Labos", 1))
    assert [f.code for f in wrong.check()] == ["spelling"]
