"""The checks of a letter in every language the letters ship: en, fr, de, es, pt.

Good letters written by hand (``languages.py``) in each language and
variant raise no finding, in the shipped locale and a regional one. Each
rule then has, per language, a bad draft that raises it and near misses
that do not: French no-break spaces before "?", German bodies that go on in
lower case after the greeting's comma, Spanish "¿" and "¡", each language's
titles, forms of address, meeting words and written dates. Properties put
one fault into a generated good letter and find exactly it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import subprocess
import sys
import unicodedata
from typing import Any

import attrs
import babel
import pytest
from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from capped import run_capped
from languages import (
    END,
    HELEN,
    LANGUAGES,
    LOCALES,
    NBSP,
    NNBSP,
    VARIANTS,
    VIDEO,
    draft,
    good_letters,
    letter_text,
)
from postinterview import (
    Application,
    Finding,
    Format,
    NotesWritten,
    OfferReceived,
    Person,
    ValidationError,
)
from postinterview.letters import BODY_WORDS, KINDS, body_words, check_panel
from postinterview.letters._checks import scaled
from postinterview.letters._conventions import LANGUAGES as CONVENTIONS
from postinterview.letters._conventions import conventions, language_of
from postinterview.letters._fit import _dates_of, _day_of
from postinterview.letters._parts import body, sentences
from profiles import sweep

MARSH = Person(
    name="Helen Marsh", given_name="Helen", family_name="Marsh", honorific="Ms"
)
WEBER = Person(
    name="Jonas Weber", given_name="Jonas", family_name="Weber", honorific="Mr"
)
CALL = attrs.evolve(VIDEO, format=Format.TELEPHONE)
SIGN_OFF = {
    "en": "Kind regards,",
    "fr": "Bien cordialement,",
    "de": "Mit freundlichen Gr\u00fc\u00dfen",
    "es": "Atentamente,",
    "pt": "Atenciosamente,",
}
GREETING = {
    "en": "Dear Dr Marsh,",
    "fr": "Bonjour Madame Marsh,",
    "de": "Sehr geehrte Frau Dr. Marsh,",
    "es": "Estimada Dra. Marsh:",
    "pt": "Prezada Dra. Marsh,",
}
SHIPPED = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE", "es": "es_ES", "pt": "pt_BR"}


def hand(*paragraphs: str, language: str = "en", greeting: str | None = None) -> str:
    """A letter: a greeting, *paragraphs* and the language's sign-off."""
    opening = GREETING[language] if greeting is None else greeting
    return "\n\n".join([opening, *paragraphs, f"{SIGN_OFF[language]}\nSam Jones"])


def check(
    *paragraphs: str,
    language: str = "en",
    greeting: str | None = None,
    locale: str | None = None,
    **changes: Any,
) -> tuple[Finding, ...]:
    """The findings of a hand-written letter in *language*."""
    text = hand(*paragraphs, language=language, greeting=greeting)
    return draft(text, locale or SHIPPED[language], **changes).check()


def found(findings: tuple[Finding, ...], code: str) -> list[str | None]:
    return [finding.text for finding in findings if finding.code == code]


def codes(findings: tuple[Finding, ...]) -> list[str]:
    return [finding.code for finding in findings]


# -- one good letter per language and variant ------------------------------------


@pytest.mark.parametrize(
    ("locale", "variant"),
    sweep([tag for pair in LOCALES.values() for tag in pair], VARIANTS, whole=[0]),
)
def test_a_good_letter_raises_no_finding(locale: str, variant: str) -> None:
    language = LANGUAGES[locale[:2]]
    for wording in itertools.product((0, 1), repeat=len(language.paragraphs)):
        for greeting in (0, 1):
            text = letter_text(language, variant, greeting=greeting, wording=wording)
            assert draft(text, locale).check() == (), (wording, greeting)


@given(good_letters())
def test_generated_good_letters_raise_no_finding_after_a_call_either(
    drawn: tuple[str, str, str, tuple[int, ...], str],
) -> None:
    code, locale, _, _, text = drawn
    # The letters speak of a video call; after a phone call the same words
    # ("our conversation") are still right.
    assert draft(text, locale, interview=CALL).check() == ()
    assert check_panel([draft(text, locale)]) == ()
    assert conventions(locale) is CONVENTIONS[code]


def test_a_regional_tag_is_read_in_its_language() -> None:
    assert language_of("fr_CA") == language_of("fr-ca") == "fr"
    assert conventions("pt_PT") is conventions("pt_BR") is CONVENTIONS["pt"]
    assert conventions("en_IE") is CONVENTIONS["en"]
    assert conventions("it_IT") is None


# -- greeting ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "greeting", "to"),
    [
        ("fr", "Bonjour Helen Marsh,", HELEN),
        ("fr", "Bonjour Madame Marsh,", MARSH),
        ("fr", "Madame,", MARSH),
        ("fr", "Madame,", HELEN),  # "Dr": either is right
        ("fr", "Madame, Monsieur,", HELEN),
        ("fr", "Madame, Monsieur,", WEBER),
        ("fr", "Monsieur,", WEBER),
        ("fr", "Ch\u00e8re Madame,", MARSH),
        ("de", "Sehr geehrte Frau Dr. Marsh,", HELEN),
        ("de", "Sehr geehrte Frau Marsh,", MARSH),
        ("de", "Sehr geehrter Herr Weber,", WEBER),
        ("de", "Guten Tag Helen Marsh,", HELEN),
        ("es", "Estimada Sra. Marsh:", MARSH),
        ("es", "Estimado Dr. Weber:", WEBER),
        ("es", "Estimada Dra. Marsh:", HELEN),
        ("es", "Buenos d\u00edas, Helen Marsh:", HELEN),
        ("pt", "Prezada Sra. Marsh,", MARSH),
        ("pt", "Prezado Sr. Weber,", WEBER),
        ("pt", "Prezada Dra. Marsh,", HELEN),
        ("pt", "Ol\u00e1, Helen Marsh,", HELEN),
        ("en", "Dear Ms Marsh,", MARSH),
    ],
)
def test_each_languages_greetings_are_right(
    language: str, greeting: str, to: Person
) -> None:
    findings = check("Fine.", language=language, greeting=greeting, to=to)
    assert "greeting" not in codes(findings)
    assert "title-before-full-name" not in codes(findings)


