"""Finalising and the overall rating: each precondition on its own, and how the mean is derived."""

from __future__ import annotations

import pytest
from review_builders import NOT_OBSERVED, MakeReview, all_rated

from reviewapp.domain.errors import ValidationError
from reviewapp.domain.framework import Framework, RatingLevel, RatingScale
from reviewapp.domain.review import Assessment, ReviewStatus
from reviewapp.domain.rules import (
    derive_overall,
    finalise_problems,
    missing_competencies,
    progress,
    validate_assessment,
    validate_override,
)


def test_ready_review_has_no_problems(framework: Framework, make_review: MakeReview) -> None:
    assert finalise_problems(framework, make_review(all_rated(framework))) == []


def test_not_observed_counts_as_assessed(framework: Framework, make_review: MakeReview) -> None:
    ratings = all_rated(framework, NOT_OBSERVED)
    ratings["CS1"] = 4
    assert finalise_problems(framework, make_review(ratings)) == []


def test_each_missing_competency_is_listed_by_code(
    framework: Framework, make_review: MakeReview
) -> None:
    ratings = all_rated(framework)
    del ratings["CS3"]
    ratings["CS6"] = None
    problems = finalise_problems(framework, make_review(ratings))
    assert len(problems) == 2
    assert problems[0].startswith("Competency CS3 needs a rating or 'not observed'")
    assert "disabilities" in problems[0]
    assert problems[1].startswith("Competency CS6 ")
    assert [c.code for c in missing_competencies(framework, make_review(ratings))] == [
        "CS3",
        "CS6",
    ]
    assert progress(framework, make_review(ratings)) == (5, 7)


def test_no_overall_rating_is_a_problem(framework: Framework, make_review: MakeReview) -> None:
    review = make_review(all_rated(framework, NOT_OBSERVED))
    problems = finalise_problems(framework, review)
    assert len(problems) == 1
    assert problems[0].startswith("An overall rating is needed")


def test_override_supplies_the_overall_rating(
    framework: Framework, make_review: MakeReview
) -> None:
    review = make_review(
        all_rated(framework, NOT_OBSERVED), overall_override=3, override_reason="Seen at desk"
    )
    assert finalise_problems(framework, review) == []


def test_missing_reviewer_sign_off_is_a_problem(
    framework: Framework, make_review: MakeReview
) -> None:
    problems = finalise_problems(framework, make_review(all_rated(framework), signed=False))
    assert problems == ["The reviewer has not signed off."]


def test_every_problem_at_once(framework: Framework, make_review: MakeReview) -> None:
    problems = finalise_problems(framework, make_review({}, signed=False))
    assert len(problems) == 7 + 2
    assert [p.split()[1] for p in problems[:7]] == [c.code for c in framework.competencies]


def test_finalised_review_cannot_be_finalised_again(
    framework: Framework, make_review: MakeReview
) -> None:
    review = make_review(all_rated(framework), status=ReviewStatus.FINALISED)
    assert finalise_problems(framework, review) == ["The review is already finalised."]


def test_mean_leaves_out_not_observed_and_unrated(
    framework: Framework, make_review: MakeReview
) -> None:
    ratings = {"CS1": 3, "CS2": 4, "CS3": NOT_OBSERVED, "CS4": 5, "CS5": None}
    overall = derive_overall(framework, make_review(ratings))
    assert overall.derived == pytest.approx(4.0)
    assert overall.derived_level is not None and overall.derived_level.value == 4
    assert overall.formula == "(3 + 4 + 5) / 3 = 4.00; 4 not observed or unrated, left out"
    assert overall.text == "4.00 Strong"
    assert overall.override is None
    assert overall.level == overall.derived_level


def test_formula_without_skipped_competencies(
    framework: Framework, make_review: MakeReview
) -> None:
    ratings = dict(
        zip([c.code for c in framework.competencies], [1, 2, 3, 4, 5, 5, 5], strict=True)
    )
    overall = derive_overall(framework, make_review(ratings))
    assert overall.formula == "(1 + 2 + 3 + 4 + 5 + 5 + 5) / 7 = 3.57"
    assert overall.derived_level is not None and overall.derived_level.value == 4


