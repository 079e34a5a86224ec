"""The daily backup made later (the app makes it after its window is shown) never holds up an
edit: the copy reads one snapshot, step by step, while the writer goes on."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from durability_helpers import Populated

from reviewapp.domain.staff import StaffDraft
from reviewapp.services import backup as backup_module
from reviewapp.services.backup import list_backups
from reviewapp.services.check import inspect
from reviewapp.services.container import Services


def _names(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM staff")]
    finally:
        connection.close()


def test_a_deferred_daily_backup_is_made_only_when_asked(
    populated: tuple[Path, Populated],
) -> None:
    path, _ids = populated
    services = Services.open(path, backups=True, lock=True, defer_daily_backup=True)
    try:
        assert list_backups(path) == []  # opening made none
        made = services.daily_backup()
        assert made is not None and made.kind == "auto"
        assert services.daily_backup() is None  # one a day
    finally:
        services.close()
    assert [b.kind for b in list_backups(path)] == ["auto"]  # the closing one replaced it


def test_without_backups_the_daily_backup_makes_none(populated: tuple[Path, Populated]) -> None:
    path, _ids = populated
    services = Services.open(path, defer_daily_backup=True)
    try:
        assert services.daily_backup() is None
    finally:
        services.close()
    assert list_backups(path) == []


def test_an_edit_is_saved_while_the_backup_is_half_copied(
    populated: tuple[Path, Populated], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ids = populated
    monkeypatch.setattr(backup_module, "STEP_PAGES", 1)  # many steps, even on a small file
    services = Services.open(path, backups=True, lock=True, defer_daily_backup=True)
    steps: list[tuple[int, int]] = []
    saved_during: list[int] = []
    real_write = backup_module.write_backup

    def progress(_status: int, remaining: int, total: int) -> None:
        steps.append((remaining, total))
        if len(steps) == 2:  # mid-copy: the backup's snapshot is held on its own connection
            services.staff.create(StaffDraft("Mid Backup", "E777"))
            saved_during.append(remaining)

    def write_with_progress(source: sqlite3.Connection, target: Path, **_kw: object) -> object:
        return real_write(source, target, progress=progress)

    monkeypatch.setattr(backup_module, "write_backup", write_with_progress)
    try:
        made = services.daily_backup()
        assert made is not None
        assert saved_during and saved_during[0] > 0  # saved before the copy was finished
        assert "Mid Backup" in [m.name for m in services.staff.list()]
        # One snapshot, never restarted by the edit: the pages left only ever go down.
        remaining = [r for r, _total in steps]
        assert remaining == sorted(remaining, reverse=True) and remaining[-1] == 0
        assert len(steps) == steps[0][1]
        assert inspect(made.path).ok
        assert "Mid Backup" not in _names(made.path)  # the state when the backup began
    finally:
        services.close()
    newest = list_backups(path)[0]
    assert "Mid Backup" in _names(newest.path)  # the closing backup has it


def test_a_backup_left_half_written_is_cleared_by_the_next_daily_backup(
    populated: tuple[Path, Populated],
) -> None:
    path, _ids = populated
    folder = path.parent / "backups"
    folder.mkdir()
    stale = folder / "reviews-20250101-090000-auto.sqlite3.partial"
    stale.write_bytes(b"half a backup")
    old = time.time() - backup_module.STALE_PARTIAL_S - 60
    os.utime(stale, (old, old))
    fresh = folder / "reviews-20250101-100000-manual.sqlite3.partial"  # being written now
    fresh.write_bytes(b"in progress")
    services = Services.open(path, backups=True, lock=True, defer_daily_backup=True)
    try:
        assert services.daily_backup() is not None
    finally:
        services.close()
    assert not stale.exists()
    assert fresh.exists()
