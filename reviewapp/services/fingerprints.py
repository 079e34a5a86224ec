"""Checking finalised reviews against the fingerprints stored when they were finalised.

A fingerprint is the SHA-256 of a review's content (reviewapp.domain.fingerprint). Any change
made behind the app's back, past the database's triggers, makes it differ.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reviewapp.db import convert
from reviewapp.db.models import ReviewRow, StaffRow
from reviewapp.domain.errors import NotFoundError
from reviewapp.domain.fingerprint import fingerprint
from reviewapp.domain.framework import Framework
from reviewapp.domain.review import ReviewStatus
from reviewapp.services import frameworks as framework_queries
from reviewapp.services.evidence import notes_in_period
from reviewapp.services.store import Store

CHUNK = 500  # reviews loaded per query: few queries, bounded memory on a large database
_CONTENT = (  # everything convert.review reads, loaded in one query per kind for a chunk
    selectinload(ReviewRow.staff).selectinload(StaffRow.branch),
    selectinload(ReviewRow.competency_ratings),
    selectinload(ReviewRow.indicator_ratings),
    selectinload(ReviewRow.goals),
    selectinload(ReviewRow.signoffs),
    selectinload(ReviewRow.addenda),
)


@dataclass(frozen=True, slots=True)
class FingerprintResult:
    """One review checked: `matches` is False for a review that is not finalised."""

    review_id: int
    staff_name: str
    period_start: date
    period_end: date
    finalised: bool
    matches: bool

    def describe(self) -> str:
        """The review in plain words: id, person and period."""
        return (
            f"review {self.review_id} ({self.staff_name}, "
            f"{self.period_start:%Y-%m-%d} to {self.period_end:%Y-%m-%d})"
        )


class FingerprintService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def check(self, review_ids: Sequence[int]) -> list[FingerprintResult]:
        """The given reviews, in the order given, read in one transaction.

        An unknown id raises NotFoundError; a review that is not finalised is a result with
        ``finalised=False``.
        """
        ids = list(dict.fromkeys(review_ids))
        with self._store.read() as session:
            found = {r.review_id: r for r in _check_rows(session, ids)}
        missing = [str(review_id) for review_id in ids if review_id not in found]
        if missing:
            plural = "s" if len(missing) > 1 else ""
            raise NotFoundError(f"There is no review with id{plural} {', '.join(missing)}.")
        return [found[review_id] for review_id in ids]

    def check_all(self) -> list[FingerprintResult]:
        """Every finalised review, by id, read in one transaction (one consistent snapshot)."""
        with self._store.read() as session:
            query = select(ReviewRow.id).where(ReviewRow.status == ReviewStatus.FINALISED.value)
            return list(_check_rows(session, list(session.scalars(query.order_by(ReviewRow.id)))))


def _check_rows(session: Session, ids: list[int]) -> Iterator[FingerprintResult]:
    frameworks: dict[int, Framework] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = select(ReviewRow).where(ReviewRow.id.in_(chunk)).options(*_CONTENT)
        rows = sorted(session.scalars(query), key=lambda row: row.id)
        yield from (_check_row(session, row, frameworks) for row in rows)
        session.expunge_all()  # a read: nothing to keep once the chunk is checked


def stored_fingerprint(session: Session, row: ReviewRow, framework: Framework | None = None) -> str:
    """The fingerprint of the review's content as stored now (``framework``: its framework,
    when the caller has it loaded already)."""
    if framework is None:
        framework = framework_queries.load(session, row.framework_id)
    notes = notes_in_period(
        session, row.staff_id, row.framework_id, row.period_start, row.period_end
    )
    return fingerprint(framework, convert.review(row), notes)


def _check_row(
    session: Session, row: ReviewRow, frameworks: dict[int, Framework]
) -> FingerprintResult:
    review = convert.review(row)
    matches = False
    if row.fingerprint is not None:
        if row.framework_id not in frameworks:
            frameworks[row.framework_id] = framework_queries.load(session, row.framework_id)
        matches = stored_fingerprint(session, row, frameworks[row.framework_id]) == row.fingerprint
    return FingerprintResult(
        review.id,
        review.staff_name,
        review.period_start,
        review.period_end,
        review.is_finalised,
        matches,
    )
