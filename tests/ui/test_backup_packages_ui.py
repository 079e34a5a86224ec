"""File > Back up now, Restore from backup, Export reviews and Import reviews, in the window."""

from __future__ import annotations

import json
from pathlib import Path

from fake_prompts import Answers
from ui_helpers import add_member, start_review

from reviewapp.services.container import Services
from reviewapp.services.package_import import ImportConflictError
from reviewapp.ui import navigation
from reviewapp.ui.backup_dialog import BackupTableModel, RestoreDialog
from reviewapp.ui.message_list import MessageListDialog


def test_back_up_now_writes_a_verified_backup(
    make_window, services: Services, qtbot, answers: Answers
) -> None:
    add_member(services)
    window = make_window(services)
    window.features.backups.back_up.trigger()
    qtbot.waitUntil(lambda: "Backup written and verified" in window.message())
    made = services.backups.list_backups()
    assert [b.kind for b in made] == ["manual"]
    assert made[0].path.name in window.message()
    assert str(made[0].path.parent) in window.message()  # where to find it, too
    assert window.features.backups.back_up.isEnabled()


def test_restore_lists_backups_asks_first_and_reloads_every_view(
    make_window, services: Services, qtbot, answers: Answers
) -> None:
    kept = add_member(services, "Ana Noël", "E1")
    start_review(services, kept)
    services.backups.make_backup()
    later = add_member(services, "Later Person", "E2")
    window = make_window(services)
    window.open_staff(later.id)
    dialog = window.features.backups.open_restore()
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.model.rowCount() == 1)
    model = dialog.model
    assert model.index(0, BackupTableModel.COLUMN_KIND).data() == "Made by hand"
    assert model.index(0, BackupTableModel.COLUMN_REVIEWS).data() == "1"
    assert model.index(0, BackupTableModel.COLUMN_SIZE).data().endswith("kB")
    assert dialog.restore_button.isEnabled()

    answers.confirm = False
    dialog.restore_button.click()
    assert "A backup of the current state is made first" in answers.confirmations[0]
    assert len(services.staff.list()) == 2  # declined: nothing happened

    answers.confirm = True
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: isinstance(window.dialog, MessageListDialog))
    assert window.dialog.windowTitle() == "Backup restored"
    assert "before-restore" in window.dialog.summary.text()
    assert [m.name for m in services.staff.list()] == ["Ana Noël"]
    qtbot.waitUntil(lambda: window.staff_list.model.rowCount() == 1)
    assert window.pages.currentWidget() is window.staff_list
    assert window.staff_page.member is None
    window.back()  # the pages of the replaced state are forgotten
    assert window.pages.currentWidget() is window.staff_list
    kinds = sorted(b.kind for b in services.backups.list_backups())
    assert kinds == ["before-restore", "manual"]


def test_restore_with_no_backups_says_so(make_window, services: Services, qtbot) -> None:
    window = make_window(services)
    dialog = window.features.backups.open_restore()
    qtbot.waitUntil(lambda: not dialog.loading)
    assert dialog.state.text() == "There are no backups of this database yet."
    assert not dialog.restore_button.isEnabled()


def test_export_then_import_into_another_database(
    make_window, services: Services, qtbot, answers: Answers, tmp_path: Path
) -> None:
    member = add_member(services, "Élodie Martin", "E5")
    review = start_review(services, member)
    window = make_window(services)
    window.open_review(review.id)
    answers.save = tmp_path / "to-hq"
    window.features.packages.export.trigger()
    package = tmp_path / "to-hq.json"
    qtbot.waitUntil(lambda: "Wrote 1 reviews" in window.message())
    assert json.loads(package.read_text(encoding="utf-8"))["reviews"]
    assert answers.asked[0][2].parent == answers.documents

    other = Services.open(tmp_path / "hq.sqlite3")
    try:
        hq = make_window(other)
        answers.open = package
        hq.features.packages.import_.trigger()
        qtbot.waitUntil(lambda: isinstance(hq.dialog, MessageListDialog))
        assert hq.dialog.summary.text() == "Imported to-hq.json."
        assert any(line.startswith("Imported review: ") for line in hq.dialog.lines())
        assert "Staff member added: E5 Élodie Martin" in hq.dialog.lines()
        qtbot.waitUntil(lambda: hq.staff_list.model.rowCount() == 1)
        hq.dialog.reject()
        hq.features.packages.import_file(package)  # the same package again: nothing changes
        qtbot.waitUntil(lambda: isinstance(hq.dialog, MessageListDialog) and hq.dialog.isVisible())
        assert hq.dialog.summary.text() == "to-hq.json: nothing new to import."
        assert len(other.reviews.list()) == 1
        hq.close()
    finally:
        other.close()


def test_a_broken_package_is_refused_with_its_problems_listed(
    make_window, services: Services, qtbot, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "reviewapp-package", "reviews": "none"}))
    window = make_window(services)
    window.features.packages.import_file(broken)
    qtbot.waitUntil(lambda: isinstance(window.dialog, MessageListDialog))
    assert "Nothing was imported" in window.dialog.summary.text()
    problems = window.dialog.lines()
    assert problems and all(p.startswith("$") for p in problems)
    assert services.staff.list() == []


def test_conflicts_are_listed_one_per_line(
    make_window, services: Services, qtbot, tmp_path: Path, monkeypatch
) -> None:
    clashes = ["review 1: already here with other ratings", "staff E5: another name"]

    def clash(_path: Path) -> None:
        raise ImportConflictError(clashes)

    monkeypatch.setattr(services.packages, "import_package", clash)
    window = make_window(services)
    window.features.packages.import_file(tmp_path / "x.json")
    qtbot.waitUntil(lambda: isinstance(window.dialog, MessageListDialog))
    assert window.dialog.summary.text() == (
        "Nothing was imported: x.json clashes with this database in 2 places."
    )
    assert window.dialog.lines() == clashes


def test_export_without_a_selection_says_what_to_do(make_window, services, answers) -> None:
    window = make_window(services)
    window.go(navigation.FRAMEWORKS)
    window.features.packages.export.trigger()
    assert "Select the reviews to export" in window.message()
    assert answers.asked == []
