"""One writer per database: a lock file beside it says who has it open, on which PC, since when.

SQLite already serialises transactions, so two writers could not corrupt the file; the lock is about
people. Two windows editing the same review would silently overwrite each other's work, so the
second instance is told who has the database open and opens it read-only (or not at all).

The lock file is created atomically with its full content (written to a private file, then
hard-linked into place, which fails if a lock already exists), so a crash never leaves a
half-written lock. A lock left by a process that no longer runs on this PC is stale and is taken
over; a lock from another PC cannot be checked from here and is respected until that PC closes
reviewapp (or a person who knows it crashed removes it with ``break_lock``).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reviewapp.domain.errors import StoreError

LOCK_SUFFIX = ".lock"


class DatabaseInUseError(StoreError):
    """Another instance of reviewapp has the database open for writing."""

    def __init__(self, message: str, holder: LockHolder | None) -> None:
        super().__init__(message)
        self.holder = holder


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    started: str
    token: str

    def describe(self) -> str:
        """Who holds it, as far as known: 'by ann on the PC BRANCH-2 since 2026-12-01 09:30'."""
        parts = []
        if self.user:
            parts.append(f"by {self.user}")
        if self.host:
            same = self.host == _host()
            parts.append("on this PC" if same else f"on the PC {self.host}")
        if self.started:
            parts.append(f"since {self.started.replace('T', ' ')[:16]}")
        return " ".join(parts) or "by an unknown program"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


def _host() -> str:
    return socket.gethostname()


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs on this PC (never signals or stops it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, but belongs to someone else
    return True


def read_holder(path: Path) -> LockHolder | None:
    """The holder named in a lock file; None when the file is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(
            user=str(data.get("user", "")),
            host=str(data.get("host", "")),
            pid=int(data.get("pid", 0)),
            started=str(data.get("started", "")),
            token=str(data.get("token", "")),
        )
    except (OSError, ValueError, TypeError, AttributeError):
        return None


UNREADABLE_GRACE_SECONDS = 10.0


def is_stale(holder: LockHolder | None, path: Path) -> bool:
    """A lock is stale when its process is known to be gone: same PC, process not running.

    An unreadable lock file is stale once it is a few seconds old; younger, it may be one being
    written right now on a file system without hard links.
    """
    if holder is None:
        try:
            age = datetime.now().timestamp() - path.stat().st_mtime
        except FileNotFoundError:
            return True
        return age > UNREADABLE_GRACE_SECONDS
    return holder.host == _host() and not pid_alive(holder.pid)


class InstanceLock:
    """The lock on one database file; ``acquire`` or ``try_acquire``, then ``release``."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path(database)
        self._holder: LockHolder | None = None

    @property
    def held(self) -> bool:
        return self._holder is not None

    def try_acquire(self) -> LockHolder | None:
        """Take the lock; returns None on success, or the live holder that has it."""
        me = LockHolder(
            user=_user(),
            host=_host(),
            pid=os.getpid(),
            started=datetime.now().isoformat(timespec="seconds"),
            token=uuid.uuid4().hex,
        )
        for _attempt in range(3):
            if self._create(me):
                self._holder = me
                return None
            holder = read_holder(self.path)
            if not is_stale(holder, self.path):
                return holder or LockHolder("", "", 0, "", "")
            # Stale: remove it only if it is still the same stale lock, then try again.
            if read_holder(self.path) == holder:
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
        holder = read_holder(self.path)
        return holder or LockHolder("", "", 0, "", "")

    def acquire(self) -> None:
        holder = self.try_acquire()
        if holder is not None:
            raise DatabaseInUseError(in_use_message(self.database, holder), holder)

    def release(self) -> None:
        """Remove the lock file, but only if it is still ours."""
        if self._holder is None:
            return
        current = read_holder(self.path)
        if current is not None and current.token == self._holder.token:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        self._holder = None

    def _create(self, me: LockHolder) -> bool:
        text = json.dumps(me.__dict__, indent=1)
        private = self.path.with_name(f"{self.path.name}.{me.pid}.{me.token[:8]}.tmp")
        try:
            private.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise StoreError(
                f"The lock file beside {self.database.name} could not be written "
                f"({exc.strerror or exc}); the folder may be read-only."
            ) from exc
        try:
            os.link(private, self.path)
            return True
        except FileExistsError:
            return False
        except OSError:
            # No hard links on this file system (FAT USB sticks): exclusive create instead.
            return self._create_exclusive(text)
        finally:
            with contextlib.suppress(OSError):
                private.unlink()

    def _create_exclusive(self, text: str) -> bool:
        try:
            descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        return True


def in_use_message(database: Path, holder: LockHolder) -> str:
    return (
        f"The database {database.name} is already open in reviewapp {holder.describe()}. "
        "Only one person can change it at a time: close it there first, or open it read-only."
    )


def break_lock(database: Path) -> LockHolder | None:
    """Remove a lock a person knows to be left over (e.g. the other PC crashed); returns it."""
    path = lock_path(database)
    holder = read_holder(path)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    return holder
