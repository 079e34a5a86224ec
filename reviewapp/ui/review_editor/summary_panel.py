"""The summary page: overall rating, strengths, development areas, goals, comments, sign-offs."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Goal, Review
from reviewapp.ui.common import (
    PlainTextField,
    accessible,
    heading,
    show_as_text,
    wrapping_label,
)
from reviewapp.ui.focus_scroll import keep_focus_visible
from reviewapp.ui.review_editor.actions import ReviewActions
from reviewapp.ui.review_editor.autosave import TextAutosave
from reviewapp.ui.review_editor.captions import show_saving
from reviewapp.ui.review_editor.finalise_panel import FinalisePanel
from reviewapp.ui.review_editor.goals_panel import GoalsPanel
from reviewapp.ui.review_editor.overall_panel import OverallPanel
from reviewapp.ui.review_editor.signoff_panel import SignOffPanel

TEXT_FIELDS = (
    ("strengths", "Strengths", "What this person does well."),
    ("development_areas", "Development areas", "What this person could develop next."),
    ("employee_comments", "Employee's comments", "The employee's own words about the review."),
)


class SummaryPanel(QScrollArea):
    def __init__(self, actions: ReviewActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = actions
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take focus and scroll into view
        body = QWidget()
        self.body_layout = layout = QVBoxLayout(body)
        layout.addWidget(heading("Summary and sign-off", 1.2))
        self.finalise = FinalisePanel(actions)
        self.overall = OverallPanel(actions)
        self.goals = GoalsPanel(actions)
        self.signoffs = SignOffPanel(actions)
        self.texts: dict[str, PlainTextField] = {}
        self.captions: dict[str, tuple[QLabel, str, str]] = {}
        self.savers: dict[str, TextAutosave] = {}
        layout.addWidget(self.overall)
        for field, title, description in TEXT_FIELDS[:2]:
            self._add_text(layout, field, title, description)
        layout.addWidget(self.goals)
        self._add_text(layout, *TEXT_FIELDS[2])
        layout.addWidget(self.signoffs)
        layout.addWidget(self.finalise)
        layout.addStretch(1)
        self.setWidget(body)
        keep_focus_visible(self)

    def _add_text(self, layout: QVBoxLayout, field: str, title: str, description: str) -> None:
        edit = accessible(PlainTextField(), title)
        edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        label = wrapping_label()
        label.setBuddy(edit)
        self.captions[field] = (label, title, description)
        show_saving(label, edit, title, description, editable=True)
        layout.addWidget(label)
        layout.addWidget(edit)
        self.texts[field] = edit
        self.savers[field] = TextAutosave(edit, partial(self.edits.save_text, field), self)

    def first_field(self) -> QWidget:
        """Where the focus goes on arriving at the summary by key: the override of an open
        review, the fingerprint of a finalised one, else the first text."""
        review = self.edits.session.review
        if self.edits.session.editable:
            return self.overall.override
        if review is not None and review.is_finalised:
            return self.finalise.fingerprint
        return self.texts["strengths"]

    def flush(self) -> bool:
        return all([saver.flush() for saver in self.savers.values()])

    def show_review(self, framework: Framework, review: Review, previous: list[Goal]) -> None:
        editable = self.edits.session.editable
        self.overall.show_review(framework, review)
        for field, saver in self.savers.items():
            saver.show_text(str(getattr(review, field)))
            show_as_text(self.texts[field], not editable)
            label, title, description = self.captions[field]
            show_saving(label, self.texts[field], title, description, editable)
        self.goals.show_review(review, previous)
        self.signoffs.show_review(review)
        self.finalise.show_review(framework, review)
        # A finalised review leads with its fingerprint and addenda; an open one ends with Finalise.
        self.body_layout.removeWidget(self.finalise)
        index = 1 if review.is_finalised else self.body_layout.count() - 1
        self.body_layout.insertWidget(index, self.finalise)
