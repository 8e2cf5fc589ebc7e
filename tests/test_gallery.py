"""The letter gallery (docs/gallery.md) shows what the templates write today."""

from __future__ import annotations

import runpy
from pathlib import Path

from postinterview import letters

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "docs" / "_tools" / "gallery.py"
PAGE = ROOT / "docs" / "gallery.md"


def test_the_gallery_is_current() -> None:
    tool = runpy.run_path(str(TOOL))
    expected = tool["page"]()
    shown = PAGE.read_text(encoding="utf-8")
    assert shown == expected, (
        "docs/gallery.md is out of date: run python docs/_tools/gallery.py "
        "and commit the page it writes"
    )
    # Every kind and locale has its section, and every letter its findings.
    for kind in letters.KINDS:
        assert f"(`{kind}`)\n" in shown, kind
    for locale in letters.LOCALES:
        assert f"({locale})\n" in shown, locale
    assert tool["count"](shown) == shown.count("```text\nSubject: ")
