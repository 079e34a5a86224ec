"""File > Export reviews… (the selected reviews to one package file) and Import reviews…

An import is all or nothing: a broken file or a clash with this database is shown as a readable
list (``PackageError.problems``, ``ImportConflictError.conflicts``) and nothing is changed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from reviewapp.domain.errors import ReviewAppError
from reviewapp.domain.package_validate import PackageError
from reviewapp.services.package_import import ImportConflictError, ImportReport
from reviewapp.services.packages import ExportReport
from reviewapp.ui.context import Changes
from reviewapp.ui.documents_actions import NOT_STORED, show_problem, with_suffix
from reviewapp.ui.message_list import MessageListDialog, split_message
from reviewapp.ui.prompts import Prompts

if TYPE_CHECKING:
    from reviewapp.ui.context import WindowContext

PACKAGE_FILTER = "Review packages (*.json);;All files (*)"
FOLDER_KEY = "packages"


class PackageActions(QObject):
    def __init__(self, context: WindowContext, prompts: Prompts) -> None:
        super().__init__(context.widget)
        self.context = context
        window = context.widget
        self.prompts = prompts
        self.export = QAction("E&xport reviews…", window)
        self.export.setStatusTip("Write the selected reviews to a review package file")
        self.export.triggered.connect(self.export_selected)
        self.import_ = QAction("I&mport reviews…", window)
        self.import_.setStatusTip("Add the reviews of a review package file (all or nothing)")
        self.import_.triggered.connect(self.choose_import)
        if context.read_only:
            self.import_.setEnabled(False)

    def actions(self) -> list[QAction]:
        return [self.export, self.import_]

    # -- export -----------------------------------------------------------------------------------

    def selected_review_ids(self) -> list[int]:
        """The reviews selected on the page in front, or the review open in the editor."""
        return list(self.context.selection().review_ids)

    def export_selected(self) -> None:
        ids = self.selected_review_ids()
        if not ids:
            self.context.show_message(
                "Select the reviews to export in the Reviews list (Ctrl+2), or open one."
            )
            return
        self.export_reviews(ids)

    def export_reviews(self, review_ids: list[int]) -> None:
        w = self.context
        if not w.flush():  # the package would leave out what was just typed
            show_problem(w, "Export reviews", NOT_STORED, [w.save_error])
            return
        count = len(review_ids)
        name = f"reviews-{date.today():%Y-%m-%d}-{count}.json"
        proposed = self.prompts.last_folder(FOLDER_KEY) / name
        title = f"Export {count} review{'s' if count != 1 else ''} to a package"
        path = self.prompts.save_file(w.widget, title, proposed, PACKAGE_FILTER)
        if path is None:
            return
        path = with_suffix(path, ".json")
        self.prompts.remember_folder(FOLDER_KEY, path.parent)
        packages = w.services.packages
        w.show_message(f"Writing {path.name}…")

        def done(report: ExportReport) -> None:
            w.show_message(
                f"Wrote {report.review_count} reviews of {report.staff_count} staff members "
                f"({report.note_count} evidence notes) to {report.path}."
            )

        def failed(message: str) -> None:
            w.show_message("The reviews were not exported.")
            show_problem(w, "Export reviews", "The reviews were not exported.", [message])

        w.tasks.run(
            lambda: packages.export_reviews(review_ids, path),
            done,
            failed,
            doing="exporting the reviews",
        )

    # -- import -----------------------------------------------------------------------------------

    def choose_import(self) -> None:
        w = self.context
        start = self.prompts.last_folder(FOLDER_KEY)
        path = self.prompts.open_file(
            w.widget, "Import reviews from a package", start, PACKAGE_FILTER
        )
        if path is not None:
            self.prompts.remember_folder(FOLDER_KEY, path.parent)
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        w = self.context
        w.flush()
        packages = w.services.packages
        w.show_message(f"Importing {path.name}…")
        self.import_.setEnabled(False)
        outcome: dict[str, object] = {}

        def work() -> ImportReport | None:
            try:
                return packages.import_package(path)
            except ReviewAppError as exc:  # shown with its list below, not as one line
                outcome["error"] = exc
                return None

        w.tasks.run(
            work,
            lambda report: self._imported(path, report, outcome),
            self._failed,
            doing="importing the review package",
        )

    def _imported(
        self, path: Path, report: ImportReport | None, outcome: dict[str, object]
    ) -> None:
        w = self.context
        self.import_.setEnabled(True)
        error = outcome.get("error")
        if report is None and isinstance(error, ReviewAppError):
            self._refused(path, error)
            return
        assert report is not None
        if report.changed:
            w.notify(Changes(staff=True, reviews=True))
        summary = (
            f"Imported {path.name}." if report.changed else f"{path.name}: nothing new to import."
        )
        w.show_message(summary)
        w.show_dialog(
            MessageListDialog("Import reviews", summary, report.lines(), "What was done", w.widget)
        )

    def _refused(self, path: Path, error: ReviewAppError) -> None:
        self.context.show_message(f"Nothing was imported from {path.name}.")
        if isinstance(error, PackageError):
            summary = (
                f"{path.name} is not a review package that can be imported. Nothing was imported."
            )
            items = list(error.problems)
        elif isinstance(error, ImportConflictError):
            summary = (
                f"Nothing was imported: {path.name} clashes with this database in "
                f"{len(error.conflicts)} place{'s' if len(error.conflicts) != 1 else ''}."
            )
            items = list(error.conflicts)
        else:
            head, items = split_message(str(error))
            summary = f"Nothing was imported from {path.name}. {head}"
        show_problem(self.context, "Import reviews", summary, items)

    def _failed(self, message: str) -> None:
        self.import_.setEnabled(True)
        self.context.show_message("Nothing was imported.")
        show_problem(self.context, "Import reviews", "Nothing was imported.", [message])
