"""Restore from backup: the backups beside the database (date, kind, size, reviews)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.services.backup import BackupInfo
from reviewapp.ui.common import accessible, wrapping_label
from reviewapp.ui.list_table_model import ListTableModel
from reviewapp.ui.tasks import TaskRunner

KIND_LABELS = {
    "auto": "Automatic",
    "manual": "Made by hand",
    "before-update": "Before an update",
    "before-restore": "Before a restore",
    "damaged": "Damaged file set aside",
}


def size_text(size: int) -> str:
    if size >= 1_048_576:
        return f"{size / 1_048_576:.1f} MB"
    return f"{max(size // 1024, 1)} kB"


def backup_label(backup: BackupInfo) -> str:
    reviews = "" if backup.review_count is None else f", {backup.review_count:,} reviews"
    return f"{backup.created:%Y-%m-%d %H:%M} ({KIND_LABELS.get(backup.kind, backup.kind)}{reviews})"


class BackupTableModel(ListTableModel):
    COLUMN_DATE, COLUMN_KIND, COLUMN_SIZE, COLUMN_REVIEWS = range(4)
    HEADERS = ("Made on", "Kind", "Size", "Reviews")
    BackupRole = ListTableModel.RecordRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backups: list[BackupInfo] = []

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._backups = list(backups)
        self.endResetModel()

    def backup(self, row: int) -> BackupInfo:
        return self._backups[row]

    def shown(self) -> list[BackupInfo]:
        return self._backups

    def display(self, record: BackupInfo, column: int) -> str:
        if column == self.COLUMN_DATE:
            return f"{record.created:%Y-%m-%d %H:%M:%S}"
        if column == self.COLUMN_KIND:
            return KIND_LABELS.get(record.kind, record.kind)
        if column == self.COLUMN_SIZE:
            return size_text(record.size)
        return "?" if record.review_count is None else f"{record.review_count:,}"

    def tooltip(self, record: BackupInfo, column: int) -> str:
        return str(record.path) if column == self.COLUMN_REVIEWS else self.display(record, column)

    def role_data(self, record: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COLUMN_SIZE,
            self.COLUMN_REVIEWS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RestoreDialog(QDialog):
    """Lists the backups (read in the background); ``restoreRequested`` carries the one chosen."""

    restoreRequested = Signal(object)

    def __init__(self, list_backups: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self._tasks = TaskRunner(self)
        self._closed = False
        intro = wrapping_label(
            "Choose the backup to go back to. The reviews as they are now are replaced by the "
            "backup's; a backup of the current state is made first, so a restore can itself be "
            "undone by restoring that one."
        )
        self.model = BackupTableModel(self)
        self.table = accessible(
            QTableView(),
            "Backups",
            "Newest first: when each was made, its kind, its size and how many reviews it holds.",
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setAccessibleName("Backups columns")
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self.request_restore())
        self.state = QLabel("Reading the backups…")
        self.state.setAccessibleName("Backups found")
        self.state.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(
            "&Restore this backup…", QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in self.buttons.buttons():
            accessible(button, button.text().replace("&", "").rstrip("…"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.request_restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)
        chars, lines = self.fontMetrics().averageCharWidth(), self.fontMetrics().lineSpacing()
        self.resize(chars * 84, lines * 24)
        self._tasks.run(list_backups, self._listed, self._failed, doing="listing the backups")

    @property
    def loading(self) -> bool:
        return self._tasks.busy

    def _listed(self, backups: list[BackupInfo]) -> None:
        if self._closed:
            return
        self.model.set_backups(backups)
        if backups:
            noun = "backup" if len(backups) == 1 else "backups, newest first"
            self.state.setText(f"{len(backups)} {noun}.")
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.setFocus()
        else:
            self.state.setText("There are no backups of this database yet.")
        self.restore_button.setEnabled(bool(backups))

    def _failed(self, message: str) -> None:
        self.state.setText(f"The backups could not be listed: {message}")

    def selected(self) -> BackupInfo | None:
        index = self.table.currentIndex()
        return self.model.backup(index.row()) if index.isValid() else None

    def request_restore(self) -> None:
        backup = self.selected()
        if backup is not None:
            self.restoreRequested.emit(backup)

    def done(self, result: int) -> None:
        self._closed = True  # a list still arriving is for a closed dialog: ignored
        self._tasks.wait()
        super().done(result)
