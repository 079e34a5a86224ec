"""Look at a database file before trusting it, without changing a single byte of it.

``inspect`` reads the file's header, then opens it read-only (``immutable`` when no one has it
open, so not even a -wal or -shm file appears beside it) and runs SQLite's integrity check, the
foreign key check and the schema check. The full integrity check also cross-checks every index
against its table (seconds for a library system's ten years), so a routine open asks for
``thorough=False``: SQLite's quick check (every page and record, about ten times faster) and the
schema check; backups, restores, migrations and ``reviewapp check`` keep the full checks.
Every outcome is a ``CheckReport`` with a plain-language message; the caller decides what to do
(refuse, open read-only, back up and migrate).
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reviewapp.db import triggers
from reviewapp.db.engine import read_only_uri
from reviewapp.db.migrate import head_revision, known_revisions
from reviewapp.db.models import Base
from reviewapp.services import quick_check

SQLITE_HEADER = b"SQLite format 3\x00"
MAX_DETAILS = 20
LOCK_WAIT = 2.0  # seconds to wait for another program's write lock before calling it locked
_WINDOWS_SHARING_VIOLATIONS = (32, 33)
_TRIGGER_NAME = re.compile(r"CREATE TRIGGER (\w+)")


class Problem(StrEnum):
    MISSING = "missing"
    NOT_A_FILE = "not_a_file"
    UNREADABLE = "unreadable"
    LOCKED = "locked"
    EMPTY = "empty"
    NOT_DATABASE = "not_database"
    TRUNCATED = "truncated"
    DAMAGED = "damaged"
    FOREIGN = "foreign"
    NEWER = "newer"


@dataclass(frozen=True)
class CheckReport:
    path: Path
    problem: Problem | None
    message: str
    revision: str | None = None
    head: str = ""
    details: tuple[str, ...] = ()
    review_count: int | None = None

    @property
    def ok(self) -> bool:
        """Healthy and usable by this version (perhaps after migrating an older schema)."""
        return self.problem is None

    @property
    def older(self) -> bool:
        """Healthy, but written by an older reviewapp: back it up and migrate before use."""
        return self.ok and self.revision != self.head


def sidecar(path: Path, suffix: str) -> Path:
    """SQLite's companion files: ``-wal``, ``-shm``, ``-journal``."""
    return path.with_name(path.name + suffix)


def is_writable(path: Path) -> bool:
    """Whether reviewapp may write the file and create its WAL files beside it."""
    folder = path.parent if path.parent != Path("") else Path(".")
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def expected_triggers() -> set[str]:
    return set(_TRIGGER_NAME.findall("\n".join(triggers.create_statements("sqlite"))))


def _report(
    path: Path,
    problem: Problem,
    message: str,
    *,
    revision: str | None = None,
    details: tuple[str, ...] = (),
) -> CheckReport:
    return CheckReport(path, problem, message, revision, head_revision(), details)


