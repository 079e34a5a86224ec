"""The window's staff dialogs: add, edit and import staff, start a review, load demo data.

They only run once the database is open (their actions are switched off until then), and each
dialog is imported when it is first opened. They act on the person the caller names, which the
window takes from what the user has selected; with nobody selected they ask instead of guessing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reviewapp.domain.errors import ReviewAppError
from reviewapp.ui.context import Changes

if TYPE_CHECKING:
    from reviewapp.domain.review import Review
    from reviewapp.domain.staff import StaffMember
    from reviewapp.ui.context import WindowContext


STAFF_FOLDER_KEY = "staff"
STAFF_FILTER = "CSV files (*.csv *.txt);;All files (*)"


class StaffDialogs:
    def __init__(self, context: WindowContext) -> None:
        self.context = context

    def add_staff(self) -> None:
        from reviewapp.ui.staff_dialog import StaffDialog

        dialog = StaffDialog(self.context.services, parent=self.context.widget)
        dialog.saved.connect(self._staff_added)
        self.context.show_dialog(dialog)

    def _staff_added(self, member: StaffMember) -> None:
        self.context.show_message(f"Added {member.name}.")
        self.context.notify(Changes(staff=True))
        self.context.open_staff(member.id)

    def edit_staff(self, staff_id: int | None) -> None:
        if staff_id is None:
            self.context.show_message(
                "Select a staff member first (in the Staff list, Ctrl+1), then edit their details."
            )
            return
        from reviewapp.ui.staff_dialog import StaffDialog

        try:
            member = self.context.services.staff.get(staff_id)
        except ReviewAppError as exc:
            self.context.show_message(str(exc))
            return
        dialog = StaffDialog(self.context.services, member, parent=self.context.widget)
        dialog.saved.connect(self._staff_edited)
        self.context.show_dialog(dialog)

    def _staff_edited(self, member: StaffMember) -> None:
        self.context.show_message(f"Saved {member.name}.")
        self.context.notify(Changes(staff=True))

    def start_review(self, staff_id: int | None) -> None:
        """The Start review dialog with ``staff_id`` chosen; with None, the person is asked for."""
        services = self.context.services
        staff = [m for m in services.staff.list() if m.active or m.id == staff_id]
        if not staff:
            self.context.show_message("Add a staff member before starting a review.")
            return
        from reviewapp.ui.start_review_dialog import StartReviewDialog

        dialog = StartReviewDialog(services, staff, staff_id, parent=self.context.widget)
        dialog.started.connect(self._review_started)
        self.context.show_dialog(dialog)

    def _review_started(self, review: Review) -> None:
        self.context.notify(Changes(reviews=True))
        self.context.show_message(f"Started a review of {review.staff_name}.")
        self.context.open_review(review.id)

    def import_staff(self) -> None:
        """Ask for the CSV file, starting in the folder used last time."""
        from reviewapp.ui.prompts import Prompts

        prompts = Prompts(self.context.settings)
        start = prompts.last_folder(STAFF_FOLDER_KEY)
        title = "Import staff from a CSV file"
        path = prompts.open_file(self.context.widget, title, start, STAFF_FILTER)
        if path is not None:
            prompts.remember_folder(STAFF_FOLDER_KEY, path.parent)
            self.import_staff_file(path)

    def import_staff_file(self, path: Path) -> bool:
        from reviewapp.domain.staff_csv import StaffCsvError
        from reviewapp.ui.message_list import MessageListDialog

        widget = self.context.widget
        try:
            added = self.context.services.staff.import_csv_file(path)
        except StaffCsvError as exc:  # every bad line: a list that scrolls and can be copied
            summary = f"Nothing was imported from {path.name}. Correct the file and try again:"
            self.context.show_dialog(
                MessageListDialog("Import staff", summary, exc.problems, "Problems", widget)
            )
            return False
        except ReviewAppError as exc:
            message = f"Nothing was imported. {exc}"
            self.context.show_dialog(MessageListDialog("Import staff", message, parent=widget))
            return False
        self.context.show_message(f"Imported {len(added)} staff members from {path.name}.")
        self.context.notify(Changes(staff=True))
        return True

    def load_demo(self, staff: int = 40, years: int = 4) -> None:
        """Fill the empty database with invented staff and reviews, in the background."""
        from reviewapp.ui import demo_loading

        demo_loading.load_demo(self.context, staff, years)
