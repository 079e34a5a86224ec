"""The evidence journal: notes through the year, checked links, frozen finalised periods."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from service_helpers import snapshot

from reviewapp.domain.errors import (
    ConflictError,
    ForbiddenChangeError,
    NotFoundError,
    ValidationError,
)
from reviewapp.domain.evidence import EvidenceDraft, EvidenceSource
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Review, ReviewDraft, ReviewType
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.services.container import Services


def _draft(
    framework: Framework, day: date, text: str = "Helped a patron", **kw: object
) -> EvidenceDraft:
    values: dict[str, object] = {
        "competency_id": framework.competencies[0].id,
        "observed_on": day,
        "source": EvidenceSource.DIRECT_OBSERVATION,
        "text": text,
        **kw,
    }
    return EvidenceDraft(**values)  # type: ignore[arg-type]


def test_add_update_delete_restore(
    services: Services, member: StaffMember, framework: Framework
) -> None:
    indicator = framework.competencies[0].indicators[3]
    note = services.evidence.add(
        member.id, _draft(framework, date(2024, 3, 1), "  Smiled  ", indicator_id=indicator.id)
    )
    assert (note.text, note.indicator_id, note.frozen) == ("Smiled", indicator.id, False)
    assert services.evidence.get(note.id) == note
    moved = services.evidence.update(
        note.id,
        _draft(
            framework,
            date(2024, 4, 2),
            "Smiled at everyone",
            competency_id=framework.competencies[1].id,
        ),
    )
    assert (moved.observed_on, moved.competency_id, moved.indicator_id) == (
        date(2024, 4, 2),
        framework.competencies[1].id,
        None,
    )
    assert moved.uuid == note.uuid and moved.created_at == note.created_at
    deleted = services.evidence.delete(note.id)
    assert deleted == moved
    with pytest.raises(NotFoundError):
        services.evidence.get(note.id)
    restored = services.evidence.restore(deleted)
    assert (restored.uuid, restored.text, restored.created_at) == (
        deleted.uuid,
        deleted.text,
        deleted.created_at,
    )
    assert services.evidence.for_staff(member.id) == [restored]


def test_indicator_must_belong_to_the_competency(
    services: Services, member: StaffMember, framework: Framework
) -> None:
    foreign = framework.competencies[1].indicators[0]
    with pytest.raises(ValidationError, match="does not belong") as info:
        services.evidence.add(
            member.id, _draft(framework, date(2024, 3, 1), indicator_id=foreign.id)
        )
    assert info.value.field == "indicator"
    with pytest.raises(ValidationError):
        services.evidence.add(member.id, _draft(framework, date(2024, 3, 1), indicator_id=999_999))
    with pytest.raises(ValidationError) as info:
        services.evidence.add(member.id, _draft(framework, date(2024, 3, 1), competency_id=999_999))
    assert info.value.field == "competency"
    assert services.evidence.for_staff(member.id) == []


def test_text_and_source_are_checked(
    services: Services, member: StaffMember, framework: Framework
) -> None:
    with pytest.raises(ValidationError) as info:
        services.evidence.add(member.id, _draft(framework, date(2024, 3, 1), " "))
    assert info.value.field == "text"
    with pytest.raises(ValidationError) as info:
        services.evidence.add(member.id, _draft(framework, date(2024, 3, 1), source="gossip"))
    assert info.value.field == "source"
    with pytest.raises(NotFoundError, match="staff member"):
        services.evidence.add(9999, _draft(framework, date(2024, 3, 1)))


def test_note_dated_in_a_finalised_period_is_refused(
    services: Services, member: StaffMember, ready: Review, framework: Framework
) -> None:
    outside = services.evidence.add(member.id, _draft(framework, date(2025, 2, 1)))
    services.reviews.finalise(ready.id)
    before = snapshot(services)
    with pytest.raises(ForbiddenChangeError, match="2024-06-01 falls in a finalised review"):
        services.evidence.add(member.id, _draft(framework, date(2024, 6, 1)))
    with pytest.raises(ForbiddenChangeError, match="addendum"):
        services.evidence.update(outside.id, _draft(framework, date(2024, 12, 31)))
    assert snapshot(services) == before
    deleted = services.evidence.delete(outside.id)
    with pytest.raises(ForbiddenChangeError):
        services.evidence.restore(replace(deleted, observed_on=date(2024, 1, 1)))
    assert services.evidence.for_staff(member.id) == []
    assert services.evidence.restore(deleted).uuid == outside.uuid


def test_other_staff_may_have_notes_in_that_period(
    services: Services, ready: Review, framework: Framework
) -> None:
    services.reviews.finalise(ready.id)
    other = services.staff.create(StaffDraft("Bo", "E-2"))
    note = services.evidence.add(other.id, _draft(framework, date(2024, 6, 1)))
    assert not note.frozen


def test_for_staff_filters_and_sorts_newest_first(
    services: Services, member: StaffMember, framework: Framework
) -> None:
    other = services.staff.create(StaffDraft("Bo", "E-2"))
    days = [date(2024, 1, 1), date(2024, 6, 15), date(2024, 12, 31), date(2025, 1, 1)]
    ids = [services.evidence.add(member.id, _draft(framework, d, f"Note {d}")).id for d in days]
    second = services.evidence.add(
        member.id,
        _draft(
            framework,
            date(2024, 6, 15),
            "Other competency",
            competency_id=framework.competencies[2].id,
        ),
    )
    services.evidence.add(other.id, _draft(framework, date(2024, 6, 15)))
    everything = services.evidence.for_staff(member.id)
    assert [n.id for n in everything] == [ids[3], ids[2], second.id, ids[1], ids[0]]
    in_2024 = services.evidence.for_staff(member.id, start=date(2024, 1, 1), end=date(2024, 12, 31))
    assert {n.id for n in in_2024} == {ids[0], ids[1], ids[2], second.id}
    assert [n.id for n in services.evidence.for_staff(member.id, start=date(2024, 12, 31))] == [
        ids[3],
        ids[2],
    ]
    assert [n.id for n in services.evidence.for_staff(member.id, end=date(2024, 1, 1))] == [ids[0]]
    only = services.evidence.for_staff(member.id, competency_id=framework.competencies[2].id)
    assert [n.id for n in only] == [second.id]


def test_for_review_is_the_period_inclusive(
    services: Services, member: StaffMember, review: Review, framework: Framework
) -> None:
    days = [
        date(2023, 12, 31),
        date(2024, 1, 1),
        date(2024, 7, 1),
        date(2024, 12, 31),
        date(2025, 1, 1),
    ]
    ids = [services.evidence.add(member.id, _draft(framework, d)).id for d in days]
    assert [n.id for n in services.evidence.for_review(review.id)] == ids[1:4]
    assert services.reviews.notes(review.id) == services.evidence.for_review(review.id)
    with pytest.raises(NotFoundError):
        services.evidence.for_review(9999)


def test_for_review_leaves_out_other_staff(
    services: Services, review: Review, framework: Framework
) -> None:
    other = services.staff.create(StaffDraft("Bo", "E-2"))
    services.evidence.add(other.id, _draft(framework, date(2024, 5, 1)))
    later = services.reviews.start(
        ReviewDraft(other.id, "Rita", ReviewType.ANNUAL, date(2024, 1, 1), date(2024, 12, 31))
    )
    assert services.evidence.for_review(review.id) == []
    assert len(services.evidence.for_review(later.id)) == 1


def test_restoring_a_note_that_is_still_there(
    services: Services, member: StaffMember, framework: Framework
) -> None:
    note = services.evidence.add(member.id, _draft(framework, date(2024, 3, 1)))
    with pytest.raises(ConflictError, match="already in the journal"):
        services.evidence.restore(note)
    assert services.evidence.for_staff(member.id) == [note]
