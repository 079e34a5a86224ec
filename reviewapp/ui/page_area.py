"""The window's work area: the pages, in a scroll area that scrolls only when the window is
smaller than a page can be (large text on a small screen), never in normal use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScrollArea


class PageStack(QStackedWidget):
    """The pages, each filling the area. Only the page in front sets the minimum (a stack
    would take the largest of all), and a page whose text wraps (the review header) does not
    ask the scroll area for the height of all its lines laid out at full size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def heightForWidth(self, width: int) -> int:
        return self.minimumSizeHint().height()


def page_area(pages: PageStack) -> QScrollArea:
    """``pages`` in a frameless scroll area that keeps the focused field in view."""
    from PySide6.QtWidgets import QScrollArea

    from reviewapp.ui.focus_scroll import keep_focus_visible

    area = QScrollArea()
    area.setObjectName("pageArea")
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(pages)
    keep_focus_visible(area)
    return area
