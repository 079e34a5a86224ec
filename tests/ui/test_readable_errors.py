"""A refusal is readable: whole, wrapped, inside the dialog and the screen, gone once acted on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from ui_helpers import add_member, start_review

from reviewapp.services.container import Services
from reviewapp.ui.common import to_qdate
from reviewapp.ui.message_list import MessageListDialog
from reviewapp.ui.staff_dialog import StaffDialog
from reviewapp.ui.start_review_dialog import StartReviewDialog

OVERLAP = "already has a review of the same type whose period overlaps"
HEADER = "Name,Employee No,Position,Branch,Start Date\n"


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


def bad_rows(path: Path, count: int) -> Path:
    rows = "".join(f"Person {n},E{n},Assistant,Central,31/12/2020\n" for n in range(count))
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize("factor", [1.0, 2.0])
def test_three_hundred_problems_fit_the_screen_and_can_all_be_copied(qtbot, factor: float) -> None:
    problems = [f"Line {n}: start date '31/12/2020' is not an ISO date." for n in range(2, 302)]
    dialog = MessageListDialog("Import staff", "Nothing was imported.", problems, "Problems")
    qtbot.addWidget(dialog)
    scale_text(dialog, factor)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= screen.height()
    assert dialog.frameGeometry().width() <= screen.width()
    assert dialog.buttons.isVisible()
    assert dialog.buttons.geometry().bottom() <= dialog.rect().bottom()
    first = dialog.items.visualItemRect(dialog.items.item(0))
    assert dialog.items.viewport().rect().contains(first)
    dialog.copy_button.click()
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == "Nothing was imported."
    assert copied[-300:] == problems


def test_the_staff_import_lists_three_hundred_bad_rows_in_a_dialog_that_fits(
    window, services: Services, qtbot, tmp_path: Path
) -> None:
    assert not window.staff_dialogs.import_staff_file(bad_rows(tmp_path / "staff.csv", 300))
    qtbot.waitUntil(lambda: isinstance(window.dialog, MessageListDialog))
    dialog = window.dialog
    qtbot.waitExposed(dialog)
    assert "Nothing was imported" in dialog.summary.text()
    assert len(dialog.lines()) == 300
    assert dialog.lines()[0].startswith("Line 2: start date '31/12/2020'")
    assert dialog.frameGeometry().height() <= dialog.screen().availableGeometry().height()
    dialog.copy_button.click()
    assert len(QApplication.clipboard().text().splitlines()) >= 301
    assert services.staff.list() == []


def test_the_staff_import_explains_a_file_that_is_not_utf8(
    window, services: Services, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes((HEADER + "Élodie Martin,E1,Assistant,Central,2020-01-06\n").encode("cp1252"))
    assert not window.staff_dialogs.import_staff_file(path)
    qtbot.waitUntil(lambda: isinstance(window.dialog, MessageListDialog))
    shown = "\n".join([window.dialog.summary.text(), *window.dialog.lines()])
    assert "is not UTF-8 text (byte 0xC9 on line 2)" in shown
    assert "'CSV UTF-8'" in shown
    assert "codec" not in shown and "0xc9" not in shown
    assert services.staff.list() == []


def test_a_missing_import_file_is_explained(window, qtbot, tmp_path: Path) -> None:
    assert not window.staff_dialogs.import_staff_file(tmp_path / "gone.csv")
    qtbot.waitUntil(lambda: isinstance(window.dialog, MessageListDialog))
    assert "there is no such CSV file" in window.dialog.summary.text()
    assert "Errno" not in window.dialog.summary.text()


def test_the_meeting_date_switch_stays_just_above_the_meeting_date(
    overlap_dialog: StartReviewDialog,
) -> None:
    form = overlap_dialog.form
    switch_row, _role = form.getWidgetPosition(overlap_dialog.has_meeting)
    date_row, _role = form.getWidgetPosition(overlap_dialog.meeting)
    assert switch_row == date_row - 1
