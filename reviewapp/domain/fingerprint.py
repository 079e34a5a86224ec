"""A stable SHA-256 fingerprint of a finalised review's content.

The canonical form is JSON with sorted keys, no insignificant whitespace, NFC-normalised strings and
ISO dates. It names records by their content and stable UUIDs, never by database ids, so the same
review has the same fingerprint in any database it is imported into.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Any

from reviewapp.domain.evidence import EvidenceNote
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import UNRATED, Assessment, Review

FINGERPRINT_VERSION = 1


def _text(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _assessment(value: Assessment) -> Any:
    return "not_observed" if value.not_observed else value.rating


def canonical_content(
    framework: Framework, review: Review, notes: Iterable[EvidenceNote]
) -> dict[str, Any]:
    competencies = []
    indicators: dict[int, Assessment] = {}  # as review.indicator() finds them, without a scan each
    for indicator_id, assessment in review.indicators:
        indicators.setdefault(indicator_id, assessment)
    for competency in framework.competencies:
        assessed = review.competency(competency.id)
        competencies.append(
            {
                "code": competency.code,
                "rating": _assessment(assessed.assessment),
                "comment": _text(assessed.comment),
                "indicators": {
                    i.code: _assessment(indicators.get(i.id, UNRATED))
                    for i in competency.indicators
                },
            }
        )
    codes = {c.id: c.code for c in framework.competencies}
    indicator_codes = {i.id: i.code for c in framework.competencies for i in c.indicators}
    return {
        "fingerprint_version": FINGERPRINT_VERSION,
        "review": review.uuid,
        "framework": {"key": framework.key, "version": framework.version},
        "staff": {
            "name": _text(review.staff_name),
            "employee_number": _text(review.employee_number),
            "position": _text(review.staff_position),
            "branch": _text(review.branch_name),
        },
        "reviewer": _text(review.reviewer_name),
        "type": review.review_type.value,
        "period": [_day(review.period_start), _day(review.period_end)],
        "meeting_date": _day(review.meeting_date),
        "competencies": competencies,
        "overall_override": review.overall_override,
        "override_reason": _text(review.override_reason),
        "strengths": _text(review.strengths),
        "development_areas": _text(review.development_areas),
        "employee_comments": _text(review.employee_comments),
        "goals": [
            {
                "uuid": g.uuid,
                "description": _text(g.description),
                "success_measure": _text(g.success_measure),
                "target_date": _day(g.target_date),
                "support": _text(g.support),
                "status": g.status.value,
            }
            for g in sorted(review.goals, key=lambda g: g.position)
        ],
        "signoffs": {
            s.role.value: {
                "name": _text(s.name),
                "date": _day(s.signed_on),
                "statement": _text(s.statement),
            }
            for s in review.signoffs
        },
        "evidence": [
            {
                "uuid": n.uuid,
                "competency": codes.get(n.competency_id),
                "indicator": indicator_codes.get(n.indicator_id) if n.indicator_id else None,
                "date": _day(n.observed_on),
                "source": n.source.value,
                "text": _text(n.text),
            }
            for n in sorted(notes, key=lambda n: (n.observed_on, n.uuid))
        ],
    }


def fingerprint(framework: Framework, review: Review, notes: Iterable[EvidenceNote]) -> str:
    payload = json.dumps(
        canonical_content(framework, review, notes),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
