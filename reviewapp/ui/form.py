"""A form layout whose fields each have a message line beside them for validation errors."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reviewapp.ui.common import FieldMessage, W


class MessageForm(QFormLayout):
    """Rows of label + field, where ``show_error(field, text)`` puts text next to that field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._messages: dict[str, FieldMessage] = {}
        self._fields: dict[str, QWidget] = {}

    def add_field(self, key: str, label: str, field: W, description: str = "") -> W:
        caption = QLabel(label)
        caption.setBuddy(field)
        field.setAccessibleName(label.replace("&", "").rstrip(":"))
        if description:
            field.setAccessibleDescription(description)
            field.setToolTip(description)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        column.addLayout(row)
        message = FieldMessage()
        column.addWidget(message)
        self.addRow(caption, holder)
        self._messages[key] = message
        self._fields[key] = field
        return field

    def show_error(self, key: str | None, text: str, fallback: str) -> None:
        """Show the message beside ``key``'s field (or ``fallback``'s when unknown) and focus it."""
        self.clear_errors()
        target = key if key in self._messages else fallback
        self._messages[target].show_message(text)
        self._fields[target].setFocus()

    def clear_errors(self) -> None:
        for message in self._messages.values():
            message.clear_message()

    def message(self, key: str) -> FieldMessage:
        return self._messages[key]
