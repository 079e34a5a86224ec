"""The full integrity check after start-up: quiet when healthy; restore or read-only when not."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from damage_helpers import damage_an_index
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import add_member, start_review

from reviewapp.services.check import Problem, check_open
from reviewapp.services.container import Services
from reviewapp.ui.full_check import DamagedDatabaseDialog, FullCheck, check_after_opening
from reviewapp.ui.message_list import MessageListDialog


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path]:
    """A database with a staff member, a review and a good backup, then damaged in its pages."""
    path = tmp_path / "data" / "reviews.sqlite3"
    path.parent.mkdir()
    services = Services.open(path)
    start_review(services, add_member(services, "Zora Quill", "E7"))
    good = services.backups.make_backup()
    services.close()
    damage_an_index(path, "zora quill")
    return path, good.path


@pytest.fixture
def damaged_services(damaged: tuple[Path, Path]) -> Iterator[Services]:
    path, _good = damaged
    # As the app opens it: the start-up quick check passes, so the window opens.
    opened = Services.open(path, backups=True, lock=True, defer_daily_backup=True)
    yield opened
    opened.close()


def run_check(window, qtbot) -> FullCheck:
    check = FullCheck(window, window.features.backups)
    with qtbot.waitSignal(check.finished, timeout=10_000):
        assert check.start()
    return check


def test_a_healthy_database_is_checked_quietly(window, services: Services, qtbot) -> None:
    check = run_check(window, qtbot)
    assert check.report is not None and check.report.ok
    assert window.message() == "Database checked: no damage found."
    assert window.dialog is None
    assert not services.access.read_only and services.access.backup_on_exit is False  # as opened


def test_damage_found_after_start_offers_the_newest_good_backup_and_restores_it(
    make_window, damaged, damaged_services: Services, qtbot
) -> None:
    path, good = damaged
    window = make_window(damaged_services)
    assert damaged_services.access.backup_on_exit
    check = run_check(window, qtbot)
    assert check.report is not None and check.report.problem is Problem.DAMAGED
    dialog = window.dialog
    assert isinstance(dialog, DamagedDatabaseDialog)
    assert "missing from index" in dialog.message.text()
    assert dialog.backup is not None and dialog.backup.path == good
    assert dialog.restore_button.isVisible() and dialog.restore_button.isDefault()
    assert not damaged_services.access.backup_on_exit  # no closing backup of a damaged state
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: isinstance(window.dialog, MessageListDialog), timeout=10_000)
    assert window.dialog.windowTitle() == "Backup restored"
    assert check_open(path).ok
    kept = [p.name for p in (path.parent / "backups").iterdir()]
    assert any(name.endswith("-damaged.sqlite3") for name in kept)
    assert damaged_services.access.backup_on_exit  # healthy again
    qtbot.waitUntil(lambda: window.staff_list.model.rowCount() == 1)
    assert window.staff_list.model.record(0).name == "Zora Quill"


def test_going_on_read_only_writes_nothing_more_to_the_damaged_file(
    make_window, damaged, damaged_services: Services, qtbot
) -> None:
    path, _good = damaged
    window = make_window(damaged_services)
    before = digest(path)
    run_check(window, qtbot)
    dialog = window.dialog
    assert isinstance(dialog, DamagedDatabaseDialog)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Escape is the safe choice: read-only
    access = damaged_services.access
    assert access.read_only and "damaged" in access.read_only_reason
    assert not access.backup_on_exit
    banner = window.features.banner
    assert banner is not None and banner.isVisible() and "Read-only" in banner.text()
    assert not window.window_actions.add_staff.isEnabled()
    assert not window.staff_list.add_button.isEnabled()
    assert "read-only" in window.database_label.text()
    assert window.features.backups.restore.isEnabled()  # the way out stays open
    window.close()
    damaged_services.close()  # the last connection closes: anything written would land now
    assert digest(path) == before


def test_without_a_good_backup_only_read_only_is_offered(
    make_window, tmp_path: Path, qtbot
) -> None:
    path = tmp_path / "reviews.sqlite3"
    services = Services.open(path)
    add_member(services, "Zora Quill", "E7")
    services.close()
    damage_an_index(path, "zora quill")
    opened = Services.open(path, lock=True)
    try:
        window = make_window(opened)
        run_check(window, qtbot)
        dialog = window.dialog
        assert isinstance(dialog, DamagedDatabaseDialog)
        assert not dialog.restore_button.isVisible()
        assert dialog.read_only_button.isDefault()
        assert "no good backup" in dialog.advice.text()
        for button in (dialog.restore_button, dialog.read_only_button):
            assert button.accessibleName()
        dialog.read_only_button.click()
        assert opened.access.read_only
    finally:
        opened.close()


def test_a_server_database_is_not_checked_by_sqlite(window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(window.services.access, "path", None)
    assert not FullCheck(window, window.features.backups).start()


def test_the_app_starts_the_check_shortly_after_the_database_is_shown(window, qtbot) -> None:
    check = check_after_opening(window, window.features.backups, delay_ms=10)
    assert check.report is None  # not at once: the first lists load first
    with qtbot.waitSignal(check.finished, timeout=10_000):
        pass
    assert check.report is not None and check.report.ok
