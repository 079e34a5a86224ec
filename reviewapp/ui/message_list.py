"""A message in plain words with a readable list under it (problems, conflicts, what was done)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.ui.common import accessible, wrapping_label

# Of the screen's free area: room left around the dialog for its title bar and the task bar.
SCREEN_SHARE = 0.9


class MessageListDialog(QDialog):
    """``summary`` says what happened; ``items`` are shown one per line, each selectable.

    However long the list, the dialog fits the screen and the list scrolls; "Copy all" puts the
    summary and every line on the clipboard.
    """

    def __init__(
        self,
        title: str,
        summary: str,
        items: list[str] | None = None,
        list_name: str = "Details",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.summary = accessible(wrapping_label(summary), title, summary[:200])
        self.items = accessible(QListWidget(), list_name)
        self.items.setWordWrap(True)
        self.items.setAlternatingRowColors(True)
        for item in items or []:
            self.items.addItem(item)
        self.items.setVisible(bool(items))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        accessible(close, "Close")
        close.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.copy_button = self.add_button("C&opy all", "Copy the message and every line")
        self.copy_button.clicked.connect(self.copy_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.buttons)
        self._fit_screen(bool(items))

    def _fit_screen(self, has_items: bool) -> None:
        chars, lines = self.fontMetrics().averageCharWidth(), self.fontMetrics().lineSpacing()
        room = self.screen().availableGeometry()
        width = min(chars * 80, int(room.width() * SCREEN_SHARE))
        height = min(lines * (22 if has_items else 8), int(room.height() * SCREEN_SHARE))
        self.resize(width, height)

    def add_button(self, text: str, name: str) -> QPushButton:
        """An extra action beside Close (e.g. "Open folder"); the caller connects it."""
        button = accessible(QPushButton(text), name)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button

    def lines(self) -> list[str]:
        return [self.items.item(row).text() for row in range(self.items.count())]

    def copy_all(self) -> None:
        QApplication.clipboard().setText("\n".join([self.summary.text(), *self.lines()]) + "\n")


def split_message(text: str) -> tuple[str, list[str]]:
    """A service message "Summary:\\n- one\\n- two" as its summary and its list items."""
    head, *rest = text.split("\n- ")
    return head.rstrip(":").strip(), [item.strip() for item in rest]
