"""A fault anywhere: its traceback in the log file, and one dialog in plain words saying so."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import QApplication

from reviewapp import paths
from reviewapp.ui import crash
from reviewapp.ui.crash import CrashDialog, CrashReporter


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = crash.start_logging(tmp_path / "logs")
    assert path is not None
    yield path
    crash.stop_logging()


@pytest.fixture
def reporter(log_file: Path, qtbot) -> Iterator[CrashReporter]:
    """The hooks as the app installs them. Installed here, in the test itself, because
    pytest-qt puts its own exception hook in place around each test."""
    installed = crash.install(log_file)
    try:
        yield installed
    finally:
        crash.uninstall()
        if installed.dialog is not None:
            installed.dialog.close()


def shown_dialog(reporter: CrashReporter, qtbot) -> CrashDialog:
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None
    return dialog


def main_text(dialog: CrashDialog) -> str:
    return f"{dialog.headline.text()}\n{dialog.explanation.text()}\n{dialog.more.text()}"


def broken_slot() -> None:
    raise ValueError("internal detail 42")


def test_a_fault_in_a_slot_is_logged_and_shown_in_words_with_the_log_file(
    qtbot, log_file: Path, reporter: CrashReporter
) -> None:
    QTimer.singleShot(0, broken_slot)
    dialog = shown_dialog(reporter, qtbot)
    text = main_text(dialog)
    assert dialog.headline.text() == "Something went wrong."
    assert "This is a fault in reviewapp, not something you did." in text
    assert "internal detail" not in text and "ValueError" not in text
    assert dialog.log_path.isVisible() and dialog.log_path.text() == str(log_file)
    assert dialog.log_path.isReadOnly()
    assert not dialog.details.isVisible()
    dialog.show_details.click()
    assert dialog.details.isVisible()
    assert "ValueError: internal detail 42" in dialog.details.toPlainText()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "in broken_slot" in logged and "ValueError: internal detail 42" in logged


def test_a_fault_on_a_worker_thread_reaches_the_same_dialog(
    qtbot, log_file: Path, reporter: CrashReporter
) -> None:
    def work() -> None:
        raise KeyError("row 7")

    worker = threading.Thread(target=work, name="indexer")
    worker.start()
    worker.join()
    dialog = shown_dialog(reporter, qtbot)
    assert (
        dialog.headline.text() == "Something went wrong while working in the background (indexer)."
    )
    assert "KeyError" not in main_text(dialog)
    logged = log_file.read_text(encoding="utf-8")
    assert "ERROR [indexer] reviewapp.ui.crash" in logged
    assert "in work" in logged and "KeyError: 'row 7'" in logged


def test_several_faults_at_once_make_one_dialog(
    qtbot, log_file: Path, reporter: CrashReporter
) -> None:
    workers = [threading.Thread(target=broken_slot, name=f"worker {n}") for n in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    dialog = shown_dialog(reporter, qtbot)
    qtbot.waitUntil(lambda: "2 more faults" in dialog.more.text())
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]
    assert shown == [dialog]
    assert log_file.read_text(encoding="utf-8").count("ValueError: internal detail 42") == 3
    dialog.close()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    QTimer.singleShot(0, broken_slot)  # once closed, the next fault gets a dialog again
    assert shown_dialog(reporter, qtbot) is not dialog


def test_the_log_folder_can_be_opened_from_the_dialog(
    qtbot, log_file: Path, reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    crash.report(RuntimeError("oops"), "saving the goal")
    dialog = shown_dialog(reporter, qtbot)
    assert dialog.headline.text() == "Something went wrong while saving the goal."
    dialog.open_folder.click()
    assert [url.toLocalFile() for url in opened] == [str(log_file.parent)]


def test_without_a_log_file_the_details_are_in_the_dialog(qtbot) -> None:
    dialog = CrashDialog("printing", "Traceback ...\nOSError: disk full", None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.log_path.isVisible() and not dialog.open_folder.isVisible()
    assert dialog.details.isVisible()
    assert "could not be written" in dialog.explanation.text()


def test_every_control_has_a_name_a_screen_reader_reads(qtbot, tmp_path: Path) -> None:
    dialog = CrashDialog("printing", "Traceback ...", tmp_path / "reviewapp.log")
    qtbot.addWidget(dialog)
    for widget in (dialog.log_path, dialog.details, dialog.show_details, dialog.open_folder):
        assert widget.accessibleName()
    for button in dialog.buttons.buttons():
        assert button.accessibleName()


def test_the_log_folder_is_the_platforms_unless_set_for_a_test(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from platformdirs import user_log_path

    monkeypatch.delenv(paths.LOG_DIR_ENV, raising=False)
    assert paths.log_folder() == user_log_path("reviewapp", appauthor=False)
    monkeypatch.setenv(paths.LOG_DIR_ENV, str(tmp_path))
    assert paths.log_folder() == tmp_path
    path = crash.start_logging()
    try:
        assert path == tmp_path / "reviewapp.log"
    finally:
        crash.stop_logging()


def test_a_log_folder_that_cannot_be_made_still_lets_the_program_run(tmp_path: Path) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("")
    assert crash.start_logging(blocker / "logs") is None


@pytest.mark.parametrize("factor", [1.0, 2.0])
def test_the_dialog_text_is_not_clipped_at_large_text(qtbot, tmp_path: Path, factor: float) -> None:
    dialog = CrashDialog("writing the review PDF", "Traceback ...", tmp_path / "reviewapp.log")
    qtbot.addWidget(dialog)
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    dialog.setFont(font)
    dialog.show()
    dialog.another()
    for label in (dialog.headline, dialog.explanation, dialog.more):
        assert label.heightForWidth(label.width()) <= label.height()
    assert dialog.frameGeometry().height() <= dialog.screen().availableGeometry().height()


def test_a_fault_before_the_first_paint_sets_up_the_log_and_the_dialog_itself(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewapp import app

    monkeypatch.setenv("REVIEWAPP_LOG_DIR", str(tmp_path / "early"))
    assert not crash.installed()
    try:
        raise RuntimeError("before the paint")
    except RuntimeError as exc:
        fault = exc
    try:
        app.report_early_fault(RuntimeError, fault, fault.__traceback__)
        assert crash.installed()
        reporter = crash.current()
        assert reporter is not None
        dialog = shown_dialog(reporter, qtbot)
        assert dialog.headline.text() == "Something went wrong."
        logged = (tmp_path / "early" / crash.LOG_NAME).read_text(encoding="utf-8")
        assert "RuntimeError: before the paint" in logged
        dialog.close()
    finally:
        crash.uninstall()
        crash.stop_logging()


def test_an_open_crash_dialog_does_not_keep_the_app_running(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    dialog = CrashDialog("saving", "details", None)
    qtbot.addWidget(dialog)
    assert not dialog.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
