"""Domain fixtures: the shipped framework with ids, and a builder for reviews in any state."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from review_builders import MakeReview, Rating, build_review, with_ids

from reviewapp import paths
from reviewapp.domain.framework import Framework
from reviewapp.domain.framework_file import parse_framework
from reviewapp.domain.review import Review


@pytest.fixture(scope="session")
def shipped_text() -> str:
    return paths.DEFAULT_FRAMEWORK_FILE.read_text(encoding="utf-8")


@pytest.fixture
def framework(shipped_text: str) -> Framework:
    return with_ids(parse_framework(shipped_text))


@pytest.fixture
def make_review(framework: Framework) -> MakeReview:
    def make(ratings: Mapping[str, Rating] | None = None, **kwargs: Any) -> Review:
        return build_review(framework, ratings, **kwargs)

    return make
