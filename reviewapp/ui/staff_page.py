"""One staff member: details, reviews (newest first), evidence journal and open goals."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.errors import ReviewAppError, ValidationError
from reviewapp.domain.evidence import EvidenceDraft, EvidenceNote
from reviewapp.domain.framework import Framework
from reviewapp.domain.staff import StaffMember
from reviewapp.services.container import Services
from reviewapp.ui.common import accessible, heading, iso, wrapping_label
from reviewapp.ui.context import Changes, Selection
from reviewapp.ui.evidence_dialog import EvidenceDialog
from reviewapp.ui.evidence_list import EvidenceList
from reviewapp.ui.find_evidence import JournalWithSearch
from reviewapp.ui.flow_layout import button_row
from reviewapp.ui.review_editor.goals_panel import goal_text
from reviewapp.ui.review_table_model import ReviewTableModel
from reviewapp.ui.table_view import current_id, record_table, select_first, table_selection

Problem = tuple[str | None, str] | None


class StaffPage(QWidget):
    backRequested = Signal()
    editRequested = Signal(object)
    startReviewRequested = Signal(object)
    reviewOpenRequested = Signal(int)
    message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.member: StaffMember | None = None
        self._framework: Framework | None = None
        self.dialog: EvidenceDialog | None = None
        self.title = heading("", 1.4)
        # Two columns of three: the page stays low enough for large text on a small screen.
        self.details = QHBoxLayout()
        self._detail_labels: dict[str, QLabel] = {}
        for pairs in (
            (("number", "Employee no."), ("position", "Position"), ("branch", "Branch")),
            (("start", "Start date"), ("email", "E-mail"), ("status", "Status")),
        ):
            form = QFormLayout()
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for key, caption in pairs:
                label = accessible(wrapping_label(), caption)
                self._detail_labels[key] = label
                form.addRow(f"{caption}:", label)
            self.details.addLayout(form, 1)
        self.back_button = accessible(QPushButton("‹ All staff"), "Back to all staff")
        self.edit_button = accessible(QPushButton("Edit details…"), "Edit staff details")
        self.start_button = accessible(QPushButton("Start review…"), "Start a review")
        self.worksheet_button = accessible(
            QPushButton("Print worksheet…"),
            "Print worksheet",
            "A PDF of the framework for the meeting, with this person's open goals.",
        )
        self.back_button.clicked.connect(self.backRequested)
        self.edit_button.clicked.connect(lambda: self.editRequested.emit(self.member))
        self.start_button.clicked.connect(
            lambda: self.startReviewRequested.emit(self.member.id if self.member else None)
        )
        self.reviews_model = ReviewTableModel(self)
        self.reviews = record_table(
            self.reviews_model,
            "Reviews of this person",
            "Newest first. Enter opens the selected review.",
        )
        self.reviews.setSortingEnabled(False)
        for column in (ReviewTableModel.COLUMN_STAFF, ReviewTableModel.COLUMN_BRANCH):
            self.reviews.setColumnHidden(column, True)
        self.reviews.activated.connect(lambda _i: self._open_review())
        self.open_review_button = accessible(QPushButton("Open review"), "Open selected review")
        self.open_review_button.clicked.connect(self._open_review)
        self.journal = EvidenceList("Evidence journal")
        self.journal.addRequested.connect(lambda: self.open_note_dialog(None))
        self.journal.editRequested.connect(self.open_note_dialog)
        self.journal.deleteRequested.connect(self.delete_note)
        self.goals = accessible(QListWidget(), "Open goals", "Open goals of the latest review.")
        self.goals.setWordWrap(True)
        self.tabs = accessible(QTabWidget(), "Staff member sections")
        reviews_tab = QWidget()
        reviews_layout = QVBoxLayout(reviews_tab)
        reviews_layout.addWidget(self.reviews)
        row = QHBoxLayout()
        row.addWidget(self.open_review_button)
        row.addStretch(1)
        reviews_layout.addLayout(row)
        self.tabs.addTab(reviews_tab, "Reviews")
        self.journal_tab = JournalWithSearch(services, self.journal)
        self.tabs.addTab(self.journal_tab, "Evidence journal")
        self.tabs.addTab(self.goals, "Open goals")
        buttons = button_row(
            self.back_button, self.edit_button, self.start_button, self.worksheet_button
        )
        layout = QVBoxLayout(self)
        layout.addWidget(buttons)
        layout.addWidget(self.title)
        layout.addLayout(self.details)
        layout.addWidget(self.tabs, 1)

    def show_staff(self, staff_id: int) -> None:
        member = self._services.staff.get(staff_id)
        self.member = member
        self._framework = self._services.frameworks.current()
        self.title.setText(member.display_name)
        if self.journal_tab.search.staff_id != member.id:
            self.journal_tab.set_staff(member.id)
        values = {
            "number": member.employee_number,
            "position": member.position or "—",
            "branch": member.branch_name or "—",
            "start": iso(member.start_date) or "—",
            "email": member.email or "—",
            "status": "Active" if member.active else "Inactive (no longer employed)",
        }
        for key, value in values.items():
            self._detail_labels[key].setText(value)
        self.reload_lists()

    def reload_lists(self) -> None:
        if self.member is None:
            return
        staff_id = self.member.id
        self.reviews_model.set_records(self._services.reviews.list(staff_id=staff_id))
        select_first(self.reviews)
        self.open_review_button.setEnabled(self.reviews_model.rowCount() > 0)
        self._reload_notes()
        self.goals.clear()
        goals = self._services.goals.open_for_staff(staff_id)
        for number, goal in enumerate(goals, start=1):
            self.goals.addItem(goal_text(goal, number))
        if not goals:
            self.goals.addItem("No open goals.")

    def _reload_notes(self) -> None:
        if self.member is not None:
            notes = self._services.evidence.for_staff(self.member.id)
            editable = not self._services.access.read_only
            self.journal.set_notes(notes, self._framework, editable=editable)

    def _open_review(self) -> None:
        review_id = current_id(self.reviews)
        if review_id is not None:
            self.reviewOpenRequested.emit(review_id)

    # -- the evidence journal ------------------------------------------------------------------

    def open_note_dialog(self, note: EvidenceNote | None) -> EvidenceDialog | None:
        if self.member is None or self._framework is None:
            return None
        self.dialog = EvidenceDialog(self._framework, note=note, parent=self.window())
        self.dialog.submitted = lambda draft: self._store_note(note, draft)
        self.dialog.open()
        return self.dialog

    def _store_note(self, note: EvidenceNote | None, draft: EvidenceDraft) -> Problem:
        assert self.member is not None
        try:
            if note is None:
                self._services.evidence.add(self.member.id, draft)
            else:
                self._services.evidence.update(note.id, draft)
        except ValidationError as exc:
            return exc.field, str(exc)
        except ReviewAppError as exc:
            return "observed_on", str(exc)
        self._reload_notes()
        self.message.emit("Evidence note saved.")
        return None

    def delete_note(self, note: EvidenceNote) -> None:
        answer = QMessageBox.question(
            self.window(),
            "Delete evidence note",
            f"Delete the note of {note.observed_on:%Y-%m-%d}?\n\n{note.text[:300]}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.evidence.delete(note.id)
        except ReviewAppError as exc:
            self.message.emit(f"The note was not deleted: {exc}")
            return
        self._reload_notes()
        self.message.emit("Evidence note deleted.")

    def selection(self) -> Selection:
        """This person, and the review selected in their Reviews tab."""
        if self.member is None:
            return Selection()
        if self.tabs.currentIndex() != 0:  # the journal or goals in front: no review chosen
            return Selection(staff_id=self.member.id, staff_name=self.member.display_name)
        reviews = table_selection(self.reviews, self.reviews_model.record)
        return Selection(
            staff_id=self.member.id,
            staff_name=self.member.display_name,
            review_id=reviews.review_id,
            review_ids=reviews.review_ids,
        )

    def apply(self, changes: Changes) -> None:
        if changes.everything:
            self.member = None
            self.journal_tab.search.set_staff(None)  # its results were of the old state
        elif (
            self.member is not None
            and not self.isHidden()  # the page in front, even before the window shows
            and changes.touches(staff=True, reviews=True)
        ):
            try:
                self.show_staff(self.member.id)
            except ReviewAppError as exc:
                self.message.emit(str(exc))

    def focus_journal_search(self) -> None:
        """Ctrl+F here: the search of this person's evidence journal."""
        self.tabs.setCurrentWidget(self.journal_tab)
        self.journal_tab.search.field.setFocus()

    def focus_main(self) -> None:
        self.tabs.setFocus()
