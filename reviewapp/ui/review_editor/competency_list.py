"""The competencies of the review with a completion mark each, and the summary page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Assessment, Review

SUMMARY = -1
DONE_MARK = "✓"
OPEN_MARK = "○"


def assessment_text(framework: Framework, assessment: Assessment) -> str:
    if assessment.not_observed:
        return framework.scale.not_observed_label
    if assessment.rating is not None:
        return f"{assessment.rating} – {framework.scale.label(assessment.rating)}"
    return "Not rated yet"


class CompetencyList(QListWidget):
    """One row per competency ("✓ CS1 · 3 – Proficient"), then "Summary and sign-off"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Competencies")
        self.setAccessibleDescription(
            "Choose a competency to rate it, or the summary to finish the review. "
            "Ctrl+Page Down and Ctrl+Page Up move to the next and previous one."
        )
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(2)

    def show_review(self, framework: Framework, review: Review) -> None:
        current = self.current_id()
        if self.count() != len(framework.competencies) + 1:
            self.blockSignals(True)
            self.clear()
            for competency in framework.competencies:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, competency.id)
                self.addItem(item)
            summary = QListWidgetItem("Summary and sign-off")
            summary.setData(Qt.ItemDataRole.UserRole, SUMMARY)
            self.addItem(summary)
            self.blockSignals(False)
        for row, competency in enumerate(framework.competencies):
            assessment = review.competency(competency.id).assessment
            mark = DONE_MARK if assessment.is_set else OPEN_MARK
            state = assessment_text(framework, assessment)
            item = self.item(row)
            item.setText(f"{mark} {competency.code}: {state}\n{competency.statement}")
            item.setToolTip(competency.statement)
            done = "done" if assessment.is_set else "still to do"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{competency.code}, {state}, {done}")
        if current is None:
            self.setCurrentRow(0)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def select(self, competency_id: int) -> None:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == competency_id:
                self.setCurrentRow(row)
                return

    def step(self, delta: int) -> None:
        row = min(max(self.currentRow() + delta, 0), self.count() - 1)
        self.setCurrentRow(row)
