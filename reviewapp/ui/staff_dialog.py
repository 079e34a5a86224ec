"""Add or edit a staff member, with validation messages next to the fields."""

from __future__ import annotations

from datetime import date

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
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.services.container import Services
from reviewapp.ui.common import accessible, from_qdate, minimum_chars, to_qdate
from reviewapp.ui.form import MessageForm, date_edit, dialog_buttons


class StaffDialog(QDialog):
    """Non-blocking: ``saved`` carries the stored member when the person presses Save."""

    saved = Signal(object)

    def __init__(
        self, services: Services, member: StaffMember | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._member = member
        self.setWindowTitle("Edit staff member" if member else "Add staff member")
        self.form = MessageForm()
        self.name = self.form.add_field("name", "&Full name:", QLineEdit())
        self.preferred = self.form.add_field(
            "preferred_name", "&Preferred name:", QLineEdit(), "Optional; shown after the name."
        )
        self.number = self.form.add_field("employee_number", "Employee &number:", QLineEdit())
        self.position = self.form.add_field("position", "P&osition:", QLineEdit())
        self.branch = QComboBox()
        self.branch.setEditable(True)
        self.branch.addItem("")
        self.branch.addItems([b.name for b in services.staff.branches()])
        self.form.add_field(
            "branch", "&Branch:", self.branch, "Choose a branch or type a new branch name."
        )
        self.has_start = accessible(QCheckBox("Start date &known"), "Start date known")
        self.start = date_edit(date.today())
        self.start.setEnabled(False)
        self.has_start.toggled.connect(self.start.setEnabled)
        self.form.addRow("", self.has_start)
        self.form.add_field("start_date", "&Start date:", self.start)
        self.email = self.form.add_field("email", "&E-mail:", QLineEdit())
        self.active = accessible(QCheckBox("&Active (currently employed)"), "Active")
        self.active.setChecked(True)
        self.form.addRow("", self.active)
        self.buttons, _save = dialog_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)  # room left once a message clears stays above the buttons
        layout.addWidget(self.buttons)
        # Room for a whole e-mail address or name at any text size.
        minimum_chars(self, 64)
        if member is not None:
            self._fill(member)

    def _fill(self, member: StaffMember) -> None:
        self.name.setText(member.name)
        self.preferred.setText(member.preferred_name)
        self.number.setText(member.employee_number)
        self.position.setText(member.position)
        self.branch.setCurrentText(member.branch_name)
        if member.start_date is not None:
            self.has_start.setChecked(True)
            self.start.setDate(to_qdate(member.start_date))
        self.email.setText(member.email)
        self.active.setChecked(member.active)

    def draft(self) -> StaffDraft:
        return StaffDraft(
            name=self.name.text(),
            employee_number=self.number.text(),
            position=self.position.text(),
            branch_name=self.branch.currentText(),
            start_date=from_qdate(self.start.date()) if self.has_start.isChecked() else None,
            preferred_name=self.preferred.text(),
            email=self.email.text(),
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        self.form.clear_errors()
        try:
            if self._member is None:
                member = self._services.staff.create(self.draft())
            else:
                member = self._services.staff.update(self._member.id, self.draft())
        except ReviewAppError as exc:
            self.form.show_failure(exc, "name", conflict_field="employee_number")
            return
        self.saved.emit(member)
        self.accept()
