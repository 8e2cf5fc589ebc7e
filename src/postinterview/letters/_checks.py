"""The checks of one letter's text: greeting, length, spelling, placeholders.

They compare the letter with its recipient and, when known, the interview
record, and return findings rather than raise. The checks of its sentences
(joins, sentence starts, a meeting after a call, British words) are in
``_prose``; those against an application's record in ``_fit``; what each
language writes in ``_conventions``.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

from postinterview.errors import ValidationError
from postinterview.findings import Finding
from postinterview.interview import Interview, Person
from postinterview.letters._conventions import (
    FEMININE_TITLES,
    LANGUAGES,
    MASCULINE_TITLES,
    Conventions,
    american,
    conventions,
)
from postinterview.letters._parts import (
    body,
    count_words,
    greeting_index,
    nfc,
    script_body,
)
from postinterview.letters._prose import (
    british_findings,
    inverted_mark_findings,
    lower_case_findings,
    meeting_findings,
    punctuation_findings,
    record_names,
)

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_DOUBLED = re.compile(r"\b([^\W\d_]+)\s+(\1)\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{\{|\{%|\[[^\]\n]{1,40}\]|\bTODO\b|\bXXX\b|<[A-Za-z ]+>")
# What may stand before a German relative pronoun that repeats the article
# after it: a comma, and at most one word (a preposition: ", f\u00fcr die die").
_AFTER_COMMA = re.compile(r",\s*(?:[^\W\d_]+\s+)?$")

#: How many words the body of each kind of letter should have, as (fewest,
#: most); 0 means no fewest. The body is what lies between the greeting line
#: and the sign-off paragraph (the last paragraph: the closing, the name and
#: the signature); a call script's body is its "What to say:" section, up to
#: the next heading (a line that ends with a colon), or without that heading
#: every line but the headings. A word is a run of characters between white
#: space that holds a letter or a digit. A thank-you note is 80 to 150 words,
#: the forgotten point included; a check-in, said or written, at most 90; a
#: feedback request at most 110, short enough to be easy to decline; the
#: other packaged letters at most 160. A kind not listed here (a host's own)
#: has no length to keep to.
BODY_WORDS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "thank_you": (80, 150),
        "check_in": (0, 90),
        "check_in_call": (0, 90),
        "feedback_request": (0, 110),
        "reference_brief": (0, 160),
        "withdrawal": (0, 160),
        "rejection_reply": (0, 160),
        "feedback_thanks": (0, 160),
        "offer_thanks": (0, 160),
    }
)
# The kinds that are call scripts: no greeting line, no sign-off.
_SCRIPTS = frozenset({"check_in_call"})
# What each kind of letter is called in a finding's message.
_CALLED = {
    "thank_you": "a thank-you note",
    "check_in": "a check-in",
    "check_in_call": "a check-in call's script",
    "feedback_request": "a feedback request",
}
#: Titles that go before a family name ("Dr Marsh"), never before a full name,
#: casefolded and without a full stop; a person's own *honorific* counts too.
#: These are English's; each language has its own (the letters guide lists
#: them).
HONORIFICS = LANGUAGES["en"].titles


def body_words(kind: str, locale: str) -> tuple[int, int] | None:
    """How many words the body of a *kind* letter in *locale* should have.

    The bounds are :data:`BODY_WORDS`'s, for English, scaled by how many
    words the language takes to say what English says in 100: French 114,
    German 100, Spanish 114, Portuguese 109. Those are measured, not guessed:
    they are the words per English word of 1,095 sentences (of eight words
    or more) that the gettext catalogs of 46 programs on a Debian system
    translate into all four languages (``docs/_tools/word_ratios.py``),
    except German, measured at 96 there but held to English's 100: the
    formal German of a letter runs longer than a program's messages. The
    fewest is rounded down and the most up to a multiple of five, so a
    letter is never held tighter than the measure. A regional tag uses its
    language's bounds (``fr_CA`` as ``fr_FR``); a kind not in
    :data:`BODY_WORDS` (a host's own) has none: None.

    >>> body_words("thank_you", "en_US")
    (80, 150)
    >>> body_words("thank_you", "fr_CA"), body_words("check_in", "de_AT")
    ((90, 175), (0, 90))
    >>> body_words("postcard", "es_ES") is None
    True

    A locale whose language the checks do not know raises
    :class:`~postinterview.ValidationError`.
    """
    given: tuple[object, object] = (kind, locale)
    if not isinstance(given[0], str):
        raise ValidationError("kind", kind, "a kind of letter, such as 'thank_you'")
    known = conventions(locale) if isinstance(given[1], str) else None
    if known is None:
        raise ValidationError(
            "locale",
            locale,
            "a locale of a language the checks know ("
            + ", ".join(LANGUAGES)
            + "), such as 'en_GB', 'fr_FR' or 'pt_BR'",
        )
    bounds = BODY_WORDS.get(kind)
    return None if bounds is None else scaled(bounds, known.words_per_hundred)


def scaled(bounds: tuple[int, int], per_hundred: int) -> tuple[int, int]:
    """*bounds* times *per_hundred* / 100: the fewest rounded down and the
    most rounded up to a multiple of five."""
    fewest, most = bounds
    return (fewest * per_hundred // 500 * 5, -(-most * per_hundred // 500) * 5)


def _check_letter(
    *,
    kind: str,
    to: Person,
    subject: str,
    text: str,
    interview: Interview | None,
    locale: str = "en_GB",
) -> tuple[Finding, ...]:
    """What a careful reader would want fixed in a letter; see ``Draft.check``.

    The letter is read in its language's conventions; a language the checks
    do not know is checked only for what needs no words of it: spelling,
    placeholders, doubled words and doubled punctuation.
    """
    subject, text = nfc(subject), nfc(text)
    known = conventions(locale)
    script = kind in _SCRIPTS
    written = f"{subject}\n{text}"
    names = record_names(to, interview)
    spelling = _spelling_findings(written, interview) if interview else ()
    if known is None:
        return (
            *(_named_findings(text, to) if script else ()),
            *spelling,
            *_placeholder_findings(written),
            *_doubled_word_findings(text, None),
            *punctuation_findings(written, names),
        )
    lines = text.splitlines()
    index = None if script else greeting_index(lines, known.greeting)
    greeting = None if index is None else lines[index]
    said = script_body(text, known.say) if script else body(text, known.greeting)
    return (
        *(
            _named_findings(text, to)
            if script
            else _greeting_findings(greeting, to, known)
        ),
        *(_title_findings(greeting, to, known) if greeting is not None else ()),
        *_length_findings(kind, said, known),
        *spelling,
        *_placeholder_findings(written),
        *_doubled_word_findings(text, known),
        *punctuation_findings(
            written,
            names,
            abbreviations=known.abbreviations,
            spaced=known.spaced_marks,
        ),
        *(
            (
                *inverted_mark_findings(subject, names),
                *inverted_mark_findings(text, names),
            )
            if known.inverted_marks
            else ()
        ),
        *lower_case_findings(
            said,
            names,
            abbreviations=known.abbreviations,
            first_may_be_lower=known.lower_after_greeting
            and greeting is not None
            and greeting.rstrip().endswith(","),
        ),
        *(
            meeting_findings(f"{subject}\n\n{said}", interview, known)
            if interview
            else ()
        ),
        *(british_findings(f"{subject}\n\n{said}", names) if american(locale) else ()),
    )


def _greeting_findings(
    greeting: str | None, to: Person, known: Conventions
) -> Iterator[Finding]:
    """No greeting; one without the reader's name; one that addresses them
    with a form for the other sex, or mixes the two."""
    if greeting is None:
        yield Finding(code="greeting", message="the letter has no greeting")
        return
    if not (_names_person(greeting, to) or _courtesy_only(greeting, known)):
        yield Finding(
            code="greeting",
            message=f"the greeting does not use {to.name}'s name",
            text=greeting.strip(),
        )
        return
    if to.salutation is not None and _fold(to.salutation) in _fold(greeting):
        return  # the salutation the person asked for is always right
    yield from _form_findings(greeting, to, known)


def _courtesy_only(greeting: str, known: Conventions) -> bool:
    """Whether *greeting* greets with courtesy words alone ("Madame,"), as a
    French letter may; "Madame, Monsieur," suits anyone."""
    if not known.courtesy:
        return False
    opening = known.opener.match(greeting)
    words = _WORD.findall(greeting[opening.end() if opening else 0 :])
    return bool(words) and all(word.casefold() in known.courtesy for word in words)


def _form_findings(greeting: str, to: Person, known: Conventions) -> Iterator[Finding]:
    """A greeting whose forms of address are a woman's and a man's at once
    ("Estimado Sra. Marsh"), or the other sex's than the recipient's
    honorific says ("Sehr geehrter Herr Marsh" to "Ms" Marsh)."""
    if known.neutral is not None:
        greeting = known.neutral.sub(" ", greeting)
    words = [word.casefold() for word in _WORD.findall(greeting)]
    if any(word in known.plural for word in words):
        return
    women = [word for word in words if word in known.feminine]
    men = [word for word in words if word in known.masculine]
    if women and men:
        yield Finding(
            code="greeting",
            message=(
                f"the greeting mixes a woman's form of address ({women[0]!r}) "
                f"with a man's ({men[0]!r})"
            ),
            text=greeting.strip(),
        )
        return
    sex = _sex_of(to)
    if sex == "woman" and men:
        form, other = men[0], "man"
    elif sex == "man" and women:
        form, other = women[0], "woman"
    else:
        return
    yield Finding(
        code="greeting",
        message=(
            f"the greeting addresses {to.name} as a {other} ({form!r}), and their "
            f"honorific {to.honorific!r} says otherwise"
        ),
        text=greeting.strip(),
    )


def _sex_of(person: Person) -> str | None:
    """ "woman" or "man" when *person*'s honorific says so ("Ms", "Herr"),
    else None ("Dr", "Mx", none)."""
    words = {word.casefold() for word in _WORD.findall(person.honorific or "")}
    if words & FEMININE_TITLES:
        return "woman"
    if words & MASCULINE_TITLES:
        return "man"
    return None


def _named_findings(text: str, to: Person) -> Iterator[Finding]:
    """A call script has no greeting line, but says who it asks for."""
    if not _names_person(text, to):
        yield Finding(
            code="greeting",
            message=f"the script never says {to.name}'s name",
        )


def _title_findings(greeting: str, to: Person, known: Conventions) -> Iterator[Finding]:
    """A title before the recipient's full name: "Dear Dr Helen Marsh,".

    A title goes before the family name alone ("Dear Dr Marsh"), or the full
    name goes without it ("Dear Helen Marsh"). Found when what follows the
    greeting's opening words and the titles (the language's, and the
    recipient's own *honorific*) is the full name, starts with the given
    name and goes on, or, with no family name on record, starts with the
    full name's first word and goes on. A *salutation* the recipient asked
    for is always right.
    """
    opening = known.opener.match(greeting)
    named = greeting[opening.end() if opening else 0 :].strip(" \t,:;!")
    if to.salutation is not None and _fold(named) == _fold(to.salutation):
        return
    titles = set(known.titles)
    if to.honorific is not None:
        titles.update(_fold(to.honorific).replace(".", "").split())
    words = named.split()
    title = []
    while words and words[0].casefold().strip(",").rstrip(".") in titles:
        title.append(words.pop(0))
    if not title or len(words) < 2:
        return
    after = [word.casefold() for word in words]
    full = _fold(to.name).split()
    given = _fold(to.given_name or "").split()
    family = _fold(to.family_name or "").split()
    if after == family:
        return
    if (
        after == full
        or (given and after[: len(given)] == given)
        or (not family and len(full) > 1 and after[0] == full[0])
    ):
        shown = " ".join(title)
        if known.language == "en":
            better = (
                f"'Dear {shown} {to.family_name}' or 'Dear {to.name}'"
                if to.family_name
                else f"the title with the family name alone, or 'Dear {to.name}'"
            )
        else:
            opened = greeting[: opening.end()].strip() if opening else ""
            better = (
                f"'{' '.join(filter(None, (opened, shown, to.family_name)))}'"
                if to.family_name
                else "the title with the family name alone"
            ) + f", or the full name without the title ('{to.name}')"
        yield Finding(
            code="title-before-full-name",
            message=f"a title goes before the family name alone: write {better}",
            text=greeting.strip(),
        )


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _length_findings(kind: str, said: str, known: Conventions) -> Iterator[Finding]:
    """The body's words against :data:`BODY_WORDS` for *kind*, scaled to the
    language (:func:`body_words`)."""
    if kind not in BODY_WORDS:
        return
    fewest, most = scaled(BODY_WORDS[kind], known.words_per_hundred)
    words = count_words(said)
    if fewest <= words <= most:
        return
    called = _CALLED.get(kind, f"a {kind.replace('_', ' ')} letter")
    wanted = f"{fewest} to {most}" if fewest else f"at most {most}"
    yield Finding(
        code="length",
        message=(
            f"the body of {called} should have {wanted} words; this one has {words}"
        ),
    )


def _spelling_findings(written: str, interview: Interview) -> Iterator[Finding]:
    # A role is often written in lower case in a sentence; an organisation's
    # name is spelled one way.
    for field, name, case_matters in (
        ("organisation", interview.organisation, True),
        ("role", interview.role, False),
    ):
        for found in _misspellings(written, nfc(name), case_matters=case_matters):
            yield Finding(
                code="spelling",
                message=f"the {field} is {name!r} in the record",
                text=found,
            )


def _placeholder_findings(written: str) -> Iterator[Finding]:
    for match in _PLACEHOLDER.finditer(written):
        yield Finding(
            code="placeholder",
            message="a placeholder is left to fill in",
            text=match.group(0),
        )


def _doubled_word_findings(text: str, known: Conventions | None) -> Iterator[Finding]:
    """A word written twice in a row, but for the language's own doublings:
    French "nous nous" and "vous vous", German "Sie sie", and German "die
    die", "das das" and the other articles after a comma (a relative clause:
    "das Team, das das Projekt leitet")."""
    for match in _DOUBLED.finditer(text):
        word = match.group(1).casefold()
        if known is not None and (
            word in known.doubled
            or (
                word in known.doubled_after_comma
                and _AFTER_COMMA.search(text, max(0, match.start() - 40), match.start())
            )
        ):
            continue
        yield Finding(
            code="doubled-word",
            message=f"{match.group(1)!r} is written twice in a row",
            text=match.group(0),
        )


def _name_parts(person: Person) -> set[str]:
    """The words of *person*'s name, given name and family name, casefolded."""
    names = (person.name, person.given_name or "", person.family_name or "")
    return {
        part.casefold()
        for name in map(nfc, names)
        for part in _WORD.findall(name)
        if len(part) > 1
    }


