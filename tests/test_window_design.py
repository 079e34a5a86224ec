"""The window's design, read from the source: features depend on the narrow window context,
never on the main window, and no class reaches into another object's private members."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "reviewapp"
ENTRY_POINT = PACKAGE / "app.py"
MAIN_WINDOW = "reviewapp.ui.main_window"


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def _imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):  # every import: module level, in functions, under TYPE_CHECKING
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_only_the_entry_point_imports_the_main_window() -> None:
    found = []
    for path in _sources():
        if path in (ENTRY_POINT, PACKAGE / "ui" / "main_window.py"):
            continue
        for line, name in _imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
            if name == MAIN_WINDOW or name.startswith(MAIN_WINDOW + "."):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    assert found == [], "features take the WindowContext (ui/context.py) instead:\n" + "\n".join(
        found
    )


def private_member_uses(source: str) -> list[tuple[int, str]]:
    """``x._name`` where ``x`` is not ``self`` or ``cls`` (dunders are public protocol)."""
    uses = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        name = node.attr
        if not name.startswith("_") or (name.startswith("__") and name.endswith("__")):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}:
            continue
        uses.append((node.lineno, ast.unparse(node)))
    for node in ast.walk(ast.parse(source)):  # ``from module import _name`` reaches in too
        if isinstance(node, ast.ImportFrom):
            private = [
                a.name for a in node.names if a.name.startswith("_") and not a.name.endswith("__")
            ]
            uses += [(node.lineno, f"from {node.module} import {name}") for name in private]
    return uses


def test_the_private_member_check_sees_what_it_should() -> None:
    source = "self._a\ncls._b\nother._c\nwindow.editor._d\nx.__class__\nfrom m import _e\n"
    assert private_member_uses(source) == [
        (3, "other._c"),
        (4, "window.editor._d"),
        (6, "from m import _e"),
    ]


# Third-party internals with no public way in, each named with its reason.
THIRD_PARTY_INTERNALS = {
    # ReportLab's own flowables set Frame._atTop to say "lay out as at the top of the page";
    # a repeated section heading is page furniture, so what follows it is at the top.
    ("reviewapp/report/sections.py", "self.frame._atTop"),
}


def test_no_module_touches_another_objects_private_members() -> None:
    found = []
    for path in _sources():
        name = str(path.relative_to(PACKAGE.parent))
        for line, text in private_member_uses(path.read_text(encoding="utf-8")):
            if (name, text) not in THIRD_PARTY_INTERNALS:
                found.append(f"{name}:{line} {text}")
    assert found == []