@pytest.mark.parametrize(
    ("ratings", "level"),
    [
        ([3, 4], 4),  # 3.5 rounds half up
        ([2, 3], 3),  # 2.5 rounds half up, not to even
        ([1, 2], 2),  # 1.5
        ([4, 5], 5),  # 4.5
        ([3, 3, 4], 3),  # 3.33
        ([3, 4, 4], 4),  # 3.67
        ([1, 1, 1, 2], 1),  # 1.25
        ([5, 5, 5, 5], 5),
    ],
)
def test_derived_level_rounds_halves_up(
    framework: Framework, make_review: MakeReview, ratings: list[int], level: int
) -> None:
    codes = [c.code for c in framework.competencies]
    overall = derive_overall(framework, make_review(dict(zip(codes, ratings, strict=False))))
    assert overall.derived_level is not None
    assert overall.derived_level.value == level


def test_nothing_rated_gives_no_overall(framework: Framework, make_review: MakeReview) -> None:
    overall = derive_overall(framework, make_review({"CS1": NOT_OBSERVED}))
    assert overall.derived is None
    assert overall.level is None
    assert not overall.is_present
    assert overall.text == "Not yet rated"


def test_override_wins_and_shows_its_reason(framework: Framework, make_review: MakeReview) -> None:
    review = make_review(
        all_rated(framework, 3), overall_override=5, override_reason="Led the branch move"
    )
    overall = derive_overall(framework, review)
    assert overall.derived == pytest.approx(3.0)
    assert overall.level is not None and overall.level.value == 5
    assert overall.text == "5 Role model (override: Led the branch move)"


def test_override_needs_a_reason() -> None:
    scale = _scale(1, 2, 3, 4, 5)
    with pytest.raises(ValidationError) as info:
        validate_override(scale, 4, "   ")
    assert info.value.field == "override_reason"
    assert "override reason is required" in str(info.value)


def test_override_must_be_on_the_scale() -> None:
    with pytest.raises(ValidationError) as info:
        validate_override(_scale(1, 2, 3, 4, 5), 6, "Because")
    assert info.value.field == "rating"
    assert "1, 2, 3, 4, 5" in str(info.value)


def test_valid_override_returns_the_cleaned_reason() -> None:
    assert validate_override(_scale(1, 2, 3), 2, "  Good reason \n") == "Good reason"
    assert validate_override(_scale(1, 2, 3), None, "ignored") == ""


def test_assessment_cannot_be_both_rating_and_not_observed() -> None:
    with pytest.raises(ValidationError, match="both"):
        validate_assessment(_scale(1, 2, 3), Assessment(2, True))
    validate_assessment(_scale(1, 2, 3), Assessment(None, True))
    validate_assessment(_scale(1, 2, 3), Assessment())


def _scale(*values: int) -> RatingScale:
    return RatingScale(tuple(RatingLevel(v, f"L{v}", "") for v in values))


@pytest.mark.parametrize(
    ("score", "expected"),
    [(0.2, 1), (1.49, 1), (1.5, 2), (2.5, 3), (3.4999, 3), (3.5, 4), (4.5, 5), (5.0, 5), (9, 5)],
)
def test_nearest_on_a_contiguous_scale(score: float, expected: int) -> None:
    assert _scale(1, 2, 3, 4, 5).nearest(score).value == expected


@pytest.mark.parametrize(
    ("score", "expected"),
    [(1.9, 1), (2.0, 3), (2.2, 3), (3.9, 3), (4.0, 5), (4.6, 5)],
)
def test_nearest_on_a_scale_with_gaps_uses_midpoints(score: float, expected: int) -> None:
    assert _scale(1, 3, 5).nearest(score).value == expected
