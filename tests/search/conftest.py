"""Search fixtures: one staff member's notes, and the search service on the index or scanning."""

from __future__ import annotations

from datetime import date

import pytest
from search_helpers import AddNote, make_search

from reviewapp.domain.evidence import EvidenceDraft, EvidenceNote, EvidenceSource
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.services.container import Services
from reviewapp.services.search import SearchService


@pytest.fixture
def competency_ids(services: Services) -> list[int]:
    return [c.id for c in services.frameworks.current().competencies]


@pytest.fixture
def staff_member(services: Services) -> StaffMember:
    return services.staff.create(StaffDraft("Élodie Tremblay", "E-100", branch_name="Central"))


@pytest.fixture
def other_member(services: Services) -> StaffMember:
    return services.staff.create(StaffDraft("Sam O'Neil", "E-200", branch_name="Westside"))


@pytest.fixture
def add_note(services: Services, staff_member: StaffMember, competency_ids: list[int]) -> AddNote:
    def add(
        text: str,
        observed_on: date = date(2025, 3, 1),
        *,
        staff: StaffMember | None = None,
        competency: int = 0,
    ) -> EvidenceNote:
        draft = EvidenceDraft(
            competency_ids[competency], observed_on, EvidenceSource.DIRECT_OBSERVATION, text
        )
        return services.evidence.add((staff or staff_member).id, draft)

    return add


@pytest.fixture
def indexed(services: Services) -> SearchService:
    search = make_search(services, use_index=None)
    assert search.uses_index, "this Python's SQLite should have FTS5"
    return search


@pytest.fixture
def scanning(services: Services) -> SearchService:
    return make_search(services, use_index=False)


@pytest.fixture(params=["index", "scan"])
def search(request: pytest.FixtureRequest, services: Services) -> SearchService:
    """Each test using this runs twice: through the FTS5 index and through the plain scan."""
    search = make_search(services, use_index=None if request.param == "index" else False)
    assert search.uses_index == (request.param == "index")
    return search
