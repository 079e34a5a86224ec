"""PDF documents (ReportLab): the review document and the meeting worksheet. No Qt, no SQL."""

from reviewapp.report.filenames import safe_file_name
from reviewapp.report.review_document import render_review
from reviewapp.report.settings import DocumentSettings, ReviewDocumentData
from reviewapp.report.worksheet import render_worksheet

__all__ = [
    "DocumentSettings",
    "ReviewDocumentData",
    "render_review",
    "render_worksheet",
    "safe_file_name",
]
