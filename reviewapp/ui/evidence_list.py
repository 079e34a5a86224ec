"""A list of evidence notes with Add, Edit and Delete (keyboard: Enter edits, Delete deletes)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.framework import Framework
from reviewapp.ui.common import accessible

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1


def note_text(note: EvidenceNote, framework: Framework | None) -> str:
    where = ""
    if framework is not None:
        try:
            competency = framework.competency(note.competency_id)
            where = competency.code
            if note.indicator_id is not None:
                where = framework.indicator(note.indicator_id)[1].code
        except KeyError:
            where = ""
    head = " · ".join(p for p in (f"{note.observed_on:%Y-%m-%d}", note.source.label, where) if p)
    if note.frozen:
        head += " · finalised (read-only)"
    return f"{head}\n{note.text}"


class _NoteList(QListWidget):
    deletePressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.deletePressed.emit()
            return
        super().keyPressEvent(event)


class EvidenceList(QWidget):
    addRequested = Signal()
    editRequested = Signal(object)
    deleteRequested = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._framework: Framework | None = None
        self._editable = True
        self.list = accessible(
            _NoteList(),
            title,
            "Evidence notes, newest last. Enter edits the selected note, Delete removes it.",
        )
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # Four lines at least: it grows with the page, and a small screen at large text still
        # shows the staff page whole.
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.add_button = accessible(QPushButton("Add note…"), "Add evidence note")
        self.edit_button = accessible(QPushButton("Edit note…"), "Edit selected evidence note")
        self.delete_button = accessible(QPushButton("Delete note"), "Delete selected evidence note")
        self.add_button.clicked.connect(self.addRequested)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.list.itemActivated.connect(lambda _item: self._edit())
        self.list.deletePressed.connect(self._delete)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_notes(
        self, notes: list[EvidenceNote], framework: Framework | None, editable: bool = True
    ) -> None:
        self._framework = framework
        self._editable = editable
        current = self.current_note()
        self.list.clear()
        for note in notes:
            item = QListWidgetItem(note_text(note, framework))
            item.setData(NOTE_ROLE, note)
            self.list.addItem(item)
            if current is not None and note.uuid == current.uuid:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def current_note(self) -> EvidenceNote | None:
        item = self.list.currentItem()
        note: EvidenceNote | None = None if item is None else item.data(NOTE_ROLE)
        return note

    def _update_buttons(self) -> None:
        note = self.current_note()
        changeable = self._editable and note is not None and not note.frozen
        self.add_button.setEnabled(self._editable)
        self.edit_button.setEnabled(changeable)
        self.delete_button.setEnabled(changeable)

    def _edit(self) -> None:
        note = self.current_note()
        if note is not None and self._editable and not note.frozen:
            self.editRequested.emit(note)

    def _delete(self) -> None:
        note = self.current_note()
        if note is not None and self._editable and not note.frozen:
            self.deleteRequested.emit(note)
