"""Tests for the package's layout: documented import paths and import arrows.

The package is cut into one concept per module; these tests keep the cut
honest. Every import path that the documentation shows must work, no module
may import itself back through others, and the core (the records, the
timeline, the follow-up engine, reflection, learning and serialization) must
never reach out to the edges (letters, the command line, the Hypothesis
strategies, the test helpers).
"""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "postinterview"

# The edges: they may import the core, never the other way round.
EDGES = ("letters", "cli", "strategies", "testing", "plot")
# The core, by its top-level module or package name, with the foundations
# every record is built on.
CORE = (
    "interview",
    "notes",
    "timeline",
    "workdays",
    "followup",
    "reflection",
    "replies",
    "feedback",
    "decisions",
    "learning",
    "serialize",
    "errors",
    "findings",
    "_time",
    "_fields",
    "_money",
    "_views",
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {
    _module_name(path): path
    for path in sorted(PACKAGE.rglob("*.py"))
    if path.name != "__main__.py"
}


# -- what the documentation shows -------------------------------------------


def _documented_modules() -> list[str]:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    return re.findall(r"^\.\. automodule:: (\S+)$", page, flags=re.MULTILINE)


def _documentation_texts() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "docs").glob("*.md")):
        yield path.name, path.read_text(encoding="utf-8")
    yield "README.md", (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "examples").glob("*.py")):
        yield path.name, path.read_text(encoding="utf-8")


_FROM_IMPORT = re.compile(
    r"^\s*(?:>>> )?from (postinterview(?:\.\w+)*) import \(?([\w\s,]+?)\)?\s*(?:#.*)?$",
    flags=re.MULTILINE,
)
# "letters.md" names a page, not an attribute.
_FILE_ENDINGS = frozenset(
    {"md", "py", "toml", "json", "html", "txt", "ics", "eml", "po", "pot", "mo"}
)
_DOTTED = re.compile(r"\b(postinterview(?:\.\w+)+)\b")


def _shown_imports() -> set[tuple[str, str]]:
    """Every name the docs, the README and the examples import or reach.

    ``from X import y`` gives (X, y); after ``from postinterview import
    letters``, each ``letters.thank_you`` gives ("postinterview.letters",
    "thank_you").
    """
    shown: set[tuple[str, str]] = set()
    for _name, text in _documentation_texts():
        for match in _FROM_IMPORT.finditer(text):
            module, names = match.groups()
            for alias in names.replace("\n", ",").split(","):
                name = alias.strip().split(" as ")[0].strip()
                if not name:
                    continue
                shown.add((module, name))
                if f"{module}.{name}" in MODULES:
                    attribute = re.compile(rf"(?<![\w.]){name}\.([A-Za-z]\w*)")
                    submodule = f"{module}.{name}"
                    shown.update(
                        (submodule, found)
                        for found in attribute.findall(text)
                        if found not in _FILE_ENDINGS
                    )
    return shown


def _shown_dotted_paths() -> set[str]:
    """Every ``postinterview.x.y`` the docs and the README name in prose or code."""
    paths: set[str] = set()
    for _name, text in _documentation_texts():
        paths.update(_DOTTED.findall(text))
    # Importing __main__ runs the command line; the CLI tests cover it. A
    # catalog's file, postinterview.po, is a file's name.
    return {
        path
        for path in paths
        if not path.endswith(".__main__")
        and path.rpartition(".")[2] not in _FILE_ENDINGS
    }


