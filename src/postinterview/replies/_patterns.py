"""The phrase patterns a reply is read with: one data file per language.

Each shipped language has ``patterns/<language>.toml``; docs/replies.md
documents the format. :func:`add_patterns` lets a host tool add its own
patterns to a language, or a language of its own, without a fork; every
table it gives is checked as a shipped file is, and the error names where
the bad pattern came from.
"""

from __future__ import annotations

import bisect
import importlib.resources
import re
import threading
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from postinterview.errors import ValidationError
from postinterview.replies._kinds import RANKED, ReplyKind

__all__ = [
    "KindRules",
    "Patterns",
    "Rule",
    "Seen",
    "add_patterns",
    "pattern_languages",
    "patterns",
    "remove_patterns",
]


def _shipped_languages() -> tuple[str, ...]:
    """The languages a pattern file ships for: the files in ``patterns/``."""
    folder = importlib.resources.files("postinterview").joinpath("replies", "patterns")
    return tuple(
        sorted(
            entry.name.removesuffix(".toml")
            for entry in folder.iterdir()
            if entry.name.endswith(".toml")
        )
    )


#: The languages a pattern file ships for.
SHIPPED: tuple[str, ...] = _shipped_languages()
#: The keys of a kind's table.
_ROLES = ("say", "hint", "unless", "when")
#: The keys of the [dates] table that hold lists of patterns of a meaning.
DATE_MEANINGS = (
    "today",
    "tomorrow",
    "day_after_tomorrow",
    "this_weekday",
    "next_weekday",
    "end_of_week",
    "next_week",
    "early_next_week",
    "end_of_next_week",
    "end_of_month",
    "in_days",
    "in_working_days",
    "in_weeks",
    "in_hours",
    "end_of_named_month",
    "mid_named_month",
)
_DATE_WORDS = ("day_suffix", "at", "hour_word", "am", "pm", "noon", "by")
_MONEY_WORDS = ("year", "month", "hour", "thousand")
_LOCK = threading.Lock()


