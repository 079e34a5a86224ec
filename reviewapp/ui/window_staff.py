"""The main window's staff dialogs: add, edit and import staff, start a review, load demo data.

They only run once the database is open (their actions are switched off until then), and each
dialog is imported when it is first opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reviewapp.domain.errors import ReviewAppError

if TYPE_CHECKING:
    from reviewapp.domain.review import Review
    from reviewapp.domain.staff import StaffMember
    from reviewapp.ui.main_window import MainWindow


class StaffDialogs:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def add_staff(self) -> None:
        from reviewapp.ui.staff_dialog import StaffDialog

        dialog = StaffDialog(self.window.services, parent=self.window)
        dialog.saved.connect(self._staff_added)
        self.window._open_dialog(dialog)

    def _staff_added(self, member: StaffMember) -> None:
        self.window.show_message(f"Added {member.name}.")
        self.window.staff_list.reload()
        self.window.open_staff(member.id)

    def edit_current_staff(self) -> None:
        page = self.window.staff_page
        if self.window.pages.currentWidget() is page and page.member is not None:
            self.edit_staff(page.member)

    def edit_staff(self, member: StaffMember | None) -> None:
        if member is None:
            return
        from reviewapp.ui.staff_dialog import StaffDialog

        dialog = StaffDialog(self.window.services, member, parent=self.window)
        dialog.saved.connect(self._staff_edited)
        self.window._open_dialog(dialog)

    def _staff_edited(self, member: StaffMember) -> None:
        self.window.show_message(f"Saved {member.name}.")
        self.window.staff_list.member_changed(member)
        page = self.window.staff_page
        if page.member is not None and page.member.id == member.id:
            page.show_staff(member.id)

    def start_review(self, staff_id: int | None) -> None:
        staff = [m for m in self.window.services.staff.list() if m.active or m.id == staff_id]
        if not staff:
            self.window.show_message("Add a staff member before starting a review.")
            return
        page = self.window.staff_page
        if staff_id is None and self.window.pages.currentWidget() is page:
            staff_id = page.member.id if page.member else None
        from reviewapp.ui.start_review_dialog import StartReviewDialog

        dialog = StartReviewDialog(self.window.services, staff, staff_id, parent=self.window)
        dialog.started.connect(self._review_started)
        self.window._open_dialog(dialog)

    def _review_started(self, review: Review) -> None:
        self.window.reviews.stale = True
        self.window.show_message(f"Started a review of {review.staff_name}.")
        self.window.open_review(review.id)

    def import_staff(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self.window, "Import staff from a CSV file", str(Path.home()), "CSV files (*.csv)"
        )
        if path:
            self.import_staff_file(Path(path))

    def import_staff_file(self, path: Path) -> bool:
        from reviewapp.domain.staff_csv import StaffCsvError
        from reviewapp.ui.message_list import MessageListDialog

        try:
            added = self.window.services.staff.import_csv_file(path)
        except StaffCsvError as exc:  # every bad line: a list that scrolls and can be copied
            summary = f"Nothing was imported from {path.name}. Correct the file and try again:"
            self.window._open_dialog(
                MessageListDialog("Import staff", summary, exc.problems, "Problems", self.window)
            )
            return False
        except ReviewAppError as exc:
            message = f"Nothing was imported. {exc}"
            self.window._open_dialog(MessageListDialog("Import staff", message, parent=self.window))
            return False
        self.window.show_message(f"Imported {len(added)} staff members from {path.name}.")
        self.window.staff_list.reload()
        return True

    def load_demo(self, staff: int = 40, years: int = 4) -> None:
        """Fill the empty database with invented staff and reviews, in the background."""
        from reviewapp.ui import demo_loading

        demo_loading.load_demo(self.window, staff, years)
