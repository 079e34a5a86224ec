"""Every window action means what the user has selected on the page in front (issue: Start
review preselected the first person alphabetically whatever was selected)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from reviewapp.services.container import Services
from reviewapp.ui.staff_dialog import StaffDialog
from reviewapp.ui.start_review_dialog import StartReviewDialog
from tests.ui.ui_helpers import activate, add_member, focused, press, start_review, type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def three(services: Services):
    """Three people; Abel first alphabetically, so a guess would pick him."""
    return (
        add_member(services, "Abel Archer", "E1"),
        add_member(services, "Bea Brook", "E2"),
        add_member(services, "Cleo Cole", "E3"),
    )


def _select_last_in_staff_list(window) -> None:
    window.staff_list.table.setFocus()
    press(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # End alone: the last column
    assert focused() is window.staff_list.table, f"focus was on {focused()!r}"


def _dialog_person(window, qtbot) -> int:
    qtbot.waitUntil(lambda: isinstance(window.dialog, StartReviewDialog))
    dialog = window.dialog
    chosen = dialog.staff.currentData()
    dialog.reject()
    activate(window, qtbot)
    return chosen


def test_every_way_to_start_a_review_preselects_the_selected_person(
    make_window, services, three, qtbot
) -> None:
    window = make_window(services)
    _select_last_in_staff_list(window)
    cleo = three[2]
    press(Qt.Key.Key_R, CTRL_SHIFT)  # the shortcut
    assert _dialog_person(window, qtbot) == cleo.id
    window.window_actions.start_review.trigger()  # File > Start review, and the toolbar's
    assert _dialog_person(window, qtbot) == cleo.id
    window.staff_list.table.setFocus()
    press(Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    window.staff_list.start_button.click()
    assert _dialog_person(window, qtbot) == three[0].id


def test_the_staff_page_and_the_reviews_list_mean_their_own_selection(
    make_window, services, three, qtbot
) -> None:
    abel, bea, _cleo = three
    start_review(services, bea)
    window = make_window(services)
    _select_last_in_staff_list(window)  # Cleo in the Staff list ...
    window.open_staff(abel.id)  # ... but Abel's page in front
    press(Qt.Key.Key_R, CTRL_SHIFT)
    assert _dialog_person(window, qtbot) == abel.id
    window.window_actions.show_reviews.trigger()  # Bea's review is the only row
    qtbot.waitUntil(lambda: window.reviews.model.rowCount() == 1)
    window.reviews.table.setFocus()
    press(Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_R, CTRL_SHIFT)
    assert _dialog_person(window, qtbot) == bea.id
    window.reviews.start_button.click()
    assert _dialog_person(window, qtbot) == bea.id


def test_edit_staff_details_edits_the_person_selected_in_the_staff_list(
    make_window, services, three, qtbot
) -> None:
    window = make_window(services)
    _select_last_in_staff_list(window)
    press(Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(window.dialog, StaffDialog))
    assert window.dialog.name.text() == "Cleo Cole"
    window.dialog.reject()


def test_actions_with_nothing_selected_say_what_to_select(make_window, services, qtbot) -> None:
    window = make_window(services)  # no staff at all
    window.window_actions.edit_staff.trigger()
    assert "Select a staff member first" in window.message()
    window.features.documents.export_pdf.trigger()
    assert "Select a review" in window.message()


def test_after_editing_the_same_person_stays_selected(make_window, services, three, qtbot) -> None:
    window = make_window(services)
    _select_last_in_staff_list(window)
    press(Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(window.dialog, StaffDialog))
    window.dialog.name.setText("Ada Cole")  # now first alphabetically
    with qtbot.waitSignal(window.staff_list.loaded):
        window.dialog.buttons.accepted.emit()
    assert window.selection().staff_id == three[2].id


def test_the_window_title_names_the_page_once(make_window, services, three) -> None:
    review = start_review(services, three[1])
    window = make_window(services)
    assert window.windowTitle() == "Staff — reviewapp"
    window.open_review(review.id)
    assert window.windowTitle() == "Review of Bea Brook — reviewapp"
    assert QApplication.applicationDisplayName() not in window.windowTitle().split(" — ")[:-1]


def test_a_long_status_message_is_shown_whole(make_window, services, qtbot) -> None:
    window = make_window(services)
    window.resize(800, 600)
    text = (
        "Wrote /home/manager/Documents/Reviews/2025/annual-review-of-someone-with-a-long-name."
        "pdf, but no PDF viewer could open it. Open the file from its folder."
    )
    window.show_message(text)
    label = window.findChild(QLabel, "statusMessage")
    qtbot.waitUntil(lambda: label.isVisible())
    assert label.text() == text and label.wordWrap()
    assert label.height() >= label.heightForWidth(label.width())


def test_print_worksheet_and_export_pdf_mean_the_selection_in_front(
    make_window, services, three, qtbot, answers
) -> None:
    review = start_review(services, three[1])
    window = make_window(services)
    _select_last_in_staff_list(window)  # Cleo
    answers.save = None  # cancel at the file dialog: only the proposed name matters here
    window.features.documents.print_worksheet.trigger()
    assert answers.asked[-1][2].name == "worksheet_Cleo_Cole.pdf"
    window.window_actions.show_reviews.trigger()
    qtbot.waitUntil(lambda: window.reviews.model.rowCount() == 1)
    window.reviews.table.setFocus()
    press(Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    window.features.documents.export_pdf.trigger()
    assert answers.asked[-1][2].name == services.documents.file_name(review.id)
    assert window.features.packages.selected_review_ids() == [review.id]


def test_with_nobody_selected_start_review_asks_for_the_person(
    make_window, services, three, qtbot
) -> None:
    window = make_window(services)
    window.staff_list.filter.setFocus()
    type_text(window.staff_list.filter, "nobody by this name")
    qtbot.waitUntil(lambda: window.staff_list.model.rowCount() == 0)
    press(Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(window.dialog, StartReviewDialog))
    dialog = window.dialog
    assert dialog.staff.currentIndex() == -1
    assert dialog.staff.placeholderText() == "Choose the person to review…"
    dialog.reviewer.setText("Mina Park")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert focused() is dialog.staff, f"focus was on {focused()!r}"
    press(Qt.Key.Key_Return)  # Start review, with nobody chosen
    assert "Choose the staff member to review." in dialog.form.message("staff").text()
    assert services.reviews.list() == []
    press(Qt.Key.Key_Down)  # focus is on the person field: the arrow key chooses
    assert dialog.staff.currentData() == three[0].id
    assert dialog.form.message("staff").isHidden()
    dialog.reject()


def test_a_person_is_found_by_typing_their_name(make_window, services, three, qtbot) -> None:
    window = make_window(services)
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.staff_list.filter, f"focus was on {focused()!r}"
    type_text(focused(), "bea")
    press(Qt.Key.Key_Down)  # into the list, on the one match
    assert focused() is window.staff_list.table, f"focus was on {focused()!r}"
    assert window.selection().staff_id == three[1].id
    window.staff_list.filter.setFocus()
    press(Qt.Key.Key_Return)  # Enter in the filter opens the match
    assert window.pages.currentWidget() is window.staff_page
    assert window.staff_page.member is not None and window.staff_page.member.id == three[1].id


def test_import_staff_asks_in_the_folder_used_last_time(
    make_window, services, qtbot, answers, tmp_path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "staff.csv").write_text(
        "name,employee_number,position,branch,start_date\nAna Noël,E1,Shelver,Central,2021-05-03\n",
        encoding="utf-8",
    )
    window = make_window(services)
    answers.open = folder / "staff.csv"
    window.window_actions.import_staff.trigger()
    assert [m.name for m in services.staff.list()] == ["Ana Noël"]
    answers.open = None
    window.window_actions.import_staff.trigger()
    assert answers.asked[-1][2] == folder  # the prompt starts where the last file was


def test_on_the_journal_tab_no_review_is_taken_as_chosen(
    make_window, services, three, qtbot
) -> None:
    start_review(services, three[0])
    window = make_window(services)
    window.open_staff(three[0].id)
    assert window.selection().review_id is not None  # the Reviews tab: its selected row
    window.staff_page.tabs.setCurrentWidget(window.staff_page.journal_tab)
    chosen = window.selection()
    assert chosen.staff_id == three[0].id and chosen.review_id is None and chosen.review_ids == ()


def test_a_renamed_person_is_shown_renamed_in_their_open_review(
    make_window, services, three, qtbot
) -> None:
    review = start_review(services, three[1])
    window = make_window(services)
    window.open_review(review.id)
    press(Qt.Key.Key_E, CTRL_SHIFT)  # Edit staff details, from the review
    qtbot.waitUntil(lambda: isinstance(window.dialog, StaffDialog))
    window.dialog.name.setText("Bea Brook-Stone")
    window.dialog.buttons.accepted.emit()
    assert window.editor.header.title.text().startswith("Bea Brook-Stone")
    assert window.windowTitle() == "Review of Bea Brook-Stone — reviewapp"


def test_status_messages_are_plain_text(make_window, services, qtbot) -> None:
    window = make_window(services)
    window.show_message("Added Jo <b>Lee</b> & co.")
    label = window.findChild(QLabel, "statusMessage")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "Added Jo <b>Lee</b> & co."
