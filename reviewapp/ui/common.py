"""Small helpers shared by the widgets: accessible names, field messages, headings, text."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

W = TypeVar("W", bound=QWidget)


def accessible(widget: W, name: str, description: str = "") -> W:
    """Give a widget the name (and description) a screen reader announces."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def with_clear_button(field: QLineEdit, name: str = "Clear the text") -> QLineEdit:
    """Turn on a line edit's clear button and give that button a name a screen reader reads."""
    field.setClearButtonEnabled(True)
    for button in field.findChildren(QToolButton):
        button.setAccessibleName(name)
    return field


def heading(text: str, scale: float = 1.3, parent: QWidget | None = None) -> QLabel:
    """A bold label sized relative to the system font, so it follows the user's text size."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def wrapping_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def captioned(caption: str, widget: QWidget) -> QFormLayout:
    """A caption with what it names beside it (e.g. "File:" and the path), never apart."""
    row = QFormLayout()
    row.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    row.addRow(caption, widget)
    return row


def minimum_chars(window: QWidget, chars: int, share: float = 0.9) -> int:
    """At least ``chars`` characters of its font wide, unless that is more than ``share`` of
    the screen (text at 200% on a small screen); returns that width."""
    room = window.screen().availableGeometry()
    width = min(window.fontMetrics().averageCharWidth() * chars, int(room.width() * share))
    window.setMinimumWidth(width)
    return width


def fit_width(window: QWidget, chars: int) -> None:
    """At least ``chars`` characters wide (``minimum_chars``), and exactly as tall as its
    wrapped text needs then: paragraphs stay together at any text size."""
    width = minimum_chars(window, chars)
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        window.resize(width, layout.totalHeightForWidth(width))


def resize_within_screen(window: QWidget, width: int, height: int, share: float = 0.9) -> None:
    """Resize to the size wished for (from the font), but to no more than ``share`` of the
    screen's free area, leaving room for the title bar and the task bar."""
    room = window.screen().availableGeometry()
    window.resize(min(width, int(room.width() * share)), min(height, int(room.height() * share)))


def fit_to_contents(window: QWidget) -> None:
    """Grow a shown window until its wrapped text fits (never past the screen; never shrink it,
    which would move what the person is looking at)."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return  # a window not yet shown takes its size from its contents when it is shown
    layout.activate()
    room = window.screen().availableGeometry()
    frame = window.frameGeometry().size() - window.size()
    width = min(max(window.width(), window.sizeHint().width()), room.width() - frame.width())
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else window.sizeHint().height()
    )
    height = min(max(window.height(), needed), room.height() - frame.height())
    window.resize(width, height)


class FieldMessage(QLabel):
    """A message shown with a field: a warning sign and words, never colour alone. It wraps,
    and a screen reader announces it when it appears."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName("fieldMessage")
        self.setStyleSheet(
            "QLabel#fieldMessage { color: #ffffff; background: #8a1c1c; padding: 2px 4px; }"
        )
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(f"⚠ {message}")
        self.setAccessibleName(message)
        self.setAccessibleDescription(message)
        self.show()
        announcement = QAccessibleAnnouncementEvent(self, message)
        announcement.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(announcement)

    def clear_message(self) -> None:
        self.setText("")
        self.setAccessibleName("")
        self.setAccessibleDescription("")
        self.hide()


class PlainTextField(QPlainTextEdit):
    """Multi-line text where Tab moves focus and Undo/Redo go to the window's undo actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return False
        return super().event(event)


READ_ONLY_TEXT = Qt.TextInteractionFlag.TextSelectableByMouse | (
    Qt.TextInteractionFlag.TextSelectableByKeyboard
)


def show_as_text(field: QLineEdit | QPlainTextEdit | QAbstractSpinBox, read_only: bool) -> None:
    """A read-only field is drawn as text on the page, not as a box that ignores typing.

    No frame, no spin buttons, no background of its own; it keeps its accessible name, its place
    in the Tab order and selection (mouse and keyboard), so it can still be read and copied.
    An editable field gets its input box back.
    """
    field.setReadOnly(read_only)
    if isinstance(field, QPlainTextEdit):
        field.setFrameShape(QFrame.Shape.NoFrame if read_only else QFrame.Shape.StyledPanel)
        field.setTextInteractionFlags(
            READ_ONLY_TEXT if read_only else Qt.TextInteractionFlag.TextEditorInteraction
        )
    else:
        field.setFrame(not read_only)
    if isinstance(field, QAbstractSpinBox):
        field.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons
            if read_only
            else QAbstractSpinBox.ButtonSymbols.UpDownArrows
        )
    if read_only:
        # No fill of its own: whatever it sits on (the page, a group box) shows through.
        palette = QPalette(field.palette())
        palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.transparent)
        field.setPalette(palette)
    else:
        field.setPalette(QPalette())  # nothing set: the application's palette again


READ_ONLY_COMBO = (
    "QComboBox:disabled { color: palette(window-text); background: transparent; border: none; }"
    " QComboBox::drop-down:disabled { width: 0px; border: none; }"
)


def combo_as_text(combo: QComboBox, read_only: bool) -> None:
    """A choice that can no longer change: its value drawn as text, not as a greyed box."""
    combo.setEnabled(not read_only)
    combo.setStyleSheet(READ_ONLY_COMBO if read_only else "")


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def iso(value: date | None) -> str:
    return value.isoformat() if value else ""
