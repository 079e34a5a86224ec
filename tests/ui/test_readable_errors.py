"""A refusal is readable: whole, wrapped, inside the dialog and the screen, gone once acted on."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from ui_helpers import add_member, start_review

from reviewapp.services.container import Services
from reviewapp.ui.common import to_qdate
from reviewapp.ui.staff_dialog import StaffDialog
from reviewapp.ui.start_review_dialog import StartReviewDialog

OVERLAP = "already has a review of the same type whose period overlaps"


def scale_text(widget: QWidget, factor: float) -> None:
    """As at 200% text: everything in the dialog inherits the larger font."""
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


def shown_message(dialog: QDialog, words: str) -> QLabel:
    (label,) = [w for w in dialog.findChildren(QLabel) if w.isVisible() and words in w.text()]
    return label


def assert_readable(dialog: QDialog, label: QLabel) -> None:
    """Wrapped, tall enough for all its lines, and inside the dialog as it is."""
    assert label.wordWrap()
    assert label.heightForWidth(label.width()) <= label.height()
    top_left = label.mapTo(dialog, label.rect().topLeft())
    bottom_right = label.mapTo(dialog, label.rect().bottomRight())
    assert dialog.rect().contains(top_left) and dialog.rect().contains(bottom_right)
    assert dialog.height() <= dialog.screen().availableGeometry().height()


@pytest.fixture
def overlap_dialog(qtbot, services: Services) -> StartReviewDialog:
    member = add_member(services)
    start_review(services, member, end=date(2025, 3, 31))
    dialog = StartReviewDialog(services, [member], member.id, today=date(2025, 3, 31))
    qtbot.addWidget(dialog)
    dialog.reviewer.setText("Mina Park")
    return dialog


@pytest.mark.parametrize("factor", [1.0, 2.0])
def test_an_overlap_refusal_is_shown_whole_and_cleared_when_the_period_changes(
    qtbot, overlap_dialog: StartReviewDialog, factor: float
) -> None:
    dialog = overlap_dialog
    scale_text(dialog, factor)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.start()
    label = shown_message(dialog, OVERLAP)
    assert label.text().endswith("2024-04-01 to 2025-03-31.")
    assert_readable(dialog, label)
    assert OVERLAP in label.accessibleName() + label.accessibleDescription()
    assert dialog.isVisible()  # refused: still open, nothing started
    dialog.period_start.setDate(to_qdate(date(2025, 4, 1)))
    assert not label.isVisible()
    assert OVERLAP not in label.text()


def test_an_overlap_refusal_is_cleared_by_any_field_that_could_resolve_it(
    qtbot, overlap_dialog: StartReviewDialog
) -> None:
    dialog = overlap_dialog
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.start()
    label = shown_message(dialog, OVERLAP)
    dialog.review_type.setCurrentIndex(1)
    assert not label.isVisible()


@pytest.mark.parametrize("factor", [1.0, 2.0])
def test_a_field_message_wraps_and_clears_when_that_field_changes(
    qtbot, services: Services, factor: float
) -> None:
    dialog = StaffDialog(services)
    qtbot.addWidget(dialog)
    scale_text(dialog, factor)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name.setText("Zoe Strasse")
    dialog.save()
    label = shown_message(dialog, "employee number is required")
    assert_readable(dialog, label)
    assert "employee number is required" in dialog.number.accessibleDescription()
    dialog.position.setText("Library assistant")
    assert label.isVisible()  # another field: this message still applies
    dialog.number.setText("E-42")
    assert not label.isVisible()
    assert "required" not in dialog.number.accessibleDescription()


def test_a_duplicate_employee_number_is_readable_and_focuses_the_number(
    qtbot, services: Services
) -> None:
    add_member(services, number="E100")
    dialog = StaffDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for field, text in ((dialog.name, "Zoe Strasse"), (dialog.number, "E100")):
        field.setText(text)
    dialog.position.setText("Library assistant")
    dialog.branch.setCurrentText("Central")
    dialog.save()
    label = shown_message(dialog, "E100")
    assert_readable(dialog, label)
    qtbot.waitUntil(dialog.number.hasFocus)
    dialog.number.setText("E101")
    assert not label.isVisible()


def test_the_meeting_date_switch_stays_just_above_the_meeting_date(
    overlap_dialog: StartReviewDialog,
) -> None:
    form = overlap_dialog.form
    switch_row, _role = form.getWidgetPosition(overlap_dialog.has_meeting)
    date_row, _role = form.getWidgetPosition(overlap_dialog.meeting)
    assert switch_row == date_row - 1
