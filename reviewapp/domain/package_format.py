"""Review packages: reviews moved between PCs as one JSON file (see docs/package-format.md).

A package holds reviews with everything needed to rebuild them exactly in another database: their
staff members, the evidence notes of their periods, goals, sign-offs, addenda, the exact framework
versions they use, and for finalised reviews the fingerprint that proves their content. Records are
named by stable UUIDs (frameworks by key and version, competencies and indicators by code), never by
database ids. ``package_validate.parse_package`` reads and checks a file; this module holds the
values and writes them back out; ``package_fingerprint`` recomputes fingerprints from them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from reviewapp.domain.evidence import EvidenceSource
from reviewapp.domain.framework import Framework
from reviewapp.domain.framework_file import framework_to_dict
from reviewapp.domain.review import GoalStatus, ReviewStatus, ReviewType, SignOff

FORMAT = "reviewapp-review-package"
FORMAT_VERSION = 1

FrameworkRef = tuple[str, int]  # (key, version)


@dataclass(frozen=True)
class PackagedStaff:
    uuid: str
    employee_number: str
    name: str
    preferred_name: str
    position: str
    branch: str
    start_date: date | None
    email: str
    active: bool


@dataclass(frozen=True)
class PackagedNote:
    uuid: str
    staff: str
    framework: FrameworkRef
    competency: str
    indicator: str | None
    observed_on: date
    source: EvidenceSource
    text: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class PackagedRating:
    code: str
    rating: int | None
    not_observed: bool
    comment: str = ""


@dataclass(frozen=True)
class PackagedGoal:
    uuid: str
    position: int
    description: str
    success_measure: str
    target_date: date | None
    support: str
    status: GoalStatus
    carried_from: str | None


@dataclass(frozen=True)
class PackagedSnapshot:
    staff_name: str
    employee_number: str
    position: str
    branch: str


@dataclass(frozen=True)
class PackagedAddendum:
    uuid: str
    author: str
    written_on: date
    text: str
    created_at: datetime


@dataclass(frozen=True)
class PackagedReview:
    uuid: str
    staff: str
    framework: FrameworkRef
    reviewer_name: str
    review_type: ReviewType
    period_start: date
    period_end: date
    meeting_date: date | None
    status: ReviewStatus
    competencies: tuple[PackagedRating, ...]
    indicators: tuple[PackagedRating, ...]
    overall_override: int | None
    override_reason: str
    strengths: str
    development_areas: str
    employee_comments: str
    goals: tuple[PackagedGoal, ...]
    signoffs: tuple[SignOff, ...]
    addenda: tuple[PackagedAddendum, ...]
    snapshot: PackagedSnapshot | None
    fingerprint: str | None
    finalised_at: datetime | None
    created_at: datetime
    updated_at: datetime

    def content(self) -> PackagedReview:
        """The review without its links and later additions, in a fixed order: two copies of a
        review are the same when their contents are equal."""
        goals = sorted((replace(g, carried_from=None) for g in self.goals), key=_goal_order)
        return replace(
            self,
            staff="",
            competencies=tuple(sorted(self.competencies, key=lambda r: r.code)),
            indicators=tuple(sorted(self.indicators, key=lambda r: r.code)),
            goals=tuple(goals),
            signoffs=tuple(sorted(self.signoffs, key=lambda s: s.role.value)),
            addenda=(),
        )


def _goal_order(goal: PackagedGoal) -> tuple[int, str]:
    return (goal.position, goal.uuid)


@dataclass(frozen=True)
class Package:
    exported_at: datetime | None
    app_version: str
    frameworks: tuple[Framework, ...]
    staff: tuple[PackagedStaff, ...]
    notes: tuple[PackagedNote, ...]
    reviews: tuple[PackagedReview, ...]

    def framework(self, ref: FrameworkRef) -> Framework:
        return next(f for f in self.frameworks if (f.key, f.version) == ref)

    def notes_of(self, review: PackagedReview) -> list[PackagedNote]:
        """The notes a review contains: its person's, in its framework, dated in its period."""
        return [
            n
            for n in self.notes
            if n.staff == review.staff
            and n.framework == review.framework
            and review.period_start <= n.observed_on <= review.period_end
        ]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _moment(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _rating(r: PackagedRating, *, comment: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"code": r.code, "rating": r.rating, "not_observed": r.not_observed}
    if comment:
        data["comment"] = r.comment
    return data


def review_to_dict(r: PackagedReview) -> dict[str, Any]:
    return {
        "uuid": r.uuid,
        "staff": r.staff,
        "framework": {"key": r.framework[0], "version": r.framework[1]},
        "reviewer_name": r.reviewer_name,
        "review_type": r.review_type.value,
        "period_start": _day(r.period_start),
        "period_end": _day(r.period_end),
        "meeting_date": _day(r.meeting_date),
        "status": r.status.value,
        "competencies": [_rating(c, comment=True) for c in r.competencies],
        "indicators": [_rating(i, comment=False) for i in r.indicators],
        "overall_override": r.overall_override,
        "override_reason": r.override_reason,
        "strengths": r.strengths,
        "development_areas": r.development_areas,
        "employee_comments": r.employee_comments,
        "goals": [
            {
                "uuid": g.uuid,
                "position": g.position,
                "description": g.description,
                "success_measure": g.success_measure,
                "target_date": _day(g.target_date),
                "support": g.support,
                "status": g.status.value,
                "carried_from": g.carried_from,
            }
            for g in r.goals
        ],
        "signoffs": [
            {
                "role": s.role.value,
                "name": s.name,
                "signed_on": _day(s.signed_on),
                "statement": s.statement,
            }
            for s in r.signoffs
        ],
        "addenda": [
            {
                "uuid": a.uuid,
                "author": a.author,
                "written_on": _day(a.written_on),
                "text": a.text,
                "created_at": _moment(a.created_at),
            }
            for a in r.addenda
        ],
        "snapshot": None if r.snapshot is None else dict(r.snapshot.__dict__),
        "fingerprint": r.fingerprint,
        "finalised_at": _moment(r.finalised_at),
        "created_at": _moment(r.created_at),
        "updated_at": _moment(r.updated_at),
    }


def package_to_dict(package: Package) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": _moment(package.exported_at),
        "app_version": package.app_version,
        "frameworks": [framework_to_dict(f) for f in package.frameworks],
        "staff": [dict(s.__dict__) | {"start_date": _day(s.start_date)} for s in package.staff],
        "evidence": [
            {
                "uuid": n.uuid,
                "staff": n.staff,
                "framework": {"key": n.framework[0], "version": n.framework[1]},
                "competency": n.competency,
                "indicator": n.indicator,
                "observed_on": _day(n.observed_on),
                "source": n.source.value,
                "text": n.text,
                "created_at": _moment(n.created_at),
                "updated_at": _moment(n.updated_at),
            }
            for n in package.notes
        ],
        "reviews": [review_to_dict(r) for r in package.reviews],
    }


def dumps(package: Package) -> str:
    return json.dumps(package_to_dict(package), ensure_ascii=False, indent=1) + "\n"
