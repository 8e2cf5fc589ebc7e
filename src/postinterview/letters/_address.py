"""Addressing people: how a letter greets its reader, names them on paper, and
whose days it speaks of."""

from __future__ import annotations

from postinterview.interview import Interview, Person

# The titles a letter knows, by their bare lower-case form, as each locale
# writes them: British English drops the full stop of a contraction, American
# English keeps one after every title but "Miss".
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


def honorific(person: Person, locale: str) -> str | None:
    """*person*'s title as *locale* writes it ("Dr" or "Dr."); an unknown
    title as it was given; None when there is none."""
    given = person.honorific
    if given is None:
        return None
    known = _HONORIFICS.get(given.rstrip(".").casefold())
    return given if known is None else known.get(locale, given)


def addressee(person: Person, locale: str) -> str:
    """What follows "Dear" in a letter to *person*.

    Their salutation when they gave one; else their title and family name
    when both are known; else their full name, without a title.
    """
    if person.salutation is not None:
        return person.salutation
    title = honorific(person, locale)
    if title is not None and person.family_name is not None:
        return f"{title} {person.family_name}"
    return person.name


def full_name(person: Person, locale: str) -> str:
    """*person* as a letter's address block names them: "Dr Helen Marsh"."""
    title = honorific(person, locale)
    return person.name if title is None else f"{title} {person.name}"


def reader_zone(to: Person, interview: Interview) -> str:
    """The zone whose days a letter to *to* speaks of: theirs, else the
    interview's."""
    return to.timezone or interview.timezone
