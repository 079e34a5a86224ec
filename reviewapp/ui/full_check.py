"""After start-up: SQLite's full integrity check in the background, and a way forward if it fails.

Start-up runs only SQLite's quick check (``services/quick_check.py``) so that the window opens at
once. The quick check reads every page but does not compare each index with its rows, nor follow
the foreign keys. Once the window shows the database, ``FullCheck`` runs the full checks
(``check_open``: integrity check and foreign key check, on a read-only connection of its own) on
a worker thread. When they find damage, a warning says so in plain words, with the two ways
forward: restore the newest good backup (the damaged state is kept aside first, exactly as it
is), or go on read-only, so that nothing more is written to the damaged file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from reviewapp.services.backup import BackupInfo
from reviewapp.services.check import CheckReport, Problem, check_open
from reviewapp.ui.backup_dialog import backup_label
from reviewapp.ui.common import accessible, captioned, fit_width, heading, wrapping_label
from reviewapp.ui.tasks import LatestAnswer, TaskRunner

if TYPE_CHECKING:
    from reviewapp.ui.backup_actions import BackupActions
    from reviewapp.ui.context import WindowContext

# What the check cannot judge (the file is busy or unreadable just now): said, not alarmed about.
NOT_CHECKED = (Problem.LOCKED, Problem.UNREADABLE, Problem.MISSING)
START_AFTER_MS = 1500
"""The check waits this long after the database is shown: the first lists load before it."""


def check_after_opening(
    context: WindowContext, backups: BackupActions, delay_ms: int = START_AFTER_MS
) -> FullCheck:
    """Start the full check of the window's database shortly (the app calls this once the
    window has attached its database)."""
    check = FullCheck(context, backups)
    QTimer.singleShot(delay_ms, check, check.start)
    return check


class DamagedDatabaseDialog(QDialog):
    """The database turned out damaged: what is wrong, and restore or go on read-only."""

    def __init__(
        self, location: str, message: str, backup: BackupInfo | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.backup = backup
        self.setWindowTitle("The database is damaged")
        where = wrapping_label(location)
        where.setAccessibleName("Database file")
        self.message = accessible(wrapping_label(message), "What is wrong", message)
        if backup is not None:
            advice = (
                f"The newest good backup is from {backup_label(backup)}. Restoring it brings back "
                "the reviews as they were then; the damaged state is kept first, exactly as it "
                "is, in the backups folder."
            )
        else:
            advice = "There is no good backup of this database to restore."
        self.advice = accessible(wrapping_label(advice), "What can be done", advice)
        read_only_note = (
            "Going on read-only, you can still read, search, print and export reviews, and "
            "nothing more is written to the damaged file."
        )
        self.read_only_note = accessible(
            wrapping_label(read_only_note), "Going on read-only", read_only_note
        )
        self.restore_button = accessible(
            QPushButton("&Restore the newest good backup"), "Restore the newest good backup"
        )
        self.restore_button.setVisible(backup is not None)
        self.read_only_button = accessible(
            QPushButton("Go on &read-only"),
            "Go on read-only",
            "Nothing more is written to the damaged database until a backup is restored.",
        )
        self.restore_button.clicked.connect(self.accept)
        self.read_only_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.read_only_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("The database is damaged", 1.2))
        layout.addLayout(captioned("File:", where))
        layout.addWidget(self.message)
        for paragraph in (self.advice, self.read_only_note):
            layout.addSpacing(self.fontMetrics().lineSpacing() // 2)
            layout.addWidget(paragraph)
        layout.addSpacing(self.fontMetrics().lineSpacing() // 2)
        layout.addStretch(1)  # any height to spare goes above the buttons, not between lines
        layout.addLayout(buttons)
        (self.restore_button if backup is not None else self.read_only_button).setDefault(True)
        fit_width(self, 80)


class FullCheck(QObject):
    """Runs the full check of the window's database once, in the background (``start``)."""

    finished = Signal(object)  # the CheckReport

    def __init__(self, context: WindowContext, backups: BackupActions) -> None:
        super().__init__(context.widget)
        self.context = context
        self.backups = backups
        self.report: CheckReport | None = None
        self.dialog: DamagedDatabaseDialog | None = None
        self._tasks = TaskRunner(self)  # its own thread: the lists load beside it
        self._latest = LatestAnswer(self)

    def start(self) -> bool:
        """Begin the check (False for a server database: SQLite's checks do not apply)."""
        services = self.context.services
        if services is None or services.access.path is None:
            return False
        path, backups = services.access.path, services.backups

        def work() -> tuple[CheckReport, BackupInfo | None]:
            thread = QThread.currentThread()
            if thread is not None:  # reading every page must not slow down the person's work
                thread.setPriority(QThread.Priority.LowPriority)
            report = check_open(path)
            damaged = not report.ok and report.problem not in NOT_CHECKED
            return report, backups.newest_good_backup() if damaged else None

        current = self._latest.request()
        self._tasks.run(
            work, current(self._checked), current(self._failed), doing="checking the database"
        )
        return True

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def _checked(self, answer: tuple[CheckReport, BackupInfo | None]) -> None:
        report, backup = answer
        self.report = report
        if report.ok:
            self.context.show_message("Database checked: no damage found.")
        elif report.problem in NOT_CHECKED:
            self.context.show_message(f"The database could not be checked fully: {report.message}")
        else:
            self._damaged(report, backup)
        self.finished.emit(report)

    def _failed(self, message: str) -> None:
        self.context.show_message(f"The database could not be checked fully: {message}")

    def _damaged(self, report: CheckReport, backup: BackupInfo | None) -> None:
        services = self.context.services
        assert services is not None
        # The damaged state cannot pass a backup's own check: no closing backup of it.
        services.access.backup_on_exit = False
        self.context.flush()  # what was typed is stored (and kept aside with the damaged state)
        self.context.show_message("The database is damaged: restore a backup or go on read-only.")
        dialog = DamagedDatabaseDialog(
            services.location, report.message, backup, self.context.widget
        )
        dialog.accepted.connect(lambda: self._restore(backup))
        dialog.rejected.connect(lambda: self._go_read_only(report))
        self.dialog = dialog
        self.context.show_dialog(dialog)

    def _restore(self, backup: BackupInfo | None) -> None:
        if backup is None:
            return
        self.backups.restored.connect(self._restored)
        self.backups.restore_now(backup)

    def _restored(self, _result: object) -> None:
        services = self.context.services
        if services is not None and not services.access.read_only:
            services.access.backup_on_exit = True  # healthy again: back up on closing as usual

    def _go_read_only(self, report: CheckReport) -> None:
        first = report.details[0] if report.details else report.message
        self.context.go_read_only(
            f"The database is damaged ({first}), so nothing more is written to it. Restore a "
            "backup (File > Restore from backup), then start reviewapp again to make changes.",
        )
