"""A database held by another window opens read-only and says so; a database that will not open
at start gets a way forward (another file, the newest good backup, or quit)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import add_member, start_review

from reviewapp.services.backup import BackupInfo
from reviewapp.services.container import Services
from reviewapp.ui.open_problem import Choice, OpenProblemDialog, open_or_find_a_way


@pytest.fixture
def second_window_services(db_path: Path):
    """The same file opened twice: the first holds the writer's lock, the second is read-only."""
    first = Services.open(db_path, lock=True)
    member = add_member(first)
    start_review(first, member)
    second = Services.open(db_path, lock=True, if_in_use="read_only")
    yield first, second
    second.close()
    first.close()


def test_a_read_only_window_says_why_and_offers_no_editing(
    make_window, second_window_services, qtbot
) -> None:
    _first, services = second_window_services
    assert services.access.read_only
    window = make_window(services)
    banner = window.features.banner
    assert banner is not None and banner.isVisible()
    assert "Read-only" in banner.text()
    assert "is open in reviewapp" in banner.text()
    actions = window.window_actions
    for action in (actions.add_staff, actions.import_staff, actions.start_review):
        assert not action.isEnabled()
    assert not window.features.packages.import_.isEnabled()
    assert not window.features.backups.restore.isEnabled()
    assert window.features.backups.back_up.isEnabled()  # reading is enough for a backup

    member = services.staff.list()[0]
    window.open_staff(member.id)
    page = window.staff_page
    assert not actions.edit_staff.isEnabled()
    assert not page.edit_button.isEnabled() and not page.start_button.isEnabled()
    assert not page.journal.add_button.isEnabled()
    assert page.worksheet_button.isEnabled()

    review = services.reviews.list()[0]
    window.open_review(review.id)
    editor = window.editor
    assert not editor.session.editable
    assert all(not a.isEnabled() for a in editor.rate_actions)
    assert not editor.add_note_action.isEnabled()
    assert editor.panel.comment.isReadOnly()
    assert window.features.documents.export_pdf.isEnabled()
    editor.competencies.select(-1)
    assert not editor.summary.finalise.finalise_button.isEnabled()


def test_a_writable_window_has_no_banner(window) -> None:
    assert window.features.banner is None
    assert window.window_actions.add_staff.isEnabled()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_quitting_leaves_a_damaged_file_exactly_as_it_was(tmp_path: Path) -> None:
    damaged = tmp_path / "reviews.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    before = _digest(damaged)
    asked: list[tuple[str, str, BackupInfo | None]] = []

    def ask(location: str, message: str, backup: BackupInfo | None) -> Choice:
        asked.append((location, message, backup))
        return Choice.QUIT

    assert open_or_find_a_way(str(damaged), Services.open, ask=ask) is None
    assert asked[0][1].startswith("reviews.sqlite3 is not a reviewapp database")
    assert asked[0][2] is None
    assert _digest(damaged) == before


def test_restoring_the_newest_good_backup_opens_the_database(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    good = Services.open(path)
    add_member(good, "Ana Noël", "E1")
    made = good.backups.make_backup()
    good.close()
    path.write_bytes(b"\0" * 4096)  # damaged beyond opening
    choices = iter([Choice.RESTORE])
    told: list[str] = []
    offered: list[BackupInfo | None] = []

    def ask(_location: str, _message: str, backup: BackupInfo | None) -> Choice:
        offered.append(backup)
        return next(choices)

    services = open_or_find_a_way(str(path), Services.open, ask=ask, tell=told.append)
    assert services is not None
    try:
        assert [m.name for m in services.staff.list()] == ["Ana Noël"]
    finally:
        services.close()
    assert offered[0] is not None and offered[0].path == made.path
    assert told[0].startswith("Restored the backup of")
    assert "damaged" in told[0]  # the unreadable file was kept aside, as it was


def test_choosing_another_file_opens_that_one(tmp_path: Path) -> None:
    damaged = tmp_path / "broken.sqlite3"
    damaged.write_bytes(b"")
    other = tmp_path / "other.sqlite3"
    services = open_or_find_a_way(
        str(damaged),
        Services.open,
        ask=lambda _l, _m, _b: Choice.ANOTHER_FILE,
        choose_file=lambda _current: str(other),
    )
    assert services is not None
    try:
        assert services.location == str(other)
    finally:
        services.close()
    assert damaged.read_bytes() == b""


def test_the_dialog_offers_the_restore_only_when_there_is_a_good_backup(qtbot, tmp_path) -> None:
    without = OpenProblemDialog("/x/reviews.sqlite3", "It is empty.", None)
    qtbot.addWidget(without)
    without.show()
    assert not without.restore_button.isVisible()
    assert without.another_button.isDefault()
    QTest.keyClick(without, Qt.Key.Key_Escape)
    assert without.choice is Choice.QUIT

    from datetime import datetime

    backup = BackupInfo(tmp_path / "b.sqlite3", datetime(2025, 5, 2, 9, 30), 40_960, 12, "auto")
    dialog = OpenProblemDialog("/x/reviews.sqlite3", "It is damaged.", backup)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button.isVisible() and dialog.restore_button.isDefault()
    assert "2025-05-02 09:30 (Automatic, 12 reviews)" in dialog.advice.text()
    dialog.restore_button.click()
    assert dialog.choice is Choice.RESTORE
