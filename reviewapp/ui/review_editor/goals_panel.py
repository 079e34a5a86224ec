"""Development goals of the review, and the open goals of the previous review to follow up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.review import Goal, Review
from reviewapp.ui.common import accessible
from reviewapp.ui.review_editor.actions import ReviewActions
from reviewapp.ui.review_editor.commands import goal_draft
from reviewapp.ui.review_editor.goal_dialog import GoalDialog

GOAL_ROLE = Qt.ItemDataRole.UserRole + 1


def goal_text(goal: Goal, number: int) -> str:
    parts = [goal.status.label]
    if goal.target_date:
        parts.append(f"target {goal.target_date:%Y-%m-%d}")
    if goal.carried_from_id is not None:
        parts.append("carried forward")
    text = f"{number}. {goal.description}\n   {', '.join(parts)}"
    if goal.success_measure:
        text += f"\n   Success looks like: {goal.success_measure}"
    return text


def goal_list(name: str, description: str) -> QListWidget:
    widget = accessible(QListWidget(), name, description)
    widget.setWordWrap(True)
    widget.setAlternatingRowColors(True)
    return widget


class GoalsPanel(QGroupBox):
    def __init__(self, actions: ReviewActions, parent: QWidget | None = None) -> None:
        super().__init__("Goals", parent)
        self.edits = actions
        self.dialog: GoalDialog | None = None
        self.goals = goal_list("Goals", "Enter edits the selected goal.")
        self.goals.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.add_button = accessible(QPushButton("Add goal…"), "Add goal")
        self.edit_button = accessible(QPushButton("Edit goal…"), "Edit selected goal")
        self.remove_button = accessible(QPushButton("Remove goal"), "Remove selected goal")
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self._edit_current)
        self.goals.itemActivated.connect(lambda _item: self._edit_current())
        self.remove_button.clicked.connect(self._remove_current)
        self.previous_label = QLabel("Open goals from the previous review, for follow-up:")
        self.previous = goal_list(
            "Open goals from the previous review",
            "Goals still open in this person's previous review.",
        )
        self.previous_label.setBuddy(self.previous)
        self.carry_button = accessible(
            QPushButton("Carry forward"),
            "Carry the selected previous goal forward",
            "Adds the selected open goal from the previous review to this review.",
        )
        self.carry_button.clicked.connect(self._carry)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        carry_row = QHBoxLayout()
        carry_row.addWidget(self.carry_button)
        carry_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.goals)
        layout.addLayout(row)
        layout.addWidget(self.previous_label)
        layout.addWidget(self.previous)
        layout.addLayout(carry_row)
        self._editable = True

    def show_review(self, review: Review, previous: list[Goal]) -> None:
        self._editable = self.edits.session.editable
        row = self.goals.currentRow()
        self.goals.clear()
        for number, goal in enumerate(review.goals, start=1):
            item = QListWidgetItem(goal_text(goal, number))
            item.setData(GOAL_ROLE, goal)
            self.goals.addItem(item)
        self.goals.setCurrentRow(min(max(row, 0), self.goals.count() - 1))
        carried = {g.carried_from_id for g in review.goals}
        self.previous.clear()
        for number, goal in enumerate(previous, start=1):
            text = goal_text(goal, number)
            if goal.id in carried:
                text += "\n   (already carried forward)"
            item = QListWidgetItem(text)
            item.setData(GOAL_ROLE, goal)
            self.previous.addItem(item)
        has_previous = bool(previous)
        for widget in (self.previous_label, self.previous, self.carry_button):
            widget.setVisible(has_previous)
        self.add_button.setEnabled(self._editable)
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(self._editable and bool(review.goals))
        self.carry_button.setEnabled(self._editable and has_previous)

    def _current(self, widget: QListWidget) -> Goal | None:
        item = widget.currentItem()
        goal: Goal | None = None if item is None else item.data(GOAL_ROLE)
        return goal

    def open_dialog(self, goal: Goal | None) -> GoalDialog:
        self.dialog = GoalDialog(goal, self.window())
        if goal is None:
            self.dialog.submitted = self.edits.add_goal
        else:
            self.dialog.submitted = lambda draft: self.edits.edit_goal(goal, draft)
        self.dialog.open()
        return self.dialog

    def _edit_current(self) -> None:
        goal = self._current(self.goals)
        if goal is not None and self._editable:
            self.open_dialog(goal)

    def _remove_current(self) -> None:
        goal = self._current(self.goals)
        if goal is not None and self._editable:
            self.edits.remove_goal(goal)

    def _carry(self) -> None:
        goal = self._current(self.previous)
        if goal is not None and self._editable:
            self.edits.add_goal(goal_draft(goal), carried_from_id=goal.id)
