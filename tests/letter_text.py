"""Reading a drafted letter as its reader would, for the letters' tests.

Written apart from the library's own checks, so that a test of a letter does
not trust the code it tests: where a body starts and ends, its words and
sentences, and the defects no packaged letter may have, in every language
the letters ship in. The words a test expects of a language other than
English are read from that language's catalog (:func:`worded`), never from
the checks' conventions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import attrs
from hypothesis import strategies as st

from postinterview import Channel, Format, Interview, Person, RunBy
from postinterview.letters import Draft
from postinterview.letters._catalogs import translations
from postinterview.strategies import interviews

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
#: The English sign-offs, for the English examples (:func:`body` finds any
#: language's as the letter's last paragraph).
SIGN_OFFS = ("Kind regards,", "Yours sincerely,", "Best regards,", "Sincerely,")
#: What a join leaves when a value's own punctuation meets the letter's.
JOIN_DEFECTS = (
    *("..", ".,", ".;", ".:", ",,", ",.", ":.", ";."),
    *("?.", "?,", "!.", "!,"),
    *(" .", " ,", " ;", " :", " ?", " !"),
)
#: The no-break spaces: French sets one before ; : ! ? (the catalog writes
#: U+00A0 before a colon and U+202F before the others), and no language
#: sets one before a comma or a full stop.
NO_BREAK = ("\u00a0", "\u202f")
#: The words that make a call or a video interview a meeting, by language
#: (ISO 639-1 code): wider than the checks' patterns (any form of the verb),
#: and chosen from the catalogs so that no call or video letter holds one.
#: Some words have another sense the catalogs do not use today: German
#: "persönlich" (personally) and "treffen" (eine Entscheidung treffen),
#: Spanish "encuentro" (I find). A catalog that comes to use one in that
#: sense makes a test fail, to be read by a person.
MEET: Mapping[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(meet|meets|met|meeting|meetings|in person)\b", re.I),
    "fr": re.compile(
        r"\b(rencontr\w*|r\u00e9union\w*|en personne|de visu|pr\u00e9sentiel\w*)\b",
        re.I,
    ),
    "de": re.compile(
        r"\b(treffen|getroffen|traf|trafen|begegn\w*|pers\u00f6nlich\w*|vor Ort)\b",
        re.I,
    ),
    "es": re.compile(
        r"\b(reuni\u00f3n|reuniones|reunir\w*|nos reunimos|encuentro"
        r"|en persona|presencial\w*|cara a cara)\b",
        re.I,
    ),
    "pt": re.compile(
        r"\b(reuni\u00e3o|reuni\u00f5es|reunir\w*|nos reunimos|encontro"
        r"|nos encontramos|em pessoa|pessoalmente|presencial\w*|cara a cara)\b",
        re.I,
    ),
}
# A call script's kinds: a heading, the spoken greeting, then what to say.
SCRIPTS = frozenset({"check_in_call"})
# Where a sentence may end: its mark, perhaps closing quotes or brackets
# (a French guillemet after its no-break space), before white space.
_END = re.compile(r"[.?!\u2026](?:[\u00a0\u202f]?[\"'\u2019\u201d\u00bb)])*(?=\s)")
# What may follow a sentence's mark: closing quotes and brackets.
_CLOSERS = "\"'\u2019\u201d\u00bb) "
# What a sentence may open with before its capital, or instead of one.
_OPENERS = '\u00bf\u00a1\u00ab\u201e\u201c"('
# A German date's day is an ordinal with a full stop ("20. November").
_ORDINAL = re.compile(r"(?<!\S)\d{1,2}\.$")
_MONTH = re.compile(
    r"(Januar|J\u00e4nner|Februar|M\u00e4rz|April|Mai|Juni|Juli|August|September"
    r"|Oktober|November|Dezember)\b"
)


def language(locale: str) -> str:
    """The language of *locale*: "fr" for "fr_FR" or "fr-CA"."""
    return re.split(r"[-_]", locale, maxsplit=1)[0].casefold()


def meet(locale: str) -> re.Pattern[str]:
    """The words of :data:`MEET` in *locale*'s language."""
    return MEET[language(locale)]


