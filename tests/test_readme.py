"""The Python examples in README.md and docs/*.md run as written.

Each file's ```python blocks run in order in one namespace, so a later block
can use what an earlier one built, as a reader would. A block that raises, or
an assert in it that fails, fails the test and names the file and line. The
``>>>`` examples of each page run as doctests.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))

_OPEN = re.compile(r"```python\s*")
_CLOSE = re.compile(r"```\s*")


def python_blocks(path: Path) -> list[tuple[int, str]]:
    """Return each ```python block of *path* with the line number it starts on.

    Fails the test when a block is never closed, since the rest of the file
    would silently go untested.
    """
    blocks: list[tuple[int, str]] = []
    start: int | None = None
    body: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if start is None:
            if _OPEN.fullmatch(line):
                start, body = number + 1, []
        elif _CLOSE.fullmatch(line):
            blocks.append((start, "\n".join(body) + "\n"))
            start = None
        else:
            body.append(line)
    if start is not None:
        pytest.fail(f"{path.name}:{start - 1}: a ```python block is never closed")
    return blocks


def run_blocks(path: Path) -> None:
    """Run every ```python block of *path*, in order, in one namespace."""
    namespace: dict[str, Any] = {"__name__": f"docs_{path.stem}"}
    for start, source in python_blocks(path):
        # Pad with blank lines so that tracebacks point at the file's own lines.
        code = compile("\n" * (start - 1) + source, str(path), "exec")
        exec(code, namespace)  # noqa: S102 - running our own documentation


def test_python_blocks_are_found(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Text\n```python\nx = 1\n```\n```sh\nno\n```\n```python\ny = x + 1\n```\n",
        encoding="utf-8",
    )
    assert python_blocks(page) == [(3, "x = 1\n"), (9, "y = x + 1\n")]


def test_readme_has_examples() -> None:
    assert len(python_blocks(README)) >= 4


def test_readme_examples_run() -> None:
    run_blocks(README)


@pytest.mark.parametrize("path", DOCS, ids=[path.name for path in DOCS])
def test_docs_examples_run(path: Path) -> None:
    run_blocks(path)


@pytest.mark.parametrize(
    "path", [README, *DOCS], ids=["README.md", *(p.name for p in DOCS)]
)
def test_interactive_examples_run_as_doctests(path: Path) -> None:
    result = doctest.testfile(
        str(path),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        report=True,
        encoding="utf-8",
    )
    assert result.failed == 0, f"{result.failed} >>> example(s) failed in {path.name}"


def test_the_docs_have_interactive_examples() -> None:
    examples = sum(
        len(test.examples)
        for path in DOCS
        for test in [
            doctest.DocTestParser().get_doctest(
                path.read_text(encoding="utf-8"), {}, path.name, str(path), 0
            )
        ]
    )
    assert examples > 0, "no >>> examples found: the doctest test would be vacuous"
