"""The docs say what the code does: generated tables and shown output."""

from __future__ import annotations

import contextlib
import io
import re
import runpy
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md"))

# A ```python block, then a line of prose, then the ```text block it prints.
_SHOWN = re.compile(
    r"```python\n(?P<code>.*?)```\n\n[^\n`]*\n\n```text\n(?P<output>.*?)```", re.S
)


def test_the_rules_table_is_generated_from_the_policy() -> None:
    tool = runpy.run_path(str(ROOT / "docs" / "_tools" / "rules_table.py"))
    page = (ROOT / "docs" / "followup.md").read_text(encoding="utf-8")
    shown = page.split("<!-- rules:start -->\n")[1].split("<!-- rules:end -->")[0]
    assert shown == tool["table"](), (
        "docs/followup.md is out of date: run python docs/_tools/rules_table.py "
        "and paste its output between the rules markers"
    )


def shown_outputs() -> list[Any]:
    cases = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for match in _SHOWN.finditer(text):
            line = text[: match.start()].count("\n") + 1
            cases.append(pytest.param(path, match, id=f"{path.name}:{line}"))
    return cases


@pytest.mark.parametrize(("path", "match"), shown_outputs())
def test_shown_output_is_what_the_code_prints(path: Path, match: re.Match[str]) -> None:
    # Run the page up to and including the block, as a reader would have.
    text = path.read_text(encoding="utf-8")
    before = text[: match.start()]
    namespace: dict[str, Any] = {"__name__": f"docs_{path.stem}"}
    for code in re.findall(r"```python\n(.*?)```", before, re.S):
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, namespace)  # noqa: S102 - running our own documentation
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(match["code"], namespace)  # noqa: S102 - running our own documentation
    assert printed.getvalue() == match["output"]


def test_at_least_one_shown_output_is_checked() -> None:
    assert shown_outputs(), "the pattern for shown output no longer matches any page"
