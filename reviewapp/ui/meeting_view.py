"""Meeting view: the current competency in large type, for discussing with the staff member."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.framework import Competency, Framework
from reviewapp.domain.review import Review
from reviewapp.ui.common import accessible, wrapping_label
from reviewapp.ui.focus_scroll import keep_focus_visible
from reviewapp.ui.review_editor.competency_list import assessment_text

SCALE = 1.6


class MeetingView(QWidget):
    """Statement, indicators and rating, nothing else; Alt+digit still rates, F11 or Esc leaves."""

    previousRequested = Signal()
    nextRequested = Signal()
    leaveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        normal = QFont(self.font())
        normal.setPointSizeF(normal.pointSizeF())  # set, not inherited from the large type below
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * SCALE)
        self.setFont(font)
        self.position = QLabel()
        self.statement = wrapping_label()
        bold = QFont(font)
        bold.setBold(True)
        bold.setPointSizeF(font.pointSizeF() * 1.2)
        self.statement.setFont(bold)
        self.statement.setAccessibleName("Competency statement")
        self.indicators = accessible(wrapping_label(), "Indicators and their ratings")
        self.rating = accessible(wrapping_label(), "Competency rating")
        for label in (self.indicators, self.rating):  # each rating in bold after its words
            label.setTextFormat(Qt.TextFormat.RichText)
        self.previous_button = accessible(
            QPushButton("◀ Previous"), "Previous competency", "Ctrl+Page Up"
        )
        self.next_button = accessible(QPushButton("Next ▶"), "Next competency", "Ctrl+Page Down")
        self.leave_button = accessible(
            QPushButton("Leave meeting view (F11 or Esc)"), "Leave meeting view"
        )
        leave = QAction("Leave meeting view", self)
        leave.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        leave.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        leave.triggered.connect(self.leaveRequested)
        self.addAction(leave)
        for button in (self.previous_button, self.next_button, self.leave_button):
            button.setFont(normal)  # the words discussed are large; the buttons need not be
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button.clicked.connect(self.nextRequested)
        self.leave_button.clicked.connect(self.leaveRequested)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.position)
        column.addWidget(self.statement)
        column.addSpacing(self.fontMetrics().lineSpacing())
        column.addWidget(self.indicators)
        column.addSpacing(self.fontMetrics().lineSpacing())
        column.addWidget(self.rating)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        keep_focus_visible(scroll)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def show_competency(
        self, framework: Framework, competency: Competency | None, review: Review
    ) -> None:
        if competency is None:
            self.position.setText("Summary")
            self.statement.setText("Choose a competency to discuss (Ctrl+Page Up).")
            self.indicators.setText("")
            self.rating.setText("")
            return
        number = framework.competencies.index(competency) + 1
        self.position.setText(
            f"{competency.code} · competency {number} of {len(framework.competencies)}"
        )
        self.statement.setText(competency.statement)
        lines = [
            f"<p>• {escape(i.text)} — "
            f"<b>{escape(assessment_text(framework, review.indicator(i.id)))}</b></p>"
            for i in competency.indicators
        ]
        self.indicators.setText("".join(lines))
        assessment = review.competency(competency.id).assessment
        text = f"<b>Rating: {escape(assessment_text(framework, assessment))}</b>"
        if assessment.rating is not None:
            text += f"<br>{escape(framework.scale.level(assessment.rating).description)}"
        self.rating.setText(text)
