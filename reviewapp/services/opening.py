"""Open a database the safe way: look first, lock, back up before migrating, verify after.

Nothing here writes to a file before ``inspect`` has said it is a healthy reviewapp database of a
known schema. A new database is built under a temporary name and moved into place only when
complete, so an interrupted first start never leaves an empty or half-made file behind.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from reviewapp.db.engine import database_url, make_engine, make_session_factory
from reviewapp.db.migrate import upgrade
from reviewapp.domain.errors import StoreError
from reviewapp.services.backup import Clock, backup_file, fsync_path, new_backup_path
from reviewapp.services.check import CheckReport, inspect, is_writable, sidecar
from reviewapp.services.frameworks import FrameworkService
from reviewapp.services.instance_lock import DatabaseInUseError, InstanceLock, in_use_message
from reviewapp.services.store import Store, translate

InUse = Literal["read_only", "refuse"]


class DatabaseProblemError(StoreError):
    """The file cannot be opened as it is; ``report`` says why (and it was left untouched)."""

    def __init__(self, report: CheckReport) -> None:
        super().__init__(report.message)
        self.report = report


@dataclass
class DatabaseAccess:
    """How the database was opened: what the window may do, and what happened on the way."""

    path: Path | None
    read_only: bool = False
    read_only_reason: str = ""
    migrated_from: str | None = None
    migration_backup: Path | None = None
    warnings: list[str] = field(default_factory=list)
    lock: InstanceLock | None = None
    backup_on_exit: bool = False

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None


class ReadOnlyStore(Store):
    """A store on a read-only connection: a write attempt gets the reason, in plain words."""

    def __init__(self, sessions: sessionmaker[Session], reason: str) -> None:
        super().__init__(sessions)
        self.reason = reason

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        try:
            with super().transaction() as session:
                yield session
        except StoreError as exc:
            cause = exc.__cause__
            if isinstance(cause, DBAPIError) and "readonly" in str(cause.orig).lower():
                raise StoreError(f"{self.reason} This change was not saved.") from exc
            raise


def sqlite_path(path_or_url: str | Path) -> Path | None:
    """The file of an SQLite database, or None for a server database (PostgreSQL)."""
    url = make_url(database_url(path_or_url))
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def make_folder(path: Path) -> None:
    """The folder a new database goes into (the user data folder does not exist before)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"A new database cannot be created in {path.parent} ({exc.strerror or exc})."
        ) from exc


def create_database(path: Path) -> None:
    """Build a new database under a temporary name, then move it into place complete."""
    temporary = path.with_name(path.name + ".new")
    make_folder(path)
    try:
        for stale in (temporary, sidecar(temporary, "-wal"), sidecar(temporary, "-shm")):
            stale.unlink(missing_ok=True)
    except OSError as exc:
        raise StoreError(
            f"A new database cannot be created in {path.parent} ({exc.strerror or exc})."
        ) from exc
    engine = make_engine(temporary)
    try:
        upgrade(engine)
        FrameworkService(Store(make_session_factory(engine))).ensure_default()
    except DBAPIError as exc:
        raise StoreError(f"A new database cannot be created at {path}: {translate(exc)}") from exc
    finally:
        engine.dispose()  # the last connection to close copies the WAL into the file
    wal = sidecar(temporary, "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(f"A new database cannot be created at {path}: it was not fully written.")
    try:
        fsync_path(temporary)
        try:
            os.link(temporary, path)  # fails if another instance created it meanwhile: keep theirs
        except FileExistsError:
            pass
        except OSError:
            if not path.exists():  # no hard links on this file system
                os.replace(temporary, path)
        fsync_path(path.parent)
    except OSError as exc:
        raise StoreError(f"The new database could not be saved ({exc.strerror or exc}).") from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _migrate(path: Path, report: CheckReport, clock: Clock, access: DatabaseAccess) -> None:
    """Back up an older database, migrate it in one transaction, and verify the result."""
    backup = new_backup_path(path, clock(), "before-update")
    try:
        backup_file(path, backup)
    except StoreError as exc:
        raise StoreError(
            f"{path.name} needs updating to this version of reviewapp, but the backup that must "
            f"come first failed ({exc}). It has been left as it was."
        ) from exc
    engine = make_engine(path)
    try:
        upgrade(engine)
    except Exception as exc:
        raise StoreError(
            f"{path.name} could not be updated to this version of reviewapp ({exc}). It has "
            f"been left as it was; a copy is also kept in {backup}."
        ) from exc
    finally:
        engine.dispose()
    after = inspect(path)
    if not after.ok or after.older:
        raise StoreError(
            f"{path.name} failed its check after updating ({after.message}). Restore the copy "
            f"made just before: {backup}."
        )
    access.migrated_from = report.revision
    access.migration_backup = backup


def _take_lock(path: Path, if_in_use: InUse, access: DatabaseAccess) -> None:
    lock = InstanceLock(path)
    holder = lock.try_acquire()
    if holder is None:
        access.lock = lock
        return
    message = in_use_message(path, holder)
    if if_in_use == "refuse":
        raise DatabaseInUseError(message, holder)
    access.read_only = True
    access.read_only_reason = (
        f"{path.name} is open in reviewapp {holder.describe()}, so this window is read-only."
    )


def prepare(
    path_or_url: str | Path,
    *,
    lock: bool = False,
    read_only: bool = False,
    if_in_use: InUse = "read_only",
    clock: Clock = datetime.now,
) -> tuple[Engine, DatabaseAccess]:
    """Check, lock, create or migrate as needed; returns the engine to build services on."""
    path = sqlite_path(path_or_url)
    if path is None:
        engine = make_engine(path_or_url)
        if not read_only:
            upgrade(engine)
        return engine, DatabaseAccess(None, read_only, "Opened read-only." if read_only else "")
    path = path.expanduser()
    reason = "This database was opened read-only." if read_only else ""
    access = DatabaseAccess(path, read_only, reason)
    try:
        if not read_only and not path.exists():
            make_folder(path)  # a first start: the lock file is written beside the new file
        if lock and not read_only:
            _take_lock(path, if_in_use, access)
        if not path.exists() and not access.read_only:
            create_database(path)
        # A routine open runs the quick check (seconds saved on a large database); the full
        # checks run before migrating (below), on every backup, and in ``reviewapp check``.
        report = inspect(path, thorough=False)
        if report.older:
            report = inspect(path)
        if not report.ok:
            raise DatabaseProblemError(report)
        if not access.read_only and not is_writable(path):
            access.read_only = True
            access.read_only_reason = (
                f"{path.name} is read-only (it may be on a write-protected disk or marked "
                "read-only), so reviews can be read but not changed."
            )
        if report.older:
            if access.read_only:
                raise StoreError(
                    f"{path.name} was written by an older version of reviewapp and must be "
                    f"updated before use, which is not possible now: {access.read_only_reason}"
                )
            _migrate(path, report, clock, access)
        immutable = access.read_only and not is_writable(path)
        engine = make_engine(path, read_only=access.read_only, immutable=immutable)
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT count(*) FROM sqlite_master"))
        except DBAPIError as exc:
            engine.dispose()
            raise translate(exc) from exc
    except BaseException:
        access.release()
        raise
    return engine, access


def make_store(engine: Engine, access: DatabaseAccess) -> Store:
    sessions = make_session_factory(engine)
    return ReadOnlyStore(sessions, access.read_only_reason) if access.read_only else Store(sessions)
