"""One competency: statement, indicators, the rating, the manager's comment and the evidence."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.framework import Competency, Framework
from reviewapp.domain.review import Review
from reviewapp.ui.common import (
    PlainTextField,
    accessible,
    combo_as_text,
    heading,
    show_as_text,
    wrapping_label,
)
from reviewapp.ui.evidence_list import EvidenceList
from reviewapp.ui.focus_scroll import ensure_focus_visible, keep_focus_visible
from reviewapp.ui.review_editor.actions import ReviewActions
from reviewapp.ui.review_editor.autosave import TextAutosave
from reviewapp.ui.review_editor.captions import show_saving
from reviewapp.ui.review_editor.indicator_rows import IndicatorRows
from reviewapp.ui.review_editor.rating_choice import IndicatorRating, RatingChoice

COMMENT = "Manager's &comment"


class CompetencyPanel(QScrollArea):
    def __init__(self, actions: ReviewActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = actions
        self.competency: Competency | None = None
        self._framework: Framework | None = None
        self.indicator_ratings: dict[int, IndicatorRating] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take focus and scroll into view
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.code = heading("", 1.2)
        self.statement = heading("", 1.1)
        self.statement.setAccessibleName("Competency statement")
        # The framework's own heading for its indicators can be long: a label that wraps above
        # the box, not the box's title, which would set the page's minimum width at large text.
        self.indicator_heading = wrapping_label()
        bold = self.indicator_heading.font()
        bold.setBold(True)
        self.indicator_heading.setFont(bold)
        self.indicators = QGroupBox()
        self.indicators.setAccessibleName("Indicators")
        self.indicator_grid = QGridLayout(self.indicators)
        self.indicator_grid.setColumnStretch(0, 1)
        self.indicator_rows = IndicatorRows(self.indicator_grid, self.edits.rate_indicator)
        self.rating_box = QGroupBox("Competency rating")
        self.rating_layout = QVBoxLayout(self.rating_box)
        self.rating: RatingChoice | None = None
        self.comment = accessible(PlainTextField(), "Manager's comment")
        self.comment.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.comment_label = comment_label = wrapping_label()
        comment_label.setBuddy(self.comment)
        show_saving(comment_label, self.comment, COMMENT, "", editable=True)
        self.comment_saver = TextAutosave(self.comment, self._save_comment, self)
        self.evidence = EvidenceList("Evidence notes for this competency")
        evidence_box = QGroupBox("Evidence notes in the review period")
        QVBoxLayout(evidence_box).addWidget(self.evidence)
        for widget in (
            self.code,
            self.statement,
            self.indicator_heading,
            self.indicators,
            self.rating_box,
            comment_label,
            self.comment,
            evidence_box,
        ):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.setWidget(body)
        keep_focus_visible(self)

    def _save_comment(self, text: str) -> bool:
        if self.competency is None:
            return True
        return self.edits.save_comment(self.competency.id, text)

    def flush(self) -> bool:
        return self.comment_saver.flush()

    def show_competency(self, framework: Framework, competency: Competency, review: Review) -> None:
        """Show a (possibly different) competency; the caller flushes pending text first."""
        new_framework = self._framework is not framework
        if new_framework:
            self._framework = framework
            self._build_rating(framework)
            self.indicator_rows.use_scale(framework.scale)
            self.indicator_heading.setText(f"{framework.indicator_heading} (optional ratings)")
            self.indicators.setAccessibleName(framework.indicator_heading)
        if new_framework or self.competency is None or self.competency.id != competency.id:
            pooled = len(self.indicator_rows.combos)
            had_none = not self.indicator_ratings  # the editor moved the rating next to the list
            self.indicator_ratings = self.indicator_rows.show_competency(competency)
            if new_framework or had_none or len(self.indicator_rows.combos) != pooled:
                self._fix_tab_order()
        if self.competency is None or self.competency.id != competency.id:
            self.competency = competency
            position = framework.competencies.index(competency) + 1
            self.code.setText(
                f"{competency.code} · competency {position} of {len(framework.competencies)}"
            )
            self.statement.setText(competency.statement)
            self.comment_saver.discard()
            self.verticalScrollBar().setValue(0)
            ensure_focus_visible(self)  # a field keeping the focus across the switch stays in view
        self.refresh(review)

    def _build_rating(self, framework: Framework) -> None:
        if self.rating is not None:
            self.rating.hide()
            self.rating.setParent(None)
            self.rating.deleteLater()
        self.rating = RatingChoice(framework.scale, "Competency rating")
        self.rating.chosen.connect(self._rate)
        self.rating_layout.addWidget(self.rating)
        self.rating.show()

    def _rate(self, assessment: object) -> None:
        if self.competency is not None:
            self.edits.rate_competency(self.competency.id, assessment)  # type: ignore[arg-type]

    def first_field(self) -> QWidget | None:
        """Where Tab from the competency list lands: the first indicator, else the rating."""
        for combo in self.indicator_ratings.values():
            return combo
        if self.rating is not None:
            return self.rating.entry()
        return None

    def _fix_tab_order(self) -> None:
        """Top to bottom: indicators, the rating, the comment, then the evidence notes."""
        chain: list[QWidget] = list(self.indicator_rows.combos)
        if self.rating is not None:
            chain += list(self.rating.group.buttons())
        chain += [
            self.comment,
            self.evidence.list,
            self.evidence.add_button,
            self.evidence.edit_button,
            self.evidence.delete_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def refresh(self, review: Review) -> None:
        if self.competency is None or self.rating is None:
            return
        editable = self.edits.session.editable
        assessed = review.competency(self.competency.id)
        self.rating.show_assessment(assessed.assessment)
        self.rating.set_editable(editable)
        for indicator_id, combo in self.indicator_ratings.items():
            combo.show_assessment(review.indicator(indicator_id))
            combo_as_text(combo, not editable)
        self.comment_saver.show_text(assessed.comment)
        show_as_text(self.comment, not editable)
        show_saving(self.comment_label, self.comment, COMMENT, "", editable)

    def show_notes(self, notes: list[EvidenceNote], framework: Framework, editable: bool) -> None:
        if self.competency is None:
            return
        mine = [n for n in notes if n.competency_id == self.competency.id]
        self.evidence.set_notes(mine, framework, editable)
