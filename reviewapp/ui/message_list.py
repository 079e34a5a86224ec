"""A message in plain words with a readable list under it (problems, conflicts, what was done)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.ui.common import accessible, wrapping_label


class MessageListDialog(QDialog):
    """``summary`` says what happened; ``items`` are shown one per line, each selectable."""

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
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.buttons)
        chars, lines = self.fontMetrics().averageCharWidth(), self.fontMetrics().lineSpacing()
        self.resize(chars * 80, lines * (22 if items else 8))

    def add_button(self, text: str, name: str) -> QPushButton:
        """An extra action beside Close (e.g. "Open folder"); the caller connects it."""
        button = accessible(QPushButton(text), name)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        return button

    def lines(self) -> list[str]:
        return [self.items.item(row).text() for row in range(self.items.count())]


def split_message(text: str) -> tuple[str, list[str]]:
    """A service message "Summary:\\n- one\\n- two" as its summary and its list items."""
    head, *rest = text.split("\n- ")
    return head.rstrip(":").strip(), [item.strip() for item in rest]