def _names_person(line: str, person: Person) -> bool:
    """Whether *line* uses *person*'s name: a word of their name, given name or
    family name, their whole name, or the salutation they asked for."""
    name = nfc(person.name).casefold()
    parts = _name_parts(person) or {name}
    words = {word.casefold() for word in _WORD.findall(line)}
    folded = line.casefold()
    return (
        bool(parts & words)
        or name in folded
        or (
            person.salutation is not None
            and nfc(person.salutation).casefold() in folded
        )
    )


def _misspellings(text: str, name: str, *, case_matters: bool) -> Iterator[str]:
    """Yield runs of words that look like *name* but are not spelled as it is.

    A run looks like the name when it has as many words and is at least 80%
    similar to it, ignoring case, or is the name without its accents
    ("Societe Generale"). Not counted: runs that overlap a correct spelling
    (so "at Acme Ltd" does not match "Acme Ltd"), other forms of the same
    words ("data engineers" for "Data Engineer"), a word in small letters
    near a one-word name in capitals (the Spanish "las" near "Labs"), and,
    unless *case_matters*, runs that differ only in case. Names longer than
    :data:`SIMILAR_AT_MOST` characters are matched by their words only.

    Each run of words is looked at once, in time linear in the text: the
    correct spellings are found with one pass of a string search, the
    overlap test walks them in step with the runs, and only runs of a
    length that could be 80% similar are compared character by character.
    """
    target = _WORD.findall(name)
    if not target:
        return
    wanted = [word.casefold() for word in target]
    size = len(wanted)
    capital = target[0][:1].isupper()
    same = _Occurrences(wanted)
    similar = _Similarity(wanted)
    correct = _exact_spans(text, name, case_matters=case_matters)
    # The first correct spelling that ends after the run starts, if any.
    nearest = next(correct, None)
    run: deque[tuple[int, int, str]] = deque(maxlen=size)
    letters = 0  # in the run's words
    wait = size - 1  # words to read before the next run to look at
    for match in _WORD.finditer(text):
        word = match.group(0).casefold()
        is_name = same.ends_with(word)
        if len(run) == size:
            letters -= len(run[0][2])
        run.append((match.start(), match.end(), word))
        letters += len(word)
        if wait:
            wait -= 1
            continue
        start, end = run[0][0], run[-1][1]
        while nearest is not None and nearest[1] <= start:
            nearest = next(correct, None)
        overlaps = nearest is not None and nearest[0] < end
        # A one-word name written in capitals is not misspelled by a word
        # of the language in small letters ("las" beside "Labs").
        common = size == 1 and capital and match.group(0).islower()
        if (
            not overlaps
            and not common
            and (is_name or similar.to(run, letters + size - 1))
        ):
            yield text[start:end]
            wait = size - 1


