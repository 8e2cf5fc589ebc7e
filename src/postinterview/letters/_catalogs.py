"""The letters' languages: the message catalogs that ship, a host's own, and
which one a language tag reads.

The packaged templates are written in British English, the source language;
every other language is a gettext catalog under ``postinterview/locale``,
kept as a ``.po`` file and compiled in memory the first time a letter needs
it, so a compiled catalog is never older than its source. A regional tag
reads its language's catalog (``fr_CA`` reads ``fr``) and keeps its own
dates and numbers.
"""

from __future__ import annotations

import functools
import gettext
import importlib.resources
import io
import os
import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from postinterview.errors import ValidationError

if TYPE_CHECKING:
    from babel.core import Locale

# The catalogs' gettext domain, and where they are in the package.
DOMAIN = "postinterview"
_PACKAGE_DIR = ("locale",)

# The languages that ship, by the tag that names each, and the catalog each
# reads (None: the source language, which needs none).
_SHIPPED: dict[str, str | None] = {
    "de_DE": "de",
    "en_GB": None,
    "en_US": "en_US",
    "es_ES": "es",
    "fr_FR": "fr",
    "pt_BR": "pt",
}
# A tag as Babel writes one: a language, and perhaps a script and a region.
_TAG = re.compile(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|[0-9]{3}))?")

# The hosts' own catalogs, by tag (see add_language); changed under the lock.
_added: dict[str, gettext.NullTranslations] = {}
_lock = threading.Lock()


def languages() -> tuple[str, ...]:
    """The language tags a letter can be written in, sorted: those that ship,
    and those a host added with :func:`add_language`.

    >>> from postinterview import letters
    >>> letters.languages()
    ('de_DE', 'en_GB', 'en_US', 'es_ES', 'fr_FR', 'pt_BR')

    Any regional form of these languages works too (``fr_CA``, ``de_AT``,
    ``es_MX``, ``en_IE``): it reads its language's words and writes dates
    and numbers its own way.
    """
    return tuple(sorted({*_SHIPPED, *_added}))


def _how_to_add() -> str:
    return (
        f"one of {', '.join(languages())} or a regional form of one (fr_CA); "
        "a host adds a language of its own with letters.add_language()"
    )


def check_tag(field: str, value: object) -> str:
    """Return *value* when it is a tag a letter can be written in; else raise
    :class:`ValidationError` listing the languages and how to add one."""
    if not isinstance(value, str) or not _TAG.fullmatch(value):
        hint = ""
        if isinstance(value, str) and _TAG.fullmatch(value.replace("-", "_")):
            hint = f" (written with an underscore: {value.replace('-', '_')!r})"
        raise ValidationError(field, value, _how_to_add() + hint)
    if _chain(value) is None:
        raise ValidationError(field, value, _how_to_add())
    babel_locale(value, field)  # Babel knows how to write its dates
    return value


def _chain(tag: str) -> tuple[str, ...] | None:
    """The names of the catalogs *tag* reads, the first one first: the host's
    for the tag, then the host's for its language, then ours. None when
    neither we nor the host have its language."""
    language = tag.partition("_")[0]
    names = [f"host:{name}" for name in (tag, language) if name in _added]
    ours = _ours(tag)
    if ours is None and not names:
        return None
    if ours:
        names.append(ours)
    return tuple(names)


def _ours(tag: str) -> str | None:
    """The packaged catalog *tag* reads: "" for the source language, None when
    its language does not ship."""
    if tag in _SHIPPED:
        return _SHIPPED[tag] or ""
    language = tag.partition("_")[0]
    for shipped, catalog in _SHIPPED.items():
        if shipped.partition("_")[0] == language and catalog != "en_US":
            return catalog or ""
    return None


def translations(tag: str) -> gettext.NullTranslations:
    """The translations a letter in *tag* reads (checked by :func:`check_tag`)."""
    chain = _chain(tag)
    if chain is None:
        raise ValidationError("locale", tag, _how_to_add())
    return _layered(chain)


