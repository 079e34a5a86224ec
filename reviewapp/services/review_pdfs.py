"""One review as a PDF: its data, its bytes, its file name, written without half-files.

Needs only the review, goal and settings services, so the batch worker builds just those on a
read-only database, and the document service builds the same on its own store.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reviewapp.domain.errors import ReviewAppError, StoreError
from reviewapp.domain.review import ReviewSummary

# reviewapp.report (and ReportLab with it) is imported where a document is made, not here:
# the app opens its services at start-up, long before anyone asks for a PDF.
if TYPE_CHECKING:
    from reviewapp.report import DocumentSettings, ReviewDocumentData
    from reviewapp.services.goals import GoalService
    from reviewapp.services.reviews import ReviewService
    from reviewapp.services.settings import SettingsService

Outcome = tuple[int, str | None, str | None]
"""(review id, file written or None, error or None) for one review of a batch."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside ``path`` and rename it over, so no half-written PDF is ever left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".reviewapp-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_pdf(path: Path, data: bytes) -> Path:
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise StoreError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    return path


def unique_names(summaries: Iterable[ReviewSummary]) -> dict[int, str]:
    """Predictable file names; a clash (two people with one name) gets the review id appended."""
    from reviewapp.report import safe_file_name

    names: dict[int, str] = {}
    seen: set[str] = set()
    for summary in sorted(summaries, key=lambda s: s.id):
        name = safe_file_name(summary)
        if name.casefold() in seen:
            name = f"{name[: -len('.pdf')]}_{summary.id}.pdf"
        seen.add(name.casefold())
        names[summary.id] = name
    return names


class ReviewPdfs:
    def __init__(
        self, reviews: ReviewService, goals: GoalService, settings: SettingsService
    ) -> None:
        self._reviews = reviews
        self._goals = goals
        self._settings = settings

    def document_settings(self) -> DocumentSettings:
        from reviewapp.report import DocumentSettings

        logo = self._settings.get("logo_path")
        return DocumentSettings(
            organisation=self._settings.get("organisation"),
            logo_path=Path(logo) if logo and Path(logo).is_file() else None,
        )

    def review_data(self, review_id: int) -> ReviewDocumentData:
        from reviewapp.report import ReviewDocumentData

        return ReviewDocumentData(
            framework=self._reviews.framework_of(review_id),
            review=self._reviews.get(review_id),
            notes=tuple(self._reviews.notes(review_id)),
            previous_open_goals=tuple(self._goals.previous_open(review_id)),
        )

    def review_pdf(self, review_id: int) -> bytes:
        from reviewapp.report import render_review

        return render_review(self.review_data(review_id), self.document_settings())

    def file_name(self, review_id: int) -> str:
        from reviewapp.report import safe_file_name

        return safe_file_name(self._reviews.get(review_id))

    def write_review_pdf(self, review_id: int, path: Path) -> Path:
        return write_pdf(path, self.review_pdf(review_id))

    def render_one(self, review_id: int, path: Path) -> Outcome:
        """Render one review to ``path``; errors are returned, not raised, to go on with a batch."""
        try:
            self.write_review_pdf(review_id, path)
        except ReviewAppError as exc:
            return review_id, None, str(exc)
        return review_id, str(path), None
