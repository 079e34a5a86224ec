"""Input rules shared by every use case: periods, overlap, free text."""

from __future__ import annotations

from datetime import date

import pytest

from reviewapp.domain.errors import ValidationError
from reviewapp.domain.rules import (
    MAX_TEXT_LENGTH,
    periods_overlap,
    validate_period,
    validate_text,
)


def test_period_must_end_after_it_starts() -> None:
    validate_period(date(2024, 1, 1), date(2024, 1, 2))
    for end in (date(2024, 1, 1), date(2023, 12, 31)):
        with pytest.raises(ValidationError) as info:
            validate_period(date(2024, 1, 1), end)
        assert info.value.field == "period_end"
        assert "2024-01-01" in str(info.value)
        assert f"{end:%Y-%m-%d}" in str(info.value)


def test_the_meeting_is_not_before_the_period_it_discusses() -> None:
    start, end = date(2027, 2, 2), date(2028, 2, 1)
    for meeting in (None, start, end, date(2028, 3, 1)):
        validate_period(start, end, meeting)
    with pytest.raises(ValidationError) as info:
        validate_period(start, end, date(2026, 12, 8))
    assert info.value.field == "meeting_date"
    assert "2026-12-08" in str(info.value) and "2027-02-02" in str(info.value)


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (("2024-01-01", "2024-06-30"), ("2024-06-30", "2024-12-31"), True),  # one shared day
        (("2024-01-01", "2024-06-30"), ("2024-07-01", "2024-12-31"), False),  # adjacent
        (("2024-01-01", "2024-12-31"), ("2024-03-01", "2024-04-01"), True),  # inside
        (("2024-03-01", "2024-04-01"), ("2024-01-01", "2024-12-31"), True),  # around
        (("2024-01-01", "2024-06-30"), ("2023-06-01", "2024-01-01"), True),  # shares first day
        (("2024-01-01", "2024-06-30"), ("2022-01-01", "2022-12-31"), False),  # well before
    ],
)
def test_periods_overlap(a: tuple[str, str], b: tuple[str, str], overlap: bool) -> None:
    a_days = [date.fromisoformat(d) for d in a]
    b_days = [date.fromisoformat(d) for d in b]
    assert periods_overlap(*a_days, *b_days) is overlap
    assert periods_overlap(*b_days, *a_days) is overlap


def test_text_is_stripped() -> None:
    assert validate_text("  Kind to patrons \n", "strengths") == "Kind to patrons"
    assert validate_text("", "strengths") == ""


def test_required_text_names_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        validate_text(" \t\n", "reviewer_name", required=True)
    assert info.value.field == "reviewer_name"
    assert str(info.value) == "The reviewer name is required."


def test_too_long_text_gives_length_and_limit() -> None:
    validate_text("x" * 10, "comment", limit=10)
    with pytest.raises(ValidationError) as info:
        validate_text("x" * 11, "comment", limit=10)
    assert info.value.field == "comment"
    assert "11 characters; at most 10" in str(info.value)


def test_default_limit() -> None:
    validate_text("x" * MAX_TEXT_LENGTH, "strengths")
    with pytest.raises(ValidationError, match="200,001"):
        validate_text("x" * (MAX_TEXT_LENGTH + 1), "strengths")


def test_nul_character_is_refused() -> None:
    with pytest.raises(ValidationError, match="NUL") as info:
        validate_text("a\x00b", "comment")
    assert info.value.field == "comment"


def test_unicode_text_is_kept_as_typed() -> None:
    assert validate_text("Zoë 李 — “quoted” 🙂", "comment") == "Zoë 李 — “quoted” 🙂"
