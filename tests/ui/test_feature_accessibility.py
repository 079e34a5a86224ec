"""The accessible-name walk over the documents, backup, package, search and start-up dialogs."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from fake_prompts import Answers
from PySide6.QtWidgets import QApplication, QWidget
from test_accessibility import check
from ui_helpers import add_member, start_review, type_text

from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.services.backup import BackupInfo
from reviewapp.services.container import Services
from reviewapp.ui.batch_pdf_dialog import BatchRun
from reviewapp.ui.open_problem import OpenProblemDialog


def test_every_new_dialog_names_its_interactive_widgets(
    make_window, services: Services, qtbot, answers: Answers, tmp_path: Path
) -> None:
    checked: list[str] = []
    member = add_member(services)
    review = start_review(services, member)
    framework = services.frameworks.current()
    services.evidence.add(
        member.id,
        EvidenceDraft(
            framework.competencies[0].id,
            date(2024, 9, 2),
            EvidenceSource.COMPLIMENT,
            "Found the printer manual",
        ),
    )
    services.backups.make_backup()
    window = make_window(services)

    window.open_staff(member.id)
    tab = window.staff_page.journal_tab
    window.staff_page.tabs.setCurrentWidget(tab)
    type_text(tab.search.field, "printer")
    qtbot.waitUntil(lambda: tab.search.model.rowCount() == 1)
    check(window, "staff page search results", checked)

    find = window.features.open_find()
    type_text(find.search.field, "printer")
    qtbot.waitUntil(lambda: find.search.model.rowCount() == 1)
    check(find, "find evidence", checked)
    find.reject()

    batch = window.features.documents.open_batch()
    qtbot.waitUntil(lambda: batch.matches is not None)
    batch.use_from.setChecked(True)
    check(batch, "batch PDF dialog", checked)
    batch.reject()

    run = BatchRun(window, window.features.prompts, [review.id], tmp_path / "pdfs")
    run.progress.show()
    check(run.progress, "batch progress", checked)
    run.progress.hide()

    restore = window.features.backups.open_restore()
    qtbot.waitUntil(lambda: restore.model.rowCount() == 1)
    check(restore, "restore dialog", checked)
    restore.reject()

    window.features.packages.import_file(tmp_path / "missing.json")
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    check(window.dialog, "import problems", checked)
    window.dialog.reject()

    window.open_review(review.id)
    check(window, "editor with PDF buttons", checked)

    backup = BackupInfo(tmp_path / "b.sqlite3", datetime(2025, 5, 2, 9, 30), 4096, 3, "auto")
    problem = OpenProblemDialog(str(tmp_path / "reviews.sqlite3"), "It is damaged.", backup)
    qtbot.addWidget(problem)
    problem.show()
    qtbot.waitExposed(problem)
    check(problem, "database problem at start", checked)
    problem.reject()
    assert len(checked) == 8


def test_new_dialogs_are_reachable_by_keyboard(make_window, services: Services, qtbot) -> None:
    """Tab from the first field reaches every enabled control of the batch PDF dialog."""
    window = make_window(services)
    batch = window.features.documents.open_batch()
    qtbot.waitExposed(batch)
    qtbot.waitUntil(lambda: batch.matches is not None)
    batch.branch.setFocus()
    reached: list[QWidget] = []
    for _ in range(20):
        widget = QApplication.focusWidget()
        if widget in reached:
            break
        reached.append(widget)
        batch.focusNextChild()
    for wanted in (batch.branch, batch.status, batch.use_from, batch.use_to, batch.folder):
        assert wanted in reached, wanted.accessibleName()
    assert batch.browse in reached
    batch.reject()
