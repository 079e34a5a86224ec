"""Whatever takes keyboard focus inside a scroll area is scrolled into view.

QScrollArea only does this for Tab and Shift+Tab; focus that arrives any other way (a label's
Alt+letter, a shortcut, a widget setting focus after a refusal) can land off-screen, where a
keyboard user cannot see what they are typing into.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


def ensure_focus_visible(area: QScrollArea) -> None:
    """Scroll the area so the focused widget shows, with a margin, when the focus is inside it
    (in a scroll area nested inside it too: ``ensureWidgetVisible`` maps through)."""
    focus = QApplication.focusWidget()
    body = area.widget()
    if focus is None or body is None or not body.isAncestorOf(focus):
        return
    layout = body.layout()
    if layout is not None:
        layout.activate()  # a page just switched to may not have its final geometry yet
    # Two lines of margin: the field's label above it shows too.
    margin = focus.fontMetrics().lineSpacing() * 2
    height = focus.height()
    if height + 2 * margin > area.viewport().height():
        area.ensureWidgetVisible(focus, margin, margin)  # too tall to show whole: its cursor
        return
    # The whole field, not only its text cursor (which is all ensureWidgetVisible shows of a
    # text box: the first line of a comment at the bottom edge).
    top_left = focus.mapTo(body, QPoint(0, 0))
    area.ensureVisible(top_left.x(), top_left.y() + height // 2, margin, height // 2 + margin)


class FocusScroller(QObject):
    """Follows the application's focus for one scroll area; lives and dies with that area."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        assert isinstance(app, QApplication), "focus scrolling needs a QApplication"
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return  # a click lands on what is already on screen: no jump under the pointer
        ensure_focus_visible(self._area)
        # Once more when the events queued by the focus change (a page switched to, a layout
        # settling on a real display) have run: the field's final place may differ.
        QTimer.singleShot(0, self, lambda: ensure_focus_visible(self._area))


def keep_focus_visible(area: QScrollArea) -> FocusScroller:
    """Install focus scrolling on a scroll area (once per area)."""
    existing = area.findChild(FocusScroller)
    if isinstance(existing, FocusScroller):
        return existing
    return FocusScroller(area)