@attrs.frozen(eq=False)
class Rule:
    """Patterns of one role: which of them matched, and where.

    *sources* are the patterns as written. Each is compiled on its own with
    the literal words any match of it must start with, when it has them: a
    pattern whose words are nowhere in a text is not run on it, which keeps
    reading fast however many patterns a language has.
    """

    sources: tuple[str, ...]
    _compiled: tuple[
        tuple[re.Pattern[str], frozenset[Key] | None, frozenset[str] | None], ...
    ] = attrs.field(alias="compiled")

    def finditer(
        self, text: str, seen: Seen | None = None
    ) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, pattern)`` for each match in *text*, pattern
        by pattern.

        *seen* is the :class:`Seen` of *text*, when the caller has it. A
        pattern whose start is known is tried only where that start occurs.
        """
        if not self.sources:
            return
        if seen is None:
            seen = Seen(text)
        words = seen.words
        for source, (regex, keys, first) in zip(
            self.sources, self._compiled, strict=True
        ):
            if first is not None and first.isdisjoint(words):
                continue  # none of the words it starts with is in the text
            for start, end in seen.matches(regex, keys):
                yield start, end, source

    def search(self, text: str) -> bool:
        """Tell whether any of the patterns matches in *text*."""
        return next(self.finditer(text), None) is not None


#: What a pattern's match must start with: ``("w", word)``, a whole word;
#: ``("b", "word word")``, two whole words; ``("p", start)``, the start of a
#: word; ``("s", text)``, any text; ``("d", "")``, a word of digits.
Key = tuple[str, str]
_WORDS = re.compile(r"\w+")
# Two whole words at the start of a head: a word, one space, a word, and
# something after it.
_PAIR = re.compile(r"\w+ \w+(?=\W)")


class _Every(frozenset[str]):
    """A set that holds every word: no word filter applies."""

    def isdisjoint(self, other: object) -> bool:
        return False


_EVERY = _Every()


class Seen:
    """Where each word of a text is, so that a pattern is tried only where
    its first words occur instead of at every character."""

    __slots__ = ("_at", "_found", "_lowered", "_sorted", "_text", "words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lowered = lowered = text.lower()
        at: dict[str, list[int]] = {}
        if len(lowered) == len(text):  # else positions would not line up
            for word in _WORDS.finditer(lowered):
                at.setdefault(word.group(), []).append(word.start())
        self._at = at
        self._found: dict[Key, list[int] | None] = {}
        self._sorted: list[str] | None = None
        #: The text's words, lower case; every word when positions are not known.
        self.words: frozenset[str] = frozenset(at) if at or not text else _EVERY

    def _starts(self, key: Key) -> list[int] | None:
        """Where a match may start, by *key*; ``None`` when not known."""
        try:
            return self._found[key]
        except KeyError:
            found = self._found[key] = self._look(key)
            return found

    def _look(self, key: Key) -> list[int] | None:
        how, value = key
        if not self._at and self._text:
            return None
        if how == "w":
            return self._at.get(value, [])
        if how == "d":  # every word of digits
            return [i for word, at in self._at.items() if word.isdigit() for i in at]
        if how == "b":
            first, second = value.split(" ", 1)
            lowered = self._lowered
            return [
                i
                for i in self._at.get(first, [])
                if lowered.startswith(second, i + len(first) + 1)
            ]
        if how == "p":
            if self._sorted is None:
                self._sorted = sorted(self._at)
            words, found = self._sorted, []
            index = bisect.bisect_left(words, value)
            while index < len(words) and words[index].startswith(value):
                found.extend(self._at[words[index]])
                index += 1
            return found
        found, index = [], self._lowered.find(value)
        while index >= 0:
            found.append(index)
            index = self._lowered.find(value, index + 1)
        return found

    def matches(
        self, regex: re.Pattern[str], keys: frozenset[Key] | None
    ) -> Iterator[tuple[int, int]]:
        """Yield the spans of *regex*'s matches that do not overlap, leftmost first."""
        starts: set[int] = set()
        at = self._at
        if keys is not None and not at and self._text:
            keys = None  # positions are not known: search the whole text
        for key in keys or ():
            if key[0] == "w":  # the usual case, without a call
                places = at.get(key[1])
                if places:
                    starts.update(places)
                continue
            where = self._starts(key)
            if where:
                starts.update(where)
        if keys is None:
            for hit in regex.finditer(self._text):
                if hit.end() > hit.start():
                    yield hit.span()
            return
        end = -1
        for start in sorted(starts):
            if start < end:
                continue
            match = regex.match(self._text, start)
            if match is not None and match.end() > start:
                end = match.end()
                yield start, end


def first_words(keys: frozenset[Key] | None) -> frozenset[str] | None:
    """The whole words *keys* start with, when every key starts with one."""
    if keys is None or any(how not in {"w", "b"} for how, _ in keys):
        return None
    return frozenset(value.split(" ", 1)[0] for _, value in keys)


def keys_of(pattern: str) -> frozenset[Key] | None:
    """What any match of *pattern* must start with, as keys; ``None`` when
    that cannot be told."""
    parser: Any = importlib.import_module("re._parser")
    try:
        parsed = list(parser.parse(pattern, re.IGNORECASE))
    except re.error:
        return None
    # Long starts when a pattern has few; else its first words, when it has
    # up to a few hundred ways to start.
    found = _heads(parsed, parser) or _heads(parsed, parser, _FIRST_WORD, _MOST_WORDS)
    if not found or "" in found:
        return None
    bounded = bool(parsed) and parsed[0] == (parser.AT, parser.AT_BOUNDARY)
    keys = set()
    for head in {h.lower() for h in found}:
        word = _WORDS.match(head)
        if not bounded or word is None:
            keys.add(("s", head))
            continue
        pair = _PAIR.match(head)
        if pair is not None:
            keys.add(("b", pair.group().rstrip()))
        elif word.end() < len(head):
            keys.add(("w", word.group()))
        else:
            keys.add(("p", head))
    return frozenset(keys)


#: How many different starts a pattern's filter keeps, and how long each.
_MOST_HEADS, _HEAD_LENGTH = 24, 12
#: The second try: starts as long as a short word, up to this many.
_FIRST_WORD, _MOST_WORDS = 5, 400


