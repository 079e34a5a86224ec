"""First start, the staff list and page, and the staff dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_helpers import add_member, press, type_text

from reviewapp.services.container import Services
from reviewapp.ui.staff_dialog import StaffDialog


def test_first_start_says_what_to_do(window) -> None:
    assert window.staff_list.stack.currentWidget() is window.staff_list.welcome
    welcome = window.staff_list.welcome
    assert welcome.add_button.isVisible() and welcome.import_button.isVisible()
    assert window.database_label.text().startswith("Database: ")
    assert window.services.location == window.database_label.toolTip()


def test_add_staff_with_validation_beside_the_field(window, services: Services, qtbot) -> None:
    window.window_actions.add_staff.trigger()
    dialog = window.dialog
    assert isinstance(dialog, StaffDialog)
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "Zoë SStraße")
    dialog.buttons.accepted.emit()
    message = dialog.form.message("employee_number")
    assert message.isVisible()
    assert "employee number is required" in message.text()
    assert not dialog.form.message("name").isVisible()
    assert services.staff.list() == []
    type_text(dialog.number, "E-42")
    type_text(dialog.email, "not an address")
    dialog.buttons.accepted.emit()
    assert dialog.form.message("email").isVisible()
    dialog.email.clear()
    type_text(dialog.email, "zoe@example.org")
    with qtbot.waitSignal(window.staff_list.loaded):
        dialog.buttons.accepted.emit()
    (stored,) = services.staff.list()
    assert (stored.name, stored.employee_number, stored.email) == (
        "Zoë SStraße",
        "E-42",
        "zoe@example.org",
    )
    assert window.pages.currentWidget() is window.staff_page
    assert window.staff_page.title.text() == "Zoë SStraße"
    assert window.staff_list.model.rowCount() == 1


def test_staff_list_filters_and_opens_with_the_keyboard(make_window, services, qtbot) -> None:
    add_member(services, "Ana Noël", "E1")
    add_member(services, "Bob Chen", "E2")
    window = make_window(services)
    page = window.staff_list
    assert page.model.rowCount() == 2
    window.window_actions.find.trigger()
    assert page.filter.hasFocus()
    QTest.keyClicks(page.filter, "noel")
    assert page.model.rowCount() == 1
    assert "1 shown of 2" in page.count.text()
    press(Qt.Key.Key_Tab)  # the "show inactive" box
    press(Qt.Key.Key_Tab)  # the table
    assert page.table.hasFocus()
    press(Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.staff_page
    assert window.staff_page.member.name == "Ana Noël"


def test_editing_a_member_updates_the_list_row(make_window, services, qtbot) -> None:
    member = add_member(services)
    window = make_window(services)
    window.open_staff(member.id)
    window.window_actions.edit_staff.trigger()
    dialog = window.dialog
    dialog.position.clear()
    QTest.keyClicks(dialog.position, "Branch head")
    with qtbot.waitSignal(window.staff_list.loaded):
        dialog.buttons.accepted.emit()
    assert services.staff.get(member.id).position == "Branch head"
    assert window.staff_page._detail_labels["position"].text() == "Branch head"


def test_staff_page_journal_adds_a_note(make_window, services, qtbot) -> None:
    member = add_member(services)
    window = make_window(services)
    window.open_staff(member.id)
    dialog = window.staff_page.open_note_dialog(None)
    qtbot.waitExposed(dialog)
    type_text(dialog.text, "Helped a patron — très bien")
    dialog.buttons.accepted.emit()
    (note,) = services.evidence.for_staff(member.id)
    assert note.text == "Helped a patron — très bien"
    assert window.staff_page.journal.list.count() == 1


def test_first_start_can_load_demo_data(window, services: Services, qtbot) -> None:
    button = window.staff_list.welcome.demo_button
    assert button.isVisible()
    with qtbot.waitSignal(window.staff_list.loaded, timeout=60_000):
        window.staff_dialogs.load_demo(staff=5, years=2)
    assert window.staff_list.model.rowCount() == len(services.staff.list()) >= 5
    assert window.staff_list.stack.currentWidget() is not window.staff_list.welcome
