"""Helpers for keyboard tests: where focus is, said plainly when it is not where it should be."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from reviewapp.domain.framework import Framework
from reviewapp.services.container import Services

SHIPPED = Path(__file__).parents[2] / "resources" / "frameworks" / "sols-customer-service.json"

LEVEL_LABELS = (
    "Unsatisfactory",
    "Needs improvement",
    "Meets expectations",
    "Exceeds expectations",
    "Outstanding",
    "Exceptional",
    "Sets the standard",
)


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return (
        f"{type(widget).__name__} objectName={widget.objectName()!r} "
        f"accessibleName={widget.accessibleName()!r}"
    )


def assert_focus(expected: QWidget) -> None:
    actual = QApplication.focusWidget()
    assert actual is expected, f"focus is on {describe(actual)}, expected {describe(expected)}"


def visible_in(area: QAbstractScrollArea, widget: QWidget) -> bool:
    """Whether the widget's top edge (at least a line of it) shows in the scroll area's viewport."""
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    shown = QRect(top_left, widget.size()).intersected(viewport.rect())
    return shown.height() >= min(widget.height(), widget.fontMetrics().lineSpacing())


def wholly_visible_in(area: QAbstractScrollArea, widget: QWidget) -> bool:
    """Whether all of the widget shows in the scroll area's viewport."""
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, widget.size()))


def framework_with_levels(services: Services, count: int) -> Framework:
    """The shipped competencies on a scale of ``count`` levels, stored as a framework of its own."""
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    data["key"] = f"scale-of-{count}"
    data["title"] = f"Customer service on {count} levels"
    data["scale"] = [
        {"value": value, "label": label, "description": f"Level {value}: {label.lower()}."}
        for value, label in enumerate(LEVEL_LABELS[:count], start=1)
    ]
    framework, _created = services.frameworks.import_text(json.dumps(data))
    return framework
