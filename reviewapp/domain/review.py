"""A performance review and its parts, as plain immutable values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class ReviewType(StrEnum):
    ANNUAL = "annual"
    PROBATIONARY = "probationary"
    MID_YEAR = "mid_year"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {"annual": "Annual", "probationary": "Probationary", "mid_year": "Mid-year"}.get(
            self.value, "Other"
        )


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    FINALISED = "finalised"

    @property
    def label(self) -> str:
        return {"draft": "Draft", "in_progress": "In progress"}.get(self.value, "Finalised")


class GoalStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_open(self) -> bool:
        return self in (GoalStatus.OPEN, GoalStatus.IN_PROGRESS)


class SignOffRole(StrEnum):
    REVIEWER = "reviewer"
    EMPLOYEE = "employee"


DEFAULT_STATEMENTS = {
    SignOffRole.REVIEWER: "I have conducted this review and discussed it with the employee.",
    SignOffRole.EMPLOYEE: (
        "I have read this review and discussed it with my manager. My acknowledgement confirms "
        "that I have received it; it does not necessarily mean that I agree with it."
    ),
}


@dataclass(frozen=True, slots=True)
class Assessment:
    """A rating of a competency or indicator: a scale value, "not observed", or nothing yet."""

    rating: int | None = None
    not_observed: bool = False

    @property
    def is_set(self) -> bool:
        return self.rating is not None or self.not_observed


UNRATED = Assessment()
NOT_OBSERVED = Assessment(None, True)


@dataclass(frozen=True, slots=True)
class CompetencyAssessment:
    competency_id: int
    assessment: Assessment
    comment: str = ""


@dataclass(frozen=True, slots=True)
class Goal:
    id: int
    uuid: str
    position: int
    description: str
    success_measure: str
    target_date: date | None
    support: str
    status: GoalStatus
    carried_from_id: int | None = None


@dataclass(frozen=True, slots=True)
class GoalDraft:
    description: str
    success_measure: str = ""
    target_date: date | None = None
    support: str = ""
    status: GoalStatus = GoalStatus.OPEN


@dataclass(frozen=True, slots=True)
class SignOff:
    role: SignOffRole
    name: str
    signed_on: date
    statement: str


@dataclass(frozen=True, slots=True)
class Addendum:
    id: int
    uuid: str
    author: str
    written_on: date
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Review:
    id: int
    uuid: str
    staff_id: int
    staff_name: str
    employee_number: str
    staff_position: str
    branch_name: str
    reviewer_name: str
    review_type: ReviewType
    period_start: date
    period_end: date
    meeting_date: date | None
    status: ReviewStatus
    framework_id: int
    competencies: tuple[CompetencyAssessment, ...]
    indicators: tuple[tuple[int, Assessment], ...]
    overall_override: int | None
    override_reason: str
    strengths: str
    development_areas: str
    employee_comments: str
    goals: tuple[Goal, ...]
    signoffs: tuple[SignOff, ...]
    addenda: tuple[Addendum, ...]
    fingerprint: str | None
    finalised_at: datetime | None
    created_at: datetime
    updated_at: datetime

    def competency(self, competency_id: int) -> CompetencyAssessment:
        for item in self.competencies:
            if item.competency_id == competency_id:
                return item
        return CompetencyAssessment(competency_id, UNRATED, "")

    def indicator(self, indicator_id: int) -> Assessment:
        for key, assessment in self.indicators:
            if key == indicator_id:
                return assessment
        return UNRATED

    def signoff(self, role: SignOffRole) -> SignOff | None:
        for signoff in self.signoffs:
            if signoff.role == role:
                return signoff
        return None

    @property
    def is_finalised(self) -> bool:
        return self.status == ReviewStatus.FINALISED


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """One row of a review list: enough to show and sort without loading the whole review."""

    id: int
    staff_id: int
    staff_name: str
    branch_name: str
    review_type: ReviewType
    period_start: date
    period_end: date
    status: ReviewStatus
    overall_rating: float | None
    rated_count: int
    competency_count: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ReviewDraft:
    """What a manager chooses to start a review."""

    staff_id: int
    reviewer_name: str
    review_type: ReviewType
    period_start: date
    period_end: date
    meeting_date: date | None = None
    framework_id: int | None = None
