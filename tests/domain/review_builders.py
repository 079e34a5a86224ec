"""Builders for domain tests: a framework with ids as if stored, reviews in any state."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import (
    Assessment,
    CompetencyAssessment,
    Review,
    ReviewStatus,
    ReviewType,
    SignOff,
    SignOffRole,
)

NOT_OBSERVED = "not observed"
Rating = int | str | None
MakeReview = Callable[..., Review]


def with_ids(framework: Framework, *, first: int = 1) -> Framework:
    """The framework as if stored: competencies get ids from ``first``, indicators ``first*100``."""
    competencies = []
    next_indicator = first * 100
    for n, competency in enumerate(framework.competencies):
        indicators = []
        for indicator in competency.indicators:
            indicators.append(replace(indicator, id=next_indicator))
            next_indicator += 1
        competencies.append(replace(competency, id=first + n, indicators=tuple(indicators)))
    return replace(framework, id=first, competencies=tuple(competencies))


def assessment(value: Rating) -> Assessment:
    if value == NOT_OBSERVED:
        return Assessment(None, True)
    assert value is None or isinstance(value, int)
    return Assessment(value)


def build_review(
    framework: Framework,
    ratings: Mapping[str, Rating] | None = None,
    *,
    status: ReviewStatus = ReviewStatus.IN_PROGRESS,
    signed: bool = True,
    **fields: Any,
) -> Review:
    """A review; ``ratings`` maps competency codes to 1..5, NOT_OBSERVED or None (unrated)."""
    by_code = {c.code: c for c in framework.competencies}
    competencies = tuple(
        CompetencyAssessment(by_code[code].id, assessment(value), "")
        for code, value in (ratings or {}).items()
    )
    signoffs = (
        (SignOff(SignOffRole.REVIEWER, "Rita Reviewer", date(2025, 1, 20), "I reviewed."),)
        if signed
        else ()
    )
    values: dict[str, Any] = {
        "id": 7,
        "uuid": "00000000-0000-4000-8000-000000000007",
        "staff_id": 3,
        "staff_name": "Sam Staff",
        "employee_number": "E-100",
        "staff_position": "Library Assistant",
        "branch_name": "Central",
        "reviewer_name": "Rita Reviewer",
        "review_type": ReviewType.ANNUAL,
        "period_start": date(2024, 1, 1),
        "period_end": date(2024, 12, 31),
        "meeting_date": date(2025, 1, 15),
        "status": status,
        "framework_id": framework.id,
        "competencies": competencies,
        "indicators": (),
        "overall_override": None,
        "override_reason": "",
        "strengths": "",
        "development_areas": "",
        "employee_comments": "",
        "goals": (),
        "signoffs": signoffs,
        "addenda": (),
        "fingerprint": None,
        "finalised_at": None,
        "created_at": datetime(2025, 1, 1, 9, 0),
        "updated_at": datetime(2025, 1, 2, 9, 0),
    }
    values.update(fields)
    return Review(**values)


def all_rated(framework: Framework, value: Rating = 3) -> dict[str, Rating]:
    return {c.code: value for c in framework.competencies}
