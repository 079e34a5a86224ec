"""A form layout whose fields each have a message line beside them for validation errors.

Also what the form dialogs share: a date field, and Save/Cancel buttons with names a screen
reader reads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.errors import ConflictError, ReviewAppError, ValidationError
from reviewapp.ui.common import FieldMessage, W, accessible, to_qdate


def date_edit(value: date) -> QDateEdit:
    """A date field with a calendar, showing dates as 2026-01-31."""
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def dialog_buttons(
    dialog: QDialog, on_accept: Callable[[], None], accept_text: str | None = None
) -> tuple[QDialogButtonBox, QPushButton]:
    """Save and Cancel (or Cancel and a button named ``accept_text``), each named for a screen
    reader; accepting calls ``on_accept``, cancelling rejects the dialog. Returns the box and
    its accepting button."""
    if accept_text is None:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        accept = buttons.button(QDialogButtonBox.StandardButton.Save)
    else:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        accept = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    for button in buttons.buttons():
        accessible(button, button.text().replace("&", ""))
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, accept


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

    def show_failure(
        self, error: ReviewAppError, fallback: str, conflict_field: str | None = None
    ) -> None:
        """Show why a service refused: a ValidationError beside its field, a ConflictError
        beside ``conflict_field``, anything else (or an unknown field) beside ``fallback``."""
        key: str | None = None
        if isinstance(error, ValidationError):
            key = error.field
        elif isinstance(error, ConflictError):
            key = conflict_field
        self.show_error(key, str(error), fallback)

    def clear_errors(self) -> None:
        for message in self._messages.values():
            message.clear_message()

    def message(self, key: str) -> FieldMessage:
        return self._messages[key]
