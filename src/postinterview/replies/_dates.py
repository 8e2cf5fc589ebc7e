"""Dates and times in a reply: found, then resolved against when it arrived.

Month and weekday names come from CLDR through Babel, for the reply's
language; relative words ("next Tuesday", "by the end of the week") from the
language's pattern file. Numeric dates are read day-first or month-first as
the sender's locale writes them; when the locale does not say and both
readings are dates, the mention keeps both and resolves to neither.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator

import attrs
import pendulum

from postinterview import _fields, _time
from postinterview.errors import ValidationError
from postinterview.replies._patterns import (
    DATE_MEANINGS,
    Key,
    Patterns,
    Seen,
    first_words,
    keys_of,
)
from postinterview.workdays import BusinessCalendar

__all__ = ["DateMention", "Order", "find_dates", "order_of"]

#: Time zones named by their abbreviation, in every language.
_ABBREVIATIONS: dict[str, str] = {
    "gmt": "Europe/London",
    "bst": "Europe/London",
    "utc": "UTC",
    "wet": "Europe/Lisbon",
    "west": "Europe/Lisbon",
    "cet": "Europe/Paris",
    "cest": "Europe/Paris",
    "mez": "Europe/Berlin",
    "mesz": "Europe/Berlin",
    "eet": "Europe/Athens",
    "eest": "Europe/Athens",
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "brt": "America/Sao_Paulo",
}
#: What may stand between a date and its time, or a time and its date.
_JOINS = (
    r"at|on|from|between|à|le|dès|de|du|um|am|ab|von|a las|a la|desde|el|del|"
    r"día|dia|às|as|na|no|do|da|das|entre|,|-|–"
)
#: Between a range's start and its end.
_UNTIL = r"-|–|—|to|till|until|and|bis|und|à|a|et|à|até|às|e|hasta|y"
_ARTICLES = r"the|den|dem|der|le|el|o|dia|día|am"

Order = str
"""How numeric dates are written: ``"dmy"``, ``"mdy"`` or ``""`` (not known)."""


def _zone(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, "an IANA time zone name")
    _time.zone(value, attribute.name)


@attrs.frozen(kw_only=True)
class DateMention:
    """A date, a time or both, as a reply states them, and what they resolve to.

    *start* and *end* locate *text* in the text read. *day* is the date it
    resolves to, ``None`` for a bare time or an ambiguous date, whose
    possible days are *readings*. *time* and *until* are the stated time and
    the end of a stated range; *zone* is the zone they are read in (one the
    text names, else the sender's). *how* says in words how a relative or
    vague expression was read, when it was.
    """

    start: int = attrs.field(validator=_fields.int_from(0, _fields.COUNT_MAX))
    end: int = attrs.field(validator=_fields.int_from(0, _fields.COUNT_MAX))
    text: str = attrs.field(validator=_fields.instance_of(str))
    day: pendulum.Date | None = attrs.field(
        default=None, validator=_fields.instance_of(dt.date, optional=True)
    )
    time: dt.time | None = attrs.field(
        default=None, validator=_fields.instance_of(dt.time, optional=True)
    )
    until: dt.time | None = attrs.field(
        default=None, validator=_fields.instance_of(dt.time, optional=True)
    )
    zone: str = attrs.field(validator=_zone)
    readings: tuple[pendulum.Date, ...] = attrs.field(
        default=(), validator=_fields.tuple_of(dt.date)
    )
    how: str | None = attrs.field(
        default=None, validator=_fields.instance_of(str, optional=True)
    )

    @property
    def ambiguous(self) -> bool:
        """Whether the text states a date that has more than one reading."""
        return len(self.readings) > 1

    def value(self) -> pendulum.Date | pendulum.DateTime | None:
        """The mention as a date, or an instant in *zone* when a time is stated."""
        if self.day is None:
            return None
        if self.time is None:
            return self.day
        return pendulum.datetime(
            self.day.year,
            self.day.month,
            self.day.day,
            self.time.hour,
            self.time.minute,
            tz=self.zone,
        )


def order_of(locale: str | None) -> Order:
    """Return how *locale* writes numeric dates: day-first, month-first or ``""``.

    A tag without a territory does not say ("en" is written both ways), nor
    does one whose short date starts with the year (``en_CA``, ``fr_CA``).
    """
    if locale is None or "_" not in locale:
        return ""
    return _order(locale)


@functools.lru_cache(maxsize=64)
def _order(locale: str) -> Order:
    import babel  # noqa: PLC0415 - Babel loads when a reply is read

    try:
        pattern = babel.Locale.parse(locale).date_formats["short"].pattern
    except (ValueError, babel.UnknownLocaleError):
        return ""
    fields = [c for c in pattern if c in "dMy"]
    first = fields[0] if fields else "y"
    return {"d": "dmy", "M": "mdy"}.get(first, "")


def _fold(text: str) -> str:
    """*text* without accents, case-folded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@attrs.frozen(eq=False)
class _Grammar:
    """One language's date expressions, compiled."""

    months: dict[str, int]
    weekdays: dict[str, int]
    absolute: re.Pattern[str]
    times: re.Pattern[str]
    noon: re.Pattern[str]
    #: The afternoon words ("pm", "de la tarde"), whole.
    pm: re.Pattern[str]
    relative: tuple[
        tuple[str, re.Pattern[str], frozenset[Key] | None, frozenset[str] | None], ...
    ]
    numbers: dict[str, int]
    zones: tuple[tuple[re.Pattern[str], str], ...]
    join: re.Pattern[str]
    until: re.Pattern[str]
    hour_word: re.Pattern[str]


def _names(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """The month (1-12) and weekday (0 is Monday) names of *language*, in
    every region CLDR knows it in (Austria's "Jänner" too)."""
    import babel  # noqa: PLC0415 - Babel loads when a reply is read
    from babel import localedata  # noqa: PLC0415

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    regions = sorted(
        tag
        for tag in localedata.locale_identifiers()
        if tag.startswith(f"{language}_")
        and re.fullmatch(r"[A-Z]{2}|\d{3}", tag[len(language) + 1 :])
    )
    for tag in (language, *regions):
        locale = babel.Locale.parse(tag)
        for table, found in ((locale.months, months), (locale.days, weekdays)):
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for number, name in table[context][width].items():
                        for variant in _variants(name):
                            found.setdefault(variant, number)
    if language == "en":
        months.setdefault("sept", 9)
        for name, number in (("tues", 1), ("thur", 3), ("thurs", 3)):
            weekdays.setdefault(name, number)
    return months, weekdays


def _variants(name: str) -> Iterator[str]:
    name = name.casefold().rstrip(".")
    yield name
    yield _fold(name)
    if "-" in name:  # "segunda-feira" is also "segunda"
        head = name.split("-")[0]
        yield head
        yield _fold(head)


@functools.lru_cache(maxsize=16)
def grammar(patterns: Patterns) -> _Grammar:
    """Compile *patterns*' date words with CLDR's names, once per language."""
    words = patterns.dates
    months, weekdays = _names(patterns.language)
    month = f"(?:{_alternation(months)})"
    weekday = f"(?:{_alternation(weekdays)})"
    suffix = "|".join(["st", "nd", "rd", "th", "º", "°", *words["day_suffix"]])

    def lead(name: str) -> str:
        return rf"(?:(?P<{name}>{weekday})\.?,?\s+(?:(?:{_ARTICLES})\s+)?)?"

    absolute = re.compile(
        "|".join(
            (
                # 2026-12-15
                r"(?P<iso>(?<![\d.,/])(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?!\d))",
                # Tuesday 15 December 2026, 15th of December, 15. Dezember
                rf"(?P<dm>{lead('wd1')}(?P<dd>[0-3]?\d)(?:{suffix})?\.?\s*(?:(?:of|de|del)\s+)?"
                rf"(?P<dmm>{month})\.?(?:,?\s*(?:de\s+)?(?P<dy>\d{{4}}))?(?!\w))",
                # Tuesday, December 15th, 2026
                rf"(?P<md>{lead('wd2')}(?P<mdm>{month})\.?\s+(?P<mdd>[0-3]?\d)(?:{suffix})?"
                rf"(?!\d|:|\s*(?:h|uhr)\b)(?:,?\s*(?P<mdy>\d{{4}}))?(?!\w))",
                # 15/12, 15.12., 15/12/2026, 12/15/26
                rf"(?P<num>{lead('wd3')}(?<![\d.,/])(?P<na>\d{{1,2}})[/.](?P<nb>\d{{1,2}})"
                r"(?:[/.](?P<ny>\d{4}|\d{2})(?![\d/]))?(?![\d/]|[.,]\d)\.?)",
                # 10-12-2026: with hyphens only when the year is written
                rf"(?P<numh>{lead('wd4')}(?<![\d.,/-])(?P<ha>\d{{1,2}})-(?P<hb>\d{{1,2}})"
                r"-(?P<hy>\d{4})(?![\d-]))",
                # Tuesday the 15th
                rf"(?P<wdn>(?P<wwd>{weekday})\.?,?\s+(?:{_ARTICLES})\s+"
                rf"(?P<wdd>[0-3]?\d)(?:{suffix})?(?!\d|\s*(?:h|uhr|:)))",
                # the 15th, el día 15, no dia 15, am 15.: a day of this month
                # or the next
                r"(?P<dom>(?<!\w)(?:the\s+(?P<dd1>[0-3]?\d)(?:st|nd|rd|th)(?!\w)"
                r"|d[ií]a\s+(?P<dd2>[0-3]?\d)(?![\d:./h]|,\d)"
                rf"(?!\.?\s*(?:(?:de|del)\s+)?{month})"
                r"|am\s+(?P<dd3>[0-3]?\d)\.(?![\d\w])"
                rf"(?!\s*{month})))",
            )
        ),
        re.IGNORECASE,
    )
    am = "|".join([r"a\.?m\.?", *words["am"]])
    pm = "|".join([r"p\.?m\.?", *words["pm"]])
    hour_word = "|".join(words["hour_word"]) or "(?!)"
    at = "|".join(words["at"]) or "(?!)"
    noon = "|".join(words["noon"]) or "(?!)"
    times = re.compile(
        "|".join(
            (
                r"(?P<noon>(?!))",  # noon is looked for on its own
                # 14:30, 2:30 p.m., 14.30 Uhr
                rf"(?P<hm>(?<![\d.,/:])(?P<h1>[012]?\d):(?P<m1>[0-5]\d)(?!\d)"
                rf"\s*(?:(?P<ap1>{am}|{pm})(?!\w)|(?:{hour_word})(?!\w))?)",
                rf"(?P<dot>(?<![\d.,/:])(?P<h2>[012]?\d)\.(?P<m2>[0-5]\d)\s*"
                rf"(?:(?P<ap2>{am}|{pm})(?!\w)|(?:{hour_word})(?!\w)))",
                # 14h30, 14 h, 14 Uhr
                rf"(?P<hw>(?<![\d.,/:])(?P<h3>[012]?\d)\s?(?:{hour_word})"
                rf"(?:\s?(?P<m3>[0-5]\d))?(?![\w\d]))",
                # 2-3pm, 10:30 to 11:30 a.m.: the end's am or pm is the start's
                rf"(?P<range>(?<![\d.,/:])(?P<rh1>[012]?\d)(?::(?P<rm1>[0-5]\d))?"
                rf"\s*(?:-|–|to|bis|à|a|até|hasta)\s*(?P<rh2>[012]?\d)(?::(?P<rm2>[0-5]\d))?"
                rf"\s*(?:(?P<rap>{am}|{pm})|(?:{hour_word}))(?!\w))",
                # 2pm, 10 a.m.
                rf"(?P<ap>(?<![\d.,/:])(?P<h4>1[0-2]|0?\d)\s*(?P<ap4>{am}|{pm})(?!\w))",
                # at 10
                rf"(?P<at>(?<!\w)(?:{at})\s+(?P<h5>[012]?\d)"
                rf"(?![\d:,/h]|\.\d|\s*(?:{hour_word}|{am}|{pm}|{noon}))(?!\w))",
            )
        ),
        re.IGNORECASE,
    )
    number = "|".join(
        [
            r"\d{1,3}",
            *(re.escape(n) for n in sorted(patterns.numbers, key=len, reverse=True)),
        ]
    )
    relative = []
    for meaning in DATE_MEANINGS:
        for source in words[meaning]:
            pattern = (
                source.replace("{weekday}", f"(?P<rwd>{weekday})")
                .replace("{n}", f"(?P<n>{number})")
                .replace("{month}", f"(?P<rmo>{month})")
            )
            relative.append(
                (
                    meaning,
                    re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I),
                    # The pattern starts at a word, as \b says; a number in
                    # digits starts where a word of digits does.
                    (keys := _keys(pattern, number)),
                    first_words(keys),
                )
            )
    # Written in capitals only: "et" is French for "and".
    zone_words = (
        r"(?:\s*\(?\s*(?P<z>"
        + "|".join(a.upper() for a in sorted(_ABBREVIATIONS, key=len, reverse=True))
        + r")\b\)?)"
    )
    return _Grammar(
        months={_fold(k): v for k, v in months.items()} | months,
        weekdays={_fold(k): v for k, v in weekdays.items()} | weekdays,
        absolute=absolute,
        times=times,
        noon=re.compile(rf"(?P<noon>(?<!\w)(?:{noon})(?!\w))", re.IGNORECASE),
        pm=re.compile(pm, re.IGNORECASE),
        relative=tuple(relative),
        numbers=dict(patterns.numbers),
        zones=patterns.zones,
        join=re.compile(rf"^\s*(?:(?:{_JOINS}|{at})\s*)*$", re.I),
        until=re.compile(rf"^\s*(?:{_UNTIL})\s*", re.I),
        hour_word=re.compile(zone_words),
    )


def _keys(pattern: str, number: str) -> frozenset[Key] | None:
    """Where a relative pattern may match: its first words, and, when it may
    start with a number in digits, every word of digits."""
    found = keys_of(rf"\b(?:{pattern})")
    if found is not None or not pattern.startswith("(?P<n>"):
        return found
    if "|" not in number:  # no number words: digits only
        return frozenset({("d", "")})
    words = keys_of(rf"\b(?:{pattern.replace(number, number.split('|', 1)[1], 1)})")
    return None if words is None else words | {("d", "")}


# A found piece before the pieces are joined: (start, end, day or readings,
# time, how).
@attrs.define
class _Piece:
    start: int
    end: int
    day: pendulum.Date | None = None
    readings: tuple[pendulum.Date, ...] = ()
    time: dt.time | None = None
    until: dt.time | None = None
    zone: str | None = None
    how: str | None = None
    weekday: int | None = None
    #: The weekday a bare weekday name ("Friday") stands for.
    named: int | None = None

    @property
    def dated(self) -> bool:
        return self.day is not None or bool(self.readings)


def find_dates(
    text: str,
    patterns: Patterns,
    *,
    received: pendulum.DateTime,
    zone: str,
    order: Order,
    calendar: Callable[[], BusinessCalendar],
    seen: Seen | None = None,
) -> tuple[DateMention, ...]:
    """Find every date and time in *text* and resolve each against *received*.

    *received* is read in *zone*, the sender's; *order* says how numeric
    dates are written; *calendar* gives the sender's business calendar when
    working days must be counted (it is called only then).
    """
    g = grammar(patterns)
    today = received.in_timezone(zone).date()
    if seen is None:
        seen = Seen(text)
    pieces = [
        *_absolute(g, text, today, order),
        *_relative(g, text, seen, received.in_timezone(zone), calendar),
    ]
    pieces = _with_their_weekdays(text, _without_overlaps(pieces))
    pieces = [p for p in pieces if not _WEEK_OF.search(text, 0, p.start)]
    taken = [(p.start, p.end) for p in pieces]
    times = [t for t in _times(g, text) if not _overlaps(t, taken)]
    joined = _join(g, text, sorted(pieces + times, key=lambda p: p.start))
    mentions = []
    for piece in joined:
        day, readings, how = piece.day, piece.readings, piece.how
        if (
            day is not None
            and piece.weekday is not None
            and day.weekday() != piece.weekday
        ):
            # "Tuesday 16 December" when the 16th is a Wednesday: say so, guess neither.
            readings = (day, _next_weekday(today, piece.weekday))
            how = "its weekday and its date disagree"
            day = None
        mentions.append(
            DateMention(
                start=piece.start,
                end=piece.end,
                text=text[piece.start : piece.end],
                day=day,
                time=piece.time,
                until=piece.until,
                zone=piece.zone or zone,
                readings=readings,
                how=how,
            )
        )
    return tuple(mentions)


#: "The week of 30 November" is a week, not a day: its date is not read.
_WEEK_OF = re.compile(
    r"(?:\bweek (?:of|beginning|commencing)|\bsemaine du|\bWoche vom"
    r"|\bsemana (?:del?|que (?:comienza|começa)))\s*(?:the\s+|le\s+|el\s+|o\s+)?$",
    re.IGNORECASE,
)
#: What may stand between a date and the weekday it falls on: "4 December,
#: Friday", "10/12 (Thursday)", "Thursday (10/12)".
_BESIDE = re.compile(r"^[\s,]*\(?\s*$|^\s*\)?[\s,]*$")


def _with_their_weekdays(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Join a bare weekday name to the date it stands beside, as the date's
    own weekday (checked against it), instead of reading it as a day of
    its own."""
    joined: list[_Piece] = []
    for piece in pieces:
        last = joined[-1] if joined else None
        if last is not None:
            gap = text[last.end : piece.start]
            pair = (last, piece) if piece.named is not None else (piece, last)
            date, name = pair
            if (
                name.named is not None
                and date.named is None
                and date.dated
                and date.weekday is None
                and _BESIDE.match(gap)
            ):
                date.weekday = name.named
                date.start, date.end = last.start, max(piece.end, last.end)
                if (
                    date.end < len(text)
                    and text[date.end] == ")"
                    and "(" in gap + text[last.start : date.end]
                ):
                    date.end += 1
                joined[-1] = date
                continue
        joined.append(piece)
    return joined


def _overlaps(piece: _Piece, taken: list[tuple[int, int]]) -> bool:
    return any(piece.start < end and start < piece.end for start, end in taken)


def _without_overlaps(pieces: list[_Piece]) -> list[_Piece]:
    """Keep the longest of overlapping pieces, then the first."""
    kept: list[_Piece] = []
    for piece in sorted(pieces, key=lambda p: (p.start - p.end, p.start)):
        if not _overlaps(piece, [(k.start, k.end) for k in kept]):
            kept.append(piece)
    return sorted(kept, key=lambda p: p.start)


def _year_for(today: pendulum.Date, month: int, day: int) -> pendulum.Date | None:
    """The date *day*/*month* nearest *today*: this year's when it is at most
    about two months past, else its next one."""
    for year in (today.year, today.year + 1):
        try:
            found = pendulum.date(year, month, day)
        except ValueError:
            if year > today.year:
                return None
            continue
        if found >= today.subtract(days=62):
            return found
    return None


def _dated(
    today: pendulum.Date, year: str | None, month: int, day: int
) -> pendulum.Date | None:
    if year is None:
        return _year_for(today, month, day)
    number = int(year)
    if number < 100:
        number += 2000
    try:
        return pendulum.date(number, month, day)
    except ValueError:
        return None


def _absolute(
    g: _Grammar, text: str, today: pendulum.Date, order: Order
) -> Iterator[_Piece]:
    for match in _near_digits(g.absolute, text):
        piece = _absolute_piece(g, text, match, today, order)
        if piece is not None and piece.dated:
            yield piece


def _written(
    g: _Grammar, today: pendulum.Date, year: str | None, month: str, day: str
) -> pendulum.Date | None:
    """A date written with its month's name."""
    number = g.months.get(_fold(month.rstrip(".")))
    return None if number is None else _dated(today, year, number, int(day))


def _absolute_piece(
    g: _Grammar,
    text: str,
    match: re.Match[str],
    today: pendulum.Date,
    order: Order,
) -> _Piece | None:
    """The date one match of the absolute forms writes."""
    groups = match.groupdict()
    weekday = (
        groups["wd1"]
        or groups["wd2"]
        or groups["wd3"]
        or groups["wd4"]
        or groups["wwd"]
    )
    piece = _Piece(match.start(), match.end())
    if weekday:
        piece.weekday = g.weekdays.get(_fold(weekday.rstrip(".")))
    if groups["iso"]:
        piece.day = _dated(today, groups["iy"], int(groups["im"]), int(groups["id"]))
    elif groups["dm"]:
        piece.day = _written(g, today, groups["dy"], groups["dmm"], groups["dd"])
    elif groups["md"]:
        piece.day = _written(g, today, groups["mdy"], groups["mdm"], groups["mdd"])
    elif groups["num"]:
        if groups["ny"] is None and not weekday and _looks_like_a_fraction(text, match):
            return None
        _numeric(piece, groups, today, order)
    elif groups["numh"]:
        hyphens = {"na": groups["ha"], "nb": groups["hb"], "ny": groups["hy"]}
        _numeric(piece, hyphens, today, order)
    elif groups["dom"]:
        number = int(groups["dd1"] or groups["dd2"] or groups["dd3"])
        piece.day = _day_of_month(today, number, None)
    else:
        piece.weekday = None
        wanted = g.weekdays.get(_fold(groups["wwd"].rstrip(".")))
        piece.day = _day_of_month(today, int(groups["wdd"]), wanted)
    return piece


def _numeric(
    piece: _Piece, groups: dict[str, str | None], today: pendulum.Date, order: Order
) -> None:
    """Resolve a numeric date in *piece* as *order* says, or keep both readings."""
    first, second = int(groups["na"] or 0), int(groups["nb"] or 0)
    year = groups["ny"]
    dmy = _dated(today, year, second, first)
    mdy = _dated(today, year, first, second)
    if order == "dmy" or (dmy and not mdy):
        piece.day = dmy
    elif order == "mdy" or (mdy and not dmy):
        piece.day = mdy
    elif dmy == mdy:
        piece.day = dmy
    elif dmy and mdy:
        piece.readings = (dmy, mdy)
        piece.how = "day-first and month-first give different dates"
    if piece.readings and piece.weekday is not None:
        fitting = [d for d in piece.readings if d.weekday() == piece.weekday]
        if len(fitting) == 1:  # the weekday settles it
            piece.day, piece.readings, piece.how = fitting[0], (), None


_DIGITS = re.compile(r"\d+")
#: How far from a digit a written date may start or end ("Wednesday,
#: 30 December": the weekday and the month stand around the day).
_REACH = 28
#: How far from a digit a time may start or end ("at 10 a.m.", "14 Uhr").
_TIME_REACH = 12


def _near_digits(
    pattern: re.Pattern[str], text: str, reach: int = _REACH
) -> Iterator[re.Match[str]]:
    """Search *text* for *pattern* only around its digits, where every date
    and time this module reads, but noon, has at least one."""
    start = end = -1
    for digits in _DIGITS.finditer(text):
        low, high = max(0, digits.start() - reach), digits.end() + reach
        if low > end:
            if end > start:
                yield from pattern.finditer(text, start, end)
            start = low
        end = high
    if end > start:
        yield from pattern.finditer(text, start, end)


def _looks_like_a_fraction(text: str, match: re.Match[str]) -> bool:
    """Tell "1/2" or "3.5" in a sentence about amounts from a date: a number
    glued to a currency or a per-cent sign is no date."""
    after = text[match.end() : match.end() + 2]
    before = text[max(0, match.start() - 1) : match.start()]
    return after[:1] in {"%", "€", "$", "£"} or before in {"$", "£", "€"}


def _day_of_month(
    today: pendulum.Date, number: int, weekday: int | None
) -> pendulum.Date | None:
    """The next day-of-month *number*, on or after *today*, that falls on *weekday*."""
    month = today.replace(day=1)
    for _ in range(12):
        try:
            found = month.replace(day=number)
        except ValueError:
            found = None
        if (
            found is not None
            and found >= today
            and (weekday is None or found.weekday() == weekday)
        ):
            return found
        month = month.add(months=1)
    return None


def _next_weekday(today: pendulum.Date, weekday: int) -> pendulum.Date:
    """The first day after *today* that is a *weekday* (0 is Monday)."""
    return today.add(days=(weekday - today.weekday() - 1) % 7 + 1)


def _number(g: _Grammar, word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return g.numbers.get(word.casefold())


def _relative(
    g: _Grammar,
    text: str,
    seen: Seen,
    moment: pendulum.DateTime,
    calendar: Callable[[], BusinessCalendar],
) -> Iterator[_Piece]:
    today = moment.date()
    words = seen.words
    for meaning, pattern, keys, first in g.relative:
        if first is not None and first.isdisjoint(words):
            continue
        for start, _ in seen.matches(pattern, keys):
            match = pattern.match(text, start)
            if match is None:
                continue
            groups = match.groupdict()
            weekday, n, month = groups.get("rwd"), groups.get("n"), groups.get("rmo")
            wanted = g.weekdays.get(_fold(weekday.rstrip("."))) if weekday else None
            count = _number(g, n) if n else None
            if meaning == "in_hours":
                if count is None or count > 24 * 366:
                    continue
                day: pendulum.Date | None = moment.add(hours=count).date()
            elif month is not None:
                number = g.months.get(_fold(month.rstrip(".")))
                day = (
                    None
                    if number is None
                    else _in_month(meaning, today, number, calendar)
                )
            else:
                day = _resolve(
                    meaning, today, weekday=wanted, count=count, calendar=calendar
                )
            if day is None:
                continue
            yield _Piece(
                match.start(),
                match.end(),
                day=day,
                how=_HOW.get(meaning, "").format(n=count),
                named=wanted if meaning == "this_weekday" else None,
            )


#: How a relative or vague expression was read, in words.
_HOW = {
    "end_of_week": "the end of the week: its last working day",
    "next_week": "next week: its last working day",
    "early_next_week": "early next week: its Wednesday",
    "end_of_next_week": "the end of next week: its last working day",
    "end_of_month": "the end of the month: its last working day",
    "in_days": "{n} days after the reply",
    "in_working_days": "{n} working days after the reply",
    "in_weeks": "{n} weeks after the reply",
    "in_hours": "{n} hours after the reply",
    "end_of_named_month": "the end of the month named: its last working day",
    "mid_named_month": "the middle of the month named: its 15th",
}


def _in_month(
    meaning: str,
    today: pendulum.Date,
    month: int,
    calendar: Callable[[], BusinessCalendar],
) -> pendulum.Date | None:
    """The day "the end of December" or "mid-December" names: in this year's
    month when it is not over, else next year's."""
    year = today.year if month >= today.month else today.year + 1
    first = pendulum.date(year, month, 1)
    if meaning == "mid_named_month":
        middle = first.replace(day=15)
        return middle if middle >= today else None
    return _last_working_day(max(today, first), first.end_of("month"), calendar())


def _last_working_day(
    first: pendulum.Date, last: pendulum.Date, calendar: BusinessCalendar
) -> pendulum.Date | None:
    day = last
    while day >= first:
        if calendar.is_business_day(day):
            return day
        day = day.subtract(days=1)
    return None


def _week_end(
    monday: pendulum.Date, today: pendulum.Date, calendar: BusinessCalendar
) -> pendulum.Date | None:
    """The last working day of the week of *monday*, not before *today*."""
    return _last_working_day(max(today, monday), monday.add(days=6), calendar)


def _month_end(
    today: pendulum.Date, calendar: BusinessCalendar
) -> pendulum.Date | None:
    """The last working day of this month not before *today*, else of the next."""
    found = _last_working_day(today, today.end_of("month"), calendar)
    if found is None:
        following = today.add(months=1)
        found = _last_working_day(
            following.start_of("month"), following.end_of("month"), calendar
        )
    return found


def _resolve(
    meaning: str,
    today: pendulum.Date,
    *,
    weekday: int | None,
    count: int | None,
    calendar: Callable[[], BusinessCalendar],
) -> pendulum.Date | None:
    """The day a relative expression of *meaning* names, said on *today*."""
    monday = today.subtract(days=today.weekday())
    next_monday = monday.add(days=7)
    fixed = {"today": 0, "tomorrow": 1, "day_after_tomorrow": 2}
    if meaning in fixed:
        return today.add(days=fixed[meaning])
    if meaning in {"this_weekday", "next_weekday"}:
        if weekday is None:
            return None
        if meaning == "this_weekday":
            return _next_weekday(today, weekday)
        return next_monday.add(days=weekday)
    if meaning == "end_of_week":
        return _week_end(monday, today, calendar()) or _week_end(
            next_monday, today, calendar()
        )
    if meaning in {"next_week", "end_of_next_week"}:
        return _week_end(next_monday, today, calendar())
    if meaning == "early_next_week":
        return next_monday.add(days=2)
    if meaning == "end_of_month":
        return _month_end(today, calendar())
    if count is None or count > 366:
        return None
    if meaning == "in_working_days":
        return calendar().add_business_days(today, count)
    return today.add(days=count * {"in_days": 1, "in_weeks": 7}[meaning])


def _times(g: _Grammar, text: str) -> Iterator[_Piece]:
    found = list(_near_digits(g.times, text, _TIME_REACH))
    taken = [m.span() for m in found]
    found.extend(
        m
        for m in g.noon.finditer(text)
        if not any(m.start() < end and start < m.end() for start, end in taken)
    )
    for match in sorted(found, key=lambda m: m.start()):
        groups = match.groupdict()
        if groups.get("range"):
            piece = _range(g, match)
            if piece is not None:
                yield piece
            continue
        time = _time_of(g, groups)
        if time is None:
            continue
        piece = _Piece(match.start(), match.end(), time=time)
        if groups.get("at") and 1 <= time.hour <= 7:
            piece.time = time.replace(hour=time.hour + 12)
            piece.how = (
                f"'{match.group()}' read as {piece.time:%H:%M}, in working hours"
            )
        yield piece


def _range(g: _Grammar, match: re.Match[str]) -> _Piece | None:
    """A range whose am or pm is written once, at its end ("2-3pm")."""
    end = _clock(int(match["rh2"]), int(match["rm2"] or 0), match["rap"], g)
    if end is None:
        return None
    start = _clock(int(match["rh1"]), int(match["rm1"] or 0), match["rap"], g)
    if match["rap"] and (start is None or start > end):
        # "11-1pm": the start is in the morning
        start = _clock(int(match["rh1"]), int(match["rm1"] or 0), "am", g)
    if start is None or start >= end:
        return None
    return _Piece(match.start(), match.end(), time=start, until=end)


def _clock(hour: int, minute: int, half: str | None, g: _Grammar) -> dt.time | None:
    """The time *hour*:*minute*, in the afternoon when *half* is a pm word."""
    if half:
        if not 1 <= hour <= 12:
            return None
        afternoon = g.pm.fullmatch(half.strip()) is not None
        if afternoon and hour != 12:
            hour += 12
        elif not afternoon and hour == 12:
            hour = 0
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def _time_of(g: _Grammar, groups: dict[str, str | None]) -> dt.time | None:
    if groups.get("noon"):
        return dt.time(12, 0)
    for hour_key, minute_key, half_key in (
        ("h1", "m1", "ap1"),
        ("h2", "m2", "ap2"),
        ("h3", "m3", None),
        ("h4", None, "ap4"),
        ("h5", None, None),
    ):
        hour_text = groups.get(hour_key)
        if hour_text is None:
            continue
        minute = int(groups.get(minute_key) or 0) if minute_key else 0
        half = groups.get(half_key) if half_key else None
        return _clock(int(hour_text), minute, half, g)
    return None


def _join(g: _Grammar, text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Join a date and a time written together, a time and its range's end,
    and a named zone after a time."""
    joined: list[_Piece] = []
    for piece in pieces:
        if joined:
            last = joined[-1]
            gap = text[last.end : piece.start]
            if (
                piece.time is not None
                and not piece.dated
                and last.time is not None
                and last.until is None
                and g.until.match(gap)
                and len(gap) <= 6
            ):
                last.until = piece.time
                last.end = piece.end
                continue
            if (
                g.join.match(gap)
                and len(gap) <= 12
                and (
                    (last.dated and not last.time and piece.time and not piece.dated)
                    or (last.time and not last.dated and piece.dated and not piece.time)
                )
            ):
                last.day = last.day or piece.day
                last.readings = last.readings or piece.readings
                last.weekday = (
                    last.weekday if last.weekday is not None else piece.weekday
                )
                last.time = last.time or piece.time
                last.until = last.until or piece.until
                last.how = last.how or piece.how
                last.end = piece.end
                continue
        joined.append(piece)
    for piece in joined:
        if piece.time is None:
            continue
        after = text[piece.end : piece.end + 40]
        named = g.hour_word.match(after)
        if named:
            piece.zone = _ABBREVIATIONS[named["z"].casefold()]
            piece.end += named.end()
            continue
        for pattern, zone in g.zones:
            found = pattern.match(after.lstrip(" ,(").lstrip())
            if found and len(after) - len(after.lstrip(" ,(").lstrip()) <= 4:
                piece.zone = zone
                piece.end += (
                    len(after) - len(after.lstrip(" ,(").lstrip()) + found.end()
                )
                break
    return joined
