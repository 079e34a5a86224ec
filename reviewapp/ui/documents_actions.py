"""PDF documents from the window: one review, a meeting worksheet, and a batch of reviews.

Rendering runs on the window's background threads; the finished file is handed to the system's
PDF viewer (through ``Prompts.show_file``, which tests replace).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from reviewapp.domain.errors import ReviewAppError
from reviewapp.ui.batch_pdf_dialog import BatchPdfDialog, BatchRun
from reviewapp.ui.crash import FaultMessage
from reviewapp.ui.message_list import MessageListDialog
from reviewapp.ui.prompts import Prompts

if TYPE_CHECKING:
    from reviewapp.ui.context import WindowContext

PDF_FILTER = "PDF documents (*.pdf)"
NOT_STORED = (
    "An edit could not be saved, so nothing was exported: the export would leave it out. The "
    "text stays where it was typed; try again in a moment."
)
FOLDER_KEY = "pdf"


def show_problem(
    context: WindowContext, title: str, summary: str, items: list[str] | None = None
) -> MessageListDialog | None:
    """A dialog with the problems; none for a fault, which the crash dialog has shown."""
    if any(isinstance(item, FaultMessage) for item in items or []):
        context.show_message(f"{summary} {' '.join(items or [])}")
        return None
    dialog = MessageListDialog(title, summary, items, "Problems", parent=context.widget)
    context.show_dialog(dialog)
    return dialog


def with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class DocumentActions(QObject):
    def __init__(self, context: WindowContext, prompts: Prompts) -> None:
        super().__init__(context.widget)
        self.context = context
        self.prompts = prompts
        self.batch: BatchRun | None = None
        self.export_pdf = self._action(
            "Export &PDF…", "Ctrl+P", self.export_current, "Write the review as a PDF document"
        )
        self.print_worksheet = self._action(
            "Print &worksheet…",
            "Ctrl+Shift+P",
            self.worksheet_current,
            "A PDF worksheet of the framework for handwritten notes in the meeting",
        )
        self.export_batch = self._action(
            "Export PD&Fs…", None, self.open_batch, "One PDF per review, for many reviews at once"
        )

    def _action(self, text: str, keys: str | None, slot: object, tip: str) -> QAction:
        action = QAction(text, self.context.widget)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.context.widget.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        return [self.export_pdf, self.print_worksheet, self.export_batch]

    # -- one review --------------------------------------------------------------------------------

    def export_current(self) -> None:
        review_id = self.context.selection().review_id
        if review_id is None:
            self.context.show_message(
                "Select a review (in the Reviews list, Ctrl+2) or open one to export it as a PDF."
            )
            return
        self.export_review(review_id)

    def export_review(self, review_id: int) -> None:
        documents = self.context.services.documents
        if not self.context.flush():  # the PDF shows what was typed a moment ago, or waits
            show_problem(self.context, "Export PDF", NOT_STORED, [self.context.save_error])
            return
        try:
            name = documents.file_name(review_id)
        except ReviewAppError as exc:
            show_problem(self.context, "Export PDF", f"The review could not be read: {exc}")
            return
        path = self._choose("Export the review as a PDF", name)
        if path is not None:
            self._write(lambda: documents.write_review_pdf(review_id, path), path, "review")

    def worksheet_current(self) -> None:
        self.print_worksheet_for(self.context.selection().staff_id)

    def print_worksheet_for(self, staff_id: int | None) -> None:
        documents = self.context.services.documents
        try:
            name = documents.worksheet_file_name(staff_id)
        except ReviewAppError as exc:
            show_problem(self.context, "Print worksheet", f"The worksheet cannot be made: {exc}")
            return
        path = self._choose("Save the meeting worksheet as a PDF", name)
        if path is not None:
            self._write(
                lambda: documents.write_worksheet_pdf(path, staff_id), path, "meeting worksheet"
            )

    def _choose(self, title: str, name: str) -> Path | None:
        proposed = self.prompts.last_folder(FOLDER_KEY) / name
        path = self.prompts.save_file(self.context.widget, title, proposed, PDF_FILTER)
        if path is None:
            return None
        self.prompts.remember_folder(FOLDER_KEY, path.parent)
        return with_suffix(path, ".pdf")

    def _write(self, work: Callable[[], object], path: Path, what: str) -> None:
        self.context.show_message(f"Writing the {what} PDF…")

        def done(_written: object) -> None:
            self.context.show_message(f"Wrote {path}.")
            if not self.prompts.show_file(path):
                self.context.show_message(
                    f"Wrote {path}, but no PDF viewer could open it. Open the file from its folder."
                )

        def failed(message: str) -> None:
            self.context.show_message(f"The {what} PDF was not written.")
            show_problem(
                self.context, "PDF not written", f"The {what} PDF was not written.", [message]
            )

        self.context.tasks.run(work, done, failed, doing=f"writing the {what} PDF")

    # -- many reviews ------------------------------------------------------------------------------

    def open_batch(self) -> BatchPdfDialog:
        dialog = BatchPdfDialog(self.context.services, self.prompts, parent=self.context.widget)
        dialog.chosen.connect(self.start_batch)
        self.context.show_dialog(dialog)
        return dialog

    def start_batch(self, review_ids: list[int], folder: Path) -> BatchRun:
        self.prompts.remember_folder(FOLDER_KEY, folder)
        self.batch = BatchRun(self.context, self.prompts, review_ids, folder)
        self.batch.start()
        return self.batch

    def shutdown(self) -> None:
        """The window is closing: stop a batch after the documents being written now."""
        if self.batch is not None:
            self.batch.cancel()
