"""Every page and dialog of the app, shot for ``screenshots.py --all``.

Each dialog is opened the way the app opens it (or shown, for those the app shows before or
without a window), given what makes it interesting (a refusal, results, a long list), settled,
and then grabbed by itself. ``check`` lists what looks cut off, for a second look at the picture.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QWidget,
)

from reviewapp.domain.review import ReviewStatus
from reviewapp.services.backup import BackupInfo
from reviewapp.services.container import Services
from reviewapp.ui import navigation
from reviewapp.ui.common import to_qdate
from reviewapp.ui.crash import CrashDialog
from reviewapp.ui.full_check import DamagedDatabaseDialog
from reviewapp.ui.main_window import MainWindow
from reviewapp.ui.open_problem import OpenProblemDialog
from reviewapp.ui.staff_dialog import StaffDialog
from reviewapp.ui.start_review_dialog import StartReviewDialog

Save = Callable[[QWidget, str], None]


def wait_until(ready: Callable[[], bool], seconds: float = 10) -> None:
    app = QApplication.instance()
    assert app is not None
    end = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > end:
            raise SystemExit("gave up waiting for the app to settle")
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def settle(window: MainWindow) -> None:
    wait_until(lambda: True)
    window.tasks.wait()
    wait_until(lambda: True)


def visible(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0


def check(top: QWidget, name: str) -> None:
    """Print what looks cut off: labels shorter than their text, buttons narrower than theirs,
    and a window larger than the screen."""
    room = top.screen().availableGeometry()
    if isinstance(top, QDialog) and (top.width() > room.width() or top.height() > room.height()):
        print(f"  {name}: {top.width()}x{top.height()} is larger than the screen {room.size()}")
    for label in top.findChildren(QLabel):
        if not visible(label, top) or not label.text():
            continue
        if label.wordWrap():
            needed, height = label.heightForWidth(label.width()), label.height()
            if needed > height:
                print(f"  {name}: label {label.text()[:40]!r} needs {needed}px, has {height}")
        elif label.sizeHint().width() > label.width() + 1:
            print(f"  {name}: label {label.text()[:40]!r} is narrower than its text")
    for button in top.findChildren(QAbstractButton):
        if visible(button, top) and button.text() and button.sizeHint().width() > button.width():
            print(f"  {name}: button {button.text()!r} is narrower than its text")
    for combo in top.findChildren(QComboBox):
        if visible(combo, top) and combo.minimumSizeHint().width() > combo.width():
            print(f"  {name}: combo box {combo.currentText()[:30]!r} is squeezed")


class Tour:
    def __init__(self, window: MainWindow, folder: Path, save: Save) -> None:
        self.window = window
        self.services = window.services
        self.folder = folder
        self._save = save

    def save(self, widget: QWidget, name: str) -> None:
        check(widget, name)
        self._save(widget, name)

    def dialog(self, name: str) -> QDialog:
        """The dialog the window has just opened, grabbed as it is, then closed."""
        dialog = self.window.dialog
        assert isinstance(dialog, QDialog), f"{name}: no dialog was opened"
        self.shoot(dialog, name)
        return dialog

    def shoot(self, dialog: QDialog, name: str) -> None:
        if not dialog.isVisible():
            dialog.show()
        settle(self.window)
        self.save(dialog, name)
        dialog.reject()
        settle(self.window)

    # -- the main window's pages ---------------------------------------------------------------

    def pages(self, staff_id: int, review_id: int, competency_id: int) -> None:
        window = self.window
        window.go(navigation.REVIEWS)
        settle(window)
        self.save(window, "reviews-list")
        window.go(navigation.FRAMEWORKS)
        settle(window)
        self.save(window, "frameworks")
        window.open_staff(staff_id)
        for index, name in enumerate(("reviews", "journal", "goals")):
            window.staff_page.tabs.setCurrentIndex(index)
            settle(window)
            self.save(window, f"staff-page-{name}")
        window.staff_page.tabs.setCurrentIndex(0)
        window.open_review(review_id, competency_id)
        settle(window)
        self.save(window, "editor-competency")
        window.editor.competencies.select(-1)
        settle(window)
        self.save(window, "editor-summary-open")
        final = self.services.reviews.list(status=ReviewStatus.FINALISED)[0]
        window.open_review(final.id)
        window.editor.competencies.select(-1)
        settle(window)
        self.save(window, "editor-summary-finalised")

    # -- the dialogs ---------------------------------------------------------------------------

    def staff_dialogs(self, staff_id: int, review_id: int) -> None:
        window = self.window
        window.go(navigation.STAFF)
        window.add_staff()
        self.dialog("dialog-add-staff")
        window.open_staff(staff_id)
        window.edit_staff()
        edit = window.dialog
        assert isinstance(edit, StaffDialog)
        edit.number.setText("")
        edit.save()
        self.dialog("dialog-edit-staff-refused")
        window.start_review()
        start = window.dialog
        assert isinstance(start, StartReviewDialog)
        review = self.services.reviews.get(review_id)  # the same type and period: refused
        start.review_type.setCurrentIndex(start.review_type.findData(review.review_type.value))
        start.period_start.setDate(to_qdate(review.period_start))
        start.period_end.setDate(to_qdate(review.period_end))
        start.reviewer.setText(start.reviewer.text() or "Mina Park")
        start.start()
        self.dialog("dialog-start-review-overlap")
        window.staff_page.tabs.setCurrentIndex(1)
        note = window.staff_page.open_note_dialog(None)
        assert note is not None
        self.shoot(note, "dialog-evidence-note")
        csv = self.folder / "staff.csv"
        lines = [f"Person {n},,Library assistant,Central,2024-13-{n % 40:02}" for n in range(300)]
        csv.write_text("Name,Employee No,Position,Branch,Start Date\n" + "\n".join(lines) + "\n")
        window.staff_dialogs.import_staff_file(csv)
        self.dialog("dialog-import-refused-300")

    def editor_dialogs(self, review_id: int, competency_id: int) -> None:
        window = self.window
        window.open_review(review_id, competency_id)
        settle(window)
        note = window.editor.open_note_dialog(None)
        assert note is not None
        self.shoot(note, "dialog-evidence-note-in-review")
        window.editor.competencies.select(-1)
        self.shoot(window.editor.summary.goals.open_dialog(None), "dialog-goal")

    def window_dialogs(self) -> None:
        window = self.window
        features = window.features
        find = features.open_find()
        find.search.field.setText("patron")
        find.search.search_now()
        wait_until(lambda: not find.search.busy and find.search.model.rowCount() > 0)
        self.shoot(find, "dialog-find-evidence")
        window.dialog = None
        batch = features.documents.open_batch()
        wait_until(lambda: batch.matches is not None)
        self.dialog("dialog-export-pdfs")
        for kind in ("auto", "manual", "before-restore"):
            self.services.backups.make_backup(kind=kind)
        restore = features.backups.open_restore()
        wait_until(lambda: not restore.loading)
        self.dialog("dialog-restore-backup")
        window.show_shortcuts()
        self.dialog("dialog-shortcuts")

    def problem_dialogs(self) -> None:
        try:
            raise KeyError("competency 7")
        except KeyError:
            details = traceback.format_exc()
        log = self.folder / "logs" / "reviewapp.log"
        crash = CrashDialog("saving the overall rating", details, log, self.window)
        self.shoot(crash, "dialog-crash")
        crash = CrashDialog("saving the overall rating", details, None, self.window)
        self.shoot(crash, "dialog-crash-no-log")
        location = str(self.folder / "Branch reviews" / "reviews.sqlite3")
        backup = BackupInfo(
            self.folder / "b.sqlite3", datetime(2025, 5, 30, 17, 45), 8_421_376, 412, "auto"
        )
        message = (
            "The database file is damaged: the integrity check found 3 problems "
            "(page 118 is never used; row 4 missing from index ix_reviews_staff)."
        )
        damaged = DamagedDatabaseDialog(location, message, backup, self.window)
        self.shoot(damaged, "dialog-damaged-database")
        opening = OpenProblemDialog(location, "The file is not a reviewapp database.", backup)
        self.shoot(opening, "dialog-open-problem")
        opening = OpenProblemDialog(location, "The file is empty.", None)
        self.shoot(opening, "dialog-open-problem-no-backup")


def other_windows(folder: Path, services: Services, size: tuple[int, int], save: Save) -> None:
    """The welcome panel of an empty database, and a second window on the demo database,
    read-only because the first holds it."""
    settings = QSettings(str(folder / "other.ini"), QSettings.Format.IniFormat)
    for name, opened in (
        ("staff-list-empty", Services.open(folder / "empty.sqlite3", lock=True)),
        ("read-only", Services.open(services.location, lock=True, if_in_use="read_only")),
    ):
        try:
            window = MainWindow(opened, settings)
            window.resize(*size)
            window.show()
            settle(window)
            if name == "read-only":
                staff_id = opened.reviews.list(status=ReviewStatus.IN_PROGRESS)[0].staff_id
                window.open_staff(staff_id)
                settle(window)
            check(window, name)
            save(window, name)
            window.close()
        finally:
            opened.close()


def shoot_all(window: MainWindow, folder: Path, save: Save, ids: tuple[int, int, int]) -> None:
    staff_id, review_id, competency_id = ids
    tour = Tour(window, folder, save)
    tour.pages(staff_id, review_id, competency_id)
    tour.staff_dialogs(staff_id, review_id)
    tour.editor_dialogs(review_id, competency_id)
    tour.window_dialogs()
    tour.problem_dialogs()
    other_windows(folder, window.services, (window.width(), window.height()), save)