def _resolve(path: str) -> object:
    """Import the longest module prefix of *path*, then walk its attributes."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            obj = getattr(obj, attribute)
        return obj
    raise ModuleNotFoundError(path)


def test_the_api_page_documents_modules() -> None:
    # A broken reading of the page would make the next test vacuous.
    modules = _documented_modules()
    assert "postinterview.letters" in modules
    assert "postinterview.followup" in modules
    assert len(modules) >= 10


@pytest.mark.parametrize("module", _documented_modules())
def test_every_name_the_api_page_documents_imports(module: str) -> None:
    if module == "postinterview.strategies":
        pytest.importorskip("hypothesis")
    imported = importlib.import_module(module)
    names = getattr(imported, "__all__", ())
    if module != "postinterview.cli":
        assert names, f"{module} has no __all__ for the API page to document"
    for name in names:
        assert hasattr(imported, name), f"{module}.{name} is documented but missing"


def test_the_docs_show_import_paths() -> None:
    # A broken pattern would make the next tests vacuous.
    shown = _shown_imports()
    assert ("postinterview.letters", "thank_you") in shown
    assert ("postinterview.serialize", "to_json") in shown
    assert ("postinterview.strategies", "interviews") in shown


@pytest.mark.parametrize(("module", "name"), sorted(_shown_imports()))
def test_every_import_the_docs_show_works(module: str, name: str) -> None:
    if module.startswith("postinterview.strategies"):
        pytest.importorskip("hypothesis")
    imported = importlib.import_module(module)
    assert hasattr(imported, name), f"from {module} import {name} fails"


@pytest.mark.parametrize("path", sorted(_shown_dotted_paths()))
def test_every_dotted_path_the_docs_name_resolves(path: str) -> None:
    if path.startswith("postinterview.strategies"):
        pytest.importorskip("hypothesis")
    _resolve(path)


# -- the import graph --------------------------------------------------------


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(module: str, *, typing: bool) -> set[str]:
    """The package's modules that *module* imports, anywhere in its code.

    Imports inside functions count (they run, if later); imports under
    ``if TYPE_CHECKING:`` count only when *typing* is true.
    """
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node) and not typing:
            for statement in node.orelse:
                visit(statement)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard(module)
    return {name for name in found if name in MODULES}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A list of modules that import each other in a ring, or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for child in sorted(graph[node]):
            ring = visit(child)
            if ring:
                return ring
        path.pop()
        done.add(node)
        return None

    for start in sorted(graph):
        ring = visit(start)
        if ring:
            return ring
    return None


def _family(module: str) -> str:
    """The top-level module or package a module belongs to: 'letters', '_time'."""
    return module.split(".")[1] if "." in module else ""


def test_the_graph_finds_the_package_and_its_arrows() -> None:
    # A broken walk would make the cycle and layering tests vacuous.
    assert "postinterview.followup" in MODULES or any(
        name.startswith("postinterview.followup.") for name in MODULES
    )
    everything = set().union(*(_imports(name, typing=True) for name in MODULES))
    assert "postinterview.errors" in everything
    assert "postinterview._time" in everything
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_imports_itself_back() -> None:
    graph = {name: _imports(name, typing=False) for name in MODULES}
    ring = _cycle(graph)
    assert ring is None, "import cycle: " + " -> ".join(ring or ())


def test_no_module_imports_itself_back_even_for_type_checking() -> None:
    # The top-level package names every public class for type checkers only;
    # it is the one module that may look at everything.
    graph = {
        name: _imports(name, typing=True) - {"postinterview"}
        for name in MODULES
        if name != "postinterview"
    }
    ring = _cycle(graph)
    assert ring is None, "import cycle: " + " -> ".join(ring or ())


@pytest.mark.parametrize(
    "module", sorted(name for name in MODULES if _family(name) in CORE)
)
def test_the_core_never_imports_the_edges(module: str) -> None:
    outward = sorted(
        name for name in _imports(module, typing=True) if _family(name) in EDGES
    )
    assert not outward, f"{module} imports {', '.join(outward)}"


def test_every_module_is_core_or_edge_or_named_here() -> None:
    # A new top-level module must be placed on one side of the line.
    known = {*CORE, *EDGES, ""}
    families = {_family(name) for name in MODULES}
    assert families <= known, sorted(families - known)


# -- the map in docs/architecture.md ------------------------------------------


def _map() -> dict[str, str]:
    """The page's sections, by the module or package each describes."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    parts = re.split(r"^### `(postinterview(?:\.\w+)?)`$", page, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _may_import(section: str) -> set[str]:
    """The families a section says its module may import ("nothing": none)."""
    found = re.search(r"May\s+import:\s+(.*?)\.(?:\n\n|\n\||$)", section, re.DOTALL)
    assert found, "a section without a 'May import:' sentence"
    return set(re.findall(r"`(\w+)`", found.group(1)))


def _top(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_the_map_has_a_section_for_each_module_or_package() -> None:
    sections = _map()
    assert len(sections) >= 10
    assert set(sections) == {_top(name) for name in MODULES}


@pytest.mark.parametrize("top", sorted({_top(name) for name in MODULES}))
def test_the_map_lists_exactly_the_parts_of_each_package(top: str) -> None:
    section = _map()[top]
    rows = set(re.findall(r"^\| `(_?\w+)` \|", section, flags=re.MULTILINE))
    parts = {
        name.rpartition(".")[2]
        for name in MODULES
        if top != "postinterview"  # the root's modules have sections of their own
        and name.startswith(top + ".")
        and name.count(".") == 2
    }
    assert rows == parts


@pytest.mark.parametrize("top", sorted({_top(name) for name in MODULES}))
def test_the_map_says_exactly_what_each_part_imports(top: str) -> None:
    allowed = _may_import(_map()[top])
    used = {
        _family(imported) or "postinterview"
        for name in MODULES
        if _top(name) == top
        for imported in _imports(name, typing=True)
    } - {_family(top) or "postinterview"}
    assert used <= allowed, f"{top} imports {sorted(used - allowed)} too"
    assert allowed <= used, f"{top} no longer imports {sorted(allowed - used)}"
