"""The rules of a review, in one place: status changes, completeness, overall rating, finalising."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from reviewapp.domain.errors import ForbiddenChangeError, ValidationError
from reviewapp.domain.framework import Competency, Framework, RatingLevel, RatingScale
from reviewapp.domain.review import Assessment, Review, ReviewStatus, SignOffRole

MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 200_000

TRANSITIONS: dict[ReviewStatus, frozenset[ReviewStatus]] = {
    ReviewStatus.DRAFT: frozenset({ReviewStatus.IN_PROGRESS}),
    ReviewStatus.IN_PROGRESS: frozenset({ReviewStatus.FINALISED}),
    ReviewStatus.FINALISED: frozenset(),
}


def check_transition(current: ReviewStatus, new: ReviewStatus) -> None:
    if new not in TRANSITIONS[current]:
        raise ForbiddenChangeError(
            f"A review that is {current.label.lower()} cannot become {new.label.lower()}."
        )


def require_editable(status: ReviewStatus) -> None:
    """Content may change while a review is a draft or in progress; never once finalised."""
    if status == ReviewStatus.FINALISED:
        raise ForbiddenChangeError(
            "This review is finalised and can no longer be changed; add an addendum instead."
        )


def status_after_edit(status: ReviewStatus) -> ReviewStatus:
    """The first recorded assessment moves a draft review to in progress."""
    return ReviewStatus.IN_PROGRESS if status == ReviewStatus.DRAFT else status


def may_delete(status: ReviewStatus) -> bool:
    return status != ReviewStatus.FINALISED


def may_add_addendum(status: ReviewStatus) -> bool:
    return status == ReviewStatus.FINALISED


def validate_period(start: date, end: date, meeting: date | None = None) -> None:
    if end <= start:
        raise ValidationError(
            f"The review period must end after it starts ({start:%Y-%m-%d} to {end:%Y-%m-%d}).",
            "period_end",
        )
    if meeting is not None and meeting < start:
        raise ValidationError(
            f"The meeting date ({meeting:%Y-%m-%d}) is before the period it discusses starts "
            f"({start:%Y-%m-%d}).",
            "meeting_date",
        )


def periods_overlap(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    """Closed intervals: periods that share even one day overlap."""
    return a_start <= b_end and b_start <= a_end


def validate_text(value: str, field: str, *, required: bool = False, limit: int = 0) -> str:
    """Strip surrounding whitespace, refuse empty required text and text that is too long."""
    limit = limit or MAX_TEXT_LENGTH
    cleaned = value.strip()
    label = field.replace("_", " ")
    if required and not cleaned:
        raise ValidationError(f"The {label} is required.", field)
    if len(cleaned) > limit:
        raise ValidationError(
            f"The {label} is too long ({len(cleaned):,} characters; at most {limit:,}).", field
        )
    if "\x00" in cleaned:
        raise ValidationError(f"The {label} contains a NUL character.", field)
    return cleaned


_E = TypeVar("_E", bound=StrEnum)


def choice(kind: type[_E], value: str, field: str) -> _E:
    """``value`` as a member of ``kind``, or a ValidationError listing the allowed values."""
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        message = f"{value!r} is not a valid {field} (use one of: {allowed})."
        raise ValidationError(message, field) from None


def validate_assessment(scale: RatingScale, assessment: Assessment) -> None:
    if assessment.rating is not None and assessment.not_observed:
        raise ValidationError("A rating cannot be both a value and 'not observed'.", "rating")
    if assessment.rating is not None and assessment.rating not in scale.values:
        allowed = ", ".join(str(v) for v in scale.values)
        raise ValidationError(
            f"Rating {assessment.rating} is not on this framework's scale ({allowed}).", "rating"
        )


def missing_competencies(framework: Framework, review: Review) -> list[Competency]:
    """Competencies that still need a rating or a 'not observed' mark."""
    return [c for c in framework.competencies if not review.competency(c.id).assessment.is_set]


def progress(framework: Framework, review: Review) -> tuple[int, int]:
    total = len(framework.competencies)
    return total - len(missing_competencies(framework, review)), total


@dataclass(frozen=True, slots=True)
class OverallRating:
    derived: float | None
    derived_level: RatingLevel | None
    formula: str
    override: RatingLevel | None
    override_reason: str

    @property
    def level(self) -> RatingLevel | None:
        return self.override or self.derived_level

    @property
    def is_present(self) -> bool:
        return self.level is not None

    @property
    def text(self) -> str:
        """One line for people: the rating that counts, with where it came from."""
        if self.override is not None:
            return f"{self.override.value} {self.override.label} (override: {self.override_reason})"
        if self.derived is None or self.derived_level is None:
            return "Not yet rated"
        return f"{self.derived:.2f} {self.derived_level.label}"


def derive_overall(framework: Framework, review: Review) -> OverallRating:
    """Mean of the rated competencies; 'not observed' and unrated ones are left out."""
    values = [
        a.assessment.rating
        for c in framework.competencies
        if (a := review.competency(c.id)).assessment.rating is not None
    ]
    ratings = [v for v in values if v is not None]
    override = (
        framework.scale.level(review.overall_override)
        if review.overall_override is not None
        else None
    )
    if not ratings:
        return OverallRating(
            None, None, "No competency rated yet", override, review.override_reason
        )
    mean = sum(ratings) / len(ratings)
    level = framework.scale.nearest(mean)
    skipped = len(framework.competencies) - len(ratings)
    formula = f"({' + '.join(str(v) for v in ratings)}) / {len(ratings)} = {mean:.2f}"
    if skipped:
        formula += f"; {skipped} not observed or unrated, left out"
    return OverallRating(mean, level, formula, override, review.override_reason)


def validate_override(scale: RatingScale, value: int | None, reason: str) -> str:
    if value is None:
        return ""
    validate_assessment(scale, Assessment(value))
    return validate_text(reason, "override_reason", required=True, limit=5_000)


def finalise_problems(framework: Framework, review: Review) -> list[str]:
    """Everything that stops the review from being finalised, in plain words (empty: ready)."""
    problems: list[str] = []
    if review.status == ReviewStatus.FINALISED:
        return ["The review is already finalised."]
    for competency in missing_competencies(framework, review):
        problems.append(
            f"Competency {competency.code} needs a rating or 'not observed': {competency.statement}"
        )
    if not derive_overall(framework, review).is_present:
        problems.append(
            "An overall rating is needed: rate at least one competency, or set an override "
            "with a reason."
        )
    if review.signoff(SignOffRole.REVIEWER) is None:
        problems.append("The reviewer has not signed off.")
    return problems
