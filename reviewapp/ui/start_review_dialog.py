"""Start a review: staff member, type, period (last 12 months by default) and meeting date."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.errors import ReviewAppError
from reviewapp.domain.review import ReviewDraft, ReviewType
from reviewapp.domain.staff import StaffMember
from reviewapp.services.container import Services
from reviewapp.ui.common import accessible, from_qdate, wrapping_label
from reviewapp.ui.form import MessageForm, date_edit, dialog_buttons

log = logging.getLogger(__name__)


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months ending today."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return year_ago + timedelta(days=1), today


class StartReviewDialog(QDialog):
    started = Signal(object)

    def __init__(
        self,
        services: Services,
        staff: list[StaffMember],
        chosen_id: int | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Start a review")
        today = today or date.today()
        start, end = default_period(today)
        self.form = MessageForm()
        intro = wrapping_label(
            "The review uses the current version of the competency framework. "
            "The period defaults to the last twelve months."
        )
        self.staff = QComboBox()
        for member in staff:
            self.staff.addItem(f"{member.display_name} ({member.employee_number})", member.id)
        # Nobody selected where the review was started: the person is asked for, never guessed.
        self.staff.setPlaceholderText("Choose the person to review…")
        self.staff.setCurrentIndex(self.staff.findData(chosen_id) if chosen_id is not None else -1)
        self.form.add_field("staff", "&Staff member:", self.staff)
        self.review_type = QComboBox()
        for kind in ReviewType:
            self.review_type.addItem(kind.label, kind.value)
        self.form.add_field("review_type", "Review t&ype:", self.review_type)
        self.period_start = self.form.add_field("period_start", "Period &from:", date_edit(start))
        self.period_end = self.form.add_field("period_end", "Period &to:", date_edit(end))
        self.has_meeting = accessible(QCheckBox("&Meeting date set"), "Meeting date set")
        self.has_meeting.setChecked(True)
        self.form.addRow("", self.has_meeting)
        self.meeting = self.form.add_field("meeting_date", "Meeting &date:", date_edit(today))
        self.has_meeting.toggled.connect(self.meeting.setEnabled)
        self.reviewer = self.form.add_field("reviewer_name", "Re&viewer:", QLineEdit())
        self.reviewer.setText(services.settings.get("reviewer_name"))
        self.buttons, start_button = dialog_buttons(self, self.start, "Start &review")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addStretch(1)  # room left once a message clears stays above the buttons
        layout.addWidget(self.buttons)
        start_button.setDefault(True)  # only once the button is inside the dialog
        if self.staff.currentIndex() < 0:
            self.staff.setFocus()  # the question to answer first

    def draft(self) -> ReviewDraft:
        return ReviewDraft(
            staff_id=int(self.staff.currentData()),
            reviewer_name=self.reviewer.text(),
            review_type=ReviewType(self.review_type.currentData()),
            period_start=from_qdate(self.period_start.date()),
            period_end=from_qdate(self.period_end.date()),
            meeting_date=from_qdate(self.meeting.date()) if self.has_meeting.isChecked() else None,
        )

    def start(self) -> None:
        self.form.clear_errors()
        if self.staff.currentIndex() < 0:
            self.form.show_error("staff", "Choose the staff member to review.", "staff")
            return
        try:
            review = self._services.reviews.start(self.draft())
        except ReviewAppError as exc:
            self.form.show_failure(exc, "staff", conflict_field="period_start")
            return
        try:  # remembered as the default for next time; the review itself is already stored
            if not self._services.settings.get("reviewer_name"):
                self._services.settings.set("reviewer_name", review.reviewer_name)
        except ReviewAppError:
            log.warning("could not remember the reviewer name", exc_info=True)
        self.started.emit(review)
        self.accept()
