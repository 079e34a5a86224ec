"""Debounced saving of one text field: stored about half a second after typing stops."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

DELAY_MS = 500
RETRY_MS = 3_000


class TextAutosave(QObject):
    """Watches a text widget and calls ``save(text) -> bool`` once edits pause.

    A failed save keeps the text in the widget and tries again after a few seconds; ``flush()``
    saves a pending edit at once (before the review closes or the panel shows other data).
    """

    def __init__(
        self,
        widget: QPlainTextEdit | QLineEdit,
        save: Callable[[str], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._widget = widget
        self._save = save
        self._dirty = False
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        widget.textChanged.connect(self._edited)

    def text(self) -> str:
        widget = self._widget
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

    def show_text(self, text: str) -> None:
        """Show stored text without treating it as an edit (never over an unsaved edit)."""
        if self._dirty or self.text() == text:
            return
        self._loading = True
        try:
            if isinstance(self._widget, QPlainTextEdit):
                self._widget.setPlainText(text)
            else:
                self._widget.setText(text)
        finally:
            self._loading = False

    @property
    def pending(self) -> bool:
        return self._dirty

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._timer.start(DELAY_MS)

    def flush(self) -> bool:
        """Save now if there is an unsaved edit; False when the store refused it."""
        self._timer.stop()
        if not self._dirty:
            return True
        if self._save(self.text()):
            self._dirty = False
            return True
        self._timer.start(RETRY_MS)
        return False

    def discard(self) -> None:
        """Forget a pending edit (only when the review it belongs to is gone)."""
        self._timer.stop()
        self._dirty = False
