"""Single writer: a second instance is told who has the database open and opens it read-only."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from durability_helpers import Populated, folder_state

from reviewapp.domain.errors import StoreError
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services
from reviewapp.services.instance_lock import (
    DatabaseInUseError,
    InstanceLock,
    break_lock,
    lock_path,
    read_holder,
)


def _dead_pid() -> int:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(finished.stdout)


def _write_lock(path: Path, **fields: object) -> None:
    holder = {
        "user": "sam",
        "host": socket.gethostname(),
        "pid": 1,
        "started": "2026-11-02T08:00:00",
        "token": "t",
    }
    lock_path(path).write_text(json.dumps(holder | fields))


def test_the_second_instance_is_read_only_and_says_who_has_it(
    populated: tuple[Path, Populated],
) -> None:
    path, _ids = populated
    first = Services.open(path, lock=True)
    try:
        holder = read_holder(lock_path(path))
        assert holder is not None and holder.pid == os.getpid()
        assert holder.host == socket.gethostname() and holder.started
        second = Services.open(path, lock=True)
        try:
            assert not first.access.read_only
            assert second.access.read_only
            reason = second.access.read_only_reason
            assert "is open in reviewapp" in reason and "on this PC" in reason
            assert holder.user in reason
            with pytest.raises(StoreError, match=r"read-only\. This change was not saved"):
                second.staff.create(StaffDraft("Ed Sneaky", "E500"))
            first.staff.create(StaffDraft("Fay Writer", "E600"))
            assert [s.name for s in second.staff.list()] == ["Ann Example", "Fay Writer"]
            assert len(second.reviews.list()) == 2
        finally:
            second.close()
        assert lock_path(path).exists()  # the read-only window does not release the writer's lock
    finally:
        first.close()
    assert not lock_path(path).exists()
    third = Services.open(path, lock=True)
    try:
        assert not third.access.read_only
        third.staff.create(StaffDraft("Gus Next", "E700"))
    finally:
        third.close()


def test_refusing_instead_of_read_only(populated: tuple[Path, Populated]) -> None:
    path, _ids = populated
    first = Services.open(path, lock=True)
    try:
        with pytest.raises(DatabaseInUseError, match="already open in reviewapp") as raised:
            Services.open(path, lock=True, if_in_use="refuse")
        assert raised.value.holder is not None and raised.value.holder.pid == os.getpid()
    finally:
        first.close()


def test_a_lock_left_by_a_dead_process_is_taken_over(populated: tuple[Path, Populated]) -> None:
    path, _ids = populated
    _write_lock(path, pid=_dead_pid())
    services = Services.open(path, lock=True, if_in_use="refuse")
    try:
        assert not services.access.read_only
        holder = read_holder(lock_path(path))
        assert holder is not None and holder.pid == os.getpid()
    finally:
        services.close()
    assert not lock_path(path).exists()


def test_a_lock_from_another_pc_is_respected_and_named(populated: tuple[Path, Populated]) -> None:
    path, _ids = populated
    _write_lock(path, host="BRANCH-PC-7", pid=_dead_pid())
    before = folder_state(path.parent)
    services = Services.open(path, lock=True)
    try:
        assert services.access.read_only
        reason = services.access.read_only_reason
        assert "by sam on the PC BRANCH-PC-7 since 2026-11-02 08:00" in reason
    finally:
        services.close()
    after = folder_state(path.parent)
    for name in ("reviews.sqlite3", "reviews.sqlite3.lock"):  # theirs, untouched
        assert after[name] == before[name]
    assert break_lock(path) is not None and not lock_path(path).exists()


def test_an_unreadable_lock_is_respected_only_while_fresh(tmp_path: Path) -> None:
    database = tmp_path / "reviews.sqlite3"
    lock_path(database).write_text("")
    assert InstanceLock(database).try_acquire() is not None
    old = time.time() - 60
    os.utime(lock_path(database), (old, old))
    lock = InstanceLock(database)
    assert lock.try_acquire() is None and lock.held
    lock.release()
    assert not lock_path(database).exists()


def test_release_leaves_a_lock_that_is_no_longer_ours(tmp_path: Path) -> None:
    database = tmp_path / "reviews.sqlite3"
    lock = InstanceLock(database)
    lock.acquire()
    break_lock(database)
    other = InstanceLock(database)
    other.acquire()
    lock.release()
    assert lock_path(database).exists()
    other.release()
    assert not lock_path(database).exists()


def test_read_only_open_takes_no_lock(populated: tuple[Path, Populated]) -> None:
    path, _ids = populated
    reader = Services.open(path, read_only=True, lock=True)
    try:
        assert reader.access.read_only and not lock_path(path).exists()
    finally:
        reader.close()


def test_the_first_start_creates_the_data_folder_for_the_database_and_its_lock(
    tmp_path: Path,
) -> None:
    """On a new machine the user data folder does not exist yet: the app opens as the single
    writer (lock file beside the database) and creates both, as ``app.open_services`` does."""
    path = tmp_path / "new-user" / ".local" / "share" / "reviewapp" / "reviewapp.sqlite3"
    services = Services.open(path, backups=True, lock=True, if_in_use="read_only")
    try:
        assert not services.access.read_only, services.access.read_only_reason
        assert path.exists()
        services.staff.create(StaffDraft("Ana Noël", "E1"))
    finally:
        services.close()
