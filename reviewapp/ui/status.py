"""The status bar's parts: a message line that wraps instead of cutting a long message off,
the save state, and which database is open (its name; the whole path in the tooltip)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

MESSAGE_MS = 15_000
"""How long a message stays: long enough to read two lines at a calm pace."""


def centred(label: QLabel) -> QWidget:
    """``label`` in the middle of a page (by layouts: no need to load Qt's alignment flags)."""
    page = QWidget()
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(label)
    row.addStretch(1)
    column = QVBoxLayout(page)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(1)
    return page


def database_name(location: str) -> str:
    """A file's name, or a server URL without its password."""
    if "://" not in location:
        return Path(location).name
    scheme, _sep, rest = location.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}"


class MessageLabel(QLabel):
    """A wrapping label that asks the status bar for the height of all its lines (a status
    bar lays its widgets out by their size hints, which know nothing of wrapping)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        needed = self.heightForWidth(self.width()) if self.text() else 0
        if needed != self.minimumHeight():
            self.setMinimumHeight(max(needed, 0))


class StatusLine:
    """The window's status bar: ``show_message`` wraps onto a second line rather than cut."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.text = MessageLabel()
        self._plain = False
        self.text.setObjectName("statusMessage")
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Message")
        self.save = QLabel("All changes saved")
        self.save.setAccessibleName("Save state")
        self.save.setVisible(False)
        self.database = QLabel()
        self.database.setAccessibleName("Database in use")
        spacing = bar.fontMetrics().averageCharWidth() * 2
        for label in (self.save, self.database):
            label.setContentsMargins(spacing, 0, spacing, 0)
        bar.addWidget(self.text, 1)
        bar.addPermanentWidget(self.save)
        bar.addPermanentWidget(self.database)
        self._clear = QTimer(bar)
        self._clear.setSingleShot(True)
        self._clear.setInterval(MESSAGE_MS)
        self._clear.timeout.connect(self._cleared)

    def show_message(self, text: str) -> None:
        if not self._plain:  # set at the first message: Qt's enums load after the first paint
            from PySide6.QtCore import Qt

            self.text.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are not markup
            self._plain = True
        self.text.setText(text)
        self.text.fit()
        self.text.setToolTip(text)
        self.text.setAccessibleDescription(text)
        self._clear.start()

    def _cleared(self) -> None:
        self.show_message("")
        self._clear.stop()

    def message(self) -> str:
        return self.text.text()

    def show_database(
        self, location: str, *, opening: bool = False, read_only_reason: str = ""
    ) -> None:
        name = database_name(location)
        if opening:
            text = f"Opening database: {name}"
        else:
            text = f"Database: {name}" + (" (read-only)" if read_only_reason else "")
        self.database.setText(text)
        tip = database_name(location) if "://" in location else location
        if read_only_reason:
            tip += f"\nRead-only: {read_only_reason}"
        self.database.setToolTip(tip)
        self.database.setAccessibleDescription(tip)
