"""The Jinja environments and loaders, built once; rendering a packaged template."""

from __future__ import annotations

import functools
import gettext
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import jinja2
import markupsafe

from postinterview.errors import TemplateRenderError, ValidationError
from postinterview.letters._catalogs import check_tag, translations, when_changed
from postinterview.letters._locale import FILTERS


@functools.cache
def loader() -> jinja2.BaseLoader:
    """Return a Jinja loader of the packaged templates.

    Mount it in a host application's environment under the prefix
    ``postinterview``, which the templates use to extend each other:
    ``PrefixLoader({"postinterview": letters.loader()})``.
    """
    return jinja2.PackageLoader("postinterview", "templates")


@functools.cache
def _mounted() -> jinja2.BaseLoader:
    return jinja2.PrefixLoader({"postinterview": loader()})


# The settings the packaged templates are written for (described where the
# package exports them, for hosts that build their own environment).
OPTIONS: Mapping[str, Any] = {
    "extensions": ("jinja2.ext.i18n",),
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "undefined": jinja2.StrictUndefined,
}


def _configure(env: jinja2.Environment, locale: str) -> jinja2.Environment:
    env.filters.update(FILTERS)
    _install(env, translations(locale))
    return env


def install_messages(env: jinja2.Environment, locale: str = "en_GB") -> None:
    """Give the templates of a host's own *env* the words of *locale*.

    *env* must have the ``jinja2.ext.i18n`` extension (``**OPTIONS`` has it);
    *locale* is one of :func:`languages`, or a regional form of one. The
    templates' ``_()``, ``gettext()``, ``pgettext()`` and their plural forms
    then read that language's catalog, newstyle:
    ``_("Thank you, %(name)s.", name=...)`` looks the message up, escapes the
    values when the template is HTML, and fills them in. A value that ends
    its own sentence ("Acme Inc.", "Yahoo!") takes no second full stop from
    the message, so a translation can put a value at the end of a sentence or
    in the middle and read right either way.
    """
    given: object = env  # typed, but given by the caller
    if not isinstance(given, jinja2.Environment):
        raise ValidationError("env", env, "a jinja2.Environment")
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        raise ValidationError(
            "env", env, "an environment with the jinja2.ext.i18n extension (OPTIONS)"
        )
    _install(env, translations(check_tag("locale", locale)))


def _install(env: jinja2.Environment, words: gettext.NullTranslations) -> None:
    """Give *env*'s templates the gettext functions of *words*, newstyle."""
    env.globals.update(
        _=_newstyle(words.gettext),
        gettext=_newstyle(words.gettext),
        pgettext=_newstyle(words.pgettext),
        ngettext=_newstyle(words.ngettext, plural=True),
        npgettext=_newstyle(words.npgettext, plural=True),
    )
    env.newstyle_gettext = True  # type: ignore[attr-defined]


_ENDED = (".", "!", "?", "\u2026")


def _newstyle(lookup: Any, *, plural: bool = False) -> Any:
    @jinja2.pass_context
    def translate(context: jinja2.runtime.Context, *args: Any, **values: Any) -> str:
        text = lookup(*args)
        if plural:
            values.setdefault("num", args[-1])
        escape = context.eval_ctx.autoescape
        if escape:
            text = markupsafe.Markup(text)  # noqa: S704 - our catalogs' words
        written = str(text % values)
        for value in values.values():
            if isinstance(value, str) and value.endswith(_ENDED):
                shown = str(markupsafe.escape(value)) if escape else value
                written = written.replace(f"{shown}.", shown)
        # The values were escaped as they went in; only full stops came out.
        return markupsafe.Markup(written) if escape else written  # noqa: S704

    return translate


@functools.cache
def _packaged(html: bool, locale: str) -> jinja2.Environment:
    """The environment the library renders with, built once per output kind
    and language."""
    return _configure(
        jinja2.Environment(
            loader=_mounted(),
            # Every HTML template is escaped, whatever its file name; the text
            # letters are plain text, which escaping would corrupt.
            autoescape=html,  # noqa: S701
            auto_reload=False,
            cache_size=-1,
            **OPTIONS,
        ),
        locale,
    )


def forget_languages() -> None:
    """Drop every environment and template built so far: a catalog changed."""
    _packaged.cache_clear()
    _template.cache_clear()


when_changed(forget_languages)


def environment(
    template_dirs: Iterable[str | Any] = (),
    *,
    html: bool = False,
    locale: str = "en_GB",
) -> jinja2.Environment:
    """Return an environment with the host's *template_dirs* before ours.

    A template in one of *template_dirs* overrides the packaged template of
    the same name, and the originals stay reachable as
    ``postinterview/<name>``, so an override can ``{% extends %}`` them. The
    packaged bodies extend ``postinterview/base.txt.j2`` and
    ``postinterview/base.html.j2``; a file at that path in one of
    *template_dirs* replaces the frame of every letter. *html* turns
    autoescaping on for every template. The library's :data:`FILTERS` are
    installed, and the gettext functions of *locale*'s catalog (one of
    :func:`languages`, or a regional form of one), so that ``_()`` and
    ``pgettext()`` in a template speak the letter's language; the context's
    ``locale`` still decides how the filters write dates and money.
    """
    locale = check_tag("locale", locale)
    dirs = _directories(template_dirs)
    if type(html) is not bool:
        raise ValidationError("html", html, "True or False")
    loaders: list[jinja2.BaseLoader] = []
    if dirs:
        loaders.append(jinja2.FileSystemLoader(dirs))
    loaders += [_mounted(), loader()]
    return _configure(
        jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=html,  # noqa: S701 - as in _packaged()
            **OPTIONS,
        ),
        locale,
    )


def _directories(template_dirs: Iterable[str | Any]) -> list[str | os.PathLike[str]]:
    """The host's template directories, each a path (str or os.PathLike)."""
    if isinstance(template_dirs, str | bytes | os.PathLike) or not isinstance(
        template_dirs, Iterable
    ):
        raise ValidationError(
            "template_dirs", template_dirs, "a sequence of directory paths"
        )
    dirs = list(template_dirs)
    for index, path in enumerate(dirs):
        text = os.fspath(path) if isinstance(path, str | os.PathLike) else None
        if not isinstance(text, str) or "\x00" in text:
            raise ValidationError(
                f"template_dirs[{index}]", path, "a directory path (str or os.PathLike)"
            )
    return dirs


_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def _render(html: bool, name: str, context: Mapping[str, Any]) -> str:
    template = _template(html, name, context.get("locale", "en_GB"))
    try:
        return template.render(context)
    except jinja2.UndefinedError as error:
        found = _UNDEFINED.search(str(error))
        variable = next((g for g in found.groups() if g), None) if found else None
        message = (
            f"the context variable {variable!r} is missing" if variable else str(error)
        )
        raise TemplateRenderError(message, template=name) from None


@functools.cache
def _template(html: bool, name: str, locale: str) -> jinja2.Template:
    return _packaged(html, locale).get_template(f"postinterview/{name}")
