"""Damaging a database file on purpose, for the tests of the full integrity check."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_an_index(path: Path, sort_name: str) -> None:
    """Change a staff row's sort name in its table page only: the file still passes SQLite's
    quick check (every page well formed), but no longer its integrity check (the index on the
    sort name no longer matches the row)."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'staff'"
        ).fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = bytearray(path.read_bytes())
    at = data.find(sort_name.encode(), (root - 1) * page_size, root * page_size)
    assert at >= 0, "the row is not in the staff table's first page"
    data[at : at + 4] = b"xxxx"
    path.write_bytes(bytes(data))
