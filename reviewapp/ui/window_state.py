"""Remembering the window's geometry and splitter positions between runs (QSettings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from reviewapp.ui.main_window import MainWindow


def _bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore_state(window: MainWindow, settings: QSettings) -> None:
    geometry = _bytes(settings, "window/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        font = window.fontMetrics()
        width, height = font.averageCharWidth() * 175, font.lineSpacing() * 48
        screen = window.screen().availableGeometry()
        window.resize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))
    state = _bytes(settings, "window/state")
    if state is not None:
        window.restoreState(state)
    for key, splitter in (
        ("splitters/main", window.splitter),
        ("splitters/editor", window.editor.splitter),
        ("splitters/frameworks", window.frameworks.splitter),
    ):
        saved = _bytes(settings, key)
        if saved is None or not splitter.restoreState(saved):
            size = window.fontMetrics().averageCharWidth()
            first = size * (18 if splitter is window.splitter else 42)
            splitter.setSizes([first, size * 110])


def save_state(window: MainWindow, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("splitters/main", window.splitter.saveState())
    settings.setValue("splitters/editor", window.editor.splitter.saveState())
    settings.setValue("splitters/frameworks", window.frameworks.splitter.saveState())
    settings.sync()
