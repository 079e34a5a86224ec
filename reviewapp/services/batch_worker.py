"""The worker side of batch PDF export: each process opens the database once, renders many.

A worker only reads, so it opens the database read-only (no lock, no migration, no backups)
and builds just the services a review document needs.
"""

from __future__ import annotations

from pathlib import Path

from reviewapp.services.goals import GoalService
from reviewapp.services.opening import make_store, prepare
from reviewapp.services.review_pdfs import Outcome, ReviewPdfs
from reviewapp.services.reviews import ReviewService
from reviewapp.services.settings import SettingsService

_pdfs: ReviewPdfs | None = None


def open_read_only(location: str) -> ReviewPdfs:
    engine, access = prepare(location, read_only=True)
    store = make_store(engine, access)
    return ReviewPdfs(ReviewService(store), GoalService(store), SettingsService(store))


def start_worker(location: str) -> None:
    global _pdfs
    _pdfs = open_read_only(location)


def work(review_id: int, path: str) -> Outcome:
    if _pdfs is None:
        raise RuntimeError("start_worker was not called in this process")
    return _pdfs.render_one(review_id, Path(path))