@pytest.mark.parametrize(
    ("language", "greeting", "to", "says"),
    [
        # No name, where the language names the reader.
        ("fr", "Bonjour,", HELEN, "does not use"),
        ("de", "Sehr geehrte Damen und Herren,", HELEN, "does not use"),
        ("es", "Estimados se\u00f1ores:", HELEN, "does not use"),
        ("pt", "Prezados senhores,", HELEN, "does not use"),
        ("fr", "Bonjour Madame Smith,", MARSH, "does not use"),
        # The other sex's form of address.
        ("fr", "Monsieur,", MARSH, "as a man ('monsieur')"),
        ("fr", "Bonjour Monsieur Marsh,", MARSH, "as a man"),
        ("fr", "Madame,", WEBER, "as a woman ('madame')"),
        ("de", "Sehr geehrter Herr Marsh,", MARSH, "as a man"),
        ("es", "Estimado Sr. Marsh:", MARSH, "as a man"),
        ("pt", "Prezada Sra. Weber,", WEBER, "as a woman"),
        ("en", "Dear Mr Marsh,", MARSH, "as a man ('mr')"),
        # A woman's form and a man's in one greeting.
        ("de", "Sehr geehrter Frau Marsh,", HELEN, "mixes"),
        ("es", "Estimado Sra. Marsh:", HELEN, "mixes"),
        ("pt", "Prezado Dra. Marsh,", HELEN, "mixes"),
        ("fr", "Cher Madame,", HELEN, "mixes"),
    ],
)
def test_a_greeting_without_the_name_or_in_the_wrong_form_is_found(
    language: str, greeting: str, to: Person, says: str
) -> None:
    findings = check("Fine.", language=language, greeting=greeting, to=to)
    assert found(findings, "greeting") == [greeting]
    (finding,) = [f for f in findings if f.code == "greeting"]
    assert says in finding.message


def test_the_salutation_the_person_asked_for_wins_over_the_form() -> None:
    asked = attrs.evolve(MARSH, salutation="Herr Marsh")
    findings = check("Fine.", language="de", greeting="Hallo Herr Marsh,", to=asked)
    assert "greeting" not in codes(findings)


def test_a_french_address_block_is_not_the_greeting() -> None:
    # "Madame Helen Marsh" in the letter head has no comma: the greeting is
    # the line after it, and the head is not counted as the body.
    text = letter_text(LANGUAGES["fr"], "letter")
    assert body(text, CONVENTIONS["fr"].greeting).startswith("Je vous remercie")
    no_greeting = text.replace("\nMadame,\n", "\n")
    assert "greeting" in codes(draft(no_greeting, "fr_FR").check())


# -- title before a full name --------------------------------------------------


@pytest.mark.parametrize(
    ("language", "greeting", "better"),
    [
        ("fr", "Bonjour Madame Helen Marsh,", "'Bonjour Madame Marsh'"),
        ("fr", "Madame Helen Marsh,", "'Madame Marsh'"),
        ("de", "Sehr geehrte Frau Dr. Helen Marsh,", "'Sehr geehrte Frau Dr. Marsh'"),
        ("de", "Sehr geehrte Frau Prof. Dr. Helen Marsh,", "Frau Prof. Dr. Marsh"),
        ("es", "Estimada Dra. Helen Marsh:", "'Estimada Dra. Marsh'"),
        ("es", "Buenos d\u00edas, Sra. Helen Marsh:", "'Buenos d\u00edas Sra. Marsh'"),
        ("pt", "Prezada Dra. Helen Marsh,", "'Prezada Dra. Marsh'"),
        ("pt", "Prezada Senhora Helen Marsh,", "'Prezada Senhora Marsh'"),
    ],
)
def test_a_title_before_the_full_name_is_found_in_each_language(
    language: str, greeting: str, better: str
) -> None:
    findings = check("Fine.", language=language, greeting=greeting, to=HELEN)
    assert found(findings, "title-before-full-name") == [greeting]
    (finding,) = [f for f in findings if f.code == "title-before-full-name"]
    assert better in finding.message
    assert "'Helen Marsh'" in finding.message


@pytest.mark.parametrize(
    ("language", "greeting"),
    [
        ("fr", "Bonjour Madame Marsh,"),
        ("fr", "Madame, Monsieur,"),
        ("de", "Sehr geehrte Frau Prof. Dr. Marsh,"),
        ("de", "Guten Tag Helen Marsh,"),
        ("es", "Buenos d\u00edas, Helen Marsh:"),
        ("es", "Estimada Dra. Marsh:"),
        ("pt", "Ol\u00e1, Helen Marsh,"),
    ],
)
def test_no_title_finding_before_a_family_name_or_a_bare_full_name(
    language: str, greeting: str
) -> None:
    findings = check("Fine.", language=language, greeting=greeting, to=HELEN)
    assert "title-before-full-name" not in codes(findings)


# -- length --------------------------------------------------------------------


def words(count: int) -> str:
    """*count* words, no two alike in a row."""
    return " ".join(["alpha", "beta", "gamma", "delta"][i % 4] for i in range(count))


@pytest.mark.parametrize(
    ("language", "kind"), sweep(SHIPPED, ["thank_you", "check_in", "withdrawal"])
)
def test_each_language_is_held_to_its_own_number_of_words(
    language: str, kind: str
) -> None:
    bounds = body_words(kind, SHIPPED[language])
    assert bounds is not None
    fewest, most = bounds
    for count in (fewest, most, most + 1, max(fewest - 1, 0)):
        findings = check(words(count) + ".", language=language, kind=kind)
        assert ("length" in codes(findings)) is not (fewest <= count <= most), count
    (finding,) = [
        f
        for f in check(words(most + 1) + ".", language=language, kind=kind)
        if f.code == "length"
    ]
    assert str(most) in finding.message
    assert str(most + 1) in finding.message


def test_body_words_are_english_scaled_by_each_languages_measure() -> None:
    assert body_words("thank_you", "en_GB") == BODY_WORDS["thank_you"]
    assert body_words("thank_you", "en_US") == (80, 150)
    assert body_words("thank_you", "fr_FR") == (90, 175)
    # German letters are held to the English bounds (see body_words).
    assert body_words("thank_you", "de_DE") == (80, 150)
    assert body_words("thank_you", "es_ES") == (90, 175)
    assert body_words("thank_you", "pt_BR") == (85, 165)
    assert body_words("check_in", "fr_CA") == body_words("check_in", "fr_FR")
    assert body_words("feedback_request", "pt_PT") == (0, 120)
    assert body_words("postcard", "de_DE") is None
    for kind in KINDS:
        for locale in SHIPPED.values():
            assert body_words(kind, locale) is not None