def _standalone(lines: list[str], index: int) -> bool:
    """Whether line *index* opens a paragraph: first, or after a blank line."""
    return index == 0 or not lines[index - 1].strip()


def body(draft: Draft) -> str:
    """What a draft says, in any language.

    A letter's greeting is its first line that ends with a comma or a colon
    (no line of a printed letter's head does: that is asserted, since the
    greeting must stand alone); its body runs from the next line to the
    last paragraph, which is the closing with the name and signature. A
    call script has a heading that ends with a colon ("What to say:"), then
    the spoken greeting; its body runs from the next line to the end.
    """
    lines = draft.text.splitlines()
    ends = (":",) if draft.kind in SCRIPTS else (",", ":")
    index = next(
        (i for i, line in enumerate(lines) if line.rstrip().endswith(ends)), None
    )
    assert index is not None, draft.text
    assert _standalone(lines, index), (lines[index], draft.text)
    if draft.kind in SCRIPTS:
        assert lines[index + 1].strip(), draft.text  # the spoken greeting
        return "\n".join(lines[index + 2 :]).strip()
    assert not lines[index + 1].strip(), draft.text  # a greeting is alone
    after = "\n".join(lines[index + 1 :]).strip().splitlines()
    blanks = [i for i, line in enumerate(after) if not line.strip()]
    assert blanks, draft.text  # a body, then the closing
    return "\n".join(after[: blanks[-1]]).strip()


def words(text: str) -> int:
    """How many words *text* has, as a reader counts them."""
    return len(WORD.findall(text))


def _split(said: str) -> list[str]:
    """*said* cut where a sentence ends and the next opens: with a capital
    (accented ones too) or with ¿ ¡ « or an opening quote; a German date's
    day ("20. November") ends none."""
    parts, start = [], 0
    for end in _END.finditer(said):
        rest = said[end.end() :].lstrip()
        if not rest or not (rest[0] in _OPENERS or rest[0].isupper()):
            continue
        if _ORDINAL.search(said[: end.end()]) and _MONTH.match(rest):
            continue
        parts.append(said[start : end.end()])
        start = end.end()
    return [*parts, said[start:]]


def sentences(text: str) -> list[str]:
    """The sentences of *text*, in order: runs ending in . ? or ! (a label
    ending in a colon is not one), list markers dropped, spaces normalised
    (a French no-break space before ? or ! is one space, as any other)."""
    found = []
    for line in text.splitlines():
        said = line.strip().removeprefix("- ")
        for part in _split(said):
            kept = " ".join(part.split())
            if kept.rstrip(_CLOSERS).endswith((".", "?", "!", "\u2026")):
                found.append(kept)
    return found


def join_defects(text: str, locale: str = "en_GB") -> list[str]:
    """The join defects in *text*, a letter's in *locale*, an ellipsis excepted.

    Those of :data:`JOIN_DEFECTS`; a no-break space before a comma or a full
    stop, or before ; : ! ? but in French, where it belongs. A plain space
    before ; : ! ? is a defect in French too: the catalog never writes one,
    and a line may break there, leaving the mark alone. In Spanish, a ¿ or ¡
    that no ? or ! closes on its line: what a join leaves when it drops a
    typed question's closing mark. (A ? or ! that none opens may be a name's
    own, as in "Yahoo!".)
    """
    plain = text.replace("...", "\u2026")
    marks = ",." if language(locale) == "fr" else ",.;:!?"
    spaced = [space + mark for space in NO_BREAK for mark in marks]
    found = [defect for defect in (*JOIN_DEFECTS, *spaced) if defect in plain]
    if language(locale) == "es":
        for line in plain.splitlines():
            left = re.sub(
                "\u00a1[^\u00a1!]*!", "", re.sub("\u00bf[^\u00bf?]*\\?", "", line)
            )
            found += [f"unpaired {mark}" for mark in "\u00bf\u00a1" if mark in left]
    return found


def worded(locale: str, msgid: str) -> re.Pattern[str]:
    """What *msgid* says in *locale*, read from its catalog: a pattern of the
    catalog's own words, each placeholder any text on the same line."""
    said = translations(locale).gettext(msgid)
    return re.compile("[^\n]+?".join(map(re.escape, re.split(r"%\(\w+\)s", said))))