def _heads(
    items: list[Any], parser: Any, room: int = _HEAD_LENGTH, most: int = _MOST_HEADS
) -> set[str] | None:
    """The literal starts of the parsed *items*, each at most *room* long;
    ``None`` when unknown or too many, and ``{""}`` when they may match
    nothing. A start stops growing at *room*, and a set of starts grows no
    larger than ``_MOST_HEADS``, so a pattern of many alternations in a row
    costs no more than one of a few."""
    if room <= 0:
        return {""}
    index = 0
    while index < len(items) and items[index][0] is parser.AT:
        index += 1
    if index == len(items):
        return {""}
    op, value = items[index]
    if op is parser.LITERAL:
        run = ""
        while index < len(items) and items[index][0] is parser.LITERAL:
            run += chr(items[index][1])
            index += 1
        if len(run) >= room:
            return {run[:room]}
        after = _heads(items[index:], parser, room - len(run), most)
        if after is None:
            return {run}
        return {run + tail for tail in after}
    rest = items[index + 1 :]
    if op is parser.SUBPATTERN:
        return _heads(list(value[-1]) + rest, parser, room, most)
    if op is parser.BRANCH:
        return _union((list(branch) + rest for branch in value[1]), parser, room, most)
    if op in {parser.MAX_REPEAT, parser.MIN_REPEAT}:
        low, _, body = value
        if low >= 1:
            return _heads(list(body) + rest, parser, room, most)
        return _union((list(body) + rest, rest), parser, room, most)
    return None


def _union(
    choices: Iterable[list[Any]], parser: Any, room: int, most: int
) -> set[str] | None:
    """The starts of any of *choices*; ``None`` when one is unknown or there
    are more than ``_MOST_HEADS``."""
    found: set[str] = set()
    for choice in choices:
        part = _heads(choice, parser, room, most)
        if part is None:
            return None
        found |= part
        if len(found) > most:
            return None
    return found


@attrs.frozen(eq=False)
class KindRules:
    """The four rules of one kind: *say*, *hint*, *unless* and *when*."""

    say: Rule
    hint: Rule
    unless: Rule
    when: Rule


@attrs.frozen(eq=False)
class Patterns:
    """Everything one language's replies are read with, compiled.

    *tables* are the tables as given (the shipped file's, then each host
    table added with :func:`add_patterns`, in order), kept so that a host
    can show or save them.
    """

    language: str
    kinds: Mapping[ReplyKind, KindRules]
    feedback_offered: Rule
    quoted: Rule
    signature: Rule
    closing: Rule
    words: frozenset[str]
    dates: Mapping[str, tuple[str, ...]]
    numbers: Mapping[str, int]
    zones: tuple[tuple[re.Pattern[str], str], ...]
    money: Mapping[str, tuple[str, ...]]
    currencies: tuple[tuple[re.Pattern[str], str], ...]
    #: The deadline words of ``[dates] by``, as the end of a text before a date.
    deadline: re.Pattern[str] | None
    tables: tuple[Mapping[str, Any], ...] = attrs.field(repr=False)


def _compile(patterns: tuple[str, ...], where: str, *, lines: bool = False) -> Rule:
    """Compile each of *patterns*, naming the first that does not compile."""
    flags = re.IGNORECASE | (re.MULTILINE if lines else 0)
    compiled = []
    for index, pattern in enumerate(patterns):
        try:
            regex = re.compile(pattern, flags)
        except re.error as error:
            raise ValidationError(
                f"{where}[{index}]",
                pattern,
                f"a Python regular expression ({error})",
            ) from None
        if regex.groupindex:
            raise ValidationError(
                f"{where}[{index}]",
                pattern,
                "a regular expression without named groups",
            )
        keys = keys_of(pattern)
        compiled.append((regex, keys, first_words(keys)))
    return Rule(sources=patterns, compiled=tuple(compiled))


