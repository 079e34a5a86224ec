"""Journeys that start a review where the person is chosen on the page in front, while someone
else is selected in the Staff list: keys only, the outcome read from the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reviewapp.domain.staff import StaffMember
from reviewapp.services.container import Services
from reviewapp.ui.start_review_dialog import StartReviewDialog
from tests.ui.journey_helpers import (
    ALT,
    CTRL,
    SHIFT,
    back_in,
    expect_focus,
    press,
    tab_to,
    type_here,
)
from tests.ui.ui_helpers import add_member, start_review


@pytest.fixture
def three(services: Services) -> tuple[StaffMember, StaffMember, StaffMember]:
    """Abel first alphabetically, so a guess would pick him; Cleo last."""
    return (
        add_member(services, "Abel Archer", "E1"),
        add_member(services, "Bea Brook", "E2"),
        add_member(services, "Cleo Cole", "E3"),
    )


def select_last_in_staff_list(qtbot, window) -> None:
    press(Qt.Key.Key_1, CTRL)
    expect_focus(qtbot, window.staff_list.table, "Ctrl+1 shows the Staff list")
    press(Qt.Key.Key_End, CTRL)  # End alone: the last column


def on_staff_page(window):
    """Focus on the staff page's sections (their tab bar takes it)."""
    return lambda widget: window.staff_page.tabs.isAncestorOf(widget)


def start_review_dialog(qtbot) -> StartReviewDialog:
    focus = expect_focus(
        qtbot, lambda w: isinstance(w.window(), StartReviewDialog), "Start review opens"
    )
    dialog = focus.window()
    assert isinstance(dialog, StartReviewDialog)
    return dialog


def start_with_reviewer(qtbot, window, reviewer: str = "Mina Park") -> None:
    """In the open Start review dialog: the reviewer's name, then Enter (Start review)."""
    tab_to(qtbot, "Reviewer")
    type_here(reviewer)
    press(Qt.Key.Key_Return)
    back_in(qtbot, window)
    expect_focus(qtbot, window.editor.competencies, "the new review opens")


def test_start_a_review_from_the_staff_page_of_another_person(
    make_window, services, three, qtbot
) -> None:
    _abel, bea, cleo = three
    window = make_window(services)
    expect_focus(qtbot, window.staff_list.table, "the Staff list opens with its table")
    type_here("Bea")  # the table finds the name as it is typed
    press(Qt.Key.Key_Return)
    expect_focus(qtbot, on_staff_page(window), "Enter opens Bea's page")
    select_last_in_staff_list(qtbot, window)
    assert window.staff_list.selection().staff_id == cleo.id
    press(Qt.Key.Key_Left, ALT)  # Back: Bea's page again, Cleo still selected in the list
    expect_focus(qtbot, on_staff_page(window), "Alt+Left goes back to Bea's page")
    assert window.windowTitle() == "Bea Brook — reviewapp"
    press(Qt.Key.Key_R, CTRL | SHIFT)
    assert start_review_dialog(qtbot).staff.currentData() == bea.id
    press(Qt.Key.Key_Escape)
    back_in(qtbot, window)
    tab_to(qtbot, "Start a review")  # the page's own button
    press(Qt.Key.Key_Space)
    assert start_review_dialog(qtbot).staff.currentData() == bea.id
    start_with_reviewer(qtbot, window)
    assert [r.staff_id for r in services.reviews.list()] == [bea.id]
    assert window.staff_list.selection().staff_id == cleo.id
    assert window.windowTitle() == "Review of Bea Brook — reviewapp"


def test_start_a_review_from_the_reviews_list(make_window, services, three, qtbot) -> None:
    abel, bea, cleo = three
    for member in (abel, bea):
        start_review(services, member)
    window = make_window(services)
    select_last_in_staff_list(qtbot, window)
    assert window.staff_list.selection().staff_id == cleo.id
    press(Qt.Key.Key_2, CTRL)
    expect_focus(qtbot, window.reviews.table, "Ctrl+2 shows the Reviews list")
    qtbot.waitUntil(lambda: window.reviews.model.rowCount() == 2)
    type_here("Bea")  # the row of Bea's review
    assert window.reviews.selection().staff_id == bea.id
    press(Qt.Key.Key_R, CTRL | SHIFT)
    assert start_review_dialog(qtbot).staff.currentData() == bea.id
    press(Qt.Key.Key_Escape)
    back_in(qtbot, window)
    tab_to(qtbot, "Start a review")  # the list's own button
    press(Qt.Key.Key_Space)
    assert start_review_dialog(qtbot).staff.currentData() == bea.id
    start_with_reviewer(qtbot, window)
    assert len(services.reviews.list(staff_id=bea.id)) == 2
    assert services.reviews.list(staff_id=cleo.id) == []
    assert window.staff_list.selection().staff_id == cleo.id
