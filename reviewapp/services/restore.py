"""Restore a backup: always after saving the state it replaces, always under the writer's lock.

A healthy database is overwritten through SQLite's backup API, inside one SQLite transaction: a
crash part-way leaves the old content, never a mixture, and other programs reading it see one or
the other (``restore_into_engine`` in backup.py, which the open app's backup service uses too).
A database that cannot be opened (damaged, empty, not a database) is first copied aside
exactly as it is, then replaced by a verified copy of the backup with one atomic rename.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from reviewapp.db.engine import make_engine, read_only_uri
from reviewapp.domain.errors import StoreError
from reviewapp.services.backup import (
    Clock,
    RestoreResult,
    check_restorable,
    fsync_path,
    new_backup_path,
    restore_into_engine,
    write_backup,
)
from reviewapp.services.check import CheckReport, Problem, inspect, sidecar
from reviewapp.services.instance_lock import InstanceLock


def _set_aside(database: Path, report: CheckReport, clock: Clock) -> Path:
    """Copy a file that cannot be opened, byte for byte, into the backups folder."""
    kind = "before-restore" if report.problem is Problem.NEWER else "damaged"
    target = new_backup_path(database, clock(), kind)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(database, target)
        wal = sidecar(database, "-wal")
        if wal.exists():
            shutil.copy2(wal, sidecar(target, "-wal"))
        fsync_path(target)
    except OSError as exc:
        raise StoreError(
            f"The current file could not be set aside before restoring ({exc.strerror or exc}); "
            "nothing was restored."
        ) from exc
    return target


def _replace_file(database: Path, source: Path) -> None:
    temporary = database.with_name(database.name + ".restoring")
    backup = sqlite3.connect(read_only_uri(source, immutable=True), uri=True)
    try:
        write_backup(backup, temporary)
    finally:
        backup.close()
    try:
        # The old file's WAL must go with it: replayed into the new file it would damage it.
        for suffix in ("-wal", "-shm", "-journal"):
            sidecar(database, suffix).unlink(missing_ok=True)
        database.parent.mkdir(parents=True, exist_ok=True)
        temporary.replace(database)
        fsync_path(database.parent)
    except OSError as exc:
        raise StoreError(f"The database could not be replaced ({exc.strerror or exc}).") from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def restore_file(database: Path, source: Path, clock: Clock = datetime.now) -> RestoreResult:
    """Restore a backup into a database file in any state; refused while another app has it open.

    The way forward when a database will not open: the current file is kept in the backups folder
    (as a ``before-restore`` backup when healthy, else copied as it is as ``damaged``).
    """
    database = database.expanduser()
    lock = InstanceLock(database)
    lock.acquire()
    try:
        check_restorable(source)
        current = inspect(database)
        if current.ok:
            engine = make_engine(database)
            try:
                return restore_into_engine(engine, database, source, clock)
            finally:
                engine.dispose()
        previous = None
        if current.problem is not Problem.MISSING:
            previous = _set_aside(database, current, clock)
        _replace_file(database, source)
        final = inspect(database)
        if not final.ok:
            raise StoreError(f"The restored database failed its check: {final.message}")
        kind = "damaged" if previous and previous.name.endswith("-damaged.sqlite3") else ""
        return RestoreResult(source, final.review_count, previous, kind or "before-restore")
    finally:
        lock.release()
