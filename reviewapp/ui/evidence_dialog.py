"""Write or change one evidence note: date, source, competency, linked indicator and text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QVBoxLayout, QWidget

from reviewapp.domain.evidence import EvidenceDraft, EvidenceNote, EvidenceSource
from reviewapp.domain.framework import Framework
from reviewapp.ui.common import PlainTextField, from_qdate, minimum_chars
from reviewapp.ui.form import MessageForm, date_edit, dialog_buttons

FIELDS = ("observed_on", "source", "competency", "indicator", "text")
Submit = Callable[[EvidenceDraft], tuple[str | None, str] | None]


class EvidenceDialog(QDialog):
    """Collects an :class:`EvidenceDraft`; whoever opened it stores it and reports errors back.

    ``submitted`` is called with the draft; it returns ``None`` when stored (the dialog closes) or
    ``(field, message)`` to show beside a field.
    """

    def __init__(
        self,
        framework: Framework,
        *,
        competency_id: int | None = None,
        note: EvidenceNote | None = None,
        observed_on: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit evidence note" if note else "Add evidence note")
        self._framework = framework
        self.submitted: Submit | None = None
        self.form = MessageForm()
        first_day = note.observed_on if note else observed_on or date.today()
        self.observed_on = date_edit(first_day)
        self.form.add_field("observed_on", "&Date observed:", self.observed_on)
        self.source = QComboBox()
        for source in EvidenceSource:
            self.source.addItem(source.label, source.value)
        self.form.add_field("source", "&Source:", self.source)
        self.competency = QComboBox()
        for competency in framework.competencies:
            self.competency.addItem(f"{competency.code} {competency.statement}", competency.id)
        self.form.add_field("competency", "&Competency:", self.competency)
        self.indicator = QComboBox()
        for combo in (self.competency, self.indicator):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(32)
        self.form.add_field(
            "indicator", "Linked &indicator:", self.indicator, "Optional: the indicator it shows."
        )
        self.text = PlainTextField()
        self.text.setUndoRedoEnabled(True)
        self.form.add_field("text", "&What happened:", self.text)
        self.competency.currentIndexChanged.connect(self._fill_indicators)
        chosen = note.competency_id if note else competency_id
        if chosen is not None:
            self.competency.setCurrentIndex(max(0, self.competency.findData(chosen)))
        self._fill_indicators()
        if note is not None:
            self.source.setCurrentIndex(self.source.findData(note.source.value))
            if note.indicator_id is not None:
                self.indicator.setCurrentIndex(max(0, self.indicator.findData(note.indicator_id)))
            self.text.setPlainText(note.text)
        self.buttons, _save = dialog_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        # Room for most of a competency's statement in its list, at any text size.
        minimum_chars(self, 90)
        self.text.setFocus()

    def _fill_indicators(self) -> None:
        self.indicator.clear()
        self.indicator.addItem("No particular indicator", None)
        competency_id = self.competency.currentData()
        if competency_id is None:
            return
        for indicator in self._framework.competency(competency_id).indicators:
            self.indicator.addItem(f"{indicator.code} {indicator.text}", indicator.id)

    def draft(self) -> EvidenceDraft:
        return EvidenceDraft(
            competency_id=int(self.competency.currentData()),
            observed_on=from_qdate(self.observed_on.date()),
            source=EvidenceSource(self.source.currentData()),
            text=self.text.toPlainText(),
            indicator_id=self.indicator.currentData(),
        )

    def save(self) -> None:
        self.form.clear_errors()
        if self.submitted is None:
            raise RuntimeError("EvidenceDialog.submitted was not set")
        problem = self.submitted(self.draft())
        if problem is None:
            self.accept()
            return
        field, message = problem
        self.form.show_error(field if field in FIELDS else None, message, "text")
