"""Restore: the current state is backed up first, the backup is verified, nothing half-done."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from durability_helpers import Populated, RunCli, folder_state

from reviewapp.domain.errors import StoreError
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.backup import list_backups, newest_good_backup
from reviewapp.services.check import inspect
from reviewapp.services.container import Services
from reviewapp.services.instance_lock import DatabaseInUseError
from reviewapp.services.restore import restore_file


def _staff_names(path: Path) -> list[str]:
    services = Services.open(path, read_only=True)
    try:
        return [s.name for s in services.staff.list()]
    finally:
        services.close()


def _backup_then_change(path: Path) -> Path:
    services = Services.open(path)
    try:
        made = services.backups.make_backup()
        services.staff.create(StaffDraft("Dee Afterwards", "E400"))
        return made.path
    finally:
        services.close()


def test_restore_in_the_app_saves_the_current_state_first(
    populated: tuple[Path, Populated],
) -> None:
    path, _ids = populated
    backup = _backup_then_change(path)
    services = Services.open(path, lock=True)
    try:
        result = services.backups.restore(backup)
        assert [s.name for s in services.staff.list()] == ["Ann Example"]
        assert len(services.reviews.list()) == 2
    finally:
        services.close()
    assert result.previous is not None and result.previous_kind == "before-restore"
    assert inspect(result.previous).ok
    assert _staff_names(result.previous) == ["Ann Example", "Dee Afterwards"]
    assert inspect(path).ok


def test_a_bad_backup_is_refused_and_nothing_changes(
    populated: tuple[Path, Populated], tmp_path: Path
) -> None:
    path, _ids = populated
    _backup_then_change(path)
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 200)
    services = Services.open(path, lock=True)
    try:
        with pytest.raises(StoreError, match="cannot be restored"):
            services.backups.restore(bogus)
        assert len(services.staff.list()) == 2
    finally:
        services.close()
    assert [b.kind for b in list_backups(path)] == ["manual"]


def test_a_read_only_window_cannot_restore(populated: tuple[Path, Populated]) -> None:
    path, _ids = populated
    backup = _backup_then_change(path)
    writer = Services.open(path, lock=True)
    reader = Services.open(path, lock=True)
    try:
        assert reader.access.read_only
        with pytest.raises(StoreError, match="read-only"):
            reader.backups.restore(backup)
        with pytest.raises(DatabaseInUseError, match="already open"):
            restore_file(path, backup, datetime.now)
    finally:
        reader.close()
        writer.close()
    assert len(_staff_names(path)) == 2


def test_a_damaged_database_is_set_aside_exactly_then_replaced(
    populated: tuple[Path, Populated],
) -> None:
    path, _ids = populated
    backup = _backup_then_change(path)
    damaged = path.read_bytes()[:20_000]
    path.write_bytes(damaged)
    assert not inspect(path).ok
    assert newest_good_backup(path) is not None

    result = restore_file(path, backup, datetime.now)

    assert result.previous is not None and result.previous_kind == "damaged"
    assert result.previous.read_bytes() == damaged  # kept exactly as it was
    assert inspect(path).ok and _staff_names(path) == ["Ann Example"]
    assert not (path.parent / "reviews.sqlite3.lock").exists()
    good = newest_good_backup(path)
    assert good is not None and good.kind != "damaged"


def test_restore_command_into_an_empty_file(
    populated: tuple[Path, Populated], run_cli: RunCli
) -> None:
    path, _ids = populated
    backup = _backup_then_change(path)
    path.write_bytes(b"")
    code, out, _err = run_cli("--db", str(path), "check")
    assert code == 1 and str(backup) in out  # check points to the newest good backup
    code, out, err = run_cli("--db", str(path), "restore", str(backup))
    assert code == 0, err
    assert "Restored" in out and "2 reviews" in out and "kept in" in out
    assert _staff_names(path) == ["Ann Example"]


def test_restore_command_refuses_a_file_that_is_not_a_backup(
    populated: tuple[Path, Populated], run_cli: RunCli, tmp_path: Path
) -> None:
    path, _ids = populated
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup")
    before = folder_state(path.parent)
    code, _out, err = run_cli("--db", str(path), "restore", str(notes))
    assert code == 1 and "cannot be restored" in err and "not a reviewapp database" in err
    assert folder_state(path.parent) == before
