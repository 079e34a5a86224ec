"""The overall rating: derived from the competencies with the formula shown, or overridden."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reviewapp.domain import rules
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Review
from reviewapp.ui.common import FieldMessage, accessible, show_as_text, wrapping_label
from reviewapp.ui.review_editor.actions import ReviewActions


class OverallPanel(QGroupBox):
    def __init__(self, actions: ReviewActions, parent: QWidget | None = None) -> None:
        super().__init__("Overall rating", parent)
        self.edits = actions
        # The rating that counts: the override when there is one, else the derived rating.
        self.counts = accessible(wrapping_label(), "Overall rating")
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)
        self.derived = accessible(wrapping_label(), "Derived overall rating")
        self.formula = accessible(wrapping_label(), "Formula")
        self.override = QComboBox()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Required when overriding")
        self.message = FieldMessage()
        self.apply_button = accessible(
            QPushButton("Set override"),
            "Set override",
            "Stores the chosen override and its reason; choose 'No override' to clear it.",
        )
        self.apply_button.clicked.connect(self.apply)
        self.reason.returnPressed.connect(self.apply)
        self.form = form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Overall rating:", self.counts)
        form.addRow("Derived:", self.derived)
        form.addRow("Formula:", self.formula)
        form.addRow("Override:", self.override)
        form.addRow("Override reason:", self.reason)
        accessible(
            self.override,
            "Override overall rating",
            "Replace the derived overall rating; a reason is required.",
        )
        accessible(self.reason, "Override reason")
        form.addRow("", self.message)
        self.buttons = buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self._scale_key: tuple[int, ...] = ()

    def show_review(self, framework: Framework, review: Review) -> None:
        values = framework.scale.values
        if values != self._scale_key:
            self._scale_key = values
            self.override.clear()
            self.override.addItem("No override (use the derived rating)", None)
            for level in framework.scale.levels:
                self.override.addItem(f"{level.value} – {level.label}", level.value)
        overall = rules.derive_overall(framework, review)
        if overall.override is None and overall.derived_level is not None:
            self.counts.setText(f"{overall.text} (derived; no override)")
        else:
            self.counts.setText(overall.text)
        if overall.derived is None or overall.derived_level is None:
            self.derived.setText("No competency rated yet")
        else:
            level = overall.derived_level
            self.derived.setText(
                f"{overall.derived:.2f}, nearest level {level.value} – {level.label}"
            )
        self.formula.setText(
            f"Mean of the rated competencies: {overall.formula}"
            if overall.derived is not None
            else overall.formula
        )
        if not self.reason.hasFocus() and not self.message.isVisible():
            self.override.setCurrentIndex(max(0, self.override.findData(review.overall_override)))
            self.reason.setText(review.override_reason)
        editable = self.edits.session.editable
        for widget in (self.override, self.apply_button):
            widget.setEnabled(editable)
        # A review that can no longer change shows the rating that counts (above) and the
        # reason for an override, as text; the controls for choosing one are gone.
        self.form.setRowVisible(self.override, editable)
        self.form.setRowVisible(self.buttons, editable)
        self.form.setRowVisible(self.reason, editable or bool(review.override_reason))
        show_as_text(self.reason, not editable)
        self.reason.setPlaceholderText("Required when overriding" if editable else "")

    def apply(self) -> None:
        self.message.clear_message()
        value = self.override.currentData()
        reason = self.reason.text() if value is not None else ""
        problem = self.edits.set_override(value, reason)
        if problem is not None:
            self.message.show_message(problem[1])
            self.reason.setFocus()
