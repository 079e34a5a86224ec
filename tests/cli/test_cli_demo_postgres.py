"""``reviewapp demo`` on PostgreSQL: same rules, and the app can add rows after it.

Runs when REVIEWAPP_TEST_POSTGRES_URL names a server (as for tests/postgres); .ci/run sets it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pg_helpers import scratch_database

from reviewapp import cli
from reviewapp.domain.review import ReviewDraft, ReviewStatus, ReviewType
from reviewapp.domain.staff import StaffDraft
from reviewapp.services.container import Services


@pytest.fixture
def pg_url() -> Iterator[str]:
    with scratch_database("reviewapp_demo_", force_drop=True) as url:
        yield url


def test_demo_on_postgresql(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--db", pg_url, "demo", "--staff", "12", "--years", "2", "--today", "2025-03-15"]
    assert cli.main(args) == 0
    assert "       12  staff" in capsys.readouterr().out
    services = Services.open(pg_url)
    try:
        finalised = services.reviews.list(status=ReviewStatus.FINALISED)
        assert finalised
        assert all(services.reviews.verify_fingerprint(r.id) for r in finalised)
        # Demo rows carry their own ids; the sequences must have moved past them.
        member = services.staff.create(StaffDraft("Noor Haddad", "PG-1", "Page", "Central"))
        draft = ReviewDraft(
            member.id, "Pat", ReviewType.ANNUAL, date(2025, 1, 1), date(2025, 12, 31)
        )
        review = services.reviews.start(draft)
        assert review.id > max(r.id for r in services.reviews.list() if r.id != review.id)
    finally:
        services.close()