def bare(text: str) -> str:
    """*text* without its accents: each letter without its combining marks."""
    return "".join(
        char
        for char in unicodedata.normalize("NFD", text)
        if not unicodedata.combining(char)
    )


#: Names (organisations, roles) up to this many characters, as their words
#: are joined, are compared with runs of words for similarity; longer ones
#: (no real name is so long) only for the same words in another case, so that
#: a check stays quick, whatever the text.
SIMILAR_AT_MOST = 100


class _Similarity:
    """Whether a run of words is 80% similar to the name, ignoring case, or
    is the name with its accents left off ("Societe Generale").

    Only for runs that are not the name's own words (see
    :func:`_misspellings`). The name is prepared once; a run is compared
    only when its length allows a ratio of 0.8 (as ``real_quick_ratio``
    would say) and its letters do (``quick_ratio``), and each distinct run
    once.
    """

    def __init__(self, wanted: list[str]) -> None:
        self.wanted = wanted
        self.target = " ".join(wanted)
        self.bare = bare(self.target)
        self.enabled = 4 <= len(self.target) <= SIMILAR_AT_MOST
        self.matcher = difflib.SequenceMatcher(None, "", self.target)
        self.seen: dict[str, bool] = {}

    def to(self, run: Iterable[tuple[int, int, str]], length: int) -> bool:
        """Whether *run* (start, end, casefolded word), *length* long joined, is."""
        if not self.enabled:
            return False
        # What real_quick_ratio() would say: the ratio is at most this.
        if 2.0 * min(length, len(self.target)) / (length + len(self.target)) < 0.8:
            return False
        found = [word for _, _, word in run]
        if all(
            f.startswith(w) or w.startswith(f)
            for f, w in zip(found, self.wanted, strict=True)
        ):
            # The same words, or other forms of them ("engineers").
            return False
        joined = " ".join(found)
        known = self.seen.get(joined)
        if known is None:
            matcher = self.matcher
            matcher.set_seq1(joined)
            known = bare(joined) == self.bare or (
                matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8
            )
            self.seen[joined] = known
        return known


