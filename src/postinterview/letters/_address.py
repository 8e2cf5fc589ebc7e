"""Addressing people: how a letter greets its reader, names them on paper,
closes, and whose days it speaks of, in each language."""

from __future__ import annotations

import functools

from postinterview.interview import Interview, Person
from postinterview.letters._catalogs import translations

# The titles a letter knows, by their bare lower-case form, as each English
# locale writes them: British English drops the full stop of a contraction,
# American English keeps one after every title but "Miss".
_HONORIFICS: dict[str, dict[str, str]] = {
    "dr": {"en_GB": "Dr", "en_US": "Dr."},
    "prof": {"en_GB": "Prof", "en_US": "Prof."},
    "professor": {"en_GB": "Professor", "en_US": "Professor"},
    "mr": {"en_GB": "Mr", "en_US": "Mr."},
    "mrs": {"en_GB": "Mrs", "en_US": "Mrs."},
    "ms": {"en_GB": "Ms", "en_US": "Ms."},
    "miss": {"en_GB": "Miss", "en_US": "Miss"},
    "mx": {"en_GB": "Mx", "en_US": "Mx."},
}

# What each word of an honorific says, in the languages that ship: a form of
# address (a woman, a man, or "neutral": known to want neither) and a title.
_FORMS = {
    **dict.fromkeys(("mr", "herr", "m", "monsieur", "sr", "señor", "senhor"), "man"),
    **dict.fromkeys(
        (
            "mrs", "ms", "miss", "frau", "mme", "madame", "mlle", "mademoiselle",
            "sra", "señora", "srta", "señorita", "senhora", "senhorita",
        ),
        "woman",
    ),
    "mx": "neutral",
}  # fmt: skip
_TITLES = {
    **dict.fromkeys(
        ("dr", "dra", "doctor", "doctora", "docteur", "doutor", "doutora"), "doctor"
    ),
    **dict.fromkeys(
        (
            "prof", "profa", "prof.ª", "professor", "professora", "profesor",
            "profesora", "professeur", "professeure",
        ),
        "professor",
    ),
}  # fmt: skip

# How each language writes a form of address and a title before a family
# name: (woman, man) for each. French letters name no academic title; a
# language not listed writes what the person gave.
_WRITTEN: dict[str, dict[str, tuple[str, str]]] = {
    "de": {
        "form": ("Frau", "Herr"),
        "doctor": ("Dr.", "Dr."),
        "professor": ("Prof.", "Prof."),
    },
    "fr": {"form": ("Madame", "Monsieur")},
    "es": {
        "form": ("Sra.", "Sr."),
        "doctor": ("Dra.", "Dr."),
        "professor": ("Prof.\u00aa", "Prof."),
    },
    "pt": {
        "form": ("Sra.", "Sr."),
        "doctor": ("Dra.", "Dr."),
        "professor": ("Profa.", "Prof."),
    },
}
# Languages whose greeting names the form of address itself ("Sehr geehrte
# Frau ..."): the addressee the greeting names has the title alone.
_FORM_IN_GREETING = frozenset({"de"})


# Titles written in a feminine form: they say the form of address too.
_FEMININE_TITLES = frozenset(
    ("dra", "doctora", "doutora", "profa", "prof.ª", "professora", "profesora")
)


@functools.cache
def _parsed(given: str) -> tuple[str | None, str | None] | None:
    """An honorific read word by word: its form of address and title, or None
    when a word is not known (the honorific is then written as given). A
    feminine title ("Dra.", "Profesora") says the form of address as well."""
    form: str | None = None
    title: str | None = None
    feminine = False
    for word in given.split():
        bare = word.rstrip(".").casefold()
        if bare in _FORMS and form is None:
            form = _FORMS[bare]
        elif bare in _TITLES and title is None:
            title = _TITLES[bare]
            feminine = bare in _FEMININE_TITLES
        else:
            return None
    return (form or ("woman" if feminine else None)), title


def form_of(person: Person) -> str | None:
    """ "woman", "man" or None (not known, or neither): how *person* is
    addressed, read from their honorific."""
    if person.honorific is None:
        return None
    parsed = _parsed(person.honorific)
    if parsed is None or parsed[0] not in ("woman", "man"):
        return None
    return parsed[0]


def honorific(person: Person, locale: str) -> str | None:
    """*person*'s honorific as *locale* writes it before their family name
    ("Dr" or "Dr.", "Frau Dr.", "Sra."); an unknown honorific as it was
    given; None when there is none or the language has no way to write it
    (a doctor in French, a title without a form in German)."""
    given = person.honorific
    if given is None:
        return None
    language = locale.partition("_")[0]
    parsed = _parsed(given)
    if language == "en" or language not in _WRITTEN:
        return _english(given, parsed, locale)
    if parsed is None:
        return given
    form, title = parsed
    written = _WRITTEN[language]
    if form not in ("woman", "man"):
        return None
    which = 0 if form == "woman" else 1
    words = []
    if "doctor" not in written or language in _FORM_IN_GREETING or title is None:
        words.append(written["form"][which])
    if title is not None and title in written:
        words.append(written[title][which])
    return " ".join(words)


