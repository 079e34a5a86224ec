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

from collections.abc import Iterator
from contextlib import contextmanager
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

_INSERT_TRIGGER = (
    f"CREATE TRIGGER trg_{TABLE}_ins AFTER INSERT ON evidence_notes FOR EACH ROW "
    f"BEGIN {_INSERT} END"
)

CREATE_STATEMENTS = (
    # What the index reads when it rebuilds or checks itself: the notes, with the staff token.
    f"CREATE VIEW {SOURCE} AS SELECT id, text AS {TEXT_COLUMN}, "
    f"{_STAFF_VALUE.format(ref='evidence_notes')} AS {STAFF_COLUMN} FROM evidence_notes",
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5({TEXT_COLUMN}, {STAFF_COLUMN}, "
    f"content='{SOURCE}', content_rowid='id', tokenize='{TOKENIZER}')",
    _INSERT_TRIGGER,
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


@contextmanager
def bulk_insert(session: Any) -> Iterator[None]:
    """Index the notes inserted inside the block with one statement when the block ends.

    Indexing through the insert trigger costs about 40 microseconds a note, one INSERT ... SELECT
    over the same notes about 3 (280,000 demo notes): bulk loads such as demo data use this.
    Use it inside a transaction that rolls back on error (Store.transaction does): the trigger
    is dropped and created again within it. Does nothing where there is no index.
    """
    if session.get_bind().dialect.name != "sqlite" or not index_exists(session):
        yield
        return
    first = session.execute(text("SELECT coalesce(max(id), 0) + 1 FROM evidence_notes")).scalar()
    session.execute(text(f"DROP TRIGGER trg_{TABLE}_ins"))
    yield
    session.execute(
        text(
            f"INSERT INTO {TABLE}(rowid, {TEXT_COLUMN}, {STAFF_COLUMN}) "
            f"SELECT id, {TEXT_COLUMN}, {STAFF_COLUMN} FROM {SOURCE} WHERE id >= :first"
        ),
        {"first": first},
    )
    session.execute(text(_INSERT_TRIGGER))