@pytest.mark.parametrize(
    ("kind", "locale", "field"),
    [
        ("thank_you", "it_IT", "locale"),
        (3, "fr_FR", "kind"),
        ("thank_you", 3, "locale"),
    ],
)
def test_body_words_refuses_what_it_cannot_answer(
    kind: Any, locale: Any, field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        body_words(kind, locale)
    assert raised.value.field == field
    if field == "locale":
        assert "fr" in str(raised.value)


@given(
    st.tuples(st.integers(0, 500), st.integers(0, 500)).map(sorted),
    st.integers(50, 200),
    st.integers(50, 200),
)
def test_scaled_bounds_hold_the_exact_scaling_and_grow_with_the_factor(
    bounds: list[int], first: int, second: int
) -> None:
    low, high = sorted((first, second))
    fewest, most = bounds
    for per_hundred in (low, high):
        lo, hi = scaled((fewest, most), per_hundred)
        assert lo % 5 == 0
        assert hi % 5 == 0
        assert lo * 100 <= fewest * per_hundred < (lo + 5) * 100
        assert (hi - 5) * 100 < most * per_hundred <= hi * 100
    smaller, larger = scaled((fewest, most), low), scaled((fewest, most), high)
    assert smaller[0] <= larger[0]
    assert smaller[1] <= larger[1]


def test_the_languages_bounds_are_ordered_as_their_measures() -> None:
    ordered = sorted(CONVENTIONS.values(), key=lambda c: c.words_per_hundred)
    for kind in BODY_WORDS:
        for shorter, longer in itertools.pairwise(ordered):
            a = body_words(kind, shorter.language)
            b = body_words(kind, longer.language)
            assert a is not None
            assert b is not None
            assert a[0] <= b[0]
            assert a[1] <= b[1]


# -- doubled words -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Nous nous sommes parl\u00e9 vendredi."),
        ("fr", "Vous vous souvenez de ce projet."),
        ("de", "Das Team, das das Projekt leitet, hat mich beeindruckt."),
        ("de", "Die Kollegen, f\u00fcr die die Stelle gedacht ist, sind nett."),
        ("de", "Ich sende Ihnen die Unterlagen, wenn Sie sie brauchen."),
    ],
)
def test_a_languages_own_doublings_are_not_found(language: str, text: str) -> None:
    assert "doubled-word" not in codes(check(text, language=language))


@pytest.mark.parametrize(
    ("language", "text", "quoted"),
    [
        ("fr", "Merci pour le le temps.", "le le"),
        ("de", "Vielen Dank f\u00fcr die die Zeit.", "die die"),
        ("de", "Ich habe habe mich gefreut.", "habe habe"),
        ("es", "Gracias por su su tiempo.", "su su"),
        ("pt", "Obrigada pela pela aten\u00e7\u00e3o.", "pela pela"),
        ("en", "The team, that that I met.", "that that"),
    ],
)
def test_a_doubled_word_is_found_in_each_language(
    language: str, text: str, quoted: str
) -> None:
    assert found(check(text, language=language), "doubled-word") == [quoted]


@given(good_letters(), st.data())
def test_one_doubled_word_in_a_good_letter_is_found_once(
    drawn: tuple[str, str, str, tuple[int, ...], str], data: st.DataObject
) -> None:
    code, locale, _, _, text = drawn
    known = CONVENTIONS[code]
    said = body(text, known.greeting)
    start = text.index(said)
    allowed = known.doubled | known.doubled_after_comma
    spots = [
        (start + offset, token)
        for offset, token in _tokens(said)
        if token.isalpha() and len(token) > 1 and token.casefold() not in allowed
    ]
    at, token = data.draw(st.sampled_from(spots))
    doubled = f"{text[:at]}{token} {text[at:]}"
    findings = draft(doubled, locale).check()
    assert found(findings, "doubled-word") == [f"{token} {token}"]


def _tokens(text: str) -> list[tuple[int, str]]:
    """The space-separated tokens of *text*, with where each starts."""
    tokens, at = [], 0
    for token in text.split(" "):
        tokens.append((at, token))
        at += len(token) + 1
    return tokens


# -- placeholders and spelling -------------------------------------------------


@pytest.mark.parametrize("language", list(SHIPPED))
def test_placeholders_are_found_in_every_language(language: str) -> None:
    findings = check("[pr\u00e9nom] {{ point }} TODO.", language=language)
    assert found(findings, "placeholder") == ["[pr\u00e9nom]", "{{", "TODO"]


SOCIETE = attrs.evolve(VIDEO, organisation="Soci\u00e9t\u00e9 G\u00e9n\u00e9rale")


@pytest.mark.parametrize(
    "text",
    [
        "L'\u00e9quipe de Soci\u00e9t\u00e9 G\u00e9n\u00e9rale m'a plu.",
        "Chez Soci\u00e9t\u00e9 G\u00e9n\u00e9rale, l'\u00e9quipe est \u00e0 "
        "l'\u00e9coute.",
        "L'\u00e9quipe de "
        + unicodedata.normalize("NFD", "Soci\u00e9t\u00e9 ")
        # The same name, its accents typed as combining marks.
        + unicodedata.normalize("NFD", "G\u00e9n\u00e9rale")
        + " m'a plu.",
        "Le r\u00f4le d'ing\u00e9nieure chez Soci\u00e9t\u00e9 G\u00e9n\u00e9rale "
        "m'int\u00e9resse.",
    ],
)
def test_accented_words_around_a_name_are_not_misspellings(text: str) -> None:
    findings = check(text, language="fr", interview=SOCIETE)
    assert "spelling" not in codes(findings)


def test_an_accented_name_misspelled_is_found() -> None:
    findings = check(
        "L'\u00e9quipe de Societe Generale m'a plu.", language="fr", interview=SOCIETE
    )
    assert found(findings, "spelling") == ["Societe Generale"]


# -- a meeting after a call ------------------------------------------------------


