"""The paged Reviews model: Qt's model contract, order and filter from SQL, paging, late answers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_helpers import add_member, start_review

from reviewapp.domain.errors import StoreError
from reviewapp.domain.review import ReviewStatus
from reviewapp.domain.review_list import ReviewListQuery, ReviewSort
from reviewapp.services.container import Services
from reviewapp.ui import review_list_model
from reviewapp.ui.review_list_model import ReviewListModel
from reviewapp.ui.review_table_model import COLUMN_PERIOD, COLUMN_STAFF
from reviewapp.ui.tasks import TaskRunner

Job = tuple[Callable[[], Any], Callable[[Any], None], Callable[[str], None]]


class HeldRunner:
    """Runs nothing until the test says so: answers arrive in the order the test chooses."""

    def __init__(self) -> None:
        self.jobs: list[Job] = []

    def run(self, work: Any, on_done: Any, on_failed: Any, *, doing: str = "") -> None:
        assert doing == "reading the reviews"
        self.jobs.append((work, on_done, on_failed))

    def answer(self, job: int = 0) -> None:
        work, on_done, on_failed = self.jobs.pop(job)
        try:
            result = work()
        except StoreError as exc:
            on_failed(str(exc))
        else:
            on_done(result)


class Recorder:
    """services.reviews.page, remembering every query asked."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.asked: list[tuple[ReviewListQuery, int, int]] = []
        self.broken = False

    def __call__(self, query: ReviewListQuery, offset: int, limit: int, **kwargs: Any) -> Any:
        self.asked.append((query, offset, limit))
        if self.broken:
            raise StoreError("The database is locked.")
        return self.services.reviews.page(query, offset, limit, **kwargs)


NAMES = ("Élodie Tremblay", "bob Adams", "Zoë Martin")
YEARS = ((2022, 2024), (2021, 2025), (2023,))


@pytest.fixture
def review_ids(services: Services) -> dict[str, list[int]]:
    """Élodie: 2 reviews, Bob: 2, Zoë: 1 (five in all, newest first by period end)."""
    found: dict[str, list[int]] = {}
    for n, (name, years) in enumerate(zip(NAMES, YEARS, strict=True)):
        member = add_member(services, name, f"E{n}")
        found[name] = [start_review(services, member, date(year, 3, 31)).id for year in years]
    return found


@pytest.fixture
def loader(services: Services, review_ids: dict[str, list[int]]) -> Recorder:
    return Recorder(services)


@pytest.fixture
def held() -> HeldRunner:
    return HeldRunner()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.wait()


def names(model: ReviewListModel) -> list[str]:
    return [model.record(row).staff_name for row in range(model.rowCount())]


def loaded(qtbot, model: ReviewListModel) -> ReviewListModel:
    model.refresh()
    qtbot.waitUntil(lambda: not model.loading)
    return model


def test_the_model_keeps_qts_contract_through_loads_sorts_and_pages(
    qtmodeltester, qtbot, loader: Recorder, runner: TaskRunner, monkeypatch
) -> None:
    monkeypatch.setattr(review_list_model, "FIRST_PAGE", 2)
    monkeypatch.setattr(review_list_model, "NEXT_PAGE", 2)
    model = ReviewListModel(loader, runner)
    qtmodeltester.check(model)  # stays attached: every reset and insert below is checked
    loaded(qtbot, model)
    model.sort(COLUMN_STAFF, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.loading)

    def scrolled_to_the_end() -> bool:  # as a view does while its last row is in sight
        if model.canFetchMore():
            model.fetchMore()
        return model.rowCount() == 5

    qtbot.waitUntil(scrolled_to_the_end)
    assert not model.canFetchMore()
    assert model.columnCount() == 7
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Staff member"
    assert model.index(0, 0).data() == "Zoë Martin"
    assert model.index(0, 0).data(ReviewListModel.IdRole) == model.record(0).id


def test_the_first_page_comes_newest_first_with_the_counts(
    qtbot, loader: Recorder, runner: TaskRunner, review_ids: dict[str, list[int]]
) -> None:
    model = loaded(qtbot, ReviewListModel(loader, runner))
    assert names(model) == [NAMES[1], NAMES[0], NAMES[2], NAMES[0], NAMES[1]]
    assert (model.total, model.unfiltered) == (5, 5)
    assert model.index(0, COLUMN_PERIOD).data() == "2024-04-01 to 2025-03-31"
    assert loader.asked == [(ReviewListQuery(), 0, review_list_model.FIRST_PAGE)]


