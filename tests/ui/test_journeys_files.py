"""Journeys with files, by keys: import staff from a CSV file, and back up then restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget

from reviewapp.ui.backup_dialog import RestoreDialog
from reviewapp.ui.message_list import MessageListDialog
from tests.ui.journey_helpers import (
    CTRL,
    back_in,
    choose_file_when_asked,
    expect_focus,
    menu_item,
    press,
    tab_to,
    type_here,
)
from tests.ui.ui_helpers import add_member

HEADER = "name,employee_number,position,branch,start_date\n"
GOOD = HEADER + "Ana Noël,E200,Library assistant,Central,2021-05-03\n"
GOOD += "Ben Okafor,E201,Shelver,Central,2023-01-09\n"

# The file dialog's name completer pops up as the path is typed; the offscreen platform cannot
# raise it or give it the keyboard grab, and says so (a real display is silent). This marker
# replaces conftest's, so it repeats conftest's size-hints warning.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


def import_by_keys(qtbot, window, path: Path) -> None:
    """Ctrl+I, then the file's name typed into the file dialog and Enter."""
    chosen = choose_file_when_asked(path)
    press(Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: not chosen.isActive())


@OFFSCREEN_POPUP
def test_import_staff_from_a_csv_file(make_window, services, tmp_path, qtbot) -> None:
    path = tmp_path / "staff.csv"
    path.write_text(GOOD, encoding="utf-8")
    window = make_window(services)
    expect_focus(qtbot, window.staff_list.welcome.add_button, "an empty database welcomes")
    import_by_keys(qtbot, window, path)
    back_in(qtbot, window)
    qtbot.waitUntil(lambda: window.staff_list.model.rowCount() == 2)
    assert [m.name for m in services.staff.list()] == ["Ana Noël", "Ben Okafor"]
    assert window.message() == "Imported 2 staff members from staff.csv."


BAD = HEADER + "Ana Noël,E200,Library assistant,Central,2021-05-03\n"
BAD += ",E201,Shelver,Central,2023-01-09\n"  # line 3: no name
BAD += "Cy Dale,E202,Shelver,Central,9 May 2023\n"  # line 4: not an ISO date
BAD += "Di Eve,E200,Shelver,Central,2023-01-09\n"  # line 5: Ana's number again


@OFFSCREEN_POPUP
def test_a_csv_with_errors_is_refused_and_its_problems_can_be_read(
    make_window, services, tmp_path, qtbot
) -> None:
    add_member(services, "Abel Archer", "E1")
    path = tmp_path / "staff with errors.csv"
    path.write_text(BAD, encoding="utf-8")
    window = make_window(services)
    import_by_keys(qtbot, window, path)
    problems = expect_focus(
        qtbot, lambda w: isinstance(w.window(), MessageListDialog), "the problems are shown"
    ).window()
    assert isinstance(problems, MessageListDialog)
    rows = tab_to(qtbot, lambda w: isinstance(w, QListWidget), 10)
    assert isinstance(rows, QListWidget)
    read: list[str] = []
    press(Qt.Key.Key_Home)
    for _ in range(rows.count()):
        read.append(rows.currentItem().text())
        press(Qt.Key.Key_Down)
    assert [line.split(":")[0] for line in read] == ["Line 3", "Line 4", "Line 5"]
    assert "name is empty" in read[0] and "9 May 2023" in read[1] and "E200" in read[2]
    press(Qt.Key.Key_Escape)
    back_in(qtbot, window)
    assert [m.name for m in services.staff.list()] == ["Abel Archer"]


@OFFSCREEN_POPUP
def test_back_up_change_something_and_restore(make_window, services, answers, qtbot) -> None:
    add_member(services, "Abel Archer", "E1")
    window = make_window(services)
    menu_item(qtbot, window, Qt.Key.Key_F, Qt.Key.Key_B)  # Back up now
    qtbot.waitUntil(lambda: window.message().startswith("Backup written and verified"))
    (made,) = services.backups.list_backups()
    press(Qt.Key.Key_N, CTRL)  # a change after the backup: a second person
    expect_focus(qtbot, "Full name", "Add staff member starts at the name")
    type_here("Bea Brook")
    tab_to(qtbot, "Employee number")
    type_here("E2")
    press(Qt.Key.Key_Return)
    back_in(qtbot, window)
    assert [m.name for m in services.staff.list()] == ["Abel Archer", "Bea Brook"]
    menu_item(qtbot, window, Qt.Key.Key_F, Qt.Key.Key_R)  # Restore from backup…
    restore = expect_focus(qtbot, "Backups", "the backups are listed, newest first").window()
    assert isinstance(restore, RestoreDialog) and restore.selected() == made
    press(Qt.Key.Key_Return)  # restore the backup with the cursor; the question is answered yes
    done = expect_focus(
        qtbot, lambda w: w.window().windowTitle() == "Backup restored", "the restore is reported"
    )
    assert made.path.name in done.window().findChild(QLabel).text()
    press(Qt.Key.Key_Escape)
    back_in(qtbot, window)
    assert len(answers.confirmations) == 1
    assert [m.name for m in services.staff.list()] == ["Abel Archer"]
    qtbot.waitUntil(lambda: window.staff_list.model.rowCount() == 1)