@pytest.mark.parametrize("format", [Format.TELEPHONE, Format.VIDEO])
@pytest.mark.parametrize(
    ("language", "text", "quoted"),
    [
        ("fr", "Merci d'avoir pris le temps de me rencontrer.", "me rencontrer"),
        ("fr", "J'ai \u00e9t\u00e9 ravie de vous rencontrer.", "vous rencontrer"),
        ("fr", "Merci de m'avoir rencontr\u00e9e vendredi.", "m'avoir rencontr\u00e9e"),
        ("fr", "Notre rencontre m'a convaincue.", "Notre rencontre"),
        ("fr", "Merci pour cette r\u00e9union.", "cette r\u00e9union"),
        ("fr", "C'\u00e9tait un plaisir d'en parler en personne.", "en personne"),
        (
            "de",
            "Vielen Dank f\u00fcr das pers\u00f6nliche Gespr\u00e4ch.",
            "pers\u00f6nliche Gespr\u00e4ch",
        ),
        ("de", "Es hat mich gefreut, Sie zu treffen.", "Sie zu treffen"),
        ("de", "Unser Treffen hat mich \u00fcberzeugt.", "Unser Treffen"),
        (
            "de",
            "Es war sch\u00f6n, Sie pers\u00f6nlich kennenzulernen.",
            "pers\u00f6nlich kennenzulernen",
        ),
        ("es", "Gracias por nuestra reuni\u00f3n del viernes.", "nuestra reuni\u00f3n"),
        ("es", "Fue un placer reunirme con usted.", "reunirme con"),
        ("es", "Me alegr\u00f3 conocerla en persona.", "en persona"),
        ("es", "Gracias por el encuentro del viernes.", "por el encuentro"),
        ("pt", "Obrigada pela reuni\u00e3o de sexta-feira.", "pela reuni\u00e3o"),
        ("pt", "Foi um prazer conhec\u00ea-la pessoalmente.", "pessoalmente"),
        ("pt", "Gostei muito do nosso encontro.", "nosso encontro"),
    ],
)
def test_a_meeting_after_a_call_is_found_in_each_language(
    format: Format, language: str, text: str, quoted: str
) -> None:
    findings = check(
        text, language=language, interview=attrs.evolve(VIDEO, format=format)
    )
    assert found(findings, "meeting-after-call") == [quoted]
    (finding,) = [f for f in findings if f.code == "meeting-after-call"]
    assert format.value in finding.message
    assert "'" in finding.message.rpartition("(")[2]  # the language's own words


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Merci pour notre \u00e9change t\u00e9l\u00e9phonique de vendredi."),
        ("fr", "Merci pour cet appel et pour l'entretien t\u00e9l\u00e9phonique."),
        ("fr", "J'esp\u00e8re vous rencontrer bient\u00f4t."),
        ("fr", "Je serais ravie de rencontrer l'\u00e9quipe."),
        ("fr", "Je vous rencontrerai volontiers."),
        ("fr", "Les difficult\u00e9s que vous rencontrez m'int\u00e9ressent."),
        (
            "fr",
            "La r\u00e9union hebdomadaire de l'\u00e9quipe m'a int\u00e9ress\u00e9e.",
        ),
        ("de", "Vielen Dank f\u00fcr das Telefonat am Freitag."),
        ("de", "Vielen Dank f\u00fcr das Videogespr\u00e4ch."),
        ("de", "Ich freue mich auf ein pers\u00f6nliches Treffen."),
        ("de", "Ich w\u00fcrde Sie gern pers\u00f6nlich kennenlernen."),
        ("de", "Es hat mich gefreut, Sie kennenzulernen."),
        ("de", "Ich warte auf die Entscheidung, die Sie getroffen haben."),
        ("es", "Gracias por la llamada del viernes."),
        ("es", "Gracias por la videollamada y por nuestra conversaci\u00f3n."),
        ("es", "Espero reunirme con usted pronto."),
        ("es", "Gracias por nuestra reuni\u00f3n por videollamada."),
        ("es", "Me gustar\u00eda conocer al equipo en persona."),
        ("pt", "Obrigada pela liga\u00e7\u00e3o de sexta-feira."),
        ("pt", "Obrigada pela chamada de v\u00eddeo."),
        ("pt", "Espero conhec\u00ea-la pessoalmente em breve."),
        ("pt", "Obrigada pela reuni\u00e3o por videochamada."),
    ],
)
def test_no_meeting_finding_for_a_call_or_a_meeting_to_come(
    language: str, text: str
) -> None:
    assert (
        found(check(text, language=language, interview=CALL), "meeting-after-call")
        == []
    )


def test_a_meeting_is_right_after_an_interview_in_person_in_every_language() -> None:
    in_person = attrs.evolve(VIDEO, format=Format.IN_PERSON)
    for language, text in [
        ("fr", "Merci d'avoir pris le temps de me rencontrer."),
        ("de", "Vielen Dank f\u00fcr das pers\u00f6nliche Gespr\u00e4ch."),
        ("es", "Gracias por nuestra reuni\u00f3n del viernes."),
        ("pt", "Obrigada pela reuni\u00e3o de sexta-feira."),
    ]:
        assert "meeting-after-call" not in codes(
            check(text, language=language, interview=in_person)
        )


def test_british_words_are_for_american_letters_only() -> None:
    text = "La r\u00e9f\u00e9rence du programme est le CV."
    assert "british-word" not in codes(check(text, language="fr"))
    assert "british-word" in codes(check("My CV is attached.", locale="en_US"))
    assert "british-word" not in codes(check("My CV is attached.", locale="en_IE"))


# -- sentence starts -------------------------------------------------------------


def test_a_german_body_may_start_in_lower_case_after_the_greetings_comma() -> None:
    findings = check(
        "vielen Dank f\u00fcr Ihre Zeit. Es war sch\u00f6n.", language="de"
    )
    assert "lower-case-start" not in codes(findings)
    later = check("vielen Dank f\u00fcr Ihre Zeit. es war sch\u00f6n.", language="de")
    assert found(later, "lower-case-start") == ["es war sch\u00f6n."]
    # Without the comma, the body starts a sentence of its own.
    bare = check("vielen Dank.", language="de", greeting="Sehr geehrte Frau Dr. Marsh")
    assert found(bare, "lower-case-start") == ["vielen Dank."]
    # A second paragraph starts with a capital, as in every language.
    second = check("vielen Dank.", "ich freue mich.", language="de")
    assert found(second, "lower-case-start") == ["ich freue mich."]
    # Capitals mid-sentence are nouns: never a finding.
    nouns = check(
        "vielen Dank f\u00fcr das Gespr\u00e4ch \u00fcber Daten.", language="de"
    )
    assert "lower-case-start" not in codes(nouns)