def test_sorting_asks_the_database_for_the_order(
    qtbot, loader: Recorder, runner: TaskRunner
) -> None:
    model = loaded(qtbot, ReviewListModel(loader, runner))
    model.sort(COLUMN_STAFF)
    qtbot.waitUntil(lambda: not model.loading)
    assert loader.asked[-1][0] == ReviewListQuery(sort=ReviewSort.STAFF)
    # folded: bob < élodie < zoë, whatever the case and accents
    assert names(model) == [NAMES[1], NAMES[1], NAMES[0], NAMES[0], NAMES[2]]
    model.sort(COLUMN_STAFF, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not model.loading)
    assert names(model) == [NAMES[2], NAMES[0], NAMES[0], NAMES[1], NAMES[1]]
    asked = len(loader.asked)
    model.sort(COLUMN_STAFF, Qt.SortOrder.DescendingOrder)  # the same order: nothing to ask
    assert len(loader.asked) == asked
    model.sort(-1)
    qtbot.waitUntil(lambda: not model.loading)
    assert loader.asked[-1][0] == ReviewListQuery()


def test_the_filter_ignores_case_and_accents(qtbot, loader: Recorder, runner: TaskRunner) -> None:
    model = loaded(qtbot, ReviewListModel(loader, runner))
    model.set_text("  elodie  ")
    qtbot.waitUntil(lambda: not model.loading)
    assert names(model) == [NAMES[0], NAMES[0]]
    assert (model.total, model.unfiltered) == (2, 5)
    model.set_text("ZOE 2023")
    qtbot.waitUntil(lambda: not model.loading)
    assert names(model) == [NAMES[2]]
    model.set_status(ReviewStatus.FINALISED)
    qtbot.waitUntil(lambda: not model.loading)
    assert (model.rowCount(), model.total, model.unfiltered) == (0, 0, 0)


def test_rows_beyond_the_first_page_arrive_when_fetched(
    qtbot, loader: Recorder, held: HeldRunner, monkeypatch
) -> None:
    monkeypatch.setattr(review_list_model, "FIRST_PAGE", 2)
    monkeypatch.setattr(review_list_model, "NEXT_PAGE", 2)
    model = ReviewListModel(loader, held)
    model.refresh()
    assert not model.canFetchMore()  # nothing is known before the first answer
    held.answer()
    assert (model.rowCount(), model.total) == (2, 5)
    assert model.canFetchMore()
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.fetchMore()
        assert not model.canFetchMore()  # one page at a time
        model.fetchMore()
        assert len(held.jobs) == 1
        held.answer()
    assert inserted.args[1:] == [2, 3]
    model.fetchMore()
    held.answer()
    assert model.rowCount() == 5
    assert not model.canFetchMore()
    assert [asked[1:] for asked in loader.asked] == [(0, 2), (2, 2), (4, 2)]
    ids = [model.record(row).id for row in range(5)]
    assert len(set(ids)) == 5


def test_an_answer_to_a_superseded_query_is_ignored(
    loader: Recorder, held: HeldRunner, review_ids: dict[str, list[int]]
) -> None:
    model = ReviewListModel(loader, held)
    model.refresh()
    model.set_text("bob")  # asked while the first query runs: waits for it
    model.set_text("zoe")  # replaces the waiting "bob"
    assert len(held.jobs) == 1
    held.answer()  # the answer to the first query: superseded, dropped
    assert model.rowCount() == 0 and model.loading
    assert len(held.jobs) == 1  # "zoe" asked now; "bob" never
    held.answer()
    assert names(model) == [NAMES[2]]
    assert [query.text for query, _o, _l in loader.asked] == ["", "zoe"]


def test_a_next_page_of_a_superseded_query_is_ignored(
    loader: Recorder, held: HeldRunner, monkeypatch
) -> None:
    monkeypatch.setattr(review_list_model, "FIRST_PAGE", 2)
    model = ReviewListModel(loader, held)
    model.refresh()
    held.answer()
    model.fetchMore()  # next page of the newest-first list...
    model.sort(COLUMN_STAFF)  # ...then a new order before it arrives
    held.answer()  # the old next page: dropped
    assert model.rowCount() == 2 and model.loading
    held.answer()
    assert model.query.sort == ReviewSort.STAFF
    assert names(model) == [NAMES[1], NAMES[1]]


def test_a_failed_read_is_reported_and_paging_waits_for_a_new_request(
    qtbot, loader: Recorder, held: HeldRunner, monkeypatch
) -> None:
    monkeypatch.setattr(review_list_model, "FIRST_PAGE", 2)
    model = ReviewListModel(loader, held)
    model.refresh()
    held.answer()
    loader.broken = True
    model.fetchMore()
    with qtbot.waitSignal(model.failed) as failed:
        held.answer()
    assert failed.args == ["The database is locked."]
    assert model.rowCount() == 2
    assert not model.canFetchMore()  # no retry loop from the view
    loader.broken = False
    model.refresh()
    held.answer()
    assert model.canFetchMore()


def test_nothing_is_asked_before_the_first_refresh(loader: Recorder, held: HeldRunner) -> None:
    model = ReviewListModel(loader, held)
    model.sort(COLUMN_STAFF)
    model.set_text("bob")
    assert held.jobs == [] and loader.asked == []
    model.refresh()
    held.answer()
    assert loader.asked[0][0] == ReviewListQuery("bob", sort=ReviewSort.STAFF)