def _read_header(path: Path) -> tuple[int, bytes] | CheckReport:
    if not path.exists():
        return _report(path, Problem.MISSING, f"There is no database file at {path}.")
    if not path.is_file():
        return _report(path, Problem.NOT_A_FILE, f"{path} is a folder, not a database file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except PermissionError as exc:
        if getattr(exc, "winerror", None) in _WINDOWS_SHARING_VIOLATIONS:
            return _report(
                path,
                Problem.LOCKED,
                f"{path.name} is locked by another program (perhaps a backup or sync tool). "
                "Close that program, or wait for it to finish, and try again.",
            )
        return _report(path, Problem.UNREADABLE, f"You do not have permission to read {path.name}.")
    except OSError as exc:
        return _report(
            path, Problem.UNREADABLE, f"{path.name} could not be read ({exc.strerror or exc})."
        )
    return size, header


def _check_header(path: Path, size: int, header: bytes) -> CheckReport | None:
    name = path.name
    if size == 0:
        return _report(
            path,
            Problem.EMPTY,
            f"{name} is empty (0 bytes), so it holds no reviews. It may be a file that was never "
            "saved completely. It has been left as it is: choose another file or restore a backup.",
        )
    if not header.startswith(SQLITE_HEADER):
        return _report(
            path,
            Problem.NOT_DATABASE,
            f"{name} is not a reviewapp database (it is not a database file at all). "
            "It has been left as it is: choose another file.",
        )
    if len(header) < 100:
        return _report(
            path,
            Problem.TRUNCATED,
            f"{name} is incomplete: it stops after {size} bytes, inside its header. "
            "It may have been copied only in part; restore a backup or copy it again.",
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return _report(
            path, Problem.DAMAGED, f"{name} is damaged: its header is not valid. Restore a backup."
        )
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96]
    if (header_size_valid and pages and size < pages * page_size) or size % page_size:
        expected = f"{pages * page_size:,}" if header_size_valid else "a whole number of pages"
        return _report(
            path,
            Problem.TRUNCATED,
            f"{name} is incomplete: it should be {expected} bytes long but is {size:,} bytes. "
            "It may have been copied only in part (a USB stick removed too early?); "
            "restore a backup or copy it again.",
        )
    return None


def _open_read_only(path: Path, in_use: bool = False) -> sqlite3.Connection:
    """Read-only; ``immutable`` (nothing created beside the file) unless a WAL holds data or the
    file is ``in_use`` by this app (which may write while the check reads)."""
    wal = sidecar(path, "-wal")
    live = in_use or (wal.exists() and wal.stat().st_size > 0)
    return sqlite3.connect(read_only_uri(path, immutable=not live), uri=True, timeout=LOCK_WAIT)


def _examine(path: Path, connection: sqlite3.Connection, thorough: bool = True) -> CheckReport:
    name = path.name
    if thorough:
        rows = [row[0] for row in connection.execute(f"PRAGMA integrity_check({MAX_DETAILS})")]
    else:  # started in the background at launch when the app could (quick_check.py)
        rows = quick_check.result(path) or [
            row[0] for row in connection.execute(f"PRAGMA quick_check({MAX_DETAILS})")
        ]
    if rows != ["ok"]:
        lines = [line for row in rows for line in str(row).splitlines()]
        problems = [line for line in lines if line and not line.startswith("***")] or lines
        return _report(
            path,
            Problem.DAMAGED,
            f"{name} is damaged: SQLite's integrity check found problems "
            f"(first: {problems[0]}). Restore the newest good backup.",
            details=tuple(problems[:MAX_DETAILS]),
        )
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if "alembic_version" not in tables:
        return _report(
            path,
            Problem.FOREIGN,
            f"{name} is a database, but not one made by reviewapp. It has been left as it is: "
            "choose another file.",
        )
    versions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    if len(versions) != 1:
        return _report(
            path,
            Problem.DAMAGED,
            f"{name} is damaged: its schema version is not readable. Restore a backup.",
        )
    revision, head = versions[0], head_revision()
    if revision not in known_revisions():
        return _report(
            path,
            Problem.NEWER,
            f"{name} was written by a newer version of reviewapp (schema {revision}; this "
            f"version knows schemas up to {head}). Update reviewapp to open it. It has been left "
            "as it is: it will not be changed or downgraded.",
            revision=revision,
        )
    if revision == head:
        missing = sorted((set(Base.metadata.tables) | expected_triggers()) - tables)
        if missing:
            return _report(
                path,
                Problem.DAMAGED,
                f"{name} is damaged: parts of its structure are missing ({', '.join(missing)}). "
                "Restore a backup.",
                revision=revision,
                details=tuple(missing),
            )
    orphans = (
        connection.execute("PRAGMA foreign_key_check").fetchmany(MAX_DETAILS) if thorough else []
    )
    if orphans:
        details = tuple(f"{row[0]} row {row[1]} refers to a missing {row[2]}" for row in orphans)
        return _report(
            path,
            Problem.DAMAGED,
            f"{name} is damaged: {details[0]}. Restore the newest good backup.",
            revision=revision,
            details=details,
        )
    count = connection.execute("SELECT count(*) FROM reviews").fetchone()[0]
    if revision != head:
        message = (
            f"{name} is healthy but was written by an older version of reviewapp (schema "
            f"{revision}). When opened it is backed up first, then updated to schema {head}."
        )
    elif thorough:
        message = f"{name} is healthy: integrity check passed, schema {revision} is current."
    else:
        message = f"{name} is healthy: quick check passed, schema {revision} is current."
    return CheckReport(path, None, message, revision, head, (), int(count))


def _from_sqlite_error(path: Path, exc: sqlite3.Error) -> CheckReport:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return _report(
            path,
            Problem.LOCKED,
            f"{path.name} is locked by another program that is writing to it. "
            "Close that program and try again.",
        )
    if "not a database" in text:
        return _report(
            path,
            Problem.NOT_DATABASE,
            f"{path.name} is not a reviewapp database, or it is encrypted or damaged. "
            "It has been left as it is.",
        )
    if "unable to open" in text:
        return _report(path, Problem.UNREADABLE, f"{path.name} could not be opened ({exc}).")
    return _report(
        path,
        Problem.DAMAGED,
        f"{path.name} is damaged ({exc}). Restore the newest good backup.",
        details=(str(exc),),
    )


def inspect(path: str | Path, *, thorough: bool = True, in_use: bool = False) -> CheckReport:
    """Check a database file and say in plain words whether and how it can be used.

    ``thorough=False`` runs SQLite's quick check instead of the full integrity check and skips
    the foreign key check: it still reads every page, but not every index entry twice.
    ``in_use``: the file is open in this app, which may write meanwhile (see ``check_open``).
    """
    path = Path(path).expanduser()
    read = _read_header(path)
    if isinstance(read, CheckReport):
        return read
    size, header = read
    early = _check_header(path, size, header)
    if early is not None:
        return early
    try:
        connection = _open_read_only(path, in_use)
    except sqlite3.Error as exc:
        return _from_sqlite_error(path, exc)
    try:
        return _examine(path, connection, thorough)
    except sqlite3.Error as exc:
        return _from_sqlite_error(path, exc)
    finally:
        connection.close()


def check_open(path: str | Path) -> CheckReport:
    """The full checks of the database this app has open: SQLite's integrity check (every page,
    every index entry against its row) and the foreign key check, which start-up leaves out.

    A connection of its own, read-only (SQLite refuses any write on it) and never ``immutable``:
    the app may save edits meanwhile, and SQLite gives the check one consistent snapshot.
    """
    return inspect(path, thorough=True, in_use=True)


def review_count(path: Path) -> int | None:
    """The number of reviews in a database file no one has open (None when unreadable)."""
    try:
        connection = sqlite3.connect(read_only_uri(path, immutable=True), uri=True)
    except sqlite3.Error:
        return None
    try:
        return int(connection.execute("SELECT count(*) FROM reviews").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        connection.close()
