"""The SQLite FTS5 index over evidence notes, kept in step with the notes by triggers.

The index is an external-content FTS5 table: it stores only the tokens, and reads note text from
``evidence_notes`` itself (through a view that adds each note's staff token). Triggers update it
inside the same transaction as every insert, update and delete of a note, so a rolled-back change
leaves no trace in the index either. They run AFTER the change, so the BEFORE triggers that
refuse changes to frozen notes (triggers.py) stop a forbidden change before the index is touched.

Where FTS5 is missing (an SQLite built without it) or on PostgreSQL, no index is created and the
search service scans the notes instead.

A later migration that rebuilds ``evidence_notes`` (Alembic batch mode copies and drops the table)
drops these triggers with it, like those in triggers.py: it must create them again.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

TABLE = "evidence_fts"
SOURCE = "evidence_fts_source"
TOKENIZER = "unicode61 remove_diacritics 2"
TEXT_COLUMN = "text"
STAFF_COLUMN = "staff_key"
"""Holds one token per note, ``staff<id>``: a staff filter inside the full-text query, so a
person's notes are found by intersecting two posting lists instead of filtering every match."""


def staff_token(staff_id: int) -> str:
    return f"staff{int(staff_id)}"


_STAFF_VALUE = "'staff' || {ref}.staff_id"
_INSERT = (
    f"INSERT INTO {TABLE}(rowid, {TEXT_COLUMN}, {STAFF_COLUMN}) "
    f"VALUES (NEW.id, NEW.text, {_STAFF_VALUE.format(ref='NEW')});"
)
_DELETE = (
    f"INSERT INTO {TABLE}({TABLE}, rowid, {TEXT_COLUMN}, {STAFF_COLUMN}) "
    f"VALUES ('delete', OLD.id, OLD.text, {_STAFF_VALUE.format(ref='OLD')});"
)

CREATE_STATEMENTS = (
    # What the index reads when it rebuilds or checks itself: the notes, with the staff token.
    f"CREATE VIEW {SOURCE} AS SELECT id, text AS {TEXT_COLUMN}, "
    f"{_STAFF_VALUE.format(ref='evidence_notes')} AS {STAFF_COLUMN} FROM evidence_notes",
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5({TEXT_COLUMN}, {STAFF_COLUMN}, "
    f"content='{SOURCE}', content_rowid='id', tokenize='{TOKENIZER}')",
    f"CREATE TRIGGER trg_{TABLE}_ins AFTER INSERT ON evidence_notes FOR EACH ROW "
    f"BEGIN {_INSERT} END",
    f"CREATE TRIGGER trg_{TABLE}_del AFTER DELETE ON evidence_notes FOR EACH ROW "
    f"BEGIN {_DELETE} END",
    f"CREATE TRIGGER trg_{TABLE}_upd AFTER UPDATE OF text, staff_id ON evidence_notes "
    f"FOR EACH ROW BEGIN {_DELETE} {_INSERT} END",
    # Index the notes already stored.
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
)

DROP_STATEMENTS = (
    f"DROP TRIGGER IF EXISTS trg_{TABLE}_upd",
    f"DROP TRIGGER IF EXISTS trg_{TABLE}_del",
    f"DROP TRIGGER IF EXISTS trg_{TABLE}_ins",
    f"DROP TABLE IF EXISTS {TABLE}",
    f"DROP VIEW IF EXISTS {SOURCE}",
)


def fts5_available(connection: Any) -> bool:
    """True when this SQLite connection (a SQLAlchemy Connection or Session) has FTS5."""
    try:
        with connection.begin_nested():
            connection.execute(text("CREATE VIRTUAL TABLE temp.reviewapp_fts5_probe USING fts5(x)"))
            connection.execute(text("DROP TABLE temp.reviewapp_fts5_probe"))
    except DBAPIError:
        return False
    return True


def index_exists(connection: Any) -> bool:
    """True when the evidence index table is in the database (SQLite only)."""
    found = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": TABLE}
    ).first()
    return found is not None
