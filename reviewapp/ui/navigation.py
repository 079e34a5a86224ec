"""The navigation list: Staff, Reviews, Frameworks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QListWidget, QWidget

STAFF, REVIEWS, FRAMEWORKS = range(3)
TITLES = ("Staff", "Reviews", "Frameworks")


class Navigation(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Navigation")
        self.setAccessibleDescription("Staff, Reviews or Frameworks (Ctrl+1, Ctrl+2, Ctrl+3).")
        self.addItems(list(TITLES))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.setSpacing(4)
        width = max(self.fontMetrics().horizontalAdvance(t) for t in TITLES)
        self.setMinimumWidth(width + self.fontMetrics().averageCharWidth() * 3)

    def mark(self, row: int) -> None:
        """Show ``row`` as the current place without asking to go there."""
        self.blockSignals(True)
        self.setCurrentRow(row)
        self.blockSignals(False)


class History:
    """Where Back (Alt+Left) goes: how to show each page shown before, the newest last."""

    def __init__(self, limit: int = 30) -> None:
        self._openers: list[Callable[[], None]] = []
        self._current: Callable[[], None] | None = None
        self._limit = limit

    def shown(self, opener: Callable[[], None], remember: bool) -> None:
        if remember and self._current is not None:
            self._openers.append(self._current)
            del self._openers[: -self._limit]
        self._current = opener

    def back(self) -> None:
        if self._openers:
            self._openers.pop()()

    def forget(self) -> None:
        self._openers.clear()
        self._current = None
