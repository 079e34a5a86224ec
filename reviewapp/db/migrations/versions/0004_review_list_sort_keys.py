"""Folded sort keys for the review list: branch names and the finalised reviews' snapshots.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 14:00:00.000000

The review list is read a page at a time, sorted and filtered by the database. Staff already keep
their name folded (case and accents removed) in ``staff.sort_name``; this adds the same for branch
names and for the staff name and branch a finalised review keeps, fills them in for the rows
already stored, and adds the two folded review columns to the list's covering index.

Filling them in touches finalised reviews, which a trigger otherwise refuses to change: the
trigger is set aside for that one statement and put back as it was, in the same transaction.
"""

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FINALISED_TRIGGER = "trg_reviews_finalised_upd"
# As in models.REVIEW_LIST_COLUMNS before and after this migration (a migration never changes).
REVIEW_LIST_COLUMNS_0003 = [
    "period_end",
    "id",
    "staff_id",
    "framework_id",
    "review_type",
    "period_start",
    "status",
    "overall_override",
    "updated_at",
    "staff_name_snapshot",
    "branch_snapshot",
]
REVIEW_LIST_COLUMNS = [*REVIEW_LIST_COLUMNS_0003, "sort_name_snapshot", "branch_sort_snapshot"]


def fold(text: str | None) -> str | None:
    """As services.staff.sort_key when this migration was written (a migration never changes)."""
    if text is None:
        return None
    if text.isascii():
        return text.lower()[:200]
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))[:200]


branches = sa.table("branches", sa.column("id"), sa.column("name"), sa.column("sort_name"))
reviews = sa.table(
    "reviews",
    sa.column("id"),
    sa.column("staff_name_snapshot"),
    sa.column("branch_snapshot"),
    sa.column("sort_name_snapshot"),
    sa.column("branch_sort_snapshot"),
)


def upgrade() -> None:
    op.add_column(
        "branches", sa.Column("sort_name", sa.String(length=200), nullable=False, server_default="")
    )
    op.add_column("reviews", sa.Column("sort_name_snapshot", sa.String(length=200), nullable=True))
    op.add_column(
        "reviews", sa.Column("branch_sort_snapshot", sa.String(length=200), nullable=True)
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(branches.c.id, branches.c.name)).all()
    if rows:
        bind.execute(
            branches.update().where(branches.c.id == sa.bindparam("b_id")),
            [{"b_id": row.id, "sort_name": fold(row.name)} for row in rows],
        )
    snapshots = bind.execute(
        sa.select(reviews.c.id, reviews.c.staff_name_snapshot, reviews.c.branch_snapshot).where(
            reviews.c.staff_name_snapshot.is_not(None) | reviews.c.branch_snapshot.is_not(None)
        )
    ).all()
    if snapshots:
        with _finalised_reviews_writable(bind):
            bind.execute(
                reviews.update().where(reviews.c.id == sa.bindparam("b_id")),
                [
                    {
                        "b_id": row.id,
                        "sort_name_snapshot": fold(row.staff_name_snapshot),
                        "branch_sort_snapshot": fold(row.branch_snapshot),
                    }
                    for row in snapshots
                ],
            )
    # The list's covering index also covers the folded columns, so that filtering the list in
    # its default order (newest first) reads index pages only.
    op.drop_index("ix_reviews_list", table_name="reviews")
    op.create_index("ix_reviews_list", "reviews", REVIEW_LIST_COLUMNS)


@contextmanager
def _finalised_reviews_writable(bind: sa.Connection) -> Iterator[None]:
    """Set the trigger refusing changes to finalised reviews aside, then put it back as it was."""
    if bind.dialect.name != "sqlite":
        bind.execute(sa.text(f"ALTER TABLE reviews DISABLE TRIGGER {FINALISED_TRIGGER}"))
        yield
        bind.execute(sa.text(f"ALTER TABLE reviews ENABLE TRIGGER {FINALISED_TRIGGER}"))
        return
    sql = bind.execute(
        sa.text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": FINALISED_TRIGGER},
    ).scalar()
    if sql is not None:
        bind.execute(sa.text(f"DROP TRIGGER {FINALISED_TRIGGER}"))
    yield
    if sql is not None:
        bind.execute(sa.text(sql))


def downgrade() -> None:
    op.drop_index("ix_reviews_list", table_name="reviews")
    op.create_index("ix_reviews_list", "reviews", REVIEW_LIST_COLUMNS_0003)
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): rebuilding the tables in batch mode would
    # drop their triggers with them.
    op.drop_column("reviews", "branch_sort_snapshot")
    op.drop_column("reviews", "sort_name_snapshot")
    op.drop_column("branches", "sort_name")
