"""The fingerprint of a finalised review: stable for the same content, different for any change."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from review_builders import NOT_OBSERVED, all_rated, build_review, with_ids

from reviewapp.domain.evidence import EvidenceNote, EvidenceSource
from reviewapp.domain.fingerprint import canonical_content, fingerprint
from reviewapp.domain.framework import Framework
from reviewapp.domain.framework_file import parse_framework
from reviewapp.domain.review import (
    Assessment,
    CompetencyAssessment,
    Goal,
    GoalStatus,
    Review,
    ReviewStatus,
    ReviewType,
    SignOff,
    SignOffRole,
)


def _note(framework: Framework, n: int, competency: int, indicator: int | None) -> EvidenceNote:
    comp = framework.competencies[competency]
    return EvidenceNote(
        id=500 + n,
        uuid=f"note-{n}",
        staff_id=3,
        competency_id=comp.id,
        indicator_id=comp.indicators[indicator].id if indicator is not None else None,
        observed_on=date(2024, 3, n + 1),
        source=EvidenceSource.DIRECT_OBSERVATION,
        text=f"Observation {n}",
        created_at=datetime(2024, 3, 1),
        updated_at=datetime(2024, 3, 1),
    )


def _content(framework: Framework) -> tuple[Review, list[EvidenceNote]]:
    ratings = all_rated(framework, 4)
    ratings["CS3"] = NOT_OBSERVED
    review = build_review(framework, ratings, status=ReviewStatus.FINALISED)
    comps = tuple(replace(c, comment=f"Comment {n}") for n, c in enumerate(review.competencies))
    indicators = (
        *((i.id, Assessment(3)) for i in framework.competencies[0].indicators[:3]),
        (framework.competencies[1].indicators[0].id, Assessment(None, True)),
    )
    goals = (
        Goal(
            11,
            "goal-a",
            0,
            "Run a story time",
            "Monthly",
            date(2025, 6, 1),
            "Coaching",
            GoalStatus.OPEN,
        ),
        Goal(12, "goal-b", 1, "Learn the catalogue", "", None, "", GoalStatus.IN_PROGRESS, 4),
    )
    signoffs = (
        SignOff(SignOffRole.REVIEWER, "Rita Reviewer", date(2025, 1, 20), "I reviewed."),
        SignOff(SignOffRole.EMPLOYEE, "Sam Staff", date(2025, 1, 21), "I have read it."),
    )
    review = replace(
        review,
        competencies=comps,
        indicators=indicators,
        goals=goals,
        signoffs=signoffs,
        overall_override=5,
        override_reason="Covered two branches",
        strengths="Warm with patrons",
        development_areas="Technology help",
        employee_comments="Thanks",
    )
    notes = [_note(framework, 0, 0, 1), _note(framework, 1, 4, None), _note(framework, 2, 6, 3)]
    return review, notes


@pytest.fixture
def content(framework: Framework) -> tuple[Review, list[EvidenceNote]]:
    return _content(framework)


def test_fingerprint_is_a_sha256_hex_digest(framework: Framework, content: Any) -> None:
    value = fingerprint(framework, *content)
    assert len(value) == 64
    assert int(value, 16) >= 0


def test_same_content_same_fingerprint(framework: Framework, content: Any) -> None:
    review, notes = content
    again_review, again_notes = _content(framework)
    assert fingerprint(framework, review, notes) == fingerprint(
        framework, again_review, again_notes
    )


def test_independent_of_database_ids(shipped_text: str, framework: Framework) -> None:
    review, notes = _content(framework)
    other = with_ids(parse_framework(shipped_text), first=40)
    other_review, other_notes = _content(other)
    other_review = replace(other_review, id=9999, staff_id=77, framework_id=other.id)
    other_notes = [replace(n, id=n.id + 1000, staff_id=77) for n in other_notes]
    assert {c.competency_id for c in other_review.competencies}.isdisjoint(
        {c.competency_id for c in review.competencies}
    )
    assert fingerprint(framework, review, notes) == fingerprint(other, other_review, other_notes)


def test_independent_of_note_and_rating_order(framework: Framework, content: Any) -> None:
    review, notes = content
    shuffled = replace(
        review,
        competencies=tuple(reversed(review.competencies)),
        indicators=tuple(reversed(review.indicators)),
        signoffs=tuple(reversed(review.signoffs)),
        goals=tuple(reversed(review.goals)),
    )
    expected = fingerprint(framework, review, notes)
    assert fingerprint(framework, shuffled, list(reversed(notes))) == expected
    assert fingerprint(framework, review, iter(notes[1:] + notes[:1])) == expected


def test_not_affected_by_status_times_or_addenda(framework: Framework, content: Any) -> None:
    review, notes = content
    later = replace(review, updated_at=datetime(2030, 1, 1), fingerprint="x" * 64)
    assert fingerprint(framework, later, notes) == fingerprint(framework, review, notes)


def _changed_reviews(framework: Framework, review: Review) -> dict[str, Review]:
    goal, signoff = review.goals[0], review.signoffs[0]
    first = review.competencies[0]
    return {
        "staff name": replace(review, staff_name="Sam Other"),
        "employee number": replace(review, employee_number="E-101"),
        "position": replace(review, staff_position="Librarian"),
        "branch": replace(review, branch_name="North"),
        "reviewer": replace(review, reviewer_name="Rob"),
        "type": replace(review, review_type=ReviewType.PROBATIONARY),
        "period start": replace(review, period_start=date(2024, 1, 2)),
        "period end": replace(review, period_end=date(2024, 12, 30)),
        "meeting date": replace(review, meeting_date=None),
        "uuid": replace(review, uuid="00000000-0000-4000-8000-000000000008"),
        "competency rating": replace(
            review,
            competencies=(replace(first, assessment=Assessment(3)), *review.competencies[1:]),
        ),
        "competency not observed": replace(
            review,
            competencies=(
                replace(first, assessment=Assessment(None, True)),
                *review.competencies[1:],
            ),
        ),
        "competency comment": replace(
            review, competencies=(replace(first, comment="Other"), *review.competencies[1:])
        ),
        "competency dropped": replace(review, competencies=review.competencies[1:]),
        "indicator rating": replace(
            review, indicators=((review.indicators[0][0], Assessment(4)), *review.indicators[1:])
        ),
        "indicator dropped": replace(review, indicators=review.indicators[1:]),
        "override": replace(review, overall_override=4),
        "override reason": replace(review, override_reason="Other reason"),
        "strengths": replace(review, strengths="Warm with patrons."),
        "development areas": replace(review, development_areas=""),
        "employee comments": replace(review, employee_comments="Thanks!"),
        "goal text": replace(
            review, goals=(replace(goal, description="Run a book club"), review.goals[1])
        ),
        "goal measure": replace(
            review, goals=(replace(goal, success_measure="Weekly"), review.goals[1])
        ),
        "goal date": replace(
            review, goals=(replace(goal, target_date=date(2025, 7, 1)), review.goals[1])
        ),
        "goal support": replace(review, goals=(replace(goal, support=""), review.goals[1])),
        "goal status": replace(
            review, goals=(replace(goal, status=GoalStatus.ACHIEVED), review.goals[1])
        ),
        "goal order": replace(review, goals=(replace(goal, position=5), review.goals[1])),
        "goal removed": replace(review, goals=review.goals[1:]),
        "sign-off name": replace(
            review, signoffs=(replace(signoff, name="R. Reviewer"), review.signoffs[1])
        ),
        "sign-off date": replace(
            review, signoffs=(replace(signoff, signed_on=date(2025, 2, 1)), review.signoffs[1])
        ),
        "sign-off statement": replace(
            review, signoffs=(replace(signoff, statement="Done."), review.signoffs[1])
        ),
        "sign-off removed": replace(review, signoffs=review.signoffs[:1]),
    }


def test_every_review_field_changes_the_fingerprint(framework: Framework, content: Any) -> None:
    review, notes = content
    base = fingerprint(framework, review, notes)
    changed = _changed_reviews(framework, review)
    values = {name: fingerprint(framework, r, notes) for name, r in changed.items()}
    same = [name for name, value in values.items() if value == base]
    assert same == []
    assert len(set(values.values())) == len(values)


def test_every_note_field_changes_the_fingerprint(framework: Framework, content: Any) -> None:
    review, notes = content
    base = fingerprint(framework, review, notes)
    note = notes[0]
    other_indicator = framework.competencies[0].indicators[2].id
    variants = {
        "text": replace(note, text="Observation changed"),
        "date": replace(note, observed_on=date(2024, 4, 1)),
        "source": replace(note, source=EvidenceSource.COMPLAINT),
        "competency": replace(note, competency_id=framework.competencies[1].id, indicator_id=None),
        "indicator": replace(note, indicator_id=other_indicator),
        "no indicator": replace(note, indicator_id=None),
        "uuid": replace(note, uuid="note-x"),
    }
    for name, variant in variants.items():
        assert fingerprint(framework, review, [variant, *notes[1:]]) != base, name
    assert fingerprint(framework, review, notes[1:]) != base


def test_framework_identity_is_part_of_it(framework: Framework, content: Any) -> None:
    review, notes = content
    base = fingerprint(framework, review, notes)
    assert fingerprint(replace(framework, version=2), review, notes) != base
    assert fingerprint(replace(framework, key="other"), review, notes) != base


def test_text_is_nfc_normalised(framework: Framework, content: Any) -> None:
    review, notes = content
    composed = "Ren\u00e9e Lef\u00e8vre"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    a = replace(review, staff_name=composed, strengths=f"Caf\u00e9 {composed}")
    b = replace(review, staff_name=decomposed, strengths=unicodedata.normalize("NFD", a.strengths))
    note_a = replace(notes[0], text=composed)
    note_b = replace(notes[0], text=decomposed)
    assert fingerprint(framework, a, [note_a]) == fingerprint(framework, b, [note_b])
    assert canonical_content(framework, b, [note_b])["staff"]["name"] == composed


def test_canonical_content_uses_codes_and_iso_dates(framework: Framework, content: Any) -> None:
    review, notes = content
    data = canonical_content(framework, review, notes)
    assert data["period"] == ["2024-01-01", "2024-12-31"]
    assert [c["code"] for c in data["competencies"]] == [c.code for c in framework.competencies]
    assert data["competencies"][2]["rating"] == "not_observed"
    assert data["competencies"][0]["indicators"]["CS1.1"] == 3
    assert data["competencies"][0]["indicators"]["CS1.5"] is None
    assert data["evidence"][0]["indicator"] == "CS1.2"
    assert data["evidence"][1]["indicator"] is None
    assert data["framework"] == {"key": "sols-customer-service", "version": 1}


def test_unrated_competency_differs_from_not_observed(framework: Framework) -> None:
    rated = build_review(framework, {"CS1": NOT_OBSERVED})
    unrated = build_review(framework, {"CS1": None})
    assert fingerprint(framework, rated, []) != fingerprint(framework, unrated, [])
    blank = replace(
        unrated, competencies=(CompetencyAssessment(framework.competencies[0].id, Assessment()),)
    )
    assert fingerprint(framework, unrated, []) == fingerprint(framework, blank, [])
