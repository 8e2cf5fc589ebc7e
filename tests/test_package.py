"""Tests for the package as a whole: public names, imports, py.typed, doctests."""

from __future__ import annotations

import doctest
import importlib
import importlib.resources
import importlib.util
import json
import pkgutil
import subprocess
import sys
import textwrap

import pytest

import postinterview

# Every module of the package, found the way a documentation tool would.
# ``__main__`` is left out: importing it runs the command line.
MODULES = sorted(
    {"postinterview"}
    | {
        info.name
        for info in pkgutil.walk_packages(postinterview.__path__, "postinterview.")
        if info.name.rpartition(".")[2] != "__main__"
    }
)

# Modules that carry examples in their docstrings today: if the doctest
# runner found none there, the doctest test would pass without testing.
MODULES_WITH_EXAMPLES = [
    "postinterview._views",
    "postinterview.errors",
    "postinterview.findings",
    "postinterview.interview",
    "postinterview.letters",
    "postinterview.letters._candidate",
    "postinterview.letters._checks",
    "postinterview.letters._conventions",
    "postinterview.letters._sandbox",
    "postinterview.notes",
]


def test_all_is_sorted_without_duplicates() -> None:
    names = list(postinterview.__all__)
    assert names == sorted(names)
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name", postinterview.__all__)
def test_every_public_name_exists_and_has_its_own_docstring(name: str) -> None:
    assert hasattr(postinterview, name), name
    obj = getattr(postinterview, name)
    # A class's own docstring, not one inherited from a base class.
    doc = vars(obj).get("__doc__") if isinstance(obj, type) else obj.__doc__
    assert isinstance(doc, str), f"{name} has no docstring"
    assert doc.strip(), f"{name} has a blank docstring"


def test_the_core_records_are_public() -> None:
    # The names a host tool builds an interview record from.
    expected = {
        "Interview",
        "Person",
        "SalaryRange",
        "InterviewNotes",
        "ValidationError",
        "PostInterviewError",
    }
    assert expected <= set(postinterview.__all__)


def test_importing_the_package_leaves_optional_dependencies_alone() -> None:
    script = textwrap.dedent(
        """
        import json, sys
        import postinterview
        print(json.dumps(sorted(sys.modules)))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    loaded = set(json.loads(result.stdout))
    assert "postinterview" in loaded
    for heavy in (
        "babel",
        "jinja2",
        "hypothesis",
        "matplotlib",
        "holidays",
        "babel",
        "postinterview.strategies",
        "postinterview.plot",
    ):
        assert heavy not in loaded, f"import postinterview imported {heavy}"
    # Everything but the interview record and the errors loads on first use.
    for lazy in (
        "postinterview.notes",
        "postinterview.timeline",
        "postinterview.followup",
        "postinterview.letters",
        "postinterview.reflection",
        "postinterview.learning",
    ):
        assert lazy not in loaded, f"import postinterview imported {lazy}"


def test_the_holidays_package_loads_when_a_country_is_first_named() -> None:
    script = textwrap.dedent(
        """
        import sys
        from postinterview import Person
        Person(name="Ann Lee", timezone="America/New_York", locale="en_US")
        print("holidays" in sys.modules, "babel" in sys.modules)
        Person(name="Ann Lee", country="US", subdivision="NY")
        print("holidays" in sys.modules, "babel" in sys.modules)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.split("\n")[:2] == ["False False", "True False"]


def test_lazy_names_load_on_first_use_and_unknown_names_fail() -> None:
    import postinterview  # noqa: PLC0415 - the module under test

    assert postinterview.plan is importlib.import_module("postinterview.followup").plan
    assert "Application" in dir(postinterview)
    letters = importlib.import_module("postinterview.letters")
    assert postinterview.letters is letters
    assert postinterview.Draft is letters.Draft
    with pytest.raises(AttributeError, match="no attribute 'Plans'"):
        _ = postinterview.Plans  # type: ignore[attr-defined]


def test_py_typed_marker_is_shipped() -> None:
    marker = importlib.resources.files("postinterview").joinpath("py.typed")
    assert marker.is_file()


def test_the_templates_are_shipped_for_every_kind_of_letter() -> None:
    from postinterview.letters import KINDS  # noqa: PLC0415 - loads Jinja

    templates = importlib.resources.files("postinterview").joinpath("templates")
    for kind in KINDS:
        for name in ("subject.txt.j2", "body.txt.j2", "body.html.j2"):
            assert templates.joinpath(kind, name).is_file(), f"{kind}/{name}"


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    if name == "postinterview.strategies":
        pytest.importorskip("hypothesis")
    module = importlib.import_module(name)
    failed, _attempted = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS, report=False
    )
    assert failed == 0, f"{failed} doctest example(s) failed in {name}"


@pytest.mark.parametrize("name", MODULES_WITH_EXAMPLES)
def test_doctests_are_found_where_examples_are_written(name: str) -> None:
    assert name in MODULES
    module = importlib.import_module(name)
    examples = sum(len(test.examples) for test in doctest.DocTestFinder().find(module))
    assert examples > 0, f"no docstring examples found in {name}"


def test_the_module_list_covers_the_package() -> None:
    # A broken walk would make the doctest test vacuous.
    for name in ("postinterview.errors", "postinterview._time", "postinterview.notes"):
        assert name in MODULES
        assert importlib.util.find_spec(name) is not None