@functools.cache
def _layered(chain: tuple[str, ...]) -> gettext.NullTranslations:
    return _Chain(tuple(_catalog(name) for name in chain))


class _Chain(gettext.NullTranslations):
    """Catalogs read in turn: a message comes from the first that has it, and
    the source's own words when none has."""

    def __init__(self, layers: tuple[gettext.NullTranslations, ...]) -> None:
        super().__init__()
        self._layers = layers

    def _find(self, key: str, lookup: Any) -> str | None:
        for layer in self._layers:
            held = getattr(layer, "_catalog", None)
            if isinstance(held, dict):
                if key in held or (key, 0) in held:
                    found = lookup(layer)
                    return found if isinstance(found, str) else None
                continue
            found = lookup(layer)
            if isinstance(found, str) and found != key.rpartition("\x04")[2]:
                return found
        return None

    def gettext(self, message: str) -> str:
        found = self._find(message, lambda layer: layer.gettext(message))
        return message if found is None else found

    def pgettext(self, context: str, message: str) -> str:
        found = self._find(
            f"{context}\x04{message}", lambda layer: layer.pgettext(context, message)
        )
        return message if found is None else found

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        found = self._find(msgid1, lambda layer: layer.ngettext(msgid1, msgid2, n))
        return found if found is not None else (msgid1 if n == 1 else msgid2)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        found = self._find(
            f"{context}\x04{msgid1}",
            lambda layer: layer.npgettext(context, msgid1, msgid2, n),
        )
        return found if found is not None else (msgid1 if n == 1 else msgid2)


def _catalog(name: str) -> gettext.NullTranslations:
    if name.startswith("host:"):
        return _added[name.removeprefix("host:")]
    return _packaged(name)


@functools.cache
def _packaged(name: str) -> gettext.NullTranslations:
    """One of our catalogs, compiled from its ``.po`` source in memory."""
    source = importlib.resources.files("postinterview").joinpath(
        *_PACKAGE_DIR, name, "LC_MESSAGES", f"{DOMAIN}.po"
    )
    return _compiled(source.read_bytes(), name)


def _compiled(po: bytes, name: str) -> gettext.GNUTranslations:
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - on first use
    from babel.messages.pofile import read_po  # noqa: PLC0415 - on first use

    catalog = read_po(io.BytesIO(po), locale=name.partition("_")[0] or None)
    mo = io.BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    mo.seek(0)
    return gettext.GNUTranslations(mo)


def add_language(tag: str, catalog: str | os.PathLike[str] | Any) -> None:
    """Let letters be written in *tag* with a host's own *catalog*.

    *catalog* is a ``.po`` or ``.mo`` file, or a :class:`gettext.NullTranslations`
    (a Babel ``Translations`` is one). For a language that ships, its
    messages replace ours one by one and ours fill the rest: a host can
    change one sentence without a fork. For any other language it must
    translate every message the packaged templates use (a missing one is
    listed in the :class:`ValidationError`), and Babel must know the tag,
    since it writes the dates. Adding a tag again replaces its catalog.
    This changes what every later letter in *tag* reads, in the whole
    process, like :func:`mimetypes.add_type`.
    """
    given: object = tag  # typed, but given by the caller
    if not isinstance(given, str) or not _TAG.fullmatch(given):
        raise ValidationError(
            "tag", tag, "a language tag in Babel's form, such as 'it_IT' or 'it'"
        )
    babel_locale(tag)
    loaded = _load(catalog)
    if _ours(tag) is None:
        missing = [m for m in messages() if not _translates(loaded, m)]
        if missing:
            shown = "; ".join(repr(m[1]) for m in missing[:3])
            raise ValidationError(
                "catalog",
                catalog,
                f"a translation of every message for a new language; "
                f"{len(missing)} missing, such as {shown}",
            )
    with _lock:
        _added[tag] = loaded
        _layered.cache_clear()
        _forget()


