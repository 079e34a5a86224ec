"""Dialogs by keyboard: each Alt+letter leads to one place, a date field is one Tab stop, and
Ctrl+Enter saves from anywhere in the dialog, a text box included."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateEdit,
    QDialog,
    QGroupBox,
    QLabel,
    QWidget,
)
from ui_helpers import add_member, focused, press, start_review

from reviewapp.services.container import Services
from reviewapp.ui.batch_pdf_dialog import BatchPdfDialog
from reviewapp.ui.evidence_dialog import EvidenceDialog
from reviewapp.ui.prompts import Prompts
from reviewapp.ui.review_editor.goal_dialog import GoalDialog
from reviewapp.ui.staff_dialog import StaffDialog
from reviewapp.ui.start_review_dialog import StartReviewDialog

MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(dialog: QWidget) -> list[str]:
    letters = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        letters += [m.lower() for m in MNEMONIC.findall(text.replace("&&", ""))]
    return letters


def dialogs(services: Services, qsettings) -> dict[str, QDialog]:
    member = add_member(services)
    framework = services.frameworks.current()
    return {
        "start review": StartReviewDialog(services, services.staff.list(), member.id),
        "staff": StaffDialog(services),
        "evidence note": EvidenceDialog(framework),
        "goal": GoalDialog(),
        "export PDFs": BatchPdfDialog(services, Prompts(qsettings)),
    }


def test_every_alt_letter_of_a_dialog_leads_to_one_place(qtbot, services, qsettings) -> None:
    for name, dialog in dialogs(services, qsettings).items():
        qtbot.addWidget(dialog)
        letters = mnemonics(dialog)
        twice = sorted({letter for letter in letters if letters.count(letter) > 1})
        assert twice == [], f"{name}: Alt+{', Alt+'.join(twice)} lead to more than one place"


def test_a_date_field_is_one_tab_stop(qtbot, services: Services) -> None:
    member = add_member(services)
    dialog = StartReviewDialog(services, services.staff.list(), member.id, today=date(2025, 6, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.period_start.setFocus()
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.period_end, f"focus was on {focused()!r}"
    press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is dialog.period_start, f"focus was on {focused()!r}"
    assert isinstance(dialog.period_start, QDateEdit)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_saves_a_note_from_inside_its_text(
    make_window, services: Services, qtbot, key: Qt.Key
) -> None:
    member = add_member(services)
    review = start_review(services, member)
    window = make_window(services)
    window.open_review(review.id)
    dialog = window.editor.open_note_dialog(None)
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.text.setFocus()
    dialog.text.setPlainText("Calmed a queue at the holds shelf")
    press(key, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    notes = services.evidence.for_staff(member.id)
    assert [n.text for n in notes] == ["Calmed a queue at the holds shelf"]
