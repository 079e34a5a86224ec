"""The review list a page at a time: counts, order, filter words and paging, all done in SQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from service_helpers import make_ready

from reviewapp.domain.framework import Framework
from reviewapp.domain.review import Assessment, ReviewDraft, ReviewStatus, ReviewType
from reviewapp.domain.review_list import ReviewListQuery, ReviewSort
from reviewapp.domain.staff import StaffDraft, StaffMember
from reviewapp.services.container import Services


def _person(services: Services, name: str, number: str, branch: str) -> StaffMember:
    return services.staff.create(StaffDraft(name, number, branch_name=branch))


def _review(
    services: Services,
    member: StaffMember,
    year: int,
    kind: ReviewType = ReviewType.ANNUAL,
) -> int:
    end = date(year, 6, 30) if kind == ReviewType.MID_YEAR else date(year, 12, 31)
    draft = ReviewDraft(member.id, "Rita", kind, date(year, 1, 1), end)
    return services.reviews.start(draft).id


@pytest.fixture
def people(services: Services) -> dict[str, StaffMember]:
    return {
        "elodie": _person(services, "Élodie Tremblay", "E1", "Bibliothèque Sainte-Anne"),
        "zoe": _person(services, "zoë Adams", "E2", "Central"),
        "bob": _person(services, "Bob O'Neil", "E3", "Ashbury Park"),
    }


@pytest.fixture
def ids(services: Services, people: dict[str, StaffMember]) -> dict[str, int]:
    return {
        "elodie 2023": _review(services, people["elodie"], 2023),
        "elodie 2024": _review(services, people["elodie"], 2024),
        "zoe 2024 mid": _review(services, people["zoe"], 2024, ReviewType.MID_YEAR),
        "bob 2022": _review(services, people["bob"], 2022),
        "bob 2025 probation": _review(services, people["bob"], 2025, ReviewType.PROBATIONARY),
    }


def _ids(services: Services, query: ReviewListQuery) -> list[int]:
    return [s.id for s in services.reviews.page(query, 0, 100).summaries]


def test_default_order_is_newest_first_like_the_full_list(
    services: Services, ids: dict[str, int]
) -> None:
    page = services.reviews.page(ReviewListQuery())
    assert [s.id for s in page.summaries] == [s.id for s in services.reviews.list()]
    assert page.summaries == tuple(services.reviews.list())
    assert (page.total, page.unfiltered, page.offset) == (5, 5, 0)


def test_pages_follow_on_and_count_only_when_asked(services: Services, ids: dict[str, int]) -> None:
    query = ReviewListQuery(sort=ReviewSort.STAFF)
    whole = _ids(services, query)
    first = services.reviews.page(query, 0, 2)
    second = services.reviews.page(query, 2, 2, count=False)
    last = services.reviews.page(query, 4, 2, count=False)
    assert [s.id for s in (*first.summaries, *second.summaries, *last.summaries)] == whole
    assert first.total == 5
    assert second.total is None and second.offset == 2
    assert len(last.summaries) == 1
    assert services.reviews.page(query, 10, 2).summaries == ()


@pytest.mark.parametrize("limit", [0, -1, 1_001])
def test_a_page_size_out_of_range_is_refused(services: Services, limit: int) -> None:
    with pytest.raises(ValueError, match="a page is 1 to 1000 rows"):
        services.reviews.page(ReviewListQuery(), 0, limit)


def test_staff_order_folds_case_and_accents(services: Services, ids: dict[str, int]) -> None:
    up = _ids(services, ReviewListQuery(sort=ReviewSort.STAFF))
    # bob < élodie < zoë, whatever the case and accents; one person's reviews oldest first
    assert up == [
        ids["bob 2022"],
        ids["bob 2025 probation"],
        ids["elodie 2023"],
        ids["elodie 2024"],
        ids["zoe 2024 mid"],
    ]
    assert _ids(services, ReviewListQuery(sort=ReviewSort.STAFF, descending=True)) == up[::-1]


def test_branch_type_and_period_orders(services: Services, ids: dict[str, int]) -> None:
    by_branch = _ids(services, ReviewListQuery(sort=ReviewSort.BRANCH))
    # Ashbury Park < Bibliothèque Sainte-Anne < Central
    assert by_branch[:2] == [ids["bob 2022"], ids["bob 2025 probation"]]
    assert by_branch[-1] == ids["zoe 2024 mid"]
    by_type = _ids(services, ReviewListQuery(sort=ReviewSort.TYPE))
    # by label: Annual, Mid-year, Probationary
    assert by_type[-2:] == [ids["zoe 2024 mid"], ids["bob 2025 probation"]]
    by_period = _ids(services, ReviewListQuery(sort=ReviewSort.PERIOD))
    assert by_period == [
        ids["bob 2022"],
        ids["elodie 2023"],
        ids["zoe 2024 mid"],
        ids["elodie 2024"],
        ids["bob 2025 probation"],
    ]


def test_overall_order_puts_unrated_reviews_last_going_up(
    services: Services, ids: dict[str, int], framework: Framework
) -> None:
    first, second = framework.competencies[0].id, framework.competencies[1].id
    services.reviews.set_competency(ids["bob 2022"], first, Assessment(5))
    services.reviews.set_competency(ids["zoe 2024 mid"], first, Assessment(2))
    services.reviews.set_competency(ids["zoe 2024 mid"], second, Assessment(3))
    up = _ids(services, ReviewListQuery(sort=ReviewSort.OVERALL))
    assert up[:2] == [ids["zoe 2024 mid"], ids["bob 2022"]]
    down = _ids(services, ReviewListQuery(sort=ReviewSort.OVERALL, descending=True))
    assert down[-2:] == [ids["bob 2022"], ids["zoe 2024 mid"]]
    rated = _ids(services, ReviewListQuery(sort=ReviewSort.RATED, descending=True))
    assert rated[:2] == [ids["zoe 2024 mid"], ids["bob 2022"]]


@pytest.mark.parametrize("text", ["elodie", "ÉLODIE", "Elodie trem", "tremblay 2024"])
def test_filter_words_ignore_case_and_accents(
    services: Services, ids: dict[str, int], text: str
) -> None:
    found = set(_ids(services, ReviewListQuery(text)))
    wanted = {ids["elodie 2023"], ids["elodie 2024"]}
    assert found == (wanted if "2024" not in text else {ids["elodie 2024"]})


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("bibliotheque", {"elodie 2023", "elodie 2024"}),
        ("ZOE", {"zoe 2024 mid"}),
        ("mid-year", {"zoe 2024 mid"}),
        ("probation", {"bob 2025 probation"}),
        ("draft o'neil", {"bob 2022", "bob 2025 probation"}),
        ("2024-06-30", {"zoe 2024 mid"}),
        ("to", {"elodie 2023", "elodie 2024", "zoe 2024 mid", "bob 2022", "bob 2025 probation"}),
        ("finalised", set()),
        ("%", set()),
        ("_", set()),
        ("elodie zoe", set()),
    ],
)
def test_every_word_must_appear_in_the_row(
    services: Services, ids: dict[str, int], text: str, wanted: set[str]
) -> None:
    page = services.reviews.page(ReviewListQuery(text))
    assert {s.id for s in page.summaries} == {ids[key] for key in wanted}
    assert (page.total, page.unfiltered) == (len(wanted), 5)


def test_status_filter_with_words(
    services: Services, ids: dict[str, int], framework: Framework
) -> None:
    make_ready(services, ids["elodie 2024"], framework)
    services.reviews.finalise(ids["elodie 2024"])
    page = services.reviews.page(ReviewListQuery("elodie", status=ReviewStatus.FINALISED))
    assert [s.id for s in page.summaries] == [ids["elodie 2024"]]
    assert (page.total, page.unfiltered) == (1, 1)
    drafts = services.reviews.page(ReviewListQuery("elodie", status=ReviewStatus.DRAFT))
    assert [s.id for s in drafts.summaries] == [ids["elodie 2023"]]
    assert (drafts.total, drafts.unfiltered) == (1, 4)
    assert _ids(services, ReviewListQuery("final")) == [ids["elodie 2024"]]


def test_one_persons_reviews(
    services: Services, ids: dict[str, int], people: dict[str, StaffMember]
) -> None:
    query = ReviewListQuery(staff_id=people["bob"].id)
    assert set(_ids(services, query)) == {ids["bob 2022"], ids["bob 2025 probation"]}


def test_a_finalised_review_keeps_the_name_it_was_finalised_with(
    services: Services, framework: Framework
) -> None:
    member = _person(services, "Élodie Tremblay", "E9", "Île-Perrot")
    kept = _review(services, member, 2023)
    make_ready(services, kept, framework)
    services.reviews.finalise(kept)
    later = _review(services, member, 2024)
    draft = StaffDraft("Zélie Martin", "E9", branch_name="Central")
    services.staff.update(member.id, replace(draft))
    assert _ids(services, ReviewListQuery("elodie ile-perrot")) == [kept]
    assert _ids(services, ReviewListQuery("zelie central")) == [later]
    # Sorted by the name shown: Élodie (the snapshot) before Zélie.
    assert _ids(services, ReviewListQuery(sort=ReviewSort.STAFF)) == [kept, later]
    assert _ids(services, ReviewListQuery(sort=ReviewSort.BRANCH, descending=True)) == [kept, later]


def test_an_imported_finalised_review_is_found_by_its_kept_name(
    services: Services, framework: Framework, tmp_path: Path
) -> None:
    member = _person(services, "Élodie Tremblay", "E9", "Île-Perrot")
    kept = _review(services, member, 2023)
    make_ready(services, kept, framework)
    services.reviews.finalise(kept)
    text = services.packages.export_text([kept])
    target = Services.open(tmp_path / "other.sqlite3")
    try:
        target.packages.import_text(text)
        [imported] = target.reviews.list()
        # Renamed since: the imported review is still found by the name it was finalised with.
        renamed = StaffDraft("Zélie Martin", "E9", branch_name="Central")
        target.staff.update(imported.staff_id, renamed)
        [found] = target.reviews.page(ReviewListQuery("elodie ile-perrot")).summaries
        assert (found.staff_name, found.branch_name) == ("Élodie Tremblay", "Île-Perrot")
    finally:
        target.close()
