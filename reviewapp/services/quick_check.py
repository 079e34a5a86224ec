"""Run SQLite's quick check of a database file in the background while the app starts.

Reading every page of a ten-year database takes a few hundred milliseconds. ``start`` begins
that read on a second thread at the very top of start-up (this module needs nothing but the
standard library, so it costs no import time); SQLite releases the GIL while it reads, so the
check runs on the other core while Python imports Qt and SQLAlchemy. ``check.inspect`` then
takes the answer with ``result`` instead of reading the file again, but only if the file (and
its WAL) is exactly as it was when the check began; otherwise it checks again itself.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

MAX_DETAILS = 20
LOCK_WAIT = 2.0

_Key = tuple[str, int, int, int, int]


@dataclass
class _Pending:
    key: _Key
    done: threading.Event = field(default_factory=threading.Event)
    rows: list[str] | None = None


_pending: dict[str, _Pending] = {}
_guard = threading.Lock()


def _key(path: Path) -> _Key | None:
    """What must not change between the check and its use: the file and its WAL."""
    try:
        main = path.stat()
    except OSError:
        return None
    try:
        wal = path.with_name(path.name + "-wal").stat()
        wal_size, wal_time = wal.st_size, wal.st_mtime_ns
    except OSError:
        wal_size, wal_time = -1, -1
    return (str(path), main.st_size, main.st_mtime_ns, wal_size, wal_time)


def _run(path: Path, pending: _Pending) -> None:
    try:
        live_wal = pending.key[3] > 0
        uri = f"{path.as_uri()}?mode=ro" + ("" if live_wal else "&immutable=1")
        connection = sqlite3.connect(uri, uri=True, timeout=LOCK_WAIT, check_same_thread=False)
        try:
            rows = connection.execute(f"PRAGMA quick_check({MAX_DETAILS})").fetchall()
            pending.rows = [str(row[0]) for row in rows]
        finally:
            connection.close()
    except sqlite3.Error:
        pending.rows = None  # the caller's own check will meet the problem and explain it
    finally:
        pending.done.set()


def start(path: str | Path) -> None:
    """Begin checking an existing database file in the background (no-op if it is missing)."""
    resolved = Path(path).expanduser().resolve()
    key = _key(resolved)
    if key is None or key[1] == 0:
        return
    pending = _Pending(key)
    with _guard:
        _pending[str(resolved)] = pending
    threading.Thread(target=_run, args=(resolved, pending), daemon=True).start()


def result(path: str | Path) -> list[str] | None:
    """The quick check's rows for this file if one was started and the file is unchanged."""
    resolved = Path(path).expanduser().resolve()
    with _guard:
        pending = _pending.pop(str(resolved), None)
    if pending is None:
        return None
    pending.done.wait()
    if pending.rows is None or _key(resolved) != pending.key:
        return None
    return pending.rows
