"""Tests for the letters' languages: the catalogs against the templates, a
host's own catalog, regional tags, and which language a letter is written in.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pendulum
import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from hypothesis import given
from hypothesis import strategies as st

from postinterview import Format, Interview, Person, letters
from postinterview.errors import ValidationError
from postinterview.letters import _catalogs

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "src" / "postinterview" / "locale"
# The catalogs that ship, by directory, and the tag each is named by.
CATALOGS = {
    "en_US": "en_US",
    "fr": "fr_FR",
    "de": "de_DE",
    "es": "es_ES",
    "pt": "pt_BR",
}
PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%")

ME = letters.Candidate(name="Sam Jones", email="sam.jones@example.org")
HELEN = Person(
    name="Helen Marsh",
    email="helen.marsh@acme.example",
    given_name="Helen",
    family_name="Marsh",
    honorific="Ms",
)


def interview(**changes: object) -> Interview:
    fields: dict[str, object] = {
        "organisation": "Acme Robotics",
        "role": "Data Engineer",
        "format": Format.VIDEO,
        "starts_at": pendulum.datetime(2027, 1, 8, 10, tz="Europe/Vienna"),
        "ends_at": pendulum.datetime(2027, 1, 8, 11, tz="Europe/Vienna"),
        "interviewers": (HELEN,),
    }
    fields.update(changes)
    return Interview(**fields)  # type: ignore[arg-type]


def extracted() -> set[tuple[str | None, str]]:
    """Every message the templates and the code use, as pybabel extract
    reads them with the project's babel.cfg."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        text = message if isinstance(message, str) else message[0]
        found.add((context, text))
    return found


def catalog(directory: str) -> Catalog:
    path = LOCALE_DIR / directory / "LC_MESSAGES" / "postinterview.po"
    with path.open("rb") as file:
        return read_po(file, locale=directory)


def held(cat: Catalog) -> set[tuple[str | None, str]]:
    return {(m.context, str(m.id)) for m in cat if m.id}


def test_the_template_of_messages_is_what_the_code_uses() -> None:
    # A message added to a template or the code and not extracted into the
    # .pot (pybabel extract, docs/letters.md) fails here.
    with (LOCALE_DIR / "postinterview.pot").open("rb") as file:
        template = read_po(file)
    assert held(template) == extracted()


@pytest.mark.parametrize("directory", CATALOGS)
def test_every_catalog_has_every_message_and_no_other(directory: str) -> None:
    # A catalog older than the templates lacks a message they use; one that
    # keeps a message they dropped is stale too.
    assert held(catalog(directory)) == extracted()


@pytest.mark.parametrize("directory", CATALOGS)
def test_every_message_is_translated_and_none_is_fuzzy(directory: str) -> None:
    cat = catalog(directory)
    assert not cat.fuzzy, "the header is still fuzzy"
    for message in cat:
        if not message.id:
            continue
        assert message.string, f"{directory}: no translation of {message.id!r}"
        assert not message.fuzzy, f"{directory}: fuzzy: {message.id!r}"


@pytest.mark.parametrize("directory", CATALOGS)
def test_a_translation_names_only_the_values_its_message_gives(
    directory: str,
) -> None:
    cat = catalog(directory)
    assert [error for _m, errors in cat.check() for error in errors] == []
    for message in cat:
        if not message.id:
            continue
        given_names = set(PLACEHOLDER.findall(str(message.id))) - {""}
        used = set(PLACEHOLDER.findall(str(message.string))) - {""}
        assert used <= given_names, (message.id, message.string)
        assert "%s" not in str(message.string)


def test_the_shipped_languages_are_listed() -> None:
    assert letters.languages() == ("de_DE", "en_GB", "en_US", "es_ES", "fr_FR", "pt_BR")
    assert letters.languages() == letters.LOCALES


@pytest.mark.parametrize("tag", ["it_IT", "xx", "en-GB", "fr_fr", "", "de_DE.UTF-8"])
def test_an_unknown_or_misspelt_tag_is_refused_with_the_list(tag: str) -> None:
    with pytest.raises(ValidationError) as error:
        letters.thank_you(interview(), to=HELEN, sender=ME, highlight="x", locale=tag)
    message = str(error.value)
    assert error.value.field == "locale"
    assert "de_DE, en_GB, en_US, es_ES, fr_FR, pt_BR" in message
    assert "add_language" in message
    if tag == "en-GB":
        assert "'en_GB'" in message