@pytest.mark.parametrize(
    ("language", "text", "quoted"),
    [
        ("en", "Thank you. i enjoyed it.", "i enjoyed it."),
        ("fr", "Merci. je suis ravie.", "je suis ravie."),
        ("fr", f"Vraiment{NNBSP}? je le pense.", "je le pense."),
        ("es", "Gracias. \u00bfpodr\u00eda confirmarlo?", "podr\u00eda confirmarlo?"),
        ("es", "Gracias. \u00a1qu\u00e9 bien!", "qu\u00e9 bien!"),
        ("pt", "Obrigada. foi \u00f3timo.", "foi \u00f3timo."),
        ("de", "Danke. Es war gut. wir sprechen bald.", "wir sprechen bald."),
    ],
)
def test_a_sentence_in_lower_case_is_found_in_each_language(
    language: str, text: str, quoted: str
) -> None:
    assert found(check(text, language=language), "lower-case-start") == [quoted]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Gracias. Si es posible, \u00bfpodr\u00eda confirmarlo?"),
        ("es", "Gracias. \u00bfPodr\u00eda confirmarlo?"),
        ("es", "La Sra. Weber y la Dra. Ruiz estaban."),
        ("de", "Themen wie z. B. die Plattform. Und d. h. die Daten."),
        ("de", "Bis Freitag, 20. November, bleibt Zeit."),
        ("fr", "Le poste, p. ex. la plateforme, me pla\u00eet."),
        ("fr", f"Il a dit\u00a0: \u00ab{NBSP}Bienvenue.{NBSP}\u00bb Puis il a souri."),
        ("pt", "Os temas, p. ex. a plataforma, s\u00e3o bons."),
    ],
)
def test_no_lower_case_finding_for_each_languages_abbreviations_and_marks(
    language: str, text: str
) -> None:
    assert "lower-case-start" not in codes(check(text, language=language))


# -- punctuation ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Vraiment{NNBSP}? Oui{NBSP}!",
        f"Une question{NNBSP}: laquelle{NNBSP}; et pourquoi{NNBSP}?",
        "Une question : laquelle ? Celle-ci !",
        f"Ce que vous appelez \u00ab{NNBSP}la dette{NNBSP}\u00bb.",
        f"Vraiment{NNBSP}?!",
        "Pourquoi? Parce que.",
    ],
)
def test_french_spaces_before_high_marks_are_not_findings(text: str) -> None:
    assert "punctuation" not in codes(check(text, language="fr"))


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Merci , Madame.", "Merci ,"),
        (f"Merci{NNBSP}.", f"Merci{NNBSP}."),
        (f"Vraiment{NNBSP}{NNBSP}?", f"Vraiment{NNBSP}{NNBSP}?"),
        ("Vraiment  ?", "Vraiment  ?"),
        (f"Vraiment{NNBSP}?.", "?."),
    ],
)
def test_a_misplaced_or_doubled_space_is_still_found_in_french(
    text: str, quoted: str
) -> None:
    findings = check(text, language="fr")
    assert found(findings, "punctuation") == [quoted]


def test_a_no_break_space_before_a_mark_is_found_in_english() -> None:
    findings = check(f"Really{NNBSP}? Yes.")
    assert found(findings, "punctuation") == [f"Really{NNBSP}?"]


@pytest.mark.parametrize(
    ("text", "quoted", "says"),
    [
        ("\u00bfPodr\u00eda confirmarlo.", "\u00bfPodr\u00eda confirmarlo.", "no '?'"),
        ("Podr\u00eda confirmarlo?", "confirmarlo?", "no '\u00bf'"),
        ("\u00a1Qu\u00e9 bien.", "\u00a1Qu\u00e9 bien.", "no '!'"),
        ("Qu\u00e9 bien!", "bien!", "no '\u00a1'"),
    ],
)
def test_spanish_marks_must_pair(text: str, quoted: str, says: str) -> None:
    findings = check(text, language="es")
    assert found(findings, "punctuation") == [quoted]
    (finding,) = [f for f in findings if f.code == "punctuation"]
    assert says in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "\u00bfPodr\u00eda confirmarlo?",
        "Si puede, \u00bfpodr\u00eda confirmarlo?",
        "\u00a1\u00bfDe verdad?!",
        "\u00bfDe verdad?!",
        "\u00a1Genial!! Gracias.",
        "\u00bfQu\u00e9 opina? \u00a1Ojal\u00e1 que s\u00ed!",
        "Los detalles: https://acme.example/oferta?id=7&ver=2 y nada m\u00e1s.",
        "Trabaj\u00e9 en Yahoo! durante dos a\u00f1os.",
    ],
)
def test_paired_spanish_marks_are_not_findings(text: str) -> None:
    yahoo = attrs.evolve(VIDEO, organisation="Yahoo!")
    assert "punctuation" not in codes(check(text, language="es", interview=yahoo))


def test_the_subject_is_read_for_spanish_marks_too() -> None:
    findings = check("Bien.", language="es", subject="Novedades?")
    assert found(findings, "punctuation") == ["Novedades?"]
    assert "punctuation" not in codes(
        check("Bien.", language="es", subject="\u00bfNovedades?")
    )


@given(good_letters(languages=("es",)), st.data())
def test_a_spanish_mark_taken_away_is_found_once(
    drawn: tuple[str, str, str, tuple[int, ...], str], data: st.DataObject
) -> None:
    _, locale, _, _, text = drawn
    marks = [at for at, char in enumerate(text) if char in "\u00bf\u00a1?!"]
    if not marks:  # this wording asks nothing and exclaims nothing
        marks = [text.index(".")]
    at = data.draw(st.sampled_from(marks))
    findings = draft(text[:at] + text[at + 1 :], locale).check()
    expected = 1 if text[at] in "\u00bf\u00a1?!" else 0
    assert len(found(findings, "punctuation")) == expected


@given(good_letters(languages=("fr",)), st.sampled_from([" ", NBSP, NNBSP, "  ", ""]))
def test_a_french_space_before_a_high_mark_is_found_only_when_doubled(
    drawn: tuple[str, str, str, tuple[int, ...], str], space: str
) -> None:
    _, locale, _, _, text = drawn
    respaced = text.replace(f"{NNBSP}?", f"{space}?").replace(f"{NBSP}!", f"{space}!")
    findings = draft(respaced, locale).check()
    changed = respaced.count(f"{space}?") + respaced.count(f"{space}!")
    expected = changed if space == "  " else 0
    assert len(found(findings, "punctuation")) == expected