def says_one(text: str, locale: str, msgids: Iterable[str]) -> bool:
    """Whether *text* says, in *locale*'s words, one of *msgids*."""
    return any(worded(locale, msgid).search(text) for msgid in msgids)


def as_typed(text: str, locale: str) -> str:
    """Typed *text* as a writer of *locale*'s language types it: in Spanish a
    question or an exclamation opens with ¿ or ¡."""
    if language(locale) == "es" and text.endswith(("?", "!")):
        return ("\u00bf" if text.endswith("?") else "\u00a1") + text
    return text


# -- what a person would type -------------------------------------------------

_GIVEN = ["Priya", "Helen", "Tom", "José", "Zoë", "Łukasz", "Wei", "Ama"]
_FAMILY = ["Shah", "Marsh", "Okafor", "van der Berg", "O'Neill", "Lee", "Smith Jr."]
_ORGANISATION = ["Acme", "Northwind", "Larkspur", "Fenwick", "Blue", "River", "Labs"]
_SUFFIX = ["", " Ltd", " Ltd.", " Inc.", ", Inc.", " plc", " LLC", " & Co.", " Group"]
_ROLE = ["Data", "Senior", "Software", "Product", "Research", "Platform", "Lead"]
_JOB = ["Engineer", "Manager", "Analyst", "Designer", "Scientist", "Nurse"]
_USEFUL = ["the", "structure", "of", "my", "answers", "STAR", "examples", "budget"]
_TITLES = [None, "Head of Data", "Recruiter", "Talent Partner", "Engineering Manager"]


@st.composite
def people(draw: st.DrawFn) -> Person:
    """A person with a realistic name, perhaps a title, phone and zone."""
    given_name = draw(st.sampled_from(_GIVEN))
    family = draw(st.none() | st.sampled_from(_FAMILY))
    name = given_name if family is None else f"{given_name} {family}"
    honorific = draw(st.none() | st.sampled_from(["Dr", "Ms", "Mr", "Mx", "Prof"]))
    return Person(
        name=name,
        email=draw(st.none() | st.just("someone@example.org")),
        phone=draw(st.none() | st.just("+44 20 7946 0000")),
        title=draw(st.sampled_from(_TITLES)),
        timezone=draw(
            st.sampled_from([None, "Europe/London", "Asia/Tokyo", "America/Chicago"])
        ),
        given_name=given_name,
        family_name=family,
        honorific=honorific if family is not None else None,
        salutation=draw(st.none() | st.just(given_name)),
    )


@st.composite
def realistic(draw: st.DrawFn) -> Interview:
    """A generated interview with the names a person would type."""
    base = draw(interviews(max_interviewers=3))
    panel = draw(st.lists(people(), min_size=1, max_size=3, unique_by=lambda p: p.name))
    words = draw(
        st.lists(st.sampled_from(_ORGANISATION), min_size=1, max_size=3, unique=True)
    )
    organisation = " ".join(words) + draw(st.sampled_from(_SUFFIX))
    seniority = draw(st.lists(st.sampled_from(_ROLE), max_size=2, unique=True))
    role = " ".join([*seniority, draw(st.sampled_from(_JOB))])
    agency = draw(
        st.none() | people().filter(lambda p: p.name not in {q.name for q in panel})
    )
    return attrs.evolve(
        base,
        organisation=organisation,
        role=role,
        interviewers=tuple(panel),
        format=draw(st.sampled_from(Format)),
        run_by=RunBy.EMPLOYER if agency is None else RunBy.AGENCY,
        agency_contact=agency,
        preferred_channel=draw(st.sampled_from(Channel)),
    )


def fragments() -> st.SearchStrategy[str]:
    """Typed text: 1 to 12 words, perhaps ending as a sentence would.

    A point completes "our discussion of ...", so it does not start with
    "of" (which would double the word: the typist's slip, not the letter's).
    """
    return st.builds(
        lambda words, end: " ".join(words) + end,
        st.lists(st.sampled_from(_USEFUL), min_size=1, max_size=12, unique=True).filter(
            lambda words: words[0] != "of"
        ),
        st.sampled_from(["", ".", "?", "!", " Inc."]),
    )
