"""Remembering the window's geometry and splitter positions between runs (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

Splitters = list[tuple[str, QSplitter, int]]
"""(settings key, splitter, width of its first part in characters when nothing is saved)."""


def _bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


FIRST_PART_AT_MOST = 0.3
"""Of the splitter's width, for a first part sized in characters (large text, small screen)."""


class _FirstSizes(QObject):
    """Sizes a splitter nothing was saved for once it has its real width: its first part
    ``first`` pixels wide, but no more than ``FIRST_PART_AT_MOST`` of the whole."""

    def __init__(self, splitter: QSplitter, first: int) -> None:
        super().__init__(splitter)
        self._splitter, self._first = splitter, first

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Resize:
            return False
        width = self._splitter.width()
        if width > 0:
            first = min(self._first, int(width * FIRST_PART_AT_MOST))
            self._splitter.setSizes([first, width - first])
            self._splitter.removeEventFilter(self)
            self.deleteLater()
        return False


def restore_splitters(
    window: QMainWindow, settings: QSettings, splitters: Splitters, *, capped: bool = True
) -> None:
    """Each splitter as saved, or sized from the text; ``capped``: a first part sized from
    the text takes no more than ``FIRST_PART_AT_MOST`` of the width once that is known."""
    for key, splitter, first_chars in splitters:
        saved = _bytes(settings, key)
        if saved is None or not splitter.restoreState(saved):
            size = window.fontMetrics().averageCharWidth()
            splitter.setSizes([size * first_chars, size * 110])
            if capped:
                splitter.installEventFilter(_FirstSizes(splitter, size * first_chars))


def restore_state(window: QMainWindow, settings: QSettings, splitters: Splitters) -> None:
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
    # The window's own splitter is not capped: its first part, the navigation, is narrow, and
    # a Python event filter would slow the first paint.
    restore_splitters(window, settings, splitters, capped=False)


def save_state(window: QMainWindow, settings: QSettings, splitters: Splitters) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    for key, splitter, _chars in splitters:
        settings.setValue(key, splitter.saveState())
    settings.sync()
