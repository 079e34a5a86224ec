"""Remembering the window's geometry and splitter positions between runs (QSettings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter

if TYPE_CHECKING:
    from reviewapp.ui.main_window import MainWindow


def _bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _restore_splitters(
    window: MainWindow, settings: QSettings, keys: list[tuple[str, QSplitter]]
) -> None:
    for key, splitter in keys:
        saved = _bytes(settings, key)
        if saved is None or not splitter.restoreState(saved):
            size = window.fontMetrics().averageCharWidth()
            first = size * (18 if splitter is window.splitter else 42)
            splitter.setSizes([first, size * 110])


def restore_state(window: MainWindow, settings: QSettings) -> None:
    """The window shell as it was: size, position, toolbar, navigation width."""
    geometry = _bytes(settings, "window/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        font = window.fontMetrics()
        width, height = font.averageCharWidth() * 175, font.lineSpacing() * 48
        screen = window.screen().availableGeometry()
        window.resize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))
    state = _bytes(settings, "window/state")
    if state is not None:
        window.restoreState(state)
    _restore_splitters(window, settings, [("splitters/main", window.splitter)])


def restore_page_state(window: MainWindow, settings: QSettings) -> None:
    """The pages' splitters, once the pages exist (the database is open)."""
    _restore_splitters(
        window,
        settings,
        [
            ("splitters/editor", window.editor.splitter),
            ("splitters/frameworks", window.frameworks.splitter),
        ],
    )


def save_state(window: MainWindow, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("splitters/main", window.splitter.saveState())
    if window.attached:  # closed while opening: the pages' splitters stay as saved
        settings.setValue("splitters/editor", window.editor.splitter.saveState())
        settings.setValue("splitters/frameworks", window.frameworks.splitter.saveState())
    settings.sync()
