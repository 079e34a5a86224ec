"""Import boundaries between the layers, read from the source with ``ast``, and module size."""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "reviewapp"
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imports_in(source: str, module: str, *, is_package: bool = False) -> Iterator[tuple[int, str]]:
    """(line, module) for every import; relative ones resolved, ``from a import b`` as a and a.b."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def imports_of(path: Path) -> Iterator[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    return imports_in(source, _module_name(path), is_package=path.name == "__init__.py")


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _is_stdlib(name: str) -> bool:
    return name.split(".")[0] in sys.stdlib_module_names or name == "__future__"


def _violations(layer: str, forbidden: list[str]) -> list[str]:
    found = []
    for path in _modules():
        if not _within(_module_name(path), layer):
            continue
        for line, name in imports_of(path):
            if any(_within(name, f) for f in forbidden):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    return found


def test_domain_imports_only_stdlib_and_domain() -> None:
    found = []
    for path in _modules():
        if not _within(_module_name(path), "reviewapp.domain"):
            continue
        for line, name in imports_of(path):
            if not (_is_stdlib(name) or _within(name, "reviewapp.domain")):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    assert found == []


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("reviewapp.ui", ["sqlalchemy", "alembic", "reportlab", "reviewapp.db"]),
        (
            "reviewapp.report",
            ["PySide6", "sqlalchemy", "reviewapp.db", "reviewapp.services", "reviewapp.ui"],
        ),
        ("reviewapp.services", ["PySide6", "reviewapp.ui"]),
        (
            "reviewapp.db",
            ["PySide6", "reviewapp.services", "reviewapp.ui", "reviewapp.report"],
        ),
    ],
)
def test_layer_does_not_import(layer: str, forbidden: list[str]) -> None:
    assert _violations(layer, forbidden) == []


def test_no_module_is_too_long() -> None:
    long = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in _modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


# The checker itself, on made-up modules, so a broken checker cannot pass silently.


def test_checker_sees_every_import_form() -> None:
    source = (
        "import sqlalchemy.orm\n"
        "from reviewapp import db\n"
        "from .. import services\n"
        "from ..db.models import Base\n"
        "from . import widgets\n"
        "def late():\n"
        "    import reportlab\n"
    )
    names = {name for _, name in imports_in(source, "reviewapp.ui.some_view")}
    in_package = {
        name for _, name in imports_in("from . import x", "reviewapp.ui", is_package=True)
    }
    assert in_package == {"reviewapp.ui", "reviewapp.ui.x"}
    assert "sqlalchemy.orm" in names
    assert "reviewapp.db" in names
    assert "reviewapp.services" in names
    assert "reviewapp.db.models" in names
    assert "reviewapp.ui.widgets" in names
    assert "reportlab" in names
    assert _within("reviewapp.db.models", "reviewapp.db")
    assert not _within("reviewapp.dbx", "reviewapp.db")
    assert _is_stdlib("dataclasses") and _is_stdlib("collections.abc")
    assert not _is_stdlib("sqlalchemy") and not _is_stdlib("PySide6.QtCore")


def test_no_test_imports_a_conftest_by_name() -> None:
    """``from conftest import`` picks whichever conftest was imported first in a run."""
    tests = Path(__file__).resolve().parent
    offenders = [
        str(path.relative_to(tests))
        for path in tests.rglob("*.py")
        if re.search(r"^\s*(from conftest import|import conftest)", path.read_text("utf-8"), re.M)
    ]
    assert offenders == []


# Import cycles. Every import counts: at module level, inside a function, or under
# TYPE_CHECKING; a lazy import only hides a circle from the interpreter, not from a reader.

CYCLE_FREE_PACKAGES = ("reviewapp",)  # all of it, the window and its features included


def import_graph(sources: dict[str, tuple[str, bool]]) -> dict[str, set[str]]:
    """module -> the modules of `sources` it imports; `sources` maps name -> (code, is_package).

    ``from a import b`` is an import of a.b when that is a module, else of a. A module's import
    of a package it lives in (``from reviewapp.services import x`` in reviewapp.services.y) is
    left out: the package's ``__init__`` runs first whatever the import says.
    """
    graph: dict[str, set[str]] = {}
    for module, (source, is_package) in sources.items():
        targets: set[str] = set()
        for _, name in imports_in(source, module, is_package=is_package):
            while name and name not in sources:
                name = name.rpartition(".")[0]
            if name and name != module and not _within(module, name):
                targets.add(name)
        graph[module] = targets
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a -> ... -> a) for each group of modules that import each other in a circle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_cycle_in(graph, group) for group in groups]


def _cycle_in(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A shortest circle through the group's first module, by breadth-first search."""
    start = min(group)
    came_from: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & group):
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if target not in came_from:
                came_from[target] = node
                queue.append(target)
    raise AssertionError(f"no cycle through {start}")


def _package_graph() -> dict[str, set[str]]:
    sources = {
        _module_name(path): (path.read_text(encoding="utf-8"), path.name == "__init__.py")
        for path in _modules()
    }
    return import_graph(sources)


def test_no_import_cycles() -> None:
    graph = _package_graph()
    scoped = {
        module: {t for t in targets if any(_within(t, p) for p in CYCLE_FREE_PACKAGES)}
        for module, targets in graph.items()
        if any(_within(module, p) for p in CYCLE_FREE_PACKAGES)
    }
    assert [" -> ".join(cycle) for cycle in find_cycles(scoped)] == []


def test_cycle_finder_sees_lazy_and_type_checking_imports() -> None:
    sources = {
        "pkg": ("", True),
        "pkg.a": ("from pkg import b\n", False),
        "pkg.b": ("def f():\n    from pkg.c import thing\n", False),
        "pkg.c": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a\n", False),
        "pkg.d": ("from pkg import a\nfrom pkg import helper\n", False),
    }
    graph = import_graph(sources)
    assert graph["pkg.a"] == {"pkg.b"}
    assert graph["pkg.b"] == {"pkg.c"}
    assert graph["pkg.c"] == {"pkg.a"}
    assert graph["pkg.d"] == {"pkg.a"}  # a name from the package itself is not an edge
    assert find_cycles(graph) == [["pkg.a", "pkg.b", "pkg.c", "pkg.a"]]
    del sources["pkg.c"]
    assert find_cycles(import_graph(sources)) == []
