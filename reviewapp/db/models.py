"""SQLAlchemy 2.0 ORM classes. Constraints here say what must never be stored wrong."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

REVIEW_TYPES = ("annual", "probationary", "mid_year", "other")
REVIEW_STATUSES = ("draft", "in_progress", "finalised")
GOAL_STATUSES = ("open", "in_progress", "achieved", "not_achieved", "withdrawn")
SIGNOFF_ROLES = ("reviewer", "employee")
EVIDENCE_SOURCES = (
    "direct_observation",
    "customer_feedback",
    "coworker_feedback",
    "self_reflection",
    "compliment",
    "complaint",
    "training_record",
    "other",
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


_RATING_CHECK = "rating IS NULL OR (rating BETWEEN 1 AND 9 AND NOT not_observed)"
REVIEW_LIST_COLUMNS = (
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
    "sort_name_snapshot",
    "branch_sort_snapshot",
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class FrameworkRow(Base):
    __tablename__ = "frameworks"
    __table_args__ = (UniqueConstraint("key", "version", name="uq_frameworks_key_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer, CheckConstraint("version >= 1", "version"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    attribution: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[date | None] = mapped_column(Date)
    indicator_heading: Mapped[str] = mapped_column(String(200), default="Indicators")
    not_observed_label: Mapped[str] = mapped_column(String(100), default="Not observed")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    competencies: Mapped[list[CompetencyRow]] = relationship(
        order_by="CompetencyRow.position", cascade="all, delete-orphan"
    )
    levels: Mapped[list[ScaleLevelRow]] = relationship(
        order_by="ScaleLevelRow.value", cascade="all, delete-orphan"
    )


class ScaleLevelRow(Base):
    __tablename__ = "scale_levels"
    __table_args__ = (
        UniqueConstraint("framework_id", "value", name="uq_scale_levels_framework_value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(ForeignKey("frameworks.id", ondelete="CASCADE"))
    value: Mapped[int] = mapped_column(Integer, CheckConstraint("value BETWEEN 1 AND 9", "value"))
    label: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")


class CompetencyRow(Base):
    __tablename__ = "competencies"
    __table_args__ = (
        UniqueConstraint("framework_id", "code", name="uq_competencies_framework_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(
        ForeignKey("frameworks.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    statement: Mapped[str] = mapped_column(Text)

    indicators: Mapped[list[IndicatorRow]] = relationship(
        order_by="IndicatorRow.position", cascade="all, delete-orphan"
    )


class IndicatorRow(Base):
    __tablename__ = "indicators"
    __table_args__ = (
        UniqueConstraint("competency_id", "code", name="uq_indicators_competency_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    competency_id: Mapped[int] = mapped_column(
        ForeignKey("competencies.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)


class BranchRow(Base):
    __tablename__ = "branches"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(
        String(200), CheckConstraint("length(trim(name)) > 0", "name_not_blank"), unique=True
    )
    # The name folded (services.staff.sort_key) for sorting and filtering lists in SQL.
    sort_name: Mapped[str] = mapped_column(String(200), server_default="")


class StaffRow(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(
        String(200), CheckConstraint("length(trim(name)) > 0", "name_not_blank")
    )
    preferred_name: Mapped[str] = mapped_column(String(200), default="")
    employee_number: Mapped[str] = mapped_column(
        String(50),
        CheckConstraint("length(trim(employee_number)) > 0", "employee_number_not_blank"),
        unique=True,
    )
    position: Mapped[str] = mapped_column(String(200), default="")
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branches.id"), index=True)
    start_date: Mapped[date | None] = mapped_column(Date)
    email: Mapped[str] = mapped_column(String(254), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_name: Mapped[str] = mapped_column(String(200), index=True)

    branch: Mapped[BranchRow | None] = relationship(lazy="joined")


class ReviewRow(Base):
    __tablename__ = "reviews"
    __table_args__ = (
        CheckConstraint("period_end > period_start", "period_order"),
        CheckConstraint(_in("review_type", REVIEW_TYPES), "review_type"),
        CheckConstraint(_in("status", REVIEW_STATUSES), "status"),
        CheckConstraint(
            "overall_override IS NULL OR (overall_override BETWEEN 1 AND 9 "
            "AND length(trim(override_reason)) > 0)",
            "override_needs_reason",
        ),
        CheckConstraint(
            "(status = 'finalised') = (fingerprint IS NOT NULL)", "fingerprint_iff_finalised"
        ),
        Index("ix_reviews_staff_period", "staff_id", "period_start"),
        Index("ix_reviews_status_updated", "status", "updated_at"),
        # Covers the review list (newest first) so it never reads the long text columns.
        Index("ix_reviews_list", *REVIEW_LIST_COLUMNS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    framework_id: Mapped[int] = mapped_column(ForeignKey("frameworks.id"), index=True)
    reviewer_name: Mapped[str] = mapped_column(String(200))
    review_type: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    meeting_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    overall_override: Mapped[int | None] = mapped_column(Integer)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    development_areas: Mapped[str] = mapped_column(Text, default="")
    employee_comments: Mapped[str] = mapped_column(Text, default="")
    # What the staff record said when the review was finalised: a personnel record keeps it.
    staff_name_snapshot: Mapped[str | None] = mapped_column(String(200))
    employee_number_snapshot: Mapped[str | None] = mapped_column(String(50))
    position_snapshot: Mapped[str | None] = mapped_column(String(200))
    branch_snapshot: Mapped[str | None] = mapped_column(String(200))
    # The two snapshots folded (services.staff.sort_key): the review list sorts and filters on them.
    sort_name_snapshot: Mapped[str | None] = mapped_column(String(200))
    branch_sort_snapshot: Mapped[str | None] = mapped_column(String(200))
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    staff: Mapped[StaffRow] = relationship(lazy="joined")
    competency_ratings: Mapped[list[CompetencyRatingRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    indicator_ratings: Mapped[list[IndicatorRatingRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    goals: Mapped[list[GoalRow]] = relationship(
        order_by="GoalRow.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
        foreign_keys="GoalRow.review_id",
    )
    signoffs: Mapped[list[SignOffRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    addenda: Mapped[list[AddendumRow]] = relationship(
        order_by="AddendumRow.id", passive_deletes=True
    )


class CompetencyRatingRow(Base):
    __tablename__ = "competency_ratings"
    __table_args__ = (
        UniqueConstraint(
            "review_id", "competency_id", name="uq_competency_ratings_review_competency"
        ),
        CheckConstraint(_RATING_CHECK, "rating"),
        # Covers the per-review rating summary of the review list.
        Index("ix_competency_ratings_summary", "review_id", "rating", "not_observed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id"))
    rating: Mapped[int | None] = mapped_column(Integer)
    not_observed: Mapped[bool] = mapped_column(Boolean, default=False)
    comment: Mapped[str] = mapped_column(Text, default="")


class IndicatorRatingRow(Base):
    __tablename__ = "indicator_ratings"
    __table_args__ = (
        UniqueConstraint("review_id", "indicator_id", name="uq_indicator_ratings_review_indicator"),
        CheckConstraint(_RATING_CHECK, "rating"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    rating: Mapped[int | None] = mapped_column(Integer)
    not_observed: Mapped[bool] = mapped_column(Boolean, default=False)


class GoalRow(Base):
    __tablename__ = "goals"
    __table_args__ = (
        CheckConstraint(_in("status", GOAL_STATUSES), "status"),
        CheckConstraint("length(trim(description)) > 0", "description_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    success_measure: Mapped[str] = mapped_column(Text, default="")
    target_date: Mapped[date | None] = mapped_column(Date)
    support: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open")
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"))


class SignOffRow(Base):
    __tablename__ = "signoffs"
    __table_args__ = (
        UniqueConstraint("review_id", "role", name="uq_signoffs_review_role"),
        CheckConstraint(_in("role", SIGNOFF_ROLES), "role"),
        CheckConstraint("length(trim(name)) > 0", "name_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    signed_on: Mapped[date] = mapped_column(Date)
    statement: Mapped[str] = mapped_column(Text, default="")


class AddendumRow(Base):
    __tablename__ = "addenda"
    __table_args__ = (
        CheckConstraint("length(trim(text)) > 0", "text_not_blank"),
        CheckConstraint("length(trim(author)) > 0", "author_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), index=True)
    author: Mapped[str] = mapped_column(String(200))
    written_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class EvidenceNoteRow(Base):
    __tablename__ = "evidence_notes"
    __table_args__ = (
        CheckConstraint(_in("source", EVIDENCE_SOURCES), "source"),
        CheckConstraint("length(trim(text)) > 0", "text_not_blank"),
        Index("ix_evidence_staff_date", "staff_id", "observed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    competency_id: Mapped[int] = mapped_column(ForeignKey("competencies.id"), index=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id"))
    observed_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    frozen_by_review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SettingRow(Base):
    """Small application settings shared by everyone using this database (organisation name...)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
