"""File > Back up now, and Restore from backup (after a confirmation; then every view is reloaded).

A restore goes through the open database (``BackupService.restore``): SQLite's backup API copies
the chosen backup into it inside one transaction, after a backup of the current state. The
services stay valid, so the window only has to read everything again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog

from reviewapp.services.backup import BackupInfo, RestoreResult
from reviewapp.ui.backup_dialog import RestoreDialog, backup_label
from reviewapp.ui.context import Changes
from reviewapp.ui.documents_actions import show_problem
from reviewapp.ui.message_list import MessageListDialog
from reviewapp.ui.prompts import Prompts

if TYPE_CHECKING:
    from reviewapp.ui.context import WindowContext


class BackupActions(QObject):
    restored = Signal(object)  # the RestoreResult, once the window shows the restored state

    def __init__(self, context: WindowContext, prompts: Prompts) -> None:
        super().__init__(context.widget)
        self.context = context
        window = context.widget
        self.prompts = prompts
        self.restore_dialog: RestoreDialog | None = None
        self.busy: QProgressDialog | None = None
        self.back_up = QAction("&Back up now", window)
        self.back_up.setStatusTip("Make a verified backup of the database now")
        self.back_up.triggered.connect(self.back_up_now)
        self.restore = QAction("&Restore from backup…", window)
        self.restore.setStatusTip("Go back to one of the backups of this database")
        self.restore.triggered.connect(self.open_restore)
        reason = context.services.access.read_only_reason
        if context.read_only:
            self.restore.setEnabled(False)
            self.restore.setStatusTip(f"Restoring is not possible: {reason}")

    def actions(self) -> list[QAction]:
        return [self.back_up, self.restore]

    def back_up_now(self) -> None:
        w = self.context
        w.flush()
        w.show_message("Making a backup…")
        self.back_up.setEnabled(False)

        def done(made: BackupInfo) -> None:
            self.back_up.setEnabled(True)
            count = "" if made.review_count is None else f" ({made.review_count:,} reviews)"
            w.show_message(
                f"Backup written and verified: {made.path.name}{count}, in {made.path.parent}."
            )

        def failed(message: str) -> None:
            self.back_up.setEnabled(True)
            w.show_message("The backup was not made.")
            show_problem(w, "Back up now", "The backup was not made.", [message])

        w.tasks.run(w.services.backups.make_backup, done, failed, doing="making the backup")

    def open_restore(self) -> RestoreDialog:
        w = self.context
        self.restore_dialog = RestoreDialog(w.services.backups.list_backups, parent=w.widget)
        self.restore_dialog.restoreRequested.connect(self.confirm_restore)
        w.show_dialog(self.restore_dialog)
        return self.restore_dialog

    def confirm_restore(self, backup: BackupInfo) -> bool:
        w = self.context
        text = (
            f"Go back to the backup of {backup_label(backup)}?\n\n"
            "Every review, staff member and note in the database will be as it was then; changes "
            "made since will no longer be shown.\n\nA backup of the current state is made first, "
            "so you can return to it by restoring that backup."
        )
        if not self.prompts.confirm(
            self.restore_dialog or w.widget, "Restore backup", text, "&Restore"
        ):
            return False
        if not self._flushed():
            return False
        if self.restore_dialog is not None:
            self.restore_dialog.accept()
        self._restore(backup)
        return True

    def restore_now(self, backup: BackupInfo) -> bool:
        """Restore a backup the person has already chosen (no second question)."""
        if not self._flushed():
            return False
        self._restore(backup)
        return True

    def _flushed(self) -> bool:
        """Store the edits in progress first; if one cannot be stored, restore nothing."""
        w = self.context
        if w.flush():
            return True
        show_problem(w, "Restore backup", "Nothing was restored.", [w.save_error])
        return False

    def _restore(self, backup: BackupInfo) -> None:
        w = self.context
        self.busy = QProgressDialog("Restoring the backup…", "", 0, 0, w.widget)
        self.busy.setWindowTitle("Restore backup")
        self.busy.setCancelButton(None)
        self.busy.setAccessibleName("Restoring")
        self.busy.setWindowModality(Qt.WindowModality.WindowModal)
        self.busy.setMinimumDuration(0)
        self.busy.show()
        w.show_message("Restoring the backup…")
        backups = w.services.backups
        w.tasks.run(
            lambda: backups.restore(backup.path),
            self._restored,
            self._not_restored,
            doing="restoring the backup",
        )

    def _restored(self, result: RestoreResult) -> None:
        w = self.context
        if self.busy is not None:
            self.busy.close()
        w.notify(Changes.all())
        count = "" if result.review_count is None else f" It holds {result.review_count:,} reviews."
        kept = f"The state it replaced is kept in {result.previous}." if result.previous else ""
        summary = f"Restored {result.source.name}.{count}"
        w.show_message(summary)
        w.show_dialog(MessageListDialog("Backup restored", f"{summary}\n\n{kept}", parent=w.widget))
        self.restored.emit(result)

    def _not_restored(self, message: str) -> None:
        w = self.context
        if self.busy is not None:
            self.busy.close()
        w.show_message("Nothing was restored.")
        show_problem(w, "Restore backup", "The backup was not restored.", [message])
