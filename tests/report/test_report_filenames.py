"""Export file names that work on Windows, macOS and Linux."""

from __future__ import annotations

import dataclasses

import pytest
import report_samples as samples

from reviewapp.domain.review import Review, ReviewSummary, ReviewType
from reviewapp.report import safe_file_name
from reviewapp.report.filenames import MAX_BYTES

WINDOWS_ILLEGAL = set('<>:"/\\|?*')


@pytest.fixture
def review() -> Review:
    return samples.review(samples.framework())


def named(review: Review, name: str) -> str:
    return safe_file_name(dataclasses.replace(review, staff_name=name))


def test_plain_name(review: Review) -> None:
    assert safe_file_name(review) == "Élodie_Tremblay_2024-01-01_2024-12-31_annual.pdf"


def test_review_type_in_name(review: Review) -> None:
    mid = dataclasses.replace(review, review_type=ReviewType.MID_YEAR, staff_name="Ann Lee")
    assert safe_file_name(mid) == "Ann_Lee_2024-01-01_2024-12-31_mid_year.pdf"


@pytest.mark.parametrize(
    "name", ['a<b>c:d"e/f\\g|h?i*j', "tab\tnew\nline\x01", "..dots..", "  spaced  ", "x. "]
)
def test_illegal_characters_are_replaced(review: Review, name: str) -> None:
    result = named(review, name)
    stem = result.removesuffix(".pdf")
    assert not WINDOWS_ILLEGAL & set(result)
    assert all(ord(c) >= 32 for c in result)
    assert not stem.startswith((".", " ")) and not stem.endswith((".", " "))
    assert result.endswith("_2024-01-01_2024-12-31_annual.pdf")


@pytest.mark.parametrize("name", ["CON", "nul", "COM1", "lpt9", "con.txt", "AUX"])
def test_reserved_device_names_are_avoided(review: Review, name: str) -> None:
    result = named(review, name)
    base = result.split(".")[0].split("_")[0]
    assert base.upper() not in {"CON", "NUL", "COM1", "LPT9", "AUX"}
    assert result.startswith("_")


def test_accents_and_other_scripts_are_kept(review: Review) -> None:
    assert named(review, "François Côté-Ngô").startswith("François_Côté-Ngô_")
    assert named(review, "王小明").startswith("王小明_")


def test_empty_name_has_a_fallback(review: Review) -> None:
    assert named(review, "???").startswith("review_")


def test_length_is_limited_in_bytes(review: Review) -> None:
    for name in ("a" * 500, "é" * 500, "图" * 500):
        result = named(review, name)
        assert len(result.encode("utf-8")) <= MAX_BYTES
        assert result.endswith("_2024-01-01_2024-12-31_annual.pdf")


def test_review_summary_gives_the_same_name_as_its_review(review: Review) -> None:
    summary = ReviewSummary(
        id=review.id,
        staff_id=review.staff_id,
        staff_name=review.staff_name,
        branch_name=review.branch_name,
        review_type=review.review_type,
        period_start=review.period_start,
        period_end=review.period_end,
        status=review.status,
        overall_rating=None,
        rated_count=0,
        competency_count=7,
        updated_at=review.updated_at,
    )
    assert safe_file_name(summary) == safe_file_name(review)