@given(good_letters(), st.data())
def test_a_paragraph_started_in_lower_case_is_found_once(
    drawn: tuple[str, str, str, tuple[int, ...], str], data: st.DataObject
) -> None:
    code, locale, _, _, text = drawn
    said = body(text, CONVENTIONS[code].greeting)
    start = text.index(said)
    paragraphs = [start] + [
        start + at + 2 for at in range(len(said)) if said.startswith("\n\n", at)
    ]
    index = data.draw(st.integers(0, len(paragraphs) - 1))
    at = paragraphs[index]
    while not text[at].isalpha():  # "¡" or "¿" first
        at += 1
    lowered = text[:at] + text[at].lower() + text[at + 1 :]
    findings = draft(lowered, locale).check()
    # German goes on in lower case after the greeting's comma.
    expected = 0 if code == "de" and index == 0 else 1
    assert len(found(findings, "lower-case-start")) == expected


# -- reply after the deadline ----------------------------------------------------


def offered() -> Application:
    # The offer comes on Wednesday 25 November 2026 and asks for an answer by
    # Friday 27 November.
    offer = OfferReceived(at=END.add(days=5), respond_by=END.add(days=7), by=HELEN)
    return Application(
        interviews=(VIDEO,), events=(NotesWritten(at=END.add(minutes=10)), offer)
    )


def offer_findings(text: str, locale: str) -> tuple[Finding, ...]:
    made = draft(hand(text, language=locale[:2]), locale, kind="offer_thanks")
    return made.check(application=offered())


@pytest.mark.parametrize(
    ("locale", "promise", "quoted", "deadline"),
    [
        (
            "fr_FR",
            "Je vous donnerai ma r\u00e9ponse d'ici le mercredi 2 d\u00e9cembre.",
            "2 d\u00e9cembre",
            "27 novembre 2026",
        ),
        (
            "fr_CA",
            "Vous aurez ma d\u00e9cision le 2 d\u00e9cembre 2026.",
            "2 d\u00e9cembre 2026",
            "27 novembre 2026",
        ),
        (
            "de_DE",
            "Ich werde Ihnen meine Entscheidung bis Mittwoch, 2. Dezember, mitteilen.",
            "2. Dezember",
            "27. November 2026",
        ),
        (
            "de_AT",
            "Sie erhalten meine Antwort bis zum 2. Dezember 2026.",
            "2. Dezember 2026",
            "27. November 2026",
        ),
        (
            "es_ES",
            "Le dar\u00e9 mi respuesta el mi\u00e9rcoles, 2 de diciembre.",
            "2 de diciembre",
            "27 de noviembre de 2026",
        ),
        (
            "es_MX",
            "Le comunicar\u00e9 mi decisi\u00f3n antes del 2 de diciembre de 2026.",
            "2 de diciembre de 2026",
            "27 de noviembre de 2026",
        ),
        (
            "pt_BR",
            "Darei minha resposta at\u00e9 quarta-feira, 2 de dezembro.",
            "2 de dezembro",
            "27 de novembro de 2026",
        ),
        (
            "pt_PT",
            "Vou confirmar a minha decis\u00e3o at\u00e9 2 de dezembro de 2026.",
            "2 de dezembro de 2026",
            "27 de novembro de 2026",
        ),
    ],
)
def test_a_late_promise_is_found_in_each_language(
    locale: str, promise: str, quoted: str, deadline: str
) -> None:
    findings = offer_findings(promise, locale)
    assert found(findings, "reply-after-deadline") == [quoted]
    (finding,) = [f for f in findings if f.code == "reply-after-deadline"]
    assert deadline in finding.message
    assert finding.message.startswith("the offer asks for an answer by")


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("fr_FR", "Je vous donnerai ma r\u00e9ponse le vendredi 27 novembre."),
        (
            "fr_FR",
            "Pourrais-je vous donner ma r\u00e9ponse le mercredi 2 d\u00e9cembre"
            f"{NNBSP}?",
        ),
        (
            "fr_FR",
            "Je vous serais reconnaissante de m'accorder jusqu'au 2 d\u00e9cembre.",
        ),
        ("de_DE", "Ich bitte um Bedenkzeit bis zum 2. Dezember."),
        ("de_DE", "Ich werde Ihnen meine Entscheidung bis zum 27. November mitteilen."),
        (
            "es_ES",
            "\u00bfPodr\u00eda darle mi respuesta el mi\u00e9rcoles, 2 de diciembre?",
        ),
        ("es_ES", "Le dar\u00e9 mi respuesta el viernes, 27 de noviembre."),
        ("pt_BR", "Seria poss\u00edvel responder at\u00e9 2 de dezembro?"),
        ("pt_BR", "Fiquei feliz com a oferta de 2 de dezembro."),
    ],
)
def test_no_late_promise_for_a_date_in_time_or_a_request(
    locale: str, text: str
) -> None:
    assert "reply-after-deadline" not in codes(offer_findings(text, locale))


def test_an_austrian_letter_writes_january_its_own_way() -> None:
    offer = OfferReceived(
        at=END.add(days=30),
        respond_by=END.add(days=42),  # Friday 1 January 2027
        by=HELEN,
    )
    app = Application(
        interviews=(VIDEO,), events=(NotesWritten(at=END.add(minutes=10)), offer)
    )
    text = hand(
        "Ich werde Ihnen meine Entscheidung bis Montag, 4. J\u00e4nner, mitteilen.",
        language="de",
    )
    findings = draft(text, "de_AT", kind="offer_thanks").check(application=app)
    (finding,) = [f for f in findings if f.code == "reply-after-deadline"]
    assert finding.text == "4. J\u00e4nner"
    assert "1. J\u00e4nner 2027" in finding.message
    assert "4. J\u00e4nner 2027" in finding.message


LOCALE_TAGS = [
    locale for pair in LOCALES.values() for locale in pair if locale[:2] != "en"
]


def day_pattern(tag: str) -> str:
    """How the letters write a day in *tag*: CLDR's "MMMMEd", its weekday full."""
    skeleton = babel.Locale.parse(tag).datetime_skeletons["MMMMEd"].pattern
    return re.sub("E+", "EEEE", skeleton)