class _Occurrences:
    """Whether the words read so far end with *wanted*, word for word (KMP)."""

    def __init__(self, wanted: list[str]) -> None:
        self.wanted = wanted
        # For each prefix of wanted, its longest proper prefix that is also
        # its suffix: where to go on from after a mismatch.
        self.fallback = [0] * len(wanted)
        matched = 0
        for position in range(1, len(wanted)):
            while matched and wanted[position] != wanted[matched]:
                matched = self.fallback[matched - 1]
            if wanted[position] == wanted[matched]:
                matched += 1
            self.fallback[position] = matched
        self.matched = 0

    def ends_with(self, word: str) -> bool:
        """Read *word*; return whether the words read now end with *wanted*."""
        wanted, matched = self.wanted, self.matched
        while matched and word != wanted[matched]:
            matched = self.fallback[matched - 1]
        if word == wanted[matched]:
            matched += 1
        found = matched == len(wanted)
        self.matched = self.fallback[matched - 1] if found else matched
        return found


def _exact_spans(
    text: str, name: str, *, case_matters: bool
) -> Iterator[tuple[int, int]]:
    """Where *name* stands in *text*, left to right and not overlapping.

    The same spans as ``re.finditer(re.escape(name), text)``, with
    ``re.IGNORECASE`` unless *case_matters*, but in linear time: ignoring
    case, both are first folded character by character as the regular
    expressions compare them (:func:`_fold_table`).
    """
    if not case_matters:
        table = _fold_table(text, name)
        text, name = text.translate(table), name.translate(table)
    width = len(name)
    at = text.find(name)
    while at >= 0:
        yield at, at + width
        at = text.find(name, at + width)


def _fold_table(*texts: str) -> dict[int, str]:
    """A translation that makes characters equal when ``re.IGNORECASE`` does.

    Under ``re.IGNORECASE`` two characters match when their lower cases have
    the same upper case (``re`` compares lower cases, and groups the few
    lower cases that share an upper case, such as "i" and the dotless i
    U+0131, or "s" and the long s U+017F). Each such group is translated to
    one of its members, so the translated texts compare as the regular
    expression would, and keep their length.
    """
    table: dict[int, str] = {}
    groups: dict[str, str] = {}
    for char in set().union(*texts):
        lower = char.lower()[0]  # "İ" lowers to "i" and a combining dot
        table[ord(char)] = groups.setdefault(lower.upper(), lower)
    return table
