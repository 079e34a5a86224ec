"""The paged review list on PostgreSQL: the same order, filter and counts as on SQLite, and
migration 0004 filling in the folded keys of a finalised review there too."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from reviewapp.db import migrate
from reviewapp.domain.review import (
    Assessment,
    ReviewDraft,
    ReviewStatus,
    ReviewType,
    SignOffRole,
)
from reviewapp.domain.review_list import ReviewListQuery, ReviewSort
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services


def _reviews(services: Services) -> tuple[int, int]:
    """A finalised review of Élodie (branch Île-Perrot) and a draft of Bob (Central)."""
    elodie = services.staff.create(StaffDraft("Élodie Tremblay", "E1", branch_name="Île-Perrot"))
    bob = services.staff.create(StaffDraft("bob Adams", "E2", branch_name="Central"))
    final = services.reviews.start(
        ReviewDraft(elodie.id, "Pat", ReviewType.ANNUAL, date(2024, 1, 1), date(2024, 12, 31))
    )
    for competency in services.reviews.framework_of(final.id).competencies:
        services.reviews.set_competency(final.id, competency.id, Assessment(4))
    services.reviews.sign_off(final.id, SignOffRole.REVIEWER, "Pat", date(2025, 1, 10), "ok")
    services.reviews.finalise(final.id)
    draft = services.reviews.start(
        ReviewDraft(bob.id, "Pat", ReviewType.MID_YEAR, date(2025, 1, 1), date(2025, 6, 30))
    )
    return final.id, draft.id


def _ids(services: Services, query: ReviewListQuery) -> list[int]:
    return [s.id for s in services.reviews.page(query).summaries]


def test_review_pages_on_postgresql(pg_services: Services) -> None:
    final, draft = _reviews(pg_services)
    page = pg_services.reviews.page(ReviewListQuery())
    assert page.summaries == tuple(pg_services.reviews.list())
    assert (page.total, page.unfiltered) == (2, 2)
    assert _ids(pg_services, ReviewListQuery(sort=ReviewSort.STAFF)) == [draft, final]
    assert _ids(pg_services, ReviewListQuery(sort=ReviewSort.BRANCH)) == [draft, final]
    assert _ids(pg_services, ReviewListQuery(sort=ReviewSort.OVERALL)) == [final, draft]
    assert _ids(pg_services, ReviewListQuery(sort=ReviewSort.OVERALL, descending=True)) == [
        draft,
        final,
    ]
    for sort in ReviewSort:
        assert sorted(_ids(pg_services, ReviewListQuery(sort=sort))) == sorted([final, draft])
    assert _ids(pg_services, ReviewListQuery("ELODIE ile-perrot final")) == [final]
    assert _ids(pg_services, ReviewListQuery("mid-year 2025-06")) == [draft]
    filtered = pg_services.reviews.page(ReviewListQuery("bob", status=ReviewStatus.DRAFT))
    assert [s.id for s in filtered.summaries] == [draft]
    assert (filtered.total, filtered.unfiltered) == (1, 1)
    assert pg_services.reviews.page(ReviewListQuery(), 1, 1).summaries[0].id == final


def test_migration_0004_fills_finalised_reviews_on_postgresql(pg_services: Services) -> None:
    final, _draft = _reviews(pg_services)
    engine = pg_services.engine
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        keys = connection.execute(
            text("SELECT sort_name_snapshot, branch_sort_snapshot FROM reviews WHERE id = :id"),
            {"id": final},
        ).one()
        assert tuple(keys) == ("elodie tremblay", "ile-perrot")
    with pytest.raises(DBAPIError, match="the review is finalised"), engine.begin() as connection:
        connection.execute(
            text("UPDATE reviews SET sort_name_snapshot = 'x' WHERE id = :id"), {"id": final}
        )
