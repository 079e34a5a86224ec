"""Baseline schema: every table, constraint and trigger of reviewapp 0.1.

Revision ID: 0001
Revises:
Create Date: 2026-11-29 17:54:05.287787
"""

import sqlalchemy as sa
from alembic import op

from reviewapp.db import triggers

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "branches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_branches")),
        sa.UniqueConstraint("name", name=op.f("uq_branches_name")),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_branches_name_not_blank")),
    )
    op.create_table(
        "frameworks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("attribution", sa.Text(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("indicator_heading", sa.String(length=200), nullable=False),
        sa.Column("not_observed_label", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_frameworks")),
        sa.UniqueConstraint("key", "version", name=op.f("uq_frameworks_key_version")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_frameworks_version")),
    )
    op.create_table(
        "competencies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework_id"],
            ["frameworks.id"],
            name=op.f("fk_competencies_framework_id_frameworks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competencies")),
        sa.UniqueConstraint("framework_id", "code", name=op.f("uq_competencies_framework_code")),
    )
    with op.batch_alter_table("competencies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_competencies_framework_id"), ["framework_id"], unique=False
        )

    op.create_table(
        "scale_levels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["framework_id"],
            ["frameworks.id"],
            name=op.f("fk_scale_levels_framework_id_frameworks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scale_levels")),
        sa.UniqueConstraint("framework_id", "value", name=op.f("uq_scale_levels_framework_value")),
        sa.CheckConstraint("value BETWEEN 1 AND 9", name=op.f("ck_scale_levels_value")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("preferred_name", sa.String(length=200), nullable=False),
        sa.Column("employee_number", sa.String(length=50), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["branch_id"], ["branches.id"], name=op.f("fk_staff_branch_id_branches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("employee_number", name=op.f("uq_staff_employee_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_staff_uuid")),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_staff_name_not_blank")),
        sa.CheckConstraint(
            "length(trim(employee_number)) > 0", name=op.f("ck_staff_employee_number_not_blank")
        ),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_branch_id"), ["branch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_sort_name"), ["sort_name"], unique=False)

    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competency_id"],
            ["competencies.id"],
            name=op.f("fk_indicators_competency_id_competencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
        sa.UniqueConstraint("competency_id", "code", name=op.f("uq_indicators_competency_code")),
    )
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_indicators_competency_id"), ["competency_id"], unique=False
        )

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("framework_id", sa.Integer(), nullable=False),
        sa.Column("reviewer_name", sa.String(length=200), nullable=False),
        sa.Column("review_type", sa.String(length=20), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("overall_override", sa.Integer(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("strengths", sa.Text(), nullable=False),
        sa.Column("development_areas", sa.Text(), nullable=False),
        sa.Column("employee_comments", sa.Text(), nullable=False),
        sa.Column("staff_name_snapshot", sa.String(length=200), nullable=True),
        sa.Column("employee_number_snapshot", sa.String(length=50), nullable=True),
        sa.Column("position_snapshot", sa.String(length=200), nullable=True),
        sa.Column("branch_snapshot", sa.String(length=200), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=True),
        sa.Column("finalised_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(status = 'finalised') = (fingerprint IS NOT NULL)",
            name=op.f("ck_reviews_fingerprint_iff_finalised"),
        ),
        sa.CheckConstraint(
            "review_type IN ('annual', 'probationary', 'mid_year', 'other')",
            name=op.f("ck_reviews_review_type"),
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'in_progress', 'finalised')", name=op.f("ck_reviews_status")
        ),
        sa.CheckConstraint(
            "overall_override IS NULL OR (overall_override BETWEEN 1 AND 9 AND length(trim(override_reason)) > 0)",
            name=op.f("ck_reviews_override_needs_reason"),
        ),
        sa.CheckConstraint("period_end > period_start", name=op.f("ck_reviews_period_order")),
        sa.ForeignKeyConstraint(
            ["framework_id"], ["frameworks.id"], name=op.f("fk_reviews_framework_id_frameworks")
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_reviews_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
        sa.UniqueConstraint("uuid", name=op.f("uq_reviews_uuid")),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviews_framework_id"), ["framework_id"], unique=False)
        batch_op.create_index("ix_reviews_staff_period", ["staff_id", "period_start"], unique=False)
        batch_op.create_index("ix_reviews_status_updated", ["status", "updated_at"], unique=False)

    op.create_table(
        "addenda",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(author)) > 0", name=op.f("ck_addenda_author_not_blank")),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_addenda_text_not_blank")),
        sa.ForeignKeyConstraint(
            ["review_id"], ["reviews.id"], name=op.f("fk_addenda_review_id_reviews")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_addenda")),
        sa.UniqueConstraint("uuid", name=op.f("uq_addenda_uuid")),
    )
    with op.batch_alter_table("addenda", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_addenda_review_id"), ["review_id"], unique=False)

    op.create_table(
        "competency_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("not_observed", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "rating IS NULL OR (rating BETWEEN 1 AND 9 AND NOT not_observed)",
            name=op.f("ck_competency_ratings_rating"),
        ),
        sa.ForeignKeyConstraint(
            ["competency_id"],
            ["competencies.id"],
            name=op.f("fk_competency_ratings_competency_id_competencies"),
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_competency_ratings_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competency_ratings")),
        sa.UniqueConstraint(
            "review_id", "competency_id", name=op.f("uq_competency_ratings_review_competency")
        ),
    )
    op.create_table(
        "evidence_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("frozen_by_review_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "source IN ('direct_observation', 'customer_feedback', 'coworker_feedback', 'self_reflection', 'compliment', 'complaint', 'training_record', 'other')",
            name=op.f("ck_evidence_notes_source"),
        ),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_evidence_notes_text_not_blank")),
        sa.ForeignKeyConstraint(
            ["competency_id"],
            ["competencies.id"],
            name=op.f("fk_evidence_notes_competency_id_competencies"),
        ),
        sa.ForeignKeyConstraint(
            ["frozen_by_review_id"],
            ["reviews.id"],
            name=op.f("fk_evidence_notes_frozen_by_review_id_reviews"),
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_evidence_notes_indicator_id_indicators"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_evidence_notes_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_notes")),
        sa.UniqueConstraint("uuid", name=op.f("uq_evidence_notes_uuid")),
    )
    with op.batch_alter_table("evidence_notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evidence_notes_competency_id"), ["competency_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evidence_notes_frozen_by_review_id"),
            ["frozen_by_review_id"],
            unique=False,
        )
        batch_op.create_index("ix_evidence_staff_date", ["staff_id", "observed_on"], unique=False)

    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("success_measure", sa.Text(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("support", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("carried_from_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'achieved', 'not_achieved', 'withdrawn')",
            name=op.f("ck_goals_status"),
        ),
        sa.CheckConstraint(
            "length(trim(description)) > 0", name=op.f("ck_goals_description_not_blank")
        ),
        sa.ForeignKeyConstraint(
            ["carried_from_id"],
            ["goals.id"],
            name=op.f("fk_goals_carried_from_id_goals"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_goals_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
        sa.UniqueConstraint("uuid", name=op.f("uq_goals_uuid")),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_review_id"), ["review_id"], unique=False)

    op.create_table(
        "indicator_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("not_observed", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "rating IS NULL OR (rating BETWEEN 1 AND 9 AND NOT not_observed)",
            name=op.f("ck_indicator_ratings_rating"),
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.id"],
            name=op.f("fk_indicator_ratings_indicator_id_indicators"),
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_indicator_ratings_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_ratings")),
        sa.UniqueConstraint(
            "review_id", "indicator_id", name=op.f("uq_indicator_ratings_review_indicator")
        ),
    )
    op.create_table(
        "signoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.CheckConstraint("role IN ('reviewer', 'employee')", name=op.f("ck_signoffs_role")),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_signoffs_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_signoffs_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signoffs")),
        sa.UniqueConstraint("review_id", "role", name=op.f("uq_signoffs_review_role")),
    )

    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_settings")),
    )
    for statement in triggers.create_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in triggers.drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
    # Dropping a table drops its indexes too.
    for table in (
        "app_settings",
        "signoffs",
        "indicator_ratings",
        "goals",
        "evidence_notes",
        "competency_ratings",
        "addenda",
        "reviews",
        "indicators",
        "staff",
        "scale_levels",
        "competencies",
        "frameworks",
        "branches",
    ):
        op.drop_table(table)
