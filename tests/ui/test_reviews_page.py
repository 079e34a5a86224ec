"""The Reviews page over the paged model: typing, header clicks, scrolling, selection kept."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_helpers import add_member, start_review, type_text

from reviewapp.domain.review_list import ReviewListQuery, ReviewSort
from reviewapp.services.container import Services
from reviewapp.ui import navigation, review_list_model
from reviewapp.ui.review_table_model import COLUMN_STAFF


class Counted:
    """services.reviews.page, counting the queries the page asks."""

    def __init__(self, services: Services) -> None:
        self.real = services.reviews.page
        self.asked: list[tuple[ReviewListQuery, int]] = []

    def __call__(self, query: ReviewListQuery, offset: int, *args: Any, **kwargs: Any) -> Any:
        self.asked.append((query, offset))
        return self.real(query, offset, *args, **kwargs)


@pytest.fixture
def counted(services: Services, monkeypatch) -> Counted:
    for n, name in enumerate(("Élodie Tremblay", "bob Adams", "Zoë Martin")):
        member = add_member(services, name, f"E{n}")
        for year in (2023, 2024):
            start_review(services, member, date(year, 3, 31))
    recorder = Counted(services)
    monkeypatch.setattr(services.reviews, "page", recorder)
    return recorder


def open_reviews(make_window, services: Services, qtbot) -> Any:
    window = make_window(services)
    window.go(navigation.REVIEWS)
    page = window.reviews
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading)
    return page


def staff_names(page: Any) -> list[str]:
    model = page.model
    return [model.record(row).staff_name for row in range(model.rowCount())]


def test_typing_asks_once_when_typing_pauses_and_folds_accents(
    make_window, services: Services, qtbot, counted: Counted
) -> None:
    page = open_reviews(make_window, services, qtbot)
    assert page.count.text() == "6 shown of 6 reviews"
    asked = len(counted.asked)
    page.filter.setFocus()
    type_text(page.filter, "elodie")
    qtbot.waitUntil(lambda: not page.filtering)
    assert [query.text for query, _offset in counted.asked[asked:]] == ["elodie"]
    assert staff_names(page) == ["Élodie Tremblay", "Élodie Tremblay"]
    assert page.count.text() == "2 shown of 6 reviews"
    assert page.table.currentIndex().row() == 0


def test_a_header_click_sorts_in_the_database(
    make_window, services: Services, qtbot, counted: Counted
) -> None:
    page = open_reviews(make_window, services, qtbot)
    header = page.table.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(COLUMN_STAFF) + 10, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    qtbot.waitUntil(lambda: not page.model.loading)
    assert counted.asked[-1] == (ReviewListQuery(sort=ReviewSort.STAFF), 0)
    assert staff_names(page) == ["bob Adams"] * 2 + ["Élodie Tremblay"] * 2 + ["Zoë Martin"] * 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    qtbot.waitUntil(lambda: not page.model.loading)
    assert counted.asked[-1][0].descending
    assert staff_names(page)[0] == "Zoë Martin"


def test_selected_reviews_stay_selected_after_a_new_order(
    make_window, services: Services, qtbot, counted: Counted
) -> None:
    page = open_reviews(make_window, services, qtbot)
    model, selection = page.model, page.table.selectionModel()
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    selection.select(model.index(1, 0), flags)
    rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.setCurrentIndex(model.index(4, 0), rows)
    chosen = {model.record(1).id, model.record(4).id}
    current = model.record(4).id
    page.table.sortByColumn(COLUMN_STAFF, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.query.sort == ReviewSort.STAFF and not model.loading)
    kept = {model.record(index.row()).id for index in selection.selectedRows()}
    assert kept == chosen
    assert model.record(page.table.currentIndex().row()).id == current


def test_scrolling_to_the_end_loads_the_next_pages(
    make_window, services: Services, qtbot, counted: Counted, monkeypatch
) -> None:
    monkeypatch.setattr(review_list_model, "FIRST_PAGE", 2)
    monkeypatch.setattr(review_list_model, "NEXT_PAGE", 2)
    page = open_reviews(make_window, services, qtbot)
    # The window shows more than two rows: the table asks for more until it is full.
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)
    assert [offset for _query, offset in counted.asked] == [0, 2, 4]
    assert page.count.text() == "6 shown of 6 reviews"
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.table.currentIndex().row() == 5  # the last row, now that every row is loaded


def test_moving_to_the_last_row_with_the_keyboard_loads_the_next_page(
    make_window, services: Services, qtbot, counted: Counted, monkeypatch
) -> None:
    monkeypatch.setattr(review_list_model, "FIRST_PAGE", 3)
    monkeypatch.setattr(review_list_model, "NEXT_PAGE", 3)
    window = make_window(services)
    table = window.reviews.table
    row_height = table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + row_height * 2)
    window.go(navigation.REVIEWS)
    model = window.reviews.model
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.loading)
    QApplication.processEvents()  # the view's own check for more (a zero-time timer) has run
    assert model.rowCount() == 3 and len(counted.asked) == 1  # its last row is out of sight
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.rowCount() == 6)
    assert [offset for _query, offset in counted.asked] == [0, 3]
    QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert table.currentIndex().row() == 5
