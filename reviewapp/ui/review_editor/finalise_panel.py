"""Finalising: what is missing, the confirmation; once final, the fingerprint and addenda."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain import rules
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Review
from reviewapp.ui.common import FieldMessage, PlainTextField, accessible, wrapping_label
from reviewapp.ui.review_editor.actions import ReviewActions
from reviewapp.ui.review_editor.header import FINGERPRINT_DIFFERS, FINGERPRINT_MATCHES

TAMPERED = (
    f"{FINGERPRINT_DIFFERS}: this record was changed outside reviewapp after it was finalised, "
    "so what is shown here may not be what was signed. Compare it with the signed PDF of the "
    "review: where they differ, the signed PDF is the record. A backup from before the change "
    "(File > Restore from backup) can bring the stored record back."
)


class FinalisePanel(QGroupBox):
    def __init__(self, actions: ReviewActions, parent: QWidget | None = None) -> None:
        super().__init__("Finalise", parent)
        self.edits = actions
        self._framework: Framework | None = None
        self._review: Review | None = None
        self.explain = wrapping_label(
            "Finalising makes the review a permanent record: nothing in it can change afterwards, "
            "and later remarks can only be added as addenda."
        )
        self.finalise_button = accessible(
            QPushButton("Finalise review…"),
            "Finalise review",
            "Lists what is still missing, or asks for confirmation when the review is complete.",
        )
        self.finalise_button.clicked.connect(self.finalise)
        self.problems = accessible(wrapping_label(), "What is still missing before finalising")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.problems.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # read where the focus goes
        self.problems.hide()
        self.fingerprint = accessible(wrapping_label(), "Fingerprint")
        self.fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.fingerprint.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it, to read
        self.addenda = accessible(wrapping_label(), "Addenda")
        self.addendum_author = accessible(QLineEdit(), "Addendum author")
        self.addendum_text = accessible(PlainTextField(), "Addendum text")
        self.addendum_text.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.addendum_message = FieldMessage()
        self.addendum_button = accessible(QPushButton("Add addendum"), "Add addendum")
        self.addendum_button.clicked.connect(self.add_addendum)
        self.addendum_box = QWidget()
        box = QVBoxLayout(self.addendum_box)
        box.setContentsMargins(0, 0, 0, 0)
        author_label = QLabel("Addendum author:")
        author_label.setBuddy(self.addendum_author)
        text_label = QLabel("Addendum text:")
        text_label.setBuddy(self.addendum_text)
        for widget in (
            self.addenda,
            author_label,
            self.addendum_author,
            text_label,
            self.addendum_text,
            self.addendum_message,
        ):
            box.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.addendum_button)
        row.addStretch(1)
        box.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.finalise_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(buttons)
        layout.addWidget(self.problems)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.addendum_box)

    def show_review(self, framework: Framework, review: Review) -> None:
        self._framework, self._review = framework, review
        final = review.is_finalised
        self.setTitle("Finalised record" if final else "Finalise")
        self.explain.setVisible(not final)
        self.finalise_button.setVisible(not final)
        self.fingerprint.setVisible(final)
        self.addendum_box.setVisible(final)
        writable = not self.edits.session.services.access.read_only
        for widget in (self.finalise_button, self.addendum_button, self.addendum_text):
            widget.setEnabled(writable)
        if not final:
            if self.problems.isVisible():
                self._show_problems(rules.finalise_problems(framework, review))
            return
        self.problems.hide()
        when = f"{review.finalised_at:%Y-%m-%d %H:%M} UTC" if review.finalised_at else ""
        verified = FINGERPRINT_MATCHES if self.edits.session.fingerprint_ok else TAMPERED
        self.fingerprint.setText(
            f"🔒 Finalised {when}. This review is read-only.\nFingerprint (SHA-256): "
            f"{review.fingerprint}\n{verified}"
        )
        if review.addenda:
            lines = [f"• {a.written_on:%Y-%m-%d}, {a.author}: {a.text}" for a in review.addenda]
            self.addenda.setText("Addenda:\n" + "\n".join(lines))
        else:
            self.addenda.setText("No addenda yet.")
        if not self.addendum_author.text():
            self.addendum_author.setText(review.reviewer_name)

    def _show_problems(self, problems: list[str]) -> None:
        if not problems:
            self.problems.setText("✓ Everything needed is there: the review can be finalised.")
        else:
            self.problems.setText(
                "Still needed before this review can be finalised:\n"
                + "\n".join(f"• {p}" for p in problems)
            )
        self.problems.setAccessibleDescription(self.problems.text())
        self.problems.show()

    def finalise(self) -> None:
        if self._framework is None or self._review is None:
            return
        if not self.edits.before_undo():
            return
        review = self.edits.session.review or self._review
        problems = rules.finalise_problems(self._framework, review)
        self._show_problems(problems)
        if problems:  # where the person has to look next (not on a redraw: typing goes on)
            self.problems.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        answer = QMessageBox.question(
            self.window(),
            "Finalise review",
            f"Finalise the review of {review.staff_name}?\n\nIt becomes a permanent record and "
            "can no longer be changed; later remarks can only be added as addenda.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        problem = self.edits.finalise()
        if problem is not None:
            self._show_problems([problem[1]])

    def add_addendum(self) -> None:
        self.addendum_message.clear_message()
        problem = self.edits.add_addendum(
            self.addendum_author.text(), date.today(), self.addendum_text.toPlainText()
        )
        if problem is not None:
            self.addendum_message.show_message(problem[1])
            return
        self.addendum_text.clear()
