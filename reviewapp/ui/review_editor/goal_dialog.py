"""Add or edit a development goal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.review import Goal, GoalDraft, GoalStatus
from reviewapp.ui.common import PlainTextField, accessible, from_qdate, to_qdate
from reviewapp.ui.form import MessageForm, date_edit, dialog_buttons

FIELDS = ("description", "success_measure", "target_date", "support", "status")
Submit = Callable[[GoalDraft], tuple[str | None, str] | None]


class GoalDialog(QDialog):
    def __init__(self, goal: Goal | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit goal" if goal else "Add goal")
        self.submitted: Submit | None = None
        self.form = MessageForm()
        self.description = PlainTextField()
        self.description.setUndoRedoEnabled(True)
        self.form.add_field("description", "&Goal:", self.description)
        self.measure = self.form.add_field(
            "success_measure", "&Success looks like:", QLineEdit(), "How you will both know."
        )
        self.has_target = accessible(QCheckBox("&Target date set"), "Target date set")
        self.target = date_edit(date.today() + timedelta(days=180))
        self.target.setEnabled(False)
        self.has_target.toggled.connect(self.target.setEnabled)
        self.form.addRow("", self.has_target)
        self.form.add_field("target_date", "Target &date:", self.target)
        self.support = self.form.add_field("support", "Su&pport offered:", QLineEdit())
        self.status = QComboBox()
        for status in GoalStatus:
            self.status.addItem(status.label, status.value)
        self.form.add_field("status", "St&atus:", self.status)
        if goal is not None:
            self.description.setPlainText(goal.description)
            self.measure.setText(goal.success_measure)
            if goal.target_date is not None:
                self.has_target.setChecked(True)
                self.target.setDate(to_qdate(goal.target_date))
            self.support.setText(goal.support)
            self.status.setCurrentIndex(self.status.findData(goal.status.value))
        self.buttons, _save = dialog_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)  # room left once a message clears stays above the buttons
        layout.addWidget(self.buttons)
        self.description.setFocus()

    def draft(self) -> GoalDraft:
        return GoalDraft(
            description=self.description.toPlainText(),
            success_measure=self.measure.text(),
            target_date=from_qdate(self.target.date()) if self.has_target.isChecked() else None,
            support=self.support.text(),
            status=GoalStatus(self.status.currentData()),
        )

    def save(self) -> None:
        self.form.clear_errors()
        if self.submitted is None:
            raise RuntimeError("GoalDialog.submitted was not set")
        problem = self.submitted(self.draft())
        if problem is None:
            self.accept()
            return
        field, message = problem
        self.form.show_error(field if field in FIELDS else None, message, "description")
