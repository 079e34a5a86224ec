"""Covering indexes for the review list: newest first, with each review's rating summary.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 12:00:00.000000

The list of every review (20,000 in a library system's ten years) read the whole reviews table,
long texts included, and sorted it; and summed each review's competency ratings by looking every
rating row up in the table. With these two indexes both come straight from index pages.
"""

from alembic import op

# As in models.REVIEW_LIST_COLUMNS when this migration was written (a migration never changes).
REVIEW_LIST_COLUMNS = [
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

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_reviews_list", "reviews", REVIEW_LIST_COLUMNS)
    op.create_index(
        "ix_competency_ratings_summary",
        "competency_ratings",
        ["review_id", "rating", "not_observed"],
    )


def downgrade() -> None:
    op.drop_index("ix_competency_ratings_summary", table_name="competency_ratings")
    op.drop_index("ix_reviews_list", table_name="reviews")
