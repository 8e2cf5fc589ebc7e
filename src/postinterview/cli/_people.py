"""Who a drafted letter is from and to: the sender, a person in the record, or
a referee, who is not in it."""

from __future__ import annotations

import argparse
import email.utils
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

from postinterview.cli._records import UserError
from postinterview.errors import ValidationError
from postinterview.interview import Person
from postinterview.timeline import Application

if TYPE_CHECKING:
    from postinterview.letters import Candidate

#: Where ``draft`` looks for the sender when ``--sender`` is not given.
SENDER_VARIABLE: Final = "POSTINTERVIEW_SENDER"


def sender(args: argparse.Namespace) -> Candidate:
    """Return the sender ``--sender`` or :data:`SENDER_VARIABLE` names."""
    from postinterview import letters  # noqa: PLC0415 - only draft needs Jinja

    name, address, source = _sender_given(args)
    try:
        return letters.Candidate(name=name, email=address)
    except ValidationError as error:
        raise UserError(f"{source}: {error}") from None


def _sender_given(args: argparse.Namespace) -> tuple[str, str, str]:
    """Return the sender's name and address, and where they came from."""
    if args.sender is not None:
        return (*_address(args.sender, "--sender"), "--sender")
    given = os.environ.get(SENDER_VARIABLE, "").strip()
    if not given:
        raise UserError(
            "draft needs the sender: give --sender 'Name <email>' or set "
            f"{SENDER_VARIABLE}"
        )
    return (*_address(given, SENDER_VARIABLE), SENDER_VARIABLE)


def recipient(
    args: argparse.Namespace, kind: str, application: Application, path: Path
) -> Person | None:
    """Return whom ``--to`` or ``--referee`` names, or None for the default."""
    if kind != "reference_brief":
        if args.referee is not None:
            raise UserError(
                f"--referee: only a reference-brief letter takes it, not {args.kind}"
            )
        return None if args.to is None else _person(args.to, application, path)
    if args.to is not None:
        raise UserError(
            "--to: a reference brief goes to a referee, who is not in the "
            "record; give --referee 'Name <email>' instead"
        )
    if args.referee is None:
        raise UserError("draft --kind reference-brief needs --referee 'Name <email>'")
    name, address = _address(args.referee, "--referee")
    try:
        return Person(name=name, email=address)
    except ValidationError as error:
        raise UserError(f"--referee: {error}") from None


def _person(name: str, application: Application, path: Path) -> Person:
    """Return the person in the record called *name* (or with that address)."""
    people = _people(application)
    wanted = name.strip().casefold()
    for person in people:
        if wanted in (person.name.casefold(), (person.email or "").casefold()):
            return person
    # A first name is enough when it is nobody else's.
    first = [p for p in people if p.name.split()[0].casefold() == wanted]
    names = sorted({person.name for person in first or people})
    if first and len(names) == 1:
        return first[0]
    if first:
        raise UserError(
            f"--to: more than one {name!r} in {path} ({', '.join(names)}); "
            "give the full name"
        )
    known = f"the people in it are {', '.join(names)}" if names else "it names nobody"
    raise UserError(f"--to: nobody called {name!r} in {path}; {known}")


def _people(application: Application) -> list[Person]:
    """Everyone the record names: interviewers and contacts, then from events."""
    people: list[Person] = []
    for interview in reversed(application.rounds):
        people.extend(interview.interviewers)
        if interview.agency_contact is not None:
            people.append(interview.agency_contact)
    for event in application.events:
        for field in ("to", "by"):
            person = getattr(event, field, None)
            if isinstance(person, Person):
                people.append(person)
    return list(dict.fromkeys(people))


def _address(text: str, option: str) -> tuple[str, str]:
    """Split ``Name <email>`` given for *option* into its name and address."""
    name, address = email.utils.parseaddr(text)
    if not name or "@" not in address:
        raise UserError(
            f"{option}: expected a name and an email address, such as "
            f"'Sam Jones <sam@example.org>', got {text!r}"
        )
    return name, address
