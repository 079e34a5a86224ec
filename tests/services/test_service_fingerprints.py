"""Checking finalised reviews against their fingerprints, one by one or all in one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from service_helpers import make_ready

from reviewapp.domain.errors import NotFoundError
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Review, ReviewDraft, ReviewType
from reviewapp.domain.staff import StaffDraft
from reviewapp.services import fingerprints
from reviewapp.services.container import Services
from reviewapp.services.store import Store


def tamper(services: Services, sql: str, trigger: str) -> None:
    """Change a finalised review behind the app's back: drop the trigger that refuses it."""
    with services.engine.begin() as connection:
        connection.exec_driver_sql(f"DROP TRIGGER {trigger}")
        connection.exec_driver_sql(sql)


@pytest.fixture
def finalised(services: Services, ready: Review, framework: Framework) -> list[int]:
    """Two finalised reviews (Élodie's and Sam's, 2024) and Élodie's 2025 one in progress."""
    sam = services.staff.create(StaffDraft("Sam Chen", "E-200"))
    draft = ReviewDraft(
        sam.id, "Rita Reviewer", ReviewType.ANNUAL, date(2024, 1, 1), date(2024, 12, 31)
    )
    other = make_ready(services, services.reviews.start(draft).id, framework)
    services.reviews.finalise(ready.id)
    services.reviews.finalise(other.id)
    later = ReviewDraft(
        ready.staff_id, "Rita", ReviewType.ANNUAL, date(2025, 1, 1), date(2025, 12, 31)
    )
    services.reviews.start(later)
    return [ready.id, other.id]


def test_every_untouched_finalised_review_matches(services: Services, finalised: list[int]) -> None:
    results = services.fingerprints.check_all()
    assert [r.review_id for r in results] == finalised  # only the finalised ones, by id
    assert all(r.finalised and r.matches for r in results)
    assert results[1].describe() == f"review {finalised[1]} (Sam Chen, 2024-01-01 to 2024-12-31)"


@pytest.mark.parametrize(
    ("sql", "trigger"),
    [
        (
            "UPDATE competency_ratings SET rating = 1 WHERE review_id = {id} AND rating = 4",
            "trg_competency_ratings_upd",
        ),
        (
            "UPDATE competency_ratings SET comment = 'forged' WHERE review_id = {id}",
            "trg_competency_ratings_upd",
        ),
        ("UPDATE reviews SET strengths = 'forged' WHERE id = {id}", "trg_reviews_finalised_upd"),
    ],
    ids=["rating", "comment", "strengths"],
)
def test_a_tampered_review_is_found_and_the_others_still_match(
    services: Services, finalised: list[int], sql: str, trigger: str
) -> None:
    first, second = finalised
    tamper(services, sql.format(id=second), trigger)
    results = {r.review_id: r.matches for r in services.fingerprints.check_all()}
    assert results == {first: True, second: False}
    # The same verdict as checking the one review on its own.
    assert services.reviews.verify_fingerprint(second) is False
    assert services.reviews.verify_fingerprint(first) is True


def test_named_reviews_keep_their_order_and_an_open_one_is_marked_not_finalised(
    services: Services, finalised: list[int]
) -> None:
    open_id = max(r.id for r in services.reviews.list())
    results = services.fingerprints.check([finalised[1], open_id, finalised[0], finalised[1]])
    assert [r.review_id for r in results] == [finalised[1], open_id, finalised[0]]
    assert [(r.finalised, r.matches) for r in results] == [
        (True, True),
        (False, False),
        (True, True),
    ]


def test_unknown_ids_are_named(services: Services, finalised: list[int]) -> None:
    with pytest.raises(NotFoundError, match=r"^There is no review with ids 998, 999\.$"):
        services.fingerprints.check([finalised[0], 998, 999])
    with pytest.raises(NotFoundError, match=r"^There is no review with id 998\.$"):
        services.fingerprints.check([998])


def test_checking_all_reads_one_snapshot_in_chunks(
    services: Services, finalised: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    tamper(
        services,
        f"UPDATE reviews SET strengths = 'x' WHERE id = {finalised[0]}",
        "trg_reviews_finalised_upd",
    )
    reads = []
    real_read = Store.read

    @contextmanager
    def counted(self: Store) -> Iterator[object]:
        reads.append(1)
        with real_read(self) as session:
            yield session

    monkeypatch.setattr(Store, "read", counted)
    monkeypatch.setattr(fingerprints, "CHUNK", 1)
    results = services.fingerprints.check_all()
    assert len(reads) == 1
    assert [(r.review_id, r.matches) for r in results] == [
        (finalised[0], False),
        (finalised[1], True),
    ]


def test_no_finalised_reviews_means_nothing_to_check(services: Services, ready: Review) -> None:
    assert services.fingerprints.check_all() == []
