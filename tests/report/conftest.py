"""Fixtures for the PDF tests: a fully filled review rendered once per session, text helpers."""

from __future__ import annotations

import pytest
import report_samples as samples
from report_helpers import GENERATED_ON, RenderedPdf, read_pdf

from reviewapp.domain.framework import Framework
from reviewapp.report import DocumentSettings, ReviewDocumentData, render_review


@pytest.fixture(scope="session")
def framework() -> Framework:
    return samples.framework()


@pytest.fixture(scope="session")
def settings() -> DocumentSettings:
    return DocumentSettings(organisation="Riverside Public Library", generated_on=GENERATED_ON)


@pytest.fixture(scope="session")
def draft_pdf(framework: Framework, settings: DocumentSettings) -> RenderedPdf:
    data = ReviewDocumentData(
        framework, samples.review(framework), samples.notes(framework), samples.previous_goals()
    )
    return read_pdf(render_review(data, settings))


@pytest.fixture(scope="session")
def final_pdf(framework: Framework, settings: DocumentSettings) -> RenderedPdf:
    data = ReviewDocumentData(
        framework, samples.review(framework, finalised=True), samples.notes(framework)
    )
    return read_pdf(render_review(data, settings))
