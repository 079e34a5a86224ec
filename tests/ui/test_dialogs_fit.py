"""Dialogs fit their text at 100% and 200%: on the screen, captions beside what they name,
paragraphs together, and a field wide enough for what it usually holds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit
from ui_helpers import add_member

from reviewapp.services.backup import BackupInfo
from reviewapp.services.container import Services
from reviewapp.ui.evidence_dialog import EvidenceDialog
from reviewapp.ui.find_evidence import FindEvidenceDialog
from reviewapp.ui.full_check import DamagedDatabaseDialog
from reviewapp.ui.open_problem import OpenProblemDialog
from reviewapp.ui.shortcuts_dialog import ShortcutsDialog
from reviewapp.ui.staff_dialog import StaffDialog

LOCATION = "/srv/library/Branch reviews/reviews.sqlite3"


@pytest.fixture(params=[1.0, 2.0], ids=["100%", "200%"])
def text_size(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    """The application's text at the size asked for, as the user's setting makes it: dialogs
    built now take their sizes from it."""
    before = QFont(qapp.font())
    larger = QFont(before)
    larger.setPointSizeF(before.pointSizeF() * request.param)
    qapp.setFont(larger)
    yield request.param
    qapp.setFont(before)


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def assert_on_screen(dialog: QDialog) -> None:
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()


def test_find_evidence_and_shortcuts_fit_the_screen(
    qtbot, services: Services, text_size: float
) -> None:
    find = shown(qtbot, FindEvidenceDialog(services))
    assert_on_screen(find)
    actions = [QAction(f"Action {n}", find) for n in range(40)]
    assert_on_screen(shown(qtbot, ShortcutsDialog(actions)))


def test_a_found_note_ends_inside_the_table_not_past_its_edge(qtbot, services: Services) -> None:
    table = shown(qtbot, FindEvidenceDialog(services)).search.table
    assert table.horizontalHeader().length() <= table.viewport().width()


@pytest.mark.parametrize("backup", [True, False], ids=["with backup", "without"])
@pytest.mark.parametrize("kind", [DamagedDatabaseDialog, OpenProblemDialog])
def test_the_file_is_named_beside_its_caption_and_paragraphs_stay_together(
    qtbot, tmp_path: Path, text_size: float, kind: type, backup: bool
) -> None:
    info = BackupInfo(tmp_path / "b.sqlite3", datetime(2025, 5, 30, 17, 45), 40_960, 412, "auto")
    dialog = shown(qtbot, kind(LOCATION, "The file is damaged.", info if backup else None, None))
    (caption,) = [w for w in dialog.findChildren(QLabel) if w.text() == "File:"]
    (path,) = [w for w in dialog.findChildren(QLabel) if w.text() == LOCATION]
    assert caption.geometry().top() == path.geometry().top()
    assert caption.geometry().right() < path.geometry().left()
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():  # whole, and not padded out
            assert label.height() == label.heightForWidth(label.width()), label.text()
    assert_on_screen(dialog)


def test_an_e_mail_address_is_seen_whole(qtbot, services: Services, text_size: float) -> None:
    dialog = shown(qtbot, StaffDialog(services, add_member(services)))
    address = "yutong.chen@trilliumshores.example"
    dialog.email.setText(address)
    field: QLineEdit = dialog.email
    assert field.width() >= field.fontMetrics().horizontalAdvance(address) + 12
    assert_on_screen(dialog)


def test_most_of_a_competency_statement_shows_in_the_note_dialog(
    qtbot, services: Services, text_size: float
) -> None:
    dialog = shown(qtbot, EvidenceDialog(services.frameworks.current()))
    combo = dialog.competency
    assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()[:56])
    assert_on_screen(dialog)