@pytest.mark.parametrize(
    ("tag", "source"),
    [("fr_CA", "fr_FR"), ("de_AT", "de_DE"), ("es_MX", "es_ES"), ("en_IE", "en_GB")],
)
def test_a_regional_tag_reads_its_languages_words_and_writes_its_own_dates(
    tag: str, source: str
) -> None:
    regional = letters.rejection_reply(interview(), to=HELEN, sender=ME, locale=tag)
    standard = letters.rejection_reply(interview(), to=HELEN, sender=ME, locale=source)
    assert regional.locale == tag
    assert regional.text == standard.text
    assert f'lang="{tag.replace("_", "-")}"' in regional.html
    context = {"d": dt.date(2027, 1, 8), "locale": tag}
    env = letters.environment()
    written = env.from_string("{{ d|longdate }}").render(context)
    # Babel writes each region's own month names: Austrian German says Jänner.
    if tag == "de_AT":
        assert written == "8. Jänner 2027"
        assert env.from_string("{{ d|longdate }}").render(
            d=dt.date(2027, 1, 8), locale="de_DE"
        ) == ("8. Januar 2027")


def test_a_host_overrides_one_message_of_a_shipped_language(tmp_path: Path) -> None:
    before = letters.rejection_reply(interview(), to=HELEN, sender=ME, locale="fr_FR")
    original = _catalogs.translations("fr_FR").gettext(
        "Thank you again, and I wish you all the best."
    )
    assert original in before.text
    path = tmp_path / "fr.po"
    ours = Catalog(locale="fr")
    ours.add(
        "Thank you again, and I wish you all the best.",
        "Encore merci, et très bonne continuation.",
    )
    with path.open("wb") as file:
        write_po(file, ours)
    letters.add_language("fr", path)
    try:
        after = letters.rejection_reply(
            interview(), to=HELEN, sender=ME, locale="fr_FR"
        )
        assert "Encore merci, et très bonne continuation." in after.text
        assert original not in after.text
        # Every other sentence is still ours.
        assert after.text.replace(
            "Encore merci, et très bonne continuation.", original
        ) == (before.text)
    finally:
        letters.remove_language("fr")
    again = letters.rejection_reply(interview(), to=HELEN, sender=ME, locale="fr_FR")
    assert again.text == before.text


def complete_catalog(locale: str, skip: int = 0) -> Catalog:
    """A catalog of every message, in capitals (a stand-in language)."""
    cat = Catalog(locale=locale)
    for index, (context, message) in enumerate(sorted(extracted(), key=str)):
        if index < skip:
            continue
        shouted = re.sub(
            r"%\(\w+\)s|%%|([^%]+)",
            lambda m: m.group(1).upper() if m.group(1) else m.group(0),
            message,
        )
        cat.add(message, shouted, context=context)
    return cat


def test_a_host_adds_a_language_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "it.mo"
    with path.open("wb") as file:
        write_mo(file, complete_catalog("it"))
    letters.add_language("it_IT", path)
    try:
        assert "it_IT" in letters.languages()
        draft = letters.rejection_reply(
            interview(), to=HELEN, sender=ME, locale="it_IT"
        )
        assert "THANK YOU AGAIN, AND I WISH YOU ALL THE BEST." in draft.text
        assert draft.locale == "it_IT"
    finally:
        letters.remove_language("it_IT")
    assert "it_IT" not in letters.languages()
    with pytest.raises(ValidationError, match="add_language"):
        letters.rejection_reply(interview(), to=HELEN, sender=ME, locale="it_IT")


def test_a_new_language_must_translate_every_message(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    write_mo(buffer, complete_catalog("it", skip=3))
    path = tmp_path / "it.mo"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ValidationError) as error:
        letters.add_language("it_IT", path)
    assert "3 missing" in str(error.value)
    assert "it_IT" not in letters.languages()


@pytest.mark.parametrize(
    "bad", [42, "no/such/file.po", ["fr.po"]], ids=["int", "missing", "list"]
)
def test_a_bad_catalog_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as error:
        letters.add_language("fr", bad)
    assert error.value.field == "catalog"


def test_removing_a_language_never_added_is_refused() -> None:
    with pytest.raises(ValidationError, match="add_language"):
        letters.remove_language("fr_FR")


languages = st.sampled_from([*sorted(CATALOGS.values()), "en_GB"])
choices = st.none() | languages


@given(argument=choices, reader=choices, held=choices)
def test_the_language_is_the_argument_else_the_readers_else_the_interviews(
    argument: str | None, reader: str | None, held: str | None
) -> None:
    to = attrs_evolve(HELEN, locale=reader)
    iv = interview(interviewers=(to,), locale=held)
    draft = letters.rejection_reply(iv, to=to, sender=ME, locale=argument)
    expected = next((t for t in (argument, reader, held) if t is not None), "en_GB")
    assert draft.locale == expected


def attrs_evolve(person: Person, **changes: object) -> Person:
    import attrs  # noqa: PLC0415

    return attrs.evolve(person, **changes)


def test_drafting_loads_babel_but_importing_the_letters_does_not() -> None:
    script = textwrap.dedent(
        """
        import json, sys
        from postinterview import letters
        before = sorted(sys.modules)
        print(json.dumps(before))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    loaded = set(json.loads(result.stdout))
    assert "postinterview.letters" in loaded
    assert not any(name == "babel" or name.startswith("babel.") for name in loaded)
