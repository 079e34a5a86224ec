"""Backups: online copies made with SQLite's backup API, verified, rotated, and restored.

A backup is never a file copy of a live database (that can catch a half-written page or miss what
is still in the WAL): SQLite's backup API copies a consistent snapshot through the database engine.
Each backup is written to a temporary name, synced, checked (integrity check and a readable schema
revision), and only then renamed into place, so a backup that exists is a good one.

Backups live in a ``backups`` folder beside the database, named
``<database>-<YYYYmmdd-HHMMSS>-<kind>.sqlite3`` in local time. Kinds: ``auto`` (made when the app
starts, at most once a day, and when it closes; rotated: the newest of each of the last 7 days, and
the newest of each of the 4 weeks before those), ``manual``, ``before-update`` (before a schema
migration), ``before-restore`` (the state replaced by a restore) and ``damaged`` (a damaged file set
aside, as it was, before a backup replaced it); only ``auto`` backups are ever deleted. Their
folder, names and rotation are in backup_names.py; restoring a file that cannot be opened is in
restore.py, which builds on this module.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, text

from reviewapp.db.engine import read_only_uri
from reviewapp.db.migrate import current_revision, head_revision, upgrade
from reviewapp.domain.errors import StoreError
from reviewapp.services.backup_names import (
    KINDS,
    BackupInfo,
    backup_folder,
    file_stem,
    info,
    list_backups,
    new_backup_path,
    rotation_victims,
)
from reviewapp.services.check import CheckReport, inspect

# Callers that know backups by this module import these from here too.
__all__ = [
    "KINDS",
    "BackupInfo",
    "backup_folder",
    "list_backups",
    "new_backup_path",
    "rotation_victims",
]

STALE_PARTIAL_S = 3600
"""A half-written backup untouched this long was left by a process that stopped mid-way."""
NOT_SQLITE = (
    "Backups of a database on a server (PostgreSQL) are made with the server's own tools "
    "(pg_dump and pg_restore); reviewapp makes and restores backups of database files only."
)
Clock = Callable[[], datetime]


def fsync_path(path: Path) -> None:
    """Flush a file (or, where the system allows, a folder entry) to the disk."""
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return  # folders cannot be opened on Windows; their entries are flushed with the file
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on folders; the file itself was synced
    finally:
        os.close(descriptor)


def _plain(exc: BaseException) -> str:
    text = str(exc)
    if "full" in text.lower() or getattr(exc, "errno", None) == 28:
        return "the disk is full"
    return getattr(exc, "strerror", None) or text


STEP_PAGES = 1024
"""Pages copied per step of the backup API (4 MB with SQLite's default 4 KiB pages)."""

Progress = Callable[[int, int, int], object]


@contextlib.contextmanager
def _snapshot(source: sqlite3.Connection) -> Iterator[None]:
    """Hold one read transaction on ``source`` while the backup copies it in steps.

    The copy is then of one consistent state even though it is made step by step, and it never
    restarts when another connection commits in between. In WAL mode a reader does not block the
    writer: edits made while a backup runs are saved at once (and are in the next backup).
    """
    if source.in_transaction:
        yield
        return
    source.execute("BEGIN")
    try:
        source.execute("SELECT count(*) FROM sqlite_master").fetchall()
        yield
    finally:
        source.rollback()


class DamagedCopyError(StoreError):
    """The copy was written but failed its check: what it copied (the source) is damaged."""


def write_backup(
    source: sqlite3.Connection,
    target: Path,
    *,
    progress: Progress | None = None,
    verify: bool = True,
) -> CheckReport:
    """Copy a consistent snapshot of ``source`` to ``target``; verified, then atomically named.

    ``progress(status, remaining, total)`` is called after each step (SQLite's backup API).
    ``verify=False`` keeps a copy that fails its check too (a damaged database set aside as it
    is, page for page); a verified copy that fails raises ``DamagedCopyError``.
    """
    temporary = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        destination = sqlite3.connect(temporary)
        try:
            with _snapshot(source):
                source.backup(destination, pages=STEP_PAGES, progress=progress)
            # A backup is one self-contained file: no WAL beside it.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        fsync_path(temporary)
        report = inspect(temporary)
        if verify and not report.ok:
            raise DamagedCopyError(f"The backup failed its check after writing: {report.message}")
        os.replace(temporary, target)
        fsync_path(target.parent)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"The backup {target.name} could not be written: {_plain(exc)}.") from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return replace(report, path=target)


def backup_file(database: Path, target: Path) -> CheckReport:
    """Back up a database file that is not open in this process (it may be open elsewhere)."""
    source = sqlite3.connect(read_only_uri(database), uri=True)
    try:
        return write_backup(source, target)
    finally:
        source.close()


def newest_good_backup(database: Path) -> BackupInfo | None:
    """The newest backup that passes the full check: what to restore after damage."""
    for candidate in list_backups(database):
        if candidate.kind != "damaged" and inspect(candidate.path).ok:
            return candidate
    return None