def _strings(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(f"{where}.{key}", value, "a list of strings")
    return tuple(value)


def _mapping(table: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, Mapping):
        raise ValidationError(f"{where}.{key}", value, "a table")
    return value


def _merged(tables: tuple[Mapping[str, Any], ...], section: str, key: str) -> list[str]:
    """Every table's list at *section*.*key*, one after another, checked."""
    found: list[str] = []
    for number, table in enumerate(tables):
        where = f"tables[{number}].{section}" if section else f"tables[{number}]"
        part = _mapping(table, section, f"tables[{number}]") if section else table
        found.extend(_strings(part, key, where))
    return found


def _build(language: str, tables: tuple[Mapping[str, Any], ...]) -> Patterns:
    """Compile *tables*, the shipped one first, into one language's Patterns."""
    for number, table in enumerate(tables):
        source = (
            language
            if number == 0 and language in SHIPPED
            else (f"{language} (added table {number})")
        )
        for kind in RANKED:
            section = _mapping(table, kind.value, source)
            for role in _ROLES:
                for index, pattern in enumerate(_strings(section, role, source)):
                    _compile((pattern,), f"{source}.{kind.value}.{role}[{index}]")
    kinds = {}
    for kind in RANKED:
        rules = {}
        for role in _ROLES:
            where = f"{language}.{kind.value}.{role}"
            rules[role] = _compile(tuple(_merged(tables, kind.value, role)), where)
        kinds[kind] = KindRules(**rules)
    dates: dict[str, tuple[str, ...]] = {}
    for key in (*DATE_MEANINGS, *_DATE_WORDS):
        dates[key] = tuple(_merged(tables, "dates", key))
        for index, pattern in enumerate(dates[key]):
            _compile(
                (pattern.replace("{n}", "1").replace("{weekday}", "x"),),
                f"{language}.dates.{key}[{index}]",
            )
    numbers: dict[str, int] = {}
    zones: list[tuple[re.Pattern[str], str]] = []
    currencies: list[tuple[re.Pattern[str], str]] = []
    money: dict[str, list[str]] = {key: [] for key in _MONEY_WORDS}
    for number, table in enumerate(tables):
        date_table = _mapping(table, "dates", f"tables[{number}]")
        numbers.update(_numbers(language, date_table))
        zones.extend(
            _named(date_table, "zones", f"{language}.dates.zones", _zone_value)
        )
        money_table = _mapping(table, "money", f"tables[{number}]")
        for key in _MONEY_WORDS:
            money[key].extend(_strings(money_table, key, f"{language}.money"))
        currencies.extend(
            _named(money_table, "currency", f"{language}.money.currency", _currency)
        )
    return Patterns(
        language=language,
        kinds=kinds,
        feedback_offered=_compile(
            tuple(_merged(tables, "feedback_offered", "say")),
            f"{language}.feedback_offered.say",
        ),
        quoted=_compile(
            tuple(_merged(tables, "quoted", "start")),
            f"{language}.quoted.start",
            lines=True,
        ),
        signature=_compile(
            tuple(_merged(tables, "signature", "start")),
            f"{language}.signature.start",
            lines=True,
        ),
        closing=_compile(
            tuple(_merged(tables, "signature", "closing")),
            f"{language}.signature.closing",
            lines=True,
        ),
        words=frozenset(w.casefold() for w in _merged(tables, "", "words")),
        dates=dates,
        numbers=numbers,
        zones=tuple(zones),
        money={key: tuple(value) for key, value in money.items()},
        currencies=tuple(currencies),
        deadline=(
            re.compile(
                r"(?<!\w)(?:" + "|".join(f"(?:{w})" for w in dates["by"]) + r")"
                r"(?:\s+(?:" + "|".join(dates["at"] or ["(?!)"]) + r"))?\s*$",
                re.IGNORECASE,
            )
            if dates["by"]
            else None
        ),
        tables=tables,
    )


def _numbers(language: str, date_table: Mapping[str, Any]) -> dict[str, int]:
    """The number words of one table, each checked."""
    found = {}
    given: Mapping[Any, object] = _mapping(date_table, "numbers", "dates")
    for word, value in given.items():
        if not isinstance(word, str) or not word.strip():
            raise ValidationError(f"{language}.dates.numbers", word, "a word")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValidationError(
                f"{language}.dates.numbers.{word}", value, "a whole number"
            )
        found[word.casefold()] = value
    return found


def _zone_value(where: str, value: object) -> str:
    from postinterview import _time  # noqa: PLC0415 - only when zones are named

    if not isinstance(value, str):
        raise ValidationError(where, value, "an IANA time zone name")
    _time.zone(value, where)
    return value


def _currency(where: str, value: object) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{3}", value):
        raise ValidationError(where, value, "an ISO 4217 currency code such as 'EUR'")
    return value


def _named(
    table: Mapping[str, Any], key: str, where: str, check: Any
) -> Iterator[tuple[re.Pattern[str], str]]:
    for pattern, value in _mapping(table, key, where).items():
        if not isinstance(pattern, str):
            raise ValidationError(where, pattern, "a regular expression as a key")
        _compile((pattern,), f"{where}.{pattern}")  # raises, naming it
        yield re.compile(pattern, re.IGNORECASE), check(f"{where}.{pattern}", value)


# Each language's tables, the shipped file's first; and their compiled form.
_added: dict[str, tuple[Mapping[str, Any], ...]] = {}
_compiled: dict[str, Patterns] = {}


def _shipped(language: str) -> Mapping[str, Any]:
    source = importlib.resources.files("postinterview").joinpath(
        "replies", "patterns", f"{language}.toml"
    )
    return tomllib.loads(source.read_text(encoding="utf-8"))


def _check_language(language: object) -> str:
    if not isinstance(language, str) or not re.fullmatch(r"[a-z]{2,3}", language):
        raise ValidationError(
            "language", language, "a language code such as 'en' or 'fr'"
        )
    return language


def pattern_languages() -> tuple[str, ...]:
    """Return the languages replies can be read in: shipped and added, sorted.

    >>> pattern_languages()
    ('de', 'en', 'es', 'fr', 'pt')
    """
    return tuple(sorted({*SHIPPED, *_added}))


def patterns(language: str) -> Patterns:
    """Return the compiled patterns of *language* (``"en"``, ``"fr"``, ...).

    Raises :class:`~postinterview.ValidationError` naming *language* when no
    patterns are shipped or added for it.
    """
    _check_language(language)
    found = _compiled.get(language)
    if found is not None:
        return found
    with _LOCK:
        found = _compiled.get(language)
        if found is None:
            tables = _added.get(language)
            if tables is None:
                if language not in SHIPPED:
                    raise ValidationError(
                        "language",
                        language,
                        f"one of {', '.join(pattern_languages())}, or a language "
                        "given patterns with add_patterns()",
                    )
                tables = (_shipped(language),)
            found = _compiled[language] = _build(language, tables)
    return found


def add_patterns(language: str, table: Mapping[str, Any] | str | Path) -> None:
    """Add *table* to the patterns of *language*, or start a language with it.

    *table* has the shape of a shipped pattern file (see docs/replies.md),
    given as a mapping, as TOML text, or as the path of a TOML file; its
    lists are added after the shipped ones. It is checked whole before
    anything changes: a pattern that does not compile raises
    :class:`~postinterview.ValidationError` naming its place
    (``"en.rejection.say[0]"``), and the language is left as it was.

    >>> add_patterns("en", {"rejection": {"say": [r"\\bposition is now filled\\b"]}})
    >>> patterns("en").kinds[ReplyKind.REJECTION].say.sources[-1]
    '\\\\bposition is now filled\\\\b'
    >>> remove_patterns("en")
    """
    _check_language(language)
    if isinstance(table, Path):
        try:
            table = table.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ValidationError(
                "table", table, f"the path of a readable UTF-8 TOML file ({error})"
            ) from None
    if isinstance(table, str):
        try:
            table = tomllib.loads(table)
        except tomllib.TOMLDecodeError as error:
            raise ValidationError("table", table, f"TOML text ({error})") from None
    if not isinstance(table, Mapping):
        raise ValidationError(
            "table", table, "a mapping, TOML text or the path of a TOML file"
        )
    with _LOCK:
        current = _added.get(language)
        if current is None:
            current = (_shipped(language),) if language in SHIPPED else ()
        tables = (*current, table)
        built = _build(language, tables)  # raises before anything changes
        _added[language] = tables
        _compiled[language] = built


def remove_patterns(language: str) -> None:
    """Forget every table added to *language*: back to the shipped file, or
    no patterns at all for a language the host started."""
    _check_language(language)
    with _LOCK:
        _added.pop(language, None)
        _compiled.pop(language, None)