def _english(
    given: str, parsed: tuple[str | None, str | None] | None, locale: str
) -> str | None:
    english = "en_US" if locale == "en_US" else "en_GB"
    known = _HONORIFICS.get(given.rstrip(".").casefold())
    if known is not None:
        return known[english]
    if parsed is None:
        return given
    form, title = parsed
    if title is not None:
        return _HONORIFICS["dr" if title == "doctor" else "prof"][english]
    if form in ("woman", "man"):
        return _HONORIFICS["ms" if form == "woman" else "mr"][english]
    return None


def addressee(person: Person, locale: str) -> str:
    """Who a letter to *person* greets: "Dear Dr Marsh" in English,
    "Sehr geehrte Frau Dr. Marsh" in German.

    Their salutation when they gave one; else their title and family name
    when both are known (in German the title alone: the greeting says
    "Frau" or "Herr"); else their full name, without a title.
    """
    if person.salutation is not None:
        return person.salutation
    title = honorific(person, locale)
    if title is not None and person.family_name is not None:
        if locale.partition("_")[0] in _FORM_IN_GREETING:
            title = title.partition(" ")[2]
            return f"{title} {person.family_name}" if title else person.family_name
        return f"{title} {person.family_name}"
    return person.name


def spoken(person: Person, locale: str) -> str:
    """How a call greets *person*: the addressee with their form of address
    where the letter's greeting would say it ("Frau Dr. Marsh")."""
    if locale.partition("_")[0] in _FORM_IN_GREETING and _greets_by_form(
        person, locale
    ):
        return f"{honorific(person, locale)} {person.family_name}"
    return addressee(person, locale)


def full_name(person: Person, locale: str) -> str:
    """*person* as a letter's address block names them: "Dr Helen Marsh",
    "Frau Dr. Helen Marsh"."""
    title = honorific(person, locale)
    return person.name if title is None else f"{title} {person.name}"


def greeting(person: Person, locale: str, variant: str) -> str:
    """The greeting line of a letter to *person*: "Dear Dr Marsh,",
    "Sehr geehrte Frau Dr. Marsh,", "Madame,"; neutral when the form of
    address is not known ("Guten Tag Helen Marsh,")."""
    words = translations(locale)
    form = form_of(person) if _greets_by_form(person, locale) else None
    values = {"addressee": addressee(person, locale), "name": person.name}
    if variant == "letter":
        if form == "woman":
            text = words.pgettext(
                "greeting of a printed letter to a woman", "Dear %(addressee)s,"
            )
        elif form == "man":
            text = words.pgettext(
                "greeting of a printed letter to a man", "Dear %(addressee)s,"
            )
        else:
            text = words.pgettext(
                "greeting of a printed letter, the form of address unknown",
                "Dear %(addressee)s,",
            )
    elif form == "woman":
        text = words.pgettext("greeting of an email to a woman", "Dear %(addressee)s,")
    elif form == "man":
        text = words.pgettext("greeting of an email to a man", "Dear %(addressee)s,")
    else:
        text = words.pgettext(
            "greeting of an email, the form of address unknown", "Dear %(addressee)s,"
        )
    return text % values


def _greets_by_form(person: Person, locale: str) -> bool:
    """Whether the greeting may name the form of address: only when the
    addressee is the title and family name (a salutation or a full name
    takes the neutral greeting)."""
    return (
        person.salutation is None
        and person.family_name is not None
        and honorific(person, locale) is not None
    )


def sign_off(person: Person, locale: str, variant: str) -> str:
    """The closing line above the sender's name: "Kind regards," in an email,
    "Yours sincerely," on a printed letter (some languages close a letter
    with a sentence that names the form of address); nothing for a call."""
    words = translations(locale)
    if variant == "email":
        return words.pgettext("closing of an email", "Kind regards,")
    if variant != "letter":
        return ""
    form = form_of(person) if _greets_by_form(person, locale) else None
    if form == "woman":
        return words.pgettext(
            "closing of a printed letter to a woman", "Yours sincerely,"
        )
    if form == "man":
        return words.pgettext(
            "closing of a printed letter to a man", "Yours sincerely,"
        )
    return words.pgettext(
        "closing of a printed letter, the form of address unknown", "Yours sincerely,"
    )


def reader_zone(to: Person, interview: Interview) -> str:
    """The zone whose days a letter to *to* speaks of: theirs, else the
    interview's."""
    return to.timezone or interview.timezone
