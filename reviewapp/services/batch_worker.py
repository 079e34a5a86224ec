"""The worker side of batch PDF export: each process opens the database once, renders many."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reviewapp.domain.errors import ReviewAppError
from reviewapp.domain.review import ReviewSummary

if TYPE_CHECKING:
    from reviewapp.services.documents import DocumentService

_documents: DocumentService | None = None


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


def render_one(
    documents: DocumentService, review_id: int, path: Path
) -> tuple[int, str | None, str | None]:
    """Render one review to ``path``; errors are returned, so one bad review cannot stop a batch."""
    try:
        documents.write_review_pdf(review_id, path)
    except ReviewAppError as exc:
        return review_id, None, str(exc)
    return review_id, str(path), None


def start_worker(location: str) -> None:
    global _documents
    from reviewapp.services.container import Services

    _documents = Services.open(location).documents


def work(review_id: int, path: str) -> tuple[int, str | None, str | None]:
    if _documents is None:
        raise RuntimeError("start_worker was not called in this process")
    return render_one(_documents, review_id, Path(path))
