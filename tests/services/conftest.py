"""Service fixtures: a staff member, the default framework, and a review ready to finalise."""

from __future__ import annotations

from datetime import date

import pytest
from service_helpers import make_ready

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Review, ReviewDraft, ReviewType
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.services.container import Services


@pytest.fixture
def framework(services: Services) -> Framework:
    return services.frameworks.current()


@pytest.fixture
def member(services: Services) -> StaffMember:
    return services.staff.create(
        StaffDraft(
            "Élodie Tremblay",
            "E-100",
            position="Library Assistant",
            branch_name="Central",
            start_date=date(2019, 4, 1),
        )
    )


@pytest.fixture
def review(services: Services, member: StaffMember) -> Review:
    """A draft annual review of 2024."""
    return services.reviews.start(
        ReviewDraft(
            member.id, "Rita Reviewer", ReviewType.ANNUAL, date(2024, 1, 1), date(2024, 12, 31)
        )
    )


@pytest.fixture
def ready(services: Services, review: Review, framework: Framework) -> Review:
    """The 2024 review with every competency assessed and the reviewer's sign-off."""
    return make_ready(services, review.id, framework)
