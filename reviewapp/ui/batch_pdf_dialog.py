"""Batch PDF export: choose reviews by branch, status and period, and a folder; then a
cancellable progress dialog while the documents are written on the machine's cores."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.errors import ReviewAppError
from reviewapp.domain.review import ReviewStatus, ReviewSummary
from reviewapp.services.container import Services
from reviewapp.services.documents import BatchResult, BatchSelection
from reviewapp.ui.common import accessible, from_qdate, wrapping_label
from reviewapp.ui.crash import FaultMessage
from reviewapp.ui.form import MessageForm, date_edit, dialog_buttons
from reviewapp.ui.message_list import MessageListDialog
from reviewapp.ui.prompts import Prompts
from reviewapp.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from reviewapp.ui.context import WindowContext

FOLDER_KEY = "pdf"


def _date_edit(value: date) -> QDateEdit:
    edit = date_edit(value)
    edit.setEnabled(False)
    return edit


class BatchPdfDialog(QDialog):
    """Emits ``chosen(review ids, folder)`` when the person starts the export."""

    chosen = Signal(list, object)

    def __init__(self, services: Services, prompts: Prompts, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._prompts = prompts
        self._tasks = TaskRunner(self)
        self._generation = 0
        self.matches: list[ReviewSummary] | None = None
        self.setWindowTitle("Export PDFs")
        intro = wrapping_label(
            "Writes one PDF per review into a folder, named after the staff member, period and "
            "review type. Choose which reviews:"
        )
        self.form = MessageForm()
        self.branch = self.form.add_field("branch", "&Branch:", QComboBox())
        self.branch.addItem("All branches", None)
        for branch in services.staff.branches():
            self.branch.addItem(branch.name, branch.name)
        self.status = self.form.add_field("status", "&Status:", QComboBox())
        self.status.addItem("Any status", None)
        for status in ReviewStatus:
            self.status.addItem(status.label, status.value)
        today = date.today()
        self.use_from = accessible(QCheckBox("Periods ending on or &after"), "Limit period from")
        self.period_from = accessible(_date_edit(today.replace(month=1, day=1)), "Period from")
        self.use_to = accessible(QCheckBox("Periods s&tarting on or before"), "Limit period to")
        self.period_to = accessible(_date_edit(today), "Period to")
        for check, edit in ((self.use_from, self.period_from), (self.use_to, self.period_to)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self._changed())
            edit.dateChanged.connect(lambda _d: self._changed())
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(edit)
            row.addStretch(1)
            self.form.addRow(row)
        self.folder = self.form.add_field(
            "folder", "&Folder:", QLineEdit(), "The folder the PDFs are written into."
        )
        self.folder.setText(str(prompts.last_folder(FOLDER_KEY)))
        self.browse = accessible(QPushButton("Choose folder…"), "Choose folder")
        self.browse.clicked.connect(self.choose_folder)
        self.form.addRow("", self.browse)
        self.count = QLabel()
        self.count.setAccessibleName("Reviews chosen")
        self.buttons, self.export_button = dialog_buttons(self, self.start, "&Export PDFs")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.export_button.setDefault(True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self.branch.currentIndexChanged.connect(lambda _i: self._changed())
        self.status.currentIndexChanged.connect(lambda _i: self._changed())
        self.folder.textChanged.connect(lambda _t: self._update_button())
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.count_matches)
        self.count_matches()

    def selection(self) -> BatchSelection:
        status = self.status.currentData()
        return BatchSelection(
            branch=self.branch.currentData(),
            status=ReviewStatus(status) if status else None,
            period_from=from_qdate(self.period_from.date()) if self.use_from.isChecked() else None,
            period_to=from_qdate(self.period_to.date()) if self.use_to.isChecked() else None,
        )

    def _changed(self) -> None:
        self.matches = None
        self._update_button()
        self._debounce.start()

    def count_matches(self) -> None:
        """Find the reviews chosen, in the background (a large database takes a moment)."""
        self._generation += 1
        generation = self._generation
        self.count.setText("Counting the reviews…")
        select, selection = self._services.documents.select, self.selection()

        def done(found: list[ReviewSummary]) -> None:
            if generation == self._generation:
                self.matches = found
                noun = "review" if len(found) == 1 else "reviews"
                self.count.setText(f"{len(found):,} {noun} chosen.")
                self._update_button()

        def failed(message: str) -> None:
            if generation == self._generation:
                self.count.setText(f"The reviews could not be read: {message}")

        self._tasks.run(
            lambda: select(selection), done, failed, doing="finding the reviews to export"
        )

    def _update_button(self) -> None:
        ready = bool(self.matches) and bool(self.folder.text().strip())
        self.export_button.setEnabled(ready)

    def choose_folder(self) -> None:
        start = Path(self.folder.text().strip() or str(self._prompts.last_folder(FOLDER_KEY)))
        folder = self._prompts.folder(self, "Folder for the PDFs", start)
        if folder is not None:
            self.folder.setText(str(folder))

    def start(self) -> None:
        self.form.clear_errors()
        text = self.folder.text().strip()
        if not text:
            self.form.show_error("folder", "Choose the folder to write the PDFs into.", "folder")
            return
        folder = Path(text).expanduser()
        if folder.exists() and not folder.is_dir():
            self.form.show_error("folder", f"{folder} is a file, not a folder.", "folder")
            return
        if not self.matches:
            return
        self.chosen.emit([m.id for m in self.matches], folder)
        self.accept()

    def done(self, result: int) -> None:
        self._debounce.stop()
        self._generation += 1  # a count still arriving is for a closed dialog: ignored
        self._tasks.wait()
        super().done(result)


class _Progress(QObject):
    advanced = Signal(int, int, str)


class BatchRun(QObject):
    """One batch export: runs in the background, shows progress, can be cancelled."""

    workers: int | None = None  # None: every core of the machine

    def __init__(
        self, context: WindowContext, prompts: Prompts, review_ids: list[int], folder: Path
    ) -> None:
        super().__init__(context.widget)
        self.context = context
        self.prompts = prompts
        self.review_ids = review_ids
        self.folder = folder
        self.result: BatchResult | None = None
        self.done_count = 0
        self.summary: MessageListDialog | None = None
        self._cancel = threading.Event()
        self._signals = _Progress(self)
        self._signals.advanced.connect(self._advanced)
        total = len(review_ids)
        self.progress = QProgressDialog(context.widget)
        self.progress.setWindowTitle("Export PDFs")
        self.progress.setLabelText(f"Writing {total:,} PDFs into {folder}…")
        self.progress.setAccessibleName("Export progress")
        self.cancel_button = accessible(QPushButton("Cancel"), "Cancel the export")
        self.progress.setCancelButton(self.cancel_button)
        self.progress.setRange(0, total)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(self.cancel)
        width = self.progress.fontMetrics().averageCharWidth() * 70
        self.progress.setMinimumWidth(width)

    def start(self) -> None:
        documents, signals, cancel = self.context.services.documents, self._signals, self._cancel
        ids, folder, workers = list(self.review_ids), self.folder, self.workers
        self.progress.setValue(0)
        self.progress.show()

        def work() -> BatchResult:
            return documents.export_batch(
                ids,
                folder,
                workers=workers,
                progress=lambda done, total, name: signals.advanced.emit(done, total, name),
                cancelled=cancel.is_set,
            )

        self.context.show_message(f"Writing {len(ids):,} PDFs…")
        self.context.tasks.run(work, self._finished, self._failed, doing="writing the PDFs")

    def cancel(self) -> None:
        if not self._cancel.is_set():
            self._cancel.set()
            self.progress.setLabelText("Stopping after the documents being written now…")

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _advanced(self, done: int, total: int, name: str) -> None:
        self.done_count = done
        self.progress.setValue(done)
        if not self._cancel.is_set():
            self.progress.setLabelText(f"Written {done:,} of {total:,}: {name}")

    def _finished(self, result: BatchResult) -> None:
        self.result = result
        self.progress.hide()  # not close(): closing a progress dialog counts as Cancel
        total, written = len(self.review_ids), len(result.written)
        if self._cancel.is_set() and written + len(result.failed) < total:
            summary = f"Stopped: {written:,} of {total:,} PDFs were written to {self.folder}."
        else:
            summary = f"{written:,} of {total:,} PDFs were written to {self.folder}."
        if result.failed:
            summary += f" {len(result.failed):,} could not be written:"
        problems = self._problems(result)
        self.context.show_message(summary)
        self.summary = MessageListDialog(
            "Export PDFs", summary, problems, "Problems", self.context.widget
        )
        open_folder = self.summary.add_button("Open folder", "Open the folder of the PDFs")
        open_folder.clicked.connect(lambda: self.prompts.show_file(self.folder))
        self.context.show_dialog(self.summary)

    def _problems(self, result: BatchResult) -> list[str]:
        if not result.failed:
            return []
        failed_ids = [review_id for review_id, _error in result.failed]
        try:
            found = self.context.services.reviews.list(review_ids=failed_ids)
        except ReviewAppError:
            found = []
        names = {r.id: f"{r.staff_name}, {r.period_start} to {r.period_end}" for r in found}
        return [f"{names.get(rid, f'Review {rid}')}: {error}" for rid, error in result.failed]

    def _failed(self, message: str) -> None:
        self.progress.hide()  # not close(): closing a progress dialog counts as Cancel
        if isinstance(message, FaultMessage):  # the crash dialog has said it
            self.context.show_message(f"The PDFs were not written. {message}")
            return
        self.context.show_message("The PDFs were not written.")
        self.summary = MessageListDialog(
            "Export PDFs",
            "The PDFs could not be written.",
            [message],
            "Problems",
            self.context.widget,
        )
        self.context.show_dialog(self.summary)