@given(
    st.sampled_from(LOCALE_TAGS),
    st.dates(dt.date(2026, 11, 25), dt.date(2027, 11, 24)),
    st.booleans(),
)
def test_the_dates_babel_writes_are_read_back_as_their_days(
    tag: str, day: dt.date, long: bool
) -> None:
    written = format_date(day, "long" if long else day_pattern(tag), locale=tag)
    dates, months = _dates_of(tag)
    match = dates.search(written)
    assert match is not None, written
    assert _day_of(match, months, dt.date(2026, 11, 25)) == day


@given(
    st.sampled_from(LOCALE_TAGS),
    st.dates(dt.date(2026, 11, 25), dt.date(2027, 11, 24)),
    st.booleans(),
)
def test_a_promised_date_is_late_exactly_when_after_the_deadline(
    tag: str, day: dt.date, long: bool
) -> None:
    promise = {
        "fr": "Je vous donnerai ma r\u00e9ponse le {}.",
        "de": "Ich werde Ihnen meine Entscheidung bis {} mitteilen.",
        "es": "Le dar\u00e9 mi respuesta el {}.",
        "pt": "Darei minha resposta at\u00e9 {}.",
    }[tag[:2]]
    written = format_date(day, "long" if long else day_pattern(tag), locale=tag)
    late = "reply-after-deadline" in codes(offer_findings(promise.format(written), tag))
    assert late is (day > dt.date(2026, 11, 27))


# -- a panel's notes -------------------------------------------------------------

FR_SHARED = [
    "Merci pour notre \u00e9change de vendredi.",
    f"Ce que vous appelez \u00ab{NBSP}la dette invisible{NBSP}\u00bb m'a marqu\u00e9e.",
    f"Comment l'\u00e9quipe organise-t-elle ses astreintes{NNBSP}?",
    f"Quelle belle \u00e9quipe{NBSP}!",
]
ES_SHARED = [
    "Gracias por la conversaci\u00f3n del viernes.",
    "\u00bfC\u00f3mo se organizan las guardias?",
    "\u00a1Qu\u00e9 buen equipo!",
    "Me interesa mucho el puesto.",
]


@pytest.mark.parametrize(
    ("language", "shared", "greetings"),
    [
        ("fr", FR_SHARED, ("Bonjour Madame Marsh,", "Bonjour Monsieur Weber,")),
        ("es", ES_SHARED, ("Estimada Sra. Marsh:", "Estimado Sr. Weber:")),
    ],
)
def test_a_panels_notes_share_sentences_in_every_language(
    language: str, shared: list[str], greetings: tuple[str, str]
) -> None:
    locale = SHIPPED[language]
    first = draft(
        hand(" ".join(shared), language=language, greeting=greetings[0]),
        locale,
        to=MARSH,
    )
    second = draft(
        hand(
            " ".join(shared[:3]) + " Otra cosa.",
            language=language,
            greeting=greetings[1],
        ),
        locale,
        to=WEBER,
    )
    body_sentences = sentences(body(first.text, CONVENTIONS[language].greeting))
    assert len(body_sentences) == len(shared)
    findings = check_panel([first, second])
    assert "greeting" not in codes(findings)
    (finding,) = [f for f in findings if f.code == "shared-sentences"]
    assert finding.text in shared


def test_french_and_spanish_sentences_end_where_a_reader_ends_them() -> None:
    text = " ".join([*FR_SHARED, *ES_SHARED])
    assert [text[start:end] for start, end in sentences(text)] == [
        *FR_SHARED,
        *ES_SHARED,
    ]


@given(
    st.lists(
        st.sampled_from([*FR_SHARED, *ES_SHARED, "Vielen Dank \u201eim Voraus.\u201c"]),
        max_size=8,
    ),
    st.sampled_from([" ", "\n\n", "  "]),
)
def test_sentences_in_any_language_are_those_joined(
    parts: list[str], joint: str
) -> None:
    text = joint.join(parts)
    assert [text[start:end] for start, end in sentences(text)] == parts


# -- a language the checks do not know -------------------------------------------


def test_a_language_not_known_is_checked_for_what_needs_no_words() -> None:
    text = (
        "Gentile Dott.ssa Marsh,\n\nla ringrazio per il colloquio. il il team "
        "mi piace. TODO\n\nCordiali saluti,\nSam Jones"
    )
    findings = draft(text, "it_IT", subject="Grazie").check()
    assert sorted(codes(findings)) == ["doubled-word", "placeholder"]
    # Its body is found by its shape: the first line standing alone that ends
    # with a comma, and what comes before the last paragraph.
    assert (
        body(text, None) == "la ringrazio per il colloquio. il il team mi piace. TODO"
    )
    drafts = [
        draft(text, "it_IT"),
        draft(text.replace("Marsh", "Weber"), "it_IT", to=WEBER),
    ]
    assert "same-letter" in codes(check_panel(drafts))


def test_every_language_check_is_total_over_hostile_text() -> None:
    pieces = [
        *("\u00bf", "\u00a1", "?", "!", NNBSP, NBSP, "\u00ab", "\u00bb", ". ", ", "),
        *("Madame,\n", "Monsieur ", "Sehr geehrte ", "Frau ", "Dr. ", "vielen "),
        *("die die ", ", die die ", "nous nous ", "2. Dezember ", "2 de diciembre "),
        *("rencontrer ", "Treffen ", "reuni\u00f3n ", "pessoalmente ", "\n\n"),
    ]
    for locale in [*SHIPPED.values(), "fr_CA", "de_AT", "xx", "it_IT", "en_US"]:
        for size in range(0, 40, 7):
            text = "".join(pieces[(i * 7 + size) % len(pieces)] for i in range(size))
            made = draft(text, locale, kind="offer_thanks", subject="Re")
            assert all(
                isinstance(f, Finding) for f in made.check(application=offered())
            )


# -- Babel loads only for the other languages ----------------------------------


CHILD = """
import json, sys
import pendulum
from postinterview import Application, Interview, OfferReceived, Person
from postinterview.letters import Draft
end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
helen = Person(name="Helen Marsh")
iv = Interview(organisation="Acme", role="Engineer", starts_at=end.subtract(hours=1),
               ends_at=end, interviewers=(helen,))
app = Application(interviews=(iv,), events=(
    OfferReceived(at=end.add(days=5), respond_by=end.add(days=7), by=helen),))
def check(text, locale):
    Draft(kind="offer_thanks", to=helen, subject="Offer", text=text, html="",
          locale=locale, interview=iv).check(application=app)
before = "babel" in sys.modules
check("Dear Helen,\\n\\nI will answer by 2 December.\\n\\nBest,\\nSam", "en_US")
english = "babel" in sys.modules
check("Bonjour Helen,\\n\\nJe r\u00e9pondrai le 2 d\u00e9cembre.\\n\\nSam", "fr_FR")
print(json.dumps([before, english, "babel" in sys.modules]))
"""


