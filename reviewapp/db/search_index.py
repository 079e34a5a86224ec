"""The SQLite FTS5 index over evidence notes, kept in step with the notes by triggers.

The index is an external-content FTS5 table: it stores only the tokens, and reads note text from
``evidence_notes`` itself. Triggers update it inside the same transaction as every insert, update
and delete of a note, so a rolled-back change leaves no trace in the index either. They run AFTER
the change, so the BEFORE triggers that refuse changes to frozen notes (triggers.py) stop a
forbidden change before the index is touched.

Where FTS5 is missing (an SQLite built without it) or on PostgreSQL, no index is created and the
search service scans the notes instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

TABLE = "evidence_fts"
TOKENIZER = "unicode61 remove_diacritics 2"

CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(text, content='evidence_notes', "
    f"content_rowid='id', tokenize='{TOKENIZER}')",
    f"CREATE TRIGGER trg_{TABLE}_ins AFTER INSERT ON evidence_notes FOR EACH ROW BEGIN "
    f"INSERT INTO {TABLE}(rowid, text) VALUES (NEW.id, NEW.text); END",
    f"CREATE TRIGGER trg_{TABLE}_del AFTER DELETE ON evidence_notes FOR EACH ROW BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', OLD.id, OLD.text); END",
    f"CREATE TRIGGER trg_{TABLE}_upd AFTER UPDATE OF text ON evidence_notes FOR EACH ROW BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, text) VALUES ('delete', OLD.id, OLD.text); "
    f"INSERT INTO {TABLE}(rowid, text) VALUES (NEW.id, NEW.text); END",
    # Index the notes already stored.
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
)

DROP_STATEMENTS = (
    f"DROP TRIGGER IF EXISTS trg_{TABLE}_upd",
    f"DROP TRIGGER IF EXISTS trg_{TABLE}_del",
    f"DROP TRIGGER IF EXISTS trg_{TABLE}_ins",
    f"DROP TABLE IF EXISTS {TABLE}",
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
