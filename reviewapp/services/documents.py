"""PDF documents: one review, a meeting worksheet, and batch export of many reviews in parallel."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from reviewapp.domain.errors import StoreError
from reviewapp.domain.review import ReviewStatus, ReviewSummary
from reviewapp.services import batch_worker
from reviewapp.services.review_pdfs import Outcome, ReviewPdfs, unique_names, write_pdf

if TYPE_CHECKING:
    from reviewapp.report import DocumentSettings, ReviewDocumentData
    from reviewapp.services.frameworks import FrameworkService
    from reviewapp.services.goals import GoalService
    from reviewapp.services.reviews import ReviewService
    from reviewapp.services.settings import SettingsService
    from reviewapp.services.staff import StaffService

Progress = Callable[[int, int, str], None]
"""Called as (done, total, last file name) after each document of a batch."""

_IN_PROCESS_LIMIT = 4  # small batches are quicker without starting worker processes


@dataclass(frozen=True)
class BatchSelection:
    branch: str | None = None
    status: ReviewStatus | None = None
    period_from: date | None = None
    period_to: date | None = None


@dataclass
class BatchResult:
    folder: Path
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)


class DocumentService:
    def __init__(
        self,
        location: str,
        frameworks: FrameworkService,
        reviews: ReviewService,
        goals: GoalService,
        staff: StaffService,
        settings: SettingsService,
    ) -> None:
        self._location = location
        self._frameworks = frameworks
        self._reviews = reviews
        self._goals = goals
        self._staff = staff
        self._pdfs = ReviewPdfs(reviews, goals, settings)

    def document_settings(self) -> DocumentSettings:
        return self._pdfs.document_settings()

    def review_data(self, review_id: int) -> ReviewDocumentData:
        return self._pdfs.review_data(review_id)

    def review_pdf(self, review_id: int) -> bytes:
        return self._pdfs.review_pdf(review_id)

    def file_name(self, review_id: int) -> str:
        return self._pdfs.file_name(review_id)

    def worksheet_file_name(self, staff_id: int | None = None) -> str:
        """`worksheet_<staff>.pdf`, or `worksheet.pdf` for a blank one; safe on any system."""
        from reviewapp.report.filenames import safe_component

        if staff_id is None:
            return "worksheet.pdf"
        return f"worksheet_{safe_component(self._staff.get(staff_id).name, 'staff')}.pdf"

    def write_review_pdf(self, review_id: int, path: Path) -> Path:
        return self._pdfs.write_review_pdf(review_id, path)

    def worksheet_pdf(self, staff_id: int | None = None, framework_id: int | None = None) -> bytes:
        from reviewapp.report import render_worksheet

        framework = (
            self._frameworks.get(framework_id) if framework_id else self._frameworks.current()
        )
        staff = self._staff.get(staff_id) if staff_id is not None else None
        goals = tuple(self._goals.open_for_staff(staff_id)) if staff_id is not None else ()
        return render_worksheet(framework, self.document_settings(), staff, goals)

    def write_worksheet_pdf(self, path: Path, staff_id: int | None = None) -> Path:
        return write_pdf(path, self.worksheet_pdf(staff_id))

    def select(self, selection: BatchSelection) -> list[ReviewSummary]:
        return self._reviews.list(
            branch=selection.branch,
            status=selection.status,
            period_from=selection.period_from,
            period_to=selection.period_to,
        )

    def export_batch(
        self,
        review_ids: Sequence[int],
        folder: Path,
        *,
        workers: int | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> BatchResult:
        """One PDF per review into ``folder``, named predictably, using the machine's cores."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder {folder}: {exc.strerror or exc}") from exc
        result = BatchResult(folder)
        ids = list(dict.fromkeys(review_ids))
        names = unique_names(self._reviews.list(review_ids=ids))
        total = len(ids)
        workers = workers or os.cpu_count() or 1
        if total <= _IN_PROCESS_LIMIT or workers == 1:
            for done, review_id in enumerate(ids, start=1):
                if cancelled is not None and cancelled():
                    break
                self._collect(result, self._pdfs.render_one(review_id, folder / names[review_id]))
                if progress:
                    progress(done, total, names[review_id])
            return result
        context = get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=min(workers, total),
            mp_context=context,
            initializer=batch_worker.start_worker,
            initargs=(self._location,),
        ) as pool:
            pending: set[Future[Outcome]] = set()
            queue = iter(ids)
            done = 0
            for review_id in queue:
                pending.add(
                    pool.submit(batch_worker.work, review_id, str(folder / names[review_id]))
                )
                if len(pending) >= workers * 4:
                    break
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    review_id, written, error = future.result()
                    self._collect(result, (review_id, written, error))
                    done += 1
                    if progress:
                        progress(done, total, Path(written).name if written else "")
                if cancelled is not None and cancelled():
                    for future in pending:
                        future.cancel()
                    break
                for review_id in queue:
                    pending.add(
                        pool.submit(batch_worker.work, review_id, str(folder / names[review_id]))
                    )
                    if len(pending) >= workers * 4:
                        break
        return result

    @staticmethod
    def _collect(result: BatchResult, outcome: Outcome) -> None:
        review_id, written, error = outcome
        if written:
            result.written.append(Path(written))
        else:
            result.failed.append((review_id, error or "unknown error"))
