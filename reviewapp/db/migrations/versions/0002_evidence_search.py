"""Full-text search index over evidence notes (SQLite FTS5, where available).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 10:00:00.000000

On SQLite with FTS5 this creates the external-content index and the triggers that keep it in step
with the notes, then indexes the notes already stored. On SQLite without FTS5, and on PostgreSQL,
it does nothing: the search service detects the missing index and scans the notes instead.
"""

from alembic import op

from reviewapp.db import search_index

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite" or not search_index.fts5_available(bind):
        return
    for statement in search_index.CREATE_STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for statement in search_index.DROP_STATEMENTS:
        op.execute(statement)