def remove_stale_partials(database: Path) -> list[Path]:
    """Delete half-written backups left by a process that stopped while writing them (a backup
    being written now is touched continuously, so it is never taken for stale)."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    prefix, removed = file_stem(database) + "-", []
    for path in folder.iterdir():
        if not (path.name.startswith(prefix) and path.name.endswith(".sqlite3.partial")):
            continue
        with contextlib.suppress(OSError):  # gone meanwhile, or not ours to delete: leave it
            if time.time() - path.stat().st_mtime > STALE_PARTIAL_S:
                path.unlink()
                removed.append(path)
    return removed


def raw_sqlite(engine: Engine) -> tuple[sqlite3.Connection, Callable[[], None]]:
    """A pooled engine connection as the sqlite3 connection it wraps, and how to give it back."""
    raw = engine.raw_connection()
    connection = raw.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection, raw.close


class BackupService:
    """Backups of the open database; every method is safe to call while the app is in use."""

    def __init__(
        self,
        engine: Engine,
        database: Path | None,
        *,
        read_only_reason: str = "",
        clock: Clock = datetime.now,
    ) -> None:
        self._engine = engine
        self._database = database
        self._read_only_reason = read_only_reason
        self._clock = clock

    @property
    def folder(self) -> Path | None:
        return backup_folder(self._database) if self._database else None

    def _file(self) -> Path:
        if self._database is None:
            raise StoreError(NOT_SQLITE)
        return self._database

    def list_backups(self) -> list[BackupInfo]:
        """Every backup in the backups folder, newest first (none for a server database)."""
        return list_backups(self._database) if self._database else []

    def newest_good_backup(self) -> BackupInfo | None:
        return newest_good_backup(self._database) if self._database else None

    def make_backup(self, target: Path | None = None, *, kind: str = "manual") -> BackupInfo:
        """Back up now, to ``target`` or into the backups folder; verified before it is kept."""
        database = self._file()
        if kind not in KINDS:
            raise ValueError(f"unknown backup kind {kind!r}")
        created = self._clock()
        if target is None:
            target = new_backup_path(database, created, kind)
        elif target.resolve() == database.resolve():
            raise StoreError("A backup cannot be written over the database itself.")
        elif target.exists():
            raise StoreError(f"{target} already exists; choose a new name for the backup.")
        connection, give_back = raw_sqlite(self._engine)
        try:
            report = write_backup(connection, target)
        finally:
            give_back()
        made = info(target)
        if made is not None:
            return made
        return BackupInfo(target, created, target.stat().st_size, report.review_count, kind)

    def backup_on_start(self) -> BackupInfo | None:
        """The daily backup: made unless an automatic backup from today exists."""
        remove_stale_partials(self._file())
        today = self._clock().date()
        if any(b.kind == "auto" and b.created.date() == today for b in self.list_backups()):
            return None
        made = self.make_backup(kind="auto")
        self.rotate()
        return made

    def backup_on_exit(self) -> BackupInfo:
        made = self.make_backup(kind="auto")
        self.rotate()
        return made

    def rotate(self) -> list[Path]:
        """Delete the automatic backups the rotation no longer keeps; returns what was deleted."""
        autos = [(b.path, b.created) for b in self.list_backups() if b.kind == "auto"]
        victims = rotation_victims(autos)
        for path in victims:
            path.unlink(missing_ok=True)
        return victims

    def restore(self, source: Path) -> RestoreResult:
        """Replace the database's content with a backup, after backing up the current state."""
        if self._read_only_reason:
            raise StoreError(f"{self._read_only_reason} Nothing was restored.")
        return restore_into_engine(self._engine, self._file(), source, self._clock)


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    review_count: int | None
    previous: Path | None
    previous_kind: str


def check_restorable(source: Path) -> CheckReport:
    report = inspect(source)
    if not report.ok:
        raise StoreError(f"{source.name} cannot be restored: {report.message}")
    return report


def _verify(engine: Engine, previous: Path | None) -> None:
    with engine.connect() as connection:
        rows = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
    revision = current_revision(engine)
    if rows != ["ok"] or revision != head_revision():
        kept = f" The previous state is kept in {previous}." if previous else ""
        raise StoreError(f"The restored database failed its check after restoring.{kept}")


def restore_into_engine(
    engine: Engine, database: Path, source: Path, clock: Clock
) -> RestoreResult:
    """Restore into a database this process has open for writing (it holds the lock).

    The state it replaces is backed up first; when that copy fails its check (the open database
    is damaged, as the full check after start-up can find) it is kept all the same, as it is,
    as a ``damaged`` backup, and the restore goes on.
    """
    report = check_restorable(source)
    previous = new_backup_path(database, clock(), "before-restore")
    kind = "before-restore"
    connection, give_back = raw_sqlite(engine)
    try:
        try:
            write_backup(connection, previous)
        except DamagedCopyError:
            previous, kind = new_backup_path(database, clock(), "damaged"), "damaged"
            write_backup(connection, previous, verify=False)
        backup = sqlite3.connect(read_only_uri(source, immutable=True), uri=True)
        try:
            backup.backup(connection)
        except sqlite3.Error as exc:
            raise StoreError(
                f"{source.name} could not be restored ({exc}); the database is unchanged."
            ) from exc
        finally:
            backup.close()
    finally:
        give_back()
    if report.older:
        upgrade(engine)
    _verify(engine, previous)
    return RestoreResult(source, report.review_count, previous, kind)