def test_babel_loads_only_when_a_letter_in_another_language_is_checked() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    before, english, french = json.loads(result.stdout)
    # The letters themselves may come to load Babel (to render other
    # languages); what is tested is that the checks do not, for English.
    if not before:
        assert not english
    assert french


# -- linear time in every language: capped runs of hostile 100 KB texts ---------

HOSTILE_SETUP = """
import pendulum
from postinterview import Application, Format, Interview, OfferReceived, Person
from postinterview.letters import Draft, check_panel
END = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
HELEN = Person(name="Helen Marsh", given_name="Helen", family_name="Marsh",
               honorific="Ms")
OMAR = Person(name="Omar Haddad")
IV = Interview(organisation="Soci\\u00e9t\\u00e9 G\\u00e9n\\u00e9rale", role="Engineer",
               starts_at=END.subtract(hours=1), ends_at=END,
               interviewers=(HELEN, OMAR), format=Format.VIDEO)
APP = Application(interviews=(IV,), events=(
    OfferReceived(at=END.add(days=5), respond_by=END.add(days=7), by=HELEN),))

def draft(text, locale, to=HELEN):
    return Draft(kind="offer_thanks", to=to, subject="Re", text=text, html="",
                 locale=locale, interview=IV)

def repeat(piece, size=100_000):
    return (piece * (size // len(piece) + 1))[:size]
"""

# Texts built to make each language's own patterns work hard.
HOSTILE_BY_LANGUAGE = {
    "fr_FR": [
        "repeat('Madame, Monsieur, ')",
        "repeat('vous vous nous nous ')",
        "repeat('me rencontrer ' + chr(0x202f) + '? ')",
        "repeat('Je vous donnerai ma r\\u00e9ponse le 2 d\\u00e9cembre ')",
        "repeat('\\u00ab' + chr(0xa0) + 'a. ' + chr(0xa0) + '\\u00bb ')",
        "repeat(chr(0x202f) * 3 + '?')",
        "'Bonjour ' + repeat('Madame ') + ','",
    ],
    "de_DE": [
        "repeat(', die die ')",
        "repeat('Sehr geehrte Frau ')",
        "repeat('z. B. d. h. ')",
        "repeat('Ich werde Ihnen bis 2. Dezember ')",
        "repeat('Sie zu treffen ')",
    ],
    "es_ES": [
        "repeat('\\u00bf')",
        "repeat('?')",
        "repeat('\\u00bf\\u00a1?!')",
        "repeat('Le dar\\u00e9 mi respuesta el 2 de diciembre de ')",
        "repeat('nuestra reuni\\u00f3n ')",
    ],
    "pt_BR": [
        "repeat('Prezada Sra. ')",
        "repeat('Darei minha resposta at\\u00e9 2 de dezembro ')",
        "repeat('encontr\\u00e1-la pessoalmente ')",
    ],
    "it_IT": ["repeat('a,\\n\\n')", "repeat(',\\n')"],
}

HOSTILE_TIMED = """
import time
slowest = (0.0, None)
for locale, texts in TEXTS.items():
    for text in texts:
        first, second = draft(text, locale), draft(text, locale, to=OMAR)
        started = time.process_time()
        first.check(application=APP)
        check_panel([first, second])
        slowest = max(slowest, (time.process_time() - started, locale + text[:20]))
"""


def test_hostile_texts_in_every_language_are_checked_quickly() -> None:
    texts = (
        "{"
        + ", ".join(
            f"{locale!r}: [{', '.join(built)}]"
            for locale, built in HOSTILE_BY_LANGUAGE.items()
        )
        + "}"
    )
    outcome = run_capped(
        HOSTILE_TIMED + "assert slowest[0] < 4.0, slowest",
        setup=HOSTILE_SETUP + f"TEXTS = {texts}\n",
        seconds=120,
    )
    assert outcome.error is None, outcome.message


# -- call scripts ----------------------------------------------------------------

SCRIPTS = {
    "fr_FR": (
        "Appel \u00e0 Helen Marsh chez Acme Robotics, Inc.",
        f"Ce qu'il faut dire{NNBSP}:",
        f"Ce qu'il faut demander{NNBSP}:",
        f"Si vous tombez sur la messagerie{NNBSP}:",
    ),
    "de_DE": (
        "Anruf bei Helen Marsh, Acme Robotics, Inc.",
        "Was Sie sagen:",
        "Was Sie fragen k\u00f6nnen:",
        "Wenn die Mailbox antwortet:",
    ),
    "es_ES": (
        "Llamada a Helen Marsh, de Acme Robotics, Inc.",
        "Qu\u00e9 decir:",
        "Qu\u00e9 preguntar:",
        "Si salta el buz\u00f3n de voz:",
    ),
    "pt_BR": (
        "Liga\u00e7\u00e3o para Helen Marsh, da Acme Robotics, Inc.",
        "O que dizer:",
        "O que perguntar:",
        "Se cair na caixa postal:",
    ),
}


@pytest.mark.parametrize("locale", list(SCRIPTS))
def test_a_call_script_counts_what_to_say_in_each_language(locale: str) -> None:
    head, say, ask, voicemail = SCRIPTS[locale]
    bounds = body_words("check_in_call", locale)
    assert bounds is not None
    most = bounds[1]

    def script(said: int) -> str:
        lines = [head, "", say, f"Helen Marsh. {words(said - 2)}.", "", ask]
        return "\n".join([*lines, f"- {words(40)}.", "", voicemail, f"{words(60)}."])

    def length(text: str) -> list[str | None]:
        made = draft(text, locale, kind="check_in_call", subject="Script")
        return found(made.check(), "length")

    assert length(script(most)) == []
    assert length(script(most + 1)) == [None]
    unnamed = script(most).replace("Helen Marsh", "Sam")
    made = draft(unnamed, locale, kind="check_in_call", subject="Script")
    assert found(made.check(), "greeting") == [None]
