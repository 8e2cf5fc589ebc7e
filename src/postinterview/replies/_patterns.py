"""The phrase patterns a reply is read with: one data file per language.

Each shipped language has ``patterns/<language>.toml``; docs/replies.md
documents the format. :func:`add_patterns` lets a host tool add its own
patterns to a language, or a language of its own, without a fork; every
table it gives is checked as a shipped file is, and the error names where
the bad pattern came from.
"""

from __future__ import annotations

import importlib.resources
import re
import threading
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from postinterview.errors import ValidationError
from postinterview.replies._kinds import RANKED, ReplyKind

__all__ = [
    "KindRules",
    "Patterns",
    "Rule",
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
)
_DATE_WORDS = ("day_suffix", "at", "hour_word", "am", "pm", "noon", "by")
_MONEY_WORDS = ("year", "month", "hour", "thousand")
_LOCK = threading.Lock()


@attrs.frozen(eq=False)
class Rule:
    """Patterns of one role, searched as one: which of them matched, and where.

    *sources* are the patterns as written; the compiled alternation names
    each by its position.
    """

    sources: tuple[str, ...]
    _regex: re.Pattern[str] | None = attrs.field(alias="regex")

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, pattern)`` for each match in *text*."""
        if self._regex is None:
            return
        sources = self.sources
        for match in self._regex.finditer(text):
            if match.end() > match.start():
                name = match.lastgroup or "p0"  # every alternative is named
                yield match.start(), match.end(), sources[int(name[1:])]

    def search(self, text: str) -> bool:
        """Tell whether any of the patterns matches in *text*."""
        return self._regex is not None and self._regex.search(text) is not None


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
    """Compile *patterns* as one alternation, checking each on its own first."""
    flags = re.IGNORECASE | (re.MULTILINE if lines else 0)
    for index, pattern in enumerate(patterns):
        try:
            compiled = re.compile(pattern, flags)
        except re.error as error:
            raise ValidationError(
                f"{where}[{index}]",
                pattern,
                f"a Python regular expression ({error})",
            ) from None
        if compiled.groupindex:
            raise ValidationError(
                f"{where}[{index}]",
                pattern,
                "a regular expression without named groups",
            )
    if not patterns:
        return Rule(sources=(), regex=None)
    joined = "|".join(f"(?P<p{i}>{p})" for i, p in enumerate(patterns))
    return Rule(sources=patterns, regex=re.compile(joined, flags))


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
        for word, value in _mapping(date_table, "numbers", "dates").items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValidationError(
                    f"{language}.dates.numbers.{word}", value, "a whole number"
                )
            numbers[word.casefold()] = value
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
    found = _compiled.get(language)
    if found is not None:
        return found
    _check_language(language)
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
        table = table.read_text(encoding="utf-8")
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
