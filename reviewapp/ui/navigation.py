"""The navigation list: Staff, Reviews, Frameworks."""

from __future__ import annotations

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
