"""Sign-offs by the reviewer and the employee."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.review import DEFAULT_STATEMENTS, Review, SignOffRole
from reviewapp.ui.common import (
    FieldMessage,
    accessible,
    from_qdate,
    show_as_text,
    to_qdate,
    wrapping_label,
)
from reviewapp.ui.form import date_edit
from reviewapp.ui.review_editor.actions import ReviewActions

ROLE_TITLES = {SignOffRole.REVIEWER: "Reviewer", SignOffRole.EMPLOYEE: "Employee"}


class SignOffRow(QWidget):
    def __init__(self, actions: ReviewActions, role: SignOffRole) -> None:
        super().__init__()
        self.edits = actions
        self.role = role
        title = ROLE_TITLES[role]
        self.state = accessible(wrapping_label(), f"{title} sign-off state")
        font = self.state.font()
        font.setBold(True)
        self.state.setFont(font)
        self.statement = wrapping_label(DEFAULT_STATEMENTS[role])
        self.name = accessible(QLineEdit(), f"{title} name for sign-off")
        self.signed_on = accessible(date_edit(date.today()), f"{title} sign-off date")
        self.sign_button = accessible(
            QPushButton(f"Sign as {title.lower()}"),
            f"Sign as {title.lower()}",
            DEFAULT_STATEMENTS[role],
        )
        self.withdraw_button = accessible(
            QPushButton("Withdraw signature"), f"Withdraw the {title.lower()}'s signature"
        )
        self.message = FieldMessage()
        self._review_id: int | None = None
        self.sign_button.clicked.connect(self.sign)
        self.withdraw_button.clicked.connect(self.withdraw)
        grid = QGridLayout()
        name_label = QLabel("Name:")
        name_label.setBuddy(self.name)
        date_label = QLabel("Date:")
        date_label.setBuddy(self.signed_on)
        grid.addWidget(name_label, 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(date_label, 1, 0)
        grid.addWidget(self.signed_on, 1, 1)
        grid.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading_label(title))
        layout.addWidget(self.state)
        layout.addWidget(self.statement)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def show_review(self, review: Review) -> None:
        signed = review.signoff(self.role)
        if review.id != self._review_id:
            # Another review: what was typed or shown for the last one must not be signed here.
            self._review_id = review.id
            self.name.clear()
            self.signed_on.setDate(to_qdate(date.today()))
            self.message.clear_message()
        if signed is None:
            self.state.setText("○ Not signed yet")
            if not self.name.text():
                default = (
                    review.reviewer_name if self.role == SignOffRole.REVIEWER else review.staff_name
                )
                self.name.setText(default)
        else:
            self.state.setText(f"✓ Signed by {signed.name} on {signed.signed_on:%Y-%m-%d}")
            self.name.setText(signed.name)
            self.signed_on.setDate(to_qdate(signed.signed_on))
        editable = self.edits.session.editable
        show_as_text(self.name, not editable)
        show_as_text(self.signed_on, not editable)
        self.signed_on.setCalendarPopup(editable)  # the popup's arrow would still look like a box
        self.sign_button.setEnabled(editable)
        self.sign_button.setText(
            f"Sign as {ROLE_TITLES[self.role].lower()}" if signed is None else "Sign again"
        )
        self.withdraw_button.setEnabled(editable and signed is not None)

    def sign(self) -> None:
        self.message.clear_message()
        problem = self.edits.sign_off(
            self.role,
            self.name.text(),
            from_qdate(self.signed_on.date()),
            DEFAULT_STATEMENTS[self.role],
        )
        if problem is not None:
            self.message.show_message(problem[1])
            self.name.setFocus()

    def withdraw(self) -> None:
        self.message.clear_message()
        problem = self.edits.withdraw_sign_off(self.role)
        if problem is not None:
            self.message.show_message(problem[1])


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setUnderline(True)
    label.setFont(font)
    return label


class SignOffPanel(QGroupBox):
    def __init__(self, actions: ReviewActions, parent: QWidget | None = None) -> None:
        super().__init__("Sign-offs", parent)
        self.rows = {role: SignOffRow(actions, role) for role in SignOffRole}
        layout = QVBoxLayout(self)
        for row in self.rows.values():
            layout.addWidget(row)

    def show_review(self, review: Review) -> None:
        for row in self.rows.values():
            row.show_review(review)
