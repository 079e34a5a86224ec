"""Helpers for service tests: bring a review to the point of finalising, and snapshot a database."""

from __future__ import annotations

import sqlite3
from datetime import date

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import NOT_OBSERVED, Assessment, Review, SignOffRole
from reviewapp.services.container import Services

RATINGS = (4, 3, None, 5, 4, 3, 4)  # None: not observed; mean of the rest = 23 / 6


def make_ready(services: Services, review_id: int, framework: Framework) -> Review:
    for competency, value in zip(framework.competencies, RATINGS, strict=True):
        assessment = NOT_OBSERVED if value is None else Assessment(value)
        services.reviews.set_competency(review_id, competency.id, assessment)
    return services.reviews.sign_off(
        review_id, SignOffRole.REVIEWER, "Rita Reviewer", date(2025, 1, 10), "I reviewed this."
    )


def snapshot(services: Services) -> list[str]:
    """Every row of every table, as SQL text: equal snapshots mean nothing was written."""
    services.engine.dispose()
    location = services.engine.url.database
    assert location is not None
    connection = sqlite3.connect(location)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()
