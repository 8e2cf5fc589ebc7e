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
# The code stops at the first fence: a block with no output shown after it is
# not joined to a later one's.
_SHOWN = re.compile(
    r"```python\n(?P<code>(?:(?!```).)*)```\n\n[^\n`]*\n\n```text\n(?P<output>.*?)```",
    re.S,
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


def documented_context() -> dict[str, set[str]]:
    """The context variables docs/letters.md lists, by its ### headings."""
    page = (ROOT / "docs" / "letters.md").read_text(encoding="utf-8")
    section = page.split("## Context variables\n")[1]
    documented = {}
    for block in re.split(r"^### ", section, flags=re.M)[1:]:
        title, _, body = block.partition("\n")
        documented[title.strip()] = set(re.findall(r"^\| `(\w+)` \|", body, re.M))
    return documented


def test_the_packaged_templates_use_only_documented_variables() -> None:
    import jinja2.meta  # noqa: PLC0415 - only this test needs it

    from postinterview import letters  # noqa: PLC0415 - keeps collection light

    documented = documented_context()
    common = documented.pop("Every letter")
    env = letters.environment()
    # letters is a package beside the templates.
    root = Path(letters.__file__).parent.parent / "templates"
    names = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.j2"))
    assert names, "no templates found"
    for name in names:
        source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
        used = jinja2.meta.find_undeclared_variables(env.parse(source))
        kind = name.split("/")[0] if "/" in name else None
        allowed = common | documented.get(kind or "", set())
        assert used <= allowed, f"{name} uses undocumented {sorted(used - allowed)}"


def test_the_documented_variables_are_the_context_the_letters_get(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from postinterview import letters  # noqa: PLC0415 - keeps collection light

    documented = documented_context()
    common = documented.pop("Every letter")
    assert set(documented) <= set(letters.KINDS)
    for kind in letters.KINDS:
        expected = {*letters._DETAILS[kind], *letters._compose.DERIVED.get(kind, ())}
        assert documented.get(kind, set()) == expected, kind
    seen: list[set[str]] = []
    real = letters._render

    def spy(html: bool, name: str, context: Any) -> str:
        seen.append(set(context))
        return real(html, name, context)

    # Where the letters look _render up.
    monkeypatch.setattr("postinterview.letters._compose._render", spy)
    import pendulum  # noqa: PLC0415

    from postinterview import Interview, Person  # noqa: PLC0415

    end = pendulum.datetime(2026, 11, 20, 15, 30, tz="Europe/London")
    priya = Person(name="Priya Shah", email="priya@acme.example")
    interview = Interview(
        organisation="Acme Ltd",
        role="Data Engineer",
        starts_at=end.subtract(hours=1),
        ends_at=end,
        interviewers=(priya,),
    )
    sender = letters.Candidate(name="Sam Jones", email="sam@example.org")
    letters.withdrawal(interview, sender=sender)
    body_context = seen[-1] - set(documented["withdrawal"])
    assert body_context == common
