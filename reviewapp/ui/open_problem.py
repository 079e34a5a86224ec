"""When the database will not open at start: say why in plain words and offer a way forward —
choose another file, restore the newest good backup, or quit. The damaged file is never changed
unless the person chooses to restore (and then it is first kept, as it was, in the backups)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.errors import ReviewAppError
from reviewapp.ui.common import accessible, captioned, fit_width, heading, wrapping_label

if TYPE_CHECKING:
    # Only needed once opening has failed, by which time they are loaded: the window shell
    # imports this module before the database layer (see reviewapp.app).
    from reviewapp.services.backup import BackupInfo
    from reviewapp.services.container import Services


class Choice(Enum):
    ANOTHER_FILE = "another"
    RESTORE = "restore"
    QUIT = "quit"


class OpenProblemDialog(QDialog):
    def __init__(
        self,
        location: str,
        message: str,
        backup: BackupInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        from reviewapp.ui.backup_dialog import backup_label

        super().__init__(parent)
        self.choice = Choice.QUIT
        self.setWindowTitle("The database could not be opened")
        title = heading("The database could not be opened", 1.2)
        where = wrapping_label(location)
        where.setAccessibleName("Database file")
        self.message = accessible(wrapping_label(message), "What is wrong", message)
        if backup is not None:
            advice = (
                f"The newest good backup is from {backup_label(backup)}. Restoring it keeps the "
                "current file, exactly as it is, in the backups folder first."
            )
        else:
            advice = "There is no good backup of this file to restore."
        self.advice = accessible(wrapping_label(advice), "What can be done", advice)
        self.another_button = accessible(
            QPushButton("Choose &another file…"), "Choose another database file"
        )
        self.restore_button = accessible(
            QPushButton("&Restore the newest good backup"),
            "Restore the newest good backup",
            advice,
        )
        self.restore_button.setVisible(backup is not None)
        self.quit_button = accessible(QPushButton("&Quit"), "Quit")
        self.another_button.clicked.connect(lambda: self._choose(Choice.ANOTHER_FILE))
        self.restore_button.clicked.connect(lambda: self._choose(Choice.RESTORE))
        self.quit_button.clicked.connect(lambda: self._choose(Choice.QUIT))
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.another_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(captioned("File:", where))
        layout.addWidget(self.message)
        layout.addWidget(self.advice)
        layout.addStretch(1)  # any height to spare goes above the buttons, not between lines
        layout.addLayout(buttons)
        (self.restore_button if backup is not None else self.another_button).setDefault(True)
        fit_width(self, 80)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        if choice is Choice.QUIT:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:  # Escape or closing the window means Quit
        self.choice = Choice.QUIT
        super().reject()


Ask = Callable[[str, str, "BackupInfo | None"], Choice]
ChooseFile = Callable[[str], str | None]
Tell = Callable[[str], None]
Opener = Callable[[str], "Services"]


def ask_with_dialog(location: str, message: str, backup: BackupInfo | None) -> Choice:
    dialog = OpenProblemDialog(location, message, backup)
    dialog.exec()
    return dialog.choice


def choose_with_dialog(current: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    start = str(Path(current).parent) if "://" not in current else str(Path.home())
    path, _filter = QFileDialog.getOpenFileName(
        None,
        "Choose a reviewapp database",
        start,
        "reviewapp databases (*.sqlite3 *.db);;All files (*)",
    )
    return path or None


def tell_with_box(text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "reviewapp", text)
    box.exec()


def _good_backup(location: str) -> BackupInfo | None:
    from reviewapp.services.backup import newest_good_backup
    from reviewapp.services.opening import sqlite_path

    path = sqlite_path(location)
    if path is None or not path.expanduser().parent.is_dir():
        return None
    try:
        return newest_good_backup(path.expanduser())
    except OSError:
        return None


def open_or_find_a_way(
    location: str,
    open_services: Opener,
    ask: Ask = ask_with_dialog,
    choose_file: ChooseFile = choose_with_dialog,
    tell: Tell = tell_with_box,
) -> Services | None:
    """Open the database; on a problem, ask until it opens or the person quits (None)."""
    while True:
        try:
            return open_services(location)
        except ReviewAppError as exc:
            message = str(exc)
        next_location = find_a_way(location, message, ask, choose_file, tell)
        if next_location is None:
            return None
        location = next_location


def find_a_way(
    location: str,
    message: str,
    ask: Ask = ask_with_dialog,
    choose_file: ChooseFile = choose_with_dialog,
    tell: Tell = tell_with_box,
) -> str | None:
    """Opening ``location`` failed with ``message``: ask what to do, and do it.

    Returns the database to try next (another file, or the same one after restoring its newest
    good backup), or None when the person chose to quit.
    """
    from reviewapp.services.opening import sqlite_path
    from reviewapp.ui.backup_dialog import backup_label

    backup = _good_backup(location)
    choice = ask(location, message, backup)
    if choice is Choice.QUIT:
        return None
    if choice is Choice.ANOTHER_FILE:
        return choose_file(location) or location
    path = sqlite_path(location)
    if backup is None or path is None:
        return location
    from reviewapp.services.restore import restore_file

    try:
        result = restore_file(path.expanduser(), backup.path)
    except ReviewAppError as exc:
        tell(f"The backup could not be restored: {exc}\n\nThe file was left as it was.")
        return location
    kept = f"\n\nThe file it replaced is kept, as it was, in {result.previous}."
    tell(f"Restored the backup of {backup_label(backup)}.{kept if result.previous else ''}")
    return location