def remove_language(tag: str) -> None:
    """Undo :func:`add_language` for *tag*; a tag not added raises
    :class:`ValidationError`."""
    given: object = tag  # typed, but given by the caller
    with _lock:
        if not isinstance(given, str) or tag not in _added:
            added = ", ".join(sorted(_added)) or "none"
            raise ValidationError(
                "tag", tag, f"a tag added with add_language ({added})"
            )
        del _added[tag]
        _layered.cache_clear()
        _forget()


# What to tell when a catalog changes: the environments built with the old
# ones (letters._environment adds itself).
_listeners: list[Callable[[], None]] = []


def when_changed(listener: Callable[[], None]) -> None:
    """Call *listener* whenever a host adds or removes a catalog."""
    _listeners.append(listener)


def _forget() -> None:
    """Drop what was built with the catalogs that just changed."""
    for listener in _listeners:
        listener()


def _load(catalog: object) -> gettext.NullTranslations:
    if isinstance(catalog, gettext.NullTranslations):
        return catalog
    if not isinstance(catalog, str | os.PathLike):
        raise ValidationError(
            "catalog", catalog, "a .po or .mo file, or a gettext.NullTranslations"
        )
    path = os.fspath(catalog)
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise ValidationError(
            "catalog", catalog, f"a readable .po or .mo file ({error.strerror})"
        ) from None
    if path.endswith(".mo"):
        try:
            return gettext.GNUTranslations(io.BytesIO(data))
        except OSError:
            raise ValidationError("catalog", catalog, "a valid .mo file") from None
    try:
        return _compiled(data, "")
    except Exception as error:  # Babel raises several kinds for a bad file
        raise ValidationError(
            "catalog", catalog, f"a valid .po file ({error})"
        ) from None


def _translates(
    loaded: gettext.NullTranslations, message: tuple[str | None, str]
) -> bool:
    context, msgid = message
    if context is None:
        return loaded.gettext(msgid) != msgid or _identical(loaded, msgid)
    return loaded.pgettext(context, msgid) != msgid or _identical(
        loaded, f"{context}\x04{msgid}"
    )


def _identical(loaded: gettext.NullTranslations, key: str) -> bool:
    """Whether the catalog holds *key*, translated by the same words."""
    held = getattr(loaded, "_catalog", None)
    return isinstance(held, dict) and key in held


@functools.cache
def messages() -> tuple[tuple[str | None, str], ...]:
    """Every message the packaged templates and code use, as (context, text)
    pairs in the source language, read from the template of the catalogs,
    ``postinterview.pot`` (a test keeps it in step with the templates)."""
    from babel.messages.pofile import read_po  # noqa: PLC0415 - on first use

    source = importlib.resources.files("postinterview").joinpath(
        *_PACKAGE_DIR, f"{DOMAIN}.pot"
    )
    catalog = read_po(io.BytesIO(source.read_bytes()))
    return tuple(
        (message.context, str(message.id))
        for message in catalog
        if message.id and isinstance(message.id, str)
    )


@functools.cache
def babel_locale(tag: str, field: str = "locale") -> Locale:
    """Babel's locale for *tag*; a tag Babel does not know raises
    :class:`ValidationError` naming *field*."""
    from babel.core import Locale, UnknownLocaleError  # noqa: PLC0415 - on first use

    try:
        return Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        raise ValidationError(
            field, tag, "a language tag that Babel (CLDR) knows, such as 'fr_CA'"
        ) from None


def lang(tag: str) -> str:
    """The tag as HTML's ``lang`` attribute writes it: ``fr-CA``."""
    return tag.replace("_", "-")


def resolve(given: object, reader: str | None, held: str | None) -> str:
    """The letter's language: *given* when not None, else the *reader*'s,
    else the one the interview was *held* in, else en_GB; checked by
    :func:`check_tag`, which names where an unknown tag came from."""
    for field, tag in (
        ("locale", given),
        ("to.locale", reader),
        ("interview.locale", held),
    ):
        if tag is not None:
            return check_tag(field, tag)
    return "en_GB"
