"""Where evidence search is shown: a Find evidence window over everyone's notes, and the search
field of the staff page's evidence journal (that person's notes)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.errors import ReviewAppError
from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.search import EvidenceHit
from reviewapp.services.container import Services
from reviewapp.ui.common import accessible, resize_within_screen, wrapping_label
from reviewapp.ui.evidence_list import NOTE_ROLE, EvidenceList
from reviewapp.ui.search_panel import EvidenceSearch


def review_covering(services: Services, note: EvidenceNote) -> int | None:
    """The review of the note's author whose period contains the note's date (newest first)."""
    for summary in services.reviews.list(staff_id=note.staff_id):
        if summary.period_start <= note.observed_on <= summary.period_end:
            return summary.id
    return None


class FindEvidenceDialog(QDialog):
    """Search every evidence note; Enter opens the person's page, Alt+R the review it is part of."""

    staffRequested = Signal(int)
    reviewRequested = Signal(int, int)  # review id, competency id

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Find evidence")
        self.search = EvidenceSearch(
            services.search,
            "Find evidence",
            "Words to look for in every staff member's evidence notes. Accents and case do not "
            "matter. Down or Enter moves to the results.",
            self,
        )
        self.search.field.setPlaceholderText("Words in evidence notes, e.g. printer or e-reader")
        self.search.table.setAccessibleDescription(
            "Enter opens the staff member's page; Alt+R opens the review the note belongs to."
        )
        self.search.opened.connect(self._open_staff)
        self.message = wrapping_label()
        self.message.setAccessibleName("Find evidence message")
        self.message.hide()
        label = QLabel("&Look for:")
        label.setBuddy(self.search.field)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.search.field, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.staff_button = self.buttons.addButton(
            "Open &staff page", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.review_button = self.buttons.addButton(
            "Open &review", QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in (self.buttons.button(QDialogButtonBox.StandardButton.Close),):
            accessible(button, "Close")
        for button in (self.staff_button, self.review_button):
            accessible(button, button.text().replace("&", ""))
            button.setAutoDefault(False)
        self.staff_button.clicked.connect(lambda: self._open_staff(self.search.current_hit()))
        self.review_button.clicked.connect(lambda: self._open_review(self.search.current_hit()))
        self.buttons.rejected.connect(self.reject)
        self.search.finished.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.search.status)
        layout.addWidget(self.search.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        chars, lines = self.fontMetrics().averageCharWidth(), self.fontMetrics().lineSpacing()
        resize_within_screen(self, chars * 132, lines * 30)
        self._update_buttons()

    def _update_buttons(self) -> None:
        found = self.search.model.rowCount() > 0
        self.staff_button.setEnabled(found)
        self.review_button.setEnabled(found)
        self.message.hide()

    def _open_staff(self, hit: EvidenceHit | None) -> None:
        if hit is not None:
            self.staffRequested.emit(hit.note.staff_id)
            self.hide()

    def _open_review(self, hit: EvidenceHit | None) -> None:
        if hit is None:
            return
        try:
            review_id = review_covering(self._services, hit.note)
        except ReviewAppError as exc:
            self._say(f"The reviews could not be read: {exc}")
            return
        if review_id is None:
            self._say(
                f"No review of {hit.staff_name} covers {hit.note.observed_on:%Y-%m-%d}; "
                "the note is in their evidence journal (Open staff page)."
            )
            return
        self.reviewRequested.emit(review_id, hit.note.competency_id)
        self.hide()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def start(self) -> None:
        """Show the window with the field ready for typing (the last search still shown)."""
        self.show()  # a dialog stays above the window it belongs to: no raise() needed
        self.activateWindow()
        self.search.field.setFocus()
        self.search.field.selectAll()
        self.search.refresh()

    def done(self, result: int) -> None:
        self.search.wait()
        super().done(result)


class JournalWithSearch(QWidget):
    """The staff page's evidence journal with a search field above it; while something is
    typed, the notes found replace the journal. Enter on a found note opens the review whose
    period covers it, or shows the note in the journal when no review does."""

    reviewRequested = Signal(int, int)  # review id, competency id

    def __init__(self, services: Services, journal: EvidenceList, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.journal = journal
        self.search = EvidenceSearch(
            services.search,
            "Search this person's notes",
            "Words to look for in this staff member's evidence notes. Enter on a found note "
            "opens the review it belongs to.",
            self,
        )
        self.search.field.setPlaceholderText("Search this person's evidence notes")
        self.search.table.setColumnHidden(self.search.model.COLUMN_STAFF, True)
        self.search.field.textChanged.connect(self._switch)
        self.search.opened.connect(self._open)
        results = QWidget()
        column = QVBoxLayout(results)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search.status)
        column.addWidget(self.search.table, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(journal)
        self.stack.addWidget(results)
        label = QLabel("Search n&otes:")
        label.setBuddy(self.search.field)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.search.field, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def set_staff(self, staff_id: int) -> None:
        self.search.set_staff(staff_id)

    def _switch(self, text: str) -> None:
        self.stack.setCurrentIndex(1 if text.strip() else 0)

    def _open(self, hit: EvidenceHit) -> None:
        try:
            review_id = review_covering(self._services, hit.note)
        except ReviewAppError as exc:
            self.search.status.setText(f"The reviews could not be read: {exc}")
            return
        if review_id is None:
            self.show_in_journal(hit.note)
        else:
            self.reviewRequested.emit(review_id, hit.note.competency_id)

    def show_in_journal(self, note: EvidenceNote) -> None:
        """Back to the journal with this note selected (Enter there edits it)."""
        self.search.field.clear()
        notes = self.journal.list
        for row in range(notes.count()):
            shown = notes.item(row).data(NOTE_ROLE)
            if shown is not None and shown.uuid == note.uuid:
                notes.setCurrentRow(row)
                break
        notes.setFocus()
