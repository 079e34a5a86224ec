"""A form layout where each field can show a message under it, for errors and refusals.

Also what the form dialogs share: a date field, and Save/Cancel buttons with names a screen
reader reads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from reviewapp.domain.errors import ConflictError, ReviewAppError, ValidationError
from reviewapp.ui.common import FieldMessage, W, accessible, fit_to_contents, to_qdate


class DateField(QDateEdit):
    """A date field that is one Tab stop: Qt's own moves Tab through year, month and day, so
    a form of three dates took nine Tabs (the arrow keys still move between the parts)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def date_edit(value: date) -> QDateEdit:
    """A date field with a calendar, showing dates as 2026-01-31."""
    edit = DateField(to_qdate(value))
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
    # Enter in a text box is a new line: Ctrl+Enter accepts from anywhere in the dialog.
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, on_accept)
    accept.setToolTip(f"{accept.text().replace('&', '')} (Ctrl+Enter)")
    return buttons, accept


def changed_signal(field: QWidget) -> SignalInstance:
    """The signal a field sends when the person changes its value."""
    if isinstance(field, QComboBox):
        return field.currentTextChanged  # also sent while typing into an editable combo box
    if isinstance(field, QDateTimeEdit):
        return field.dateTimeChanged
    if isinstance(field, (QLineEdit, QPlainTextEdit)):
        return field.textChanged
    if isinstance(field, QAbstractButton):
        return field.toggled
    raise TypeError(f"MessageForm does not know when a {type(field).__name__} changes")


class MessageForm(QFormLayout):
    """Rows of label + field; ``show_error(field, text)`` puts the text under that field.

    A message takes the form's whole width and wraps, and the dialog grows to show all of it.
    A field's own problem goes when that field changes; a refusal of the form as a whole (a
    conflict, or a field the form does not have) goes when any field changes, since any of
    them may be the one that resolves it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._messages: dict[str, FieldMessage] = {}
        self._fields: dict[str, QWidget] = {}
        self._descriptions: dict[str, str] = {}
        self._shown: str | None = None
        self._cleared_by: str | None = None  # the field whose change clears it; None: any

    def add_field(self, key: str, label: str, field: W, description: str = "") -> W:
        caption = QLabel(label)
        caption.setBuddy(field)
        field.setAccessibleName(label.replace("&", "").rstrip(":"))
        if description:
            field.setAccessibleDescription(description)
            field.setToolTip(description)
        message = FieldMessage()
        self.addRow(caption, field)
        self.addRow(message)
        self._messages[key] = message
        self._fields[key] = field
        self._descriptions[key] = description
        changed_signal(field).connect(lambda *_value: self._field_changed(key))
        return field

    def show_error(self, key: str | None, text: str, fallback: str) -> None:
        """Show the message under ``key``'s field (or ``fallback``'s when unknown) and focus it."""
        if key in self._messages:
            self._show(key, text, cleared_by=key)
        else:
            self._show(fallback, text, cleared_by=None)

    def show_failure(
        self, error: ReviewAppError, fallback: str, conflict_field: str | None = None
    ) -> None:
        """Show why a service refused: a ValidationError under its field, a ConflictError
        under ``conflict_field``, anything else (or an unknown field) under ``fallback``."""
        if isinstance(error, ValidationError) and error.field in self._messages:
            self._show(error.field, str(error), cleared_by=error.field)
            return
        where = fallback
        if isinstance(error, ConflictError) and conflict_field in self._messages:
            where = conflict_field
        self._show(where, str(error), cleared_by=None)

    def clear_errors(self) -> None:
        if self._shown is not None:
            self._fields[self._shown].setAccessibleDescription(self._descriptions[self._shown])
        for message in self._messages.values():
            message.clear_message()
        self._shown = None

    def message(self, key: str) -> FieldMessage:
        return self._messages[key]

    def _show(self, key: str, text: str, cleared_by: str | None) -> None:
        self.clear_errors()
        field = self._fields[key]
        # Read with the field when it gets the focus, as a screen reader reads a description.
        field.setAccessibleDescription(" ".join(filter(None, [text, self._descriptions[key]])))
        self._messages[key].show_message(text)
        self._shown, self._cleared_by = key, cleared_by
        owner = self.parentWidget()
        if owner is not None:
            fit_to_contents(owner.window())
        field.setFocus()

    def _field_changed(self, key: str) -> None:
        if self._shown is not None and self._cleared_by in (None, key):
            self.clear_errors()
